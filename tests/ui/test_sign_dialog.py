"""What users met in the signing window (issue 28): documents named by number and subject, a
wrong PIN that said how many tries are left and went away after a good one, Enter that signs,
a "Ký" that turns into "Đóng", no empty box or unlabelled field, and the defaults each role
gets — all through the real window, a real SoftHSM token and the real server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QListWidget

from signing.profiles import Mode
from tests.fixtures.outgoing import numbered_outgoing, submitted_outgoing
from tests.signing.conftest import make_letter
from tests.ui.conftest import open_window, screenshot

LONG_SUBJECT = (
    "Tờ trình về việc phê duyệt kế hoạch sử dụng đất đai năm 2026 của các huyện, thị xã "
    "và thành phố thuộc tỉnh Hà Tĩnh"
)


def _open(qtbot, window, doc_id: int):  # type: ignore[no-untyped-def]
    """Open the document and press its "Ký số" button, as a user does."""
    qtbot.waitUntil(lambda: window.workspace.document(doc_id) is not None, timeout=20000)
    window.open_document(doc_id)
    view = window.document_view
    qtbot.waitUntil(lambda: view.document is not None and view.document.id == doc_id, timeout=10000)
    qtbot.waitUntil(lambda: view.file is not None, timeout=20000)  # the page is on screen
    view.sign_button.click()
    qtbot.waitUntil(lambda: window.sign_dialog is not None, timeout=10000)
    dialog = window.sign_dialog
    qtbot.waitUntil(lambda: dialog.certificate.count() > 0, timeout=15000)
    qtbot.waitUntil(
        lambda: dialog.preview.image is not None or bool(dialog.warning.text()), timeout=30000
    )
    assert dialog.preview.image is not None, dialog.warning.text()
    return dialog


@pytest.fixture
def long_draft(ui_server, tmp_path):  # type: ignore[no-untyped-def]
    letter = make_letter(tmp_path / "to-trinh.pdf").read_bytes()
    return submitted_outgoing(ui_server, LONG_SUBJECT, letter, code_notation="TTr-UBND")["id"]


def test_before_signing_every_field_is_labelled_and_nothing_is_an_empty_box(
    qtbot, ui_server, profile, long_draft
) -> None:
    window = open_window(qtbot, ui_server, "leader")
    dialog = _open(qtbot, window, long_draft)
    size = dialog.frameGeometry()
    assert size.width() <= 1366 and size.height() <= 768 - 40  # a laptop, with its taskbar
    inputs = [
        w
        for kind in (QLineEdit, QComboBox, QListWidget)
        for w in dialog.findChildren(kind)
        if w.isVisibleTo(dialog) and not isinstance(w.parent(), QComboBox)
    ]
    assert dialog.pin in inputs and dialog.documents_list in inputs
    for widget in inputs:
        label = dialog.form.labelForField(widget)
        assert isinstance(label, QLabel) and label.text().strip(), widget.objectName()
    assert not dialog.results_list.isVisibleTo(dialog)  # results appear with results
    assert not dialog.progress.isVisibleTo(dialog)
    rows = dialog.documents_list
    assert rows.height() <= rows.sizeHintForRow(0) * rows.count() + 16  # sized to its rows
    assert not dialog.warning.isVisibleTo(dialog) and not dialog.note.isVisibleTo(dialog)
    name = rows.item(0).text()
    assert name.startswith("(chưa có số) — Tờ trình về việc phê duyệt") and name.endswith("…")
    assert len(name) < len(LONG_SUBJECT)
    screenshot(dialog, "sign-dialog")


def test_a_wrong_pin_says_tries_are_left_then_a_good_one_clears_it_and_enter_signs(
    qtbot, ui_server, softhsm_token, profile, long_draft
) -> None:
    window = open_window(qtbot, ui_server, "leader")
    dialog = _open(qtbot, window, long_draft)
    qtbot.keyClicks(dialog.pin, "000000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # Enter signs
    wrong = "Sai mã PIN. Còn ít lượt thử — lần sai tiếp theo có thể khoá thiết bị ký."
    qtbot.waitUntil(lambda: dialog.warning.text() == wrong, timeout=20000)
    assert dialog.warning.isVisible() and dialog.warning.text().count("Sai mã PIN") == 1
    assert dialog.sign_button.isEnabled() and dialog.sign_button.text() == "Ký"
    qtbot.waitUntil(lambda: dialog.note.isVisible(), timeout=10000)  # the token's own flags
    assert "Còn ít lượt thử" in dialog.note.text()
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.results_list.count() == 1, timeout=60000)
    assert [r.ok for r in dialog.results] == [True], [r.message_vi for r in dialog.results]
    assert not dialog.warning.isVisible() and dialog.warning.text() == ""  # no stale red
    qtbot.waitUntil(lambda: not dialog.note.isVisible(), timeout=10000)  # the counter reset
    result = dialog.results_list.item(0).text()
    assert result.startswith("✔ (chưa có số) — Tờ trình về việc phê duyệt")
    assert f"#{long_draft}" not in result and "Đã ký" in result
    assert dialog.sign_button.text() == "Đóng" and dialog.sign_button.isEnabled()
    assert not dialog.cancel_button.isVisible()
    screenshot(dialog, "sign-dialog-signed")
    qtbot.keyClick(dialog.sign_button, Qt.Key.Key_Return)  # Enter now closes
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)


def test_a_clerk_seals_a_numbered_document_named_by_its_number(
    qtbot, ui_server, softhsm_token, profile, tmp_path
) -> None:
    letter = make_letter(tmp_path / "qd.pdf").read_bytes()
    numbered = numbered_outgoing(ui_server, "Quyết định phê duyệt quy hoạch", letter)
    window = open_window(qtbot, ui_server, "clerk")
    dialog = _open(qtbot, window, numbered["id"])
    assert dialog.selected_mode() is Mode.ISSUE and dialog.certificate.currentData() == "03"
    assert dialog.certificate.currentText().startswith("Ủy ban nhân dân tỉnh Hà Tĩnh — ")
    symbol = numbered["number_symbol"]
    assert symbol and not symbol.startswith("/")
    assert dialog.documents_list.item(0).text() == f"{symbol} — Quyết định phê duyệt quy hoạch"
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: dialog.results_list.count() == 1, timeout=60000)
    assert dialog.results_list.item(0).text().startswith(f"✔ {symbol} — Quyết định")
    assert dialog.sign_button.text() == "Đóng"


def test_a_leader_from_the_document_view_approves_with_the_personal_certificate(
    qtbot, ui_server, profile, long_draft
) -> None:
    window = open_window(qtbot, ui_server, "leader")
    dialog = _open(qtbot, window, long_draft)
    assert dialog.selected_mode() is Mode.APPROVE and dialog.mode.currentText() == "Ký phê duyệt"
    assert dialog.certificate.currentData() == "01"
    assert dialog.certificate.currentText().startswith("Trần Quốc Việt — ")
    dialog.reject()
