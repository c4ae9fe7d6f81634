"""A stored file as an HTTP response, from any file store: whole, one range (``206`` with
``Content-Range``), several ranges (``multipart/byteranges``), ``If-Range`` on the ETag, ``416``
past the end, headers only for HEAD — what Starlette's ``FileResponse`` does for a path, done
through ``BlobStore.open`` so that an object store streams (a ranged GetObject per range) and
nothing is held in memory."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Mapping
from typing import BinaryIO
from urllib.parse import quote

import anyio.to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from ..errors import ApiProblem, not_found
from ..filestore import BlobStore

__all__ = ["BlobResponse", "stored_file", "parse_ranges", "MalformedRange", "RangeNotSatisfiable"]

CHUNK = 256 * 1024
MAX_RANGES = 100


class MalformedRange(ValueError):
    pass


class RangeNotSatisfiable(ValueError):
    pass


def parse_ranges(header: str, size: int) -> list[tuple[int, int]]:
    """``[start, end)`` pairs of a ``Range`` header, merged and sorted; ``[]``: serve it whole
    (too many ranges to be worth it). Starlette's rules: unparsable parts are ignored, a range
    starting past the end is not satisfiable."""
    units, _, wanted = header.partition("=")
    if not _ or units.strip().lower() != "bytes":
        raise MalformedRange("Malformed range header.")
    if wanted.count(",") + 1 > MAX_RANGES:
        return []
    ranges: list[tuple[int, int]] = []
    for part in (p.strip() for p in wanted.split(",")):
        first, dash, last = part.partition("-")
        first, last = first.strip(), last.strip()
        if not dash or not (first or last):
            continue
        try:
            if first:
                start = int(first)
                end = int(last) + 1 if last and int(last) < size else size
            else:
                start, end = max(size - int(last), 0), size
        except ValueError:
            continue
        ranges.append((start, end))
    if not ranges:
        raise MalformedRange("Range header: range must be requested")
    if any(not 0 <= start < size for start, _end in ranges):
        raise RangeNotSatisfiable(size)
    if any(start >= end for start, end in ranges):
        raise MalformedRange("Range header: start must be less than end")
    ranges.sort()
    merged = [ranges[0]]
    for start, end in ranges[1:]:
        if start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def stored_file(
    store: BlobStore,
    sha256: str,
    *,
    media_type: str,
    filename: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> BlobResponse:
    """The response sending a stored file; 404 when the store does not have it."""
    size = store.size(sha256)
    if size is None:
        raise not_found("tệp", "File")
    return BlobResponse(
        store, sha256, size, media_type=media_type, filename=filename, headers=headers
    )


class BlobResponse(Response):
    """``size`` is what the store reported when the route checked the file."""

    def __init__(
        self,
        store: BlobStore,
        sha256: str,
        size: int,
        *,
        media_type: str,
        filename: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.store, self.sha256, self.size = store, sha256, size
        self.status_code = 200
        self.media_type = media_type
        self.background = None
        self.init_headers(headers)
        self.headers.setdefault("accept-ranges", "bytes")
        self.headers["content-length"] = str(size)
        if filename is not None:
            quoted = quote(filename)
            self.headers.setdefault(
                "content-disposition",
                f"attachment; filename*=utf-8''{quoted}"
                if quoted != filename
                else f'attachment; filename="{filename}"',
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Headers(scope=scope)
        head = scope["method"].upper() == "HEAD"
        wanted = request.get("range")
        if_range = request.get("if-range")
        ranges: list[tuple[int, int]] = []
        if wanted is not None and (if_range is None or if_range == self.headers.get("etag")):
            try:
                ranges = parse_ranges(wanted, self.size)
            except MalformedRange as exc:
                return await PlainTextResponse(str(exc), 400)(scope, receive, send)
            except RangeNotSatisfiable:
                return await PlainTextResponse(
                    status_code=416, headers={"Content-Range": f"bytes */{self.size}"}
                )(scope, receive, send)
        headers = MutableHeaders(raw=list(self.raw_headers))
        status = 206 if ranges else 200
        if len(ranges) == 1:
            start, end = ranges[0]
            headers["content-range"] = f"bytes {start}-{end - 1}/{self.size}"
            headers["content-length"] = str(end - start)
        boundary = secrets.token_hex(13)
        if len(ranges) > 1:
            headers["content-type"] = f"multipart/byteranges; boundary={boundary}"
            headers["content-length"] = str(self._multipart_length(ranges, boundary))
        if head:
            await send({"type": "http.response.start", "status": status, "headers": headers.raw})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        pieces = ranges or [(0, self.size)]
        first = await self._open(*pieces[0])  # before the status line: a 404 can still be sent
        if first is None:
            raise ApiProblem(404, "Không tìm thấy tệp.", "File not found.")
        body = (
            self._single(first, pieces[0])
            if len(pieces) == 1
            else self._multipart(first, pieces, boundary)
        )
        response = StreamingResponse(body, status_code=status)
        response.raw_headers = headers.raw
        await response(scope, receive, send)

    async def _open(self, start: int, end: int) -> BinaryIO | None:
        whole = start == 0 and end == self.size

        def opened() -> BinaryIO | None:
            try:
                return self.store.open(self.sha256, start=start, end=None if whole else end)
            except FileNotFoundError:
                return None

        return await anyio.to_thread.run_sync(opened)

    async def _copy(self, reader: BinaryIO, length: int) -> AsyncIterator[bytes]:
        try:
            while length > 0:
                chunk = await anyio.to_thread.run_sync(reader.read, min(CHUNK, length))
                if not chunk:
                    raise RuntimeError(f"stored file {self.sha256} is shorter than recorded")
                length -= len(chunk)
                yield chunk
        finally:
            await anyio.to_thread.run_sync(reader.close)

    async def _single(self, reader: BinaryIO, piece: tuple[int, int]) -> AsyncIterator[bytes]:
        async for chunk in self._copy(reader, piece[1] - piece[0]):
            yield chunk

    def _part_header(self, start: int, end: int, boundary: str) -> bytes:
        return (
            f"--{boundary}\r\nContent-Type: {self.headers['content-type']}\r\n"
            f"Content-Range: bytes {start}-{end - 1}/{self.size}\r\n\r\n"
        ).encode("latin-1")

    def _multipart_length(self, ranges: list[tuple[int, int]], boundary: str) -> int:
        parts = sum(len(self._part_header(s, e, boundary)) + (e - s) + 2 for s, e in ranges)
        return parts + len(f"--{boundary}--")

    async def _multipart(
        self, first: BinaryIO, pieces: list[tuple[int, int]], boundary: str
    ) -> AsyncIterator[bytes]:
        reader: BinaryIO | None = first
        for start, end in pieces:
            yield self._part_header(start, end, boundary)
            if reader is None:
                reader = await self._open(start, end)
            if reader is None:
                raise RuntimeError(f"stored file {self.sha256} vanished while being sent")
            async for chunk in self._copy(reader, end - start):
                yield chunk
            reader = None
            yield b"\r\n"
        yield f"--{boundary}--".encode("latin-1")
