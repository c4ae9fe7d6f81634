"""Background work for the UI: every network, token, disk or rendering call
runs on a QThreadPool; progress and results come back as signals.

``run_task(fn, …)`` calls ``fn(*args, progress=…, cancel=…)`` when ``fn``
accepts those keywords; the returned ``Task`` can be cancelled.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["Task", "run_task", "wait_for_tasks"]

logger = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.fn, self.args = fn, args
        self.signals = _Signals()
        self.cancel = threading.Event()
        self.setAutoDelete(False)

    def run(self) -> None:
        kwargs: dict[str, Any] = {}
        try:
            params = inspect.signature(self.fn).parameters
        except (TypeError, ValueError):
            params = {}
        if "progress" in params:
            kwargs["progress"] = lambda done, total: self.signals.progress.emit(int(done), int(total or 0))
        if "cancel" in params:
            kwargs["cancel"] = self.cancel
        try:
            result = self.fn(*self.args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - reported to the UI as a readable message
            if not getattr(exc, "title_vi", None):
                logger.exception("background task failed")
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


_running: set[Task] = set()


def run_task(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception], None] | None = None,
             on_progress: Callable[[int, int], None] | None = None) -> Task:
    task = Task(fn, *args)
    _running.add(task)
    if on_progress:
        task.signals.progress.connect(on_progress)
    if on_done:
        task.signals.finished.connect(on_done)
    if on_error:
        task.signals.failed.connect(on_error)
    task.signals.finished.connect(lambda _r: _running.discard(task))
    task.signals.failed.connect(lambda _e: _running.discard(task))
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
