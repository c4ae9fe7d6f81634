"""Printing a document (Decree 30/2020 Appendix VI III.6.i, III.6.k): its PDF as it is, and
optionally its information sheet, with a mark in the margin of every page saying who printed
which version and when; the print is then recorded in the document's access history.

:func:`print_document` paints on any ``QPrinter`` (a real printer after the print dialog, or
a PDF file); QPainter may paint on a QPrinter outside the GUI thread, so the whole job runs in
a worker: each page is rendered by PyMuPDF at the printer's resolution (at most
:data:`MAX_DPI`), turned to the page's own orientation and fitted above the mark.
:class:`DocumentPrinter` is the window's side: the dialog, the worker, the record."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from base.audit import Access
from base.errors import current_language
from base.pdf import unlock
from base.progress import CancelToken, Progress, is_cancelled
from client.records import Document
from services.printing import (
    InfoSheet,
    PrintCancelled,
    PrintError,
    Vocabulary,
    info_sheet,
    numbered_mark,
    print_mark,
)
from services.workspace import Workspace

from .errors import describe
from .labels import role_label, secrecy_label, status_label, step_label, urgency_label
from .workers import Task, run_task

__all__ = [
    "MAX_DPI",
    "DocumentPrinter",
    "PrintJob",
    "PrintResult",
    "print_document",
    "sheet_html",
]

logger = logging.getLogger(__name__)

MAX_DPI = 300
"""Pages are rendered at the printer's resolution up to this: a 1200 dpi A4 page would be
400 MB of pixels, and 300 dpi already prints text and seals sharply."""
MARK_POINTS = 8.0
SHEET_MARGIN_MM = 12.0
"""Inside the printer's margins: the sheet reads like a page of its own."""


@dataclass(frozen=True)
class PrintJob:
    """What to print; made on the GUI thread, printed in a worker."""

    mark: str
    """The margin mark (``services.printing.print_mark``); each page adds its number."""
    pdf: Path | None = None
    """The document's file, printed as it is; None prints the sheet alone."""
    pages: tuple[int, ...] | None = None
    """0-based pages of the file to print; None prints every page."""
    sheet: str = ""
    """The information sheet as HTML (:func:`sheet_html`), printed before the file's pages."""
    password: str | None = None
    language: str = "vi"


@dataclass(frozen=True)
class PrintResult:
    pages: int
    """Pages printed (one copy), the sheet's included."""
    document_pages: int
    sheet_pages: int


def sheet_html(sheet: InfoSheet) -> str:
    """The sheet laid out for ``QTextDocument``: heading, metadata table, handlers, timeline."""
    e = html.escape
    rows = "".join(
        f"<tr><td class='label'>{e(label)}</td><td>{e(value)}</td></tr>"
        for label, value in sheet.rows
    )
    parts = [
        f"<p class='organisation'>{e(sheet.organisation)}</p>",
        f"<p class='title'>{e(sheet.title)}</p>",
        f"<p class='heading'>{e(sheet.heading)}</p>" if sheet.heading else "",
        f"<table class='meta' width='100%' cellspacing='0' cellpadding='3'>{rows}</table>",
    ]
    if sheet.handlers or sheet.deliveries:
        items = "".join(f"<li>{e(line)}</li>" for line in (*sheet.handlers, *sheet.deliveries))
        parts.append(
            f"<p class='gap'>&nbsp;</p><p class='section'>{e(sheet.handlers_title)}</p><ul>{items}</ul>"
        )
    parts.append(f"<p class='gap'>&nbsp;</p><p class='section'>{e(sheet.timeline_title)}</p>")
    if sheet.timeline:
        head = "".join(f"<th>{e(c)}</th>" for c in sheet.columns)
        body = "".join(
            "<tr>"
            f"<td>{e(s.when)}</td>"
            f"<td>{e(s.step)}{'<br/>' + e(s.change) if s.change else ''}</td>"
            f"<td>{e(s.who)}</td><td>{e(s.comment)}</td></tr>"
            for s in sheet.timeline
        )
        parts.append(
            "<table class='steps' width='100%' cellspacing='0' cellpadding='3' border='1'>"
            f"<tr>{head}</tr>{body}</table>"
        )
    else:
        parts.append(f"<p>{e(sheet.nothing_yet)}</p>")
    style = (
        "<style>"
        "body {font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 11pt;}"
        "p.organisation {font-weight: bold;}"
        "p.title {font-size: 15pt; font-weight: bold; text-align: center; margin-top: 12pt;}"
        "p.heading {font-size: 12pt; text-align: center; margin-bottom: 10pt;}"
        "td.label {font-weight: bold; width: 30%;}"
        "p.gap {font-size: 6pt;}"  # Qt keeps no margin after a table: a small empty line
        "p.section {font-size: 12pt; font-weight: bold; margin-bottom: 4pt;}"
        "table.steps {border-collapse: collapse; font-size: 10pt;}"
        "th {font-weight: bold; background-color: #eeeeee;}"
        "</style>"
    )
    return f"<html><head>{style}</head><body>{''.join(parts)}</body></html>"


