"""Printing a document (III.6.i, III.6.k): its pages as they are, the mark of who printed which
version when on every page, the information sheet on request, and the print in the access
history. Printed to a PDF file through the same code the print dialog's printer uses."""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtPrintSupport import QPrinter

from client.records import Document
from services.session import open_session
from services.workspace import Workspace
from signing.profiles import SigningProfile
from tests.fixtures.server import LiveServer
from tests.signing.conftest import make_letter
from tests.ui.conftest import SCREENSHOTS
from ui.views.document_view import DocumentView

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
SUBJECT = "Kế hoạch diễn tập phòng cháy chữa cháy năm 2026"


def letter_with_annex(path: Path) -> Path:
    """A two-page decision, then a landscape annex page."""
    make_letter(path, pages=2)
    with pymupdf.open(path) as doc:
        annex = doc.new_page(width=842, height=595)
        writer = pymupdf.TextWriter(annex.rect)
        writer.append((72, 120), "PHỤ LỤC: bảng kê kinh phí", font=pymupdf.Font(fontfile=str(FONT)))
        writer.write_text(annex)
        doc.saveIncr()
    return path


def upload_letter(server: LiveServer, pdf: Path, role: str = "clerk") -> Document:
    """An incoming letter with ``pdf`` as its file, registered by ``role`` through the API."""
    session = open_session(server.base_url, *server.credentials(role))
    uploaded = session.client.upload_file(pdf)
    return session.client.create_document(
        {
            "direction": "incoming",
            "doc_type": "Quyết định",
            "code_number": "15",
            "code_notation": "QĐ-UBND",
            "organ_name": "Ủy ban nhân dân tỉnh Hà Tĩnh",
            "issued_date": "2026-03-02",
            "subject": SUBJECT,
            "file_sha256": uploaded.sha256,
            "filename": pdf.name,
        }
    )


@pytest.fixture
def opened(qtbot, server_factory, tmp_path) -> Iterator[tuple[DocumentView, Document, Path]]:  # type: ignore[no-untyped-def]
    """The clerk's document view on the letter, its pages on screen."""
    server = server_factory()
    pdf = letter_with_annex(tmp_path / "quyết định.pdf")
    made = upload_letter(server, pdf)
    workspace = Workspace(open_session(server.base_url, *server.credentials("clerk")))
    workspace.sync_now()
    document = workspace.document(made.id)
    assert document is not None
    view = DocumentView(workspace, lambda: SigningProfile(tsa_url=None))
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    view.show_document(document)
    qtbot.waitUntil(lambda: view.pdf.pages == 3, timeout=20000)
    yield view, document, pdf
    view.close_file()


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _text(path: Path, page: int) -> str:
    """The text of printed page ``page`` (1-based), as poppler reads it."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(out.stdout.split())


def _looks_alike(printed: pymupdf.Page, original: pymupdf.Page) -> float:
    """How alike the picture on a printed page and the original page look: the correlation of
    their grey levels, both drawn at the same small size (1 is the same picture)."""
    [image] = printed.get_images()
    [where] = printed.get_image_rects(image[0])
    width = 30
    height = round(width * original.rect.height / original.rect.width)

    def grey(page: pymupdf.Page, rect: pymupdf.Rect) -> list[int]:
        matrix = pymupdf.Matrix(width / rect.width, height / rect.height)
        pix = page.get_pixmap(matrix=matrix, clip=rect, colorspace=pymupdf.csGRAY)
        return [pix.pixel(x, y)[0] for x in range(width - 1) for y in range(height - 1)]

    return statistics.correlation(grey(printed, where), grey(original, original.rect))


def _wait_printed(qtbot, view: DocumentView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.status.text().startswith("Đã in"), timeout=60000)


def test_a_printed_document_has_its_pages_the_mark_and_a_record(qtbot, opened, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view, document, pdf = opened
    name = view.workspace.user.full_name
    out = tmp_path / "in.pdf"
    assert not view.print_sheet.isChecked()  # the sheet is asked for, never imposed
    view.print_to(_pdf_printer(out))
    _wait_printed(qtbot, view)
    assert view.status.text() == "Đã in 3 trang."
    with pymupdf.open(out) as printed, pymupdf.open(pdf) as original:
        assert printed.page_count == 3
        for index in range(3):
            alike = _looks_alike(printed[index], original[index])
            assert alike > 0.5, (index, alike)
        assert printed[2].rect.width > printed[2].rect.height  # the annex stays landscape
        assert printed[0].rect.width < printed[0].rect.height
    today = dt.datetime.now().strftime("%d/%m/%Y")
    for page in (1, 2, 3):
        text = _text(out, page)
        assert f"In từ Văn thư số bởi {name} lúc" in text, text
        assert today in text and f"phiên bản {document.current_version}" in text, text
        assert f"trang {page}/3" in text, text
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "100",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(out),
            str(Path(SCREENSHOTS) / "print-mark"),
        ],
        check=True,
    )
    # the access history (III.6.l): the list under the timeline, and the server's own record
    qtbot.waitUntil(
        lambda: view.accesses.count() > 0 and "in 1 lần" in view.accesses.item(0).text(),
        timeout=20000,
    )
    history = view.workspace.session.client.access_history(document.id)
    assert history.counts.get("print") == 1
    [event] = [e for e in history.events if e.kind == "print"]
    assert event.full_name == name and event.version == document.current_version


def test_the_information_sheet_is_printed_before_the_pages(qtbot, opened, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view, document, _pdf = opened
    out = tmp_path / "phiếu.pdf"
    view.print_sheet.setChecked(True)
    view.print_to(_pdf_printer(out))
    _wait_printed(qtbot, view)
    with pymupdf.open(out) as printed:
        assert printed.page_count == 4
        assert printed[0].get_images() == []  # the sheet is text, not a picture of a page
        assert printed[1].get_images() != []
    sheet = _text(out, 1)
    assert "PHIẾU THÔNG TIN VĂN BẢN" in sheet and "15/QĐ-UBND" in sheet, sheet
    assert SUBJECT in sheet and "Ủy ban nhân dân tỉnh Hà Tĩnh" in sheet, sheet
    assert "Quá trình xử lý" in sheet and "Tạo văn bản" in sheet, sheet  # the timeline
    assert "trang 1/4" in sheet and view.workspace.user.full_name in sheet
    assert "02/03/2026" in sheet
