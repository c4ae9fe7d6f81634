"""Tray news from the cache: new urgent incoming documents and deadlines due today."""

from __future__ import annotations

import datetime as dt

from client.cache.alerts import collect_alerts
from client.cache.store import CacheStore
from client.records import Document

TODAY = dt.date(2026, 11, 24)


def _doc(
    doc_id: int, urgency: int = 0, direction: str = "incoming", due: dt.date | None = None
) -> Document:
    return Document.from_json(
        {
            "id": doc_id,
            "direction": direction,
            "doc_type": "Công văn",
            "code_number": str(doc_id),
            "code_notation": "UBND",
            "number_symbol": f"{doc_id}/UBND",
            "subject": f"Văn bản {doc_id}",
            "urgency": urgency,
            "secrecy": 0,
            "status": "received",
            "revision": doc_id,
            "current_version": 0,
            "versions": [],
            "due_date": due.isoformat() if due else None,
        }
    )


def test_first_look_is_quiet_then_only_news_is_reported(tmp_path) -> None:
    store = CacheStore(tmp_path / "cache.sqlite")
    with store.write() as conn:
        store.upsert(conn, [_doc(1, urgency=3), _doc(2, due=TODAY)])
    first = collect_alerts(store, TODAY)
    assert first.urgent == () and first.due_today == 1  # no flood of old urgent mail on a new cache
    with store.write() as conn:
        store.upsert(
            conn,
            [
                _doc(3, urgency=2),
                _doc(4, urgency=1),
                _doc(5, urgency=4, direction="outgoing"),
                _doc(6, urgency=3, due=TODAY),
            ],
        )
    news = collect_alerts(store, TODAY)
    assert [d.id for d in news.urgent] == [6, 3] and news.due_today == 0  # deadlines: once a day
    assert not collect_alerts(store, TODAY)
    assert (
        collect_alerts(store, TODAY + dt.timedelta(days=1)).due_today == 0
    )  # nothing due tomorrow
