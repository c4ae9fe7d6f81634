"""Trust roots and validation contexts.

Only test roots ship with the product; users add the Vietnamese roots
("RootCA chuyên dùng Chính phủ G2", "Vietnam National Root CA") in their
profile.  Revocation information is fetched when online.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko_certvalidator import ValidationContext

from .errors import SigningError
from .profiles import SigningProfile

__all__ = ["load_certificates", "profile_roots", "validation_context"]

logger = logging.getLogger(__name__)


def load_certificates(path: str | Path) -> list[asn1_x509.Certificate]:
    data = Path(path).read_bytes()
    try:
        if pem.detect(data):
            return [
                asn1_x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)
            ]
        return [asn1_x509.Certificate.load(data)]
    except ValueError as exc:
        raise SigningError(
            f"Tệp chứng thư gốc {path} không hợp lệ.", f"Invalid root certificate file {path}."
        ) from exc


def profile_roots(profile: SigningProfile) -> list[asn1_x509.Certificate]:
    """The profile's trusted roots, loaded: the one list signing, revocation and validation share."""
    return [cert for path in profile.trust_roots for cert in load_certificates(path)]


def validation_context(
    roots: Iterable[asn1_x509.Certificate],
    *,
    extra_certs: Iterable[asn1_x509.Certificate] = (),
    online: bool = True,
    revocation_mode: str = "soft-fail",
    fetcher_backend: Any = None,
) -> ValidationContext:
    """The one builder of pyHanko validation contexts, so every check trusts the same roots."""
    options: dict[str, Any] = (
        {"fetcher_backend": fetcher_backend} if fetcher_backend is not None else {}
    )
    return ValidationContext(
        trust_roots=list(roots),
        other_certs=list(extra_certs),
        allow_fetching=online,
        revocation_mode=revocation_mode,
        **options,
    )
