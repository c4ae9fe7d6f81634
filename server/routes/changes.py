"""The change feed for incremental sync, and the snapshot a new client starts from.

Each user's feed carries the documents they may read as upserts, and those of
their own organisation they may not (deleted, or secret and not theirs) as
tombstones, so a document that becomes unreadable leaves their cache.
Other organisations' documents never appear.

An idle poll costs one indexed query: every page carries ``ETag: W/"<next_since>"``, and a
poll that sends it back (``If-None-Match``) for a position nothing has moved past is answered
304 without a body. The position it compares is the newest change *in this user's feed*
(``feed_head``), so another organisation's work never changes it. A secret document of the
user's own organisation does move it — exactly as the feed itself does, which sends that
change as a tombstone: the ETag says nothing the 200 would not.

A new client starts from ``/changes/snapshot`` instead of paging through the whole feed: every
document the feed would send it as an upsert, one JSON record a line (the feed's own record,
``documents_out``), gzip-compressed, with the feed position to continue from.
"""

from __future__ import annotations

import logging
import threading
import zlib
from collections.abc import Generator, Iterator
from typing import Any

import orjson
from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..answers import documents_out
from ..deps import AppState, current_user, get_session, get_state
from ..errors import ApiProblem
from ..models import Document, Grant, User
from ..policy import feed_page, oldest_readable_rows
from ..schemas import ChangeOut, ChangePage, DocumentOut
from .contract import errors

__all__ = ["router", "feed_head", "SNAPSHOT_TYPE"]

logger = logging.getLogger(__name__)

router = APIRouter(tags=["sync"])

SNAPSHOT_TYPE = "application/x-ndjson"
SNAPSHOT_BATCH = 1000
"""Documents read, serialised and sent at a time: the server's memory stays flat."""
_GZIP_LEVEL = 1
"""Fast: at level 1 the feed's JSON still shrinks ≈ 8×, and the snapshot stays bound by the
database, not by deflate (level 6 costs 3× the CPU for ≈ 15 % fewer bytes)."""


def feed_head(session: Session, user: User) -> int:
    """The newest change in ``user``'s feed (0 when none): the feed's two branches
    (``policy.feed_page``: the own organisation, or a grant), each one index probe."""
    own = select(func.max(Document.revision)).where(
        Document.organisation_id == user.organisation_id
    )
    granted = (
        select(func.max(Document.revision))
        .join(Grant, Grant.document_id == Document.id)
        .where(Grant.user_id == user.id)
    )
    found = session.execute(select(own.scalar_subquery(), granted.scalar_subquery())).one()
    return max((int(value) for value in found if value is not None), default=0)


def _etag(position: int) -> str:
    return f'W/"c{position}"'


def _matches(if_none_match: str | None, tag: str) -> bool:
    if not if_none_match:
        return False
    offered = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in offered or tag.removeprefix("W/") in offered


_PAGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "One page of changes",
        "headers": {
            "ETag": {
                "description": "The page's position; send it back as If-None-Match",
                "schema": {"type": "string"},
            }
        },
    },
    304: {"description": "Nothing new since the position the If-None-Match names"},
    **errors(),
}


@router.get("/changes", response_model=ChangePage, responses=_PAGE_RESPONSES)
def changes(
    updated_since: int = Query(0, ge=0, le=2**62),
    limit: int = Query(500, ge=1, le=1000),
    if_none_match: str | None = Header(
        None,
        max_length=1000,
        description="The ETag of the last page: 304 when nothing changed since its position",
    ),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    private = {"Cache-Control": "private, no-cache", "Vary": "Authorization"}
    if _matches(if_none_match, _etag(updated_since)) and feed_head(session, user) <= updated_since:
        return Response(status_code=304, headers={"ETag": _etag(updated_since), **private})
    rows = session.connection().execute(feed_page(user, updated_since, limit + 1)).all()
    more = len(rows) > limit
    docs = rows[:limit]
    live = [doc for doc in docs if doc.allowed and not doc.deleted]
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
    next_since = docs[-1].revision if docs else updated_since
    page = ChangePage(changes=items, next_since=next_since, has_more=more)
    return Response(  # serialised once, by pydantic-core (the model is ours: no re-validation)
        page.__pydantic_serializer__.to_json(page),
        media_type="application/json",
        headers={"ETag": _etag(next_since), **private},
    )


_SNAPSHOT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Every document the feed would send this user as an upsert, in id "
        "order, one JSON record a line: first "
        '`{"snapshot": 1, "position": P}`, then the documents (the feed\'s record), last '
        '`{"end": true, "count": N, "position": P}`. Continue with `/changes?updated_since=P`. '
        "Gzip-compressed (Content-Encoding) when the request accepts it.",
        "content": {SNAPSHOT_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    },
    **errors(503),
}


