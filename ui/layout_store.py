"""Where the window keeps its layout (size, splitters, columns): a small INI file in the
installation's settings folder, so each profile (and each test) has its own."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from base.paths import app_paths

__all__ = ["layout_settings"]


def layout_settings() -> QSettings:
    """The layout store of this installation (``VANTHU_HOME`` honoured)."""
    folder = app_paths().ensure().config
    return QSettings(str(folder / "layout.ini"), QSettings.Format.IniFormat)
