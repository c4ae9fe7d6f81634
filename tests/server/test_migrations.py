"""Migrations, tested by upgrading databases filled by the previous release (issue 30).

``tests/fixtures/schema/`` holds what release 366c00d (schema 0014) made with its own
``demo-data`` — SQLite's file and PostgreSQL's plain dump, the stored files, and what its server
answered for every document. The current server starts on them (its migrations run at start, to
whatever the head is now) and must keep every row, answer every document as before to the same
reader, serve every file with its hash, and let every demo account sign in.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from server.seed import DEMO_USERS
from tests.fixtures.previous_release import (
    Release,
    Unpacked,
    contains,
    head_revision,
    releases,
    row_counts,
    schema_revision,
    unpack,
)
from tests.fixtures.server import ROOT, LiveServer

_names = itertools.count()

EXACT = ("organisations", "users", "documents", "versions", "blobs", "registers", "assignments")
"""Tables whose rows no migration may add or remove; every other table may only grow."""
DROPPED = {"exchange_agent_lease": "0015: a lease lasts seconds; job_leases holds every job's"}
"""A table a migration drops on purpose, with the reason."""


@pytest.fixture(params=releases(), ids=str)
def previous(request: pytest.FixtureRequest, tmp_path: Path) -> Unpacked:
    release: Release = request.param
    pg = request.getfixturevalue("postgres_server") if release.database == "postgres" else None
    return unpack(release, tmp_path / "data", pg, f"previous_{next(_names)}")


def _session(server: LiveServer, username: str) -> requests.Session:
    password = next(u.password for u in DEMO_USERS if u.username == username)
    reply = requests.post(
        f"{server.api_url}/auth/login",
        json={"username": username, "password": password},
        timeout=30,
    )
    assert reply.status_code == 200, f"{username}: {reply.text}"
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {reply.json()['access_token']}"
    return session


def test_the_previous_release_upgrades_without_losing_anything(previous: Unpacked) -> None:
    assert schema_revision(previous.url) == previous.expected["revision"]
    before = row_counts(previous.url)
    assert before["documents"] == len(previous.expected["documents"]) > 20
    server = LiveServer(
        previous.data_dir,
        database_url=previous.database_url,
        extra_args=("--no-seed", "--scrub-interval-hours", "0"),
    ).start()
    try:
        assert schema_revision(previous.url) == head_revision()
        after = row_counts(previous.url)  # before anyone signs in (which adds rows)
        lost = {
            table: (count, after.get(table))
            for table, count in before.items()
            if table not in DROPPED
            and (
                after.get(table) is None
                or after[table] < count
                or (table in EXACT and after[table] != count)
            )
        }
        assert not lost, f"rows lost or invented by the migrations (before, after): {lost}"
        _every_document_as_before(server, previous.expected["documents"])
        old_users = set(before_usernames(previous.url))
        for user in DEMO_USERS:
            if user.username in old_users:
                _session(server, user.username)  # asserts the sign-in
    finally:
        server.stop()


def before_usernames(url: str) -> list[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [str(u) for u in conn.execute(text("SELECT username FROM users")).scalars()]
    finally:
        engine.dispose()


def _every_document_as_before(server: LiveServer, documents: dict[str, dict]) -> None:
    readers: dict[str, requests.Session] = {}
    files = 0
    for doc_id, old in documents.items():
        reader = readers.get(old["reader"]) or readers.setdefault(
            old["reader"], _session(server, old["reader"])
        )
        reply = reader.get(f"{server.api_url}/documents/{doc_id}", timeout=30)
        assert reply.status_code == old["status"], (doc_id, reply.text)
        changed = contains(reply.json(), old["body"], f"document {doc_id}")
        assert not changed, changed
        for version in old["body"]["versions"]:
            content = reader.get(
                f"{server.api_url}/documents/{doc_id}/versions/{version['number']}/content",
                timeout=30,
            )
            assert content.status_code == 200, (doc_id, version["number"], content.text)
            assert hashlib.sha256(content.content).hexdigest() == version["sha256"]
            files += 1
    assert files >= 10  # the fixture has files: the check above ran


def test_a_backup_of_the_previous_release_restores_upgraded(
    previous: Unpacked, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A backup taken before an upgrade (schema 0014) restores into this version: upgraded."""
    folder = tmp_path / "backup"
    backup = _admin("backup", str(folder), *_where(previous.data_dir, previous.database_url))
    assert backup.returncode == 0, backup.stderr
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["schema_revision"] == previous.expected["revision"]
    target_url = None
    if previous.database_url:
        target_url = request.getfixturevalue("postgres_server").create_database(
            f"restored_{next(_names)}"
        )
    restored = tmp_path / "restored"
    done = _admin("restore", str(folder), *_where(restored, target_url))
    assert done.returncode == 0, done.stderr
    assert f"{previous.expected['revision']} → {head_revision()}" in done.stdout
    url = target_url or f"sqlite:///{restored / 'server.db'}"
    assert schema_revision(url) == head_revision()
    server = LiveServer(restored, database_url=target_url, extra_args=("--no-seed",)).start()
    try:
        _every_document_as_before(server, previous.expected["documents"])
    finally:
        server.stop()


def _where(data_dir: Path, url: str | None) -> list[str]:
    return ["--data-dir", str(data_dir)] + (["--database-url", url] if url else [])


def _admin(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "admin", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
