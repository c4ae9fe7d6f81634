"""``If-Match`` parsing: writes that could overwrite someone else's change must name their base."""

from __future__ import annotations

from ..errors import ApiProblem

__all__ = ["parse_if_match"]


def parse_if_match(value: str | None) -> int:
    if value is None:
        raise ApiProblem(
            428,
            "Thiếu phiên bản gốc (If-Match); hãy tải lại văn bản.",
            "Missing base version (If-Match); reload the document.",
        )
    raw = value.strip()
    if raw.startswith("W/"):
        raw = raw[2:]
    raw = raw.strip('"')
    try:
        number = int(raw)
    except ValueError as exc:
        raise ApiProblem(400, "If-Match không hợp lệ.", "Invalid If-Match header.") from exc
    if number < 0 or number > 2**62:
        raise ApiProblem(400, "If-Match không hợp lệ.", "Invalid If-Match header.")
    return number
