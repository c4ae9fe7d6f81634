"""The administrator's accounts page: add, disable, reset password and change a role, for real
against the server, and only for administrators."""

from __future__ import annotations

import requests
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import screenshot


def _admin_window(qtbot, ui_server, role: str = "org_admin"):  # type: ignore[no-untyped-def]
    from services.session import open_session
    from services.workspace import Workspace
    from ui.app import create_application
    from ui.settings import UiSettings
    from ui.views.main_window import MainWindow

    create_application("vi")
    session = open_session(ui_server.base_url, *ui_server.credentials(role))
    win = MainWindow(Workspace(session), UiSettings())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: "Trực tuyến" in win.status_label.text(), timeout=20000)
    return win


def _login(server, username: str, password: str) -> int:  # type: ignore[no-untyped-def]
    return requests.post(
        f"{server.api_url}/auth/login",
        json={"username": username, "password": password},
        timeout=10,
    ).status_code


def _notice(qtbot, name: str = "passwordNotice") -> QMessageBox:  # type: ignore[no-untyped-def]
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10000)
    return found[0]


def _select(view, username: str) -> None:  # type: ignore[no-untyped-def]
    for row in range(view.table.rowCount()):
        if view.table.item(row, 0).text() == username:
            view.table.selectRow(row)
            return
    raise AssertionError(f"{username} not listed")


def test_an_org_admin_manages_the_accounts_of_their_organisation(
    qtbot, ui_server, monkeypatch
) -> None:
    win = _admin_window(qtbot, ui_server)
    assert "accounts" in win.pages
    win.nav.setCurrentRow(win.pages.index("accounts"))
    view = win.accounts
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=10000)
    organisations = {view.table.item(r, 4).text() for r in range(view.table.rowCount())}
    assert organisations == {"UBND-T"}  # only their own organisation
    assert "Quản trị tỉnh" not in [view.role.itemText(i) for i in range(view.role.count())]
    screenshot(win, "accounts")

    # Add: the dialog checks its fields, the server creates the account, the password shows once.
    from ui.views import accounts as accounts_module

    class Filled(accounts_module.NewAccountDialog):
        def exec(self) -> int:  # type: ignore[override]
            self.username.setText("chuyenvien.moi")
            self.full_name.setText("Lê Thị Thu Hà")
            self.title_field.setText("Chuyên viên Phòng Tổng hợp")
            self.role.setCurrentIndex(self.role.findData("specialist"))
            self._check()
            return int(self.result())

    monkeypatch.setattr(accounts_module, "NewAccountDialog", Filled)
    before = view.table.rowCount()
    view.add_account()
    notice = _notice(qtbot)
    password = notice.informativeText()
    notice.close()
    assert view.table.rowCount() == before + 1
    assert _login(ui_server, "chuyenvien.moi", password) == 200

    # Disable: the person can no longer sign in; enable again.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _select(view, "chuyenvien.moi")
    assert view.toggle_button.text() == "Khoá"
    view.toggle_selected()
    qtbot.waitUntil(
        lambda: view.selected() is not None and not view.selected().active, timeout=10000
    )
    assert _login(ui_server, "chuyenvien.moi", password) == 401
    assert view.toggle_button.text() == "Mở khoá"
    view.toggle_selected()
    qtbot.waitUntil(lambda: view.selected().active, timeout=10000)

    # Reset the password: the old one stops working, the new one works.
    view.reset_selected()
    notice = _notice(qtbot)
    new_password = notice.informativeText()
    notice.close()
    assert new_password != password
    assert _login(ui_server, "chuyenvien.moi", password) == 401
    assert _login(ui_server, "chuyenvien.moi", new_password) == 200

    # Change the role.
    view.role.setCurrentIndex(view.role.findData("clerk"))
    view.apply_role()
    qtbot.waitUntil(lambda: view.selected().role == "clerk", timeout=10000)
    listed = requests.get(
        f"{ui_server.api_url}/admin/users",
        headers=ui_server.headers("org_admin"),
        timeout=10,
    ).json()
    assert next(a for a in listed if a["username"] == "chuyenvien.moi")["role"] == "clerk"

    # An administrator never locks themself out from here.
    _select(view, "quantridv")
    assert not view.toggle_button.isEnabled() and not view.reset_button.isEnabled()
    _select(view, "quantri")  # the province administrator is out of an org admin's reach
    assert not view.toggle_button.isEnabled() and not view.role_button.isEnabled()


def test_people_who_are_not_administrators_have_no_accounts_page(window) -> None:
    assert "accounts" not in window.pages and window.accounts is None


def _cell(view, username: str, column: int) -> str:  # type: ignore[no-untyped-def]
    for row in range(view.table.rowCount()):
        if view.table.item(row, 0).text() == username:
            return str(view.table.item(row, column).text())
    raise AssertionError(f"{username} not listed")


