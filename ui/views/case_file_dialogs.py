"""The case-file page's dialogs: opening a file (from the issued list or on one's own, Art.
29.2), closing it with its final metadata (Art. 29.4: what the system computes is shown, the
title and retention set), a reason (reopen, return) with a date where the step needs one
(keep-back, Art. 31.3.d), the file's Rights (Chế độ sử dụng), and picking one of the user's open
files for documents.

Every dialog only gathers what the user chose (``outcome``); the page calls the services."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from base.records import Rights
from client.case_file_records import CaseFile, CaseFileDetail, FileList
from services.records import Closing, NewFile

from .form_dialog import ok_cancel

__all__ = [
    "NewFileDialog",
    "CloseFileDialog",
    "ReasonDialog",
    "RightsDialog",
    "PickFileDialog",
    "RETENTIONS",
    "qdate",
    "day_of",
    "add_rights",
]

RETENTIONS = ("Vĩnh viễn", "70 năm", "50 năm", "20 năm", "10 năm", "5 năm", "2 năm")
"""Usual retention periods (the field also takes any "N năm")."""


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_of(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def add_rights(box: QComboBox) -> None:
    """The two Rights of a case file (Part II.III), named once for every dialog that offers
    them."""
    box.addItem(
        QCoreApplication.translate("CaseFileDialogs", "Hạn chế sử dụng"), Rights.RESTRICTED.value
    )
    box.addItem(
        QCoreApplication.translate("CaseFileDialogs", "Sử dụng rộng rãi"), Rights.OPEN.value
    )


def _retention_box(current: str = "") -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(RETENTIONS)
    if current:
        box.setCurrentText(current)
    return box


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogError")
    label.setStyleSheet("color: #c62828")
    label.setWordWrap(True)
    label.hide()
    return label


class NewFileDialog(QDialog):
    """Lập hồ sơ: a planned file of the year's issued list, or a file of one's own."""

    def __init__(self, file_list: FileList | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseFile")
        self.setWindowTitle(self.tr("Lập hồ sơ"))
        self.setMinimumWidth(560)
        self.outcome: int | NewFile | None = None
        """A planned file's id, or a free-standing file."""
        self.start_day: dt.date | None = None
        """The file's start (Art. 29: the work began; documents of an earlier day move it)."""
        self.from_list = QRadioButton(self.tr("Theo Danh mục hồ sơ"))
        self.free = QRadioButton(self.tr("Hồ sơ ngoài Danh mục"))
        group = QButtonGroup(self)
        group.addButton(self.from_list)
        group.addButton(self.free)
        self.planned = QComboBox()
        self.planned.setObjectName("plannedFile")
        self.planned.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.planned.setMinimumContentsLength(40)
        if file_list is not None:
            for planned in file_list.files:
                self.planned.addItem(
                    f"{planned.notation} — {planned.title} ({planned.maintenance})", planned.id
                )
        has_list = self.planned.count() > 0
        self.list_note = QLabel(
            self.tr("Danh mục hồ sơ năm %1 (đã ban hành)").replace("%1", str(file_list.year))
            if file_list is not None and has_list
            else self.tr("Chưa có Danh mục hồ sơ đã ban hành cho năm nay.")
        )
        self.list_note.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setObjectName("fileTitle")
        self.notation = QLineEdit()
        self.notation.setObjectName("fileNotation")
        self.notation.setMaxLength(20)
        self.maintenance = _retention_box("10 năm")
        self.maintenance.setObjectName("fileRetention")
        self.start = _date_edit(today_in_vietnam())
        self.start.setObjectName("fileStart")
        free_form = QFormLayout()
        free_form.addRow(self.tr("Tiêu đề hồ sơ"), self.title)
        free_form.addRow(self.tr("Số và ký hiệu"), self.notation)
        free_form.addRow(self.tr("Thời hạn bảo quản"), self.maintenance)
        self.free_box = QWidget()
        self.free_box.setLayout(free_form)
        self.error = _error_label()
        column = QVBoxLayout(self)
        column.addWidget(self.from_list)
        column.addWidget(self.list_note)
        column.addWidget(self.planned)
        column.addWidget(self.free)
        column.addWidget(self.free_box)
        start_row = QFormLayout()
        start_row.addRow(self.tr("Ngày bắt đầu"), self.start)
        column.addLayout(start_row)
        column.addWidget(self.error)
        column.addWidget(ok_cancel(self))
        self.from_list.toggled.connect(self._mode)
        self.from_list.setEnabled(has_list)
        (self.from_list if has_list else self.free).setChecked(True)
        self._mode()

    def _mode(self) -> None:
        listed = self.from_list.isChecked()
        self.planned.setEnabled(listed)
        self.free_box.setEnabled(not listed)

    def accept(self) -> None:
        self.start_day = day_of(self.start.date())
        if self.from_list.isChecked():
            self.outcome = int(self.planned.currentData())
        else:
            title, notation = _nfc(self.title.text()), _nfc(self.notation.text())
            if not title or not notation or not self.maintenance.currentText().strip():
                self.error.setText(
                    self.tr("Cần tiêu đề, số và ký hiệu, thời hạn bảo quản của hồ sơ.")
                )
                self.error.show()
                return
            self.outcome = NewFile(
                title=title,
                notation=notation,
                maintenance=self.maintenance.currentText(),
                start_date=self.start_day,
            )
        super().accept()


