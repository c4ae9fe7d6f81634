"""The list page: one list of documents (a work queue, all incoming or outgoing, a saved search,
or everything), its search and filters, chosen columns, the count of what it holds and what it
does not, and the reading pane of the selected document beside it.

A search or a filter never changes what the user chose (the selection follows the document, not
the row number); an empty result says why and offers the wider search."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from client.cache.query import DocumentQuery, DocumentRow, Sort
from client.cache.queues import Queue, by_deadline
from client.records import Document
from services.workspace import Workspace

from ..labels import STATUSES, number, queue_label, status_label, step_label
from ..layout_store import layout_settings
from ..models import DocumentTableModel
from ..workers import run_task
from .list_columns import ListColumns
from .reading_pane import ReadingPane
from .step_dialog import offered_steps

__all__ = ["ALL", "DocumentListPage"]

logger = logging.getLogger(__name__)

ALL = "all"
"""The scope of every document on this machine (the wider search an empty result offers)."""
DIRECTIONS = ("incoming", "outgoing")
QUEUE_KEYS = frozenset(q.value for q in Queue)
DONE_MESSAGE_MS = 15_000
"""How long the confirmation after a step stays (it also goes at the next step)."""
SETTINGS_SPLIT = "list/split"


class DocumentListPage(QWidget):
    open_requested = Signal(int)
    step_requested = Signal(int, object, object)
    """(document id, other ids for a batch, the Step to start on or None)."""
    sign_requested = Signal(object)
    """The ids to sign."""
    scope_widened = Signal()
    """The user asked for every document (the navigation shows no list as current)."""
    save_search_requested = Signal()
    file_requested = Signal(object)
    """The ids to put into one of the user's open case files (Đưa vào hồ sơ…)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self.workspace = workspace
        self.scope = ALL
        self.scope_name = ""
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.debounce = QTimer(self, singleShot=True, interval=250)
        self.debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self.debounce.start())
        self.search.returnPressed.connect(self._search_entered)
        self.urgency = QComboBox()
        self.urgency.setObjectName("urgency_filter")
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("type_filter")
        self.overdue = QComboBox()
        self.overdue.setObjectName("overdue_filter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for box in (self.urgency, self.doc_type, self.overdue, self.status_filter):
            box.currentIndexChanged.connect(self.apply_filters)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never "Any dea…"
        self.model = DocumentTableModel(workspace.search, self)
        self.model.loaded.connect(self._rows_loaded)
        self.table = QTableView()
        self.table.setObjectName("documents")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(False)
        self.table.setDragEnabled(True)  # documents dragged onto a case file (Hồ sơ)
        self.table.setDragDropMode(QTableView.DragDropMode.DragOnly)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.columns = ListColumns(self.table, self.model, self)
        self._save_soon = QTimer(self, singleShot=True, interval=800)  # not at every drag step
        self._save_soon.timeout.connect(self._save_layout)
        self.columns.changed.connect(self._save_soon.start)
        self.table.viewport().installEventFilter(self)  # columns follow the list's width
        self.table.installEventFilter(self)  # Enter opens the document
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(
            lambda index: self.open_requested.emit(self.model.row_at(index.row()).id)
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.chosen: set[int] = set()
        """Every document the user selected (a batch), kept across reloads like the current one."""
        self._restoring = False
        self.selected_id: int | None = None
        """The document the user chose: kept across reloads of the list (a search, a sync)."""
        self._preview_soon = QTimer(self, singleShot=True, interval=120)
        self._preview_soon.timeout.connect(self._preview_current)
        self.register_button = QPushButton()
        self.register_button.setObjectName("registerIncoming")
        self.register_button.setVisible(workspace.may_register())
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("newDraft")
        self.draft_button.setVisible(workspace.may_draft())
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("signSelected")
        self.sign_button.clicked.connect(lambda: self.sign_requested.emit(self.selected_ids()))
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncButton")
        self.save_search_button = QPushButton()
        self.save_search_button.setObjectName("saveSearch")
        self.save_search_button.clicked.connect(self.save_search_requested)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (
            self.doc_type,
            self.urgency,
            self.status_filter,
            self.overdue,
            self.save_search_button,
            self.register_button,
            self.draft_button,
            self.sign_button,
            self.sync_button,
        ):
            filters.addWidget(widget)
        self.count_label = QLabel()
        self.count_label.setObjectName("listCount")
        self.count_label.setTextFormat(Qt.TextFormat.RichText)
        self.count_label.setWordWrap(True)
        self.count_label.linkActivated.connect(self._link)
        self.done_box = QFrame()
        self.done_box.setObjectName("doneMessage")
        self.done_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.done_box.setStyleSheet(
            "#doneMessage { background: #e8f5e9; border: 1px solid #a5d6a7; border-radius: 4px; }"
        )
        self.done_text = QLabel()
        self.done_text.setObjectName("doneText")
        self.done_text.setWordWrap(True)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoButton")
        self.done_open = QPushButton()
        self.done_open.setObjectName("doneOpen")
        self.done_file = QPushButton()
        self.done_file.setObjectName("doneFile")
        self.done_close = QPushButton("✕")
        self.done_close.setFlat(True)
        self.done_close.setFixedWidth(28)
        self.done_close.clicked.connect(self.done_box.hide)
        done_row = QHBoxLayout(self.done_box)
        done_row.setContentsMargins(8, 4, 4, 4)
        done_row.addWidget(self.done_text, 1)
        for button in (self.undo_button, self.done_file, self.done_open, self.done_close):
            done_row.addWidget(button)
        self.done_box.hide()
        self.done_timer = QTimer(self, singleShot=True, interval=DONE_MESSAGE_MS)
        self.done_timer.timeout.connect(self.done_box.hide)
        self._undo: Callable[[], object] | None = None
        self._done_id: int | None = None
        self.undo_button.clicked.connect(self._undo_clicked)
        self.done_open.clicked.connect(
            lambda: self._done_id is not None and self.open_requested.emit(self._done_id)
        )
        self.done_file.clicked.connect(self._file_clicked)
        self.legend = _legend_row()
        self.preview = ReadingPane(workspace)
        self.preview.open_requested.connect(self.open_requested)
        self.preview.step_requested.connect(
            lambda doc_id, step: self.step_requested.emit(doc_id, [], step)
        )
        list_box = QWidget()
        list_column = QVBoxLayout(list_box)
        list_column.setContentsMargins(0, 0, 0, 0)
        list_column.addWidget(self.done_box)
        list_column.addWidget(self.count_label)
        list_column.addWidget(self.table, 1)
        list_column.addWidget(self.legend)
        self.split = QSplitter()
        self.split.setObjectName("listSplit")
        self.split.addWidget(list_box)
        self.split.addWidget(self.preview)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setCollapsible(0, False)
        self.split.splitterMoved.connect(lambda *_: self._save_soon.start())
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.split, 1)
        self._counted: tuple[int, int] | None = None
        self.server_rows = False
        """The list shows the server's answer (kept until the next search, not a sync's)."""
        self._server_generation = 0
        self._count_generation = 0
        self.unindexed = 0
        """Secret documents matching the filters that the offline search cannot look into."""
        self._restore_layout()
        self.retranslate()

    # -- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Tìm số, ký hiệu, trích yếu… (Ctrl+F; gõ không dấu cũng được)")
        )
        _fill(
            self.urgency,
            [
                (self.tr("Mọi độ khẩn"), None),
                (self.tr("Khẩn trở lên"), 1),
                (self.tr("Thượng khẩn trở lên"), 2),
                (self.tr("Hỏa tốc"), 3),
            ],
        )
        _fill(
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
        _fill(self.overdue, [(self.tr("Mọi hạn"), False), (self.tr("Quá hạn"), True)])
        _fill(
            self.status_filter,
            [(self.tr("Mọi trạng thái"), None)] + [(status_label(code), code) for code in STATUSES],
        )
        self.sign_button.setText(self.tr("Ký số"))
        self.sign_button.setToolTip(self.tr("Ký số các văn bản đã chọn (Ctrl+K)"))
        self.draft_button.setText(self.tr("Dự thảo mới…"))
        self.draft_button.setToolTip("Ctrl+N")
        self.register_button.setText(self.tr("Vào sổ…"))
        self.register_button.setToolTip(
            self.tr("Vào sổ văn bản đến (Ctrl+I); có thể thả tệp PDF vào cửa sổ")
        )
        self.save_search_button.setText(self.tr("Lưu tìm kiếm…"))
        self.save_search_button.setToolTip(
            self.tr("Lưu từ khoá và bộ lọc này vào thanh bên, dùng lại trên mọi máy")
        )
        self.undo_button.setText(self.tr("Hoàn tác"))
        self.done_open.setText(self.tr("Mở văn bản"))
        self.done_file.setText(self.tr("Đưa vào hồ sơ…"))
        self.done_file.setToolTip(
            self.tr("Công việc đã xong: đưa văn bản vào hồ sơ công việc của bạn")
        )
        self.model.refresh_labels()
        self.preview.retranslate()
        self._show_count()

    # -- the scope and the query --------------------------------------------------------
    def show_scope(self, scope: str, name: str = "") -> None:
        """Show one list: a queue's key, "incoming", "outgoing" or ``ALL``; ``name`` for a
        saved search (its filters are set with ``set_filters`` first)."""
        self.scope, self.scope_name = scope, name
        self.apply_filters()

    def current_query(self, limit: int = DocumentTableModel.PAGE) -> DocumentQuery:
        """The list's query: its scope narrowed by the search and the filters."""
        queue = Queue(self.scope) if self.scope in QUEUE_KEYS else None
        text = self.search.text().strip()
        sort = Sort.RELEVANCE if text else Sort.NEWEST
        if queue is not None and not text and by_deadline(queue):
            sort = Sort.DUE
        return DocumentQuery(
            text=text,
            direction=self.scope if self.scope in DIRECTIONS else None,
            doc_type=self.doc_type.currentData(),
            min_urgency=self.urgency.currentData(),
            overdue=bool(self.overdue.currentData()),
            status=self.status_filter.currentData(),
            sort=sort,
            today=today_in_vietnam(),
            limit=limit,
            queue=queue,
            scope=self.workspace.queue_scope() if queue is not None else None,
        )

    def filters(self) -> dict[str, Any]:
        """What a saved search keeps: the scope, the words and the filters."""
        return {
            "scope": self.scope,
            "text": self.search.text().strip(),
            "doc_type": self.doc_type.currentData(),
            "min_urgency": self.urgency.currentData(),
            "overdue": bool(self.overdue.currentData()),
            "status": self.status_filter.currentData(),
        }

    def set_filters(self, values: dict[str, Any]) -> None:
        """Put a saved search's words and filters back (the scope comes with ``show_scope``)."""
        for box, key in (
            (self.doc_type, "doc_type"),
            (self.urgency, "min_urgency"),
            (self.overdue, "overdue"),
            (self.status_filter, "status"),
        ):
            box.blockSignals(True)
            index = box.findData(values.get(key, box.itemData(0)))
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(str(values.get("text") or ""))
        self.search.blockSignals(False)

    def apply_filters(self) -> None:
        self.debounce.stop()
        self.server_rows = False
        self._server_generation += 1
        self.model.set_query(self.current_query())
        self._count()

    def _search_entered(self) -> None:
        self.apply_filters()
        if self.model.rowCount():
            self.table.setFocus()

    def find(self) -> None:  # type: ignore[override]  # Ctrl+F, not QWidget.find(id)
        """Ctrl+F: search this list (never another one)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- counts, and what the list does not hold --------------------------------------------
    def _count(self) -> None:
        """Count this list's matches and, for a search, every document's, in a worker."""
        query = self.current_query()
        self._count_generation += 1
        generation = self._count_generation
        wider = bool(query.text) and self.scope != ALL
        everything = replace(query, direction=None, queue=None, scope=None)  # what widen() shows

        def count() -> tuple[int, int, int]:
            here = self.workspace.count(query)
            everywhere = self.workspace.count(everything) if wider else here
            hidden = self.workspace.unindexed_count(query) if query.text else 0
            return here, everywhere, hidden

        def counted(result: tuple[int, int, int]) -> None:
            if generation == self._count_generation:
                here, everywhere, self.unindexed = result
                self._counted = (here, everywhere)
                self._show_count()

        run_task(
            count, on_done=counted, on_error=lambda exc: logger.info("count: %s", exc), owner=self
        )

    def _show_count(self) -> None:
        if self._counted is None:
            self.count_label.setText("")
            return
        here, everywhere = self._counted
        text = self.search.text().strip()
        where = self._scope_title()
        if here:
            parts = [self.tr("%1 văn bản").replace("%1", number(here))]
        elif text:
            parts = [
                self.tr("Không có văn bản nào khớp «%1» trong %2.")
                .replace("%1", _escape(text))
                .replace("%2", where)
            ]
        else:
            parts = [self.tr("Không có văn bản nào trong %1.").replace("%1", where)]
        if text and everywhere > here:
            parts.append(
                self.tr('<a href="all">%1 văn bản khớp trong mọi văn bản — xem tất cả</a>').replace(
                    "%1", number(everywhere)
                )
            )
        if self.unindexed:
            parts.append(
                self.tr(
                    '%1 văn bản mật không được tìm trên máy này — <a href="server">tìm trên máy chủ</a>'
                ).replace("%1", number(self.unindexed))
            )
        self.count_label.setText(" · ".join(parts))

    def plain_scope_title(self) -> str:
        """The list's name as plain text (a file's title, a message)."""
        title = self._scope_title().strip("«»")
        return title.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

    def _scope_title(self) -> str:
        if self.scope_name:
            return "«" + _escape(self.scope_name) + "»"
        if self.scope in QUEUE_KEYS:
            return "«" + queue_label(Queue(self.scope)) + "»"
        return {
            "incoming": self.tr("Văn bản đến"),
            "outgoing": self.tr("Văn bản đi"),
        }.get(self.scope, self.tr("mọi văn bản"))

    def _link(self, target: str) -> None:
        if target == "all":
            self.widen()
        elif target == "server":
            self.search_server()

    def widen(self) -> None:
        """Search every document with the same words (the filters are left as they are)."""
        self.scope, self.scope_name = ALL, ""
        self.scope_widened.emit()
        self.apply_filters()

    def search_server(self) -> None:
        """The words on the server, which also looks into secret documents: its answer
        replaces the list until the next search."""
        query = self.current_query()
        self.count_label.setText(self.tr("Đang tìm trên máy chủ…"))
        self._server_generation += 1
        generation = self._server_generation

        def found(rows: list[DocumentRow]) -> None:
            if generation != self._server_generation:
                return  # the user searched again meanwhile
            self.server_rows = True
            self.model.show_rows(rows)
            self._counted = None
            self.unindexed = 0
            self.count_label.setText(
                self.tr("Máy chủ: %1 văn bản khớp «%2».")
                .replace("%1", number(len(rows)))
                .replace("%2", _escape(query.text))
            )

        run_task(
            self.workspace.search_server,
            query,
            on_done=found,
            on_error=lambda exc: self.count_label.setText(
                self.tr("Không tìm được trên máy chủ: %1").replace("%1", _escape(str(exc)))
            ),
            owner=self,
        )

    # -- selection and the reading pane ---------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row_at(r).id for r in rows if r < self.model.rowCount()]

    def _rows_loaded(self) -> None:
        """A new answer: the documents the user chose stay chosen where they are still listed
        (the current one too), whatever their new rows."""
        if self.selected_id is None and not self.chosen:
            return
        model, chosen = self.model, set(self.chosen) | {self.selected_id}
        selection = QItemSelection()
        current = -1
        for row in range(model.rowCount()):
            document_id = model.row_at(row).id
            if document_id in chosen:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
            if document_id == self.selected_id:
                current = row
        if current < 0:
            return
        self._restoring = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.table.selectionModel().select(selection, flags)
            self.table.selectionModel().setCurrentIndex(
                model.index(current, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        finally:
            self._restoring = False

    def _selection_changed(self) -> None:
        if not self._restoring and not self.model.loading:
            self.chosen = set(self.selected_ids())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The user moved to a row: that document is the chosen one (the preview follows)."""
        if 0 <= current.row() < self.model.rowCount():
            self.selected_id = self.model.row_at(current.row()).id
            self._preview_soon.start()

    def _preview_current(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            return
        document_id = self.model.row_at(row).id
        if self.preview.document is not None and self.preview.document.id == document_id:
            return
        run_task(
            self.workspace.document,
            document_id,
            on_done=self._preview_loaded,
            on_error=lambda exc: logger.info("preview: %s", exc),
            owner=self,
        )

    def _preview_loaded(self, document: Document | None) -> None:
        if document is not None and document.id == self.selected_id:
            self.preview.show_document(document)

    def refresh_preview(self, document: Document | None) -> None:
        """A step or a sync changed the selected document: show its new state."""
        if document is not None and document.id == self.selected_id:
            self.preview.show_document(document)

    # -- keyboard and menus -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.columns.fit()
        elif (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            ids = self.selected_ids()
            if ids:
                self.open_requested.emit(ids[0])
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, position: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Mở văn bản"), lambda: self.open_requested.emit(ids[0])).setShortcut(
            Qt.Key.Key_Return
        )
        document = self.preview.document
        if len(ids) == 1 and document is not None and document.id == ids[0]:
            steps = offered_steps(document, self.workspace.user)
            for step in steps:
                menu.addAction(
                    step_label(step) + "…",
                    partial(self.step_requested.emit, ids[0], [], step),
                )
            if not steps:
                menu.addAction(self.tr("Không có bước nào bạn làm được lúc này")).setEnabled(False)
        elif len(ids) == 1:
            menu.addAction(
                self.tr("Xử lý, chuyển bước…"), lambda: self.step_requested.emit(ids[0], [], None)
            )
        else:  # assign several, finish several…: the steps they all allow
            menu.addAction(
                self.tr("Xử lý %1 văn bản cùng lúc…").replace("%1", str(len(ids))),
                lambda: self.step_requested.emit(ids[0], ids[1:], None),
            )
        menu.addSeparator()
        menu.addAction(
            self.tr("Ký số %1 văn bản…").replace("%1", str(len(ids))),
            lambda: self.sign_requested.emit(ids),
        ).setShortcut("Ctrl+K")
        if self.workspace.records.may_open_files:
            menu.addAction(
                self.tr("Đưa vào hồ sơ…"), lambda: self.file_requested.emit(ids)
            ).setObjectName("fileIntoCaseFile")
        menu.popup(self.table.viewport().mapToGlobal(position))

    # -- columns (``ListColumns``) ------------------------------------------------------
    def _columns_menu(self, position: QPoint) -> None:
        self.columns.menu(position)

    def show_column(self, column: int, shown: bool) -> None:
        self.columns.show_column(column, shown)

    def visible_columns(self) -> list[int]:
        return self.columns.visible()

    def _save_layout(self) -> None:
        self.columns.save()
        layout_settings().setValue(SETTINGS_SPLIT, self.split.saveState())

    def _restore_layout(self) -> None:
        self.columns.restore()
        split = layout_settings().value(SETTINGS_SPLIT)
        if not (isinstance(split, QByteArray) and self.split.restoreState(split)):
            self.split.setSizes([660, 340])

    # -- after a step -------------------------------------------------------------------
    def show_done(
        self,
        message: str,
        document_id: int | None,
        undo: Callable[[], object] | None = None,
        offer_file: bool = False,
    ) -> None:
        """A confirmation that does not block: what was done, where the document went, an
        Undo where the workflow allows one, a way to the document, and — when the step ended
        the work (``offer_file``) — «Đưa vào hồ sơ…» (Decree 30 Art. 29: it ends in a file)."""
        self.done_text.setText(message)
        self._undo, self._done_id = undo, document_id
        self.undo_button.setVisible(undo is not None)
        self.done_open.setVisible(document_id is not None)
        self.done_file.setVisible(offer_file and document_id is not None)
        self.done_box.show()
        self.done_timer.start()

    def _file_clicked(self) -> None:
        self.done_box.hide()
        if self._done_id is not None:
            self.file_requested.emit([self._done_id])

    def _undo_clicked(self) -> None:
        undo, self._undo = self._undo, None
        self.done_box.hide()
        if undo is not None:
            undo()


def _fill(box: QComboBox, items: list[tuple[str, object]]) -> None:
    index = max(0, box.currentIndex())
    box.blockSignals(True)
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(min(index, box.count() - 1))
    box.blockSignals(False)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _legend_row() -> QWidget:
    from ..models import legend_widget

    return legend_widget()