def test_an_org_admin_adds_a_department_and_places_people_in_it(
    qtbot, ui_server, monkeypatch
) -> None:
    win = _admin_window(qtbot, ui_server)
    win.nav.setCurrentRow(win.pages.index("accounts"))
    view = win.accounts
    qtbot.waitUntil(lambda: view.table.rowCount() > 0 and bool(view.departments), timeout=10000)
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    column = headers.index("Phòng ban")
    assert _cell(view, "chuyenvien", column) == "Phòng Kinh tế"
    assert _cell(view, "lanhdao", column) == ""
    _select(view, "chuyenvien")
    assert view.department.itemText(0) == "(không có)"
    assert view.department.currentText() == "Phòng Kinh tế (KT)"
    assert view.department_button.isEnabled()

    # Add a department: offered at once in the box, for the selected colleague.
    from ui.views import accounts as accounts_module

    class NewDepartment(accounts_module.NewDepartmentDialog):
        def exec(self) -> int:  # type: ignore[override]
            self.code.setText("TH")
            self.name.setText("Phòng Tổng hợp")
            self._check()
            return int(self.result())

    monkeypatch.setattr(accounts_module, "NewDepartmentDialog", NewDepartment)
    view.add_department()
    qtbot.waitUntil(lambda: view.department.currentText() == "Phòng Tổng hợp (TH)", timeout=10000)
    view.apply_department()
    qtbot.waitUntil(lambda: _cell(view, "chuyenvien", column) == "Phòng Tổng hợp", timeout=10000)
    listed = requests.get(
        f"{ui_server.api_url}/admin/users", headers=ui_server.headers("org_admin"), timeout=10
    ).json()
    assert next(a for a in listed if a["username"] == "chuyenvien")["department"]["code"] == "TH"
    colleagues = requests.get(
        f"{ui_server.api_url}/colleagues", headers=ui_server.headers("leader"), timeout=10
    ).json()
    assert next(c for c in colleagues if c["username"] == "chuyenvien")["department"] == (
        "Phòng Tổng hợp"
    )

    # "(không có)" takes them out of any department.
    view.department.setCurrentIndex(0)
    view.apply_department()
    qtbot.waitUntil(lambda: _cell(view, "chuyenvien", column) == "", timeout=10000)

    # A new account joins a department as it is created.
    th = next(d for d in view.departments if d.code == "TH")

    class NewAccount(accounts_module.NewAccountDialog):
        def exec(self) -> int:  # type: ignore[override]
            assert self.department.itemText(0) == "(không có)"
            self.username.setText("tonghop.moi")
            self.full_name.setText("Trần Văn Hải")
            self.role.setCurrentIndex(self.role.findData("specialist"))
            self.department.setCurrentIndex(self.department.findData(th.id))
            self._check()
            return int(self.result())

    monkeypatch.setattr(accounts_module, "NewAccountDialog", NewAccount)
    view.add_account()
    _notice(qtbot).close()
    assert _cell(view, "tonghop.moi", column) == "Phòng Tổng hợp"


def test_a_leaving_persons_case_files_go_to_a_colleague(qtbot, ui_server) -> None:  # type: ignore[no-untyped-def]
    """Art. 31.3.đ: the administrator picks the leaver, «Bàn giao hồ sơ…», the colleague; every
    file still in hand changes hands, recorded, and the window says how many and which."""
    headers = ui_server.headers("specialist")
    made = [
        requests.post(
            f"{ui_server.api_url}/case-files",
            json={"title": f"Hồ sơ dự án {n}", "notation": f"0{n}.DA", "maintenance": "10 năm"},
            headers=headers,
            timeout=10,
        )
        for n in (1, 2)
    ]
    assert [r.status_code for r in made] == [201, 201], [r.text for r in made]
    leaver = requests.get(f"{ui_server.api_url}/auth/me", headers=headers, timeout=10).json()
    taker = requests.get(
        f"{ui_server.api_url}/auth/me", headers=ui_server.headers("leader"), timeout=10
    ).json()

    win = _admin_window(qtbot, ui_server)
    win.nav.setCurrentRow(win.pages.index("accounts"))
    view = win.accounts
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=10000)
    _select(view, leaver["username"])
    assert view.handover_button.isEnabled()
    view.handover_button.click()
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=5000)
    dialog = view.dialog
    offered = [dialog.receiver.itemData(i) for i in range(dialog.receiver.count())]
    assert taker["id"] in offered and leaver["id"] not in offered
    assert win.session.user.id not in offered  # an administrator keeps no case files
    assert "đã nộp lưu ở lại Lưu trữ cơ quan" in dialog.explain.text()
    screenshot(dialog, "accounts-handover")
    dialog.receiver.setCurrentIndex(offered.index(taker["id"]))
    dialog.accept()

    told = _notice(qtbot, "handoverNotice")
    assert "Đã chuyển 2 hồ sơ" in told.text() and taker["full_name"] in told.text()
    assert "01.DA" in told.informativeText() and "02.DA" in told.informativeText()
    told.close()
    mine = requests.get(
        f"{ui_server.api_url}/case-files?queue=mine",
        headers=ui_server.headers("leader"),
        timeout=10,
    ).json()["items"]
    assert {f["title"] for f in mine} >= {"Hồ sơ dự án 1", "Hồ sơ dự án 2"}
    left = requests.get(f"{ui_server.api_url}/case-files?queue=mine", headers=headers, timeout=10)
    assert [f for f in left.json()["items"] if f["title"].startswith("Hồ sơ dự án")] == []
