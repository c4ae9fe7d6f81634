"""A new file version of a document — a signed PDF, a corrected draft — sent now, or queued in
the outbox while the server is out of reach (sent once, on the version the user saw: someone
else's newer version makes it a conflict, never an overwrite)."""

from __future__ import annotations

from pathlib import Path

from client.errors import ServerUnavailable
from client.records import Document, Version

from .session import Session

__all__ = ["add_file_version"]


def add_file_version(
    session: Session, document: Document, file: Path, filename: str, note: str
) -> Version | None:
    """The version the server made, or None when it waits in the outbox."""
    try:
        uploaded = session.client.upload_file(file)
        return session.client.add_version(
            document.id, uploaded.sha256, filename, note, base_version=document.current_version
        )
    except ServerUnavailable:
        session.online = False
        session.outbox.add_version(
            document.id,
            file,
            note,
            document.current_version,
            filename=filename,
            revision=document.revision,
        )
        return None
