"""Why a file in the upload queue waits or failed, as stable keys.

The queue stores the key, never a sentence, so the same row reads in
Vietnamese or English whatever language was on when it was written; the
words live here (for the CLI and the error files) and in the UI's
translations.
"""

from __future__ import annotations

from enum import StrEnum

from base.errors import current_language
from base.pdf import PdfProblem

__all__ = ["Reason", "reason_text"]


class Reason(StrEnum):
    NONE = ""
    # the file itself (it goes to failed/)
    EMPTY = PdfProblem.EMPTY.value
    NOT_PDF = PdfProblem.NOT_PDF.value
    CORRUPT = PdfProblem.CORRUPT.value
    TRUNCATED = PdfProblem.TRUNCATED.value
    PASSWORD = PdfProblem.PASSWORD.value
    CERTIFICATE_ENCRYPTED = PdfProblem.CERTIFICATE_ENCRYPTED.value
    NO_PAGES = PdfProblem.NO_PAGES.value
    CORRUPT_IMAGE = "corrupt_image"
    UNSUPPORTED_TYPE = "unsupported_type"
    # waiting, tried again later
    WAITING_FOR_SERVER = "waiting_for_server"
    SIGNED_OUT = "signed_out"
    SERVER_REFUSED = "server_refused"
    FILE_LOCKED = "file_locked"
    FILE_IO = "file_io"
    OCR_MISSING = "ocr_missing"
    OCR_FAILED = "ocr_failed"
    UNEXPECTED = "unexpected"
    WAITING_FOR_TWIN = "waiting_for_twin"
    # finished without a new upload
    SAME_AS_QUEUED = "same_as_queued"
    ALREADY_ON_SERVER = "already_on_server"


TEXTS: dict[Reason, tuple[str, str]] = {
    Reason.NONE: ("", ""),
    Reason.EMPTY: ("Tệp rỗng (0 byte)", "The file is empty (0 bytes)"),
    Reason.NOT_PDF: ("Không phải tệp PDF", "Not a PDF file"),
    Reason.CORRUPT: ("Tệp PDF bị hỏng, không đọc được", "The PDF is corrupt"),
    Reason.TRUNCATED: (
        "Tệp PDF bị cắt cụt (thiếu phần cuối); hãy quét hoặc chép lại",
        "The PDF is truncated (its end is missing); scan or copy it again",
    ),
    Reason.PASSWORD: (
        "Tệp có mật khẩu; hãy gỡ mật khẩu rồi thả lại vào thư mục",
        "The file is password-protected; remove the password and drop it again",
    ),
    Reason.NO_PAGES: ("Tệp PDF không có trang nào", "The PDF has no pages"),
    Reason.CERTIFICATE_ENCRYPTED: (
        "Tệp mã hoá cho chứng thư của người nhận; cần bản không mã hoá",
        "Encrypted for a recipient's certificate; an unencrypted copy is needed",
    ),
    Reason.CORRUPT_IMAGE: ("Ảnh bị hỏng, không đọc được", "The image is corrupt"),
    Reason.UNSUPPORTED_TYPE: ("Không hỗ trợ loại tệp này", "This file type is not supported"),
    Reason.WAITING_FOR_SERVER: ("Chờ kết nối máy chủ", "Waiting for the server"),
    Reason.SIGNED_OUT: ("Phiên đăng nhập hết hạn; hãy đăng nhập lại", "Signed out; sign in again"),
    Reason.SERVER_REFUSED: ("Máy chủ từ chối; sẽ thử lại", "The server refused it; will retry"),
    Reason.FILE_LOCKED: (
        "Tệp đang bị khoá hoặc không có quyền đọc",
        "The file is locked or not readable",
    ),
    Reason.FILE_IO: ("Lỗi đọc/ghi tệp", "File read/write error"),
    Reason.OCR_MISSING: (
        "Chưa cài OCR (ocrmypdf, tesseract-ocr-vie)",
        "OCR is not installed (ocrmypdf, tesseract-ocr-vie)",
    ),
    Reason.OCR_FAILED: ("Nhận dạng chữ (OCR) lỗi", "OCR failed"),
    Reason.UNEXPECTED: ("Lỗi không mong đợi; xem nhật ký", "Unexpected error; see the log"),
    Reason.WAITING_FOR_TWIN: (
        "Chờ tệp trùng nội dung đang tải lên",
        "Waiting for a file with the same content that is being uploaded",
    ),
    Reason.SAME_AS_QUEUED: ("Trùng nội dung với tệp khác", "Same content as another file"),
    Reason.ALREADY_ON_SERVER: ("Đã có trên máy chủ", "Already on the server"),
}


def reason_text(reason: Reason, detail: str = "", lang: str | None = None) -> str:
    """The reason in words, with its detail (a file name, a status) when there is one."""
    vi, en = TEXTS[reason]
    text = en if (lang or current_language()) == "en" else vi
    return f"{text}: {detail}" if detail and text else (text or detail)
