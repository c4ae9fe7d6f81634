"""Trust roots and validation contexts.

Signing, revocation checks and validation trust the same list: the trust
store's enabled anchors (the Vietnamese roots by default, see
``signing.trust_store``) plus any root a signing profile names for itself
(the demo's own root, a test PKI). Revocation information is fetched when
online.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko_certvalidator import ValidationContext

from .errors import SigningError
from .profiles import SigningProfile
from .trust_store import TrustStore, parse_certificates

__all__ = ["load_certificates", "profile_roots", "validation_context"]

logger = logging.getLogger(__name__)


def load_certificates(path: str | Path) -> list[asn1_x509.Certificate]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SigningError(
            f"Không đọc được tệp chứng thư gốc {path}.", f"Cannot read the root certificate {path}."
        ) from exc
    return parse_certificates(data, str(path))


def profile_roots(profile: SigningProfile) -> list[asn1_x509.Certificate]:
    """The trust store's enabled anchors and the profile's own roots: the one list signing,
    revocation and validation share."""
    own = [cert for path in profile.trust_roots for cert in load_certificates(path)]
    return [*TrustStore().certificates(), *own]


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
