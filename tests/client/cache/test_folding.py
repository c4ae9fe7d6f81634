"""Vietnamese folding and FTS queries: pure logic, no I/O."""

import unicodedata

import pytest

from client.cache.folding import fold, fts_query

CASES = [
    ("Quyết định", "quyet dinh"),
    ("ĐẤT ĐAI", "dat dai"),
    ("đất đai", "dat dai"),
    ("Ủy ban nhân dân", "uy ban nhan dan"),
    ("Hỏa tốc", "hoa toc"),
    ("Thượng khẩn", "thuong khan"),
    ("Tờ trình", "to trinh"),
    ("Sở Tài nguyên và Môi trường", "so tai nguyen va moi truong"),
    ("Nghị định", "nghi dinh"),
    ("giải phóng mặt bằng", "giai phong mat bang"),
    ("Đắk Lắk", "dak lak"),
    ("Thừa Thiên Huế", "thua thien hue"),
]


@pytest.mark.parametrize(("text", "folded"), CASES)
def test_fold_composed_and_decomposed(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


def test_query_is_safe_and_prefix_on_last_token() -> None:
    assert fts_query("123/UBND") == '"123" "ubnd"*'
    assert fts_query('quyết "định" OR NEAR(') == '"quyet" "dinh" "or" "near"*'
    assert fts_query("  ---  ") is None


def test_known_completions_replace_the_prefix() -> None:
    assert fts_query("cam xuye", lambda prefix: ["xuyen"]) == '"cam" AND ("xuyen")'
    assert (
        fts_query("so tai chi", lambda prefix: ["chi", "chinh"])
        == '"so" AND "tai" AND ("chi" OR "chinh")'
    )
    assert fts_query("cam xuyz", lambda prefix: []) == '"cam" "xuyz"'
    assert fts_query("cam xu", lambda prefix: None) == '"cam" "xu"*'
