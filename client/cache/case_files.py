"""The case files this user may see, kept in the cache from the server's case-file feed
(``GET /case-file-changes``, ``server/records/feed.py``), so "my files", the files due for
transfer and a file's documents read offline, and the due-date warning costs no request.

The feed has its own position (``case_files_cursor``) on the documents' counter: each page is
applied in one transaction with its position, so an interruption resumes after the last page.
A file is stored as the server's record (JSON) plus the columns the lists filter on; its
documents are links joined with the cached documents, so a document the user may no longer
read (a tombstone of the documents' feed) drops out of the file by itself. A server before
case files answers 404: nothing is pulled, nothing fails.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from base.records import WARNING_DAYS, CaseFileState

from ..case_file_records import CaseFile, CaseFileDocument, CaseFileLink
from ..errors import NotFound
from ..records_api import RecordsApi
from .store import CacheStore

__all__ = [
    "CASE_FILES_CURSOR",
    "CaseFilePull",
    "pull_case_files",
    "store_case_files",
    "cached_case_files",
    "cached_case_file",
    "cached_documents",
    "due_files",
]

logger = logging.getLogger(__name__)

CASE_FILES_CURSOR = "case_files_cursor"
PAGE_SIZE = 200
_UNIT = (CaseFileState.CLOSED.value, CaseFileState.RETURNED.value)


@dataclass(frozen=True)
class CaseFilePull:
    upserted: int
    deleted: int
    cursor: int
    available: bool = True
    """False: the server has no case files (an older server)."""


def _row(record: Mapping[str, Any]) -> tuple[Any, ...]:
    return (
        int(record["id"]),
        str(record["code"]),
        str(record["title"]),
        str(record["state"]),
        int(record["creator_id"]),
        int(record.get("year") or 0),
        record.get("due_date"),  # the deadline that counts (an approved keep-back's)
        int(record.get("revision") or 0),
        json.dumps(record, ensure_ascii=False),
    )


def store_case_files(conn: Connection, records: Iterable[Mapping[str, Any]]) -> int:
    """Upsert files as the server sent them (their links replaced as a whole)."""
    count = 0
    for record in records:
        row = _row(record)
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO case_files(id, code, title, state, creator_id, year, "
            "due_date, revision, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        conn.exec_driver_sql("DELETE FROM case_file_links WHERE case_file_id = ?", (row[0],))
        for link in record.get("documents") or ():
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO case_file_links(case_file_id, document_id, ordinal, "
                "added_at) VALUES (?, ?, ?, ?)",
                (row[0], int(link["document_id"]), int(link["ordinal"]), link.get("added_at")),
            )
        count += 1
    return count


def _forget(conn: Connection, ids: Sequence[int]) -> None:
    for file_id in ids:
        conn.exec_driver_sql("DELETE FROM case_file_links WHERE case_file_id = ?", (file_id,))
        conn.exec_driver_sql("DELETE FROM case_files WHERE id = ?", (file_id,))


def pull_case_files(store: CacheStore, api: RecordsApi, page_size: int = PAGE_SIZE) -> CaseFilePull:
    """Bring the cached case files up to date from the feed (resumable page by page)."""
    cursor = int(store.meta(CASE_FILES_CURSOR) or 0)
    upserted = deleted = 0
    while True:
        try:
            page = api.case_file_changes(cursor, page_size)
        except NotFound:
            logger.info("the server keeps no case files; none pulled")
            return CaseFilePull(0, 0, cursor, available=False)
        alive = [c.record for c in page.changes if c.kind == "upsert" and c.record is not None]
        gone = [c.case_file_id for c in page.changes if c.kind == "delete"]
        with store.write() as conn:
            store_case_files(conn, alive)
            _forget(conn, gone)
            store.set_meta(conn, CASE_FILES_CURSOR, str(page.next_since))
        cursor = page.next_since
        upserted, deleted = upserted + len(alive), deleted + len(gone)
        if not page.has_more:
            break
    if upserted or deleted:
        logger.info("case files: %d upserted, %d removed", upserted, deleted)
    return CaseFilePull(upserted, deleted, cursor)


def cached_case_files(
    store: CacheStore,
    *,
    creator_id: int | None = None,
    states: Sequence[str] = (),
    text: str = "",
    limit: int = 500,
) -> list[CaseFile]:
    """Cached files, newest first: one person's, in some states, whose title or code holds
    ``text`` (case-insensitive)."""
    sql, args = "SELECT record FROM case_files WHERE 1 = 1", list[Any]()
    if creator_id is not None:
        sql += " AND creator_id = ?"
        args.append(creator_id)
    if states:
        sql += f" AND state IN ({', '.join('?' for _ in states)})"
        args.extend(states)
    if text:
        sql += " AND (lower(title) LIKE ? OR lower(code) LIKE ?)"
        args.extend([f"%{text.lower()}%"] * 2)
    sql += " ORDER BY id DESC LIMIT ?"
    args.append(limit)
    with store.read() as conn:
        rows = conn.exec_driver_sql(sql, tuple(args)).all()
    return [CaseFile.from_json(json.loads(r[0])) for r in rows]


def cached_case_file(store: CacheStore, case_file_id: int) -> CaseFile | None:
    with store.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT record FROM case_files WHERE id = ?", (case_file_id,)
        ).first()
    return CaseFile.from_json(json.loads(row[0])) if row else None


def cached_documents(store: CacheStore, case_file: CaseFile) -> list[CaseFileDocument]:
    """The file's documents this cache holds, in DocOrdinal order (offline reading)."""
    found = []
    for link in sorted(case_file.links, key=lambda item: item.ordinal):
        doc = store.get(link.document_id)
        if doc is not None:
            found.append(_entry(link, doc))
    return found


def _entry(link: CaseFileLink, doc: Any) -> CaseFileDocument:
    created = doc.created_at.date() if doc.created_at else None
    return CaseFileDocument(
        ordinal=link.ordinal,
        document_id=doc.id,
        direction=doc.direction,
        type_name=doc.doc_type,
        code_number=doc.code_number or "",
        code_notation=doc.code_notation,
        issued_date=doc.issued_date,
        date=doc.issued_date or doc.arrival_date or created,
        organ_name=doc.organ_name,
        subject=doc.subject,
        language=doc.language,
        page_amount=doc.page_amount,
        description=doc.description,
        added_at=link.added_at,
    )


def due_files(store: CacheStore, today: dt.date, creator_id: int | None = None) -> list[CaseFile]:
    """Files with their creator (closed, returned) due for transfer within 30 days or overdue
    (III.5.b), soonest first: one creator's, or (None) every cached one — the archive's and
    the leaders' view, whose cache holds the organisation's files."""
    until = (today + dt.timedelta(days=WARNING_DAYS)).isoformat()
    sql = (
        "SELECT record FROM case_files WHERE state IN (?, ?) AND due_date IS NOT NULL "
        "AND due_date <= ?"
    )
    args: list[Any] = [*_UNIT, until]
    if creator_id is not None:
        sql += " AND creator_id = ?"
        args.append(creator_id)
    with store.read() as conn:
        rows = conn.exec_driver_sql(sql + " ORDER BY due_date, id", tuple(args)).all()
    return [CaseFile.from_json(json.loads(r[0])) for r in rows]
