"""The records contract (lập hồ sơ, nộp lưu; Decree 30/2020 Chapter IV, Appendix V and VI): the
vocabulary and the rules the server, the API schema, the desktop's pages and the command line
all read.

Stored states are stable keys (``StrEnum``); retention is a number of years or permanent
(``Retention``); the transitions of a case file and of a file list are data (``CASE_FILE_RULES``,
``FILE_LIST_RULES``) and ``case_file_actions``/``file_list_actions`` are the pure answers to
"what may this person do to it now". The dates the law fixes — the transfer deadline (Art. 30.2),
the 30-day warning (Appendix VI III.5.b), the longest keep-back (Art. 31.3.d) — are computed
here once, so the server's queues and the desktop's colours cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from .workflow import Role

__all__ = [
    "PERMANENT_VI",
    "FileListState",
    "FileListAction",
    "CaseFileState",
    "CaseFileAction",
    "KeepBack",
    "Rights",
    "Retention",
    "Rule",
    "CASE_FILE_RULES",
    "FILE_LIST_RULES",
    "DRAFTERS",
    "EDITABLE",
    "FROZEN",
    "IN_HAND",
    "HANDED_OVER",
    "TRANSFER_MIN_YEARS",
    "WARNING_DAYS",
    "KEEP_BACK_MAX_YEARS",
    "ORGAN_ID_LENGTH",
    "NOTATION_LENGTH",
    "MAINTENANCE_PATTERN",
    "CASE_FILE_STATE_VI",
    "FILE_LIST_STATE_VI",
    "case_file_actions",
    "file_list_actions",
    "file_code",
    "add_years",
    "transfer_due",
    "keep_back_limit",
    "roman",
]

TRANSFER_MIN_YEARS = 5
"""Files kept 5 years or more go to the agency archive (Art. 31.3.c)."""
WARNING_DAYS = 30
"""The creator and the archive are warned this many days before the deadline (III.5.b)."""
KEEP_BACK_MAX_YEARS = 2
"""A file kept back for the work returns at most 2 years after its deadline (Art. 31.3.d)."""
ORGAN_ID_LENGTH = 35
"""OrganId, the first part of the file code (Part II.III 1.1; 35 since QCVN 102 was amended)."""
NOTATION_LENGTH = 20
"""FileNotation, the file's number and symbol (Part II.III 1.3)."""
PERMANENT_VI = "Vĩnh viễn"
MAINTENANCE_PATTERN = r"^(Vĩnh viễn|[1-9][0-9]? năm)$"
"""The Maintenance field (Part II.III 3) as written in the file list (Appendix V): "Vĩnh viễn"
or a number of years, "20 năm"."""


class FileListState(StrEnum):
    """Danh mục hồ sơ (Art. 28): drafted, approved by the head of the organisation, issued."""

    DRAFT = "draft"
    APPROVED = "approved"
    ISSUED = "issued"
    """The basis for opening files this year; no longer edited."""


class FileListAction(StrEnum):
    APPROVE = "approve"
    REVISE = "revise"
    """Back to the draft from approved (before it is issued), with a reason."""
    ISSUE = "issue"


class CaseFileState(StrEnum):
    OPEN = "open"
    """Documents are being gathered (Art. 29.2–3)."""
    CLOSED = "closed"
    """The work is done, the file reviewed and closed (Art. 29.4): its contents are fixed."""
    SUBMITTED = "submitted"
    """Transferred to the agency archive, waiting for the archivist's check (Art. 30.3.b)."""
    RETURNED = "returned"
    """The archivist sent it back with a reason; its creator fixes and transfers it again."""
    ARCHIVED = "archived"
    """Accepted by the agency archive: frozen for everyone (Appendix VI IV.1.g)."""


class CaseFileAction(StrEnum):
    CLOSE = "close"
    REOPEN = "reopen"
    TRANSFER = "transfer"
    ACCEPT = "accept"
    RETURN = "return"
    REQUEST_KEEP_BACK = "request_keep_back"
    APPROVE_KEEP_BACK = "approve_keep_back"
    REFUSE_KEEP_BACK = "refuse_keep_back"


