"""The main window: navigation, document list with search and filters,
document view, uploads and settings; sync and offline state in the status bar."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from client.cache.alerts import Alerts
from client.cache.query import DocumentQuery, DocumentRow, Sort
from client.cache.queues import Queue, by_deadline
from client.errors import ServerUnavailable
from client.records import Colleague, Document, Organisation
from services.reports import may_report
from services.workspace import PullOutcome, Workspace
from signing.profiles import SigningProfile, get_profile

from ..app_icon import app_icon
from ..errors import describe, show_error
from ..i18n import apply_language
from ..labels import STATUSES, queue_label, status_label, urgency_label
from ..models import DocumentTableModel
from ..settings import UiSettings, save_settings
from ..workers import Task, run_task
from .accounts import AccountsView
from .audit_view import AuditView
from .document_view import DocumentView
from .draft_dialog import DraftDialog
from .incoming_dialog import IncomingDialog
from .reports_view import ReportsView
from .settings_view import SettingsView
from .step_dialog import StepDialog
from .uploads import UploadsView

if TYPE_CHECKING:
    from .sign_dialog import SignDialog

__all__ = ["MainWindow"]

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
}
PAGE_ICONS = {
    "incoming": QStyle.StandardPixmap.SP_ArrowDown,
    "outgoing": QStyle.StandardPixmap.SP_ArrowUp,
    "uploads": QStyle.StandardPixmap.SP_DriveNetIcon,
    "reports": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "accounts": QStyle.StandardPixmap.SP_DirHomeIcon,
    "audit": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "settings": QStyle.StandardPixmap.SP_ComputerIcon,
}
QUEUE_PAGES = frozenset(q.value for q in Queue)
COUNTS_EVERY_MS = 60_000
"""The queue counts are read again after every sync and step, and at least this often
(a deadline becomes "overdue" at midnight without any change on the server)."""


COLUMN_WIDTHS = {0: 120, 1: 85, 2: 90, 4: 190, 5: 95, 6: 70, 7: 85, 8: 105}
"""The list's columns at their natural width; the summary (3) takes what is left."""
SUMMARY_SHARE = 0.3
"""The part of the list's width the summary keeps: the others narrow first, down to 60 %."""