class CloseFileDialog(QDialog):
    """Kết thúc hồ sơ (Art. 29.4): the metadata the system computes, the final title and
    retention to set."""

    def __init__(self, detail: CaseFileDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closeCaseFile")
        self.setWindowTitle(self.tr("Kết thúc hồ sơ"))
        self.setMinimumWidth(560)
        self.outcome: Closing | None = None
        found = detail.file
        dates = [d.date for d in detail.documents if d.date is not None]
        starts = [day for day in (found.start_date, *dates) if day is not None]
        self.start_day = min(starts) if starts else None
        self.end_day = max(dates) if dates else today_in_vietnam()
        self.computed = QLabel()
        self.computed.setObjectName("closingComputed")
        self.computed.setWordWrap(True)
        pages = sum(d.page_amount for d in detail.documents)
        when = f"{self.start_day:%d/%m/%Y}" if self.start_day else "—"
        self.computed.setText(
            self.tr(
                "Số lượng văn bản: %1 · Số lượng trang: %2 · Thời gian bắt đầu: %3 · Ngôn ngữ: %4"
            )
            .replace("%1", str(len(detail.documents)))
            .replace("%2", str(pages))
            .replace("%3", when)
            .replace(
                "%4", ", ".join(sorted({d.language or "vi" for d in detail.documents})) or "vi"
            )
        )
        self.title = QLineEdit(found.title)
        self.title.setObjectName("closingTitle")
        self.maintenance = _retention_box(found.maintenance)
        self.maintenance.setObjectName("closingRetention")
        self.end = _date_edit(self.end_day)
        self.end.setObjectName("closingEnd")
        self.description = QPlainTextEdit(found.description)
        self.description.setObjectName("closingDescription")
        self.description.setFixedHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("Tiêu đề hồ sơ"), self.title)
        form.addRow(self.tr("Thời hạn bảo quản"), self.maintenance)
        form.addRow(self.tr("Thời gian kết thúc"), self.end)
        form.addRow(self.tr("Chú giải"), self.description)
        note = QLabel(
            self.tr("Sau khi kết thúc, hồ sơ không thay đổi được nữa, trừ khi mở lại và nêu lý do.")
        )
        note.setWordWrap(True)
        self.error = _error_label()
        column = QVBoxLayout(self)
        column.addWidget(self.computed)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.error)
        column.addWidget(ok_cancel(self))
        self.original = found

    def accept(self) -> None:
        title = _nfc(self.title.text())
        if not title:
            self.error.setText(self.tr("Hồ sơ cần có tiêu đề."))
            self.error.show()
            return
        retention = self.maintenance.currentText().strip()
        description = _nfc(self.description.toPlainText())
        self.outcome = Closing(
            title=title if title != self.original.title else None,
            maintenance=retention if retention != self.original.maintenance else None,
            description=description if description != self.original.description else None,
            end_date=day_of(self.end.date()),
        )
        super().accept()


