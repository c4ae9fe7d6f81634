"""The transfer deadline's warning (Appendix VI III.5.b): files due for transfer to the agency
archive within 30 days, or overdue, for their creator and for the archive and the leaders.

Read from the cache — no request — so the window's tray and queues, and the command line's
one-line notice before any records command, cost nothing and work offline; ``base.records``
decides what "due" means, as it does for the server's ``queue=due``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from base.records import WARNING_DAYS
from client.cache import CacheStore
from client.cache.case_files import due_files
from client.case_file_records import CaseFile
from client.records import User

__all__ = ["DueWarning", "KEEPERS", "due_warnings", "due_notice"]

KEEPERS = frozenset({"leader", "archivist"})
"""Who is warned of every file of the organisation (the archive; the head, Art. 31.1)."""


@dataclass(frozen=True)
class DueWarning:
    case_file: CaseFile
    days_left: int
    """Negative: overdue by that many days."""

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    def message(self, lang: str = "vi") -> str:
        code, day = self.case_file.code, self.case_file.due_date
        when = f"{day:%d/%m/%Y}" if day else "?"
        if lang == "en":
            if self.overdue:
                return f"{code} was due for transfer on {when} ({-self.days_left} days overdue)"
            return f"{code} is due for transfer by {when} ({self.days_left} days left)"
        if self.overdue:
            return f"{code} đã quá hạn nộp lưu {when} ({-self.days_left} ngày)"
        return f"{code} đến hạn nộp lưu {when} (còn {self.days_left} ngày)"


def due_warnings(store: CacheStore, user: User, today: dt.date) -> list[DueWarning]:
    """The cached files this user is warned of, soonest first: their own, or the
    organisation's for the archive and the leaders."""
    mine_only = None if user.role in KEEPERS else user.id
    return [
        DueWarning(found, days)
        for found in due_files(store, today, mine_only)
        if (days := found.due_in(today)) is not None and days <= WARNING_DAYS
    ]


def due_notice(store: CacheStore, user: User, today: dt.date, lang: str = "vi") -> str | None:
    """One line for the command line: how many files are due and the soonest, or None."""
    found = due_warnings(store, user, today)
    if not found:
        return None
    first = found[0].message(lang)
    if lang == "en":
        more = f" and {len(found) - 1} more" if len(found) > 1 else ""
        return f"Transfer due: {first}{more} — see `vanthu archive due`."
    more = f" và {len(found) - 1} hồ sơ khác" if len(found) > 1 else ""
    return f"Hồ sơ sắp đến hạn nộp lưu: {first}{more} — xem `vanthu archive due`."