class _Pages:
    """The open print job: one QPainter on the printer, a new page in a given orientation."""

    def __init__(self, printer: QPrinter, painter: QPainter, job: PrintJob) -> None:
        self.printer, self.painter, self.job = printer, painter, job
        self.done = self.total = 0
        self.font = QFont("Times New Roman")
        self.font.setPointSizeF(MARK_POINTS)
        self.band = QFontMetricsF(self.font, printer).height() * 1.8

    def area(self) -> QRectF:
        """The printable area in device pixels, painter coordinates (origin at its corner)."""
        rect = self.printer.pageRect(QPrinter.Unit.DevicePixel)
        return QRectF(0, 0, rect.width(), rect.height())

    def start(self, landscape: bool) -> None:
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        if self.printer.pageLayout().orientation() != orientation:
            self.printer.setPageOrientation(orientation)
        if self.done == 0:
            if not self.painter.begin(self.printer):
                raise PrintError()
        elif not self.printer.newPage():
            raise PrintError()

    def sheet_margin(self) -> float:
        return self.printer.resolution() * SHEET_MARGIN_MM / 25.4

    def body(self) -> QRectF:
        """Where a page goes: the printable area less the band of the mark at its foot."""
        area = self.area()
        return QRectF(0, 0, area.width(), area.height() - self.band)

    def finish_page(self) -> None:
        """The mark in the band at the foot of the page, then count the page."""
        self.done += 1
        area = self.area()
        painter = self.painter
        painter.save()
        painter.setFont(self.font)
        painter.setPen(QColor(90, 90, 90))
        text = numbered_mark(self.job.mark, self.done, self.total, self.job.language)
        band = QRectF(0, area.height() - self.band, area.width(), self.band)
        painter.drawText(band, int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()


def _open_pdf(job: PrintJob) -> Any:
    import pymupdf  # in the worker, off the start-up path

    if job.pdf is None:
        return None
    doc = pymupdf.open(str(job.pdf))
    unlock(doc, job.password)
    return doc


def _sheet(job: PrintJob, pages: _Pages) -> QTextDocument | None:
    """The sheet laid out on portrait pages, inside the body and a margin of its own."""
    if not job.sheet:
        return None
    pages.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    layout = QTextDocument()
    layout.documentLayout().setPaintDevice(pages.printer)
    layout.setDocumentMargin(0)
    layout.setHtml(job.sheet)
    body, margin = pages.body(), pages.sheet_margin()
    layout.setPageSize(QSizeF(body.width() - 2 * margin, body.height() - 2 * margin))
    return layout


def _print_sheet(pages: _Pages, layout: QTextDocument, cancel: CancelToken | None) -> None:
    painter, margin = pages.painter, pages.sheet_margin()
    size = layout.pageSize()
    for index in range(layout.pageCount()):
        if is_cancelled(cancel):
            raise PrintCancelled()
        pages.start(landscape=False)
        painter.save()
        painter.translate(margin, margin - index * size.height())
        layout.drawContents(painter, QRectF(0, index * size.height(), size.width(), size.height()))
        painter.restore()
        pages.finish_page()


def _print_page(pages: _Pages, page: Any) -> None:
    """One PDF page, as it is shown (its /Rotate applied), fitted and centred above the mark."""
    import pymupdf

    width, height = page.rect.width, page.rect.height  # after the page's rotation
    pages.start(landscape=width > height)
    body = pages.body()
    scale = min(body.width() / width, body.height() / height)  # device pixels per point
    zoom = min(scale, pages.printer.resolution() / 72, MAX_DPI / 72)
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    image = QImage(pix.samples_mv, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
    target = QRectF(0, 0, width * scale, height * scale)
    target.moveCenter(body.center())
    pages.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    pages.painter.drawImage(target, image)
    del image, pix
    pages.finish_page()


def print_document(
    printer: QPrinter,
    job: PrintJob,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> PrintResult:
    """Print ``job`` on ``printer`` (already set up: a dialog's choice or a PDF file).

    Safe in a worker thread; raises ``PrintError`` when the printer refuses the job and
    ``PrintCancelled`` when ``cancel`` is set (the job is then aborted)."""
    painter = QPainter()
    try:
        with _open_pdf(job) or _NoFile() as doc:
            indexes: Sequence[int] = (
                job.pages if job.pages is not None else range(doc.page_count if doc else 0)
            )
            if doc is not None:
                indexes = [i for i in indexes if 0 <= i < doc.page_count]
            pages = _Pages(printer, painter, job)
            layout = _sheet(job, pages)
            sheet_pages = layout.pageCount() if layout is not None else 0
            total = pages.total = sheet_pages + len(indexes)
            if total == 0:
                raise PrintError("Không có trang nào để in.", "There is no page to print.")
            if layout is not None:
                _print_sheet(pages, layout, cancel)
            for index in indexes:
                if is_cancelled(cancel):
                    raise PrintCancelled()
                _print_page(pages, doc[index])  # indexes is empty without a file
                if progress:
                    progress(pages.done, total)
    except PrintError:
        if painter.isActive():
            printer.abort()
            painter.end()
        raise
    except Exception as exc:
        if painter.isActive():
            printer.abort()
            painter.end()
        logger.warning("printing failed: %r", exc)
        raise PrintError() from exc
    if painter.isActive() and not painter.end():
        raise PrintError()
    return PrintResult(total, len(indexes), sheet_pages)


class _NoFile:
    """Stands for the file when the sheet is printed alone."""

    def __enter__(self) -> Any:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _vocabulary() -> Vocabulary:
    return Vocabulary(
        status=status_label,
        step=step_label,
        role=role_label,
        urgency=urgency_label,
        secrecy=secrecy_label,
    )


class DocumentPrinter(QObject):
    """The window's printing of one document: dialog, job in a worker, record in the history.

    ``message`` carries what to tell the user (printing, printed, failed); ``printed`` fires
    once the print is recorded (or queued while offline)."""

    message = Signal(str)
    printed = Signal(int)
    """The document's id, once the print has been recorded."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent
        self.task: Task | None = None
        self.printer: QPrinter | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def job(
        self,
        document: Document,
        pdf: Path | None,
        with_sheet: bool,
        pages: tuple[int, ...] | None = None,
        at: dt.datetime | None = None,
    ) -> PrintJob:
        language = current_language()
        moment = at or dt.datetime.now().astimezone()
        mark = print_mark(self.workspace.user.full_name, moment, document.current_version, language)
        sheet = ""
        if with_sheet or pdf is None:
            organisation = self.workspace.user.organisation_name
            sheet = sheet_html(info_sheet(document, organisation, _vocabulary(), language))
        return PrintJob(mark=mark, pdf=pdf, pages=pages, sheet=sheet, language=language)

    def ask(
        self, document: Document, pdf: Path | None, with_sheet: bool, current_page: int, pages: int
    ) -> None:
        """The print dialog; accepted, the chosen printer prints the document."""
        if self.busy:
            self.message.emit(self.tr("Lệnh in trước chưa xong, hãy chờ một chút."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{document.doc_type} {document.number_symbol}".strip() or "Văn thư số")
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("In văn bản"))
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(option.PrintCurrentPage, pdf is not None)
        dialog.setOption(option.PrintPageRange, pdf is not None)
        if pdf is not None and pages:
            dialog.setMinMax(1, pages)
        self.printer = printer

        def accepted() -> None:
            chosen = _chosen_pages(printer, current_page) if pdf is not None else None
            self.print_to(printer, self.job(document, pdf, with_sheet, chosen), document)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: QPrinter, job: PrintJob, document: Document) -> Task | None:
        """Print ``job`` on ``printer`` in a worker, then record the print (III.6.l)."""
        if self.busy:
            return None
        self.printer = printer
        self.message.emit(self.tr("Đang in…"))
        self.task = run_task(
            print_document,
            printer,
            job,
            on_done=lambda result: self._done(document, result),
            on_error=self._failed,
            on_progress=self._progress,
            owner=self,
        )
        return self.task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel.set()

    def _progress(self, done: int, total: int) -> None:
        self.message.emit(
            self.tr("Đang in trang %1/%2…").replace("%1", str(done)).replace("%2", str(total))
        )

    def _done(self, document: Document, result: PrintResult) -> None:
        self.task = None
        self.message.emit(
            self.tr("Đã in %1 trang.").replace("%1", QLocale().toString(result.pages))
        )
        run_task(
            self.workspace.record_access,
            document,
            Access.PRINT,
            on_done=lambda _none: self.printed.emit(document.id),
            on_error=self._not_recorded,
            owner=self,
        )

    def _not_recorded(self, exc: Exception) -> None:
        logger.warning("a print was not recorded: %s", exc)

    def _failed(self, exc: Exception) -> None:
        self.task = None
        title, message = describe(exc)
        self.message.emit(f"{title}: {message}")


def _chosen_pages(printer: QPrinter, current_page: int) -> tuple[int, ...] | None:
    """The pages the dialog chose, 0-based (None: all of them)."""
    chosen = printer.printRange()
    if chosen == QPrinter.PrintRange.CurrentPage:
        return (current_page,)
    if chosen == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return tuple(range(printer.fromPage() - 1, printer.toPage()))
    return None
