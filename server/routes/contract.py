"""The OpenAPI side of each route: which failures it may answer, and the request parts FastAPI
cannot describe from a signature (required ``If-Match``, an upload's raw bytes).

Every route names its failure codes here, so the schema says what the server really does and a
generated client (or schemathesis) knows each answer in advance.
"""

from __future__ import annotations

from typing import Any

from fastapi import Header

from ..schemas import ErrorBody

__all__ = [
    "errors",
    "IF_MATCH",
    "IfMatch",
    "UPLOAD_BYTES_BODY",
    "FILE_RESPONSES",
    "DESCRIPTIONS",
    "add_links",
]

DESCRIPTIONS = {
    400: "Malformed request (e.g. an unreadable header) / yêu cầu sai định dạng",
    401: "Not signed in, or the session expired / chưa đăng nhập hoặc phiên đã hết hạn",
    403: "The user's role may not do this / vai trò không được phép",
    404: "No such object, or one this user may not read / không tồn tại hoặc không có quyền xem",
    409: "Conflicts with the current state (changed by someone else, wrong offset, "
    "not allowed from this status) / xung đột với trạng thái hiện tại",
    410: "The file was destroyed: the sender withdrew this incoming document / tệp đã huỷ "
    "vì nơi gửi thu hồi văn bản",
    413: "Request body or declared file too large / nội dung hoặc tệp quá lớn",
    415: "Unsupported Content-Type / kiểu nội dung không được hỗ trợ",
    416: "Range outside the file / ngoài kích thước tệp",
    422: "Invalid input / dữ liệu không hợp lệ",
    428: "If-Match (the base revision) is required / cần If-Match (phiên bản gốc)",
    429: "Too many attempts; retry after Retry-After seconds / thử lại sau",
    501: "This server is installed without the library this output needs / máy chủ chưa cài "
    "thư viện để tạo tệp này",
    503: "Unavailable right now: the database or file store cannot be reached, or the server "
    "is busy (retry after Retry-After) / máy chủ tạm thời không truy cập được cơ sở dữ liệu, "
    "kho tệp, hoặc đang bận",
}

SIGNED_IN = (401, 422, 503)
"""What every route behind a login may answer: no or expired token, malformed parameters, a
database too busy to answer in time."""


def errors(*codes: int, signed_in: bool = True) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: each failure code with the one error body shape."""
    wanted = sorted({*codes, *(SIGNED_IN if signed_in else (422, 503))})
    return {code: {"model": ErrorBody, "description": DESCRIPTIONS[code]} for code in wanted}


IF_MATCH = r'^(W/)?"?[0-9]{1,18}"?$'
"""A revision or version number, optionally quoted like an ETag."""

IfMatch = Header(
    ...,
    pattern=IF_MATCH,
    description="The revision (PATCH) or version (new version) the change is based on; "
    "missing → 428, stale → 409.",
)

UPLOAD_BYTES_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}

_FILE_TYPES = (
    "application/pdf",
    "image/tiff",
    "image/jpeg",
    "image/png",
    "application/octet-stream",
)
_BYTES = {"schema": {"type": "string", "format": "binary"}}

FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The file's bytes", "content": {t: _BYTES for t in _FILE_TYPES}},
    206: {"description": "The requested byte range", "content": {t: _BYTES for t in _FILE_TYPES}},
    416: {"model": ErrorBody, "description": "Range outside the file / ngoài kích thước tệp"},
    **errors(404, 410),
}
"""A download: the whole file, a Range of it, or why not."""


_LINKS = {
    ("/documents", "post"): ("id", "document_id", ("/documents/{document_id}",)),
    ("/uploads", "post"): ("id", "upload_id", ("/uploads/{upload_id}",)),
}
"""Which answer feeds which path parameter: a client (and schemathesis's stateful phase) can
follow a new document or upload to the routes that work on it."""


def add_links(schema: dict[str, Any], prefix: str) -> None:
    """OpenAPI ``links`` from each creating operation to every operation on what it created."""
    paths = schema["paths"]
    for (path, method), (field, parameter, targets) in _LINKS.items():
        links: dict[str, Any] = {}
        for target in targets:
            for full, operations in paths.items():
                if not full.startswith(prefix + target):
                    continue
                for operation in operations.values():
                    if any(p["name"] == parameter for p in operation.get("parameters", ())):
                        links[operation["operationId"]] = {
                            "operationId": operation["operationId"],
                            "parameters": {parameter: f"$response.body#/{field}"},
                        }
        for status in ("200", "201"):
            answer = paths[prefix + path][method]["responses"].get(status)
            if answer is not None:
                answer["links"] = links
