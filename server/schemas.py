"""Pydantic request/response models: the OpenAPI contract the client follows.

Length limits follow Decree 30/2020 Appendix VI (CodeNumber ≤ 11,
CodeNotation ≤ 30, OrganName ≤ 200, Subject ≤ 500, ToPlaces ≤ 1000).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Annotated, Any, Literal, get_args, get_origin

from fastapi import Header, Path
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from base.workflow import Origin

__all__ = [
    "ErrorBody",
    "AccessReport",
    "AccessOut",
    "AccessHistoryOut",
    "AuditEventOut",
    "AuditPage",
    "LoginStatOut",
    "IsoDate",
    "UploadId",
    "BlobId",
    "IdempotencyKey",
    "TEXT_PATTERN",
    "QUERY_TEXT_PATTERN",
    "CURSOR_PATTERN",
    "LoginRequest",
    "UserOut",
    "GrantCreate",
    "GrantOut",
    "AccountCreate",
    "AccountOut",
    "AccountCreated",
    "AccountPatch",
    "PasswordReset",
    "OrganisationCreate",
    "DepartmentOut",
    "DepartmentCreate",
    "DepartmentPatch",
    "LoginOut",
    "OrganisationOut",
    "RegisterOut",
    "VersionOut",
    "DocumentOut",
    "DocumentCreate",
    "DocumentPatch",
    "DocumentPage",
    "ChangeOut",
    "ChangePage",
    "NextNumberOut",
    "VersionCreate",
    "UploadCreate",
    "UploadOut",
    "Direction",
    "ColleagueOut",
    "StepCreate",
    "TraceOut",
    "AssignmentOut",
    "TrustEntryOut",
    "TrustCertificateCreate",
    "TrustCertificatePatch",
    "Role",
    "DocumentId",
    "VersionNumber",
    "SavedSearchId",
    "SavedQuery",
    "SavedSearchCreate",
    "SavedSearchUpdate",
    "SavedSearchOut",
    "SAVED_SEARCH_NAME_LENGTH",
]

Direction = Literal["incoming", "outgoing"]
Role = Literal["clerk", "leader", "specialist", "archivist", "org_admin", "province_admin"]
Status = Literal[
    "draft",
    "pending_signature",
    "signed",
    "numbered",
    "issued",
    "arrived",
    "received",
    "assigned",
    "processing",
    "done",
    "withdrawn",
    "replaced",
]


def _utc_z(value: dt.datetime) -> str:
    """Stored times are naive UTC; on the wire they say so ("…Z"), as docs/api.md promises."""
    if value.tzinfo is None:  # the stored kind, ≈ 150 per page of 50: the short way
        return value.isoformat() + "Z"
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


UtcDateTime = Annotated[
    dt.datetime,
    PlainSerializer(_utc_z, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A timestamp served as ISO 8601 UTC with ``Z`` (a client in another zone reads it right)."""


