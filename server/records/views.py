"""The case files' routes: the lists and queues, opening a file, changing it, its documents, its
steps (close, reopen, transfer, the archive's answer, keep-back) and an administrator's
handover. Thin: every check is in ``records.policy`` and the services; a file the caller may
not see is 404."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from base.records import Retention, Rights

from .. import idempotency
from ..deps import current_user, get_session
from ..models import IdempotencyKey as IdempotencyRow
from ..models import User
from ..routes.contract import errors
from ..schemas import CURSOR_PATTERN, DocumentId, IdempotencyKey
from .answers import case_file_detail, case_file_out, names
from .filters import file_filter
from .flows import StepInput, handover, take_action
from .queries import FileFilter, creator_counts, file_page
from .schemas import (
    CaseFileActionIn,
    CaseFileCreate,
    CaseFileDetail,
    CaseFileDocumentIn,
    CaseFileId,
    CaseFilePage,
    CaseFilePatch,
    CreatorCountOut,
    HandoverIn,
    HandoverOut,
)
from .service import (
    FileChanges,
    NewCaseFile,
    add_document,
    edit_file,
    file_view,
    open_file,
    remove_document,
)

__all__ = ["router"]

router = APIRouter(tags=["records"])


def _retention(text: str | None) -> Retention | None:
    return None if text is None else Retention.parse(text)


def _detail(session: Session, user: User, case_file_id: int) -> CaseFileDetail:
    return case_file_detail(session, user, file_view(session, user, case_file_id))


class _Once:
    """``Idempotency-Key`` on a document joining or leaving a file (the desktop's outbox sends
    them after an offline spell): a retry after a lost answer is answered as the first time,
    the same key with another request is 422 (``server.idempotency``)."""

    def __init__(
        self, user: User, key: str | None, action: str, case_file_id: int, document_id: int
    ) -> None:
        if key is not None and len(key) > 190:  # the stored key stays within its column
            key = hashlib.sha256(key.encode()).hexdigest()
        self.user, self.key = user, f"cfd:{key}" if key else None
        self.document_id = document_id
        self.request_sha256 = idempotency.fingerprint(
            f"case_file_{action}:{case_file_id}",
            document_id,
            CaseFileDocumentIn(document_id=document_id),
        )

    def replayed(self, session: Session) -> bool:
        earlier = idempotency.earlier_use(session, self.user, self.key) if self.key else None
        if earlier is None:
            return False
        idempotency.refuse_unless_same(earlier, self.request_sha256, self.document_id)
        return True

    def remember(self, session: Session) -> None:
        if self.key:
            session.add(
                IdempotencyRow(
                    user_id=self.user.id,
                    key=self.key,
                    document_id=self.document_id,
                    request_sha256=self.request_sha256,
                )
            )


@router.get("/case-files", response_model=CaseFilePage, responses=errors())
def list_case_files(
    where: FileFilter = Depends(file_filter("all")),
    limit: int = Query(50, ge=1, le=500),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> CaseFilePage:
    """The case files the caller may see, newest first, in a queue and by metadata (III.6.d)."""
    rows, more = file_page(session, user, where, int(cursor) if cursor else None, limit)
    people = names(session, {r.creator_id for r in rows})
    return CaseFilePage(
        items=[case_file_out(user, r, people) for r in rows],
        next_cursor=str(more) if more is not None else None,
    )


@router.get("/case-file-counts", response_model=list[CreatorCountOut], responses=errors())
def count_case_files(
    user: User = Depends(current_user), session: Session = Depends(get_session)
) -> list[CreatorCountOut]:
    """Files per creator and state (III.4.đ): everyone's for leaders and archivists."""
    rows = creator_counts(session, user)
    people = names(session, {creator for creator, _ in rows})
    return [
        CreatorCountOut(
            creator_id=creator,
            full_name=people.get(creator, ""),
            open=counts.get("open", 0),
            closed=counts.get("closed", 0),
            submitted=counts.get("submitted", 0),
            returned=counts.get("returned", 0),
            archived=counts.get("archived", 0),
            total=sum(counts.values()),
        )
        for creator, counts in rows
    ]


