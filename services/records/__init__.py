"""Case files and the agency archive for one signed-in account (``Workspace.records``): the
year's file list (``lists``), case files and the archive's work (``files``), the transfer
deadline's warnings (``warnings``). The window and ``vanthu file-list|casefile|archive`` call
the same objects; the server decides every step, the cache keeps the files for offline reading
and the outbox keeps a document put into one's own open file while offline."""

from __future__ import annotations

import datetime as dt

from base.deadlines import today_in_vietnam
from base.errors import current_language
from client.cache.case_files import CaseFilePull

from ..session import Session
from .base import RecordsPart
from .files import CaseFiles, Closing, DocumentOutcome, NewFile
from .forms import Forms, Transfer
from .lists import FileLists, PlannedInput, maintenance_text
from .warnings import KEEPERS, DueWarning, due_notice, due_warnings

__all__ = [
    "Records",
    "FileLists",
    "CaseFiles",
    "Forms",
    "Transfer",
    "FILE_KEEPERS",
    "PlannedInput",
    "NewFile",
    "Closing",
    "DocumentOutcome",
    "DueWarning",
    "maintenance_text",
]


FILE_KEEPERS = frozenset({"clerk", "leader", "specialist", "archivist"})
"""The roles that open case files and put documents into them (docs/records.md)."""


class Records(RecordsPart):
    """The records' services of one account."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.lists = FileLists(session)
        self.files = CaseFiles(session)
        self.forms = Forms(session)

    @property
    def may_open_files(self) -> bool:
        """Who handles work keeps case files (the server's rule: not the administrators)."""
        return self.session.user.role in FILE_KEEPERS

    @property
    def keeper(self) -> bool:
        """Leaders and archivists see and are warned of the organisation's files."""
        return self.session.user.role in KEEPERS

    def pull(self) -> CaseFilePull | None:
        """Bring the cached case files up to date (``Workspace.sync_now`` calls it)."""
        return self.refresh_cache()

    def due(self, today: dt.date | None = None) -> list[DueWarning]:
        """Files due for transfer within 30 days or overdue (III.5.b), from the cache: the
        user's own, or the organisation's for the archive and the leaders."""
        return due_warnings(self.session.store, self.session.user, today or today_in_vietnam())

    def due_notice(self, today: dt.date | None = None, lang: str | None = None) -> str | None:
        """The one line a command prints when files are due (None: nothing due)."""
        return due_notice(
            self.session.store,
            self.session.user,
            today or today_in_vietnam(),
            lang or current_language(),
        )
