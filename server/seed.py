"""Base data of the demo and test server: organisations, users of every role
in three of them (so isolation between agencies is visible), and this year's
registers.  Idempotent."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .deps import today_vn
from .models import Department, Organisation, Register, User
from .security import hash_password

__all__ = [
    "DemoUser",
    "DEMO_USERS",
    "DEMO_ORGANISATIONS",
    "DEMO_DEPARTMENTS",
    "DEMO_HOMES",
    "seed_base",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    full_name: str
    title: str
    role: str
    organisation: str = "UBND-T"
    """The organisation's code."""
    department: str = ""
    """The department's code within the organisation (leaders stand above the departments)."""


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("vanthu", "VanThu@2026", "Nguyễn Thị Hồng Nhung", "Văn thư", "clerk", department="VP"),
    DemoUser("lanhdao", "LanhDao@2026", "Trần Quốc Việt", "Phó Chủ tịch", "leader"),
    DemoUser(
        "chuyenvien",
        "ChuyenVien@2026",
        "Hoàng Thị Mai",
        "Chuyên viên",
        "specialist",
        department="KT",
    ),
    DemoUser(
        "chuyenvien2",
        "ChuyenVien@2026",
        "Nguyễn Văn Nam",
        "Chuyên viên",
        "specialist",
        department="VP",
    ),
    DemoUser("luutru", "LuuTru@2026", "Lê Văn Đức", "Lưu trữ viên", "archivist", department="VP"),
    DemoUser("quantridv", "QuanTri@2026", "Đỗ Thanh Hà", "Quản trị đơn vị", "org_admin"),
    DemoUser("quantri", "QuanTri@2026", "Phạm Minh Tuấn", "Quản trị hệ thống", "province_admin"),
    DemoUser("vanthu.stc", "VanThu@2026", "Bùi Thị Lan", "Văn thư", "clerk", "STC", "VP"),
    DemoUser("lanhdao.stc", "LanhDao@2026", "Võ Đình Khánh", "Giám đốc", "leader", "STC"),
    DemoUser(
        "chuyenvien.stc",
        "ChuyenVien@2026",
        "Ngô Văn Phúc",
        "Chuyên viên",
        "specialist",
        "STC",
        "NS",
    ),
    DemoUser("luutru.stc", "LuuTru@2026", "Đặng Thị Thu", "Lưu trữ viên", "archivist", "STC"),
    DemoUser("quantri.stc", "QuanTri@2026", "Lý Minh Quân", "Quản trị đơn vị", "org_admin", "STC"),
    DemoUser("vanthu.snv", "VanThu@2026", "Trịnh Thị Hằng", "Văn thư", "clerk", "SNV", "VP"),
    DemoUser("lanhdao.snv", "LanhDao@2026", "Phan Văn Toàn", "Giám đốc", "leader", "SNV"),
    DemoUser(
        "chuyenvien.snv",
        "ChuyenVien@2026",
        "Dương Thị Ngọc",
        "Chuyên viên",
        "specialist",
        "SNV",
        "TCCB",
    ),
    DemoUser("luutru.snv", "LuuTru@2026", "Cao Văn Sơn", "Lưu trữ viên", "archivist", "SNV"),
    DemoUser("quantri.snv", "QuanTri@2026", "Mai Thị Yến", "Quản trị đơn vị", "org_admin", "SNV"),
)
DEMO_DEPARTMENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "UBND-T": (("VP", "Văn phòng"), ("KT", "Phòng Kinh tế")),
    "STC": (("VP", "Văn phòng Sở"), ("NS", "Phòng Quản lý ngân sách")),
    "SNV": (("VP", "Văn phòng Sở"), ("TCCB", "Phòng Tổ chức cán bộ")),
}
DEMO_HOMES = ("UBND-T", "STC", "SNV")
"""The organisations with demo users (and demo documents)."""

DEMO_ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("UBND-T", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("STC", "Sở Tài chính tỉnh Hà Tĩnh"),
    ("SNV", "Sở Nội vụ tỉnh Hà Tĩnh"),
    ("STNMT", "Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh"),
    ("SGDDT", "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"),
    ("SYT", "Sở Y tế tỉnh Hà Tĩnh"),
)


DEMO_AGENCY_CODES: dict[str, str] = {
    "UBND-T": "000.00.00.H30",
    "STC": "000.03.30.H30",
    "SNV": "000.04.30.H30",
    "STNMT": "000.05.30.H30",
    "SGDDT": "000.06.30.H30",
    "SYT": "000.07.30.H30",
}
"""The demo organisations' codes on the exchange axis (the national agency-code structure of
Decision 20/2020/QĐ-TTg: unit, level and the province's H code)."""


def seed_base(session: Session) -> Organisation:
    """Create the organisations, demo users and registers if missing."""
    orgs = {o.code: o for o in session.scalars(select(Organisation))}
    for code, name in DEMO_ORGANISATIONS:
        if code not in orgs:
            orgs[code] = Organisation(code=code, name=name, agency_code=DEMO_AGENCY_CODES[code])
            session.add(orgs[code])
    session.flush()
    home = orgs[DEMO_ORGANISATIONS[0][0]]
    departments = _seed_departments(session, orgs)
    existing = set(session.scalars(select(User.username)))
    for demo in DEMO_USERS:
        if demo.username not in existing:
            department = departments.get((demo.organisation, demo.department))
            session.add(
                User(
                    username=demo.username,
                    full_name=demo.full_name,
                    title=demo.title,
                    organisation_id=orgs[demo.organisation].id,
                    role=demo.role,
                    password_hash=hash_password(demo.password),
                    department_id=department.id if department else None,
                )
            )
    year = today_vn().year
    for code in DEMO_HOMES:
        for direction, name in (("incoming", "Sổ văn bản đến"), ("outgoing", "Sổ văn bản đi")):
            found = session.scalar(
                select(Register).where(
                    Register.organisation_id == orgs[code].id,
                    Register.direction == direction,
                    Register.year == year,
                )
            )
            if found is None:
                session.add(
                    Register(
                        organisation_id=orgs[code].id,
                        name=name,
                        direction=direction,
                        year=year,
                        next_number=1,
                    )
                )
    session.commit()
    return home


def _seed_departments(
    session: Session, orgs: dict[str, Organisation]
) -> dict[tuple[str, str], Department]:
    """The demo organisations' departments, keyed by (organisation code, department code)."""
    found = {
        (org_code, d.code): d
        for org_code, org in orgs.items()
        for d in session.scalars(select(Department).where(Department.organisation_id == org.id))
    }
    for org_code, departments in DEMO_DEPARTMENTS.items():
        for code, name in departments:
            if (org_code, code) not in found:
                found[org_code, code] = Department(
                    organisation_id=orgs[org_code].id, code=code, name=name
                )
                session.add(found[org_code, code])
    session.flush()
    return found
