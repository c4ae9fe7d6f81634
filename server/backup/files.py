"""The stored files of a backup: copied out of the file store (re-hashed while they are written),
linked from a previous backup when unchanged, checked, and put back into a store.

Stored files are immutable and named by their sha256, so a file the database snapshot names is the
same file whenever it is read: copying them after the snapshot gives a consistent pair. Only the
store's agreed methods are used (``exists``, ``size``, ``open``, ``adopt``), so the local folder,
a shared folder and S3-compatible storage back up and restore alike.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, TypeVar

from ..filestore import BlobStore as FileStore
from ..filestore.errors import FileStoreDamaged, FileStoreError
from .errors import BackupError, translated_os_errors
from .manifest import BlobEntry, FileEntry, Manifest

__all__ = [
    "BlobCopies",
    "ProblemKind",
    "Problem",
    "copy_blobs",
    "copy_secrets",
    "check_file",
    "restore_blobs",
    "restore_secrets",
    "SECRETS",
    "copy_checked",
    "file_digest",
    "Progress",
    "private_folder",
    "in_parallel",
    "Outcome",
]

logger = logging.getLogger(__name__)

CHUNK = 1 << 20
SECRETS = "exchange-secrets"
"""The exchange's credentials in the data folder (``server.exchange.secrets``)."""
WORKERS = 8
Progress = Callable[[int, int], None]
T = TypeVar("T")
R = TypeVar("R")


class ProblemKind(StrEnum):
    MISSING = "missing"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class Problem:
    path: str
    kind: ProblemKind


@dataclass
class BlobCopies:
    """What ``copy_blobs`` did."""

    entries: list[BlobEntry] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    copied: int = 0
    linked: int = 0
    bytes_copied: int = 0


def _write_hashed(reader: BinaryIO, target: Path, *, durable: bool = False) -> tuple[str, int]:
    """Copy ``reader`` into a new file ``target`` (0600), hashing as it goes; ``durable``: fsync
    it before returning (else the caller syncs many files at once)."""
    digest, size = hashlib.sha256(), 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        while block := reader.read(CHUNK):
            digest.update(block)
            out.write(block)
            size += len(block)
        if durable:
            out.flush()
            os.fsync(out.fileno())
    return digest.hexdigest(), size


def _copy_checked(
    reader: BinaryIO, target: Path, sha256: str, size: int, *, durable: bool = False
) -> bool:
    """Write ``target`` from ``reader`` only if the bytes are ``sha256``/``size`` (else nothing)."""
    part = target.with_name(f".{target.name}.part")
    part.unlink(missing_ok=True)
    try:
        got = _write_hashed(reader, part, durable=durable)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    if got != (sha256, size):
        part.unlink(missing_ok=True)
        return False
    os.replace(part, target)
    return True


def private_folder(path: Path) -> None:
    """``path`` and every folder made on the way to it: 0700, whatever the umask."""
    if path.is_dir():
        return
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)


def copy_checked(source: Path, target: Path, sha256: str, size: int) -> bool:
    """Copy one file, durably, only if its bytes are ``sha256``/``size``."""
    with source.open("rb") as reader:
        if not _copy_checked(reader, target, sha256, size, durable=True):
            return False
    return True


def _link_previous(previous: Path, target: Path, entry: BlobEntry) -> bool:
    """An unchanged file from the previous backup: a hard link (no bytes copied), or on another
    file system a copy from it, checked."""
    source = previous / entry.path
    try:
        os.link(source, target)
        return True
    except FileNotFoundError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
    with source.open("rb") as reader:
        return _copy_checked(reader, target, entry.sha256, entry.size)


class Outcome(StrEnum):
    COPIED = "copied"
    LINKED = "linked"
    UNAVAILABLE = "unavailable"


def in_parallel(
    items: Sequence[T], work: Callable[[T], R], progress: Progress | None = None
) -> Iterator[R]:
    """``work`` on every item, ``WORKERS`` at a time, results in order: copying files is bound by
    each one's latency (an fsync, an object store's round trip) more than by the disk."""
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="backup") as pool:
        for start in range(0, len(items), 256):  # bounded: never a million futures at once
            for offset, result in enumerate(pool.map(work, items[start : start + 256]), 1):
                yield result
                done = start + offset
                if progress is not None and (done % 500 == 0 or done == len(items)):
                    progress(done, len(items))


