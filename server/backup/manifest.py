"""``manifest.json``: what a backup holds, written last, so that a folder without it (or with the
``INCOMPLETE`` marker) is never taken for a backup.

The manifest names the schema revision the database was at, the database kind, the counts a
restore is checked against, the dump's sha256 and every stored file's sha256 and size; the files
themselves sit under ``blobs/ab/cd/<sha256>`` like in the server's own store.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..filestore import is_sha256
from .errors import not_a_backup, translated_os_errors

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST",
    "INCOMPLETE",
    "DatabaseKind",
    "Counts",
    "FileEntry",
    "BlobEntry",
    "Manifest",
    "blob_path",
    "read_manifest",
    "write_manifest",
    "write_durably",
    "sync_folder",
    "now_utc",
]

logger = logging.getLogger(__name__)

FORMAT = "vanthu-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
INCOMPLETE = "INCOMPLETE"
"""Written first, removed only after the manifest is on disk: its presence means "not a backup"."""


class DatabaseKind(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


@dataclass(frozen=True)
class Counts:
    """Rows in the snapshot: what the restored database is checked against."""

    organisations: int
    users: int
    documents: int
    versions: int
    blobs: int


@dataclass(frozen=True)
class FileEntry:
    """A file of the backup: where it is (relative to the backup folder), its sha256 and size."""

    path: str
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class BlobEntry:
    """A stored file: its place in the backup is ``blob_path(sha256)``."""

    sha256: str
    size: int

    @property
    def path(self) -> str:
        return blob_path(self.sha256)


@dataclass(frozen=True)
class Manifest:
    schema_revision: str
    """The Alembic revision of the snapshot: a restore upgrades from here to the current head."""
    database_kind: DatabaseKind
    created_at: str
    """UTC, ISO 8601: when the snapshot was taken."""
    software_version: str
    counts: Counts
    dump: FileEntry
    """The database: SQLite's own file (online backup API) or PostgreSQL's custom-format dump."""
    blobs: list[BlobEntry]
    """Every stored file the snapshot's ``blobs`` table names and the store held intact."""
    unavailable: list[str] = field(default_factory=list)
    """Files the snapshot names that the store no longer held intact (lost or damaged there):
    the backup is as complete as the store; ``admin blobs scrub`` tells the same story."""
    secrets: list[FileEntry] = field(default_factory=list)
    """The exchange's credentials (``exchange-secrets/``), so a restored server keeps its links."""
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        return cls(
            schema_revision=str(data["schema_revision"]),
            database_kind=DatabaseKind(data["database_kind"]),
            created_at=str(data["created_at"]),
            software_version=str(data.get("software_version", "")),
            counts=Counts(**{k: int(v) for k, v in data["counts"].items()}),
            dump=_entry(data["dump"]),
            blobs=[_blob(item) for item in data["blobs"]],
            unavailable=[str(sha) for sha in data.get("unavailable", [])],
            secrets=[_entry(item) for item in data.get("secrets", [])],
            format=str(data["format"]),
            format_version=int(data["format_version"]),
        )


def _entry(item: dict[str, Any]) -> FileEntry:
    entry = FileEntry(str(item["path"]), str(item["sha256"]), int(item["size"]))
    if not is_sha256(entry.sha256) or entry.size < 0 or _escapes(entry.path):
        raise ValueError(f"bad entry {entry.path!r}")
    return entry


def _blob(item: dict[str, Any]) -> BlobEntry:
    entry = BlobEntry(str(item["sha256"]), int(item["size"]))
    if not is_sha256(entry.sha256) or entry.size < 0:
        raise ValueError(f"bad file entry {entry.sha256!r}")
    return entry


def _escapes(relative: str) -> bool:
    """A path that would leave the backup folder (a tampered manifest must not reach outside)."""
    parts = Path(relative).parts
    return not parts or Path(relative).is_absolute() or ".." in parts


def blob_path(sha256: str) -> str:
    """Where a stored file sits inside the backup folder (relative), as in the server's store."""
    return f"blobs/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def read_manifest(folder: Path) -> Manifest:
    """The manifest of a finished backup; refuses an unfinished folder, a foreign or newer format
    and an unreadable manifest, with the reason."""
    if (folder / INCOMPLETE).exists():
        raise not_a_backup(
            folder,
            "bản sao lưu này chưa hoàn tất (bị dừng giữa chừng).",
            "this backup never finished (it was interrupted).",
        )
    path = folder / MANIFEST
    if not path.is_file():
        raise not_a_backup(folder, f"không có {MANIFEST}.", f"there is no {MANIFEST}.")
    with translated_os_errors(path):
        text = path.read_text("utf-8")
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError("not a Văn thư số backup")
        if int(data.get("format_version", 0)) > FORMAT_VERSION:
            raise not_a_backup(
                folder,
                f"định dạng phiên bản {data['format_version']} mới hơn phần mềm này; hãy cập nhật.",
                f"format version {data['format_version']} is newer than this software; update it.",
            )
        return Manifest.from_json(data)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise not_a_backup(
            folder, f"{MANIFEST} hỏng ({exc}).", f"{MANIFEST} is damaged ({exc})."
        ) from exc


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Readable at the top, one line per stored file (a province's manifest lists millions)."""
    data = manifest.to_json()
    data = {"format": data.pop("format"), "format_version": data.pop("format_version"), **data}
    blobs = data.pop("blobs")
    head = json.dumps(data, ensure_ascii=False, indent=1)
    lines = ",\n".join("  " + json.dumps(b, separators=(",", ":")) for b in blobs)
    text = f'{head[:-2]},\n "blobs": [\n{lines}\n ]\n}}\n'
    write_durably(folder / MANIFEST, text.encode("utf-8"))


def write_durably(path: Path, data: bytes) -> None:
    """Write ``path`` through a temp file, fsync it, rename it into place and fsync the folder."""
    temp = path.with_name(path.name + ".tmp")
    with translated_os_errors(path):
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
        sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
