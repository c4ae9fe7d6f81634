"""``If-Match`` parsing: writes that could overwrite someone else's change must name their base."""

from __future__ import annotations

from ..errors import ApiProblem, precondition_required

__all__ = ["parse_if_match"]


def parse_if_match(value: str | None) -> int:
    if value is None:
        raise precondition_required()
    raw = value.strip()
    if raw.startswith("W/"):
        raw = raw[2:]
    raw = raw.strip('"')
    try:
        number = int(raw)
    except ValueError as exc:
        raise ApiProblem(422, "If-Match không hợp lệ.", "Invalid If-Match header.") from exc
    if number < 0 or number > 2**62:
        raise ApiProblem(422, "If-Match không hợp lệ.", "Invalid If-Match header.")
    return number
