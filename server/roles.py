"""The roles of the document system, as stable keys (importable without the database layer,
so the command line can offer them without loading SQLAlchemy and FastAPI at start-up)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Role"]


class Role(StrEnum):
    CLERK = "clerk"  # văn thư
    LEADER = "leader"  # lãnh đạo
    SPECIALIST = "specialist"  # chuyên viên
    ARCHIVIST = "archivist"  # lưu trữ
    ORG_ADMIN = "org_admin"  # quản trị đơn vị
    PROVINCE_ADMIN = "province_admin"  # quản trị tỉnh
