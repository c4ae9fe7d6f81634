"""``admin backup DIR [--since PREVIOUS]``, ``admin backup --verify DIR`` and ``admin restore DIR
--data-dir NEW [--database-url URL]``.

Registered by ``server.cli``, which hands over its options and how it builds the settings, so this
module never imports it back. Exit status: 0 done; 1 refused or failed (nothing usable written);
3 backed up, but the store had already lost or damaged some files (listed; see ``admin blobs
scrub``)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from ..config import ServerSettings

__all__ = ["register", "INCOMPLETE_STORE"]

logger = logging.getLogger(__name__)

INCOMPLETE_STORE = 3
"""Exit status of a good backup of a store that had already lost files."""

Command = Callable[[argparse.Namespace], int]
SettingsOf = Callable[[argparse.Namespace], ServerSettings]


def register(
    areas: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
    settings_of: SettingsOf,
) -> None:
    backup = areas.add_parser(
        "backup",
        help="sao lưu cơ sở dữ liệu và tệp (khi máy chủ đang chạy) / back up the database and "
        "the files (while the server runs)",
    )
    backup.add_argument("dir", metavar="DIR", help="thư mục mới / a new folder")
    backup.add_argument(
        "--since",
        metavar="PREVIOUS_DIR",
        help="bản sao lưu trước: tệp không đổi được liên kết, không chép lại / a previous "
        "backup: unchanged files are hard-linked, not copied again",
    )
    backup.add_argument(
        "--verify",
        action="store_true",
        help="chỉ kiểm tra bản sao lưu DIR (không sao lưu) / only check the backup in DIR",
    )
    common(backup)
    backup.set_defaults(func=_refusals(lambda args: _backup(args, settings_of)))
    restore = areas.add_parser(
        "restore",
        help="phục hồi một bản sao lưu vào thư mục dữ liệu trống / restore a backup into an "
        "empty data folder",
    )
    restore.add_argument("dir", metavar="DIR", help="thư mục sao lưu / the backup folder")
    common(restore)
    restore.set_defaults(func=_refusals(lambda args: _restore(args, settings_of)))


def _refusals(command: Command) -> Command:
    def run(args: argparse.Namespace) -> int:
        from ..errors import ApiProblem
        from .errors import BackupError

        try:
            return command(args)
        except (BackupError, ApiProblem) as exc:  # ApiProblem: the file store's refusals
            print(f"{exc.message_vi}\n{exc.message_en}", file=sys.stderr)
            return 1

    return run


def _progress(done: int, total: int) -> None:
    if total >= 1000:
        print(f"  {done:,}/{total:,} tệp / files", flush=True)


def _backup(args: argparse.Namespace, settings_of: SettingsOf) -> int:
    from .create import create_backup
    from .verify import verify_backup

    folder = Path(args.dir)
    if args.verify:
        checked = verify_backup(folder, _progress)
        m = checked.manifest
        if not checked.ok:
            for problem in checked.problems:
                print(f"  {problem.kind.value}: {problem.path}", file=sys.stderr)
            print(
                f"Bản sao lưu HỎNG: {len(checked.problems)} tệp hỏng hoặc thiếu.\n"
                f"The backup is DAMAGED: {len(checked.problems)} files damaged or missing.",
                file=sys.stderr,
            )
            return 1
        print(
            f"Bản sao lưu tốt / the backup is good: {checked.files:,} tệp / files, "
            f"{checked.bytes / 1e6:,.1f} MB — {m.database_kind.value}, lược đồ / schema "
            f"{m.schema_revision}, {m.counts.documents:,} văn bản / documents, {m.created_at}"
        )
        return 0
    report = create_backup(
        settings_of(args),
        folder,
        since=Path(args.since) if args.since else None,
        progress=_progress,
    )
    m = report.manifest
    print(
        f"Đã sao lưu / backed up: {folder}  ({m.database_kind.value}, lược đồ / schema "
        f"{m.schema_revision})\n"
        f"  {m.counts.organisations:,} đơn vị / organisations, {m.counts.users:,} tài khoản / "
        f"users, {m.counts.documents:,} văn bản / documents\n"
        f"  {len(m.blobs):,} tệp / files: {report.copied:,} chép / copied "
        f"({report.bytes_copied / 1e6:,.1f} MB), {report.linked:,} liên kết từ bản trước / "
        f"linked from the previous backup — {report.seconds:.1f} s"
    )
    if m.unavailable:
        for sha in m.unavailable:
            print(
                f"  mất hoặc hỏng trong kho / lost or damaged in the store: {sha}", file=sys.stderr
            )
        print(
            f"{len(m.unavailable)} tệp đã mất hoặc hỏng trong kho từ trước nên không có trong bản "
            "sao lưu; chạy 'admin blobs scrub' và tải lại các tệp đó.\n"
            f"{len(m.unavailable)} files were already lost or damaged in the store, so they are "
            "not in the backup; run 'admin blobs scrub' and upload them again.",
            file=sys.stderr,
        )
        return INCOMPLETE_STORE
    return 0


def _restore(args: argparse.Namespace, settings_of: SettingsOf) -> int:
    from .errors import BackupError
    from .restore import restore_backup

    if not args.data_dir:
        raise BackupError(
            "Cần --data-dir: thư mục dữ liệu mới (trống) để phục hồi vào.",
            "--data-dir is required: the new (empty) data folder to restore into.",
        )
    settings = settings_of(args)
    report = restore_backup(Path(args.dir), settings, _progress)
    m, c = report.manifest, report.counts
    print(
        f"Đã phục hồi / restored: {args.dir} → {settings.data_dir}\n"
        f"  bản sao lưu lúc / taken at {m.created_at}, lược đồ / schema {m.schema_revision} → "
        f"{report.revision}\n"
        f"  {c.organisations:,} đơn vị / organisations, {c.users:,} tài khoản / users, "
        f"{c.documents:,} văn bản / documents, {c.blobs:,} tệp / files "
        f"({report.bytes_restored / 1e6:,.1f} MB) — {report.seconds:.1f} s"
    )
    if m.unavailable:
        print(
            f"{len(m.unavailable)} tệp đã mất trong kho trước khi sao lưu nên không được phục hồi "
            "(xem manifest.json, mục unavailable).\n"
            f"{len(m.unavailable)} files were lost in the store before the backup, so they were "
            "not restored (see manifest.json, 'unavailable').",
            file=sys.stderr,
        )
    return 0
