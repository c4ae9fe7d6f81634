"""PDF viewer: pages rendered with PyMuPDF off the GUI thread, thumbnails,
zoom, fit width, page navigation and text search with highlights."""

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


def render_page(path: str, index: int, zoom: float, needle: str = "") -> RenderedPage:
    """Runs in a worker."""
    import pymupdf  # imported in the worker, off the start-up path

    with pymupdf.open(path) as doc:
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


def render_thumbnails(path: str, limit: int = 60) -> list[RenderedPage]:
    import pymupdf

    out = []
    with pymupdf.open(path) as doc:
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
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.scroll_area, 1)
        layout = QHBoxLayout(self)  # thumbnails have a fixed width: no splitter to leave a gap
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbs)
        layout.addWidget(right, 1)

    def open(self, path: Path) -> None:
        self.path, self.page = str(path), 0
        self.thumbs.clear()
        self.redraw()
        run_task(render_thumbnails, self.path, on_done=self._thumbnails, owner=self)

    def _thumbnails(self, thumbs: list[RenderedPage]) -> None:
        self.thumbs.blockSignals(True)
        for thumb in thumbs:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(thumb.image())), str(thumb.index + 1))
            self.thumbs.addItem(item)
        self.thumbs.setCurrentRow(self.page)
        self.thumbs.blockSignals(False)

    def redraw(self) -> None:
        if self.path is None:
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
