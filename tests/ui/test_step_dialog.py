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


def test_the_clerk_corrects_a_registered_letter_with_a_reason(qtbot, ui_server) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_audit_view import _window

    api, clerk = ui_server.api_url, ui_server.headers("clerk")
    doc = requests.post(
        f"{api}/documents",
        json={
            "direction": "incoming",
            "organ_name": "Sở Y tế tỉnh Hà Tĩnh",
            "code_number": "88",
            "code_notation": "SYT-NV",
            "issued_date": "2026-12-01",
            "subject": "V/v tiêm chủng mở rộng",
        },
        headers=clerk,
        timeout=10,
    ).json()
    window = _window(qtbot, ui_server, "clerk")
    qtbot.waitUntil(lambda: window.workspace.document(doc["id"]) is not None, timeout=20000)
    window.open_step(doc["id"])
    qtbot.waitUntil(lambda: window.step_dialog is not None, timeout=10000)
    dialog = window.step_dialog
    dialog.step.setCurrentIndex(dialog.step.findData("correct"))
    assert dialog.corrections.isVisible() and not dialog.lead.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "ít nhất một thông tin" in dialog.error.text()
    dialog.corrections.edits["code_notation"].setText("SYT-NVY")
    dialog.corrections.issued_date.setText("31/02/2026")
    ok.click()
    assert "ngày/tháng/năm" in dialog.error.text()
    dialog.corrections.issued_date.setText("02/12/2026")
    ok.click()
    assert "lý do đính chính" in dialog.error.text() and dialog.result_document is None
    dialog.comment.setPlainText("Nhập nhầm ký hiệu và ngày")
    screenshot(dialog, "step-dialog-correct")
    ok.click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=15000)
    corrected = dialog.result_document
    assert corrected.code_notation == "SYT-NVY" and str(corrected.issued_date) == "2026-12-02"
    assert corrected.trace[-1].action == "correct"
    assert "Ký hiệu: SYT-NV → SYT-NVY" in corrected.trace[-1].comment


def test_the_recipients_a_draft_names_are_ticked_for_issue(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from client.records import Organisation
    from ui.views.step_dialog import _checkable, _checked, _tick_named

    organisations = [
        Organisation(2, "STC", "Sở Tài chính tỉnh Hà Tĩnh"),
        Organisation(3, "SNV", "Sở Nội vụ tỉnh Hà Tĩnh"),
        Organisation(4, "SYT", "Sở Y tế tỉnh Hà Tĩnh"),
        Organisation(5, "BTD", "Ban Thi đua – Sở Nội vụ tỉnh Hà Tĩnh"),
    ]
    widget = _checkable([(o.name, o.code) for o in organisations])
    _tick_named(widget, organisations, ("Như trên", "Sở Tài chính", "Lưu: VT", "SNV"))
    assert _checked(widget) == ["STC", "SNV"]  # never a name merely containing another
    widget.item(0).setCheckState(Qt.CheckState.Unchecked)  # the clerk still decides
    assert _checked(widget) == ["SNV"]


def test_the_corrections_form_holds_every_registered_field(qapp) -> None:  # type: ignore[no-untyped-def]
    from base.workflow import CORRECTABLE
    from client.records import Document
    from ui.views.corrections_form import CorrectionsForm

    form = CorrectionsForm(Document(id=1, direction="incoming", subject="Trích yếu", page_amount=2))
    shown = {*form.edits, "issued_date", "page_amount"}
    assert shown == set(CORRECTABLE)
    form.edits["subject"].setText("  Trích yếu mới ")
    form.page_amount.setValue(3)
    assert form.changes() == {"subject": "Trích yếu mới", "page_amount": 3}