@router.get("/changes/snapshot", response_class=StreamingResponse, responses=_SNAPSHOT_RESPONSES)
def snapshot(
    request: Request,
    after: int = Query(
        0, ge=0, le=2**62, description="Resume a cut-off snapshot after this document id"
    ),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> StreamingResponse:
    """The first sync's bulk download.

    Consistent without a gap: everything is read in one transaction — REPEATABLE READ on
    PostgreSQL, one read transaction (its WAL snapshot) on SQLite — and the position is taken
    in it, first. Even were the reads not one snapshot, a change after the position carries a
    higher feed number (``db.next_seq``: numbers are taken under one lock, so they commit in
    order) and reaches the client again through the feed: a duplicate, never a gap. A resumed
    snapshot (``after``) has a later position than the first part; the client continues from
    the first, so whatever changed in between comes through the feed.
    """
    session.close()  # the sign-in's connection: the stream holds its own, and only that one
    if not _STREAMS.acquire(blocking=False):
        raise ApiProblem(
            503,
            "Máy chủ đang gửi dữ liệu đồng bộ lần đầu cho nhiều máy; sẽ thử lại sau ít phút.",
            "The server is sending first syncs to many computers; trying again in a few minutes.",
            headers={"Retry-After": "60"},
        )
    try:
        lines = _snapshot_lines(state, user.id, after)
        # Started here: from now on, however the download ends — finished, cut off, or the
        # client gone before the first byte — closing the generator ends the transaction and
        # frees the slot (a generator never started would run no ``finally``).
        header = next(lines)
    except BaseException:
        _STREAMS.release()
        raise
    lines = _after(header, lines)
    headers = {"Cache-Control": "private, no-store", "Vary": "Accept-Encoding, Authorization"}
    if "gzip" in request.headers.get("accept-encoding", "").lower():
        headers["Content-Encoding"] = "gzip"  # so the GZip middleware leaves it alone
        return StreamingResponse(_gzipped(lines), headers=headers, media_type=SNAPSHOT_TYPE)
    return StreamingResponse(lines, headers=headers, media_type=SNAPSHOT_TYPE)


def _line(value: dict[str, Any]) -> bytes:
    return orjson.dumps(value) + b"\n"


def _record(out: DocumentOut) -> bytes:
    """The feed's record of one document, as the feed page writes it (pydantic-core)."""
    return out.__pydantic_serializer__.to_json(out)


SNAPSHOT_STREAMS = 8
"""First syncs a server process streams at once (each holds a database connection for its
whole download): more answer 503 with Retry-After, instead of emptying the connection pool
that every other request needs."""
_STREAMS = threading.BoundedSemaphore(SNAPSHOT_STREAMS)

SNAPSHOT_IDLE_LIMIT = "300s"
"""A download stalled this long gives up its PostgreSQL transaction (and the snapshot of the
database it pins); the client resumes with ``after``."""


def _snapshot_lines(state: AppState, user_id: int, after: int) -> Generator[bytes]:
    """The header, the documents in id order a batch at a time, the trailer.

    The session is opened when the first line is asked for, not before: a client gone before
    the stream starts leaves nothing open."""
    session = state.db.sessions()
    try:
        if session.get_bind().dialect.name == "postgresql":
            session.connection(
                execution_options={
                    "isolation_level": "REPEATABLE READ",
                    "postgresql_readonly": True,
                }
            )
            session.execute(
                text(f"SET LOCAL idle_in_transaction_session_timeout = '{SNAPSHOT_IDLE_LIMIT}'")
            )
        else:
            session.connection().exec_driver_sql("BEGIN")
        user = session.get_one(User, user_id)
        position = feed_head(session, user)
        yield _line({"snapshot": 1, "position": position})
        live = select(Document).where(Document.deleted.is_(False))
        count, last = 0, after
        while True:
            after_last = live.where(Document.id > last)
            docs = session.execute(oldest_readable_rows(after_last, user, SNAPSHOT_BATCH)).all()
            if not docs:
                break
            last, count = docs[-1].id, count + len(docs)
            yield b"".join(_record(out) + b"\n" for out in documents_out(session, docs))
            session.expunge_all()  # the identity map would otherwise keep every document
        yield _line({"end": True, "count": count, "position": position})
        logger.info("snapshot for user %d: %d documents, position %d", user_id, count, position)
    finally:
        session.close()
        _STREAMS.release()


def _after(first: bytes, rest: Generator[bytes]) -> Generator[bytes]:
    try:
        yield first
        yield from rest
    finally:
        rest.close()


def _gzipped(chunks: Generator[bytes]) -> Iterator[bytes]:
    """One gzip stream, flushed after every batch: the client parses and stores each batch
    while the server reads the next, and a cut-off download keeps every batch before the cut."""
    packer = zlib.compressobj(_GZIP_LEVEL, zlib.DEFLATED, 31)  # 31: the gzip wrapper
    try:
        for chunk in chunks:
            yield packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
        yield packer.flush()
    finally:
        chunks.close()  # a client gone mid-stream: the snapshot's transaction ends now