class KeepBack(StrEnum):
    """A request to keep a due file at the unit for the work (Art. 31.3.d)."""

    REQUESTED = "requested"
    APPROVED = "approved"
    REFUSED = "refused"


class Rights(StrEnum):
    """Chế độ sử dụng (Part II.III 4): who reads the file besides its creator, the leaders and
    the archivists."""

    RESTRICTED = "restricted"
    """Only those and the readers named on the file."""
    OPEN = "open"
    """Everyone of the organisation."""

    @property
    def label(self) -> str:
        return "Hạn chế sử dụng" if self is Rights.RESTRICTED else "Sử dụng rộng rãi"


EDITABLE = frozenset({CaseFileState.OPEN})
"""Documents join or leave, and the metadata changes, only while the file is open."""
FROZEN = frozenset({CaseFileState.ARCHIVED})
IN_HAND = frozenset({CaseFileState.OPEN, CaseFileState.CLOSED, CaseFileState.RETURNED})
"""Still with its creator."""
HANDED_OVER = IN_HAND | {CaseFileState.SUBMITTED}
"""What an administrator hands over when its creator leaves (Art. 31.3.đ): the files still in
hand and those waiting for the archive's check — a returned one must find someone there."""


@dataclass(frozen=True)
class Retention:
    """Thời hạn bảo quản: ``years`` or, with None, permanent (Vĩnh viễn)."""

    years: int | None

    @classmethod
    def parse(cls, text: str) -> Retention:
        """From the Maintenance field's text ("Vĩnh viễn", "10 năm"); ValueError otherwise."""
        value = unicodedata.normalize("NFC", text).strip()
        if value.casefold() == PERMANENT_VI.casefold():
            return cls(None)
        found = re.fullmatch(r"([1-9][0-9]?)\s*năm", value)
        if found is None:
            raise ValueError(f"not a retention period: {text!r}")
        return cls(int(found.group(1)))

    @property
    def permanent(self) -> bool:
        return self.years is None

    @property
    def label(self) -> str:
        return PERMANENT_VI if self.years is None else f"{self.years} năm"

    @property
    def for_the_archive(self) -> bool:
        """Transferred to the agency archive (Art. 31.3.c): permanent or 5 years and more."""
        return self.years is None or self.years >= TRANSFER_MIN_YEARS

    def ends(self, end_date: dt.date) -> dt.date | None:
        """The day the retention ends, counted from the file's end; None when permanent."""
        return None if self.years is None else add_years(end_date, self.years)


@dataclass(frozen=True)
class Rule:
    sources: frozenset[str]
    target: str | None
    """None: the state stays (a keep-back request and its answer)."""
    roles: frozenset[Role] = frozenset()
    creator: bool = False
    """The file's creator may take it, whatever their role."""
    needs_reason: bool = False


_IN_UNIT = frozenset({CaseFileState.CLOSED, CaseFileState.RETURNED})

CASE_FILE_RULES: dict[CaseFileAction, Rule] = {
    CaseFileAction.CLOSE: Rule(frozenset({CaseFileState.OPEN}), CaseFileState.CLOSED, creator=True),
    CaseFileAction.REOPEN: Rule(
        _IN_UNIT, CaseFileState.OPEN, frozenset({Role.LEADER}), creator=True, needs_reason=True
    ),
    CaseFileAction.TRANSFER: Rule(_IN_UNIT, CaseFileState.SUBMITTED, creator=True),
    CaseFileAction.ACCEPT: Rule(
        frozenset({CaseFileState.SUBMITTED}), CaseFileState.ARCHIVED, frozenset({Role.ARCHIVIST})
    ),
    CaseFileAction.RETURN: Rule(
        frozenset({CaseFileState.SUBMITTED}),
        CaseFileState.RETURNED,
        frozenset({Role.ARCHIVIST}),
        needs_reason=True,
    ),
    CaseFileAction.REQUEST_KEEP_BACK: Rule(_IN_UNIT, None, creator=True, needs_reason=True),
    CaseFileAction.APPROVE_KEEP_BACK: Rule(_IN_UNIT, None, frozenset({Role.LEADER})),
    CaseFileAction.REFUSE_KEEP_BACK: Rule(
        _IN_UNIT, None, frozenset({Role.LEADER}), needs_reason=True
    ),
}
"""Who moves a case file from which state to which (Art. 29.4, 30.3.b, 31.3.d)."""

