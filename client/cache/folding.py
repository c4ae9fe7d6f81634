"""Vietnamese text folding for diacritics-insensitive search.

FTS5's ``remove_diacritics`` misses đ/Đ and some composed forms, so text is
folded before indexing and at query time: NFD, combining marks removed,
đ→d, lower case.  "Quyết định" and "quyet dinh" index to the same tokens.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "tokens", "fts_query"]

_TOKEN = re.compile(r"[0-9a-z]+")
_STRIP = dict.fromkeys(i for i in range(0x300, 0x370))  # combining diacritical marks


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return decomposed.translate(_STRIP).lower()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression: every token required, the last one as a prefix.

    "123/UBND" → ``"123" "ubnd"*``; "quyet dinh dat dai" → all four words.
    """
    words = tokens(text)[:12]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
