"""One writer per upload: racing PATCHes never corrupt a blob, a damaged blob can be uploaded
again, and a server killed during a long PATCH resumes near where it was."""

from __future__ import annotations

import hashlib
import os
import threading
import time

import pytest
import requests

from tests.fixtures.server import LiveServer

OCTETS = "application/offset+octet-stream"


def _declare(server: LiveServer, headers: dict[str, str], data: bytes) -> dict:
    reply = requests.post(
        f"{server.api_url}/uploads",
        headers=headers,
        timeout=30,
        json={
            "filename": "q.pdf",
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "content_type": "application/pdf",
        },
    )
    assert reply.status_code in (200, 201), reply.text
    return reply.json()


def _slow(data: bytes, pause: float, chunk: int = 256 * 1024):  # type: ignore[no-untyped-def]
    for start in range(0, len(data), chunk):
        yield data[start : start + chunk]
        time.sleep(pause)


def _patch(
    server: LiveServer, headers: dict[str, str], upload_id: str, offset: int, body
) -> requests.Response:  # type: ignore[no-untyped-def]
    return requests.patch(
        f"{server.api_url}/uploads/{upload_id}",
        data=body,
        headers={**headers, "Upload-Offset": str(offset), "Content-Type": OCTETS},
        timeout=120,
    )


@pytest.fixture
def server(server_factory) -> LiveServer:  # type: ignore[no-untyped-def]
    return server_factory()


@pytest.mark.parametrize("stagger", [0.0, 0.01, 0.05, 0.12])
def test_racing_patches_never_corrupt_the_blob(server, stagger: float) -> None:
    headers = server.headers("archivist")
    for _round in range(3):
        good, bad = os.urandom(3 * 1024 * 1024), os.urandom(3 * 1024 * 1024)
        upload = _declare(server, headers, good)
        replies: dict[str, requests.Response] = {}

        def send(
            name: str,
            data: bytes,
            delay: float,
            upload_id: str = upload["id"],
            replies: dict[str, requests.Response] = replies,
        ) -> None:
            time.sleep(delay)
            try:
                replies[name] = _patch(server, headers, upload_id, 0, _slow(data, 0.002))
            except requests.ConnectionError:
                pass

        racers = [
            threading.Thread(target=send, args=("good", good, 0.0)),
            threading.Thread(target=send, args=("bad", bad, stagger)),
        ]  # wrong bytes, same upload
        for racer in racers:
            racer.start()
        for racer in racers:
            racer.join()
        state = requests.get(
            f"{server.api_url}/uploads/{upload['id']}", headers=headers, timeout=10
        ).json()
        if (
            state["status"] != "complete"
        ):  # the good bytes lost the race: send them again from the offset
            assert replies["bad"].status_code == 422  # the wrong bytes were caught, not stored
            retry = _patch(server, headers, upload["id"], 0, good)
            assert retry.status_code == 200 and retry.json()["status"] == "complete", retry.text
        stored = requests.get(
            f"{server.api_url}/files/{upload['sha256']}", headers=headers, timeout=30
        )
        assert hashlib.sha256(stored.content).hexdigest() == upload["sha256"]  # never a mix
        blob = (
            server.data_dir
            / "blobs"
            / upload["sha256"][:2]
            / upload["sha256"][2:4]
            / upload["sha256"]
        )
        assert hashlib.sha256(blob.read_bytes()).hexdigest() == upload["sha256"]
        codes = sorted(r.status_code for r in replies.values())
        assert 409 in codes or codes == [200, 422] or codes == [200, 200], codes


def test_a_damaged_blob_is_quarantined_and_uploaded_again(server) -> None:
    headers = server.headers("archivist")
    data = os.urandom(200_000)
    upload = _declare(server, headers, data)
    assert _patch(server, headers, upload["id"], 0, data).json()["status"] == "complete"
    sha = upload["sha256"]
    blob = server.data_dir / "blobs" / sha[:2] / sha[2:4] / sha
    blob.write_bytes(data[:1000])  # a disk fault truncated it
    again = _declare(server, headers, data)
    assert (
        again["status"] == "pending" and not again["duplicate"]
    )  # not "duplicate": it can be sent
    assert _patch(server, headers, again["id"], 0, data).json()["status"] == "complete"
    assert blob.read_bytes() == data
    assert list((server.data_dir / "blobs" / "quarantine").iterdir())  # the bad copy kept aside


def test_a_server_killed_during_a_long_patch_resumes_near_where_it_was(server) -> None:
    headers = server.headers("archivist")
    data = os.urandom(48 * 1024 * 1024)
    upload = _declare(server, headers, data)
    sent = {"bytes": 0}

    def body():  # type: ignore[no-untyped-def]
        chunk = 1024 * 1024
        for start in range(0, len(data), chunk):
            if start >= 40 * 1024 * 1024:
                time.sleep(30)  # hold the connection open while the server dies
            sent["bytes"] = start
            yield data[start : start + chunk]

    def patch() -> None:
        try:
            _patch(server, headers, upload["id"], 0, body())
        except requests.RequestException:
            pass

    worker = threading.Thread(target=patch, daemon=True)
    worker.start()
    deadline = time.monotonic() + 60
    while sent["bytes"] < 40 * 1024 * 1024 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    server.kill()
    server.start()
    state = requests.get(
        f"{server.api_url}/uploads/{upload['id']}", headers=headers, timeout=10
    ).json()
    assert state["offset"] >= 32 * 1024 * 1024, state  # the last checkpoint, not zero
    done = _patch(server, headers, upload["id"], state["offset"], data[state["offset"] :])
    assert done.status_code == 200 and done.json()["status"] == "complete", done.text
    stored = requests.get(f"{server.api_url}/files/{upload['sha256']}", headers=headers, timeout=60)
    assert stored.content == data
