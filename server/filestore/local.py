"""The folder store: ``<root>/ab/cd/<sha256>``, the default (``<data_dir>/blobs``) and the shared
folder several server machines mount (NFS, SMB): see docs/storage.md.

Safe with many writers on one mount: a file is written under a name unique to the host, process
and a random part, its bytes fsynced, then hard-linked into place — a link never replaces an
existing file, so a second writer of the same bytes just finds them there and a reader on another
machine never sees a file swapped under it — and the folder fsynced, so a power cut never leaves a
visible file with missing bytes. (On a file system without hard links the file is renamed into
place instead, which may replace a copy another writer just stored: the same bytes.)
"""

from __future__ import annotations

import errno
import hashlib
import io
import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .addressing import is_sha256, prepare_scratch, shard, temp_name
from .errors import FileStoreError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["LocalBlobStore"]

logger = logging.getLogger(__name__)

_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}
"""A file system without hard links (FAT, some SMB servers): rename instead."""


class _Window(io.RawIOBase):
    """The first ``remaining`` bytes of an open file, then end of file."""

    def __init__(self, fh: BinaryIO, remaining: int) -> None:
        self._fh, self._remaining = fh, remaining

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        wanted = min(len(view), self._remaining)
        if wanted <= 0:
            return 0
        data = self._fh.read(wanted)
        view[: len(data)] = data
        self._remaining -= len(data)
        return len(data)

    def close(self) -> None:
        self._fh.close()
        super().close()


def _fsync_file(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder; NTFS journals the rename itself
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class LocalBlobStore:
    """A folder of content-addressed files."""

    def __init__(self, root: Path, *, create: bool = True) -> None:
        self.root = root
        if not root.is_dir() and not create:
            raise FileStoreError(
                f"Thư mục lưu tệp {root} không tồn tại (ổ chia sẻ chưa được gắn?). Hãy tạo nó "
                "(hoặc gắn ổ) trước khi chạy máy chủ.",
                f"The file store folder {root} does not exist (is the shared drive mounted?). "
                "Create it (or mount the drive) before starting the server.",
            )
        try:
            root.mkdir(parents=True, exist_ok=True)
            self.scratch = prepare_scratch(root / ".tmp")
            """Temp files for ``adopt``: on the store's own disk, so adopting is a link."""
        except OSError as exc:
            raise _unwritable(root, exc) from exc

    # -- reading ---------------------------------------------------------------------------

    def path(self, sha256: str) -> Path:
        """Where the file is (this store only: everything else goes through the interface)."""
        return self.root / shard(sha256)

    def exists(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path(sha256).is_file()

    def size(self, sha256: str) -> int | None:
        if not is_sha256(sha256):
            return None
        try:
            return self.path(sha256).stat().st_size
        except FileNotFoundError:
            return None

    def open(self, sha256: str, *, start: int = 0, end: int | None = None) -> BinaryIO:
        """A reader of the file; ``start``/``end``: only bytes ``[start, end)``."""
        if not is_sha256(sha256):
            raise FileNotFoundError(sha256)
        fh = self.path(sha256).open("rb")
        if start:
            fh.seek(start)
        if end is None:
            return fh
        return io.BufferedReader(_Window(fh, max(0, end - start)), 1 << 16)

    @contextmanager
    def local_copy(self, sha256: str) -> Iterator[Path]:
        """The stored file itself (no copy): the caller reads it and must not change it."""
        if not self.exists(sha256):
            raise FileNotFoundError(sha256)
        yield self.path(sha256)

    def intact_size(self, sha256: str, size: int) -> bool:
        """False when the stored file exists but has the wrong size (damaged): it must be
        replaced."""
        stored = self.size(sha256)
        return stored is None or stored == size

    def describe(self) -> str:
        return f"folder {self.root}"

    # -- writing ---------------------------------------------------------------------------

    def adopt(self, source: Path, sha256: str, *, synced: bool = False) -> None:
        """Move a verified temp file in (``synced``: the caller already fsynced its bytes); the
        source is gone afterwards. The same bytes already stored: nothing changes."""
        target = self.path(sha256)
        if self.size(sha256) == source.stat().st_size:  # stored already (content-addressed)
            source.unlink(missing_ok=True)
            return
        if target.is_file():  # stored, but not whole: set aside, and these bytes take its place
            self.quarantine(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not synced:
            _fsync_file(source)
        try:
            self._link(source, target)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            staged = self.scratch / temp_name(".adopt-")  # another disk: copy onto ours first
            try:
                shutil.copyfile(source, staged)
                _fsync_file(staged)
                self._link(staged, target)
            finally:
                staged.unlink(missing_ok=True)
        _fsync_folder(target.parent)
        source.unlink(missing_ok=True)

    @staticmethod
    def _link(source: Path, target: Path) -> None:
        try:
            os.link(source, target)
        except FileExistsError:
            pass  # another writer (maybe on another machine) stored the same bytes first
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            os.replace(source, target)

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.exists(sha):
            temp = self.scratch / temp_name(".put-")
            with temp.open("xb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            try:
                self.adopt(temp, sha, synced=True)
            finally:
                temp.unlink(missing_ok=True)
        return sha

    def quarantine(self, sha256: str) -> None:
        """Move a damaged file aside (kept for inspection) so the next upload replaces it."""
        path = self.path(sha256)
        target = self.root / "quarantine" / f"{sha256}-{int(time.time())}"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return  # gone already (another machine quarantined it first)
        _fsync_folder(path.parent)
        logger.warning("blob %s is damaged (size or sha256); moved to %s", sha256, target)

    def verify(self) -> None:
        """Start-up check: the folder takes a file (a read-only mount fails here, not at the
        first upload)."""
        probe = self.scratch / temp_name(".probe-")
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise _unwritable(self.root, exc) from exc


def _unwritable(root: Path, exc: OSError) -> FileStoreError:
    return FileStoreError(
        f"Không ghi được vào thư mục lưu tệp {root}: {exc.strerror or exc}.",
        f"Cannot write to the file store folder {root}: {exc.strerror or exc}.",
    )
