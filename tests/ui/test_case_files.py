"""Case files in the window, against one real server for the module: the year's list issued,
the specialist opens a file from it on «Hồ sơ», puts a document in through «Đưa vào hồ sơ…»
and drags another from the list onto the file, closes it (its end a year before the deadline
less 10 days: «Hồ sơ đến hạn nộp lưu (1)» and the status line say so), transfers it; the
archivist returns it with a reason; the specialist reads the reason, reopens, closes, transfers
again; the archivist accepts it; every change to the accepted file is refused with the
server's message shown. A document put in while offline shows «chờ gửi» until sent."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from base.deadlines import today_in_vietnam
from base.workflow import ON_ARCHIVED_DOCUMENTS
from tests.fixtures.server import LiveServer
from tests.ui.conftest import open_window, screenshot
from ui.views.case_file_dialogs import qdate
from ui.views.step_dialog import offered_steps

pytestmark = pytest.mark.timeout(300)

RETURN_REASON = "Thiếu văn bản kết quả"
ARCHIVED_VI = "đã được Lưu trữ cơ quan tiếp nhận"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("case-files-window"))
    live.start()
    yield live
    live.stop()


def _issued_list(server: LiveServer) -> None:
    """This year's file list: a heading, a planned file kept 10 years; approved, issued."""
    from services.records import PlannedInput
    from services.session import open_session
    from services.workspace import Workspace

    archive = Workspace(open_session(server.base_url, *server.credentials("archivist"))).records
    leader = Workspace(open_session(server.base_url, *server.credentials("leader"))).records
    made = archive.lists.create(today_in_vietnam().year)
    archive.lists.add_heading(made.id, "Tổng hợp, hành chính", "VP")
    archive.lists.plan(
        made.id,
        PlannedInput("I", "01.VP", "Hồ sơ kế hoạch công tác năm", "10 năm", "Văn phòng"),
    )
    leader.lists.approve(made.id)
    archive.lists.issue(made.id)


def _document(server: LiveServer, role: str, subject: str, pages: int = 1) -> int:
    """An outgoing document of a year ago (the file's work ended then)."""
    issued = (today_in_vietnam() - dt.timedelta(days=380)).isoformat()
    body = {
        "direction": "outgoing",
        "subject": subject,
        "doc_type": "Công văn",
        "issued_date": issued,
        "page_amount": pages,
    }
    reply = requests.post(
        f"{server.api_url}/documents",
        json=body,
        headers=server.headers(role),
        timeout=30,
    )
    assert reply.status_code == 201, reply.text
    return int(reply.json()["id"])


def _row_of(qtbot, win, doc_id: int) -> int:  # type: ignore[no-untyped-def]
    model = win.list_page.model

    def row() -> int | None:
        found = [r for r in range(model.rowCount()) if model.row_at(r).id == doc_id]
        return found[0] if found else None

    qtbot.waitUntil(lambda: not model.loading and row() is not None, timeout=15000)
    found = row()
    assert found is not None
    return found


def _page(qtbot, win):  # type: ignore[no-untyped-def]
    win.show_named("case_files")
    page = win.case_files
    qtbot.waitUntil(lambda: win.stack.currentWidget() is page, timeout=5000)
    return page


def _dialog(qtbot, page, kind: str):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: type(page.dialog).__name__ == kind and page.dialog.isVisible())
    return page.dialog


def _choose(qtbot, page, code_part: str) -> None:  # type: ignore[no-untyped-def]
    """The file whose code holds ``code_part`` chosen in the list, its detail shown."""

    def row() -> int | None:
        for r in range(page.table.rowCount()):
            if code_part in page.table.item(r, 0).text():
                return r
        return None

    qtbot.waitUntil(lambda: row() is not None, timeout=10000)
    page.table.selectRow(row())
    qtbot.waitUntil(
        lambda: page.detail is not None and code_part in page.detail.file.code, timeout=10000
    )


def _state(qtbot, page, state: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.file.state == state and not page.busy,
        timeout=15000,
    )


def _drop(widget, ids_mime) -> None:  # type: ignore[no-untyped-def]
    """What a drag of documents from the list delivers to ``widget``: entering, moving over
    it, the drop (each accepted, as Qt's drag manager needs before the drop)."""
    point = QPoint(40, 12)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks Qt's only constructors deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, ids_mime, buttons, keys)
        move = QDragMoveEvent(point, Qt.DropAction.CopyAction, ids_mime, buttons, keys)
    QApplication.sendEvent(widget.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, ids_mime, buttons, keys)
    QApplication.sendEvent(widget.viewport(), drop)
    assert drop.isAccepted()