def _iso_date(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` (or a date): pydantic would also take 0 or "1700000000" as a Unix
    time, which no client means and the schema does not allow."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD / ngày viết dạng YYYY-MM-DD")
    if not isinstance(value, str | dt.date) or isinstance(value, dt.datetime):
        raise ValueError("a date is written YYYY-MM-DD / ngày viết dạng YYYY-MM-DD")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_datetime(value: Any) -> Any:
    """Only an ISO 8601 string (or a datetime): never a number taken as a Unix time."""
    if not isinstance(value, str | dt.datetime):
        raise ValueError("an ISO 8601 date and time is expected / cần ngày giờ dạng ISO 8601")
    return value


def _aware_moment(value: dt.datetime) -> dt.datetime:
    """With its offset (a bare local time would be read 7 hours off), in years 1900–2999."""
    if value.tzinfo is None:
        raise ValueError("a time zone offset is needed (…Z, +07:00) / cần múi giờ (…Z, +07:00)")
    if not 1900 <= value.year <= 2999:
        raise ValueError("the year must lie in 1900–2999 / năm cần trong khoảng 1900–2999")
    return value


IsoDateTime = Annotated[
    dt.datetime,
    BeforeValidator(_iso_datetime),
    AfterValidator(_aware_moment),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A moment on the wire: an ISO 8601 string with its offset."""
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A calendar date on the wire: exactly ``YYYY-MM-DD``."""
DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1)]
VersionNumber = Annotated[int, Path(ge=1, le=2**31 - 1)]
UploadId = Annotated[
    str, Path(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
BlobId = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        min_length=1,
        max_length=200,
        pattern=r"^[!-~]+$",
        description="Any printable ASCII key (no spaces): a retry with the same key never "
        "creates a second object.",
    ),
]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
ShortText = Annotated[str, Field(max_length=200)]
Place = Annotated[str, Field(max_length=1000)]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL.search(value):
        raise ValueError(
            "control characters (such as NUL) are not allowed / không được chứa ký tự điều khiển"
        )
    if isinstance(value, list):
        for item in value:
            _clean(item)
    return value


TEXT_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$"
"""What a body's text may hold: anything but control characters (tab and line breaks are fine)."""
QUERY_TEXT_PATTERN = r"^[^\u0000-\u001f\u007f]*$"
"""What a query parameter may hold: no control characters at all (refused by RequestLimits)."""
CURSOR_PATTERN = r"^[0-9]{1,10}$"
_TEXT_CHAR = r"[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]"
SPACES = r"\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
"""Every space Python's ``str.strip`` removes or ECMA's ``\\s`` matches, spelled out for use
inside a class: ``\\s`` means different sets in the schema's regex dialect (ECMA: no U+0085),
Python's and pydantic's, so a client could send what the schema allows and be refused."""
_VISIBLE_CHAR = rf"[^\u0000-\u001f\u007f{SPACES}]"
NAME_PATTERN = rf"^{_TEXT_CHAR}*{_VISIBLE_CHAR}{_TEXT_CHAR}*$"
"""A name or code that must not be blank once trimmed."""
WORD_PATTERN = rf"^{_VISIBLE_CHAR}+$"
"""A user name or organisation code: no spaces at all."""
NEW_PASSWORD_PATTERN = rf"^(|{_TEXT_CHAR}{{8,}})$"


def _describe_text(schema: dict[str, Any]) -> None:
    """Say in the schema what ``_no_control_characters`` enforces, on every plain string."""
    if schema.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(schema):
        schema["pattern"] = TEXT_PATTERN
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            _describe_text(schema[key])
    for option in schema.get("anyOf", ()):
        _describe_text(option)


def _text_patterns(schema: dict[str, Any]) -> None:
    for field in schema.get("properties", {}).values():
        _describe_text(field)


class ErrorDetail(BaseModel):
    code: str
    message_vi: str
    message_en: str
    detail: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer: a stable code and a message in Vietnamese and English."""

    error: ErrorDetail


class Strict(BaseModel):
    """Request bodies: unknown fields and control characters (NUL…) are refused with 422 on every
    database, before anything is stored."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_text_patterns)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return _clean(value)

    @field_validator("*", mode="before")
    @classmethod
    def _numbers_are_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        """``true`` or ``"3"`` is not a page count: refuse what the schema calls a type error
        (pydantic would quietly turn them into 1 and 3)."""
        if isinstance(value, bool | str) and info.field_name in _number_fields(cls):
            raise ValueError("a number is expected / cần một số")
        return value


@cache
def _number_fields(model: type[BaseModel]) -> frozenset[str]:
    def numeric(annotation: Any) -> bool:
        if get_origin(annotation) is Annotated:  # Annotated[int, Field(…)] is an int
            return numeric(get_args(annotation)[0])
        options = get_args(annotation) or (annotation,)
        if len(options) > 1:
            return bool not in options and any(numeric(o) for o in options)
        return options[0] in (int, float)

    return frozenset(n for n, f in model.model_fields.items() if numeric(f.annotation))


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=200)


class GrantCreate(Strict):
    user_id: int = Field(ge=1, le=2**31 - 1)


class GrantOut(BaseModel):
    document_id: int
    user_id: int
    reason: str


class AccountCreate(Strict):
    username: str = Field(min_length=1, max_length=100, pattern=WORD_PATTERN)
    full_name: str = Field(min_length=1, max_length=200, pattern=NAME_PATTERN)
    role: Role
    organisation: str = Field(
        min_length=1, max_length=50, pattern=WORD_PATTERN, description="the organisation's code"
    )
    title: str = Field("", max_length=200)
    password: str = Field(
        "",
        max_length=200,
        pattern=NEW_PASSWORD_PATTERN,
        description="empty: a random initial password is made; otherwise at least 8 characters",
    )
    department_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="a department of the account's organisation"
    )


class DepartmentOut(BaseModel):
    """A department (phòng ban) of an organisation."""

    id: int
    code: str
    name: str
    organisation: str
    """The organisation's code."""


class DepartmentCreate(Strict):
    code: str = Field(min_length=1, max_length=50, pattern=WORD_PATTERN)
    name: str = Field(min_length=1, max_length=200, pattern=NAME_PATTERN)
    organisation: str | None = Field(
        None,
        min_length=1,
        max_length=50,
        pattern=WORD_PATTERN,
        description="the organisation's code (absent: the administrator's own)",
    )


class DepartmentPatch(Strict):
    name: str = Field(min_length=1, max_length=200, pattern=NAME_PATTERN)


class AccountOut(BaseModel):
    id: int
    username: str
    full_name: str
    title: str
    role: Role
    organisation: str
    active: bool
    department: DepartmentOut | None = None
    """None: the account belongs to no department (leaders usually)."""


class AccountCreated(BaseModel):
    account: AccountOut
    initial_password: str | None = None


class AccountPatch(Strict):
    role: Role | None = None
    active: StrictBool | None = None
    department_id: int | None = Field(
        None,
        ge=1,
        le=2**31 - 1,
        description="a department of the account's organisation; null: none (absent: unchanged)",
    )


class PasswordReset(Strict):
    password: str = Field(min_length=8, max_length=200)


class OrganisationCreate(Strict):
    code: str = Field(min_length=1, max_length=50, pattern=WORD_PATTERN)
    name: str = Field(min_length=1, max_length=200, pattern=NAME_PATTERN)


class UserOut(BaseModel):
    id: int
    username: str
    full_name: str
    title: str
    organisation_id: int
    organisation_name: str
    organisation_code: str = ""
    role: Role
    secret_in_offline_index: bool = False
    """The organisation lets desktop caches index secrecy ≥ 1 metadata for offline search."""


class LoginOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: UtcDateTime
    user: UserOut


class OrganisationOut(BaseModel):
    id: int
    code: str
    name: str


class ColleagueOut(BaseModel):
    """A colleague to present, assign or submit to (the caller's own organisation)."""

    id: int
    username: str
    full_name: str
    title: str
    role: Role
    department: str = ""
    """The department's name ("" for leaders and anyone outside the departments)."""


class RegisterOut(BaseModel):
    id: int
    name: str
    direction: Direction
    year: int
    next_number: int


class VersionOut(BaseModel):
    number: int
    sha256: str
    size: int
    filename: str
    content_type: str
    author: str
    note: str
    created_at: UtcDateTime


class DocumentFields(Strict):
    """Writable metadata shared by create and patch."""

    doc_type: str = Field("Công văn", min_length=1, max_length=100)
    code_notation: str = Field("", max_length=30)
    issued_date: IsoDate | None = None
    organ_name: str = Field("", max_length=200)
    subject: str = Field("", max_length=500)
    language: str = Field("vi", max_length=10)
    page_amount: int = Field(1, ge=0, le=100000)
    description: str = Field("", max_length=5000)
    signer_position: str = Field("", max_length=200)
    signer_name: str = Field("", max_length=200)
    urgency: int = Field(0, ge=0, le=4)
    secrecy: int = Field(0, ge=0, le=3)
    due_date: IsoDate | None = None
    to_places: list[Place] = Field(default_factory=list, max_length=100)
    recipients: list[ShortText] = Field(default_factory=list, max_length=200)
    issued_amount: int | None = Field(None, ge=0, le=1000000)
    file_code: str = Field("", max_length=100)


class DocumentCreate(DocumentFields):
    direction: Direction
    code_number: str | None = Field(None, max_length=11)
    arrival_date: IsoDate | None = None
    register_id: int | None = Field(None, ge=1, le=2**31 - 1)
    status: Status | None = None
    file_sha256: Sha256 | None = None
    filename: str | None = Field(None, max_length=255)
    note: str = Field("", max_length=500)
    duplicate_ok: StrictBool = Field(
        False, description="incoming, registered as entered: even if it looks registered already"
    )


class DocumentPatch(Strict):
    """Only the fields sent change. ``null`` empties a date or the issued amount; on any other
    field it is the same as leaving the field out."""

    doc_type: str | None = Field(None, min_length=1, max_length=100)
    code_number: str | None = Field(
        None, max_length=11, description="incoming only: the sender's number (null empties it)"
    )
    code_notation: str | None = Field(None, max_length=30)
    issued_date: IsoDate | None = None
    organ_name: str | None = Field(None, max_length=200)
    subject: str | None = Field(None, max_length=500)
    page_amount: int | None = Field(None, ge=0, le=100000)
    description: str | None = Field(None, max_length=5000)
    signer_position: str | None = Field(None, max_length=200)
    signer_name: str | None = Field(None, max_length=200)
    urgency: int | None = Field(None, ge=0, le=4)
    secrecy: int | None = Field(None, ge=0, le=3)
    due_date: IsoDate | None = None
    to_places: list[Place] | None = Field(None, max_length=100)
    recipients: list[ShortText] | None = Field(None, max_length=200)
    issued_amount: int | None = Field(None, ge=0, le=1000000)
    file_code: str | None = Field(None, max_length=100)


class TraceOut(BaseModel):
    at: UtcDateTime
    user_id: int
    user_name: str
    role: str
    action: str
    from_status: str
    to_status: str
    comment: str
    recipients: list[int]


class AssignmentOut(BaseModel):
    user_id: int
    user_name: str
    kind: Literal["lead", "co", "info"]
    state: Literal["active", "done", "returned", "recalled"]
    deadline: IsoDate | None
    requested_deadline: IsoDate | None = None
    """The handler asked for more time, until this day."""
    assigned_by: int | None = None


class DeliveryOut(BaseModel):
    """Where an issued document went — an organisation on this server, or an agency outside it
    through the exchange axis — and how far the recipient has got."""

    organisation: str
    status: str
    """On this server: the copy's status. Through the axis: the outbox state (queued, sent,
    failed, exported) until the agency answers, then its last status code's key (``status_code``)."""
    via: Literal["server", "axis"] = "server"
    agency_code: str = ""
    status_code: str = ""
    """The agency's last edXML status: 01 arrived … 06 done, 02 refused, 15/16 take-back answers."""
    reason: str = ""
    """What the agency said with it (a refusal's reason), or why sending failed."""
    at: UtcDateTime | None = None


class ExchangeOut(BaseModel):
    """How a document came through the exchange: its sender, the package's signature and each
    file's signatures as checked at arrival, every attachment, what was wrong with the package."""

    sender: str
    sender_name: str
    document_identifier: str
    source: Literal["axis", "file"]
    received_at: UtcDateTime
    signature: str
    """The envelope's XML signature: valid, invalid, placeholder, absent, not_checked."""
    signature_detail_vi: str = ""
    signature_detail_en: str = ""
    signer: str = ""
    signature_trusted: bool | None = None
    """The envelope's certificate is issued by a trusted root (the shipped Vietnamese anchors,
    the province's and the organisation's list); None: no certificate to check."""
    files_ok: bool | None = None
    """Every PAdES signature of its PDFs intact (None: nothing signed, or not checked here)."""
    file_signatures: list[dict[str, Any]] = []
    attachments: list[dict[str, Any]] = []
    problems: str = ""
    take_back_reason: str = ""
    """The sender asked for it back (edXML 13) with this reason; the clerk has not answered."""


class DocumentOut(BaseModel):
    id: int
    direction: Direction
    doc_type: str
    code_number: str | None
    code_notation: str
    number_symbol: str
    issued_date: IsoDate | None
    organ_name: str
    subject: str
    language: str
    page_amount: int
    description: str
    signer_position: str
    signer_name: str
    urgency: int
    secrecy: int
    due_date: IsoDate | None
    to_places: list[str]
    recipients: list[str]
    issued_amount: int | None
    arrival_number: int | None
    arrival_date: IsoDate | None
    file_code: str
    register_id: int | None
    status: str
    organisation_id: int
    created_by: int
    created_at: UtcDateTime
    updated_at: UtcDateTime
    revision: int
    current_version: int
    versions: list[VersionOut]
    trace: list[TraceOut] = []
    """Every step of the document's life, oldest first."""
    assignments: list[AssignmentOut] = []
    """Who handles it (incoming), as the last direction said."""
    source_id: int | None = None
    """A delivered copy: the issued document it came from (its sender's)."""
    origin: Origin = Origin.CREATED
    """How it came into the server: created, scan, delivered, imported."""
    deliveries: list[DeliveryOut] = []
    """An issued document: each recipient organisation on this server and its copy's status,
    and each agency outside it and its last exchange status."""
    document_identifier: str | None = None
    """Mã định danh văn bản ``OrganId,yyyy/MM/dd,Số/Ký hiệu`` (given at numbering, kept on copies)."""
    marks: list[str] = []
    """What opens steps beyond the status (``base.workflow.Mark``): external, take_back_asked."""
    exchange: ExchangeOut | None = None
    """A document that came through the exchange: its sender and the checks made at arrival."""


UserIds = Annotated[list[Annotated[int, Field(ge=1, le=2**31 - 1)]], Field(max_length=200)]


class StepCreate(Strict):
    """One workflow step (``server.workflow``): what the step needs depends on the step."""

    action: Literal[
        "register",
        "present",
        "assign",
        "note",
        "ask_extension",
        "extend",
        "return",
        "finish",
        "reopen",
        "recall",
        "submit",
        "send_back",
        "approve",
        "number",
        "issue",
        "withdraw",
        "correct",
        "refuse",
        "ask_take_back",
        "agree_take_back",
        "decline_take_back",
    ]
    comment: str = Field("", max_length=4000)
    to: UserIds = Field(default_factory=list, description="present/submit: the leaders")
    lead: int | None = Field(None, ge=1, le=2**31 - 1, description="assign: the lead handler")
    co: UserIds = Field(default_factory=list, description="assign: co-handlers")
    info: UserIds = Field(default_factory=list, description="assign: for information")
    deadline: IsoDate | None = None
    stamp: StrictBool = Field(False, description="register: put the ĐẾN stamp on the file")
    organisations: list[Annotated[str, Field(max_length=50, pattern=WORD_PATTERN)]] = Field(
        default_factory=list, max_length=200, description="issue: recipient organisations here"
    )
    agencies: list[Annotated[str, Field(max_length=35)]] = Field(
        default_factory=list,
        max_length=200,
        description="issue: recipient agencies outside this server (their codes on the exchange "
        "axis); the document goes to each as an edXML package",
    )
    replaces: int | None = Field(
        None, ge=1, le=2**31 - 1, description="issue: the earlier issued document this replaces"
    )
    register_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="number/register: the register (default: the year's)"
    )
    duplicate_ok: StrictBool = Field(
        False, description="register: register even what looks registered already (409 duplicate)"
    )
    corrections: DocumentPatch | None = Field(
        None,
        description="correct: the registered fields to change (organ_name, code_number, "
        "code_notation, issued_date, doc_type, subject, signer_position, signer_name, "
        "page_amount)",
    )


class DocumentPage(BaseModel):
    items: list[DocumentOut]
    next_cursor: str | None


class ChangeOut(BaseModel):
    seq: int
    kind: Literal["upsert", "delete"]
    document_id: int
    document: DocumentOut | None


class ChangePage(BaseModel):
    changes: list[ChangeOut]
    next_since: int
    has_more: bool


class NextNumberOut(BaseModel):
    """The number the next NUMBER (outgoing) or REGISTER (incoming) step would take now: shown
    before it is taken. Another clerk may take it first; the step then takes the next one."""

    register_id: int | None
    register_name: str
    year: int
    number: int
    number_symbol: str
    """Outgoing: the number with the document's notation (``05/UBND-VP``); incoming: ``05``."""


FileType = Literal["application/pdf", "image/tiff", "image/jpeg", "image/png"]
"""The content types a file may have: it is served back in a header, so only these (no CR/LF,
no HTML to sniff)."""


class VersionCreate(Strict):
    sha256: Sha256
    filename: str = Field(min_length=1, max_length=255)
    note: str = Field("", max_length=500)
    content_type: FileType = "application/pdf"


class UploadCreate(Strict):
    filename: str = Field(min_length=1, max_length=255)
    size: int = Field(ge=1, le=2**53, description="bytes; at most the server's upload limit")
    sha256: Sha256
    content_type: FileType = "application/pdf"
    document: DocumentCreate | None = None
    """Created when the bytes are complete, with this upload as version 1."""


class UploadOut(BaseModel):
    id: str
    filename: str
    size: int
    sha256: str
    offset: int
    status: Literal["pending", "complete"]
    duplicate: bool = False
    document: DocumentOut | None = None
    document_created: bool = False


TrustPki = Literal["government", "public", "other"]


class TrustEntryOut(BaseModel):
    sha256: str
    pem: str
    pki: TrustPki
    enabled: bool
    scope: str
    """``province`` or the organisation's code."""


PEM_PATTERN = r"^[\t\n\r ]*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\t\n\r ]+-----END CERTIFICATE-----[\t\n\r ]*$"


class TrustCertificateCreate(Strict):
    pem: str = Field(min_length=64, max_length=20_000, pattern=PEM_PATTERN)
    pki: TrustPki = "other"
    organisation: str | None = Field(
        None,
        max_length=50,
        pattern=WORD_PATTERN,
        description="An organisation's code; none: the whole province (province administrator)",
    )


class TrustCertificatePatch(Strict):
    enabled: StrictBool
    organisation: str | None = Field(None, max_length=50, pattern=WORD_PATTERN)


AccessKey = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class AccessReport(Strict):
    """The desktop opened (or printed) a document: sent once under ``key``, also after being
    queued offline; ``at`` is when it happened on the desktop (the server bounds it)."""

    kind: Literal["view", "print"]
    version: Annotated[int, Field(ge=0, le=2**31 - 1)] | None = None
    at: IsoDateTime | None = None
    key: AccessKey


class AccessOut(BaseModel):
    at: UtcDateTime
    user_id: int | None
    username: str
    full_name: str
    kind: str
    """``view``, ``download`` or ``print`` (``base.audit.Access``)."""
    version: int | None
    client: str
    reported_at: UtcDateTime | None = None
    """When the desktop says it happened (a view queued offline); ``at`` is when the server
    heard of it."""


class AccessHistoryOut(BaseModel):
    """Who reached a document's content (Decree 30/2020 Appendix VI III.5.a, III.6.a–b, III.6.l)."""

    counts: dict[str, int]
    """Accesses by kind, over the whole history."""
    readers: int
    """How many people reached it."""
    events: list[AccessOut]
    """The newest first (at most the last 500)."""


class AuditEventOut(BaseModel):
    id: int
    at: UtcDateTime
    user_id: int | None
    username: str
    full_name: str
    organisation: str
    action: str
    category: str
    """``login``, ``access``, ``change``, ``grant`` or ``admin`` (``base.audit``)."""
    document_id: int | None
    detail: str
    """Withheld ("") for a document the administrator may not read."""


class AuditPage(BaseModel):
    items: list[AuditEventOut]
    next_cursor: str | None


class LoginStatOut(BaseModel):
    period: str
    """``YYYY-MM-DD`` (day) or ``YYYY-MM`` (month), Vietnam time."""
    logins: int
    failed: int
    users: int
    """Different people who signed in."""


SavedSearchId = Annotated[int, Path(ge=1, le=2**31 - 1)]
SAVED_SEARCH_NAME_LENGTH = 100
KEY_PATTERN = r"^[a-z][a-z_]{0,29}$"
"""A stable key the desktop defines (a work queue, a list column): lower case and underscores."""
ListKey = Annotated[str, Field(max_length=30, pattern=KEY_PATTERN)]


class SavedQuery(Strict):
    """A list's filters as the desktop saved them (every field optional: absent is "any")."""

    text: str = Field("", max_length=200, description="the words searched for")
    direction: Direction | None = None
    queue: ListKey | None = Field(None, description="a work queue's key (to_register, my_work…)")
    doc_type: str | None = Field(None, max_length=100)
    min_urgency: int | None = Field(None, ge=0, le=4)
    overdue: StrictBool = False
    status: Status | None = None
    columns: list[ListKey] | None = Field(
        None, max_length=30, description="the list's columns in the user's order"
    )

    @field_validator("columns", mode="after")
    @classmethod
    def _once_each(cls, value: list[str] | None) -> list[str] | None:
        return list(dict.fromkeys(value)) if value is not None else None


SavedSearchName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=SAVED_SEARCH_NAME_LENGTH,
        pattern=NAME_PATTERN,
        description="unique among the user's saved searches (ignoring case); stored NFC, trimmed",
    ),
]


class SavedSearchCreate(Strict):
    name: SavedSearchName
    query: SavedQuery = Field(
        SavedQuery.model_validate({}), description="the filters (absent: none)"
    )


class SavedSearchUpdate(Strict):
    """Only what is sent changes: a new name, new filters, or both."""

    name: SavedSearchName | None = None
    query: SavedQuery | None = None


class SavedSearchOut(BaseModel):
    id: int
    name: str
    query: SavedQuery
    created_at: UtcDateTime
    updated_at: UtcDateTime
