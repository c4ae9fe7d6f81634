"""Taking a backup: the database snapshot first, then every stored file that
snapshot names, then the manifest — and only then is the ``INCOMPLETE`` marker removed."""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..config import ServerSettings
from ..filestore import open_store
from .database import check_source, database_kind, dump_name, snapshot_database
from .errors import BackupError, not_empty, translated_os_errors
from .files import Progress, copy_blobs, copy_secrets, file_digest
from .manifest import (
    INCOMPLETE,
    FileEntry,
    Manifest,
    now_utc,
    read_manifest,
    sync_folder,
    write_durably,
    write_manifest,
)

__all__ = ["BackupReport", "create_backup", "software_version"]

logger = logging.getLogger(__name__)

_MARKER = (
    "Bản sao lưu này CHƯA HOÀN TẤT: không dùng để phục hồi.\n"
    "This backup is INCOMPLETE: never restore from it.\n"
)


@dataclass(frozen=True)
class BackupReport:
    folder: Path
    manifest: Manifest
    copied: int
    """Stored files copied from the store."""
    linked: int
    """Unchanged stored files taken from the previous backup (``--since``)."""
    bytes_copied: int
    seconds: float


def software_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vanthu")
    except PackageNotFoundError:  # a source tree
        return "0.0.0+source"


def create_backup(
    settings: ServerSettings,
    folder: Path,
    *,
    since: Path | None = None,
    progress: Progress | None = None,
) -> BackupReport:
    """Back up the database and the stored files of ``settings`` into the new folder ``folder``,
    consistently while the server runs; ``since``: a previous backup whose unchanged files are
    hard-linked instead of copied."""
    started = time.monotonic()
    url = settings.resolved_database_url
    check_source(url)
    previous = (since, read_manifest(since)) if since is not None else None
    store = open_store(settings)  # an unreachable store stops us before a folder is made
    _start(folder)
    try:
        kind = database_kind(url)
        dump_path = folder / dump_name(kind)
        taken_at = now_utc()
        snapshot = snapshot_database(url, dump_path)
        dump = _entry(folder, dump_path)
        copies = copy_blobs(store, snapshot.blobs, folder, previous, progress)
        secrets = copy_secrets(settings.data_dir, folder)
        _sync(folder)
        manifest = Manifest(
            schema_revision=snapshot.revision,
            database_kind=kind,
            created_at=taken_at,
            software_version=software_version(),
            counts=snapshot.counts,
            dump=dump,
            blobs=copies.entries,
            unavailable=copies.unavailable,
            secrets=secrets,
        )
        write_manifest(folder, manifest)
        with translated_os_errors(folder):
            (folder / INCOMPLETE).unlink()
            sync_folder(folder)
    except BaseException:
        _abandon(folder)
        raise
    return BackupReport(
        folder,
        manifest,
        copies.copied,
        copies.linked,
        copies.bytes_copied,
        time.monotonic() - started,
    )


def _start(folder: Path) -> None:
    """A new folder only this account can read (0700), marked incomplete before anything else."""
    with translated_os_errors(folder):
        if folder.exists():
            if not folder.is_dir() or any(folder.iterdir()):
                raise not_empty(f"Thư mục {folder}", f"The folder {folder}")
        else:
            folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)  # whatever the umask or the empty folder's mode was
        write_durably(folder / INCOMPLETE, _MARKER.encode("utf-8"))


def _abandon(folder: Path) -> None:
    """After a failure: free the space a partial backup took (a full disk may be the server's
    too) and leave only the marker, so the folder can never pass for a backup."""
    for child in folder.iterdir() if folder.is_dir() else ():
        if child.name == INCOMPLETE:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    try:
        write_durably(folder / INCOMPLETE, _MARKER.encode("utf-8"))
    except BackupError:
        logger.warning("could not rewrite the marker of the incomplete backup %s", folder)


def _entry(folder: Path, path: Path) -> FileEntry:
    with translated_os_errors(path):
        sha, size = file_digest(path)
    return FileEntry(path.relative_to(folder).as_posix(), sha, size)


def _sync(folder: Path) -> None:
    """The copied files reach the disk before the manifest says they are there: one ``sync``
    for all of them rather than an fsync per file."""
    if hasattr(os, "sync"):
        os.sync()
    else:  # pragma: no cover - Windows
        for path in folder.rglob("*"):
            if path.is_file():
                with path.open("rb+") as fh:
                    os.fsync(fh.fileno())
