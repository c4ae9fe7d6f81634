"""The database half of a backup: a consistent snapshot while the server runs (SQLite's online
backup API; PostgreSQL's ``pg_dump`` in an exported snapshot), the facts read from that same
snapshot (schema revision, counts, the stored files it names), and the way back into an empty
database."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from . import postgres
from .errors import BackupError, no_permission, not_empty, translated_os_errors
from .files import copy_checked, file_digest
from .manifest import BlobEntry, Counts, DatabaseKind, FileEntry

__all__ = [
    "Snapshot",
    "database_kind",
    "dump_name",
    "sqlite_path",
    "check_source",
    "snapshot_database",
    "read_snapshot",
    "require_empty_database",
    "require_known_revision",
    "restore_database",
    "count_rows",
]

logger = logging.getLogger(__name__)

_COUNTED = ("organisations", "users", "documents", "versions", "blobs")


@dataclass(frozen=True)
class Snapshot:
    """What the database snapshot holds, read from the snapshot itself."""

    revision: str
    counts: Counts
    blobs: list[BlobEntry]


def database_kind(url: str) -> DatabaseKind:
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return DatabaseKind.SQLITE
    if backend == "postgresql":
        return DatabaseKind.POSTGRESQL
    raise BackupError(
        f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {backend}.",
        f"Backing up a {backend} database is not supported.",
    )


def dump_name(kind: DatabaseKind) -> str:
    return "database.sqlite3" if kind is DatabaseKind.SQLITE else "database.pgdump"


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError(
            "Cơ sở dữ liệu SQLite trong bộ nhớ không sao lưu được.",
            "An in-memory SQLite database cannot be backed up.",
        )
    return Path(database)


def check_source(url: str) -> None:
    """Before a folder is made: the database exists and this account can read it, and the tools
    a PostgreSQL dump needs are installed."""
    if database_kind(url) is DatabaseKind.POSTGRESQL:
        postgres.find_tool("pg_dump")
        return
    path = sqlite_path(url)
    try:
        path.stat()
    except PermissionError as exc:
        raise no_permission(path) from exc
    except FileNotFoundError as exc:
        raise BackupError(
            f"Không có cơ sở dữ liệu tại {path}: hãy kiểm tra --data-dir / --database-url.",
            f"There is no database at {path}: check --data-dir / --database-url.",
        ) from exc
    if not os.access(path, os.R_OK) or not os.access(path.parent, os.R_OK | os.X_OK):
        raise no_permission(path)


def snapshot_database(url: str, target: Path) -> Snapshot:
    """Write the database's snapshot to ``target`` and return what it holds, read from the same
    moment: SQLite's copy itself; for PostgreSQL the transaction whose snapshot ``pg_dump`` used."""
    if database_kind(url) is DatabaseKind.SQLITE:
        _sqlite_backup(sqlite_path(url), target)
        return read_snapshot(f"sqlite:///{target}")
    with postgres.exported_snapshot(url) as (conn, name):
        postgres.dump(url, target, name)
        return _facts(conn)


def _sqlite_backup(source_path: Path, target: Path) -> None:
    """SQLite's online backup API: one step, under one read transaction, so in WAL mode the server
    keeps writing while the copy sees one moment. The copy leaves WAL mode: one self-contained
    file whose hash means something."""
    with translated_os_errors(target):
        source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.execute("PRAGMA busy_timeout=30000")
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        os.chmod(target, 0o600)
        with target.open("rb") as fh:
            os.fsync(fh.fileno())


def read_snapshot(url: str) -> Snapshot:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return _facts(conn)
    finally:
        engine.dispose()


def _facts(conn: Connection) -> Snapshot:
    revision = ",".join(
        sorted(
            str(r) for r in conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
        )
    )
    blobs = [
        BlobEntry(str(sha), int(size))
        for sha, size in conn.execute(text("SELECT sha256, size FROM blobs ORDER BY sha256"))
    ]
    return Snapshot(revision, Counts(**count_rows(conn)), blobs)


def count_rows(conn: Connection) -> dict[str, int]:
    return {
        table: int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
        for table in _COUNTED
    }


def require_known_revision(revision: str) -> None:
    """A backup made by a newer version names a schema this version cannot upgrade from (its
    migrations do not know it): refuse before anything is written."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from ..db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    known = {script.revision for script in scripts.walk_revisions()}
    unknown = [r for r in revision.split(",") if r not in known]
    if unknown:
        raise BackupError(
            f"Bản sao lưu được tạo bởi phiên bản mới hơn (lược đồ {revision}); hãy phục hồi bằng "
            "phiên bản đó hoặc mới hơn.",
            f"The backup was made by a newer version (schema {revision}); restore it with that "
            "version or a newer one.",
        )


def require_empty_database(url: str) -> None:
    if database_kind(url) is DatabaseKind.POSTGRESQL:
        postgres.require_empty(url)
        return
    path = sqlite_path(url)
    if path.exists() and path.stat().st_size > 0:
        raise not_empty(f"Cơ sở dữ liệu {path}", f"The database {path}")


def restore_database(kind: DatabaseKind, folder: Path, dump: FileEntry, url: str) -> None:
    """Load the snapshot into the empty database ``url`` (its kind must be the backup's)."""
    target_kind = database_kind(url)
    if target_kind is not kind:
        raise BackupError(
            f"Bản sao lưu là của {kind.value}, không phục hồi được vào {target_kind.value}.",
            f"The backup is of {kind.value}; it cannot be restored into {target_kind.value}.",
        )
    source = folder / dump.path
    changed = BackupError(
        f"Tệp {dump.path} của bản sao lưu đã thay đổi trong khi phục hồi.",
        f"The backup's file {dump.path} changed during the restore.",
    )
    if kind is DatabaseKind.POSTGRESQL:
        with translated_os_errors(source):  # checked again just before it is loaded, as below
            if file_digest(source) != (dump.sha256, dump.size):
                raise changed
        postgres.restore(url, source)
        return
    target = sqlite_path(url)
    with translated_os_errors(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        if not copy_checked(source, target, dump.sha256, dump.size):
            raise changed
