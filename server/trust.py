"""The trust list the server hands its desktop clients: CA certificates on top of the built-ins.

A province administrator keeps a province-wide list (say, the newer "Vietnam
National Root CA G3" the day it is published), an organisation's
administrator one for their organisation; either can also *disable* a
certificate, built-in ones included. A client receives the province's list
overlaid by its organisation's. The server never needs to understand a
certificate beyond its DER envelope and digest: the clients parse and judge.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.pki import Pki
from base.resources import resource_path

from .errors import ApiProblem, not_found
from .models import TrustedCertificate, User

__all__ = [
    "Pki",
    "TrustEntry",
    "parse_pem",
    "add_certificate",
    "set_enabled",
    "entries_for",
    "list_scope",
    "built_in_pem",
]

logger = logging.getLogger(__name__)

_PEM = re.compile(r"-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----")
MAX_PEM = 20_000


@dataclass(frozen=True)
class TrustEntry:
    sha256: str
    pem: str
    pki: Pki
    enabled: bool
    scope: str
    """``province`` or the organisation's code."""


def _bad(detail_vi: str, detail_en: str) -> ApiProblem:
    return ApiProblem(
        422, f"Chứng thư không hợp lệ: {detail_vi}.", f"Invalid certificate: {detail_en}."
    )


def parse_pem(text: str) -> tuple[str, str]:
    """One PEM certificate → (normalised PEM, SHA-256 of its DER, hex)."""
    found = _PEM.findall(text)
    if len(found) != 1:
        raise _bad(
            "cần đúng một khối PEM CERTIFICATE", "exactly one PEM CERTIFICATE block expected"
        )
    try:
        der = base64.b64decode("".join(found[0].split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _bad("base64 hỏng", "broken base64") from exc
    if len(der) < 64 or der[0] != 0x30:  # an X.509 certificate is a DER SEQUENCE
        raise _bad("không phải chứng thư X.509 (DER)", "not an X.509 (DER) certificate")
    body = base64.encodebytes(der).decode("ascii").replace("\n", "")
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    pem = f"-----BEGIN CERTIFICATE-----\n{lines}\n-----END CERTIFICATE-----\n"
    return pem, hashlib.sha256(der).hexdigest().upper()


def built_in_pem(sha256: str) -> tuple[str, Pki] | None:
    """A built-in anchor of the desktop app (``resources/trust``) by digest, to disable it."""
    folder = resource_path("trust")
    manifest = json.loads((folder / "anchors.json").read_text("utf-8"))
    for entry in manifest["anchors"]:
        if entry["sha256"].upper() == sha256.upper():
            pem, _ = parse_pem((folder / entry["file"]).read_text("ascii"))
            return pem, Pki(entry["pki"])
    return None


def _row(session: Session, organisation_id: int | None, sha256: str) -> TrustedCertificate | None:
    return session.scalar(
        select(TrustedCertificate).where(
            TrustedCertificate.organisation_id.is_(None)
            if organisation_id is None
            else TrustedCertificate.organisation_id == organisation_id,
            TrustedCertificate.sha256 == sha256,
        )
    )


def add_certificate(
    session: Session, pem_text: str, pki: Pki, organisation_id: int | None, by: User | None
) -> tuple[TrustedCertificate, bool]:
    """Trust a certificate in a scope; (row, created). Adding one again re-enables it."""
    if len(pem_text) > MAX_PEM:
        raise _bad("quá dài", "too long")
    pem, sha256 = parse_pem(pem_text)
    row = _row(session, organisation_id, sha256)
    created = row is None
    if row is None:
        row = TrustedCertificate(
            organisation_id=organisation_id,
            sha256=sha256,
            pem=pem,
            pki=pki.value,
            enabled=True,
            added_by=by.id if by else None,
        )
        session.add(row)
    else:
        row.enabled, row.pki = True, pki.value
    session.flush()
    logger.info("trust list %s: trusted %s", organisation_id or "province", sha256)
    return row, created


def set_enabled(
    session: Session, sha256: str, enabled: bool, organisation_id: int | None, by: User | None
) -> TrustedCertificate:
    """Enable or disable a certificate in a scope; a built-in one gets a row to disable it."""
    sha256 = sha256.replace(":", "").upper()
    row = _row(session, organisation_id, sha256)
    if row is None:
        inherited = _row(session, None, sha256) if organisation_id is not None else None
        known = (inherited.pem, Pki(inherited.pki)) if inherited else built_in_pem(sha256)
        if known is None:
            raise not_found(f"chứng thư {sha256[:16]}…", f"Certificate {sha256[:16]}…")
        row = TrustedCertificate(
            organisation_id=organisation_id,
            sha256=sha256,
            pem=known[0],
            pki=known[1].value,
            added_by=by.id if by else None,
        )
        session.add(row)
    row.enabled = enabled
    session.flush()
    logger.info(
        "trust list %s: %s %s",
        organisation_id or "province",
        "enabled" if enabled else "disabled",
        sha256,
    )
    return row


def list_scope(session: Session, organisation_id: int | None) -> list[TrustedCertificate]:
    return list(
        session.scalars(
            select(TrustedCertificate)
            .where(
                TrustedCertificate.organisation_id.is_(None)
                if organisation_id is None
                else TrustedCertificate.organisation_id == organisation_id
            )
            .order_by(TrustedCertificate.id)
        )
    )


def entries_for(session: Session, organisation_id: int, organisation_code: str) -> list[TrustEntry]:
    """What a client of this organisation should trust: the province's list, overlaid by the
    organisation's own (an organisation may disable what the province trusts, and back)."""
    merged: dict[str, TrustEntry] = {}
    for scope, code in ((None, "province"), (organisation_id, organisation_code)):
        for row in list_scope(session, scope):
            merged[row.sha256] = TrustEntry(row.sha256, row.pem, Pki(row.pki), row.enabled, code)
    return list(merged.values())
