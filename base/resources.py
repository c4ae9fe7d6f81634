"""Where the shipped resources (fonts, translations, icons, images) live.

From a source tree they sit in ``resources/`` beside the packages; in the
PyInstaller bundle they are unpacked under ``sys._MEIPASS``. Every module
asks here instead of walking up from its own ``__file__``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

__all__ = ["resource_path", "bundle_root"]

logger = logging.getLogger(__name__)


def bundle_root() -> Path:
    """The folder holding ``resources/``: the bundle when frozen, else the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parents[1]


def resource_path(*parts: str) -> Path:
    """``resource_path("fonts", "LiberationSerif-Regular.ttf")`` → the file's absolute path."""
    return bundle_root().joinpath("resources", *parts)
