"""A new cache's first sync from the server's snapshot, against the real server on SQLite and
PostgreSQL: row for row the cache a sync through the whole feed builds; a connection cut in the
middle leaves a consistent cache that the next sync completes; an idle poll is a 304."""

from __future__ import annotations

import itertools
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from base.workflow import FROZEN
from client.api import ApiClient
from client.cache import CacheStore, pull_changes
from client.cache.rows import COLUMNS
from client.snapshot import SnapshotCut
from tests.fixtures.server import LiveServer

_databases = itertools.count()


def _signed_in(server: LiveServer, role: str, base_url: str | None = None) -> ApiClient:
    client = ApiClient(base_url or server.base_url)
    client.token = server.token(role)
    return client


def _through_the_feed(client: ApiClient, path: Path, page_size: int = 40) -> CacheStore:
    """A cache built the way every cache was before snapshots: the whole feed from 0."""
    store = CacheStore(path)
    with store.write() as conn:
        store.set_meta(conn, "sync_cursor", "0")
    report = pull_changes(store, client, page_size=page_size)
    assert report.complete and not report.snapshot and report.pages > 1
    return store


def _content(store: CacheStore) -> dict[str, Any]:
    """Everything a sync writes: every column of every row, the parts, the search index's
    words and documents, the completion words and the feed position."""
    with store.read() as conn:

        def rows(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in conn.exec_driver_sql(sql)]

        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, documents_fts, row)"
        )
        return {
            "documents": rows(
                f"SELECT {', '.join(COLUMNS)}, number_symbol, sort_date FROM documents ORDER BY id"
            ),
            "parts": sorted(rows("SELECT * FROM parts")),
            "index": rows("SELECT term, doc FROM temp.v ORDER BY term"),
            "terms": rows("SELECT term FROM terms ORDER BY term"),
            "cursor": store.meta("sync_cursor"),
        }


@pytest.fixture(params=["sqlite", "postgresql"])
def story(request: pytest.FixtureRequest, server_factory: Any) -> LiveServer:
    url = None
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_server").create_database(
            f"first_sync{next(_databases)}"
        )
    server: LiveServer = server_factory(documents=80, pdfs=2, story=True, database_url=url)
    return server


@pytest.mark.parametrize("role", ["clerk", "leader"])
def test_a_snapshot_sync_equals_a_feed_sync(story: LiveServer, tmp_path: Path, role: str) -> None:
    client = _signed_in(story, role)
    store = CacheStore(tmp_path / "snapshot.sqlite")
    batches: list[int] = []
    report = pull_changes(store, client, progress=lambda _n, pages: batches.append(pages))
    assert report.snapshot and report.complete and report.pages == len(batches) == 1
    feed = _through_the_feed(client, tmp_path / "feed.sqlite")
    snapshot = _content(store)
    assert len(snapshot["documents"]) == report.upserted > 50
    assert snapshot == _content(feed)
    with store.write() as conn:  # the index is whole, and every list index was built
        conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"ix_documents_list", "ix_documents_sort", "ix_parts_user"} <= names


class CuttingProxy:
    """A TCP relay on loopback that lets the first ``limit`` bytes of each answer through and
    then drops the connection: a network cut in the middle of a download, for real."""

    def __init__(self, target_port: int, limit: int) -> None:
        self.target_port, self.limit = target_port, limit
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.cuts = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                downstream, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(
                target=self._pipe, args=(downstream, upstream, None), daemon=True
            ).start()
            threading.Thread(
                target=self._pipe, args=(upstream, downstream, self.limit), daemon=True
            ).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while data := source.recv(1 << 14):
                if limit is not None and sent + len(data) >= limit:
                    sink.sendall(data[: limit - sent])
                    self.cuts += 1
                    break
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            end.close()

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def seeded(server_factory: Any) -> LiveServer:
    # more than one of the server's batches (1,000): it sends each as it is read
    server: LiveServer = server_factory(documents=2500, pdfs=0, story=True)
    return server


