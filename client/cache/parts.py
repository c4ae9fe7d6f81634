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

from enum import StrEnum
from typing import Any

from base.steps import Step

from ..records import Document

__all__ = ["Part", "PART_NAMES_VI", "document_parts"]


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
WAITING_FOR = {"received": Step.PRESENT, "pending_signature": Step.SUBMIT}
"""Status → the step whose recipients the document now waits for."""
_WAITING_PART = {Step.PRESENT: Part.PRESENTED, Step.SUBMIT: Part.SUBMITTED}


def document_parts(doc: Document) -> list[tuple[Any, ...]]:
    """Rows ``(document_id, user_id, part, state, deadline)`` for ``parts``."""
    rows: list[tuple[Any, ...]] = [
        (doc.id, a.user_id, a.kind, a.state, a.deadline.isoformat() if a.deadline else None)
        for a in doc.assignments
    ]
    for asked in {
        a.assigned_by for a in doc.assignments if a.requested_deadline and a.state == ACTIVE
    }:
        if asked:
            rows.append((doc.id, asked, Part.EXTENSION.value, ACTIVE, None))
    if doc.created_by:  # its state is the document's status: "my drafts" is one index range
        rows.append((doc.id, doc.created_by, Part.AUTHOR.value, doc.status, None))
    step = WAITING_FOR.get(doc.status)
    if step is not None:
        last = next((t for t in reversed(doc.trace) if t.action == step.value), None)
        for user_id in dict.fromkeys(last.recipients if last else ()):
            rows.append((doc.id, user_id, _WAITING_PART[step].value, ACTIVE, None))
    return rows
