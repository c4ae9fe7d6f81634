# mypy: disable-error-code="misc, has-type"
"""The main window's work with the server: steps and signing started from it, sync with its
progress in the status bar, the tray's news, and applying the settings."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

from client.cache.alerts import Alerts
from client.errors import ServerUnavailable
from client.records import Document
from services.workspace import PullOutcome
from signing.profiles import SigningProfile

from ..errors import describe, show_error
from ..i18n import apply_language
from ..labels import number, urgency_label
from ..settings import UiSettings, save_settings
from ..workers import Task, run_task

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .sign_dialog import SignDialog

logger = logging.getLogger(__name__)

__all__ = ["SyncMixin"]


class SyncMixin:
    """Methods of ``MainWindow`` (mixed in)."""

    sync_task: Task | None
    after_sync: list[Callable[[], object]]
    sign_dialog: SignDialog | None

    # -- actions -----------------------------------------------------------------------
    def _step_selected(self: MainWindow) -> None:
        if self.stack.currentWidget() is self.document_view and self.document_view.document:
            self.open_step(self.document_view.document.id)
            return
        ids = self._selected_ids()
        if ids:  # several selected: one step for all of them
            self.open_step(ids[0], ids[1:])

    def sign_selected(self: MainWindow) -> None:
        if self.stack.currentWidget() is self.document_view and self.document_view.document:
            self.sign_ids([self.document_view.document.id])
            return
        self.sign_ids(self._selected_ids())

    def sign_ids(self: MainWindow, ids: list[int]) -> None:
        """Open the signing dialog for these documents (read from the cache off the GUI thread)."""

        def load() -> tuple[list[Document], SigningProfile]:
            found = (self.workspace.document(i) for i in ids)
            return [d for d in found if d is not None and d.current_version], self.signing_profile()

        run_task(
            load,
            on_done=self._open_sign_dialog,
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    def _open_sign_dialog(self: MainWindow, loaded: tuple[list[Document], SigningProfile]) -> None:
        from .sign_dialog import SignDialog  # pyHanko/PyMuPDF load on first use, not at start-up

        documents, profile = loaded
        if not documents:
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Ký số"),
                QCoreApplication.translate("MainWindow", "Hãy chọn văn bản có tệp để ký."),
            )
            return
        dialog = SignDialog(self.workspace, documents, profile, self)
        dialog.finished.connect(lambda _r: self._signing_finished(dialog))
        dialog.open()
        self.sign_dialog = dialog

    def _signing_finished(self: MainWindow, dialog: SignDialog) -> None:
        """Pull the signed versions; the open document shows its new file and signatures."""
        signed = {r.document_id for r in dialog.results if r.ok}

        def after() -> None:
            self.document_view.refresh(signed)
            if dialog.reload_ids and dialog.reload_requested:
                self.sign_ids(dialog.reload_ids)

        self.sync_now(then=after)
        if not self.session.online:
            self.document_view.refresh(signed)  # offline: show "chờ gửi" now

    def _sync_clicked(self: MainWindow) -> None:
        """The button syncs, or stops a sync in progress (it resumes from the last page next time)."""
        if self.sync_task is not None:
            self.sync_task.cancel.set()
        else:
            self.sync_now()

    def sync_now(self: MainWindow, then: Callable[[], object] | None = None) -> None:
        """Sync in a worker; ``then`` runs after this sync (or the one already running) succeeds."""
        if then is not None:
            self.after_sync.append(then)
        if self.sync_task is not None:
            return
        self.status_label.setText(QCoreApplication.translate("MainWindow", "Đang đồng bộ…"))
        self.list_page.sync_button.setText(QCoreApplication.translate("MainWindow", "Dừng đồng bộ"))

        def done(result: PullOutcome) -> None:
            self._sync_ended()
            self._synced(result)
            if "settings" in self._pages:
                self.settings_view.trust.reload()  # the organisation's list came with the sync
            pending, self.after_sync = self.after_sync, []
            for action in pending:
                action()

        def failed(exc: Exception) -> None:
            self._sync_ended()
            self.after_sync.clear()  # e.g. re-signing after a 409 needs the newest version first
            self._sync_failed(exc)

        self.sync_task = run_task(
            self.workspace.sync_now,
            on_done=done,
            on_error=failed,
            on_progress=lambda done, _pages: self.status_label.setText(
                QCoreApplication.translate("MainWindow", "Đang đồng bộ… %1 thay đổi").replace(
                    "%1", number(done)
                )
            ),
            owner=self,
        )

    def _sync_ended(self: MainWindow) -> None:
        self.sync_task = None
        self.list_page.sync_button.setText(QCoreApplication.translate("MainWindow", "Đồng bộ"))

    def _notify(self: MainWindow, alerts: Alerts) -> None:
        """Tray news: new urgent incoming documents, deadlines due today."""
        self.last_alerts = alerts
        if not alerts or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        lines = [
            f"{urgency_label(d.urgency)}: {d.number_symbol} — {d.subject[:80]}"
            for d in alerts.urgent[:3]
        ]
        if len(alerts.urgent) > 3:
            lines.append(
                QCoreApplication.translate("MainWindow", "… và %1 văn bản khẩn khác").replace(
                    "%1", str(len(alerts.urgent) - 3)
                )
            )
        lines += [
            QCoreApplication.translate("MainWindow", "Đơn vị gửi đã thu hồi hoặc thay thế: %1 — %2")
            .replace("%1", d.number_symbol)
            .replace("%2", d.subject[:80])
            for d in alerts.withdrawn[:3]
        ]
        if alerts.due_today:
            lines.append(
                QCoreApplication.translate(
                    "MainWindow", "%1 văn bản đến hạn giải quyết hôm nay"
                ).replace("%1", str(alerts.due_today))
            )
        title = (
            QCoreApplication.translate("MainWindow", "Văn bản khẩn mới")
            if alerts.urgent
            else QCoreApplication.translate("MainWindow", "Văn bản bị thu hồi")
            if alerts.withdrawn
            else QCoreApplication.translate("MainWindow", "Hạn giải quyết")
        )
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if alerts.urgent or alerts.withdrawn
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.tray.showMessage(title, "\n".join(lines), icon, 8000)

    def _synced(self: MainWindow, outcome: PullOutcome) -> None:
        self._notify(outcome.alerts)
        total = outcome.documents
        if outcome.conflicts and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.showMessage(
                QCoreApplication.translate("MainWindow", "Xung đột phiên bản"),
                outcome.conflicts[0].error,
                QSystemTrayIcon.MessageIcon.Warning,
                8000,
            )
        self.refresh_counts()
        when = dt.datetime.now().strftime("%H:%M")
        text = (
            QCoreApplication.translate(
                "MainWindow", "Trực tuyến — đồng bộ lúc %1 — %2 văn bản trên máy"
            )
            .replace("%1", when)
            .replace("%2", number(total))
        )
        if outcome.conflicts:  # kept in the outbox until the user redoes them on the new version
            text += " — " + QCoreApplication.translate(
                "MainWindow", "%1 thao tác xung đột, cần làm lại trên bản mới"
            ).replace("%1", str(len(outcome.conflicts)))
        self.status_label.setText(text)
        self.load_saved_searches()  # made on another machine meanwhile
        if self.stack.currentWidget() is self.list_page and not self.list_page.server_rows:
            self.apply_filters()

    def _sync_failed(self: MainWindow, exc: Exception) -> None:
        if isinstance(exc, ServerUnavailable):
            self.status_label.setText(
                QCoreApplication.translate("MainWindow", "Ngoại tuyến — đang dùng dữ liệu trên máy")
            )
        else:
            self.status_label.setText(": ".join(describe(exc)))
        self.refresh_counts()
        if self.stack.currentWidget() is self.list_page and not self.list_page.server_rows:
            self.apply_filters()

    def _upload_finished(self: MainWindow, name: str, ok: bool) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.showMessage(
                QCoreApplication.translate("MainWindow", "Tải lên"),
                name,
                QSystemTrayIcon.MessageIcon.Information
                if ok
                else QSystemTrayIcon.MessageIcon.Warning,
                3000,
            )

    def apply_settings(self: MainWindow, settings: UiSettings) -> None:
        """The settings page's choices, applied when the user confirmed them."""
        language_changed = settings.language != self.settings.language
        self.settings = settings
        save_settings(self.settings)
        uploads = self._pages.get("uploads")
        if uploads is not None:
            uploads.folder.setText(settings.watch_folder)  # type: ignore[attr-defined]
        apply_language(settings.language)
        self.retranslate()
        if language_changed:  # every page and dialog anew in the new language
            self.relaunch_requested.emit()

    def _upload_folder_chosen(self: MainWindow, folder: str) -> None:
        """A folder chosen on the upload page is the machine's watched folder from now on."""
        self.settings = replace(self.settings, watch_folder=folder)
        save_settings(self.settings)
        if "settings" in self._pages:
            self.settings_view.set_watch_folder(folder)
