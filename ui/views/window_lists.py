# mypy: disable-error-code="misc, has-type"
"""What the main window does with a list: saved searches (Decree 30 App. VI III.6.e) kept on
the server for every machine, the list exported as shown (III.6.h), printing (III.6.i)."""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from client.cache.query import DocumentRow

from ..errors import show_error
from ..labels import number
from ..workers import run_task
from .document_list import ALL, QUEUE_KEYS

if TYPE_CHECKING:
    from .main_window import MainWindow

logger = logging.getLogger(__name__)

__all__ = ["EXPORT_LIMIT", "ListActionsMixin", "SAVED"]

SAVED = "saved:"
"""Navigation keys of saved searches: ``saved:<id>``."""
EXPORT_LIMIT = 50_000
"""Rows an exported list holds at most."""


class ListActionsMixin:
    """Methods of ``MainWindow`` (mixed in)."""

    # -- saved searches (III.6.e) --------------------------------------------------------
    def load_saved_searches(self: MainWindow) -> None:
        run_task(
            self.workspace.saved_searches,
            on_done=self._saved_arrived,
            on_error=lambda exc: logger.info("saved searches not read: %s", exc),
            owner=self,
        )

    def _saved_arrived(self: MainWindow, saved: list[Any]) -> None:
        self.saved = list(saved)
        self._fill_nav()

    def _saved_query(self: MainWindow) -> dict[str, Any]:
        values = self.list_page.filters()
        scope = values.pop("scope")
        values["queue"] = scope if scope in QUEUE_KEYS else None
        values["direction"] = scope if scope in ("incoming", "outgoing") else None
        values["columns"] = [
            self.list_page.model.column_key(c) for c in self.list_page.visible_columns()
        ]
        return values

    def _apply_saved(self: MainWindow, saved: Any) -> None:
        query = dict(saved.query)
        scope = query.get("queue") or query.get("direction") or ALL
        self.list_page.set_filters(query)
        self.list_page.show_scope(scope, saved.name)

    def save_search(self: MainWindow) -> None:
        """Keep the list's words and filters under a name, on the server (every machine)."""
        if self.stack.currentWidget() is not self.list_page:
            return  # Ctrl+S saves a list's search; elsewhere there is none
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Lưu tìm kiếm"),
            QCoreApplication.translate(
                "MainWindow", "Tên tìm kiếm (hiện ở cột bên trái, trên mọi máy bạn đăng nhập):"
            ),
            text=self.list_page.search.text().strip()[:60],
        )
        name = unicodedata.normalize("NFC", name.strip())
        if not ok or not name:
            return
        query = self._saved_query()

        def saved(entry: Any) -> None:
            self.saved = [s for s in self.saved if s.id != entry.id] + [entry]
            self._fill_nav()
            self.status_label.setText(
                QCoreApplication.translate("MainWindow", "Đã lưu tìm kiếm «%1»").replace(
                    "%1", entry.name
                )
            )

        run_task(
            self.workspace.save_search,
            name,
            query,
            on_done=saved,
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    def _nav_menu(self: MainWindow, position: QPoint) -> None:
        item = self.nav.itemAt(position)
        key = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""
        if not key.startswith(SAVED):
            return
        search_id = int(key.removeprefix(SAVED))
        menu = QMenu(self)
        menu.addAction(
            QCoreApplication.translate("MainWindow", "Đổi tên…"),
            lambda: self._rename_search(search_id),
        )
        menu.addAction(
            QCoreApplication.translate("MainWindow", "Xoá tìm kiếm đã lưu"),
            lambda: self._delete_search(search_id),
        )
        menu.popup(self.nav.viewport().mapToGlobal(position))

    def _rename_search(self: MainWindow, search_id: int) -> None:
        found = [s for s in self.saved if s.id == search_id]
        if not found:
            return
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Đổi tên tìm kiếm"),
            QCoreApplication.translate("MainWindow", "Tên mới:"),
            text=found[0].name,
        )
        name = unicodedata.normalize("NFC", name.strip())
        if ok and name:
            run_task(
                self.workspace.rename_search,
                search_id,
                name,
                on_done=lambda _r: self.load_saved_searches(),
                on_error=lambda exc: show_error(self, exc),
                owner=self,
            )

    def _delete_search(self: MainWindow, search_id: int) -> None:
        found = [s for s in self.saved if s.id == search_id]
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("MainWindow", "Xoá tìm kiếm đã lưu"),
            QCoreApplication.translate(
                "MainWindow", "Xoá «%1» khỏi mọi máy của bạn? Văn bản không bị ảnh hưởng."
            ).replace("%1", found[0].name if found else ""),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_task(
            self.workspace.delete_search,
            search_id,
            on_done=lambda _r: self.load_saved_searches(),
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    # -- export and print ------------------------------------------------------------------
    def export_list(self: MainWindow, path: Path | None = None) -> None:
        """The list as it is shown (its rows, its chosen columns) to PDF, DOCX or XLSX (III.6.h)."""
        if self.stack.currentWidget() is not self.list_page:
            self.status_label.setText(
                QCoreApplication.translate("MainWindow", "Hãy mở một danh sách văn bản để xuất.")
            )
            return
        if path is None:
            chosen, chosen_filter = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("MainWindow", "Xuất danh sách"),
                str(Path.home() / "danh-sach-van-ban.xlsx"),
                QCoreApplication.translate(
                    "MainWindow", "Bảng tính Excel (*.xlsx);;Văn bản Word (*.docx);;PDF (*.pdf)"
                ),
            )
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() not in (".xlsx", ".docx", ".pdf"):  # the type chosen
                wanted = next(
                    (f for f in (".xlsx", ".docx", ".pdf") if f in chosen_filter), ".xlsx"
                )
                path = path.with_name(path.name + wanted)
        page = self.list_page
        query = replace(page.current_query(), limit=EXPORT_LIMIT + 1)
        columns = [page.model.column_key(c) for c in page.visible_columns()]
        title = page.scope_name or page.plain_scope_title()
        shown = list(page.model.rows) if page.server_rows else None  # the server's answer
        target = path

        def export() -> tuple[Path, int, bool]:
            rows: list[DocumentRow] = (
                shown if shown is not None else list(self.workspace.search(query).rows)
            )
            cut = len(rows) > EXPORT_LIMIT
            rows = rows[:EXPORT_LIMIT]
            return self.workspace.export_list(rows, columns, target, title), len(rows), cut

        def done(result: tuple[Path, int, bool]) -> None:
            written, count, cut = result
            text = (
                QCoreApplication.translate("MainWindow", "Đã xuất %1 văn bản vào %2")
                .replace("%1", number(count))
                .replace("%2", str(written))
            )
            if cut:
                text += " — " + QCoreApplication.translate(
                    "MainWindow", "danh sách dài hơn, hãy thu hẹp bằng bộ lọc"
                )
            self.status_label.setText(text)
            self.last_export = written

        run_task(export, on_done=done, on_error=lambda exc: show_error(self, exc), owner=self)

    def print_current(self: MainWindow) -> None:
        """Ctrl+P: the open document, or the one selected in the list."""
        if self.stack.currentWidget() is not self.document_view:
            ids = self.list_page.selected_ids()
            if not ids:
                QMessageBox.information(
                    self,
                    QCoreApplication.translate("MainWindow", "In"),
                    QCoreApplication.translate("MainWindow", "Hãy chọn hoặc mở một văn bản để in."),
                )
                return
            self.open_document(ids[0], then=self._print_open)
            return
        self._print_open()

    def _print_open(self: MainWindow) -> None:
        printer = getattr(self.document_view, "print_document", None)
        if callable(printer):
            printer()
