"""The year's file list (Danh mục hồ sơ, Decree 30 Art. 28, Appendix V I–II): its headings
(I, II… and their sub-headings) and planned files in a tree; a draft is edited by the office
or the archive, approved by the head, revised with a reason, issued — the buttons are the
steps the server allows this user now (``FileList.actions``); printed (PDF) and exported
(XLSX) as the server lays them out. Every call is ``Workspace.records.lists``' in a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from base.deadlines import today_in_vietnam
from base.records import FileListAction, FileListState
from client.case_file_records import FileList
from services.records import PlannedInput
from services.workspace import Workspace

from ..errors import describe, show_error
from ..workers import run_task
from .case_file_dialogs import RETENTIONS, ReasonDialog
from .form_dialog import ok_cancel

__all__ = ["FileListView", "PlannedDialog", "HeadingDialog"]


class HeadingDialog(QDialog):
    """A heading: its title, its abbreviation, under which major heading (none: a major one)."""

    def __init__(self, file_list: FileList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headingDialog")
        self.setWindowTitle(self.tr("Thêm đề mục"))
        self.setMinimumWidth(480)
        self.outcome: tuple[str, str, str | None] | None = None
        self.title = QLineEdit()
        self.title.setObjectName("headingTitle")
        self.abbreviation = QLineEdit()
        self.abbreviation.setObjectName("headingAbbreviation")
        self.parent_box = QComboBox()
        self.parent_box.setObjectName("headingParent")
        self.parent_box.addItem(self.tr("(đề mục lớn)"), None)
        for heading in file_list.headings:
            if heading.parent_id is None:
                self.parent_box.addItem(f"{heading.number}. {heading.title}", heading.number)
        form = QFormLayout(self)
        form.addRow(self.tr("Tên đề mục"), self.title)
        form.addRow(self.tr("Chữ viết tắt"), self.abbreviation)
        form.addRow(self.tr("Thuộc đề mục"), self.parent_box)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        if not self.title.text().strip():
            return
        self.outcome = (
            self.title.text().strip(),
            self.abbreviation.text().strip(),
            self.parent_box.currentData(),
        )
        super().accept()


class PlannedDialog(QDialog):
    """A planned file: under a heading, its number and symbol, title, retention, who keeps it."""

    def __init__(self, file_list: FileList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plannedDialog")
        self.setWindowTitle(self.tr("Thêm hồ sơ vào Danh mục"))
        self.setMinimumWidth(560)
        self.outcome: PlannedInput | None = None
        self.heading = QComboBox()
        self.heading.setObjectName("plannedHeading")
        for heading in file_list.headings:
            number = file_list.number_of(heading)
            self.heading.addItem(f"{number}. {heading.title}", number)
        self.notation = QLineEdit()
        self.notation.setObjectName("plannedNotation")
        self.notation.setMaxLength(20)
        self.title = QLineEdit()
        self.title.setObjectName("plannedTitle")
        self.maintenance = QComboBox()
        self.maintenance.setObjectName("plannedRetention")
        self.maintenance.setEditable(True)
        self.maintenance.addItems(RETENTIONS)
        self.responsible = QLineEdit()
        self.responsible.setObjectName("plannedResponsible")
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Đề mục"), self.heading)
        form.addRow(self.tr("Số và ký hiệu"), self.notation)
        form.addRow(self.tr("Tiêu đề hồ sơ"), self.title)
        form.addRow(self.tr("Thời hạn bảo quản"), self.maintenance)
        form.addRow(self.tr("Đơn vị, người lập hồ sơ"), self.responsible)
        form.addRow(self.tr("Ghi chú"), self.note)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        if not (self.notation.text().strip() and self.title.text().strip()):
            return
        if self.heading.currentData() is None:
            return
        self.outcome = PlannedInput(
            heading=str(self.heading.currentData()),
            notation=self.notation.text(),
            title=self.title.text(),
            maintenance=self.maintenance.currentText(),
            responsible=self.responsible.text().strip(),
            note=self.note.text().strip(),
        )
        super().accept()


def _state_label(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels: dict[str, str] = {
        FileListState.DRAFT: QCoreApplication.translate("FileListView", "Dự thảo"),
        FileListState.APPROVED: QCoreApplication.translate("FileListView", "Đã phê duyệt"),
        FileListState.ISSUED: QCoreApplication.translate("FileListView", "Đã ban hành"),
    }
    return labels.get(state, state)


class FileListView(QWidget):
    """One year's file list: the tree, the edits of a draft, the steps, print and export."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileListPage")
        self.lists = workspace.records.lists
        self.forms = workspace.records.forms
        self.role = workspace.user.role
        self.current: FileList | None = None
        self.dialog: Any = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.year = QSpinBox()
        self.year.setObjectName("fileListYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today_in_vietnam().year)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.state = QLabel()
        self.state.setObjectName("fileListState")
        self.copy_previous = QCheckBox()
        self.copy_previous.setObjectName("copyPrevious")
        self.copy_previous.setChecked(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createFileList")
        self.create_button.clicked.connect(self.create_list)
        self.drafter = self.role in ("clerk", "archivist")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.year)
        top.addWidget(self.state, 1)
        top.addWidget(self.copy_previous)
        top.addWidget(self.create_button)
        self.tree = QTreeWidget()
        self.tree.setObjectName("fileListTree")
        self.tree.setColumnCount(5)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, handler in (
            ("heading", self.add_heading),
            ("planned", self.add_planned),
            ("delete", self.delete_chosen),
            (FileListAction.APPROVE, lambda: self.step(FileListAction.APPROVE)),
            (FileListAction.REVISE, self.revise),
            (FileListAction.ISSUE, lambda: self.step(FileListAction.ISSUE)),
        ):
            button = QPushButton()
            button.setObjectName(f"fileList_{key}")
            button.clicked.connect(lambda _checked=False, run=handler: run())
            self.buttons[str(key)] = button
            row.addWidget(button)
        row.addStretch(1)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("fileListPdf")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("fileListXlsx")
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        row.addWidget(self.pdf_button)
        row.addWidget(self.xlsx_button)
        self.notice = QLabel()
        self.notice.setObjectName("fileListNotice")
        self.notice.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.tree, 1)
        column.addLayout(row)
        column.addWidget(self.notice)
        self.last_export: Path | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Danh mục hồ sơ năm"))
        self.copy_previous.setText(self.tr("Sao chép danh mục năm trước"))
        self.create_button.setText(self.tr("Tạo danh mục"))
        self.tree.setHeaderLabels(
            [
                self.tr("Số và ký hiệu"),
                self.tr("Tên đề mục và tiêu đề hồ sơ"),
                self.tr("Thời hạn bảo quản"),
                self.tr("Đơn vị, người lập hồ sơ"),
                self.tr("Ghi chú"),
            ]
        )
        texts = {
            "heading": self.tr("Thêm đề mục…"),
            "planned": self.tr("Thêm hồ sơ…"),
            "delete": self.tr("Xoá"),
            FileListAction.APPROVE: self.tr("Phê duyệt"),
            FileListAction.REVISE: self.tr("Trả lại để sửa…"),
            FileListAction.ISSUE: self.tr("Ban hành"),
        }
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.pdf_button.setText(self.tr("In (PDF)…"))
        self.xlsx_button.setText(self.tr("Xuất Excel…"))
        self._show(self.current)

    # -- reading -----------------------------------------------------------------------
    def reload(self, then: Callable[[], object] | None = None) -> None:
        year = self.year.value()

        def load() -> FileList | None:
            found = self.lists.all(year)
            return self.lists.get(found[0].id) if found else None

        def shown(found: FileList | None) -> None:
            if year != self.year.value():
                return  # another year was chosen meanwhile: its answer shows
            self._show(found)
            if then is not None:
                then()

        run_task(load, on_done=shown, on_error=self._failed, owner=self)

    def _show(self, found: FileList | None) -> None:
        self.current = found
        self.tree.clear()
        if found is None:
            self.state.setText(self.tr("Chưa có danh mục cho năm này."))
        else:
            self.state.setText(
                self.tr("%1 — %2 hồ sơ (%3 vĩnh viễn, %4 có thời hạn)")
                .replace("%1", _state_label(found.state))
                .replace("%2", str(found.total))
                .replace("%3", str(found.permanent))
                .replace("%4", str(found.limited))
            )
            items: dict[int, QTreeWidgetItem] = {}
            for heading in found.headings:
                parent = items.get(heading.parent_id or 0)
                item = QTreeWidgetItem([found.number_of(heading), heading.title, "", "", ""])
                item.setData(0, Qt.ItemDataRole.UserRole, ("heading", found.number_of(heading)))
                bold = item.font(1)
                bold.setBold(True)
                item.setFont(1, bold)
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                items[heading.id] = item
            for planned in found.files:
                owner = items.get(planned.heading_id)
                item = QTreeWidgetItem(
                    [
                        planned.notation,
                        planned.title,
                        planned.maintenance,
                        planned.responsible,
                        planned.note,
                    ]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, ("planned", planned.notation))
                if owner is not None:
                    owner.addChild(item)
            self.tree.expandAll()
        draft = found is not None and found.state == FileListState.DRAFT
        allowed = set(found.actions) if found else set()
        for key, button in self.buttons.items():
            if key in ("heading", "planned", "delete"):
                button.setVisible(self.drafter and draft)
            else:
                button.setVisible(key in allowed)
        self.create_button.setVisible(self.drafter and found is None)
        self.copy_previous.setVisible(self.drafter and found is None)
        self.pdf_button.setEnabled(found is not None)
        self.xlsx_button.setEnabled(found is not None)

    # -- changes -----------------------------------------------------------------------
    def _failed(self, exc: Exception) -> None:
        self.notice.setText(describe(exc)[1])
        show_error(self, exc)

    def _run(self, fn: Callable[..., Any], *args: Any, done: str) -> None:
        def finished(_result: Any) -> None:
            self.notice.setText(done)
            self.reload()

        run_task(fn, *args, on_done=finished, on_error=self._failed, owner=self)

    def create_list(self) -> None:
        self._run(
            self.lists.create,
            self.year.value(),
            "",
            self.copy_previous.isChecked(),
            done=self.tr("Đã tạo dự thảo danh mục"),
        )

    def add_heading(self) -> None:
        if self.current is None:
            return
        list_id = self.current.id
        self.dialog = HeadingDialog(self.current, self)

        def chosen() -> None:
            if self.dialog.outcome is not None:
                title, abbreviation, parent = self.dialog.outcome
                self._run(
                    self.lists.add_heading,
                    list_id,
                    title,
                    abbreviation,
                    parent,
                    done=self.tr("Đã thêm đề mục"),
                )

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def add_planned(self) -> None:
        if self.current is None:
            return
        list_id = self.current.id
        self.dialog = PlannedDialog(self.current, self)

        def chosen() -> None:
            if self.dialog.outcome is not None:
                self._run(
                    self.lists.plan, list_id, self.dialog.outcome, done=self.tr("Đã thêm hồ sơ")
                )

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def delete_chosen(self) -> None:
        item = self.tree.currentItem()
        if item is None or self.current is None:
            return
        kind, key = item.data(0, Qt.ItemDataRole.UserRole)
        remove = self.lists.delete_heading if kind == "heading" else self.lists.unplan
        self._run(remove, self.current.id, key, done=self.tr("Đã xoá"))

    def step(self, action: str) -> None:
        if self.current is None:
            return
        run = self.lists.approve if action == FileListAction.APPROVE else self.lists.issue
        done = (
            self.tr("Đã phê duyệt danh mục")
            if action == FileListAction.APPROVE
            else self.tr("Đã ban hành danh mục")
        )
        self._run(run, self.current.id, done=done)

    def revise(self) -> None:
        if self.current is None:
            return
        list_id = self.current.id
        self.dialog = ReasonDialog(
            self.tr("Trả lại để sửa"), self.tr("Lý do trả lại danh mục để sửa:"), parent=self
        )

        def chosen() -> None:
            if self.dialog.outcome is not None:
                self._run(
                    self.lists.revise,
                    list_id,
                    self.dialog.outcome[0],
                    done=self.tr("Đã trả lại danh mục để sửa"),
                )

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def export(self, fmt: str, path: Path | None = None) -> None:
        if self.current is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Xuất danh mục hồ sơ"),
                str(Path.home() / f"danh-muc-ho-so-{self.current.year}.{fmt}"),
                self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Bảng tính Excel (*.xlsx)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        forms, list_id, target = self.forms, self.current.id, path

        def done(written: Path) -> None:
            self.last_export = written
            self.notice.setText(self.tr("Đã xuất vào %1").replace("%1", str(written)))

        run_task(
            forms.file_list,
            list_id,
            target,
            fmt,
            on_done=done,
            on_error=self._failed,
            owner=self,
        )
