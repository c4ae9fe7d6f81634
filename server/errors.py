"""API errors: one JSON shape for every 4xx/5xx, in Vietnamese and English.

``ApiProblem`` is raised by route code; the handlers installed by
``install_error_handlers`` turn it, FastAPI's validation errors and any
unexpected exception into ``{"error": {"code", "message_vi", "message_en"}}``.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["ApiProblem", "install_error_handlers", "not_found", "forbidden", "conflict"]

logger = logging.getLogger(__name__)

_STATUS_CODES = {
    400: "invalid_input",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "invalid_input",
    406: "invalid_input",
    409: "conflict",
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


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiProblem)
    async def _problem(_request: Request, exc: ApiProblem) -> JSONResponse:
        return JSONResponse(
            _body(exc.code, exc.message_vi, exc.message_en), exc.status, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
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
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        vi, en = _GENERIC.get(exc.status_code, (str(exc.detail), str(exc.detail)))
        code = _STATUS_CODES.get(exc.status_code, "invalid_input")
        return JSONResponse(
            _body(code, vi, en), exc.status_code, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected server error")
        return JSONResponse(
            _body("server_error", "Lỗi máy chủ, vui lòng thử lại.", "Server error, please retry."),
            500,
        )
