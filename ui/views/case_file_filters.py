"""«Lọc thêm…» on the archive's search: the Part II.III fields the filter row has no room for —
Rights (Chế độ sử dụng), Language, and the documents' period — so the archive finds a file by
every field it keeps (Decree 30 Appendix VI III.6.d). The dialog only gathers the choice."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam

from .case_file_dialogs import add_rights, day_of, qdate
from .form_dialog import ok_cancel

__all__ = ["ExtraFilters", "MoreFiltersDialog"]


@dataclass(frozen=True)
class ExtraFilters:
    rights: str | None = None
    language: str = ""
    period_from: dt.date | None = None
    period_to: dt.date | None = None

    @property
    def count(self) -> int:
        """How many are set (the button says it)."""
        return sum(
            1
            for value in (self.rights, self.language, self.period_from, self.period_to)
            if value not in (None, "")
        )


class MoreFiltersDialog(QDialog):
    def __init__(self, current: ExtraFilters, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moreFiltersDialog")
        self.setWindowTitle(self.tr("Lọc thêm"))
        self.outcome: ExtraFilters | None = None
        self.rights = QComboBox()
        self.rights.setObjectName("filterRights")
        self.rights.addItem(self.tr("Mọi chế độ sử dụng"), None)
        add_rights(self.rights)
        self.rights.setCurrentIndex(max(0, self.rights.findData(current.rights)))
        self.language = QLineEdit(current.language)
        self.language.setObjectName("filterLanguage")
        self.language.setPlaceholderText(self.tr("vi, en…"))
        today = today_in_vietnam()
        self.use_from, self.period_from = self._day(
            self.tr("Tài liệu từ ngày"), current.period_from, today.replace(month=1, day=1)
        )
        self.use_to, self.period_to = self._day(
            self.tr("Tài liệu đến ngày"), current.period_to, today
        )
        form = QFormLayout()
        form.addRow(self.tr("Chế độ sử dụng"), self.rights)
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow(self.use_from, self.period_from)
        form.addRow(self.use_to, self.period_to)
        buttons = ok_cancel(self, QDialogButtonBox.StandardButton.Reset)
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self.clear)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)

    def _day(
        self, label: str, current: dt.date | None, default: dt.date
    ) -> tuple[QCheckBox, QDateEdit]:
        use = QCheckBox(label)
        edit = QDateEdit(qdate(current or default))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        use.setChecked(current is not None)
        edit.setEnabled(current is not None)
        use.toggled.connect(edit.setEnabled)
        return use, edit

    def clear(self) -> None:
        """«Đặt lại»: no extra filter."""
        self.rights.setCurrentIndex(0)
        self.language.clear()
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)

    def accept(self) -> None:
        language = unicodedata.normalize("NFC", self.language.text().strip())
        self.outcome = ExtraFilters(
            rights=self.rights.currentData(),
            language=language,
            period_from=day_of(self.period_from.date()) if self.use_from.isChecked() else None,
            period_to=day_of(self.period_to.date()) if self.use_to.isChecked() else None,
        )
        super().accept()
