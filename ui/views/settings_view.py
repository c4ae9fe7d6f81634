"""Settings in three tabs by who decides: the user's own (language, the signing profile),
this computer's (server, watched folder, scan uploads, local cache) and the administrator's
(the trusted root certificates).

Edits wait until the user confirms them: "Áp dụng" saves the profiles and emits ``changed``
with the new ``UiSettings``; "Huỷ bỏ thay đổi" puts back what was applied; each tab's
"Khôi phục mặc định" shows the defaults, which are saved only when applied too. The trust
list is a set of actions (add, disable, replace) that take effect at once, as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
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

SIGNING_CHOICES = ("level", "tsa_url", "allow_without_timestamp", "fill_number_and_date")
"""The signing profile's choices "Khôi phục mặc định" resets; the user's files (images,
token library, root certificates) stay."""
WATCH_CHOICES = (
    "doc_type",
    "organ_name",
    "stability_seconds",
    "parallel",
    "polling",
    "after_upload",
    "bandwidth_limit",
    "ocr",
)


@dataclass(frozen=True)
class _Values:
    """Everything the two editable tabs show, to tell applied from pending."""

    settings: UiSettings
    signing: signing_profiles.SigningProfile
    watch: watch_profiles.WatchProfile


def _page(*widgets: QWidget) -> QScrollArea:
    """A tab's content in a scroll area that narrows instead of scrolling sideways."""
    content = QWidget()
    column = QVBoxLayout(content)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


def _hint() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #555")
    return label


