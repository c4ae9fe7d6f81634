"""Registering an incoming document by hand: a paper letter, or a PDF (dropped on the window
or chosen), whose first page prefills the form. Checked in the form; the arrival number comes
from the server's register, and the ĐẾN stamp goes on the file if asked for."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from client.records import Document
from services.drafts import DOC_TYPES
from services.registration import (
    IncomingInput,
    PossibleDuplicate,
    Prefill,
    RegistrationOutcome,
    prefill_from_pdf,
)
from services.workspace import Workspace

from ..labels import secrecy_label, urgency_label
from ..workers import run_task
from .form_dialog import FormDialog, level_box

__all__ = ["IncomingDialog"]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class IncomingDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        file: Path | None = None,
        parent: QWidget | None = None,
        existing: Document | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.existing = existing
        """An arrived document (a scan, a copy from another organisation) to check and register."""
        self.outcome: RegistrationOutcome | None = None
        self._key = uuid.uuid4().hex
        """One registration, however often it is sent (after a duplicate warning: the same)."""
        self.duplicate_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Vào sổ văn bản đến"))
        self.organ = QLineEdit()
        self.organ.setObjectName("incomingOrgan")
        self.organ.setMaxLength(200)
        self.number = QLineEdit()
        self.number.setObjectName("incomingNumber")
        self.number.setMaxLength(11)
        self.notation = QLineEdit()
        self.notation.setObjectName("incomingNotation")
        self.notation.setMaxLength(30)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(QLabel("/"))
        number_row.addWidget(self.notation, 2)
        self.has_issued = QCheckBox(self.tr("Ngày văn bản"))
        self.issued = QDateEdit(_qdate(today_in_vietnam()))
        self.doc_type = QComboBox()
        self.doc_type.setEditable(True)
        self.doc_type.addItems(DOC_TYPES)
        self.subject = QPlainTextEdit()
        self.subject.setObjectName("incomingSubject")
        self.subject.setMaximumHeight(70)
        self.urgency = level_box(urgency_label, 5)
        self.secrecy = level_box(secrecy_label, 4)
        self.has_due = QCheckBox(self.tr("Thời hạn giải quyết"))
        self.due = QDateEdit(_qdate(today_in_vietnam() + dt.timedelta(days=10)))
        for check, edit in ((self.has_issued, self.issued), (self.has_due, self.due)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.pages = QSpinBox()
        self.pages.setRange(1, 10000)
        self.to_places = QLineEdit()
        self.to_places.setPlaceholderText(self.tr("Đơn vị hoặc người nhận"))
        self.file = QLineEdit()
        self.file.setObjectName("incomingFile")
        self.file.setPlaceholderText(self.tr("Văn bản giấy: để trống"))
        self.file.editingFinished.connect(lambda: self.use_file(self._file()))
        self.browse = QPushButton(self.tr("Chọn…"))
        self.browse.clicked.connect(self._browse)
        self._placeholder = ""
        """A scan's subject is its file name until the clerk writes the real one."""
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.stamp = QCheckBox(self.tr("Đóng dấu ĐẾN lên trang đầu của tệp"))
        self.stamp.setObjectName("incomingStamp")
        self.error.setObjectName("incomingError")
        form = QFormLayout()
        form.addRow(self.tr("Tệp"), file_row)
        form.addRow(self.tr("Cơ quan ban hành"), self.organ)
        form.addRow(self.tr("Số, ký hiệu"), number_row)
        form.addRow(self.has_issued, self.issued)
        form.addRow(self.tr("Loại văn bản"), self.doc_type)
        form.addRow(self.tr("Trích yếu"), self.subject)
        form.addRow(self.tr("Độ khẩn"), self.urgency)
        form.addRow(self.tr("Độ mật"), self.secrecy)
        form.addRow(self.has_due, self.due)
        form.addRow(self.tr("Số trang"), self.pages)
        form.addRow(self.tr("Nơi nhận"), self.to_places)
        form.addRow(self.tr("Dấu đến"), self.stamp)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Vào sổ"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._stamp_follows_file()
        if existing is not None:
            self._show_existing(existing)
        elif file is not None:
            self.file.setText(str(file))
            self.use_file(file)
        self.resize(620, self.sizeHint().height())

    def _show_existing(self, document: Document) -> None:
        """The fields as they arrived; the file's letterhead fills what they leave empty."""
        self.organ.setText(document.organ_name)
        self.number.setText(document.code_number or "")
        self.notation.setText(document.code_notation)
        if document.issued_date:
            self.has_issued.setChecked(True)
            self.issued.setDate(_qdate(document.issued_date))
        self.doc_type.setCurrentText(document.doc_type)
        self.subject.setPlainText(document.subject)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(document.urgency)))
        self.secrecy.setCurrentIndex(max(0, self.secrecy.findData(document.secrecy)))
        if document.due_date:
            self.has_due.setChecked(True)
            self.due.setDate(_qdate(document.due_date))
        self.pages.setValue(max(1, document.page_amount))
        self.to_places.setText("; ".join(document.to_places))
        latest = document.latest_version
        self.file.setText(latest.filename if latest else "")
        self.file.setReadOnly(True)
        self.browse.setEnabled(False)
        self.stamp.setEnabled(bool(document.current_version))
        self.stamp.setChecked(bool(document.current_version))
        if latest is not None:
            self._placeholder = Path(latest.filename).stem.replace("_", " ").strip()
            run_task(
                lambda: prefill_from_pdf(self.workspace.open_file(document)),
                on_done=self._prefill,
                on_error=lambda _exc: None,  # no letterhead to read: the fields stay as they are
                owner=self,
            )

    def _file(self) -> Path | None:
        if self.existing is not None:
            return None  # its file is on the server already
        text = self.file.text().strip()
        return Path(text) if text else None

    def _stamp_follows_file(self) -> None:
        if self.existing is not None:
            return
        has_file = self._file() is not None
        self.stamp.setEnabled(has_file)
        self.stamp.setChecked(has_file)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp văn bản đến"), str(Path.home()), self.tr("Tệp PDF (*.pdf)")
        )
        if chosen:
            self.file.setText(chosen)
            self.use_file(Path(chosen))

    def use_file(self, path: Path | None) -> None:
        """Take ``path`` as the document's file and prefill what its first page says."""
        self._stamp_follows_file()
        self.error.clear()
        if path is None:
            return
        run_task(prefill_from_pdf, path, on_done=self._prefill, on_error=self._failed, owner=self)

    def _prefill(self, found: Prefill) -> None:
        """Fill the empty fields only: what the clerk typed is theirs."""
        subject = self.subject.toPlainText().strip()
        if found.subject and (not subject or subject == self._placeholder):
            self.subject.setPlainText(found.subject)
        if found.organ_name and not self.organ.text():
            self.organ.setText(found.organ_name)
        if found.code_number and not self.number.text():
            self.number.setText(found.code_number)
            self.notation.setText(found.code_notation)
        if found.issued_date and not self.has_issued.isChecked():
            self.has_issued.setChecked(True)
            self.issued.setDate(_qdate(found.issued_date))
        if found.doc_type and (self.existing is None or subject == self._placeholder):
            self.doc_type.setCurrentText(found.doc_type)
        self.pages.setValue(found.page_amount)

    def entry(self) -> IncomingInput:
        places = [p.strip() for p in self.to_places.text().split(";") if p.strip()]
        return IncomingInput(
            organ_name=self.organ.text(),
            subject=self.subject.toPlainText(),
            doc_type=self.doc_type.currentText(),
            code_number=self.number.text(),
            code_notation=self.notation.text(),
            issued_date=self.issued.date().toPython() if self.has_issued.isChecked() else None,  # type: ignore[arg-type]  # a datetime.date
            urgency=int(self.urgency.currentData()),
            secrecy=int(self.secrecy.currentData()),
            due_date=self.due.date().toPython() if self.has_due.isChecked() else None,  # type: ignore[arg-type]  # a datetime.date
            page_amount=self.pages.value(),
            to_places=tuple(places),
            file=self._file(),
            stamp=self.stamp.isChecked()
            and (self._file() is not None or self.existing is not None),
        )

    def submit(self, confirmed: bool = False) -> None:
        entry = dataclasses.replace(self.entry(), duplicate_ok=confirmed)
        if self.existing is None:
            self.send(entry.problems(), self.workspace.register_incoming, entry, self._key)
        else:  # its file is on the server: the stamp is checked against that one
            problems = dataclasses.replace(entry, stamp=False).problems()
            self.send(problems, self.workspace.register_arrived, self.existing, entry)

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, PossibleDuplicate):
            super()._failed(exc)
            return
        if self.existing is not None:
            self.existing = exc.document  # its checked fields are saved already
        self.buttons.setEnabled(True)
        self.duplicate_question = QMessageBox(
            QMessageBox.Icon.Question,
            exc.title(),
            exc.message(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        self.duplicate_question.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("Vẫn vào sổ")
        )
        self.duplicate_question.button(QMessageBox.StandardButton.No).setText(
            self.tr("Không vào sổ")
        )
        self.duplicate_question.setDefaultButton(QMessageBox.StandardButton.No)
        self.duplicate_question.finished.connect(self._duplicate_answered)
        self.duplicate_question.open()

    def _duplicate_answered(self, answer: int) -> None:
        self.duplicate_question = None
        if answer == QMessageBox.StandardButton.Yes:
            self.submit(confirmed=True)
        else:
            self.error.setText(self.tr("Chưa vào sổ: văn bản có vẻ đã vào sổ trước đây."))
