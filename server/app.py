"""FastAPI application factory."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .blobs import BlobStore
from .config import ServerSettings
from .db import Database
from .deps import AppState
from .errors import install_error_handlers
from .routes import auth, changes, documents, files, reference, uploads
from .security import LoginLimiter

__all__ = ["create_app"]

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1"


class SecurityHeaders:
    """Adds the usual hardening headers to every response.

    Plain ASGI rather than ``BaseHTTPMiddleware``, which costs an extra task
    and a copy of every streamed upload chunk.
    """

    HEADERS = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: ServerSettings, *, migrate: bool = True) -> FastAPI:
    """Build the app; the database is migrated to the newest schema first."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url)
    if migrate:
        db.migrate()
    app = FastAPI(
        title="Văn thư số — document server",
        version="1.0",
        description="Reference provincial document server (văn bản đến / văn bản đi).",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.vanthu = AppState(
        settings=settings,
        db=db,
        blobs=BlobStore(settings.blob_dir),
        limiter=LoginLimiter(settings.login_max_failures, settings.login_window_seconds),
    )
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    for module in (auth, reference, documents, changes, files, uploads):
        app.include_router(module.router, prefix=API_PREFIX)
    return app
