"""The admin API: a province administrator manages every organisation and account, an
organisation's administrator only their own organisation's accounts.  The same operations as
``vanthu admin`` (``server.admin``)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import admin
from ..deps import current_user, get_session
from ..documents import audit
from ..errors import forbidden, not_found
from ..models import Organisation, User
from ..policy import Role
from ..schemas import (
    QUERY_TEXT_PATTERN,
    AccountCreate,
    AccountCreated,
    AccountOut,
    AccountPatch,
    OrganisationCreate,
    OrganisationOut,
    PasswordReset,
)
from .contract import errors

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/admin", tags=["admin"])
UserId = Path(ge=1, le=2**31 - 1)


def _administrator(user: User = Depends(current_user)) -> User:
    if user.role not in (Role.ORG_ADMIN, Role.PROVINCE_ADMIN):
        raise forbidden()
    return user


def _scope(user: User) -> int | None:
    """The organisation an administrator may manage (None: all of them)."""
    return None if user.role == Role.PROVINCE_ADMIN else user.organisation_id


def _account(session: Session, user: User) -> AccountOut:
    code = session.scalar(select(Organisation.code).where(Organisation.id == user.organisation_id))
    return AccountOut(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        title=user.title,
        role=user.role,  # type: ignore[arg-type]  # the admin module stores only known roles
        organisation=code or "",
        active=user.active,
    )


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
    caller: User = Depends(_administrator),
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
    caller: User = Depends(_administrator),
    session: Session = Depends(get_session),
) -> AccountCreated:
    scope = _scope(caller)
    if scope is not None:
        own = session.scalar(select(Organisation.code).where(Organisation.id == scope))
        if body.organisation != own or body.role == Role.PROVINCE_ADMIN.value:
            raise forbidden()
    user, initial = admin.add_user(
        session,
        admin.NewUser(
            body.username, body.full_name, body.role, body.organisation, body.title, body.password
        ),
    )
    audit(session, caller, "user_add", None, user.username)
    session.commit()
    return AccountCreated(account=_account(session, user), initial_password=initial or None)


@router.patch("/users/{user_id}", response_model=AccountOut, responses=errors(403, 404, 409))
def change_account(
    body: AccountPatch,
    user_id: int = UserId,
    caller: User = Depends(_administrator),
    session: Session = Depends(get_session),
) -> AccountOut:
    target = _target(session, caller, user_id)
    scope = _scope(caller)
    if body.role is not None:
        if scope is not None and body.role == Role.PROVINCE_ADMIN.value:
            raise forbidden()
        admin.set_role(session, target.username, body.role, scope, caller)
    if body.active is not None:
        admin.set_active(session, target.username, body.active, scope, caller)
    audit(
        session,
        caller,
        "user_change",
        None,
        f"{target.username} {body.model_dump(exclude_unset=True)}",
    )
    session.commit()
    return _account(session, target)


@router.post(
    "/users/{user_id}/password", status_code=204, response_model=None, responses=errors(403, 404)
)
def reset_account_password(
    body: PasswordReset,
    user_id: int = UserId,
    caller: User = Depends(_administrator),
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
    caller: User = Depends(_administrator),
    session: Session = Depends(get_session),
) -> OrganisationOut:
    if caller.role != Role.PROVINCE_ADMIN:
        raise forbidden()
    org = admin.add_organisation(session, body.code, body.name)
    audit(session, caller, "organisation_add", None, org.code)
    session.commit()
    return OrganisationOut(id=org.id, code=org.code, name=org.name)
