"""Case files (Art. 29–31) for the window and the command line: open one from the issued list
or on one's own, put documents in and take them out, close it with its final metadata, reopen
it with a reason, transfer it to the agency archive, ask to keep it back; the archive accepts
or returns it; an administrator hands a leaving person's files over.

The server decides and refuses (its bilingual messages reach the user unchanged). Putting a
document into one's own open file, or taking one out, also works offline: it waits in the
outbox with an idempotency key and is sent once at the next sync. Reading a file, "my files"
and the due list fall back to the cache while the server is out of reach.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, replace
from typing import Any

from base.deadlines import today_in_vietnam
from base.errors import VanThuError
from base.records import CaseFileAction, CaseFileState
from client.cache.case_files import cached_case_file, cached_case_files, cached_documents
from client.cache.errors import OfflineError
from client.cache.outbox import CaseFileDocumentChange, OutboxEntry
from client.case_file_records import (
    CaseFile,
    CaseFileDetail,
    CaseFileDocument,
    CaseFileFilter,
    CaseFilePage,
    CreatorCount,
    HandoverResult,
)
from client.errors import ServerUnavailable

from .base import RecordsPart
from .lists import maintenance_text

__all__ = ["CaseFiles", "NewFile", "Closing", "DocumentOutcome"]

logger = logging.getLogger(__name__)

_QUEUE_STATES: dict[str, tuple[str, ...]] = {
    "mine": (
        CaseFileState.OPEN,
        CaseFileState.CLOSED,
        CaseFileState.SUBMITTED,
        CaseFileState.RETURNED,
    ),
    "awaiting": (CaseFileState.SUBMITTED,),
    "returned": (CaseFileState.RETURNED,),
    "archive": (CaseFileState.ARCHIVED,),
}


@dataclass(frozen=True)
class NewFile:
    """A file opened outside the list (Art. 29.2.c): its own title, number and symbol,
    retention and start."""

    title: str
    notation: str
    maintenance: str
    start_date: dt.date | None = None
    description: str = ""
    rights: str = "restricted"
    construction: bool = False


@dataclass(frozen=True)
class Closing:
    """What closing sets (Art. 29.4): the final title, number, retention; the rest is computed."""

    title: str | None = None
    notation: str | None = None
    maintenance: str | None = None
    description: str | None = None
    end_date: dt.date | None = None


@dataclass(frozen=True)
class DocumentOutcome:
    """A document put in or taken out: the file as the server has it now, or (``queued``) as
    the cache has it while the change waits in the outbox."""

    detail: CaseFileDetail
    queued: bool = False


def _offline_refusal(vi: str, en: str) -> VanThuError:
    return VanThuError(vi, en, title_vi="Không thực hiện được", title_en="Not possible")


class CaseFiles(RecordsPart):
    # -- opening -----------------------------------------------------------------------
    def open_planned(
        self, planned_file_id: int, start_date: dt.date | None = None
    ) -> CaseFileDetail:
        """From a planned file of the year's issued list (Art. 29.2.b)."""
        fields: dict[str, Any] = {"planned_file_id": planned_file_id, "start_date": start_date}
        return self._changed(self.api.open_case_file(fields))

    def open_free(self, new: NewFile) -> CaseFileDetail:
        fields = {
            "title": new.title,
            "notation": new.notation,
            "maintenance": maintenance_text(new.maintenance),
            "start_date": new.start_date,
            "description": new.description,
            "rights": new.rights,
            "construction": new.construction,
        }
        return self._changed(self.api.open_case_file(fields))

    # -- reading -----------------------------------------------------------------------
    def get(self, case_file_id: int) -> CaseFileDetail:
        """The file, its documents the user may read in order (those waiting in the outbox
        marked), its history; offline, as the cache has it (no history)."""
        try:
            if not self.session.online:  # known unreachable (as record_access does): no wait
                raise ServerUnavailable()
            detail = self.api.case_file(case_file_id)
        except ServerUnavailable:
            self.session.online = False
            found = cached_case_file(self.session.store, case_file_id)
            if found is None:
                raise OfflineError(
                    f"Không kết nối được máy chủ và máy này chưa có hồ sơ #{case_file_id}.",
                    f"Cannot reach the server, and this machine does not hold case file "
                    f"#{case_file_id}.",
                ) from None
            detail = CaseFileDetail(found, tuple(cached_documents(self.session.store, found)))
        return self._with_pending(detail)

    def _with_pending(self, detail: CaseFileDetail) -> CaseFileDetail:
        pending = self.session.outbox.pending_case_file_documents(detail.file.id)
        if not pending:
            return detail
        removed = {_document_id(e) for e in pending if not _adds(e)}
        documents = [d for d in detail.documents if d.document_id not in removed]
        present = {d.document_id for d in documents}
        for entry in pending:
            doc_id = _document_id(entry)
            if _adds(entry) and doc_id not in present and (doc := self.session.store.get(doc_id)):
                documents.append(_pending_entry(doc))
                present.add(doc_id)
        return replace(detail, documents=tuple(documents))

    def page(
        self, where: CaseFileFilter | None = None, limit: int = 50, cursor: str | None = None
    ) -> CaseFilePage:
        """A queue or a search (the server's; offline, the cache's files for the same queue)."""
        where = where or CaseFileFilter()
        try:
            if not self.session.online:
                raise ServerUnavailable()
            return self.api.case_files(where, cursor, limit)
        except ServerUnavailable:
            self.session.online = False
            return CaseFilePage(tuple(self._cached(where, limit)))

    def _cached(self, where: CaseFileFilter, limit: int) -> list[CaseFile]:
        user, today = self.session.user, today_in_vietnam()
        mine = user.id if where.queue == "mine" else where.creator_id
        files = cached_case_files(
            self.session.store,
            creator_id=mine,
            states=_QUEUE_STATES.get(where.queue, ()),
            limit=10_000,
        )
        if where.queue == "due":
            files = [f for f in files if f.due_warning(today)]
            if user.role not in ("leader", "archivist"):
                files = [f for f in files if f.creator_id == user.id]
        if where.queue == "past_retention":
            files = [f for f in files if f.retention_ends is not None and f.retention_ends < today]
        return [f for f in files if where.matches(f)][:limit]

    def counts(self) -> list[CreatorCount]:
        return self.api.case_file_counts()

    # -- contents ----------------------------------------------------------------------
    def edit(self, case_file_id: int, **changes: Any) -> CaseFileDetail:
        """title, notation, maintenance, description, rights, readers, construction."""
        if changes.get("maintenance"):
            changes["maintenance"] = maintenance_text(changes["maintenance"])
        return self._changed(self.api.edit_case_file(case_file_id, changes))

    def add_document(self, case_file_id: int, document_id: int) -> DocumentOutcome:
        """Put a document into one's own open file (a link, never a copy: III.4.e)."""
        return self._document(case_file_id, document_id, add=True)

    def remove_document(self, case_file_id: int, document_id: int) -> DocumentOutcome:
        """Take a document out (a duplicate, a draft: Art. 29.4.b); it stays itself."""
        return self._document(case_file_id, document_id, add=False)

    def _document(self, case_file_id: int, document_id: int, *, add: bool) -> DocumentOutcome:
        key = uuid.uuid4().hex
        try:
            if not self.session.online:
                raise ServerUnavailable()
            if add:
                detail = self.api.add_case_file_document(case_file_id, document_id, key)
            else:
                self.api.remove_case_file_document(case_file_id, document_id, key)
                detail = self.api.case_file(case_file_id)
        except ServerUnavailable:
            self.session.online = False
            return self._queue(case_file_id, document_id, add, key)
        return DocumentOutcome(self._changed(detail))

    def _queue(self, case_file_id: int, document_id: int, add: bool, key: str) -> DocumentOutcome:
        """Offline: checked against the cache as the server would, then kept in the outbox."""
        found = cached_case_file(self.session.store, case_file_id)
        if found is None:
            raise OfflineError(
                f"Không kết nối được máy chủ và máy này chưa có hồ sơ #{case_file_id}.",
                f"Cannot reach the server, and this machine does not hold case file "
                f"#{case_file_id}.",
            )
        if found.creator_id != self.session.user.id:
            raise _offline_refusal(
                f"Hồ sơ {found.code} không phải của bạn: chỉ người lập hồ sơ thêm, bớt văn bản.",
                f"Case file {found.code} is not yours: only its creator adds or removes documents.",
            )
        if found.state != CaseFileState.OPEN:
            raise _offline_refusal(
                f"Hồ sơ {found.code} đã kết thúc: muốn thay đổi, hãy mở lại hồ sơ và nêu lý do.",
                f"Case file {found.code} is closed: to change it, reopen it with a reason.",
            )
        if add and self.session.store.get(document_id) is None:
            raise OfflineError(
                f"Máy này chưa có văn bản #{document_id}: chỉ thêm được văn bản đã đồng bộ.",
                f"This machine does not hold document #{document_id}: only synced documents "
                "can be added offline.",
            )
        change = CaseFileDocumentChange(case_file_id, document_id, add, key, found.code)
        self.session.outbox.case_file_document(change)
        logger.info(
            "case file %d: document %d %s offline (queued)",
            case_file_id,
            document_id,
            "added" if add else "removed",
        )
        detail = CaseFileDetail(found, tuple(cached_documents(self.session.store, found)))
        return DocumentOutcome(self._with_pending(detail), queued=True)

    def pending(self, case_file_id: int | None = None) -> list[OutboxEntry]:
        """Documents waiting in the outbox to join or leave files ("chờ gửi")."""
        return self.session.outbox.pending_case_file_documents(case_file_id)

    # -- steps -------------------------------------------------------------------------
    def _step(self, case_file_id: int, action: CaseFileAction, **fields: Any) -> CaseFileDetail:
        return self._changed(self.api.case_file_action(case_file_id, action, fields))

    def close(self, case_file_id: int, closing: Closing | None = None) -> CaseFileDetail:
        """Closed with its final metadata (Art. 29.4); DocTotal, PageTotal, dates computed."""
        given = closing or Closing()
        return self._step(
            case_file_id,
            CaseFileAction.CLOSE,
            title=given.title,
            notation=given.notation,
            maintenance=maintenance_text(given.maintenance) if given.maintenance else None,
            description=given.description,
            end_date=given.end_date,
        )

    def reopen(self, case_file_id: int, reason: str) -> CaseFileDetail:
        return self._step(case_file_id, CaseFileAction.REOPEN, reason=reason)

    def transfer(self, case_file_id: int) -> CaseFileDetail:
        """Nộp lưu: to the agency archive (Art. 30.3)."""
        return self._step(case_file_id, CaseFileAction.TRANSFER)

    def request_keep_back(self, case_file_id: int, until: dt.date, reason: str) -> CaseFileDetail:
        """Keep a due file at the unit until ``until`` (≤ 2 years after the deadline, Art. 31.3.d)."""
        return self._step(
            case_file_id, CaseFileAction.REQUEST_KEEP_BACK, until=until, reason=reason
        )

    def approve_keep_back(self, case_file_id: int) -> CaseFileDetail:
        return self._step(case_file_id, CaseFileAction.APPROVE_KEEP_BACK)

    def refuse_keep_back(self, case_file_id: int, reason: str) -> CaseFileDetail:
        return self._step(case_file_id, CaseFileAction.REFUSE_KEEP_BACK, reason=reason)

    def accept(self, case_file_id: int) -> CaseFileDetail:
        """The archive accepts the file: from now on it is frozen (IV.1.g)."""
        return self._step(case_file_id, CaseFileAction.ACCEPT)

    def send_back(self, case_file_id: int, reason: str) -> CaseFileDetail:
        """The archive returns the file to its creator with a reason."""
        return self._step(case_file_id, CaseFileAction.RETURN, reason=reason)

    def handover(self, from_user: str, to_user: str) -> HandoverResult:
        """Every file ``from_user`` still holds to ``to_user`` (an administrator; Art. 31.3.đ);
        each is a user name or an id."""
        accounts = self.session.client.list_accounts()

        def find(wanted: str) -> int:
            for account in accounts:
                if wanted == str(account.id) or wanted.casefold() == account.username.casefold():
                    return account.id
            raise VanThuError(f"Không có tài khoản “{wanted}”.", f"No account “{wanted}”.")

        done = self.api.handover(find(from_user), find(to_user))
        self.refresh_cache()
        return done

    def _changed(self, detail: CaseFileDetail) -> CaseFileDetail:
        self.refresh_cache()
        return self._with_pending(detail)


def _document_id(entry: OutboxEntry) -> int:
    assert isinstance(entry.action, CaseFileDocumentChange)  # pending_case_file_documents'
    return entry.action.document_id


def _adds(entry: OutboxEntry) -> bool:
    return isinstance(entry.action, CaseFileDocumentChange) and entry.action.add


def _pending_entry(doc: Any) -> CaseFileDocument:
    created = doc.created_at.date() if doc.created_at else None
    return CaseFileDocument(
        ordinal=0,
        document_id=doc.id,
        direction=doc.direction,
        type_name=doc.doc_type,
        code_number=doc.code_number or "",
        code_notation=doc.code_notation,
        issued_date=doc.issued_date,
        date=doc.issued_date or doc.arrival_date or created,
        organ_name=doc.organ_name,
        subject=doc.subject,
        page_amount=doc.page_amount,
        pending=True,
    )
