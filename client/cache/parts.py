"""Who has which part in a cached document: the rows the work queues are counted from.

A document's record carries its assignments and its trace; the queues need them as rows
("user 7 is the lead handler, due 5 December"), indexed by user, so "Việc của tôi" and its
count never read the documents' JSON. Besides the assignments (``lead``, ``co``, ``info``)
there are the parts the trace implies: the author of a draft, the leader a document was
presented to (while it waits for direction), the leader a draft was submitted to (while
it waits for the signature) and the leader asked for a later deadline (while the request
waits for an answer).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from base.steps import Step

__all__ = ["Part", "PART_NAMES_VI", "AUTHOR_STATES", "document_parts"]


class Part(StrEnum):
    LEAD = "lead"
    CO = "co"
    INFO = "info"
    AUTHOR = "author"
    PRESENTED = "presented"
    SUBMITTED = "submitted"
    EXTENSION = "extension"
    """A handler asked this leader (who assigned the part) for a later deadline."""


PART_NAMES_VI: dict[str, str] = {
    Part.LEAD: "Chủ trì",
    Part.CO: "Phối hợp",
    Part.INFO: "Để biết",
}
"""A person's part in handling a document as a list or an export names it (the window
translates its own, ``ui.labels.part_label``)."""

ACTIVE = "active"
AUTHOR_STATES = frozenset({"draft", "pending_signature"})
"""The statuses in which an author's part is one of their queues (``queues``: their drafts, and
theirs waiting for the signature). In any other status nobody reads it, so no row is kept — an
archive of issued and finished documents would otherwise hold one row per document."""
WAITING_FOR = {"received": Step.PRESENT, "pending_signature": Step.SUBMIT}
"""Status → the step whose recipients the document now waits for."""
_WAITING_PART = {Step.PRESENT: Part.PRESENTED, Step.SUBMIT: Part.SUBMITTED}


def document_parts(data: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Rows ``(document_id, user_id, part, state, deadline)`` for ``parts``, from the server's
    record of one document (its JSON, as the feed and the snapshot send it)."""
    doc_id, status = data["id"], data.get("status") or ""
    assignments = data.get("assignments") or ()
    rows: list[tuple[Any, ...]] = [
        (doc_id, a["user_id"], a["kind"], a["state"], a.get("deadline") or None)
        for a in assignments
    ]
    for asked in {
        a.get("assigned_by")
        for a in assignments
        if a.get("requested_deadline") and a["state"] == ACTIVE
    }:
        if asked:
            rows.append((doc_id, asked, Part.EXTENSION.value, ACTIVE, None))
    created_by = data.get("created_by")
    if created_by and status in AUTHOR_STATES:  # its state is the status: one index range
        rows.append((doc_id, created_by, Part.AUTHOR.value, status, None))
    step = WAITING_FOR.get(status)
    if step is not None:
        last = next(
            (t for t in reversed(data.get("trace") or ()) if t["action"] == step.value), None
        )
        for user_id in dict.fromkeys(last.get("recipients") or () if last else ()):
            rows.append((doc_id, user_id, _WAITING_PART[step].value, ACTIVE, None))
    return rows
