"""The file store's failures, in both languages: a route answers them as 503 (the client tries
again later), ``serve`` and the ``admin`` commands print them instead of a traceback."""

from __future__ import annotations

from ..errors import ApiProblem

__all__ = ["FileStoreError", "FileStoreDamaged"]


class FileStoreError(ApiProblem):
    """The store is misconfigured or unreachable (a missing bucket, a refused key, a network
    outage, a folder that is not there)."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(
            503,
            message_vi,
            message_en,
            code="store_unavailable",
            headers={"Retry-After": "30"},
        )


class FileStoreDamaged(FileStoreError):
    """An object did not arrive whole (its size or checksum differs after the transfer)."""
