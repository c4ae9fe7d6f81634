"""The reference hub's application: its state, the request authentication, the factory.

Every operation but ``health`` runs as an authenticated system: the SDK's signed headers are
checked (``check_request``), they must name this very operation (``operation``, our addition,
so a captured request cannot be pointed elsewhere) and must not have been seen before (their
``nonce``, ours too).  Every reply, success or refusal, is the SDK's result object.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ...errors import ApiProblem, install_error_handlers
from ..axis_protocol import MAX_SKEW, AxisAuthError, check_request, failure
from .store import open_database
from .systems import SystemRegistry, add_system

__all__ = ["Caller", "Hub", "authenticate", "create_hub_app", "hub_of"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 512 * 1024 * 1024


@dataclass(frozen=True)
class Caller:
    """An authenticated request: the system and the logical headers its signature covers
    (by lowercased name: ``docid``, ``from``, ``messagetype``…)."""

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


def _operation(request: Request) -> str:
    """The operation a request reached: the last segment of its route's path."""
    path = str(getattr(request.scope.get("route"), "path", request.url.path))
    return path.rsplit("/", 1)[-1]


def authenticate(request: Request) -> Caller:
    """The calling system, or a 401 ``ApiProblem`` saying why not (in both languages)."""
    hub = hub_of(request)
    try:
        signed = check_request(request.headers, hub.systems.secret_for, max_skew=hub.max_skew)
    except AxisAuthError as exc:
        raise ApiProblem(401, exc.message_vi, exc.message_en, code=exc.code) from exc
    params = signed.params
    if params.get("operation") != _operation(request):
        raise ApiProblem(
            401,
            "Chữ ký không dành cho thao tác này.",
            "The signature was made for another operation.",
            code="wrong_operation",
        )
    if not params.get("nonce") or not hub.first_use(signed.signature):
        raise ApiProblem(
            401,
            "Yêu cầu này đã được gửi một lần (phát lại).",
            "This request was already received (a replay).",
            code="replayed",
        )
    return Caller(signed.system_id, params)


def _as_result(
    handler: Callable[[Request, Any], Response | Awaitable[Response]],
) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The server's error handler, its ``{"error": …}`` answer turned into the SDK's result."""

    async def handle(request: Request, exc: Exception) -> Response:
        response = handler(request, exc)
        if inspect.isawaitable(response):
            response = await response
        try:
            error = json.loads(bytes(response.body))["error"]
            body = failure(str(error["code"]), str(error["message_vi"]), str(error["message_en"]))
        except (ValueError, KeyError, TypeError):
            return response
        kept = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in ("content-length", "content-type")
        }
        return JSONResponse(body, response.status_code, headers=kept)

    return handle


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
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = hub
    install_error_handlers(app)
    for key in (ApiProblem, RequestValidationError, StarletteHTTPException, Exception):
        app.exception_handlers[key] = _as_result(app.exception_handlers[key])
    app.add_middleware(_NoStore)
    for module in (routes, sending, delivery):
        app.include_router(module.router)
    return app
