"""The small parsers every typed record uses: ISO times as UTC-aware ``datetime``s, ISO dates,
and a record's known fields picked out of a JSON object (a newer server's extra fields are
ignored, so it never breaks an older client)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

__all__ = ["parse_datetime", "parse_date", "pick", "iso"]


def parse_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def pick(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value else None