class ReasonDialog(QDialog):
    """A reason (reopen, return, refuse), and for a keep-back the date to keep the file until."""

    def __init__(
        self,
        title: str,
        prompt: str,
        until: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.outcome: tuple[str, dt.date | None] | None = None
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reasonText")
        self.reason.setFixedHeight(90)
        self.until: QDateEdit | None = None
        self.error = _error_label()
        column = QVBoxLayout(self)
        column.addWidget(self.prompt)
        column.addWidget(self.reason)
        if until is not None:
            self.until = _date_edit(until)
            self.until.setObjectName("keepUntil")
            row = QFormLayout()
            row.addRow(self.tr("Giữ lại đến ngày"), self.until)
            column.addLayout(row)
        column.addWidget(self.error)
        column.addWidget(ok_cancel(self))

    def accept(self) -> None:
        reason = _nfc(self.reason.toPlainText())
        if not reason:
            self.error.setText(self.tr("Hãy nêu lý do."))
            self.error.show()
            return
        self.outcome = (reason, day_of(self.until.date()) if self.until is not None else None)
        super().accept()


class RightsDialog(QDialog):
    """Chế độ sử dụng (Part II.III 4): restricted to its creator, the leaders, the archive and
    its named readers, or open to the whole organisation; a document's own secrecy still
    decides who reads that document."""

    def __init__(self, found: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rightsDialog")
        self.setWindowTitle(self.tr("Chế độ sử dụng hồ sơ"))
        self.outcome: Rights | None = None
        self.rights = QComboBox()
        self.rights.setObjectName("caseFileRights")
        add_rights(self.rights)
        self.rights.setCurrentIndex(max(0, self.rights.findData(found.rights)))
        note = QLabel(
            self.tr(
                "Hạn chế: chỉ người lập, lãnh đạo, Lưu trữ cơ quan và người được chỉ định đọc "
                "được. Rộng rãi: mọi người trong đơn vị. Văn bản mật vẫn chỉ người có quyền "
                "mới đọc được."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Chế độ sử dụng"), self.rights)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(f"<b>{found.code}</b> — {found.title}"))
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(ok_cancel(self))

    def accept(self) -> None:
        self.outcome = Rights(self.rights.currentData())
        super().accept()


class PickFileDialog(QDialog):
    """Đưa vào hồ sơ…: one of the user's open files for the chosen documents."""

    def __init__(
        self, files: Sequence[CaseFile], count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickCaseFile")
        self.setWindowTitle(self.tr("Đưa vào hồ sơ"))
        self.setMinimumWidth(520)
        self.outcome: int | None = None
        prompt = QLabel(
            self.tr("Đưa %1 văn bản vào hồ sơ đang mở của bạn:").replace("%1", str(count))
            if files
            else self.tr("Bạn chưa có hồ sơ nào đang mở. Hãy lập hồ sơ ở trang Hồ sơ.")
        )
        prompt.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName("openFiles")
        for found in files:
            item = QListWidgetItem(f"{found.title}\n{found.code}")
            item.setData(Qt.ItemDataRole.UserRole, found.id)
            self.files.addItem(item)
        if files:
            self.files.setCurrentRow(0)
        self.files.itemDoubleClicked.connect(lambda _item: self.accept())
        column = QVBoxLayout(self)
        column.addWidget(prompt)
        column.addWidget(self.files, 1)
        column.addWidget(ok_cancel(self))

    def accept(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        self.outcome = int(item.data(Qt.ItemDataRole.UserRole))
        super().accept()
