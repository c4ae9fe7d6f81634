"""The step dialog: a leader directs and assigns an incoming document from the window."""

from __future__ import annotations

import requests
from PySide6.QtCore import QDate
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
    window.open_document(doc["id"])  # from the open document, as a leader reads it first
    qtbot.waitUntil(lambda: window.document_view.document is not None, timeout=10000)
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


# -- The dialog on its own, over a real session: choices, defaults, who is offered ----------


def _workspace(server, role: str):  # type: ignore[no-untyped-def]
    from services.session import open_session
    from services.workspace import Workspace
    from ui.app import create_application

    create_application("vi")
    return Workspace(open_session(server.base_url, *server.credentials(role)))


def _documents(workspace) -> list:  # type: ignore[no-untyped-def]
    return list(workspace.session.client.list_documents(limit=200).items)


def _open(qtbot, workspace, document, colleagues=None, organisations=None):  # type: ignore[no-untyped-def]
    from ui.views.step_dialog import StepDialog

    dialog = StepDialog(
        workspace,
        document,
        workspace.colleagues() if colleagues is None else colleagues,
        workspace.organisations() if organisations is None else organisations,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _pick_lead(dialog, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog.lead.setCurrentIndex(
        next(i for i in range(dialog.lead.count()) if name in dialog.lead.itemText(i))
    )


def _entry(widget, name: str):  # type: ignore[no-untyped-def]
    return next(widget.item(i) for i in range(widget.count()) if name in widget.item(i).text())


def _shown(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [widget.item(i).text() for i in range(widget.count()) if not widget.item(i).isHidden()]


def test_a_search_never_changes_who_is_chosen(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    leader = _workspace(story_server, "leader")
    received = next(d for d in _documents(leader) if d.status == "received")
    dialog = _open(qtbot, leader, received)
    assert dialog.step.currentData() == "assign"
    assert dialog.lead.currentIndex() == -1  # nobody is chosen for the leader
    _pick_lead(dialog, "Nguyễn Văn Nam")
    _entry(dialog.co, "Hoàng Thị Mai").setCheckState(Qt.CheckState.Checked)
    _entry(dialog.info, "Nguyễn Thị Hồng Nhung").setCheckState(Qt.CheckState.Checked)
    for typed in ("mai", "kinh te", "zzz không ai", ""):
        dialog.people_filter.setText(typed)
        assert dialog.lead.currentText().startswith("Nguyễn Văn Nam"), typed
        nam = dialog.lead.findData(dialog.lead.currentData())
        assert not dialog.lead.view().isRowHidden(nam), typed  # the chosen one stays shown
        assert any("Hoàng Thị Mai" in t for t in _shown(dialog.co)), typed
        assert any("Hồng Nhung" in t for t in _shown(dialog.info)), typed
    dialog.people_filter.setText("van phong")  # narrows the rest, diacritics or not
    hidden = {
        dialog.lead.itemText(i).split(" — ")[0]
        for i in range(dialog.lead.count())
        if dialog.lead.view().isRowHidden(i)
    }
    assert "Hoàng Thị Mai" in hidden and "Nguyễn Văn Nam" not in hidden
    assert all("Văn phòng" in t or "Hoàng Thị Mai" in t for t in _shown(dialog.co))
    dialog.deadline.setDate(QDate(2030, 12, 13))
    dialog.comment.setPlainText("Anh Nam chủ trì, chị Mai phối hợp; báo cáo trước hạn")
    screenshot(dialog, "assign-dialog")
    dialog.people_filter.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    parts = {(a.user_name, a.kind) for a in dialog.result_document.assignments}
    assert parts == {
        ("Nguyễn Văn Nam", "lead"),
        ("Hoàng Thị Mai", "co"),
        ("Nguyễn Thị Hồng Nhung", "info"),
    }
    # What the window confirms, and how to take it back.
    assert dialog.taken_step == "assign"
    assert dialog.done_message == (
        "Đã chỉ đạo: giao Nguyễn Văn Nam chủ trì, Hoàng Thị Mai phối hợp, hạn 13/12/2030"
    )
    assert dialog.undo == "recall"


def test_a_search_keeps_the_ticked_recipients(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from PySide6.QtCore import Qt

    from client.records import Organisation

    clerk = _workspace(story_server, "clerk")
    signed = next(d for d in _documents(clerk) if d.status == "signed")
    numbered = dataclasses.replace(signed, status="numbered")
    many = [Organisation(100 + i, f"UBND{i}", f"Ủy ban nhân dân huyện số {i}") for i in range(20)]
    dialog = _open(qtbot, clerk, numbered, organisations=[*clerk.organisations(), *many])
    assert dialog.step.currentData() == "issue" and dialog.org_filter.isVisible()
    _entry(dialog.organisations, "(STC)").setCheckState(Qt.CheckState.Checked)
    dialog.org_filter.setText("huyen so 1")
    shown = _shown(dialog.organisations)
    assert any("(STC)" in t for t in shown)  # chosen: still shown
    assert all("(STC)" in t or "huyện số 1" in t for t in shown) and len(shown) < 20
    dialog.org_filter.setText("")
    assert dialog.step_input().organisations == ["STC"]


def test_the_dialog_opens_on_the_likely_next_step(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    leader, specialist = _workspace(story_server, "leader"), _workspace(story_server, "specialist")
    clerk = _workspace(story_server, "clerk")

    def opened_on(workspace, document, **kwargs) -> str:  # type: ignore[no-untyped-def]
        dialog = _open(qtbot, workspace, document, **kwargs)
        step = dialog.step.currentData()
        dialog.close()
        return step

    mine = _documents(leader)
    asked = next(d for d in mine if any(a.requested_deadline for a in d.assignments))
    assert opened_on(leader, asked) == "extend"  # the handler asked for more time
    working = next(d for d in _documents(specialist) if d.status in ("assigned", "processing"))
    assert opened_on(specialist, working) == "finish"  # the lead handler reports it done
    received = next(d for d in _documents(clerk) if d.status == "received")
    assert opened_on(clerk, received) == "present"
    signed = next(d for d in _documents(clerk) if d.status == "signed")
    assert opened_on(clerk, dataclasses.replace(signed, status="numbered")) == "issue"
    # No leader to present to: never the step with the empty list while another is offered.
    nobody = [c for c in clerk.colleagues() if c.role != "leader"]
    dialog = _open(qtbot, clerk, received, colleagues=nobody)
    assert dialog.step.currentData() != "present" and dialog.step.findData("present") >= 0
    dialog.step.setCurrentIndex(dialog.step.findData("present"))
    assert "chưa có lãnh đạo" in dialog.error.text()


def test_only_people_who_handle_documents_are_offered(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    leader = _workspace(story_server, "leader")
    received = next(d for d in _documents(leader) if d.status == "received")
    dialog = _open(qtbot, leader, received)
    leads = [dialog.lead.itemText(i) for i in range(dialog.lead.count())]
    informed = [dialog.info.item(i).text() for i in range(dialog.info.count())]
    everyone = " ".join([*leads, *informed])
    for role in ("Lưu trữ", "Quản trị"):
        assert f"({role}" not in everyone
    assert not any("(Văn thư)" in t for t in leads)  # the clerk keeps the register…
    assert any("(Văn thư)" in t for t in informed)  # …and is informed


def test_list_entries_do_not_touch(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    leader = _workspace(story_server, "leader")
    received = next(d for d in _documents(leader) if d.status == "received")
    dialog = _open(qtbot, leader, received)
    for widget in (dialog.info, dialog.co):
        first, second = (widget.visualItemRect(widget.item(i)) for i in (0, 1))
        assert second.top() - first.bottom() >= 4
        assert first.height() >= widget.fontMetrics().height() + 4


def test_the_dialog_shows_at_once_for_a_large_office(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    import time

    from client.records import Colleague, Organisation
    from ui.views.step_dialog import StepDialog  # imported with the window, not on opening

    leader = _workspace(story_server, "leader")
    received = next(d for d in _documents(leader) if d.status == "received")
    people = [
        *leader.colleagues(),
        *(
            Colleague(1000 + i, f"cv{i}", f"Chuyên viên số {i}", "Chuyên viên", "specialist", "P")
            for i in range(300)
        ),
    ]
    places = [Organisation(100 + i, f"X{i}", f"Đơn vị số {i}") for i in range(120)]
    started = time.perf_counter()
    dialog = _open(qtbot, leader, received, colleagues=people, organisations=places)
    dialog.people_filter.setText("so 12")
    dialog.repaint()
    assert isinstance(dialog, StepDialog) and time.perf_counter() - started < 0.2
