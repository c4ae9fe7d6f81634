"""FastAPI application factory."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from sqlalchemy import update
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import ServerSettings
from .db import REQUEST_THREADS, Database
from .deps import AppState
from .errors import install_error_handlers
from .exchange import views as exchange_views
from .filestore import open_store
from .models import Upload
from .operations import views as operations_views
from .operations.metrics import RequestMetrics
from .records import export_views as records_export_views
from .records import feed as case_file_feed
from .records import list_views as file_list_views
from .records import views as case_file_views
from .routes import (
    access,
    admin,
    auth,
    changes,
    documents,
    files,
    reference,
    reports,
    saved_searches,
    trust,
    uploads,
    workflow,
)
from .routes.contract import add_links
from .scrub import BlobScrubber
from .security import LoginLimiter

__all__ = ["create_app"]

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1"


class SecurityHeaders:
    """Adds the usual hardening headers to every response: nothing the API sends may be kept
    by a browser or proxy cache (``no-store``), and with TLS the browser is told to stay on it.

    Plain ASGI rather than ``BaseHTTPMiddleware``, which costs an extra task
    and a copy of every streamed upload chunk.
    """

    HEADERS = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }

    def __init__(self, app: ASGIApp, tls: bool = False) -> None:
        self.app = app
        self.headers = dict(self.HEADERS)
        if tls:
            self.headers["Strict-Transport-Security"] = "max-age=31536000"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


_STORED_FILE_TYPES = (
    "application/pdf",
    "application/octet-stream",
    "image/tiff",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)

_CONTROL = re.compile(r"%(?:[01][0-9a-f]|7f)", re.IGNORECASE)
_UPLOAD_BYTES = re.compile(r"^/api/v1/uploads/[^/]+$")
_PACKAGE_BYTES = "/api/v1/exchange/import"
"""An edXML package from a file streams to disk with the upload limit (``exchange.views``)."""


class RequestLimits:
    """Refuses, before any route runs: a request body over ``max_body`` (413, counted while it is
    read, so an 80 MB body is never held in memory) — except an upload's bytes, which stream to
    disk with their own limit — and a query string carrying NUL or other control characters (422:
    they have no business in a search and some databases fail on them)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _CONTROL.search(scope.get("query_string", b"").decode("latin-1")):
            await _problem(
                send, 422, "Tham số chứa ký tự điều khiển.", "A parameter has control characters."
            )
            return
        if (scope["method"] == "PATCH" and _UPLOAD_BYTES.match(scope["path"])) or (
            scope["method"] == "POST" and scope["path"] == _PACKAGE_BYTES
        ):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _problem(send, 413, "Nội dung yêu cầu quá lớn.", "The request body is too large.")
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:  # an HTTPException passes FastAPI's body parsing unchanged
                raise StarletteHTTPException(413)
            return message

        await self.app(scope, counted, send)


async def _problem(send: Send, status: int, vi: str, en: str) -> None:
    body = json.dumps(
        {"error": {"code": "invalid_input", "message_vi": vi, "message_en": en}}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(settings: ServerSettings, *, migrate: bool = True) -> FastAPI:
    """Build the app; the database is migrated to the newest schema first."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.resolved_database_url)
    if migrate:
        db.migrate()
    if migrate and db.engine.dialect.name == "sqlite":
        # Before any worker starts (``serve`` migrates once, then starts its workers): on SQLite
        # every process is on this machine, so claims left by a crash are void.
        with db.session() as session:
            session.execute(
                update(Upload)
                .where(Upload.writer.is_not(None))
                .values(writer=None, writer_until=None)
            )
            session.commit()
    blobs = open_store(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        scrubber = None
        state: AppState = _app.state.vanthu
        if settings.exchange_agent:
            from .exchange.agent import ExchangeAgent

            state.exchange = ExchangeAgent(
                db, blobs, settings.data_dir, tick_seconds=settings.exchange_tick_seconds
            )
            state.exchange.start()
        if settings.scrub_interval_seconds > 0:
            scrubber = BlobScrubber(
                db, blobs, settings.scrub_interval_seconds, settings.scrub_bytes_per_second
            )
            scrubber.start()
        try:
            yield
        finally:
            if scrubber:
                scrubber.stop()
            if state.exchange is not None:
                state.exchange.stop()
                state.exchange = None

    app = FastAPI(
        lifespan=lifespan,
        title="Văn thư số — document server",
        version="1.0",
        description="Reference provincial document server (văn bản đến / văn bản đi).",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs" if settings.api_docs else None,
        redoc_url=None,
    )
    app.state.vanthu = AppState(
        settings=settings,
        db=db,
        blobs=blobs,
        limiter=LoginLimiter(settings.throttle),
    )
    install_error_handlers(app)
    app.add_middleware(RequestLimits, max_body=settings.max_json_bytes)
    # Lists, the feed and reports compress 5–10×; stored files are sent as they are (already
    # compressed, and a ranged download must stay byte-exact).
    app.add_middleware(
        GZipMiddleware,
        minimum_size=settings.gzip_minimum_bytes,
        compresslevel=5,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, *_STORED_FILE_TYPES),
    )
    app.add_middleware(SecurityHeaders, tls=settings.tls)
    app.add_middleware(RequestMetrics)
    for module in (
        operations_views,
        auth,
        reference,
        documents,
        changes,
        files,
        uploads,
        admin,
        trust,
        workflow,
        reports,
        access,
        saved_searches,
        exchange_views,
        file_list_views,
        case_file_views,
        records_export_views,
        case_file_feed,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    _describe_limits(app, settings)
    return app


def _describe_limits(app: FastAPI, settings: ServerSettings) -> None:
    """Put this server's configured limits into its schema (FastAPI knows only the static ones)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            size = schema["components"]["schemas"]["UploadCreate"]["properties"]["size"]
            size["maximum"] = settings.max_upload_bytes
            add_links(schema, API_PREFIX)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
