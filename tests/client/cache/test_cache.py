"""The local cache against the real server: sync, search, files, outbox, recovery."""

from __future__ import annotations

import os
import threading

import pytest

from client.api import ApiClient
from client.cache import CacheStore, FileCache, OfflineError, Outbox, pull_changes
from client.cache.query import DocumentQuery, Sort, count, search
from client.errors import ServerUnavailable
from tests.fixtures.outgoing import numbered_outgoing


def clerk(server) -> ApiClient:
    client = ApiClient(server.base_url)
    client.login(*server.credentials("clerk"))
    return client


OWN = 210
"""UBND tỉnh's share (7 in 10) of the 300 demo documents: the rest belong to two other
organisations and never reach this clerk's cache."""


@pytest.fixture
def seeded(server_factory):
    """A fresh server for tests that change data or stop the server."""
    return server_factory(documents=300, pdfs=3)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One read-only server for the search and paging tests."""
    from tests.fixtures.server import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("cache-server"))
    server.demo_data(300, 3)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def synced(shared, tmp_path_factory):
    store = CacheStore(tmp_path_factory.mktemp("cache") / "cache.sqlite")
    pull_changes(store, clerk(shared))
    return store


def test_first_sync_delta_and_deletions(seeded, tmp_path) -> None:
    client = clerk(seeded)
    store = CacheStore(tmp_path / "cache.sqlite")
    seen = []
    first = pull_changes(
        store, client, progress=lambda done, pages: seen.append(pages), page_size=100
    )
    assert first.complete and store.count() == OWN and seen == [1, 2, 3]
    admin = ApiClient(seeded.base_url)
    admin.login(*seeded.credentials("admin"))
    doc = client.get_document(5)
    client.update_document(  # a note, not the register's fields (those take a correction)
        5, {"description": "Về việc đôn đốc giải ngân vốn đầu tư công"}, doc.revision
    )
    admin.delete_document(7)
    new = client.create_document(
        {"direction": "incoming", "subject": "Giấy mời họp Hỏa tốc", "urgency": 3}
    )
    delta = pull_changes(store, client)
    assert (delta.upserted, delta.deleted, delta.pages) == (2, 1, 1)
    assert store.get(7) is None and store.get(new.id).urgency == 3
    assert store.get(5).description.startswith("Về việc đôn đốc")
    assert pull_changes(store, client).upserted == 0


def test_interrupted_sync_resumes(seeded, tmp_path) -> None:
    client = clerk(seeded)
    store = CacheStore(tmp_path / "cache.sqlite")
    stop = threading.Event()

    def cancel_after_two(_done: int, pages: int) -> None:
        if pages == 2:
            stop.set()

    partial = pull_changes(store, client, progress=cancel_after_two, cancel=stop, page_size=50)
    assert not partial.complete and store.count() == 100
    seeded.stop()
    with pytest.raises(ServerUnavailable):  # server down mid-way: nothing half-applied
        pull_changes(store, client, page_size=50)
    assert store.count() == 100
    seeded.start()
    rest = pull_changes(store, client, page_size=50)
    assert rest.complete and rest.upserted == OWN - 100 and store.count() == OWN


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dat dai", "đất đai"),
        ("quyet dinh", "Quyết định"),
        ("giai ngan von", "giải ngân vốn"),
        ("Cẩm Xuyên", "Cẩm Xuyên"),
        ("cam xuyen", "Cẩm Xuyên"),
        ("CHUYEN DOI SO", "chuyển đổi số"),
        ("thi dua khen thuong", "thi đua, khen thưởng"),
    ],
)
def test_search_without_diacritics(synced, query, expected) -> None:
    store = synced
    page = search(store, DocumentQuery(text=query, sort=Sort.RELEVANCE, limit=20))
    assert page.rows, query
    for row in page.rows:
        haystack = f"{row.subject} {row.organ_name} {row.doc_type}".lower()
        assert (
            expected.lower() in haystack
            or expected.lower() in store.get(row.id).signer_name.lower()
            or any(expected.lower() in place.lower() for place in store.get(row.id).to_places)
        )


def test_number_symbol_and_filters(seeded, tmp_path) -> None:
    client = clerk(seeded)
    doc = client.get_document(
        numbered_outgoing(
            seeded,
            "Phê duyệt đề án",
            doc_type="Quyết định",
            code_notation="QĐ-UBND",
            urgency=2,
            due_date="2020-01-01",
        )["id"]
    )
    numbered = doc
    store = CacheStore(tmp_path / "cache.sqlite")
    pull_changes(store, client)
    number = numbered.number_symbol
    hits = search(store, DocumentQuery(text=number, sort=Sort.RELEVANCE))
    assert hits.rows[0].id == doc.id
    assert (
        search(store, DocumentQuery(text=f"{numbered.code_number}/qđ", sort=Sort.RELEVANCE))
        .rows[0]
        .id
        == doc.id
    )
    overdue = search(store, DocumentQuery(overdue=True, direction="outgoing"))
    assert doc.id in [r.id for r in overdue.rows]
    urgent = search(store, DocumentQuery(urgency=2, direction="outgoing", limit=500))
    assert all(r.urgency == 2 and r.direction == "outgoing" for r in urgent.rows)


def test_keyset_paging_covers_everything_once(synced) -> None:
    store = synced
    query = DocumentQuery(direction="incoming", limit=37)
    seen, after = [], None
    while True:
        page = search(store, query, after)
        seen += [r.id for r in page.rows]
        if page.next is None:
            break
        after = page.next
    assert len(seen) == len(set(seen)) == count(store, DocumentQuery(direction="incoming"))
    dates = [store.get(i).issued_date for i in seen[:50]]
    assert dates == sorted(dates, reverse=True)


def test_file_cache_offline_and_eviction(seeded, tmp_path) -> None:
    client = clerk(seeded)
    store = CacheStore(tmp_path / "cache.sqlite")
    pull_changes(store, client)
    with_files = [
        store.get(r.id)
        for r in search(store, DocumentQuery(limit=1000)).rows
        if store.get(r.id).current_version
    ]
    assert len(with_files) == 3
    files = FileCache(store, tmp_path / "files", max_bytes=with_files[0].versions[-1].size * 2 + 10)
    first = files.open(client, with_files[0])
    assert first.read_bytes().startswith(b"%PDF")
    seeded.stop()
    assert files.open(client, with_files[0]) == first  # offline: served from the cache
    with pytest.raises(OfflineError):
        files.open(client, with_files[1])
    seeded.start()
    files.open(client, with_files[1])
    files.open(client, with_files[2])
    assert (
        files.used_bytes() <= files.max_bytes and not first.exists()
    )  # least recently used evicted


def test_offline_action_replayed_and_conflict_surfaced(seeded, tmp_path) -> None:
    leader = ApiClient(seeded.base_url)
    leader.login(*seeded.credentials("leader"))
    clerk_client = clerk(seeded)
    store = CacheStore(tmp_path / "cache.sqlite")
    outbox = Outbox(store, tmp_path / "outbox")
    a = clerk_client.create_document({"direction": "outgoing", "subject": "A"})
    b = clerk_client.create_document({"direction": "outgoing", "subject": "B"})
    signed = tmp_path / "đã ký.pdf"
    signed.write_bytes(b"%PDF-1.7 signed " + os.urandom(1000))
    seeded.stop()
    outbox.add_version(a.id, signed, "ký số bởi Trần Quốc Việt", base_version=0)
    outbox.add_version(b.id, signed, "ký số bởi Trần Quốc Việt", base_version=0)
    assert [e.state for e in outbox.replay(leader)] == ["pending", "pending"]  # still offline: kept
    seeded.start()
    other = tmp_path / "khác.pdf"
    other.write_bytes(b"%PDF-1.7 other")
    up = leader.upload_file(other)
    leader.add_version(
        b.id, up.sha256, "khác.pdf", "khác", base_version=0
    )  # someone else changed B meanwhile
    states = {
        e.action.document_id: (e.state, e.error_vi, e.error_en) for e in outbox.replay(leader)
    }
    assert states[a.id][0] == "done" and leader.get_document(a.id).current_version == 1
    assert (
        states[b.id][0] == "conflict"
        and "tải lại" in states[b.id][1]
        and "reload" in states[b.id][2]
    )
    assert leader.get_document(a.id).versions[-1].filename == "đã ký.pdf"
    assert leader.get_document(b.id).versions[-1].note == "khác"  # never overwritten


def test_corrupt_cache_is_moved_aside_and_rebuilt(seeded, tmp_path) -> None:
    path = tmp_path / "cache.sqlite"
    store = CacheStore(path)
    pull_changes(store, clerk(seeded))
    store.close()
    with path.open("r+b") as fh:
        fh.seek(0)
        fh.write(b"garbage" * 200)
    for extra in ("-wal", "-shm"):
        (tmp_path / f"cache.sqlite{extra}").unlink(missing_ok=True)
    rebuilt = CacheStore(path)
    assert rebuilt.recovered and "hỏng" in rebuilt.recovery_notice.message("vi")
    assert list(tmp_path.glob("cache.sqlite.corrupt-*"))
    assert rebuilt.count() == 0 and pull_changes(rebuilt, clerk(seeded)).upserted == OWN


def test_cache_saved_files_and_folders_are_private(seeded, tmp_path) -> None:
    from base.paths import app_paths
    from services.session import open_session

    session = open_session(seeded.base_url, *seeded.credentials("clerk"))
    pull_changes(session.store, session.client)
    document = next(
        session.store.get(r.id)
        for r in search(session.store, DocumentQuery(limit=1000)).rows
        if r.current_version
    )
    downloaded = session.files.open(session.client, document)
    paths = app_paths()
    for folder in (paths.data, paths.config, paths.cache):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    assert session.store.path.stat().st_mode & 0o777 == 0o600
    assert downloaded.stat().st_mode & 0o777 == 0o600
