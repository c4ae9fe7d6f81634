"""Request dependencies: the app's shared state, DB sessions and the caller.

Roles are checked with ``require_role`` so each route states who may call it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from .config import ServerSettings
from .db import Database
from .errors import ApiProblem, forbidden
from .filestore import BlobStore
from .models import AuthToken, User, utcnow
from .security import LoginLimiter, token_digest

if TYPE_CHECKING:
    from .exchange.agent import ExchangeAgent

__all__ = ["AppState", "get_state", "get_session", "current_user", "require_role"]

_bearer = HTTPBearer(auto_error=False)


@dataclass
class AppState:
    settings: ServerSettings
    db: Database
    blobs: BlobStore
    limiter: LoginLimiter
    exchange: ExchangeAgent | None = None
    """The exchange agent of this process (``serve``), woken when something is queued."""


# These two are ``async`` because they do no I/O (a session connects on first use, inside the
# endpoint's thread): FastAPI runs a plain ``def`` dependency in a worker thread, and the three
# hand-offs per request cost the server ≈ 0.3–0.5 ms of CPU, more under concurrent uploads.
async def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.vanthu
    return state


async def get_session(state: AppState = Depends(get_state)) -> AsyncIterator[Session]:
    with state.db.session() as session:
        yield session


def _unauthorized(vi: str, en: str) -> ApiProblem:
    return ApiProblem(401, vi, en, headers={"WWW-Authenticate": "Bearer"})


def current_user(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    session: Session = Depends(get_session),
) -> User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized("Cần đăng nhập.", "Authentication required.")
    found = session.execute(  # one statement: every request pays it
        select(AuthToken.revoked, AuthToken.expires_at, User)
        .join(User, User.id == AuthToken.user_id)
        .where(AuthToken.token_hash == token_digest(credentials.credentials))
    ).first()
    if found is None or found.revoked or found.expires_at < utcnow():
        raise _unauthorized(
            "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.",
            "Your session has expired, please log in again.",
        )
    user: User = found.User
    if not user.active:
        raise _unauthorized("Tài khoản đã bị khoá.", "The account is disabled.")
    # Give the connection back before the endpoint waits for its thread: held across that
    # wait, more requests in flight than threads and connections together wait on each other
    # until the pool's timeout (the province load run stalled so). The user stays loaded.
    session.commit()
    return user


def require_role(*roles: str) -> Callable[[User], Coroutine[Any, Any, User]]:
    """The caller, if their role is one of ``roles`` (administrators are named explicitly)."""
    allowed = set(roles)

    async def check(user: User = Depends(current_user)) -> User:  # no I/O: no thread hop
        if user.role not in allowed:
            raise forbidden()
        return user

    return check


def today_vn() -> dt.date:
    """Registers roll over on 1 January Vietnam time (UTC+07:00)."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)).date()
