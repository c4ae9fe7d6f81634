"""``Idempotency-Key``: a retried request gets the first answer, and only that request does.

A key is bound to what it was first sent with (the route, the document and the body, hashed):
an offline client that retries after a lost answer gets a replay, while the same key sent with
another step or another body is refused (422) — replaying the first answer there would tell the
client its new step was applied when it was not.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import ApiProblem
from .models import IdempotencyKey, User

__all__ = ["Earlier", "earlier_use", "fingerprint", "refuse_unless_same"]


def fingerprint(
    route: str, document_id: int | None, body: BaseModel, *, leave_out: frozenset[str] = frozenset()
) -> str:
    """The request a key is bound to, as a SHA-256 of its canonical JSON (less ``leave_out``)."""
    canonical: dict[str, Any] = {
        "route": route,
        "document": document_id,
        "body": body.model_dump(mode="json", exclude=set(leave_out)),
    }
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


Earlier = tuple[int, str | None]
"""(document id, request fingerprint) of a key's first use."""


def earlier_use(session: Session, user: User, key: str) -> Earlier | None:
    row = session.execute(
        select(IdempotencyKey.document_id, IdempotencyKey.request_sha256).where(
            IdempotencyKey.user_id == user.id, IdempotencyKey.key == key
        )
    ).first()
    return (int(row[0]), row[1]) if row is not None else None


def refuse_unless_same(
    earlier: Earlier, request_sha256: str, document_id: int | None = None
) -> int:
    """The document of the first use, or 422 when this request is not the one the key was used
    for (keys stored before the binding existed are still held to their document)."""
    first_document, stored = earlier
    other_document = document_id is not None and first_document != document_id
    if other_document or (stored is not None and stored != request_sha256):
        raise ApiProblem(
            422,
            "Khoá Idempotency-Key này đã dùng cho một yêu cầu khác; mỗi thao tác cần khoá riêng.",
            "This Idempotency-Key was already used for a different request; "
            "each action needs its own key.",
            code="idempotency_key_reused",
        )
    return first_document
