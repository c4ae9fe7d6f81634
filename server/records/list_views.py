"""The file list's routes (Danh mục hồ sơ, Art. 28): the organisation's lists, one list with its
headings and planned files, the draft's editing, and its approval and issue. Thin: the work and
the checks are ``file_lists``'s; another organisation's list is 404."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from base.records import Retention

from ..deps import current_user, get_session
from ..models import User
from ..routes.contract import errors
from .answers import file_list_out, file_list_summary
from .file_lists import (
    PlannedFields,
    add_heading,
    add_planned,
    create_list,
    delete_heading,
    delete_planned,
    edit_heading,
    edit_planned,
    list_view,
    set_decision,
    take_list_action,
)
from .models import FileList
from .schemas import (
    FileListActionIn,
    FileListCreate,
    FileListId,
    FileListOut,
    FileListPatch,
    FileListSummary,
    HeadingCreate,
    HeadingId,
    HeadingOut,
    HeadingPatch,
    PlannedFileCreate,
    PlannedFileId,
    PlannedFileOut,
    PlannedFilePatch,
)

__all__ = ["router"]

router = APIRouter(prefix="/file-lists", tags=["records"])


def _retention(text: str | None) -> Retention | None:
    return None if text is None else Retention.parse(text)


def _answer(session: Session, user: User, file_list_id: int) -> FileListOut:
    return file_list_out(session, user, list_view(session, user, file_list_id))


@router.get("", response_model=list[FileListSummary], responses=errors())
def list_file_lists(
    year: int | None = Query(None, ge=1900, le=2999),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[FileListSummary]:
    """The caller's organisation's file lists, newest year first."""
    query = select(FileList.id).where(FileList.organisation_id == user.organisation_id)
    if year is not None:
        query = query.where(FileList.year == year)
    ids = session.scalars(query.order_by(FileList.year.desc()))
    return [file_list_summary(list_view(session, user, i)) for i in ids]


@router.post("", response_model=FileListOut, status_code=201, responses=errors(403, 409))
def create_file_list(
    body: FileListCreate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> FileListOut:
    """A draft for a year (the office or the archive), empty or copied from the latest earlier."""
    made = create_list(session, user, body.year, body.decision, body.copy_previous)
    session.commit()
    return _answer(session, user, made.id)


@router.get("/{file_list_id}", response_model=FileListOut, responses=errors(404))
def get_file_list(
    file_list_id: FileListId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> FileListOut:
    return _answer(session, user, file_list_id)


@router.patch("/{file_list_id}", response_model=FileListOut, responses=errors(403, 404, 409))
def patch_file_list(
    file_list_id: FileListId,
    body: FileListPatch,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> FileListOut:
    """The decision the list is issued with (a draft only)."""
    set_decision(session, user, file_list_id, body.decision)
    session.commit()
    return _answer(session, user, file_list_id)


@router.post("/{file_list_id}/actions", response_model=FileListOut, responses=errors(403, 404, 409))
def file_list_action(
    file_list_id: FileListId,
    body: FileListActionIn,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> FileListOut:
    """approve (the head of the organisation), revise (back to the draft, with a reason),
    issue (the office or the archive)."""
    take_list_action(session, user, file_list_id, body.action, body.reason)
    session.commit()
    return _answer(session, user, file_list_id)


@router.post(
    "/{file_list_id}/headings",
    response_model=HeadingOut,
    status_code=201,
    responses=errors(403, 404, 409),
)
def create_heading(
    file_list_id: FileListId,
    body: HeadingCreate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> HeadingOut:
    made = add_heading(session, user, file_list_id, body.title, body.abbreviation, body.parent_id)
    session.commit()
    return next(h for h in _answer(session, user, file_list_id).headings if h.id == made.id)


@router.patch(
    "/{file_list_id}/headings/{heading_id}",
    response_model=HeadingOut,
    responses=errors(403, 404, 409),
)
def patch_heading(
    file_list_id: FileListId,
    heading_id: HeadingId,
    body: HeadingPatch,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> HeadingOut:
    edit_heading(session, user, file_list_id, heading_id, body.title, body.abbreviation)
    session.commit()
    return next(h for h in _answer(session, user, file_list_id).headings if h.id == heading_id)


@router.delete(
    "/{file_list_id}/headings/{heading_id}",
    status_code=204,
    response_class=Response,
    responses=errors(403, 404, 409),
)
def remove_heading(
    file_list_id: FileListId,
    heading_id: HeadingId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    """An empty heading only."""
    delete_heading(session, user, file_list_id, heading_id)
    session.commit()
    return Response(status_code=204)


@router.post(
    "/{file_list_id}/files",
    response_model=PlannedFileOut,
    status_code=201,
    responses=errors(403, 404, 409),
)
def create_planned_file(
    file_list_id: FileListId,
    body: PlannedFileCreate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> PlannedFileOut:
    fields = PlannedFields(
        heading_id=body.heading_id,
        notation=body.notation,
        title=body.title,
        retention=Retention.parse(body.maintenance),
        responsible=body.responsible,
        responsible_user_id=body.responsible_user_id,
        note=body.note,
    )
    made = add_planned(session, user, file_list_id, fields)
    session.commit()
    return next(f for f in _answer(session, user, file_list_id).files if f.id == made.id)


@router.patch(
    "/{file_list_id}/files/{planned_file_id}",
    response_model=PlannedFileOut,
    responses=errors(403, 404, 409),
)
def patch_planned_file(
    file_list_id: FileListId,
    planned_file_id: PlannedFileId,
    body: PlannedFilePatch,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> PlannedFileOut:
    fields = PlannedFields(
        heading_id=body.heading_id,
        notation=body.notation,
        title=body.title,
        retention=_retention(body.maintenance),
        responsible=body.responsible,
        note=body.note,
    )
    edit_planned(session, user, file_list_id, planned_file_id, fields)
    session.commit()
    return next(f for f in _answer(session, user, file_list_id).files if f.id == planned_file_id)


@router.delete(
    "/{file_list_id}/files/{planned_file_id}",
    status_code=204,
    response_class=Response,
    responses=errors(403, 404, 409),
)
def remove_planned_file(
    file_list_id: FileListId,
    planned_file_id: PlannedFileId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    delete_planned(session, user, file_list_id, planned_file_id)
    session.commit()
    return Response(status_code=204)
