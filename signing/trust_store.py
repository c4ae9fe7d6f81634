"""The trust store: which certificate authorities a signature may chain to.

By default it holds the Vietnamese anchors shipped in ``resources/trust``
(the government "chuyên dùng" root and its G2 CA, the national root of the
public CAs and one public intermediate), each checked against the
fingerprint in ``anchors.json`` when loaded. An administrator can add a root
(say a newer national root) or disable or replace one on this machine, and
the organisation's list comes down from the server; the store keeps those
as its own JSON file beside the profiles. Test and demo roots are never in
it: only a profile that names them (the demo's own) trusts them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from base.paths import app_paths
from base.pki import Pki
from base.resources import resource_path

from .errors import SigningError

__all__ = [
    "Pki",
    "AnchorSource",
    "TrustAnchor",
    "TrustStore",
    "fingerprint",
    "parse_certificates",
    "PKI_NAMES",
    "TrustListError",
]

logger = logging.getLogger(__name__)


class TrustListError(SigningError):
    title_vi = "Danh sách chứng thư tin cậy"
    title_en = "Trust list"


PKI_NAMES: dict[Pki, tuple[str, str]] = {
    Pki.GOVERNMENT: ("chuyên dùng Chính phủ", "government (chuyên dùng)"),
    Pki.PUBLIC: ("công cộng", "public"),
    Pki.OTHER: ("khác", "other"),
}


class AnchorSource(StrEnum):
    BUILT_IN = "built_in"
    ORGANISATION = "organisation"
    """The organisation's list, from the server."""
    LOCAL = "local"
    """Added on this machine."""


