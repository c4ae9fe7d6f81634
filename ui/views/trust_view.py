"""The trusted certificate authorities, with the fingerprints to compare with the operators'.

Everyone sees the list (which PKI, where each entry comes from, valid until,
SHA-256); administrators may add a certificate, disable or enable one, or
replace one with a newer certificate on this machine — the organisation's
own list comes from the server with every sync.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from base.errors import current_language
from services import trust
from signing.trust_store import TrustAnchor

from ..errors import show_error

__all__ = ["TrustListView"]

logger = logging.getLogger(__name__)


class TrustListView(QWidget):
    def __init__(self, can_manage: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.can_manage = can_manage
        self.anchors: list[TrustAnchor] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("trustTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Trạng thái"),
                self.tr("Chứng thư"),
                self.tr("Hạ tầng"),
                self.tr("Hiệu lực đến"),
                "SHA-256",
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(170)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button = QPushButton(self.tr("Thêm chứng thư…"))
        self.add_button.setObjectName("trustAdd")
        self.add_button.clicked.connect(self.add)
        self.toggle_button = QPushButton(self.tr("Tắt"))
        self.toggle_button.setObjectName("trustToggle")
        self.toggle_button.clicked.connect(self.toggle)
        self.replace_button = QPushButton(self.tr("Thay bằng bản mới…"))
        self.replace_button.setObjectName("trustReplace")
        self.replace_button.clicked.connect(self.replace)
        self.details = QLabel()
        self.details.setObjectName("trustDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "So dấu vân tay SHA-256 với trang của nhà cung cấp (ca.gov.vn, rootca.gov.vn) "
                "trước khi tin cậy. Danh sách của đơn vị được cập nhật từ máy chủ mỗi lần đồng bộ."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.replace_button):
            button.setVisible(can_manage)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        try:
            self.anchors = trust.anchors()
        except Exception as exc:  # noqa: BLE001 - a damaged trust list is shown, not fatal
            show_error(self, exc)
            self.anchors = []
        lang = current_language()
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.table.setRowCount(len(self.anchors))
        sources = {
            "built_in": self.tr("cài sẵn"),
            "organisation": self.tr("của đơn vị"),
            "local": self.tr("thêm trên máy này"),
        }
        for row, anchor in enumerate(self.anchors):
            state = self.tr("Tin cậy") if anchor.enabled else self.tr("Đã tắt")
            cells = (
                f"{state} ({sources[anchor.source.value]})",
                anchor.name,
                trust.pki_label(anchor.pki, lang),
                anchor.valid_until,
                anchor.fingerprint,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(anchor.certificate.subject.human_friendly if column == 1 else text)
                if column == 4:
                    item.setFont(mono)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsSelectable)
                if not anchor.enabled:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        self._selected()

    def _current(self) -> TrustAnchor | None:
        row = self.table.currentRow()
        return self.anchors[row] if 0 <= row < len(self.anchors) else None

    def _selected(self) -> None:
        anchor = self._current()
        self.toggle_button.setEnabled(anchor is not None)
        self.replace_button.setEnabled(anchor is not None)
        if anchor is None:
            self.details.setText(self.tr("Chọn một dòng để xem đầy đủ dấu vân tay."))
            return
        self.toggle_button.setText(self.tr("Tắt") if anchor.enabled else self.tr("Bật"))
        fp = anchor.fingerprint
        half = len(fp) // 2 + 1  # two lines of 16 bytes: "F0:4B:…" as the operators print it
        issuer = anchor.certificate.issuer.native.get("common_name", "")
        issued_by = self.tr("cấp bởi")
        self.details.setText(
            f"<b>{anchor.name}</b> — {issued_by} {issuer}, "
            f"{anchor.valid_from} → {anchor.valid_until}<br>"
            f"<span style='font-family: monospace'>SHA-256 {fp[:half]}<br>"
            f"&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{fp[half:]}</span>"
        )

    def _pick_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp chứng thư"), "", self.tr("Chứng thư (*.pem *.crt *.cer *.der)")
        )
        return Path(name) if name else None

    def add(self, path: Path | None = None) -> None:
        path = path or self._pick_file()
        if path is None:
            return
        try:
            trust.add_anchor(path)
        except Exception as exc:  # noqa: BLE001 - the user's file: shown, nothing changed
            show_error(self, exc)
        self.reload()

    def toggle(self) -> None:
        anchor = self._current()
        if anchor is None:
            return
        try:
            trust.set_enabled(anchor.fingerprint, not anchor.enabled)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
        self.reload()

    def replace(self, path: Path | None = None) -> None:
        anchor = self._current()
        path = path or (self._pick_file() if anchor is not None else None)
        if anchor is None or path is None:
            return
        try:
            trust.replace_anchor(anchor.fingerprint, path)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
        self.reload()
