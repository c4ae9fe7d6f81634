"""Backups of the document server (Decree 30/2020, Appendix VI III.5.g and IV.1.e): the database
and the stored files, consistent while the server runs, into a folder with a manifest
(``create.py``); checked without restoring (``verify.py``); restored into an empty place and
upgraded to this version's schema (``restore.py``). ``commands.py`` is ``admin backup`` and
``admin restore``; ``docs/backup.md`` the operator's guide. Nothing is imported here, so the
command line starts without loading the database layer."""

__all__: list[str] = []
