"""The access history of a document and the administrator's audit trail (``server.access``)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from base.audit import Access, AuditCategory

from ..access import access_history, may_see_history, record_access
from ..audit_trail import AuditFilter, audit_page, login_stats
from ..deps import current_user, get_session
from ..errors import forbidden
from ..models import User
from ..policy import ADMINS, load_readable
from ..schemas import (
    CURSOR_PATTERN,
    QUERY_TEXT_PATTERN,
    AccessHistoryOut,
    AccessReport,
    AuditPage,
    DocumentId,
    IsoDate,
    LoginStatOut,
)
from .admin import administrator
from .contract import errors
from .reports import EARLIEST, LATEST, check_period

__all__ = ["router", "client_of"]

router = APIRouter(tags=["access"])


def client_of(request: Request) -> str:
    """Which client reached a file: its program and address (no token, no cookie)."""
    agent = request.headers.get("user-agent", "")[:60]
    address = request.client.host if request.client else "?"
    return f"{agent} @ {address}".strip()


@router.post(
    "/documents/{document_id}/accesses",
    status_code=204,
    response_class=Response,
    responses=errors(404),
)
def report_access(
    document_id: DocumentId,
    body: AccessReport,
    request: Request,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    """The desktop opened or printed the document (sent once per ``key``)."""
    doc = load_readable(session, user, document_id)
    kind = Access(body.kind)
    record_access(
        session, user, doc.id, kind, body.version, client_of(request), at=body.at, key=body.key
    )
    session.commit()
    return Response(status_code=204)


@router.get(
    "/documents/{document_id}/accesses",
    response_model=AccessHistoryOut,
    responses=errors(403, 404),
)
def document_accesses(
    document_id: DocumentId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> AccessHistoryOut:
    """Who viewed, downloaded or printed it, with counts: for its leaders, administrators,
    author and handlers."""
    doc = load_readable(session, user, document_id)
    if not may_see_history(session, user, doc):
        raise forbidden()
    return access_history(session, doc, addresses=user.role in ADMINS)


Since = Query(None, description="The first day (Vietnam date), YYYY-MM-DD")
Until = Query(None, description="The last day, included")


@router.get("/admin/audit", response_model=AuditPage, responses=errors(403, 422))
def audit_events(
    category: AuditCategory | None = None,
    action: str | None = Query(None, max_length=50, pattern=QUERY_TEXT_PATTERN),
    username: str | None = Query(None, max_length=100, pattern=QUERY_TEXT_PATTERN),
    document: int | None = Query(None, ge=1, le=2**31 - 1),
    since: IsoDate | None = Since,
    until: IsoDate | None = Until,
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(200, ge=1, le=1000),
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> AuditPage:
    """The audit trail, newest first: logins, accesses, changes, grants, admin actions."""
    check_period(since or EARLIEST, until or LATEST, max_days=None)
    where = AuditFilter(category, action, username, document, since, until)
    return audit_page(session, caller, where, int(cursor) if cursor else None, limit)


@router.get("/admin/audit/logins", response_model=list[LoginStatOut], responses=errors(403, 422))
def login_statistics(
    since: IsoDate = Query(description="The first day (Vietnam date), YYYY-MM-DD"),
    until: IsoDate = Query(description="The last day, included"),
    period: Literal["day", "month"] = "day",
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> list[LoginStatOut]:
    """Sign-ins per day or month: successful, failed, and how many people."""
    check_period(since, until, max_days=None)
    return login_stats(session, caller, since, until, period == "month")
