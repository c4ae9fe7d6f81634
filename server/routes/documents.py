"""Documents: list, read, register/draft, edit, delete and numbering."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from base.workflow import CORRECTABLE

from ..deps import current_user, get_session
from ..documents import (
    audit,
    audit_change,
    claim,
    create_document_record,
    documents_out,
    json_response,
    touch,
)
from ..errors import ApiProblem
from ..lists import ListFilters, newest_page
from ..models import Grant, User
from ..policy import (
    Action,
    check_secrecy_change,
    load_readable,
    refuse_unreadable_file,
    require,
)
from ..records.policy import refuse_archived_document
from ..schemas import (
    QUERY_TEXT_PATTERN,
    Direction,
    DocumentCreate,
    DocumentId,
    DocumentOut,
    DocumentPage,
    DocumentPatch,
    GrantCreate,
    GrantOut,
    IdempotencyKey,
    IsoDate,
)
from ..search import PAGE_CURSOR_PATTERN, PageCursor, Rank, Terms, ranked_page
from .contract import IfMatch, errors
from .preconditions import parse_if_match

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/documents", tags=["documents"])
EMPTIABLE = frozenset({"issued_date", "due_date", "issued_amount", "code_number"})
"""The fields a PATCH may set to null."""


@router.get("", response_model=DocumentPage, responses=errors())
def list_documents(
    direction: Direction | None = None,
    doc_type: str | None = Query(None, max_length=100, pattern=QUERY_TEXT_PATTERN),
    urgency: int | None = Query(None, ge=0, le=4),
    secrecy: int | None = Query(None, ge=0, le=3),
    status: str | None = Query(None, max_length=30, pattern=QUERY_TEXT_PATTERN),
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
    q: str | None = Query(
        None,
        max_length=200,
        pattern=QUERY_TEXT_PATTERN,
        description="words, with or without diacritics; the last may be the start of a word. "
        "Ranked: the number/symbol first, then the phrase as typed, then every word anywhere; "
        "newest first within each",
    ),
    limit: int = Query(50, ge=1, le=500),
    cursor: str | None = Query(
        None, pattern=PAGE_CURSOR_PATTERN, description="next_cursor of the previous page"
    ),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    filters = ListFilters(direction, doc_type, urgency, secrecy, status, date_from, date_to)
    after = PageCursor.decode(cursor) if cursor else None
    terms = Terms.parse(q)
    if terms is not None:
        docs, following = ranked_page(session, user, filters, terms, limit, after)
    else:
        below = after.below if after is not None else None
        docs = newest_page(session, user, filters, limit + 1, below)
        following = PageCursor(Rank.NUMBER, docs[limit - 1].id) if len(docs) > limit else None
        docs = docs[:limit]
    page = DocumentPage.model_construct(
        items=documents_out(session, docs),
        next_cursor=following.encode(searching=terms is not None) if following else None,
    )
    return json_response(page)


@router.get("/{document_id}", response_model=DocumentOut, responses=errors(404))
def get_document(
    document_id: DocumentId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    return json_response(documents_out(session, [load_readable(session, user, document_id)])[0])


@router.post(
    "",
    response_model=DocumentOut,
    status_code=201,
    responses={
        200: {"model": DocumentOut, "description": "Made earlier under the same Idempotency-Key"},
        **errors(403, 404, 409),
    },
)
def create_document(
    body: DocumentCreate,
    response: Response,
    idempotency_key: IdempotencyKey = None,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> DocumentOut:
    document, created = create_document_record(session, user, body, idempotency_key)
    if not created:
        response.status_code = 200
    return document


@router.patch("/{document_id}", response_model=DocumentOut, responses=errors(403, 404, 409, 428))
def patch_document(
    document_id: DocumentId,
    body: DocumentPatch,
    if_match: str = IfMatch,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> DocumentOut:
    expected = parse_if_match(if_match)
    claimed = claim(session, document_id, expected)  # first write: concurrent edits queue here
    doc = load_readable(session, user, document_id, for_update=True)
    require(user, doc, Action.EDIT)
    refuse_archived_document(session, doc)
    changes = {
        field: value
        for field, value in body.model_dump(exclude_unset=True).items()
        if value is not None or field in EMPTIABLE  # null leaves a required field as it is
    }
    if "code_number" in changes and doc.direction == "outgoing":
        raise ApiProblem(
            409,
            "Số văn bản đi do sổ văn bản đi cấp, không sửa tay.",
            "An outgoing document's number comes from the register; it cannot be edited.",
        )
    registered = sorted(
        name
        for name in set(changes) & set(CORRECTABLE)
        if doc.arrival_number is not None and changes[name] != getattr(doc, name)
    )
    if registered and doc.direction == "incoming":
        raise ApiProblem(
            409,
            "Văn bản đã vào sổ: thông tin trong sổ chỉ sửa bằng bước Đính chính (có lý do, được "
            f"ghi lại). Không sửa trực tiếp: {', '.join(registered)}.",
            "The document is registered: what the register holds changes only through the "
            f"Correct step (with a reason, recorded). Not editable directly: {', '.join(registered)}.",
            code="registered",
        )
    lowered = "secrecy" in changes and check_secrecy_change(user, doc, changes["secrecy"])
    if not claimed:
        raise ApiProblem(
            409,
            "Văn bản đã bị người khác thay đổi; hãy tải lại.",
            "The document was changed by someone else; reload it.",
        )
    if lowered:
        audit(session, user, "lower_secrecy", doc.id, f"{doc.secrecy} -> {changes['secrecy']}")
    audit_change(session, user, doc, changes)
    for field, value in changes.items():
        setattr(doc, field, value)
    touch(session, doc, claimed)
    session.commit()
    return documents_out(session, [doc])[0]


@router.delete(
    "/{document_id}", status_code=204, response_class=Response, responses=errors(403, 404, 409)
)
def delete_document(
    document_id: DocumentId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    doc = load_readable(session, user, document_id, for_update=True)
    require(user, doc, Action.DELETE)
    refuse_archived_document(session, doc)
    doc.deleted = True
    touch(session, doc)
    audit(session, user, "delete", doc.id)
    session.commit()
    return Response(status_code=204)


@router.post(
    "/{document_id}/grants", response_model=GrantOut, status_code=201, responses=errors(403, 404)
)
def share_document(
    document_id: DocumentId,
    body: GrantCreate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> GrantOut:
    """Let one more person of the organisation read this document (needed for Mật and above)."""
    doc = load_readable(session, user, document_id, for_update=True)
    require(user, doc, Action.SHARE)
    refuse_unreadable_file(
        session, user, doc
    )  # a secret letter on the clerks' desk: not theirs to hand out
    target = session.get(User, body.user_id)
    if target is None or not target.active or target.organisation_id != user.organisation_id:
        raise ApiProblem(  # 422, not 404: the document is there, the person named is not
            422,
            f"Không có người dùng {body.user_id} đang hoạt động trong đơn vị.",
            f"No active user {body.user_id} in this organisation.",
            code="unknown_user",
        )
    existing = session.scalar(
        select(Grant).where(Grant.document_id == doc.id, Grant.user_id == target.id)
    )
    if existing is None:
        existing = Grant(document_id=doc.id, user_id=target.id, reason="shared", granted_by=user.id)
        session.add(existing)
        touch(session, doc)  # the grantee's change feed picks the document up
        audit(session, user, "share", doc.id, f"user {target.id}")
        session.commit()
    return GrantOut(document_id=doc.id, user_id=target.id, reason=existing.reason)
