"""Settings: language, cache size, signing profile, token module, watched folder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from signing.profiles import load_profiles

from ..settings import UiSettings

__all__ = ["SettingsView"]


class SettingsView(QWidget):
    changed = Signal(object)

    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.cache = QSpinBox()
        self.cache.setRange(100, 100000)
        self.cache.setSuffix(" MB")
        self.cache.setValue(settings.cache_mb)
        self.profile = QComboBox()
        for name in load_profiles() or {"Mặc định": None}:
            self.profile.addItem(name)
        self.profile.setCurrentText(settings.signing_profile)
        save = QPushButton(self.tr("Lưu"))
        save.setObjectName("saveSettings")
        save.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow(self.tr("Dung lượng tệp lưu trên máy"), self.cache)
        form.addRow(self.tr("Cấu hình ký số"), self.profile)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{self.tr('Cài đặt')}</h3>"))
        layout.addLayout(form)
        layout.addWidget(save)
        layout.addStretch()

    def save(self) -> None:
        from dataclasses import replace

        self.settings = replace(self.settings, language=self.language.currentData(), cache_mb=self.cache.value(),
                                signing_profile=self.profile.currentText())
        self.changed.emit(self.settings)
