# mypy: disable-error-code="misc, has-type"
"""What the main window does with case files (Decree 30 Art. 29–31): «Đưa vào hồ sơ…» for the
open document or the list's selection, the navigation's case-file queues with their counts
(«Hồ sơ đến hạn nộp lưu (2)», the archive's «Hồ sơ chờ tiếp nhận»), and the transfer
deadline's warning (III.5.b) told once in the tray and the status line."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSystemTrayIcon

from base.errors import current_language
from base.records import CaseFileState
from base.workflow import Role
from client.case_file_records import CaseFile, CaseFileFilter
from services.records import DueWarning

from ..errors import show_error
from ..workers import run_task

if TYPE_CHECKING:
    from .case_files import CaseFilesView
    from .main_window import MainWindow

logger = logging.getLogger(__name__)

__all__ = ["RecordsMixin", "RECORD_QUEUES"]

RECORD_QUEUES = {"case_files_due": "due", "case_files_awaiting": "awaiting"}
"""Navigation entries that open the «Hồ sơ» page on one of its queues (with a count)."""


class RecordsMixin:
    """Methods of ``MainWindow`` (mixed in)."""

    def _add_record_pages(self: MainWindow) -> None:
        self.record_counts: dict[str, int] = {}
        self.due_warnings: list[DueWarning] = []
        self._due_told: set[int] = set()
        """Files whose deadline was already told in the tray (told once, not at every count)."""
        if not self.workspace.records.may_open_files:
            return
        where = len(self.queues)  # after the role's work queues, as the navigation shows them
        keys = ["case_files_due"]
        if self.session.user.role == Role.ARCHIVIST:
            keys.insert(0, "case_files_awaiting")
        for key in keys:
            self.pages.insert(where, key)
            where += 1
        self.pages.insert(self.pages.index("uploads"), "case_files")

    def record_page_name(self: MainWindow, key: str) -> str:
        return {
            "case_files": QCoreApplication.translate("MainWindow", "Hồ sơ"),
            "case_files_due": QCoreApplication.translate("MainWindow", "Hồ sơ đến hạn nộp lưu"),
            "case_files_awaiting": QCoreApplication.translate("MainWindow", "Hồ sơ chờ tiếp nhận"),
        }[key]

    @property
    def case_files(self: MainWindow) -> CaseFilesView:
        return self._page("case_files")  # type: ignore[return-value]

    def _make_case_files(self: MainWindow) -> CaseFilesView:
        from .case_files import CaseFilesView

        view = CaseFilesView(self.workspace)
        view.open_document.connect(self.open_document)
        view.changed.connect(self.refresh_counts)
        view.file_list_requested.connect(self.show_file_list)
        return view

    def show_file_list(self: MainWindow) -> None:
        from .file_list_view import FileListView

        view = self._pages.get("file_list")
        if not isinstance(view, FileListView):
            view = FileListView(self.workspace)
            self._pages["file_list"] = view
            self.stack.addWidget(view)
        self._remember_here()
        self.stack.setCurrentWidget(view)
        view.reload()

    def _show_record_page(self: MainWindow, key: str) -> None:
        page = self.case_files
        self.stack.setCurrentWidget(page)
        page.show_queue(
            RECORD_QUEUES.get(key) or str(page.queue.itemData(0))
        )  # «Hồ sơ»: the main one

    # -- counts and the deadline's warning ---------------------------------------------
    def _record_counts(self: MainWindow) -> tuple[dict[str, int], list[DueWarning]]:
        """In a worker: the due files from the cache, the archive's waiting files."""
        records = self.workspace.records
        if not records.may_open_files:
            return {}, []
        due = records.due()
        counts = {"case_files_due": len(due)}
        if self.session.user.role == Role.ARCHIVIST:
            page = records.files.page(CaseFileFilter(queue="awaiting"), limit=500)
            counts["case_files_awaiting"] = len(page.items)
        return counts, due

    def _record_counts_arrived(
        self: MainWindow, counts: dict[str, int], due: list[DueWarning]
    ) -> None:
        self.record_counts, self.due_warnings = counts, due
        new = [w for w in due if w.case_file.id not in self._due_told]
        if not new:
            return
        self._due_told |= {w.case_file.id for w in new}
        language = current_language()
        title = QCoreApplication.translate("MainWindow", "Hồ sơ sắp đến hạn nộp lưu")
        lines = [w.message(language) for w in new[:3]]
        if len(new) > 3:
            lines.append(
                QCoreApplication.translate("MainWindow", "… và %1 hồ sơ khác").replace(
                    "%1", str(len(new) - 3)
                )
            )
        self.due_notice = f"{title}: {lines[0]}" + (
            QCoreApplication.translate("MainWindow", " và %1 hồ sơ khác").replace(
                "%1", str(len(new) - 1)
            )
            if len(new) > 1
            else ""
        )
        current = self.status_label.text()
        self.status_label.setText(f"{current} — {self.due_notice}" if current else self.due_notice)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.showMessage(
                title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Warning, 8000
            )

    # -- Đưa vào hồ sơ… ------------------------------------------------------------------
    def file_current(self: MainWindow) -> None:
        """The open document, else the list's selection, into one of the user's open files."""
        if self.stack.currentWidget() is self.document_view and self.document_view.document:
            self.file_documents([self.document_view.document.id])
            return
        ids = self._selected_ids()
        if not ids:
            self.status_label.setText(
                QCoreApplication.translate(
                    "MainWindow", "Hãy chọn hoặc mở văn bản để đưa vào hồ sơ."
                )
            )
            return
        self.file_documents(ids)

    def file_documents(self: MainWindow, ids: Sequence[int]) -> None:
        """Pick one of my open files (read in a worker), then put ``ids`` into it."""
        records, me = self.workspace.records, self.session.user.id
        wanted = list(ids)

        def mine() -> list[CaseFile]:
            page = records.files.page(CaseFileFilter(queue="mine"), limit=500)
            return [f for f in page.items if f.state == CaseFileState.OPEN and f.creator_id == me]

        def ask(files: list[CaseFile]) -> None:
            from .case_file_dialogs import PickFileDialog

            dialog = PickFileDialog(files, len(wanted), self)
            self.pick_dialog = dialog

            def chosen() -> None:
                if dialog.outcome is not None:
                    self._file_into(dialog.outcome, wanted)

            dialog.accepted.connect(chosen)
            dialog.open()

        run_task(mine, on_done=ask, on_error=lambda exc: show_error(self, exc), owner=self)

    def _file_into(self: MainWindow, case_file_id: int, ids: list[int]) -> None:
        files = self.workspace.records.files

        def add() -> tuple[str, bool]:
            outcome = None
            for document_id in ids:
                outcome = files.add_document(case_file_id, document_id)
            assert outcome is not None
            return outcome.detail.file.code, outcome.queued

        def done(result: tuple[str, bool]) -> None:
            code, queued = result
            text = (
                QCoreApplication.translate("MainWindow", "Đã đưa %1 văn bản vào hồ sơ %2")
                .replace("%1", str(len(ids)))
                .replace("%2", code)
            )
            if queued:
                text += " — " + QCoreApplication.translate(
                    "MainWindow", "ngoại tuyến, chờ gửi khi có mạng"
                )
            self.status_label.setText(text)
            shown = self._pages.get("case_files")
            if shown is not None:
                shown.reload()  # type: ignore[attr-defined]
                detail = shown.detail  # type: ignore[attr-defined]
                if detail is not None and detail.file.id == case_file_id:
                    shown.open_file(case_file_id)  # type: ignore[attr-defined]

        run_task(add, on_done=done, on_error=lambda exc: show_error(self, exc), owner=self)
