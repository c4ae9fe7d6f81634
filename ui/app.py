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
from .wheel_guard import install_wheel_guard
from .workers import wait_for_tasks

__all__ = ["run_app", "create_application", "show_main_window"]

logger = logging.getLogger(__name__)


def create_application(language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Văn thư số")
    app.setOrganizationName("VanThuSo")
    app.setWindowIcon(app_icon())
    apply_language(language or load_settings().language)
    install_wheel_guard(app)  # the wheel never changes a field the user did not pick
    return app


_windows: list[MainWindow] = []
"""The window on screen (a new one replaces it when the language changes)."""


def show_main_window(session: Session, workspace: Workspace | None = None) -> MainWindow:
    window = MainWindow(workspace or Workspace(session), load_settings())
    window.relaunch_requested.connect(lambda: relaunch(window))
    window.show()
    _windows[:] = [window]
    return window


def relaunch(old: MainWindow) -> MainWindow:
    """A new window on the same sign-in, in the language just chosen: every page, dialog and
    Qt's own buttons are built in it (no half-translated window)."""
    new = show_main_window(old.session, old.workspace)
    if old.isMaximized():
        new.showMaximized()
    else:
        new.setGeometry(old.geometry())
    watching = getattr(old._pages.get("uploads"), "engine", None) is not None
    old.relaunching = True
    old.close()
    old.deleteLater()  # its timers, tray icon and tasks go with it
    if watching:  # the scans keep being uploaded, once the old engine has let the folder go
        wait_for_tasks(10_000)
        new.uploads.toggle_watch()
    return new


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
    while True:  # again after each sign-out, until the window is closed or sign-in abandoned
        if session is None:
            session = sign_in(server, username, password)
            if session is None:
                return 1
        show_main_window(session)
        code = app.exec()
        window = _windows[0]  # the last one (a language change replaces the first)
        if not window.signing_out:
            del window
            return int(code)
        server, username, password = session.client.base_url, "", ""
        end_session(window)
        del window
        session = None


def sign_in(server: str = "", username: str = "", password: str = "") -> Session | None:
    """The sign-in dialog; None when the user gives up."""
    settings = load_settings()
    dialog = LoginDialog(server or settings.server, username or settings.username)
    if password:
        dialog.password.setText(password)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
        return None
    if dialog.remember_warning:
        QMessageBox.warning(None, dialog.tr("Không lưu được đăng nhập"), dialog.remember_warning)
    return dialog.session


def end_session(window: MainWindow) -> None:
    """After sign-out (the token revoked by the window, ``MainWindow.sign_out``): no secret file
    left on disk, the cache closed; the next account signs in on a clean window."""
    wait_for_tasks(10_000)  # nothing still reading the cache it is about to close
    window.workspace.close()
    window.deleteLater()
