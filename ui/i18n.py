"""Qt translations: Vietnamese is the source language, English ships as a .qm."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from base.resources import resource_path

__all__ = ["apply_language", "I18N_DIR"]

logger = logging.getLogger(__name__)

I18N_DIR = resource_path("i18n")
_installed: list[QTranslator] = []

TRANSLATIONS = {"vi": ("qtbase_vi.qm",), "en": ("vanthu_en.qm",)}
"""Vietnamese is the source language of our own strings, but Qt's own buttons and dialogs (OK,
Cancel, the file dialog, a text field's menu) are English unless translated: Qt ships no
Vietnamese for them, so ``qtbase_vi.qm`` is ours."""


def apply_language(language: str) -> bool:
    """Install the translators for ``language``; also sets core messages' language."""
    app = QCoreApplication.instance()
    os.environ["VANTHU_LANG"] = language
    QLocale.setDefault(  # numbers and dates as the language writes them: 1.413 / 1,413
        QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        if language == "vi"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    if app is None:
        return True
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ok = True
    for name in TRANSLATIONS.get(language, ()):
        translator = QTranslator(app)
        if not translator.load(str(I18N_DIR / name)):
            logger.warning("no translation %s for %s", name, language)
            ok = False
            continue
        app.installTranslator(translator)
        _installed.append(translator)
    return ok and language in TRANSLATIONS
