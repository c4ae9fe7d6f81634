"""A case file's history on the «Hồ sơ» page: who opened it, put documents in or took them out,
closed, reopened (with the reason), transferred it, what the archive answered, keep-backs,
hand-overs and changes of Rights — the file's own record of its life (Decree 30 Art. 29–31,
the reasons the law asks for shown as given)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidget

from client.case_file_records import CaseFileDetail, CaseFileEvent

__all__ = ["event_label", "fill_history"]


def _labels() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("CaseFileHistory", "Lập hồ sơ"),
        "edit": QCoreApplication.translate("CaseFileHistory", "Sửa thông tin hồ sơ"),
        "access": QCoreApplication.translate("CaseFileHistory", "Đổi chế độ sử dụng"),
        "add_document": QCoreApplication.translate("CaseFileHistory", "Đưa văn bản vào hồ sơ"),
        "remove_document": QCoreApplication.translate("CaseFileHistory", "Bỏ văn bản khỏi hồ sơ"),
        "close": QCoreApplication.translate("CaseFileHistory", "Kết thúc hồ sơ"),
        "reopen": QCoreApplication.translate("CaseFileHistory", "Mở lại hồ sơ"),
        "transfer": QCoreApplication.translate("CaseFileHistory", "Nộp lưu"),
        "accept": QCoreApplication.translate("CaseFileHistory", "Lưu trữ cơ quan tiếp nhận"),
        "return": QCoreApplication.translate("CaseFileHistory", "Lưu trữ cơ quan trả lại"),
        "request_keep_back": QCoreApplication.translate("CaseFileHistory", "Đề nghị giữ lại"),
        "approve_keep_back": QCoreApplication.translate("CaseFileHistory", "Duyệt giữ lại"),
        "refuse_keep_back": QCoreApplication.translate("CaseFileHistory", "Không duyệt giữ lại"),
        "handover": QCoreApplication.translate("CaseFileHistory", "Bàn giao hồ sơ"),
    }


def event_label(action: str) -> str:
    """The step's name in the user's language (an unknown one as it came)."""
    return _labels().get(action, action)


def _line(event: CaseFileEvent) -> str:
    when = event.at.astimezone().strftime("%d/%m/%Y %H:%M") if event.at else ""
    what = event_label(event.action)
    if event.document_id is not None:
        what += f" #{event.document_id}"
    reason = f" — “{event.reason}”" if event.reason else ""
    return f"{when}  {event.full_name}: {what}{reason}"


def fill_history(widget: QListWidget, detail: CaseFileDetail | None) -> None:
    """The file's events, oldest first (as a paper file's record is read)."""
    widget.clear()
    for event in detail.events if detail else ():
        widget.addItem(_line(event))
