"""One cached document as one row: every field stored once, the record rebuilt from its columns.

The server's record (``DocumentOut`` JSON) is written straight from its parsed values — never
through ``Document`` and back — because at a first sync of 100,000 documents that round trip
cost nearly half the time. Scalar fields are typed columns (times as UTC microseconds), lists of
strings JSON arrays, and whatever has structure (versions, trace, assignments, deliveries,
marks, exchange, and any field a newer server adds) one compact JSON object in ``rest``,
deflated with a preset dictionary when it is long. ``number_symbol`` and ``sort_date`` are
derived by SQLite (generated columns), so they take no space in the row; a server that ever
spells a number differently from the rule keeps its spelling in ``ns_override``.

The folded search text is not stored at all: the full-text index is contentless, and the text
is folded again from the columns when the index needs it (to delete a row's words, to rank a
window of matches). ``INDEX_VERSION`` names the folding; when it changes, the cache rebuilds
its index at the next start (``CacheStore``).
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import orjson

from .folding import fold

__all__ = [
    "COLUMNS",
    "INSERT",
    "SEARCH_COLUMNS",
    "INDEX_VERSION",
    "row",
    "record",
    "search_texts",
    "search_texts_of",
    "index_entries",
    "derived_number",
]

logger = logging.getLogger(__name__)

INDEX_VERSION = "1"
"""The folding of ``search_texts`` (``folding.fold`` and the fields it joins): a change here
must change this, or deleting a row's old words from the contentless index would miss them."""

_TEXT = (
    "direction",
    "doc_type",
    "code_number",
    "code_notation",
    "issued_date",
    "arrival_date",
    "arrival_number",
    "organ_name",
    "subject",
    "language",
    "page_amount",
    "description",
    "signer_position",
    "signer_name",
    "urgency",
    "secrecy",
    "due_date",
)
_LISTS = ("to_places", "recipients")
_MORE = (
    "issued_amount",
    "file_code",
    "register_id",
    "status",
    "organisation_id",
    "created_by",
)
_TIMES = ("created_at", "updated_at")
_LAST = ("revision", "current_version", "source_id", "origin", "document_identifier")

COLUMNS: tuple[str, ...] = (
    "id",
    *_TEXT,
    *_LISTS,
    *_MORE,
    *_TIMES,
    *_LAST,
    "ns_override",
    "indexed",
    "rest",
)
"""The stored columns in ``row()`` order (the generated ``number_symbol`` and ``sort_date``
are not among them)."""

_STORED = frozenset(COLUMNS) | {"number_symbol"}

INSERT = (
    f"INSERT OR REPLACE INTO documents ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(COLUMNS))})"
)

SEARCH_COLUMNS: tuple[str, ...] = (
    "code_number",
    "code_notation",
    "ns_override",
    "arrival_number",
    "subject",
    "organ_name",
    "signer_name",
    "doc_type",
    "recipients",
    "to_places",
)
"""What ``search_texts_of`` folds, in its order."""

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICRO = dt.timedelta(microseconds=1)

# Deflating ``rest`` with a preset dictionary of what a trace, a version, a part and a delivery
# look like shrinks a worked document's history to about a third; the byte in front names the
# dictionary, so a later one never misreads an earlier row.
_PLAIN, _DEFLATED_1 = b"{", b"\x01"
_DEFLATE_FROM = 96
_ZDICT_1 = (
    '"file_signatures":[{"name":"","signatures":[]}],"attachments":[{"content_id":"cid:1",'
    '"name":"","content_type":"application/pdf","description":"","size":,"sha256":"'
    '"exchange":{"sender":"000.00.00.","sender_name":"","document_identifier":"","source":'
    '"file","received_at":"2026-","signature":"absent","signature_detail_vi":"",'
    '"signature_detail_en":"","signer":"","signature_trusted":null,"files_ok":null,'
    '"problems":"","take_back_reason":""},"deliveries":[{"organisation":"Sở ","status":'
    '"arrived","via":"server","agency_code":"","status_code":"","reason":"","at":null},'
    '"marks":["external"],"assignments":[{"user_id":,"user_name":"","kind":"lead","state":'
    '"active","deadline":"2026-","requested_deadline":null,"assigned_by":},{"user_id":'
    '"kind":"co","kind":"info","state":"done","versions":[{"number":1,"sha256":"","size":'
    '"filename":".pdf","content_type":"application/pdf","author":"","note":"Bản gốc",'
    '"created_at":"2026-"}],"trace":[{"at":"2026-","user_id":,"user_name":"Nguyễn Thị ",'
    '"role":"clerk","action":"register","from_status":"arrived","to_status":"received",'
    '"comment":"","recipients":[]},{"at":"2026-","user_id":,"user_name":"Trần Văn ",'
    '"role":"leader","action":"assign","from_status":"received","to_status":"assigned",'
    '"comment":"","recipients":[]},{"at":"2026-","user_id":,"user_name":"","role":'
    '"specialist","action":"finish","from_status":"processing","to_status":"done",'
    '"comment":"Đã giải quyết","recipients":[]}],'
).encode()


def _micros(value: Any) -> int | None:
    if not value:
        return None
    moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (moment - _EPOCH) // _MICRO


def _iso_time(micros: int | None) -> str | None:
    return None if micros is None else (_EPOCH + micros * _MICRO).isoformat()


def derived_number(code_number: str | None, code_notation: str) -> str:
    """The server's number/symbol rule (its ``number_symbol``)."""
    if not code_number:
        return ""
    return f"{code_number}/{code_notation}" if code_notation else code_number


