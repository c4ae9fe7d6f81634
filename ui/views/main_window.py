"""The main window: it only wires the pages together — the navigation (work queues, saved
searches, pages), the list page with its reading pane, the document view and the other pages,
which are made on first use — and holds the menu bar, the way back, sync and sign-out."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QWidget,
)

from base.steps import WORK_ENDING_STEPS, Step
from client.cache.alerts import Alerts
from client.cache.query import DocumentQuery, DocumentRow
from client.cache.queues import UPLOAD_QUEUES, Queue
from client.records import Colleague, Document, Organisation
from services.watching import FAILED, WAITING
from services.workspace import Workspace
from signing.profiles import SigningProfile, get_profile

from ..app_icon import app_icon
from ..errors import describe, show_error
from ..labels import number, queue_label, status_label, step_label
from ..layout_store import layout_settings
from ..models import DocumentTableModel
from ..settings import UiSettings
from ..workers import Task, run_task
from .document_list import DocumentListPage
from .document_view import DocumentView
from .draft_dialog import DraftDialog
from .incoming_dialog import IncomingDialog
from .step_dialog import StepDialog
from .window_lists import SAVED, ListActionsMixin
from .window_menus import MenusMixin
from .window_records import RECORD_QUEUES, RecordsMixin
from .window_sync import SyncMixin

if TYPE_CHECKING:
    from .accounts import AccountsView
    from .audit_view import AuditView
    from .exchange_admin import ExchangeAdminView
    from .exchange_dialogs import ExportDialog, ImportDialog, InspectDialog
    from .reports_view import ReportsView
    from .settings_view import SettingsView
    from .sign_dialog import SignDialog
    from .uploads import UploadsView

__all__ = ["MainWindow"]

UNDO_COMMENT = "Hoàn tác ngay sau khi làm"
"""Kept on the server with the step, in the record's language whatever the UI's."""

logger = logging.getLogger(__name__)

PAGES = ("incoming", "outgoing", "uploads", "settings")
"""The pages after the role's work queues (``Workspace.queues``), which come first."""

