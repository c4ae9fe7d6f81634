# mypy: disable-error-code="misc, has-type"
"""The main window's menu bar: every action with its shortcut, in the menus an office user
knows (Tệp, Văn bản, Tìm, Xem, Trợ giúp), the help it offers, and the edXML packages carried
by hand (import, export, inspect — for those who work the exchange)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from client.records import Document

from ..errors import show_error
from ..workers import run_task

if TYPE_CHECKING:
    from .exchange_dialogs import ExportDialog, ImportDialog, InspectDialog
    from .main_window import MainWindow

logger = logging.getLogger(__name__)

__all__ = ["MenusMixin"]


class MenusMixin:
    """Methods of ``MainWindow`` (mixed in)."""

    # -- menus -------------------------------------------------------------------------
    def _action(
        self: MainWindow,
        name: str,
        slot: Callable[[], object],
        keys: str | QKeySequence.StandardKey = "",
    ) -> QAction:
        """One action of the menu bar, reachable by its shortcut wherever the focus is."""
        action = QAction(self)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_menus(self: MainWindow) -> None:
        """Every action of the window with its shortcut, in the menus an office user knows."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.document_menu = bar.addMenu("")
        self.find_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        a = self._action
        if self.workspace.may_register():
            self.file_menu.addAction(a("register", lambda: self.register_incoming(), "Ctrl+I"))
        if self.workspace.may_draft():
            self.file_menu.addAction(a("newDraft", self.new_draft, "Ctrl+N"))
        if self.workspace.exchange.may_exchange():
            self.file_menu.addSeparator()
            self.file_menu.addAction(a("importEdxml", self.import_packages))
            self.file_menu.addAction(a("exportEdxml", self.export_package))
            self.file_menu.addAction(a("inspectEdxml", self.inspect_package))
        self.file_menu.addSeparator()
        self.file_menu.addAction(a("sync", self.sync_now, "F5"))
        self.file_menu.addAction(a("exportList", self.export_list, "Ctrl+Shift+E"))
        self.file_menu.addAction(a("print", self.print_current, QKeySequence.StandardKey.Print))
        self.file_menu.addSeparator()
        self.file_menu.addAction(a("signOut", self.sign_out))
        self.file_menu.addAction(a("quit", self.close, "Ctrl+Q"))
        self.document_menu.addAction(a("open", self._open_selected, "Ctrl+Return"))
        self.document_menu.addAction(a("step", self._step_selected, "Ctrl+E"))
        self.document_menu.addAction(a("sign", self.sign_selected, "Ctrl+K"))
        if self.workspace.records.may_open_files:
            self.document_menu.addAction(a("fileInto", self.file_current, "Ctrl+Shift+H"))
        self.document_menu.addSeparator()
        self.document_menu.addAction(a("previous", lambda: self._step(-1), "Alt+Up"))
        self.document_menu.addAction(a("next", lambda: self._step(1), "Alt+Down"))
        self.find_menu.addAction(a("find", self.find, QKeySequence.StandardKey.Find))
        self.find_menu.addAction(a("findAll", self.find_everywhere, "Ctrl+Shift+F"))
        self.find_menu.addAction(a("saveSearch", self.save_search, "Ctrl+S"))
        self.view_menu.addAction(a("back", self.back, "Alt+Left"))
        preview = a("preview", self._toggle_preview, "Ctrl+Shift+P")
        preview.setCheckable(True)
        preview.setChecked(True)
        self.view_menu.addAction(preview)
        self.view_menu.addAction(a("columns", self._columns_menu))
        self.view_menu.addSeparator()
        self.pages_menu = self.view_menu.addMenu("")
        for row in range(min(9, len(self.pages))):
            self._action(
                f"page{row + 1}", partial(self.show_named, self.pages[row]), f"Ctrl+{row + 1}"
            )
        self.help_menu.addAction(a("legend", self.show_legend))
        self.help_menu.addAction(a("shortcuts", self.show_shortcuts, "F1"))
        self.help_menu.addAction(a("about", self.show_about))
        escape = QAction(self.document_view)  # Esc leaves a document, as Back does
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self._escape_in_document)
        self.document_view.addAction(escape)

    def _retranslate_menus(self: MainWindow) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "&Tệp"))
        self.document_menu.setTitle(QCoreApplication.translate("MainWindow", "&Văn bản"))
        self.find_menu.setTitle(QCoreApplication.translate("MainWindow", "Tì&m"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "&Xem"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "Trợ &giúp"))
        self.pages_menu.setTitle(QCoreApplication.translate("MainWindow", "Đi tới"))
        texts = {
            "register": QCoreApplication.translate("MainWindow", "Vào sổ văn bản đến…"),
            "newDraft": QCoreApplication.translate("MainWindow", "Dự thảo mới…"),
            "importEdxml": QCoreApplication.translate("MainWindow", "Nhập gói edXML…"),
            "exportEdxml": QCoreApplication.translate("MainWindow", "Xuất gói edXML…"),
            "inspectEdxml": QCoreApplication.translate("MainWindow", "Kiểm tra gói edXML…"),
            "sync": QCoreApplication.translate("MainWindow", "Đồng bộ"),
            "exportList": QCoreApplication.translate(
                "MainWindow", "Xuất danh sách (PDF, DOCX, XLSX)…"
            ),
            "print": QCoreApplication.translate("MainWindow", "In…"),
            "signOut": QCoreApplication.translate("MainWindow", "Đăng xuất, đổi tài khoản…"),
            "quit": QCoreApplication.translate("MainWindow", "Thoát"),
            "open": QCoreApplication.translate("MainWindow", "Mở văn bản"),
            "step": QCoreApplication.translate("MainWindow", "Xử lý, chuyển bước…"),
            "sign": QCoreApplication.translate("MainWindow", "Ký số…"),
            "fileInto": QCoreApplication.translate("MainWindow", "Đưa vào hồ sơ…"),
            "previous": QCoreApplication.translate("MainWindow", "Văn bản trước"),
            "next": QCoreApplication.translate("MainWindow", "Văn bản sau"),
            "find": QCoreApplication.translate("MainWindow", "Tìm…"),
            "findAll": QCoreApplication.translate("MainWindow", "Tìm trong mọi văn bản"),
            "saveSearch": QCoreApplication.translate("MainWindow", "Lưu tìm kiếm…"),
            "back": QCoreApplication.translate("MainWindow", "Quay lại"),
            "preview": QCoreApplication.translate("MainWindow", "Khung xem trước"),
            "columns": QCoreApplication.translate("MainWindow", "Chọn cột…"),
            "legend": QCoreApplication.translate("MainWindow", "Chú thích màu"),
            "shortcuts": QCoreApplication.translate("MainWindow", "Phím tắt"),
            "about": QCoreApplication.translate("MainWindow", "Giới thiệu Văn thư số"),
        }
        for name, text in texts.items():
            if name in self.actions_by_name:
                self.actions_by_name[name].setText(text)
        self.pages_menu.clear()
        for row, page in enumerate(self.pages[:9]):
            action = self.actions_by_name[f"page{row + 1}"]
            action.setText(self._page_name(page))
            self.pages_menu.addAction(action)

    # -- edXML packages by hand (the exchange's offline route) ------------------------------
    def import_packages(self: MainWindow) -> None:
        """Tệp → Nhập gói edXML…: the files chosen go through the server's one door for
        packages, in a worker; each file's outcome is listed, its document one click away."""
        from .exchange_dialogs import PACKAGE_FILTER, ImportDialog

        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("MainWindow", "Chọn gói edXML để nhập"),
            "",
            PACKAGE_FILTER,
        )
        if not paths:
            return
        importing = ImportDialog(self.workspace, [Path(p) for p in paths], parent=self)
        importing.open_document.connect(self.open_document)
        importing.imported.connect(self._packages_imported)
        self.import_dialog: ImportDialog | None = importing
        importing.open()

    def _packages_imported(self: MainWindow) -> None:
        self.apply_filters()  # the new documents are in "Chờ vào sổ" at once
        self.refresh_counts()

    def export_package(self: MainWindow) -> None:
        """Tệp → Xuất gói edXML…: the open document, else the selected row."""
        if self.stack.currentWidget() is self.document_view and self.document_view.document:
            self._export_document(self.document_view.document)
            return
        ids = self._selected_ids()
        if not ids:
            self.status_label.setText(self._not_exportable())
            return
        run_task(
            self.workspace.document,
            ids[0],
            on_done=self._export_document,
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    @staticmethod
    def _not_exportable() -> str:
        return QCoreApplication.translate(
            "MainWindow", "Hãy chọn một văn bản đi đã cấp số hoặc đã ban hành để xuất gói edXML."
        )

    def _export_document(self: MainWindow, document: Document | None) -> None:
        from .exchange_dialogs import ExportDialog, exportable

        if document is None or not exportable(document):
            self.status_label.setText(self._not_exportable())
            return
        exporting = ExportDialog(self.workspace, document, parent=self)
        exporting.accepted.connect(lambda: self._exported(exporting.saved))
        self.export_dialog: ExportDialog | None = exporting
        exporting.open()

    def _exported(self: MainWindow, path: Path | None) -> None:
        if path is not None:
            self.status_label.setText(
                QCoreApplication.translate("MainWindow", "Đã xuất gói edXML: %1").replace(
                    "%1", str(path)
                )
            )

    def inspect_package(self: MainWindow) -> None:
        """Tệp → Kiểm tra gói edXML…: a package read on this machine, shown line by line."""
        from .exchange_dialogs import PACKAGE_FILTER, InspectDialog

        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Chọn gói edXML để kiểm tra"),
            "",
            PACKAGE_FILTER,
        )
        if path:
            reading = InspectDialog(self.workspace, Path(path), parent=self)
            self.inspect_dialog: InspectDialog | None = reading
            reading.open()

    # -- help ----------------------------------------------------------------------------
    def show_legend(self: MainWindow) -> None:
        from ..models import CONTEXT, LEGEND

        rows = "".join(
            f'<tr><td style="background:{colour.name()}; width:36px">&nbsp;</td><td>&nbsp;{QCoreApplication.translate(CONTEXT, label)}</td></tr>'
            for _state, colour, label in LEGEND
        )
        QMessageBox.information(
            self,
            QCoreApplication.translate("MainWindow", "Chú thích màu"),
            QCoreApplication.translate(
                "MainWindow",
                "Màu của mỗi dòng theo hạn của chính phần việc của bạn (nếu có), không thì theo hạn của văn bản:",
            )
            + f"<table>{rows}</table>",
        )

    def show_shortcuts(self: MainWindow) -> None:
        lines = [
            (action.text(), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for action in self.actions_by_name.values()
            if not action.shortcut().isEmpty() and not action.objectName().startswith("page")
        ]
        lines.append((QCoreApplication.translate("MainWindow", "Mở văn bản đang chọn"), "Enter"))
        lines.append((QCoreApplication.translate("MainWindow", "Quay lại từ văn bản"), "Esc"))
        table = "".join(
            f"<tr><td>{t.replace('&', '')}</td><td><b>{k}</b></td></tr>" for t, k in lines
        )
        QMessageBox.information(
            self, QCoreApplication.translate("MainWindow", "Phím tắt"), f"<table>{table}</table>"
        )

    def show_about(self: MainWindow) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "Giới thiệu Văn thư số"),
            QCoreApplication.translate(
                "MainWindow",
                "Văn thư số — quản lý văn bản và điều hành, ký số theo Nghị định 30/2020/NĐ-CP.",
            ),
        )
