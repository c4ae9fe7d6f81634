"""Errors of the signing package, each with a Vietnamese and English message."""

from __future__ import annotations

from enum import StrEnum

from base.errors import VanThuError

__all__ = [
    "Remedy",
    "SigningError",
    "ModuleLoadError",
    "TokenNotFound",
    "CertificateNotFound",
    "PinIncorrect",
    "PinLocked",
    "TokenRemoved",
    "PdfInputError",
    "CertificateNotUsable",
    "TimestampError",
    "PlacementError",
    "SigningCancelled",
]


class Remedy(StrEnum):
    """What the user can do about a file that failed, so a window can offer it."""

    REPAIR = "repair"
    """Rewrite the damaged file once and sign the repaired copy."""
    PASSWORD = "password"
    """Give the file's password."""


class SigningError(VanThuError):
    title_vi = "Lỗi ký số"
    title_en = "Signing error"
    message_vi = "Không ký được văn bản."
    message_en = "The document could not be signed."
    remedy: Remedy | None = None


class ModuleLoadError(SigningError):
    title_vi = "Không nạp được thư viện USB token"
    title_en = "Cannot load the token library"

    def __init__(self, path: str, reason: str = "") -> None:
        bitness = any(s in reason for s in ("wrong ELF class", "not a valid Win32", "%1", "193"))
        if bitness:
            vi = (
                f"Thư viện {path} không cùng kiến trúc với ứng dụng (32-bit/64-bit). "
                "Hãy cài bản 64-bit của trình điều khiển token hoặc chọn đúng tệp."
            )
            en = (
                f"The library {path} has the wrong architecture (32-bit vs 64-bit). "
                "Install the 64-bit token driver or choose the right file."
            )
        else:
            vi = f"Không nạp được thư viện PKCS#11 {path}. Kiểm tra trình điều khiển token. ({reason})"
            en = f"Could not load the PKCS#11 library {path}. Check the token driver. ({reason})"
        super().__init__(vi, en)
        self.path = path


class TokenNotFound(SigningError):
    title_vi = "Không thấy USB token"
    title_en = "Token not found"
    message_vi = "Không tìm thấy USB token. Hãy cắm token rồi thử lại."
    message_en = "No token found. Plug in the token and try again."


class CertificateNotFound(SigningError):
    title_vi = "Không thấy chứng thư số"
    title_en = "Certificate not found"
    message_vi = "Không tìm thấy chứng thư số có khoá ký trên token."
    message_en = "No certificate with a signing key was found on the token."


class PinIncorrect(SigningError):
    title_vi = "Sai mã PIN"
    title_en = "Wrong PIN"

    def __init__(self, final_try: bool = False, count_low: bool = False) -> None:
        if final_try:
            vi = "Sai mã PIN. CHỈ CÒN MỘT LẦN THỬ: nhập sai lần nữa token sẽ bị khoá."
            en = "Wrong PIN. ONE TRY LEFT: another wrong PIN locks the token."
        elif count_low:
            vi = "Sai mã PIN. Số lần thử còn lại đã ít; hãy kiểm tra kỹ trước khi nhập lại."
            en = "Wrong PIN. Few tries are left; check carefully before trying again."
        else:
            vi, en = "Sai mã PIN. Hãy nhập lại.", "Wrong PIN. Please try again."
        super().__init__(vi, en)
        self.final_try = final_try
        self.count_low = count_low


class PinRequired(SigningError):
    title_vi = "Cần mã PIN"
    title_en = "PIN required"
    message_vi = "Token này không có bàn phím nhập PIN riêng: hãy nhập mã PIN."
    message_en = "This token has no PIN pad: please enter the PIN."


class PinLocked(SigningError):
    title_vi = "Token đã bị khoá"
    title_en = "Token locked"
    message_vi = (
        "Mã PIN đã bị khoá do nhập sai nhiều lần. Liên hệ đơn vị cấp chứng thư số "
        "để mở khoá (cần mã PUK/SO PIN)."
    )
    message_en = (
        "The PIN is locked after too many wrong tries. Contact your CA to unlock it (SO PIN/PUK)."
    )


class TokenRemoved(SigningError):
    title_vi = "Token đã bị rút"
    title_en = "Token removed"
    message_vi = "USB token đã bị rút hoặc mất kết nối trong khi ký. Cắm lại token rồi ký tiếp các tệp còn lại."
    message_en = (
        "The token was removed or disconnected while signing. Plug it back in and sign the rest."
    )


class PdfInputError(SigningError):
    title_vi = "Tệp PDF không hợp lệ"
    title_en = "Invalid PDF"


class CertificateNotUsable(SigningError):
    title_vi = "Chứng thư số không dùng được"
    title_en = "Certificate not usable"


class TimestampError(SigningError):
    title_vi = "Lỗi dấu thời gian"
    title_en = "Time-stamp error"
    message_vi = "Không lấy được dấu thời gian từ máy chủ TSA. Kiểm tra mạng hoặc địa chỉ TSA."
    message_en = "Could not get a time-stamp from the TSA. Check the network or the TSA address."


class PlacementError(SigningError):
    title_vi = "Không xác định được vị trí chữ ký"
    title_en = "Signature position not found"
    message_vi = (
        "Không tìm thấy chức vụ và họ tên người ký ở trang cuối. Hãy chọn vị trí chữ ký bằng tay "
        "(trong cửa sổ ký, hoặc lệnh --position TRANG:X,Y,R,C hay --position "
        "last-page-bottom-right)."
    )
    message_en = (
        "The signer's title and name were not found on the last page. Place the signature by hand "
        "(in the signing window, or --position PAGE:X,Y,W,H or --position last-page-bottom-right)."
    )


class SigningCancelled(SigningError):
    title_vi = "Đã huỷ"
    title_en = "Cancelled"
    message_vi = "Đã huỷ ký số."
    message_en = "Signing was cancelled."
