"""The two tables of the administrator's exchange page: the packages going out that need a
hand (to whom, what, where it stands after how many tries, why — and «Gửi lại» for each) and
the packages refused on arrival, with the reason in the UI language."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from base.errors import current_language
from services.exchange import ExchangeStatus

from ..labels import exchange_code_label, in_language, number
from .exchange_panel import AMBER, GREY, RED

__all__ = ["PackageTables", "when", "said"]


def when(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M") if moment else "—"


def said(text: str) -> str:
    """An error the server keeps in both languages (Vietnamese line, English line): the UI's."""
    return "\n".join(in_language(text, current_language()))


def _table(name: str, headers: list[str], stretch: int | None = None) -> QTableWidget:
    """A read-only table; column ``stretch`` (else the last) takes the room left."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(
        len(headers) - 1 if stretch is None else stretch, QHeaderView.ResizeMode.Stretch
    )
    table.setMinimumHeight(150)
    return table


class PackageTables(QWidget):
    """Problem packages above, refused ones below; ``retry_requested`` carries a package id."""

    retry_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._problems_box(), 1)
        column.addWidget(self._refused_box(), 1)

    def show_state(self, state: ExchangeStatus) -> None:
        self._fill_problems(state)
        self._fill_refused(state)

    def _problems_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gói gửi đi có vấn đề"))
        self.problems = _table(
            "exchangeProblems",
            [
                self.tr("Nơi nhận"),
                self.tr("Gói"),
                self.tr("Trạng thái"),
                self.tr("Lỗi"),
                "",
            ],
            stretch=3,
        )
        self.problems_empty = QLabel(self.tr("Không có gói nào cần xử lý."))
        self.problems_empty.setStyleSheet(f"color: {GREY}")
        self.problems_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column = QVBoxLayout(box)
        column.addWidget(self.problems_empty)
        column.addWidget(self.problems, 1)
        return box

    def _refused_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Gói nhận bị từ chối"))
        self.refused = _table(
            "exchangeRefused",
            [
                self.tr("Nhận lúc"),
                self.tr("Nơi gửi"),
                self.tr("Mã định danh văn bản"),
                self.tr("Nguồn"),
                self.tr("Lý do"),
            ],
        )
        self.refused_empty = QLabel(self.tr("Không có gói nào bị từ chối."))
        self.refused_empty.setStyleSheet(f"color: {GREY}")
        self.refused_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        column = QVBoxLayout(box)
        column.addWidget(self.refused_empty)
        column.addWidget(self.refused, 1)
        return box

    def _fill_problems(self, state: ExchangeStatus) -> None:
        """One row per package: to whom, what (a document, or our status about one), where it
        stands after how many tries, why — and its «Gửi lại»."""
        self.problems.setRowCount(len(state.problems))
        for row, package in enumerate(state.problems):
            if package.kind == "status" and package.status_code:
                kind = self.tr("Trạng thái «%1»").replace(
                    "%1", exchange_code_label(package.status_code)
                )
            else:
                kind = self.tr("Văn bản")
            if package.document_id:
                kind += f" #{package.document_id}"
            waiting = package.state == "queued"
            where = self.tr("Chờ gửi lại") if waiting else self.tr("Gửi lỗi")
            where += self.tr(" (%1 lần thử)").replace("%1", number(package.attempts))
            made = self.tr("Tạo lúc %1").replace("%1", when(package.created_at))
            for column, text in enumerate(
                (package.recipient, kind, where, said(package.last_error))
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text}\n{made}")
                if column == 2:
                    item.setForeground(_colour(AMBER if waiting else RED))
                self.problems.setItem(row, column, item)
            retry = QPushButton(self.tr("Gửi lại"))
            retry.setObjectName(f"exchangeRetry_{package.id}")
            retry.clicked.connect(partial(self._retry, package.id))
            cell = QWidget()
            centred = QVBoxLayout(cell)
            centred.setContentsMargins(4, 2, 4, 2)
            centred.addWidget(retry, 0, Qt.AlignmentFlag.AlignCenter)
            self.problems.setCellWidget(row, 4, cell)
        self.problems.setVisible(bool(state.problems))
        self.problems_empty.setVisible(not state.problems)
        self.problems.resizeRowsToContents()

    def _fill_refused(self, state: ExchangeStatus) -> None:
        language = current_language()
        self.refused.setRowCount(len(state.refused))
        for row, package in enumerate(state.refused):
            cells = (
                when(package.received_at),
                package.sender or "—",
                package.document_identifier or "—",
                self.tr("Trục liên thông") if package.source == "axis" else self.tr("Tệp"),
                "\n".join(in_language(package.problem, language)),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.refused.setItem(row, column, item)
        self.refused.setVisible(bool(state.refused))
        self.refused_empty.setVisible(not state.refused)
        self.refused.resizeRowsToContents()

    def _retry(self, package_id: int, _checked: bool = False) -> None:
        self.retry_requested.emit(package_id)


def _colour(colour: str) -> QBrush:
    return QBrush(QColor(colour))
