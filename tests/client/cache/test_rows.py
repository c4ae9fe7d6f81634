"""One document, one row: every field of the server's record comes back from the columns, and
the search index is fed the same folded text the earlier layouts stored."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import orjson
import pytest

from client.cache import CacheStore, rows
from client.cache.folding import fold
from client.cache.query import DocumentQuery, count
from client.records import Document
from tests.client.cache.old_layout import old_row

TRACE = [
    {
        "at": f"2026-03-0{day}T0{day}:15:00.123456Z",
        "user_id": user,
        "user_name": name,
        "role": role,
        "action": action,
        "from_status": before,
        "to_status": after,
        "comment": comment,
        "recipients": recipients,
    }
    for day, user, name, role, action, before, after, comment, recipients in (
        (1, 1, "Nguyễn Thị Hồng Nhung", "clerk", "register", "arrived", "received", "", []),
        (2, 1, "Nguyễn Thị Hồng Nhung", "clerk", "present", "received", "received", "", [2]),
        (3, 2, "Trần Quốc Việt", "leader", "assign", "received", "assigned", "Xử lý gấp", [4]),
        (4, 4, "Nguyễn Văn Nam", "specialist", "note", "assigned", "processing", "Đang làm", []),
    )
]

WORKED: dict[str, Any] = {
    "id": 41,
    "direction": "incoming",
    "doc_type": "Công văn",
    "code_number": "4512",
    "code_notation": "BTTTT-CĐSQG",
    "number_symbol": "4512/BTTTT-CĐSQG",
    "issued_date": "2026-02-27",
    "organ_name": "Bộ Thông tin và Truyền thông",
    "subject": "V/v hướng dẫn chuyển đổi số trong cơ quan nhà nước năm 2026",
    "language": "vi",
    "page_amount": 3,
    "description": "Bản chụp",
    "signer_position": "Thứ trưởng",
    "signer_name": "Phạm Đức Long",
    "urgency": 2,
    "secrecy": 0,
    "due_date": "2026-03-15",
    "to_places": ["UBND các tỉnh, thành phố", "Sở TT&TT"],
    "recipients": ["Như trên", "Lưu: VT, CĐSQG"],
    "issued_amount": 12,
    "arrival_number": 318,
    "arrival_date": "2026-03-01",
    "file_code": "HS-2026-07",
    "register_id": 3,
    "status": "processing",
    "organisation_id": 1,
    "created_by": 1,
    "created_at": "2026-03-01T01:00:00+00:00",
    "updated_at": "2026-03-04T04:15:00.123456+00:00",
    "revision": 90_210,
    "current_version": 2,
    "versions": [
        {
            "number": n,
            "sha256": f"{n:x}" * 64,
            "size": 84_267 + n,
            "filename": "4512-BTTTT-CĐSQG.pdf",
            "content_type": "application/pdf",
            "author": "Nguyễn Thị Hồng Nhung",
            "note": "Bản gốc" if n == 1 else "Đóng dấu ĐẾN",
            "created_at": f"2026-03-01T0{n}:00:00Z",
        }
        for n in (1, 2)
    ],
    "trace": TRACE,
    "assignments": [
        {
            "user_id": 4,
            "user_name": "Nguyễn Văn Nam",
            "kind": "lead",
            "state": "active",
            "deadline": "2026-03-12",
            "requested_deadline": "2026-03-20",
            "assigned_by": 2,
        }
    ],
    "source_id": None,
    "origin": "exchange",
    "deliveries": [],
    "document_identifier": "000.00.00.G17,2026/02/27,4512/BTTTT-CĐSQG",
    "marks": ["take_back_asked"],
    "exchange": {
        "sender": "000.00.00.G17",
        "sender_name": "Bộ Thông tin và Truyền thông",
        "document_identifier": "000.00.00.G17,2026/02/27,4512/BTTTT-CĐSQG",
        "source": "file",
        "received_at": "2026-03-01T00:59:00.5Z",
        "signature": "valid",
        "signature_detail_vi": "",
        "signature_detail_en": "",
        "signer": "Phạm Đức Long",
        "signature_trusted": True,
        "files_ok": True,
        "file_signatures": [{"name": "4512-BTTTT-CĐSQG.pdf", "signatures": []}],
        "attachments": [],
        "problems": "",
        "take_back_reason": "",
    },
}

ISSUED: dict[str, Any] = {
    **{k: WORKED[k] for k in ("doc_type", "subject", "organisation_id", "created_by")},
    "id": 77,
    "direction": "outgoing",
    "code_number": "73",
    "code_notation": "TB-UBND",
    "number_symbol": "73/TB-UBND",
    "issued_date": "2026-04-02",
    "status": "issued",
    "revision": 90_300,
    "created_at": "2026-04-01T08:00:00+07:00",  # an offset: the same moment comes back
    "updated_at": None,
    "deliveries": [
        {"organisation": "Sở Tài chính", "status": "arrived", "via": "server"},
        {
            "organisation": "UBND tỉnh Nghệ An",
            "status": "queued",
            "via": "axis",
            "agency_code": "000.00.00.H41",
            "status_code": "03",
            "reason": "Đã vào sổ văn bản đến",
            "at": "2026-04-02T03:00:00Z",
        },
    ],
    "marks": ["external"],
}

ODD: dict[str, Any] = {
    "id": 5,
    "direction": "incoming",
    "code_number": "05",
    "code_notation": "",
    "number_symbol": "Số 05 (bản sao)",  # not the rule's spelling: kept as the server said
    "subject": "",
    "language": "en",
    "origin": "imported",
    "a_field_from_a_newer_server": {"kept": [1, 2]},
}

MINIMAL: dict[str, Any] = {"id": 9, "direction": "outgoing"}

RECORDS = [WORKED, ISSUED, ODD, MINIMAL]


def _stored(data: dict[str, Any], searchable: bool = True) -> tuple[Any, ...]:
    """The row as SQLite gives it back (what ``record`` reads)."""
    return rows.row(copy.deepcopy(data), searchable)


@pytest.mark.parametrize("data", RECORDS, ids=lambda d: str(d["id"]))
def test_every_field_comes_back_from_the_columns(data: dict[str, Any]) -> None:
    back = rows.record(_stored(data))
    assert Document.from_json(back) == Document.from_json(data)
    assert back["number_symbol"] == data.get("number_symbol", "")


def test_what_the_record_adds_beyond_the_fields_is_kept() -> None:
    back = rows.record(_stored(ODD))
    assert back["a_field_from_a_newer_server"] == {"kept": [1, 2]}
    assert rows.record(_stored(WORKED))["exchange"] == WORKED["exchange"]


def test_a_number_spelled_by_the_rule_is_not_stored_twice() -> None:
    override = rows.COLUMNS.index("ns_override")
    assert _stored(WORKED)[override] is None
    assert _stored(ODD)[override] == "Số 05 (bản sao)"


def test_a_long_history_is_deflated_and_a_short_one_is_not() -> None:
    rest = _stored(WORKED)[-1]
    plain = orjson.dumps({k: WORKED[k] for k in ("versions", "trace", "assignments", "exchange")})
    assert rest[:1] == b"\x01" and len(rest) < len(plain) / 2
    assert _stored(ODD)[-1][:1] == b"{"
    assert _stored(MINIMAL)[-1] is None


def test_a_row_packed_some_other_way_is_refused_not_misread() -> None:
    stored = list(_stored(WORKED))
    stored[-1] = b"\x07" + stored[-1][1:]
    with pytest.raises(ValueError, match="packing"):
        rows.record(stored)


@pytest.mark.parametrize("data", RECORDS, ids=lambda d: str(d["id"]))
def test_the_index_gets_the_text_the_earlier_layouts_stored(data: dict[str, Any]) -> None:
    before = old_row(Document.from_json(data))
    assert rows.search_texts(data) == (before[17], before[18])
    stored = dict(zip(rows.COLUMNS, _stored(data), strict=True))
    assert rows.search_texts_of([stored[c] for c in rows.SEARCH_COLUMNS]) == (
        before[17],
        before[18],
    )


def test_a_secret_document_is_marked_unsearchable() -> None:
    indexed = rows.COLUMNS.index("indexed")
    assert _stored(WORKED, searchable=False)[indexed] == 0
    assert rows.index_entries([_stored(WORKED, searchable=False)], [WORKED]) == []
    assert rows.index_entries([_stored(WORKED)], [WORKED])[0][0] == WORKED["id"]


def test_the_folding_the_index_holds_is_pinned_to_its_version() -> None:
    """Change the folding and this fails: bump ``rows.INDEX_VERSION`` with it, so every cache
    rebuilds its contentless index (whose old words it could no longer delete) at its start."""
    sample = (
        "Quyết định số 123/QĐ-UBND về việc giao đất, Đắk Lắk; TỜ TRÌNH Hỏa tốc — Ỷ Lan, "
        "Nguyễn Ngọc Ánh, Œuvre ﬁnal Straße Σίσυφος 45/SNV"
    )
    digest = hashlib.sha256(fold(sample).encode()).hexdigest()[:16]
    assert (rows.INDEX_VERSION, digest) == ("1", "f5e94a66b5a2dda9")


def test_a_cache_whose_folding_changed_rebuilds_its_index(tmp_path: Path) -> None:
    store = CacheStore(tmp_path / "cache.sqlite")
    with store.write() as conn:
        store.upsert_records(conn, [WORKED, ISSUED, ODD])
        conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")
        store.set_meta(conn, "index_version", "0")  # written by a folding now gone
    assert count(store, DocumentQuery(text="chuyen doi so")) == 0
    store.close()
    store = CacheStore(tmp_path / "cache.sqlite")
    assert store.meta("index_version") == rows.INDEX_VERSION
    assert count(store, DocumentQuery(text="chuyen doi so")) == 2
    with store.write() as conn:  # the old words can be taken out again: the index is whole
        store.delete(conn, [WORKED["id"]])
        conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    assert count(store, DocumentQuery(text="chuyen doi so")) == 1
    store.close()
