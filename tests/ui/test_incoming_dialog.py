"""Registering by hand in the window: a PDF dropped on the window opens the form prefilled
from its letterhead, registered with the next arrival number and the ĐẾN stamp; a paper
letter needs the organ and the summary."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.services.test_registration import letter
from tests.ui.conftest import screenshot
from tests.ui.test_queues import _window


def test_a_dropped_pdf_is_registered_with_its_letterhead(qtbot, story_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "clerk")
    assert win.register_button.isVisible() and win.acceptDrops()
    qtbot.waitUntil(lambda: not win.model.loading and win.model.rowCount() > 0, timeout=10000)
    screenshot(win, "clerk-window")  # the clerk's buttons fit the list's toolbar at 1366×768
    pdf = letter(tmp_path / "cong-van-stc.pdf")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(pdf))])
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(drop)
    qtbot.waitUntil(lambda: win.incoming_dialog is not None, timeout=5000)
    dialog = win.incoming_dialog
    qtbot.waitUntil(lambda: dialog.number.text() == "123", timeout=10000)
    assert dialog.organ.text() == "SỞ TÀI CHÍNH TỈNH HÀ TĨNH" and dialog.notation.text() == "STC-NS"
    assert dialog.subject.toPlainText().startswith("V/v bổ sung dự toán")
    assert dialog.stamp.isChecked() and dialog.pages.value() == 2
    screenshot(dialog, "incoming-dialog")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=30000)
    doc = dialog.outcome.document
    assert doc.status == "received" and doc.arrival_number and doc.current_version == 2
    qtbot.waitUntil(lambda: "Đã vào sổ: số đến" in win.status_label.text(), timeout=10000)


def test_a_paper_letter_needs_its_organ_and_summary(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "clerk")
    qtbot.keyClick(win, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.incoming_dialog is not None, timeout=5000)
    dialog = win.incoming_dialog
    assert not dialog.stamp.isEnabled()  # no file, no stamp
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "cơ quan ban hành" in dialog.error.text() and "trích yếu" in dialog.error.text()
    dialog.organ.setText("Văn phòng Chính phủ")
    dialog.subject.setPlainText("Giấy mời dự hội nghị trực tuyến")
    ok.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.outcome.document.arrival_number


def test_only_a_clerk_registers(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "leader")
    assert not win.register_button.isVisible() and not win.acceptDrops()
    win.register_incoming()
    assert win.incoming_dialog is None


def _send_letter(qtbot, win, pdf):  # type: ignore[no-untyped-def]
    """The registration form for ``pdf``, prefilled, sent without the stamp."""
    win.incoming_dialog = None
    win.register_incoming(pdf)
    qtbot.waitUntil(lambda: win.incoming_dialog is not None, timeout=5000)
    dialog = win.incoming_dialog
    qtbot.waitUntil(lambda: dialog.number.text() == "123", timeout=10000)
    dialog.stamp.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def test_registering_the_same_letter_again_asks_first(qtbot, story_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Decree 30 III.1.h: the clerk is warned with the earlier arrival number and decides."""
    win = _window(qtbot, story_server, "clerk")
    pdf = letter(tmp_path / "cong-van-stc.pdf")
    first = _send_letter(qtbot, win, pdf)
    qtbot.waitUntil(lambda: first.outcome is not None, timeout=30000)
    number = first.outcome.document.arrival_number

    declined = _send_letter(qtbot, win, pdf)
    qtbot.waitUntil(lambda: declined.duplicate_question is not None, timeout=30000)
    question = declined.duplicate_question
    assert f"số đến {number:02d}" in question.text() and declined.outcome is None
    screenshot(question, "duplicate-question")
    question.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: "Chưa vào sổ" in declined.error.text(), timeout=5000)
    assert declined.outcome is None
    declined.reject()

    confirmed = _send_letter(qtbot, win, pdf)
    qtbot.waitUntil(lambda: confirmed.duplicate_question is not None, timeout=30000)
    confirmed.duplicate_question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: confirmed.outcome is not None, timeout=30000)
    assert confirmed.outcome.document.arrival_number > number  # only when the clerk said so
