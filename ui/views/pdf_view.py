"""PDF viewer: pages rendered with PyMuPDF off the GUI thread, thumbnails,
zoom, fit width, page navigation and text search with highlights.

A file that cannot be shown (encrypted, corrupt, truncated, empty) is
checked with the same ``base.pdf.check_pdf`` the upload engine and signing
use, and the viewer says why instead of a blank page; a file with an open
password gets a password box."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from base.errors import current_language
from base.pdf import BadPdf, PdfProblem, check_pdf

from ..workers import run_task

__all__ = ["PdfView", "RenderedPage", "render_page"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedPage:
    """One page drawn by PyMuPDF in a worker, ready for the GUI to wrap in a QImage."""

    index: int
    samples: _Samples | bytes
    width: int
    height: int
    hits: tuple[tuple[float, float, float, float], ...]
    """Search matches as (x, y, w, h) in pixels."""
    pages: int

    def image(self) -> QImage:
        data = self.samples.view if isinstance(self.samples, _Samples) else self.samples
        return QImage(
            data, self.width, self.height, self.width * 3, QImage.Format.Format_RGB888
        ).copy()


class _Samples:
    """A pixmap's pixels as a buffer, holding the pixmap so the memory stays valid.

    The GUI copies the view into a QImage: no extra 6 MB copy per A4 page at 150 dpi.
    """

    def __init__(self, pixmap: Any) -> None:
        self.pixmap = pixmap
        self.view = pixmap.samples_mv


def _open(path: str, password: str | None) -> Any:
    import pymupdf  # imported in the worker, off the start-up path

    doc = pymupdf.open(path)
    if doc.needs_pass:
        doc.authenticate(password or "")
    return doc


def inspect_pdf(path: str, password: str | None) -> int:
    """Runs in a worker: the page count, or ``BadPdf`` saying why the file cannot be shown."""
    return check_pdf(Path(path), password)


def render_page(
    path: str, index: int, zoom: float, needle: str = "", password: str | None = None
) -> RenderedPage:
    """Runs in a worker."""
    import pymupdf

    with _open(path, password) as doc:
        page = doc[index]
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        hits = (
            tuple(
                (r.x0 * zoom, r.y0 * zoom, r.width * zoom, r.height * zoom)
                for r in page.search_for(needle)
            )
            if needle
            else ()
        )
        return RenderedPage(index, _Samples(pix), pix.width, pix.height, hits, doc.page_count)


def render_thumbnails(
    path: str, limit: int = 60, password: str | None = None
) -> list[RenderedPage]:
    import pymupdf

    out = []
    with _open(path, password) as doc:
        for index in range(min(limit, doc.page_count)):
            pix = doc[index].get_pixmap(matrix=pymupdf.Matrix(0.18, 0.18), alpha=False)
            out.append(
                RenderedPage(index, bytes(pix.samples), pix.width, pix.height, (), doc.page_count)
            )
    return out


class PdfView(QWidget):
    page_rendered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None
        self.password: str | None = None
        self.problem: PdfProblem | None = None
        self.checked = False
        self.page = 0
        self.pages = 0
        self.zoom = 1.25
        self.fit_width = True
        self.thumbs = QListWidget()
        self.thumbs.setIconSize(QSize(96, 128))
        self.thumbs.setFixedWidth(150)  # room for a 96 px page and its number, never squeezed
        self.thumbs.currentRowChanged.connect(self.go_to)
        self.canvas = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.canvas.setObjectName("pdfCanvas")
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setWidgetResizable(True)
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.count_label = QLabel("/ 0")
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(self.tr("Tìm trong văn bản…"))
        self.find_box.setMinimumWidth(160)
        self.find_box.returnPressed.connect(self.redraw)
        buttons = []
        for text, tip, slot in (
            ("◀", self.tr("Trang trước"), self.previous),
            ("▶", self.tr("Trang sau"), self.next),
            ("−", self.tr("Thu nhỏ"), lambda: self.set_zoom(self.zoom / 1.2)),
            ("+", self.tr("Phóng to"), lambda: self.set_zoom(self.zoom * 1.2)),
            (self.tr("Vừa chiều rộng"), "", self.fit),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setSizePolicy(
                QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed
            )  # the search box takes the rest
            if len(text) == 1:  # ◀ ▶ − +: narrow, so the viewer fits a 1366 px laptop screen
                button.setFixedWidth(36)
            button.clicked.connect(slot)
            buttons.append(button)
        bar = QHBoxLayout()
        bar.addWidget(buttons[0])
        bar.addWidget(self.page_box)
        bar.addWidget(self.count_label)
        bar.addWidget(buttons[1])
        for button in buttons[2:]:
            bar.addWidget(button)
        bar.addWidget(self.find_box, 1)
        self.problem_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.problem_label.setObjectName("pdfProblem")
        self.problem_label.setStyleSheet("color: #b71c1c; font-size: 14px; padding: 24px;")
        self.password_box = QLineEdit()
        self.password_box.setObjectName("pdfPassword")
        self.password_box.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_box.setPlaceholderText(self.tr("Mật khẩu mở tệp"))
        self.password_box.setMaximumWidth(280)
        self.password_box.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("Mở tệp"))
        self.unlock_button.setObjectName("pdfUnlock")
        self.unlock_button.clicked.connect(self._unlock)
        unlock_row = QHBoxLayout()
        unlock_row.addStretch(1)
        unlock_row.addWidget(self.password_box)
        unlock_row.addWidget(self.unlock_button)
        unlock_row.addStretch(1)
        self.problem_panel = QWidget()
        self.problem_panel.setObjectName("pdfProblemPanel")
        panel = QVBoxLayout(self.problem_panel)
        panel.addStretch(1)
        panel.addWidget(self.problem_label)
        panel.addLayout(unlock_row)
        panel.addStretch(2)
        self.problem_panel.hide()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.scroll_area, 1)
        column.addWidget(self.problem_panel, 1)
        layout = QHBoxLayout(self)  # thumbnails have a fixed width: no splitter to leave a gap
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbs)
        layout.addWidget(right, 1)

    def open(self, path: Path, password: str | None = None) -> None:
        """Check the file first (off the GUI thread); render it, or say why it cannot be."""
        self.path, self.page, self.password, self.pages = str(path), 0, password, 0
        self.checked = False  # nothing is drawn until the shared check has passed
        self.thumbs.clear()
        self.canvas.clear()
        run_task(
            inspect_pdf,
            self.path,
            password,
            on_done=self._opened,
            on_error=self._refused,
            owner=self,
        )

    def _opened(self, pages: int) -> None:
        self.problem, self.checked = None, True
        self.problem_panel.hide()
        self.scroll_area.show()
        self.redraw()  # ``pages`` is set when the first page is on screen
        run_task(
            render_thumbnails, self.path, 60, self.password, on_done=self._thumbnails, owner=self
        )

    def _refused(self, exc: Exception) -> None:
        """The file cannot be shown: say why, in the UI language, and offer a password."""
        self.problem = exc.problem if isinstance(exc, BadPdf) else PdfProblem.CORRUPT
        if isinstance(exc, BadPdf):
            text = exc.message(current_language())
        else:
            logger.warning("cannot show %s: %r", self.path, exc)
            text = self.tr("Không hiển thị được tệp này.")
        wants_password = self.problem is PdfProblem.PASSWORD
        if wants_password and self.password:
            text = self.tr("Mật khẩu không đúng. Hãy nhập lại mật khẩu mở tệp.")
        self.problem_label.setText(text)
        self.password_box.setVisible(wants_password)
        self.unlock_button.setVisible(wants_password)
        self.password_box.clear()
        self.scroll_area.hide()
        self.problem_panel.show()
        self.count_label.setText("")
        if wants_password:
            self.password_box.setFocus()

    def show_message(self, text: str) -> None:
        """No page to draw (a document without a file): say so where the page would be."""
        self.path, self.checked, self.pages = None, False, 0
        self.thumbs.clear()
        self.canvas.clear()
        self.problem_label.setText(text)
        self.password_box.hide()
        self.unlock_button.hide()
        self.scroll_area.hide()
        self.problem_panel.show()
        self.count_label.setText("")

    def _unlock(self) -> None:
        if self.path and self.password_box.text():
            self.open(Path(self.path), self.password_box.text())

    def _thumbnails(self, thumbs: list[RenderedPage]) -> None:
        self.thumbs.blockSignals(True)
        for thumb in thumbs:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(thumb.image())), str(thumb.index + 1))
            self.thumbs.addItem(item)
        self.thumbs.setCurrentRow(self.page)
        self.thumbs.blockSignals(False)

    def redraw(self) -> None:
        if self.path is None or not self.checked:
            return
        zoom = self.zoom
        if self.fit_width:
            zoom = max(0.3, (self.scroll_area.viewport().width() - 24) / 595)
        run_task(
            render_page,
            self.path,
            self.page,
            zoom,
            self.find_box.text().strip(),
            self.password,
            on_done=self._show,
            owner=self,
        )

    def _show(self, page: RenderedPage) -> None:
        index, hits, pages = page.index, page.hits, page.pages
        image = page.image()
        if hits:
            painter = QPainter(image)
            for x, y, w, h in hits:
                painter.fillRect(int(x), int(y), int(w), int(h), QColor(255, 213, 0, 110))
            painter.end()
        self.pages = pages
        self.canvas.setPixmap(QPixmap.fromImage(image))
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, pages))
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.count_label.setText(f"/ {pages}")
        if index < self.thumbs.count():  # keep the thumbnail strip on the page shown
            self.thumbs.blockSignals(True)
            self.thumbs.setCurrentRow(index)
            self.thumbs.blockSignals(False)
        self.page_rendered.emit(index)

    def go_to(self, index: int) -> None:
        if self.path and 0 <= index < max(1, self.pages) and index != self.page:
            self.page = index
            self.redraw()

    def next(self) -> None:
        self.go_to(self.page + 1)

    def previous(self) -> None:
        self.go_to(self.page - 1)

    def set_zoom(self, zoom: float) -> None:
        self.fit_width, self.zoom = False, max(0.25, min(6.0, zoom))
        self.redraw()

    def fit(self) -> None:
        self.fit_width = True
        self.redraw()
