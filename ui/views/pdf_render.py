"""Pages drawn by PyMuPDF in a worker, for the viewer: the file's check, a page at a zoom with
the matrix that places page coordinates on it, the thumbnails."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from base.pdf import check_pdf, unlock

from .pdf_find import Rect

__all__ = [
    "Matrix",
    "RenderedPage",
    "inspect_pdf",
    "render_page",
    "render_thumbnails",
    "to_pixels",
]

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class RenderedPage:
    """One page drawn by PyMuPDF in a worker, ready for the GUI to wrap in a QImage."""

    index: int
    samples: _Samples | bytes
    width: int
    height: int
    matrix: Matrix
    """From page coordinates (unrotated, points) to this image's pixels."""
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
    unlock(doc, password)  # the empty open password first, as every reader
    return doc


def inspect_pdf(path: str, password: str | None) -> int:
    """Runs in a worker: the page count, or ``BadPdf`` saying why the file cannot be shown."""
    return check_pdf(Path(path), password)


def render_page(path: str, index: int, zoom: float, password: str | None = None) -> RenderedPage:
    """Runs in a worker."""
    import pymupdf

    with _open(path, password) as doc:
        page = doc[index]
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        m = page.rotation_matrix * pymupdf.Matrix(zoom, zoom)
        matrix = (m.a, m.b, m.c, m.d, m.e, m.f)
        return RenderedPage(index, _Samples(pix), pix.width, pix.height, matrix, doc.page_count)


def to_pixels(matrix: Matrix, rect: Rect) -> QRectF:
    """A rectangle in page coordinates, as drawn on the rendered (maybe rotated) image."""
    a, b, c, d, e, f = matrix
    x0, y0, x1, y1 = rect
    xs, ys = [], []
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


_NO_MATRIX: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def render_thumbnails(
    path: str, limit: int = 60, password: str | None = None
) -> list[RenderedPage]:
    import pymupdf

    out = []
    with _open(path, password) as doc:
        for index in range(min(limit, doc.page_count)):
            pix = doc[index].get_pixmap(matrix=pymupdf.Matrix(0.18, 0.18), alpha=False)
            out.append(
                RenderedPage(
                    index, bytes(pix.samples), pix.width, pix.height, _NO_MATRIX, doc.page_count
                )
            )
    return out
