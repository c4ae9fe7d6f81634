"""Create SoftHSM2 tokens and put keys and certificates on them.

Used by the demo (a ready-to-use signing token) and by the tests.  Real
USB tokens are provisioned by their CA; we only ever read those.
SoftHSM reads ``SOFTHSM2_CONF`` once per process, so every token of a
process lives in the one token directory that file names.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto import core as asn1_core
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pkcs11 import Attribute, CertificateType, ObjectClass
from pkcs11.util.ec import decode_ec_private_key
from pkcs11.util.rsa import decode_rsa_private_key

from .errors import SigningError

__all__ = ["softhsm_module", "configure_softhsm", "init_token", "import_identity"]

logger = logging.getLogger(__name__)

SOFTHSM_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
    r"C:\SoftHSM2\lib\softhsm2-x64.dll",
)


def softhsm_module() -> str | None:
    return next((p for p in SOFTHSM_MODULE_CANDIDATES if Path(p).exists()), None)


def configure_softhsm(folder: Path) -> Path:
    """Point this process's SoftHSM at ``folder/tokens`` (before the library loads)."""
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    if not conf.exists():
        conf.write_text(
            f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
        )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    return conf


def init_token(label: str, user_pin: str, so_pin: str) -> None:
    """Create a SoftHSM token in the first free slot."""
    tool = shutil.which("softhsm2-util")
    if tool is None:
        raise SigningError(
            "Chưa cài SoftHSM2 (softhsm2-util).", "SoftHSM2 (softhsm2-util) is not installed."
        )
    subprocess.run(
        [tool, "--init-token", "--free", "--label", label, "--pin", user_pin, "--so-pin", so_pin],
        check=True,
        capture_output=True,
        env=os.environ.copy(),
    )


def _private_key_attributes(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> dict[Any, Any]:
    if isinstance(key, rsa.RSAPrivateKey):
        der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
        return dict(decode_rsa_private_key(der))
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    return dict(decode_ec_private_key(der))


def import_identity(
    module: str,
    token_label: str,
    user_pin: str,
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
    cert: x509.Certificate,
    key_id: bytes,
    label: str,
    *,
    always_authenticate: bool = False,
    extra_certs: tuple[x509.Certificate, ...] = (),
) -> None:
    """Store a private key and its certificate (same CKA_ID) on the token."""
    token = pkcs11.lib(module).get_token(token_label=token_label)
    with token.open(rw=True, user_pin=user_pin) as session:
        attrs = _private_key_attributes(key)
        attrs.update(
            {
                Attribute.TOKEN: True,
                Attribute.PRIVATE: True,
                Attribute.SENSITIVE: True,
                Attribute.SIGN: True,
                Attribute.ID: key_id,
                Attribute.LABEL: label,
            }
        )
        if always_authenticate:
            attrs[Attribute.ALWAYS_AUTHENTICATE] = True
        session.create_object(attrs)
        for number, certificate in enumerate((cert, *extra_certs)):
            session.create_object(
                {
                    Attribute.CLASS: ObjectClass.CERTIFICATE,
                    Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                    Attribute.TOKEN: True,
                    Attribute.PRIVATE: False,
                    Attribute.ID: key_id if number == 0 else key_id + bytes([0xC0 + number]),
                    Attribute.LABEL: label if number == 0 else f"{label} CA {number}",
                    Attribute.SUBJECT: certificate.subject.public_bytes(),
                    Attribute.ISSUER: certificate.issuer.public_bytes(),
                    Attribute.SERIAL_NUMBER: asn1_core.Integer(certificate.serial_number).dump(),
                    Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
                }
            )
