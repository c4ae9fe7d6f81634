"""The change feed's ETag and the first sync's snapshot on the real server: an idle poll is a
304 that another organisation's work never turns into a 200, and the snapshot is the feed's
upserts — nothing more — in one gzip stream that the server's own compression leaves alone."""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterator

import orjson
import pytest
import requests

from tests.fixtures.server import LiveServer
from tests.server.test_access import Caller


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("changes"))
    live.demo_data(60, 2, story=True)
    live.start()
    yield live
    live.stop()


def _head(caller: Caller) -> requests.Response:
    """The last page of the caller's feed (its ETag names the position nothing moved past)."""
    reply = caller.get("/changes?updated_since=0&limit=1000")
    while reply.json()["has_more"]:
        reply = caller.get(f"/changes?updated_since={reply.json()['next_since']}&limit=1000")
    return reply


def _poll(caller: Caller, last: requests.Response) -> requests.Response:
    since = last.json()["next_since"]
    return caller.get(
        f"/changes?updated_since={since}", headers={"If-None-Match": last.headers["ETag"]}
    )


def test_an_idle_poll_is_a_304_until_something_visible_changes(server: LiveServer) -> None:
    clerk, outsider = Caller(server, "clerk"), Caller(server, "other_clerk")
    last = _head(clerk)
    assert last.headers["ETag"] == f'W/"c{last.json()["next_since"]}"'
    idle = _poll(clerk, last)
    assert (idle.status_code, idle.content, idle.headers["ETag"]) == (
        304,
        b"",
        last.headers["ETag"],
    )
    assert "private" in idle.headers["Cache-Control"]

    outsider.create(subject="Việc riêng của Sở Tài chính")  # another organisation's work
    assert _poll(clerk, last).status_code == 304  # tells the clerk nothing

    mine = clerk.create(subject=f"Giấy mời họp {uuid.uuid4().hex[:6]}")
    moved = _poll(clerk, last)
    assert moved.status_code == 200 and moved.headers["ETag"] != last.headers["ETag"]
    assert [c["document_id"] for c in moved.json()["changes"]] == [mine["id"]]
    assert _poll(clerk, moved).status_code == 304
    wrong = clerk.get(
        f"/changes?updated_since={moved.json()['next_since']}", headers={"If-None-Match": 'W/"c1"'}
    )
    assert wrong.status_code == 200 and wrong.json()["changes"] == []  # not its tag: answered


def test_a_secret_document_moves_the_tag_exactly_as_the_feed_says(server: LiveServer) -> None:
    """The ETag follows the user's feed, and the feed sends a tombstone for a secret document
    of their organisation: the 200 says no more than that tombstone does."""
    clerk, specialist = Caller(server, "clerk"), Caller(server, "specialist")
    last = _head(specialist)
    secret = clerk.create(subject=f"Kế hoạch tối mật {uuid.uuid4().hex[:6]}", secrecy=2)
    moved = _poll(specialist, last)
    assert moved.status_code == 200
    assert [(c["document_id"], c["kind"], c["document"]) for c in moved.json()["changes"]] == [
        (secret["id"], "delete", None)
    ]
    assert secret["subject"] not in moved.text


def _snapshot(caller: Caller, after: int = 0) -> list[dict]:
    reply = caller.get(f"/changes/snapshot?after={after}")
    assert reply.status_code == 200, reply.text
    return [orjson.loads(line) for line in reply.content.splitlines()]


def _feed_upserts(caller: Caller) -> dict[int, dict]:
    found: dict[int, dict] = {}
    since, more = 0, True
    while more:
        page = caller.get(f"/changes?updated_since={since}&limit=1000").json()
        for change in page["changes"]:
            if change["kind"] == "upsert":
                found[change["document_id"]] = change["document"]
            else:
                found.pop(change["document_id"], None)
        since, more = page["next_since"], page["has_more"]
    return found


@pytest.mark.parametrize("role", ["clerk", "leader", "specialist", "other_clerk"])
def test_the_snapshot_is_what_the_feed_sends_as_upserts(server: LiveServer, role: str) -> None:
    caller = Caller(server, role)
    header, *documents, trailer = _snapshot(caller)
    feed = _feed_upserts(caller)
    assert header == {"snapshot": 1, "position": _head(caller).json()["next_since"]}
    assert trailer == {"end": True, "count": len(documents), "position": header["position"]}
    assert [d["id"] for d in documents] == sorted(feed)  # id order, each once
    assert {d["id"]: d for d in documents} == feed  # the feed's own records
    assert all(d["organisation_id"] == caller.me["organisation_id"] for d in documents)
    tail = _snapshot(caller, after=documents[len(documents) // 2]["id"])[1:-1]
    assert tail == documents[len(documents) // 2 + 1 :]  # a cut-off one resumes past an id


def test_a_document_secret_to_someone_else_never_arrives(server: LiveServer) -> None:
    specialist, colleague = Caller(server, "specialist"), Caller(server, "clerk")
    secret = specialist.create(
        direction="outgoing", subject=f"Dự thảo mật {uuid.uuid4().hex[:6]}", secrecy=1
    )
    leader, outsider = Caller(server, "leader"), Caller(server, "other_leader")
    assert secret["id"] in {d.get("id") for d in _snapshot(specialist)}  # its author's
    assert secret["id"] in {d.get("id") for d in _snapshot(leader)}  # the leaders'
    for caller in (colleague, outsider):
        reply = caller.get("/changes/snapshot")
        assert secret["subject"] not in reply.text
        assert secret["id"] not in {d.get("id") for d in _snapshot(caller)}


def test_the_snapshot_is_compressed_once_and_only_when_asked(server: LiveServer) -> None:
    headers = server.headers("clerk")
    url = f"{server.api_url}/changes/snapshot"
    with requests.get(url, headers={**headers, "Accept-Encoding": "gzip"}, stream=True) as zipped:
        assert zipped.headers["Content-Encoding"] == "gzip"  # not "gzip, gzip"
        assert zipped.headers["Content-Type"] == "application/x-ndjson"
        assert "Accept-Encoding" in zipped.headers["Vary"]
        wire = zipped.raw.read(decode_content=False)
    text = gzip.decompress(wire)  # one layer: NDJSON inside
    assert text.startswith(b'{"snapshot":1,') and text.endswith(b"}\n")
    plain = requests.get(url, headers={**headers, "Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and plain.content == text
    assert len(wire) * 5 < len(text)


def test_the_snapshot_needs_a_sign_in_and_a_sane_position(server: LiveServer) -> None:
    url = f"{server.api_url}/changes/snapshot"
    assert requests.get(url, timeout=10).status_code == 401
    headers = server.headers("clerk")
    assert requests.get(f"{url}?after=-1", headers=headers, timeout=10).status_code == 422
    beyond = requests.get(f"{url}?after={2**62}", headers=headers, timeout=10)
    assert beyond.status_code == 200 and len(beyond.content.splitlines()) == 2
