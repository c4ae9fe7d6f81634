"""Work queues and the list's colours judge deadlines by one rule: the user's own handling
part's deadline first, the document's when he has none, nothing for a reader for information;
a leader answers for every open document he has no part in. A coloured row is in the queue."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import pytest

from base.deadlines import DeadlineState
from client.cache.query import (
    COLUMN_KEYS,
    DocumentQuery,
    DocumentRow,
    Sort,
    cell_text,
    count,
    search,
)
from client.cache.queues import (
    UPLOAD_QUEUES,
    Queue,
    QueueScope,
    deadline_state,
    queue_condition,
    queue_counts,
    queues_for,
)
from client.cache.store import CacheStore
from client.records import Document

TODAY = dt.date(2026, 11, 24)  # a Tuesday: due soon until Thursday 26
ME, OTHER = 7, 8


def _doc(
    doc_id: int,
    status: str = "assigned",
    due: dt.date | None = None,
    parts: tuple[tuple[int, str, str, dt.date | None], ...] = (),
) -> Document:
    data: dict[str, Any] = {
        "id": doc_id,
        "direction": "incoming",
        "doc_type": "Công văn",
        "number_symbol": f"{doc_id}/UBND",
        "arrival_date": "2026-11-02",
        "arrival_number": 100 + doc_id,
        "subject": f"Văn bản {doc_id}",
        "organ_name": "Sở Tài chính",
        "urgency": 1,
        "secrecy": 0,
        "status": status,
        "revision": doc_id,
        "current_version": 0,
        "versions": [],
        "due_date": due.isoformat() if due else None,
        "assignments": [
            {
                "user_id": user,
                "user_name": f"Người {user}",
                "kind": kind,
                "state": state,
                "deadline": deadline.isoformat() if deadline else None,
                "assigned_by": 1,
            }
            for user, kind, state, deadline in parts
        ],
    }
    return Document.from_json(data)


def _day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _store(tmp_path: Path, docs: list[Document]) -> CacheStore:
    store = CacheStore(tmp_path / "cache.sqlite")
    with store.write() as conn:
        store.upsert(conn, docs)
    return store


def _scope(role: str) -> QueueScope:
    return QueueScope(ME, role, TODAY)


def _ids(
    store: CacheStore, scope: QueueScope, queue: Queue | None = None
) -> dict[int, DocumentRow]:
    page = search(store, DocumentQuery(queue=queue, scope=scope, limit=1000))
    return {row.id: row for row in page.rows}


def test_the_colour_follows_my_part_not_the_documents_deadline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The reported case: the document is overdue, my part was given more time (and a
    colleague's is due soon): my list shows mine, on time, and my queues agree."""
    store = _store(
        tmp_path,
        [
            _doc(1, due=_day(-3), parts=((ME, "lead", "active", _day(20)),)),
            _doc(2, due=_day(20), parts=((ME, "co", "active", _day(1)),)),
            _doc(3, due=_day(-1), parts=((ME, "info", "active", _day(-1)),)),
        ],
    )
    scope = _scope("specialist")
    mine = _ids(store, scope, Queue.MY_WORK)
    assert [mine[i].my_part for i in (1, 2, 3)] == ["lead", "co", "info"]
    states = {i: deadline_state(r, TODAY, scope.soon_until) for i, r in mine.items()}
    assert states == {
        1: DeadlineState.ON_TIME,  # the document's deadline passed, mine did not
        2: DeadlineState.DUE_SOON,
        3: DeadlineState.NONE,  # để biết: nothing to hand in
    }
    assert set(_ids(store, scope, Queue.DUE_SOON)) == {2}
    assert not _ids(store, scope, Queue.OVERDUE)
    assert cell_text(mine[1], "due") == _day(20).strftime("%d/%m/%Y")  # my deadline shown
    assert mine[1].due_date == _day(-3).isoformat()  # the document's kept for the tooltip


def _world() -> list[Document]:
    """Every kind of row a user meets: his parts of each kind and state, with and without a
    deadline of their own, colleagues' documents, open or not, late, soon or later."""
    dues = (None, _day(-5), _day(0), _day(2), _day(9))
    docs, n = [], 0
    for status, doc_due, my_part, my_state, part_due, theirs in itertools.product(
        ("received", "assigned", "processing", "done"),
        dues,
        (None, "lead", "co", "info"),
        ("active", "done"),
        (None, _day(-2), _day(1), _day(30)),
        (False, True),
    ):
        if my_part is None and (my_state == "done" or part_due is not None):
            continue
        n += 1
        parts = ((ME, my_part, my_state, part_due),) if my_part else ()
        if theirs:
            parts += ((OTHER, "lead", "active", _day(-1)),)
        docs.append(_doc(n, status, doc_due, parts))
    return docs


@pytest.mark.parametrize("role", ["specialist", "leader", "clerk"])
def test_a_coloured_row_is_in_its_queue_and_a_queued_row_is_coloured(tmp_path, role) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path, _world())
    scope = _scope(role)
    rows = _ids(store, scope)
    coloured = {
        state: {i for i, r in rows.items() if deadline_state(r, TODAY, scope.soon_until) is state}
        for state in (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)
    }
    overdue, soon = set(_ids(store, scope, Queue.OVERDUE)), set(_ids(store, scope, Queue.DUE_SOON))
    assert overdue == coloured[DeadlineState.OVERDUE] and overdue
    assert soon == coloured[DeadlineState.DUE_SOON] and soon
    counts = queue_counts(store, scope)
    assert (counts[Queue.OVERDUE], counts[Queue.DUE_SOON]) == (len(overdue), len(soon))
    # the list's "Quá hạn" filter means the same
    assert count(store, DocumentQuery(overdue=True, today=TODAY, scope=scope)) == len(overdue)
    for i in overdue | soon:  # what a user answers for: his handling part, or a leader's watch
        assert rows[i].my_part in ("lead", "co") or (role == "leader" and rows[i].my_part is None)


def test_the_deadline_queues_list_the_most_pressing_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path, _world())
    scope = _scope("leader")
    query = DocumentQuery(queue=Queue.OVERDUE, scope=scope, sort=Sort.DUE, limit=1000)
    dues = [r.my_due for r in search(store, query).rows]
    assert dues == sorted(dues) and all(d is not None for d in dues)


def test_cells_by_column_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path, [_doc(4, due=_day(3), parts=((ME, "lead", "active", None),))])
    (row,) = search(store, DocumentQuery(scope=_scope("specialist"))).rows
    cells = {key: cell_text(row, key) for key in COLUMN_KEYS}
    assert cells == {
        "number_symbol": "4/UBND",
        "dated": "02/11/2026",
        "doc_type": "Công văn",
        "subject": "Văn bản 4",
        "organ": "Sở Tài chính",
        "urgency": "Khẩn",
        "secrecy": "Thường",
        "due": _day(3).strftime("%d/%m/%Y"),  # a part without its own: the document's
        "status": "Đã giao xử lý",
        "part": "Chủ trì",
        "arrival_number": "104",
    }
    with pytest.raises(ValueError):
        cell_text(row, "nonsense")


def test_the_archivist_has_the_upload_queues(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert queues_for("archivist") == (Queue.SCANS_WAITING, Queue.UPLOADS_FAILED)
    assert set(queues_for("archivist")) == UPLOAD_QUEUES
    store = _store(tmp_path, [_doc(1)])
    scope = _scope("archivist")
    assert queue_counts(store, scope) == {}  # files: counted from the upload queue
    assert queue_condition(Queue.SCANS_WAITING, scope)[0] == "0"
