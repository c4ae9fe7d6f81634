"""The server's file storage behind one small interface: content-addressed files (named by their
SHA-256) in a local folder (the default), a folder several server machines share, or S3-compatible
object storage. Every caller — uploads, downloads, the scrub, the exchange, the demo, backups —
speaks only ``BlobStore``; which backend runs is the one setting ``--blob-store`` (docs/storage.md).

Upload paths hash the bytes before ``adopt`` makes them visible; declarations compare the stored
size (``intact_size``); the scrub re-reads everything through ``open`` and ``quarantine`` moves a
damaged file aside so the next upload of the same bytes stores them again.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from .addressing import file_sha256, is_sha256
from .errors import FileStoreDamaged, FileStoreError
from .local import LocalBlobStore
from .location import StoreKind, StoreLocation, parse_location

if TYPE_CHECKING:
    from ..config import ServerSettings

__all__ = [
    "BlobStore",
    "FileStoreDamaged",
    "FileStoreError",
    "LocalBlobStore",
    "StoreLocation",
    "file_sha256",
    "is_sha256",
    "open_location",
    "open_store",
]

logger = logging.getLogger(__name__)


class BlobStore(Protocol):
    """Content-addressed file storage. ``sha256`` is always a lowercase hex digest; a value that
    is not one is simply not stored (``exists`` False, ``open`` FileNotFoundError)."""

    scratch: Path
    """A local folder for temp files on their way to ``adopt`` (for a folder store on its own
    disk, so that adopting is a link rather than a copy)."""

    def exists(self, sha256: str) -> bool: ...

    def size(self, sha256: str) -> int | None:
        """The stored size in bytes, None when nothing is stored."""
        ...

    def open(self, sha256: str, *, start: int = 0, end: int | None = None) -> BinaryIO:
        """A reader of the bytes ``[start, end)`` (all by default), streaming for an object
        store; FileNotFoundError when nothing is stored."""
        ...

    def adopt(self, source: Path, sha256: str, *, synced: bool = False) -> None:
        """Move in a file whose SHA-256 the caller verified; ``source`` is removed. Storing
        bytes that are there already is harmless (several writers, several machines)."""
        ...

    def put_bytes(self, data: bytes) -> str:
        """Store ``data``; returns its SHA-256."""
        ...

    def intact_size(self, sha256: str, size: int) -> bool:
        """False when something is stored under ``sha256`` with another size (damaged)."""
        ...

    def quarantine(self, sha256: str) -> None:
        """Move a damaged file aside (kept for inspection); a later upload stores it again."""
        ...

    def local_copy(self, sha256: str) -> AbstractContextManager[Path]:
        """A real file for code that needs a path (PyMuPDF, signature checks, the axis
        client); read it, never change it. For an object store a temp download, deleted on
        exit."""
        ...

    def describe(self) -> str:
        """Where the files are, for logs and health (never a credential)."""
        ...

    def verify(self) -> None:
        """Start-up check (``FileStoreError`` in both languages when the store cannot work)."""
        ...


def open_location(location: StoreLocation, scratch: Path) -> BlobStore:
    """The store at ``location``, checked; ``scratch``: a local temp folder for an object
    store."""
    store: BlobStore
    if location.kind is StoreKind.S3:
        from .s3 import S3BlobStore  # boto3 loads only when an S3 store is configured

        store = S3BlobStore(
            location.bucket, location.prefix, scratch=scratch, endpoint_url=location.endpoint_url
        )
    else:
        assert location.folder is not None
        store = LocalBlobStore(location.folder, create=location.default)
    store.verify()
    logger.info("file store: %s", store.describe())
    return store


def open_store(settings: ServerSettings) -> BlobStore:
    """The store ``settings`` name (``blob_store``, ``s3_endpoint_url``), checked at once: a
    missing bucket, a refused key or an unreachable endpoint raise ``FileStoreError``."""
    location = parse_location(settings.blob_store, settings.data_dir, settings.s3_endpoint_url)
    return open_location(location, settings.data_dir / "tmp")
