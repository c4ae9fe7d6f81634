"""The accounts page's dialogs: a new account (with its department), a new department (code
and name), the box that chooses one (or none) of an organisation's departments, and whom a
leaving person's case files go to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from client.records import Account, Department
from services.admin import NewAccount
from services.records import FILE_KEEPERS

from ..labels import role_label
from .form_dialog import ok_cancel

__all__ = [
    "NewAccountDialog",
    "NewDepartmentDialog",
    "HandoverDialog",
    "fill_departments",
    "chosen_department",
]

NO_DEPARTMENT = 0
"""The item data of "(không có)": department ids start at 1."""


def fill_departments(
    box: QComboBox, departments: Sequence[Department], current: Department | None
) -> None:
    """Offer "(không có)" and ``departments``, with ``current`` (or none) chosen."""
    box.clear()
    box.addItem(QCoreApplication.translate("Departments", "(không có)"), NO_DEPARTMENT)
    for department in departments:
        box.addItem(f"{department.name} ({department.code})", department.id)
    box.setCurrentIndex(max(0, box.findData(current.id if current else NO_DEPARTMENT)))


def chosen_department(box: QComboBox, departments: Sequence[Department]) -> Department | None:
    wanted = box.currentData()
    return next((d for d in departments if d.id == wanted), None)


class NewDepartmentDialog(QDialog):
    """Code and name of a new department; a province administrator also picks the organisation."""

    def __init__(
        self, organisations: Sequence[str], current: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm phòng ban"))
        self.code = QLineEdit()
        self.code.setObjectName("newDepartmentCode")
        self.name = QLineEdit()
        self.name.setObjectName("newDepartmentName")
        self.organisation = QComboBox()
        self.organisation.setObjectName("newDepartmentOrganisation")
        for code in organisations:
            self.organisation.addItem(code, code)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(current)))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Mã phòng ban"), self.code)
        form.addRow(self.tr("Tên phòng ban"), self.name)
        if len(organisations) > 1:  # an organisation's administrator has only their own
            form.addRow(self.tr("Đơn vị"), self.organisation)
        else:
            self.organisation.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _check(self) -> None:
        code = self.code.text().strip()
        if not code or any(c.isspace() for c in code):
            self.problem.setText(self.tr("Mã phòng ban không được trống hay có dấu cách."))
        elif not self.name.text().strip():
            self.problem.setText(self.tr("Cần nhập tên phòng ban."))
        else:
            self.accept()

    def organisation_code(self) -> str:
        return str(self.organisation.currentData() or "")


class NewAccountDialog(QDialog):
    def __init__(
        self,
        roles: tuple[str, ...],
        departments: Sequence[Department] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.departments = list(departments)
        """The departments of the organisation the account joins."""
        self.setWindowTitle(self.tr("Thêm tài khoản"))
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("newFullName")
        self.title_field = QLineEdit()
        self.role = QComboBox()
        for role in roles:
            self.role.addItem(role_label(role), role)
        self.department = QComboBox()
        self.department.setObjectName("newDepartment")
        fill_departments(self.department, self.departments, None)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Tên đăng nhập"), self.username)
        form.addRow(self.tr("Họ và tên"), self.full_name)
        form.addRow(self.tr("Chức vụ"), self.title_field)
        form.addRow(self.tr("Vai trò"), self.role)
        form.addRow(self.tr("Phòng ban"), self.department)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _check(self) -> None:
        name = self.username.text().strip()
        if not name or any(c.isspace() for c in name):
            self.problem.setText(self.tr("Tên đăng nhập không được trống hay có dấu cách."))
        elif not self.full_name.text().strip():
            self.problem.setText(self.tr("Cần nhập họ và tên."))
        else:
            self.accept()

    def account(self) -> NewAccount:
        return NewAccount(
            username=self.username.text(),
            full_name=self.full_name.text(),
            role=str(self.role.currentData()),
            title=self.title_field.text(),
            department=chosen_department(self.department, self.departments),
        )


class HandoverDialog(QDialog):
    """Whom every case file a leaving person still holds goes to (Decree 30 Art. 31.3.đ):
    another active account of the same organisation; the files already in the archive stay."""

    def __init__(
        self, leaver: Account, accounts: Sequence[Account], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Bàn giao hồ sơ"))
        self.receiver = QComboBox()
        self.receiver.setObjectName("handoverReceiver")
        for account in accounts:
            if (
                account.active
                and account.id != leaver.id
                and account.organisation == leaver.organisation
                and account.role in FILE_KEEPERS  # administrators keep no case files
            ):
                label = f"{account.full_name} ({account.username}) — {role_label(account.role)}"
                self.receiver.addItem(label, account.id)
        self.explain = explain = QLabel(
            self.tr(
                "Mọi hồ sơ của %1 đang lập, đã kết thúc, bị trả lại hoặc đang chờ Lưu trữ tiếp nhận "
                "sẽ chuyển cho người nhận; hồ sơ đã nộp lưu ở lại Lưu trữ cơ quan. Việc bàn giao "
                "được ghi lại."
            ).replace("%1", leaver.full_name or leaver.username)
        )
        explain.setWordWrap(True)
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.receiver.count() > 0)
        form = QFormLayout()
        form.addRow(self.tr("Người nhận"), self.receiver)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def receiver_id(self) -> int:
        return int(self.receiver.currentData())
