"""The administrator's exchange page (Liên thông): how the organisation reaches the national
axis (address, system id, a write-only secret, on/off, how often to ask), its agency code, when
the axis last answered and what went wrong, what waits, and the packages that need a hand — the
ones that could not be sent (Gửi lại, Gửi ngay) and the ones refused on arrival, with why.

Everything is read and saved through ``Workspace.exchange`` in workers; a field the server
refuses says why beside it.
"""

from __future__ import annotations

import html
import logging
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.exchange import CycleResult, Exchange, ExchangeStatus

from ..errors import describe, show_error
from ..labels import number
from ..workers import run_task
from .exchange_panel import AMBER, GREEN, GREY, RED
from .exchange_queue import PackageTables, said, when

__all__ = ["ExchangeAdminView"]

logger = logging.getLogger(__name__)


def _message(label: QLabel, text: str, colour: str) -> None:
    label.setText(text)
    label.setStyleSheet(f"color: {colour}")
    label.setVisible(bool(text))


class ExchangeAdminView(QWidget):
    """The organisation's exchange, for its administrators (``Exchange.may_administer``)."""

    def __init__(self, exchange: Exchange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeAdmin")
        self.exchange = exchange
        self.state: ExchangeStatus | None = None
        self.title = QLabel()
        self.title.setObjectName("exchangeTitle")
        self.title.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Tải lại"))
        self.reload_button.setObjectName("exchangeReload")
        self.reload_button.clicked.connect(self.reload)
        self.send_button = QPushButton(self.tr("Gửi ngay"))
        self.send_button.setObjectName("exchangeSendNow")
        self.send_button.setToolTip(self.tr("Gửi các gói đang chờ và nhận gói mới ngay bây giờ"))
        self.send_button.clicked.connect(self.send_now)
        self.notice = QLabel()
        self.notice.setObjectName("exchangeNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.result = QLabel()
        self.result.setObjectName("exchangeResult")
        self.result.setWordWrap(True)
        self.result.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.send_button)
        top.addWidget(self.reload_button)
        left = QVBoxLayout()
        left.addWidget(self._connection_box())
        left.addWidget(self._code_box())
        left.addWidget(self._state_box())
        left.addStretch(1)
        self.tables = PackageTables()
        self.tables.retry_requested.connect(self.retry)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.tables, 3)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addLayout(top)
        column.addWidget(self.notice)
        column.addWidget(self.result)
        column.addLayout(body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.title.setText("<h3>" + self.tr("Liên thông văn bản") + "</h3>")

    # -- the parts -------------------------------------------------------------------------
    def _connection_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kết nối trục liên thông"))
        self.url = QLineEdit()
        self.url.setObjectName("exchangeUrl")
        self.url.setPlaceholderText("https://")
        self.system_id = QLineEdit()
        self.system_id.setObjectName("exchangeSystemId")
        self.secret = QLineEdit()
        self.secret.setObjectName("exchangeSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Để trống: giữ nguyên khóa đã đặt"))
        self.secret_state = QLabel()
        self.secret_state.setObjectName("exchangeSecretState")
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.secret_state)
        self.enabled = QCheckBox(self.tr("Bật liên thông (gửi và nhận tự động)"))
        self.enabled.setObjectName("exchangeEnabled")
        self.poll = QSpinBox()
        self.poll.setObjectName("exchangePoll")
        self.poll.setRange(1, 3600)
        self.poll.setValue(60)
        self.poll.setSuffix(self.tr(" giây"))
        self.save_connection_button = QPushButton(self.tr("Lưu kết nối"))
        self.save_connection_button.setObjectName("exchangeSaveConnection")
        self.save_connection_button.clicked.connect(self.save_connection)
        self.connection_message = QLabel()
        self.connection_message.setObjectName("exchangeConnectionMessage")
        self.connection_message.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(self.tr("Địa chỉ trục"), self.url)
        form.addRow(self.tr("Mã hệ thống"), self.system_id)
        form.addRow(self.tr("Khóa bí mật"), secret_row)
        form.addRow("", self.enabled)
        form.addRow(self.tr("Chu kỳ hỏi trục"), self.poll)
        form.addRow("", self.save_connection_button)
        form.addRow(self.connection_message)
        return box

    def _code_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Mã định danh của đơn vị"))
        self.agency_code = QLineEdit()
        self.agency_code.setObjectName("exchangeAgencyCode")
        self.agency_code.setPlaceholderText("000.00.00.H30")
        self.agency_code.setMaxLength(35)
        self.save_code_button = QPushButton(self.tr("Lưu mã định danh"))
        self.save_code_button.setObjectName("exchangeSaveCode")
        self.save_code_button.clicked.connect(self.save_agency_code)
        self.agency_code.returnPressed.connect(self.save_agency_code)
        self.code_message = QLabel()
        self.code_message.setObjectName("exchangeCodeMessage")
        self.code_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.agency_code, 1)
        row.addWidget(self.save_code_button)
        column = QVBoxLayout(box)
        column.addLayout(row)
        hint = QLabel(self.tr("Theo Quyết định 20/2020/QĐ-TTg, tối đa 35 ký tự."))
        hint.setStyleSheet(f"color: {GREY}")
        column.addWidget(hint)
        column.addWidget(self.code_message)
        return box

    def _state_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tình trạng"))
        self.last_contact = QLabel("—")
        self.last_contact.setObjectName("exchangeLastContact")
        self.last_error = QLabel("—")
        self.last_error.setObjectName("exchangeLastError")
        self.last_error.setWordWrap(True)
        self.counts: dict[str, QLabel] = {}
        grid = QGridLayout()
        for place, (key, text) in enumerate(
            (
                ("queued", self.tr("Chờ gửi")),
                ("failed", self.tr("Gửi lỗi")),
                ("sent", self.tr("Đã gửi")),
                ("received", self.tr("Đã nhận")),
                ("rejected", self.tr("Bị từ chối")),
                ("agencies", self.tr("Cơ quan trong danh mục")),
            )
        ):
            value = QLabel("—")
            value.setObjectName(f"exchangeCount_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            self.counts[key] = value
            row, column = divmod(place, 2)
            grid.addWidget(QLabel(text), row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)
        grid.setColumnMinimumWidth(2, 24)
        form = QFormLayout(box)
        form.addRow(self.tr("Liên lạc gần nhất"), self.last_contact)
        form.addRow(self.tr("Lỗi gần nhất"), self.last_error)
        form.addRow(grid)
        return box

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """The organisation's exchange as the server has it now, read in a worker."""
        self.reload_button.setEnabled(False)
        run_task(
            self.exchange.status, on_done=self.show_state, on_error=self._not_loaded, owner=self
        )

    def _not_loaded(self, exc: Exception) -> None:
        self.reload_button.setEnabled(True)
        _message(self.result, ": ".join(describe(exc)), RED)

    def show_state(self, state: ExchangeStatus) -> None:
        self.state = state
        self.reload_button.setEnabled(True)
        code = state.agency_code or self.tr("chưa có mã định danh")
        self.title.setText(
            "<h3>"
            + html.escape(
                self.tr("Liên thông văn bản — %1 (%2)")
                .replace("%1", state.organisation)
                .replace("%2", code)
            )
            + "</h3>"
        )
        if not state.configured:
            _message(
                self.notice,
                self.tr("Đơn vị chưa kết nối trục liên thông: nhập địa chỉ, mã hệ thống và khóa."),
                AMBER,
            )
        elif not state.enabled:
            _message(self.notice, self.tr("Liên thông đang tắt: không gửi, không nhận."), AMBER)
        else:
            _message(self.notice, "", GREY)
        self.url.setText(state.url)
        self.system_id.setText(state.system_id)
        self.enabled.setChecked(state.enabled if state.configured else True)
        self.poll.setValue(state.poll_seconds)
        if state.secret_set:
            _message(self.secret_state, self.tr("đã đặt"), GREEN)
            self.secret.setPlaceholderText(self.tr("Để trống: giữ nguyên khóa đã đặt"))
        else:
            _message(self.secret_state, self.tr("chưa đặt"), AMBER)
            self.secret.setPlaceholderText(self.tr("Khóa do trục cấp, ít nhất 8 ký tự"))
        self.agency_code.setText(state.agency_code or "")
        self.last_contact.setText(
            when(state.last_contact_at) if state.last_contact_at else self.tr("chưa liên lạc")
        )
        if state.last_error:
            _message(self.last_error, said(state.last_error), RED)
        else:
            _message(self.last_error, self.tr("không có"), GREY)
        for key, label in self.counts.items():
            label.setText(number(int(getattr(state, key))))
        self.counts["failed"].setStyleSheet(f"color: {RED}" if state.failed else "")
        self.counts["rejected"].setStyleSheet(f"color: {RED}" if state.rejected else "")
        self.tables.show_state(state)

    # -- saving ------------------------------------------------------------------------------
    def save_connection(self) -> None:
        secret = self.secret.text() or None  # empty: the secret set before stays
        self.save_connection_button.setEnabled(False)
        _message(self.connection_message, self.tr("Đang lưu…"), GREY)
        run_task(
            partial(
                self.exchange.connect,
                self.url.text(),
                self.system_id.text(),
                secret,
                enabled=self.enabled.isChecked(),
                poll_seconds=self.poll.value(),
            ),
            on_done=partial(self._saved, self.connection_message, self.tr("Đã lưu kết nối.")),
            on_error=partial(self._refused, self.connection_message),
            owner=self,
        )

    def save_agency_code(self) -> None:
        code = self.agency_code.text().strip()
        if not code:
            _message(self.code_message, self.tr("Hãy nhập mã định danh của đơn vị."), RED)
            return
        self.save_code_button.setEnabled(False)
        _message(self.code_message, self.tr("Đang lưu…"), GREY)
        run_task(
            self.exchange.set_agency_code,
            code,
            on_done=partial(self._saved, self.code_message, self.tr("Đã lưu mã định danh.")),
            on_error=partial(self._refused, self.code_message),
            owner=self,
        )

    def _saved(self, label: QLabel, text: str, state: ExchangeStatus) -> None:
        self.save_connection_button.setEnabled(True)
        self.save_code_button.setEnabled(True)
        self.secret.clear()  # written once, never shown again
        self.show_state(state)
        _message(label, text, GREEN)

    def _refused(self, label: QLabel, exc: Exception) -> None:
        self.save_connection_button.setEnabled(True)
        self.save_code_button.setEnabled(True)
        _message(label, describe(exc)[1], RED)

    # -- the queue ---------------------------------------------------------------------------
    def retry(self, package_id: int, _checked: bool = False) -> None:
        run_task(
            self.exchange.retry,
            package_id,
            on_done=lambda _r: self._after(self.tr("Gói đã vào hàng chờ gửi lại.")),
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    def send_now(self) -> None:
        self.send_button.setEnabled(False)
        _message(self.result, self.tr("Đang gửi và nhận…"), GREY)
        run_task(
            self.exchange.send_pending,
            on_done=self._sent,
            on_error=self._send_failed,
            owner=self,
        )

    def _sent(self, cycle: CycleResult) -> None:
        self.send_button.setEnabled(True)
        if not cycle.ran:
            text = self.tr("Máy chủ đang gửi ở một tiến trình khác; các gói sẽ đi ngay sau đó.")
        else:
            text = (
                self.tr("Đã gửi %1 gói, nhận %2 gói; lỗi %3.")
                .replace("%1", number(cycle.sent))
                .replace("%2", number(cycle.received))
                .replace("%3", number(cycle.failed))
            )
        if cycle.errors:
            text += "\n" + "\n".join(cycle.errors[:5])
        self._after(text, RED if cycle.errors or cycle.failed else GREEN)

    def _send_failed(self, exc: Exception) -> None:
        self.send_button.setEnabled(True)
        _message(self.result, "", GREY)
        show_error(self, exc)

    def _after(self, text: str, colour: str = GREEN) -> None:
        _message(self.result, text, colour)
        self.reload()