def fit_columns(table: QTableView, width: int) -> None:
    """Narrow the fixed columns on a narrow list so the summary stays readable."""
    fixed = sum(COLUMN_WIDTHS.values())
    wanted = max(260, width * SUMMARY_SHARE)
    scale = min(1.0, max(0.6, (width - wanted) / fixed))
    for column, natural in COLUMN_WIDTHS.items():
        table.setColumnWidth(column, int(natural * scale))


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


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: UiSettings) -> None:
        super().__init__()
        self.workspace, self.settings = workspace, settings
        self.session = workspace.session
        self.setObjectName("mainWindow")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)  # the same on every page; room for "Chờ phát hành (123)"
        self.nav.currentRowChanged.connect(self.show_page)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.debounce = QTimer(self, singleShot=True, interval=250)
        self.debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        self.urgency = QComboBox()
        self.doc_type = QComboBox()
        self.overdue = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for box in (self.urgency, self.doc_type, self.overdue, self.status_filter):
            box.currentIndexChanged.connect(self.apply_filters)
        self.model = DocumentTableModel(workspace.search, self)
        self.model.failed.connect(self._list_failed)
        self.table = QTableView()
        self.table.setObjectName("documents")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.viewport().installEventFilter(self)  # columns follow the list's width
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(
            lambda index: self.open_document(self.model.row_at(index.row()).id)
        )
        self.register_button = QPushButton()
        self.register_button.setObjectName("registerIncoming")
        self.register_button.clicked.connect(lambda: self.register_incoming())
        self.register_button.setVisible(workspace.may_register())
        self.incoming_dialog: IncomingDialog | None = None
        self.setAcceptDrops(workspace.may_register())  # a PDF dropped here is registered
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("newDraft")
        self.draft_button.clicked.connect(self.new_draft)
        self.draft_button.setVisible(workspace.may_draft())
        self.draft_dialog: DraftDialog | None = None
        self.sign_button = QPushButton()
        self.sign_button.clicked.connect(self.sign_selected)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self._sync_clicked)
        self.sync_task: Task | None = None
        self.after_sync: list[Callable[[], object]] = []
        self.sign_dialog: SignDialog | None = None
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (
            self.doc_type,
            self.urgency,
            self.status_filter,
            self.overdue,
            self.register_button,
            self.draft_button,
            self.sign_button,
            self.sync_button,
        ):
            filters.addWidget(widget)
        list_page = QWidget()
        list_column = QVBoxLayout(list_page)
        list_column.addLayout(filters)
        list_column.addWidget(self.table, 1)
        self.document_view = DocumentView(workspace, self.signing_profile)
        self.document_view.sign_requested.connect(lambda doc_id: self.sign_ids([doc_id]))
        self.document_view.step_requested.connect(self.open_step)
        self.step_dialog: StepDialog | None = None
        self.uploads = UploadsView(workspace)
        self.uploads.folder.setText(settings.watch_folder)
        self.uploads.finished_file.connect(self._upload_finished)
        self.settings_view = SettingsView(
            replace(settings, server=self.session.client.base_url),
            can_manage_trust=workspace.account_admin() is not None,
        )
        self.settings_view.changed.connect(self.apply_settings)
        self.stack = QStackedWidget()
        for page in (list_page, self.document_view, self.uploads, self.settings_view):
            self.stack.addWidget(page)
        self.queues = workspace.queues()
        self.counts: dict[Queue, int] = {}
        self.pages = [queue.value for queue in self.queues] + list(PAGES)
        self.accounts: AccountsView | None = None
        if (admin := workspace.account_admin()) is not None:  # administrators only
            self.accounts = AccountsView(admin)
            self.stack.addWidget(self.accounts)
            self.pages.insert(self.pages.index("settings"), "accounts")
        self.audit: AuditView | None = None
        if (trail := workspace.audit_trail()) is not None:  # administrators only
            self.audit = AuditView(trail)
            self.stack.addWidget(self.audit)
            self.pages.insert(self.pages.index("settings"), "audit")
        self.reports: ReportsView | None = None
        if may_report(self.session.user.role):  # clerks, leaders, administrators
            self.reports = ReportsView(self.session)
            self.stack.addWidget(self.reports)
            self.pages.insert(self.pages.index("uploads"), "reports")
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.user_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.tray = QSystemTrayIcon(app_icon(), self)
        self.tray.setToolTip(self.tr("Văn thư số"))
        self.tray.activated.connect(lambda _reason: self._bring_to_front())
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self.last_alerts = Alerts()
        self.counts_timer = QTimer(self, interval=COUNTS_EVERY_MS)
        self.counts_timer.timeout.connect(self.refresh_counts)
        self.counts_timer.start()
        self._shortcuts()
        self.retranslate()
        self.nav.setCurrentRow(0)  # the first work queue of the role (else all incoming)
        self.refresh_counts()
        self._restore_geometry()
        self.sync_now()

    def _list_failed(self, exc: Exception) -> None:
        self.status_label.setText(": ".join(describe(exc)))

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Văn thư số"))
        current = self.nav.currentRow()
        self.nav.blockSignals(True)
        self.nav.clear()
        style = self.style()
        for number, page in enumerate(self.pages, start=1):
            icon = QUEUE_ICONS[Queue(page)] if page in QUEUE_PAGES else PAGE_ICONS[page]
            item = QListWidgetItem(QIcon(style.standardIcon(icon)), self._page_name(page))
            item.setData(Qt.ItemDataRole.UserRole, page)
            if number <= 9:
                item.setToolTip(f"Ctrl+{number}")
            self.nav.addItem(item)
        self.nav.setCurrentRow(max(0, current))
        self.nav.blockSignals(False)
        self._show_counts_in_nav()
        self.search.setPlaceholderText(
            self.tr("Tìm số, ký hiệu, trích yếu… (gõ không dấu cũng được)")
        )
        self._fill(
            self.urgency,
            [
                (self.tr("Mọi độ khẩn"), None),
                (self.tr("Khẩn trở lên"), 1),
                (self.tr("Thượng khẩn trở lên"), 2),
                (self.tr("Hỏa tốc"), 3),
            ],
        )
        self._fill(
            self.doc_type,
            [(self.tr("Mọi loại"), None)]
            + [
                (t, t)
                for t in (
                    "Công văn",
                    "Quyết định",
                    "Tờ trình",
                    "Báo cáo",
                    "Thông báo",
                    "Kế hoạch",
                    "Giấy mời",
                )
            ],
        )
        self._fill(self.overdue, [(self.tr("Mọi hạn"), False), (self.tr("Quá hạn"), True)])
        self._fill(
            self.status_filter,
            [(self.tr("Mọi trạng thái"), None)] + [(status_label(code), code) for code in STATUSES],
        )
        self.sign_button.setText(self.tr("Ký số"))
        self.draft_button.setText(self.tr("Dự thảo mới…"))
        self.register_button.setText(self.tr("Vào sổ…"))
        self.register_button.setToolTip(
            self.tr("Vào sổ văn bản đến (Ctrl+I); có thể thả tệp PDF vào cửa sổ")
        )
        self.draft_button.setToolTip("Ctrl+N")
        self.sync_button.setText(self.tr("Dừng đồng bộ") if self.sync_task else self.tr("Đồng bộ"))
        self.user_label.setText(f"{self.session.user.full_name} — {self.session.user.title}")
        self.model.refresh_labels()
        if self.accounts is not None:
            self.accounts.retranslate()
        if self.reports is not None:
            self.reports.retranslate()
        if self.audit is not None:
            self.audit.retranslate()

    def _page_name(self, page: str) -> str:
        if page in QUEUE_PAGES:
            return queue_label(Queue(page))
        return {
            "incoming": self.tr("Văn bản đến"),
            "outgoing": self.tr("Văn bản đi"),
            "uploads": self.tr("Tải lên"),
            "reports": self.tr("Báo cáo, sổ"),
            "accounts": self.tr("Tài khoản"),
            "audit": self.tr("Nhật ký hệ thống"),
            "settings": self.tr("Cài đặt"),
        }[page]

    # -- work queues ---------------------------------------------------------------------
    def refresh_counts(self) -> None:
        """Read the queue counts and the steps waiting to be sent, in a worker."""

        def load() -> tuple[dict[Queue, int], set[int]]:
            return self.workspace.queue_counts(), set(self.workspace.pending_steps())

        run_task(load, on_done=self._counts_arrived, on_error=self._list_failed, owner=self)

    def _counts_arrived(self, loaded: tuple[dict[Queue, int], set[int]]) -> None:
        self.counts, pending = loaded
        self.model.set_pending(pending)
        self._show_counts_in_nav()

    def _show_counts_in_nav(self) -> None:
        for row, page in enumerate(self.pages):
            if page not in QUEUE_PAGES:
                continue
            item = self.nav.item(row)
            count = self.counts.get(Queue(page), 0)
            item.setText(f"{self._page_name(page)} ({count:,})" if count else self._page_name(page))
            font = item.font()
            font.setWeight(QFont.Weight.Bold if count else QFont.Weight.Normal)
            item.setFont(font)

    def show_named(self, page: str) -> None:
        """Go to a page by its key ("incoming", "my_work", "settings"…)."""
        self.nav.setCurrentRow(self.pages.index(page))

    def current_page(self) -> str:
        return self.pages[max(0, self.nav.currentRow())]

    def _context_menu(self, position: QPoint) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Mở văn bản"), lambda: self.open_document(ids[0]))
        if len(ids) == 1:
            menu.addAction(self.tr("Xử lý, chuyển bước…"), lambda: self.open_step(ids[0]))
        else:  # assign several, finish several…: the steps they all allow
            menu.addAction(
                self.tr("Xử lý %1 văn bản cùng lúc…").replace("%1", str(len(ids))),
                lambda: self.open_step(ids[0], ids[1:]),
            )
        sign = menu.addAction(
            self.tr("Ký số %1 văn bản…").replace("%1", str(len(ids))), lambda: self.sign_ids(ids)
        )
        sign.setShortcut(QKeySequence("Ctrl+K"))
        menu.popup(self.table.viewport().mapToGlobal(position))

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, object]]) -> None:
        index = max(0, box.currentIndex())
        box.blockSignals(True)
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        box.setCurrentIndex(min(index, box.count() - 1))
        box.blockSignals(False)

    def _shortcuts(self) -> None:
        for keys, slot in (
            (
                QKeySequence.StandardKey.Find,
                lambda: (self.nav.setCurrentRow(0), self.search.setFocus()),
            ),
            ("Ctrl+Return", self._open_selected),
            ("Ctrl+K", self.sign_selected),
            ("Alt+Down", lambda: self._step(1)),
            ("Alt+Up", lambda: self._step(-1)),
            ("F5", self.sync_now),
            ("Ctrl+E", self._step_selected),
            ("Ctrl+N", self.new_draft),
            ("Ctrl+I", lambda: self.register_incoming()),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
        for row in range(min(9, len(self.pages))):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.nav.setCurrentRow(r))
            self.addAction(action)

    def _step_selected(self) -> None:
        ids = self._selected_ids()
        if ids:  # several selected: one step for all of them
            self.open_step(ids[0], ids[1:])

    # -- navigation --------------------------------------------------------------------
    def show_page(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[row]
        if page == "uploads":
            self.stack.setCurrentWidget(self.uploads)
        elif page == "accounts" and self.accounts is not None:
            self.stack.setCurrentWidget(self.accounts)
            if not self.accounts.accounts:
                self.accounts.reload()
        elif page == "reports" and self.reports is not None:
            self.stack.setCurrentWidget(self.reports)
        elif page == "audit" and self.audit is not None:
            self.stack.setCurrentWidget(self.audit)
            if not self.audit.entries:
                self.audit.load()
        elif page == "settings":
            self.stack.setCurrentWidget(self.settings_view)
        else:
            self.stack.setCurrentIndex(0)
            self.apply_filters()

    def current_query(self) -> DocumentQuery:
        """The list's query: a work queue or a full list, narrowed by the search and filters."""
        page = self.current_page()
        queue = Queue(page) if page in QUEUE_PAGES else None
        text = self.search.text().strip()
        sort = Sort.RELEVANCE if text else Sort.NEWEST
        if queue is not None and not text and by_deadline(queue):
            sort = Sort.DUE
        return DocumentQuery(
            text=text,
            direction=page if page in ("incoming", "outgoing") else None,
            doc_type=self.doc_type.currentData(),
            min_urgency=self.urgency.currentData(),
            overdue=bool(self.overdue.currentData()),
            status=self.status_filter.currentData(),
            sort=sort,
            today=today_in_vietnam(),
            limit=DocumentTableModel.PAGE,
            queue=queue,
            scope=self.workspace.queue_scope() if queue is not None else None,
        )

    def apply_filters(self) -> None:
        self.model.set_query(self.current_query())

    def _selected_ids(self) -> list[int]:
        return [self.model.row_at(i.row()).id for i in self.table.selectionModel().selectedRows()]

    def _open_selected(self) -> None:
        ids = self._selected_ids()
        if ids:
            self.open_document(ids[0])

    def _step(self, delta: int) -> None:
        row = self.table.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.open_document(self.model.row_at(row).id)

    def open_document(self, document_id: int) -> None:
        """Read the document from the cache in a worker, then show it."""
        run_task(
            self.workspace.document,
            document_id,
            on_done=self._show_document,
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    def _show_document(self, document: Document | None) -> None:
        if document is not None:
            self.stack.setCurrentWidget(self.document_view)
            self.document_view.show_document(document)

    def open_step(self, document_id: int, others: Sequence[int] = ()) -> None:
        """The workflow step dialog for one document, or for several at once (``others``):
        colleagues, organisations and the documents are read off the GUI thread first."""

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
            ):  # registering is checking the fields: the registration form
                self.incoming_dialog = IncomingDialog(self.workspace, parent=self, existing=first)
                self.incoming_dialog.accepted.connect(self._incoming_registered)
                self.incoming_dialog.open()
                return
            self.step_dialog = StepDialog(
                self.workspace,
                documents[0],
                colleagues,
                organisations,
                parent=self,
                replaceable=replaceable,
                others=documents[1:],
            )
            self.step_dialog.finished.connect(lambda _result: self._step_taken())
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

    def _step_taken(self) -> None:
        dialog = self.step_dialog
        if dialog is not None and dialog.result_document is not None:
            if dialog.batch is None:
                self.document_view.show_document(dialog.result_document)
            self.apply_filters()  # the list shows the new status at once
            self.refresh_counts()
            if dialog.batch is not None:
                self.status_label.setText(
                    self.tr("Đã thực hiện: %1 văn bản; chờ gửi: %2; không thực hiện được: %3")
                    .replace("%1", str(len(dialog.batch.done)))
                    .replace("%2", str(len(dialog.batch.queued)))
                    .replace("%3", str(len(dialog.batch.failed)))
                )
            elif getattr(dialog, "queued", False):
                self.status_label.setText(
                    self.tr("Ngoại tuyến — thao tác đã lưu, chờ gửi khi có mạng")
                )

    def signing_profile(self) -> SigningProfile:
        """The profile named in the settings (signing and validation use the same one)."""
        return get_profile(self.settings.signing_profile)

    # -- actions -----------------------------------------------------------------------
    def sign_selected(self) -> None:
        self.sign_ids(self._selected_ids())

    def sign_ids(self, ids: list[int]) -> None:
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

    def _open_sign_dialog(self, loaded: tuple[list[Document], SigningProfile]) -> None:
        from .sign_dialog import SignDialog  # pyHanko/PyMuPDF load on first use, not at start-up

        documents, profile = loaded
        if not documents:
            QMessageBox.information(
                self, self.tr("Ký số"), self.tr("Hãy chọn văn bản có tệp để ký.")
            )
            return
        dialog = SignDialog(self.workspace, documents, profile, self)
        dialog.finished.connect(lambda _r: self._signing_finished(dialog))
        dialog.open()
        self.sign_dialog = dialog

    def _signing_finished(self, dialog: SignDialog) -> None:
        """Pull the signed versions; the open document shows its new file and signatures."""
        signed = {r.document_id for r in dialog.results if r.ok}

        def after() -> None:
            self.document_view.refresh(signed)
            if dialog.reload_ids and dialog.reload_requested:
                self.sign_ids(dialog.reload_ids)

        self.sync_now(then=after)
        if not self.session.online:
            self.document_view.refresh(signed)  # offline: show "chờ gửi" now

    def _sync_clicked(self) -> None:
        """The button syncs, or stops a sync in progress (it resumes from the last page next time)."""
        if self.sync_task is not None:
            self.sync_task.cancel.set()
        else:
            self.sync_now()

    def sync_now(self, then: Callable[[], object] | None = None) -> None:
        """Sync in a worker; ``then`` runs after this sync (or the one already running) succeeds."""
        if then is not None:
            self.after_sync.append(then)
        if self.sync_task is not None:
            return
        self.status_label.setText(self.tr("Đang đồng bộ…"))
        self.sync_button.setText(self.tr("Dừng đồng bộ"))

        def done(result: PullOutcome) -> None:
            self._sync_ended()
            self._synced(result)
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
                self.tr("Đang đồng bộ… %1 thay đổi").replace("%1", f"{done:,}")
            ),
            owner=self,
        )

    def _sync_ended(self) -> None:
        self.sync_task = None
        self.sync_button.setText(self.tr("Đồng bộ"))

    def _notify(self, alerts: Alerts) -> None:
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
                self.tr("… và %1 văn bản khẩn khác").replace("%1", str(len(alerts.urgent) - 3))
            )
        lines += [
            self.tr("Đơn vị gửi đã thu hồi hoặc thay thế: %1 — %2")
            .replace("%1", d.number_symbol)
            .replace("%2", d.subject[:80])
            for d in alerts.withdrawn[:3]
        ]
        if alerts.due_today:
            lines.append(
                self.tr("%1 văn bản đến hạn giải quyết hôm nay").replace(
                    "%1", str(alerts.due_today)
                )
            )
        title = (
            self.tr("Văn bản khẩn mới")
            if alerts.urgent
            else self.tr("Văn bản bị thu hồi")
            if alerts.withdrawn
            else self.tr("Hạn giải quyết")
        )
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if alerts.urgent or alerts.withdrawn
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.tray.showMessage(title, "\n".join(lines), icon, 8000)

    def _synced(self, outcome: PullOutcome) -> None:
        self._notify(outcome.alerts)
        total = outcome.documents
        if outcome.conflicts and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.showMessage(
                self.tr("Xung đột phiên bản"),
                outcome.conflicts[0].error,
                QSystemTrayIcon.MessageIcon.Warning,
                8000,
            )
        self.refresh_counts()
        when = dt.datetime.now().strftime("%H:%M")
        text = (
            self.tr("Trực tuyến — đồng bộ lúc %1 — %2 văn bản trên máy")
            .replace("%1", when)
            .replace("%2", f"{total:,}")
        )
        if outcome.conflicts:  # kept in the outbox until the user redoes them on the new version
            text += " — " + self.tr("%1 thao tác xung đột, cần làm lại trên bản mới").replace(
                "%1", str(len(outcome.conflicts))
            )
        self.status_label.setText(text)
        if self.stack.currentIndex() == 0:
            self.apply_filters()

    def _sync_failed(self, exc: Exception) -> None:
        if isinstance(exc, ServerUnavailable):
            self.status_label.setText(self.tr("Ngoại tuyến — đang dùng dữ liệu trên máy"))
        else:
            self.status_label.setText(": ".join(describe(exc)))
        self.refresh_counts()
        if self.stack.currentIndex() == 0:
            self.apply_filters()

    def _upload_finished(self, name: str, ok: bool) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.showMessage(
                self.tr("Tải lên"),
                name,
                QSystemTrayIcon.MessageIcon.Information
                if ok
                else QSystemTrayIcon.MessageIcon.Warning,
                3000,
            )

    def apply_settings(self, settings: UiSettings) -> None:
        self.settings = replace(settings, watch_folder=self.uploads.folder.text())
        save_settings(self.settings)
        apply_language(settings.language)
        self.retranslate()

    # -- geometry ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The last size if it still fits this screen, else one that suits it (maximised on a
        laptop): never a window smaller than its list needs, never one off the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)
        geometry = QSettings("VanThuSo", "VanThuSo").value("geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            if fits_screen(self.frameGeometry(), available):
                return
        size = default_size(available)
        if size is None:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(size)
            self.move(available.center() - QPoint(size.width() // 2, size.height() // 2))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.table, self.table.viewport().width())
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings("VanThuSo", "VanThuSo").setValue("geometry", self.saveGeometry())
        self.uploads.stop()
        self.document_view.close_file()
        self.workspace.clear_secret_files()
        super().closeEvent(event)
