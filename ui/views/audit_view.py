"""The administrator's audit screen: who signed in (or failed to), who read, changed, granted or
administered what — filtered, exported to CSV — and sign-ins per day or month. The server is
asked and the file written off the GUI thread (``services.audit``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from base.audit import AuditCategory
from base.deadlines import today_in_vietnam
from client.records import AuditEntry, LoginStat
from services.audit import AUDIT_LIMIT, AuditQuery, AuditTrail, write_audit_csv

from ..errors import describe
from ..labels import audit_category_label, audit_label, number
from ..workers import run_task

__all__ = ["AuditView"]

SHOWN = 2000
"""Events listed on screen at once (the CSV export takes up to ``services.audit.AUDIT_LIMIT``)."""


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _dates(start: dt.date, end: dt.date) -> tuple[QDateEdit, QDateEdit]:
    edits = QDateEdit(_qdate(start)), QDateEdit(_qdate(end))
    for edit in edits:
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
    return edits


def _table(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class AuditView(QWidget):
    def __init__(self, trail: AuditTrail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trail = trail
        self.entries: list[AuditEntry] = []
        today = today_in_vietnam()
        # -- the trail
        self.category = QComboBox()
        self.category.setObjectName("auditCategory")
        self.username = QLineEdit()
        self.username.setObjectName("auditUser")
        self.document = QLineEdit()
        self.document.setObjectName("auditDocument")
        self.document.setMaximumWidth(90)
        self.start, self.end = _dates(today - dt.timedelta(days=30), today)
        self.from_label, self.to_label = QLabel(), QLabel()
        self.show_button = QPushButton()
        self.show_button.setObjectName("showAudit")
        self.show_button.clicked.connect(self.load)
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("auditCsv")
        self.csv_button.clicked.connect(self.save_as)
        self.csv_button.setEnabled(False)
        for edit in (self.username, self.document):
            edit.returnPressed.connect(self.load)
        self.table = _table("auditTable")
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        controls = QHBoxLayout()
        controls.addWidget(self.category, 2)
        controls.addWidget(self.username, 2)
        controls.addWidget(self.document)
        for widget in (self.from_label, self.start, self.to_label, self.end):
            controls.addWidget(widget)
        controls.addWidget(self.show_button)
        controls.addWidget(self.csv_button)
        trail_page = QWidget()
        trail_column = QVBoxLayout(trail_page)
        trail_column.addLayout(controls)
        trail_column.addWidget(self.table, 1)
        # -- sign-in statistics
        self.period = QComboBox()
        self.period.setObjectName("loginPeriod")
        self.stats_start, self.stats_end = _dates(today - dt.timedelta(days=29), today)
        self.stats_from, self.stats_to = QLabel(), QLabel()
        self.stats_button = QPushButton()
        self.stats_button.setObjectName("showLogins")
        self.stats_button.clicked.connect(self.load_stats)
        self.stats = _table("loginTable")
        stats_controls = QHBoxLayout()
        stats_controls.addWidget(self.period)
        for widget in (self.stats_from, self.stats_start, self.stats_to, self.stats_end):
            stats_controls.addWidget(widget)
        stats_controls.addWidget(self.stats_button)
        stats_controls.addStretch(1)
        stats_page = QWidget()
        stats_column = QVBoxLayout(stats_page)
        stats_column.addLayout(stats_controls)
        stats_column.addWidget(self.stats, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(trail_page, "")
        self.tabs.addTab(stats_page, "")
        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.category.currentData()
        self.category.clear()
        self.category.addItem(self.tr("Mọi hoạt động"), None)
        for category in AuditCategory:
            self.category.addItem(audit_category_label(category), category.value)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.username.setPlaceholderText(self.tr("Tên đăng nhập"))
        self.document.setPlaceholderText(self.tr("Văn bản #"))
        self.from_label.setText(self.tr("Từ ngày"))
        self.to_label.setText(self.tr("đến ngày"))
        self.show_button.setText(self.tr("Xem"))
        self.csv_button.setText(self.tr("Xuất CSV…"))
        by_month = self.period.currentData()
        self.period.clear()
        self.period.addItem(self.tr("Theo ngày"), False)
        self.period.addItem(self.tr("Theo tháng"), True)
        self.period.setCurrentIndex(1 if by_month else 0)
        self.stats_from.setText(self.tr("Từ ngày"))
        self.stats_to.setText(self.tr("đến ngày"))
        self.stats_button.setText(self.tr("Xem"))
        self.tabs.setTabText(0, self.tr("Nhật ký hệ thống"))
        self.tabs.setTabText(1, self.tr("Thống kê đăng nhập"))
        self.table.setColumnCount(7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Thời điểm"),
                self.tr("Người dùng"),
                self.tr("Đơn vị"),
                self.tr("Nhóm"),
                self.tr("Hoạt động"),
                self.tr("Văn bản"),
                self.tr("Chi tiết"),
            ]
        )
        self.stats.setColumnCount(4)
        self.stats.setHorizontalHeaderLabels(
            [self.tr("Kỳ"), self.tr("Đăng nhập"), self.tr("Đăng nhập sai"), self.tr("Số người")]
        )

    # -- the trail -------------------------------------------------------------------
    def query(self) -> AuditQuery | None:
        """The filters as typed, or None (with a message) when the document number is not one."""
        document_text = self.document.text().strip().lstrip("#")
        if document_text and not document_text.isdigit():
            self.status.setText(self.tr("Số văn bản phải là một số, ví dụ 125."))
            return None
        category = self.category.currentData()
        return AuditQuery(
            category=AuditCategory(category) if category else None,
            username=self.username.text().strip(),
            document=int(document_text) if document_text else None,
            since=_day(self.start.date()),
            until=_day(self.end.date()),
        )

    def load(self) -> None:
        query = self.query()
        if query is None:
            return
        if query.since and query.until and query.until < query.since:
            self.status.setText(self.tr("Ngày kết thúc trước ngày bắt đầu."))
            return
        self.status.setText(self.tr("Đang tải nhật ký…"))
        self.show_button.setEnabled(False)
        run_task(
            self.trail.events, query, SHOWN, on_done=self._show, on_error=self._failed, owner=self
        )

    def _show(self, entries: list[AuditEntry]) -> None:
        self.entries = entries
        self.show_button.setEnabled(True)
        self.csv_button.setEnabled(bool(entries))
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            who = f"{e.full_name} ({e.username})" if e.full_name else e.username or "?"
            values = (
                e.at.astimezone().strftime("%d/%m/%Y %H:%M:%S") if e.at else "",
                who,
                e.organisation,
                audit_category_label(e.category),
                audit_label(e.action),
                f"#{e.document_id}" if e.document_id else "",
                e.detail,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount() - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        header.setStretchLastSection(True)  # the detail takes what is left
        shown = self.tr("%n sự kiện", "", len(entries))
        if len(entries) >= SHOWN:
            shown += self.tr(" (những sự kiện mới nhất; thu hẹp bộ lọc hoặc xuất CSV để xem thêm)")
        self.status.setText(shown)

    def _failed(self, exc: Exception) -> None:
        self.show_button.setEnabled(True)
        self.stats_button.setEnabled(True)
        self.status.setText(": ".join(describe(exc)))

    def save_as(self) -> None:
        query = self.query()
        if query is None:
            return
        name = f"nhat-ky-{query.since:%Y%m%d}-{query.until:%Y%m%d}.csv"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất nhật ký"), str(Path.home() / name), self.tr("Tệp CSV (*.csv)")
        )
        if chosen:
            self.save_to(Path(chosen), query)

    def save_to(self, path: Path, query: AuditQuery | None = None) -> None:
        """Every event matching the filters (not only those on screen) into ``path``."""
        wanted = query or self.query()
        if wanted is None:
            return
        self.status.setText(self.tr("Đang xuất…"))

        def export() -> tuple[Path, int]:
            entries = self.trail.events(wanted)
            return write_audit_csv(entries, path), len(entries)

        run_task(export, on_done=self._exported, on_error=self._failed, owner=self)

    def _exported(self, result: tuple[Path, int]) -> None:
        saved, rows = result
        text = self.tr("Đã lưu: %1").replace("%1", str(saved))
        if rows >= AUDIT_LIMIT:  # never cut short without a word
            text += self.tr(" — chỉ %1 sự kiện mới nhất; thu hẹp bộ lọc để xuất thêm.").replace(
                "%1", number(AUDIT_LIMIT)
            )
        self.status.setText(text)

    # -- sign-in statistics ----------------------------------------------------------
    def load_stats(self) -> None:
        start, end = _day(self.stats_start.date()), _day(self.stats_end.date())
        if end < start:
            self.status.setText(self.tr("Ngày kết thúc trước ngày bắt đầu."))
            return
        self.stats_button.setEnabled(False)
        self.status.setText(self.tr("Đang tải thống kê…"))
        run_task(
            self.trail.login_stats,
            start,
            end,
            bool(self.period.currentData()),
            on_done=self._show_stats,
            on_error=self._failed,
            owner=self,
        )

    def _show_stats(self, stats: list[LoginStat]) -> None:
        self.stats_button.setEnabled(True)
        self.stats.setRowCount(len(stats))
        for row, s in enumerate(stats):
            period = s.period
            if len(period) == 10:
                period = dt.date.fromisoformat(period).strftime("%d/%m/%Y")
            elif len(period) == 7:
                period = f"{period[5:]}/{period[:4]}"
            for column, value in enumerate((period, s.logins, s.failed, s.users)):
                item = QTableWidgetItem(number(value) if isinstance(value, int) else str(value))
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.stats.setItem(row, column, item)
        total = sum(s.logins for s in stats)
        failed = sum(s.failed for s in stats)
        self.status.setText(
            self.tr("Tổng: %1 lần đăng nhập, %2 lần sai.")
            .replace("%1", number(total))
            .replace("%2", number(failed))
        )
