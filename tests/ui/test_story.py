"""The whole document workflow through the window, each person in a main window of their own
on one real server, signing with a real SoftHSM token: an incoming letter from the "Vào sổ…"
form to done; an outgoing decision from the specialist's draft through the leader's signature,
the clerk's number and seal, to its registration by Sở Tài chính; then its withdrawal, which
destroys Sở Tài chính's file and freezes the record. Nothing is made through the API: it is
only asked afterwards what the window left behind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from base.deadlines import today_in_vietnam
from client.records import Document
from signing.profiles import Mode
from tests.fixtures.server import LiveServer
from tests.services.test_registration import letter
from tests.signing.conftest import make_letter
from tests.ui.conftest import open_window, screenshot

REASON = "Ban hành nhầm đối tượng"
STC = "Sở Tài chính tỉnh Hà Tĩnh"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One empty server (its seeded people of UBND-T and STC) for the whole story."""
    live = LiveServer(tmp_path_factory.mktemp("story-window"))
    live.start()
    yield live
    live.stop()


# -- what a person does in the window -------------------------------------------------------
def _window(qtbot, server: LiveServer, role: str):  # type: ignore[no-untyped-def]
    return open_window(qtbot, server, role)


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _steps(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    return [dialog.step.itemData(i) for i in range(dialog.step.count())]


def _step_dialog(qtbot, win, document_id: int, step: str | None = None):  # type: ignore[no-untyped-def]
    """The "Xử lý…" dialog for the document, on ``step`` (else on the one it offers first)."""
    win.step_dialog = None
    win.open_step(document_id)
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    dialog = win.step_dialog
    if step is not None:
        assert step in _steps(dialog), _steps(dialog)
        dialog.step.setCurrentIndex(dialog.step.findData(step))
    return dialog


def _take(qtbot, dialog) -> Document:  # type: ignore[no-untyped-def]
    _ok(dialog)
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    return dialog.result_document


def _tick(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Tick the entry of a checkable list whose label holds ``text``."""
    for i in range(widget.count()):
        if text in widget.item(i).text():
            widget.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{text} not offered: {_lines(widget)}")


def _lines(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [widget.item(i).text() for i in range(widget.count())]


def _synced(qtbot, win, document_id: int, ready: Callable[[Document], bool]) -> None:  # type: ignore[no-untyped-def]
    """Press "Đồng bộ" until the window's copy of the document is ``ready``, the sync over."""
    win.sync_button.click()
    qtbot.waitUntil(
        lambda: (
            win.sync_task is None
            and (d := win.workspace.document(document_id)) is not None
            and ready(d)
        ),
        timeout=20000,
    )


def _shown(qtbot, win, ready: Callable[[Document], bool]):  # type: ignore[no-untyped-def]
    """The document view once it shows a document that is ``ready``."""
    view = win.document_view
    qtbot.waitUntil(lambda: view.document is not None and ready(view.document), timeout=20000)
    return view


def _sign_dialog(qtbot, win, open_it: Callable[[], object]):  # type: ignore[no-untyped-def]
    """The signing dialog ``open_it`` opens, with the token's certificates listed."""
    win.sign_dialog = None
    open_it()
    qtbot.waitUntil(lambda: win.sign_dialog is not None, timeout=10000)
    dialog = win.sign_dialog
    qtbot.waitUntil(lambda: dialog.certificate.count() > 0, timeout=15000)
    return dialog


def _sign(qtbot, dialog, pin: str) -> str:  # type: ignore[no-untyped-def]
    """Type the PIN, press "Ký": the one result line."""
    qtbot.keyClicks(dialog.pin, pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 1, timeout=60000)
    return str(dialog.results_list.item(0).text())


def _register_rows(qtbot, win, kind: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """The register on the clerk's "Báo cáo, sổ" page, as its table shows it."""
    win.show_named("reports")
    view = win.reports
    view.kind.setCurrentIndex(view.kind.findData(kind))
    view.report = None
    view.show_button.click()
    qtbot.waitUntil(lambda: view.report is not None, timeout=20000)
    table = view.table
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return [
        {h: table.item(r, c).text() for c, h in enumerate(headings)}
        for r in range(table.rowCount())
    ]


# -- the story ------------------------------------------------------------------------------
def _register_and_present(qtbot, clerk, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    """The clerk registers the letter from its PDF and presents it to the leader."""
    clerk.register_button.click()
    qtbot.waitUntil(lambda: clerk.incoming_dialog is not None, timeout=5000)
    form = clerk.incoming_dialog
    qtbot.keyClicks(form.file, str(letter(tmp_path / "cong-van-stc.pdf")))
    form.file.editingFinished.emit()  # the letterhead fills the form
    qtbot.waitUntil(lambda: form.number.text() == "123", timeout=10000)
    assert (form.organ.text(), form.notation.text()) == ("SỞ TÀI CHÍNH TỈNH HÀ TĨNH", "STC-NS")
    assert form.stamp.isChecked()
    screenshot(form, "story-register")
    _ok(form)
    qtbot.waitUntil(lambda: form.outcome is not None, timeout=30000)
    registered = form.outcome.document
    assert (registered.status, registered.arrival_number) == ("received", 1)
    assert registered.current_version == 2  # the ĐẾN stamp is a new version
    qtbot.waitUntil(lambda: clerk.status_label.text() == "Đã vào sổ: số đến 1", timeout=10000)
    present = _step_dialog(qtbot, clerk, registered.id, "present")
    _tick(present.leaders, "Trần Quốc Việt")
    present.comment.setPlainText("Kính trình đồng chí Chủ tịch")
    assert _take(qtbot, present).trace[-1].action == "present"
    return registered.id


def _assign(qtbot, leader, letter_id: int) -> None:  # type: ignore[no-untyped-def]
    """The leader finds it in "Chờ chỉ đạo" and gives it to the specialist with a deadline."""
    qtbot.waitUntil(lambda: leader.nav.item(0).text() == "Chờ chỉ đạo (1)", timeout=10000)
    assign = _step_dialog(qtbot, leader, letter_id)
    assert _steps(assign) == ["assign"]
    assign.people_filter.setText("mai")  # without diacritics: narrows, never chooses
    assign.lead.setCurrentIndex(
        next(i for i in range(assign.lead.count()) if "Hoàng Thị Mai" in assign.lead.itemText(i))
    )
    assign.deadline.setDate(QDate(2030, 3, 2))
    assign.comment.setPlainText("Giao chuyên viên Mai chủ trì")
    screenshot(assign, "story-assign")
    assigned = _take(qtbot, assign)
    assert assigned.status == "assigned"
    [part] = assigned.assignments
    assert (part.user_name, part.kind, str(part.deadline)) == (
        "Hoàng Thị Mai",
        "lead",
        "2030-03-02",
    )


def _handle(qtbot, specialist, letter_id: int) -> None:  # type: ignore[no-untyped-def]
    """The specialist finds it in "Việc của tôi", notes what was done and finishes it."""
    assert specialist.current_page() == "my_work"
    qtbot.waitUntil(lambda: specialist.nav.item(0).text() == "Việc của tôi (1)", timeout=10000)
    note = _step_dialog(qtbot, specialist, letter_id, "note")
    assert {"note", "finish"} <= set(_steps(note))
    note.comment.setPlainText("Đã liên hệ Sở Tài chính")
    assert _take(qtbot, note).status == "processing"
    finished = _take(qtbot, _step_dialog(qtbot, specialist, letter_id, "finish"))
    assert finished.status == "done"
    assert [a.state for a in finished.assignments] == ["done"]


def _read(qtbot, office: LiveServer, leader, letter_id: int) -> None:  # type: ignore[no-untyped-def]
    """The leader opens the finished letter: every step in its timeline, the view recorded."""
    _synced(qtbot, leader, letter_id, lambda d: d.status == "done")
    leader.open_document(letter_id)
    view = _shown(qtbot, leader, lambda d: d.id == letter_id and d.status == "done")
    qtbot.waitUntil(lambda: view.file is not None, timeout=20000)
    lines = _lines(view.timeline)
    steps = [line.split("  ", 1)[1].split(":", 1)[0] for line in lines[:-1]]
    assert steps == [
        "Tạo văn bản",
        "Vào sổ văn bản đến",
        "Trình lãnh đạo",
        "Chỉ đạo, giao xử lý",
        "Ý kiến xử lý",
        "Hoàn thành",
    ], lines
    assert "“Đã liên hệ Sở Tài chính”" in lines[4]
    assert lines[-1] == "• Xử lý chính: Hoàng Thị Mai — đã xong, hạn 02/03/2030"

    def viewed() -> bool:
        history = requests.get(
            f"{office.api_url}/documents/{letter_id}/accesses",
            headers=office.headers("leader"),
            timeout=10,
        ).json()
        return any(e["kind"] == "view" and e["username"] == "lanhdao" for e in history["events"])

    qtbot.waitUntil(viewed, timeout=20000)
    view.show_document(view.document)  # shown again: the tab reads the history afresh
    qtbot.waitUntil(
        lambda: any(t.endswith("Xem: Trần Quốc Việt (phiên bản 2)") for t in _lines(view.accesses)),
        timeout=10000,
    )
    view.tabs.setCurrentWidget(view.history_tab)
    qtbot.waitUntil(lambda: view.pdf.pages == view.pdf.thumbs.count() == 2, timeout=20000)
    screenshot(leader, "story-timeline")


def _draft(qtbot, specialist, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    """The specialist drafts the decision with its PDF and submits it to the leader."""
    specialist.draft_button.click()
    qtbot.waitUntil(lambda: specialist.draft_dialog is not None, timeout=5000)
    draft = specialist.draft_dialog
    draft.doc_type.setCurrentText("Quyết định")
    draft.notation.setText("QĐ-UBND")  # set, not typed: QTest's key clicks stop at Latin-1
    draft.subject.setPlainText("Quyết định phê duyệt kế hoạch sử dụng đất năm 2027")
    draft.recipients.setPlainText("Sở Tài chính")
    draft.signer_position.setText("Phó Chủ tịch")
    draft.signer_name.setText("Trần Quốc Việt")
    qtbot.keyClicks(draft.file, str(make_letter(tmp_path / "du-thao-qd.pdf")))
    _ok(draft)
    qtbot.waitUntil(lambda: draft.outcome is not None, timeout=20000)
    created = draft.outcome.document
    assert (created.status, created.current_version) == ("draft", 1)
    assert specialist.status_label.text().startswith("Đã tạo dự thảo")
    submit = _step_dialog(qtbot, specialist, created.id)
    assert _steps(submit) == ["submit"]
    _tick(submit.leaders, "Trần Quốc Việt")
    assert _take(qtbot, submit).status == "pending_signature"
    return created.id


def _approve(qtbot, leader, decision: int, pin: str) -> None:  # type: ignore[no-untyped-def]
    """The leader opens it from "Chờ ký" and signs: the signature is the approval."""
    _synced(qtbot, leader, decision, lambda d: d.status == "pending_signature")
    qtbot.waitUntil(lambda: "Chờ ký (1)" in _lines(leader.nav), timeout=10000)
    leader.open_document(decision)
    view = _shown(qtbot, leader, lambda d: d.id == decision)
    qtbot.waitUntil(lambda: view.file is not None, timeout=20000)
    dialog = _sign_dialog(qtbot, leader, view.sign_button.click)
    assert dialog.selected_mode() is Mode.APPROVE and dialog.certificate.currentData() == "01"
    signed = _sign(qtbot, dialog, pin)  # named by its number (none yet) and subject, not an id
    assert signed.startswith("✔ (chưa có số) — ") and ": Đã ký và duyệt" in signed
    screenshot(dialog, "story-sign-approve")
    dialog.accept()
    _synced(qtbot, leader, decision, lambda d: d.status == "signed")
    qtbot.waitUntil(
        lambda: (
            view.document.status == "signed"
            and view.signatures.count() == 1
            and "Trần Quốc Việt — Chữ ký hợp lệ." in view.signatures.item(0).text()
        ),
        timeout=20000,
    )


def _number_seal_issue(qtbot, clerk, decision: int, pin: str) -> None:  # type: ignore[no-untyped-def]
    """The clerk sees the number before taking it, seals with the organisation's certificate
    and issues it to Sở Tài chính."""
    _synced(qtbot, clerk, decision, lambda d: d.status == "signed")
    number = _step_dialog(qtbot, clerk, decision)
    assert _steps(number) == ["number"]
    qtbot.waitUntil(lambda: "01/QĐ-UBND" in number.next_number.text(), timeout=10000)
    year = today_in_vietnam().year
    assert number.next_number.text() == f"<b>01/QĐ-UBND</b> — Sổ văn bản đi {year}"
    screenshot(number, "story-number")
    assert _take(qtbot, number).number_symbol == "01/QĐ-UBND"
    seal = _sign_dialog(qtbot, clerk, lambda: clerk.sign_ids([decision]))
    assert seal.selected_mode() is Mode.ISSUE and seal.certificate.currentData() == "03"
    assert _sign(qtbot, seal, pin).startswith("✔ ")
    seal.accept()
    qtbot.waitUntil(lambda: clerk.workspace.document(decision).current_version == 3, timeout=20000)
    issue = _step_dialog(qtbot, clerk, decision)
    assert _steps(issue) == ["issue"]
    _tick(issue.organisations, "(STC)")
    screenshot(issue, "story-issue")
    issued = _take(qtbot, issue)
    assert issued.status == "issued"
    assert [(d.organisation, d.status) for d in issued.deliveries] == [(STC, "arrived")]
    rows = _register_rows(qtbot, clerk, "outgoing")
    assert [(r["Số, ký hiệu văn bản"], r["Người ký"]) for r in rows] == [
        ("01/QĐ-UBND", "Phó Chủ tịch Trần Quốc Việt")
    ]


def _arrive(qtbot, office: LiveServer, clerk, decision: int):  # type: ignore[no-untyped-def]
    """Sở Tài chính's clerk finds the copy in "Chờ vào sổ" and registers it; the sender's
    timeline shows how far it got. Returns STC's window and its copy."""
    other = _window(qtbot, office, "other_clerk")
    qtbot.waitUntil(lambda: other.nav.item(0).text() == "Chờ vào sổ (1)", timeout=10000)
    qtbot.waitUntil(lambda: not other.model.loading and other.model.rowCount() == 1, timeout=10000)
    arrived = other.model.row_at(0)
    assert (arrived.status, arrived.number_symbol) == ("arrived", "01/QĐ-UBND")
    other.open_step(arrived.id)  # registering an arrival is checking its fields
    qtbot.waitUntil(lambda: other.incoming_dialog is not None, timeout=10000)
    form = other.incoming_dialog
    assert (form.number.text(), form.notation.text()) == ("01", "QĐ-UBND")
    assert form.organ.text() == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    _ok(form)
    qtbot.waitUntil(lambda: form.outcome is not None, timeout=30000)
    copy = form.outcome.document
    assert (copy.status, copy.arrival_number, copy.current_version) == ("received", 1, 2)
    _synced(qtbot, clerk, decision, lambda d: d.deliveries[0].status == "received")
    clerk.open_document(decision)
    view = _shown(qtbot, clerk, lambda d: d.id == decision and d.deliveries[0].status == "received")
    assert f"→ Nơi nhận {STC}: Đã tiếp nhận" in _lines(view.timeline)
    return other, copy


def _withdraw(qtbot, clerk, decision: int) -> None:  # type: ignore[no-untyped-def]
    withdraw = _step_dialog(qtbot, clerk, decision)
    assert withdraw.step.currentData() == "withdraw"
    _ok(withdraw)
    assert withdraw.error.text() == "Hãy ghi lý do thu hồi." and withdraw.result_document is None
    withdraw.comment.setPlainText(REASON)
    withdrawn = _take(qtbot, withdraw)
    assert withdrawn.status == "withdrawn"
    assert [(d.organisation, d.status) for d in withdrawn.deliveries] == [(STC, "withdrawn")]


def _copy_withdrawn(qtbot, office: LiveServer, other, copy: Document) -> None:  # type: ignore[no-untyped-def]
    """Sở Tài chính is told; opening the copy says its file is destroyed, and it is."""
    view = _shown(qtbot, other, lambda d: d.id == copy.id)
    qtbot.waitUntil(lambda: view.file is not None, timeout=20000)
    cached = view.file  # the registered copy, open after registering
    _synced(qtbot, other, copy.id, lambda d: d.status == "withdrawn")
    assert [d.id for d in other.last_alerts.withdrawn] == [copy.id]
    other.open_document(copy.id)
    qtbot.waitUntil(lambda: view.document.status == "withdrawn", timeout=20000)
    qtbot.waitUntil(lambda: view.status.text().startswith("Văn bản đã bị thu hồi"), timeout=20000)
    assert view.file is None and not cached.exists()
    last = _lines(view.timeline)[-1]
    assert "Thu hồi văn bản: Nguyễn Thị Hồng Nhung (Văn thư)" in last and REASON in last
    screenshot(other, "story-withdrawn-copy")
    gone = requests.get(
        f"{office.api_url}/documents/{copy.id}/versions/2/content",
        headers=office.headers("other_clerk"),
        timeout=10,
    )
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "withdrawn"


def _frozen(qtbot, office: LiveServer, clerk, decision: int, pin: str) -> None:  # type: ignore[no-untyped-def]
    """No step is offered any more, and a new signature is refused by the server."""
    dialog = _step_dialog(qtbot, clerk, decision)
    assert dialog.step.count() == 0
    assert dialog.error.text() == "Văn bản ở trạng thái này không có bước xử lý nào."
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()
    sign = _sign_dialog(qtbot, clerk, lambda: clerk.sign_ids([decision]))
    assert "hồ sơ chính thức" in _sign(qtbot, sign, pin)
    assert not any(r.ok for r in sign.results)
    sign.reject()
    api, headers = office.api_url, office.headers("clerk")
    record = requests.get(f"{api}/documents/{decision}", headers=headers, timeout=10).json()
    assert (record["status"], record["current_version"]) == ("withdrawn", 3)
    edit = requests.patch(
        f"{api}/documents/{decision}",
        json={"subject": "Sửa sau khi thu hồi"},
        headers={**headers, "If-Match": f'"{record["revision"]}"'},
        timeout=10,
    )
    assert edit.status_code == 409 and edit.json()["error"]["code"] == "frozen"


def test_a_letter_and_a_decision_walk_the_whole_workflow_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, office, softhsm_token, profile, tmp_path
) -> None:
    pin = softhsm_token.user_pin
    clerk = _window(qtbot, office, "clerk")
    letter_id = _register_and_present(qtbot, clerk, tmp_path)
    leader = _window(qtbot, office, "leader")  # each opens the app when the work reaches them
    _assign(qtbot, leader, letter_id)
    specialist = _window(qtbot, office, "specialist")
    _handle(qtbot, specialist, letter_id)
    _read(qtbot, office, leader, letter_id)
    rows = _register_rows(qtbot, clerk, "incoming")
    assert [(r["Số đến"], r["Số, ký hiệu"]) for r in rows] == [("1", "123/STC-NS")]

    decision = _draft(qtbot, specialist, tmp_path)
    _approve(qtbot, leader, decision, pin)
    _number_seal_issue(qtbot, clerk, decision, pin)
    other, copy = _arrive(qtbot, office, clerk, decision)

    _withdraw(qtbot, clerk, decision)
    _copy_withdrawn(qtbot, office, other, copy)
    _frozen(qtbot, office, clerk, decision, pin)