QUEUE_ICONS = {
    Queue.TO_REGISTER: QStyle.StandardPixmap.SP_FileDialogNewFolder,
    Queue.TO_DIRECT: QStyle.StandardPixmap.SP_ArrowForward,
    Queue.MY_WORK: QStyle.StandardPixmap.SP_FileDialogDetailedView,
    Queue.DUE_SOON: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Queue.OVERDUE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Queue.DRAFTS: QStyle.StandardPixmap.SP_FileIcon,
    Queue.TO_SIGN: QStyle.StandardPixmap.SP_DialogApplyButton,
    Queue.TO_ISSUE: QStyle.StandardPixmap.SP_DialogSaveButton,
    Queue.ISSUED: QStyle.StandardPixmap.SP_DialogYesButton,
    Queue.SCANS_WAITING: QStyle.StandardPixmap.SP_FileDialogListView,
    Queue.UPLOADS_FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
PAGE_ICONS = {
    "incoming": QStyle.StandardPixmap.SP_ArrowDown,
    "outgoing": QStyle.StandardPixmap.SP_ArrowUp,
    "uploads": QStyle.StandardPixmap.SP_DriveNetIcon,
    "reports": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "accounts": QStyle.StandardPixmap.SP_DirHomeIcon,
    "audit": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "exchange": QStyle.StandardPixmap.SP_BrowserReload,
    "case_files": QStyle.StandardPixmap.SP_DirClosedIcon,
    "case_files_due": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "case_files_awaiting": QStyle.StandardPixmap.SP_DirOpenIcon,
    "settings": QStyle.StandardPixmap.SP_ComputerIcon,
}
QUEUE_PAGES = frozenset(q.value for q in Queue)
LIST_PAGES = QUEUE_PAGES | {"incoming", "outgoing"}
COUNTS_EVERY_MS = 60_000
"""The queue counts are read again after every sync and step, and at least this often
(a deadline becomes "overdue" at midnight without any change on the server)."""


def default_size(available: QRect) -> QSize | None:
    """The first window's size on this screen; None: maximise (a laptop-sized screen)."""
    if available.width() <= 1440 or available.height() <= 900:
        return None
    return QSize(
        min(1600, int(available.width() * 0.85)), min(1000, int(available.height() * 0.85))
    )


def fits_screen(frame: QRect, available: QRect) -> bool:
    """A remembered window that is on this screen and big enough for its list."""
    big_enough = frame.width() >= min(1000, available.width()) and frame.height() >= min(
        600, available.height()
    )
    return big_enough and available.intersected(frame).width() >= frame.width() * 0.8


class MainWindow(MenusMixin, ListActionsMixin, SyncMixin, RecordsMixin, QMainWindow):
    signed_out = Signal()
    """The user signed out: the application shows the sign-in again."""
    relaunch_requested = Signal()
    """The language changed: the application opens a new window in it (``ui.app.relaunch``)."""

    def __init__(self, workspace: Workspace, settings: UiSettings) -> None:
        super().__init__()
        self.workspace, self.settings = workspace, settings
        if settings.watch_folder:  # its upload queue is the archivist's queues
            workspace.watch_folder = Path(settings.watch_folder)
        self.session = workspace.session
        self.setObjectName("mainWindow")
        self.signing_out = False
        self.relaunching = False
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(170)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)
        self.nav.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.nav.customContextMenuRequested.connect(self._nav_menu)
        self.list_page = DocumentListPage(workspace)
        self.list_page.open_requested.connect(self.open_document)
        self.list_page.step_requested.connect(
            lambda doc_id, others, step: self.open_step(doc_id, others, step)
        )
        self.list_page.sign_requested.connect(self.sign_ids)
        self.list_page.scope_widened.connect(self._widened)
        self.list_page.save_search_requested.connect(self.save_search)
        self.list_page.file_requested.connect(self.file_documents)
        self.list_page.register_button.clicked.connect(lambda: self.register_incoming())
        self.list_page.draft_button.clicked.connect(self.new_draft)
        self.list_page.sync_button.clicked.connect(self._sync_clicked)
        self.list_page.model.failed.connect(self._list_failed)
        self.incoming_dialog: IncomingDialog | None = None
        self.setAcceptDrops(workspace.may_register())  # a PDF dropped here is registered
        self.draft_dialog: DraftDialog | None = None
        self.sync_task: Task | None = None
        self.after_sync: list[Callable[[], object]] = []
        self.sign_dialog: SignDialog | None = None
        self.document_view = DocumentView(workspace, self.signing_profile)
        self.document_view.sign_requested.connect(lambda doc_id: self.sign_ids([doc_id]))
        self.document_view.step_requested.connect(self.open_step)
        self.document_view.step_chosen.connect(
            lambda doc_id, step: self.open_step(doc_id, (), step)
        )
        self.document_view.back_requested.connect(self.back)
        self.step_dialog: StepDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.inspect_dialog: InspectDialog | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.document_view)
        self._pages: dict[str, QWidget] = {}
        """Pages made on first use (their libraries load then, not at start-up)."""
        self.queues = workspace.queues()
        self.counts: dict[Queue, int] = {}
        self.saved: list[Any] = []
        """The user's saved searches, as the server (or this machine, offline) keeps them."""
        self.pages = [queue.value for queue in self.queues] + list(PAGES)
        if workspace.account_admin() is not None:  # administrators only
            self.pages.insert(self.pages.index("settings"), "accounts")
            self.pages.insert(self.pages.index("settings"), "audit")
        if workspace.exchange.may_administer():  # the organisation's exchange (Liên thông)
            self.pages.insert(self.pages.index("settings"), "exchange")
        from services.reports.tables import may_report  # the writers load with their page

        if may_report(self.session.user.role):  # clerks, leaders, administrators
            self.pages.insert(self.pages.index("uploads"), "reports")
        self.due_notice = ""
        """The last transfer-deadline warning told (III.5.b), as the status line said it."""
        self._add_record_pages()
        self.history: list[tuple[str, int | str]] = []
        """Where Back goes: ("page", key), ("document", id) or ("list", "") for the list as it
        was (every document, the server's answer); newest last."""
        self._going_back = False
        self._shown_key: str | None = None
        """The navigation entry on screen (None: every document, no entry current)."""
        self.split = QSplitter()
        self.split.setObjectName("mainSplit")
        self.split.addWidget(self.nav)
        self.split.addWidget(self.stack)
        self.split.setStretchFactor(1, 1)
        self.split.setCollapsible(1, False)
        self.setCentralWidget(self.split)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusText")
        self.user_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.tray = QSystemTrayIcon(app_icon(), self)
        self.tray.activated.connect(lambda _reason: self._bring_to_front())
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self.last_alerts = Alerts()
        self.counts_timer = QTimer(self, interval=COUNTS_EVERY_MS)
        self.counts_timer.timeout.connect(self.refresh_counts)
        self.counts_timer.start()
        self.actions_by_name: dict[str, QAction] = {}
        self._build_menus()
        self.retranslate()
        self.nav.setCurrentRow(0)
        self.show_page(0)  # the first work queue of the role (else all incoming)
        self.refresh_counts()
        self.load_saved_searches()
        self._restore_geometry()
        self.sync_now()

    # -- the list page's parts, for callers that knew the single window ------------------
    @property
    def model(self) -> DocumentTableModel:
        return self.list_page.model

    @property
    def table(self) -> QTableView:
        return self.list_page.table

    @property
    def search(self) -> QLineEdit:
        return self.list_page.search

    @property
    def status_filter(self) -> QComboBox:
        return self.list_page.status_filter

    @property
    def sync_button(self) -> Any:
        return self.list_page.sync_button

    @property
    def register_button(self) -> Any:
        return self.list_page.register_button

    @property
    def draft_button(self) -> Any:
        return self.list_page.draft_button

    @property
    def sign_button(self) -> Any:
        return self.list_page.sign_button

    def current_query(self) -> DocumentQuery:
        return self.list_page.current_query()

    def apply_filters(self) -> None:
        self.list_page.apply_filters()

    # -- pages made on first use -------------------------------------------------------------
    def _page(self, key: str) -> QWidget:
        page = self._pages.get(key)
        if page is None:
            page = self._make_page(key)
            self._pages[key] = page
            self.stack.addWidget(page)
        return page

    def _make_page(self, key: str) -> QWidget:
        if key == "uploads":
            from .uploads import UploadsView

            uploads = UploadsView(self.workspace)
            uploads.folder.setText(self.settings.watch_folder)
            uploads.finished_file.connect(self._upload_finished)
            uploads.open_document.connect(self.open_document)
            uploads.folder_changed.connect(self._upload_folder_chosen)
            return uploads
        if key == "settings":
            from .settings_view import SettingsView

            view = SettingsView(
                replace(self.settings, server=self.session.client.base_url),
                can_manage_trust=self.workspace.account_admin() is not None,
            )
            view.changed.connect(self.apply_settings)
            return view
        if key == "reports":
            from .reports_view import ReportsView

            return ReportsView(self.session)
        if key == "accounts":
            from .accounts import AccountsView

            admin = self.workspace.account_admin()
            assert admin is not None
            return AccountsView(admin)
        if key == "audit":
            from .audit_view import AuditView

            trail = self.workspace.audit_trail()
            assert trail is not None
            return AuditView(trail)
        if key == "exchange":
            from .exchange_admin import ExchangeAdminView

            return ExchangeAdminView(self.workspace.exchange)
        if key == "case_files":
            return self._make_case_files()
        raise KeyError(key)

    @property
    def uploads(self) -> UploadsView:
        return self._page("uploads")  # type: ignore[return-value]

    @property
    def settings_view(self) -> SettingsView:
        return self._page("settings")  # type: ignore[return-value]

    @property
    def reports(self) -> ReportsView | None:
        return self._page("reports") if "reports" in self.pages else None  # type: ignore[return-value]

    @property
    def accounts(self) -> AccountsView | None:
        return self._page("accounts") if "accounts" in self.pages else None  # type: ignore[return-value]

    @property
    def audit(self) -> AuditView | None:
        return self._page("audit") if "audit" in self.pages else None  # type: ignore[return-value]

    @property
    def exchange_admin(self) -> ExchangeAdminView | None:
        return self._page("exchange") if "exchange" in self.pages else None  # type: ignore[return-value]

    def _list_failed(self, exc: Exception) -> None:
        self.status_label.setText(": ".join(describe(exc)))

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Văn thư số"))
        self.tray.setToolTip(self.tr("Văn thư số"))
        self._fill_nav()
        self._retranslate_menus()
        self.list_page.retranslate()
        self.list_page.sync_button.setText(
            self.tr("Dừng đồng bộ") if self.sync_task else self.tr("Đồng bộ")
        )
        self.user_label.setText(f"{self.session.user.full_name} — {self.session.user.title}")
        for page in self._pages.values():
            retranslate = getattr(page, "retranslate", None)
            if callable(retranslate):
                retranslate()

    def _nav_keys(self) -> list[str]:
        """The navigation in order: the role's queues, the saved searches, then the pages."""
        first = QUEUE_PAGES | RECORD_QUEUES.keys()
        queues = [p for p in self.pages if p in first]
        rest = [p for p in self.pages if p not in first]
        return queues + [f"{SAVED}{s.id}" for s in self.saved] + rest

    def _fill_nav(self) -> None:
        current = self.current_page()
        self.nav.blockSignals(True)
        self.nav.clear()
        style = self.style()
        for key in self._nav_keys():
            if key.startswith(SAVED):
                icon = QStyle.StandardPixmap.SP_FileDialogContentsView
            elif key in QUEUE_PAGES:
                icon = QUEUE_ICONS.get(Queue(key), QStyle.StandardPixmap.SP_FileIcon)
            else:
                icon = PAGE_ICONS[key]
            item = QListWidgetItem(QIcon(style.standardIcon(icon)), self._page_name(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            if key in self.pages and self.pages.index(key) < 9:
                item.setToolTip(f"Ctrl+{self.pages.index(key) + 1}")
            self.nav.addItem(item)
        keys = self._nav_keys()
        shown = self._shown_key if self._shown_key is not None else current
        self.nav.setCurrentRow(keys.index(shown) if shown in keys else -1)  # none: "all"
        self.nav.blockSignals(False)
        self._show_counts_in_nav()

    def _page_name(self, page: str) -> str:
        if page.startswith(SAVED):
            found = [s for s in self.saved if f"{SAVED}{s.id}" == page]
            return "★ " + found[0].name if found else page
        if page in QUEUE_PAGES:
            return queue_label(Queue(page))
        if page.startswith("case_files"):
            return self.record_page_name(page)
        return {
            "incoming": self.tr("Văn bản đến"),
            "outgoing": self.tr("Văn bản đi"),
            "uploads": self.tr("Tải lên"),
            "reports": self.tr("Báo cáo, sổ"),
            "accounts": self.tr("Tài khoản"),
            "audit": self.tr("Nhật ký hệ thống"),
            "exchange": self.tr("Liên thông"),
            "settings": self.tr("Cài đặt"),
        }[page]

    # -- work queues ---------------------------------------------------------------------
    def refresh_counts(self) -> None:
        """Read the queue counts and the steps waiting to be sent, in a worker."""

        def load() -> tuple[dict[Queue, int], set[int], Any]:
            return (
                self.workspace.queue_counts(),
                set(self.workspace.pending_steps()),
                self._record_counts(),
            )

        run_task(load, on_done=self._counts_arrived, on_error=self._list_failed, owner=self)

    def _counts_arrived(self, loaded: tuple[dict[Queue, int], set[int], Any]) -> None:
        self.counts, pending, (record_counts, due) = loaded
        self.list_page.model.set_pending(pending)
        self._record_counts_arrived(record_counts, due)
        self._show_counts_in_nav()

    def _show_counts_in_nav(self) -> None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            page = item.data(Qt.ItemDataRole.UserRole)
            if page in RECORD_QUEUES:
                count = self.record_counts.get(page, 0)
            elif page in QUEUE_PAGES:
                count = self.counts.get(Queue(page), 0)
            else:
                continue
            name = self._page_name(page)
            item.setText(f"{name} ({number(count)})" if count else name)
            font = item.font()
            font.setWeight(QFont.Weight.Bold if count else QFont.Weight.Normal)
            item.setFont(font)

    def show_named(self, page: str) -> None:
        """Go to a page by its key ("incoming", "my_work", "settings", "saved:3"…)."""
        row = self._nav_keys().index(page)
        if self.nav.currentRow() == row:  # already the current entry: show it again
            self._nav_changed(row)
        else:
            self.nav.setCurrentRow(row)

    def current_page(self) -> str:
        item = self.nav.currentItem()
        if item is None:
            return self._shown_key or self.pages[0]
        return str(item.data(Qt.ItemDataRole.UserRole))

    # -- navigation and the way back ----------------------------------------------------
    def _remember_here(self) -> None:
        """Note where the user is now, before going elsewhere (what Back returns to)."""
        if self._going_back:
            return
        here: tuple[str, int | str]
        if self.stack.currentWidget() is self.document_view and self.document_view.document:
            here = ("document", self.document_view.document.id)
        elif self.stack.currentWidget() is self.list_page and self._shown_key is None:
            here = ("list", "")  # every document, or the server's answer: as it is
        elif self._shown_key is not None:
            here = ("page", self._shown_key)
        else:
            return
        if not self.history or self.history[-1] != here:
            self.history.append(here)
        del self.history[:-50]

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        self._remember_here()
        self.show_page(row)

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        """A click on the entry already current (e.g. from a document): show its page."""
        if self.stack.currentWidget() is self.document_view or self._shown_key != str(
            item.data(Qt.ItemDataRole.UserRole)
        ):
            self._nav_changed(self.nav.row(item))

    def show_page(self, row: int) -> None:
        page = str(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
        came_from_saved = (self._shown_key or "").startswith(SAVED)
        self._shown_key = page
        if page.startswith(SAVED):
            found = [s for s in self.saved if f"{SAVED}{s.id}" == page]
            if found:
                self._apply_saved(found[0])
            self.stack.setCurrentWidget(self.list_page)
        elif page in UPLOAD_QUEUES:  # files, not documents: the uploads page, narrowed
            uploads = self.uploads
            self.stack.setCurrentWidget(uploads)
            uploads.show_states(WAITING if page == Queue.SCANS_WAITING else FAILED)
        elif page == "uploads" and "uploads" in self._pages:
            self.stack.setCurrentWidget(self.uploads)
            self.uploads.show_states(None)  # every file again
        elif page in RECORD_QUEUES or page == "case_files":
            self._show_record_page(page)
        elif page in LIST_PAGES:
            if came_from_saved:  # a saved search's words and filters stay with it
                self.list_page.set_filters({})
            self.stack.setCurrentWidget(self.list_page)
            self.list_page.show_scope(page)
        else:
            widget = self._page(page)
            self.stack.setCurrentWidget(widget)
            if page == "accounts" and not getattr(widget, "accounts", True):
                widget.reload()  # type: ignore[attr-defined]
            if page == "audit" and not getattr(widget, "entries", True):
                widget.load()  # type: ignore[attr-defined]
            if page == "exchange":  # what waits changes by itself: read again at each visit
                widget.reload()  # type: ignore[attr-defined]

    def back(self) -> None:
        """Alt+←, Esc in a document: where the user was before (the list keeps its selection)."""
        keys = self._nav_keys()
        while self.history:
            kind, value = self.history.pop()
            if kind == "page" and value not in keys:
                continue  # a saved search deleted meanwhile
            self._going_back = True
            try:
                if kind == "document":
                    self.open_document(int(value), remember=False)
                elif kind == "list":
                    self.stack.setCurrentWidget(self.list_page)
                else:
                    row = keys.index(str(value))
                    self.nav.blockSignals(True)
                    self.nav.setCurrentRow(row)
                    self.nav.blockSignals(False)
                    self.show_page(row)
                if self.stack.currentWidget() is self.list_page:
                    self.list_page.table.setFocus()
            finally:
                self._going_back = False
            return
        if self.stack.currentWidget() is self.document_view:
            self.stack.setCurrentWidget(self.list_page)

    def _escape_in_document(self) -> None:
        closer = getattr(self.document_view, "close_find", None)
        if callable(closer) and closer():
            return  # Esc first closes the find bar of the PDF
        self.back()

    def _widened(self) -> None:
        """The list now shows every document: no navigation entry is the current one."""
        self._remember_here()
        self._shown_key = None
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)

    def find(self) -> None:  # type: ignore[override]  # Ctrl+F, not QWidget.find(id)
        """Ctrl+F: in a document, the PDF's text; in a list, the list (never another list)."""
        if self.stack.currentWidget() is self.document_view:
            finder = getattr(self.document_view, "find", None)
            if callable(finder):
                finder()
            return
        if self.stack.currentWidget() is not self.list_page:
            self.show_named("incoming" if "incoming" in self.pages else self.pages[0])
        self.list_page.find()

    def find_everywhere(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.list_page.widen()
        self.list_page.find()

    def _toggle_preview(self) -> None:
        self.list_page.preview.setVisible(self.actions_by_name["preview"].isChecked())

    def _columns_menu(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        header = self.list_page.table.horizontalHeader()
        self.list_page._columns_menu(QPoint(10, header.height() // 2))

    # -- signing out ---------------------------------------------------------------------
    def sign_out(self) -> None:
        """End this sign-in — the token revoked on the server, forgotten here — and show the
        sign-in again (another account, or the same later)."""
        if getattr(self._pages.get("uploads"), "engine", None) is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Đăng xuất"),
                self.tr("Thư mục theo dõi đang tải lên sẽ dừng. Vẫn đăng xuất?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self.sync_task is not None:
            self.sync_task.cancel.set()
        self.status_label.setText(self.tr("Đang đăng xuất…"))
        from services.session import sign_out

        run_task(sign_out, self.session.client, on_done=self._signed_out, owner=self)

    def _signed_out(self, revoked: bool) -> None:
        if not revoked:  # offline, or the server did not answer: say what still holds
            QMessageBox.warning(
                self,
                self.tr("Đăng xuất"),
                self.tr(
                    "Máy chủ chưa xác nhận đăng xuất: phiên đăng nhập trên máy chủ còn hiệu lực "
                    "đến khi hết hạn. Thông tin đăng nhập trên máy này đã được xoá."
                ),
            )
        self.signing_out = True
        self.close()

    # -- documents -------------------------------------------------------------------------
    def _selected_ids(self) -> list[int]:
        return self.list_page.selected_ids()

    def _open_selected(self) -> None:
        ids = self._selected_ids()
        if ids:
            self.open_document(ids[0])

    def _step(self, delta: int) -> None:
        table, model = self.list_page.table, self.list_page.model
        row = table.currentIndex().row() + delta
        if 0 <= row < model.rowCount():
            table.selectRow(row)
            self.open_document(model.row_at(row).id, remember=False)

    def open_document(
        self,
        document_id: int,
        remember: bool = True,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Read the document from the cache in a worker, then show it."""

        def show(document: Document | None) -> None:
            if document is None:
                return
            if remember:
                self._remember_here()
            self.stack.setCurrentWidget(self.document_view)
            self.document_view.show_document(document)
            if then is not None:
                then()

        def read() -> Document | None:  # not cached yet (a scan just uploaded): the server's
            return self.workspace.document(document_id) or self.workspace.current_document(
                document_id
            )

        def missing(document: Document | None) -> None:
            if document is None:
                self.status_label.setText(
                    self.tr(
                        "Không mở được văn bản: không còn trên máy chủ hoặc bạn không được xem."
                    )
                )
            show(document)

        run_task(read, on_done=missing, on_error=lambda exc: show_error(self, exc), owner=self)

    def open_step(
        self, document_id: int, others: Sequence[int] = (), step: Step | None = None
    ) -> None:
        """The workflow step dialog for one document, or for several at once (``others``),
        started on ``step`` when the user chose one: colleagues, organisations and the
        documents are read off the GUI thread first."""

        Loaded = tuple[list[Document], list[Colleague], list[Organisation], tuple[DocumentRow, ...]]

        def load() -> Loaded:
            found = (self.workspace.document(i) for i in (document_id, *others))
            documents = [d for d in found if d is not None]
            replaceable = (
                self.workspace.replaceable()
                if len(documents) == 1 and documents[0].status == "numbered"
                else ()
            )
            return (
                documents,
                self.workspace.colleagues(),
                self.workspace.organisations(),
                replaceable,
            )

        def show(found: Loaded) -> None:
            documents, colleagues, organisations, replaceable = found
            if not documents:
                return
            first = documents[0]
            if (
                len(documents) == 1
                and (first.direction, first.status) == ("incoming", "arrived")
                and self.workspace.may_register()
                and step in (None, Step.REGISTER)  # refusing it is the step dialog's
            ):  # registering is checking the fields: the registration form
                self.incoming_dialog = IncomingDialog(self.workspace, parent=self, existing=first)
                self.incoming_dialog.accepted.connect(self._incoming_registered)
                self.incoming_dialog.open()
                return
            if self.step_dialog is not None:  # the last one is freed when the next opens
                self.step_dialog.deleteLater()
            self.step_dialog = StepDialog(
                self.workspace,
                documents[0],
                colleagues,
                organisations,
                parent=self,
                replaceable=replaceable,
                others=documents[1:],
            )
            if step is not None:  # the step the user chose in the reading pane or the menu
                index = self.step_dialog.step.findData(Step(step).value)
                if index >= 0:
                    self.step_dialog.step.setCurrentIndex(index)
                else:  # the document moved on since the button was shown
                    self.status_label.setText(
                        self.tr("Bước «%1» không còn làm được trên văn bản này.").replace(
                            "%1", step_label(step)
                        )
                    )
            dialog = self.step_dialog
            dialog.finished.connect(lambda _result: self._step_taken(dialog))
            self.step_dialog.open()

        run_task(load, on_done=show, on_error=lambda exc: show_error(self, exc), owner=self)

    def register_incoming(self, file: Path | None = None) -> None:
        """The registration form for an incoming document (a clerk's), prefilled from ``file``."""
        if not self.workspace.may_register():
            return
        self.incoming_dialog = IncomingDialog(self.workspace, file, parent=self)
        self.incoming_dialog.accepted.connect(self._incoming_registered)
        self.incoming_dialog.open()

    def _incoming_registered(self) -> None:
        outcome = self.incoming_dialog.outcome if self.incoming_dialog else None
        if outcome is None:
            return
        if outcome.document is not None and not outcome.queued:
            self.open_document(outcome.document.id)
            self.status_label.setText(
                self.tr("Đã vào sổ: số đến %1").replace(
                    "%1", str(outcome.document.arrival_number or "")
                )
            )
        else:
            self.status_label.setText(
                self.tr("Ngoại tuyến — văn bản chờ gửi, sẽ vào sổ khi có mạng (Chờ vào sổ)")
            )
        self.apply_filters()
        self.refresh_counts()

    @staticmethod
    def _dropped_pdfs(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [
            Path(u.toLocalFile())
            for u in urls
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".pdf")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.workspace.may_register() and self._dropped_pdfs(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_pdfs(event)
        if not files:
            return
        event.acceptProposedAction()
        if len(files) > 1:
            self.status_label.setText(
                self.tr(
                    "Vào sổ từng văn bản một: mở %1 trước. Nhiều bản quét: dùng thư mục theo dõi."
                ).replace("%1", files[0].name)
            )
        self.register_incoming(files[0])

    def new_draft(self) -> None:
        """The new-draft dialog (specialists and clerks); the draft opens once created."""
        if not self.workspace.may_draft():
            return
        self.draft_dialog = DraftDialog(self.workspace, parent=self)
        self.draft_dialog.accepted.connect(self._draft_created)
        self.draft_dialog.open()

    def _draft_created(self) -> None:
        outcome = self.draft_dialog.outcome if self.draft_dialog else None
        if outcome is None:
            return
        if outcome.document is not None:
            self.open_document(outcome.document.id)
            self.status_label.setText(
                self.tr("Đã tạo dự thảo: %1").replace("%1", outcome.document.subject[:80])
            )
        else:
            self.status_label.setText(self.tr("Ngoại tuyến — dự thảo chờ gửi khi có mạng"))
        self.apply_filters()
        self.refresh_counts()

    def _show_changed(self, document: Document) -> None:
        """A step changed ``document``: the open view and the reading pane show it anew (a
        hidden view is left alone: nothing is fetched or recorded for nobody)."""
        shown = self.document_view.document
        if self.stack.currentWidget() is self.document_view and shown and shown.id == document.id:
            self.document_view.show_document(document)
        self.list_page.refresh_preview(document)

    def _step_taken(self, dialog: StepDialog) -> None:
        if dialog.result_document is None:
            return
        document = dialog.result_document
        if dialog.batch is None:
            self._show_changed(document)
        self.apply_filters()  # the list shows the new status at once
        self.refresh_counts()
        if dialog.batch is not None:
            message = (
                self.tr("Đã thực hiện: %1 văn bản; chờ gửi: %2; không thực hiện được: %3")
                .replace("%1", str(len(dialog.batch.done)))
                .replace("%2", str(len(dialog.batch.queued)))
                .replace("%3", str(len(dialog.batch.failed)))
            )
            self.status_label.setText(message)
            self.list_page.show_done(message, None)
            return
        if getattr(dialog, "queued", False):
            message = self.tr("Ngoại tuyến — thao tác đã lưu, chờ gửi khi có mạng")
            self.status_label.setText(message)
            self.list_page.show_done(message, document.id)
            return
        done = getattr(dialog, "done_message", "") or self.tr("Đã thực hiện")
        place = (
            self.tr("Văn bản %1 hiện ở trạng thái «%2».")
            .replace("%1", document.number_symbol or f"“{document.subject[:40]}”")
            .replace("%2", status_label(document.status))
        )
        message = f"{done}. {place}"
        self.status_label.setText(message)
        ended = dialog.taken_step in WORK_ENDING_STEPS and self.workspace.records.may_open_files
        self.list_page.show_done(
            message, document.id, self._undo_for(dialog, document), offer_file=ended
        )

    def _undo_for(self, dialog: StepDialog, document: Document) -> Callable[[], object] | None:
        """Undo, where the workflow has a step that takes this one back (recall, reopen)."""
        undo: Step | None = dialog.undo  # only a step this user may take on it right now
        if undo is None:
            return None
        from services.workflow import StepInput

        def run() -> None:
            def done(outcome: Any) -> None:
                self.apply_filters()
                self.refresh_counts()
                changed = getattr(outcome, "document", None)
                if changed is not None:
                    self._show_changed(changed)
                self.status_label.setText(
                    self.tr("Ngoại tuyến — hoàn tác chờ gửi khi có mạng")
                    if getattr(outcome, "queued", False)
                    else self.tr("Đã hoàn tác: %1").replace("%1", step_label(undo))
                )

            run_task(
                self.workspace.take_step,
                document,
                StepInput(step=undo, comment=UNDO_COMMENT),
                on_done=done,
                on_error=lambda exc: show_error(self, exc),
                owner=self,
            )

        return run

    def signing_profile(self) -> SigningProfile:
        """The profile named in the settings (signing and validation use the same one)."""
        return get_profile(self.settings.signing_profile)

    # -- geometry ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The last size if it still fits this screen, else one that suits it (maximised on a
        laptop): never a window smaller than its list needs, never one off the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)
        settings = layout_settings()
        split = settings.value("main/split")
        if not (isinstance(split, QByteArray) and self.split.restoreState(split)):
            self.split.setSizes([200, 1100])
        geometry = settings.value("geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            if fits_screen(self.frameGeometry(), available):
                return
        size = default_size(available)
        if size is None:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(size)
            self.move(available.center() - QPoint(size.width() // 2, size.height() // 2))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = layout_settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("main/split", self.split.saveState())
        self.counts_timer.stop()
        self.tray.hide()  # a window gone leaves no icon behind to bring it back
        if self.sync_task is not None:
            self.sync_task.cancel.set()
        uploads = self._pages.get("uploads")
        if uploads is not None:
            uploads.stop()  # type: ignore[attr-defined]
        self.document_view.close_file()
        if not self.relaunching:  # the same sign-in goes on in the new window
            self.workspace.clear_secret_files()
        super().closeEvent(event)
        if self.signing_out:
            self.signed_out.emit()
