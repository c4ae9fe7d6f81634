"""A new outgoing draft: the Decree 30 fields, the draft's PDF, checked before it is sent.

What is wrong is said under the form in the UI language and nothing is sent; the draft is
created off the GUI thread (offline it waits in the outbox, "chờ gửi")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.drafts import DOC_TYPES, DraftInput, DraftOutcome
from services.workspace import Workspace

from ..labels import secrecy_label, urgency_label
from .form_dialog import FormDialog, level_box

__all__ = ["DraftDialog"]


class DraftDialog(FormDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.outcome: DraftOutcome | None = None
        self.error.setObjectName("draftError")
        self.setWindowTitle(self.tr("Dự thảo mới"))
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("draftType")
        self.doc_type.setEditable(True)
        self.doc_type.addItems(DOC_TYPES)
        self.notation = QLineEdit()
        self.notation.setObjectName("draftNotation")
        self.notation.setMaxLength(30)
        self.notation.setPlaceholderText(self.tr("ví dụ BC-UBND"))
        self.subject = QPlainTextEdit()
        self.subject.setObjectName("draftSubject")
        self.subject.setMaximumHeight(70)
        self.recipients = QPlainTextEdit()
        self.recipients.setObjectName("draftRecipients")
        self.recipients.setMaximumHeight(70)
        self.recipients.setPlaceholderText(self.tr("Mỗi nơi nhận một dòng"))
        self.urgency = level_box(urgency_label, 5)
        self.secrecy = level_box(secrecy_label, 4)
        self.has_due = QCheckBox(self.tr("Hạn trả lời"))
        self.due = QDateEdit(QDate.currentDate().addDays(10))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.signer_position = QLineEdit()
        self.signer_name = QLineEdit()
        self.file = QLineEdit()
        self.file.setObjectName("draftFile")
        self.file.setPlaceholderText(self.tr("Tệp PDF dự thảo (có thể thêm sau)"))
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Loại văn bản"), self.doc_type)
        form.addRow(self.tr("Ký hiệu"), self.notation)
        form.addRow(self.tr("Trích yếu"), self.subject)
        form.addRow(self.tr("Nơi nhận"), self.recipients)
        form.addRow(self.tr("Độ khẩn"), self.urgency)
        form.addRow(self.tr("Độ mật"), self.secrecy)
        form.addRow(self.has_due, self.due)
        form.addRow(self.tr("Chức vụ người ký"), self.signer_position)
        form.addRow(self.tr("Người ký"), self.signer_name)
        form.addRow(self.tr("Tệp"), file_row)
        for edit in (self.subject, self.recipients):
            edit.textChanged.connect(self.error.clear)  # the message was about the old text
        self.file.textChanged.connect(self.error.clear)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp dự thảo"), str(Path.home()), self.tr("Tệp PDF (*.pdf)")
        )
        if chosen:
            self.file.setText(chosen)

    def draft(self) -> DraftInput:
        lines = self.recipients.toPlainText().splitlines()
        return DraftInput(
            subject=self.subject.toPlainText(),
            doc_type=self.doc_type.currentText(),
            code_notation=self.notation.text(),
            recipients=tuple(line.strip() for line in lines if line.strip()),
            urgency=int(self.urgency.currentData()),
            secrecy=int(self.secrecy.currentData()),
            due_date=self.due.date().toPython() if self.has_due.isChecked() else None,  # type: ignore[arg-type]  # a datetime.date
            signer_position=self.signer_position.text(),
            signer_name=self.signer_name.text(),
            file=Path(self.file.text().strip()) if self.file.text().strip() else None,
        )

    def submit(self) -> None:
        draft = self.draft()
        self.send(draft.problems(), self.workspace.create_draft, draft)
