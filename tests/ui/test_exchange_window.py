"""The exchange in the window, over two provinces' real servers and the reference hub: the
clerk issues to an agency outside through the step dialog (searched without diacritics), the
other province's clerk sees who sent it and what its signature is worth and refuses it, the
refusal comes back in red with its reason; a package imported through the menu waits in «Chờ
vào sổ»; a take-back request is a banner with its two answers; the administrator's page shows
the exchange's state and saves the agency code; the English window speaks English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QListWidget, QPushButton

from tests.fixtures.exchange import TwoProvinces, eventually, two_provinces
from tests.fixtures.outgoing import numbered_outgoing
from tests.ui.conftest import open_window, screenshot

__all__ = ["two_provinces"]

pytestmark = pytest.mark.timeout(600)


def _pdf(subject: str) -> bytes:
    """A real letter (the demo's renderer, Vietnamese fonts and all) about ``subject``."""
    from services.letters import OfficialLetter, render_letter_pdf

    return render_letter_pdf(
        OfficialLetter(
            "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
            "      /UBND-VP",
            "Hà Tĩnh, ngày 07 tháng 12 năm 2026",
            "",
            subject,
            (
                "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, đề nghị các cơ quan, đơn vị phối hợp"
                " triển khai và báo cáo kết quả trước ngày 20 tháng 12 năm 2026.",
            ),
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Trần Quốc Việt",
            ("Như trên", "Lưu: VT"),
        )
    )


def _numbered(world: TwoProvinces, subject: str, **fields: Any) -> dict[str, Any]:
    return numbered_outgoing(
        world.a.server, subject, _pdf(subject), code_notation="UBND-VP", **fields
    )


def _directory_known(world: TwoProvinces) -> None:
    """Province A's agent has fetched the axis's directory with province B's agencies in it
    (asked now: the agent refreshes it every few minutes by itself)."""
    api = world.a.api("clerk")

    def known() -> bool:
        api.post("/exchange/send-pending")
        codes = {a["code"] for a in api.get("/exchange/agencies", params={"limit": 500}).json()}
        return world.b.codes["UBND-T"] in codes

    eventually(known, what="the agency directory from the hub")


def _cached(qtbot, win, doc_id: int, ready=lambda d: True):  # type: ignore[no-untyped-def]
    """Sync until the window's cache holds the document as ``ready`` wants it."""

    def here() -> bool:
        win.sync_now()
        document = win.workspace.document(doc_id)
        return document is not None and bool(ready(document))

    qtbot.waitUntil(here, timeout=40000)
    return win.workspace.document(doc_id)


def _step_dialog(qtbot, win, doc_id: int, step: str | None = None):  # type: ignore[no-untyped-def]
    from base.steps import Step

    before = win.step_dialog
    win.open_step(doc_id, (), Step(step) if step else None)
    qtbot.waitUntil(
        lambda: win.step_dialog is not None and win.step_dialog is not before, timeout=10000
    )
    return win.step_dialog


def _texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def _select_row(qtbot, win, doc_id: int) -> None:  # type: ignore[no-untyped-def]
    model = win.list_page.model

    def row() -> int | None:
        found = [r for r in range(model.rowCount()) if model.row_at(r).id == doc_id]
        return found[0] if found else None

    qtbot.waitUntil(lambda: not model.loading and row() is not None, timeout=15000)
    win.list_page.table.selectRow(row())
    pane = win.list_page.preview
    qtbot.waitUntil(lambda: pane.document is not None and pane.document.id == doc_id, timeout=10000)


def _page_shown(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    """The reading pane has its first page (its download is over)."""
    pane = win.list_page.preview
    qtbot.waitUntil(lambda: not pane._image.isNull(), timeout=20000)


def _facts(pane) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFormLayout, QLabel

    facts = {}
    for row in range(pane.meta.rowCount()):
        label = pane.meta.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        value = pane.meta.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        if isinstance(label, QLabel) and isinstance(value, QLabel):
            facts[label.text()] = value.text()
    return facts


def _arrived_at_b(world: TwoProvinces, issued: dict[str, Any]) -> dict[str, Any]:
    clerk = world.b.api("clerk")
    return eventually(
        lambda: clerk.exchanged(issued["document_identifier"]),
        what=f"{issued['document_identifier']} arrives in province B",
    )


def _delivery_code(world: TwoProvinces, doc_id: int) -> str:
    document = world.a.api("clerk").document(doc_id)
    return next((d["status_code"] for d in document["deliveries"] if d["via"] == "axis"), "")


def test_the_clerk_issues_outside_and_the_refusal_comes_back_in_red(qtbot, two_provinces) -> None:  # type: ignore[no-untyped-def]
    world = two_provinces
    _directory_known(world)
    numbered = _numbered(world, "V/v phối hợp kiểm tra đê điều mùa mưa bão")
    sender = open_window(qtbot, world.a.server, "clerk")
    _cached(qtbot, sender, numbered["id"])
    dialog = _step_dialog(qtbot, sender, numbered["id"], "issue")
    assert dialog.form.isRowVisible(dialog.agencies)
    assert not dialog.form.isRowVisible(dialog.secret_note)
    picker = dialog.agencies
    qtbot.keyClicks(picker.search, "uy ban nhan dan")  # no diacritics: the server folds
    b_code = world.b.codes["UBND-T"]

    def narrowed() -> bool:
        shown = _texts(picker.results)
        return any(f"({b_code})" in t for t in shown) and all("Ủy ban nhân dân" in t for t in shown)

    qtbot.waitUntil(narrowed, timeout=10000)  # "Sở Tài chính" is no longer among them
    item = next(
        picker.results.item(i)
        for i in range(picker.results.count())
        if f"({b_code})" in picker.results.item(i).text()
    )
    picker.results.itemClicked.emit(item)
    assert picker.codes() == [b_code] and picker.picked.isVisible()
    picker.remove(b_code)  # removable, and back among the matches
    assert picker.codes() == [] and any(f"({b_code})" in t for t in _texts(picker.results))
    picker.results.itemClicked.emit(
        next(
            picker.results.item(i)
            for i in range(picker.results.count())
            if f"({b_code})" in picker.results.item(i).text()
        )
    )
    screenshot(dialog, "exchange-issue-dialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    assert dialog.result_document.status == "issued"
    assert "qua trục liên thông đến" in dialog.done_message
    issued = world.a.api("clerk").document(numbered["id"])
    arrived = _arrived_at_b(world, issued)

    # Province B's clerk: it waits to be registered, with who sent it and its signature's worth
    clerk = open_window(qtbot, world.b.server, "clerk")
    _cached(qtbot, clerk, arrived["id"])
    clerk.show_named("to_register")
    _select_row(qtbot, clerk, arrived["id"])
    pane = clerk.list_page.preview
    facts = _facts(pane)
    assert world.a.codes["UBND-T"] in facts["Liên thông:"] and "qua trục" in facts["Liên thông:"]
    assert facts["Chữ ký gói:"] in ("Gói không ký số", "Chữ ký số của gói hợp lệ")
    refuse = pane.findChild(type(pane.open_button), "previewStep_refuse")
    assert refuse is not None and refuse.text() == "Từ chối tiếp nhận"
    refuse.click()  # the step dialog, not the registration form
    qtbot.waitUntil(lambda: clerk.step_dialog is not None, timeout=10000)
    dialog = clerk.step_dialog
    assert dialog.selected().value == "refuse"
    assert dialog.form.labelForField(dialog.comment).text() == "Lý do"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "lý do từ chối tiếp nhận" in dialog.error.text() and dialog.result_document is None
    dialog.comment.setPlainText("Gửi nhầm đơn vị, đề nghị gửi Sở Nông nghiệp")
    ok.click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    assert dialog.result_document.status == "refused"
    assert dialog.done_message.startswith("Đã từ chối tiếp nhận văn bản")

    # back in province A: the recipient's refusal, in red, with the reason, and when
    eventually(lambda: _delivery_code(world, numbered["id"]) == "02", what="02 từ chối")
    _cached(
        qtbot,
        sender,
        numbered["id"],
        lambda d: any(x.status_code == "02" for x in d.deliveries),
    )
    sender.open_document(numbered["id"])
    view = sender.document_view
    qtbot.waitUntil(
        lambda: (
            view.document is not None
            and view.document.id == numbered["id"]
            and view.file is not None
        ),
        timeout=20000,
    )
    line = next(
        view.timeline.item(i)
        for i in range(view.timeline.count())
        if "(qua trục liên thông)" in view.timeline.item(i).text()
    )
    assert "Từ chối tiếp nhận: Gửi nhầm đơn vị, đề nghị gửi Sở Nông nghiệp" in line.text()
    assert line.foreground().color().name() == "#c62828"
    assert any(
        "Liên thông: " in t and "Từ chối tiếp nhận" in t for t in _texts(view.timeline)
    )  # the axis's trace entry, read as what happened
    sender.show_named("issued")  # the reading pane says it too, in a word
    _select_row(qtbot, sender, numbered["id"])
    outside = _facts(sender.list_page.preview)["Ngoài hệ thống:"]
    assert outside.endswith("Từ chối tiếp nhận: Gửi nhầm đơn vị, đề nghị gửi Sở Nông nghiệp")
    recipients = view.exchange.values["recipients"]
    assert b_code in recipients and "#c62828" in recipients
    assert view.exchange.isVisibleTo(view)


def test_a_secret_document_is_never_offered_to_the_axis(qtbot, two_provinces) -> None:  # type: ignore[no-untyped-def]
    world = two_provinces
    numbered = _numbered(world, "V/v phương án bảo vệ mục tiêu (Mật)", secrecy=1)
    win = open_window(qtbot, world.a.server, "clerk")
    _cached(qtbot, win, numbered["id"])
    dialog = _step_dialog(qtbot, win, numbered["id"], "issue")
    assert not dialog.form.isRowVisible(dialog.agencies)
    assert dialog.form.isRowVisible(dialog.secret_note)
    assert "Văn bản mật không gửi qua trục liên thông" in dialog.secret_note.text()
    assert dialog.step_input().agencies == ()
    dialog.reject()


def test_a_package_imported_through_the_menu_waits_to_be_registered(
    qtbot, two_provinces, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    world = two_provinces
    numbered = _numbered(world, "V/v báo cáo kết quả phòng chống thiên tai (gửi bằng tệp)")
    b_code = world.b.codes["UBND-T"]
    package = world.a.api("clerk").get(
        f"/documents/{numbered['id']}/edxml", params={"to": [b_code]}
    )
    assert package.status_code == 200, package.text
    path = tmp_path / "bao-cao.edxml"
    path.write_bytes(package.content)
    junk = tmp_path / "hong.edxml"
    junk.write_bytes(b"<edXMLEnvelope>not a package")

    clerk = open_window(qtbot, world.b.server, "clerk")
    assert "importEdxml" in clerk.actions_by_name  # a clerk's File menu
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *_a, **_k: ([str(path), str(junk)], "")),
    )
    clerk.actions_by_name["importEdxml"].trigger()
    dialog = clerk.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.outcomes) == 2, timeout=60000)
    results = [
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    ]
    assert results[0] == ("bao-cao.edxml", "Đã nhận")
    assert results[1][1] in ("Bị từ chối", "Không nhập được")
    assert dialog.table.item(1, 3).text()  # the reason, in words
    assert world.a.codes["UBND-T"] in dialog.table.item(0, 2).text()
    screenshot(dialog, "exchange-import-result")
    imported = dialog.outcomes[0].document_ids[0]
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    view = clerk.document_view
    qtbot.waitUntil(
        lambda: (
            view.document is not None and view.document.id == imported and view.file is not None
        ),
        timeout=20000,
    )
    values = view.exchange.values
    assert world.a.codes["UBND-T"] in values["sender"]
    assert values["source"].startswith("Nhập từ tệp")
    assert view.document.document_identifier == numbered["document_identifier"]
    assert "identifier" not in values  # said once, among the document's details
    assert "Gói" in values["signature"] or "Chữ ký" in values["signature"]
    clerk.show_named("to_register")
    _select_row(qtbot, clerk, imported)
    facts = _facts(clerk.list_page.preview)
    assert "từ tệp" in facts["Liên thông:"] and facts["Chữ ký gói:"]
    # the sender sees it carried out as a file
    sender = open_window(qtbot, world.a.server, "clerk")
    document = _cached(qtbot, sender, numbered["id"])
    assert any(d.status == "exported" for d in document.deliveries if d.via == "axis")


