"""API errors: one JSON shape for every 4xx/5xx, in Vietnamese and English.

``ApiProblem`` is raised by route code; the handlers installed by
``install_error_handlers`` turn it, FastAPI's validation errors and any
unexpected exception into ``{"error": {"code", "message_vi", "message_en"}}``.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

__all__ = [
    "ApiProblem",
    "install_error_handlers",
    "not_found",
    "forbidden",
    "conflict",
    "file_missing",
    "precondition_required",
]

logger = logging.getLogger(__name__)

_STATUS_CODES = {
    400: "invalid_input",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "invalid_input",
    406: "invalid_input",
    409: "conflict",
    410: "withdrawn",
    411: "invalid_input",
    412: "conflict",
    413: "invalid_input",
    415: "invalid_input",
    416: "invalid_input",
    422: "invalid_input",
    428: "precondition_required",
    429: "rate_limited",
}

_GENERIC = {
    422: ("Nội dung yêu cầu không đọc được.", "The request body cannot be read."),
    404: ("Không tìm thấy.", "Not found."),
    405: ("Phương thức không được hỗ trợ.", "Method not allowed."),
    401: ("Cần đăng nhập.", "Authentication required."),
    413: ("Nội dung yêu cầu quá lớn.", "The request body is too large."),
}


class ApiProblem(Exception):
    """A failure to report to the client with a stable code and two messages."""

    def __init__(
        self,
        status: int,
        message_vi: str,
        message_en: str,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message_en)
        self.status = status
        self.code = code or _STATUS_CODES.get(status, "invalid_input")
        self.message_vi = message_vi
        self.message_en = message_en
        self.headers = headers or {}


def not_found(what_vi: str, what_en: str) -> ApiProblem:
    return ApiProblem(404, f"Không tìm thấy {what_vi}.", f"{what_en} not found.")


def forbidden() -> ApiProblem:
    return ApiProblem(
        403,
        "Vai trò của bạn không được phép thực hiện thao tác này.",
        "Your role is not allowed to do this.",
    )


def conflict(message_vi: str, message_en: str) -> ApiProblem:
    return ApiProblem(409, message_vi, message_en)


def precondition_required() -> ApiProblem:
    return ApiProblem(
        428,
        "Thiếu phiên bản gốc (If-Match); hãy tải lại văn bản.",
        "Missing base version (If-Match); reload the document.",
    )


def file_missing() -> ApiProblem:
    """A document or version names bytes this user never uploaded (or may not attach)."""
    return ApiProblem(
        404,
        "Không tìm thấy tệp trên máy chủ: hãy tải tệp lên trước.",
        "The file is not on the server: upload it first.",
        code="file_missing",
    )


def _body(code: str, vi: str, en: str, detail: object = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message_vi": vi, "message_en": en}
    if detail is not None:
        error["detail"] = detail
    return {"error": error}


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors()[:20]:
        out.append({"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", ""))})
    return out


def _log_database_error(exc: DBAPIError) -> None:
    """A database's own message quotes the values it choked on (``invalid input syntax …:
    "<subject>"``, ``Key (…)=(…)``), so the log gets where and which error, never the message."""
    origin = exc.orig if exc.orig is not None else exc
    logger.error(
        "unexpected server error: database %s (SQLSTATE %s) in: %s\n%s",
        type(origin).__name__,
        getattr(origin, "sqlstate", None) or getattr(origin, "pgcode", None) or "?",
        " ".join(str(exc.statement or "").split())[:500],
        "".join(traceback.format_tb(exc.__traceback__)),
    )


_BUSY_SQLITE = ("database is locked", "database table is locked", "locking protocol")
"""SQLite's words when other connections kept it past the busy timeout."""
_BUSY_SQLSTATES = {"55P03", "53300"}
"""PostgreSQL: a lock not granted in time; the server's connection slots all taken."""
BUSY_RETRY_SECONDS = 2


def _busy(exc: Exception) -> bool:
    """The database was too busy to answer in time — a moment's overload, not a fault: the pool
    had no free connection, a lock was not granted. Retried, the request goes through."""
    if isinstance(exc, PoolTimeout):
        return True
    if not isinstance(exc, OperationalError):
        return False
    origin = exc.orig
    said = str(origin).lower()
    state = getattr(origin, "sqlstate", None) or getattr(origin, "pgcode", None)
    return state in _BUSY_SQLSTATES or any(words in said for words in _BUSY_SQLITE)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (Starlette names only the first match's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


def _only_missing_if_match(exc: RequestValidationError) -> bool:
    found = exc.errors()
    return bool(found) and all(
        e.get("type") == "missing" and tuple(e.get("loc", ())) == ("header", "if-match")
        for e in found
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiProblem)
    async def _problem(_request: Request, exc: ApiProblem) -> JSONResponse:
        return JSONResponse(
            _body(exc.code, exc.message_vi, exc.message_en), exc.status, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        if _only_missing_if_match(exc):  # a precondition, not bad input: say what to do
            return await _problem(_request, precondition_required())
        detail = _validation_detail(exc)
        fields = ", ".join(".".join(d["loc"][1:]) or d["loc"][0] for d in detail if d["loc"])
        return JSONResponse(
            _body(
                "invalid_input",
                f"Dữ liệu không hợp lệ: {fields}.",
                f"Invalid input: {fields}.",
                detail,
            ),
            422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        headers = dict(getattr(exc, "headers", None) or {})
        if status == 400:  # FastAPI's "error parsing the body": unreadable input, like any other
            status = 422
        if status == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        vi, en = _GENERIC.get(status, (str(exc.detail), str(exc.detail)))
        return JSONResponse(
            _body(_STATUS_CODES.get(status, "invalid_input"), vi, en), status, headers=headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        if _busy(exc):  # 503 + Retry-After: the desktop client tries again by itself
            logger.warning("server busy: %s (answered 503)", type(exc).__name__)
            return JSONResponse(
                _body(
                    "server_busy",
                    "Máy chủ đang bận, vui lòng thử lại sau giây lát.",
                    "The server is busy; please try again in a moment.",
                ),
                503,
                headers={"Retry-After": str(BUSY_RETRY_SECONDS)},
            )
        if isinstance(exc, DBAPIError):
            _log_database_error(exc)
        else:
            logger.exception("unexpected server error")
        return JSONResponse(
            _body("server_error", "Lỗi máy chủ, vui lòng thử lại.", "Server error, please retry."),
            500,
        )