DRAFTERS = frozenset({Role.CLERK, Role.ARCHIVIST})
"""The file list is drafted by the office or the archive (Art. 28, 31.2.b) and issued by them."""

FILE_LIST_RULES: dict[FileListAction, Rule] = {
    FileListAction.APPROVE: Rule(
        frozenset({FileListState.DRAFT}), FileListState.APPROVED, frozenset({Role.LEADER})
    ),
    FileListAction.REVISE: Rule(
        frozenset({FileListState.APPROVED}),
        FileListState.DRAFT,
        frozenset({Role.LEADER, *DRAFTERS}),
        needs_reason=True,
    ),
    FileListAction.ISSUE: Rule(frozenset({FileListState.APPROVED}), FileListState.ISSUED, DRAFTERS),
}


def _allowed(rule: Rule, role: Role | None, is_creator: bool) -> bool:
    return (role is not None and role in rule.roles) or (rule.creator and is_creator)


def case_file_actions(
    role: Role | None,
    is_creator: bool,
    state: str,
    keep_back: str | None = None,
    for_the_archive: bool = True,
) -> list[CaseFileAction]:
    """What this person may do to a case file in ``state`` now, in the rules' order."""
    found = []
    for action, rule in CASE_FILE_RULES.items():
        if state not in rule.sources or not _allowed(rule, role, is_creator):
            continue
        if action is CaseFileAction.TRANSFER and not for_the_archive:
            continue
        if action is CaseFileAction.REQUEST_KEEP_BACK and (
            not for_the_archive or keep_back == KeepBack.REQUESTED
        ):
            continue
        pending = keep_back == KeepBack.REQUESTED
        if action in (CaseFileAction.APPROVE_KEEP_BACK, CaseFileAction.REFUSE_KEEP_BACK) and (
            not pending
        ):
            continue
        found.append(action)
    return found


def file_list_actions(role: Role | None, state: str) -> list[FileListAction]:
    return [
        action
        for action, rule in FILE_LIST_RULES.items()
        if state in rule.sources and _allowed(rule, role, False)
    ]


def file_code(organ_id: str, year: int, notation: str) -> str:
    """FileCode = OrganId.FileCatalog.FileNotation (Part II.III 1)."""
    return f"{organ_id}.{year:04d}.{notation}"


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def transfer_due(end_date: dt.date, construction: bool = False) -> dt.date:
    """The transfer deadline (Art. 30.2): 1 year after the work ended, or 3 months after a
    construction project's final settlement."""
    return _add_months(end_date, 3) if construction else add_years(end_date, 1)


def keep_back_limit(due: dt.date) -> dt.date:
    """The latest day a kept-back file may stay at the unit (Art. 31.3.d)."""
    return add_years(due, KEEP_BACK_MAX_YEARS)


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """A major heading's number (Appendix V I.1: Roman numerals)."""
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


CASE_FILE_STATE_VI: dict[str, str] = {
    CaseFileState.OPEN: "đang lập",
    CaseFileState.CLOSED: "đã kết thúc",
    CaseFileState.SUBMITTED: "đã nộp lưu, chờ tiếp nhận",
    CaseFileState.RETURNED: "bị trả lại",
    CaseFileState.ARCHIVED: "đã lưu trữ",
}
FILE_LIST_STATE_VI: dict[str, str] = {
    FileListState.DRAFT: "dự thảo",
    FileListState.APPROVED: "đã phê duyệt",
    FileListState.ISSUED: "đã ban hành",
}
