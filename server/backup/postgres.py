"""PostgreSQL's own tools for a backup: ``pg_dump --format=custom`` inside the snapshot the backup
reads its facts from, and ``pg_restore`` into an empty database.

The connection is handed to the tools through libpq's environment (``PGHOST``, ``PGUSER``,
``PGPASSWORD``…), never on their command line, where every user of the machine could read the
password in the process list; nothing here logs it.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from .errors import BackupError, not_empty, tool_failed, tool_missing

__all__ = [
    "PG_BIN_ENV",
    "find_tool",
    "libpq_environment",
    "exported_snapshot",
    "dump",
    "restore",
    "require_empty",
]

logger = logging.getLogger(__name__)

PG_BIN_ENV = "VANTHU_PG_BIN"
"""The folder of the PostgreSQL tools to use, when several versions are installed."""

_LIBPQ_QUERY = {
    "host": "PGHOST",
    "port": "PGPORT",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "options": "PGOPTIONS",
}
"""URL query parameters that mean the same to libpq, as its environment variables."""


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path)) or (0,)


def find_tool(name: str) -> Path:
    """``pg_dump``/``pg_restore`` from the folder ``VANTHU_PG_BIN`` names, or else the newest
    installed (a dump needs a ``pg_dump`` at least as new as the server): Debian's and Red Hat's
    versioned folders first, then ``PATH``."""
    chosen = os.environ.get(PG_BIN_ENV, "").strip()
    if chosen:
        path = Path(chosen) / name
        if not path.is_file():
            raise tool_missing(name)
        return path
    candidates = glob.glob(f"/usr/lib/postgresql/*/bin/{name}") + glob.glob(
        f"/usr/pgsql-*/bin/{name}"
    )
    if candidates:
        return Path(max(candidates, key=_version_key))
    found = shutil.which(name)
    if found is None:
        raise tool_missing(name)
    return Path(found)


def libpq_environment(url: URL) -> dict[str, str]:
    """The child's environment: this process's, plus the database URL's parts as libpq reads
    them."""
    env = dict(os.environ)
    for key, value in {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
    }.items():
        if value:
            env[key] = str(value)
    for key, given in url.query.items():
        name = _LIBPQ_QUERY.get(key)
        if name is None:
            logger.warning("database URL option %s has no libpq equivalent; ignored", key)
            continue
        env[name] = given if isinstance(given, str) else given[-1]
    return env


def _run(tool: str, args: list[str], env: dict[str, str]) -> None:
    program = find_tool(tool)
    logger.info("running %s %s", program, " ".join(args))
    try:
        done = subprocess.run(
            [str(program), *args], env=env, capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise tool_missing(tool) from exc
    if done.returncode != 0:
        raise tool_failed(tool, done.stderr or done.stdout)


@contextmanager
def exported_snapshot(url: str) -> Iterator[tuple[Connection, str]]:
    """A transaction at one snapshot, exported by name, kept open while the block runs: the dump
    (``pg_dump --snapshot``) and the facts read through the connection see the same rows."""
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                name = str(conn.execute(text("SELECT pg_export_snapshot()")).scalar_one())
                yield conn, name
    finally:
        engine.dispose()


def dump(url: str, target: Path, snapshot: str) -> None:
    """``pg_dump --format=custom`` of the database at ``snapshot`` into ``target``."""
    parsed = make_url(url)
    _run(
        "pg_dump",
        ["--format=custom", "--no-password", f"--snapshot={snapshot}", f"--file={target}"],
        libpq_environment(parsed),
    )


def require_empty(url: str) -> None:
    """Refuse a database that already has tables: a restore never mixes two histories."""
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
    try:
        with engine.connect() as conn:
            tables = conn.execute(
                text(
                    "SELECT count(*) FROM pg_catalog.pg_tables "
                    "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
                )
            ).scalar_one()
    except SQLAlchemyError as exc:
        origin = getattr(exc, "orig", None) or exc
        raise BackupError(
            f"Không kết nối được cơ sở dữ liệu đích: {origin}",
            f"Cannot connect to the target database: {origin}",
        ) from exc
    finally:
        engine.dispose()
    if tables:
        name = make_url(url).database or "?"
        raise not_empty(
            f"Cơ sở dữ liệu {name} ({tables} bảng)", f"The database {name} ({tables} tables)"
        )


def restore(url: str, source: Path) -> None:
    """``pg_restore`` into the (empty) database, in one transaction: all of it or nothing. Owners
    and grants are those of the account restoring, which the server then uses."""
    parsed = make_url(url)
    _run(
        "pg_restore",
        [
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            "--no-password",
            f"--dbname={parsed.database}",
            str(source),
        ],
        libpq_environment(parsed),
    )
