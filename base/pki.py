"""The public-key infrastructures a trusted certificate belongs to: stable keys shared by the
desktop's trust store and the server's trust list."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Pki"]


class Pki(StrEnum):
    GOVERNMENT = "government"
    """Hạ tầng chuyên dùng Chính phủ (Ban Cơ yếu Chính phủ): leaders' and agencies' keys."""
    PUBLIC = "public"
    """Hạ tầng công cộng (Vietnam National Root CA: VNPT-CA, Viettel-CA, BkavCA, FPT-CA…)."""
    OTHER = "other"
    """Added by an administrator and belonging to neither."""
