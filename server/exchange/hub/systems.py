"""The systems allowed on the hub and their secrets: ``systems.json`` in the hub's folder.

The secrets are HMAC keys the hub must read back, so they are stored as given, in a file only
its owner may read (0600, written to a temporary file then renamed, never world-readable even
for an instant).  The running hub re-reads the file when it changes, so a system added from the
command line is accepted without a restart.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import threading
from pathlib import Path

__all__ = ["SystemRegistry", "add_system", "remove_system", "system_ids"]

logger = logging.getLogger(__name__)

FILE_NAME = "systems.json"
MIN_SECRET = 16
_SYSTEM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _read(path: Path) -> dict[str, str]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    systems = raw.get("systems", {}) if isinstance(raw, dict) else {}
    return {
        str(system_id): str(entry["secret"])
        for system_id, entry in systems.items()
        if isinstance(entry, dict) and "secret" in entry
    }


def _write(path: Path, systems: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"systems": {sid: {"secret": secret} for sid, secret in sorted(systems.items())}}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an older leftover file kept its mode through O_CREAT
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(body, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)


def add_system(data_dir: Path, system_id: str, secret: str) -> None:
    """Allow ``system_id`` on the hub in ``data_dir`` with this secret (replacing an old one)."""
    if not _SYSTEM_ID.match(system_id):
        raise ValueError("a system id is letters, digits, '.', '_' or '-' (at most 64)")
    if len(secret) < MIN_SECRET or secret != secret.strip():
        raise ValueError(f"a secret has at least {MIN_SECRET} characters and no outer spaces")
    path = Path(data_dir) / FILE_NAME
    systems = _read(path)
    systems[system_id] = secret
    _write(path, systems)
    logger.info("exchange hub: system %s allowed", system_id)


def remove_system(data_dir: Path, system_id: str) -> bool:
    """Withdraw a system; False when it was not there."""
    path = Path(data_dir) / FILE_NAME
    systems = _read(path)
    if systems.pop(system_id, None) is None:
        return False
    _write(path, systems)
    logger.info("exchange hub: system %s removed", system_id)
    return True


def system_ids(data_dir: Path) -> list[str]:
    return sorted(_read(Path(data_dir) / FILE_NAME))


class SystemRegistry:
    """The secrets as the running hub sees them: re-read whenever ``systems.json`` changes."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE_NAME
        self._lock = threading.Lock()
        self._seen: tuple[int, int, int] | None = None
        self._secrets: dict[str, str] = {}

    def secret_for(self, system_id: str) -> str | None:
        with self._lock:
            self._refresh()
            return self._secrets.get(system_id)

    def _refresh(self) -> None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            self._seen, self._secrets = None, {}
            return
        seen = (info.st_ino, info.st_mtime_ns, info.st_size)
        if seen == self._seen:
            return
        if stat.S_IMODE(info.st_mode) & 0o077:
            logger.warning("%s is readable by others: chmod 600 it", self.path)
        try:
            self._secrets = _read(self.path)
        except (OSError, ValueError, AttributeError) as exc:  # keep the last good set
            logger.error("cannot read %s: %s", self.path, type(exc).__name__)
            return
        self._seen = seen
