"""The application icon, from the sizes drawn by ``installer/make_icon.py``."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

from base.resources import resource_path

__all__ = ["app_icon"]

logger = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """Every drawn size, so Qt never scales a 256 px image down to a blurry 16 px one."""
    icon = QIcon()
    for path in sorted(resource_path("icons").glob("app-*.png")):
        icon.addFile(str(path))
    return icon