def fingerprint(der: bytes) -> str:
    """SHA-256 as operators publish it: ``F0:4B:…``."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _plain(fp: str) -> str:
    return fp.replace(":", "").replace(" ", "").upper()


def parse_certificates(data: bytes, source: str) -> list[asn1_x509.Certificate]:
    """Every certificate of a PEM (one or many) or DER file."""
    try:
        if pem.detect(data):
            return [
                asn1_x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)
            ]
        return [asn1_x509.Certificate.load(data)]
    except (ValueError, TypeError) as exc:
        raise SigningError(
            f"Tệp chứng thư {source} không đọc được (cần PEM hoặc DER).",
            f"The certificate file {source} cannot be read (PEM or DER expected).",
        ) from exc


def _pem(cert: asn1_x509.Certificate) -> str:
    armored: bytes = pem.armor("CERTIFICATE", cert.dump())
    return armored.decode("ascii")


@dataclass(frozen=True)
class TrustAnchor:
    certificate: asn1_x509.Certificate
    pki: Pki
    source: AnchorSource
    enabled: bool = True

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate.dump())

    @property
    def name(self) -> str:
        return str(self.certificate.subject.native.get("common_name", "")) or (
            self.certificate.subject.human_friendly
        )

    @property
    def is_root(self) -> bool:
        return bool(self.certificate.self_signed in ("yes", "maybe"))

    @property
    def valid_from(self) -> str:
        return str(self.certificate["tbs_certificate"]["validity"]["not_before"].native.date())

    @property
    def valid_until(self) -> str:
        return str(self.certificate["tbs_certificate"]["validity"]["not_after"].native.date())


@dataclass(frozen=True)
class _Entry:
    pem: str
    pki: Pki


@dataclass
class _Settings:
    local: list[_Entry] = field(default_factory=list)
    organisation: list[_Entry] = field(default_factory=list)
    disabled: set[str] = field(default_factory=set)
    organisation_disabled: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> _Settings:
        if not path.is_file():
            return cls()
        try:
            data: dict[str, Any] = json.loads(path.read_text("utf-8"))
            return cls(
                [_Entry(e["pem"], Pki(e["pki"])) for e in data.get("local", ())],
                [_Entry(e["pem"], Pki(e["pki"])) for e in data.get("organisation", ())],
                {_plain(f) for f in data.get("disabled", ())},
                {_plain(f) for f in data.get("organisation_disabled", ())},
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise TrustListError(
                f"Tệp danh sách tin cậy {path} bị hỏng; hãy xoá tệp để dùng danh sách mặc định.",
                f"The trust list {path} is damaged; delete it to use the default list.",
            ) from exc

    def save(self, path: Path) -> None:
        data = {
            "local": [{"pem": e.pem, "pki": e.pki.value} for e in self.local],
            "organisation": [{"pem": e.pem, "pki": e.pki.value} for e in self.organisation],
            "disabled": sorted(self.disabled),
            "organisation_disabled": sorted(self.organisation_disabled),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)


@functools.lru_cache(maxsize=1)
def _built_in() -> tuple[TrustAnchor, ...]:
    """The shipped anchors, read and checked once per process."""
    folder = resource_path("trust")
    manifest = json.loads((folder / "anchors.json").read_text("utf-8"))
    anchors = []
    for entry in manifest["anchors"]:
        [cert] = parse_certificates((folder / entry["file"]).read_bytes(), entry["file"])
        if _plain(fingerprint(cert.dump())) != _plain(entry["sha256"]):
            raise TrustListError(
                f"Chứng thư gốc cài sẵn {entry['file']} không khớp dấu vân tay; hãy cài lại ứng dụng.",
                f"The built-in root {entry['file']} does not match its fingerprint; reinstall.",
            )
        anchors.append(TrustAnchor(cert, Pki(entry["pki"]), AnchorSource.BUILT_IN))
    return tuple(anchors)


class TrustStore:
    """The anchors of this installation: built in, the organisation's, and local changes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or app_paths().config / "trust.json"
        self._settings = _Settings.load(self.path)

    def anchors(self) -> list[TrustAnchor]:
        """Every anchor with its state; the same certificate appears once (first source wins)."""
        settings = self._settings
        found: list[TrustAnchor] = []
        seen: set[str] = set()
        candidates = [
            *_built_in(),
            *self._entries(settings.organisation, AnchorSource.ORGANISATION),
            *self._entries(settings.local, AnchorSource.LOCAL),
        ]
        for anchor in candidates:
            fp = _plain(anchor.fingerprint)
            if fp in seen:
                continue
            seen.add(fp)
            off = fp in settings.disabled or fp in settings.organisation_disabled
            found.append(replace(anchor, enabled=not off))
        return found

    @staticmethod
    def _entries(entries: Iterable[_Entry], source: AnchorSource) -> list[TrustAnchor]:
        return [
            TrustAnchor(cert, entry.pki, source)
            for entry in entries
            for cert in parse_certificates(entry.pem.encode("ascii"), "trust.json")
        ]

    def certificates(self) -> list[asn1_x509.Certificate]:
        """The enabled anchors' certificates: what validation and signing trust."""
        return [a.certificate for a in self.anchors() if a.enabled]

    def find(self, fp: str) -> TrustAnchor:
        wanted = _plain(fp)
        matches = [a for a in self.anchors() if _plain(a.fingerprint).startswith(wanted)]
        if len(wanted) < 8 or len(matches) != 1:
            raise TrustListError(
                f"Không có đúng một chứng thư tin cậy có dấu vân tay {fp}.",
                f"No single trusted certificate has the fingerprint {fp}.",
            )
        return matches[0]

    def pki_of(self, certificate: asn1_x509.Certificate) -> Pki | None:
        """The PKI an anchor certificate belongs to, or None when it is not in the store."""
        fp = _plain(fingerprint(certificate.dump()))
        return next((a.pki for a in self.anchors() if _plain(a.fingerprint) == fp), None)

    def add(self, data: bytes, source_name: str, pki: Pki | None = None) -> list[TrustAnchor]:
        """Trust the certificates of a PEM/DER file on this machine (re-enabling any disabled)."""
        certs = parse_certificates(data, source_name)
        added = []
        for cert in certs:
            kind = pki or self._inherited_pki(cert)
            fp = _plain(fingerprint(cert.dump()))
            self._settings.disabled.discard(fp)
            if all(_plain(a.fingerprint) != fp for a in self.anchors()):
                self._settings.local.append(_Entry(_pem(cert), kind))
            added.append(TrustAnchor(cert, kind, AnchorSource.LOCAL))
        self._settings.save(self.path)
        logger.info("trust store: added %s", ", ".join(a.fingerprint for a in added))
        return added

    def _inherited_pki(self, cert: asn1_x509.Certificate) -> Pki:
        """A CA issued by a known anchor belongs to its PKI; an unknown root is ``other``."""
        issuer = cert.issuer
        for anchor in self.anchors():
            if anchor.certificate.subject == issuer:
                return anchor.pki
        return Pki.OTHER

    def set_enabled(self, fp: str, enabled: bool) -> TrustAnchor:
        anchor = self.find(fp)
        plain = _plain(anchor.fingerprint)
        if enabled:
            self._settings.disabled.discard(plain)
        else:
            self._settings.disabled.add(plain)
        self._settings.save(self.path)
        logger.info("trust store: %s %s", "enabled" if enabled else "disabled", anchor.fingerprint)
        return replace(anchor, enabled=enabled)

    def replace_anchor(self, old_fp: str, data: bytes, source_name: str) -> list[TrustAnchor]:
        """A newer certificate in place of an old one: the new one added, the old one disabled."""
        old = self.find(old_fp)
        added = self.add(data, source_name, old.pki)
        self.set_enabled(old.fingerprint, False)
        return added

    def set_organisation_list(self, entries: Sequence[tuple[str, Pki, bool]]) -> None:
        """The list the organisation's administrators keep on the server: (PEM, PKI, enabled)."""
        settings = self._settings
        settings.organisation = [_Entry(p, pki) for p, pki, on in entries if on]
        settings.organisation_disabled = {
            _plain(fingerprint(cert.dump()))
            for p, _, on in entries
            if not on
            for cert in parse_certificates(p.encode("ascii"), "server")
        }
        settings.save(self.path)
