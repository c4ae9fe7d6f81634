"""Typed records of the server API (frozen dataclasses parsed from JSON).

Parsing tolerates unknown fields so a newer server never breaks an older
client.  Times are UTC-aware ``datetime``s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from .exchange_records import (
    Agency,
    ExchangeAttachment,
    ExchangeCycle,
    ExchangeFile,
    ExchangeInfo,
    ExchangePackage,
    ExchangeStatus,
    FileVerdict,
    ImportResult,
    RefusedPackage,
)
from .parsing import parse_date, parse_datetime, pick

__all__ = [
    "AccessEntry",
    "AccessHistory",
    "AuditEntry",
    "AuditPage",
    "LoginStat",
    "Account",
    "Department",
    "TrustEntry",
    "TraceEntry",
    "AssignmentEntry",
    "Delivery",
    "ExchangeAttachment",
    "ExchangeFile",
    "FileVerdict",
    "ExchangeInfo",
    "Agency",
    "ExchangePackage",
    "RefusedPackage",
    "ExchangeStatus",
    "ExchangeCycle",
    "ImportResult",
    "Colleague",
    "NextNumber",
    "Organisation",
    "User",
    "LoginResult",
    "Version",
    "Document",
    "DocumentPage",
    "Change",
    "ChangePage",
    "UploadResult",
    "DocumentFilter",
    "IncomingEntry",
    "OutgoingEntry",
    "DepartmentLine",
    "SavedSearch",
    "URGENCY_LABELS",
    "SECRECY_LABELS",
]

URGENCY_LABELS = ("Thường", "Khẩn", "Thượng khẩn", "Hỏa tốc", "Hỏa tốc hẹn giờ")
SECRECY_LABELS = ("Thường", "Mật", "Tối mật", "Tuyệt mật")


_pick = pick


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    title: str
    organisation_id: int
    organisation_name: str
    role: str
    secret_in_offline_index: bool = False
    """The organisation lets this cache index secret documents' metadata for offline search."""
    organisation_code: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> User:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class Department:
    """A department (phòng ban) of an organisation (``/admin/departments``)."""

    id: int
    code: str
    name: str
    organisation: str
    """The organisation's code."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Department:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class Account:
    """A user account as an administrator sees it (``/admin/users``)."""

    id: int
    username: str
    full_name: str
    title: str
    role: str
    organisation: str
    """The organisation's code."""
    active: bool
    department: Department | None = None
    """None: in no department (a server before departments never says)."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Account:
        values = _pick(cls, data)
        department = data.get("department")
        values["department"] = Department.from_json(department) if department else None
        return cls(**values)


@dataclass(frozen=True)
class TrustEntry:
    """One certificate of the organisation's trust list (``/trust``)."""

    sha256: str
    pem: str
    pki: str
    enabled: bool
    scope: str
    """``province`` or the organisation's code."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrustEntry:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class LoginResult:
    access_token: str
    expires_at: dt.datetime | None
    user: User

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LoginResult:
        return cls(
            data["access_token"],
            parse_datetime(data.get("expires_at")),
            User.from_json(data["user"]),
        )


@dataclass(frozen=True)
class Version:
    number: int
    sha256: str
    size: int
    filename: str
    content_type: str = "application/pdf"
    author: str = ""
    note: str = ""
    created_at: dt.datetime | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Version:
        values = _pick(cls, data)
        values["created_at"] = parse_datetime(data.get("created_at"))
        return cls(**values)


@dataclass(frozen=True)
class TraceEntry:
    """One step of a document's life: who, in which role, when, what, to whom."""

    at: dt.datetime | None
    user_id: int
    user_name: str
    role: str
    action: str
    from_status: str
    to_status: str
    comment: str = ""
    recipients: tuple[int, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TraceEntry:
        values = _pick(cls, data)
        values["at"] = parse_datetime(data.get("at"))
        values["recipients"] = tuple(data.get("recipients") or ())
        return cls(**values)


@dataclass(frozen=True)
class Delivery:
    """Where an issued document went: a recipient organisation on the same server (``via``
    ``server``), or an agency outside it through the exchange axis (``axis``)."""

    organisation: str
    status: str
    """On this server: the copy's status; through the axis: the outbox state (queued, sent,
    failed, exported) until the agency answers."""
    via: str = "server"
    agency_code: str = ""
    status_code: str = ""
    """The agency's last edXML status (01 arrived … 06 done, 02 refused, 15/16 take-back)."""
    reason: str = ""
    """What the agency said with it (a refusal's reason), or why sending failed."""
    at: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "at": self.at.isoformat() if self.at else None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Delivery:
        values = _pick(cls, data)
        values["at"] = parse_datetime(data.get("at"))
        return cls(**values)


@dataclass(frozen=True)
class AssignmentEntry:
    """A part in handling an incoming document: ``lead``, ``co`` or ``info``."""

    user_id: int
    user_name: str
    kind: str
    state: str
    deadline: dt.date | None = None
    requested_deadline: dt.date | None = None
    """The handler asked for more time, until this day (the leader decides)."""
    assigned_by: int | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AssignmentEntry:
        values = _pick(cls, data)
        values["deadline"] = parse_date(data.get("deadline"))
        values["requested_deadline"] = parse_date(data.get("requested_deadline"))
        return cls(**values)


@dataclass(frozen=True)
class Organisation:
    id: int
    code: str
    name: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Organisation:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class NextNumber:
    """The number the next numbering (outgoing) or registration (incoming) would take, shown
    before it is taken; another clerk may take it first (the step then takes the next one)."""

    register_name: str
    year: int
    number: int
    number_symbol: str
    register_id: int | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NextNumber:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class Colleague:
    id: int
    username: str
    full_name: str
    title: str
    role: str
    department: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Colleague:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class Document:
    """A document's metadata (Decree 30/2020 Appendix VI fields)."""

    id: int
    direction: str
    doc_type: str = ""
    code_number: str | None = None
    code_notation: str = ""
    number_symbol: str = ""
    issued_date: dt.date | None = None
    organ_name: str = ""
    subject: str = ""
    language: str = "vi"
    page_amount: int = 0
    description: str = ""
    signer_position: str = ""
    signer_name: str = ""
    urgency: int = 0
    secrecy: int = 0
    due_date: dt.date | None = None
    to_places: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    issued_amount: int | None = None
    arrival_number: int | None = None
    arrival_date: dt.date | None = None
    file_code: str = ""
    register_id: int | None = None
    status: str = ""
    organisation_id: int = 0
    created_by: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    revision: int = 0
    current_version: int = 0
    versions: tuple[Version, ...] = ()
    trace: tuple[TraceEntry, ...] = ()
    assignments: tuple[AssignmentEntry, ...] = ()
    source_id: int | None = None
    """A delivered copy: the sender's issued document."""
    origin: str = "created"
    """How it came into the server (``base.workflow.Origin``): created, scan, delivered, …"""
    deliveries: tuple[Delivery, ...] = ()
    """An issued document: each recipient organisation here and how far its copy has got, and
    each agency outside it (``via`` ``axis``) and its last exchange status."""
    document_identifier: str | None = None
    """Mã định danh văn bản ``OrganId,yyyy/MM/dd,Số/Ký hiệu`` (given at numbering, kept on copies)."""
    marks: tuple[str, ...] = ()
    """What opens steps beyond the status (``base.workflow.Mark``): pass it to ``steps_for``."""
    exchange: ExchangeInfo | None = None
    """A document that came through the exchange: its sender and the checks made at arrival."""

    @property
    def latest_version(self) -> Version | None:
        return self.versions[-1] if self.versions else None

    def to_json(self) -> dict[str, Any]:
        """The server's JSON shape again (for the local cache)."""
        data = asdict(self)
        for key, value in list(data.items()):
            if isinstance(value, dt.date | dt.datetime):
                data[key] = value.isoformat()
        data["to_places"], data["recipients"] = list(self.to_places), list(self.recipients)
        data["versions"] = [
            {**asdict(v), "created_at": v.created_at.isoformat() if v.created_at else None}
            for v in self.versions
        ]
        data["trace"] = [
            {
                **asdict(t),
                "at": t.at.isoformat() if t.at else None,
                "recipients": list(t.recipients),
            }
            for t in self.trace
        ]
        data["assignments"] = [
            {
                **asdict(a),
                "deadline": a.deadline.isoformat() if a.deadline else None,
                "requested_deadline": a.requested_deadline.isoformat()
                if a.requested_deadline
                else None,
            }
            for a in self.assignments
        ]
        data["deliveries"] = [d.to_json() for d in self.deliveries]
        data["marks"] = list(self.marks)
        data["exchange"] = self.exchange.to_json() if self.exchange else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        values = _pick(cls, data)
        for name in ("issued_date", "due_date", "arrival_date"):
            values[name] = parse_date(data.get(name))
        for name in ("created_at", "updated_at"):
            values[name] = parse_datetime(data.get(name))
        values["to_places"] = tuple(data.get("to_places") or ())
        values["recipients"] = tuple(data.get("recipients") or ())
        values["versions"] = tuple(Version.from_json(v) for v in data.get("versions") or ())
        values["trace"] = tuple(TraceEntry.from_json(t) for t in data.get("trace") or ())
        values["assignments"] = tuple(
            AssignmentEntry.from_json(a) for a in data.get("assignments") or ()
        )
        values["deliveries"] = tuple(Delivery.from_json(d) for d in data.get("deliveries") or ())
        values["marks"] = tuple(str(m) for m in data.get("marks") or ())
        exchange = data.get("exchange")
        values["exchange"] = ExchangeInfo.from_json(exchange) if exchange else None
        return cls(**values)


@dataclass(frozen=True)
class DocumentPage:
    items: tuple[Document, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class Change:
    seq: int
    kind: str
    """``upsert`` or ``delete`` (a tombstone)."""
    document_id: int
    document: Document | None
    record: dict[str, Any] | None = field(default=None, hash=False, compare=False)
    """The server's JSON of the document as it came (a page read for the cache, which stores it
    without making a ``Document`` of it: ``ChangePage.from_json(…, documents=False)``)."""


@dataclass(frozen=True)
class ChangePage:
    changes: tuple[Change, ...]
    next_since: int
    has_more: bool
    etag: str = ""
    """The page's position as the server tags it: send it back (``ApiClient.changes``) and an
    idle poll is a 304."""
    not_modified: bool = False
    """The server answered 304: nothing new since ``next_since``."""

    @classmethod
    def from_json(cls, data: dict[str, Any], documents: bool = True) -> ChangePage:
        changes = tuple(
            Change(
                c["seq"],
                c["kind"],
                c["document_id"],
                Document.from_json(c["document"]) if documents and c.get("document") else None,
                None if documents else c.get("document"),
            )
            for c in data.get("changes", ())
        )
        return cls(changes, int(data["next_since"]), bool(data["has_more"]))


@dataclass(frozen=True)
class UploadResult:
    sha256: str
    size: int
    duplicate: bool
    """True when the server already had these bytes (nothing was sent)."""
    upload_id: str = ""
    document: Document | None = None
    """The document the upload asked the server to create (None if it asked none)."""
    document_created: bool = False
    """False when an earlier request (same idempotency key) had already created it."""


@dataclass(frozen=True)
class DocumentFilter:
    """Server-side list filters (all optional)."""

    direction: str | None = None
    doc_type: str | None = None
    urgency: int | None = None
    secrecy: int | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def params(self) -> dict[str, str]:
        out = {k: str(v) for k, v in self.extra.items()}
        for name in (
            "direction",
            "doc_type",
            "urgency",
            "secrecy",
            "status",
            "date_from",
            "date_to",
            "q",
        ):
            value = getattr(self, name)
            if value is not None and value != "":
                out[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return out


def _with_dates(cls: type, data: dict[str, Any], *names: str) -> dict[str, Any]:
    values = _pick(cls, data)
    for name in names:
        values[name] = parse_date(values.get(name))
    return values


@dataclass(frozen=True)
class IncomingEntry:
    """One line of the incoming register (sổ đăng ký văn bản đến, Decree 30 Appendix IV)."""

    arrival_date: dt.date | None
    arrival_number: int
    organ_name: str
    number_notation: str
    issued_date: dt.date | None
    doc_type: str
    subject: str
    handler: str
    note: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IncomingEntry:
        return cls(**_with_dates(cls, data, "arrival_date", "issued_date"))


@dataclass(frozen=True)
class OutgoingEntry:
    """One line of the outgoing register (sổ đăng ký văn bản đi)."""

    number_notation: str
    issued_date: dt.date | None
    doc_type: str
    subject: str
    signer: str
    recipients: str
    kept_by: str
    issued_amount: int | None
    sent_date: dt.date | None
    note: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OutgoingEntry:
        return cls(**_with_dates(cls, data, "issued_date", "sent_date"))


@dataclass(frozen=True)
class DepartmentLine:
    """One department's line of the processing report."""

    department: str
    received: int
    done_on_time: int
    done_late: int
    in_hand: int
    overdue: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DepartmentLine:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class AccessEntry:
    """Someone reached a document's content: ``view``, ``download`` or ``print``."""

    at: dt.datetime | None
    user_id: int | None
    username: str
    full_name: str
    kind: str
    version: int | None = None
    client: str = ""
    reported_at: dt.datetime | None = None
    """When the desktop says it happened (a view made offline); ``at``: when the server heard."""

    @property
    def when(self) -> dt.datetime | None:
        return self.reported_at or self.at

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AccessEntry:
        values = _pick(cls, data)
        values["at"] = parse_datetime(data.get("at"))
        values["reported_at"] = parse_datetime(data.get("reported_at"))
        return cls(**values)


@dataclass(frozen=True)
class AccessHistory:
    counts: dict[str, int]
    readers: int
    events: tuple[AccessEntry, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AccessHistory:
        return cls(
            {str(k): int(v) for k, v in (data.get("counts") or {}).items()},
            int(data.get("readers") or 0),
            tuple(AccessEntry.from_json(e) for e in data.get("events") or ()),
        )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime | None
    user_id: int | None
    username: str
    full_name: str
    organisation: str
    action: str
    category: str
    document_id: int | None = None
    detail: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuditEntry:
        values = _pick(cls, data)
        values["at"] = parse_datetime(data.get("at"))
        return cls(**values)


@dataclass(frozen=True)
class AuditPage:
    items: tuple[AuditEntry, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class LoginStat:
    period: str
    logins: int
    failed: int
    users: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LoginStat:
        return cls(**_pick(cls, data))


@dataclass(frozen=True)
class SavedSearch:
    """A list's filters saved under a name (``/saved-searches``): the user's own, on every
    machine they sign in on. ``query`` holds the filters as the server keeps them (text,
    direction, queue, doc_type, min_urgency, overdue, status, columns); see
    ``services.saved_searches`` for turning it into a list query and back."""

    id: int
    name: str
    query: dict[str, Any] = field(default_factory=dict, hash=False)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """The server's JSON shape again (the copy kept for offline use)."""
        return {
            "id": self.id,
            "name": self.name,
            "query": dict(self.query),
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SavedSearch:
        return cls(
            int(data["id"]),
            str(data["name"]),
            dict(data.get("query") or {}),
            parse_datetime(data.get("created_at")),
            parse_datetime(data.get("updated_at")),
        )
