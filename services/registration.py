"""Registering an incoming document by hand (vào sổ văn bản đến): a paper letter with no
file, a PDF dropped on the window, a scan from a folder.

The form is checked here with the Decree 30 lengths; a PDF is opened for real first, and what
its first page says (number and notation, date, issuing organ, kind, summary) prefills the
form. On the server the document is created "arrived" and registered in one go by the
``register`` step, so the arrival number is taken atomically from the register and the ĐẾN
stamp, if asked for, goes on the file as a new version. Offline it waits in the outbox and,
once sent, waits in "Chờ vào sổ" for its number (a number is never made up offline).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from base.deadlines import today_in_vietnam
from base.errors import VanThuError
from base.pdf import check_pdf
from base.steps import Step
from client.errors import Conflict, ServerUnavailable
from client.records import Document

from .new_document import create_or_queue, refuse
from .session import Session
from .workflow import StepInput, StepOutcome, take_step

__all__ = [
    "register_arrived",
    "IncomingInput",
    "RegistrationOutcome",
    "InvalidRegistration",
    "PossibleDuplicate",
    "register_incoming",
    "prefill_from_pdf",
    "Prefill",
]

logger = logging.getLogger(__name__)


class InvalidRegistration(VanThuError):
    title_vi, title_en = "Thông tin vào sổ chưa hợp lệ", "The registration is not complete"


class PossibleDuplicate(VanThuError):
    """The server found this letter in the register already (Decree 30 III.1.h): nothing was
    numbered; ask the clerk, then register again with ``duplicate_ok`` on ``document``."""

    title_vi, title_en = "Có thể đã vào sổ", "Possibly registered already"

    def __init__(self, message_vi: str, message_en: str, document: Document) -> None:
        super().__init__(message_vi, message_en)
        self.document = document
        """The document as it is now (arrived, its checked fields saved)."""


def _register_step(
    session: Session, document: Document, stamp: bool, confirmed: bool, key: str | None = None
) -> StepOutcome:
    try:
        return take_step(
            session,
            document,
            StepInput(Step.REGISTER, stamp=stamp, duplicate_ok=confirmed),
            key=key,
        )
    except Conflict as exc:
        if exc.code != "duplicate":
            raise
        raise PossibleDuplicate(exc.message("vi"), exc.message("en"), document) from exc


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


@dataclass(frozen=True)
class IncomingInput:
    """The Decree 30 input fields of an incoming document, as the clerk enters them."""

    organ_name: str
    subject: str
    doc_type: str = "Công văn"
    code_number: str = ""
    code_notation: str = ""
    issued_date: dt.date | None = None
    urgency: int = 0
    secrecy: int = 0
    due_date: dt.date | None = None
    """Thời hạn giải quyết."""
    page_amount: int = 1
    to_places: tuple[str, ...] = ()
    description: str = ""
    file: Path | None = None
    stamp: bool = False
    """Put the ĐẾN stamp on the file's first page."""
    duplicate_ok: bool = False
    """The clerk was told it looks registered already and registers it all the same."""

    def problems(self, today: dt.date | None = None) -> list[tuple[str, str]]:
        today = today or today_in_vietnam()
        found: list[tuple[str, str]] = []
        organ, subject = _nfc(self.organ_name), _nfc(self.subject)
        if not organ:
            found.append(("Hãy nhập cơ quan ban hành.", "Enter the issuing organ."))
        elif len(organ) > 200:
            found.append(
                ("Cơ quan ban hành dài quá 200 ký tự.", "The issuing organ exceeds 200 characters.")
            )
        if not subject:
            found.append(("Hãy nhập trích yếu.", "Enter the summary."))
        elif len(subject) > 500:
            found.append(
                ("Trích yếu dài quá 500 ký tự.", "The summary is longer than 500 characters.")
            )
        if len(_nfc(self.code_number)) > 11:
            found.append(
                ("Số văn bản dài quá 11 ký tự.", "The number is longer than 11 characters.")
            )
        if len(_nfc(self.code_notation)) > 30:
            found.append(
                ("Ký hiệu dài quá 30 ký tự.", "The notation is longer than 30 characters.")
            )
        if self.issued_date is not None and self.issued_date > today:
            found.append(("Ngày văn bản ở tương lai.", "The document's date is in the future."))
        if self.due_date is not None and self.due_date < today:
            found.append(("Thời hạn giải quyết đã qua.", "The deadline is in the past."))
        if sum(len(p) for p in self.to_places) > 1000:
            found.append(
                ("Nơi nhận dài quá 1000 ký tự.", "The receiving units exceed 1000 characters.")
            )
        if not 1 <= self.page_amount <= 10000:
            found.append(("Số trang không hợp lệ.", "Invalid page count."))
        if self.stamp and self.file is None:
            found.append(("Cần có tệp để đóng dấu ĐẾN.", "The arrival stamp needs a file."))
        return found

    def fields(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "direction": "incoming",
            "status": "arrived",  # registered at once by the register step
            "organ_name": _nfc(self.organ_name),
            "subject": _nfc(self.subject),
            "doc_type": _nfc(self.doc_type) or "Công văn",
            "code_notation": _nfc(self.code_notation),
            "urgency": self.urgency,
            "secrecy": self.secrecy,
            "page_amount": self.page_amount,
            "to_places": [_nfc(p) for p in self.to_places if _nfc(p)],
            "description": _nfc(self.description),
        }
        if _nfc(self.code_number):
            values["code_number"] = _nfc(self.code_number)
        for name in ("issued_date", "due_date"):
            if getattr(self, name) is not None:
                values[name] = getattr(self, name)
        return values


