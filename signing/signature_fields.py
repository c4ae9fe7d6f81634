"""Where each signature of a PDF sits and which certificates it carries.

Validation (``signing.validation``) judges signatures; this module only reads what a viewer
shows beside the verdict: the page and box of each signature's widget (PyMuPDF's page
coordinates before ``/Rotate``, as the viewer's ``go_to_page`` takes them), the mode our signer wrote into the
field name (``Sig_<mode>_<n>``), and the signer's certificate with the chain built from the
certificates embedded in the CMS and the given roots. A damaged signature simply gets no
certificates; reading never raises for one bad field.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

from base.pdf import unlock

from .encryption import unlock_reader
from .profiles import Mode
from .trust_store import fingerprint

__all__ = ["CertificateSummary", "SignatureField", "read_signature_fields", "mode_of_field"]

logger = logging.getLogger(__name__)

_MAX_CHAIN = 8


@dataclass(frozen=True)
class CertificateSummary:
    """One certificate of a chain, as a person checks it against the operator's list."""

    subject_cn: str
    subject_o: str
    issuer_cn: str
    serial: str
    """Hexadecimal, as operators print it."""
    not_before: dt.datetime
    not_after: dt.datetime
    sha256: str
    """``F0:4B:…`` — the form ca.gov.vn and rootca.gov.vn publish."""
    self_signed: bool

    @classmethod
    def of(cls, cert: asn1_x509.Certificate) -> CertificateSummary:
        subject, issuer = cert.subject.native, cert.issuer.native
        return cls(
            subject_cn=str(subject.get("common_name", "")) or cert.subject.human_friendly,
            subject_o=str(subject.get("organization_name", "")),
            issuer_cn=str(issuer.get("common_name", "")) or cert.issuer.human_friendly,
            serial=format(cert.serial_number, "X"),
            not_before=cert.not_valid_before,
            not_after=cert.not_valid_after,
            sha256=fingerprint(cert.dump()),
            self_signed=cert.self_signed in ("maybe", "yes"),
        )


@dataclass(frozen=True)
class SignatureField:
    field_name: str
    page_index: int | None
    """0-based page of the signature's widget; ``None`` for an invisible signature."""
    rect: tuple[float, float, float, float] | None
    """x0, y0, x1, y1 in points from the top-left of the page as shown (after rotation)."""
    mode: Mode | None
    """The mode our signer recorded in the field name; ``None`` for other software's fields."""
    chain: tuple[CertificateSummary, ...]
    """The signer's certificate first, then each issuer up to a root when one is known."""


def mode_of_field(field_name: str) -> Mode | None:
    parts = field_name.split("_")
    if len(parts) >= 2 and parts[0] == "Sig":
        try:
            return Mode(parts[1])
        except ValueError:
            return None
    return None


def _places(
    path: Path, password: str | None
) -> dict[str, tuple[int, tuple[float, float, float, float]]]:
    found: dict[str, tuple[int, tuple[float, float, float, float]]] = {}
    with pymupdf.open(path) as doc:
        unlock(doc, password)  # the empty open password first, as every reader
        for page in doc:
            for widget in page.widgets(types=[pymupdf.PDF_WIDGET_TYPE_SIGNATURE]) or ():
                box = pymupdf.Rect(widget.rect)
                box.normalize()
                if box.is_empty:
                    continue  # an invisible signature has no place to show
                found.setdefault(widget.field_name, (page.number, (box.x0, box.y0, box.x1, box.y1)))
    return found


def _chain(
    signer: asn1_x509.Certificate, pool: Iterable[asn1_x509.Certificate]
) -> tuple[asn1_x509.Certificate, ...]:
    by_subject: dict[bytes, asn1_x509.Certificate] = {}
    for cert in pool:
        by_subject.setdefault(cert.subject.dump(), cert)
    chain = [signer]
    while len(chain) < _MAX_CHAIN:
        current = chain[-1]
        if current.self_signed in ("maybe", "yes"):
            break
        issuer = by_subject.get(current.issuer.dump())
        if issuer is None or issuer in chain:
            break
        chain.append(issuer)
    return tuple(chain)


def _certificates(
    path: Path, password: str | None, roots: list[asn1_x509.Certificate]
) -> dict[str, tuple[CertificateSummary, ...]]:
    found: dict[str, tuple[CertificateSummary, ...]] = {}
    with path.open("rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        unlock_reader(reader, password, path.name)
        for name, _sig_obj, sig_field in enumerate_sig_fields(reader, filled_status=True):
            try:
                sig = EmbeddedPdfSignature(reader, sig_field, name)
                pool = [*sig.other_embedded_certs, *roots]
                found[name] = tuple(CertificateSummary.of(c) for c in _chain(sig.signer_cert, pool))
            except Exception as exc:  # noqa: BLE001 — a damaged CMS blob just has no chain to show
                logger.info("signature %s: certificates not readable: %r", name, exc)
                found[name] = ()
    return found


def read_signature_fields(
    path: Path, roots: Iterable[asn1_x509.Certificate] = (), password: str | None = None
) -> dict[str, SignatureField]:
    """Every filled signature field by name: its place, mode and certificate chain."""
    roots = list(roots)
    places = _places(path, password)
    chains = _certificates(path, password, roots)
    out: dict[str, SignatureField] = {}
    for name, chain in chains.items():
        page, rect = places.get(name, (None, None))
        out[name] = SignatureField(name, page, rect, mode_of_field(name), chain)
    return out
