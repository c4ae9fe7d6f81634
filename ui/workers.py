"""Background work for the UI: every network, token, disk or rendering call
runs on a QThreadPool; progress and results come back as signals.

``run_task(fn, …)`` calls ``fn(*args, progress=…, cancel=…)`` when ``fn``
accepts those keywords; the returned ``Task`` can be cancelled.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["Task", "run_task", "wait_for_tasks", "tasks_idle"]

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
            params: Mapping[str, inspect.Parameter] = inspect.signature(self.fn).parameters
        except (TypeError, ValueError):
            params = {}
        if "progress" in params:
            kwargs["progress"] = lambda done, total: self.signals.progress.emit(
                int(done), int(total or 0)
            )
        if "cancel" in params:
            kwargs["cancel"] = self.cancel
        try:
            result = self.fn(*self.args, **kwargs)
        except Exception as exc:
            if not getattr(exc, "title_vi", None):
                logger.exception("background task failed")
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


_running: set[Task] = set()


def _while_alive(owner: QObject | None, callback: Callable[..., None]) -> Callable[..., None]:
    """A result that arrives after its window closed is dropped, not delivered to a deleted widget."""
    if owner is None:
        return callback

    def deliver(*values: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*values)

    return deliver


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    owner: QObject | None = None,
) -> Task:
    """Run ``fn(*args)`` in the pool; callbacks run on the GUI thread while ``owner`` exists."""
    task = Task(fn, *args)
    _running.add(task)
    if on_progress:
        task.signals.progress.connect(_while_alive(owner, on_progress))
    if on_done:
        task.signals.finished.connect(_while_alive(owner, on_done))
    if on_error:
        task.signals.failed.connect(_while_alive(owner, on_error))
    task.signals.finished.connect(lambda _r: _running.discard(task))
    task.signals.failed.connect(lambda _e: _running.discard(task))
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def tasks_idle() -> bool:
    """No background task is running or waiting for its callback (a page has what it asked for)."""
    return not _running
