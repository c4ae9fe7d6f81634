"""The case files in the desktop's cache: pulled from the server's case-file feed (upserts for
what the user sees, tombstones for what they stop seeing), their documents joined with the
cached documents, the due-date warning read without a request, a document put into one's own
open file offline and sent once (the idempotency key survives a lost answer), and a version-4
cache upgraded in place. Against the real server over loopback (one for the module)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from base.deadlines import today_in_vietnam
from base.records import transfer_due
from client.api import ApiClient
from client.cache import CacheStore, Outbox, pull_changes
from client.cache.case_files import (
    CASE_FILES_CURSOR,
    cached_case_file,
    cached_case_files,
    cached_documents,
    due_files,
    pull_case_files,
)
from client.cache.outbox import CaseFileDocumentChange, OutboxState
from client.errors import Conflict
from tests.fixtures.server import ROLES, LiveServer


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("case-file-cache"))
    live.start()
    yield live
    live.stop()


def _client(server: LiveServer, role: str) -> ApiClient:
    client = ApiClient(server.base_url)
    client.login(*ROLES[role])
    return client


def _document(client: ApiClient, subject: str, days_ago: int = 0) -> int:
    issued = (today_in_vietnam() - dt.timedelta(days=days_ago)).isoformat()
    fields = {"direction": "outgoing", "subject": subject, "issued_date": issued}
    return client.create_document(fields).id


def _open(client: ApiClient, notation: str, retention: str = "10 năm") -> int:
    start = (today_in_vietnam() - dt.timedelta(days=400)).isoformat()
    fields = {"title": f"Hồ sơ {notation}", "notation": notation, "maintenance": retention}
    return client.records.open_case_file({**fields, "start_date": start}).file.id


def test_the_cache_follows_the_files_a_user_sees(office: LiveServer, tmp_path: Path) -> None:
    specialist, clerk = _client(office, "specialist"), _client(office, "clerk")
    mine = _open(specialist, "CACHE.01")
    doc = _document(specialist, "Báo cáo tháng", days_ago=380)
    specialist.records.add_case_file_document(mine, doc)
    store = CacheStore(tmp_path / "specialist.sqlite")
    pull_changes(store, specialist)
    pulled = pull_case_files(store, specialist.records)
    assert pulled.available and pulled.upserted >= 1
    cached = cached_case_file(store, mine)
    assert cached is not None and cached.state == "open" and cached.revision > 0
    assert [d.document_id for d in cached_documents(store, cached)] == [doc]
    assert int(store.meta(CASE_FILES_CURSOR) or 0) == pulled.cursor
    assert pull_case_files(store, specialist.records).upserted == 0  # nothing new

    # a colleague's cache: a tombstone while not a reader, the file once named one
    clerk_store = CacheStore(tmp_path / "clerk.sqlite")
    pull_case_files(clerk_store, clerk.records)
    assert cached_case_file(clerk_store, mine) is None
    specialist.records.edit_case_file(mine, {"readers": [clerk.me().id]})
    assert pull_case_files(clerk_store, clerk.records).upserted == 1
    assert cached_case_file(clerk_store, mine) is not None
    specialist.records.edit_case_file(mine, {"readers": []})
    gone = pull_case_files(clerk_store, clerk.records)
    assert (gone.upserted, gone.deleted) == (0, 1) and cached_case_file(clerk_store, mine) is None

    # closed with its work ended 11 months ago: due in about a month, warned from the cache
    today = today_in_vietnam()
    end = today - dt.timedelta(days=340)
    days = (transfer_due(end) - today).days  # 25 or 26: a year after the end, 29 February or not
    specialist.records.case_file_action(mine, "close", {"end_date": end})
    pull_case_files(store, specialist.records)
    due = due_files(store, today, specialist.me().id)
    assert [f.id for f in due] == [mine] and due[0].due_in(today) == days
    assert due[0].due_warning(today) and not due[0].due_warning(today - dt.timedelta(days=10))
    assert due_files(store, today - dt.timedelta(days=10), None) == []
    assert [f.id for f in cached_case_files(store, states=("closed",))] == [mine]


def test_a_document_added_offline_is_sent_once(office: LiveServer, tmp_path: Path) -> None:
    specialist = _client(office, "specialist")
    mine = _open(specialist, "OUTBOX.01")
    first, second = _document(specialist, "Tờ trình"), _document(specialist, "Kế hoạch")
    store = CacheStore(tmp_path / "cache.sqlite")
    outbox = Outbox(store, tmp_path / "outbox")
    outbox.case_file_document(CaseFileDocumentChange(mine, first, True, "key-first", "OUTBOX.01"))
    outbox.case_file_document(CaseFileDocumentChange(mine, second, True, "key-second"))
    # the first went through once already, its answer lost: the replay is the same request
    specialist.records.add_case_file_document(mine, first, "key-first")
    assert [e.state for e in outbox.replay(specialist)] == [OutboxState.DONE] * 2
    detail = specialist.records.case_file(mine)
    assert [d.document_id for d in detail.documents] == [first, second]
    assert [e.action for e in detail.events].count("add_document") == 2
    assert outbox.pending_case_file_documents() == []
    # a removal queued for a file closed meanwhile is refused for good, in both languages
    specialist.records.case_file_action(mine, "close", {})
    outbox.case_file_document(CaseFileDocumentChange(mine, first, False, "key-remove"))
    failed = outbox.replay(specialist)[-1]
    assert failed.state is OutboxState.FAILED and "đã kết thúc" in failed.error_vi
    assert "is closed" in failed.error_en
    with pytest.raises(Conflict) as refused:  # the server's code travels with the refusal
        specialist.records.remove_case_file_document(mine, first)
    assert refused.value.code == "file_closed"


def test_a_version_4_cache_gains_the_case_file_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = CacheStore(path)
    with store.write() as conn:
        conn.exec_driver_sql("DROP TABLE case_file_links")
        conn.exec_driver_sql("DROP TABLE case_files")
        conn.exec_driver_sql("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    store.close()
    upgraded = CacheStore(path)
    assert upgraded.meta("schema_version") == "5"
    assert cached_case_files(upgraded) == [] and due_files(upgraded, today_in_vietnam()) == []
