"""A draft's corrected PDF: the file (chosen first, changeable) and a note for the version.

The file is checked and uploaded off the GUI thread by the workspace (``services.drafts``), the
same call as ``vanthu replace-file``; what is wrong with it (empty, not a PDF, locked, cut off) or
the server's refusal is said under the form and nothing is uploaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client.records import Document
from services.workspace import Workspace

from .form_dialog import FormDialog

__all__ = ["DraftFileDialog", "choose_pdf"]


def choose_pdf(parent: QWidget, start: str = "") -> str:
    """The path of a PDF the user picks ("" when they cancel)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("DraftFileDialog", "Chọn tệp dự thảo đã sửa"),
        start or str(Path.home()),
        QCoreApplication.translate("DraftFileDialog", "Tệp PDF (*.pdf)"),
    )
    return chosen


class DraftFileDialog(FormDialog):
    def __init__(
        self,
        workspace: Workspace,
        document: Document,
        file: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.document = workspace, document
        self.error.setObjectName("draftFileError")
        self.setWindowTitle(self.tr("Thay tệp dự thảo"))
        intro = QLabel(
            self.tr(
                "Tệp mới thành phiên bản %1 của dự thảo; các phiên bản cũ vẫn được giữ."
            ).replace("%1", str(document.current_version + 1))
        )
        intro.setWordWrap(True)
        self.file = QLineEdit(file)
        self.file.setObjectName("draftFilePath")
        self.file.setPlaceholderText(self.tr("Tệp PDF dự thảo đã sửa"))
        self.file.textChanged.connect(self.error.clear)
        self.browse = QPushButton(self.tr("Chọn…"))
        self.browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.note = QLineEdit()
        self.note.setObjectName("draftFileNote")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("ví dụ: sửa theo ý kiến lãnh đạo"))
        form = QFormLayout()
        form.addRow(self.tr("Tệp"), file_row)
        form.addRow(self.tr("Ghi chú"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = choose_pdf(self, self.file.text().strip())
        if chosen:
            self.file.setText(chosen)

    def submit(self) -> None:
        path = self.file.text().strip()
        if not path:
            self.error.setText(self.tr("Hãy chọn tệp PDF."))
            return
        self.send(
            (),
            self.workspace.replace_draft_file,
            self.document,
            Path(path),
            self.note.text(),
        )
