"""Signer backends: a PKCS#11 token (one login for a whole batch) or a PKCS#12 file.

A backend is a context manager yielding an ``ActiveSigner``: the pyHanko
signer, the certificate details and a lock that serialises use of the
token session.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko.sign.pkcs11 import PKCS11Signer
from pyhanko.sign.signers import Signer, SimpleSigner

from .errors import CertificateNotUsable, SigningError
from .tokens import CertificateInfo, TokenSession

__all__ = ["ActiveSigner", "TokenBackend", "Pkcs12Backend"]

logger = logging.getLogger(__name__)


@dataclass
class ActiveSigner:
    signer: Signer
    certificate: CertificateInfo
    lock: threading.Lock = field(default_factory=threading.Lock)
    errors: Any = field(default_factory=lambda: nullcontext)
    """Zero-argument callable returning a context manager that converts library errors."""
    reservations: dict[tuple[Any, ...], int] = field(default_factory=dict)
    """Signature container sizes already worked out for this session (see ``signing.reservation``)."""


def _issuer_chain(
    cert: asn1_x509.Certificate, pool: list[asn1_x509.Certificate]
) -> list[asn1_x509.Certificate]:
    """The certificates above ``cert`` found on the token (not every other user's certificate)."""
    chain: list[asn1_x509.Certificate] = []
    current = cert
    while current.subject != current.issuer and len(chain) < 8:
        issuer = next(
            (c for c in pool if c.subject == current.issuer and c not in chain and c != current),
            None,
        )
        if issuer is None:
            break
        chain.append(issuer)
        current = issuer
    return chain


@dataclass(frozen=True)
class TokenBackend:
    module_path: str
    token_label: str
    key_id: str
    """Hex CKA_ID of the key (and certificate) to sign with."""

    @contextmanager
    def open(self, pin: str | None) -> Iterator[ActiveSigner]:
        with TokenSession(self.module_path, self.token_label, pin) as session:
            info = session.signing_certificate(self.key_id)
            chain = _issuer_chain(
                asn1_x509.Certificate.load(info.der),
                [asn1_x509.Certificate.load(c.der) for c in session.certificates()],
            )
            sign_kwargs = {}
            if info.always_authenticate:
                # CKA_ALWAYS_AUTHENTICATE: a context-specific login before every signature,
                # with the PIN given once for the batch (held only while the session is open).
                sign_kwargs["pin"] = session.pin_for_context_login
            signer = PKCS11Signer(
                session.session,
                key_id=bytes.fromhex(self.key_id),
                signing_cert=asn1_x509.Certificate.load(info.der),
                ca_chain=chain,
                base_sign_kwargs=sign_kwargs or None,
                # Many tokens (SoftHSM, most Feitian-based VN tokens) only offer raw CKM_ECDSA:
                # hash in software, sign the digest on the token.
                use_raw_mechanism=info.key_type == "EC",
            )
            try:
                yield ActiveSigner(signer, info, session.lock, session.converted_errors)
            finally:
                sign_kwargs.clear()


@dataclass(frozen=True)
class Pkcs12Backend:
    path: str

    @contextmanager
    def open(self, passphrase: str | None) -> Iterator[ActiveSigner]:
        data = Path(self.path).read_bytes() if Path(self.path).is_file() else None
        if data is None:
            raise SigningError(
                f"Không tìm thấy tệp chứng thư {self.path}.",
                f"Certificate file {self.path} not found.",
            )
        try:
            signer = SimpleSigner.load_pkcs12_data(
                data, other_certs=(), passphrase=passphrase.encode() if passphrase else None
            )
        except (ValueError, TypeError) as exc:
            raise CertificateNotUsable(
                "Sai mật khẩu tệp chứng thư (.p12/.pfx) hoặc tệp bị hỏng.",
                "Wrong password for the .p12/.pfx file, or the file is corrupt.",
            ) from exc
        if signer is None:
            raise CertificateNotUsable(
                "Sai mật khẩu tệp chứng thư (.p12/.pfx) hoặc tệp bị hỏng.",
                "Wrong password for the .p12/.pfx file, or the file is corrupt.",
            )
        cert = signer.signing_cert
        info = CertificateInfo.from_der(cert.dump(), b"p12", Path(self.path).name, True, False)
        yield ActiveSigner(signer, info)
