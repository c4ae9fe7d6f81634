"""Relevance ranking, prefix completion and the ranked window, on a real cache file."""

from __future__ import annotations

import datetime as dt

import pytest

from client.cache import CacheStore
from client.cache import query as query_module
from client.cache.query import DocumentQuery, Sort, search
from client.cache.schema import SCHEMA_VERSION
from client.records import Document
from tests.client.cache.old_layout import write_old_cache


def _doc(doc_id: int, subject: str, number: str = "", organ: str = "UBND tỉnh Hà Tĩnh") -> Document:
    return Document(
        id=doc_id,
        direction="incoming",
        doc_type="Công văn",
        number_symbol=number,
        subject=subject,
        organ_name=organ,
        issued_date=dt.date(2026, 1, 1) + dt.timedelta(days=doc_id % 300),
    )


@pytest.fixture
def store(tmp_path):
    store = CacheStore(tmp_path / "cache.sqlite")
    docs = [_doc(i, f"Về việc báo cáo tình hình số {i}") for i in range(1, 40)]
    docs += [
        _doc(100, "Về việc giao đất ở và trồng đai rừng phòng hộ ven biển"),
        _doc(101, "Về việc thu hồi đất đai để xây dựng trường học"),
        _doc(102, "Quyết định phê duyệt quy hoạch", number="123/QĐ-UBND"),
        _doc(103, "Công văn về số 123 lượt kiểm tra", number="45/UBND-KT"),
        _doc(104, "Kế hoạch phòng chống thiên tai tại huyện Cẩm Xuyên"),
    ]
    with store.write() as conn:
        store.upsert(conn, docs)
    yield store
    store.close()


def ids(store: CacheStore, text: str, **kwargs) -> list[int]:
    return [
        row.id
        for row in search(store, DocumentQuery(text=text, sort=Sort.RELEVANCE, **kwargs)).rows
    ]


def test_number_beats_a_mention_in_the_text(store) -> None:
    assert ids(store, "123/UBND")[0] == 102
    assert ids(store, "123")[0] == 102


def test_exact_phrase_comes_first(store) -> None:
    found = ids(store, "dat dai")
    assert found[0] == 101 and 100 in found


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("xuye", 104), ("cam xuy", 104), ("thien ta", 104), ("phong chong thien tai cam xuyen", 104)],
)
def test_last_word_completes_as_typed(store, typed, expected) -> None:
    assert ids(store, typed) == [expected]


def test_prefix_that_completes_to_nothing_finds_nothing(store) -> None:
    assert ids(store, "xuyenzz") == []


def test_new_words_are_completed_after_an_update(store) -> None:
    with store.write() as conn:
        store.upsert(conn, [_doc(200, "Tăng cường chuyển đổi số trong cơ quan")])
    assert ids(store, "chuyen doi so") == [200]
    assert ids(store, "tang cuon") == [200]


def test_pages_beyond_the_ranked_window_continue_without_gaps(store, monkeypatch) -> None:
    monkeypatch.setattr(query_module, "RANK_WINDOW", 10)
    query = DocumentQuery(text="bao cao tinh hinh", sort=Sort.RELEVANCE, limit=7)
    seen, after = [], None
    while True:
        page = search(store, query, after)
        seen += [row.id for row in page.rows]
        if page.next is None:
            break
        after = page.next
    assert sorted(seen) == list(range(1, 40))
    assert seen[10:] == sorted(seen[10:], reverse=True)  # older matches come newest first


def test_version_1_cache_upgrades_with_its_vocabulary(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    write_old_cache(path, [_doc(1, "Kế hoạch phòng chống thiên tai")], version=1)
    store = CacheStore(path)
    assert store.upgraded_from == 1
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    assert ids(store, "thien ta") == [1]
    store.close()
