"""Display names of the metadata codes (urgency, secrecy, status) in the UI language.

The codes stay as the server sends them; only the words shown change with
the language (Decree 30 terms in Vietnamese, their usual English names).
Tables are built once per language: the document table asks for them on
every painted cell.
"""

from __future__ import annotations

import os
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLocale

from base.errors import current_language
from client.cache.queues import Queue
from sync.queue import FileState
from sync.reasons import Reason, reason_text

__all__ = [
    "urgency_label",
    "secrecy_label",
    "status_label",
    "file_state_label",
    "reason_label",
    "role_label",
    "queue_label",
    "part_label",
    "step_label",
    "audit_label",
    "audit_category_label",
    "exchange_code_label",
    "axis_state_label",
    "signature_verdict_label",
    "in_language",
    "STATUSES",
    "number",
]

STATUSES = (
    "draft",
    "pending_signature",
    "signed",
    "numbered",
    "issued",
    "arrived",
    "received",
    "assigned",
    "processing",
    "done",
    "withdrawn",
    "replaced",
    "refused",
)


@lru_cache(maxsize=4)
def _file_states(_language: str) -> dict[FileState, str]:
    return {
        FileState.DETECTED: QCoreApplication.translate("Labels", "Phát hiện"),
        FileState.STABLE: QCoreApplication.translate("Labels", "Chờ tải"),
        FileState.CONVERTING: QCoreApplication.translate("Labels", "Đang chuyển đổi"),
        FileState.UPLOADING: QCoreApplication.translate("Labels", "Đang tải lên"),
        FileState.UPLOADED: QCoreApplication.translate("Labels", "Đã tải lên"),
        FileState.DUPLICATE: QCoreApplication.translate("Labels", "Trùng"),
        FileState.FAILED: QCoreApplication.translate("Labels", "Lỗi"),
    }


@lru_cache(maxsize=4)
def _tables(_language: str) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    # Spelled out in full: lupdate only finds literal QCoreApplication.translate calls.
    urgency = (
        QCoreApplication.translate("Labels", "Thường"),
        QCoreApplication.translate("Labels", "Khẩn"),
        QCoreApplication.translate("Labels", "Thượng khẩn"),
        QCoreApplication.translate("Labels", "Hỏa tốc"),
        QCoreApplication.translate("Labels", "Hỏa tốc hẹn giờ"),
    )
    secrecy = (
        QCoreApplication.translate("Labels", "Thường"),
        QCoreApplication.translate("Labels", "Mật"),
        QCoreApplication.translate("Labels", "Tối mật"),
        QCoreApplication.translate("Labels", "Tuyệt mật"),
    )
    status = dict(
        zip(
            STATUSES,
            (
                QCoreApplication.translate("Labels", "Dự thảo"),
                QCoreApplication.translate("Labels", "Chờ ký"),
                QCoreApplication.translate("Labels", "Đã ký"),
                QCoreApplication.translate("Labels", "Đã cấp số"),
                QCoreApplication.translate("Labels", "Đã ban hành"),
                QCoreApplication.translate("Labels", "Đã đến"),
                QCoreApplication.translate("Labels", "Đã tiếp nhận"),
                QCoreApplication.translate("Labels", "Đã giao xử lý"),
                QCoreApplication.translate("Labels", "Đang xử lý"),
                QCoreApplication.translate("Labels", "Hoàn thành"),
                QCoreApplication.translate("Labels", "Đã thu hồi"),
                QCoreApplication.translate("Labels", "Đã được thay thế"),
                QCoreApplication.translate("Labels", "Từ chối tiếp nhận"),
            ),
            strict=True,
        )
    )
    return urgency, secrecy, status


def _current() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    return _tables(os.environ.get("VANTHU_LANG", "vi"))  # set by ui.i18n.apply_language


def _level(labels: tuple[str, ...], level: int) -> str:
    return labels[level] if 0 <= level < len(labels) else str(level)


def urgency_label(level: int) -> str:
    return _level(_current()[0], level)


def secrecy_label(level: int) -> str:
    return _level(_current()[1], level)


def status_label(status: str) -> str:
    return _current()[2].get(status, status)


def file_state_label(state: FileState) -> str:
    """An upload queue state in the UI language (the queue stores the key)."""
    return _file_states(os.environ.get("VANTHU_LANG", "vi"))[FileState(state)]


