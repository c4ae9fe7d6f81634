"""Saved searches (Decree 30/2020 Appendix VI III.6.e): a user's named list filters.

They live on the server (``/saved-searches``), so every machine the user signs in on has the
same ones; the last list received is kept in the account's cache, so they still open offline
after a restart. Changing one needs the server. ``query_to_saved`` and ``saved_to_query`` turn
a list's ``DocumentQuery`` (plus the user's column order) into the stored filters and back.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from base.errors import VanThuError
from client.cache.query import DocumentQuery, Sort
from client.cache.queues import Queue, QueueScope, by_deadline
from client.errors import NotFound, ServerUnavailable
from client.records import SavedSearch

from .session import Session

__all__ = [
    "SAVED_FILTERS",
    "NAME_LENGTH",
    "SavedSearchesOffline",
    "query_to_saved",
    "saved_to_query",
    "saved_columns",
    "clean_name",
    "saved_searches",
    "local_saved_searches",
    "find_saved_search",
    "save_search",
    "update_search",
    "delete_search",
]

logger = logging.getLogger(__name__)

SAVED_FILTERS = (
    "text",
    "direction",
    "queue",
    "doc_type",
    "min_urgency",
    "overdue",
    "status",
    "columns",
)
"""What a saved search holds (the server's ``SavedQuery``)."""
NAME_LENGTH = 100
_LOCAL_KEY = "saved_searches"
"""The cache's meta key of the last list the server gave."""


class SavedSearchesOffline(VanThuError):
    title_vi = "Đang ngoại tuyến"
    title_en = "Offline"
    message_vi = (
        "Tìm kiếm đã lưu được giữ trên máy chủ để dùng trên mọi máy; hãy kết nối máy chủ rồi "
        "lưu, đổi tên hoặc xoá lại."
    )
    message_en = (
        "Saved searches are kept on the server so that every machine has them; connect to the "
        "server, then save, rename or delete again."
    )


def query_to_saved(query: DocumentQuery, columns: Sequence[str] | None = None) -> dict[str, Any]:
    """The filters of a list query as a saved search keeps them (and the user's column order).
    Sorting, paging and the date of "today" are not part of it: they are the moment's."""
    return {
        "text": query.text.strip(),
        "direction": query.direction or None,
        "queue": query.queue.value if query.queue is not None else None,
        "doc_type": query.doc_type or None,
        "min_urgency": query.min_urgency,
        "overdue": bool(query.overdue),
        "status": query.status or None,
        "columns": list(dict.fromkeys(columns)) if columns is not None else None,
    }


def _queue(value: Any) -> Queue | None:
    try:
        return Queue(value) if value else None
    except ValueError:  # a queue a newer version saved: the rest of the filters still apply
        logger.info("saved search names an unknown queue %r; ignored", value)
        return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def saved_to_query(
    saved: Mapping[str, Any],
    today: dt.date | None = None,
    scope: QueueScope | None = None,
    limit: int = 100,
) -> DocumentQuery:
    """The list query of saved filters, judged on ``today`` (overdue) for the user of ``scope``
    (a work queue, a part and a deadline are someone's; without a scope a saved queue is left
    out). Unknown or malformed values are left out, never guessed."""
    text = saved.get("text") if isinstance(saved.get("text"), str) else ""
    queue = _queue(saved.get("queue"))
    urgency = saved.get("min_urgency")
    overdue = saved.get("overdue") is True
    if text:
        sort = Sort.RELEVANCE
    elif overdue or (queue is not None and by_deadline(queue)):
        sort = Sort.DUE
    else:
        sort = Sort.NEWEST
    return DocumentQuery(
        text=text or "",
        direction=saved.get("direction")
        if saved.get("direction") in ("incoming", "outgoing")
        else None,
        doc_type=_text(saved.get("doc_type")),
        min_urgency=urgency if isinstance(urgency, int) and not isinstance(urgency, bool) else None,
        status=_text(saved.get("status")),
        overdue=overdue,
        today=today or (scope.today if scope else None),
        sort=sort,
        limit=limit,
        queue=queue if scope is not None else None,
        scope=scope,  # also whose part and deadline each row shows
    )


def saved_columns(saved: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The columns the user chose, in their order (None: the list's usual ones)."""
    columns = saved.get("columns")
    if not isinstance(columns, list):
        return None
    return tuple(c for c in columns if isinstance(c, str))


def clean_name(name: str) -> str:
    """The name as the server keeps it (NFC, trimmed); a blank or too long one is refused here,
    before anything is sent."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned or len(cleaned) > NAME_LENGTH:
        raise VanThuError(
            f"Tên tìm kiếm cần từ 1 đến {NAME_LENGTH} ký tự.",
            f"A saved search's name needs 1 to {NAME_LENGTH} characters.",
            title_vi="Tên không hợp lệ",
            title_en="Invalid name",
        )
    return cleaned


# -- the local copy ----------------------------------------------------------------------
def local_saved_searches(session: Session) -> list[SavedSearch]:
    """The last list the server gave, as kept in the account's cache."""
    raw = session.store.meta(_LOCAL_KEY)
    if not raw:
        return []
    try:
        return [SavedSearch.from_json(item) for item in json.loads(raw)]
    except (ValueError, KeyError, TypeError) as exc:  # a damaged copy: the server has them
        logger.warning("local copy of the saved searches unreadable (%s); ignored", exc)
        return []


def _keep(session: Session, searches: Sequence[SavedSearch]) -> None:
    text = json.dumps([s.to_json() for s in searches], ensure_ascii=False)
    with session.store.write() as conn:
        session.store.set_meta(conn, _LOCAL_KEY, text)


def _replace(session: Session, changed: SavedSearch | None, gone: int | None = None) -> None:
    kept = [s for s in local_saved_searches(session) if s.id not in (gone, changed and changed.id)]
    if changed is not None:
        kept.append(changed)
    _keep(session, sorted(kept, key=lambda s: s.id))


# -- operations ----------------------------------------------------------------------------
def saved_searches(session: Session) -> list[SavedSearch]:
    """The user's saved searches: the server's list while it is reachable (kept for later),
    else the copy kept here."""
    if session.online:
        try:
            found = session.client.saved_searches()
        except ServerUnavailable:
            session.online = False
        else:
            _keep(session, found)
            return found
    return local_saved_searches(session)


def find_saved_search(session: Session, name: str) -> SavedSearch | None:
    """The saved search of that name (ignoring case and Unicode form)."""
    wanted = unicodedata.normalize("NFC", name).strip().casefold()
    return next((s for s in saved_searches(session) if s.name.casefold() == wanted), None)


def _offline(session: Session) -> NoReturn:
    """Changes are the server's to keep: offline they are refused in words."""
    session.online = False
    raise SavedSearchesOffline()


def save_search(session: Session, name: str, query: Mapping[str, Any]) -> SavedSearch:
    """A new saved search (``Conflict`` with code ``duplicate_name`` when the name is taken,
    ``too_many`` at the limit)."""
    try:
        made = session.client.create_saved_search(clean_name(name), query)
    except ServerUnavailable:
        _offline(session)
    session.online = True
    _replace(session, made)
    return made


def update_search(
    session: Session,
    search_id: int,
    *,
    name: str | None = None,
    query: Mapping[str, Any] | None = None,
) -> SavedSearch:
    """Rename it, change its filters, or both."""
    try:
        changed = session.client.update_saved_search(
            search_id, name=clean_name(name) if name is not None else None, query=query
        )
    except ServerUnavailable:
        _offline(session)
    session.online = True
    _replace(session, changed)
    return changed


def delete_search(session: Session, search_id: int) -> None:
    """Gone on every machine (one already gone elsewhere is gone here too)."""
    try:
        session.client.delete_saved_search(search_id)
    except NotFound:
        pass
    except ServerUnavailable:
        _offline(session)
    session.online = True
    _replace(session, None, gone=search_id)