@router.post("/case-file-handovers", response_model=HandoverOut, responses=errors(403, 404))
def hand_over(
    body: HandoverIn, user: User = Depends(current_user), session: Session = Depends(get_session)
) -> HandoverOut:
    """Every file a leaving person still holds goes to another account (administrators)."""
    done = handover(session, user, body.from_user_id, body.to_user_id)
    session.commit()
    return HandoverOut(moved=done.moved, codes=done.codes)


@router.post(
    "/case-files", response_model=CaseFileDetail, status_code=201, responses=errors(403, 404, 409)
)
def create_case_file(
    body: CaseFileCreate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> CaseFileDetail:
    """Open a file from a planned file of an issued list, or with its own details."""
    new = NewCaseFile(
        planned_file_id=body.planned_file_id,
        title=body.title,
        notation=body.notation,
        retention=_retention(body.maintenance),
        start_date=body.start_date,
        description=body.description,
        rights=Rights(body.rights),
        construction=body.construction,
    )
    made = open_file(session, user, new)
    session.commit()
    return _detail(session, user, made.id)


@router.get("/case-files/{case_file_id}", response_model=CaseFileDetail, responses=errors(404))
def get_case_file(
    case_file_id: CaseFileId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> CaseFileDetail:
    """The file, its documents the caller may read in their order, and its history."""
    return _detail(session, user, case_file_id)


@router.patch(
    "/case-files/{case_file_id}", response_model=CaseFileDetail, responses=errors(403, 404, 409)
)
def patch_case_file(
    case_file_id: CaseFileId,
    body: CaseFilePatch,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> CaseFileDetail:
    """Its creator, while it is open: title, number, retention, notes, Rights and readers; the
    archive, once it is archived: its Rights and readers only (III.6.c)."""
    changes = FileChanges(
        title=body.title,
        notation=body.notation,
        retention=_retention(body.maintenance),
        description=body.description,
        rights=None if body.rights is None else Rights(body.rights),
        readers=body.readers,
        construction=body.construction,
    )
    edit_file(session, user, case_file_id, changes)
    session.commit()
    return _detail(session, user, case_file_id)


@router.post(
    "/case-files/{case_file_id}/documents",
    response_model=CaseFileDetail,
    status_code=201,
    responses=errors(403, 404, 409),
)
def add_case_file_document(
    case_file_id: CaseFileId,
    body: CaseFileDocumentIn,
    response: Response,
    idempotency_key: IdempotencyKey = None,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> CaseFileDetail:
    """Link a document into the caller's open file (never a copy: III.4.e)."""
    once = _Once(user, idempotency_key, "add", case_file_id, body.document_id)
    if once.replayed(session):
        response.headers["Idempotent-Replay"] = "true"
        return _detail(session, user, case_file_id)
    add_document(session, user, case_file_id, body.document_id)
    once.remember(session)
    session.commit()
    return _detail(session, user, case_file_id)


@router.delete(
    "/case-files/{case_file_id}/documents/{document_id}",
    status_code=204,
    response_class=Response,
    responses=errors(403, 404, 409),
)
def remove_case_file_document(
    case_file_id: CaseFileId,
    document_id: DocumentId,
    idempotency_key: IdempotencyKey = None,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    once = _Once(user, idempotency_key, "remove", case_file_id, document_id)
    if once.replayed(session):
        return Response(status_code=204, headers={"Idempotent-Replay": "true"})
    remove_document(session, user, case_file_id, document_id)
    once.remember(session)
    session.commit()
    return Response(status_code=204)


@router.post(
    "/case-files/{case_file_id}/actions",
    response_model=CaseFileDetail,
    responses=errors(403, 404, 409),
)
def case_file_action(
    case_file_id: CaseFileId,
    body: CaseFileActionIn,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> CaseFileDetail:
    """A step (``base.records.CASE_FILE_RULES``): close, reopen (a reason), transfer, accept,
    return (a reason), request_keep_back (a reason and ``until``), approve_keep_back,
    refuse_keep_back (a reason)."""
    given = StepInput(
        reason=body.reason,
        title=body.title,
        notation=body.notation,
        retention=_retention(body.maintenance),
        description=body.description,
        end_date=body.end_date,
        until=body.until,
    )
    take_action(session, user, case_file_id, body.action, given)
    session.commit()
    return _detail(session, user, case_file_id)
