"""One error root for the whole product.

Every error a user can see carries a title and a message in Vietnamese (the
default language) and in English, so the CLI and the UI never show a
traceback.  Each package subclasses :class:`VanThuError`; library errors are
converted where they are caught (``raise SomeError(...) from exc``).
"""

from __future__ import annotations

import logging
import os

__all__ = ["VanThuError", "current_language"]

logger = logging.getLogger(__name__)


def current_language() -> str:
    """The user's language for messages: ``vi`` (default) or ``en``."""
    lang = os.environ.get("VANTHU_LANG", "vi").lower()
    return "en" if lang.startswith("en") else "vi"


class VanThuError(Exception):
    """Base of every user-facing error.

    Subclasses set class-level defaults; an instance may override any of the
    four texts.  ``str(err)`` gives the message in the current language.
    """

    title_vi: str = "Lỗi"
    title_en: str = "Error"
    message_vi: str = "Đã xảy ra lỗi."
    message_en: str = "An error occurred."

    def __init__(
        self,
        message_vi: str | None = None,
        message_en: str | None = None,
        *,
        title_vi: str | None = None,
        title_en: str | None = None,
    ) -> None:
        if message_vi is not None:
            self.message_vi = message_vi
        if message_en is not None:
            self.message_en = message_en
        elif message_vi is not None and type(self).message_en == VanThuError.message_en:
            self.message_en = message_vi
        if title_vi is not None:
            self.title_vi = title_vi
        if title_en is not None:
            self.title_en = title_en
        super().__init__(self.message(current_language()))

    def title(self, lang: str | None = None) -> str:
        return self.title_en if (lang or current_language()) == "en" else self.title_vi

    def message(self, lang: str | None = None) -> str:
        return self.message_en if (lang or current_language()) == "en" else self.message_vi

    def __str__(self) -> str:
        return self.message()
