"""A cache written by layouts 1–3 is converted at the first start: the same documents, search,
queues, outbox, files and feed position, in a smaller file — or, when a stored record cannot be
read, the documents come again from the server, the user is told, and the outbox stays."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from client.api import ApiClient
from client.cache import CacheStore, Outbox, pull_changes
from client.cache.errors import CacheRebuilt
from client.cache.outbox import RecordAccess
from client.cache.query import DocumentQuery, Sort, count, search
from client.cache.queues import QueueScope, queue_counts
from client.cache.rows import COLUMNS
from client.cache.schema import SCHEMA_VERSION
from client.records import Document
from tests.client.cache.old_layout import write_old_cache
from tests.fixtures.server import LiveServer

QUERIES = ("dat dai", "quyet dinh", "cam xuyen", "ubnd", "123", "chuyen doi so", "hoa toc")


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path_factory.mktemp("upgrade"))
    server.demo_data(120, 3, story=True)  # traces, parts, versions, deliveries, exchange
    server.start()
    yield server
    server.stop()


def _signed_in(server: LiveServer, role: str) -> ApiClient:
    client = ApiClient(server.base_url)
    client.login(*server.credentials(role))
    return client


def _feed(client: ApiClient) -> tuple[list[Document], int]:
    """Everything the feed holds for this user (as the old desktop stored it) and its head."""
    docs: dict[int, Document] = {}
    page = client.changes(0, limit=1000)
    while True:
        for change in page.changes:
            if change.document is not None:
                docs[change.document_id] = change.document
            else:
                docs.pop(change.document_id, None)
        if not page.has_more:
            return list(docs.values()), page.next_since
        page = client.changes(page.next_since, limit=1000)


def _outbox_rows(folder: Path) -> list[tuple[object, ...]]:
    """Two actions queued offline, as the outbox stores them."""
    store = CacheStore(folder / "scratch.sqlite")
    outbox = Outbox(store, folder / "outbox")
    outbox.take_step(3, "note", 17, {"comment": "Đã xem, chờ ý kiến"}, uuid.uuid4().hex)
    outbox.record_access(RecordAccess(5, "view", 1, "2026-12-01T03:00:00+00:00", uuid.uuid4().hex))
    with store.read() as conn:
        found = conn.exec_driver_sql(
            "SELECT kind, payload, state, error, created_at FROM outbox ORDER BY id"
        ).fetchall()
    store.close()
    return [tuple(r) for r in found]


def _columns(store: CacheStore) -> list[tuple[object, ...]]:
    """Every stored value but ``rest`` (its bytes depend on how the record was spelled)."""
    with store.read() as conn:
        return [
            tuple(r)
            for r in conn.exec_driver_sql(
                f"SELECT {', '.join(COLUMNS[:-1])}, number_symbol, sort_date FROM documents "
                "ORDER BY id"
            )
        ]


def _parts(store: CacheStore) -> list[tuple[object, ...]]:
    with store.read() as conn:
        return sorted(tuple(r) for r in conn.exec_driver_sql("SELECT * FROM parts"))


@pytest.mark.parametrize("role", ["clerk", "leader"])
def test_a_version_3_cache_converts_in_place_and_keeps_everything(
    story: LiveServer, tmp_path: Path, role: str
) -> None:
    client = _signed_in(story, role)
    docs, head = _feed(client)
    assert any(d.trace for d in docs) and any(d.secrecy for d in docs)  # some kept unindexed
    outbox = _outbox_rows(tmp_path)
    path = tmp_path / "old.sqlite"
    write_old_cache(
        path,
        docs,
        meta={"sync_cursor": str(head), "alerts.last_id": "17"},
        outbox=outbox,
        files=[("ab" * 32, 84_267, 1_765_000_000.0)],
    )
    before = path.stat().st_size

    store = CacheStore(path)
    assert (store.upgraded_from, store.recovery_notice) == (3, None)
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    assert path.stat().st_size < before * 0.6  # compacted, not only converted
    assert all(store.get(d.id) == d for d in docs) and store.count() == len(docs)
    assert (store.meta("sync_cursor"), store.meta("alerts.last_id")) == (str(head), "17")
    with store.read() as conn:
        kept = conn.exec_driver_sql(
            "SELECT kind, payload, state, error, created_at FROM outbox ORDER BY id"
        ).fetchall()
        files = conn.exec_driver_sql("SELECT * FROM files").fetchall()
    assert [tuple(r) for r in kept] == outbox and [tuple(r) for r in files] == [
        ("ab" * 32, 84_267, 1_765_000_000.0)
    ]
    assert [e.action for e in Outbox(store, tmp_path / "outbox").entries()][0].document_id == 3

    fresh = CacheStore(tmp_path / "fresh.sqlite")
    assert pull_changes(fresh, client).snapshot
    assert _columns(store) == _columns(fresh) and _parts(store) == _parts(fresh)
    for text in QUERIES:  # the index holds the same words: the same answers, in the same order
        query = DocumentQuery(text=text, sort=Sort.RELEVANCE, limit=50)
        assert count(store, query) == count(fresh, query), text
        assert search(store, query).rows == search(fresh, query).rows, text
    me = client.me()
    scope = QueueScope(me.id, me.role, dt.date(2026, 1, 20))
    assert queue_counts(store, scope) == queue_counts(fresh, scope)

    again = pull_changes(store, client)  # the feed goes on from the kept position
    assert (again.snapshot, again.upserted, again.complete) == (False, 0, True)
    store.close()
    fresh.close()


def test_a_record_that_does_not_convert_means_a_new_download_and_the_outbox_stays(
    story: LiveServer, tmp_path: Path
) -> None:
    client = _signed_in(story, "clerk")
    docs, head = _feed(client)
    outbox = _outbox_rows(tmp_path)
    path = tmp_path / "old.sqlite"
    write_old_cache(path, docs, version=2, meta={"sync_cursor": str(head)}, outbox=outbox)
    with sqlite3.connect(path) as conn:  # a row cut short by an old crash
        conn.execute('UPDATE documents SET json = \'{"id": 1, "dir\' WHERE id = ?', (docs[3].id,))
    conn.close()

    store = CacheStore(path)
    notice = store.recovery_notice
    assert isinstance(notice, CacheRebuilt)
    assert "tải lại" in notice.message("vi") and "downloaded again" in notice.message("en")
    assert store.count() == 0 and store.meta("sync_cursor") is None
    assert len(Outbox(store, tmp_path / "outbox").entries()) == len(outbox)

    report = pull_changes(store, client)
    assert report.snapshot and report.complete and store.count() == len(docs)
    assert all(store.get(d.id) == d for d in docs)
    store.close()
