"""Departments (phòng ban) of an organisation and who belongs to one: the operations behind
``vanthu admin dept``, ``vanthu admin user set`` and the admin API, so both refuse the same
things.

A department's code names it in commands (unique within its organisation, NFC, no spaces);
its name may change. A user belongs to at most one department, of their own organisation —
leaders usually to none. Nothing here commits: the caller commits with its audit event.
"""

from __future__ import annotations

import logging
import unicodedata

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .errors import ApiProblem, not_found
from .models import Department, Organisation, User

__all__ = [
    "list_departments",
    "find_department",
    "add_department",
    "rename_department",
    "set_department",
    "department_of",
    "department_in",
]

logger = logging.getLogger(__name__)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _organisation(session: Session, code: str) -> Organisation:
    organisation = session.scalar(select(Organisation).where(Organisation.code == _nfc(code)))
    if organisation is None:
        raise not_found(f"đơn vị {code}", f"Organisation {code}")
    return organisation


def _check_name(name: str) -> str:
    name = _nfc(name)
    if not name or len(name) > 200:
        raise ApiProblem(
            422, "Tên phòng ban là bắt buộc (≤ 200).", "A department name is required (≤ 200)."
        )
    return name


def list_departments(
    session: Session, organisation_id: int | None = None
) -> list[tuple[Department, str]]:
    """Departments with their organisation's code, by organisation then code (None: all)."""
    query = select(Department, Organisation.code).join(
        Organisation, Organisation.id == Department.organisation_id
    )
    if organisation_id is not None:
        query = query.where(Department.organisation_id == organisation_id)
    rows = session.execute(query.order_by(Organisation.code, Department.code)).tuples()
    return list(rows)


def find_department(session: Session, organisation: str, code: str) -> Department:
    """A department by its organisation's code and its own (404 when there is none)."""
    org = _organisation(session, organisation)
    found = session.scalar(
        select(Department).where(
            Department.organisation_id == org.id, Department.code == _nfc(code)
        )
    )
    if found is None:
        raise not_found(
            f"phòng ban {code} của đơn vị {org.code}", f"Department {code} of {org.code}"
        )
    return found


def add_department(session: Session, organisation: str, code: str, name: str) -> Department:
    """A new department; its code must be free in the organisation (409)."""
    code, name = _nfc(code), _check_name(name)
    if not code or len(code) > 50 or any(c.isspace() for c in code):
        raise ApiProblem(
            422,
            "Mã phòng ban là bắt buộc, không có dấu cách (≤ 50).",
            "A department code is required, without spaces (≤ 50).",
        )
    org = _organisation(session, organisation)
    taken = (
        f"Đơn vị {org.code} đã có phòng ban mã {code}.",
        f"Organisation {org.code} already has a department {code}.",
    )
    existing = select(Department.id).where(
        Department.organisation_id == org.id, Department.code == code
    )
    if session.scalar(existing) is not None:
        raise ApiProblem(409, *taken)
    department = Department(organisation_id=org.id, code=code, name=name)
    try:
        with session.begin_nested():  # another administrator may take the code meanwhile
            session.add(department)
    except IntegrityError as exc:
        raise ApiProblem(409, *taken) from exc
    logger.info("department %s added to %s", code, org.code)
    return department


def rename_department(department: Department, name: str) -> str:
    """Give ``department`` a new name; returns the old one (the code stays)."""
    old, department.name = department.name, _check_name(name)
    return old


def department_of(session: Session, user: User) -> Department | None:
    return session.get(Department, user.department_id) if user.department_id else None


def department_in(session: Session, organisation_id: int, department_id: int) -> Department:
    """The department if it belongs to the organisation, else 422 — the same refusal whether it
    does not exist or is another organisation's: an administrator learns nothing of the others'."""
    department = session.get(Department, department_id)
    if department is None or department.organisation_id != organisation_id:
        code = session.scalar(select(Organisation.code).where(Organisation.id == organisation_id))
        raise ApiProblem(
            422,
            f"Đơn vị {code} không có phòng ban #{department_id}; hãy chọn một phòng ban của "
            "chính đơn vị của tài khoản.",
            f"Organisation {code} has no department #{department_id}; choose one of the "
            "account's own organisation.",
            code="unknown_department",
        )
    return department


def set_department(
    session: Session, user: User, department_id: int | None
) -> tuple[Department | None, Department | None]:
    """Put ``user`` in a department of their own organisation, or in none; returns (old, new)."""
    new = None
    if department_id is not None:
        new = department_in(session, user.organisation_id, department_id)
    old = department_of(session, user)
    user.department_id = department_id
    return old, new
