"""Range requests read the same way Starlette's FileResponse read them before downloads went
through the file store (pure: the header against a file size)."""

from __future__ import annotations

import pytest
from starlette.responses import FileResponse, MalformedRangeHeader
from starlette.responses import RangeNotSatisfiable as StarletteUnsatisfiable

from server.routes.blob_response import MalformedRange, RangeNotSatisfiable, parse_ranges

HEADERS = [
    "bytes=0-",
    "bytes=10-99",
    "bytes=5-",
    "bytes=-100",
    "bytes=-5000",
    "bytes=0-0",
    "bytes=990-5000",
    "bytes=0-9,20-29",
    "bytes=20-29,0-9,5-25",
    "bytes= 1 - 2 , x-y, 7-",
    "bytes=1000-",
    "bytes=2000-3000",
    "bytes=",
    "bytes=x-y",
    "bytes=9-3",
    "items=0-1",
    "nonsense",
    "bytes=" + ",".join(f"{i}-{i}" for i in range(101)),
]


def _starlette(header: str, size: int) -> object:
    try:
        return FileResponse._parse_range_header(header, size)  # the reference
    except MalformedRangeHeader:
        return "malformed"
    except StarletteUnsatisfiable:
        return "unsatisfiable"


def _ours(header: str, size: int) -> object:
    try:
        return parse_ranges(header, size)
    except MalformedRange:
        return "malformed"
    except RangeNotSatisfiable:
        return "unsatisfiable"


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("size", [0, 1, 1000])
def test_ranges_are_read_as_starlette_read_them(header: str, size: int) -> None:
    assert _ours(header, size) == _starlette(header, size)
