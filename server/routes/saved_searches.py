"""Saved searches (Decree 30/2020 Appendix VI III.6.e): a user's named list filters, on the
server so that every machine the user signs in on has the same ones.

A saved search belongs to one user: the access policy (``own_saved_search``) makes anyone
else's id a 404. Names are stored NFC and trimmed, unique per user ignoring case (409
``duplicate_name``); a user keeps at most ``MAX_PER_USER`` (409 ``too_many``).
"""

from __future__ import annotations

import logging
import unicodedata

from fastapi import APIRouter, Depends, Response
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..deps import current_user, get_session
from ..errors import ApiProblem
from ..models import SavedSearch, User, utcnow
from ..policy import own_saved_search, own_saved_searches
from ..schemas import (
    SAVED_SEARCH_NAME_LENGTH,
    SavedQuery,
    SavedSearchCreate,
    SavedSearchId,
    SavedSearchOut,
    SavedSearchUpdate,
)
from .contract import errors

__all__ = ["router", "MAX_PER_USER"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/saved-searches", tags=["saved searches"])

MAX_PER_USER = 100


def _out(found: SavedSearch) -> SavedSearchOut:
    return SavedSearchOut(
        id=found.id,
        name=found.name,
        query=SavedQuery.model_validate(found.query or {}),
        created_at=found.created_at,
        updated_at=found.updated_at,
    )


def _name(raw: str) -> str:
    name = unicodedata.normalize("NFC", raw).strip()
    if not name or len(name) > SAVED_SEARCH_NAME_LENGTH:  # NFC may lengthen a rare character
        raise ApiProblem(
            422,
            f"Tên tìm kiếm cần từ 1 đến {SAVED_SEARCH_NAME_LENGTH} ký tự.",
            f"A saved search's name needs 1 to {SAVED_SEARCH_NAME_LENGTH} characters.",
        )
    return name


def _duplicate(name: str) -> ApiProblem:
    return ApiProblem(
        409,
        f"Bạn đã có một tìm kiếm đã lưu tên “{name}”; hãy chọn tên khác.",
        f"You already have a saved search named “{name}”; choose another name.",
        code="duplicate_name",
    )


def _refuse_taken(session: Session, user: User, name: str, but: int | None = None) -> None:
    folded = name.casefold()
    for other in session.scalars(own_saved_searches(user)):
        if other.id != but and other.name.casefold() == folded:
            raise _duplicate(other.name)


def _commit(session: Session, name: str) -> None:
    """Two requests racing with one name meet at the unique constraint: one gets 409."""
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise _duplicate(name) from exc


@router.get("", response_model=list[SavedSearchOut], responses=errors())
def list_saved_searches(
    user: User = Depends(current_user), session: Session = Depends(get_session)
) -> list[SavedSearchOut]:
    """The caller's saved searches, oldest first."""
    return [_out(found) for found in session.scalars(own_saved_searches(user))]


@router.post("", response_model=SavedSearchOut, status_code=201, responses=errors(409))
def create_saved_search(
    body: SavedSearchCreate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> SavedSearchOut:
    name = _name(body.name)
    held = session.scalar(
        select(func.count()).select_from(SavedSearch).where(SavedSearch.user_id == user.id)
    )
    if (held or 0) >= MAX_PER_USER:
        raise ApiProblem(
            409,
            f"Mỗi người lưu được tối đa {MAX_PER_USER} tìm kiếm; hãy xoá bớt tìm kiếm cũ.",
            f"Each user may keep at most {MAX_PER_USER} saved searches; delete some old ones.",
            code="too_many",
        )
    _refuse_taken(session, user, name)
    now = utcnow()
    found = SavedSearch(
        user_id=user.id,
        name=name,
        query=body.query.model_dump(mode="json"),
        created_at=now,
        updated_at=now,
    )
    session.add(found)
    _commit(session, name)
    logger.info("user %d saved search %d", user.id, found.id)
    return _out(found)


@router.put("/{search_id}", response_model=SavedSearchOut, responses=errors(404, 409))
def update_saved_search(
    search_id: SavedSearchId,
    body: SavedSearchUpdate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> SavedSearchOut:
    """Rename, change the filters, or both (what is absent stays)."""
    found = own_saved_search(session, user, search_id, for_update=True)
    if body.name is not None:
        name = _name(body.name)
        _refuse_taken(session, user, name, but=found.id)
        found.name = name
    if body.query is not None:
        found.query = body.query.model_dump(mode="json")
    found.updated_at = utcnow()
    _commit(session, found.name)
    return _out(found)


@router.delete("/{search_id}", status_code=204, response_class=Response, responses=errors(404))
def delete_saved_search(
    search_id: SavedSearchId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    session.delete(own_saved_search(session, user, search_id, for_update=True))
    session.commit()
    return Response(status_code=204)
