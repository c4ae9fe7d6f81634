"""``/health`` for load balancers and ``/metrics`` for Prometheus."""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, Depends, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

from ..deps import AppState, current_user, get_session, get_state
from ..errors import ApiProblem, forbidden
from ..policy import may_read_metrics
from ..routes.contract import errors
from ..security import token_digest
from .metrics import CONTENT_TYPE_LATEST, render

__all__ = ["router"]

logger = logging.getLogger(__name__)

router = APIRouter(tags=["operations"])
_bearer = HTTPBearer(auto_error=False)


class HealthOut(BaseModel):
    status: str
    """``ok``: this process answers and its database does."""


@router.get("/health", response_model=HealthOut, responses=errors(503, signed_in=False))
def health(session: Session = Depends(get_session)) -> HealthOut:
    """For a load balancer or systemd's watchdog: nothing about the documents, no login."""
    try:
        session.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 — any database failure means "take me out"
        logger.error("health check: the database does not answer (%s)", type(exc).__name__)
        raise ApiProblem(
            503,
            "Máy chủ không truy cập được cơ sở dữ liệu.",
            "The server cannot reach its database.",
        ) from None
    return HealthOut(status="ok")


def _metrics_reader(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> None:
    """The monitoring system's own token (``serve --metrics-token-file``), or a signed-in
    province administrator."""
    wanted = state.settings.metrics_token_sha256
    if (
        credentials is not None
        and wanted
        and hmac.compare_digest(token_digest(credentials.credentials), wanted)
    ):
        return
    user = current_user(credentials, session)
    if not may_read_metrics(user):
        raise forbidden()


@router.get(
    "/metrics",
    response_class=Response,
    responses={
        200: {"content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}},
        **errors(403),
    },
    dependencies=[Depends(_metrics_reader)],
)
def metrics(state: AppState = Depends(get_state)) -> Response:
    """Request latency per route, queue sizes and background-job state (Prometheus text)."""
    return Response(render(state.db), media_type=CONTENT_TYPE_LATEST)
