"""Reading the server's snapshot (``GET /changes/snapshot``) as it arrives.

The answer is NDJSON, gzip-compressed on the wire (HTTP decodes it): a header line with the
feed position to continue from, every document the user may read as the server's JSON record,
one a line, and a trailer with their count. Lines are parsed one at a time and handed out in
batches, so a snapshot of any size needs the memory of one batch; the trailer is the proof that
nothing was cut off — without it the stream ends in ``SnapshotCut``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from types import TracebackType
from typing import Any

import orjson
import requests

from .errors import ApiError, ServerUnavailable

__all__ = ["SnapshotStream", "SnapshotCut", "SNAPSHOT_FORMAT"]

logger = logging.getLogger(__name__)

SNAPSHOT_FORMAT = 1
_CHUNK = 1 << 16


class SnapshotCut(ServerUnavailable):
    message_vi = (
        "Mất kết nối giữa chừng khi tải văn bản lần đầu; phần đã tải được giữ lại và lần "
        "đồng bộ sau sẽ tải tiếp."
    )
    message_en = (
        "The connection was lost during the first download; what arrived is kept and the next "
        "sync continues from there."
    )


class SnapshotStream:
    """One snapshot download: ``position`` from its first line, then ``batches()`` of records."""

    def __init__(self, reply: requests.Response) -> None:
        self._reply = reply
        self._lines = self._read_lines()
        self.count = 0
        self.complete = False
        header = self._parse(next(self._lines, b""))
        if header.get("snapshot") != SNAPSHOT_FORMAT or not isinstance(header.get("position"), int):
            reply.close()
            raise ApiError(
                "Máy chủ trả về dữ liệu ban đầu không đúng định dạng.",
                "The server's snapshot is not in a format this version understands.",
            )
        self.position: int = header["position"]
        """The feed position the snapshot is consistent with: continue the feed from it."""

    def _read_lines(self) -> Iterator[bytes]:
        pending = b""
        try:
            for chunk in self._reply.iter_content(_CHUNK):
                lines = (pending + chunk).split(b"\n")
                pending = lines.pop()
                yield from lines
        except (requests.RequestException, OSError) as exc:  # cut off, or a truncated gzip
            raise SnapshotCut() from exc
        if pending:
            yield pending

    @staticmethod
    def _parse(line: bytes) -> dict[str, Any]:
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise SnapshotCut() from exc
        if not isinstance(value, dict):
            raise SnapshotCut()
        return value

    def batches(self, size: int) -> Iterator[list[dict[str, Any]]]:
        """The documents' records, ``size`` at a time; raises ``SnapshotCut`` when the stream
        ends without its trailer (or with another count than it sent)."""
        batch: list[dict[str, Any]] = []
        for line in self._lines:
            data = self._parse(line)
            if "id" not in data and data.get("end") is True:
                if data.get("count") != self.count + len(batch):
                    raise SnapshotCut()
                self.complete = True
                break
            batch.append(data)
            if len(batch) >= size:
                self.count += len(batch)
                yield batch
                batch = []
        if not self.complete:
            raise SnapshotCut()
        if batch:
            self.count += len(batch)
            yield batch

    def close(self) -> None:
        self._reply.close()

    def __enter__(self) -> SnapshotStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
