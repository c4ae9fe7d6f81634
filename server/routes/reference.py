"""Organisations, registers and colleagues."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..deps import current_user, get_session, today_vn
from ..models import Department, Organisation, Register, User
from ..schemas import ColleagueOut, OrganisationOut, RegisterOut
from .contract import errors

__all__ = ["router"]

router = APIRouter(tags=["reference"])


@router.get("/organisations", response_model=list[OrganisationOut], responses=errors())
def organisations(
    _user: User = Depends(current_user), session: Session = Depends(get_session)
) -> list[OrganisationOut]:
    rows = session.scalars(select(Organisation).order_by(Organisation.id))
    return [OrganisationOut(id=o.id, code=o.code, name=o.name) for o in rows]


@router.get("/colleagues", response_model=list[ColleagueOut], responses=errors())
def colleagues(
    user: User = Depends(current_user), session: Session = Depends(get_session)
) -> list[ColleagueOut]:
    """The active users of the caller's organisation: whom a step can go to."""
    rows = session.execute(
        select(User, Department.name)
        .outerjoin(Department, Department.id == User.department_id)
        .where(User.organisation_id == user.organisation_id, User.active.is_(True))
        .order_by(User.full_name, User.id)
    )
    return [
        ColleagueOut(
            id=u.id,
            username=u.username,
            full_name=u.full_name,
            title=u.title,
            role=u.role,  # type: ignore[arg-type]  # stored from Role
            department=department or "",
        )
        for u, department in rows
    ]


@router.get("/registers", response_model=list[RegisterOut], responses=errors())
def registers(
    year: int | None = Query(None, ge=1900, le=9999),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[RegisterOut]:
    rows = session.scalars(
        select(Register)
        .where(
            Register.organisation_id == user.organisation_id,
            Register.year == (year or today_vn().year),
        )
        .order_by(Register.id)
    )
    return [
        RegisterOut(
            id=r.id,
            name=r.name,
            direction=r.direction,  # type: ignore[arg-type]  # the column holds only the two directions
            year=r.year,
            next_number=r.next_number,
        )
        for r in rows
    ]
