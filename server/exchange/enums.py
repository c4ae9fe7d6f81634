"""The exchange's stored states (stable keys)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["OutboxState", "InboxState", "Source", "PackageKind"]


class PackageKind(StrEnum):
    EDOC = "edoc"
    """A document envelope (new, revocation, update, replacement)."""
    STATUS = "status"
    """A status message about a document (01 … 16)."""


class OutboxState(StrEnum):
    QUEUED = "queued"
    """Waiting for the agent (or for the next try after a failure: ``next_attempt_at``)."""
    SENT = "sent"
    """The axis took it (its remote id is kept)."""
    FAILED = "failed"
    """Refused by the axis for good (unknown agency, refused signature): an administrator
    retries it after fixing the cause; never dropped."""
    EXPORTED = "exported"
    """Carried out as a file (the offline route) instead of through the axis."""


class InboxState(StrEnum):
    APPLIED = "applied"
    """Became (or changed) a document, or a recipient's status."""
    DUPLICATE = "duplicate"
    """The same package again (DocumentId + sender + business type): nothing new created."""
    REJECTED = "rejected"
    """Unreadable or meaningless: kept with the reason for an administrator."""


class Source(StrEnum):
    AXIS = "axis"
    FILE = "file"
