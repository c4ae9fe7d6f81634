"""A draft sent back gets its corrected PDF from the document view (*Thay tệp dự thảo…*): a bad
file is named and nothing is uploaded; the good one is version 2, and the author submits again."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pymupdf
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from client.api import ApiClient
from tests.fixtures.outgoing import take_step
from tests.ui.conftest import screenshot
from tests.ui.test_queues import _window


def _pdf(path: Path, text: str) -> Path:
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 72), text)
        doc.save(path)
    return path


def _sent_back_draft(server, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    """The specialist's draft, submitted, sent back by the leader with a reason."""
    from services.drafts import DraftInput, create_draft
    from services.session import open_session

    session = open_session(server.base_url, *server.credentials("specialist"))
    outcome = create_draft(
        session,
        DraftInput(
            subject="Tờ trình phê duyệt kế hoạch chuyển đổi số năm 2026",
            doc_type="Tờ trình",
            file=_pdf(tmp_path / "to-trinh.pdf", "Du thao lan 1"),
        ),
    )
    assert outcome.document is not None
    leader = server.token("leader")
    leader_id = requests.get(
        f"{server.api_url}/auth/me", headers={"Authorization": f"Bearer {leader}"}, timeout=10
    ).json()["id"]
    draft = {"id": outcome.document.id, "revision": outcome.document.revision}
    submitted = take_step(server, server.token("specialist"), draft, "submit", to=[leader_id])
    take_step(server, leader, submitted, "send_back", comment="Bổ sung dự toán kinh phí")
    return outcome.document.id


def test_the_author_replaces_a_sent_back_drafts_file_and_submits_it_again(
    qtbot, server_factory, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    document_id = _sent_back_draft(server, tmp_path)
    chosen = {"path": ""}
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (chosen["path"], ""))
    )
    win = _window(qtbot, server, "specialist")
    win.open_document(document_id)
    view = win.document_view
    qtbot.waitUntil(
        lambda: view.document is not None and view.document.id == document_id, timeout=10000
    )
    assert view.replace_file_button.isVisible()
    assert view.replace_file_button.text() == "Thay tệp dự thảo…"
    chosen["path"] = ""  # cancelled: nothing opens
    view.replace_file_button.click()
    assert view.file_dialog is None
    good = _pdf(tmp_path / "to-trinh-sua.pdf", "Du thao lan 2, co du toan")
    cut = tmp_path / "cat-cut.pdf"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    chosen["path"] = str(cut)
    view.replace_file_button.click()
    qtbot.waitUntil(lambda: view.file_dialog is not None and view.file_dialog.isVisible())
    dialog = view.file_dialog
    assert dialog.file.text() == str(cut)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: ok.isEnabled() and "cat-cut.pdf" in dialog.error.text(), timeout=10000)
    assert "bị cắt cụt" in dialog.error.text() and dialog.outcome is None
    client = ApiClient(server.base_url)
    client.login(*server.credentials("specialist"))
    assert client.get_document(document_id).current_version == 1  # nothing uploaded
    chosen["path"] = str(good)
    dialog.browse.click()
    assert dialog.file.text() == str(good) and dialog.error.text() == ""
    dialog.note.setText("Sửa theo ý kiến lãnh đạo: bổ sung dự toán")
    screenshot(dialog, "draft-file-dialog")
    ok.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20000)
    assert dialog.outcome.version == 2
    qtbot.waitUntil(lambda: view.versions.count() == 2, timeout=10000)
    assert "Sửa theo ý kiến lãnh đạo" in view.versions.item(1).text()
    qtbot.waitUntil(lambda: "phiên bản 2" in view.status.text(), timeout=10000)
    replaced = client.get_document(document_id)
    assert replaced.versions[-1].sha256 == hashlib.sha256(good.read_bytes()).hexdigest()
    # the author submits it again, from the same view
    view.step_button.click()
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    step = win.step_dialog
    step.step.setCurrentIndex(step.step.findData("submit"))
    for i in range(step.leaders.count()):
        if "Trần Quốc Việt" in step.leaders.item(i).text():
            step.leaders.item(i).setCheckState(Qt.CheckState.Checked)
    step.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: step.result_document is not None, timeout=15000)
    assert step.result_document.status == "pending_signature"
    qtbot.waitUntil(lambda: view.document.status == "pending_signature", timeout=10000)
    assert not view.replace_file_button.isVisible()  # the leader's to sign now