def test_a_take_back_request_is_a_banner_with_its_two_answers(qtbot, two_provinces) -> None:  # type: ignore[no-untyped-def]
    world = two_provinces
    _directory_known(world)
    numbered = _numbered(world, "V/v kế hoạch kiểm tra cuối năm (sẽ lấy lại)")
    clerk_a = world.a.api("clerk")
    issued = clerk_a.step(numbered, "issue", agencies=[world.b.codes["UBND-T"]])
    arrived = _arrived_at_b(world, issued)
    sender = open_window(qtbot, world.a.server, "clerk")
    _cached(qtbot, sender, issued["id"], lambda d: "external" in d.marks)
    dialog = _step_dialog(qtbot, sender, issued["id"], "ask_take_back")
    assert dialog.selected().value == "ask_take_back"
    dialog.comment.setPlainText("Cần sửa số liệu tại mục 2")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    assert "đề nghị lấy lại" in dialog.done_message

    clerk = open_window(qtbot, world.b.server, "clerk")
    _cached(
        qtbot,
        clerk,
        arrived["id"],
        lambda d: d.exchange is not None and d.exchange.take_back_reason,
    )
    clerk.show_named("incoming")
    _select_row(qtbot, clerk, arrived["id"])
    banner = clerk.list_page.preview.take_back
    assert banner.isVisible()
    assert "Bên gửi đề nghị lấy lại văn bản: Cần sửa số liệu tại mục 2" in banner.text.text()
    assert banner.agree.isVisible() and banner.decline.isVisible()
    banner.agree.click()
    qtbot.waitUntil(lambda: clerk.step_dialog is not None, timeout=10000)
    dialog = clerk.step_dialog
    assert dialog.selected().value == "agree_take_back"
    assert dialog.form.isRowVisible(dialog.take_back_note)
    assert not dialog.form.isRowVisible(dialog.comment)  # agreeing needs no reason
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)
    assert dialog.result_document.status == "withdrawn"


