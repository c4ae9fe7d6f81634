"""Content addresses: a file is named by its SHA-256 and sharded ``ab/cd/<sha256>`` (two levels
of 256 folders keep any one folder small on a disk, and spread an object store's key space)."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import socket
import time
from pathlib import Path

__all__ = ["is_sha256", "file_sha256", "shard", "temp_name", "prepare_scratch"]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
STALE_SCRATCH_SECONDS = 2 * 24 * 3600
"""A temp file this old was left by a crash: no transfer takes two days."""


def is_sha256(value: str) -> bool:
    return bool(_SHA256.match(value))


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def shard(sha256: str) -> str:
    """``ab/cd/<sha256>``; a client-supplied value never becomes a path or key unless it is a
    digest."""
    if not is_sha256(sha256):
        raise ValueError("not a sha256 digest")
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


def temp_name(prefix: str = "") -> str:
    """Unique across every machine sharing a folder: host, process and 64 random bits."""
    host = re.sub(r"[^A-Za-z0-9.-]", "_", socket.gethostname())[:40] or "host"
    return f"{prefix}{host}-{os.getpid()}-{secrets.token_hex(8)}"


def prepare_scratch(folder: Path) -> Path:
    """Create the temp folder and remove what crashed transfers left there long ago (never a
    file another machine is still writing: nothing is written for two days)."""
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - STALE_SCRATCH_SECONDS
    for entry in folder.iterdir():
        try:
            if entry.lstat().st_mtime < cutoff:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
        except OSError:
            continue  # another machine removed it first
    return folder
