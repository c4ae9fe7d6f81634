"""The records' part of the API contract: request and answer bodies of the file-list and
case-file routes. Field names follow Appendix VI Part II.III where one exists (notation for
FileNotation, maintenance for Maintenance, doc_total, page_total…); text limits are the
decree's."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Path
from pydantic import BaseModel, Field, StrictBool

from base.records import MAINTENANCE_PATTERN, CaseFileAction, FileListAction

from ..schemas import NAME_PATTERN, IsoDate, Strict, UtcDateTime

__all__ = [
    "FileListId",
    "HeadingId",
    "PlannedFileId",
    "CaseFileId",
    "FileListCreate",
    "FileListPatch",
    "FileListActionIn",
    "HeadingCreate",
    "HeadingPatch",
    "HeadingOut",
    "PlannedFileCreate",
    "PlannedFilePatch",
    "PlannedFileOut",
    "FileListOut",
    "FileListSummary",
    "CaseFileCreate",
    "CaseFilePatch",
    "CaseFileDocumentIn",
    "CaseFileActionIn",
    "CaseFileOut",
    "CaseFileDetail",
    "CaseFileDocumentOut",
    "CaseFileEventOut",
    "CaseFilePage",
    "HandoverIn",
    "HandoverOut",
    "CreatorCountOut",
    "Queue",
]

_ID = Path(ge=1, le=2**31 - 1)
FileListId = Annotated[int, _ID]
HeadingId = Annotated[int, _ID]
PlannedFileId = Annotated[int, _ID]
CaseFileId = Annotated[int, _ID]
_Ref = Annotated[int, Field(ge=1, le=2**31 - 1)]

Maintenance = Annotated[
    str,
    Field(
        max_length=30,
        pattern=MAINTENANCE_PATTERN,
        description='Thời hạn bảo quản: "Vĩnh viễn" or a number of years ("20 năm"), NFC',
    ),
]
Notation = Annotated[
    str,
    Field(
        min_length=1,
        max_length=20,
        pattern=r"^[0-9A-Za-zĐđ][0-9A-Za-zĐđ./_-]*$",
        description="Số và ký hiệu hồ sơ (FileNotation), e.g. 01.TCCB",
    ),
]
Abbreviation = Annotated[str, Field(max_length=20, pattern=r"^[0-9A-Za-zĐđ-]*$")]
Title = Annotated[str, Field(min_length=1, max_length=500, pattern=NAME_PATTERN)]
HeadingTitle = Annotated[str, Field(min_length=1, max_length=300, pattern=NAME_PATTERN)]
Year = Annotated[int, Field(ge=1900, le=2999)]
Reason = Annotated[str, Field(max_length=2000)]
RightsKey = Literal["restricted", "open"]
Queue = Literal["all", "mine", "due", "awaiting", "returned", "archive", "past_retention"]


class FileListCreate(Strict):
    year: Year
    decision: str = Field("", max_length=300)
    copy_previous: StrictBool = Field(
        False, description="start from the organisation's latest earlier list"
    )


class FileListPatch(Strict):
    decision: str = Field(max_length=300)


class FileListActionIn(Strict):
    action: FileListAction
    reason: Reason = ""


class HeadingCreate(Strict):
    title: HeadingTitle
    abbreviation: Abbreviation = ""
    parent_id: _Ref | None = Field(None, description="a major heading: this is a sub-heading")


class HeadingPatch(Strict):
    title: HeadingTitle | None = None
    abbreviation: Abbreviation | None = None


class HeadingOut(BaseModel):
    id: int
    parent_id: int | None
    number: str
    """A major heading's Roman numeral, a sub-heading's Arabic one (Appendix V I.1)."""
    title: str
    abbreviation: str
    position: int


class PlannedFileCreate(Strict):
    heading_id: _Ref
    notation: Notation
    title: Title
    maintenance: Maintenance
    responsible: str = Field("", max_length=200)
    responsible_user_id: _Ref | None = None
    note: str = Field("", max_length=500)


class PlannedFilePatch(Strict):
    heading_id: _Ref | None = None
    notation: Notation | None = None
    title: Title | None = None
    maintenance: Maintenance | None = None
    responsible: str | None = Field(None, max_length=200)
    note: str | None = Field(None, max_length=500)


class PlannedFileOut(BaseModel):
    id: int
    heading_id: int
    notation: str
    title: str
    maintenance: str
    retention_years: int | None
    """None: permanent."""
    responsible: str
    responsible_user_id: int | None
    note: str
    position: int


class FileListSummary(BaseModel):
    id: int
    year: int
    state: str
    decision: str
    total: int
    permanent: int
    limited: int
    """How many files are kept permanently and for a period (Appendix V II's closing lines)."""


class FileListOut(FileListSummary):
    organisation: str
    created_by: int
    created_at: UtcDateTime
    approved_by: int | None
    approved_at: UtcDateTime | None
    issued_at: UtcDateTime | None
    headings: list[HeadingOut]
    files: list[PlannedFileOut]
    actions: list[str]
    """What the caller may do to it now (``base.records.file_list_actions``)."""


class CaseFileCreate(Strict):
    """From a planned file of an issued list, or (work not in the list, Art. 29.2.c) with its
    own title, number and symbol, retention and start."""

    planned_file_id: _Ref | None = None
    title: Title | None = None
    notation: Notation | None = None
    maintenance: Maintenance | None = None
    start_date: IsoDate | None = Field(None, description="absent: today (Vietnam)")
    description: str = Field("", max_length=500)
    rights: RightsKey = "restricted"
    construction: StrictBool = False


class CaseFilePatch(Strict):
    title: Title | None = None
    notation: Notation | None = None
    maintenance: Maintenance | None = None
    description: str | None = Field(None, max_length=500)
    rights: RightsKey | None = None
    readers: list[_Ref] | None = Field(None, max_length=200)
    construction: StrictBool | None = None


class CaseFileDocumentIn(Strict):
    document_id: _Ref


class CaseFileActionIn(Strict):
    action: CaseFileAction
    reason: Reason = ""
    title: Title | None = Field(None, description="close: the final title")
    notation: Notation | None = None
    maintenance: Maintenance | None = Field(None, description="close: the final retention")
    description: str | None = Field(None, max_length=500)
    end_date: IsoDate | None = Field(None, description="close: when the work ended")
    until: IsoDate | None = Field(None, description="request_keep_back: the new date")


class CaseFileDocumentOut(BaseModel):
    ordinal: int
    """DocOrdinal: its place in the file, in the order the documents were created."""
    document_id: int
    direction: str
    type_name: str
    code_number: str
    code_notation: str
    issued_date: dt.date | None
    date: dt.date
    """The document's date (issued, else arrival, else created)."""
    organ_name: str
    subject: str
    language: str
    page_amount: int
    description: str
    added_at: UtcDateTime


class CaseFileEventOut(BaseModel):
    at: UtcDateTime
    user_id: int
    full_name: str
    action: str
    from_state: str
    to_state: str
    reason: str
    document_id: int | None
    """None also when the caller may not read the document the event names."""


class CaseFileOut(BaseModel):
    id: int
    code: str
    """FileCode: OrganId.FileCatalog.FileNotation."""
    organ_id: str
    year: int
    notation: str
    title: str
    maintenance: str
    retention_years: int | None
    rights: RightsKey
    rights_label: str
    creator_id: int
    creator: str
    language: str
    start_date: dt.date
    end_date: dt.date | None
    doc_total: int | None
    """Set when closed (Part II.III 9)."""
    page_total: int | None
    description: str
    construction: bool
    state: str
    planned_file_id: int | None
    due_date: dt.date | None
    """The transfer deadline (a kept-back file's new date once approved)."""
    due_in_days: int | None
    warning: bool
    """Due within 30 days, or overdue, and still with its creator (III.5.b)."""
    keep_back: str | None
    keep_back_until: dt.date | None
    keep_back_reason: str
    returned_reason: str
    retention_ends: dt.date | None
    closed_at: UtcDateTime | None
    submitted_at: UtcDateTime | None
    accepted_at: UtcDateTime | None
    created_at: UtcDateTime
    updated_at: UtcDateTime
    actions: list[str]
    """What the caller may do to it now (``base.records.case_file_actions``)."""


class CaseFileDetail(CaseFileOut):
    readers: list[int]
    documents: list[CaseFileDocumentOut]
    """Only those the caller may read."""
    events: list[CaseFileEventOut]


class CaseFilePage(BaseModel):
    items: list[CaseFileOut]
    next_cursor: str | None


class HandoverIn(Strict):
    from_user_id: _Ref
    to_user_id: _Ref


class HandoverOut(BaseModel):
    moved: int
    codes: list[str]


class CreatorCountOut(BaseModel):
    """The files one account created, by state (III.4.đ)."""

    creator_id: int
    full_name: str
    open: int
    closed: int
    submitted: int
    returned: int
    archived: int
    total: int
