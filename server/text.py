"""Vietnamese text folding for server-side search (diacritics-insensitive)."""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "clean_filename"]


def fold(text: str) -> str:
    """Lower-case, strip diacritics, map đ→d: "Quyết định" → "quyet dinh"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def clean_filename(name: str) -> str | None:
    """NFC base name without directories or control characters, or None if unusable."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")[-1].strip()
    name = "".join(ch for ch in name if ch.isprintable())
    if not name or name in (".", "..") or len(name.encode("utf-8")) > 255:
        return None
    return name
