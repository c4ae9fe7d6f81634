"""Restoring a backup into an empty place: every file checked against the manifest before
anything is written, then the database, the stored files and the exchange's credentials, then the
migrations — a backup taken by an older version comes back upgraded."""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import update

from ..config import ServerSettings
from ..db import Database
from ..filestore import open_store
from ..models import Upload
from .database import (
    count_rows,
    database_kind,
    require_empty_database,
    require_known_revision,
    restore_database,
)
from .errors import BackupError, not_empty, translated_os_errors
from .files import Progress, restore_blobs, restore_secrets
from .manifest import Counts, Manifest, read_manifest
from .verify import verify_backup

__all__ = ["RestoreReport", "restore_backup"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreReport:
    manifest: Manifest
    revision: str
    """The schema revision after the migrations (the manifest has the one before)."""
    counts: Counts
    bytes_restored: int
    seconds: float


def restore_backup(
    folder: Path, settings: ServerSettings, progress: Progress | None = None
) -> RestoreReport:
    """Restore the backup in ``folder`` into the empty data folder and database of ``settings``."""
    started = time.monotonic()
    manifest = read_manifest(folder)
    url = settings.resolved_database_url
    if database_kind(url) is not manifest.database_kind:
        raise BackupError(
            f"Bản sao lưu là của {manifest.database_kind.value}, không phục hồi được vào "
            f"{database_kind(url).value}.",
            f"The backup is of {manifest.database_kind.value}; it cannot be restored into "
            f"{database_kind(url).value}.",
        )
    require_known_revision(manifest.schema_revision)
    _require_empty_folder(settings.data_dir)
    require_empty_database(url)
    checked = verify_backup(folder)
    if not checked.ok:
        listed = "\n".join(f"  {p.kind.value}: {p.path}" for p in checked.problems[:20])
        raise BackupError(
            f"Bản sao lưu {folder} có {len(checked.problems)} tệp hỏng hoặc thiếu; không phục "
            f"hồi gì.\n{listed}",
            f"The backup {folder} has {len(checked.problems)} damaged or missing files; nothing "
            f"was restored.\n{listed}",
        )
    try:
        with translated_os_errors(settings.data_dir):
            settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        restore_database(manifest.database_kind, folder, manifest.dump, url)
        store = open_store(settings)
        restored = restore_blobs(store, folder, manifest.blobs, store.scratch, progress)
        restore_secrets(folder, manifest.secrets, settings.data_dir)
        revision, counts = _upgrade(url)
    except BackupError as exc:
        raise _unfinished(exc) from exc
    if counts != manifest.counts:
        raise BackupError(
            f"Số bản ghi sau khi phục hồi và nâng cấp ({asdict(counts)}) khác bản sao lưu "
            f"({asdict(manifest.counts)}).",
            f"The rows after the restore and the upgrade ({asdict(counts)}) differ from the "
            f"backup's ({asdict(manifest.counts)}).",
        )
    return RestoreReport(manifest, revision, counts, restored, time.monotonic() - started)


def _require_empty_folder(path: Path) -> None:
    with translated_os_errors(path):
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise not_empty(f"Thư mục dữ liệu {path}", f"The data folder {path}")


def _upgrade(url: str) -> tuple[str, Counts]:
    """The migrations to this version's head; unfinished uploads start again (their partial bytes
    were never part of a backup)."""
    db = Database(url)
    try:
        db.migrate()
        db.refresh_statistics()
        with db.session() as session:
            session.execute(
                update(Upload)
                .where(Upload.status == "pending")
                .values(offset=0, writer=None, writer_until=None)
            )
            session.commit()
            conn = session.connection()
            revision = ",".join(
                sorted(
                    str(r)
                    for r in conn.exec_driver_sql(
                        "SELECT version_num FROM alembic_version"
                    ).scalars()
                )
            )
            return revision, Counts(**count_rows(conn))
    finally:
        db.dispose()


def _unfinished(exc: BackupError) -> BackupError:
    return BackupError(
        f"{exc.message_vi}\nNơi phục hồi chưa hoàn chỉnh: hãy làm trống thư mục dữ liệu và cơ sở "
        "dữ liệu đích trước khi chạy lại.",
        f"{exc.message_en}\nThe restore target is incomplete: empty the data folder and the "
        "target database before running it again.",
    )