@dataclass(frozen=True)
class RegistrationOutcome:
    document: Document | None
    """The registered document (None while it waits in the outbox)."""
    queued: bool = False


def register_incoming(
    session: Session, entry: IncomingInput, key: str | None = None
) -> RegistrationOutcome:
    refuse(InvalidRegistration, entry.problems())
    pages = check_pdf(entry.file) if entry.file is not None else None
    fields = entry.fields()
    if pages is not None:
        fields["page_amount"] = pages
    key = key or uuid.uuid4().hex
    created = create_or_queue(session, fields, key, entry.file)
    if created is None:  # once sent, it waits in "Chờ vào sổ": a number is taken online only
        return RegistrationOutcome(None, queued=True)
    if created.status != "arrived":  # made earlier under this key and registered already
        return RegistrationOutcome(created)
    outcome = _register_step(session, created, entry.stamp, entry.duplicate_ok, f"{key}-register")
    return RegistrationOutcome(outcome.document, queued=outcome.queued)


_EDITABLE = (
    "organ_name",
    "subject",
    "doc_type",
    "code_number",
    "code_notation",
    "issued_date",
    "urgency",
    "secrecy",
    "due_date",
    "page_amount",
    "to_places",
    "description",
)


def _changes(document: Document, entry: IncomingInput) -> dict[str, Any]:
    wanted = entry.fields()
    wanted.setdefault("code_number", None)
    changes: dict[str, Any] = {}
    for name in _EDITABLE:
        value = wanted.get(name)
        current = getattr(document, name)
        if isinstance(current, tuple):
            current = list(current)
        if value != current and not (value in (None, "") and current in (None, "")):
            changes[name] = value
    return changes


def register_arrived(
    session: Session, document: Document, entry: IncomingInput
) -> RegistrationOutcome:
    """Register a document already on the server ("arrived": a scan, a copy from another
    organisation) with the fields as the clerk checked them: what changed is saved on the
    revision the clerk saw, then the register step takes the arrival number (and stamps)."""
    problems = dataclasses.replace(entry, stamp=False, file=None).problems()
    if entry.stamp and not document.current_version:
        problems.append(("Cần có tệp để đóng dấu ĐẾN.", "The arrival stamp needs a file."))
    refuse(InvalidRegistration, problems)
    changes = _changes(document, entry)
    try:
        if changes:
            document = session.client.update_document(document.id, changes, document.revision)
    except ServerUnavailable as error:
        session.online = False
        raise VanThuError(
            "Máy chủ không phản hồi: vào sổ cần máy chủ cấp số đến; hãy thử lại khi có mạng.",
            "The server is unreachable: the arrival number comes from the server; try again "
            "when it is back.",
        ) from error
    outcome = _register_step(session, document, entry.stamp, entry.duplicate_ok)
    return RegistrationOutcome(outcome.document, queued=outcome.queued)


@dataclass(frozen=True)
class Prefill:
    """What the first page of a PDF says, for the form (empty where it says nothing)."""

    organ_name: str = ""
    code_number: str = ""
    code_notation: str = ""
    issued_date: dt.date | None = None
    doc_type: str = ""
    subject: str = ""
    page_amount: int = 1


_NUMBER = re.compile(r"Số\s*:?\s*(\d{1,11})\s*/\s*([0-9A-Za-zĐđ\-]{1,30})")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_TYPES = (
    "CÔNG VĂN",
    "QUYẾT ĐỊNH",
    "TỜ TRÌNH",
    "BÁO CÁO",
    "KẾ HOẠCH",
    "THÔNG BÁO",
    "GIẤY MỜI",
    "CHỈ THỊ",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "NGHỊ QUYẾT",
)
_HEADER_WORDS = ("CỘNG HÒA", "CỘNG HOÀ", "Độc lập", "Hạnh phúc")


def prefill_from_pdf(path: Path) -> Prefill:
    """Read the letterhead of an official letter (Decree 30 layout): number and notation,
    date, issuing organ, kind and summary. Nothing found is left empty, never guessed."""
    import pymupdf  # desktop dependency, loaded on first use

    pages = check_pdf(path)
    with pymupdf.open(path) as doc:
        text = doc[0].get_text()
    lines = [_nfc(line) for line in text.splitlines() if line.strip()]
    number = _NUMBER.search(text)
    date = _DATE.search(text)
    issued = None
    if date:
        try:
            issued = dt.date(int(date[3]), int(date[2]), int(date[1]))
        except ValueError:
            issued = None
    organ_lines = []
    for line in lines[:6]:  # the organ's name heads the left column, on one line or two
        if line.startswith(("Số", "—", "-")) or any(word in line for word in _HEADER_WORDS):
            break
        if line.isupper():
            organ_lines.append(line)
    kind, subject = "", ""
    for index, line in enumerate(lines):
        if line in _TYPES or line.startswith(("V/v", "Về việc")):
            kind = line.capitalize() if line in _TYPES else "Công văn"
            start = index + 1 if line in _TYPES else index
            taken = lines[start : start + 1]
            for more in lines[start + 1 : start + 4]:  # a summary that wraps goes on in lower case
                if not more[:1].islower():
                    break
                taken.append(more)
            subject = " ".join(taken)
            break
    return Prefill(
        organ_name=" ".join(organ_lines),  # as printed; the clerk may write it in full
        code_number=number[1] if number else "",
        code_notation=number[2] if number else "",
        issued_date=issued,
        doc_type=kind,
        subject=subject,
        page_amount=pages,
    )
