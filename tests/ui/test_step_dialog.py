"""The step dialog: a leader directs and assigns an incoming document from the window."""

from __future__ import annotations

import requests
from PySide6.QtWidgets import QDialogButtonBox

from tests.fixtures.outgoing import submitted_outgoing
from tests.ui.conftest import screenshot


def test_a_leader_assigns_from_the_window(qtbot, window, ui_server) -> None:  # type: ignore[no-untyped-def]
    api, clerk = ui_server.api_url, ui_server.headers("clerk")
    doc = requests.post(
        f"{api}/documents",
        json={"direction": "incoming", "subject": "Công văn đề nghị báo cáo tiến độ"},
        headers=clerk,
        timeout=10,
    ).json()
    window.sync_now()
    qtbot.waitUntil(lambda: window.workspace.document(doc["id"]) is not None, timeout=20000)
    window.open_step(doc["id"])
    qtbot.waitUntil(lambda: window.step_dialog is not None, timeout=10000)
    dialog = window.step_dialog
    # The leader directs; presenting to a leader is the clerk's step (the contract's answer).
    assert [dialog.step.itemData(i) for i in range(dialog.step.count())] == ["assign"]
    dialog.step.setCurrentIndex(dialog.step.findData("assign"))
    assert dialog.lead.isVisible() and not dialog.leaders.isVisible()
    dialog.lead.setCurrentIndex(
        next(i for i in range(dialog.lead.count()) if "Hoàng Thị Mai" in dialog.lead.itemText(i))
    )
    dialog.comment.setPlainText("Giao chuyên viên Mai chủ trì, báo cáo trước hạn")
    screenshot(dialog, "step-dialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=15000)
    done = dialog.result_document
    assert done.status == "assigned"
    assert [(a.user_name, a.kind) for a in done.assignments] == [("Hoàng Thị Mai", "lead")]
    assert window.workspace.document(doc["id"]).status == "assigned"  # cached at once
    qtbot.waitUntil(lambda: window.document_view.timeline.count() >= 3, timeout=10000)


def test_a_step_that_needs_a_reason_says_so(qtbot, window, ui_server) -> None:  # type: ignore[no-untyped-def]
    draft = submitted_outgoing(ui_server, "Dự thảo tờ trình")
    window.sync_now()
    qtbot.waitUntil(
        lambda: (
            (d := window.workspace.document(draft["id"])) is not None
            and d.status == "pending_signature"
        ),
        timeout=20000,
    )
    window.open_step(draft["id"])
    qtbot.waitUntil(
        lambda: window.step_dialog is not None and window.step_dialog.document.id == draft["id"],
        timeout=10000,
    )
    dialog = window.step_dialog
    dialog.step.setCurrentIndex(dialog.step.findData("send_back"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "lý do" in dialog.error.text() and dialog.result_document is None
    dialog.comment.setPlainText("Bổ sung căn cứ pháp lý")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=15000)
    assert dialog.result_document.status == "draft"
