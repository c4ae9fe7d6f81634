"""What deserves a tray notification after a sync.

New urgent incoming documents (Thượng khẩn and above) since the last look,
incoming documents their sender has withdrawn or replaced since then, and the
deadlines due today (once a day). The marker lives in the cache's
meta table, so a restart does not repeat old news and the very first sync
of a new cache does not flood the user with a year of history.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from .store import CacheStore

__all__ = ["Alerts", "UrgentDocument", "collect_alerts", "URGENT"]

logger = logging.getLogger(__name__)

URGENT = 2  # Thượng khẩn, Hỏa tốc, Hỏa tốc hẹn giờ
LAST_ID, DUE_DAY, LAST_REVISION = "alerts.last_id", "alerts.due_day", "alerts.last_revision"


@dataclass(frozen=True)
class UrgentDocument:
    id: int
    number_symbol: str
    subject: str
    urgency: int


@dataclass(frozen=True)
class Alerts:
    urgent: tuple[UrgentDocument, ...] = ()
    due_today: int = 0
    withdrawn: tuple[UrgentDocument, ...] = ()
    """Incoming documents withdrawn or replaced by their sender since the last look."""

    def __bool__(self) -> bool:
        return bool(self.urgent or self.due_today or self.withdrawn)


def _incoming(conn: Any, condition: str, *args: Any) -> tuple[UrgentDocument, ...]:
    """Up to 20 incoming documents matching ``condition`` (which ends in its ORDER BY)."""
    rows = conn.exec_driver_sql(
        "SELECT id, number_symbol, subject, urgency FROM documents "
        f"WHERE direction = 'incoming' AND {condition} LIMIT 20",
        args,
    )
    return tuple(UrgentDocument(*row) for row in rows)


def collect_alerts(store: CacheStore, today: dt.date) -> Alerts:
    """The news since the previous call (and marks it seen)."""
    marker = int(store.meta(LAST_ID) or -1)
    with store.read() as conn:
        newest = int(
            conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM documents").scalar() or 0
        )
        urgent = (
            _incoming(
                conn, "urgency >= ? AND id > ? ORDER BY urgency DESC, id DESC", URGENT, marker
            )
            if marker >= 0
            else ()
        )
        seen = int(store.meta(LAST_REVISION) or -1)
        latest = int(
            conn.exec_driver_sql("SELECT coalesce(max(revision), 0) FROM documents").scalar() or 0
        )
        withdrawn = (
            _incoming(
                conn,
                "status IN ('withdrawn', 'replaced') AND revision > ? ORDER BY revision DESC",
                seen,
            )
            if seen >= 0
            else ()
        )
        due = 0
        if store.meta(DUE_DAY) != today.isoformat():
            due = int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM documents WHERE due_date = ? AND status NOT IN ('done', 'issued')",
                    (today.isoformat(),),
                ).scalar()
                or 0
            )
    with store.write() as conn:
        store.set_meta(conn, LAST_ID, str(max(newest, marker)))
        store.set_meta(conn, DUE_DAY, today.isoformat())
        store.set_meta(conn, LAST_REVISION, str(max(latest, seen)))
    return Alerts(urgent, due, withdrawn)