def _synced(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    """One whole sync of the window (after the one running, if any)."""
    qtbot.waitUntil(lambda: win.sync_task is None, timeout=20000)
    win.sync_now()
    qtbot.waitUntil(lambda: win.sync_task is None, timeout=20000)


def _nav_text(win, key: str) -> str:  # type: ignore[no-untyped-def]
    row = win._nav_keys().index(key)
    return str(win.nav.item(row).text())


def _screenshots(qtbot, win, name: str) -> None:  # type: ignore[no-untyped-def]
    """The window at a laptop's size (1366×768) and a desktop's (1920×1080)."""
    for size, suffix in (((1920, 1080), "-1920"), ((1366, 768), "")):
        win.resize(*size)
        qtbot.wait(150)
        screenshot(win, name + suffix)


def _free_file(qtbot, win, title: str, notation: str):  # type: ignore[no-untyped-def]
    """«Lập hồ sơ…» for work outside the year's list: its own title and number; the page."""
    page = _page(qtbot, win)
    page.new_file()
    dialog = _dialog(qtbot, page, "NewFileDialog")
    dialog.free.setChecked(True)
    dialog.title.setText(title)
    dialog.notation.setText(notation)
    dialog.accept()
    qtbot.waitUntil(lambda: page.detail is not None and notation in page.detail.file.code)
    return page


def _pdf_text(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as pdf:
        return " ".join(" ".join(page.get_text().split()) for page in pdf)


def _refused(qtbot, page, run) -> str:  # type: ignore[no-untyped-def]
    page.notice.clear()
    run()
    qtbot.waitUntil(lambda: ARCHIVED_VI in page.notice.text(), timeout=10000)
    box = page.findChild(QMessageBox, "errorBox")
    assert box is not None and ARCHIVED_VI in box.text()
    box.close()
    box.deleteLater()
    return str(page.notice.text())


def test_a_case_file_from_the_list_to_the_archive_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, office: LiveServer, monkeypatch, tmp_path
) -> None:
    _issued_list(office)
    first = _document(office, "specialist", "Kế hoạch công tác năm 2026")
    second = _document(office, "specialist", "Báo cáo kết quả thực hiện kế hoạch", pages=3)
    specialist = open_window(qtbot, office, "specialist")
    assert "case_files_due" in specialist._nav_keys()

    # Lập hồ sơ from the issued list
    page = _page(qtbot, specialist)
    assert page.queue.currentData() == "mine"
    page.new_file()
    dialog = _dialog(qtbot, page, "NewFileDialog")
    assert dialog.from_list.isChecked() and "01.VP" in dialog.planned.currentText()
    dialog.start.setDate(qdate(today_in_vietnam() - dt.timedelta(days=400)))
    dialog.accept()
    qtbot.waitUntil(lambda: page.detail is not None, timeout=15000)
    code = page.detail.file.code
    assert code.endswith(f".{today_in_vietnam().year}.01.VP")
    _choose(qtbot, page, "01.VP")

    # «Đưa vào hồ sơ…» on the list's selection
    specialist.show_named("outgoing")
    row = _row_of(qtbot, specialist, first)
    specialist.list_page.table.selectRow(row)
    assert specialist.list_page.selected_ids() == [first]
    specialist.list_page.file_requested.emit(specialist.list_page.selected_ids())
    qtbot.waitUntil(lambda: getattr(specialist, "pick_dialog", None) is not None, timeout=10000)
    picker = specialist.pick_dialog
    assert picker.files.count() == 1 and code in picker.files.item(0).text()
    picker.accept()
    qtbot.waitUntil(lambda: code in specialist.status_label.text(), timeout=15000)

    # the second document dragged from the list onto the file
    mime = specialist.list_page.model.mimeData(
        [specialist.list_page.model.index(_row_of(qtbot, specialist, second), 0)]
    )
    page = _page(qtbot, specialist)
    _choose(qtbot, page, "01.VP")
    _drop(page.documents, mime)
    qtbot.waitUntil(lambda: page.documents.rowCount() == 2 and not page.busy, timeout=15000)
    assert [page.documents.item(r, 0).text() for r in range(2)] == ["1", "2"]
    assert page.documents.item(1, 3).text() == "Báo cáo kết quả thực hiện kế hoạch"
    _screenshots(qtbot, specialist, "case-files")

    # closing it: the computed metadata shown, the end set 10 days short of a year ago
    page.close_file()
    closing = _dialog(qtbot, page, "CloseFileDialog")
    assert "Số lượng văn bản: 2 · Số lượng trang: 4" in closing.computed.text()
    end = today_in_vietnam() - dt.timedelta(days=355)
    closing.end.setDate(qdate(end))
    closing.title.setText("Hồ sơ kế hoạch công tác năm (đã rà soát)")
    closing.accept()
    _state(qtbot, page, "closed")
    assert page.detail.file.title == "Hồ sơ kế hoạch công tác năm (đã rà soát)"
    assert page.detail.file.doc_total == 2
    assert page.buttons["transfer"].isVisible() and not page.buttons["remove"].isVisible()

    # the deadline's warning: the navigation's count and the status line, once
    qtbot.waitUntil(
        lambda: _nav_text(specialist, "case_files_due") == "Hồ sơ đến hạn nộp lưu (1)",
        timeout=15000,
    )
    assert "Hồ sơ sắp đến hạn nộp lưu" in specialist.status_label.text()
    assert code in specialist.due_notice
    assert "còn" in page.banner.text()

    page.buttons["transfer"].click()
    _state(qtbot, page, "submitted")

    # the archivist returns it with a reason
    archivist = open_window(qtbot, office, "archivist")
    qtbot.waitUntil(
        lambda: _nav_text(archivist, "case_files_awaiting") == "Hồ sơ chờ tiếp nhận (1)",
        timeout=15000,
    )
    archivist.show_named("case_files_awaiting")
    desk = archivist.case_files
    assert desk.current_queue() == "awaiting"
    _choose(qtbot, desk, "01.VP")
    _screenshots(qtbot, archivist, "case-files-archive")
    desk.buttons["return"].click()
    reason = _dialog(qtbot, desk, "ReasonDialog")
    reason.reason.setPlainText(RETURN_REASON)
    reason.accept()
    _state(qtbot, desk, "returned")

    # the specialist sees why, reopens, closes, transfers again
    page.reload()
    page.open_file(page.detail.file.id)
    _state(qtbot, page, "returned")
    assert RETURN_REASON in page.banner.text()
    page.buttons["reopen"].click()
    reopening = _dialog(qtbot, page, "ReasonDialog")
    reopening.reason.setPlainText("Bổ sung báo cáo kết quả")
    reopening.accept()
    _state(qtbot, page, "open")
    page.close_file()
    closing = _dialog(qtbot, page, "CloseFileDialog")
    closing.end.setDate(qdate(end))
    closing.accept()
    _state(qtbot, page, "closed")
    page.buttons["transfer"].click()
    _state(qtbot, page, "submitted")

    # the archivist accepts it
    desk.show_queue("awaiting")
    _choose(qtbot, desk, "01.VP")
    _state(qtbot, desk, "submitted")
    desk.buttons["accept"].click()
    _state(qtbot, desk, "archived")
    assert "Lưu trữ cơ quan tiếp nhận" in desk.banner.text()
    # the file's history, oldest first, with the reasons given
    history = [desk.history.item(i).text() for i in range(desk.history.count())]
    assert "Lập hồ sơ" in history[0] and "Hoàng Thị Mai" in history[0]
    assert any("Lưu trữ cơ quan trả lại" in line and RETURN_REASON in line for line in history)
    assert any("Mở lại hồ sơ" in line and "Bổ sung báo cáo kết quả" in line for line in history)
    assert "Lưu trữ cơ quan tiếp nhận" in history[-1]

    # the transfer's printed forms, then the archive's index of files, saved where asked
    assert desk.transfer_list_button.isVisible() and desk.handover_record_button.isVisible()
    asked: list[str] = []

    def save_as(_parent, title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(title)
        return str(tmp_path / Path(suggested).name), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    year = today_in_vietnam().year
    for button, name in (
        (desk.transfer_list_button, f"muc-luc-nop-luu-{year}.pdf"),
        (desk.handover_record_button, f"bien-ban-giao-nhan-{year}.pdf"),
    ):
        button.click()
        qtbot.waitUntil(lambda n=name: n in desk.notice.text(), timeout=15000)
    assert asked == ["Mục lục hồ sơ, tài liệu nộp lưu", "Biên bản giao nhận hồ sơ, tài liệu"]
    listed = _pdf_text(tmp_path / f"muc-luc-nop-luu-{year}.pdf")
    assert "NỘP LƯU" in listed and "Hồ sơ kế hoạch công tác năm" in listed
    assert "BIÊN BẢN" in _pdf_text(tmp_path / f"bien-ban-giao-nhan-{year}.pdf")
    desk.show_queue("archive")
    _choose(qtbot, desk, "01.VP")
    desk.file_index_button.click()
    qtbot.waitUntil(lambda: "muc-luc-ho-so.pdf" in desk.notice.text(), timeout=15000)
    index = _pdf_text(tmp_path / "muc-luc-ho-so.pdf")
    assert "MỤC LỤC HỒ SƠ" in index and "01.VP" in index and "kế hoạch công tác" in index

    # the archive decides who reads the archived file (Chế độ sử dụng, III.6.c)
    assert desk.rights_button.isVisible()
    desk.rights_button.click()
    rights = _dialog(qtbot, desk, "RightsDialog")
    rights.rights.setCurrentIndex(rights.rights.findData("open"))
    rights.accept()
    qtbot.waitUntil(lambda: desk.detail.file.rights == "open" and not desk.busy, timeout=15000)
    assert "Đã đổi chế độ sử dụng hồ sơ" in desk.notice.text()
    _screenshots(qtbot, archivist, "case-files-archived")

    # «Lọc thêm…»: the archive finds it by Rights, Language and the documents' period too
    def refine(rights: str | None, language: str = "", since: dt.date | None = None) -> int:
        desk.more_button.click()
        more = _dialog(qtbot, desk, "MoreFiltersDialog")
        more.rights.setCurrentIndex(more.rights.findData(rights))
        more.language.setText(language)
        more.use_from.setChecked(since is not None)
        if since is not None:
            more.period_from.setDate(qdate(since))
        more.accept()
        answered: list[bool] = []
        desk.reload(then=lambda: answered.append(True))  # the latest search's answer shown
        qtbot.waitUntil(lambda: bool(answered), timeout=10000)
        return int(desk.table.rowCount())

    assert refine("restricted") == 0
    assert refine("open", "vi", end - dt.timedelta(days=1)) == 1
    assert desk.more_button.text() == "Lọc thêm (3)…"
    assert refine("open", "vi", end + dt.timedelta(days=1)) == 0
    assert refine(None) == 1 and desk.more_button.text() == "Lọc thêm…"

    # frozen: every change is refused with the server's message
    page.open_file(page.detail.file.id)
    _state(qtbot, page, "archived")
    assert page.transfer_list_button.isVisible()  # the creator has the transfer's forms too
    assert not page.rights_button.isVisible()  # but no longer its Rights: the archive's now
    _synced(qtbot, specialist)  # its documents' copies learn they are archived: no step offered
    archived_copy = specialist.workspace.document(first)
    assert archived_copy is not None and "archived" in archived_copy.marks
    assert set(offered_steps(archived_copy, specialist.workspace.user)) <= ON_ARCHIVED_DOCUMENTS
    assert not any(b.isVisible() for b in page.buttons.values())
    third = _document(office, "specialist", "Công văn bổ sung")
    file_id = page.detail.file.id
    _refused(qtbot, page, lambda: page.add_documents([third]))
    _refused(qtbot, page, lambda: page.remove_document(first))
    _refused(qtbot, page, lambda: page._run(page.records.files.reopen, file_id, "Sửa", done=""))
    _refused(qtbot, page, lambda: page._run(page.records.files.transfer, file_id, done=""))
    _refused(qtbot, desk, lambda: desk._run(desk.records.files.send_back, file_id, "x", done=""))
    assert page.detail.file.state == "archived" and len(page.detail.documents) == 2


def test_a_document_put_in_offline_waits_until_sent(  # type: ignore[no-untyped-def]
    qtbot, office: LiveServer
) -> None:
    doc = _document(office, "clerk", "Giấy mời họp giao ban")
    shown = _document(office, "clerk", "Thông báo kết luận giao ban")
    clerk = open_window(qtbot, office, "clerk")
    page = _free_file(qtbot, clerk, "Hồ sơ giao ban tuần", "09.VT")
    _synced(qtbot, clerk)
    assert clerk.workspace.document(doc) is not None

    # from the document view: Văn bản → Đưa vào hồ sơ… on the open document
    clerk.open_document(shown)
    qtbot.waitUntil(lambda: clerk.stack.currentWidget() is clerk.document_view, timeout=10000)
    clerk.actions_by_name["fileInto"].trigger()
    qtbot.waitUntil(lambda: getattr(clerk, "pick_dialog", None) is not None, timeout=10000)
    clerk.pick_dialog.accept()
    qtbot.waitUntil(lambda: "09.VT" in clerk.status_label.text(), timeout=15000)
    clerk.show_named("case_files")
    _choose(qtbot, page, "09.VT")
    qtbot.waitUntil(lambda: page.documents.rowCount() == 1, timeout=10000)

    session: Any = clerk.session
    session.online = False  # the server out of reach, as a failed request marks it
    page.add_documents([doc])
    qtbot.waitUntil(lambda: page.documents.rowCount() == 2 and not page.busy, timeout=10000)
    assert page.documents.item(1, 5).text() == "chờ gửi"
    assert page.documents.item(1, 3).text() == "Giấy mời họp giao ban"
    assert "chờ gửi" in page.notice.text()

    _synced(qtbot, clerk)  # back online: the outbox sends it
    assert not page.records.files.pending()
    page.open_file(page.detail.file.id)
    qtbot.waitUntil(
        lambda: (
            page.documents.rowCount() == 2
            and all(page.documents.item(r, 5).text() == "" for r in range(2))
        ),
        timeout=10000,
    )
    assert [page.documents.item(r, 0).text() for r in range(2)] == ["1", "2"]


def test_the_file_list_editor_and_the_exports(  # type: ignore[no-untyped-def]
    qtbot, office: LiveServer, tmp_path
) -> None:
    """Next year's list copied from this year's, a file planned, approved by the leader and
    issued in the window; printed and exported; a file's ZIP, its PDF and its printed index."""
    year = today_in_vietnam().year + 1
    archivist = open_window(qtbot, office, "archivist")
    archivist.show_named("case_files")
    archivist.case_files.list_button.click()
    editor = archivist._pages["file_list"]
    qtbot.waitUntil(lambda: archivist.stack.currentWidget() is editor, timeout=5000)
    editor.year.setValue(year)
    qtbot.waitUntil(lambda: editor.create_button.isVisible(), timeout=10000)
    assert editor.copy_previous.isChecked()
    editor.create_button.click()
    qtbot.waitUntil(lambda: editor.current is not None, timeout=10000)
    assert editor.current.state == "draft" and [p.notation for p in editor.current.files] == [
        "01.VP"
    ]
    editor.add_planned()
    planned = editor.dialog
    planned.notation.setText("02.VP")
    planned.title.setText("Hồ sơ hội nghị tổng kết năm")
    planned.maintenance.setCurrentText("Vĩnh viễn")
    planned.accept()
    qtbot.waitUntil(lambda: editor.current is not None and editor.current.total == 2, timeout=10000)
    assert editor.tree.topLevelItem(0).childCount() == 2
    assert "1 vĩnh viễn, 1 có thời hạn" in editor.state.text()
    assert not editor.buttons["approve"].isVisible()  # the head of the organisation's
    _screenshots(qtbot, archivist, "file-list")

    leader = open_window(qtbot, office, "leader")
    leader.show_file_list()
    approving = leader._pages["file_list"]
    approving.year.setValue(year)
    qtbot.waitUntil(lambda: approving.buttons["approve"].isVisible(), timeout=10000)
    approving.buttons["approve"].click()
    qtbot.waitUntil(
        lambda: approving.current is not None and approving.current.state == "approved",
        timeout=10000,
    )
    editor.reload()
    qtbot.waitUntil(lambda: editor.buttons["issue"].isVisible(), timeout=10000)
    editor.buttons["issue"].click()
    qtbot.waitUntil(
        lambda: editor.current is not None and editor.current.state == "issued", timeout=10000
    )
    editor.export("xlsx", tmp_path / "list.xlsx")
    qtbot.waitUntil(lambda: editor.last_export is not None, timeout=20000)
    assert (tmp_path / "list.xlsx").read_bytes()[:2] == b"PK"

    # the accepted file of the first test: its ZIP, its PDF, its index printed to a file
    desk = archivist.case_files
    archivist.show_named("case_files")
    desk.show_queue("archive")
    _choose(qtbot, desk, "01.VP")
    desk.export_file(tmp_path / "file.zip")
    qtbot.waitUntil(lambda: desk.last_export == tmp_path / "file.zip", timeout=30000)
    import zipfile

    with zipfile.ZipFile(tmp_path / "file.zip") as bundle:
        names = bundle.namelist()
    assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".xml") for n in names)
    desk.export_file(tmp_path / "file.pdf", pdf=True)
    qtbot.waitUntil(lambda: desk.last_export == tmp_path / "file.pdf", timeout=30000)
    assert (tmp_path / "file.pdf").read_bytes()[:5] == b"%PDF-"
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "index.pdf"))
    desk.print_index(printer)
    qtbot.waitUntil(lambda: "Đã in mục lục văn bản" in desk.notice.text(), timeout=30000)
    assert (tmp_path / "index.pdf").stat().st_size > 1000