@lru_cache(maxsize=4)
def _roles(_language: str) -> dict[str, str]:
    return {
        "clerk": QCoreApplication.translate("Labels", "Văn thư"),
        "leader": QCoreApplication.translate("Labels", "Lãnh đạo"),
        "specialist": QCoreApplication.translate("Labels", "Chuyên viên"),
        "archivist": QCoreApplication.translate("Labels", "Lưu trữ"),
        "org_admin": QCoreApplication.translate("Labels", "Quản trị đơn vị"),
        "province_admin": QCoreApplication.translate("Labels", "Quản trị tỉnh"),
    }


def role_label(role: str) -> str:
    """A user's role in the UI language (the server stores the key)."""
    return _roles(os.environ.get("VANTHU_LANG", "vi")).get(role, role)


@lru_cache(maxsize=4)
def _steps(_language: str) -> dict[str, str]:
    return {
        "create": QCoreApplication.translate("Labels", "Tạo văn bản"),
        "number": QCoreApplication.translate("Labels", "Cấp số"),
        "receive": QCoreApplication.translate("Labels", "Nhận từ đơn vị gửi"),
        "register": QCoreApplication.translate("Labels", "Vào sổ văn bản đến"),
        "present": QCoreApplication.translate("Labels", "Trình lãnh đạo"),
        "assign": QCoreApplication.translate("Labels", "Chỉ đạo, giao xử lý"),
        "note": QCoreApplication.translate("Labels", "Ý kiến xử lý"),
        "ask_extension": QCoreApplication.translate("Labels", "Xin gia hạn"),
        "extend": QCoreApplication.translate("Labels", "Gia hạn"),
        "return": QCoreApplication.translate("Labels", "Trả lại"),
        "finish": QCoreApplication.translate("Labels", "Hoàn thành"),
        "reopen": QCoreApplication.translate("Labels", "Mở lại"),
        "recall": QCoreApplication.translate("Labels", "Thu hồi"),
        "submit": QCoreApplication.translate("Labels", "Trình ký"),
        "send_back": QCoreApplication.translate("Labels", "Trả lại dự thảo"),
        "approve": QCoreApplication.translate("Labels", "Duyệt ký"),
        "issue": QCoreApplication.translate("Labels", "Phát hành"),
        "withdraw": QCoreApplication.translate("Labels", "Thu hồi văn bản"),
        "replace": QCoreApplication.translate("Labels", "Thay thế văn bản"),
        "correct": QCoreApplication.translate("Labels", "Đính chính"),
        # the exchange's steps in their own context: "Từ chối tiếp nhận" is also a status
        "refuse": QCoreApplication.translate("Steps", "Từ chối tiếp nhận"),
        "ask_take_back": QCoreApplication.translate("Steps", "Đề nghị lấy lại"),
        "agree_take_back": QCoreApplication.translate("Steps", "Đồng ý cho lấy lại"),
        "decline_take_back": QCoreApplication.translate("Steps", "Từ chối cho lấy lại"),
        "exchange": QCoreApplication.translate("Steps", "Liên thông"),
        "lead": QCoreApplication.translate("Labels", "Xử lý chính"),
        "co": QCoreApplication.translate("Labels", "Phối hợp"),
        "info": QCoreApplication.translate("Labels", "Nhận để biết"),
        "active": QCoreApplication.translate("Labels", "đang xử lý"),
        "done": QCoreApplication.translate("Labels", "đã xong"),
        "returned": QCoreApplication.translate("Labels", "đã trả lại"),
        "recalled": QCoreApplication.translate("Labels", "đã thu hồi"),
    }


@lru_cache(maxsize=4)
def _parts(_language: str) -> dict[str, str]:
    return {
        "lead": QCoreApplication.translate("Labels", "Chủ trì"),
        "co": QCoreApplication.translate("Labels", "Phối hợp"),
        "info": QCoreApplication.translate("Labels", "Để biết"),
    }


def part_label(part: str) -> str:
    """A user's part in handling a document (the list's "Phần việc"), in the UI language."""
    return _parts(os.environ.get("VANTHU_LANG", "vi")).get(part, part)