def test_the_administrator_sees_the_exchange_and_saves_the_agency_code(
    qtbot, two_provinces
) -> None:  # type: ignore[no-untyped-def]
    world = two_provinces
    clerk = world.a.api("clerk")
    lost = clerk.step(
        _numbered(world, "V/v gửi đến cơ quan không có trên trục"),
        "issue",
        agencies=["000.99.99.H30"],
    )
    bad = clerk.post(
        "/exchange/import",
        data=b"<edXMLEnvelope>hong</edXMLEnvelope>",
        headers={"Content-Type": "application/xml"},
    )
    assert bad.status_code == 200 and bad.json()["state"] == "rejected"
    admin = world.a.api("org_admin")
    eventually(
        lambda: any(
            p["document_id"] == lost["id"] for p in admin.get("/exchange/status").json()["problems"]
        ),
        what="the package the hub refused",
    )
    win = open_window(qtbot, world.a.server, "org_admin")
    assert "exchange" in win.pages
    win.show_named("exchange")
    page = win.exchange_admin
    qtbot.waitUntil(lambda: page.state is not None, timeout=15000)
    state = page.state
    assert page.url.text() == world.hub.url and page.system_id.text() == world.a.system_id
    assert page.secret.text() == "" and page.secret_state.text() == "đã đặt"
    assert page.agency_code.text() == world.a.codes["UBND-T"]
    assert page.counts["agencies"].text() == str(state.agencies) and state.agencies >= 4
    assert page.counts["rejected"].text() != "0"
    assert page.tables.problems.rowCount() >= 1 and page.tables.refused.rowCount() >= 1
    row = next(
        r
        for r in range(page.tables.problems.rowCount())
        if page.tables.problems.item(r, 1).text() == f"Văn bản #{lost['id']}"
    )
    assert page.tables.problems.item(row, 0).text() == "000.99.99.H30"
    assert page.tables.problems.item(row, 3).text()  # why the hub refused it
    assert page.tables.problems.item(row, 2).text().startswith(("Chờ gửi lại (", "Gửi lỗi ("))
    win.resize(1366, 768)
    screenshot(win, "exchange-admin")
    retry = page.tables.problems.cellWidget(row, 4).findChild(QPushButton)
    assert retry.text() == "Gửi lại"
    retry.click()
    qtbot.waitUntil(lambda: "hàng chờ gửi lại" in page.result.text(), timeout=15000)

    page.agency_code.setText("ma sai!")  # not a national agency code
    page.save_code_button.click()
    qtbot.waitUntil(lambda: page.code_message.text() not in ("", "Đang lưu…"), timeout=15000)
    assert "#c62828" in page.code_message.styleSheet() and len(page.code_message.text()) > 10
    assert admin.get("/exchange/status").json()["agency_code"] == world.a.codes["UBND-T"]
    page.agency_code.setText(world.a.codes["UBND-T"])
    page.save_code_button.click()
    qtbot.waitUntil(lambda: page.code_message.text() == "Đã lưu mã định danh.", timeout=15000)

    page.poll.setValue(5)  # the secret left empty stays as it was
    page.save_connection_button.click()
    qtbot.waitUntil(lambda: page.connection_message.text() == "Đã lưu kết nối.", timeout=15000)
    saved = admin.get("/exchange/status").json()
    assert saved["poll_seconds"] == 5 and saved["secret_set"]
    page.poll.setValue(1)
    page.save_connection_button.click()
    qtbot.waitUntil(lambda: page.state.poll_seconds == 1, timeout=15000)
    page.url.setText("ftp://truc")  # refused here, with the reason
    page.save_connection_button.click()
    qtbot.waitUntil(lambda: "https://" in page.connection_message.text(), timeout=15000)


