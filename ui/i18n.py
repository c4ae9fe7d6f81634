"""Qt translations: Vietnamese is the source language, English ships as a .qm."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QTranslator

from base.resources import resource_path

__all__ = ["apply_language", "I18N_DIR"]

logger = logging.getLogger(__name__)

I18N_DIR = resource_path("i18n")
_installed: QTranslator | None = None


def apply_language(language: str) -> bool:
    """Install the translator for ``language`` ("vi" removes it); also sets core messages' language."""
    global _installed
    app = QCoreApplication.instance()
    os.environ["VANTHU_LANG"] = language
    if _installed is not None and app is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language == "vi" or app is None:
        return True
    translator = QTranslator(app)
    if not translator.load(str(I18N_DIR / f"vanthu_{language}.qm")):
        logger.warning("no translation for %s", language)
        return False
    app.installTranslator(translator)
    _installed = translator
    return True
