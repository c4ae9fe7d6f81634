"""Is the signing certificate revoked? Asked once before a batch, when online.

A signature made with a revoked certificate is worthless in law, so a
revoked certificate is refused outright (no override, unlike an expired
one). When the answer cannot be had — offline, no OCSP/CRL address, a root
the user has not added — signing goes on and the caller is told why the
status is unknown; validators check again later.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from asn1crypto import x509 as asn1_x509
from pyhanko_certvalidator import CertificateValidator
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, RevokedError
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

from .profiles import SigningProfile
from .trust import profile_roots, validation_context

__all__ = ["Revocation", "RevocationCheck", "check_revocation"]

logger = logging.getLogger(__name__)

FETCH_TIMEOUT = (
    5.0  # seconds per OCSP/CRL request: a dead responder must not freeze the signing dialog
)


class Revocation(StrEnum):
    GOOD = "good"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RevocationCheck:
    status: Revocation
    message_vi: str = ""
    message_en: str = ""


def check_revocation(
    cert_der: bytes, profile: SigningProfile, chain: Iterable[asn1_x509.Certificate] = ()
) -> RevocationCheck:
    """Ask the certificate's OCSP responder / CRL (hard-fail, so "no answer" is visible)."""
    cert = asn1_x509.Certificate.load(cert_der)
    context = validation_context(
        profile_roots(profile),
        extra_certs=chain,
        revocation_mode="hard-fail",
        fetcher_backend=RequestsFetcherBackend(per_request_timeout=FETCH_TIMEOUT),
    )
    validator = CertificateValidator(cert, validation_context=context)
    try:
        asyncio.run(validator.async_validate_path())
    except RevokedError:
        return RevocationCheck(
            Revocation.REVOKED,
            "Chứng thư số đã bị THU HỒI. Không thể ký.",
            "The certificate has been REVOKED. Signing refused.",
        )
    except PathBuildingError:
        return RevocationCheck(
            Revocation.UNKNOWN,
            "Chưa tin cậy chứng thư gốc của chứng thư số này; "
            "không kiểm tra được tình trạng thu hồi.",
            "The certificate's root is not trusted; revocation could not be checked.",
        )
    except (PathValidationError, OSError, ValueError) as exc:
        logger.info("revocation status unknown: %s", exc)
        return RevocationCheck(
            Revocation.UNKNOWN,
            "Không kiểm tra được tình trạng thu hồi (mất mạng?).",
            "Could not check whether the certificate is revoked (offline?).",
        )
    return RevocationCheck(Revocation.GOOD)
