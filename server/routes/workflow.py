"""``POST /documents/{id}/actions``: the workflow's steps (``server.workflow``).

Each step names the revision it was decided on (``If-Match``: a step decided on a
document someone else has changed meanwhile is 409, never applied blindly) and may carry an
``Idempotency-Key``: a step retried by an offline client after a lost answer returns the
document as it is after the first attempt, and is never applied twice; the key is bound to that
step and its body (``server.idempotency``). The revision is claimed by the step's first write
(``documents.claim``), so concurrent steps at one revision apply exactly one.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from .. import idempotency, workflow
from ..arrival import arrival_stamper
from ..deps import AppState, current_user, get_session, get_state, today_vn
from ..documents import audit, claim, documents_out, peek_number, touch
from ..errors import ApiProblem, forbidden
from ..exchange.flows import after_step
from ..models import IdempotencyKey as IdempotencyRow
from ..models import User
from ..policy import load_readable
from ..schemas import DocumentId, DocumentOut, IdempotencyKey, NextNumberOut, StepCreate
from .contract import IfMatch, errors
from .preconditions import parse_if_match

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/documents", tags=["workflow"])


@router.post(
    "/{document_id}/actions",
    response_model=DocumentOut,
    responses={
        200: {"description": "The document after the step (or after the first attempt)"},
        204: {"description": "dry_run: the step would be accepted now (nothing was changed)"},
        **errors(403, 404, 409, 422, 428),
    },
)
def take_step(
    document_id: DocumentId,
    body: StepCreate,
    response: Response,
    if_match: str = IfMatch,
    idempotency_key: IdempotencyKey = None,
    dry_run: bool = Query(
        False,
        description="Only check: 204 when this person may take the step now (who, status, what "
        "it needs), else the refusal the step would get; nothing changes",
    ),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> DocumentOut | Response:
    expected = parse_if_match(if_match)
    request = workflow.StepRequest(
        workflow.Step(body.action),
        comment=body.comment,
        to=body.to,
        lead=body.lead,
        co=body.co,
        info=body.info,
        deadline=body.deadline,
        organisations=body.organisations,
        agencies=body.agencies,
        stamp=body.stamp,
        replaces=body.replaces,
        register_id=body.register_id,
        duplicate_ok=body.duplicate_ok,
        corrections=body.corrections.model_dump(exclude_unset=True) if body.corrections else {},
    )
    if dry_run:  # the same checks as the step, nothing taken, nothing written
        workflow.check(session, load_readable(session, user, document_id), user, request)
        return Response(status_code=204)
    key = f"step:{idempotency_key}" if idempotency_key else None
    request_sha256 = idempotency.fingerprint("step", document_id, body)
    claimed = claim(session, document_id, expected)  # first: from here on, steps queue
    earlier = idempotency.earlier_use(session, user, key) if key else None
    if earlier is not None:  # a retry (or a racing twin) of a step already taken
        session.rollback()
        idempotency.refuse_unless_same(earlier, request_sha256, document_id)
        doc = load_readable(session, user, document_id)
        response.headers["Idempotent-Replay"] = "true"
        return documents_out(session, [doc])[0]
    doc = load_readable(session, user, document_id, for_update=True)
    if not claimed:
        if not workflow.could_ever(user, request.step):  # not theirs at all: say that
            raise forbidden()
        raise ApiProblem(
            409,
            "Văn bản đã bị người khác thay đổi; hãy tải lại rồi làm lại bước này.",
            "The document was changed by someone else; reload it and take the step again.",
        )
    delivered = workflow.apply(session, doc, user, request, arrival_stamper(state.blobs))
    queued = after_step(session, state.blobs, state.settings.data_dir, doc, user, request)
    touch(session, doc, claimed)
    audit(session, user, f"step_{body.action}", doc.id, body.comment[:200])
    for copy in delivered:
        audit(session, user, "delivered", copy.id, f"from document {doc.id}")
    if key:
        session.add(
            IdempotencyRow(
                user_id=user.id, key=key, document_id=doc.id, request_sha256=request_sha256
            )
        )
    session.commit()
    if queued and state.exchange is not None:
        state.exchange.wake()  # the packages this step owes go now, not at the next tick
    return documents_out(session, [doc])[0]


@router.get(
    "/{document_id}/next-number",
    response_model=NextNumberOut,
    responses=errors(403, 404, 409, 422),
)
def next_number(
    document_id: DocumentId,
    register_id: int | None = Query(None, ge=1, le=2**31 - 1),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> NextNumberOut:
    """The number a clerk's NUMBER (outgoing, signed) or REGISTER (incoming, arrived) step
    would take now, shown before it is taken; refused as the step itself would be."""
    doc = load_readable(session, user, document_id)
    step = workflow.Step.NUMBER if doc.direction == "outgoing" else workflow.Step.REGISTER
    workflow.check(session, doc, user, workflow.StepRequest(step, register_id=register_id))
    return peek_number(session, doc, register_id, today_vn())
