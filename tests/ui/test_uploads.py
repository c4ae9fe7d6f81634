"""The uploads panel speaks the UI language: the queue stores keys, the window translates."""

from __future__ import annotations

import pymupdf

from services.session import open_session
from services.workspace import Workspace
from ui.app import create_application
from ui.i18n import apply_language
from ui.settings import UiSettings
from ui.views.main_window import MainWindow


def test_the_english_ui_shows_english_upload_states_and_reasons(qtbot, ui_server, tmp_path) -> None:
    create_application("en")
    try:
        window = MainWindow(
            Workspace(open_session(ui_server.base_url, *ui_server.credentials("archivist"))),
            UiSettings(language="en"),
        )
        qtbot.addWidget(window)
        folder = tmp_path / "scans"
        folder.mkdir()
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), "scan")
        doc.save(folder / "good.pdf")
        (folder / "empty.pdf").write_bytes(b"")
        window.uploads.folder.setText(str(folder))
        window.uploads.toggle_watch()
        table = window.uploads.table

        def rows() -> dict[str, tuple[str, str]]:
            return {
                table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 3).text())
                for r in range(table.rowCount())
                if table.item(r, 0)
            }

        qtbot.waitUntil(
            lambda: (
                rows().get("good.pdf", ("",))[0] == "Uploaded"
                and rows().get("empty.pdf", ("",))[0] == "Failed"
            ),
            timeout=60000,
        )
        assert rows()["empty.pdf"][1] == "The file is empty (0 bytes)"
        assert window.uploads.summary.text().startswith("Uploaded: 1")
        window.uploads.stop()
    finally:
        apply_language("vi")
