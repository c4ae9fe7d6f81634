"""``admin backup`` / ``admin restore`` (issue 30, Decree 30 Appendix VI III.5.g, IV.1.e), on
SQLite and PostgreSQL, as an operator runs them: a backup taken while another thread keeps creating
documents and uploading files through the API, restored into a fresh data folder, served by a new
server that answers every document of the snapshot as the original does and serves every file
with its hash; a tampered backup and a non-empty target are refused; a full disk, an unreadable
database and a missing ``pg_dump`` are told in both languages."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from server.seed import DEMO_USERS
from tests.fixtures.server import ROOT, LiveServer

_names = itertools.count()
LEADERS = {u.organisation: u.username for u in DEMO_USERS if u.role == "leader"}


def admin(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "admin", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def where(data_dir: Path, url: str | None) -> list[str]:
    return ["--data-dir", str(data_dir)] + (["--database-url", url] if url else [])


def url_of(server: LiveServer) -> str:
    return server.database_url or f"sqlite:///{server.data_dir / 'server.db'}"


def query(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql))]
    finally:
        engine.dispose()


def documents(url: str) -> dict[int, str]:
    """Every document's id and its organisation's code."""
    return dict(
        query(
            url,
            "SELECT d.id, o.code FROM documents d JOIN organisations o ON o.id = d.organisation_id",
        )
    )


class Writer(threading.Thread):
    """An archivist scanning papers without pause: each an upload carrying its document, and now
    and then a document typed in without a file."""

    def __init__(self, server: LiveServer) -> None:
        super().__init__(daemon=True)
        self.server = server
        self.stopping = threading.Event()
        self.created: list[tuple[float, int]] = []
        self.errors: list[str] = []

    def run(self) -> None:
        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {self.server.token('archivist')}"
        url = self.server.api_url
        rng = random.Random(30)
        for n in itertools.count():
            if self.stopping.is_set():
                return
            try:
                self.created.append((time.monotonic(), self._one(api, url, rng, n)))
            except Exception as exc:  # noqa: BLE001 - reported by the test, not lost in a thread
                self.errors.append(repr(exc))
                return

    def _one(self, api: requests.Session, url: str, rng: random.Random, n: int) -> int:
        subject = f"Bản quét trong lúc sao lưu số {n}"
        document = {"direction": "incoming", "subject": subject, "organ_name": "UBND huyện"}
        if n % 4 == 3:
            made = api.post(f"{url}/documents", json=document, timeout=30)
            assert made.status_code == 201, made.text
            return int(made.json()["id"])
        data = b"%PDF-1.4\n" + rng.randbytes(rng.randint(20_000, 150_000))
        sha = hashlib.sha256(data).hexdigest()
        declared = api.post(
            f"{url}/uploads",
            headers={"Idempotency-Key": f"backup-writer:{sha}"},
            json={
                "filename": f"quét {n}.pdf",
                "size": len(data),
                "sha256": sha,
                "document": document,
            },
            timeout=30,
        )
        assert declared.status_code == 201, declared.text
        done = api.patch(
            f"{url}/uploads/{declared.json()['id']}",
            data=data,
            headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
            timeout=30,
        )
        assert done.status_code == 200 and done.json()["document_created"], done.text
        return int(done.json()["document"]["id"])


@dataclass
class RoundTrip:
    source: LiveServer
    backup: Path
    manifest: dict
    before: set[int]
    """Documents that existed before the backup started: all of them must be restored."""
    during: int
    """Documents the writer finished while the backup ran."""
    restored: LiveServer
    restored_url: str
    writer_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def source(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    url = None
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_server").create_database(
            f"backup_source_{next(_names)}"
        )
    server = LiveServer(tmp_path_factory.mktemp(f"source-{request.param}"), database_url=url)
    server.demo_data(30, 12, story=True)
    server.start()
    yield server
    server.stop()


def _new_database(request: pytest.FixtureRequest, source: LiveServer) -> str | None:
    if source.database_url is None:
        return None
    return request.getfixturevalue("postgres_server").create_database(
        f"backup_target_{next(_names)}"
    )


@pytest.fixture(scope="module")
def round_trip(
    source: LiveServer, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RoundTrip]:
    writer = Writer(source)
    writer.start()
    while len(writer.created) < 3 and not writer.errors:
        time.sleep(0.05)
    before = set(documents(url_of(source)))
    folder = tmp_path_factory.mktemp("backups") / "first"
    started = time.monotonic()
    made = admin("backup", str(folder), *where(source.data_dir, source.database_url))
    ended = time.monotonic()
    time.sleep(0.5)  # and the writer goes on after the snapshot
    writer.stopping.set()
    writer.join(60)
    assert made.returncode == 0, made.stdout + made.stderr
    during = sum(1 for at, _ in writer.created if started <= at <= ended)
    target = tmp_path_factory.mktemp("restored") / "data"
    target_url = _new_database(request, source)
    done = admin("restore", str(folder), *where(target, target_url))
    assert done.returncode == 0, done.stdout + done.stderr
    restored = LiveServer(target, database_url=target_url).start()
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    yield RoundTrip(
        source,
        folder,
        manifest,
        before,
        during,
        restored,
        target_url or f"sqlite:///{target / 'server.db'}",
        writer.errors,
    )
    restored.stop()


def _reader(
    server: LiveServer, username: str, cache: dict[str, requests.Session]
) -> requests.Session:
    if username not in cache:
        password = next(u.password for u in DEMO_USERS if u.username == username)
        token = requests.post(
            f"{server.api_url}/auth/login",
            json={"username": username, "password": password},
            timeout=30,
        ).json()["access_token"]
        cache[username] = requests.Session()
        cache[username].headers["Authorization"] = f"Bearer {token}"
    return cache[username]


def test_a_backup_taken_while_writing_restores_every_document_and_file(
    round_trip: RoundTrip,
) -> None:
    trip = round_trip
    assert not trip.writer_errors
    assert trip.during >= 1, "the writer made no document while the backup ran"
    original = documents(url_of(trip.source))
    restored = documents(trip.restored_url)
    assert trip.before <= set(restored) <= set(original)  # one moment, nothing invented
    assert len(restored) == trip.manifest["counts"]["documents"]
    assert set(original) - set(restored), "documents made after the snapshot are not in it"
    assert (stat := trip.backup.stat()) and stat.st_mode & 0o777 == 0o700
    originals: dict[str, requests.Session] = {}
    copies: dict[str, requests.Session] = {}
    files = 0
    for doc_id, org in sorted(restored.items()):
        leader = LEADERS[org]
        old = _reader(trip.source, leader, originals).get(
            f"{trip.source.api_url}/documents/{doc_id}", timeout=30
        )
        new = _reader(trip.restored, leader, copies).get(
            f"{trip.restored.api_url}/documents/{doc_id}", timeout=30
        )
        assert (new.status_code, new.json()) == (old.status_code, old.json()), doc_id
        for version in new.json().get("versions", []):
            content = copies[leader].get(
                f"{trip.restored.api_url}/documents/{doc_id}/versions/{version['number']}/content",
                timeout=30,
            )
            assert content.status_code == 200, (doc_id, content.text)
            assert hashlib.sha256(content.content).hexdigest() == version["sha256"]
            files += 1
    assert files > trip.during
    stored = {sha for (sha,) in query(trip.restored_url, "SELECT sha256 FROM blobs")}
    assert stored == {b["sha256"] for b in trip.manifest["blobs"]}
    for entry in trip.manifest["blobs"]:
        sha = entry["sha256"]
        path = trip.restored.data_dir / "blobs" / sha[:2] / sha[2:4] / sha
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha


def test_postgresql_plans_a_filled_or_restored_database_by_its_statistics(
    round_trip: RoundTrip,
) -> None:
    """A bulk load leaves PostgreSQL without statistics until autovacuum comes round (a minute
    or more): meanwhile it reads a whole organisation for every list page. The demo's fill and
    the restore give them at once: an ANALYZE of ours, not autovacuum's (``last_analyze``;
    ``pg_restore``'s CREATE INDEX sets the row count, not the columns' statistics)."""
    if round_trip.source.database_url is None:
        return  # SQLite plans by its indexes alone
    sql = (
        "SELECT last_analyze IS NOT NULL, (SELECT count(*) FROM pg_stats WHERE "
        "tablename = 'documents' AND attname = 'organisation_id') "
        "FROM pg_stat_user_tables WHERE relname = 'documents'"
    )
    never = "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NULL ORDER BY relname"
    for url in (url_of(round_trip.source), round_trip.restored_url):
        assert query(url, sql) == [(True, 1)], url
        # every table of the schema, the exchange's and the archive's as well as the core's
        assert query(url, never) == [], url


def test_verify_says_a_good_backup_is_good_through_either_command(round_trip: RoundTrip) -> None:
    checked = admin("backup", "--verify", str(round_trip.backup))
    assert checked.returncode == 0 and "the backup is good" in checked.stdout
    server_cli = Path(sys.executable).parent / "vanthu-server"
    if server_cli.exists():  # the server-only install's own entry point
        alone = subprocess.run(
            [str(server_cli), "admin", "backup", "--verify", str(round_trip.backup)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert alone.returncode == 0, alone.stderr


@pytest.mark.parametrize("part", ["blob", "dump", "manifest"])
def test_a_tampered_backup_is_refused_by_verify_and_restore(
    round_trip: RoundTrip, part: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(round_trip.backup, copy)
    manifest = json.loads((copy / "manifest.json").read_text("utf-8"))
    if part == "manifest":  # a file's recorded hash no longer matches the file
        victim = manifest["blobs"][0]["sha256"]
        manifest["blobs"][0]["sha256"] = "0" * 64
        (copy / "manifest.json").write_text(json.dumps(manifest), "utf-8")
        named = "0" * 64
    else:
        sha = manifest["blobs"][-1]["sha256"]
        victim = f"blobs/{sha[:2]}/{sha[2:4]}/{sha}" if part == "blob" else manifest["dump"]["path"]
        data = bytearray((copy / victim).read_bytes())
        data[len(data) // 2] ^= 0x01  # one bit, same size: only the hash can tell
        (copy / victim).write_bytes(bytes(data))
        named = victim
    checked = admin("backup", "--verify", str(copy))
    assert checked.returncode == 1 and named in checked.stderr
    assert "DAMAGED" in checked.stderr and "HỎNG" in checked.stderr
    target = tmp_path / "restored"
    url = _new_database(request, round_trip.source)
    refused = admin("restore", str(copy), *where(target, url))
    assert refused.returncode == 1 and "nothing was restored" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not target.exists()  # nothing touched
    if url:
        assert query(
            url, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'"
        ) == [(0,)]


def test_restore_and_backup_refuse_a_place_that_is_not_empty(
    round_trip: RoundTrip, tmp_path: Path
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("đang dùng")
    refused = admin("restore", str(round_trip.backup), "--data-dir", str(busy))
    if round_trip.source.database_url is None:
        assert refused.returncode == 1 and "is not empty" in refused.stderr
        assert "không trống" in refused.stderr and sorted(os.listdir(busy)) == ["notes.txt"]
    if round_trip.source.database_url is not None:  # the source's own database has tables
        used = admin(
            "restore",
            str(round_trip.backup),
            *where(tmp_path / "fresh", round_trip.source.database_url),
        )
        assert used.returncode == 1 and "tables) is not empty" in used.stderr, used.stderr
        assert not (tmp_path / "fresh").exists()
    again = admin(
        "backup", str(busy), *where(round_trip.source.data_dir, round_trip.source.database_url)
    )
    assert again.returncode == 1 and "is not empty" in again.stderr
    assert sorted(os.listdir(busy)) == ["notes.txt"]


def test_an_incremental_backup_links_the_files_it_already_has(
    round_trip: RoundTrip, tmp_path: Path
) -> None:
    source = round_trip.source
    data = b"%PDF-1.4\n" + os.urandom(40_000)
    sha = hashlib.sha256(data).hexdigest()
    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {source.token('archivist')}"
    declared = api.post(
        f"{source.api_url}/uploads",
        json={"filename": "mới.pdf", "size": len(data), "sha256": sha},
        timeout=30,
    ).json()
    api.patch(
        f"{source.api_url}/uploads/{declared['id']}",
        data=data,
        headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        timeout=30,
    ).raise_for_status()
    second = tmp_path / "second"
    made = admin(
        "backup",
        str(second),
        "--since",
        str(round_trip.backup),
        *where(source.data_dir, source.database_url),
    )
    assert made.returncode == 0, made.stderr
    manifest = json.loads((second / "manifest.json").read_text("utf-8"))
    previous = {b["sha256"] for b in round_trip.manifest["blobs"]}
    current = {b["sha256"] for b in manifest["blobs"]}
    assert sha in current and previous < current
    new = len(current - previous)
    assert f"{new} chép / copied" in made.stdout
    assert f"{len(previous)} liên kết từ bản trước" in made.stdout
    old = next(iter(previous))
    relative = Path("blobs", old[:2], old[2:4], old)
    assert (second / relative).stat().st_ino == (round_trip.backup / relative).stat().st_ino
    assert admin("backup", "--verify", str(second)).returncode == 0


@pytest.fixture(scope="module")
def stopped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite data folder with documents and files, no server: for the failures, which are the
    same code on both databases."""
    server = LiveServer(tmp_path_factory.mktemp("stopped"))
    server.demo_data(10, 6)
    return server.data_dir