def copy_blobs(
    store: FileStore,
    wanted: Sequence[BlobEntry],
    folder: Path,
    previous: tuple[Path, Manifest] | None = None,
    progress: Progress | None = None,
) -> BlobCopies:
    """Copy every ``wanted`` file into ``folder/blobs/…``; a file the store no longer has intact
    is listed as unavailable (the scrub reports the same), never copied damaged."""
    known = {e.sha256: e.size for e in previous[1].blobs} if previous else {}

    def one(entry: BlobEntry) -> Outcome:
        target = folder / entry.path
        with translated_os_errors(target):
            private_folder(target.parent)
            if previous and known.get(entry.sha256) == entry.size:
                if _link_previous(previous[0], target, entry):
                    return Outcome.LINKED
            if _copy_from_store(store, target, entry):
                return Outcome.COPIED
            return Outcome.UNAVAILABLE

    result = BlobCopies()
    for entry, outcome in zip(wanted, in_parallel(wanted, one, progress), strict=True):
        if outcome is Outcome.UNAVAILABLE:
            result.unavailable.append(entry.sha256)
            continue
        result.entries.append(entry)
        if outcome is Outcome.LINKED:
            result.linked += 1
        else:
            result.copied += 1
            result.bytes_copied += entry.size
    return result


STORE_ATTEMPTS = 3
"""Reads of one file from the store before a backup gives up on the store (a timeout now and
then is an object store's weather; three in a row is an outage)."""


def _copy_from_store(store: FileStore, target: Path, entry: BlobEntry) -> bool:
    """True when copied; False when the store has the file no longer, or has it damaged (listed
    as unavailable: one bad object never costs the backup of the million others)."""
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            with store.open(entry.sha256) as reader:
                if _copy_checked(reader, target, entry.sha256, entry.size):
                    return True
            break
        except FileNotFoundError:
            logger.warning(
                "stored file %s is missing from the store: not in the backup", entry.sha256
            )
            return False
        except FileStoreDamaged:
            break
        except FileStoreError:
            if attempt == STORE_ATTEMPTS:
                raise
            logger.warning("reading stored file %s failed, trying again", entry.sha256)
            time.sleep(attempt)
    logger.warning("stored file %s is damaged in the store: not in the backup", entry.sha256)
    return False


def copy_secrets(data_dir: Path, folder: Path) -> list[FileEntry]:
    """The exchange's credentials, kept 0600 in the backup like in the data folder."""
    source = data_dir / SECRETS
    if not source.is_dir():
        return []
    entries = []
    target_dir = folder / "secrets" / SECRETS
    with translated_os_errors(target_dir):
        private_folder(target_dir)
        for path in sorted(source.iterdir()):
            if not path.is_file() or path.name.endswith(".tmp"):
                continue
            with path.open("rb") as reader:
                sha, size = _write_hashed(reader, target_dir / path.name)
            entries.append(FileEntry(f"secrets/{SECRETS}/{path.name}", sha, size))
    return entries


def file_digest(path: Path) -> tuple[str, int]:
    """A file's sha256 and size, read once."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def check_file(folder: Path, relative: str, sha256: str, size: int) -> Problem | None:
    """Re-read one file of the backup against the manifest."""
    path = folder / relative
    with translated_os_errors(path):
        try:
            if path.stat().st_size != size:
                return Problem(relative, ProblemKind.DAMAGED)
        except FileNotFoundError:
            return Problem(relative, ProblemKind.MISSING)
        actual = file_digest(path)
    return None if actual == (sha256, size) else Problem(relative, ProblemKind.DAMAGED)


def restore_blobs(
    store: FileStore,
    folder: Path,
    entries: list[BlobEntry],
    staging: Path,
    progress: Progress | None = None,
) -> int:
    """Put every file of the backup into ``store`` (checked again as it is copied: the backup
    must not change between its verification and its use); returns the bytes restored."""
    with translated_os_errors(staging):
        staging.mkdir(parents=True, exist_ok=True)

    def one(entry: BlobEntry) -> int:
        if store.exists(entry.sha256) and store.size(entry.sha256) == entry.size:
            return 0
        temp = staging / f"restore-{entry.sha256}"
        with translated_os_errors(temp), (folder / entry.path).open("rb") as reader:
            if not _copy_checked(reader, temp, entry.sha256, entry.size):
                raise BackupError(
                    f"Tệp {entry.path} của bản sao lưu đã thay đổi trong khi phục hồi.",
                    f"The backup's file {entry.path} changed during the restore.",
                )
            store.adopt(temp, entry.sha256)
        return entry.size

    return sum(in_parallel(entries, one, progress))


def restore_secrets(folder: Path, entries: list[FileEntry], data_dir: Path) -> None:
    target_dir = data_dir / SECRETS
    with translated_os_errors(target_dir):
        target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for entry in entries:
            target = target_dir / Path(entry.path).name
            with (folder / entry.path).open("rb") as reader:
                if not _copy_checked(reader, target, entry.sha256, entry.size, durable=True):
                    raise BackupError(
                        f"Tệp {entry.path} của bản sao lưu đã thay đổi trong khi phục hồi.",
                        f"The backup's file {entry.path} changed during the restore.",
                    )