def test_the_exchange_speaks_english(qtbot, two_provinces) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_language_walk import _messages, _vietnamese_left
    from ui.i18n import apply_language

    world = two_provinces
    _directory_known(world)
    numbered = _numbered(world, "V/v tổng hợp ý kiến (bản tiếng Anh)")
    clerk_a = world.a.api("clerk")
    issued = clerk_a.step(numbered, "issue", agencies=[world.b.codes["UBND-T"]])
    arrived = _arrived_at_b(world, issued)
    pairs = _messages()
    try:
        clerk = open_window(qtbot, world.b.server, "clerk", language="en")
        _cached(qtbot, clerk, arrived["id"])
        clerk.show_named("to_register")
        _select_row(qtbot, clerk, arrived["id"])
        facts = _facts(clerk.list_page.preview)
        assert "Exchange:" in facts and "Package signature:" in facts
        _page_shown(qtbot, clerk)  # one download of the file at a time (the cache has no lock)
        clerk.open_document(arrived["id"])
        view = clerk.document_view
        qtbot.waitUntil(lambda: view.file is not None, timeout=20000)
        assert view.exchange.values["source"].startswith("Through the exchange axis")
        qtbot.wait(500)  # the page drawn
        screenshot(clerk, "exchange-document-en")
        dialog = _step_dialog(qtbot, clerk, arrived["id"], "refuse")
        assert dialog.form.labelForField(dialog.comment).text() == "Reason"
        assert _vietnamese_left(view, pairs) == [] and _vietnamese_left(dialog, pairs) == []
        dialog.reject()
        sender = open_window(qtbot, world.a.server, "clerk", language="en")
        _cached(qtbot, sender, numbered["id"])
        numbered_two = _numbered(world, "V/v dự thảo (bản tiếng Anh)")
        _cached(qtbot, sender, numbered_two["id"])
        dialog = _step_dialog(qtbot, sender, numbered_two["id"], "issue")
        label = dialog.form.labelForField(dialog.agencies).text().replace("\n", " ")
        assert label == "Recipients outside this system (through the exchange axis)"
        qtbot.waitUntil(lambda: dialog.agencies.hint.text() != "Searching…", timeout=10000)
        assert _vietnamese_left(dialog, pairs) == []
        dialog.reject()
        admin = open_window(qtbot, world.a.server, "org_admin", language="en")
        admin.show_named("exchange")
        page = admin.exchange_admin
        qtbot.waitUntil(lambda: page.state is not None, timeout=15000)
        assert page.secret_state.text() == "set"
        assert _vietnamese_left(page, pairs) == []
        assert _vietnamese_left(admin.menuBar(), pairs) == []
    finally:
        apply_language("vi")


