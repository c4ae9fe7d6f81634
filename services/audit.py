"""Who read and did what, for the desktop: the administrator's audit trail (filters, every page,
a CSV file for the inspector) and login statistics. The server decides what an administrator
may see; this layer shapes the calls and writes the file, so the window and ``vanthu audit`` stay
thin callers."""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from base.audit import AuditCategory
from base.errors import VanThuError
from client.api import ApiClient
from client.records import AuditEntry, LoginStat

__all__ = [
    "AuditQuery",
    "AuditTrail",
    "AuditExportFailed",
    "AUDIT_LIMIT",
    "write_audit_csv",
    "CSV_HEADINGS",
]

AUDIT_LIMIT = 50_000
"""At most this many events in one listing or export: narrow the filters for more."""
PAGE = 1000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditQuery:
    category: AuditCategory | None = None
    action: str = ""
    username: str = ""
    document: int | None = None
    since: dt.date | None = None
    """Vietnam dates, both included."""
    until: dt.date | None = None


class AuditTrail:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    def events(self, query: AuditQuery, limit: int = AUDIT_LIMIT) -> list[AuditEntry]:
        """Every event matching ``query``, newest first (at most ``limit``)."""
        filters = {k: v for k, v in asdict(query).items() if v not in (None, "")}
        found: list[AuditEntry] = []
        cursor: str | None = None
        while len(found) < limit:
            page = self.client.audit_events(filters, cursor, min(PAGE, limit - len(found)))
            found.extend(page.items)
            if not page.next_cursor:
                break
            cursor = page.next_cursor
        return found

    def login_stats(self, start: dt.date, end: dt.date, by_month: bool = False) -> list[LoginStat]:
        return self.client.login_stats(start, end, by_month)


CSV_HEADINGS = (
    "Thời điểm / Time",
    "Tài khoản / Account",
    "Họ và tên / Name",
    "Đơn vị / Organisation",
    "Nhóm / Category",
    "Hành động / Action",
    "Văn bản / Document",
    "Chi tiết / Detail",
)


def _text(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_audit_csv(entries: Iterable[AuditEntry], path: Path) -> Path:
    """UTF-8 with a byte-order mark (Excel opens Vietnamese right), written to a temporary file
    and moved into place: a full disk leaves no half file behind."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        path = path.with_suffix(".csv")
    temporary: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=".audit-", suffix=".csv", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_HEADINGS)
            for e in entries:
                when = e.at.astimezone().strftime("%d/%m/%Y %H:%M:%S") if e.at else ""
                texts = (e.username, e.full_name, e.organisation, e.category, e.action)
                writer.writerow([when, *map(_text, texts), e.document_id or "", _text(e.detail)])
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise AuditExportFailed(path, exc) from exc
    return path


class AuditExportFailed(VanThuError):
    title_vi, title_en = "Không xuất được nhật ký", "Audit export failed"

    def __init__(self, path: Path, cause: OSError) -> None:
        reason = cause.strerror or str(cause)
        super().__init__(
            f"Không ghi được tệp {path.name}: {reason}.", f"Could not write {path.name}: {reason}."
        )
