"""The step dialog's pickers and the issued document's last steps: people by department with
a search that ignores diacritics, withdrawing an issued document from every recipient, and
choosing the document a new issue replaces."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import screenshot
from tests.ui.test_queues import _window


def _dialog(qtbot, win, document_id: int):  # type: ignore[no-untyped-def]
    win.step_dialog = None
    win.open_step(document_id)
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    return win.step_dialog


def test_the_leader_finds_people_by_department_without_diacritics(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_step_dialog import _documents, _open, _workspace

    leader = _workspace(story_server, "leader")
    received = next(d for d in _documents(leader) if d.status == "received")
    dialog = _open(qtbot, leader, received)
    assert dialog.step.currentData() == "assign" and dialog.people_filter.isVisible()
    labels = [dialog.lead.itemText(i) for i in range(dialog.lead.count())]
    assert "Hoàng Thị Mai — Phòng Kinh tế (Chuyên viên)" in labels
    assert labels.index("Hoàng Thị Mai — Phòng Kinh tế (Chuyên viên)") < labels.index(
        "Nguyễn Văn Nam — Văn phòng (Chuyên viên)"
    )  # by department
    dialog.people_filter.setText("van phong")
    shown = [
        dialog.co.item(i).text()
        for i in range(dialog.co.count())
        if not dialog.co.item(i).isHidden()
    ]
    assert shown and all("Văn phòng" in text for text in shown)
    assert dialog.lead.currentIndex() == -1  # a search narrows the list, it never chooses
    dialog.people_filter.clear()
    assert all(not dialog.co.item(i).isHidden() for i in range(dialog.co.count()))


def test_the_clerk_withdraws_an_issued_document_with_a_reason(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "clerk")
    win.show_named("issued")
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() >= 1, timeout=10000)
    issued = next(r for r in win.model.rows if r.status == "issued")
    document = win.workspace.document(issued.id)
    here = [d for d in document.deliveries if d.via == "server"]  # the copies on this server
    assert {d.status for d in here} == {"arrived"} and len(here) == 2
    win.open_document(issued.id)
    qtbot.waitUntil(lambda: win.document_view.document is not None, timeout=10000)
    timeline = [
        win.document_view.timeline.item(i).text() for i in range(win.document_view.timeline.count())
    ]
    assert any(t.startswith("→ Nơi nhận Sở Tài chính") and t.endswith("Đã đến") for t in timeline)
    dialog = _dialog(qtbot, win, issued.id)
    assert dialog.step.currentData() == "withdraw"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.error.text() == "Hãy ghi lý do thu hồi." and dialog.result_document is None
    dialog.comment.setPlainText("Ban hành nhầm đối tượng")
    ok.click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    withdrawn = dialog.result_document
    assert withdrawn.status == "withdrawn"
    assert {d.status for d in withdrawn.deliveries if d.via == "server"} == {"withdrawn"}


def test_an_issue_names_the_document_it_replaces(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    from ui.views.step_dialog import StepDialog

    win = _window(qtbot, story_server, "clerk")
    replaceable = win.workspace.replaceable()
    assert replaceable
    base = win.workspace.document(replaceable[0].id)
    numbered = dataclasses.replace(base, id=base.id + 10_000, status="numbered")
    dialog = StepDialog(
        win.workspace,
        numbered,
        win.workspace.colleagues(),
        win.workspace.organisations(),
        parent=win,
        replaceable=replaceable,
    )
    dialog.show()
    assert dialog.step.currentData() == "issue" and dialog.replaces.isVisible()
    assert dialog.step_input().replaces is None  # replacing is a choice, never a default
    dialog.replaces.setCurrentIndex(1)
    assert dialog.step_input().replaces == replaceable[0].id
    dialog.close()


def test_the_specialist_asks_for_more_time(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "specialist")
    assert win.current_page() == "my_work"
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() >= 1, timeout=10000)
    row = next(r for r in win.model.rows if r.status in ("assigned", "processing"))
    dialog = _dialog(qtbot, win, row.id)
    dialog.step.setCurrentIndex(dialog.step.findData("ask_extension"))
    assert dialog.deadline.isVisible() and not dialog.has_deadline.isEnabled()
    proposed = dialog.deadline.date().toPython()
    [mine] = [a for a in dialog.document.assignments if a.state == "active" and a.kind == "lead"]
    assert mine.deadline is None or proposed > mine.deadline
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "lý do" in dialog.error.text()
    dialog.comment.setPlainText("Chờ số liệu của các huyện")
    ok.click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    [part] = [
        a for a in dialog.result_document.assignments if a.state == "active" and a.kind == "lead"
    ]
    assert part.requested_deadline == proposed
    win.open_document(row.id)
    qtbot.waitUntil(lambda: win.document_view.document is not None, timeout=10000)
    timeline = win.document_view.timeline
    texts = [timeline.item(i).text() for i in range(timeline.count())]
    assert any(f"xin gia hạn đến {proposed:%d/%m/%Y}" in t for t in texts)


def test_the_leader_assigns_several_at_once(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelectionModel

    win = _window(qtbot, story_server, "leader")
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() == 3, timeout=10000)
    selection = win.table.selectionModel()
    rows = [r for r in range(3) if win.model.row_at(r).status == "received"]
    for row in rows:
        selection.select(
            win.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    ids = [win.model.row_at(r).id for r in rows]
    qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    dialog = win.step_dialog
    assert len(dialog.documents) == 2 and "2 văn bản" in dialog.windowTitle()
    dialog.step.setCurrentIndex(dialog.step.findData("assign"))
    dialog.people_filter.setText("mai")
    dialog.lead.setCurrentIndex(
        next(i for i in range(dialog.lead.count()) if "Hoàng Thị Mai" in dialog.lead.itemText(i))
    )
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.batch is not None, timeout=20000)
    assert len(dialog.batch.done) == 2 and not dialog.batch.failed
    assert dialog.done_message == "Đã chỉ đạo: giao Hoàng Thị Mai chủ trì, hạn " + (
        dialog.deadline.date().toString("dd/MM/yyyy") + " (2 văn bản)"
    )
    for doc_id in ids:
        assert win.workspace.document(doc_id).status == "assigned"
    qtbot.waitUntil(lambda: "Đã thực hiện: 2 văn bản" in win.status_label.text(), timeout=10000)
    qtbot.waitUntil(
        lambda: win.nav.item(0).text() == "Chờ chỉ đạo (1)", timeout=10000
    )  # the extension


def test_a_leader_who_co_handles_is_offered_only_her_part(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    """A deputy leader asked to co-handle (phối hợp) may note, ask for time and finish her
    part; directing it (Chỉ đạo, Gia hạn, Thu hồi) stays with the leader who assigned it."""
    import requests

    from services.session import open_session
    from services.workspace import Workspace
    from ui.views.step_dialog import StepDialog

    api = story_server.api_url
    made = requests.post(
        f"{api}/admin/users",
        headers=story_server.headers("org_admin"),
        json={
            "username": "pho.ct",
            "full_name": "Lê Thị Thu",
            "role": "leader",
            "organisation": "UBND-T",
        },
        timeout=30,
    ).json()
    leader = story_server.headers("leader")
    received = next(
        d
        for d in requests.get(f"{api}/documents?limit=200", headers=leader, timeout=10).json()[
            "items"
        ]
        if d["status"] == "received"
    )
    specialist = requests.get(
        f"{api}/auth/me", headers=story_server.headers("specialist"), timeout=10
    ).json()
    assigned = requests.post(
        f"{api}/documents/{received['id']}/actions",
        json={"action": "assign", "lead": specialist["id"], "co": [made["account"]["id"]]},
        headers={**leader, "If-Match": f'"{received["revision"]}"'},
        timeout=10,
    )
    assert assigned.status_code == 200, assigned.text
    deputy = Workspace(open_session(story_server.base_url, "pho.ct", made["initial_password"]))
    document = deputy.session.client.get_document(received["id"])
    dialog = StepDialog(deputy, document, deputy.colleagues(), deputy.organisations())
    qtbot.addWidget(dialog)
    dialog.show()
    offered = [dialog.step.itemData(i) for i in range(dialog.step.count())]
    assert offered == ["note", "finish", "ask_extension"]
    assert dialog.step.currentData() == "finish"
    dialog.comment.setPlainText("Phần phối hợp đã xong")
    screenshot(dialog, "step-dialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    assert dialog.result_document.status == "assigned"  # the lead's part goes on
    assert dialog.done_message == "Đã hoàn thành phần phối hợp" and dialog.undo is None