def test_a_full_disk_leaves_only_a_folder_marked_incomplete(stopped: Path, tmp_path: Path) -> None:
    """A small file system of its own (tmpfs in a private mount namespace): the dump fits, the
    files do not."""
    unshare = shutil.which("unshare")
    mount = tmp_path / "small"
    mount.mkdir()
    probe = [
        unshare or "unshare",
        "--mount",
        "--map-root-user",
        "sh",
        "-c",
        f"mount -t tmpfs -o size=64k tmpfs {mount}",
    ]
    if unshare is None or subprocess.run(probe, capture_output=True).returncode != 0:
        pytest.skip("cannot mount a private tmpfs here (unshare, user namespaces)")
    dump_kb = (stopped / "server.db").stat().st_size // 1024
    script = f"""
        mount -t tmpfs -o size={dump_kb + 400}k tmpfs {mount}
        "$PY" {ROOT / "main.py"} admin backup {mount}/b --data-dir {stopped}
        echo "backup-exit=$?"
        echo "left=$(ls -A {mount}/b | tr '\\n' ' ')"
        echo "used-kb=$(du -sk {mount}/b | cut -f1)"
        "$PY" {ROOT / "main.py"} admin backup --verify {mount}/b
        echo "verify-exit=$?"
        "$PY" {ROOT / "main.py"} admin restore {mount}/b --data-dir {tmp_path / "restored"}
        echo "restore-exit=$?"
    """
    ran = subprocess.run(
        [unshare, "--mount", "--map-root-user", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PY": sys.executable},
    )
    out = dict(
        line.split("=", 1)
        for line in ran.stdout.splitlines()
        if "=" in line and " " not in line.split("=")[0]
    )
    assert out["backup-exit"] == "1", ran.stdout + ran.stderr
    assert "The disk is full" in ran.stderr and "Hết chỗ trống trên đĩa" in ran.stderr
    assert out["left"].split() == ["INCOMPLETE"]  # what was written is gone, the marker stays
    assert int(out["used-kb"]) < 64
    assert out["verify-exit"] == "1" and "this backup never finished" in ran.stderr
    assert out["restore-exit"] == "1" and "Traceback" not in ran.stderr
    assert not (tmp_path / "restored").exists()


def test_an_unreadable_database_is_a_clear_message(stopped: Path, tmp_path: Path) -> None:
    """Run as an account that may not read the data (root without its override of file
    permissions, or any other account)."""
    data = tmp_path / "data"
    shutil.copytree(stopped, data)
    os.chmod(data / "server.db", 0)
    command = [sys.executable, str(ROOT / "main.py"), "admin", "backup", str(tmp_path / "b")]
    command += ["--data-dir", str(data)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to drop root's override of file permissions")
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    try:
        ran = subprocess.run(command, capture_output=True, text=True, timeout=120)
    finally:
        os.chmod(data / "server.db", 0o600)
    assert ran.returncode == 1, ran.stdout + ran.stderr
    assert "No permission to access" in ran.stderr and "Không có quyền" in ran.stderr
    assert "Traceback" not in ran.stderr and not (tmp_path / "b").exists()


def test_postgres_tools_get_the_password_from_their_environment_only(
    postgres_server, tmp_path: Path
) -> None:
    """``pg_dump`` missing is told in both languages; a present one never sees the password on
    its command line (where every account of the machine could read it)."""
    source = LiveServer(
        tmp_path / "data", database_url=postgres_server.create_database(f"tools_{next(_names)}")
    )
    source.demo_data(4, 2)
    assert source.database_url is not None
    missing = admin(
        "backup",
        str(tmp_path / "none"),
        *where(source.data_dir, source.database_url),
        env={"VANTHU_PG_BIN": str(tmp_path / "no-such-folder")},
    )
    assert missing.returncode == 1 and "pg_dump was not found" in missing.stderr
    assert "Không tìm thấy chương trình pg_dump" in missing.stderr
    assert not (tmp_path / "none").exists()
    from tests.fixtures.postgres import _bin_dir

    real = _bin_dir()
    assert real is not None
    spy = tmp_path / "bin"
    spy.mkdir()
    seen = tmp_path / "seen.txt"
    (spy / "pg_dump").write_text(
        f'#!/bin/sh\necho "args: $*" >> {seen}\n'
        f'[ -n "$PGPASSWORD" ] && echo "env: password given" >> {seen}\n'
        f'exec {real / "pg_dump"} "$@"\n'
    )
    os.chmod(spy / "pg_dump", 0o755)
    password = source.database_url.split(":")[2].split("@")[0]
    made = admin(
        "backup",
        str(tmp_path / "b"),
        *where(source.data_dir, source.database_url),
        env={"VANTHU_PG_BIN": str(spy)},
    )
    assert made.returncode == 0, made.stderr
    args, env = seen.read_text().splitlines()
    assert args.startswith("args: --format=custom") and f":{password}@" not in args
    assert "password=" not in args and env == "env: password given"


def test_files_on_s3_are_backed_up_and_restored_into_another_bucket(tmp_path: Path) -> None:
    """The same commands on the S3 store (an S3-compatible server on loopback): the files are read
    and written only through the store's interface."""
    from tests.fixtures.s3 import running_s3

    with running_s3(tmp_path / "moto") as s3:
        store = ("--s3-endpoint-url", s3.endpoint_url)
        old, new = s3.bucket("source"), s3.bucket("restored")
        source = LiveServer(
            tmp_path / "source", extra_args=("--blob-store", f"s3://{old}/tinh", *store), env=s3.env
        ).start()
        try:
            writer = Writer(source)
            writer.start()
            while len(writer.created) < 6 and not writer.errors:
                time.sleep(0.05)
            writer.stopping.set()
            writer.join(60)
            assert not writer.errors
            folder = tmp_path / "backup"
            made = admin(
                "backup", str(folder), "--data-dir", str(source.data_dir),
                "--blob-store", f"s3://{old}/tinh", *store, env=s3.env,
            )  # fmt: skip
            assert made.returncode == 0, made.stderr
            restored_dir = tmp_path / "restored"
            done = admin(
                "restore", str(folder), "--data-dir", str(restored_dir),
                "--blob-store", f"s3://{new}/tinh", *store, env=s3.env,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
        finally:
            source.stop()
        manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
        keys = s3.client().list_objects_v2(Bucket=new, Prefix="tinh/").get("Contents", [])
        assert sorted(k["Key"].rsplit("/", 1)[1] for k in keys) == sorted(
            b["sha256"] for b in manifest["blobs"]
        )
        restored = LiveServer(
            restored_dir, extra_args=("--blob-store", f"s3://{new}/tinh", *store), env=s3.env
        ).start()
        try:
            api = requests.Session()
            api.headers["Authorization"] = f"Bearer {restored.token('archivist')}"
            files = 0
            for _, doc_id in writer.created:
                doc = api.get(f"{restored.api_url}/documents/{doc_id}", timeout=30).json()
                for version in doc["versions"]:
                    content = api.get(
                        f"{restored.api_url}/documents/{doc_id}/versions/{version['number']}/content",
                        timeout=30,
                    )
                    assert hashlib.sha256(content.content).hexdigest() == version["sha256"]
                    files += 1
            assert files >= 4
        finally:
            restored.stop()


def test_a_backup_made_by_a_newer_version_is_refused_before_anything_is_written(
    round_trip: RoundTrip, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(round_trip.backup, copy)
    manifest = json.loads((copy / "manifest.json").read_text("utf-8"))
    manifest["schema_revision"] = "0999"
    (copy / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    url = _new_database(request, round_trip.source)
    refused = admin("restore", str(copy), *where(tmp_path / "restored", url))
    assert refused.returncode == 1 and "made by a newer version (schema 0999)" in refused.stderr
    assert not (tmp_path / "restored").exists()
