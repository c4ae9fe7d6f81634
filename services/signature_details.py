"""Signatures as a viewer lists them: the verdict ``verify`` gives, plus where each one is,
how it was signed and the certificates it chains through.

The verdict is exactly ``services.signing.validate_file``'s (the command line's ``verify``):
this module adds no judgement of its own, only sorts each report into one of four states a
reader can tell apart at a glance, the way Acrobat's signature panel does, and joins the
report with what ``signing.signature_fields`` reads (page, box, mode, chain).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from signing.profiles import Mode, SigningProfile

if TYPE_CHECKING:  # pyHanko and PyMuPDF load when a file is checked, not with the window
    from signing.signature_fields import CertificateSummary
    from signing.validation import SignatureReport

__all__ = ["SignatureState", "SignatureDetail", "signature_state", "signature_details"]

logger = logging.getLogger(__name__)


class SignatureState(StrEnum):
    VALID = "valid"
    """Intact, trusted, nothing changed after signing."""
    CHANGED_ALLOWED = "changed_allowed"
    """Valid; later signatures, form filling or annotations were added, as signing permits."""
    UNTRUSTED = "untrusted"
    """Intact, but the certificate does not chain to a trusted root (the reason is given)."""
    INVALID = "invalid"
    """Changed after signing, not matching its certificate, revoked or unreadable."""


def signature_state(report: SignatureReport) -> SignatureState:
    """The state of one ``verify`` report: ``report.ok`` decides invalid, as the CLI's exit code."""
    if not report.ok:
        return SignatureState.INVALID
    if not report.trusted:
        return SignatureState.UNTRUSTED
    if report.modification != "none" or not report.whole_document:
        return SignatureState.CHANGED_ALLOWED
    return SignatureState.VALID


@dataclass(frozen=True)
class SignatureDetail:
    """One signature of a file: the ``verify`` report and what a viewer shows beside it."""

    report: SignatureReport
    state: SignatureState
    mode: Mode | None
    """approve / issue / attachment / copy as our signer recorded it; ``None`` if unknown."""
    page_index: int | None
    rect: tuple[float, float, float, float] | None
    """The stamp's box in points, top-left origin, on the page as shown."""
    chain: tuple[CertificateSummary, ...]
    """The signer's certificate, then its issuers up to the root when known."""


def signature_details(
    path: Path, profile: SigningProfile, password: str | None = None
) -> list[SignatureDetail]:
    """Every signature of ``path`` in signing order, judged as ``verify`` judges it."""
    from signing.signature_fields import read_signature_fields

    from .signing import trust_roots, validate_file

    reports = validate_file(path, profile, password=password)
    if not reports:
        return []
    try:
        fields = read_signature_fields(path, trust_roots(profile), password)
    except Exception as exc:  # noqa: BLE001 — the verdicts stand without places or chains
        logger.warning("%s: signature places not readable: %r", path.name, exc)
        fields = {}
    details = []
    for report in reports:
        found = fields.get(report.field_name)
        details.append(
            SignatureDetail(
                report,
                signature_state(report),
                found.mode if found else None,
                found.page_index if found else None,
                found.rect if found else None,
                found.chain if found else (),
            )
        )
    return details
