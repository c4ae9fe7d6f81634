"""``POST /documents/{id}/actions``: the workflow's steps (``server.workflow``).

Each step names the revision it was decided on (``If-Match``: a step decided on a
document someone else has changed meanwhile is 409, never applied blindly) and may carry an
``Idempotency-Key``: a step retried by an offline client after a lost answer returns the
document as the first attempt left it, and is never applied twice.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import workflow
from ..arrival import arrival_stamper
from ..deps import AppState, current_user, get_session, get_state
from ..documents import audit, documents_out, touch
from ..errors import ApiProblem
from ..models import IdempotencyKey as IdempotencyRow
from ..models import User
from ..policy import load_readable
from ..schemas import DocumentId, DocumentOut, IdempotencyKey, StepCreate
from .contract import IfMatch, errors
from .preconditions import parse_if_match

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/documents", tags=["workflow"])


def _replayed(session: Session, user: User, key: str, document_id: int) -> bool:
    earlier = session.scalar(
        select(IdempotencyRow.document_id).where(
            IdempotencyRow.user_id == user.id, IdempotencyRow.key == key
        )
    )
    if earlier is not None and earlier != document_id:
        raise ApiProblem(
            409,
            "Khoá Idempotency-Key này đã dùng cho văn bản khác.",
            "This Idempotency-Key was already used for another document.",
        )
    return earlier is not None


@router.post(
    "/{document_id}/actions",
    response_model=DocumentOut,
    responses={
        200: {"description": "The document after the step (or after the first attempt)"},
        **errors(403, 404, 409, 422, 428),
    },
)
def take_step(
    document_id: DocumentId,
    body: StepCreate,
    response: Response,
    if_match: str = IfMatch,
    idempotency_key: IdempotencyKey = None,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> DocumentOut:
    expected = parse_if_match(if_match)
    doc = load_readable(session, user, document_id, for_update=True)
    key = f"step:{idempotency_key}" if idempotency_key else None
    if key and _replayed(session, user, key, doc.id):
        response.headers["Idempotent-Replay"] = "true"
        return documents_out(session, [doc])[0]
    if doc.revision != expected:
        raise ApiProblem(
            409,
            "Văn bản đã bị người khác thay đổi; hãy tải lại rồi làm lại bước này.",
            "The document was changed by someone else; reload it and take the step again.",
        )
    request = workflow.StepRequest(
        workflow.Step(body.action),
        comment=body.comment,
        to=body.to,
        lead=body.lead,
        co=body.co,
        info=body.info,
        deadline=body.deadline,
        organisations=body.organisations,
        stamp=body.stamp,
        replaces=body.replaces,
    )
    delivered = workflow.apply(session, doc, user, request, arrival_stamper(state.blobs))
    touch(session, doc)
    audit(session, user, f"step_{body.action}", doc.id, body.comment[:200])
    for copy in delivered:
        audit(session, user, "delivered", copy.id, f"from document {doc.id}")
    if key:
        session.add(IdempotencyRow(user_id=user.id, key=key, document_id=doc.id))
    session.commit()
    return documents_out(session, [doc])[0]
