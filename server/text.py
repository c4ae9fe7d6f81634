"""Vietnamese text folding for server-side search (diacritics-insensitive).

A document is searched by its words: ``fold`` takes the diacritics off ("Quyết định" →
"quyet dinh"), ``words`` cuts the folded text into runs of letters and digits ("123/QĐ-UBND" →
123, qd, ubnd), as the desktop's own index does (``client/cache/folding.py``), and
``search_text`` writes what the server stores and indexes (``documents.search_text``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["fold", "words", "search_text", "NUMBER_END", "clean_filename"]

_WORD = re.compile(r"[^\W_]+")
NUMBER_END = "_"
"""The word that ends a document's number part in ``search_text``: no typed word is ever one
(``words`` never yields an underscore), so a pattern can tell the number part from the rest."""


def fold(text: str) -> str:
    """Lower-case, strip diacritics, map đ→d: "Quyết định" → "quyet dinh"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def words(text: str) -> list[str]:
    """The folded runs of letters and digits: what a search matches, whole or as a prefix."""
    return _WORD.findall(fold(text))


def search_text(number: Iterable[str], fields: Iterable[str]) -> str:
    """A document as the server searches it: the words of its number part (number/symbol,
    notation, arrival number), ``NUMBER_END``, then the words of everything else, one space
    apart and with a space at either end — so ``LIKE '% word %'`` is a whole word on
    PostgreSQL's trigram index and SQLite's FTS5 triggers can split the two parts.

    ``search_text(["123/QĐ-UBND"], ["Quyết định"])`` → ``" 123 qd ubnd _ quyet dinh "``."""
    found = [w for part in number if part for w in words(part)]
    found.append(NUMBER_END)
    found += [w for part in fields if part for w in words(part)]
    return f" {' '.join(found)} "


FALLBACK_NAME = "tep"
MAX_NAME_BYTES = 255


def clean_filename(name: str, fallback: str = FALLBACK_NAME) -> str:
    """An NFC base name without directories or unprintable characters, at most 255 UTF-8 bytes
    (shortened before its extension). The name is only a label for the bytes, so a name that
    cleans down to nothing becomes ``fallback`` rather than failing the upload."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    if not name.strip("."):
        return fallback
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 10 or not stem:
        stem, dot, suffix = name, "", ""
    tail = (dot + suffix).encode()
    if len(name.encode()) > MAX_NAME_BYTES:
        room = MAX_NAME_BYTES - len(tail)
        stem = stem.encode()[:room].decode("utf-8", "ignore").rstrip()
        name = (stem or fallback) + dot + suffix
    return name
