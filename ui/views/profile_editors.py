"""Editors for the signing profile and the watched-folder profile (Settings page).

Each editor shows one profile's fields, returns the edited profile as a new
frozen record and leaves saving (JSON files in the config folder) to the
profile modules; the TSA password is never written to disk.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from signing.modules import discover_modules
from signing.profiles import Level, SigningProfile
from sync.profiles import AfterUpload, WatchProfile

__all__ = ["SigningProfileEditor", "WatchProfileEditor"]

logger = logging.getLogger(__name__)


class PathField(QWidget):
    """A path with a "Chọn…" button."""

    def __init__(self, caption: str, file_filter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption, self.file_filter = caption, file_filter
        self.edit = QLineEdit()
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.caption, self.edit.text(), self.file_filter
        )
        if path:
            self.edit.setText(path)

    def value(self) -> str | None:
        return self.edit.text().strip() or None


class SigningProfileEditor(QWidget):
    def __init__(self, profile: SigningProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = profile
        self.level = QComboBox()
        for level, label in (
            (Level.B_B, "PAdES B-B"),
            (Level.B_T, self.tr("PAdES B-T (có dấu thời gian)")),
            (Level.B_LT, self.tr("PAdES B-LT (kèm thông tin thu hồi)")),
            (Level.B_LTA, self.tr("PAdES B-LTA (lưu trữ dài hạn)")),
        ):
            self.level.addItem(label, level)
        self.tsa_url = QLineEdit()
        self.tsa_url.setPlaceholderText("http://tsa.ca.gov.vn")
        self.allow_without_timestamp = QCheckBox(
            self.tr("Ký không dấu thời gian khi máy chủ TSA không phản hồi")
        )
        self.signature_image = PathField(self.tr("Ảnh chữ ký (PNG nền trong suốt)"), "PNG (*.png)")
        self.seal_image = PathField(self.tr("Ảnh con dấu (PNG nền trong suốt)"), "PNG (*.png)")
        self.organisation = QLineEdit()
        self.fill = QCheckBox(self.tr("Khi đóng dấu: ghi số và ngày văn thư đã cấp vào chỗ trống"))
        self.module = QComboBox()
        self.module.setEditable(True)
        self.module.setObjectName("tokenModule")
        for module in discover_modules(tuple(p for p in (profile.module_path,) if p)):
            self.module.addItem(module.path, module.path)
        browse_module = QPushButton(self.tr("Chọn…"))
        browse_module.clicked.connect(self._browse_module)
        module_row = QHBoxLayout()
        module_row.addWidget(self.module, 1)
        module_row.addWidget(browse_module)
        self.roots = QListWidget()
        self.roots.setObjectName("trustRoots")
        self.roots.setMaximumHeight(70)
        add_root = QPushButton(self.tr("Thêm chứng thư gốc…"))
        add_root.clicked.connect(self._add_root)
        remove_root = QPushButton(self.tr("Bỏ"))
        remove_root.clicked.connect(
            lambda: [self.roots.takeItem(self.roots.row(i)) for i in self.roots.selectedItems()]
        )
        root_buttons = QVBoxLayout()
        root_buttons.addWidget(add_root)
        root_buttons.addWidget(remove_root)
        root_row = QHBoxLayout()
        root_row.addWidget(self.roots, 1)
        root_row.addLayout(root_buttons)
        form = QFormLayout(self)
        form.addRow(self.tr("Chuẩn chữ ký"), self.level)
        form.addRow(self.tr("Máy chủ dấu thời gian (TSA)"), self.tsa_url)
        form.addRow("", self.allow_without_timestamp)
        form.addRow(self.tr("Ảnh chữ ký"), self.signature_image)
        form.addRow(self.tr("Ảnh con dấu"), self.seal_image)
        form.addRow(self.tr("Cơ quan (bản sao điện tử)"), self.organisation)
        form.addRow("", self.fill)
        form.addRow(self.tr("Thư viện token (PKCS#11)"), module_row)
        form.addRow(self.tr("Chứng thư gốc tin cậy"), root_row)
        self.load(profile)

    def load(self, profile: SigningProfile) -> None:
        self.original = profile
        self.level.setCurrentIndex(max(0, self.level.findData(profile.level)))
        self.tsa_url.setText(profile.tsa_url or "")
        self.allow_without_timestamp.setChecked(profile.allow_without_timestamp)
        self.signature_image.edit.setText(profile.signature_image or "")
        self.seal_image.edit.setText(profile.seal_image or "")
        self.organisation.setText(profile.organisation_name)
        self.fill.setChecked(profile.fill_number_and_date)
        if profile.module_path:
            if self.module.findData(profile.module_path) < 0:
                self.module.addItem(profile.module_path, profile.module_path)
            self.module.setCurrentIndex(self.module.findData(profile.module_path))
        self.roots.clear()
        self.roots.addItems(list(profile.trust_roots))

    def _browse_module(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Thư viện PKCS#11 của token"),
            "",
            self.tr("Thư viện (*.dll *.so *.dylib)"),
        )
        if path:
            self.module.addItem(path, path)
            self.module.setCurrentIndex(self.module.count() - 1)

    def _add_root(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chứng thư gốc"), "", self.tr("Chứng thư (*.cer *.crt *.pem *.der)")
        )
        self.roots.addItems(
            [p for p in paths if not self.roots.findItems(p, Qt.MatchFlag.MatchExactly)]
        )

    def profile(self) -> SigningProfile:
        module = self.module.currentText().strip() or None
        return self.original.with_changes(
            level=self.level.currentData(),
            tsa_url=self.tsa_url.text().strip() or None,
            allow_without_timestamp=self.allow_without_timestamp.isChecked(),
            signature_image=self.signature_image.value(),
            seal_image=self.seal_image.value(),
            organisation_name=self.organisation.text().strip(),
            module_path=module,
            fill_number_and_date=self.fill.isChecked(),
            trust_roots=tuple(self.roots.item(i).text() for i in range(self.roots.count())),
        )


class WatchProfileEditor(QWidget):
    def __init__(self, profile: WatchProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = profile
        self.doc_type = QLineEdit()
        self.organ_name = QLineEdit()
        self.stability = QDoubleSpinBox()
        self.stability.setObjectName("stability")
        self.stability.setRange(0.5, 600)
        self.stability.setSuffix(" s")
        self.parallel = QSpinBox()
        self.parallel.setRange(1, 8)
        self.detection = QComboBox()
        for value, label in (
            (None, self.tr("Tự động")),
            (False, self.tr("Sự kiện hệ thống (ổ đĩa máy này)")),
            (True, self.tr("Quét định kỳ (ổ mạng SMB/NFS)")),
        ):
            self.detection.addItem(label, value)
        self.after = QComboBox()
        self.after.addItem(
            self.tr("Chuyển tệp đã tải lên vào thư mục “%1” theo ngày").replace(
                "%1", profile.done_dir
            ),
            AfterUpload.MOVE,
        )
        self.after.addItem(self.tr("Xoá tệp gốc"), AfterUpload.DELETE)
        self.bandwidth = QSpinBox()
        self.bandwidth.setRange(0, 1_000_000)
        self.bandwidth.setSuffix(" KB/s")
        self.bandwidth.setGroupSeparatorShown(True)  # 1.000.000 KB/s, read at a glance
        self.bandwidth.setSpecialValueText(self.tr("Không giới hạn"))
        self.ocr = QCheckBox(self.tr("Nhận dạng chữ (OCR tiếng Việt) cho bản quét"))
        form = QFormLayout(self)
        form.addRow(self.tr("Loại văn bản mặc định"), self.doc_type)
        form.addRow(self.tr("Cơ quan ban hành mặc định"), self.organ_name)
        form.addRow(self.tr("Chờ tệp đứng yên"), self.stability)
        form.addRow(self.tr("Số tệp tải song song"), self.parallel)
        form.addRow(self.tr("Cách phát hiện tệp mới"), self.detection)
        form.addRow(self.tr("Sau khi tải lên"), self.after)
        form.addRow(self.tr("Giới hạn băng thông"), self.bandwidth)
        form.addRow("", self.ocr)
        self.load(profile)

    def load(self, profile: WatchProfile) -> None:
        self.original = profile
        self.doc_type.setText(profile.doc_type)
        self.organ_name.setText(profile.organ_name)
        self.stability.setValue(profile.stability_seconds)
        self.parallel.setValue(profile.parallel)
        self.detection.setCurrentIndex(max(0, [None, False, True].index(profile.polling)))
        self.after.setCurrentIndex(max(0, self.after.findData(profile.after_upload)))
        self.bandwidth.setValue((profile.bandwidth_limit or 0) // 1024)
        self.ocr.setChecked(profile.ocr)

    def profile(self) -> WatchProfile:
        limit = self.bandwidth.value() * 1024
        return self.original.with_changes(
            doc_type=self.doc_type.text().strip() or "Công văn",
            organ_name=self.organ_name.text().strip(),
            stability_seconds=self.stability.value(),
            parallel=self.parallel.value(),
            polling=self.detection.currentData(),
            after_upload=self.after.currentData(),
            bandwidth_limit=limit or None,
            ocr=self.ocr.isChecked(),
        )
