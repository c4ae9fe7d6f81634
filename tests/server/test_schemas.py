"""The published schema's patterns mean the same in every regex dialect that reads them.

A JSON Schema pattern is ECMA-262; the server checks it with pydantic (Rust) and Python. Where the
dialects differ (``\\s`` has U+0085 in Python, not in ECMA; ``\\d`` and ``\\w`` are Unicode in
Python) a client can build a value the schema allows and be refused — the fuzz run found one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import StringConstraints, TypeAdapter, ValidationError

from server.app import create_app
from server.config import ServerSettings
from server.exchange.views import AXIS_URL
from server.schemas import NAME_PATTERN, WORD_PATTERN, UtcDateTime

DIALECT_ESCAPES = re.compile(r"(?<!\\)(?:\\\\)*\\[sSdDwWbB]")
"""A class escape whose meaning depends on the regex engine."""

ECMA_SPACES = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
EVERY_SPACE = sorted(set(ECMA_SPACES) | {chr(c) for c in range(0x3001) if chr(c).isspace()})


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return found + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


def test_no_pattern_in_the_schema_uses_a_dialect_dependent_escape(tmp_path: Path) -> None:
    schema = create_app(ServerSettings(data_dir=tmp_path)).openapi()
    patterns = set(_patterns(schema))
    assert len(patterns) > 5  # the walk found the schema's patterns
    assert [p for p in patterns if DIALECT_ESCAPES.search(p)] == []


def _accepts(pattern: str, value: str) -> bool:
    try:
        TypeAdapter(Annotated[str, StringConstraints(pattern=pattern)]).validate_python(value)
    except ValidationError:
        return False
    assert re.search(pattern, value), "pydantic and Python disagree"
    return True


@pytest.mark.parametrize("space", EVERY_SPACE, ids=lambda c: f"U+{ord(c):04X}")
def test_every_space_of_either_dialect_is_refused_where_spaces_are(space: str) -> None:
    assert not _accepts(NAME_PATTERN, space * 3)
    assert not _accepts(WORD_PATTERN, f"nguoi{space}dung")
    assert not _accepts(AXIS_URL, f"https://truc{space}.gov.vn/api")
    if space == " " or ord(space) > 0x7F or space in "\t\n\r":
        assert _accepts(NAME_PATTERN, f"Sở{space}Nội vụ")  # a space inside a name is fine


def test_ordinary_values_still_pass() -> None:
    assert _accepts(WORD_PATTERN, "vanthu.sonv")
    assert _accepts(AXIS_URL, "https://truclienthong.gov.vn:8443/edxml")
    assert _accepts(AXIS_URL, "http://127.0.0.1:9000/")
    assert not _accepts(AXIS_URL, "http://truclienthong.gov.vn/")


@pytest.mark.parametrize(
    ("moment", "wire"),
    [
        (dt.datetime(2026, 1, 2, 3, 4, 5), "2026-01-02T03:04:05Z"),
        (dt.datetime(2026, 1, 2, 3, 4, 5, 120), "2026-01-02T03:04:05.000120Z"),
        (
            dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=7))),
            "2026-01-01T20:04:05Z",
        ),
    ],
)
def test_a_timestamp_goes_out_as_utc_with_z(moment: dt.datetime, wire: str) -> None:
    """Stored naive UTC and an aware moment alike: a client in another zone reads the same instant."""
    assert TypeAdapter(UtcDateTime).dump_json(moment) == f'"{wire}"'.encode()
