"""Base data every server needs to be usable: the demo organisation, the
demo users of each role and this year's registers.  Idempotent."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .deps import today_vn
from .models import Organisation, Register, User
from .security import hash_password

__all__ = ["DemoUser", "DEMO_USERS", "DEMO_ORGANISATIONS", "seed_base"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    full_name: str
    title: str
    role: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("vanthu", "VanThu@2026", "Nguyễn Thị Hồng Nhung", "Văn thư", "clerk"),
    DemoUser("lanhdao", "LanhDao@2026", "Trần Quốc Việt", "Phó Chủ tịch", "leader"),
    DemoUser("luutru", "LuuTru@2026", "Lê Văn Đức", "Lưu trữ viên", "archivist"),
    DemoUser("quantri", "QuanTri@2026", "Phạm Minh Tuấn", "Quản trị hệ thống", "admin"),
)

DEMO_ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("UBND-T", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("STC", "Sở Tài chính tỉnh Hà Tĩnh"),
    ("SNV", "Sở Nội vụ tỉnh Hà Tĩnh"),
    ("STNMT", "Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh"),
    ("SGDDT", "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"),
    ("SYT", "Sở Y tế tỉnh Hà Tĩnh"),
)


def seed_base(session: Session) -> Organisation:
    """Create the organisations, demo users and registers if missing."""
    orgs = {o.code: o for o in session.scalars(select(Organisation))}
    for code, name in DEMO_ORGANISATIONS:
        if code not in orgs:
            orgs[code] = Organisation(code=code, name=name)
            session.add(orgs[code])
    session.flush()
    home = orgs[DEMO_ORGANISATIONS[0][0]]
    existing = set(session.scalars(select(User.username)))
    for demo in DEMO_USERS:
        if demo.username not in existing:
            session.add(
                User(
                    username=demo.username,
                    full_name=demo.full_name,
                    title=demo.title,
                    organisation_id=home.id,
                    role=demo.role,
                    password_hash=hash_password(demo.password),
                )
            )
    year = today_vn().year
    for direction, name in (("incoming", "Sổ văn bản đến"), ("outgoing", "Sổ văn bản đi")):
        found = session.scalar(
            select(Register).where(
                Register.organisation_id == home.id,
                Register.direction == direction,
                Register.year == year,
            )
        )
        if found is None:
            session.add(
                Register(
                    organisation_id=home.id,
                    name=name,
                    direction=direction,
                    year=year,
                    next_number=1,
                )
            )
    session.commit()
    return home
