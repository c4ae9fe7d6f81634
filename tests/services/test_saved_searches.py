"""Saved searches through ``Workspace``, on a real server: one made on one machine appears on
the user's other machine and still opens there offline after a restart; changes need the
server. And the server-side search for what the offline index leaves out: secret documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import requests

from client.cache.query import DocumentQuery, Sort
from client.cache.queues import Queue
from client.errors import Conflict
from services.saved_searches import (
    SavedSearchesOffline,
    query_to_saved,
    saved_columns,
    saved_to_query,
)
from services.session import open_session, resume_session
from services.workspace import Workspace
from tests.fixtures.server import LiveServer


def machine(server: LiveServer, home: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The clerk signed in on a machine of their own (its own cache, files and outbox)."""
    monkeypatch.setenv("VANTHU_HOME", str(home))
    return Workspace(open_session(server.base_url, *server.credentials("clerk")))


def test_saved_on_one_machine_found_on_the_other_also_offline_after_a_restart(
    server_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    office = machine(server, tmp_path / "office", monkeypatch)
    query = DocumentQuery(
        text="quy hoạch đất đai", direction="incoming", queue=Queue.MY_WORK, min_urgency=1
    )
    columns = ["arrival_number", "subject", "due_date", "part"]
    made = office.save_search("Quy hoạch khẩn", query_to_saved(query, columns))
    assert made.name == "Quy hoạch khẩn"
    with pytest.raises(Conflict) as taken:  # the same name again, in another case
        office.save_search("QUY HOẠCH KHẨN", query_to_saved(DocumentQuery()))
    assert taken.value.code == "duplicate_name" and "Quy hoạch khẩn" in taken.value.message("vi")

    laptop = machine(server, tmp_path / "laptop", monkeypatch)
    token = laptop.session.client.token
    found = laptop.saved_searches()
    assert [s.name for s in found] == ["Quy hoạch khẩn"]
    scope = laptop.queue_scope()
    again = saved_to_query(found[0].query, scope.today, scope)
    assert (again.text, again.direction, again.queue, again.min_urgency) == (
        "quy hoạch đất đai",
        "incoming",
        Queue.MY_WORK,
        1,
    )
    assert again.scope == scope and again.sort is Sort.RELEVANCE
    assert saved_columns(found[0].query) == tuple(columns)
    assert laptop.saved_query(found[0]) == again
    office.rename_search(made.id, "Đất đai — khẩn")
    laptop.sync_now()  # the list rides along with a sync
    laptop.close()

    server.stop()  # the laptop restarts without the network
    monkeypatch.setenv("VANTHU_SERVER", server.base_url)
    monkeypatch.setenv("VANTHU_TOKEN", token or "")
    monkeypatch.setenv("VANTHU_USERNAME", server.credentials("clerk")[0])
    offline = Workspace(resume_session())
    assert not offline.online
    kept = offline.saved_searches()
    assert [s.name for s in kept] == ["Đất đai — khẩn"] and kept[0].query["min_urgency"] == 1
    assert offline.saved_search("đất đai — KHẨN") == kept[0]
    with pytest.raises(SavedSearchesOffline) as refused:
        offline.save_search("Mới", query_to_saved(DocumentQuery(text="x")))
    assert "máy chủ" in refused.value.message("vi")
    with pytest.raises(SavedSearchesOffline):
        offline.delete_search(made.id)
    assert offline.saved_searches() == kept  # nothing changed here either
    offline.close()

    server.start()
    office.delete_search(made.id)
    assert office.saved_searches() == []
    monkeypatch.setenv("VANTHU_HOME", str(tmp_path / "laptop"))
    back = Workspace(resume_session())
    assert back.online and back.saved_searches() == []


def test_an_empty_or_long_name_is_refused_before_sending(
    server_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    office = machine(server_factory(), tmp_path / "office", monkeypatch)
    for name in ("   ", "x" * 101):
        with pytest.raises(Exception, match="1 đến 100 ký tự"):
            office.save_search(name, {})
    assert office.saved_searches() == []


def test_saved_filters_round_trip_and_ignore_what_they_do_not_know() -> None:
    today = dt.date(2026, 12, 7)
    query = DocumentQuery(direction="outgoing", doc_type="Quyết định", status="draft", overdue=True)
    saved = query_to_saved(query)
    assert saved == {
        "text": "",
        "direction": "outgoing",
        "queue": None,
        "doc_type": "Quyết định",
        "min_urgency": None,
        "overdue": True,
        "status": "draft",
        "columns": None,
    }
    back = saved_to_query(saved, today)
    assert back == DocumentQuery(
        direction="outgoing",
        doc_type="Quyết định",
        status="draft",
        overdue=True,
        today=today,
        sort=Sort.DUE,
    )
    odd = {"queue": "a_queue_from_the_future", "direction": "up", "min_urgency": True, "x": 1}
    assert saved_to_query(odd, today) == DocumentQuery(today=today)


def _create(server: LiveServer, role: str, **fields: object) -> dict:  # type: ignore[type-arg]
    reply = requests.post(
        f"{server.api_url}/documents",
        json={"direction": "incoming", **fields},
        headers=server.headers(role),
        timeout=10,
    )
    assert reply.status_code == 201, reply.text
    return reply.json()  # type: ignore[no-any-return]


def test_secret_documents_missed_here_are_found_on_the_server(
    server_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    secret = _create(server, "clerk", subject="Phương án phòng chống lũ lụt", secrecy=1, urgency=2)
    plain = _create(server, "clerk", subject="Báo cáo thiệt hại do lũ lụt", urgency=1)
    _create(server, "clerk", subject="Kế hoạch tuyển dụng", secrecy=2)
    clerk = machine(server, tmp_path / "office", monkeypatch)
    clerk.sync_now()
    query = DocumentQuery(text="lu lut", direction="incoming")
    assert [r.id for r in clerk.search(query).rows] == [plain["id"]]  # the secret one is missed
    assert clerk.unindexed_count(query) == 2  # secret ones this text cannot reach here
    assert clerk.unindexed_count(DocumentQuery(text="lu lut", secrecy=1)) == 1
    assert clerk.unindexed_count(DocumentQuery(text="lu lut", min_urgency=3)) == 0
    assert clerk.unindexed_count(DocumentQuery(text="lu lut", direction="outgoing")) == 0
    assert clerk.unindexed_count(DocumentQuery(direction="incoming")) == 0  # no text, no miss

    found = clerk.search_server(query)
    assert [r.id for r in found] == [plain["id"], secret["id"]]  # newest first, as here
    by_id = {r.id: r for r in found}
    assert by_id[secret["id"]].subject == "Phương án phòng chống lũ lụt"
    assert by_id[secret["id"]].secrecy == 1
    cached = clerk.search(DocumentQuery(direction="incoming", secrecy=0)).rows
    assert by_id[plain["id"]] == next(r for r in cached if r.id == plain["id"])  # same row
    urgent = clerk.search_server(DocumentQuery(text="lũ lụt", min_urgency=2))
    assert [r.id for r in urgent] == [secret["id"]]
    assert clerk.search_server(DocumentQuery(text="lũ lụt", direction="outgoing")) == []
