"""Line numbers found after the fact, by scanning the file's bytes (memory-mapped).

lxml's parser-target interface reports no positions, so an element's line is found by counting
its start tags in the raw file, skipping comments, CDATA and processing instructions. Only
errors and Problems need a line, and header elements sit near the start of the file, so a scan
usually stops within the first few kilobytes.
"""

from __future__ import annotations

import logging
import mmap
import re
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

__all__ = ["locate", "RawTags"]

logger = logging.getLogger(__name__)

_SKIP = rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!"
_ANY_TAG = re.compile(_SKIP + rb"|<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)", re.S)
_CHUNK = 1 << 20


def _newlines(buf: mmap.mmap, start: int, end: int) -> int:
    """Newlines in ``buf[start:end]``, counted a megabyte at a time (memory stays flat)."""
    total = 0
    for pos in range(start, end, _CHUNK):
        total += buf[pos : min(pos + _CHUNK, end)].count(b"\n")
    return total


def _mapped(path: Path) -> mmap.mmap | None:
    with path.open("rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file cannot be mapped
            return None


def _nth(buf: mmap.mmap, pattern: re.Pattern[bytes], nth: int, start: int) -> int | None:
    """Offset of the ``nth`` tag matching ``pattern`` (its scanner is gone when this returns,
    so the map can be closed)."""
    seen = 0
    for match in pattern.finditer(buf, start):
        if match.group(0)[1:2] in (b"!", b"?"):
            continue
        seen += 1
        if seen == nth:
            return match.start()
    return None


def locate(path: Path, local_name: str, nth: int = 1, start: int = 0) -> int | None:
    """The line of the ``nth`` start tag named ``local_name`` (any prefix), or None.

    ``start`` skips bytes before the root element (stray text the reader ignored).
    """
    buf = _mapped(path)
    if buf is None:
        return None
    pattern = re.compile(
        _SKIP + rb"|<(?:[A-Za-z_][\w.\-]*:)?" + re.escape(local_name.encode()) + rb"(?=[\s/>])",
        re.S,
    )
    try:
        offset = _nth(buf, pattern, nth, start)
        return None if offset is None else _newlines(buf, 0, offset) + 1
    finally:
        buf.close()


class RawTags:
    """The qualified names of a file's start tags in document order, read as needed.

    The reader asks for the name of its k-th element only when lxml reports an element without
    a namespace: the raw name tells an undeclared prefix (``edXML:Subject``) from a plain one.
    """

    def __init__(self, path: Path, start: int) -> None:
        self._buf = _mapped(path)
        self._tags: Iterator[re.Match[bytes]] = (
            iter(()) if self._buf is None else _ANY_TAG.finditer(self._buf, start)
        )
        self._seen = 0
        self._pos = 0
        self._line = 1

    def name(self, ordinal: int) -> tuple[str, int | None]:
        """``(qualified name, line)`` of the ``ordinal``-th start tag (1-based), in order."""
        assert self._buf is not None or ordinal < 1, "no tags in an empty file"
        for match in self._tags:
            if match.group(1) is None:
                continue
            self._seen += 1
            if self._seen == ordinal:
                assert self._buf is not None
                self._line += _newlines(self._buf, self._pos, match.start())
                self._pos = match.start()
                return match.group(1).decode("ascii", "replace"), self._line
        return "", None

    def close(self) -> None:
        self._tags = iter(())  # drops the scanner's hold on the map
        if self._buf is not None:
            self._buf.close()
            self._buf = None

    def __enter__(self) -> RawTags:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
