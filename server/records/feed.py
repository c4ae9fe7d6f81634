"""The case files' change feed: what a desktop's cache needs to keep the files its user may see
(``GET /case-file-changes?updated_since=``), beside the documents' feed (``routes/changes.py``).

Every change to a file takes a number from the documents' counter (``db.next_seq``, in
``service.record``), so positions are commit order and the two feeds cannot disagree about
time. A page holds the organisation's files changed after the position: the ones the caller
sees as upserts (the file, its readers, and the links to the documents the caller may read,
with their DocOrdinal in the whole file), the others as tombstones — a file handed to someone
else, or whose Rights or readers no longer name the caller, leaves their cache. Another
organisation's files never appear. A document becoming readable later (a grant) shows in the
cached file at the file's next change; the file's own page (``GET /case-files/{id}``) is always
current.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..deps import current_user, get_session
from ..models import Document, User
from ..policy import readable
from ..routes.contract import errors
from ..schemas import UtcDateTime
from .answers import case_file_out, names
from .models import CaseFile, CaseFileDocument, CaseFileReader
from .policy import visible_files
from .schemas import CaseFileOut

__all__ = ["router", "CaseFileLink", "CaseFileRecord", "CaseFileChange", "CaseFileChangePage"]

router = APIRouter(tags=["records", "sync"])


class CaseFileLink(BaseModel):
    """A document of the file the caller may read: the cache joins it to its own documents."""

    document_id: int
    ordinal: int
    """DocOrdinal in the whole file (documents the caller may not read count too)."""
    added_at: UtcDateTime


class CaseFileRecord(CaseFileOut):
    revision: int
    readers: list[int]
    documents: list[CaseFileLink]


class CaseFileChange(BaseModel):
    seq: int
    kind: Literal["upsert", "delete"]
    case_file_id: int
    case_file: CaseFileRecord | None


class CaseFileChangePage(BaseModel):
    changes: list[CaseFileChange]
    next_since: int
    has_more: bool


def _links(session: Session, user: User, ids: list[int]) -> dict[int, list[CaseFileLink]]:
    """Each file's documents the caller may read, numbered in the whole file (one query)."""
    if not ids:  # an idle poll: nothing changed, nothing to ask
        return {}
    rows = session.execute(
        select(
            CaseFileDocument.case_file_id,
            CaseFileDocument.document_id,
            CaseFileDocument.added_at,
            readable(user),
        )
        .join(Document, Document.id == CaseFileDocument.document_id)
        .where(CaseFileDocument.case_file_id.in_(ids), Document.deleted.is_(False))
        .order_by(CaseFileDocument.case_file_id, Document.created_at, Document.id)
    ).tuples()
    found: dict[int, list[CaseFileLink]] = {i: [] for i in ids}
    counted: dict[int, int] = {}
    for file_id, document_id, added_at, allowed in rows:
        counted[file_id] = counted.get(file_id, 0) + 1
        if allowed:
            found[file_id].append(
                CaseFileLink(document_id=document_id, ordinal=counted[file_id], added_at=added_at)
            )
    return found


def _readers(session: Session, ids: list[int]) -> dict[int, list[int]]:
    if not ids:
        return {}
    rows = session.execute(
        select(CaseFileReader.case_file_id, CaseFileReader.user_id)
        .where(CaseFileReader.case_file_id.in_(ids))
        .order_by(CaseFileReader.user_id)
    ).tuples()
    found: dict[int, list[int]] = {i: [] for i in ids}
    for file_id, user_id in rows:
        found[file_id].append(user_id)
    return found


@router.get("/case-file-changes", response_model=CaseFileChangePage, responses=errors())
def case_file_changes(
    updated_since: int = Query(0, ge=0, le=2**62),
    limit: int = Query(200, ge=1, le=500),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> CaseFileChangePage:
    """The organisation's case files changed after ``updated_since``, in feed order: those the
    caller sees as upserts, the others as tombstones. Continue from ``next_since``."""
    rows = (
        session.execute(
            select(CaseFile, visible_files(user))
            .where(
                CaseFile.organisation_id == user.organisation_id, CaseFile.revision > updated_since
            )
            .order_by(CaseFile.revision)
            .limit(limit + 1)
        )
        .tuples()
        .all()
    )
    more = len(rows) > limit
    rows = rows[:limit]
    seen = [found.id for found, visible in rows if visible]
    links, readers = _links(session, user, seen), _readers(session, seen)
    people = names(session, {found.creator_id for found, _ in rows})
    changes = [
        CaseFileChange(
            seq=found.revision,
            kind="upsert" if visible else "delete",
            case_file_id=found.id,
            case_file=CaseFileRecord(
                **case_file_out(user, found, people).model_dump(),
                revision=found.revision,
                readers=readers[found.id],
                documents=links[found.id],
            )
            if visible
            else None,
        )
        for found, visible in rows
    ]
    next_since = rows[-1][0].revision if rows else updated_since
    return CaseFileChangePage(changes=changes, next_since=next_since, has_more=more)
