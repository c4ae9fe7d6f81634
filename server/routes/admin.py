"""The admin API: a province administrator manages every organisation and account, an
organisation's administrator only their own organisation's accounts and departments.  The same
operations as ``vanthu admin`` (``server.admin``, ``server.departments``)."""

from __future__ import annotations

import json
import logging
import unicodedata

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import admin, departments
from ..deps import current_user, get_session
from ..documents import audit
from ..errors import forbidden, not_found
from ..models import Department, Organisation, User
from ..policy import Role
from ..schemas import (
    QUERY_TEXT_PATTERN,
    AccountCreate,
    AccountCreated,
    AccountOut,
    AccountPatch,
    DepartmentCreate,
    DepartmentOut,
    DepartmentPatch,
    OrganisationCreate,
    OrganisationOut,
    PasswordReset,
)
from .contract import errors

__all__ = ["router", "administrator"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/admin", tags=["admin"])
UserId = Path(ge=1, le=2**31 - 1)
DepartmentId = Path(ge=1, le=2**31 - 1)


def administrator(user: User = Depends(current_user)) -> User:
    if user.role not in (Role.ORG_ADMIN, Role.PROVINCE_ADMIN):
        raise forbidden()
    return user


def _scope(user: User) -> int | None:
    """The organisation an administrator may manage (None: all of them)."""
    return None if user.role == Role.PROVINCE_ADMIN else user.organisation_id


def _account(session: Session, user: User) -> AccountOut:
    code = session.scalar(select(Organisation.code).where(Organisation.id == user.organisation_id))
    department = departments.department_of(session, user)
    return AccountOut(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        title=user.title,
        role=user.role,  # type: ignore[arg-type]  # the admin module stores only known roles
        organisation=code or "",
        active=user.active,
        department=_department(department, code or "") if department else None,
    )


def _department(department: Department, organisation: str) -> DepartmentOut:
    return DepartmentOut(
        id=department.id, code=department.code, name=department.name, organisation=organisation
    )


def _state(session: Session, user: User) -> dict[str, object]:
    """What ``PATCH /admin/users/{id}`` may change, as the audit records it (old and new)."""
    department = departments.department_of(session, user)
    return {
        "role": user.role,
        "active": user.active,
        "department": department.code if department else None,
    }


def _new_department(session: Session, body: AccountCreate) -> Department | None:
    """The department a new account joins, which must be of the account's organisation (422);
    an unknown organisation is left to ``admin.add_user`` (404)."""
    if body.department_id is None:
        return None
    code = unicodedata.normalize("NFC", body.organisation).strip()
    org_id = session.scalar(select(Organisation.id).where(Organisation.code == code))
    if org_id is None:
        return None
    return departments.department_in(session, org_id, body.department_id)


def _target(session: Session, caller: User, user_id: int) -> User:
    target = session.get(User, user_id)
    scope = _scope(caller)
    if target is None or (scope is not None and target.organisation_id != scope):
        raise not_found(f"người dùng {user_id}", f"User {user_id}")
    if scope is not None and target.role == Role.PROVINCE_ADMIN:
        raise forbidden()  # an organisation's administrator cannot touch the province's
    return target


@router.get("/users", response_model=list[AccountOut], responses=errors(403))
def list_accounts(
    organisation: str | None = Query(None, max_length=50, pattern=QUERY_TEXT_PATTERN),
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> list[AccountOut]:
    query = select(User).join(Organisation, Organisation.id == User.organisation_id)
    if (scope := _scope(caller)) is not None:
        query = query.where(User.organisation_id == scope)
    if organisation:
        query = query.where(Organisation.code == organisation)
    return [_account(session, u) for u in session.scalars(query.order_by(User.username))]


@router.post(
    "/users", response_model=AccountCreated, status_code=201, responses=errors(403, 404, 409)
)
def create_account(
    body: AccountCreate,
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> AccountCreated:
    scope = _scope(caller)
    if scope is not None:
        own = session.scalar(select(Organisation.code).where(Organisation.id == scope))
        if body.organisation != own or body.role == Role.PROVINCE_ADMIN.value:
            raise forbidden()
    department = _new_department(session, body)  # checked before the account exists
    user, initial = admin.add_user(
        session,
        admin.NewUser(
            body.username, body.full_name, body.role, body.organisation, body.title, body.password
        ),
    )
    detail = user.username
    if department is not None:
        user.department_id = department.id
        detail += f" {department.code}"
    audit(session, caller, "user_add", None, detail)
    session.commit()
    return AccountCreated(account=_account(session, user), initial_password=initial or None)


@router.patch("/users/{user_id}", response_model=AccountOut, responses=errors(403, 404, 409))
def change_account(
    body: AccountPatch,
    user_id: int = UserId,
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> AccountOut:
    target = _target(session, caller, user_id)
    scope = _scope(caller)
    before = _state(session, target)
    if "department_id" in body.model_fields_set:  # first: a refusal leaves nothing half-changed
        departments.set_department(session, target, body.department_id)
    if body.role is not None:
        if scope is not None and body.role == Role.PROVINCE_ADMIN.value:
            raise forbidden()
        admin.set_role(session, target.username, body.role, scope, caller)
    if body.active is not None:
        admin.set_active(session, target.username, body.active, scope, caller)
    after = _state(session, target)
    changed = {"department" if f == "department_id" else f for f in body.model_fields_set}
    detail = {"user": target.username} | {f: [before[f], after[f]] for f in sorted(changed)}
    audit(session, caller, "user_change", None, json.dumps(detail, ensure_ascii=False))
    session.commit()
    return _account(session, target)


@router.post(
    "/users/{user_id}/password", status_code=204, response_model=None, responses=errors(403, 404)
)
def reset_account_password(
    body: PasswordReset,
    user_id: int = UserId,
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> None:
    target = _target(session, caller, user_id)
    admin.reset_password(session, target.username, body.password, _scope(caller))
    audit(session, caller, "password_reset", None, target.username)
    session.commit()


@router.post(
    "/organisations", response_model=OrganisationOut, status_code=201, responses=errors(403, 409)
)
def create_organisation(
    body: OrganisationCreate,
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> OrganisationOut:
    if caller.role != Role.PROVINCE_ADMIN:
        raise forbidden()
    org = admin.add_organisation(session, body.code, body.name)
    audit(session, caller, "organisation_add", None, org.code)
    session.commit()
    return OrganisationOut(id=org.id, code=org.code, name=org.name)


def _organisation_scope(session: Session, caller: User, organisation: str | None) -> int | None:
    """The organisation named (None: the caller's scope); another one than an organisation's
    administrator's own is 404, as an unknown code is."""
    if organisation is None:
        return _scope(caller)
    org_id = session.scalar(select(Organisation.id).where(Organisation.code == organisation))
    scope = _scope(caller)
    if org_id is None or (scope is not None and org_id != scope):
        raise not_found(f"đơn vị {organisation}", f"Organisation {organisation}")
    return int(org_id)


def _own_department(session: Session, caller: User, department_id: int) -> Department:
    department = session.get(Department, department_id)
    scope = _scope(caller)
    if department is None or (scope is not None and department.organisation_id != scope):
        raise not_found(f"phòng ban {department_id}", f"Department {department_id}")
    return department


def _organisation_code(session: Session, organisation_id: int) -> str:
    return session.scalar(select(Organisation.code).where(Organisation.id == organisation_id)) or ""


@router.get("/departments", response_model=list[DepartmentOut], responses=errors(403, 404))
def list_departments(
    organisation: str | None = Query(None, max_length=50, pattern=QUERY_TEXT_PATTERN),
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> list[DepartmentOut]:
    """An organisation's departments (a province administrator without ``organisation``: all)."""
    scope = _organisation_scope(session, caller, organisation)
    return [_department(d, code) for d, code in departments.list_departments(session, scope)]


@router.post(
    "/departments",
    response_model=DepartmentOut,
    status_code=201,
    responses=errors(403, 404, 409),
)
def create_department(
    body: DepartmentCreate,
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> DepartmentOut:
    scope = _organisation_scope(session, caller, body.organisation)
    code = _organisation_code(session, caller.organisation_id if scope is None else scope)
    department = departments.add_department(session, code, body.code, body.name)
    audit(session, caller, "department_add", None, f"{code} {department.code} {department.name}")
    session.commit()
    return _department(department, code)


@router.patch(
    "/departments/{department_id}", response_model=DepartmentOut, responses=errors(403, 404)
)
def rename_department(
    body: DepartmentPatch,
    department_id: int = DepartmentId,
    caller: User = Depends(administrator),
    session: Session = Depends(get_session),
) -> DepartmentOut:
    department = _own_department(session, caller, department_id)
    code = _organisation_code(session, department.organisation_id)
    old = departments.rename_department(department, body.name)
    detail = {"department": f"{code} {department.code}", "name": [old, department.name]}
    audit(session, caller, "department_rename", None, json.dumps(detail, ensure_ascii=False))
    session.commit()
    return _department(department, code)
