"""Accounts of my organisation, for administrators: add, disable/enable, reset password, role,
department (and add a department), and hand a leaving person's case files to a colleague.

Every change goes to the server (which checks the same rules again) off the GUI thread; a new
or reset password is shown once, selectable, to hand to the person."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from client.case_file_records import HandoverResult
from client.records import Account, Department
from services.admin import AccountAdmin, assignable_roles

from ..errors import show_error
from ..labels import number, role_label
from ..workers import run_task
from .account_dialogs import (
    HandoverDialog,
    NewAccountDialog,
    NewDepartmentDialog,
    chosen_department,
    fill_departments,
)

__all__ = ["AccountsView", "NewAccountDialog"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class AccountsView(QWidget):
    COLUMNS = 7

    def __init__(self, admin: AccountAdmin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.admin = admin
        self.accounts: list[Account] = []
        self.dialog: HandoverDialog | None = None
        """The hand-over dialog open now (tests reach it)."""
        self.departments: list[Department] = []
        """Every department this administrator manages (a province administrator: all)."""
        self.filter = QLineEdit()
        self.filter.setObjectName("accountFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add_account)
        self.toggle_button = QPushButton()
        self.toggle_button.setObjectName("toggleAccount")
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_selected)
        self.handover_button = QPushButton()
        self.handover_button.setObjectName("handOverFiles")
        self.handover_button.clicked.connect(self.hand_over_selected)
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for role in assignable_roles(admin.user):
            self.role.addItem(role_label(role), role)
        self.role_button = QPushButton()
        self.role_button.setObjectName("applyRole")
        self.role_button.clicked.connect(self.apply_role)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload)
        self.department_label = QLabel()
        self.department = QComboBox()
        self.department.setObjectName("accountDepartment")
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.department_button = QPushButton()
        self.department_button.setObjectName("applyDepartment")
        self.department_button.clicked.connect(self.apply_department)
        self.add_department_button = QPushButton()
        self.add_department_button.setObjectName("addDepartment")
        self.add_department_button.clicked.connect(self.add_department)
        second = QHBoxLayout()
        for widget in (
            self.department_label,
            self.department,
            self.department_button,
            self.add_department_button,
        ):
            second.addWidget(widget)
        second.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for widget in (
            self.add_button,
            self.toggle_button,
            self.reset_button,
            self.handover_button,
            self.role,
            self.role_button,
            self.reload_button,
        ):
            top.addWidget(widget)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("accounts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._selection_changed()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Tìm theo tên đăng nhập, họ tên, chức vụ…"))
        self.add_button.setText(self.tr("Thêm tài khoản…"))
        self.reset_button.setText(self.tr("Đặt lại mật khẩu…"))
        self.handover_button.setText(self.tr("Bàn giao hồ sơ…"))
        self.handover_button.setToolTip(
            self.tr(
                "Chuyển mọi hồ sơ người này đang giữ cho người khác (khi nghỉ việc, chuyển công tác)"
            )
        )
        self.role_button.setText(self.tr("Đổi vai trò"))
        self.reload_button.setText(self.tr("Tải lại"))
        self.department_label.setText(self.tr("Phòng ban"))
        self.department_button.setText(self.tr("Đổi phòng ban"))
        self.add_department_button.setText(self.tr("Thêm phòng ban…"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tên đăng nhập"),
                self.tr("Họ và tên"),
                self.tr("Chức vụ"),
                self.tr("Vai trò"),
                self.tr("Đơn vị"),
                self.tr("Phòng ban"),
                self.tr("Trạng thái"),
            ]
        )
        for row in range(self.role.count()):
            self.role.setItemText(row, role_label(str(self.role.itemData(row))))
        self._selection_changed()
        self._show()

    # -- data --------------------------------------------------------------------------
    def reload(self) -> None:
        run_task(self.admin.accounts, on_done=self._loaded, on_error=self._failed, owner=self)
        run_task(
            self.admin.departments,
            on_done=self._departments_loaded,
            on_error=self._failed,
            owner=self,
        )

    def _departments_loaded(self, departments: list[Department]) -> None:
        self.departments = departments
        self._selection_changed()

    def _departments_of(self, organisation: str) -> list[Department]:
        return [d for d in self.departments if d.organisation == organisation]

    def _loaded(self, accounts: list[Account]) -> None:
        self.accounts = accounts
        self._show()

    def _failed(self, exc: Exception) -> None:
        show_error(self, exc)

    def _visible(self) -> list[Account]:
        wanted = _fold(self.filter.text().strip())
        return [
            a
            for a in self.accounts
            if not wanted
            or wanted in _fold(f"{a.username} {a.full_name} {a.title} {_department_name(a)}")
        ]

    def _show(self) -> None:
        selected = self.selected()
        rows = self._visible()
        self.table.setRowCount(len(rows))
        for row, account in enumerate(rows):
            cells = (
                account.username,
                account.full_name,
                account.title,
                role_label(account.role),
                account.organisation,
                _department_name(account),
                self.tr("Hoạt động") if account.active else self.tr("Đã khoá"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.id)
                if not account.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
            if selected and account.id == selected.id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        active = sum(a.active for a in self.accounts)
        self.summary.setText(
            self.tr("%1 tài khoản, %2 đang hoạt động")
            .replace("%1", number(len(self.accounts)))
            .replace("%2", number(active))
        )
        self._selection_changed()  # the selected account's state may have changed

    def selected(self) -> Account | None:
        items = self.table.selectedItems()
        if not items:
            return None
        account_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.accounts if a.id == account_id), None)

    def _selection_changed(self) -> None:
        account = self.selected()
        manageable = (
            account is not None
            and account.id != self.admin.user.id  # never lock oneself out from here
            and account.role in assignable_roles(self.admin.user)
        )
        for button in (self.toggle_button, self.reset_button, self.role_button):
            button.setEnabled(manageable)
        self.handover_button.setEnabled(account is not None and account.id != self.admin.user.id)
        self.toggle_button.setText(
            self.tr("Mở khoá") if account is not None and not account.active else self.tr("Khoá")
        )
        if account is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(account.role)))
        # One's own department may change too; the province administrator's stays out of reach.
        placeable = account is not None and account.role in assignable_roles(self.admin.user)
        self.department.setEnabled(placeable)
        self.department_button.setEnabled(placeable)
        fill_departments(
            self.department,
            self._departments_of(account.organisation) if account else [],
            account.department if account else None,
        )

    def _replace(self, account: Account) -> None:
        self.accounts = [account if a.id == account.id else a for a in self.accounts]
        self._show()

    # -- actions -----------------------------------------------------------------------
    def add_account(self) -> None:
        own = self._departments_of(self.admin.user.organisation_code)
        dialog = NewAccountDialog(assignable_roles(self.admin.user), own, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_task(
            self.admin.add, dialog.account(), on_done=self._added, on_error=self._failed, owner=self
        )

    def _added(self, result: tuple[Account, str]) -> None:
        account, password = result
        self.accounts = sorted([*self.accounts, account], key=lambda a: a.username)
        self._show()
        self._show_password(account, password)

    def toggle_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        if account.active:
            answer = QMessageBox.question(
                self,
                self.tr("Khoá tài khoản"),
                self.tr("Khoá tài khoản %1? Người này sẽ bị đăng xuất trên mọi máy.").replace(
                    "%1", account.username
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        run_task(
            self.admin.set_active,
            account,
            not account.active,
            on_done=self._replace,
            on_error=self._failed,
            owner=self,
        )

    def apply_role(self) -> None:
        account = self.selected()
        role = str(self.role.currentData())
        if account is None or role == account.role:
            return
        run_task(
            self.admin.set_role,
            account,
            role,
            on_done=self._replace,
            on_error=self._failed,
            owner=self,
        )

    def apply_department(self) -> None:
        account = self.selected()
        if account is None:
            return
        department = chosen_department(self.department, self.departments)
        if (department.id if department else None) == (
            account.department.id if account.department else None
        ):
            return
        run_task(
            self.admin.set_department,
            account,
            department,
            on_done=self._replace,
            on_error=self._failed,
            owner=self,
        )

    def add_department(self) -> None:
        """A new department, in the selected account's organisation unless chosen otherwise;
        then offered in the box, ready to be given to the selected account."""
        account = self.selected()
        own = self.admin.user.organisation_code
        organisations = [own]
        if self.admin.user.role == "province_admin":
            organisations = sorted({own, *(a.organisation for a in self.accounts)})
        current = account.organisation if account else own
        dialog = NewDepartmentDialog(organisations, current, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_task(
            self.admin.add_department,
            dialog.code.text(),
            dialog.name.text(),
            dialog.organisation_code(),
            on_done=self._department_added,
            on_error=self._failed,
            owner=self,
        )

    def _department_added(self, department: Department) -> None:
        self.departments = sorted(
            [*self.departments, department], key=lambda d: (d.organisation, d.code)
        )
        self._selection_changed()
        index = self.department.findData(department.id)
        if index >= 0:  # the selected account's organisation: ready to apply
            self.department.setCurrentIndex(index)

    def reset_selected(self) -> None:
        account = self.selected()
        if account is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Đặt lại mật khẩu"),
            self.tr("Tạo mật khẩu mới cho %1? Mật khẩu cũ hết hiệu lực ngay.").replace(
                "%1", account.username
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_task(
            self.admin.reset_password,
            account,
            on_done=lambda password: self._show_password(account, password),
            on_error=self._failed,
            owner=self,
        )

    def hand_over_selected(self) -> None:
        """A leaving person's case files to a colleague (Art. 31.3.đ), confirmed in a dialog."""
        account = self.selected()
        if account is None:
            return
        dialog = HandoverDialog(account, self.accounts, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._hand_over(account, dialog.receiver_id()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _hand_over(self, account: Account, receiver_id: int) -> None:
        receiver = next((a for a in self.accounts if a.id == receiver_id), None)
        name = receiver.full_name if receiver else str(receiver_id)

        def done(result: HandoverResult) -> None:
            box = QMessageBox(self)
            box.setObjectName("handoverNotice")
            box.setWindowTitle(self.tr("Bàn giao hồ sơ"))
            box.setText(
                self.tr("Đã chuyển %1 hồ sơ của %2 cho %3.")
                .replace("%1", str(result.moved))
                .replace("%2", account.full_name or account.username)
                .replace("%3", name)
            )
            box.setInformativeText(", ".join(result.codes))
            box.open()

        run_task(
            self.admin.hand_over_files,
            account,
            receiver_id,
            on_done=done,
            on_error=self._failed,
            owner=self,
        )

    def _show_password(self, account: Account, password: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("passwordNotice")
        box.setWindowTitle(self.tr("Mật khẩu ban đầu"))
        box.setText(
            self.tr("Mật khẩu của %1 (chỉ hiện một lần, hãy trao tận tay):").replace(
                "%1", account.username
            )
        )
        box.setInformativeText(password)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()


def _department_name(account: Account) -> str:
    return account.department.name if account.department else ""