def step_label(key: str) -> str:
    """A workflow step, part or part state in the UI language (the server stores the key)."""
    return _steps(os.environ.get("VANTHU_LANG", "vi")).get(key, key)


@lru_cache(maxsize=4)
def _queues(_language: str) -> dict[Queue, str]:
    return {
        Queue.TO_REGISTER: QCoreApplication.translate("Labels", "Chờ vào sổ"),
        Queue.TO_DIRECT: QCoreApplication.translate("Labels", "Chờ chỉ đạo"),
        Queue.MY_WORK: QCoreApplication.translate("Labels", "Việc của tôi"),
        Queue.DUE_SOON: QCoreApplication.translate("Labels", "Sắp đến hạn"),
        Queue.OVERDUE: QCoreApplication.translate("Labels", "Quá hạn"),
        Queue.DRAFTS: QCoreApplication.translate("Labels", "Dự thảo"),
        Queue.TO_SIGN: QCoreApplication.translate("Labels", "Chờ ký"),
        Queue.TO_ISSUE: QCoreApplication.translate("Labels", "Chờ phát hành"),
        Queue.ISSUED: QCoreApplication.translate("Labels", "Đã phát hành"),
        Queue.SCANS_WAITING: QCoreApplication.translate("Labels", "Bản quét chờ tải lên"),
        Queue.UPLOADS_FAILED: QCoreApplication.translate("Labels", "Tải lên lỗi"),
    }


def queue_label(queue: Queue) -> str:
    """A work queue's name in the navigation, in the UI language."""
    return _queues(os.environ.get("VANTHU_LANG", "vi"))[queue]


def reason_label(reason: Reason, detail: str = "") -> str:
    """Why a queued file waits or failed, in the UI language (the queue stores the key)."""
    return reason_text(reason, detail, current_language())


@lru_cache(maxsize=4)
def _audit(_language: str) -> dict[str, str]:
    return {
        # families (base.audit.AuditCategory)
        "category:login": QCoreApplication.translate("Labels", "Đăng nhập"),
        "category:access": QCoreApplication.translate("Labels", "Truy cập văn bản"),
        "category:change": QCoreApplication.translate("Labels", "Thay đổi"),
        "category:grant": QCoreApplication.translate("Labels", "Cấp quyền, giao việc"),
        "category:admin": QCoreApplication.translate("Labels", "Quản trị"),
        # actions that are not workflow steps
        "login": QCoreApplication.translate("Labels", "Đăng nhập"),
        "login_failed": QCoreApplication.translate("Labels", "Đăng nhập sai"),
        "logout": QCoreApplication.translate("Labels", "Đăng xuất"),
        "view": QCoreApplication.translate("Labels", "Xem"),
        "download": QCoreApplication.translate("Labels", "Tải tệp"),
        "print": QCoreApplication.translate("Labels", "In"),
        "update": QCoreApplication.translate("Labels", "Sửa thông tin"),
        "version": QCoreApplication.translate("Labels", "Thêm phiên bản"),
        "delete": QCoreApplication.translate("Labels", "Xoá"),
        "share": QCoreApplication.translate("Labels", "Chia sẻ"),
        "delivered": QCoreApplication.translate("Labels", "Chuyển đến nơi nhận"),
        "lower_secrecy": QCoreApplication.translate("Labels", "Hạ độ mật"),
        "user_add": QCoreApplication.translate("Labels", "Thêm tài khoản"),
        "user_change": QCoreApplication.translate("Labels", "Sửa tài khoản"),
        "password_reset": QCoreApplication.translate("Labels", "Đặt lại mật khẩu"),
        "organisation_add": QCoreApplication.translate("Labels", "Thêm đơn vị"),
        "department_add": QCoreApplication.translate("Labels", "Thêm phòng ban"),
        "department_rename": QCoreApplication.translate("Labels", "Đổi tên phòng ban"),
        "trust_add": QCoreApplication.translate("Labels", "Thêm chứng thư tin cậy"),
        "trust_enable": QCoreApplication.translate("Labels", "Bật chứng thư tin cậy"),
        "trust_disable": QCoreApplication.translate("Labels", "Tắt chứng thư tin cậy"),
        "exchange_connection": QCoreApplication.translate("Labels", "Đặt kết nối liên thông"),
        "agency_code": QCoreApplication.translate("Labels", "Đặt mã định danh đơn vị"),
        "exchange_retry": QCoreApplication.translate("Labels", "Gửi lại gói liên thông"),
        "exchange_import": QCoreApplication.translate("Labels", "Nhập gói edXML"),
        "exchange_export": QCoreApplication.translate("Labels", "Xuất gói edXML"),
    }


