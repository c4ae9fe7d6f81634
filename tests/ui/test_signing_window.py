"""Signing from the window: both modes stamp what they should, the open document shows the
signed version at once, and the window's verdict is the command line's."""

from __future__ import annotations

import pymupdf

from base.workflow import FROZEN
from client.api import ApiClient
from client.cache.query import DocumentQuery, search
from services.signing import validate_file
from signing.profiles import Mode
from tests.fixtures.outgoing import awaiting_signature
from tests.ui.conftest import screenshot


def _ink(path, field_prefix: str) -> str:  # type: ignore[no-untyped-def]
    """The dominant ink inside the signature's box: blue (leader's signature) or red (seal)."""
    with pymupdf.open(path) as doc:
        for page in doc:
            for widget in page.widgets() or ():
                if widget.field_name.startswith(field_prefix):
                    pix = page.get_pixmap(clip=widget.rect, dpi=72, alpha=False)
                    blue = red = 0
                    for i in range(0, len(pix.samples), 3):
                        r, b = pix.samples[i], pix.samples[i + 2]
                        blue += b > r + 60
                        red += r > b + 60
                    return "blue" if blue > red else "red"
    raise AssertionError(f"no {field_prefix} signature")


def _signable(session) -> int:  # type: ignore[no-untyped-def]
    """A document with a file that may still be signed (an issued one is the official record)."""
    rows = search(session.store, DocumentQuery(limit=1000)).rows
    return next(r.id for r in rows if r.current_version and r.status not in FROZEN)


def _sign_in_dialog(qtbot, window, ids: list[int], mode: str, key_id: str, pin: str):  # type: ignore[no-untyped-def]
    window.sign_ids(ids)
    qtbot.waitUntil(lambda: window.sign_dialog is not None, timeout=10000)
    dialog = window.sign_dialog
    qtbot.waitUntil(lambda: dialog.certificate.count() > 0, timeout=15000)
    dialog.certificate.setCurrentIndex(dialog.certificate.findData(key_id))
    dialog.mode.setCurrentIndex(dialog.mode.findData(mode))
    qtbot.keyClicks(dialog.pin, pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == len(ids), timeout=60000)
    assert all(r.ok for r in dialog.results), [r.message_vi for r in dialog.results]
    return dialog


def test_approve_stamps_the_leaders_signature_and_issue_the_seal(
    qtbot, window, session, softhsm_token, profile, ui_server, tmp_path
) -> None:
    doc_id = _signable(session)
    dialog = _sign_in_dialog(qtbot, window, [doc_id], "approve", "01", softhsm_token.user_pin)
    dialog.accept()
    qtbot.waitUntil(lambda: session.store.get(doc_id).current_version == 2, timeout=20000)
    window.sign_dialog = None
    _sign_in_dialog(qtbot, window, [doc_id], "issue", "03", softhsm_token.user_pin).accept()
    client = ApiClient(ui_server.base_url)
    client.login(*ui_server.credentials("leader"))
    signed = client.get_document(doc_id)
    assert signed.current_version == 3
    target = client.download(signed.versions[-1].sha256, tmp_path / "signed.pdf")
    assert _ink(target, "Sig_approve") == "blue"
    assert _ink(target, "Sig_issue") == "red"
    reports = validate_file(target, profile)
    assert len(reports) == 2 and all(r.intact for r in reports)


def test_the_open_document_shows_the_signed_version_and_the_same_verdict_as_verify(
    qtbot, window, session, softhsm_token, profile
) -> None:
    doc_id = _signable(session)
    window.open_document(doc_id)
    view = window.document_view
    qtbot.waitUntil(lambda: view.signatures.count() == 1, timeout=20000)
    assert view.signatures.item(0).text() == "Tệp không có chữ ký số."
    view.sign_button.click()
    qtbot.waitUntil(lambda: window.sign_dialog is not None, timeout=10000)
    dialog = window.sign_dialog
    qtbot.waitUntil(lambda: dialog.certificate.count() > 0, timeout=15000)
    dialog.certificate.setCurrentIndex(dialog.certificate.findData("01"))
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 1, timeout=60000)
    dialog.accept()
    qtbot.waitUntil(lambda: view.versions.count() == 2, timeout=20000)
    qtbot.waitUntil(
        lambda: (
            view.signatures.count() > 0
            and "Tệp không có chữ ký số" not in view.signatures.item(0).text()
        ),
        timeout=20000,
    )
    [report] = validate_file(view.file, profile)
    assert report.trusted and report.summary_vi in view.signatures.item(0).text()
    [card] = view.signatures.cards  # the panel's card, not a line of text
    assert card.badge.text() == "✔ Hợp lệ" and card.verdict.text() == report.summary_vi
    assert card.fields["mode"].text() == "Ký phê duyệt"
    card.page_button.click()  # the viewer shows the page with the stamp
    assert card.detail.page_index is not None and view.pdf.page == card.detail.page_index


