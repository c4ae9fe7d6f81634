# mypy: disable-error-code="misc, has-type, attr-defined"
"""The printed forms of the «Hồ sơ» page (Decree 30 Appendix V), saved as the server's PDFs:
«Mục lục hồ sơ…» (V.6) of the files the page shows — the archive's search, a queue — and, for
an archived file, the list and the hand-over record of the transfer it was part of (its
creator's files of its year, Art. 30.3). Mixed into ``CaseFilesView``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QPushButton

from base.records import CaseFileState
from base.workflow import Role
from services.records import Transfer

from ..workers import run_task

if TYPE_CHECKING:
    from .case_files import CaseFilesView

__all__ = ["CaseFileFormsMixin"]


class CaseFileFormsMixin:
    """Methods of ``CaseFilesView`` (mixed in)."""

    last_export: Path | None

    def _make_form_buttons(self: CaseFilesView) -> None:
        self.file_index_button = QPushButton()
        self.file_index_button.setObjectName("caseFileIndexOfFiles")
        self.file_index_button.clicked.connect(lambda: self.save_file_index())
        self.transfer_list_button = QPushButton()
        self.transfer_list_button.setObjectName("caseFileTransferList")
        self.transfer_list_button.clicked.connect(lambda: self.save_transfer_form("list"))
        self.handover_record_button = QPushButton()
        self.handover_record_button.setObjectName("caseFileHandoverRecord")
        self.handover_record_button.clicked.connect(lambda: self.save_transfer_form("record"))

    def _form_texts(self: CaseFilesView) -> None:
        self.file_index_button.setText(self.tr("In mục lục hồ sơ…"))
        self.file_index_button.setToolTip(
            self.tr("Mục lục hồ sơ (PDF) của các hồ sơ đang hiển thị, theo năm và số hồ sơ")
        )
        self.transfer_list_button.setText(self.tr("Mục lục nộp lưu…"))
        self.transfer_list_button.setToolTip(
            self.tr("Mục lục hồ sơ, tài liệu nộp lưu của người lập hồ sơ này trong năm (PDF)")
        )
        self.handover_record_button.setText(self.tr("Biên bản giao nhận…"))
        self.handover_record_button.setToolTip(
            self.tr("Biên bản giao nhận hồ sơ, tài liệu của lần nộp lưu này (PDF)")
        )

    def _show_form_buttons(self: CaseFilesView) -> None:
        """The transfer's forms for an archived file, to its creator, the leaders and the
        archive (the server's rule)."""
        found = self.detail.file if self.detail else None
        shown = (
            found is not None
            and found.state == CaseFileState.ARCHIVED
            and (
                found.creator_id == self.user.id or self.user.role in (Role.LEADER, Role.ARCHIVIST)
            )
        )
        for button in (self.transfer_list_button, self.handover_record_button):
            button.setVisible(shown)
            button.setEnabled(not self.busy)
        from .case_files import KEEP_BACK_QUEUE

        # The keep-back requests are picked out of every file here, not by the server: an
        # index of that queue would print the whole organisation's files.
        self.file_index_button.setEnabled(not self.busy and self.current_queue() != KEEP_BACK_QUEUE)

    def _save_as(self: CaseFilesView, title: str, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def _save(self: CaseFilesView, write: Callable[[], Path], what: str) -> None:
        def done(written: Path) -> None:
            self.last_export = written
            self._said(self.tr("Đã lưu %1 vào %2").replace("%1", what).replace("%2", str(written)))

        run_task(write, on_done=done, on_error=self._failed, owner=self)

    def save_file_index(self: CaseFilesView, path: Path | None = None) -> None:
        """Mục lục hồ sơ (V.6) of what the page's queue and search show."""
        what = self.tr("mục lục hồ sơ")
        path = path or self._save_as(self.tr("Mục lục hồ sơ"), "muc-luc-ho-so.pdf")
        if path is None:
            return
        where, forms, target = self.where(), self.records.forms, path
        self._save(lambda: forms.file_index(where, target), what)

    def save_transfer_form(self: CaseFilesView, form: str, path: Path | None = None) -> None:
        """``list``: Mục lục hồ sơ, tài liệu nộp lưu; ``record``: Biên bản giao nhận — of the
        transfer the archived file shown was part of."""
        if self.detail is None:
            return
        transfer, forms = Transfer.of(self.detail.file), self.records.forms
        if form == "list":
            what, name = self.tr("mục lục hồ sơ nộp lưu"), f"muc-luc-nop-luu-{transfer.year}.pdf"
            title, write = self.tr("Mục lục hồ sơ, tài liệu nộp lưu"), forms.transfer_list
        else:
            what, name = self.tr("biên bản giao nhận"), f"bien-ban-giao-nhan-{transfer.year}.pdf"
            title, write = self.tr("Biên bản giao nhận hồ sơ, tài liệu"), forms.handover_record
        path = path or self._save_as(title, name)
        if path is None:
            return
        target = path
        self._save(lambda: write(transfer, target), what)
