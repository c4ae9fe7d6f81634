"""Resumable uploads from several threads at once, each on its own connection, against the
real server on loopback."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from client.api import ApiClient
from client.errors import AuthError
from client.transfer import own_connection


def archivist(server) -> ApiClient:  # type: ignore[no-untyped-def]
    client = ApiClient(server.base_url)
    client.login(*server.credentials("archivist"))
    return client


def test_own_connection_keeps_server_tls_and_sign_in_but_not_the_session(live_server) -> None:
    client = archivist(live_server)
    twin = own_connection(client)
    assert twin.session is not client.session
    assert twin.session.verify is True and twin.session.verify == client.session.verify
    assert twin.session.headers["User-Agent"] == client.session.headers["User-Agent"]
    assert twin.api_url == client.api_url and twin.token == client.token
    assert twin.me().username == "luutru"
    twin.token = None  # signing the copy out leaves the original signed in
    assert client.me().username == "luutru"
    with pytest.raises(AuthError):
        twin.me()


def test_parallel_uploads_each_on_its_own_connection(live_server, tmp_path: Path) -> None:
    """Four threads declare and send at once, each through its own session: every file
    arrives whole, and no thread ever used another thread's session."""
    client = archivist(live_server)
    files = []
    for i in range(8):
        path = tmp_path / f"song song {i}.pdf"
        path.write_bytes(os.urandom(700_000 + i))
        files.append(path)
    results: dict[str, str] = {}
    sessions: dict[int, set[int]] = {}
    lock = threading.Lock()

    def work(paths: list[Path]) -> None:
        connection = own_connection(client)
        for path in paths:
            declared = connection.declare_upload(path)
            uploaded = connection.send_upload(declared)
            with lock:
                results[path.name] = uploaded.sha256
                sessions.setdefault(threading.get_ident(), set()).add(id(connection.session))

    threads = [threading.Thread(target=work, args=(files[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    for path in files:
        assert results[path.name] == hashlib.sha256(path.read_bytes()).hexdigest()
        back = client.download(results[path.name], tmp_path / "back" / path.name)
        assert back.read_bytes() == path.read_bytes()
    assert all(len(ids) == 1 for ids in sessions.values())  # one session per thread
    assert len(set().union(*sessions.values())) == 4  # and none shared