def test_an_exchanged_document_at_a_laptop_size(qtbot, two_provinces) -> None:  # type: ignore[no-untyped-def]
    """The screenshot of an exchanged document: the block «Liên thông» beside its page."""
    world = two_provinces
    _directory_known(world)
    numbered = _numbered(world, "V/v tăng cường công tác phòng, chống dịch bệnh gia súc, gia cầm")
    issued = world.a.api("clerk").step(numbered, "issue", agencies=[world.b.codes["UBND-T"]])
    arrived = _arrived_at_b(world, issued)
    clerk = open_window(qtbot, world.b.server, "clerk")
    _cached(qtbot, clerk, arrived["id"])
    clerk.open_document(arrived["id"])
    view = clerk.document_view
    qtbot.waitUntil(lambda: view.document is not None and view.file is not None, timeout=20000)
    qtbot.wait(300)
    assert view.exchange.isVisibleTo(view)
    assert view.exchange.values["signature"]
    assert len(view.exchange.attachment_buttons) >= 1
    screenshot(clerk, "exchange-document")
    # an attachment saved to a folder, through the worker
    folder = Path(world.b.server.data_dir).parent / "saved"
    folder.mkdir(exist_ok=True)
    attachment = view.document.exchange.attachments[0]
    view.exchange.save_attachment(view.document, attachment.sha256, folder, attachment.name)
    qtbot.waitUntil(lambda: "Đã lưu tệp đính kèm" in view.status.text(), timeout=15000)
    assert (folder / attachment.name).stat().st_size == attachment.size