def _assigned_to_specialist(server: LiveServer, subject: str) -> int:
    """An incoming letter the clerk registered, presented, and the leader gave the specialist."""
    from tests.server.test_access import Caller
    from tests.server.test_concurrency import step

    clerk, leader, specialist = (Caller(server, r) for r in ("clerk", "leader", "specialist"))
    doc = clerk.create(subject=subject)
    presented = step(clerk, doc, "present", to=[leader.me["id"]])
    assert presented.status_code == 200, presented.text
    assigned = step(leader, presented.json(), "assign", lead=specialist.me["id"])
    assert assigned.status_code == 200, assigned.text
    return int(doc["id"])


def _take_step(qtbot, win, document_id: int, step: str, comment: str) -> None:  # type: ignore[no-untyped-def]
    """«Việc của tôi» synced, «Xử lý…» on the document, ``step`` with ``comment``, taken."""
    win.show_named("my_work")
    _synced(qtbot, win)
    win.step_dialog = None
    win.open_step(document_id)
    qtbot.waitUntil(lambda: win.step_dialog is not None, timeout=10000)
    dialog = win.step_dialog
    dialog.step.setCurrentIndex(dialog.step.findData(step))
    dialog.comment.setPlainText(comment)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_document is not None, timeout=20000)


def test_the_step_that_ends_the_work_offers_the_case_file(  # type: ignore[no-untyped-def]
    qtbot, office: LiveServer
) -> None:
    """The specialist finishes a letter; the confirmation offers «Đưa vào hồ sơ…» and the
    letter goes into the file chosen (Art. 29: a document's work ends in a file)."""
    letter_id = _assigned_to_specialist(office, "Đơn kiến nghị về đất đai")
    specialist = open_window(qtbot, office, "specialist")
    _free_file(qtbot, specialist, "Hồ sơ giải quyết kiến nghị", "05.KN")

    _take_step(qtbot, specialist, letter_id, "finish", "Đã trả lời công dân")
    done = specialist.list_page
    qtbot.waitUntil(lambda: done.done_box.isVisible() and done.done_file.isVisible(), timeout=10000)
    assert done.done_file.text() == "Đưa vào hồ sơ…"
    done.done_file.click()
    qtbot.waitUntil(lambda: getattr(specialist, "pick_dialog", None) is not None, timeout=10000)
    picker = specialist.pick_dialog
    assert picker.files.count() == 1 and "05.KN" in picker.files.item(0).text()
    picker.accept()
    qtbot.waitUntil(lambda: "05.KN" in specialist.status_label.text(), timeout=15000)
    page = _page(qtbot, specialist)
    _choose(qtbot, page, "05.KN")
    qtbot.waitUntil(lambda: page.documents.rowCount() == 1, timeout=10000)
    assert page.documents.item(0, 3).text() == "Đơn kiến nghị về đất đai"

    # a step that does not end the work (a note) offers no file
    other = _assigned_to_specialist(office, "Đơn đề nghị cấp phép")
    _take_step(qtbot, specialist, other, "note", "Đang xác minh")
    qtbot.waitUntil(lambda: "Đang xác minh" in done.done_text.text() or done.done_box.isVisible())
    assert not done.done_file.isVisible()
