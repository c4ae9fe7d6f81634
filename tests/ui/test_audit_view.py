"""Who read what, in the window: opening a document records the view and its "Truy cập" tab
lists the accesses for those who may see them; the administrator's audit page filters the
trail, exports it to CSV and counts sign-ins."""

from __future__ import annotations

import csv

import pytest
import requests

from tests.ui.conftest import open_window, screenshot


@pytest.fixture(scope="module")
def office(tmp_path_factory):  # type: ignore[no-untyped-def]
    from tests.fixtures.server import LiveServer

    live = LiveServer(tmp_path_factory.mktemp("audit-window"))
    live.demo_data(30, 6, story=True)
    live.start()
    yield live
    live.stop()


def _window(qtbot, server, role: str):  # type: ignore[no-untyped-def]
    return open_window(qtbot, server, role)


def _with_file(win) -> int:  # type: ignore[no-untyped-def]
    from client.cache.query import DocumentQuery, search

    rows = search(win.workspace.session.store, DocumentQuery(limit=500)).rows
    documents = [win.workspace.document(r.id) for r in rows if r.current_version and not r.secrecy]
    # A registered letter nobody was assigned: the specialist reads it but is not its handler.
    return next(d.id for d in documents if d.direction == "incoming" and not d.assignments)


def _items(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [widget.item(i).text() for i in range(widget.count())]


def test_opening_a_document_records_the_view_and_shows_who_read_it(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, office, "leader")
    qtbot.waitUntil(lambda: win.workspace.document(_with_file(win)) is not None, timeout=20000)
    document_id = _with_file(win)
    win.open_document(document_id)
    view = win.document_view
    qtbot.waitUntil(lambda: view.file is not None, timeout=20000)

    def viewed() -> bool:
        history = requests.get(
            f"{office.api_url}/documents/{document_id}/accesses",
            headers=office.headers("leader"),
            timeout=10,
        ).json()
        return any(e["kind"] == "view" and e["username"] == "lanhdao" for e in history["events"])

    qtbot.waitUntil(viewed, timeout=20000)
    view.show_document(view.document)  # shown again: the tab reads the history afresh
    qtbot.waitUntil(
        lambda: any("Xem" in t and "lần" in t for t in _items(view.accesses)), timeout=20000
    )
    assert any("Lãnh đạo" in t or "Xem:" in t for t in _items(view.accesses)[1:])
    view.tabs.setCurrentWidget(view.history_tab)
    screenshot(win, "document-accesses")
    # A specialist reads the same letter but is told the history is not theirs to see.
    other = _window(qtbot, office, "specialist")
    qtbot.waitUntil(lambda: other.workspace.document(document_id) is not None, timeout=20000)
    other.open_document(document_id)
    qtbot.waitUntil(
        lambda: any("dành cho lãnh đạo" in t for t in _items(other.document_view.accesses)),
        timeout=20000,
    )


def test_the_administrator_filters_exports_and_counts_sign_ins(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    requests.post(
        f"{office.api_url}/auth/login",
        json={"username": "vanthu", "password": "không đúng"},
        timeout=10,
    )
    win = _window(qtbot, office, "org_admin")
    assert "audit" in win.pages and win.audit is not None
    assert _window(qtbot, office, "clerk").audit is None
    win.show_named("audit")
    page = win.audit
    assert win.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=20000)
    page.category.setCurrentIndex(page.category.findData("login"))
    page.username.setText("vanthu")
    page.show_button.click()
    qtbot.waitUntil(
        lambda: page.show_button.isEnabled() and "sự kiện" in page.status.text(), timeout=20000
    )
    actions = {page.table.item(r, 4).text() for r in range(page.table.rowCount())}
    assert actions and actions <= {"Đăng nhập", "Đăng nhập sai"} and "Đăng nhập sai" in actions
    assert all(
        page.table.item(r, 1).text().endswith("(vanthu)") for r in range(page.table.rowCount())
    )
    screenshot(win, "audit-trail")
    page.document.setText("abc")
    page.show_button.click()
    assert "phải là một số" in page.status.text()
    page.document.setText("")
    page.save_to(tmp_path / "nhat-ky.csv")
    qtbot.waitUntil(lambda: page.status.text().startswith("Đã lưu"), timeout=20000)
    with (tmp_path / "nhat-ky.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == page.table.rowCount() + 1 and rows[0][1] == "Tài khoản / Account"
    page.tabs.setCurrentIndex(1)
    page.stats_button.click()
    qtbot.waitUntil(lambda: page.stats.rowCount() > 0, timeout=20000)
    assert int(page.stats.item(page.stats.rowCount() - 1, 1).text()) >= 1
    assert "lần đăng nhập" in page.status.text()
    screenshot(win, "audit-logins")
