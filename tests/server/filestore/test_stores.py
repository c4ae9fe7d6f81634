"""The file-store contract, the same on the folder store and on S3 (moto over loopback HTTP)."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from server.db import Database
from server.models import Blob
from server.scrub import scrub_blobs
from tests.server.filestore.conftest import Backend


def _temp(backend: Backend, data: bytes, name: str = "incoming") -> tuple[Path, str]:
    """A verified file waiting to be adopted, where the server keeps its temp files."""
    path = backend.store.scratch / f"{name}-{os.urandom(4).hex()}"
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def _read(backend: Backend, sha: str, **window: int) -> bytes:
    with backend.store.open(sha, **window) as fh:
        return fh.read()


def test_adopt_then_exists_size_and_open_round_trip(backend: Backend) -> None:
    store = backend.store
    data = os.urandom(100_000)
    source, sha = _temp(backend, data)
    assert not store.exists(sha) and store.size(sha) is None
    store.adopt(source, sha)
    assert not source.exists()  # moved in
    assert store.exists(sha) and store.size(sha) == len(data)
    assert _read(backend, sha) == data
    assert _read(backend, sha, start=10, end=100) == data[10:100]
    assert _read(backend, sha, start=99_990) == data[99_990:]
    with pytest.raises(FileNotFoundError):
        store.open("0" * 64)
    with pytest.raises(FileNotFoundError):
        store.open("../../etc/passwd")  # never a path
    assert not store.exists("not-a-digest") and store.size("not-a-digest") is None
    stamp = "ĐẾN số 12".encode()
    assert store.put_bytes(stamp) == hashlib.sha256(stamp).hexdigest()
    assert _read(backend, hashlib.sha256(stamp).hexdigest()) == stamp
    assert "secret" not in store.describe().lower()


def test_adopting_the_same_bytes_twice_is_harmless(backend: Backend) -> None:
    data = os.urandom(5000)
    first, sha = _temp(backend, data, "first")
    second, _ = _temp(backend, data, "second")
    backend.store.adopt(first, sha)
    backend.store.adopt(second, sha, synced=True)
    assert not first.exists() and not second.exists()
    assert _read(backend, sha) == data
    assert backend.store.put_bytes(data) == sha


def test_a_20_mb_file_is_stored_and_read_back_as_a_stream(backend: Backend) -> None:
    data = os.urandom(20 * 1024 * 1024)  # above the 8 MB part size: multipart on S3
    source, sha = _temp(backend, data)
    backend.store.adopt(source, sha)
    assert backend.store.size(sha) == len(data)
    digest, reads, largest = hashlib.sha256(), 0, 0
    with backend.store.open(sha) as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            reads += 1
            largest = max(largest, len(block))
    assert digest.hexdigest() == sha
    assert reads >= 20 and largest <= 1 << 20  # streamed, never one 20 MB read


def test_intact_size_and_quarantine(backend: Backend) -> None:
    store = backend.store
    data = os.urandom(3000)
    source, sha = _temp(backend, data)
    assert store.intact_size(sha, 3000)  # nothing stored: nothing damaged
    store.adopt(source, sha)
    assert store.intact_size(sha, 3000)
    backend.corrupt(sha, data[:1000])  # a fault truncated it
    assert not store.intact_size(sha, 3000)
    store.quarantine(sha)
    assert not store.exists(sha)
    assert [name.split("-")[0] for name in backend.quarantined()] == [sha]  # kept aside
    store.quarantine(sha)  # again (another process got there first): nothing happens
    again, _ = _temp(backend, data)
    store.adopt(again, sha)  # the next upload stores the bytes again
    assert _read(backend, sha) == data


def test_the_scrub_finds_damaged_and_missing_files(backend: Backend, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'server.db'}")
    db.migrate()
    files = {name: os.urandom(40_000) for name in ("rotten", "short", "lost", "healthy")}
    shas = {}
    with db.session() as session:
        for name, data in files.items():
            source, shas[name] = _temp(backend, data)
            backend.store.adopt(source, shas[name])
            session.add(Blob(sha256=shas[name], size=len(data)))
        session.commit()
    flipped = bytearray(files["rotten"])
    flipped[20_000] ^= 0xFF  # same size: only re-reading finds it
    backend.corrupt(shas["rotten"], bytes(flipped))
    backend.corrupt(shas["short"], files["short"][:-1])
    backend.remove(shas["lost"])

    report = scrub_blobs(db, backend.store)
    db.dispose()
    assert report.checked == 4
    assert sorted(report.damaged) == sorted([shas["rotten"], shas["short"]])
    assert report.missing == [shas["lost"]]
    assert report.bytes_read >= 2 * 40_000  # the healthy and the flipped were read whole
    assert not backend.store.exists(shas["rotten"]) and backend.store.exists(shas["healthy"])
    assert {n.split("-")[0] for n in backend.quarantined()} == {shas["rotten"], shas["short"]}


def test_local_copy_is_a_real_file_and_leaves_nothing_behind(backend: Backend) -> None:
    data = b"%PDF-1.7\n" + os.urandom(10_000)
    source, sha = _temp(backend, data)
    backend.store.adopt(source, sha)
    before = set(backend.store.scratch.iterdir())
    with backend.store.local_copy(sha) as path:
        assert path.is_file() and path.read_bytes() == data
    assert set(backend.store.scratch.iterdir()) == before  # a download is deleted after use
    assert backend.store.exists(sha)  # and the stored file stays
    with pytest.raises(FileNotFoundError), backend.store.local_copy("1" * 64):
        pass
    assert set(backend.store.scratch.iterdir()) == before


def test_two_threads_adopting_the_same_bytes(backend: Backend) -> None:
    data = os.urandom(2 * 1024 * 1024)
    sources = [_temp(backend, data, f"writer{i}")[0] for i in range(2)]
    sha = hashlib.sha256(data).hexdigest()
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def write(source: Path) -> None:
        start.wait()
        try:
            backend.store.adopt(source, sha)
        except BaseException as exc:  # noqa: BLE001 — reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(s,)) for s in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert not any(s.exists() for s in sources)
    assert hashlib.sha256(_read(backend, sha)).hexdigest() == sha
