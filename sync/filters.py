"""Which files a watched folder takes: include/ignore patterns, NFC names,
and nothing inside done/ or failed/; and what a scan becomes on the server.
Pure functions, tested without I/O."""

from __future__ import annotations

import fnmatch
import unicodedata
from pathlib import PurePath
from typing import Any

from .profiles import WatchProfile

__all__ = ["is_candidate", "nfc", "doc_type_for", "scan_fields"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatch(lowered, p.lower()) for p in patterns)


def is_candidate(path: PurePath, root: PurePath, profile: WatchProfile) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    if not parts or parts[0] in (profile.done_dir, profile.failed_dir):
        return False
    if any(_matches(part, profile.ignore) for part in parts):
        return False
    return _matches(parts[-1], profile.include)


def doc_type_for(path: PurePath, root: PurePath, profile: WatchProfile) -> str:
    """``Quyết định/2026/scan.pdf`` → "Quyết định" (NFC on both sides, so macOS NFD names match)."""
    parts = path.relative_to(root).parts
    mapping = {nfc(k).casefold(): v for k, v in profile.subfolder_types.items()}
    for part in parts[:-1]:
        if (found := mapping.get(nfc(part).casefold())) is not None:
            return found
    return profile.doc_type


def scan_fields(
    source: PurePath, pdf: PurePath, root: PurePath, profile: WatchProfile
) -> dict[str, Any]:
    """The document a scan becomes: its name as the subject, the subfolder's document type."""
    name = nfc(source.stem).replace("_", " ").strip()
    fields: dict[str, Any] = {
        "direction": profile.direction,
        "doc_type": doc_type_for(source, root, profile),
        "subject": name[:500] or "Bản quét",
        "organ_name": profile.organ_name,
        "filename": nfc(pdf.name if pdf == source else f"{source.stem}.pdf"),
        "note": "Bản quét tải lên tự động",
    }
    if profile.direction == "incoming":  # a scan waits for the clerk: "Chờ vào sổ"
        fields["status"] = "arrived"
    return fields
