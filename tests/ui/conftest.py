"""Qt test set-up: offscreen platform, Qt warnings fail the test, a signed-in session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler

from ui.workers import wait_for_tasks

SCREENSHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "screenshots")
IGNORED = (
    "propagateSizeHints",
    "QSystemTrayIcon",
    "This plugin does not support",
    "Populating font family",
)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp):  # type: ignore[no-untyped-def]
    problems: list[str] = []

    def handler(kind, _context, message):  # type: ignore[no-untyped-def]
        if kind in (
            QtMsgType.QtWarningMsg,
            QtMsgType.QtCriticalMsg,
            QtMsgType.QtFatalMsg,
        ) and not any(part in message for part in IGNORED):
            problems.append(message)

    previous = qInstallMessageHandler(handler)
    yield
    wait_for_tasks(30000)
    qInstallMessageHandler(previous)
    assert problems == [], problems


@pytest.fixture
def ui_server(server_factory):  # type: ignore[no-untyped-def]
    return server_factory(documents=60, pdfs=8)


@pytest.fixture
def story_server(server_factory):  # type: ignore[no-untyped-def]
    """A server with the demo's story: work at every stage for every role."""
    return server_factory(documents=30, pdfs=4, story=True)


@pytest.fixture
def session(ui_server):  # type: ignore[no-untyped-def]
    from services.session import open_session

    return open_session(ui_server.base_url, *ui_server.credentials("leader"))


@pytest.fixture
def window(qtbot, session):  # type: ignore[no-untyped-def]
    """The leader's main window at a common laptop size, synced and with its first page loaded."""
    from services.workspace import Workspace
    from ui.app import create_application
    from ui.settings import UiSettings
    from ui.views.main_window import MainWindow

    create_application("vi")
    win = MainWindow(Workspace(session), UiSettings())
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)  # the app maximises on a laptop screen
    win.resize(1366, 768)
    win.show()
    win.show_named("incoming")  # the full list; the leader's queues come first
    qtbot.waitUntil(lambda: "Trực tuyến" in win.status_label.text(), timeout=20000)
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() > 0, timeout=10000)
    return win


def screenshot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    os.makedirs(SCREENSHOTS, exist_ok=True)
    widget.grab().save(os.path.join(SCREENSHOTS, f"{name}.png"))


def open_window(qtbot, server, role: str, language: str = "vi"):  # type: ignore[no-untyped-def]
    """``role`` signs in and the main window opens, synced, at a laptop's size (1366×768)."""
    from services.session import open_session
    from services.workspace import Workspace
    from ui.app import create_application
    from ui.settings import UiSettings
    from ui.views.main_window import MainWindow

    create_application(language)
    win = MainWindow(
        Workspace(open_session(server.base_url, *server.credentials(role))),
        UiSettings(language=language),
    )
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.resize(1366, 768)
    win.show()
    online = "Trực tuyến" if language == "vi" else "Online"
    qtbot.waitUntil(lambda: online in win.status_label.text(), timeout=20000)
    return win


@pytest.fixture
def profile(softhsm_token, images, test_pki):  # type: ignore[no-untyped-def]
    """The token, the leader's certificate and both images, as set up once in Cài đặt."""
    from signing.profiles import Level, SigningProfile, save_profile

    saved = SigningProfile(
        level=Level.B_B,
        tsa_url=None,
        signature_image=str(images[0]),
        seal_image=str(images[1]),
        module_path=softhsm_token.module_path,
        token_label=softhsm_token.token_label,
        key_id="01",
        trust_roots=(str(test_pki.root_pem),),
    )
    save_profile(saved)
    return saved
