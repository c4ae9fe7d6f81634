"""PDF viewer: pages rendered with PyMuPDF off the GUI thread, thumbnails,
zoom, fit width, page navigation, and find (a bar with the count, every match highlighted,
the current one stronger and scrolled to; ``pdf_find``).

A file that cannot be shown (encrypted, corrupt, truncated, empty) is
checked with the same ``base.pdf.check_pdf`` the upload engine and signing
use, and the viewer says why instead of a blank page; a file with an open
password gets a password box."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut
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
from base.pdf import BadPdf, PdfProblem

from ..workers import Task, run_task
from .pdf_find import FindBar, FindHit, FindResult, Rect, find_text
from .pdf_render import RenderedPage, inspect_pdf, render_page, render_thumbnails, to_pixels

__all__ = ["PdfView", "RenderedPage", "render_page"]

OUTLINE_MS = 2500
"""How long ``go_to_page`` keeps its rectangle outlined."""

logger = logging.getLogger(__name__)


class PdfView(QWidget):
    page_rendered = Signal(int)
    find_bar: FindBar
    find_button: QPushButton
    rendered: RenderedPage | None
    base_image: QImage | None
    _render_serial: int
    _search_timer: QTimer

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
        self._init_find()
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
        bar.addStretch(1)
        bar.addWidget(self.find_button)
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
        column.addWidget(self.find_bar)
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
        self._forget_page()
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
        if self.find_bar.isVisible() and self.find_bar.field.text().strip():
            self._search()
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
        self._forget_page()
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
        self._render_serial += 1
        serial = self._render_serial
        run_task(
            render_page,
            self.path,
            self.page,
            zoom,
            self.password,
            on_done=lambda page: self._show(page, serial),
            on_error=self._not_rendered,
            owner=self,
        )

    def _not_rendered(self, exc: Exception) -> None:
        logger.warning("page %d of %s not rendered: %r", self.page + 1, self.path, exc)

    def _show(self, page: RenderedPage, serial: int | None = None) -> None:
        if serial is not None and serial != self._render_serial:
            return  # a newer page, zoom or file was asked for meanwhile
        index, pages = page.index, page.pages
        self.rendered, self.base_image = page, page.image()
        self.pages = pages
        self._paint()
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, pages))
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.count_label.setText(f"/ {pages}")
        if index < self.thumbs.count():  # keep the thumbnail strip on the page shown
            self.thumbs.blockSignals(True)
            self.thumbs.setCurrentRow(index)
            self.thumbs.blockSignals(False)
        QTimer.singleShot(0, self, self._scroll_to_focus)  # not after the view is gone
        self.page_rendered.emit(index)

    def _paint(self) -> None:
        """The rendered page with the matches on it (the current one stronger) and the outline."""
        page, base = self.rendered, self.base_image
        if page is None or base is None:
            return
        image = base.copy()
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current = self.hits[self.current] if 0 <= self.current < len(self.hits) else None
        for hit in self.hits:
            if hit.page == page.index and hit is not current:
                for rect in hit.rects:
                    painter.fillRect(to_pixels(page.matrix, rect), QColor(255, 213, 0, 100))
        if current is not None and current.page == page.index:
            painter.setPen(QPen(QColor(230, 81, 0), 2))
            for rect in current.rects:
                box = to_pixels(page.matrix, rect).adjusted(-1, -1, 1, 1)
                painter.fillRect(box, QColor(255, 120, 0, 150))
                painter.drawRect(box)
        if self.outline is not None and self.outline[0] == page.index:
            painter.setPen(QPen(QColor(21, 101, 192), 4))
            painter.drawRect(to_pixels(page.matrix, self.outline[1]).adjusted(-4, -4, 4, 4))
        painter.end()
        self.canvas.setPixmap(QPixmap.fromImage(image))

    def _focus_rect(self) -> QRectF | None:
        """In image pixels: the current match or the outlined rectangle, if on the page shown."""
        page = self.rendered
        if page is None:
            return None
        if self.outline is not None and self.outline[0] == page.index:
            return to_pixels(page.matrix, self.outline[1])
        if 0 <= self.current < len(self.hits) and self.hits[self.current].page == page.index:
            boxes = [to_pixels(page.matrix, r) for r in self.hits[self.current].rects]
            box = boxes[0]
            for other in boxes[1:]:
                box = box.united(other)
            return box
        return None

    def _scroll_to_focus(self) -> None:
        box, pixmap = self._focus_rect(), self.canvas.pixmap()
        if box is None or pixmap is None or pixmap.isNull():
            return
        left = max(0, (self.canvas.width() - pixmap.width()) // 2)  # the page is centred
        top = max(0, (self.canvas.height() - pixmap.height()) // 2)
        centre = box.center()
        self.scroll_area.ensureVisible(
            int(left + centre.x()),
            int(top + centre.y()),
            int(box.width() / 2 + 60),
            int(box.height() / 2 + 80),
        )

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

    # -- find ------------------------------------------------------------------------------
    def _init_find(self) -> None:
        self.rendered = None
        self.base_image = None
        self._render_serial = 0
        self.hits: tuple[FindHit, ...] = ()
        self.current = -1
        self.found_for = ""
        """The text the hits were found for ("" before any search)."""
        self.outline: tuple[int, Rect] | None = None
        self._search_serial = 0
        self._search_task: Task | None = None
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.changed.connect(lambda _text: self._search_timer.start())
        self.find_bar.step.connect(self.find_step)
        self.find_bar.closed.connect(self.close_find)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self._search)
        self._outline_timer = QTimer(self, singleShot=True, interval=OUTLINE_MS)
        self._outline_timer.timeout.connect(self._clear_outline)
        self.find_button = QPushButton(self.tr("Tìm…"))
        self.find_button.setObjectName("pdfFindButton")
        self.find_button.setToolTip(self.tr("Tìm trong văn bản (Ctrl+F)"))
        self.find_button.clicked.connect(self.open_find)
        for keys, step in (("F3", 1), ("Shift+F3", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._f3(step))

    def _forget_page(self) -> None:
        """Another file (or none): no page, no match, no outline from the previous one."""
        self._render_serial += 1
        self._search_serial += 1
        self.rendered = self.base_image = None
        self.hits, self.current, self.found_for, self.outline = (), -1, "", None
        self.find_bar.clear()

    def open_find(self) -> None:
        """Ctrl+F: the find bar, its text selected to type over."""
        self.find_bar.show()
        self.find_bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.field.selectAll()

    def close_find(self) -> bool:
        """Esc: the bar closes and the highlights go; False when it was not open."""
        if not self.find_bar.isVisible():
            return False
        self._search_timer.stop()
        self._search_serial += 1
        self.hits, self.current, self.found_for = (), -1, ""
        self.find_bar.clear()
        self.find_bar.hide()
        self._paint()
        self.scroll_area.setFocus()
        return True

    def _f3(self, step: int) -> None:
        if not self.find_bar.isVisible():
            self.open_find()
        self.find_step(step)

    def find_step(self, step: int) -> None:
        """Next (+1) or previous (-1) match; the text just typed is searched first."""
        needle = self.find_bar.field.text().strip()
        if needle != self.found_for or self._search_timer.isActive():
            self._search()
            return
        if self.hits:
            self.current = (self.current + step) % len(self.hits)
            self._show_current()

    def _search(self) -> None:
        self._search_timer.stop()
        if self._search_task is not None:
            self._search_task.cancel.set()
        self._search_serial += 1
        serial = self._search_serial
        needle = self.find_bar.field.text().strip()
        self.found_for = needle
        if not needle or self.path is None or not self.checked:
            self.hits, self.current = (), -1
            self.find_bar.clear()
            self._paint()
            return
        self.find_bar.show_searching()
        self._search_task = run_task(
            find_text,
            self.path,
            needle,
            self.password,
            on_done=lambda result: self._found(result, serial),
            on_error=lambda exc: self._not_found(exc, serial),
            owner=self,
        )

    def _found(self, result: FindResult, serial: int) -> None:
        if serial != self._search_serial:
            return  # typed on meanwhile
        self._search_task = None
        self.hits = result.hits
        if not self.hits:
            self.current = -1
            self.find_bar.show_nothing(result.searchable)
            self._paint()
            return
        after = [i for i, hit in enumerate(self.hits) if hit.page >= self.page]
        self.current = after[0] if after else 0  # the first match from the page being read
        self._show_current()

    def _not_found(self, exc: Exception, serial: int) -> None:
        if serial == self._search_serial:
            self._search_task = None
            logger.warning("search in %s failed: %r", self.path, exc)
            self.find_bar.show_nothing(searchable=True)

    def _show_current(self) -> None:
        hit = self.hits[self.current]
        self.find_bar.show_position(self.current + 1, len(self.hits))
        if hit.page != self.page or self.rendered is None or self.rendered.index != hit.page:
            self.page = hit.page
            self.redraw()  # painted and scrolled to once rendered
            return
        self._paint()
        self._scroll_to_focus()

    # -- go to a place ---------------------------------------------------------------------
    def go_to_page(self, index: int, rect: Rect | None = None) -> None:
        """Show page ``index`` (0-based) and, for a moment, outline ``rect`` on it.

        ``rect`` is (x0, y0, x1, y1) in PyMuPDF page coordinates: points from the top left of
        the unrotated page, as ``page.search_for`` or a signature widget's ``rect`` give (a
        PDF rectangle from the bottom left is ``(x0, h - y1, x1, h - y0)``)."""
        if self.path is None or index < 0 or (self.pages and index >= self.pages):
            return
        self.outline = (index, rect) if rect is not None else None
        if rect is not None:
            self._outline_timer.start()
        if index != self.page or self.rendered is None or self.rendered.index != index:
            self.page = index
            self.redraw()
            return
        self._paint()
        self._scroll_to_focus()

    def _clear_outline(self) -> None:
        if self.outline is not None:
            self.outline = None
            self._paint()
