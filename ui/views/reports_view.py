"""The registers and the processing report: pick one and a date range, look at it, save it
as PDF for printing or as XLSX. The server is asked and the file written off the GUI thread."""

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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from base.errors import current_language
from services.reports import ReportKind, ReportTable, build_report, export_report
from services.session import Session

from ..errors import describe
from ..labels import number
from ..workers import run_task

__all__ = ["ReportsView"]

_FILE_NAMES = {
    ReportKind.INCOMING: "so-van-ban-den",
    ReportKind.OUTGOING: "so-van-ban-di",
    ReportKind.PROCESSING: "bao-cao-xu-ly",
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportsView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: ReportTable | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        today = today_in_vietnam()
        self.start = QDateEdit(_qdate(dt.date(today.year, 1, 1)))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.show_button = QPushButton()
        self.show_button.setObjectName("showReport")
        self.show_button.clicked.connect(self.load)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.save_as(".pdf"))
        self.xlsx_button = QPushButton()
        self.xlsx_button.clicked.connect(lambda: self.save_as(".xlsx"))
        self.from_label, self.to_label = QLabel(), QLabel()
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget()
        self.table.setObjectName("reportTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.kind, 2)
        for widget in (self.from_label, self.start, self.to_label, self.end):
            controls.addWidget(widget)
        for button in (self.show_button, self.pdf_button, self.xlsx_button):
            controls.addWidget(button)
        column = QVBoxLayout(self)
        column.addLayout(controls)
        column.addWidget(self.heading)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        self.retranslate()
        self._enable(False)

    def retranslate(self) -> None:
        current = self.kind.currentData()
        self.kind.clear()
        for kind, label in (
            (ReportKind.INCOMING, self.tr("Sổ đăng ký văn bản đến")),
            (ReportKind.OUTGOING, self.tr("Sổ đăng ký văn bản đi")),
            (ReportKind.PROCESSING, self.tr("Tình hình xử lý theo phòng ban")),
        ):
            self.kind.addItem(label, kind)
        if current is not None:
            self.kind.setCurrentIndex(self.kind.findData(current))
        self.from_label.setText(self.tr("Từ ngày"))
        self.to_label.setText(self.tr("đến ngày"))
        self.show_button.setText(self.tr("Xem"))
        self.pdf_button.setText(self.tr("Lưu PDF…"))
        self.xlsx_button.setText(self.tr("Lưu Excel…"))

    def _enable(self, saved: bool) -> None:
        self.pdf_button.setEnabled(saved)
        self.xlsx_button.setEnabled(saved)

    def _range(self) -> tuple[dt.date, dt.date]:
        return _day(self.start.date()), _day(self.end.date())

    def load(self) -> None:
        kind = ReportKind(self.kind.currentData())
        start, end = self._range()
        self.status.setText(self.tr("Đang lập báo cáo…"))
        self.show_button.setEnabled(False)
        run_task(
            build_report,
            self.session,
            kind,
            start,
            end,
            current_language(),
            on_done=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _show(self, report: ReportTable) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        self.heading.setText(f"{report.title}\n{report.period}")
        rows = [*report.rows, *((report.totals,) if report.totals is not None else ())]
        self.table.clear()
        self.table.setColumnCount(len(report.columns))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([c.heading for c in report.columns])
        counts = report.totals is not None  # summed columns are counts: 1.413, not 1413
        for r, values in enumerate(rows):
            for c, (value, column) in enumerate(zip(values, report.columns, strict=True)):
                count = counts and column.numeric and isinstance(value, int)
                item = QTableWidgetItem(number(value) if count else str(value))
                if column.numeric:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        total = sum(c.width for c in report.columns)
        width = max(600, self.table.viewport().width())
        for c, column in enumerate(report.columns):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(c, int(width * column.width / total))
        header.setStretchLastSection(True)
        self.status.setText(self.tr("%n dòng", "", len(report.rows)))
        self._enable(True)

    def _failed(self, exc: Exception) -> None:
        self.show_button.setEnabled(True)
        self.status.setText(": ".join(describe(exc)))

    def save_as(self, suffix: str) -> None:
        if self.report is None:
            return
        start, end = self._range()
        kind = self.report.kind
        stem = _FILE_NAMES[kind] if kind is not None else "bao-cao"
        name = f"{stem}-{start:%Y%m%d}-{end:%Y%m%d}{suffix}"
        kinds = (
            self.tr("Tệp PDF (*.pdf)") if suffix == ".pdf" else self.tr("Bảng tính Excel (*.xlsx)")
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu báo cáo"), str(Path.home() / name), kinds
        )
        if chosen:
            self.save_to(Path(chosen) if Path(chosen).suffix else Path(chosen + suffix))

    def save_to(self, path: Path) -> None:
        """Write the report shown to ``path`` (its suffix picks PDF or XLSX)."""
        if self.report is None:
            return
        self.status.setText(self.tr("Đang lưu…"))
        run_task(
            export_report,
            self.report,
            path,
            on_done=lambda saved: self.status.setText(
                self.tr("Đã lưu: %1").replace("%1", str(saved))
            ),
            on_error=self._failed,
            owner=self,
        )
