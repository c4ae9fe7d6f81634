"""New outgoing drafts (dự thảo) from the window and the command line.

A draft is checked here first, with the Decree 30 lengths and a real look at its PDF, so the
user reads what is wrong in their language before anything is sent. It is created on the
server under one idempotency key, its file uploaded resumably; offline, it waits in the
outbox (with a copy of the file) and the next sync creates it once. Its author may replace
the file while it is a draft (a corrected PDF after the leader sent it back): the same check,
then a new version based on the one the author saw.
"""

from __future__ import annotations

import datetime as dt
import logging
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from base.errors import VanThuError
from base.pdf import check_pdf
from base.workflow import Direction, Status
from client.errors import ServerUnavailable
from client.records import Document, User

from .new_document import create_or_queue, refuse
from .session import Session
from .versions import add_file_version

__all__ = [
    "DraftInput",
    "DraftOutcome",
    "DraftFileOutcome",
    "InvalidDraft",
    "create_draft",
    "may_replace_file",
    "replace_draft_file",
    "DOC_TYPES",
]

logger = logging.getLogger(__name__)

DOC_TYPES = (
    "Công văn",
    "Tờ trình",
    "Báo cáo",
    "Kế hoạch",
    "Thông báo",
    "Quyết định",
    "Giấy mời",
    "Chương trình",
    "Hướng dẫn",
)
"""The kinds of document a draft is most often (any other name may be typed)."""


class InvalidDraft(VanThuError):
    title_vi, title_en = "Dự thảo chưa hợp lệ", "The draft is not complete"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


@dataclass(frozen=True)
class DraftInput:
    subject: str
    doc_type: str = "Công văn"
    code_notation: str = ""
    recipients: tuple[str, ...] = ()
    urgency: int = 0
    secrecy: int = 0
    due_date: dt.date | None = None
    """Hạn trả lời, if the recipients must answer."""
    signer_position: str = ""
    signer_name: str = ""
    description: str = ""
    file: Path | None = None

    def problems(self) -> list[tuple[str, str]]:
        """What keeps this draft from being created (Vietnamese, English), in form order."""
        found: list[tuple[str, str]] = []
        subject = _nfc(self.subject)
        if not subject:
            found.append(("Hãy nhập trích yếu.", "Enter the summary."))
        elif len(subject) > 500:
            found.append(
                ("Trích yếu dài quá 500 ký tự.", "The summary is longer than 500 characters.")
            )
        if not _nfc(self.doc_type) or len(_nfc(self.doc_type)) > 100:
            found.append(("Hãy chọn loại văn bản.", "Choose the kind of document."))
        if len(_nfc(self.code_notation)) > 30:
            found.append(
                ("Ký hiệu dài quá 30 ký tự.", "The notation is longer than 30 characters.")
            )
        if sum(len(r) for r in self.recipients) > 1000:
            found.append(("Nơi nhận dài quá 1000 ký tự.", "The recipients exceed 1000 characters."))
        if not 0 <= self.urgency <= 4 or not 0 <= self.secrecy <= 3:
            found.append(("Độ khẩn hoặc độ mật không hợp lệ.", "Invalid urgency or secrecy."))
        if len(_nfc(self.signer_position)) > 200 or len(_nfc(self.signer_name)) > 200:
            found.append(
                ("Người ký dài quá 200 ký tự.", "The signer is longer than 200 characters.")
            )
        return found

    def fields(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "direction": "outgoing",
            "status": "draft",
            "subject": _nfc(self.subject),
            "doc_type": _nfc(self.doc_type),
            "code_notation": _nfc(self.code_notation),
            "recipients": [_nfc(r) for r in self.recipients if _nfc(r)],
            "urgency": self.urgency,
            "secrecy": self.secrecy,
            "signer_position": _nfc(self.signer_position),
            "signer_name": _nfc(self.signer_name),
            "description": _nfc(self.description),
        }
        if self.due_date is not None:
            values["due_date"] = self.due_date
        return values


@dataclass(frozen=True)
class DraftOutcome:
    document: Document | None
    """The new draft; None while it waits in the outbox."""
    queued: bool = False


def create_draft(session: Session, draft: DraftInput, key: str | None = None) -> DraftOutcome:
    """Check ``draft`` and create it (with its file, when it has one)."""
    refuse(InvalidDraft, draft.problems())
    if draft.file is not None:
        check_pdf(draft.file)  # a damaged, empty or locked PDF is named before any upload
    document = create_or_queue(session, draft.fields(), key or uuid.uuid4().hex, draft.file)
    if document is None:
        return DraftOutcome(None, queued=True)
    logger.info("draft %s created", document.id)
    return DraftOutcome(document)


DEFAULT_FILE_NOTE = "Thay tệp dự thảo"
"""The new version's note when the author gives none (a record's text, in Vietnamese)."""


@dataclass(frozen=True)
class DraftFileOutcome:
    document: Document | None
    """The draft with its new version; None while the file waits in the outbox."""
    version: int | None = None
    queued: bool = False


def may_replace_file(user: User, document: Document) -> bool:
    """A draft's author may put a corrected PDF on it while it is a draft — new, or sent back by
    the leader; once submitted the file is what the leader signs, and it changes by signing."""
    return (
        document.direction == Direction.OUTGOING
        and document.status == Status.DRAFT
        and document.created_by == user.id
    )


def replace_draft_file(
    session: Session, document: Document, file: Path, note: str = ""
) -> DraftFileOutcome:
    """Check ``file`` and add it to the draft as its next version, based on the version the
    author saw (a draft changed meanwhile is a conflict); offline it waits in the outbox."""
    if not may_replace_file(session.user, document):
        raise InvalidDraft(
            f"Chỉ người soạn mới thay được tệp của dự thảo, khi văn bản #{document.id} còn là "
            "dự thảo (mới soạn hoặc bị trả lại).",
            f"Only its author can replace the file of document #{document.id}, and only while it "
            "is a draft (new, or sent back).",
            title_vi="Không thay được tệp dự thảo",
            title_en="The draft's file cannot be replaced",
        )
    check_pdf(file)  # an empty, non-PDF, locked or cut-off file is named before any upload
    name = unicodedata.normalize("NFC", file.name)
    note = _nfc(note) or DEFAULT_FILE_NOTE
    version = add_file_version(session, document, file, name, note)
    if version is None:
        logger.info("draft %s: new file queued (offline)", document.id)
        return DraftFileOutcome(None, queued=True)
    logger.info("draft %s: version %s", document.id, version.number)
    try:
        fresh = session.client.get_document(document.id)
    except ServerUnavailable:  # added all the same: the next sync brings the draft
        session.online = False
        return DraftFileOutcome(None, version.number)
    with session.store.write() as conn:
        session.store.upsert(conn, [fresh])
    return DraftFileOutcome(fresh, version.number)
