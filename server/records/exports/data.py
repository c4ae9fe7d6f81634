"""What the printed forms and the export show, read through the records' policy: the file list
(anyone of the organisation), a set of files (``visible_files``), a transfer (its creator, the
leaders, the archive) and one case file with the documents its reader may read — and of those,
whose file may go into the PDF and why not.

Plain dataclasses, no PDF library: the forms (``forms``, ``bundle``) only draw them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from base.records import CaseFileState, FileListState, Retention

from ...errors import ApiProblem, forbidden, not_found
from ...models import Department, Document, Organisation, TraceEvent, User, Version
from ...policy import content_readable, file_destroyed, role_of
from ..file_lists import list_view
from ..models import CaseFile, CaseFileDocument, FileList
from ..policy import KEEPERS
from ..queries import FileFilter, matching
from ..service import document_date, file_view

__all__ = [
    "Letterhead",
    "ListLine",
    "ListPrint",
    "FileLine",
    "Transfer",
    "DocEntry",
    "CaseFileContent",
    "INDEX_LIMIT",
    "letterhead",
    "list_print",
    "file_line",
    "files_index",
    "transfer",
    "case_file_content",
    "day",
    "document_day",
]

INDEX_LIMIT = 20_000
"""The most files one printed index holds (a year of a large department is a few thousand)."""
_CHUNK = 500


def day(value: dt.date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Letterhead:
    organisation: str
    unit: str = ""
    """The department under it (the transfer list's "TÊN ĐƠN VỊ")."""


def letterhead(
    session: Session, organisation_id: int, department_id: int | None = None
) -> Letterhead:
    organisation = session.get_one(Organisation, organisation_id)
    unit = session.get(Department, department_id) if department_id is not None else None
    return Letterhead(organisation.name, unit.name if unit is not None else "")


@dataclass(frozen=True)
class ListLine:
    """A row of the file list: a heading (``level`` 0 major, 1 sub) or a planned file (2)."""

    level: int
    notation: str
    title: str
    maintenance: str = ""
    responsible: str = ""
    note: str = ""


@dataclass(frozen=True)
class ListPrint:
    head: Letterhead
    year: int
    decision: str
    state: str
    lines: list[ListLine]
    permanent: int
    limited: int
    approver: str
    approved_on: dt.date | None


def _names(session: Session, ids: Iterable[int | None]) -> dict[int, User]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return {u.id: u for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def list_print(session: Session, user: User, file_list_id: int) -> ListPrint:
    """The list in its printed order: each major heading, its sub-headings, their files."""
    view = list_view(session, user, file_list_id)
    found = view.file_list
    by_heading: dict[int, list[ListLine]] = {}
    for planned in view.files:
        by_heading.setdefault(planned.heading_id, []).append(
            ListLine(
                2,
                planned.notation,
                planned.title,
                Retention(planned.retention_years).label,
                planned.responsible,
                planned.note,
            )
        )
    lines: list[ListLine] = []
    for heading in view.headings:
        level = 0 if heading.parent_id is None else 1
        title = heading.title.upper() if level == 0 else heading.title
        lines.append(ListLine(level, "", f"{view.numbers[heading.id]}. {title}"))
        lines.extend(by_heading.get(heading.id, []))
    permanent = sum(1 for f in view.files if f.retention_years is None)
    people = _names(session, [found.approved_by])
    approver = people[found.approved_by].full_name if found.approved_by in people else ""
    approved = found.approved_at.date() if found.approved_at is not None else None
    return ListPrint(
        letterhead(session, found.organisation_id),
        found.year,
        found.decision,
        found.state,
        lines,
        permanent,
        len(view.files) - permanent,
        approver,
        approved if found.state != FileListState.DRAFT else None,
    )


@dataclass(frozen=True)
class FileLine:
    """A row of the index of files and of the transfer list (Appendix V III)."""

    code: str
    notation: str
    title: str
    start: dt.date
    end: dt.date | None
    maintenance: str
    pages: int | None
    note: str

    @property
    def period(self) -> str:
        """Thời gian tài liệu: from the first to the last document."""
        return day(self.start) + (f" - {day(self.end)}" if self.end else "")


def file_line(found: CaseFile) -> FileLine:
    return FileLine(
        found.code,
        found.notation,
        found.title,
        found.start_date,
        found.end_date,
        Retention(found.retention_years).label,
        found.page_total,
        found.description,
    )


def _too_many() -> ApiProblem:
    return ApiProblem(
        422,
        f"Mục lục in được tối đa {INDEX_LIMIT} hồ sơ: hãy lọc theo năm, trạng thái hoặc người lập.",
        f"A printed index holds at most {INDEX_LIMIT} files: filter by year, state or creator.",
        code="too_many",
    )


def files_index(
    session: Session, user: User, where: FileFilter
) -> tuple[Letterhead, list[FileLine]]:
    """The files ``user`` sees that match, in the index's order: by year, then number."""
    rows = list(
        session.scalars(
            select(CaseFile)
            .where(and_(*matching(user, where)))
            .order_by(CaseFile.year, CaseFile.notation, CaseFile.id)
            .limit(INDEX_LIMIT + 1)
        )
    )
    if len(rows) > INDEX_LIMIT:
        raise _too_many()
    return letterhead(session, user.organisation_id), [file_line(r) for r in rows]


@dataclass(frozen=True)
class Transfer:
    """The files one person transferred for one year and the archive accepted (Art. 30.3)."""

    head: Letterhead
    year: int
    giver: str
    giver_title: str
    receiver: str
    receiver_title: str
    received_on: dt.date
    files: list[FileLine]
    documents: int
    """Files (tệp tin) in the transferred case files: the documents that have one."""
    basis: str
    """What the transfer rests on: the year's file list and its decision."""


def transfer(session: Session, user: User, creator_id: int, year: int) -> Transfer:
    creator = session.scalar(
        select(User).where(User.id == creator_id, User.organisation_id == user.organisation_id)
    )
    if creator is None:
        raise not_found(f"người dùng số {creator_id}", f"User {creator_id}")
    if role_of(user) not in KEEPERS and user.id != creator.id:
        raise forbidden()
    files = list(
        session.scalars(
            select(CaseFile)
            .where(
                CaseFile.organisation_id == user.organisation_id,
                CaseFile.creator_id == creator.id,
                CaseFile.year == year,
                CaseFile.state == CaseFileState.ARCHIVED.value,
            )
            .order_by(CaseFile.notation, CaseFile.id)
        )
    )
    if not files:
        raise ApiProblem(
            404,
            f"Lưu trữ cơ quan chưa tiếp nhận hồ sơ nào năm {year} của {creator.full_name}.",
            f"The agency archive has accepted no {year} file of {creator.full_name}.",
            code="not_found",
        )
    last = max(files, key=lambda f: (f.accepted_at or dt.datetime.min, f.id))
    people = _names(session, [last.accepted_by])
    receiver = people.get(last.accepted_by or 0)
    listed = session.scalar(
        select(FileList).where(
            FileList.organisation_id == user.organisation_id, FileList.year == year
        )
    )
    basis = f"Danh mục hồ sơ năm {year}" + (
        f" ({listed.decision})" if listed is not None and listed.decision else ""
    )
    with_files = _count_with_files(session, [f.id for f in files])
    return Transfer(
        letterhead(session, user.organisation_id, creator.department_id),
        year,
        creator.full_name,
        creator.title,
        receiver.full_name if receiver else "",
        receiver.title if receiver else "",
        (last.accepted_at or dt.datetime.min).date(),
        [file_line(f) for f in files],
        with_files,
        basis,
    )


def _count_with_files(session: Session, case_file_ids: list[int]) -> int:
    rows = session.execute(
        select(CaseFileDocument.document_id)
        .join(Document, Document.id == CaseFileDocument.document_id)
        .where(
            CaseFileDocument.case_file_id.in_(case_file_ids),
            Document.deleted.is_(False),
            Document.current_version > 0,
        )
    ).all()
    return len(rows)


@dataclass(frozen=True)
class DocEntry:
    """A document of the exported file, and its file if it goes into the PDF."""

    ordinal: int
    document: Document
    version: Version | None
    """The current version to include; None when ``note`` says why not."""
    note: str
    trace: list[tuple[TraceEvent, str]]


@dataclass(frozen=True)
class CaseFileContent:
    head: Letterhead
    case_file: CaseFile
    organ_id: str
    creator: str
    entries: list[DocEntry]
    hidden: int
    """Documents of the file this reader may not read: left out, metadata and all."""


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def case_file_content(session: Session, user: User, case_file_id: int) -> CaseFileContent:
    view = file_view(session, user, case_file_id)
    found = view.case_file
    ids = [e.document.id for e in view.documents]
    versions: dict[int, Version] = {}
    openable: set[int] = set()
    destroyed: set[int] = set()
    traces: dict[int, list[tuple[TraceEvent, str]]] = {}
    for chunk in _chunks(ids):
        current = select(Version).join(
            Document,
            and_(Version.document_id == Document.id, Version.number == Document.current_version),
        )
        versions.update(
            (v.document_id, v) for v in session.scalars(current.where(Document.id.in_(chunk)))
        )
        inside = Document.id.in_(chunk)
        openable.update(session.scalars(select(Document.id).where(inside, content_readable(user))))
        destroyed.update(session.scalars(select(Document.id).where(inside, file_destroyed())))
        events = session.execute(
            select(TraceEvent, User.full_name)
            .join(User, User.id == TraceEvent.user_id)
            .where(TraceEvent.document_id.in_(chunk))
            .order_by(TraceEvent.at, TraceEvent.id)
        ).tuples()
        for event, name in events:
            traces.setdefault(event.document_id, []).append((event, name))
    entries = []
    for entry in view.documents:
        doc = entry.document
        version, note = versions.get(doc.id), ""
        if version is None:
            note = "Không có tệp."
        elif doc.id not in openable:
            version, note = None, "Văn bản mật: không được xem tệp."
        elif doc.id in destroyed:
            version, note = None, "Tệp đã huỷ (nơi gửi thu hồi)."
        elif version.content_type != "application/pdf":
            note = f"Tệp {version.content_type}, không phải PDF."
            version = None
        entries.append(DocEntry(entry.ordinal, doc, version, note, traces.get(doc.id, [])))
    total = _total_documents(session, found.id)
    people = _names(session, [found.creator_id])
    organ_id = found.code[: -len(f".{found.year:04d}.{found.notation}")]
    return CaseFileContent(
        letterhead(session, found.organisation_id),
        found,
        organ_id,
        people[found.creator_id].full_name if found.creator_id in people else "",
        entries,
        total - len(entries),
    )


def _total_documents(session: Session, case_file_id: int) -> int:
    query = (
        select(func.count())
        .select_from(CaseFileDocument)
        .join(Document, Document.id == CaseFileDocument.document_id)
        .where(CaseFileDocument.case_file_id == case_file_id, Document.deleted.is_(False))
    )
    return int(session.scalar(query) or 0)


def document_day(doc: Document) -> str:
    return day(doc.issued_date or document_date(doc))
