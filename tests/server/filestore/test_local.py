"""What only the folder store does: several processes (machines on one share) storing the same
bytes, a file arriving from another disk, an unmounted share, crash leftovers."""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from server.config import ServerSettings
from server.filestore import FileStoreError, LocalBlobStore, open_store


def _store_copies(root: str, payloads: list[bytes]) -> int:
    """One "machine": its own store object on the shared folder, adopting its own temp copies."""
    store = LocalBlobStore(Path(root))
    for data in payloads:
        temp = store.scratch / f"incoming-{os.getpid()}-{os.urandom(4).hex()}"
        temp.write_bytes(data)
        store.adopt(temp, hashlib.sha256(data).hexdigest())
    return os.getpid()


def test_several_processes_storing_the_same_files_on_one_folder(tmp_path: Path) -> None:
    root = tmp_path / "shared"
    LocalBlobStore(root)
    payloads = [os.urandom(300_000) for _ in range(20)]
    with ProcessPoolExecutor(4) as pool:
        pids = list(pool.map(_store_copies, [str(root)] * 4, [payloads] * 4))
    assert len(set(pids)) >= 2
    store = LocalBlobStore(root)
    for data in payloads:
        sha = hashlib.sha256(data).hexdigest()
        assert store.path(sha).read_bytes() == data
        assert store.path(sha).stat().st_nlink == 1  # no temp name still points at it
    assert list(store.scratch.iterdir()) == []


def test_good_bytes_replace_a_stored_copy_that_lost_its_tail(tmp_path: Path) -> None:
    """A stored file cut short (a disk error, a copy interrupted by hand): the next upload of
    those bytes takes its place, and the damaged one is kept aside — never the other way round."""
    store = LocalBlobStore(tmp_path / "blobs")
    data = os.urandom(200_000)
    sha = hashlib.sha256(data).hexdigest()
    store.path(sha).parent.mkdir(parents=True, exist_ok=True)
    store.path(sha).write_bytes(data[:1000])
    temp = store.scratch / "incoming"
    temp.write_bytes(data)
    store.adopt(temp, sha)
    assert store.path(sha).read_bytes() == data and not temp.exists()
    [aside] = (tmp_path / "blobs" / "quarantine").iterdir()
    assert aside.read_bytes() == data[:1000]
    again = store.scratch / "again"  # the same bytes once more: nothing changes
    again.write_bytes(data)
    store.adopt(again, sha)
    assert store.path(sha).read_bytes() == data and not again.exists()


def test_a_file_from_another_disk_is_copied_in(tmp_path: Path) -> None:
    other = Path("/dev/shm")
    if not other.is_dir() or other.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no second file system to adopt from")
    store = LocalBlobStore(tmp_path / "blobs")
    data = os.urandom(100_000)
    source = other / f"vanthu-test-{os.urandom(6).hex()}"
    source.write_bytes(data)
    try:
        store.adopt(source, hashlib.sha256(data).hexdigest())
    finally:
        leftover = source.exists()
        source.unlink(missing_ok=True)
    assert not leftover
    assert store.path(hashlib.sha256(data).hexdigest()).read_bytes() == data
    assert list(store.scratch.iterdir()) == []


def test_a_configured_folder_that_is_not_there_is_refused_not_created(tmp_path: Path) -> None:
    share = tmp_path / "mnt" / "shared" / "vanthu-blobs"  # the share is not mounted
    settings = ServerSettings(data_dir=tmp_path / "data", blob_store=f"file://{share}")
    with pytest.raises(FileStoreError) as caught:
        open_store(settings)
    assert "chưa được gắn" in caught.value.message_vi and "mounted" in caught.value.message_en
    assert not share.exists()
    share.mkdir(parents=True)
    assert open_store(settings).describe() == f"folder {share}"
    default = open_store(ServerSettings(data_dir=tmp_path / "data"))
    assert default.describe() == f"folder {tmp_path / 'data' / 'blobs'}"  # created


def test_crash_leftovers_are_swept_but_fresh_temp_files_kept(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path / "blobs")
    old, fresh, old_dir = store.scratch / "old", store.scratch / "fresh", store.scratch / "work"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    old_dir.mkdir()
    (old_dir / "part").write_bytes(b"z")
    three_days_ago = time.time() - 3 * 24 * 3600
    for path in (old, old_dir):
        os.utime(path, (three_days_ago, three_days_ago))
    LocalBlobStore(tmp_path / "blobs")  # the next start
    assert sorted(p.name for p in store.scratch.iterdir()) == ["fresh"]
