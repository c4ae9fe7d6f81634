"""The change feed for incremental sync: upserts and tombstones in seq order.

Each user's feed carries the documents they may read as upserts, and those of
their own organisation they may not (deleted, or secret and not theirs) as
tombstones, so a document that becomes unreadable leaves their cache.
Other organisations' documents never appear.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..deps import current_user, get_session
from ..documents import documents_out
from ..models import Document, User
from ..policy import in_feed, readable
from ..schemas import ChangeOut, ChangePage
from .contract import errors

__all__ = ["router"]

router = APIRouter(tags=["sync"])


@router.get("/changes", response_model=ChangePage, responses=errors())
def changes(
    updated_since: int = Query(0, ge=0, le=2**62),
    limit: int = Query(500, ge=1, le=1000),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> ChangePage:
    rows = session.execute(
        select(Document, readable(user))
        .where(Document.revision > updated_since, in_feed(user))
        .order_by(Document.revision)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    docs = [doc for doc, _ in rows]
    live = [doc for doc, allowed in rows if allowed and not doc.deleted]
    serialised = {out.id: out for out in documents_out(session, live)}
    items = [
        ChangeOut(
            seq=d.revision,
            kind="upsert" if d.id in serialised else "delete",
            document_id=d.id,
            document=serialised.get(d.id),
        )
        for d in docs
    ]
    return ChangePage(
        changes=items, next_since=docs[-1].revision if docs else updated_since, has_more=more
    )
