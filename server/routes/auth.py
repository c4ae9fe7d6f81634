"""Login, logout and the current user."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..account_rules import canonical_username
from ..deps import AppState, _bearer, current_user, get_session, get_state
from ..documents import audit
from ..errors import ApiProblem
from ..models import AuthToken, Organisation, User
from ..schemas import LoginOut, LoginRequest, UserOut
from ..security import expiry, new_token, token_digest, verify_password, verify_unknown_user
from .contract import errors

__all__ = ["router", "user_out"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/auth", tags=["auth"])


def user_out(session: Session, user: User) -> UserOut:
    organisation = session.get(Organisation, user.organisation_id)
    return UserOut(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        title=user.title,
        organisation_id=user.organisation_id,
        organisation_name=organisation.name if organisation else "",
        organisation_code=organisation.code if organisation else "",
        role=user.role,  # type: ignore[arg-type]
        secret_in_offline_index=bool(organisation and organisation.secret_in_offline_index),
    )


@router.post("/login", response_model=LoginOut, responses=errors(401, 429, signed_in=False))
def login(
    body: LoginRequest,
    request: Request,
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> LoginOut:
    address = request.client.host if request.client else "?"
    wait = state.limiter.admit(session, body.username, address)
    session.commit()  # counted before the password is checked: every worker sees it now
    if wait:
        raise ApiProblem(
            429,
            f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {wait} giây.",
            f"Too many failed logins. Try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )
    user = session.scalar(select(User).where(User.username == canonical_username(body.username)))
    if user is None:
        verify_unknown_user(body.password)  # the same time as a wrong password for a real user
    if user is None or not user.active or not verify_password(user.password_hash, body.password):
        state.limiter.failed(session, body.username, address)
        logger.warning(
            "failed login for %r from %s", body.username[:100], address
        )  # never the password
        audit(session, user, "login_failed", None, f"{body.username[:100]} from {address}")
        session.commit()
        raise ApiProblem(
            401,
            "Sai tên đăng nhập hoặc mật khẩu.",
            "Wrong username or password.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    state.limiter.succeeded(session, body.username, address)
    token = new_token()
    expires = expiry(state.settings.token_ttl_seconds)
    session.add(AuthToken(token_hash=token_digest(token), user_id=user.id, expires_at=expires))
    audit(session, user, "login", None)
    session.commit()
    return LoginOut(access_token=token, expires_at=expires, user=user_out(session, user))


@router.get("/me", response_model=UserOut, responses=errors())
def me(user: User = Depends(current_user), session: Session = Depends(get_session)) -> UserOut:
    return user_out(session, user)


@router.post("/logout", status_code=204, response_class=Response, responses=errors())
def logout(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    assert credentials is not None
    session.execute(
        update(AuthToken)
        .where(AuthToken.token_hash == token_digest(credentials.credentials))
        .values(revoked=True)
    )
    session.commit()
    return Response(status_code=204)
