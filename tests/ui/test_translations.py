"""The English translation is complete and compiled: a missing or stale text would show Vietnamese in English mode."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from base.resources import resource_path


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(resource_path("i18n") / "vanthu_en.ts").getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_text_has_a_finished_english_translation() -> None:
    missing = []
    for _context, source, message in _messages():
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
        texts = forms or [translation.text if translation is not None else None]
        if (
            translation is None
            or translation.get("type")
            or not all((t or "").strip() for t in texts)
        ):
            missing.append(source)
    assert not missing, f"untranslated: {missing}"


def test_compiled_translations_match_the_sources() -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("i18n") / "vanthu_en.qm"))
    stale = [
        source
        for context, source, message in _messages()
        if not message.get("numerus")
        and translator.translate(context, source) != message.findtext("translation")
    ]
    assert not stale, f"run `make translations`: {stale}"


def test_qts_own_buttons_speak_the_ui_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt ships no Vietnamese for its buttons and dialogs: ours makes "Cancel" read "Huỷ"."""
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    from ui.i18n import apply_language

    def labels() -> list[str]:
        box = QMessageBox()
        box.setStandardButtons(
            QMessageBox.StandardButton.Ok
            | QMessageBox.StandardButton.Cancel
            | QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        return [b.text() for b in box.buttons()] + [b.text() for b in buttons.buttons()]

    try:
        apply_language("vi")
        assert set(labels()) == {"Đồng ý", "Huỷ", "&Có", "&Không", "Đóng"}
        apply_language("en")
        assert set(labels()) == {"OK", "Cancel", "&Yes", "&No", "Close"}
    finally:
        apply_language("vi")


def test_the_qt_translation_is_compiled_from_its_source() -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("i18n") / "qtbase_vi.qm"))
    root = ET.parse(resource_path("i18n") / "qtbase_vi.ts").getroot()
    stale = [
        message.findtext("source")
        for context in root.iter("context")
        for message in context.iter("message")
        if translator.translate(context.findtext("name") or "", message.findtext("source") or "")
        != message.findtext("translation")
    ]
    assert not stale, f"run `make translations`: {stale}"
