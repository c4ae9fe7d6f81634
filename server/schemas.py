"""Pydantic request/response models: the OpenAPI contract the client follows.

Length limits follow Decree 30/2020 Appendix VI (CodeNumber ≤ 11,
CodeNotation ≤ 30, OrganName ≤ 200, Subject ≤ 500, ToPlaces ≤ 1000).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema, field_validator

__all__ = [
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
    "NumberRequest",
    "VersionCreate",
    "UploadCreate",
    "UploadOut",
    "Direction",
    "Role",
    "DocumentId",
    "VersionNumber",
]

Direction = Literal["incoming", "outgoing"]
Role = Literal["clerk", "leader", "specialist", "archivist", "org_admin", "province_admin"]
Status = Literal[
    "draft",
    "pending_signature",
    "signed",
    "numbered",
    "issued",
    "received",
    "assigned",
    "processing",
    "done",
]


def _utc_z(value: dt.datetime) -> str:
    """Stored times are naive UTC; on the wire they say so ("…Z"), as docs/api.md promises."""
    aware = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return aware.isoformat().replace("+00:00", "Z")


UtcDateTime = Annotated[
    dt.datetime,
    PlainSerializer(_utc_z, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A timestamp served as ISO 8601 UTC with ``Z`` (a client in another zone reads it right)."""
DocumentId = Annotated[int, Path(ge=1, le=2**31 - 1)]
VersionNumber = Annotated[int, Path(ge=1, le=2**31 - 1)]
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


class Strict(BaseModel):
    """Request bodies: unknown fields and control characters (NUL…) are refused with 422 on every
    database, before anything is stored."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        return _clean(value)


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
    username: str = Field(min_length=1, max_length=100)
    full_name: str = Field(min_length=1, max_length=200)
    role: Role
    organisation: str = Field(min_length=1, max_length=50, description="the organisation's code")
    title: str = Field("", max_length=200)
    password: str = Field(
        "", max_length=200, description="empty: a random initial password is made"
    )


class AccountOut(BaseModel):
    id: int
    username: str
    full_name: str
    title: str
    role: Role
    organisation: str
    active: bool


class AccountCreated(BaseModel):
    account: AccountOut
    initial_password: str | None = None


class AccountPatch(Strict):
    role: Role | None = None
    active: bool | None = None


class PasswordReset(Strict):
    password: str = Field(min_length=8, max_length=200)


class OrganisationCreate(Strict):
    code: str = Field(min_length=1, max_length=50)
    name: str = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    id: int
    username: str
    full_name: str
    title: str
    organisation_id: int
    organisation_name: str
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
    issued_date: dt.date | None = None
    organ_name: str = Field("", max_length=200)
    subject: str = Field("", max_length=500)
    language: str = Field("vi", max_length=10)
    page_amount: int = Field(1, ge=0, le=100000)
    description: str = Field("", max_length=5000)
    signer_position: str = Field("", max_length=200)
    signer_name: str = Field("", max_length=200)
    urgency: int = Field(0, ge=0, le=4)
    secrecy: int = Field(0, ge=0, le=3)
    due_date: dt.date | None = None
    to_places: list[Place] = Field(default_factory=list, max_length=100)
    recipients: list[ShortText] = Field(default_factory=list, max_length=200)
    issued_amount: int | None = Field(None, ge=0, le=1000000)
    file_code: str = Field("", max_length=100)


class DocumentCreate(DocumentFields):
    direction: Direction
    code_number: str | None = Field(None, max_length=11)
    arrival_date: dt.date | None = None
    register_id: int | None = Field(None, ge=1, le=2**31 - 1)
    status: Status | None = None
    file_sha256: Sha256 | None = None
    filename: str | None = Field(None, max_length=255)
    note: str = Field("", max_length=500)


class DocumentPatch(Strict):
    doc_type: str | None = Field(None, min_length=1, max_length=100)
    code_notation: str | None = Field(None, max_length=30)
    issued_date: dt.date | None = None
    organ_name: str | None = Field(None, max_length=200)
    subject: str | None = Field(None, max_length=500)
    page_amount: int | None = Field(None, ge=0, le=100000)
    description: str | None = Field(None, max_length=5000)
    signer_position: str | None = Field(None, max_length=200)
    signer_name: str | None = Field(None, max_length=200)
    urgency: int | None = Field(None, ge=0, le=4)
    secrecy: int | None = Field(None, ge=0, le=3)
    due_date: dt.date | None = None
    to_places: list[Place] | None = Field(None, max_length=100)
    recipients: list[ShortText] | None = Field(None, max_length=200)
    issued_amount: int | None = Field(None, ge=0, le=1000000)
    file_code: str | None = Field(None, max_length=100)
    status: Status | None = None


class DocumentOut(BaseModel):
    id: int
    direction: Direction
    doc_type: str
    code_number: str | None
    code_notation: str
    number_symbol: str
    issued_date: dt.date | None
    organ_name: str
    subject: str
    language: str
    page_amount: int
    description: str
    signer_position: str
    signer_name: str
    urgency: int
    secrecy: int
    due_date: dt.date | None
    to_places: list[str]
    recipients: list[str]
    issued_amount: int | None
    arrival_number: int | None
    arrival_date: dt.date | None
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


class NumberRequest(Strict):
    register_id: int | None = Field(None, ge=1, le=2**31 - 1)


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
    size: int = Field(ge=0, le=2**53)
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
