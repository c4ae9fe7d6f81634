"""What a signing action starts with, for the window and the command line alike: the mode the
documents' next step calls for, and the certificate that mode signs with.

The mode comes from the workflow contract (``base.workflow``): a clerk may issue a numbered
outgoing document, so its signature is the organisation's seal (đóng dấu phát hành); a leader may
approve a draft waiting for signature, so theirs is the approval (ký phê duyệt). Anything else
starts in approve mode, as before. Issue mode signs with the organisation's certificate: the one
the profile names (``seal_key_id``), else the one issued in the organisation's own name; every
other mode with the profile's ``key_id``. Pure functions: no token, network or Qt here.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence

from base.steps import Step
from base.workflow import may_take
from client.records import Document
from signing.profiles import Mode, SigningProfile
from signing.tokens import CertificateInfo

__all__ = ["SIGNATURE_FOR_STEP", "FALLBACK_MODE", "mode_for", "default_mode", "default_key_id"]

logger = logging.getLogger(__name__)

SIGNATURE_FOR_STEP: dict[Step, Mode] = {Step.ISSUE: Mode.ISSUE, Step.APPROVE: Mode.APPROVE}
"""The signature that goes with a workflow step, in the order they are looked for."""

FALLBACK_MODE = Mode.APPROVE
"""The mode when no step calls for a signature (a local file, an incoming copy…)."""


def mode_for(role: str, document: Document) -> Mode | None:
    """The signature ``document``'s next step calls for from someone of ``role``, if any."""
    for step, mode in SIGNATURE_FOR_STEP.items():
        if may_take(
            step,
            role=role,
            parts=(),
            direction=document.direction,
            status=document.status,
            is_author=False,
            marks=document.marks,
        ):
            return mode
    return None


def default_mode(role: str, documents: Sequence[Document]) -> Mode:
    """The mode every document calls for; ``FALLBACK_MODE`` when they disagree or none does."""
    modes = {mode_for(role, document) for document in documents}
    if len(modes) == 1:
        [mode] = modes
        if mode is not None:
            return mode
    return FALLBACK_MODE


def _name(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def default_key_id(
    mode: Mode,
    certificates: Sequence[CertificateInfo],
    profile: SigningProfile,
    organisation: str,
) -> str | None:
    """The CKA_ID to sign in ``mode`` with, among the token's ``certificates``: for the seal, the
    profile's ``seal_key_id`` when it is there, else a certificate whose subject is the
    organisation ``organisation`` itself (a usable one first); otherwise the profile's ``key_id``."""
    if Mode(mode) is Mode.ISSUE:
        present = {c.key_id for c in certificates}
        if profile.seal_key_id and profile.seal_key_id in present:
            return profile.seal_key_id
        wanted = _name(organisation)
        named = [c for c in certificates if wanted and _name(c.subject_cn) == wanted]
        named.sort(key=lambda c: c.validity_problem() is not None)
        if named:
            return named[0].key_id
        logger.info("no certificate named after %r: the profile's certificate seals", organisation)
    return profile.key_id
