"""Space reserved in the PDF for the signature container, worked out once per batch.

Without ``bytes_reserved`` pyHanko builds a complete dummy CMS for every file
to measure it — a third of a B-B signature's time — and with a time-stamp it
asks the TSA for a dummy token every time (a second round trip per file). The
size depends only on the signer, the digest, the PAdES level and the TSA, so
one estimate, made with pyHanko's own dry run and margin, serves the whole
batch.
"""

from __future__ import annotations

import asyncio
import datetime as dt

from cryptography.hazmat.primitives import hashes
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from .backends import ActiveSigner

__all__ = ["reserved_bytes"]


def reserved_bytes(active: ActiveSigner, pdf_signer: signers.PdfSigner) -> int:
    """Bytes to reserve for ``pdf_signer``'s container (cached on the open signer)."""
    meta = pdf_signer.signature_meta
    md_algorithm = meta.md_algorithm or "sha256"
    key = (md_algorithm, meta.subfilter, getattr(pdf_signer.default_timestamper, "url", None))
    if key not in active.reservations:
        active.reservations[key] = asyncio.run(_estimate(active, pdf_signer, md_algorithm))
    return active.reservations[key]


async def _estimate(active: ActiveSigner, pdf_signer: signers.PdfSigner, md_algorithm: str) -> int:
    # As pyHanko's PdfSigningSession.estimate_signature_container_size (PAdES: no Adobe
    # revocation attribute in the CMS), including its 50 % margin for TSA answers that vary.
    digest = hashes.Hash(get_pyca_cryptography_hash(md_algorithm)).finalize()
    attributes = PdfCMSSignedAttributes(
        signing_time=dt.datetime.now(dt.UTC),
        cades_signed_attrs=pdf_signer.signature_meta.cades_signed_attr_spec,
    )
    with active.lock, active.errors():
        dummy = await active.signer.async_sign(
            digest,
            md_algorithm,
            use_pades=True,
            dry_run=True,
            timestamper=pdf_signer.default_timestamper,
            signed_attr_settings=attributes,
        )
    hex_length = len(dummy.dump()) * 2  # embedded as a hexadecimal string
    return hex_length + 2 * (hex_length // 4)