def _pack(rest: dict[str, Any]) -> bytes | None:
    if not rest:
        return None
    text = orjson.dumps(rest)
    if len(text) < _DEFLATE_FROM:
        return text
    packer = zlib.compressobj(6, zlib.DEFLATED, -15, zdict=_ZDICT_1)
    return _DEFLATED_1 + packer.compress(text) + packer.flush()


def _unpack(blob: bytes | None) -> dict[str, Any]:
    if not blob:
        return {}
    if blob[:1] == _DEFLATED_1:
        unpacker = zlib.decompressobj(-15, zdict=_ZDICT_1)
        blob = unpacker.decompress(blob[1:]) + unpacker.flush()
    elif blob[:1] != _PLAIN:
        raise ValueError(f"unknown packing {blob[:1]!r} of a cached document")
    found: dict[str, Any] = orjson.loads(blob)
    return found


def _array(values: Sequence[str] | None) -> str | None:
    return orjson.dumps(list(values)).decode() if values else None


def row(data: Mapping[str, Any], searchable: bool) -> tuple[Any, ...]:
    """The stored values of one server record (``COLUMNS`` order); ``searchable``: its words go
    into the search index."""
    get = data.get
    code_number, code_notation = get("code_number"), get("code_notation") or ""
    number = get("number_symbol") or ""
    return (
        data["id"],
        data["direction"],
        get("doc_type") or "",
        code_number,
        code_notation,
        get("issued_date") or None,
        get("arrival_date") or None,
        get("arrival_number"),
        get("organ_name") or "",
        get("subject") or "",
        get("language", "vi"),
        get("page_amount") or 0,
        get("description") or "",
        get("signer_position") or "",
        get("signer_name") or "",
        get("urgency") or 0,
        get("secrecy") or 0,
        get("due_date") or None,
        _array(get("to_places")),
        _array(get("recipients")),
        get("issued_amount"),
        get("file_code") or "",
        get("register_id"),
        get("status") or "",
        get("organisation_id") or 0,
        get("created_by") or 0,
        _micros(get("created_at")),
        _micros(get("updated_at")),
        get("revision") or 0,
        get("current_version") or 0,
        get("source_id"),
        get("origin", "created"),
        get("document_identifier"),
        None if number == derived_number(code_number, code_notation) else number,
        1 if searchable else 0,
        _pack({k: v for k, v in data.items() if k not in _STORED and v not in (None, [], {})}),
    )


_ID, _TO_PLACES, _RECIPIENTS = 0, COLUMNS.index("to_places"), COLUMNS.index("recipients")
_CREATED, _UPDATED = COLUMNS.index("created_at"), COLUMNS.index("updated_at")
_OVERRIDE, _INDEXED, _REST = len(COLUMNS) - 3, len(COLUMNS) - 2, len(COLUMNS) - 1


def record(values: Sequence[Any]) -> dict[str, Any]:
    """The server's JSON record again from a ``SELECT {COLUMNS}`` row."""
    data: dict[str, Any] = {"id": values[_ID]}
    for index in range(1, _OVERRIDE):
        data[COLUMNS[index]] = values[index]
    data["to_places"] = orjson.loads(values[_TO_PLACES]) if values[_TO_PLACES] else []
    data["recipients"] = orjson.loads(values[_RECIPIENTS]) if values[_RECIPIENTS] else []
    data["created_at"] = _iso_time(values[_CREATED])
    data["updated_at"] = _iso_time(values[_UPDATED])
    override = values[_OVERRIDE]
    data["number_symbol"] = (
        override
        if override is not None
        else derived_number(data["code_number"], data["code_notation"])
    )
    data.update(_unpack(values[_REST]))
    return data


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return fold(text)


def _folded(parts: Iterable[str]) -> str:
    """``fold(" ".join(parts))``, part by part: a space blocks NFD's reordering, so the two are
    equal, and the short parts that recur (an issuing body, a signer, a type, a recipient) are
    folded once."""
    return " ".join(_fold_short(p) if len(p) <= 64 else fold(p) for p in parts if p)


def search_texts(data: Mapping[str, Any]) -> tuple[str, str]:
    """The folded number/symbol and text the index holds for a record (the server's fields)."""
    number = _folded(
        (
            data.get("number_symbol") or "",
            data.get("code_notation") or "",
            str(data.get("arrival_number") or ""),
        )
    )
    text = _folded(
        (
            data.get("subject") or "",
            data.get("organ_name") or "",
            data.get("signer_name") or "",
            data.get("doc_type") or "",
            *(data.get("recipients") or ()),
            *(data.get("to_places") or ()),
        )
    )
    return number, text


def search_texts_of(values: Sequence[Any]) -> tuple[str, str]:
    """``search_texts`` from the values of ``SEARCH_COLUMNS`` (without rebuilding the record)."""
    code_number, code_notation, override, arrival, subject, organ, signer, kind, to, places = values
    return search_texts(
        {
            "number_symbol": override
            if override is not None
            else derived_number(code_number, code_notation or ""),
            "code_notation": code_notation,
            "arrival_number": arrival,
            "subject": subject,
            "organ_name": organ,
            "signer_name": signer,
            "doc_type": kind,
            "recipients": orjson.loads(to) if to else (),
            "to_places": orjson.loads(places) if places else (),
        }
    )


def index_entries(
    rows: Iterable[Sequence[Any]], records: Iterable[Mapping[str, Any]]
) -> list[tuple[Any, str, str]]:
    """``(rowid, number, text)`` of the rows marked searchable, folded from their records."""
    return [(r[_ID], *search_texts(d)) for r, d in zip(rows, records, strict=True) if r[_INDEXED]]
