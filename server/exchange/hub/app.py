"""The reference hub's application: its state, the request authentication, the factory.

Every route but ``health`` runs as an authenticated system: the signature is checked
(``check_request``), it must name this very operation (``op`` = "METHOD route", so a captured
request cannot be pointed elsewhere) and it must not have been seen before (its ``nonce``).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ...errors import ApiProblem, install_error_handlers
from ..axis_protocol import (
    API_PREFIX,
    HEADER_SIGNATURE,
    MAX_SKEW,
    AxisAuthError,
    check_request,
    params_from_headers,
)
from .store import open_database
from .systems import SystemRegistry, add_system

__all__ = ["Caller", "Hub", "authenticate", "create_hub_app", "hub_of"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 512 * 1024 * 1024


@dataclass(frozen=True)
class Caller:
    """An authenticated request: the system and the parameters its signature covers."""

    system_id: str
    params: dict[str, str]


@dataclass
class Hub:
    """The running hub's state (``app.state.hub``)."""

    data_dir: Path
    sessions: sessionmaker[Session]
    systems: SystemRegistry
    max_body: int = DEFAULT_MAX_BODY
    max_skew: dt.timedelta = MAX_SKEW
    _seen: dict[str, float] = field(default_factory=dict, repr=False)
    _seen_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def packages_dir(self) -> Path:
        return self.data_dir / "packages"

    def add_system(self, system_id: str, secret: str) -> None:
        """Allow a system (written to ``systems.json``; the running hub sees it at once)."""
        add_system(self.data_dir, system_id, secret)

    def first_use(self, signature: str) -> bool:
        """False for a signature already accepted within the clock window: a replay."""
        now = time.monotonic()
        with self._seen_lock:
            while self._seen:  # insertion order is expiry order: drop the expired front
                oldest = next(iter(self._seen))
                if self._seen[oldest] >= now:
                    break
                del self._seen[oldest]
            if signature in self._seen:
                return False
            self._seen[signature] = now + 2 * self.max_skew.total_seconds()
            return True


def hub_of(request: Request) -> Hub:
    hub: Hub = request.app.state.hub
    return hub


def _route(request: Request) -> str:
    return request.url.path.partition(API_PREFIX + "/")[2]


def authenticate(request: Request) -> Caller:
    """The calling system, or a 401 ``ApiProblem`` saying why not (in both languages)."""
    hub = hub_of(request)
    params = params_from_headers(request.headers)
    try:
        system_id = check_request(
            request.headers,
            request.headers.get("content-type", ""),
            params,
            hub.systems.secret_for,
            max_skew=hub.max_skew,
        )
    except AxisAuthError as exc:
        raise ApiProblem(401, exc.message_vi, exc.message_en, code=exc.code) from exc
    if params.get("op") != f"{request.method} {_route(request)}":
        raise ApiProblem(
            401,
            "Chữ ký không dành cho thao tác này.",
            "The signature was made for another operation.",
            code="wrong_operation",
        )
    if not params.get("nonce") or not hub.first_use(request.headers[HEADER_SIGNATURE]):
        raise ApiProblem(
            401,
            "Yêu cầu này đã được gửi một lần (phát lại).",
            "This request was already received (a replay).",
            code="replayed",
        )
    return Caller(system_id, params)


class _NoStore:
    """Nothing the hub answers may be kept by a proxy cache (packages are official documents)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_no_store if scope["type"] == "http" else send)


def create_hub_app(
    data_dir: Path, *, max_body: int = DEFAULT_MAX_BODY, max_skew: dt.timedelta = MAX_SKEW
) -> FastAPI:
    """The hub on ``data_dir`` (database, ``packages/``, ``systems.json``), created if new."""
    from . import delivery, routes, sending  # they import this module

    data_dir = Path(data_dir)
    (data_dir / "packages").mkdir(parents=True, exist_ok=True)
    for leftover in (data_dir / "packages").glob("*.part"):  # uploads cut by a crash
        leftover.unlink(missing_ok=True)
    sessions = open_database(data_dir / "hub.db")
    hub = Hub(data_dir, sessions, SystemRegistry(data_dir), max_body, max_skew)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            sessions.kw["bind"].dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="Văn thư số — reference exchange hub",
        version="1.0",
        description="A reference of the national document exchange axis, for tests and demos.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = hub
    install_error_handlers(app)
    app.add_middleware(_NoStore)
    for module in (routes, sending, delivery):
        app.include_router(module.router)
    return app
