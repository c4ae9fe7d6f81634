"""Typed records of case files and the agency archive (Decree 30/2020 Chapter IV) as the
server's API returns them: the year's file list with its headings and planned files, case
files with their documents and history, the archive's pages and counts, the case files' change
feed. Frozen, parsed tolerantly like ``client.records`` (a newer server's extra fields are
ignored); ``to_json`` gives the server's shape back for ``--json`` and the local cache.

The states and the law's dates are ``base.records``'s: ``CaseFile.due_in`` judges a file's
deadline on any day, so the cache's warnings agree with the server's ``queue=due``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from base.records import IN_HAND, WARNING_DAYS, CaseFileState

from .parsing import parse_date, parse_datetime, pick

__all__ = [
    "Heading",
    "PlannedFile",
    "FileListSummary",
    "FileList",
    "CaseFileLink",
    "CaseFile",
    "CaseFileDocument",
    "CaseFileEvent",
    "CaseFileDetail",
    "CaseFilePage",
    "CreatorCount",
    "HandoverResult",
    "CaseFileChange",
    "CaseFileChangePage",
    "CaseFileFilter",
]

_UNIT = frozenset({CaseFileState.CLOSED, CaseFileState.RETURNED})


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _values(
    cls: type, data: dict[str, Any], dates: tuple[str, ...], times: tuple[str, ...]
) -> dict[str, Any]:
    values = pick(cls, data)
    for name in dates:
        values[name] = parse_date(data.get(name))
    for name in times:
        values[name] = parse_datetime(data.get(name))
    return values


@dataclass(frozen=True)
class Heading:
    """A major heading (numbered I, II…) or a sub-heading under one (1, 2…), Appendix V I.1."""

    id: int
    parent_id: int | None
    number: str
    title: str
    abbreviation: str = ""
    position: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Heading:
        return cls(**pick(cls, data))


@dataclass(frozen=True)
class PlannedFile:
    """A file the list plans: number and symbol, title, retention, who keeps it."""

    id: int
    heading_id: int
    notation: str
    title: str
    maintenance: str
    retention_years: int | None = None
    """None: permanent (Vĩnh viễn)."""
    responsible: str = ""
    responsible_user_id: int | None = None
    note: str = ""
    position: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlannedFile:
        return cls(**pick(cls, data))


@dataclass(frozen=True)
class FileListSummary:
    id: int
    year: int
    state: str
    """``base.records.FileListState``."""
    decision: str = ""
    total: int = 0
    permanent: int = 0
    limited: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileListSummary:
        return cls(**pick(cls, data))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FileList(FileListSummary):
    """Danh mục hồ sơ of a year, with what the caller may do to it now (``actions``)."""

    organisation: str = ""
    created_by: int = 0
    created_at: dt.datetime | None = None
    approved_by: int | None = None
    approved_at: dt.datetime | None = None
    issued_at: dt.datetime | None = None
    headings: tuple[Heading, ...] = ()
    files: tuple[PlannedFile, ...] = ()
    actions: tuple[str, ...] = ()

    def heading(self, number_or_id: str) -> Heading | None:
        """A heading by its printed number ("I", "I.1" for a sub-heading) or its id."""
        for heading in self.headings:
            if str(heading.id) == number_or_id or self.number_of(heading) == number_or_id:
                return heading
        return None

    def number_of(self, heading: Heading) -> str:
        """ "II" for a major heading, "II.1" for a sub-heading (unique in the list)."""
        parent = next((h for h in self.headings if h.id == heading.parent_id), None)
        return f"{parent.number}.{heading.number}" if parent else heading.number

    def planned(self, notation_or_id: str) -> PlannedFile | None:
        for planned in self.files:
            if str(planned.id) == notation_or_id or planned.notation == notation_or_id:
                return planned
        return None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileList:
        values = _values(cls, data, (), ("created_at", "approved_at", "issued_at"))
        values["headings"] = tuple(Heading.from_json(h) for h in data.get("headings") or ())
        values["files"] = tuple(PlannedFile.from_json(f) for f in data.get("files") or ())
        values["actions"] = tuple(data.get("actions") or ())
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = _jsonable(asdict(self))
        return data


@dataclass(frozen=True)
class CaseFileLink:
    """A document of the file its reader may read, as the feed carries it (the cache joins it
    with its own documents)."""

    document_id: int
    ordinal: int
    added_at: dt.datetime | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFileLink:
        return cls(**_values(cls, data, (), ("added_at",)))


_FILE_DATES = ("start_date", "end_date", "due_date", "keep_back_until", "retention_ends")
_FILE_TIMES = ("closed_at", "submitted_at", "accepted_at", "created_at", "updated_at")


@dataclass(frozen=True)
class CaseFile:
    """A case file (hồ sơ) with the metadata of Appendix VI Part II.III."""

    id: int
    code: str
    """FileCode: OrganId.FileCatalog.FileNotation."""
    title: str
    state: str
    """``base.records.CaseFileState``."""
    organ_id: str = ""
    year: int = 0
    notation: str = ""
    maintenance: str = ""
    retention_years: int | None = None
    rights: str = "restricted"
    rights_label: str = ""
    creator_id: int = 0
    creator: str = ""
    language: str = "vi"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    doc_total: int | None = None
    page_total: int | None = None
    description: str = ""
    construction: bool = False
    planned_file_id: int | None = None
    due_date: dt.date | None = None
    """The transfer deadline (an approved keep-back's date once approved)."""
    due_in_days: int | None = None
    """As the server judged it when it answered (``due_in`` judges it on any day)."""
    warning: bool = False
    keep_back: str | None = None
    keep_back_until: dt.date | None = None
    keep_back_reason: str = ""
    returned_reason: str = ""
    retention_ends: dt.date | None = None
    closed_at: dt.datetime | None = None
    submitted_at: dt.datetime | None = None
    accepted_at: dt.datetime | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    actions: tuple[str, ...] = ()
    """What the caller may do to it now (``base.records.case_file_actions``)."""
    revision: int = 0
    """Its change-feed number (feed records only)."""
    readers: tuple[int, ...] = ()
    links: tuple[CaseFileLink, ...] = field(default=(), hash=False)
    """Feed records only: the documents of the file its reader may read."""

    def due_in(self, today: dt.date) -> int | None:
        """Days left before the transfer deadline while the file is with its creator (closed or
        returned), negative when overdue; None when it has no deadline to watch."""
        if self.due_date is None or self.state not in _UNIT:
            return None
        return (self.due_date - today).days

    def due_warning(self, today: dt.date) -> bool:
        """Due within 30 days or overdue (III.5.b), as ``queue=due`` and the tray warn."""
        days = self.due_in(today)
        return days is not None and days <= WARNING_DAYS

    @property
    def in_hand(self) -> bool:
        """Still with its creator (open, closed, returned)."""
        return self.state in IN_HAND

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFile:
        values = _values(cls, data, _FILE_DATES, _FILE_TIMES)
        values["actions"] = tuple(data.get("actions") or ())
        values["readers"] = tuple(int(r) for r in data.get("readers") or ())
        values["links"] = tuple(CaseFileLink.from_json(d) for d in data.get("documents") or ())
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """The server's JSON shape (``links`` as the feed's ``documents``)."""
        data: dict[str, Any] = _jsonable(asdict(self))
        data["documents"] = data.pop("links")
        return data


@dataclass(frozen=True)
class CaseFileDocument:
    """A document of the file as its reader sees it, with its DocOrdinal in the whole file."""

    ordinal: int
    document_id: int
    direction: str = ""
    type_name: str = ""
    code_number: str = ""
    code_notation: str = ""
    issued_date: dt.date | None = None
    date: dt.date | None = None
    organ_name: str = ""
    subject: str = ""
    language: str = "vi"
    page_amount: int = 0
    description: str = ""
    added_at: dt.datetime | None = None
    pending: bool = False
    """Added offline: waiting in the outbox to be sent ("chờ gửi")."""

    @property
    def number(self) -> str:
        if not self.code_number:
            return ""
        return (
            f"{self.code_number}/{self.code_notation}" if self.code_notation else self.code_number
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFileDocument:
        return cls(**_values(cls, data, ("issued_date", "date"), ("added_at",)))


@dataclass(frozen=True)
class CaseFileEvent:
    at: dt.datetime | None
    user_id: int
    action: str
    from_state: str = ""
    to_state: str = ""
    reason: str = ""
    full_name: str = ""
    document_id: int | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFileEvent:
        return cls(**_values(cls, data, (), ("at",)))


@dataclass(frozen=True)
class CaseFileDetail:
    """A file with the documents its reader may read, in order, and its history."""

    file: CaseFile
    documents: tuple[CaseFileDocument, ...] = ()
    events: tuple[CaseFileEvent, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFileDetail:
        documents = tuple(CaseFileDocument.from_json(d) for d in data.get("documents") or ())
        events = tuple(CaseFileEvent.from_json(e) for e in data.get("events") or ())
        return cls(CaseFile.from_json({**data, "documents": ()}), documents, events)

    def to_json(self) -> dict[str, Any]:
        data = self.file.to_json()
        data["documents"] = [_jsonable(asdict(d)) for d in self.documents]
        data["events"] = [_jsonable(asdict(e)) for e in self.events]
        return data


@dataclass(frozen=True)
class CaseFilePage:
    items: tuple[CaseFile, ...]
    next_cursor: str | None = None


@dataclass(frozen=True)
class CreatorCount:
    """The files one account created, by state (III.4.đ)."""

    creator_id: int
    full_name: str = ""
    open: int = 0
    closed: int = 0
    submitted: int = 0
    returned: int = 0
    archived: int = 0
    total: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CreatorCount:
        return cls(**pick(cls, data))


@dataclass(frozen=True)
class HandoverResult:
    moved: int
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseFileChange:
    seq: int
    kind: str
    """``upsert`` or ``delete`` (a tombstone: the file left this user's sight)."""
    case_file_id: int
    record: dict[str, Any] | None = field(default=None, hash=False, compare=False)
    """The server's JSON of the file, as the cache stores it."""


@dataclass(frozen=True)
class CaseFileChangePage:
    changes: tuple[CaseFileChange, ...]
    next_since: int
    has_more: bool

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseFileChangePage:
        changes = tuple(
            CaseFileChange(
                int(c["seq"]), str(c["kind"]), int(c["case_file_id"]), c.get("case_file")
            )
            for c in data.get("changes") or ()
        )
        return cls(changes, int(data["next_since"]), bool(data["has_more"]))


@dataclass(frozen=True)
class CaseFileFilter:
    """A list of case files (``GET /case-files``): a queue and the Part II.III metadata the
    archive searches by (III.6.d)."""

    queue: str = "all"
    """all, mine, due, awaiting, returned, archive, past_retention."""
    q: str = ""
    """Words of the title or the notes."""
    code: str = ""
    year: int | None = None
    retention_years: int | None = None
    permanent: bool | None = None
    creator_id: int | None = None
    state: str | None = None
    rights: str | None = None
    """restricted or open."""
    language: str | None = None
    period_from: dt.date | None = None
    """Files whose documents run on or after this day."""
    period_to: dt.date | None = None
    """Files whose documents start on or before this day."""

    def params(self) -> dict[str, str]:
        found = {"queue": self.queue}
        for name in (
            "q",
            "code",
            "year",
            "retention_years",
            "creator_id",
            "state",
            "rights",
            "language",
            "period_from",
            "period_to",
        ):
            value = getattr(self, name)
            if value not in (None, ""):
                found[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        if self.permanent is not None:
            found["permanent"] = "true" if self.permanent else "false"
        return found

    def matches(self, found: CaseFile) -> bool:
        """The metadata filters on one cached file, as the server applies them (offline)."""
        retention_ok = (
            found.retention_years is None
            if self.permanent
            else self.retention_years in (None, found.retention_years)
        )
        return (
            retention_ok
            and self.code.casefold() in found.code.casefold()
            and self.year in (None, found.year)
            and self.state in (None, "", found.state)
            and self.creator_id in (None, found.creator_id)
            and self.rights in (None, "", found.rights)
            and (
                not self.language
                or self.language.strip().lower()
                in {part.strip().lower() for part in found.language.split(",")}
            )
            and all(
                word in f"{found.title} {found.description} {found.code}".casefold()
                for word in self.q.casefold().split()
            )
            and (
                self.period_from is None
                or found.end_date is None
                or found.end_date >= self.period_from
            )
            and (
                self.period_to is None
                or (found.start_date is not None and found.start_date <= self.period_to)
            )
        )
