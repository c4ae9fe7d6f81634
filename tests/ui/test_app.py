"""The desktop app with real widgets, the real server and a real SoftHSM token."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from client.api import ApiClient
from services.workspace import Workspace
from signing.profiles import Level, SigningProfile, save_profile
from signing.validation import validate_pdf
from tests.fixtures.outgoing import awaiting_signature
from tests.ui.conftest import screenshot
from ui.app import create_application
from ui.settings import UiSettings
from ui.views.login import LoginDialog
from ui.views.main_window import MainWindow


def open_signing(qtbot, window, ids):  # type: ignore[no-untyped-def]
    """The signing dialog opens once the documents are read from the cache (in a worker)."""
    before = window.sign_dialog
    window.sign_ids(ids)
    qtbot.waitUntil(
        lambda: window.sign_dialog is not None and window.sign_dialog is not before, timeout=10000
    )
    return window.sign_dialog


def test_login_wrong_password_then_right(qtbot, ui_server) -> None:
    create_application("vi")
    dialog = LoginDialog(ui_server.base_url, "vanthu")
    qtbot.addWidget(dialog)
    dialog.password.setText("sai")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "mật khẩu" in dialog.error.text(), timeout=10000)
    screenshot(dialog, "login")
    dialog.password.setText("VanThu@2026")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.session.user.username == "vanthu"


def test_login_warns_in_red_about_plain_http(qtbot) -> None:
    create_application("vi")
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    assert dialog.server.text() == "https://" and dialog.insecure_warning.isHidden()
    dialog.server.setText("http://vanban.hatinh.gov.vn")
    assert (
        not dialog.insecure_warning.isHidden() and "#c62828" in dialog.insecure_warning.styleSheet()
    )
    dialog.username.setText("vanthu")
    dialog.password.setText("VanThu@2026")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "https://" in dialog.error.text(), timeout=10000)  # refused, no network
    dialog.server.setText("http://127.0.0.1:9")
    assert dialog.insecure_warning.isHidden()


def test_list_filter_and_search_without_diacritics(qtbot, window) -> None:
    model = window.model
    assert model.rowCount() > 0 and all(r.direction == "incoming" for r in model.rows)
    screenshot(window, "main-window")
    window.show_named("outgoing")
    qtbot.waitUntil(
        lambda: (
            not model.loading
            and all(r.direction == "outgoing" for r in model.rows)
            and model.rowCount() > 0
        )
    )
    window.show_named("incoming")
    qtbot.keyClicks(window.search, "dat dai")
    qtbot.waitUntil(lambda: model.query.text == "dat dai" and not model.loading, timeout=3000)
    assert model.rowCount() > 0
    assert all("đất đai" in (r.subject + r.organ_name).lower() for r in model.rows)


def test_status_filter_and_labels_in_words(qtbot, window) -> None:
    model = window.model
    codes = {row.status for row in model.rows}
    assert model.data(model.index(0, 8)) in {
        "Đã tiếp nhận",
        "Đã giao xử lý",
        "Đang xử lý",
        "Hoàn thành",
    }
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))
    qtbot.waitUntil(lambda: model.query.status == "done" and not model.loading)
    assert "done" in codes and model.rowCount() > 0
    assert {row.status for row in model.rows} == {"done"}
    assert {model.data(model.index(i, 8)) for i in range(model.rowCount())} == {"Hoàn thành"}
    window.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.query.status is None and not model.loading)


def test_open_pdf_and_move_pages(qtbot, window, session) -> None:
    with_pdf = (
        next(
            d
            for d in (session.store.get(r.id) for r in window.model.rows)
            if d and d.current_version
        )
        if any(r.current_version for r in window.model.rows)
        else None
    )
    if with_pdf is None:
        window.show_named("outgoing")
        qtbot.waitUntil(lambda: any(r.current_version for r in window.model.rows))
        with_pdf = next(session.store.get(r.id) for r in window.model.rows if r.current_version)
    window.open_document(with_pdf.id)
    view = window.document_view.pdf
    qtbot.waitUntil(lambda: view.pages > 0 and view.canvas.pixmap() is not None, timeout=15000)
    if view.pages > 1:
        with qtbot.waitSignal(view.page_rendered, timeout=10000) as blocker:
            view.next()
        assert blocker.args == [1]
        qtbot.waitUntil(lambda: view.thumbs.count() == view.pages, timeout=10000)
        assert view.thumbs.currentRow() == 1 and view.page_box.value() == 2
    qtbot.waitUntil(lambda: window.document_view.signatures.count() > 0, timeout=15000)
    screenshot(window, "document-view")


def _profile(softhsm_token, images) -> None:  # type: ignore[no-untyped-def]
    save_profile(
        SigningProfile(
            name="Mặc định",
            level=Level.B_B,
            tsa_url=None,
            signature_image=str(images[0]),
            seal_image=str(images[1]),
            module_path=softhsm_token.module_path,
            token_label=softhsm_token.token_label,
            key_id="01",
        )
    )


@pytest.mark.parametrize("count", [1, 5])
def test_sign_documents_from_the_ui(
    qtbot, window, session, softhsm_token, images, ui_server, tmp_path, count
) -> None:
    _profile(softhsm_token, images)

    ids = awaiting_signature(ui_server, count, tmp_path)  # "Chờ ký": the leader's to sign
    window.sync_now()
    qtbot.waitUntil(lambda: all(session.store.get(i) for i in ids), timeout=20000)
    dialog = open_signing(qtbot, window, ids)
    qtbot.waitUntil(
        lambda: dialog.certificate.count() > 0 or bool(dialog.warning.text()), timeout=15000
    )
    assert dialog.certificate.count() > 0, dialog.warning.text()
    dialog.certificate.setCurrentIndex(dialog.certificate.findData("01"))
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    if count == 1:
        qtbot.waitUntil(lambda: dialog.preview.image is not None, timeout=15000)
        screenshot(dialog, "sign-dialog")
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == count, timeout=60000)
    assert all(r.ok for r in dialog.results), [r.message_vi for r in dialog.results]
    assert dialog.pin.text() == ""
    client = ApiClient(ui_server.base_url)
    client.login(*ui_server.credentials("leader"))
    for doc_id in ids:
        doc = client.get_document(doc_id)
        assert doc.current_version == 2 and doc.versions[-1].note.startswith("ký số bởi")
        target = tmp_path / f"{doc_id}.pdf"
        client.download(doc.versions[-1].sha256, target)
        assert validate_pdf(target)[0].intact
        assert pymupdf.open(target)[-1].widgets()
    dialog.close()


def test_conflict_offers_reload_and_never_overwrites(
    qtbot, window, session, softhsm_token, images, ui_server, tmp_path
) -> None:
    from ui.views.sign_dialog import SignDialog

    _profile(softhsm_token, images)
    from base.workflow import FROZEN
    from client.cache.query import DocumentQuery, search

    [doc_id] = [  # a document still being worked on (an issued one is frozen)
        r.id
        for r in search(session.store, DocumentQuery(limit=1000)).rows
        if r.current_version and r.status not in FROZEN
    ][:1]
    dialog = open_signing(qtbot, window, [doc_id])
    qtbot.waitUntil(lambda: dialog.certificate.count() > 0, timeout=15000)
    # Meanwhile a clerk uploads a newer version on the server.
    clerk = ApiClient(ui_server.base_url)
    clerk.login(*ui_server.credentials("clerk"))
    before = clerk.get_document(doc_id)
    newer = tmp_path / "bản sửa.pdf"
    letter = pymupdf.open()
    letter.new_page().insert_text((72, 72), "bản sửa của văn thư")
    letter.save(newer)
    uploaded = clerk.upload_file(newer)
    clerk.add_version(
        doc_id, uploaded.sha256, newer.name, "sửa", base_version=before.current_version
    )
    dialog.certificate.setCurrentIndex(dialog.certificate.findData("01"))
    qtbot.keyClicks(dialog.pin, softhsm_token.user_pin)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.results_list.count() == 1, timeout=60000)
    assert dialog.results[0].conflict and dialog.reload_button.isVisible()
    after = clerk.get_document(doc_id)
    assert (
        after.current_version == before.current_version + 1 and after.versions[-1].note == "sửa"
    )  # kept
    dialog.reload_button.click()
    qtbot.waitUntil(
        lambda: any(d.isVisible() and d is not dialog for d in window.findChildren(SignDialog)),
        timeout=20000,
    )
    again = next(d for d in window.findChildren(SignDialog) if d.isVisible() and d is not dialog)
    assert [d.current_version for d in again.documents] == [
        after.current_version
    ]  # the newest, to sign now
    again.close()


def test_urgent_incoming_documents_are_announced(qtbot, window, ui_server) -> None:
    clerk = ApiClient(ui_server.base_url)
    clerk.login(*ui_server.credentials("clerk"))
    urgent = clerk.create_document(
        {
            "direction": "incoming",
            "doc_type": "Công văn",
            "urgency": 3,
            "subject": "Hỏa tốc: phòng chống bão số 9",
            "organ_name": "Ban Chỉ huy PCTT",
        }
    )
    window.sync_now()
    qtbot.waitUntil(
        lambda: any(d.id == urgent.id for d in window.last_alerts.urgent), timeout=20000
    )
    [news] = [d for d in window.last_alerts.urgent if d.id == urgent.id]
    assert news.urgency == 3 and "bão số 9" in news.subject


def test_uploads_panel_processes_dropped_files(qtbot, ui_server, tmp_path) -> None:
    from services.session import open_session

    create_application("vi")
    window = MainWindow(
        Workspace(open_session(ui_server.base_url, *ui_server.credentials("archivist"))),
        UiSettings(),
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    folder = tmp_path / "scans"
    folder.mkdir()
    window.show_named("uploads")
    window.uploads.folder.setText(str(folder))
    window.uploads.toggle_watch()
    for i in range(3):
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), f"scan {i}")
        doc.save(folder / f"bản_quét_{i}.pdf")
    qtbot.waitUntil(
        lambda: (
            window.uploads.table.rowCount() == 3
            and all(window.uploads.table.item(r, 1).text() == "Đã tải lên" for r in range(3))
        ),
        timeout=60000,
    )
    screenshot(window, "uploads")
    window.uploads.stop()


def test_switch_language(qtbot, window) -> None:
    window.show_named("settings")
    window.settings_view.language.setCurrentIndex(1)
    window.settings_view.save()
    assert window.nav.item(window.pages.index("incoming")).text() == "Incoming documents"
    assert window.model.headerData(3, Qt.Orientation.Horizontal) == "Summary"
    statuses = {window.model.data(window.model.index(i, 8)) for i in range(window.model.rowCount())}
    assert statuses and statuses <= {"Received", "Assigned", "In progress", "Done"}
    assert window.status_filter.itemText(0) == "Any status"
    window.settings_view.language.setCurrentIndex(0)
    window.settings_view.save()
    assert window.nav.item(window.pages.index("incoming")).text() == "Văn bản đến"


def test_settings_edit_signing_and_watch_profiles(qtbot, window, softhsm_token, tmp_path) -> None:
    from signing.profiles import get_profile as signing_profile
    from sync.profiles import get_profile as watch_profile

    window.show_named("settings")
    view = window.settings_view
    root = tmp_path / "RootCA chuyên dùng Chính phủ G2.cer"
    root.write_bytes(b"not checked until signing")
    view.signing.tsa_url.clear()
    qtbot.keyClicks(view.signing.tsa_url, "http://tsa.viettel-ca.vn/")
    view.signing.level.setCurrentIndex(view.signing.level.findData(Level.B_LT))
    view.signing.module.setEditText(softhsm_token.module_path)
    view.signing.roots.addItem(str(root))
    view.watch.stability.setValue(5)
    view.watch.parallel.setValue(3)
    view.watch.detection.setCurrentIndex(2)
    screenshot(window, "settings")
    [save] = [
        b for b in view.findChildren(type(window.sign_button)) if b.objectName() == "saveSettings"
    ]
    save.click()
    saved = signing_profile("Mặc định")
    assert saved.tsa_url == "http://tsa.viettel-ca.vn/" and saved.level is Level.B_LT
    assert saved.module_path == softhsm_token.module_path and saved.trust_roots == (str(root),)
    watch = watch_profile(None)
    assert (watch.stability_seconds, watch.parallel, watch.polling) == (5, 3, True)
    assert "Đã lưu" in view.status.text()


def test_sync_can_be_stopped_and_resumes(qtbot, window) -> None:
    window.sync_now()
    assert window.sync_button.text() == "Dừng đồng bộ"
    window.sync_button.click()  # stop: the cache stays consistent, the next sync continues
    qtbot.waitUntil(lambda: window.sync_task is None, timeout=20000)
    assert window.sync_button.text() == "Đồng bộ"
    window.sync_button.click()
    qtbot.waitUntil(
        lambda: window.sync_task is None and "Trực tuyến" in window.status_label.text(),
        timeout=20000,
    )
