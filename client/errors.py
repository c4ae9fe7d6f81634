"""Errors of the server API client, each with a Vietnamese and English message."""

from __future__ import annotations

from base.errors import VanThuError

__all__ = [
    "ApiError",
    "AuthError",
    "PermissionDenied",
    "NotFound",
    "Conflict",
    "ServerUnavailable",
    "InvalidInput",
    "TlsError",
    "TransferCancelled",
    "InsecureServer",
]


class ApiError(VanThuError):
    """The document server refused or failed a request."""

    title_vi = "Lỗi máy chủ văn bản"
    title_en = "Document server error"

    def __init__(
        self,
        message_vi: str | None = None,
        message_en: str | None = None,
        *,
        status: int | None = None,
        code: str | None = None,
        title_vi: str | None = None,
        title_en: str | None = None,
    ) -> None:
        super().__init__(message_vi, message_en, title_vi=title_vi, title_en=title_en)
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
    message_vi = (
        "Không xác thực được chứng chỉ TLS của máy chủ. Hãy chọn đúng tệp chứng chỉ gốc (CA) "
        "do đơn vị cung cấp."
    )
    message_en = (
        "The server's TLS certificate could not be verified. Choose the CA bundle "
        "your organisation provides."
    )


class InvalidInput(ApiError):
    title_vi = "Dữ liệu không hợp lệ"
    title_en = "Invalid input"
    message_vi = "Máy chủ từ chối dữ liệu gửi lên."
    message_en = "The server rejected the data."


class TransferCancelled(VanThuError):
    title_vi = "Đã huỷ"
    title_en = "Cancelled"
    message_vi = "Đã huỷ truyền tệp; lần sau sẽ tiếp tục từ chỗ dừng."
    message_en = "Transfer cancelled; it will resume where it stopped next time."


class InsecureServer(ApiError):
    title_vi = "Kết nối không được mã hoá"
    title_en = "Unencrypted connection"
    message_vi = (
        "Địa chỉ máy chủ dùng http:// (không mã hoá): mật khẩu và văn bản sẽ đi qua mạng dưới dạng "
        "rõ. Hãy dùng https://, hoặc xác nhận rõ ràng nếu đơn vị yêu cầu."
    )
    message_en = (
        "The server address uses http:// (unencrypted): passwords and documents would cross the "
        "network in the clear. Use https://, or confirm explicitly if your organisation requires it."
    )
