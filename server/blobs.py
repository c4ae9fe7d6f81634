"""Content-addressed file store: ``blobs/ab/cd/<sha256>``.

Files are written to a temp file and renamed into place, so a crash never
leaves a half blob; a client-supplied name never becomes a path.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

__all__ = ["BlobStore", "is_sha256", "file_sha256"]

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

    def adopt(self, source: Path, sha256: str) -> Path:
        """Move a verified temp file into the store (atomic rename)."""
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            source.unlink(missing_ok=True)
        else:
            os.replace(source, target)
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
