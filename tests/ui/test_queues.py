"""Work queues in the window: the role's queues with live counts, the register dialog with
the ĐẾN stamp, and a step taken offline shown "chờ gửi" until it is sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import screenshot


def _window(qtbot, server, role: str):  # type: ignore[no-untyped-def]
    from services.session import open_session
    from services.workspace import Workspace
    from ui.app import create_application
    from ui.settings import UiSettings
    from ui.views.main_window import MainWindow

    create_application("vi")
    win = MainWindow(
        Workspace(open_session(server.base_url, *server.credentials(role))), UiSettings()
    )
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: "Trực tuyến" in win.status_label.text(), timeout=20000)
    qtbot.waitUntil(lambda: sum(win.counts.values()) > 0, timeout=10000)  # after the sync
    return win


def _nav_texts(win) -> list[str]:  # type: ignore[no-untyped-def]
    return [win.nav.item(i).text() for i in range(win.nav.count())]


def test_a_leader_sees_the_queues_of_the_role_with_counts(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "leader")
    texts = _nav_texts(win)
    assert texts[0] == "Chờ chỉ đạo (3)" and "Chờ ký (2)" in texts  # 2 to direct, 1 to extend
    assert not any(t.startswith(("Chờ vào sổ", "Chờ phát hành")) for t in texts)  # the clerk's
    assert "Quá hạn (1)" in texts  # the organisation's late work, Vietnam time
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() == 3, timeout=10000)
    assert sorted(r.status for r in win.model.rows) == ["processing", "received", "received"]
    screenshot(win, "queues-leader")
    to_sign = win.pages.index("to_sign")
    qtbot.keyClick(win, Qt.Key.Key_1 + to_sign, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() == "to_sign"
    qtbot.waitUntil(
        lambda: (
            not win.model.loading
            and [r.status for r in win.model.rows] == ["pending_signature"] * 2
        ),
        timeout=10000,
    )
    win.show_named("overdue")
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() == 1, timeout=10000)
    late = win.model.index(0, 7)
    assert win.model.data(late, Qt.ItemDataRole.ToolTipRole) == "Quá hạn"


def test_a_clerk_registers_with_the_stamp_and_the_count_drops(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "clerk")
    assert _nav_texts(win)[0] == "Chờ vào sổ (2)"
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() == 2, timeout=10000)
    arrived = win.model.row_at(0)
    win.open_step(arrived.id)
    qtbot.waitUntil(lambda: win.incoming_dialog is not None, timeout=10000)
    dialog = win.incoming_dialog  # registering an arrival is checking its fields
    assert dialog.existing.id == arrived.id and dialog.subject.toPlainText() == arrived.subject
    assert dialog.organ.text() and dialog.file.isReadOnly()
    assert dialog.stamp.isEnabled() and dialog.stamp.isChecked()  # it has a file
    dialog.to_places.setText("Phòng Kinh tế")
    screenshot(dialog, "register-dialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    registered = dialog.outcome.document
    assert registered.status == "received" and registered.arrival_number
    assert registered.current_version == 2  # the stamped file is a new version
    assert registered.to_places == ("Phòng Kinh tế",)  # the checked fields were saved
    qtbot.waitUntil(lambda: _nav_texts(win)[0] == "Chờ vào sổ (1)", timeout=10000)


def test_a_step_taken_offline_waits_marked_and_is_sent_once(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "leader")
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() == 3, timeout=10000)
    target = next(r for r in win.model.rows if r.status == "received")
    story_server.stop()
    win.open_step(target.id)
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    dialog = win.step_dialog
    dialog.step.setCurrentIndex(dialog.step.findData("assign"))
    dialog.lead.setCurrentIndex(
        next(i for i in range(dialog.lead.count()) if "Hoàng Thị Mai" in dialog.lead.itemText(i))
    )
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=30000)
    assert dialog.queued
    assert "chờ gửi" in win.status_label.text()
    qtbot.waitUntil(lambda: target.id in win.model.pending, timeout=10000)
    row = next(i for i, r in enumerate(win.model.rows) if r.id == target.id)
    assert win.model.data(win.model.index(row, 8)).endswith("· chờ gửi")
    story_server.start()
    win.sync_now()
    qtbot.waitUntil(lambda: "Trực tuyến" in win.status_label.text(), timeout=30000)
    qtbot.waitUntil(lambda: not win.model.pending, timeout=10000)
    document = win.workspace.document(target.id)
    assert document.status == "assigned"
    assert [e.action for e in document.trace].count("assign") == 1  # sent once


def test_the_clerk_numbers_a_signed_document_seeing_the_number_first_then_issues_it(
    qtbot, story_server
) -> None:  # type: ignore[no-untyped-def]
    """Chờ phát hành → the signed letter → Cấp số (the number shown before it is taken) →
    Phát hành: the outgoing flow ends in the window, not in demo data."""
    win = _window(qtbot, story_server, "clerk")
    win.show_named("to_issue")
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() > 0, timeout=10000)
    signed = next(r for r in win.model.rows if r.status == "signed")
    win.open_step(signed.id)
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    dialog = win.step_dialog
    assert [dialog.step.itemData(i) for i in range(dialog.step.count())] == ["number"]
    assert dialog.next_number.isVisible() and not dialog.lead.isVisible()
    qtbot.waitUntil(lambda: "Sổ văn bản đi" in dialog.next_number.text(), timeout=10000)
    shown = dialog.next_number.text().split("<b>")[1].split("</b>")[0]
    screenshot(dialog, "number-dialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=15000)
    numbered = dialog.result_document
    assert numbered.status == "numbered" and numbered.number_symbol == shown
    win.step_dialog = None
    win.open_step(signed.id)
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    dialog = win.step_dialog
    assert dialog.step.currentData() == "issue"
    first = dialog.organisations.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=15000)
    assert dialog.result_document.status == "issued"
