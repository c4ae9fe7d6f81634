"""The records' answers: a file list, a case file (with the documents its reader may see) and a
page of files, as the API's bodies. Names are looked up once per answer."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.records import (
    WARNING_DAYS,
    CaseFileState,
    Retention,
    Rights,
    case_file_actions,
    file_list_actions,
)

from ..deps import today_vn
from ..models import Organisation, User
from ..policy import role_of
from .file_lists import ListView
from .flows import effective_due
from .models import CaseFile
from .schemas import (
    CaseFileDetail,
    CaseFileDocumentOut,
    CaseFileEventOut,
    CaseFileOut,
    FileListOut,
    FileListSummary,
    HeadingOut,
    PlannedFileOut,
)
from .service import FileView, document_date

__all__ = ["file_list_out", "file_list_summary", "case_file_out", "case_file_detail", "names"]

_UNIT = frozenset({CaseFileState.CLOSED, CaseFileState.RETURNED})


def names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.full_name).where(User.id.in_(sorted(ids))))
    return dict(rows.tuples().all())


def _counts(view: ListView) -> tuple[int, int]:
    permanent = sum(1 for f in view.files if f.retention_years is None)
    return permanent, len(view.files) - permanent


def file_list_summary(view: ListView) -> FileListSummary:
    permanent, limited = _counts(view)
    found = view.file_list
    return FileListSummary(
        id=found.id,
        year=found.year,
        state=found.state,
        decision=found.decision,
        total=len(view.files),
        permanent=permanent,
        limited=limited,
    )


def file_list_out(session: Session, user: User, view: ListView) -> FileListOut:
    found = view.file_list
    organisation = session.get_one(Organisation, found.organisation_id)
    return FileListOut(
        **file_list_summary(view).model_dump(),
        organisation=organisation.code,
        created_by=found.created_by,
        created_at=found.created_at,
        approved_by=found.approved_by,
        approved_at=found.approved_at,
        issued_at=found.issued_at,
        headings=[
            HeadingOut(
                id=h.id,
                parent_id=h.parent_id,
                number=view.numbers[h.id],
                title=h.title,
                abbreviation=h.abbreviation,
                position=h.position,
            )
            for h in view.headings
        ],
        files=[
            PlannedFileOut(
                id=f.id,
                heading_id=f.heading_id,
                notation=f.notation,
                title=f.title,
                maintenance=Retention(f.retention_years).label,
                retention_years=f.retention_years,
                responsible=f.responsible,
                responsible_user_id=f.responsible_user_id,
                note=f.note,
                position=f.position,
            )
            for f in view.files
        ],
        actions=[str(a) for a in file_list_actions(role_of(user), found.state)],
    )


def case_file_out(user: User, found: CaseFile, creators: dict[int, str]) -> CaseFileOut:
    retention = Retention(found.retention_years)
    due = effective_due(found)
    in_unit = found.state in _UNIT
    days = (due - today_vn()).days if due is not None and in_unit else None
    return CaseFileOut(
        id=found.id,
        code=found.code,
        organ_id=found.code[: -len(f".{found.year:04d}.{found.notation}")],
        year=found.year,
        notation=found.notation,
        title=found.title,
        maintenance=retention.label,
        retention_years=found.retention_years,
        rights="open" if found.rights == Rights.OPEN else "restricted",
        rights_label=Rights(found.rights).label,
        creator_id=found.creator_id,
        creator=creators.get(found.creator_id, "")[:30],
        language=found.language,
        start_date=found.start_date,
        end_date=found.end_date,
        doc_total=found.doc_total,
        page_total=found.page_total,
        description=found.description,
        construction=found.construction,
        state=found.state,
        planned_file_id=found.planned_file_id,
        due_date=due,
        due_in_days=days,
        warning=days is not None and days <= WARNING_DAYS,
        keep_back=found.keep_back,
        keep_back_until=found.keep_back_until,
        keep_back_reason=found.keep_back_reason,
        returned_reason=found.returned_reason,
        retention_ends=found.retention_ends,
        closed_at=found.closed_at,
        submitted_at=found.submitted_at,
        accepted_at=found.accepted_at,
        created_at=found.created_at,
        updated_at=found.updated_at,
        actions=[
            str(a)
            for a in case_file_actions(
                role_of(user),
                found.creator_id == user.id,
                found.state,
                found.keep_back,
                retention.for_the_archive,
            )
        ],
    )


def case_file_detail(session: Session, user: User, view: FileView) -> CaseFileDetail:
    found = view.case_file
    people = names(session, {found.creator_id, *(e.user_id for e in view.events)})
    return CaseFileDetail(
        **case_file_out(user, found, people).model_dump(),
        readers=view.readers,
        documents=[
            CaseFileDocumentOut(
                ordinal=entry.ordinal,
                document_id=doc.id,
                direction=doc.direction,
                type_name=doc.doc_type,
                code_number=doc.code_number or "",
                code_notation=doc.code_notation,
                issued_date=doc.issued_date,
                date=document_date(doc),
                organ_name=doc.organ_name,
                subject=doc.subject,
                language=doc.language,
                page_amount=doc.page_amount,
                description=doc.description,
                added_at=entry.link.added_at,
            )
            for entry in view.documents
            for doc in (entry.document,)
        ],
        events=[
            CaseFileEventOut(
                at=e.at,
                user_id=e.user_id,
                full_name=people.get(e.user_id, ""),
                action=e.action,
                from_state=e.from_state,
                to_state=e.to_state,
                reason=e.reason,
                document_id=e.document_id if e.document_id in view.readable_events else None,
            )
            for e in view.events
        ],
    )
