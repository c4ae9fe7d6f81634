"""Creating a document from the desktop, with or without its first file — what the new-draft
and registration forms share.

With a file the server creates the document from a resumable upload, under one idempotency
key; without, a plain create under the same key. Offline it goes to the outbox (with a copy of
the file) and the next sync creates it once. What the server returns is cached at once.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from base.errors import VanThuError
from client.errors import ServerUnavailable
from client.records import Document

from .session import Session

__all__ = ["create_or_queue", "refuse"]

logger = logging.getLogger(__name__)


def refuse(error: type[VanThuError], problems: Sequence[tuple[str, str]]) -> None:
    """Raise ``error`` saying every problem (Vietnamese, English) found in a form, if any."""
    if problems:
        raise error(" ".join(vi for vi, _ in problems), " ".join(en for _, en in problems))


def create_or_queue(
    session: Session, fields: dict[str, Any], key: str, file: Path | None
) -> Document | None:
    """The created document (cached), or None when it waits in the outbox (offline)."""
    try:
        if file is not None:
            name = unicodedata.normalize("NFC", file.name)
            document = session.client.upload_file(
                file, document={**fields, "filename": name}, idempotency_key=key
            ).document
        else:
            document = session.client.create_document(fields, idempotency_key=key)
    except ServerUnavailable:
        session.online = False
        session.outbox.create_document(fields, key, file)
        logger.info("new %s document queued (offline)", fields.get("direction", ""))
        return None
    if document is None:  # pragma: no cover - an upload that asks for a document gets one
        raise VanThuError("Máy chủ không tạo văn bản.", "The server created no document.")
    with session.store.write() as conn:
        session.store.upsert(conn, [document])
    return document
