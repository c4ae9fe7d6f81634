"""Application start-up: Qt app, language, logging, login, main window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from services.session import Session
from services.workspace import Workspace

from .app_icon import app_icon
from .errors import install_excepthook, setup_logging
from .i18n import apply_language
from .settings import load_settings
from .views.login import LoginDialog
from .views.main_window import MainWindow

__all__ = ["run_app", "create_application", "show_main_window"]

logger = logging.getLogger(__name__)


def create_application(language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Văn thư số")
    app.setOrganizationName("VanThuSo")
    app.setWindowIcon(app_icon())
    apply_language(language or load_settings().language)
    return app


def show_main_window(session: Session) -> MainWindow:
    window = MainWindow(Workspace(session), load_settings())
    window.show()
    return window


def run_app(
    args: argparse.Namespace | None = None,
    session: Session | None = None,
    server: str = "",
    username: str = "",
    password: str = "",
) -> int:
    app = create_application()
    setup_logging()
    install_excepthook()
    if session is None:
        settings = load_settings()
        dialog = LoginDialog(server or settings.server, username or settings.username)
        if password:
            dialog.password.setText(password)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
            return 1
        session = dialog.session
        if dialog.remember_warning:
            QMessageBox.warning(
                None, dialog.tr("Không lưu được đăng nhập"), dialog.remember_warning
            )
    window = show_main_window(session)
    code = app.exec()
    del window
    return int(code)
