"""The registered details of an incoming document, as the step dialog's CORRECT step edits them
(Đính chính): prefilled from the register, only what the clerk changes is sent."""

from __future__ import annotations

import datetime as dt
import unicodedata

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

from client.records import Document

__all__ = ["CorrectionsForm", "BadDate"]


class BadDate(ValueError):
    """The date field holds no day in dd/mm/yyyy."""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


class CorrectionsForm(QWidget):
    TEXT_FIELDS = (
        "organ_name",
        "code_number",
        "code_notation",
        "doc_type",
        "subject",
        "signer_position",
        "signer_name",
    )

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        labels = {
            "organ_name": self.tr("Cơ quan ban hành"),
            "code_number": self.tr("Số"),
            "code_notation": self.tr("Ký hiệu"),
            "doc_type": self.tr("Loại văn bản"),
            "subject": self.tr("Trích yếu"),
            "signer_position": self.tr("Chức vụ người ký"),
            "signer_name": self.tr("Người ký"),
        }
        for name in self.TEXT_FIELDS:
            edit = QLineEdit(str(getattr(document, name) or ""))
            edit.setObjectName(f"correct_{name}")
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        day = document.issued_date
        self.issued_date = QLineEdit(day.strftime("%d/%m/%Y") if day else "")
        self.issued_date.setObjectName("correct_issued_date")
        self.issued_date.setPlaceholderText(self.tr("ngày/tháng/năm"))
        form.addRow(self.tr("Ngày văn bản"), self.issued_date)
        self.page_amount = QSpinBox()
        self.page_amount.setObjectName("correct_page_amount")
        self.page_amount.setRange(0, 100000)
        self.page_amount.setValue(document.page_amount)
        form.addRow(self.tr("Số trang"), self.page_amount)

    def changes(self) -> dict[str, object]:
        """The fields that differ from the register; ``BadDate`` for an unreadable date."""
        found: dict[str, object] = {}
        for name, edit in self.edits.items():
            value = _nfc(edit.text())
            if value != (getattr(self.document, name) or ""):
                found[name] = value
        text = self.issued_date.text().strip()
        try:
            day = dt.datetime.strptime(text, "%d/%m/%Y").date() if text else None
        except ValueError as exc:
            raise BadDate(text) from exc
        if day is not None and day != self.document.issued_date:
            found["issued_date"] = day
        if self.page_amount.value() != self.document.page_amount:
            found["page_amount"] = self.page_amount.value()
        return found
