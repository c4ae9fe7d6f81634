"""The new-draft dialog: for the roles that write drafts, checked in the form, created with
its PDF and opened; a damaged PDF is named, nothing created."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import screenshot
from tests.ui.test_queues import _window


def test_a_specialist_writes_a_draft_with_its_pdf(qtbot, story_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "specialist")
    assert win.draft_button.isVisible()
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: win.draft_dialog is not None and win.draft_dialog.isVisible(), timeout=5000
    )
    dialog = win.draft_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "trích yếu" in dialog.error.text() and dialog.outcome is None
    dialog.doc_type.setCurrentText("Báo cáo")
    dialog.notation.setText("BC-UBND")
    dialog.subject.setPlainText("Báo cáo tình hình giải ngân vốn đầu tư công năm 2026")
    dialog.recipients.setPlainText("Sở Tài chính\nSở Kế hoạch và Đầu tư\n")
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    dialog.file.setText(str(broken))
    ok.click()
    qtbot.waitUntil(lambda: ok.isEnabled() and "hong.pdf" in dialog.error.text(), timeout=10000)
    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "Du thao bao cao")
    pdf.save(tmp_path / "bao-cao.pdf")
    dialog.file.setText(str(tmp_path / "bao-cao.pdf"))
    assert dialog.error.text() == ""
    screenshot(dialog, "draft-dialog")
    ok.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    created = dialog.outcome.document
    assert created.status == "draft" and created.current_version == 1
    assert created.recipients == ("Sở Tài chính", "Sở Kế hoạch và Đầu tư")
    qtbot.waitUntil(lambda: win.document_view.document is not None, timeout=10000)
    assert win.document_view.document.id == created.id
    assert "Đã tạo dự thảo" in win.status_label.text()


def test_a_leader_has_no_new_draft_button(qtbot, story_server) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, story_server, "leader")
    assert not win.draft_button.isVisible()
    win.new_draft()
    assert win.draft_dialog is None
