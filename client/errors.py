"""One error root for the whole product.

Every error a user can see carries a title and a message in Vietnamese (the
default language) and in English, so the CLI and the UI never show a
traceback.  Each package subclasses :class:`VanThuError`; library errors are
converted where they are caught (``raise SomeError(...) from exc``).
"""

from __future__ import annotations

import logging
import os

__all__ = [
    "VanThuError",
    "current_language",
    "ApiError",
    "AuthError",
    "PermissionDenied",
    "NotFound",
    "Conflict",
    "ServerUnavailable",
    "InvalidInput",
    "TlsError",
]

logger = logging.getLogger(__name__)


def current_language() -> str:
    """The user's language for messages: ``vi`` (default) or ``en``."""
    lang = os.environ.get("VANTHU_LANG", "vi").lower()
    return "en" if lang.startswith("en") else "vi"


class VanThuError(Exception):
    """Base of every user-facing error.

    Subclasses set class-level defaults; an instance may override any of the
    four texts.  ``str(err)`` gives the message in the current language.
    """

    title_vi: str = "Lỗi"
    title_en: str = "Error"
    message_vi: str = "Đã xảy ra lỗi."
    message_en: str = "An error occurred."

    def __init__(
        self,
        message_vi: str | None = None,
        message_en: str | None = None,
        *,
        title_vi: str | None = None,
        title_en: str | None = None,
    ) -> None:
        if message_vi is not None:
            self.message_vi = message_vi
        if message_en is not None:
            self.message_en = message_en
        elif message_vi is not None and type(self).message_en == VanThuError.message_en:
            self.message_en = message_vi
        if title_vi is not None:
            self.title_vi = title_vi
        if title_en is not None:
            self.title_en = title_en
        super().__init__(self.message(current_language()))

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or current_language()) == "en" else self.title_vi

    def message(self, lang: str | None = None) -> str:
        return self.message_en if (lang or current_language()) == "en" else self.message_vi

    def __str__(self) -> str:
        return self.message()


class ApiError(VanThuError):
    """The document server refused or failed a request."""

    title_vi = "Lỗi máy chủ văn bản"
    title_en = "Document server error"

    def __init__(self, message_vi: str | None = None, message_en: str | None = None,
                 *, status: int | None = None, code: str | None = None) -> None:
        super().__init__(message_vi, message_en)
        self.status = status
        self.code = code


class AuthError(ApiError):
    title_vi = "Đăng nhập"
    title_en = "Sign-in"
    message_vi = "Sai tên đăng nhập hoặc mật khẩu, hoặc phiên đăng nhập đã hết hạn."
    message_en = "Wrong username or password, or the session has expired."


class PermissionDenied(ApiError):
    title_vi = "Không có quyền"
    title_en = "Not allowed"
    message_vi = "Vai trò của bạn không được phép thực hiện thao tác này."
    message_en = "Your role is not allowed to do this."


class NotFound(ApiError):
    title_vi = "Không tìm thấy"
    title_en = "Not found"
    message_vi = "Không tìm thấy dữ liệu yêu cầu trên máy chủ."
    message_en = "The requested item does not exist on the server."


class Conflict(ApiError):
    title_vi = "Xung đột phiên bản"
    title_en = "Version conflict"
    message_vi = "Văn bản đã bị người khác thay đổi. Hãy tải lại rồi thử lại."
    message_en = "The document was changed by someone else. Reload it and try again."


class ServerUnavailable(ApiError):
    title_vi = "Mất kết nối"
    title_en = "Server unavailable"
    message_vi = "Không kết nối được máy chủ văn bản. Kiểm tra mạng rồi thử lại."
    message_en = "Cannot reach the document server. Check the network and try again."


class TlsError(ServerUnavailable):
    title_vi = "Chứng chỉ máy chủ không hợp lệ"
    title_en = "Untrusted server certificate"
    message_vi = ("Không xác thực được chứng chỉ TLS của máy chủ. Hãy chọn đúng tệp chứng chỉ gốc (CA) "
                  "do đơn vị cung cấp.")
    message_en = ("The server's TLS certificate could not be verified. Choose the CA bundle "
                  "your organisation provides.")


class InvalidInput(ApiError):
    title_vi = "Dữ liệu không hợp lệ"
    title_en = "Invalid input"
    message_vi = "Máy chủ từ chối dữ liệu gửi lên."
    message_en = "The server rejected the data."
