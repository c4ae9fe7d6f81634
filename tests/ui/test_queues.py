"""Work queues in the window: the role's queues with live counts, the register dialog with
the ĐẾN stamp, and a step taken offline shown "chờ gửi" until it is sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from client.cache.queues import Queue
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
    # two from the province's own Sở, two through the exchange axis (the story's)
    assert _nav_texts(win)[0] == "Chờ vào sổ (4)"
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() == 4, timeout=10000)
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
    qtbot.waitUntil(lambda: _nav_texts(win)[0] == "Chờ vào sổ (3)", timeout=10000)


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


# -- one deadline rule for the colours and the queues (issue 28) ----------------------------


def _loaded_page(qtbot, win, page: str) -> list:  # type: ignore[no-untyped-def]
    if win.current_page() == page:
        win.show_named("incoming")  # choosing the page shown already would change nothing
    win.show_named(page)
    qtbot.waitUntil(
        lambda: not win.model.loading and (win.model.query.queue or "") == page, timeout=10000
    )
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not win.model.loading, timeout=10000)
    return list(win.model.rows)


def _colours(win) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """What the user sees in the deadline cell of each row: pink, yellow or nothing."""
    from ui.models import DUE_SOON, OVERDUE

    model = win.model
    due = model.column_index("due")
    seen = {}
    for r, row in enumerate(model.rows):
        brush = model.data(model.index(r, due), Qt.ItemDataRole.BackgroundRole)
        colour = brush.color().name() if brush is not None else ""
        seen[row.id] = {OVERDUE.name(): "overdue", DUE_SOON.name(): "due_soon"}.get(colour, "")
    return seen


def _parts(win) -> dict[int, str]:  # type: ignore[no-untyped-def]
    model = win.model
    part = model.column_index("part")
    return {row.id: model.data(model.index(r, part)) for r, row in enumerate(model.rows)}


def _agrees(qtbot, win) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """'Việc của tôi' is coloured exactly where 'Quá hạn' and 'Sắp đến hạn' hold the rows."""
    _loaded_page(qtbot, win, "my_work")
    colours, parts = _colours(win), _parts(win)
    overdue = {r.id for r in _loaded_page(qtbot, win, "overdue")}
    soon = {r.id for r in _loaded_page(qtbot, win, "due_soon")}
    assert {i for i, c in colours.items() if c == "overdue"} == overdue
    assert {i for i, c in colours.items() if c == "due_soon"} == soon
    texts = _nav_texts(win)
    for page, ids in (("Quá hạn", overdue), ("Sắp đến hạn", soon)):
        assert (f"{page} ({len(ids)})" if ids else page) in texts
    return parts


def test_an_informed_clerk_sees_no_deadline_colours_in_my_work(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    """The story informs the clerk of the specialist's work, late and due soon: reading for
    information is no deadline of hers, so neither her list nor her queues show one."""
    win = _window(qtbot, story_server, "clerk")
    parts = _agrees(qtbot, win)
    assert parts and set(parts.values()) == {"Để biết"}
    _loaded_page(qtbot, win, "my_work")
    assert set(_colours(win).values()) == {""}
    due = win.model.index(0, win.model.column_index("due"))
    assert "không xử lý theo hạn này" in win.model.data(due, Qt.ItemDataRole.ToolTipRole)


def test_the_lead_handlers_colours_are_his_queues(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "specialist")
    parts = _agrees(qtbot, win)
    assert "Chủ trì" in parts.values()
    assert "Quá hạn (1)" in _nav_texts(win) and "Sắp đến hạn (1)" in _nav_texts(win)
    _loaded_page(qtbot, win, "my_work")
    win.resize(1366, 768)
    screenshot(win, "queues-my-work-parts")


def test_the_legend_names_the_colours_the_list_uses(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from ui.models import LEGEND, legend_widget

    win = _window(qtbot, story_server, "leader")
    _loaded_page(qtbot, win, "overdue")
    model = win.model
    shown = model.data(
        model.index(0, model.column_index("subject")), Qt.ItemDataRole.BackgroundRole
    )
    colours = {state: colour for state, colour, _label in LEGEND}
    assert shown.color() == colours["overdue"]  # the legend's pink is the list's pink
    legend = legend_widget()
    qtbot.addWidget(legend)
    texts = [label.text() for label in legend.findChildren(QLabel)]
    assert texts == ["Quá hạn", "Sắp đến hạn", "Chờ gửi", "Khẩn trở lên"]
    legend.resize(600, 24)
    screenshot(legend, "list-legend")


def test_the_archivists_queues_are_the_scans_waiting_and_failed(
    qtbot, story_server, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import pymupdf

    from services.session import open_session
    from services.workspace import Workspace
    from ui.app import create_application
    from ui.settings import UiSettings
    from ui.views.main_window import MainWindow

    folder = tmp_path / "scans"
    folder.mkdir()
    scan = pymupdf.open()
    scan.new_page().insert_text((72, 72), "scan")
    scan.save(folder / "tot.pdf")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.7 not really")
    create_application("vi")
    workspace = Workspace(
        open_session(story_server.base_url, *story_server.credentials("archivist"))
    )
    win = MainWindow(workspace, UiSettings(watch_folder=str(folder)))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitUntil(lambda: "Trực tuyến" in win.status_label.text(), timeout=20000)
    assert _nav_texts(win)[:2] == ["Bản quét chờ tải lên", "Tải lên lỗi"]
    win.show_named("uploads")
    win.uploads.toggle.click()
    qtbot.waitUntil(
        lambda: win.workspace.queue_counts().get(Queue.UPLOADS_FAILED) == 1, timeout=60000
    )
    qtbot.waitUntil(
        lambda: win.workspace.queue_counts().get(Queue.SCANS_WAITING) == 0, timeout=60000
    )
    win.refresh_counts()
    qtbot.waitUntil(lambda: "Tải lên lỗi (1)" in _nav_texts(win), timeout=10000)
    win.show_named("uploads_failed")
    assert win.stack.currentWidget() is win.uploads
    table = win.uploads.table
    qtbot.waitUntil(
        lambda: table.rowCount() == 1 and table.item(0, 0).text() == "hong.pdf", timeout=10000
    )
    win.uploads.stop()
    win.show_named("uploads")  # the whole queue again
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=10000)


def test_the_deadline_cell_shows_mine_and_tells_both_when_they_differ(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """My part was given more time than the document: the list shows my deadline, on time,
    and its tooltip gives both."""
    from dataclasses import replace

    from client.cache.query import search
    from tests.client.cache.test_queues import ME, TODAY, _day, _doc, _scope, _store
    from ui.app import create_application
    from ui.models import DocumentTableModel

    create_application("vi")
    store = _store(tmp_path, [_doc(1, due=_day(-3), parts=((ME, "co", "active", _day(20)),))])
    scope = _scope("specialist")
    model = DocumentTableModel(
        lambda query, after: search(store, replace(query, scope=scope), after)
    )
    model.today = TODAY
    model.set_query(model.query)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    model.today = TODAY  # the day the rows are judged on (the story's, not the machine's)
    due = model.index(0, model.column_index("due"))
    assert model.data(due) == _day(20).strftime("%d/%m/%Y")
    assert model.data(due, Qt.ItemDataRole.BackgroundRole) is None  # not late: mine is later
    assert model.data(due, Qt.ItemDataRole.ToolTipRole) == (
        f"Hạn của bạn: {_day(20):%d/%m/%Y}\nHạn của văn bản: {_day(-3):%d/%m/%Y}"
    )
    assert model.data(model.index(0, model.column_index("part"))) == "Phối hợp"
    assert [model.column_key(c) for c in range(model.columnCount())][-2:] == [
        "part",
        "arrival_number",
    ]
