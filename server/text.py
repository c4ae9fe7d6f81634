"""Vietnamese text folding for server-side search (diacritics-insensitive)."""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "clean_filename"]


def fold(text: str) -> str:
    """Lower-case, strip diacritics, map đ→d: "Quyết định" → "quyet dinh"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


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
