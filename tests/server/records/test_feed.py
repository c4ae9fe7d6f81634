"""The case files' change feed (``/case-file-changes``) and the idempotent document links the
desktop's outbox sends, on the real server (SQLite and PostgreSQL, one server per module).

The feed carries a file to everyone who sees it as an upsert with the documents they may read
(a Tối mật letter stays out, its DocOrdinal still counted), and as a tombstone to whoever stops
seeing it; every change moves the file past the reader's position; another organisation sees
nothing. A document put in with an Idempotency-Key twice is linked once."""

from __future__ import annotations

from typing import Any

from tests.fixtures.server import LiveServer
from tests.server.records.helpers import Caller, days_ago


def _feed(caller: Caller, since: int = 0) -> dict[str, Any]:
    return caller.ok("GET", "/case-file-changes", params={"updated_since": since, "limit": 500})


def _latest(page: dict[str, Any], file_id: int) -> dict[str, Any]:
    return [c for c in page["changes"] if c["case_file_id"] == file_id][-1]


def test_the_feed_carries_files_to_who_sees_them_and_tombstones_to_who_stops(
    server: LiveServer,
) -> None:
    specialist, colleague = Caller(server, "chuyenvien"), Caller(server, "vanthu")
    archivist, other = Caller(server, "luutru"), Caller(server, "vanthu.stc")
    start = _feed(specialist)["next_since"]
    colleague_start = _feed(colleague)["next_since"]
    plain = specialist.document(subject="Báo cáo quý", direction="outgoing", page_amount=3)
    secret = colleague.document(subject="Công văn mật", secrecy=2)
    made = specialist.ok(
        "POST",
        "/case-files",
        201,
        json={
            "title": "Hồ sơ báo cáo quý",
            "notation": "FEED.01",
            "maintenance": "10 năm",
            "start_date": days_ago(30),
        },
    )
    file_id = made["id"]
    path = f"/case-files/{file_id}"
    # a Tối mật letter shared with the specialist joins the file too
    colleague.ok(
        "POST", f"/documents/{secret['id']}/grants", 201, json={"user_id": specialist.me["id"]}
    )
    for doc in (plain, secret):
        specialist.ok("POST", f"{path}/documents", 201, json={"document_id": doc["id"]})
    page = _feed(specialist, start)
    change = _latest(page, file_id)
    assert change["kind"] == "upsert" and change["seq"] > start
    record = change["case_file"]
    assert record["code"].endswith(".FEED.01") and record["revision"] == change["seq"]
    assert [(d["document_id"], d["ordinal"]) for d in record["documents"]] == [
        (plain["id"], 1),
        (secret["id"], 2),
    ]
    archive = _latest(_feed(archivist), file_id)  # the archive sees every file, not the letter
    assert archive["kind"] == "upsert"
    assert [d["document_id"] for d in archive["case_file"]["documents"]] == [plain["id"]]

    # restricted: the colleague is not a reader → a tombstone; named a reader → an upsert
    assert _latest(_feed(colleague, colleague_start), file_id)["kind"] == "delete"
    specialist.ok("PATCH", path, json={"readers": [colleague.me["id"]]})
    named = _latest(_feed(colleague, colleague_start), file_id)
    assert named["kind"] == "upsert" and named["case_file"]["readers"] == [colleague.me["id"]]
    position = _feed(colleague, colleague_start)["next_since"]
    specialist.ok("PATCH", path, json={"readers": []})
    after = _feed(colleague, position)
    assert [(c["case_file_id"], c["kind"]) for c in after["changes"]] == [(file_id, "delete")]
    assert after["changes"][0]["case_file"] is None
    assert _feed(colleague, after["next_since"])["changes"] == []  # nothing new: an empty page

    # another organisation: nothing of it, ever
    assert all(c["case_file_id"] != file_id for c in _feed(other)["changes"])


def test_a_document_linked_twice_under_one_key_is_linked_once(server: LiveServer) -> None:
    specialist = Caller(server, "chuyenvien")
    doc = specialist.document(subject="Tờ trình", direction="outgoing")
    other_doc = specialist.document(subject="Tờ trình khác", direction="outgoing")
    made = specialist.ok(
        "POST",
        "/case-files",
        201,
        json={"title": "Hồ sơ tờ trình", "notation": "IDEM.01", "maintenance": "Vĩnh viễn"},
    )
    path = f"/case-files/{made['id']}/documents"
    key = {"Idempotency-Key": "outbox-add-1"}
    first = specialist.post(path, json={"document_id": doc["id"]}, headers=key)
    again = specialist.post(path, json={"document_id": doc["id"]}, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replay") == "true"
    assert [d["document_id"] for d in again.json()["documents"]] == [doc["id"]]
    adds = [e for e in again.json()["events"] if e["action"] == "add_document"]
    assert len(adds) == 1
    # the same key for another request is refused, not replayed
    specialist.refused(
        "POST",
        path,
        422,
        "idempotency_key_reused",
        json={"document_id": other_doc["id"]},
        headers=key,
    )
    # without a key, a second add is the duplicate it is
    specialist.refused("POST", path, 409, "duplicate", json={"document_id": doc["id"]})
    gone = {"Idempotency-Key": "outbox-remove-1"}
    assert specialist.delete(f"{path}/{doc['id']}", headers=gone).status_code == 204
    replay = specialist.delete(f"{path}/{doc['id']}", headers=gone)
    assert replay.status_code == 204 and replay.headers.get("Idempotent-Replay") == "true"
    detail = specialist.ok("GET", f"/case-files/{made['id']}")
    assert detail["documents"] == []
    assert [e["action"] for e in detail["events"]].count("remove_document") == 1