def audit_label(action: str) -> str:
    """An audit event's action (a workflow step is ``step_<key>``) in the UI language."""
    if action.startswith("step_"):
        return step_label(action.removeprefix("step_"))
    return _audit(os.environ.get("VANTHU_LANG", "vi")).get(action, action)


def audit_category_label(category: str) -> str:
    return _audit(os.environ.get("VANTHU_LANG", "vi")).get(f"category:{category}", category)


@lru_cache(maxsize=4)
def _exchange(_language: str) -> dict[str, str]:
    """edXML status codes (``edxml.StatusCode``), the axis outbox's states and the envelope
    signature's verdicts, in words."""
    return {
        "code:01": QCoreApplication.translate("ExchangeStatus", "Đã đến"),
        "code:02": QCoreApplication.translate("ExchangeStatus", "Từ chối tiếp nhận"),
        "code:03": QCoreApplication.translate("ExchangeStatus", "Đã vào sổ"),
        "code:04": QCoreApplication.translate("ExchangeStatus", "Đã phân công xử lý"),
        "code:05": QCoreApplication.translate("ExchangeStatus", "Đang xử lý"),
        "code:06": QCoreApplication.translate("ExchangeStatus", "Hoàn thành"),
        "code:13": QCoreApplication.translate("ExchangeStatus", "Đề nghị lấy lại"),
        "code:14": QCoreApplication.translate("ExchangeStatus", "Đồng ý lấy lại"),
        "code:15": QCoreApplication.translate("ExchangeStatus", "Đồng ý lấy lại"),
        "code:16": QCoreApplication.translate("ExchangeStatus", "Từ chối lấy lại"),
        "state:queued": QCoreApplication.translate("Labels", "Chờ gửi"),
        "state:sent": QCoreApplication.translate("Labels", "Đã gửi"),
        "state:failed": QCoreApplication.translate("Labels", "Gửi lỗi"),
        "state:exported": QCoreApplication.translate("Labels", "Đã xuất ra tệp"),
        "signature:valid": QCoreApplication.translate("Labels", "Chữ ký số của gói hợp lệ"),
        "signature:invalid": QCoreApplication.translate(
            "Labels", "Chữ ký số của gói không hợp lệ (gói bị sửa hoặc không kiểm tra được)"
        ),
        "signature:placeholder": QCoreApplication.translate(
            "Labels", "Gói có khối chữ ký giả (không phải chữ ký thật)"
        ),
        "signature:absent": QCoreApplication.translate("Labels", "Gói không ký số"),
        "signature:not_checked": QCoreApplication.translate(
            "Labels", "Chưa kiểm tra chữ ký số của gói (gói quá lớn)"
        ),
    }


def exchange_code_label(code: str) -> str:
    """An edXML status code ("01" … "16") in words: what the recipient agency said."""
    return _exchange(os.environ.get("VANTHU_LANG", "vi")).get(f"code:{code}", code)


def axis_state_label(state: str) -> str:
    """A package's state on its way out (queued, sent, failed, exported) in words."""
    return _exchange(os.environ.get("VANTHU_LANG", "vi")).get(f"state:{state}", state)


def signature_verdict_label(verdict: str) -> str:
    """The envelope's XML signature verdict (``edxml.SignatureVerdict``) in words."""
    return _exchange(os.environ.get("VANTHU_LANG", "vi")).get(f"signature:{verdict}", verdict)


def in_language(text: str, language: str | None = None) -> list[str]:
    """The server keeps what went wrong with a package as Vietnamese and English lines, one
    after the other: the lines of the UI language (all of them when they do not pair up)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) % 2:
        return lines
    return lines[1::2] if (language or current_language()) == "en" else lines[0::2]


def number(n: int) -> str:
    """A count as the UI language writes it: "1.413" in Vietnamese, "1,413" in English
    (the default QLocale, which ``ui.i18n.apply_language`` sets with the language)."""
    return QLocale().toString(n)