def test_a_damaged_and_a_locked_file_are_offered_repair_and_password(
    qtbot, window, session, softhsm_token, profile, ui_server, tmp_path
) -> None:
    """The window offers what the command line's --repair and --ask-pdf-password do."""
    from tests.signing import pdf_cases
    from tests.signing.conftest import make_letter
    from ui.views.sign_dialog import SignDialog

    client = ApiClient(ui_server.base_url)
    client.login(*ui_server.credentials("leader"))
    ids = awaiting_signature(ui_server, 2, tmp_path)
    damaged = pdf_cases.broken_xref(make_letter(tmp_path / "a.pdf"), tmp_path / "hong.pdf")
    locked = pdf_cases.user_password(
        make_letter(tmp_path / "b.pdf"), tmp_path / "khoa.pdf", "mk-2026"
    )
    for doc_id, path in zip(ids, (damaged, locked), strict=True):
        doc = client.get_document(doc_id)
        uploaded = client.upload_file(path)
        client.add_version(doc_id, uploaded.sha256, path.name, "tệp thử", doc.current_version)
    window.sync_now()
    qtbot.waitUntil(
        lambda: all((d := session.store.get(i)) and d.current_version >= 2 for i in ids),
        timeout=20000,
    )
    dialog = SignDialog(window.workspace, [session.store.get(i) for i in ids], profile, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.certificate.count() > 0, timeout=15000)
    dialog.certificate.setCurrentIndex(dialog.certificate.findData("01"))
    dialog.mode.setCurrentIndex(dialog.mode.findData("copy"))
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 2, timeout=60000)
    assert not any(r.ok for r in dialog.results)
    assert dialog.repair_button.isVisible() and dialog.file_password.isVisible()
    screenshot(dialog, "sign-dialog-remedies")
    text = "\n".join(dialog.results_list.item(i).text() for i in range(2))
    assert "hỏng cấu trúc" in text and "mật khẩu" in text and "không mong đợi" not in text
    # the password first, then the repair: each signs only the documents it is for
    qtbot.keyClicks(dialog.file_password, "mk-2026")
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 3, timeout=60000)
    assert [r.ok for r in dialog.results] == [True] and dialog.results[0].document_id == ids[1]
    assert dialog.repair_button.isVisible() and not dialog.file_password.isVisible()
    dialog.repair_button.click()
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 4, timeout=60000)
    assert [r.ok for r in dialog.results] == [True] and dialog.results[0].document_id == ids[0]
    assert not dialog.repair_button.isVisible()
    for doc_id in ids:
        assert client.get_document(doc_id).current_version == 3


def _open_dialog(qtbot, win, doc_id: int):  # type: ignore[no-untyped-def]
    win.sign_ids([doc_id])
    qtbot.waitUntil(lambda: win.sign_dialog is not None, timeout=10000)
    dialog = win.sign_dialog
    qtbot.waitUntil(lambda: dialog.certificate.count() > 0, timeout=15000)
    return dialog


def test_a_clerk_opens_signing_on_a_numbered_document_to_seal_it(
    qtbot, ui_server, softhsm_token, profile, tmp_path
) -> None:
    """The profile names the leader's certificate; the clerk's dialog opens in issue mode with
    the organisation's, and the seal it puts on carries the number the clerk took."""
    from tests.fixtures.outgoing import numbered_outgoing
    from tests.signing.conftest import make_letter
    from tests.ui.test_queues import _window

    letter = make_letter(tmp_path / "qd.pdf").read_bytes()
    numbered = numbered_outgoing(ui_server, "Quyết định chờ phát hành", letter)
    win = _window(qtbot, ui_server, "clerk")
    qtbot.waitUntil(lambda: win.workspace.document(numbered["id"]) is not None, timeout=20000)
    dialog = _open_dialog(qtbot, win, numbered["id"])
    assert dialog.selected_mode() is Mode.ISSUE
    assert dialog.mode.currentText() == "Đóng dấu phát hành"
    assert dialog.certificate.currentData() == "03"
    assert dialog.certificate.currentText().startswith("Ủy ban nhân dân tỉnh Hà Tĩnh — ")
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 1, timeout=60000)
    assert [r.ok for r in dialog.results] == [True], [r.message_vi for r in dialog.results]
    dialog.accept()
    client = ApiClient(ui_server.base_url)
    client.login(*ui_server.credentials("clerk"))
    sealed = client.get_document(numbered["id"])
    target = client.download(sealed.versions[-1].sha256, tmp_path / "sealed.pdf")
    assert sealed.current_version == 2 and _ink(target, "Sig_issue") == "red"
    with pymupdf.open(target) as doc:
        stamps = [a.info["content"] for a in doc[0].annots() if a.type[1] == "Stamp"]
    assert sealed.code_number in stamps
    [report] = validate_file(target, profile)
    assert report.signer_cn == "Ủy ban nhân dân tỉnh Hà Tĩnh" and report.intact


def test_a_leader_opens_signing_on_a_draft_waiting_for_them_to_approve_it(
    qtbot, window, session, ui_server, profile, tmp_path
) -> None:
    [doc_id] = awaiting_signature(ui_server, 1, tmp_path)
    window.sync_now()
    qtbot.waitUntil(lambda: session.store.get(doc_id) is not None, timeout=20000)
    dialog = _open_dialog(qtbot, window, doc_id)
    assert dialog.selected_mode() is Mode.APPROVE
    assert dialog.mode.currentText() == "Ký phê duyệt"
    assert dialog.certificate.currentData() == "01"
    dialog.mode.setCurrentIndex(dialog.mode.findData("issue"))  # the seal: the organisation's
    assert dialog.certificate.currentData() == "03"
    dialog.mode.setCurrentIndex(dialog.mode.findData("approve"))
    assert dialog.certificate.currentData() == "01"
    dialog.certificate.activated.emit(dialog.certificate.findData("05"))  # picked by hand: kept
    dialog.certificate.setCurrentIndex(dialog.certificate.findData("05"))
    dialog.mode.setCurrentIndex(dialog.mode.findData("issue"))
    assert dialog.certificate.currentData() == "05"
    dialog.reject()
