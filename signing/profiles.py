"""Signing profiles and modes: what kind of signature, with which look,
time-stamp and trust roots.  Stored as JSON under the config folder."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path

from client.paths import app_paths

from .errors import SigningError

__all__ = ["Mode", "Level", "SigningProfile", "load_profiles", "save_profile", "get_profile"]

logger = logging.getLogger(__name__)


class Mode(StrEnum):
    """The Decree 30 cases, as in the government signing plugin."""

    APPROVE = "approve"  # ký phê duyệt: leader's signature image between title and name
    ISSUE = "issue"  # đóng dấu phát hành: organisation seal over the left third of the signature
    ATTACHMENT = "attachment"  # phụ lục: text top-right of page 1, no image
    COPY = "copy"  # bản sao điện tử: copy type + organisation + time, top-right, no image


class Level(StrEnum):
    B_B = "B-B"
    B_T = "B-T"
    B_LT = "B-LT"
    B_LTA = "B-LTA"


@dataclass(frozen=True)
class SigningProfile:
    """One way of signing, chosen per document kind."""

    name: str = "Mặc định"
    level: Level = Level.B_T
    """PAdES baseline level."""
    tsa_url: str | None = "http://tsa.ca.gov.vn"
    """RFC 3161 time-stamp server (government TSA by default)."""
    tsa_username: str | None = None
    tsa_password: str | None = None
    allow_without_timestamp: bool = False
    """When the TSA is unreachable, sign B-B instead of failing."""
    signature_image: str | None = None
    """Blue handwritten signature, transparent PNG (mode approve)."""
    seal_image: str | None = None
    """Red seal, transparent PNG (mode issue)."""
    seal_diameter_mm: float = 36.0
    title_text: str | None = None
    """Signer's title to look for (e.g. "PHÓ CHỦ TỊCH"); None = any known title."""
    signer_name: str | None = None
    """Full name printed under the signature; None = the certificate's CN."""
    trust_roots: tuple[str, ...] = ()
    """Extra trusted root certificates (PEM/DER), e.g. the government roots."""
    organisation_name: str = ""
    """For copies: the organisation making the copy."""
    copy_type: str = "SAO Y"
    fill_number_and_date: bool = True
    """Issue mode: write the number and date the clerk assigned into the draft's blanks."""
    reason: str = ""
    location: str = "Việt Nam"
    allow_expired_certificate: bool = False
    module_path: str | None = None
    token_label: str | None = None
    key_id: str | None = None
    pkcs12_path: str | None = None

    @classmethod
    def from_dict(cls, data: dict) -> SigningProfile:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise SigningError(f"Cấu hình ký số có khoá lạ: {', '.join(sorted(unknown))}",
                               f"Unknown signing profile keys: {', '.join(sorted(unknown))}")
        values = dict(data)
        if "level" in values:
            values["level"] = Level(values["level"])
        if "trust_roots" in values:
            values["trust_roots"] = tuple(values["trust_roots"])
        return cls(**values)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["level"] = str(self.level)
        data["trust_roots"] = list(self.trust_roots)
        data.pop("tsa_password", None)  # secrets never go to plain files
        return data

    def with_changes(self, **changes: object) -> SigningProfile:
        return replace(self, **changes)  # type: ignore[arg-type]


def _store() -> Path:
    return app_paths().ensure().config / "signing-profiles.json"


def load_profiles() -> dict[str, SigningProfile]:
    path = _store()
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text("utf-8"))
    except ValueError as exc:
        raise SigningError("Tệp cấu hình ký số bị hỏng.", "The signing profile file is corrupt.") from exc
    return {name: SigningProfile.from_dict(data) for name, data in raw.items()}


def save_profile(profile: SigningProfile) -> None:
    profiles = load_profiles() | {profile.name: profile}
    path = _store()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({n: p.to_dict() for n, p in profiles.items()}, ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, path)


def get_profile(name: str | None) -> SigningProfile:
    if not name:
        return load_profiles().get("Mặc định", SigningProfile())
    try:
        return load_profiles()[name]
    except KeyError as exc:
        raise SigningError(f"Không có cấu hình ký số “{name}”.", f"No signing profile named '{name}'.") from exc


