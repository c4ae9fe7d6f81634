"""Steps that race, on SQLite and PostgreSQL: at one revision exactly one is applied and the rest
are 409; registration numbers stay consecutive; identical idempotent requests give one result
and replays, never a 500; an Idempotency-Key is bound to the step it was first used for."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.server.test_access import Caller


def race(count: int, send: Callable[[int], requests.Response]) -> list[requests.Response]:
    """``count`` requests released at the same instant, each on its own connection."""
    start = threading.Barrier(count)

    def one(i: int) -> requests.Response:
        start.wait()
        return send(i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def step(
    caller: Caller, doc: dict, action: str, key: str | None = None, **body
) -> requests.Response:  # type: ignore[no-untyped-def]
    headers = {"If-Match": f'"{doc["revision"]}"'}
    if key:
        headers["Idempotency-Key"] = key
    return caller.request(
        "POST", f"/documents/{doc['id']}/actions", json={"action": action, **body}, headers=headers
    )


def codes(replies: list[requests.Response]) -> Counter[int]:
    return Counter(r.status_code for r in replies)


def presented(server) -> tuple[Caller, Caller, dict]:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    doc = clerk.create(subject=f"Công văn {uuid.uuid4().hex[:6]}")
    reply = step(clerk, doc, "present", to=[leader.me["id"]])
    assert reply.status_code == 200, reply.text
    return clerk, leader, reply.json()


def test_concurrent_steps_at_one_revision_apply_exactly_once(server) -> None:  # type: ignore[no-untyped-def]
    _, leader, doc = presented(server)
    specialist = Caller(server, "specialist")
    replies = race(
        6, lambda i: step(leader, doc, "assign", lead=specialist.me["id"], comment=f"Lần {i}")
    )
    assert codes(replies) == {200: 1, 409: 5}, [r.text for r in replies]
    final = leader.get(f"/documents/{doc['id']}").json()
    leads = [a for a in final["assignments"] if a["kind"] == "lead" and a["state"] == "active"]
    assert len(leads) == 1
    assert [t["action"] for t in final["trace"]].count("assign") == 1
    refused = next(r for r in replies if r.status_code == 409).json()["error"]
    assert "tải lại" in refused["message_vi"] and "reload" in refused["message_en"]


def test_one_arrived_document_registered_at_once_takes_one_number(server) -> None:  # type: ignore[no-untyped-def]
    clerk, archivist = Caller(server, "clerk"), Caller(server, "archivist")
    doc = archivist.create(subject="Bản quét chờ vào sổ", status="arrived")
    replies = race(5, lambda _: step(clerk, doc, "register"))
    assert codes(replies) == {200: 1, 409: 4}, [r.text for r in replies]
    registered = next(r for r in replies if r.status_code == 200).json()
    following = archivist.create(subject="Bản quét tiếp theo", status="arrived")
    after = step(clerk, following, "register").json()
    assert after["arrival_number"] == registered["arrival_number"] + 1  # no number lost


def test_simultaneous_registrations_take_consecutive_numbers(server) -> None:  # type: ignore[no-untyped-def]
    clerk, archivist = Caller(server, "clerk"), Caller(server, "archivist")
    scans = [archivist.create(subject=f"Bản quét {i}", status="arrived") for i in range(20)]
    replies = race(20, lambda i: step(clerk, scans[i], "register"))
    assert codes(replies) == {200: 20}, [r.text for r in replies if r.status_code != 200]
    numbers = sorted(r.json()["arrival_number"] for r in replies)
    assert numbers == list(range(numbers[0], numbers[0] + 20))


def test_identical_idempotent_steps_racing_give_one_result_and_replays(server) -> None:  # type: ignore[no-untyped-def]
    _, leader, doc = presented(server)
    specialist = Caller(server, "specialist")
    key = str(uuid.uuid4())
    replies = race(5, lambda _: step(leader, doc, "assign", key, lead=specialist.me["id"]))
    assert codes(replies) == {200: 5}, [r.text for r in replies]
    assert sum(r.headers.get("Idempotent-Replay") == "true" for r in replies) == 4
    assert len({r.json()["revision"] for r in replies}) == 1  # every answer is the one result
    final = leader.get(f"/documents/{doc['id']}").json()
    assert [t["action"] for t in final["trace"]].count("assign") == 1


def test_a_key_reused_for_another_step_is_refused_not_replayed(server) -> None:  # type: ignore[no-untyped-def]
    _, leader, doc = presented(server)
    specialist = Caller(server, "specialist")
    key = str(uuid.uuid4())
    first = step(leader, doc, "assign", key, lead=specialist.me["id"])
    assert first.status_code == 200, first.text
    doc = first.json()
    again = step(leader, doc, "note", key, comment="Đề nghị khẩn trương")
    assert again.status_code == 422, again.text
    assert again.json()["error"]["code"] == "idempotency_key_reused"
    different_body = step(leader, doc, "assign", key, lead=leader.me["id"])
    assert different_body.status_code == 422
    after = leader.get(f"/documents/{doc['id']}").json()
    assert after["revision"] == doc["revision"]  # nothing applied, nothing replayed as if it were
    retried = step(
        leader,
        {**doc, "revision": first.json()["revision"]},
        "assign",
        key,
        lead=specialist.me["id"],
    )
    assert retried.status_code == 200 and retried.headers.get("Idempotent-Replay") == "true"


def test_a_creation_key_is_bound_to_its_body(server) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"direction": "incoming", "subject": "Giấy mời họp"}
    first = clerk.request("POST", "/documents", json=body, headers=key)
    assert first.status_code == 201, first.text
    replay = clerk.request("POST", "/documents", json=body, headers=key)
    assert replay.status_code == 200 and replay.json()["id"] == first.json()["id"]
    other = clerk.request("POST", "/documents", json={**body, "subject": "Khác"}, headers=key)
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_key_reused"


def test_more_requests_at_once_than_threads_and_connections_are_all_answered(server) -> None:  # type: ignore[no-untyped-def]
    """150 readers at once — more than the server's 40 threads and 50 connections together: each
    request gives its connection back after signing in, so none waits on another (a request
    used to keep it while waiting for a thread, and all of them waited out the pool's timeout)."""
    clerk = Caller(server, "clerk")
    paths = ["/documents?limit=20", "/changes?updated_since=0&limit=20", "/auth/me"]
    replies = race(150, lambda i: clerk.get(paths[i % len(paths)]))
    assert codes(replies) == {200: 150}, [r.text for r in replies if r.status_code != 200][:3]
