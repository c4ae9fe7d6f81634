"""Case files (Art. 29): opening one from the year's issued list or on one's own, changing it
while it is open, adding and removing documents (a link: a document can sit in several files,
never copied, III.4.e), and reading a file with the documents its reader may see.

Every function takes the caller and checks them through ``records.policy``; the routes, and
later the command line and the exports, call these and nothing below them."""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from base.records import (
    ORGAN_ID_LENGTH,
    CaseFileState,
    FileListState,
    Retention,
    Rights,
    file_code,
)

from ..db import next_seq
from ..deps import today_vn
from ..documents import audit
from ..errors import ApiProblem, forbidden, not_found
from ..models import Document, Organisation, User, utcnow
from ..policy import can_read, readable, role_of
from ..roles import Role
from .file_lists import nfc, opened_from
from .models import (
    CaseFile,
    CaseFileDocument,
    CaseFileEvent,
    CaseFileReader,
    FileList,
    PlannedFile,
)
from .policy import load_visible, may_open, refuse_not_open, visible_documents

__all__ = [
    "NewCaseFile",
    "FileChanges",
    "FileView",
    "organ_id",
    "open_file",
    "edit_file",
    "add_document",
    "remove_document",
    "file_view",
    "record",
    "document_date",
    "duplicate_code",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewCaseFile:
    planned_file_id: int | None = None
    title: str | None = None
    notation: str | None = None
    retention: Retention | None = None
    start_date: dt.date | None = None
    description: str = ""
    rights: Rights = Rights.RESTRICTED
    construction: bool = False


@dataclass(frozen=True)
class FileChanges:
    title: str | None = None
    notation: str | None = None
    retention: Retention | None = None
    description: str | None = None
    rights: Rights | None = None
    readers: list[int] | None = None
    construction: bool | None = None

    @property
    def access_only(self) -> bool:
        """Only who may read it (Rights, readers): what the archive still manages (III.6.c)."""
        return (self.rights is not None or self.readers is not None) and (
            self.title,
            self.notation,
            self.retention,
            self.description,
            self.construction,
        ) == (None, None, None, None, None)


@dataclass(frozen=True)
class Entry:
    """A document of the file as its reader sees it, with its place in the whole file."""

    ordinal: int
    document: Document
    link: CaseFileDocument


@dataclass(frozen=True)
class FileView:
    case_file: CaseFile
    documents: list[Entry]
    events: list[CaseFileEvent]
    readable_events: set[int]
    """The documents named by events that the reader may read (the others are not named)."""
    readers: list[int]


def organ_id(session: Session, organisation_id: int) -> str:
    """OrganId: the organisation's code on the exchange axis (≤ 35), else its own code."""
    org = session.get_one(Organisation, organisation_id)
    code = org.agency_code or org.code
    if len(code) > ORGAN_ID_LENGTH:
        raise ApiProblem(
            409,
            "Mã định danh của đơn vị dài quá 35 ký tự: quản trị cần đặt mã định danh cơ quan.",
            "The organisation's code is longer than 35 characters: an administrator must set "
            "its agency code.",
            code="no_organ_id",
        )
    return code


def record(
    session: Session,
    user: User,
    found: CaseFile,
    action: str,
    before: str,
    reason: str = "",
    document_id: int | None = None,
    extra: dict[str, object] | None = None,
) -> None:
    """The file's own history and the administrator's audit trail, in one go; and the file's
    new change-feed number, so every change reaches the desktops' caches (``feed.py``)."""
    found.revision = next_seq(session)
    session.add(
        CaseFileEvent(
            case_file_id=found.id,
            user_id=user.id,
            action=action,
            from_state=before,
            to_state=found.state,
            reason=reason,
            document_id=document_id,
        )
    )
    detail: dict[str, object] = {"case_file": found.code, "id": found.id, **(extra or {})}
    if before != found.state:
        detail["state"] = [before, found.state]
    if reason:
        detail["reason"] = reason
    audit(
        session,
        user,
        f"case_file_{action}",
        document_id,
        json.dumps(detail, ensure_ascii=False, default=str),
    )


def duplicate_code(code: str) -> ApiProblem:
    return ApiProblem(
        409,
        f"Đã có hồ sơ mã {code}: hãy chọn số và ký hiệu khác.",
        f"A case file coded {code} already exists: choose another number and symbol.",
        code="duplicate",
    )


def _flush_unique(session: Session, found: CaseFile) -> None:
    """Refuse a code the organisation has used already; the unique constraint decides a race."""
    taken = select(CaseFile.id).where(
        CaseFile.organisation_id == found.organisation_id,
        CaseFile.year == found.year,
        CaseFile.notation == found.notation,
    )
    if found.id is not None:
        taken = taken.where(CaseFile.id != found.id)
    with session.no_autoflush:
        if session.scalar(taken.limit(1)) is not None:
            raise duplicate_code(found.code)
    code = found.code
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise duplicate_code(code) from exc


def open_file(session: Session, user: User, new: NewCaseFile) -> CaseFile:
    """Open a case file: from a planned file of an issued list (Art. 29.2.b) or with the
    information the person gives (29.2.c)."""
    may_open(user)
    start = new.start_date or today_vn()
    planned = _planned_for(session, user, new.planned_file_id)
    if planned is not None:
        planned_file, year = planned
        title = nfc(new.title or planned_file.title)
        notation = nfc(new.notation or planned_file.notation)
        retention = new.retention or Retention(planned_file.retention_years)
    else:
        if not (new.title and new.notation and new.retention):
            raise ApiProblem(
                422,
                "Hồ sơ ngoài Danh mục cần tiêu đề, số và ký hiệu, thời hạn bảo quản.",
                "A file outside the list needs a title, a number and symbol, and a retention.",
                code="incomplete",
            )
        title, notation, retention, year = (
            nfc(new.title),
            nfc(new.notation),
            new.retention,
            start.year,
        )
    code = file_code(organ_id(session, user.organisation_id), year, notation)
    now = utcnow()
    made = CaseFile(
        organisation_id=user.organisation_id,
        planned_file_id=new.planned_file_id,
        code=code,
        year=year,
        notation=notation,
        title=title,
        retention_years=retention.years,
        rights=new.rights.value,
        creator_id=user.id,
        language="vi",
        start_date=start,
        description=nfc(new.description),
        construction=new.construction,
        state=CaseFileState.OPEN.value,
        keep_back_reason="",
        returned_reason="",
        created_at=now,
        updated_at=now,
    )
    session.add(made)
    _flush_unique(session, made)
    record(session, user, made, "open", CaseFileState.OPEN.value)
    logger.info("user %d opened case file %d (%s)", user.id, made.id, code)
    return made


def _planned_for(
    session: Session, user: User, planned_id: int | None
) -> tuple[PlannedFile, int] | None:
    if planned_id is None:
        return None
    row = session.execute(
        select(PlannedFile, FileList)
        .join(FileList, FileList.id == PlannedFile.file_list_id)
        .where(PlannedFile.id == planned_id, FileList.organisation_id == user.organisation_id)
    ).first()
    if row is None:
        raise not_found(f"hồ sơ dự kiến số {planned_id}", f"Planned file {planned_id}")
    planned, file_list = row
    if file_list.state != FileListState.ISSUED:
        raise ApiProblem(
            409,
            f"Danh mục hồ sơ năm {file_list.year} chưa ban hành: chưa mở hồ sơ theo danh mục.",
            f"The {file_list.year} file list is not issued yet: files cannot be opened from it.",
            code="list_not_issued",
        )
    if opened_from(session, planned.id) is not None:
        raise ApiProblem(
            409,
            f"Hồ sơ {planned.notation} của danh mục đã được mở.",
            f"File {planned.notation} of the list has been opened already.",
            code="duplicate",
        )
    return planned, file_list.year


def _own_open(session: Session, user: User, case_file_id: int) -> CaseFile:
    """The caller's own file, open: the only one whose contents they change (Art. 31.3.b)."""
    return _refuse_unless_own_open(user, load_visible(session, user, case_file_id, for_update=True))


def _refuse_unless_own_open(user: User, found: CaseFile) -> CaseFile:
    if found.creator_id != user.id:
        raise forbidden()
    refuse_not_open(found)
    return found


def edit_file(session: Session, user: User, case_file_id: int, changes: FileChanges) -> CaseFile:
    """Its creator while it is open; an archived file's access (Rights, readers) by the
    archive, which manages who reads it (III.6.c) — everything else of it stays frozen."""
    found = load_visible(session, user, case_file_id, for_update=True)
    if (
        found.state == CaseFileState.ARCHIVED
        and role_of(user) is Role.ARCHIVIST
        and changes.access_only
    ):
        return _archive_access(session, user, found, changes)
    _refuse_unless_own_open(user, found)
    before: dict[str, object] = {}
    if changes.title is not None:
        before["title"], found.title = found.title, nfc(changes.title)
    if changes.notation is not None and nfc(changes.notation) != found.notation:
        before["notation"], found.notation = found.notation, nfc(changes.notation)
        found.code = file_code(organ_id(session, found.organisation_id), found.year, found.notation)
    if changes.retention is not None:
        before["retention_years"], found.retention_years = (
            found.retention_years,
            changes.retention.years,
        )
    if changes.description is not None:
        before["description"], found.description = found.description, nfc(changes.description)
    if changes.rights is not None:
        before["rights"], found.rights = found.rights, changes.rights.value
    if changes.construction is not None:
        found.construction = changes.construction
    if changes.readers is not None:
        _set_readers(session, user, found, changes.readers)
    found.updated_at = utcnow()
    _flush_unique(session, found)
    record(session, user, found, "edit", found.state, extra={"changes": before})
    return found


def _archive_access(
    session: Session, user: User, found: CaseFile, changes: FileChanges
) -> CaseFile:
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    if changes.rights is not None and changes.rights.value != found.rights:
        before["rights"], found.rights = found.rights, changes.rights.value
        after["rights"] = found.rights
    if changes.readers is not None:
        readers = sorted(
            session.scalars(
                select(CaseFileReader.user_id).where(CaseFileReader.case_file_id == found.id)
            )
        )
        if readers != sorted(set(changes.readers)):
            _set_readers(session, user, found, changes.readers)
            before["readers"], after["readers"] = readers, sorted(set(changes.readers))
    if before:  # nothing changed: nothing to record, no feed entry
        found.updated_at = utcnow()
        record(session, user, found, "access", found.state, extra={"from": before, "to": after})
    return found


def _set_readers(session: Session, user: User, found: CaseFile, readers: list[int]) -> None:
    wanted = sorted(set(readers))
    if wanted:
        known = set(
            session.scalars(
                select(User.id).where(
                    User.id.in_(wanted),
                    User.organisation_id == found.organisation_id,
                    User.active.is_(True),
                )
            )
        )
        if known != set(wanted):
            raise ApiProblem(
                422,
                "Người đọc phải là người dùng đang hoạt động của đơn vị.",
                "Readers must be active users of the organisation.",
                code="unknown_user",
            )
    session.execute(delete(CaseFileReader).where(CaseFileReader.case_file_id == found.id))
    session.add_all(CaseFileReader(case_file_id=found.id, user_id=uid) for uid in wanted)


def add_document(session: Session, user: User, case_file_id: int, document_id: int) -> CaseFile:
    """Link a document the caller may read into their open file (it stays where it is)."""
    found = _own_open(session, user, case_file_id)
    doc = session.scalar(
        select(Document).where(Document.id == document_id, Document.deleted.is_(False))
    )
    if doc is None or not can_read(session, user, doc):
        raise not_found(f"văn bản số {document_id}", f"Document {document_id}")
    linked = select(CaseFileDocument.id).where(
        CaseFileDocument.case_file_id == found.id, CaseFileDocument.document_id == doc.id
    )
    if session.scalar(linked) is not None:
        raise ApiProblem(
            409,
            "Văn bản đã có trong hồ sơ.",
            "The document is in the file already.",
            code="duplicate",
        )
    session.add(CaseFileDocument(case_file_id=found.id, document_id=doc.id, added_by=user.id))
    found.updated_at = utcnow()
    record(session, user, found, "add_document", found.state, document_id=doc.id)
    return found


def remove_document(session: Session, user: User, case_file_id: int, document_id: int) -> CaseFile:
    """Take a document out of the file (a duplicate, a draft: Art. 29.4.b); it stays itself."""
    found = _own_open(session, user, case_file_id)
    link = session.scalar(
        select(CaseFileDocument).where(
            CaseFileDocument.case_file_id == found.id,
            CaseFileDocument.document_id == document_id,
        )
    )
    if link is None:
        raise not_found(f"văn bản số {document_id} trong hồ sơ", f"Document {document_id} in file")
    session.delete(link)
    found.updated_at = utcnow()
    record(session, user, found, "remove_document", found.state, document_id=document_id)
    return found


def document_date(doc: Document) -> dt.date:
    return doc.issued_date or doc.arrival_date or doc.created_at.date()


def _ordinals(session: Session, case_file_id: int) -> dict[int, int]:
    """DocOrdinal of every document of the file, in the order they were created (III.4.b)."""
    ids = session.scalars(
        select(Document.id)
        .join(CaseFileDocument, CaseFileDocument.document_id == Document.id)
        .where(CaseFileDocument.case_file_id == case_file_id, Document.deleted.is_(False))
        .order_by(Document.created_at, Document.id)
    )
    return {doc_id: index for index, doc_id in enumerate(ids, 1)}


def file_view(session: Session, user: User, case_file_id: int) -> FileView:
    """The file with the documents (and the events about documents) ``user`` may read."""
    found = load_visible(session, user, case_file_id)
    ordinals = _ordinals(session, found.id)
    entries = [
        Entry(ordinals[doc.id], doc, link)
        for doc, link in session.execute(visible_documents(user, found.id)).tuples()
    ]
    events = list(
        session.scalars(
            select(CaseFileEvent)
            .where(CaseFileEvent.case_file_id == found.id)
            .order_by(CaseFileEvent.id)
        )
    )
    named = sorted({e.document_id for e in events if e.document_id is not None})
    readable_named = (
        set(session.scalars(select(Document.id).where(Document.id.in_(named), readable(user))))
        if named
        else set()
    )
    readers = list(
        session.scalars(
            select(CaseFileReader.user_id).where(CaseFileReader.case_file_id == found.id)
        )
    )
    return FileView(found, entries, events, readable_named, sorted(readers))
