"""Signing profiles and modes: what kind of signature, with which look,
time-stamp and trust roots.  Stored as JSON under the config folder."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any

from base.profiles import DEFAULT_PROFILE, ProfileStore, from_fields

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

    name: str = DEFAULT_PROFILE
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
    seal_key_id: str | None = None
    """Issue mode: the organisation's certificate (CKA_ID) on the same token, which the clerk
    seals with; None = the certificate issued in the organisation's own name, if one is there."""
    pkcs12_path: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "level", Level(self.level))
        object.__setattr__(self, "trust_roots", tuple(self.trust_roots))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SigningProfile:
        return from_fields(cls, data, SigningError)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["level"] = str(self.level)
        data["trust_roots"] = list(self.trust_roots)
        data.pop("tsa_password", None)  # secrets never go to plain files
        return data

    def with_changes(self, **changes: Any) -> SigningProfile:
        return replace(self, **changes)


PROFILES: ProfileStore[SigningProfile] = ProfileStore(
    "signing-profiles.json", SigningProfile.from_dict, SigningProfile, SigningError
)


def load_profiles() -> dict[str, SigningProfile]:
    return PROFILES.load()


def save_profile(profile: SigningProfile) -> None:
    PROFILES.save(profile)


def get_profile(name: str | None) -> SigningProfile:
    return PROFILES.get(name)
