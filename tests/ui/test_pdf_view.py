"""The viewer says why a file cannot be shown, and opens password-protected ones."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

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