def test_a_package_is_exported_to_a_file_and_checked_here(
    qtbot, two_provinces, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    world = two_provinces
    numbered = _numbered(world, "V/v gửi bằng tệp khi trục gián đoạn")
    win = open_window(qtbot, world.a.server, "clerk")
    _cached(qtbot, win, numbered["id"])
    win.open_document(numbered["id"])
    view = win.document_view
    qtbot.waitUntil(lambda: view.document is not None and view.file is not None, timeout=20000)
    win.actions_by_name["exportEdxml"].trigger()
    dialog = win.export_dialog
    assert dialog is not None
    assert Path(dialog.path.text()).name == f"{numbered['code_number']}-UBND-VP.edxml"
    dest = tmp_path / "goi.edxml"
    dialog.path.setText(str(dest))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=20000)
    assert b"QCVN_102_2016" in dest.read_bytes()
    assert win.status_label.text() == f"Đã xuất gói edXML: {dest}"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(dest), ""))
    )
    win.actions_by_name["inspectEdxml"].trigger()  # read here, without the server
    inspecting = win.inspect_dialog
    qtbot.waitUntil(lambda: inspecting.inspection is not None, timeout=20000)
    shown = inspecting.text.toPlainText()
    assert numbered["subject"] in shown and world.a.codes["UBND-T"] in shown
    inspecting.reject()
    win.back()  # a draft is not exported: the window says what is
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.list_page, timeout=5000)
    win.list_page.table.clearSelection()
    win.actions_by_name["exportEdxml"].trigger()
    assert "đã cấp số hoặc đã ban hành" in win.status_label.text()
