"""Trust management, the one place the window and the command line call.

The store itself is ``signing.trust_store``; here it meets the server: the
organisation's list is fetched with every sync, so an administrator who adds
a newer national root or disables a compromised CA on the server reaches
every desk at its next sync.
"""

from __future__ import annotations

import logging
from pathlib import Path

from base.errors import VanThuError
from client.api import ApiClient
from signing.trust_store import PKI_NAMES, Pki, TrustAnchor, TrustStore

__all__ = [
    "anchors",
    "add_anchor",
    "set_enabled",
    "replace_anchor",
    "refresh_from_server",
    "pki_label",
    "trust_info",
]

logger = logging.getLogger(__name__)


def anchors() -> list[TrustAnchor]:
    return TrustStore().anchors()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise VanThuError(
            f"Không đọc được tệp chứng thư {path}.", f"Cannot read the certificate file {path}."
        ) from exc


def add_anchor(path: Path, pki: Pki | None = None) -> list[TrustAnchor]:
    """Trust the certificates of a PEM/DER file on this machine."""
    return TrustStore().add(_read(path), path.name, pki)


def set_enabled(fingerprint: str, enabled: bool) -> TrustAnchor:
    return TrustStore().set_enabled(fingerprint, enabled)


def replace_anchor(old_fingerprint: str, path: Path) -> list[TrustAnchor]:
    """A newer certificate in place of an old one (the old one stays, disabled)."""
    return TrustStore().replace_anchor(old_fingerprint, _read(path), path.name)


def refresh_from_server(client: ApiClient) -> int:
    """Take the organisation's trust list from the server; the number of entries."""
    entries = client.trust_list()
    TrustStore().set_organisation_list([(e.pem, Pki(e.pki), e.enabled) for e in entries])
    return len(entries)


def pki_label(pki: Pki | str, lang: str = "vi") -> str:
    vi, en = PKI_NAMES.get(Pki(pki), (str(pki), str(pki)))
    return en if lang == "en" else vi


def trust_info(lang: str = "vi") -> list[str]:
    """The trust list as lines for the command line: state, PKI, name, validity, fingerprint."""
    lines = []
    for anchor in anchors():
        state = ("bật", "on") if anchor.enabled else ("TẮT", "OFF")
        source = {
            "built_in": ("cài sẵn", "built in"),
            "organisation": ("của đơn vị", "organisation"),
            "local": ("thêm trên máy", "added here"),
        }[anchor.source.value]
        pick = 1 if lang == "en" else 0
        lines.append(
            f"[{state[pick]}] {anchor.name} — {pki_label(anchor.pki, lang)}, {source[pick]}, "
            f"{anchor.valid_from} → {anchor.valid_until}\n      SHA-256 {anchor.fingerprint}"
        )
    return lines
