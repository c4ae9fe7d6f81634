"""A new version of a document's file made on the server (the demo's letters, the ĐẾN stamp):
the bytes stored content-addressed, the blob and version rows added, the document pointed at it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .filestore import BlobStore
from .models import Blob, Document, Version

__all__ = ["add_file_version"]


def add_file_version(
    session: Session,
    blobs: BlobStore,
    doc: Document,
    data: bytes,
    *,
    filename: str,
    author_id: int,
    note: str,
) -> Version:
    sha = blobs.put_bytes(data)
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=len(data)))
    version = Version(
        document_id=doc.id,
        number=doc.current_version + 1,
        sha256=sha,
        size=len(data),
        filename=filename,
        content_type="application/pdf",
        author_id=author_id,
        note=note,
    )
    session.add(version)
    doc.current_version = version.number
    return version
