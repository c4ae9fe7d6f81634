"""The documents the agency archive prints and exports (Decree 30/2020 Appendix V, Appendix VI
III.4.g and V.5–V.6): the file list as PDF and XLSX, a whole case file as PDF + XML with a
checksum manifest, the index of files, the transfer list and the hand-over record.

``data`` reads what they show through the records' policy; ``sheet`` draws a page; ``forms``,
``bundle``, ``metadata`` and ``spreadsheet`` write the outputs. PyMuPDF and openpyxl are not
part of the server's base install: ``writers`` imports them and says so (501) when absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ...errors import ApiProblem

__all__ = ["writers"]


@contextmanager
def writers(library: str) -> Iterator[None]:
    """Around the import of a writer: a server installed without ``library`` answers 501."""
    try:
        yield
    except ImportError as exc:
        raise ApiProblem(
            501,
            f"Máy chủ này chưa cài thư viện {library} để tạo tệp này.",
            f"This server has no {library} installed to produce this file.",
            code="not_installed",
        ) from exc
