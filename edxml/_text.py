"""Text, dates and numbers as edXML writes them (``yyyy/MM/dd``, ``yyyy/MM/dd HH:mm:ss``).

Parsing is lenient about form: each parser returns the value and whether the text was in the
standard's exact form, so the reader can record a Problem for ISO dates and the like.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = [
    "VN_TZ",
    "nfc",
    "format_date",
    "format_timestamp",
    "parse_date",
    "parse_timestamp",
    "parse_bool",
]

VN_TZ = dt.timezone(dt.timedelta(hours=7))
"""Vietnam's time: a timestamp with an offset is converted to it (edXML timestamps are local)."""

_DATE = re.compile(r"(\d{4})([/-])(\d{1,2})\2(\d{1,2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?")


def nfc(text: str) -> str:
    """NFC, trimmed: one spelling of every Vietnamese letter, whatever the sender's keyboard."""
    return unicodedata.normalize("NFC", text).strip()


def format_date(value: dt.date) -> str:
    return f"{value.year:04d}/{value.month:02d}/{value.day:02d}"


def format_timestamp(value: dt.datetime) -> str:
    """``yyyy/MM/dd HH:mm:ss`` (an aware value is first converted to Vietnam's time)."""
    if value.tzinfo is not None:
        value = value.astimezone(VN_TZ).replace(tzinfo=None)
    return f"{format_date(value)} {value.hour:02d}:{value.minute:02d}:{value.second:02d}"


def parse_date(text: str) -> tuple[dt.date, bool]:
    """``(date, exact)``: ``yyyy/MM/dd`` is exact; ``yyyy-MM-dd`` or no zero padding is read
    but not exact. Raises ValueError for anything else, and for dates that do not exist."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(text)
    year, sep, month, day = match.groups()
    value = dt.date(int(year), int(month), int(day))
    return value, sep == "/" and len(month) == 2 and len(day) == 2


def parse_timestamp(text: str) -> tuple[dt.datetime, bool]:
    """``(naive local datetime, exact)``: ``yyyy/MM/dd HH:mm:ss`` is exact; ISO forms
    (``T``, fractions, ``Z`` or an offset, converted to Vietnam's time) are read but not exact."""
    text = text.strip()
    iso = "T" in text
    head, _, rest = text.replace("T", " ", 1).partition(" ")
    day, exact = parse_date(head)
    rest = rest.strip()
    offset: dt.timezone | None = None
    zone = re.search(r"\s*(Z|[+-]\d{2}:?\d{2})$", rest)
    if zone is not None:
        offset = _offset(zone.group(1))
        rest = rest[: zone.start()]
    match = _TIME.fullmatch(rest)
    if match is None:
        raise ValueError(text)
    hour, minute, second = match.groups()
    value = dt.datetime(day.year, day.month, day.day, int(hour), int(minute), int(second or 0))
    if offset is not None:
        value = value.replace(tzinfo=offset).astimezone(VN_TZ).replace(tzinfo=None)
    canonical = re.fullmatch(r"\d\d:\d\d:\d\d", rest) is not None
    return value, exact and canonical and not iso and offset is None


def _offset(text: str) -> dt.timezone:
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_bool(text: str) -> bool:
    """``true``/``false``/``1``/``0`` (any case); ValueError otherwise."""
    lowered = text.strip().lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise ValueError(text)