def test_a_cut_snapshot_leaves_a_consistent_cache_and_the_next_sync_completes(
    seeded: LiveServer, tmp_path: Path
) -> None:
    direct = _signed_in(seeded, "clerk")
    with requests.get(
        f"{seeded.api_url}/changes/snapshot",
        headers={"Authorization": f"Bearer {direct.token}", "Accept-Encoding": "gzip"},
        stream=True,
        timeout=30,
    ) as whole:
        size = len(whole.raw.read(decode_content=False))
    proxy = CuttingProxy(seeded.port, limit=size // 2)
    store = CacheStore(tmp_path / "cache.sqlite")
    try:
        with pytest.raises(SnapshotCut):
            pull_changes(store, _signed_in(seeded, "clerk", proxy.url), page_size=100)
    finally:
        proxy.close()
    assert proxy.cuts == 1
    kept = store.count()
    assert 0 < kept < 1700 and kept % 100 == 0  # whole batches only
    assert store.meta("sync_cursor") is None  # not synced: the next pull resumes the snapshot
    with store.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM documents ORDER BY id")]
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert store.meta("snapshot_after") == str(ids[-1])
    assert all(store.get(i) == direct.get_document(i) for i in ids[:: max(1, kept // 10)])

    # Meanwhile on the server: one stored document changes, one goes, one is new.
    open_ones = [d for d in map(store.get, ids) if d and d.status not in FROZEN]
    changed, gone = open_ones[0], open_ones[1]
    direct.update_document(changed.id, {"description": "Sửa sau khi mất mạng"}, changed.revision)
    _signed_in(seeded, "admin").delete_document(gone.id)
    new = direct.create_document({"direction": "incoming", "subject": "Đến sau khi mất mạng"})

    report = pull_changes(store, direct, page_size=100)
    assert report.complete and report.snapshot
    assert store.get(gone.id) is None and store.get(new.id) is not None
    assert store.get(changed.id).description == "Sửa sau khi mất mạng"
    resumed, fed = (
        _content(store),
        _content(_through_the_feed(direct, tmp_path / "feed.sqlite", 500)),
    )
    # The completion words may keep a deleted document's (harmless: ``schema.fill_terms``).
    assert set(resumed.pop("terms")) >= set(fed.pop("terms")) >= {(t,) for t, _ in fed["index"]}
    assert resumed == fed


def test_an_idle_pull_is_a_304_and_writes_nothing(seeded: LiveServer, tmp_path: Path) -> None:
    client = _signed_in(seeded, "clerk")
    store = CacheStore(tmp_path / "cache.sqlite")
    assert pull_changes(store, client).complete
    pull_changes(store, client)  # the first poll after the snapshot: a 200 with the ETag
    cursor, tag, stamp = (store.meta(k) for k in ("sync_cursor", "sync_etag", "last_sync"))
    assert tag == f'W/"c{cursor}"'
    assert client.changes(int(cursor or 0), etag=tag or "").not_modified
    idle = pull_changes(store, client)
    assert (idle.upserted, idle.pages, idle.complete) == (0, 0, True)
    assert store.meta("last_sync") == stamp  # a 304: not even the time was written

    other = _signed_in(seeded, "other_clerk")  # another organisation's work is no news
    other.create_document({"direction": "incoming", "subject": "Việc của Sở Tài chính"})
    assert pull_changes(store, client).upserted == 0 and store.meta("last_sync") == stamp
    new = client.create_document({"direction": "incoming", "subject": "Giấy mời họp"})
    news = pull_changes(store, client)
    assert news.upserted == 1 and store.get(new.id) is not None
    assert store.meta("sync_etag") != tag


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[CacheStore]:
    store = CacheStore(tmp_path / "cache.sqlite")
    yield store
    store.close()


def test_a_fresh_start_forgets_what_a_service_stored_before_the_first_sync(
    seeded: LiveServer, empty: CacheStore
) -> None:
    client = _signed_in(seeded, "clerk")
    gone = client.create_document({"direction": "incoming", "subject": "Tạo rồi xoá"})
    with empty.write() as conn:
        empty.upsert(conn, [gone])  # a service keeps what it made, before any sync
    _signed_in(seeded, "admin").delete_document(gone.id)
    assert pull_changes(empty, client).snapshot
    assert empty.get(gone.id) is None
