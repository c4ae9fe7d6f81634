"""The change feed for incremental sync: upserts and tombstones in seq order."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..deps import current_user, get_session
from ..documents import documents_out
from ..models import Document, User
from ..schemas import ChangeOut, ChangePage

__all__ = ["router"]

router = APIRouter(tags=["sync"])


@router.get("/changes", response_model=ChangePage)
def changes(
    updated_since: int = Query(0, ge=0, le=2**62),
    limit: int = Query(500, ge=1, le=1000),
    _user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> ChangePage:
    docs = list(
        session.scalars(
            select(Document)
            .where(Document.revision > updated_since)
            .order_by(Document.revision)
            .limit(limit + 1)
        )
    )
    more = len(docs) > limit
    docs = docs[:limit]
    live = [d for d in docs if not d.deleted]
    serialised = {out.id: out for out in documents_out(session, live)}
    items = [
        ChangeOut(
            seq=d.revision,
            kind="delete" if d.deleted else "upsert",
            document_id=d.id,
            document=serialised.get(d.id),
        )
        for d in docs
    ]
    return ChangePage(
        changes=items, next_since=docs[-1].revision if docs else updated_since, has_more=more
    )