class SettingsView(QWidget):
    changed = Signal(object)
    """The applied ``UiSettings`` (after "Áp dụng")."""

    def __init__(
        self, settings: UiSettings, can_manage_trust: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.can_manage_trust = can_manage_trust
        self.title = QLabel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.revert_button = QPushButton()
        self.revert_button.setObjectName("revertSettings")
        self.revert_button.clicked.connect(self.revert)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("saveSettings")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.save)
        self.personal = self._personal_tab()
        self.machine = self._machine_tab()
        self.admin = self._admin_tab()
        for tab in (self.personal, self.machine, self.admin):
            self.tabs.addTab(tab, "")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.applied = self._values()
        self._retranslate()
        self._watch_edits(self.personal)
        self._watch_edits(self.machine)
        self._update_state()

    # -- tabs ----------------------------------------------------------------------------
    def _personal_tab(self) -> QScrollArea:
        self.personal_hint = _hint()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.appearance_box = QGroupBox()
        appearance = QFormLayout(self.appearance_box)
        self.language_label = QLabel()
        appearance.addRow(self.language_label, self.language)
        self.profile = QComboBox()
        self.profile.setObjectName("signingProfile")
        self.profile.setEditable(True)
        for name in self._signing_profiles() or [DEFAULT_PROFILE]:
            self.profile.addItem(name)
        self.profile.setCurrentText(self.settings.signing_profile)
        self.signing = SigningProfileEditor(self._signing_profile(self.settings.signing_profile))
        self.profile.currentTextChanged.connect(
            lambda name: self.signing.load(self._signing_profile(name))
        )
        self.signing_box = QGroupBox()
        signing_layout = QVBoxLayout(self.signing_box)
        chooser = QFormLayout()
        self.profile_label = QLabel()
        chooser.addRow(self.profile_label, self.profile)
        signing_layout.addLayout(chooser)
        signing_layout.addWidget(self.signing)
        self.personal_defaults = QPushButton()
        self.personal_defaults.setObjectName("personalDefaults")
        self.personal_defaults.clicked.connect(self.personal_to_defaults)
        return _page(
            self.personal_hint,
            self.appearance_box,
            self.signing_box,
            _right(self.personal_defaults),
        )

    def _machine_tab(self) -> QScrollArea:
        self.machine_hint = _hint()
        self.server = QLineEdit(self.settings.server)
        self.server.setObjectName("server")
        self.server.setReadOnly(True)
        self.server_note = _hint()
        self.connection_box = QGroupBox()
        connection = QFormLayout(self.connection_box)
        self.server_label = QLabel()
        connection.addRow(self.server_label, self.server)
        connection.addRow("", self.server_note)
        self.watch_folder = QLineEdit(self.settings.watch_folder)
        self.watch_folder.setObjectName("watchFolder")
        self.choose_folder = QPushButton()
        self.choose_folder.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.watch_folder, 1)
        folder_row.addWidget(self.choose_folder)
        self.watch = WatchProfileEditor(self._watch_profile())
        self.watch_box = QGroupBox()
        watch_layout = QVBoxLayout(self.watch_box)
        folder_form = QFormLayout()
        self.folder_label = QLabel()
        folder_form.addRow(self.folder_label, folder_row)
        watch_layout.addLayout(folder_form)
        watch_layout.addWidget(self.watch)
        self.cache = QSpinBox()
        self.cache.setObjectName("cache")
        self.cache.setRange(100, 100000)
        self.cache.setSuffix(" MB")
        self.cache.setGroupSeparatorShown(True)
        self.cache.setValue(self.settings.cache_mb)
        self.storage_box = QGroupBox()
        storage = QFormLayout(self.storage_box)
        self.cache_label = QLabel()
        storage.addRow(self.cache_label, self.cache)
        self.machine_defaults = QPushButton()
        self.machine_defaults.setObjectName("machineDefaults")
        self.machine_defaults.clicked.connect(self.machine_to_defaults)
        return _page(
            self.machine_hint,
            self.connection_box,
            self.watch_box,
            self.storage_box,
            _right(self.machine_defaults),
        )

    def _admin_tab(self) -> QScrollArea:
        self.admin_hint = _hint()
        self.trust = TrustListView(self.can_manage_trust)
        self.trust_box = QGroupBox()
        QVBoxLayout(self.trust_box).addWidget(self.trust)
        return _page(self.admin_hint, self.trust_box)

    def _retranslate(self) -> None:
        title = self.tr("Cài đặt")
        self.title.setText(f"<h3>{title}</h3>")
        self.tabs.setTabText(0, self.tr("Cá nhân"))
        self.tabs.setTabText(1, self.tr("Máy này"))
        self.tabs.setTabText(2, self.tr("Quản trị"))
        self.personal_hint.setText(
            self.tr("Thiết lập của riêng bạn: ngôn ngữ hiển thị và cách bạn ký số.")
        )
        self.appearance_box.setTitle(self.tr("Giao diện"))
        self.language_label.setText(self.tr("Ngôn ngữ"))
        self.signing_box.setTitle(self.tr("Ký số"))
        self.profile_label.setText(self.tr("Cấu hình ký số"))
        self.machine_hint.setText(
            self.tr(
                "Thiết lập của máy tính này: máy chủ, thư mục nhận bản quét, "
                "cách tải bản quét lên và bộ nhớ trên máy."
            )
        )
        self.connection_box.setTitle(self.tr("Kết nối"))
        self.server_label.setText(self.tr("Máy chủ"))
        self.server_note.setText(self.tr("Đổi máy chủ: đăng xuất rồi đăng nhập lại."))
        self.watch_box.setTitle(self.tr("Thư mục theo dõi (tải lên bản quét)"))
        self.folder_label.setText(self.tr("Thư mục"))
        self.watch_folder.setPlaceholderText(self.tr("Thư mục máy quét lưu bản quét vào"))
        self.choose_folder.setText(self.tr("Chọn…"))
        self.storage_box.setTitle(self.tr("Lưu trên máy"))
        self.cache_label.setText(self.tr("Dung lượng tệp lưu trên máy"))
        self.admin_hint.setText(
            self.tr(
                "Chứng thư gốc mà phần mềm tin cậy khi kiểm tra chữ ký số. "
                "Thêm, tắt hoặc thay chứng thư có hiệu lực ngay."
            )
            if self.can_manage_trust
            else self.tr(
                "Chứng thư gốc mà phần mềm tin cậy khi kiểm tra chữ ký số. Chỉ quản trị viên "
                "được thay đổi danh sách; bạn có thể xem và so dấu vân tay."
            )
        )
        self.trust_box.setTitle(self.tr("Chứng thư gốc tin cậy"))
        for button in (self.personal_defaults, self.machine_defaults):
            button.setText(self.tr("Khôi phục mặc định"))
            button.setToolTip(
                self.tr(
                    "Đưa các lựa chọn trên thẻ này về mặc định (đường dẫn tệp, thư mục giữ "
                    "nguyên). Bấm Áp dụng để lưu."
                )
            )
        self.revert_button.setText(self.tr("Huỷ bỏ thay đổi"))
        self.apply_button.setText(self.tr("Áp dụng"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "applied"):
            self._retranslate()
        super().changeEvent(event)

    # -- values --------------------------------------------------------------------------
    def _signing_profiles(self) -> dict[str, signing_profiles.SigningProfile]:
        try:
            return signing_profiles.load_profiles()
        except Exception:
            logger.warning("signing profiles unreadable; showing defaults", exc_info=True)
            return {}

    def _signing_profile(self, name: str) -> signing_profiles.SigningProfile:
        return self._signing_profiles().get(name) or signing_profiles.SigningProfile(
            name=name or DEFAULT_PROFILE
        )

    @staticmethod
    def _watch_profile() -> watch_profiles.WatchProfile:
        try:
            return watch_profiles.get_profile(None)
        except Exception:
            logger.warning("watch profiles unreadable; showing defaults", exc_info=True)
            return watch_profiles.WatchProfile()

    def _values(self) -> _Values:
        name = self.profile.currentText().strip() or DEFAULT_PROFILE
        return _Values(
            settings=replace(
                self.settings,
                language=str(self.language.currentData()),
                cache_mb=self.cache.value(),
                watch_folder=self.watch_folder.text().strip(),
                signing_profile=name,
            ),
            signing=self.signing.profile().with_changes(name=name),
            watch=self.watch.profile(),
        )

    def _show(self, values: _Values) -> None:
        settings = values.settings
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.cache.setValue(settings.cache_mb)
        self.watch_folder.setText(settings.watch_folder)
        self.profile.setCurrentText(settings.signing_profile)
        self.signing.load(values.signing)
        self.watch.load(values.watch)

    def is_dirty(self) -> bool:
        """True while the page shows changes that are not applied."""
        return self._values() != self.applied

    def _watch_edits(self, tab: QWidget) -> None:
        """Any edit in ``tab`` updates the Áp dụng / Huỷ bỏ buttons."""
        for edit in tab.findChildren(QLineEdit):  # also the spin boxes' and combo boxes'
            edit.textChanged.connect(self._update_state)
        for box in tab.findChildren(QComboBox):
            box.currentIndexChanged.connect(self._update_state)
        for button in tab.findChildren(QAbstractButton):
            if button.isCheckable():
                button.toggled.connect(self._update_state)
        for listing in tab.findChildren(QListWidget):
            listing.model().rowsInserted.connect(self._update_state)
            listing.model().rowsRemoved.connect(self._update_state)

    def _update_state(self) -> None:
        if not hasattr(self, "applied"):
            return  # still building
        dirty = self.is_dirty()
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.setText(self.tr("Có thay đổi chưa áp dụng."))
        elif self.status.text() == self.tr("Có thay đổi chưa áp dụng."):
            self.status.clear()

    # -- actions -------------------------------------------------------------------------
    def save(self) -> None:
        """Apply: save the changed profiles, then emit ``changed`` with the new settings."""
        values = self._values()
        try:
            if values.signing != self.applied.signing:
                signing_profiles.save_profile(values.signing)
            if values.watch != self.applied.watch:
                watch_profiles.save_profile(values.watch)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the page keeps the edits
            show_error(self, exc)
            return
        if self.profile.findText(values.settings.signing_profile) < 0:
            self.profile.addItem(values.settings.signing_profile)
        self.settings, self.applied = values.settings, values
        self.status.setText(self.tr("Đã lưu các thay đổi."))
        self._update_state()
        self.changed.emit(self.settings)

    def revert(self) -> None:
        """Show the applied values again; nothing is saved."""
        self._show(self.applied)
        self.status.setText(self.tr("Đã huỷ các thay đổi chưa áp dụng."))
        self._update_state()

    def personal_to_defaults(self) -> None:
        defaults = UiSettings()
        self.language.setCurrentIndex(max(0, self.language.findData(defaults.language)))
        base = signing_profiles.SigningProfile()
        self.signing.load(
            self.signing.profile().with_changes(**{f: getattr(base, f) for f in SIGNING_CHOICES})
        )
        self._update_state()

    def machine_to_defaults(self) -> None:
        self.cache.setValue(UiSettings().cache_mb)
        base = watch_profiles.WatchProfile()
        self.watch.load(
            self.watch.profile().with_changes(**{f: getattr(base, f) for f in WATCH_CHOICES})
        )
        self._update_state()

    def set_watch_folder(self, folder: str) -> None:
        """The folder chosen on the uploads page: it is applied already (the page uses it)."""
        folder = folder.strip()
        if folder == self.settings.watch_folder:
            return
        pending = self.watch_folder.text().strip() != self.settings.watch_folder
        self.settings = replace(self.settings, watch_folder=folder)
        self.applied = replace(self.applied, settings=self.settings)
        if not pending:
            self.watch_folder.setText(folder)
        self._update_state()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục nhận bản quét"), self.watch_folder.text()
        )
        if folder:
            self.watch_folder.setText(folder)


def _right(button: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addStretch()
    layout.addWidget(button)
    return row
