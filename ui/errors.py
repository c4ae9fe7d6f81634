"""One place that turns exceptions into readable dialogs, and logs the rest.

Unexpected exceptions are written to a log file under the log folder (never
a PIN or password) and shown as a short message, never a traceback."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from base.errors import VanThuError, current_language
from base.paths import app_paths

__all__ = ["show_error", "install_excepthook", "setup_logging"]

logger = logging.getLogger(__name__)


def setup_logging() -> None:
    folder = app_paths().ensure().logs
    handler = logging.handlers.RotatingFileHandler(
        folder / "vanthu.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def describe(exc: BaseException) -> tuple[str, str]:
    lang = current_language()
    if isinstance(exc, VanThuError):
        return exc.title(lang), exc.message(lang)
    if lang == "en":
        return (
            "Unexpected error",
            f"Something went wrong ({type(exc).__name__}). Details are in the log file.",
        )
    return (
        "Lỗi không mong đợi",
        f"Đã xảy ra lỗi ({type(exc).__name__}). Chi tiết được ghi trong tệp nhật ký.",
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title, message = describe(exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorBox")
    box.open()


def install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        logger.error("unhandled exception", exc_info=(kind, exc, tb))
        show_error(None, exc)

    sys.excepthook = hook
