"""What a printed document carries besides its pages (Decree 30/2020 Appendix VI III.6.i,
III.6.k): the mark in the margin of every printed page (who printed which version, and when)
and the document's information sheet (its metadata, who handles it, the timeline of steps).

No Qt here: the window lays the sheet out and paints the pages; the words come in Vietnamese
or English, and the codes (status, step, role, urgency, secrecy) are named by a
:class:`Vocabulary` the caller passes (the window's translated labels)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from base.errors import VanThuError
from client.records import Document

__all__ = [
    "InfoSheet",
    "PrintCancelled",
    "PrintError",
    "SheetStep",
    "Vocabulary",
    "info_sheet",
    "numbered_mark",
    "print_mark",
]

logger = logging.getLogger(__name__)


class PrintError(VanThuError):
    title_vi = "Không in được"
    title_en = "Printing failed"
    message_vi = "Máy in không bắt đầu được lệnh in. Hãy kiểm tra máy in rồi in lại."
    message_en = "The printer could not start the job. Check the printer and print again."


class PrintCancelled(PrintError):
    title_vi = "Đã hủy in"
    title_en = "Printing cancelled"
    message_vi = "Lệnh in đã bị hủy."
    message_en = "The print job was cancelled."


def _words(vi: str, en: str, language: str) -> str:
    return en if language == "en" else vi


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M %d/%m/%Y")


def print_mark(full_name: str, at: dt.datetime, version: int, language: str = "vi") -> str:
    """The line printed in the bottom margin of every page: by whom, when, which version.

    ``at`` is shown as given (the caller passes local time)."""
    text = _words(
        f"In từ Văn thư số bởi {full_name} lúc {_when(at)}",
        f"Printed from Văn thư số by {full_name} at {_when(at)}",
        language,
    )
    if version:
        text += _words(f" — phiên bản {version}", f" — version {version}", language)
    return text


def numbered_mark(mark: str, page: int, pages: int, language: str = "vi") -> str:
    """The mark of printed page ``page`` (1-based) out of ``pages``."""
    return mark + _words(f" — trang {page}/{pages}", f" — page {page}/{pages}", language)


def _same(value: object) -> str:
    return str(value)


@dataclass(frozen=True)
class Vocabulary:
    """How the window names the codes the server sends (its translated labels)."""

    status: Callable[[str], str] = _same
    step: Callable[[str], str] = _same
    role: Callable[[str], str] = _same
    urgency: Callable[[int], str] = _same
    secrecy: Callable[[int], str] = _same


@dataclass(frozen=True)
class SheetStep:
    """One line of the timeline: when, which step, who, the status change and the comment."""

    when: str
    step: str
    who: str
    change: str = ""
    comment: str = ""


@dataclass(frozen=True)
class InfoSheet:
    """The information sheet of one document, every text ready to print."""

    title: str
    organisation: str
    heading: str
    """The document's type and number/notation, e.g. "Công văn 12/UBND-VP"."""
    rows: tuple[tuple[str, str], ...]
    """(label, value) of the metadata, empty values left out."""
    handlers_title: str
    handlers: tuple[str, ...]
    timeline_title: str
    columns: tuple[str, str, str, str]
    """The timeline table's headings: time, step, by whom, comment."""
    timeline: tuple[SheetStep, ...]
    nothing_yet: str = ""
    """Said instead of the timeline when there is none."""
    deliveries: tuple[str, ...] = field(default=())


def _day(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _rows(document: Document, words: Vocabulary, language: str) -> tuple[tuple[str, str], ...]:
    def w(vi: str, en: str) -> str:
        return _words(vi, en, language)

    version = next((v for v in document.versions if v.number == document.current_version), None)
    rows = (
        (w("Số, ký hiệu", "Number, notation"), document.number_symbol or "—"),
        (w("Loại văn bản", "Type"), document.doc_type),
        (w("Trích yếu", "Subject"), document.subject or "—"),
        (w("Ngày ban hành", "Issued on"), _day(document.issued_date)),
        (w("Cơ quan ban hành", "Issuing organ"), document.organ_name),
        (
            w("Người ký", "Signed by"),
            f"{document.signer_position} {document.signer_name}".strip(),
        ),
        (w("Số đến", "Arrival number"), str(document.arrival_number or "")),
        (w("Ngày đến", "Arrived on"), _day(document.arrival_date)),
        (w("Độ khẩn", "Urgency"), words.urgency(document.urgency) if document.urgency else ""),
        (w("Độ mật", "Secrecy"), words.secrecy(document.secrecy) if document.secrecy else ""),
        (w("Hạn xử lý", "Deadline"), _day(document.due_date)),
        (w("Nơi nhận", "Recipients"), "; ".join(document.to_places or document.recipients)),
        (w("Trạng thái", "Status"), words.status(document.status) if document.status else ""),
        (
            w("Phiên bản hiện hành", "Current version"),
            f"{version.number} ({version.filename})" if version else "",
        ),
    )
    return tuple((label, value) for label, value in rows if value)


def _handlers(document: Document, words: Vocabulary, language: str) -> tuple[str, ...]:
    lines = []
    for part in document.assignments:
        due = _words(", hạn ", ", due ", language) + _day(part.deadline) if part.deadline else ""
        lines.append(f"{words.step(part.kind)}: {part.user_name} — {words.step(part.state)}{due}")
    return tuple(lines)


def _timeline(document: Document, words: Vocabulary) -> tuple[SheetStep, ...]:
    steps = []
    for entry in document.trace:
        moved = (
            f"{words.status(entry.from_status)} → {words.status(entry.to_status)}"
            if entry.from_status and entry.from_status != entry.to_status
            else ""
        )
        steps.append(
            SheetStep(
                when=entry.at.astimezone().strftime("%d/%m/%Y %H:%M") if entry.at else "",
                step=words.step(entry.action),
                who=f"{entry.user_name} ({words.role(entry.role)})",
                change=moved,
                comment=entry.comment,
            )
        )
    return tuple(steps)


def info_sheet(
    document: Document, organisation: str, words: Vocabulary, language: str = "vi"
) -> InfoSheet:
    """The document's information sheet ("phiếu thông tin"), printed with or without its file."""

    def w(vi: str, en: str) -> str:
        return _words(vi, en, language)

    return InfoSheet(
        title=w("PHIẾU THÔNG TIN VĂN BẢN", "DOCUMENT INFORMATION SHEET"),
        organisation=organisation,
        heading=f"{document.doc_type} {document.number_symbol}".strip(),
        rows=_rows(document, words, language),
        handlers_title=w("Người xử lý", "Handled by"),
        handlers=_handlers(document, words, language),
        timeline_title=w("Quá trình xử lý", "Timeline"),
        columns=(
            w("Thời gian", "Time"),
            w("Bước xử lý", "Step"),
            w("Người thực hiện", "By"),
            w("Ý kiến", "Comment"),
        ),
        timeline=_timeline(document, words),
        nothing_yet=w("Chưa có bước xử lý nào được ghi lại.", "No step has been recorded yet."),
        deliveries=tuple(
            w(f"Nơi nhận {d.organisation}: ", f"Recipient {d.organisation}: ")
            + words.status(d.status)
            for d in document.deliveries
        ),
    )
