"""The window never waits for the disk: with a deliberately slow cache, the event loop keeps
running while pages and documents load, and stopping the watched folder never joins on the GUI."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pymupdf
from PySide6.QtCore import QTimer
from sqlalchemy import Connection

from client.cache import CacheStore, FileCache, Outbox
from services.session import Session, open_session
from services.workspace import Workspace
from ui.app import create_application
from ui.settings import UiSettings
from ui.views.main_window import MainWindow

DELAY = 0.8


class SlowStore(CacheStore):
    """Every read waits, as on a busy network drive."""

    @contextmanager
    def read(self) -> Iterator[Connection]:
        time.sleep(DELAY)
        with super().read() as conn:
            yield conn


def _slow_session(fast: Session, tmp_path) -> Session:  # type: ignore[no-untyped-def]
    store = SlowStore(fast.store.path)
    return Session(
        fast.client,
        fast.user,
        store,
        FileCache(store, tmp_path / "files"),
        Outbox(store, tmp_path / "out"),
    )


def _ticks_while(qtbot, busy, seconds: float) -> int:  # type: ignore[no-untyped-def]
    """How often a 20 ms timer fired during ``seconds`` while ``busy()`` held."""
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(busy()))
    timer.start()
    qtbot.wait(int(seconds * 1000))
    timer.stop()
    return sum(ticks)


def test_a_slow_cache_never_blocks_the_window(qtbot, session, tmp_path) -> None:
    Workspace(session).sync_now()  # the real cache is full; the window reads it slowly
    create_application("vi")
    started = time.perf_counter()
    window = MainWindow(Workspace(_slow_session(session, tmp_path)), UiSettings())
    qtbot.addWidget(window)
    window.show()
    assert time.perf_counter() - started < DELAY  # building the window read nothing
    window.show_named("incoming")  # the full list, not the leader's (empty) first queue
    assert window.model.loading
    assert _ticks_while(qtbot, lambda: window.model.loading, DELAY * 0.7) >= 10
    qtbot.waitUntil(lambda: not window.model.loading and window.model.rowCount() > 0, timeout=20000)
    first = window.model.row_at(0).id
    started = time.perf_counter()
    window.open_document(first)
    assert time.perf_counter() - started < DELAY / 4
    qtbot.waitUntil(lambda: window.document_view.document is not None, timeout=20000)
    assert window.document_view.document.id == first


def test_stopping_the_watched_folder_does_not_freeze_the_window(qtbot, ui_server, tmp_path) -> None:
    create_application("vi")
    window = MainWindow(
        Workspace(open_session(ui_server.base_url, *ui_server.credentials("archivist"))),
        UiSettings(),
    )
    qtbot.addWidget(window)
    folder = tmp_path / "scans"
    folder.mkdir()
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "scan")
    doc.save(folder / "a.pdf")
    window.uploads.folder.setText(str(folder))
    window.uploads.toggle_watch()
    qtbot.waitUntil(lambda: window.uploads.engine is not None, timeout=20000)
    started = time.perf_counter()
    window.uploads.stop()
    assert time.perf_counter() - started < 0.1  # the engine's threads are joined in a worker
    assert window.uploads.toggle.text() == "Bắt đầu theo dõi"
