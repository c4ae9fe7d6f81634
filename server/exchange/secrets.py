"""Where an organisation's exchange secrets live: files only the server's account can read.

The axis secret (the HMAC key) and the PKCS#12 password never enter the database, a log or a
response; an administrator sets them (write-only) and the agent reads them when it connects.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["secret_dir", "save_secret", "load_secret", "has_secret"]


def secret_dir(data_dir: Path) -> Path:
    folder = data_dir / "exchange-secrets"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _path(data_dir: Path, organisation_id: int, name: str) -> Path:
    return secret_dir(data_dir) / f"{organisation_id}.{name}"


def save_secret(data_dir: Path, organisation_id: int, name: str, value: bytes) -> None:
    """Write atomically with mode 0600 (never readable by others, even for a moment)."""
    target = _path(data_dir, organisation_id, name)
    temp = target.with_suffix(target.suffix + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, value)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, target)


def load_secret(data_dir: Path, organisation_id: int, name: str) -> bytes | None:
    path = _path(data_dir, organisation_id, name)
    return path.read_bytes() if path.exists() else None


def has_secret(data_dir: Path, organisation_id: int, name: str) -> bool:
    return _path(data_dir, organisation_id, name).exists()
