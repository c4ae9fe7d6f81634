"""Vietnamese text folding for diacritics-insensitive search.

FTS5's ``remove_diacritics`` misses đ/Đ and some composed forms, so text is
folded before indexing and at query time: NFD, combining marks removed,
đ→d, lower case.  "Quyết định" and "quyet dinh" index to the same tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

__all__ = ["fold", "tokens", "query_words", "fts_query"]

_TOKEN = re.compile(r"[0-9a-z]+")
_MARKS = re.compile("[\u0300-\u036f]+")  # combining diacritical marks (a regex: 1.5× translate)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _MARKS.sub("", decomposed).lower()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def query_words(text: str) -> list[str]:
    return tokens(text)[:12]


def fts_query(text: str, expand: Callable[[str], Sequence[str] | None] | None = None) -> str | None:
    """A safe FTS5 MATCH expression: every token required, the last one as a prefix.

    "123/UBND" → ``"123" "ubnd"*``; "quyet dinh dat dai" → all four words.
    ``expand(prefix)`` may list the indexed words the last token can complete
    to; FTS5 walks an OR of known words lazily but reads a prefix's whole
    doclist up front (unless its length has a prefix index).
    """
    words = query_words(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words[:-1]]
    completions = expand(words[-1]) if expand else None
    if completions is None:
        quoted.append(f'"{words[-1]}"*')
    elif not completions:
        quoted.append(f'"{words[-1]}"')  # completes to nothing: matches nothing, quickly
    else:
        quoted.append("(" + " OR ".join(f'"{w}"' for w in completions) + ")")
    return " AND ".join(quoted) if completions else " ".join(quoted)
