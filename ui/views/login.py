"""Sign-in dialog: server, username, password, remember me, CA bundle."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from client.api import is_safe_url
from client.credentials import KeyringUnavailable, TokenStore
from services.session import Session, open_session, remember_login

from ..errors import describe
from ..workers import run_task

__all__ = ["LoginDialog"]

logger = logging.getLogger(__name__)


class LoginDialog(QDialog):
    def __init__(self, server: str = "", username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.remember_warning = ""
        """Set when “remember me” could not be honoured (no OS keyring); the window shows it."""
        self.setWindowTitle(self.tr("Đăng nhập — Văn thư số"))
        self.server = QLineEdit(server or "https://")
        self.server.setObjectName("server")
        self.insecure_warning = QLabel(
            self.tr(
                "Cảnh báo: địa chỉ http:// không được mã hoá — mật khẩu và văn bản đi qua mạng "
                "dưới dạng rõ. Hãy dùng https://."
            )
        )
        self.insecure_warning.setObjectName("insecureWarning")
        self.insecure_warning.setStyleSheet("color: #c62828; font-weight: bold")
        self.insecure_warning.setWordWrap(True)
        self.insecure = QCheckBox(self.tr("Tôi hiểu rủi ro và vẫn kết nối không mã hoá"))
        self.insecure.setObjectName("allowInsecure")
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("(tùy chọn) chứng chỉ CA của đơn vị"))
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle)
        ca_row.addWidget(browse)
        self.remember = QCheckBox(self.tr("Ghi nhớ đăng nhập"))
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Máy chủ"), self.server)
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow(self.tr("Chứng chỉ CA"), ca_row)
        form.addRow("", self.remember)
        form.addRow("", self.insecure_warning)
        form.addRow("", self.insecure)
        self.server.textChanged.connect(self._check_address)
        self._check_address(self.server.text())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        name, what = self.tr("Văn thư số"), self.tr("Hệ thống quản lý văn bản và điều hành")
        title = QLabel(f"<h2>{name}</h2><p>{what}</p>")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _check_address(self, text: str) -> None:
        """A plain http:// server that is not this machine is shown in red and needs a confirmation."""
        unsafe = text.strip().lower().startswith("http://") and not is_safe_url(text)
        self.insecure_warning.setVisible(unsafe)
        self.insecure.setVisible(unsafe)
        if not unsafe:
            self.insecure.setChecked(False)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn chứng chỉ CA"), "", "PEM (*.pem *.crt *.cer)"
        )
        if path:
            self.ca_bundle.setText(path)

    def submit(self) -> None:
        self.error.clear()
        self.buttons.setEnabled(False)
        password = self.password.text()
        self.password.clear()
        ca_bundle = self.ca_bundle.text().strip()
        remember = self.remember.isChecked()
        allow_insecure = self.insecure.isChecked()

        def sign_in() -> tuple[Session, str]:
            session = open_session(
                self.server.text().strip(),
                self.username.text().strip(),
                password,
                ca_bundle,
                allow_insecure_http=allow_insecure,
            )
            if not remember:
                return session, ""
            try:
                remember_login(session, TokenStore.KEYRING, ca_bundle)
            except (
                KeyringUnavailable
            ) as exc:  # signed in, just not remembered: say so, store nothing
                return session, exc.message()
            return session, ""

        run_task(sign_in, on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, result: tuple[Session, str]) -> None:
        self.session, self.remember_warning = result
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        title, message = describe(exc)
        self.error.setText(f"<b>{title}</b>: {message}")
