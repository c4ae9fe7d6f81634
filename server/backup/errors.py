"""What a backup or a restore tells its operator when it cannot go on: one error type with both
languages, and the one place where the operating system's and the tools' failures become it."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from base.errors import VanThuError

__all__ = [
    "BackupError",
    "disk_full",
    "no_permission",
    "os_failure",
    "translated_os_errors",
    "tool_missing",
    "tool_failed",
    "not_empty",
    "not_a_backup",
]

logger = logging.getLogger(__name__)


class BackupError(VanThuError):
    """A backup, verification or restore that stopped; the message says why and what to do."""

    title_vi = "Sao lưu / phục hồi"
    title_en = "Backup / restore"


def disk_full(path: Path) -> BackupError:
    return BackupError(
        f"Hết chỗ trống trên đĩa khi ghi {path}. Bản sao lưu dở dang đã bị đánh dấu là chưa "
        "hoàn tất (không bao giờ được dùng để phục hồi) và phần đã ghi đã được xoá; hãy giải "
        "phóng chỗ trống hoặc chọn thư mục khác rồi chạy lại.",
        f"The disk is full while writing {path}. The partial backup is marked incomplete (it is "
        "never used for a restore) and what was written has been removed; free some space or "
        "choose another folder, then run it again.",
    )


def no_permission(path: Path) -> BackupError:
    return BackupError(
        f"Không có quyền truy cập {path}. Hãy chạy lệnh bằng tài khoản chạy máy chủ (hoặc cấp "
        "quyền đọc/ghi cho tài khoản này).",
        f"No permission to access {path}. Run the command as the account the server runs as "
        "(or give this account read/write access).",
    )


def os_failure(path: Path, exc: OSError) -> BackupError:
    """An operating-system failure on ``path``, told by its kind where the kind has advice."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return no_permission(path)
    reason = exc.strerror or type(exc).__name__
    return BackupError(f"Lỗi khi truy cập {path}: {reason}.", f"Cannot access {path}: {reason}.")


@contextmanager
def translated_os_errors(path: Path) -> Iterator[None]:
    """Turn an ``OSError`` (or SQLite's "disk is full") inside the block into a ``BackupError``
    naming ``path``."""
    try:
        yield
    except OSError as exc:
        raise os_failure(Path(exc.filename) if exc.filename else path, exc) from exc
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            raise disk_full(path) from exc
        raise


def tool_missing(tool: str) -> BackupError:
    return BackupError(
        f"Không tìm thấy chương trình {tool} của PostgreSQL. Hãy cài gói máy khách PostgreSQL "
        "(ví dụ postgresql-client) cùng phiên bản chính với máy chủ cơ sở dữ liệu hoặc mới hơn, "
        "hoặc đặt VANTHU_PG_BIN là thư mục chứa nó.",
        f"PostgreSQL's {tool} was not found. Install the PostgreSQL client tools (e.g. "
        "postgresql-client) of the database server's major version or newer, or set "
        "VANTHU_PG_BIN to the folder that holds it.",
    )


def tool_failed(tool: str, output: str) -> BackupError:
    """A PostgreSQL tool that exited with an error; its own last lines say why (they never carry
    the password, which it reads from its environment)."""
    tail = "\n".join(output.strip().splitlines()[-6:])
    if "No space left on device" in tail:
        return BackupError(
            f"{tool}: hết chỗ trống trên đĩa. Bản sao lưu dở dang đã bị đánh dấu là chưa hoàn "
            f"tất.\n{tail}",
            f"{tool}: the disk is full. The partial backup is marked incomplete.\n{tail}",
        )
    return BackupError(f"{tool} báo lỗi:\n{tail}", f"{tool} failed:\n{tail}")


def not_empty(what_vi: str, what_en: str) -> BackupError:
    return BackupError(
        f"{what_vi} không trống: phục hồi và sao lưu chỉ ghi vào nơi trống, để không bao giờ trộn "
        "hay ghi đè dữ liệu đang có. Hãy chọn nơi khác.",
        f"{what_en} is not empty: a backup or a restore only writes into an empty place, so that it "
        "never mixes with or overwrites existing data. Choose another one.",
    )


def not_a_backup(folder: Path, why_vi: str, why_en: str) -> BackupError:
    return BackupError(
        f"{folder} không phải một bản sao lưu dùng được: {why_vi}",
        f"{folder} is not a usable backup: {why_en}",
    )
