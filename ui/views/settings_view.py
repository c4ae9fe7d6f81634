"""Settings: general (language, cache size, server), the signing profile and the
watched-folder profile. Saved together; profile errors are shown, never lost."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from base.profiles import DEFAULT_PROFILE
from signing import profiles as signing_profiles
from sync import profiles as watch_profiles

from ..errors import show_error
from ..settings import UiSettings
from .profile_editors import SigningProfileEditor, WatchProfileEditor
from .trust_view import TrustListView

__all__ = ["SettingsView"]

logger = logging.getLogger(__name__)


class SettingsView(QWidget):
    changed = Signal(object)

    def __init__(
        self, settings: UiSettings, can_manage_trust: bool = False, parent: QWidget | None = None
    ) -> None:
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
        self.server = QLineEdit(settings.server)
        self.server.setReadOnly(True)
        self.server.setToolTip(self.tr("Đổi máy chủ: đăng xuất rồi đăng nhập lại"))
        self.profile = QComboBox()
        self.profile.setObjectName("signingProfile")
        self.profile.setEditable(True)
        for name in self._signing_profiles() or [DEFAULT_PROFILE]:
            self.profile.addItem(name)
        self.profile.setCurrentText(settings.signing_profile)
        self.signing = SigningProfileEditor(self._signing_profile(settings.signing_profile))
        self.profile.currentTextChanged.connect(
            lambda name: self.signing.load(self._signing_profile(name))
        )
        self.watch = WatchProfileEditor(self._watch_profile())
        save = QPushButton(self.tr("Lưu"))
        save.setObjectName("saveSettings")
        save.clicked.connect(self.save)
        self.status = QLabel()
        general = QGroupBox(self.tr("Chung"))
        form = QFormLayout(general)
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow(self.tr("Dung lượng tệp lưu trên máy"), self.cache)
        form.addRow(self.tr("Máy chủ"), self.server)
        signing_box = QGroupBox(self.tr("Ký số"))
        signing_layout = QVBoxLayout(signing_box)
        chooser = QFormLayout()
        chooser.addRow(self.tr("Cấu hình ký số"), self.profile)
        signing_layout.addLayout(chooser)
        signing_layout.addWidget(self.signing)
        watch_box = QGroupBox(self.tr("Thư mục theo dõi (tải lên bản quét)"))
        QVBoxLayout(watch_box).addWidget(self.watch)
        trust_box = QGroupBox(self.tr("Chứng thư gốc tin cậy"))
        self.trust = TrustListView(can_manage_trust)
        QVBoxLayout(trust_box).addWidget(self.trust)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(QLabel(f"<h3>{self.tr('Cài đặt')}</h3>"))
        for box in (general, signing_box, trust_box, watch_box):
            column.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(save)
        column.addLayout(buttons)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # the form narrows instead
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)

    def _signing_profiles(self) -> dict[str, signing_profiles.SigningProfile]:
        try:
            return signing_profiles.load_profiles()
        except Exception:
            logger.warning("signing profiles unreadable; showing defaults", exc_info=True)
            return {}

    def _signing_profile(self, name: str) -> signing_profiles.SigningProfile:
        return self._signing_profiles().get(name) or signing_profiles.SigningProfile(
            name=name or "Mặc định"
        )

    @staticmethod
    def _watch_profile() -> watch_profiles.WatchProfile:
        try:
            return watch_profiles.get_profile(None)
        except Exception:
            logger.warning("watch profiles unreadable; showing defaults", exc_info=True)
            return watch_profiles.WatchProfile()

    def save(self) -> None:
        from dataclasses import replace

        name = self.profile.currentText().strip() or "Mặc định"
        try:
            signing_profiles.save_profile(self.signing.profile().with_changes(name=name))
            watch_profiles.save_profile(self.watch.profile())
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing half-saved
            show_error(self, exc)
            return
        self.settings = replace(
            self.settings,
            language=self.language.currentData(),
            cache_mb=self.cache.value(),
            signing_profile=name,
        )
        self.status.setText(self.tr("Đã lưu."))
        self.changed.emit(self.settings)
