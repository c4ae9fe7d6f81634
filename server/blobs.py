"""Content-addressed file store: ``blobs/ab/cd/<sha256>``.

Files are written to a temp file and renamed into place, so a crash never
leaves a half blob; a client-supplied name never becomes a path.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from pathlib import Path

__all__ = ["BlobStore", "is_sha256", "file_sha256"]

logger = logging.getLogger(__name__)

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def is_sha256(value: str) -> bool:
    return bool(_SHA256.match(value))


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError("not a sha256 digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path(sha256).is_file()

    def adopt(self, source: Path, sha256: str, *, synced: bool = False) -> Path:
        """Move a verified temp file into the store: its bytes reach the disk first (``synced``:
        the caller already did that), then the atomic rename, then the folder, so a power cut
        never leaves a visible blob with missing bytes."""
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            source.unlink(missing_ok=True)
            return target
        if not synced:
            with source.open("rb") as fh:
                os.fsync(fh.fileno())
        os.replace(source, target)
        if os.name == "posix":
            folder = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        return target

    def intact_size(self, sha256: str, size: int) -> bool:
        """False when the stored file exists but has the wrong size (damaged): it must be replaced."""
        path = self.path(sha256)
        return not path.is_file() or path.stat().st_size == size

    def quarantine(self, sha256: str) -> Path | None:
        """Move a damaged blob aside (kept for inspection) so the next upload can replace it."""
        path = self.path(sha256)
        if not path.is_file():
            return None
        target = self.root / "quarantine" / f"{sha256}-{int(time.time())}"
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        logger.warning("blob %s is damaged (size or sha256); moved to %s", sha256, target)
        return target

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.exists(sha):
            tmp = self.root / f".tmp-{sha}-{os.getpid()}"
            tmp.write_bytes(data)
            self.adopt(tmp, sha)
        return sha


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()
