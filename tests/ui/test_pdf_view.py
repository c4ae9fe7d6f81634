"""The viewer says why a file cannot be shown, and opens password-protected ones."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt

from tests.signing import pdf_cases
from tests.signing.conftest import make_letter
from tests.ui.conftest import screenshot
from ui.views.pdf_view import PdfView


@pytest.fixture
def view(qtbot):  # type: ignore[no-untyped-def]
    widget = PdfView()
    widget.resize(1000, 700)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _problem(qtbot, view: PdfView) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.problem_panel.isVisible(), timeout=10000)
    return view.problem_label.text()


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: _file(d / "rong.pdf", b""), "rỗng"),
        (
            lambda d: pdf_cases.truncated(make_letter(d / "a.pdf", pages=3), d / "cut.pdf", 0.4),
            "cắt cụt",
        ),
        (
            lambda d: _file(d / "x.pdf", b"%PDF-1.7\n" + b"\x00rac" * 80),
            "hỏng",
        ),
    ],
    ids=["empty", "truncated", "corrupt"],
)
def test_an_unusable_file_is_explained_not_blank(qtbot, view, tmp_path, make, words) -> None:  # type: ignore[no-untyped-def]
    view.open(make(tmp_path))
    text = _problem(qtbot, view)
    assert words in text and not view.scroll_area.isVisible()
    assert not view.password_box.isVisible() and view.count_label.text() != "/ 0"


def test_a_password_protected_file_asks_for_its_password(qtbot, view, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    locked = pdf_cases.user_password(
        make_letter(tmp_path / "a.pdf", pages=2), tmp_path / "mat.pdf", "bi-mat"
    )
    view.open(locked)
    assert "mật khẩu" in _problem(qtbot, view)
    assert view.password_box.isVisible() and view.unlock_button.isVisible()
    screenshot(view, "viewer-password")
    qtbot.keyClicks(view.password_box, "sai")
    view.unlock_button.click()
    qtbot.waitUntil(lambda: "không đúng" in view.problem_label.text(), timeout=10000)
    qtbot.keyClicks(view.password_box, "bi-mat")
    view.unlock_button.click()
    qtbot.waitUntil(
        lambda: view.canvas.pixmap() is not None and not view.canvas.pixmap().isNull(),
        timeout=10000,
    )
    assert view.scroll_area.isVisible() and not view.problem_panel.isVisible()
    assert view.count_label.text() == "/ 2"
    qtbot.waitUntil(lambda: view.thumbs.count() == 2, timeout=10000)
    assert pymupdf.open(locked).needs_pass  # the file itself is untouched


# -- find in the PDF ---------------------------------------------------------------------


def _text_pdf(path: Path) -> Path:
    """Three pages; "Quyết định" twice on the first, once on the third (a landscape page)."""
    with pymupdf.open() as doc:
        font = pymupdf.Font(fontfile=str(FONT))
        first = doc.new_page()
        for y, line in (
            (100, "QUYẾT ĐỊNH về việc phê duyệt kế hoạch"),
            (140, "Căn cứ Luật Đất đai năm 2024;"),
            (700, "Quyết định này có hiệu lực kể từ ngày ký."),
        ):
            writer = pymupdf.TextWriter(first.rect)
            writer.append((72, y), line, font=font, fontsize=13)
            writer.write_text(first)
        second = doc.new_page()
        writer = pymupdf.TextWriter(second.rect)
        writer.append((72, 100), "Trang hai: bảng kê", font=font, fontsize=13)
        writer.write_text(second)
        third = doc.new_page(width=842, height=595)
        writer = pymupdf.TextWriter(third.rect)
        writer.append((72, 300), "Phụ lục kèm theo Quyết định số 15", font=font, fontsize=13)
        writer.write_text(third)
        doc.save(path)
    return path


FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "LiberationSerif-Regular.ttf"


def _pixel_at(view: PdfView, rect: tuple[float, float, float, float]) -> tuple[int, int, int]:
    """The colour the canvas shows most inside ``rect`` (page coordinates): its background."""
    from collections import Counter

    from ui.views.pdf_view import to_pixels

    assert view.rendered is not None
    box = to_pixels(view.rendered.matrix, rect).toRect()
    image = view.canvas.pixmap().toImage()
    colours = Counter(
        image.pixelColor(x, y).getRgb()[:3]
        for x in range(box.left() + 3, box.right() - 3, 2)
        for y in range(box.top() + 3, box.bottom() - 3, 2)
    )
    return colours.most_common(1)[0][0]  # type: ignore[return-value]


def _rendered(qtbot, view: PdfView, page: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: view.rendered is not None and view.rendered.index == page, timeout=10000
    )


def test_find_counts_highlights_and_steps_through_the_matches(qtbot, view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view.open(_text_pdf(tmp_path / "qd.pdf"))
    _rendered(qtbot, view, 0)
    assert not view.find_bar.isVisible()
    view.open_find()
    assert view.find_bar.isVisible() and view.find_bar.field.hasFocus()
    qtbot.keyClicks(view.find_bar.field, "quyet dinh")  # no diacritics, any case
    count = view.find_bar.count
    qtbot.waitUntil(lambda: count.text() == "1/3", timeout=10000)
    assert [hit.page for hit in view.hits] == [0, 0, 2]
    first, second = view.hits[0].rects[0], view.hits[1].rects[0]
    qtbot.waitUntil(lambda: _pixel_at(view, first)[2] < 120, timeout=5000)
    red, green, blue = _pixel_at(view, first)  # the current match: orange
    assert red > 200 and green < 200 and blue < 120, (red, green, blue)
    red, green, blue = _pixel_at(view, second)  # the others: yellow, lighter
    assert red > 200 and green > 200 and blue < 200, (red, green, blue)
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Return)  # Enter: the next one
    assert count.text() == "2/3" and view.page == 0
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Return)
    assert count.text() == "3/3" and view.page == 2
    _rendered(qtbot, view, 2)  # the landscape page, turned to
    assert view.page_box.value() == 3
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert count.text() == "2/3"
    _rendered(qtbot, view, 0)
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_F3)
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_F3)  # past the last: back to the first
    assert count.text() == "1/3"
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert count.text() == "3/3"


def test_a_word_absent_from_the_file_is_said_not_found(qtbot, view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view.open(_text_pdf(tmp_path / "qd.pdf"))
    _rendered(qtbot, view, 0)
    view.open_find()
    qtbot.keyClicks(view.find_bar.field, "ngan sach")
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Return)  # searched at once
    qtbot.waitUntil(lambda: view.find_bar.count.text() == "Không tìm thấy", timeout=10000)
    assert view.hits == () and view.page == 0
    view.find_bar.field.clear()
    view.find_bar.field.insert("bảng kê")  # typed with its diacritics (QTest types ASCII only)
    qtbot.waitUntil(lambda: view.find_bar.count.text() == "1/1", timeout=10000)
    _rendered(qtbot, view, 1)
    qtbot.keyClick(view.find_bar.field, Qt.Key.Key_Escape)  # Esc: closed, highlights gone
    assert not view.find_bar.isVisible() and view.hits == ()


def test_go_to_page_turns_to_it_and_outlines_a_rectangle(qtbot, view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view.open(_text_pdf(tmp_path / "qd.pdf"))
    _rendered(qtbot, view, 0)
    stamp = (60.0, 280.0, 400.0, 320.0)
    view.go_to_page(2, stamp)
    _rendered(qtbot, view, 2)
    assert view.page_box.value() == 3 and view.outline == (2, stamp)
    from ui.views.pdf_view import to_pixels

    assert view.rendered is not None
    box = to_pixels(view.rendered.matrix, stamp).adjusted(-4, -4, 4, 4)
    edge = view.canvas.pixmap().toImage().pixelColor(int(box.left()), int(box.center().y()))
    assert edge.blue() > 150 and edge.red() < 80, edge.name()  # the blue outline
    qtbot.waitUntil(lambda: view.outline is None, timeout=5000)  # only for a moment


def test_ctrl_f_in_a_document_finds_in_its_pdf_not_in_the_list(
    qtbot, server_factory, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import open_window
    from tests.ui.test_printing import letter_with_annex, upload_letter

    server = server_factory()
    made = upload_letter(server, letter_with_annex(tmp_path / "qd.pdf"))
    win = open_window(qtbot, server, "clerk")
    win.open_document(made.id)
    view = win.document_view
    qtbot.waitUntil(lambda: view.pdf.pages == 3 and view.pdf.rendered is not None, timeout=20000)
    win.activateWindow()
    view.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = view.pdf.find_bar.field
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=5000)
    assert win.stack.currentWidget() is view  # still in the document, the list untouched
    qtbot.keyClicks(field, "luat dat dai")
    qtbot.waitUntil(lambda: view.pdf.find_bar.count.text() == "1/13", timeout=10000)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert view.pdf.find_bar.count.text() == "2/13"
    qtbot.wait(200)  # the page repainted and scrolled
    screenshot(win, "pdf-find")
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # Esc: the bar closes, the document stays
    assert not view.pdf.find_bar.isVisible() and win.stack.currentWidget() is view
    # Ctrl+P: the print dialog, for the document on screen
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QPrintDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=5000,
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog))
    dialog.reject()
