"""Tokens, certificates and logged-in sessions (python-pkcs11).

Keys and certificates are matched by CKA_ID (labels repeat or go missing
on real tokens); when no key carries the certificate's ID, the key is found
by its public key.  One session is used by one thread at a time.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

import pkcs11
from asn1crypto import x509 as asn1_x509
from pkcs11 import Attribute, KeyType, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11

from .errors import (
    CertificateNotFound,
    PinIncorrect,
    PinLocked,
    PinRequired,
    SigningError,
    TokenNotFound,
    TokenRemoved,
)
from .modules import load_module

__all__ = [
    "TokenFlags",
    "TokenInfo",
    "CertificateInfo",
    "TokenSession",
    "list_tokens",
    "token_flags",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenFlags:
    login_required: bool
    protected_auth_path: bool
    pin_count_low: bool
    pin_final_try: bool
    pin_locked: bool

    @classmethod
    def from_flags(cls, flags: TokenFlag) -> TokenFlags:
        return cls(
            bool(flags & TokenFlag.LOGIN_REQUIRED),
            bool(flags & TokenFlag.PROTECTED_AUTHENTICATION_PATH),
            bool(flags & TokenFlag.USER_PIN_COUNT_LOW),
            bool(flags & TokenFlag.USER_PIN_FINAL_TRY),
            bool(flags & TokenFlag.USER_PIN_LOCKED),
        )


@dataclass(frozen=True)
class TokenInfo:
    module_path: str
    slot_id: int
    label: str
    manufacturer: str
    model: str
    serial: str
    flags: TokenFlags


@dataclass(frozen=True)
class CertificateInfo:
    """A certificate on a token, with what the user needs to choose it."""

    key_id: str
    label: str
    subject_cn: str
    subject_o: str
    issuer_cn: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    key_type: str
    non_repudiation: bool
    has_private_key: bool
    always_authenticate: bool
    der: bytes
    is_ca: bool = False

    def validity_problem(self, now: dt.datetime | None = None) -> tuple[str, str] | None:
        now = now or dt.datetime.now(dt.UTC)
        if now > self.not_after:
            return (
                f"Chứng thư số đã hết hạn ngày {self.not_after:%d/%m/%Y}.",
                f"The certificate expired on {self.not_after:%Y-%m-%d}.",
            )
        if now < self.not_before:
            return (
                f"Chứng thư số chưa có hiệu lực (từ {self.not_before:%d/%m/%Y}).",
                f"The certificate is not valid before {self.not_before:%Y-%m-%d}.",
            )
        return None

    @classmethod
    def from_der(
        cls, der: bytes, key_id: bytes, label: str, has_key: bool, always_auth: bool
    ) -> CertificateInfo:
        cert = asn1_x509.Certificate.load(der)
        subject, issuer = cert.subject.native, cert.issuer.native
        usage = cert.key_usage_value.native if cert.key_usage_value else set()
        algo = cert.public_key.algorithm
        return cls(
            key_id=key_id.hex(),
            label=label,
            subject_cn=subject.get("common_name", ""),
            subject_o=subject.get("organization_name", ""),
            issuer_cn=issuer.get("common_name", ""),
            serial=format(cert.serial_number, "x"),
            not_before=cert.not_valid_before,
            not_after=cert.not_valid_after,
            key_type="EC" if algo == "ec" else algo.upper(),
            non_repudiation="non_repudiation" in usage,
            has_private_key=has_key,
            always_authenticate=always_auth,
            der=der,
            is_ca=bool(cert.ca),
        )


def token_flags(module_path: str, token_label: str) -> TokenFlags | None:
    """Fresh flags (PIN counters change after each login attempt)."""
    for slot in load_module(module_path).get_slots(token_present=True):
        token = slot.get_token()
        if token.label == token_label:
            return TokenFlags.from_flags(token.flags)
    return None


def list_tokens(module_path: str) -> list[TokenInfo]:
    lib = load_module(module_path)
    tokens = []
    try:
        for slot in lib.get_slots(token_present=True):
            token = slot.get_token()
            if not token.flags & TokenFlag.TOKEN_INITIALIZED:
                continue  # an empty slot (SoftHSM always offers one)
            tokens.append(
                TokenInfo(
                    module_path,
                    slot.slot_id,
                    token.label,
                    token.manufacturer_id,
                    token.model,
                    token.serial.decode("ascii", "replace")
                    if isinstance(token.serial, bytes)
                    else str(token.serial),
                    TokenFlags.from_flags(token.flags),
                )
            )
    except p11.PKCS11Error as exc:
        raise TokenRemoved() from exc
    return tokens


@contextmanager
def _converted(module_path: str, token_label: str) -> Iterator[None]:
    try:
        yield
    except p11.PinIncorrect as exc:
        flags = token_flags(module_path, token_label)
        if flags and flags.pin_locked:
            raise PinLocked() from exc
        raise PinIncorrect(
            bool(flags and flags.pin_final_try), bool(flags and flags.pin_count_low)
        ) from exc
    except p11.PinLocked as exc:
        raise PinLocked() from exc
    except (p11.PinLenRange, p11.PinInvalid) as exc:
        raise PinIncorrect() from exc
    except (
        p11.TokenNotPresent,
        p11.DeviceRemoved,
        p11.SessionHandleInvalid,
        p11.SessionClosed,
        p11.DeviceError,
        p11.TokenNotRecognised,
    ) as exc:
        raise TokenRemoved() from exc
    except p11.NoSuchToken as exc:
        raise TokenNotFound() from exc


class TokenSession:
    """A logged-in session on one token; use as a context manager.

    ``pin=None`` with a protected authentication path logs in on the PIN pad;
    ``login=False`` opens a public session (listing certificates before the PIN is asked).
    """

    def __init__(
        self, module_path: str, token_label: str, pin: str | None, login: bool = True
    ) -> None:
        self.module_path = module_path
        self.token_label = token_label
        self.login = login
        self.lock = threading.Lock()
        self._pin = pin
        self._session: pkcs11.Session | None = None

    def __enter__(self) -> TokenSession:
        lib = load_module(self.module_path)
        with _converted(self.module_path, self.token_label):
            try:
                token = lib.get_token(token_label=self.token_label)
            except p11.NoSuchToken as exc:
                raise TokenNotFound() from exc
            flags = TokenFlags.from_flags(token.flags)
            if not self.login:
                pin = None
            elif self._pin is not None:
                pin = self._pin
            elif flags.protected_auth_path:
                pin = pkcs11.PROTECTED_AUTH  # the reader's own keypad asks for the PIN
            elif flags.login_required:
                raise PinRequired()
            else:
                pin = None
            if flags.pin_locked and pin is not None:
                raise PinLocked()
            try:
                self._session = token.open(user_pin=pin)
            except p11.UserAlreadyLoggedIn:
                # PKCS#11 login state is per application: another session of ours is logged in.
                self._session = token.open()
        if not self.always_auth_needed():
            self._pin = None  # not needed any more: drop our reference now
        return self

    def __exit__(self, *_exc: object) -> None:
        self._pin = None
        if self._session is not None:
            try:
                self._session.close()
            except p11.PKCS11Error:
                logger.info("closing the token session failed (token removed?)")
            self._session = None

    @property
    def session(self) -> pkcs11.Session:
        if self._session is None:
            raise SigningError("Phiên token chưa mở.", "The token session is not open.")
        return self._session

    @property
    def pin_for_context_login(self) -> str | None:
        return self._pin

    def always_auth_needed(self) -> bool:
        try:
            return any(
                self._bool(k, Attribute.ALWAYS_AUTHENTICATE)
                for k in self.session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
            )
        except p11.PKCS11Error:
            return False

    @staticmethod
    def _bool(obj: pkcs11.Object, attribute: Attribute) -> bool:
        try:
            return bool(obj[attribute])
        except (p11.AttributeTypeInvalid, p11.AttributeSensitive, KeyError):
            return False

    def _keys(self) -> list[pkcs11.Object]:
        return list(self.session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}))

    def _key_for(
        self, cert_id: bytes, der: bytes, keys: list[pkcs11.Object]
    ) -> pkcs11.Object | None:
        by_id = [k for k in keys if k[Attribute.ID] == cert_id]
        if by_id:
            return by_id[0]
        public = asn1_x509.Certificate.load(der).public_key
        for key in keys:  # fall back to the public key when IDs do not match
            try:
                if key.key_type == KeyType.RSA and public.algorithm == "rsa":
                    if (
                        int.from_bytes(key[Attribute.MODULUS], "big")
                        == public["public_key"].parsed["modulus"].native
                    ):
                        return key
            except (p11.PKCS11Error, KeyError):
                continue
        return None

    def certificates(self) -> list[CertificateInfo]:
        """Every certificate with its matching private key (if any)."""
        with self.lock, _converted(self.module_path, self.token_label):
            keys = self._keys()
            out = []
            for cert in self.session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
                der, cert_id = cert[Attribute.VALUE], cert[Attribute.ID]
                label = self._label(cert)
                key = self._key_for(cert_id, der, keys)
                always = key is not None and self._bool(key, Attribute.ALWAYS_AUTHENTICATE)
                key_id = key[Attribute.ID] if key is not None else cert_id
                out.append(CertificateInfo.from_der(der, key_id, label, key is not None, always))
        return out

    @staticmethod
    def _label(obj: pkcs11.Object) -> str:
        try:
            return str(obj[Attribute.LABEL])
        except (p11.AttributeTypeInvalid, KeyError):
            return ""

    def signing_certificate(self, key_id: str) -> CertificateInfo:
        for info in self.certificates():
            if info.key_id == key_id and info.has_private_key:
                return info
        raise CertificateNotFound()

    def converted_errors(self) -> AbstractContextManager[None]:
        return _converted(self.module_path, self.token_label)
