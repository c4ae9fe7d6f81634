"""A case file's steps after it is opened (``base.records.CASE_FILE_RULES``): closing it with its
metadata computed (Art. 29.4, Part II.III), reopening with a reason, transfer to the agency
archive and the archivist's answer (Art. 30.3.b), keeping a due file back with the head's
approval (Art. 31.3.d), and an administrator handing a leaving person's files to another account
(Art. 31.3.đ). The one place a file's state changes; every step is in its history and the
audit trail."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.records import (
    CASE_FILE_RULES,
    CASE_FILE_STATE_VI,
    HANDED_OVER,
    CaseFileAction,
    KeepBack,
    Retention,
    file_code,
    keep_back_limit,
    transfer_due,
)

from ..deps import today_vn
from ..documents import touch
from ..errors import ApiProblem, forbidden, not_found
from ..models import Document, User, utcnow
from ..policy import ADMINS, role_of
from ..roles import Role
from .file_lists import nfc
from .models import CaseFile, CaseFileDocument
from .policy import OPENERS, load_visible, refuse_frozen
from .service import document_date, duplicate_code, organ_id, record

__all__ = ["StepInput", "Handover", "take_action", "handover", "effective_due"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StepInput:
    reason: str = ""
    title: str | None = None
    notation: str | None = None
    retention: Retention | None = None
    description: str | None = None
    end_date: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class Handover:
    moved: int
    codes: list[str]


def effective_due(found: CaseFile) -> dt.date | None:
    """The transfer deadline: the approved keep-back's date, else the law's."""
    if found.keep_back == KeepBack.APPROVED and found.keep_back_until is not None:
        return found.keep_back_until
    return found.due_date


def _check(user: User, found: CaseFile, action: CaseFileAction, reason: str) -> None:
    rule = CASE_FILE_RULES[action]
    role = role_of(user)
    if not (
        (role is not None and role in rule.roles) or (rule.creator and found.creator_id == user.id)
    ):
        raise forbidden()
    refuse_frozen(found)
    if found.state not in rule.sources:
        raise ApiProblem(
            409,
            f"Hồ sơ {found.code} {CASE_FILE_STATE_VI[found.state]}: không thể thực hiện "
            "thao tác này.",
            f"Case file {found.code} is {found.state}: this cannot be done now.",
            code="wrong_state",
        )
    if rule.needs_reason and not reason:
        raise ApiProblem(422, "Cần nêu lý do.", "A reason is required.", code="reason_required")


def take_action(
    session: Session, user: User, case_file_id: int, action: CaseFileAction, given: StepInput
) -> CaseFile:
    found = load_visible(session, user, case_file_id, for_update=True)
    reason = nfc(given.reason)
    _check(user, found, action, reason)
    before = found.state
    extra: dict[str, object] = {}
    if action is CaseFileAction.CLOSE:
        extra = _close(session, found, given)
    elif action is CaseFileAction.REOPEN:  # its work runs again: what closing set is void
        found.due_date = found.retention_ends = found.closed_at = found.end_date = None
        found.keep_back = found.keep_back_until = found.keep_back_by = None
        found.keep_back_reason = ""
    elif action is CaseFileAction.TRANSFER:
        _refuse_not_for_archive(found)
        found.submitted_at = utcnow()
        found.returned_reason = ""
    elif action is CaseFileAction.ACCEPT:
        found.accepted_at, found.accepted_by = utcnow(), user.id
        _archive_documents(session, found)
    elif action is CaseFileAction.RETURN:
        found.returned_reason = reason
    else:
        extra = _keep_back(user, found, action, reason, given.until)
    target = CASE_FILE_RULES[action].target
    if target is not None:
        found.state = str(target)
    found.updated_at = utcnow()
    record(session, user, found, str(action), before, reason, extra=extra)
    logger.info("case file %d: %s by user %d", found.id, action, user.id)
    return found


def _close(session: Session, found: CaseFile, given: StepInput) -> dict[str, object]:
    """Final title, number and retention; DocTotal, PageTotal, StartDate, EndDate and Language
    computed from the file's documents (Art. 29.4.b, 29.4.d; Part II.III)."""
    if given.title is not None:
        found.title = nfc(given.title)
    if given.notation is not None and nfc(given.notation) != found.notation:
        found.notation = nfc(given.notation)
        found.code = file_code(organ_id(session, found.organisation_id), found.year, found.notation)
        taken = select(CaseFile.id).where(
            CaseFile.organisation_id == found.organisation_id,
            CaseFile.year == found.year,
            CaseFile.notation == found.notation,
            CaseFile.id != found.id,
        )
        if session.scalar(taken) is not None:
            raise duplicate_code(found.code)
    if given.retention is not None:
        found.retention_years = given.retention.years
    if given.description is not None:
        found.description = nfc(given.description)
    docs = list(
        session.scalars(
            select(Document)
            .join(CaseFileDocument, CaseFileDocument.document_id == Document.id)
            .where(CaseFileDocument.case_file_id == found.id, Document.deleted.is_(False))
        )
    )
    dates = [document_date(doc) for doc in docs]
    if dates:
        found.start_date = min([found.start_date, *dates])
    end = given.end_date or (max(dates) if dates else today_vn())
    latest = max(dates) if dates else found.start_date
    if end < found.start_date or end < latest or end > today_vn():
        # The end sets the transfer deadline (Art. 30.2): a later one would postpone it with no
        # leader's approval (that is a keep-back), an earlier one would leave documents out.
        raise ApiProblem(
            422,
            f"Ngày kết thúc hồ sơ phải từ {latest:%d/%m/%Y} (văn bản cuối cùng) đến hôm nay.",
            f"A file's end date must fall between {latest} (its last document) and today.",
            code="invalid_dates",
        )
    found.end_date = end
    found.doc_total = len(docs)
    found.page_total = sum(doc.page_amount or 0 for doc in docs)
    found.language = ", ".join(sorted({doc.language or "vi" for doc in docs})) or "vi"
    retention = Retention(found.retention_years)
    found.due_date = transfer_due(end, found.construction) if retention.for_the_archive else None
    found.retention_ends = retention.ends(end)
    found.closed_at = utcnow()
    return {"doc_total": found.doc_total, "end_date": end, "due_date": found.due_date}


def _refuse_not_for_archive(found: CaseFile) -> None:
    if not Retention(found.retention_years).for_the_archive:
        raise ApiProblem(
            409,
            f"Hồ sơ {found.code} bảo quản dưới 5 năm: giữ tại đơn vị, không nộp lưu.",
            f"Case file {found.code} is kept less than 5 years: it stays with the unit and is "
            "not transferred to the archive.",
            code="not_for_archive",
        )
    if not found.doc_total:
        raise ApiProblem(
            409,
            f"Hồ sơ {found.code} không có văn bản nào: chưa thể nộp lưu.",
            f"Case file {found.code} holds no document: it cannot be transferred.",
            code="empty_file",
        )


def _archive_documents(session: Session, found: CaseFile) -> None:
    """Each document's answer now carries the ``archived`` mark: a new feed number takes it to
    every desktop's cache, whose windows then offer no step the archive forbids."""
    for doc in session.scalars(
        select(Document)
        .join(CaseFileDocument, CaseFileDocument.document_id == Document.id)
        .where(CaseFileDocument.case_file_id == found.id, Document.deleted.is_(False))
    ):
        touch(session, doc)


def _keep_back(
    user: User, found: CaseFile, action: CaseFileAction, reason: str, until: dt.date | None
) -> dict[str, object]:
    if action is CaseFileAction.REQUEST_KEEP_BACK:
        _refuse_not_for_archive(found)
        assert found.due_date is not None  # closed for the archive: it has its deadline
        limit = keep_back_limit(found.due_date)
        if until is None or not found.due_date < until <= limit:
            raise ApiProblem(
                422,
                f"Ngày giữ lại phải sau hạn nộp lưu {found.due_date:%d/%m/%Y} và không quá "
                f"{limit:%d/%m/%Y} (2 năm).",
                f"The keep-back date must fall after the deadline {found.due_date} and no later "
                f"than {limit} (2 years).",
                code="invalid_until",
            )
        found.keep_back, found.keep_back_until = KeepBack.REQUESTED.value, until
        found.keep_back_reason, found.keep_back_by = reason, None
        return {"until": until}
    if found.keep_back != KeepBack.REQUESTED:
        raise ApiProblem(
            409,
            "Hồ sơ không có đề nghị giữ lại nào đang chờ.",
            "The file has no keep-back request waiting.",
            code="wrong_state",
        )
    approved = action is CaseFileAction.APPROVE_KEEP_BACK
    if approved:  # the deadline may have moved since the request: the 2 years count from it
        due, until = found.due_date, found.keep_back_until
        if due is None or until is None or not due < until <= keep_back_limit(due):
            raise ApiProblem(
                409,
                "Đề nghị giữ lại không còn khớp hạn nộp lưu hiện tại; người lập cần đề nghị lại.",
                "The keep-back request no longer fits the file's current deadline; its creator "
                "must ask again.",
                code="invalid_until",
            )
    found.keep_back = (KeepBack.APPROVED if approved else KeepBack.REFUSED).value
    found.keep_back_by = user.id
    if not approved:
        found.keep_back_until = None
    return {"until": found.keep_back_until}


def handover(session: Session, admin: User, from_user_id: int, to_user_id: int) -> Handover:
    """All of a leaving person's files still in hand go to another account of the same
    organisation (Art. 31.3.đ): an organisation's administrator for their own, the province's
    for any."""
    role = role_of(admin)
    if role not in ADMINS:
        raise forbidden()
    people = {
        u.id: u
        for u in session.scalars(select(User).where(User.id.in_((from_user_id, to_user_id))))
    }
    giver, taker = people.get(from_user_id), people.get(to_user_id)
    if giver is None or (role is Role.ORG_ADMIN and giver.organisation_id != admin.organisation_id):
        raise not_found(f"người dùng số {from_user_id}", f"User {from_user_id}")
    if (
        taker is None
        or not taker.active
        or taker.organisation_id != giver.organisation_id
        or taker.id == giver.id
        or role_of(taker) not in OPENERS
    ):
        raise ApiProblem(
            422,
            "Người nhận phải là một người khác, đang hoạt động, của cùng đơn vị và có lập hồ sơ "
            "(văn thư, lãnh đạo, chuyên viên hoặc lưu trữ).",
            "The receiver must be another active user of the same organisation who keeps case "
            "files (a clerk, leader, specialist or archivist).",
            code="unknown_user",
        )
    files = list(
        session.scalars(
            select(CaseFile)
            .where(CaseFile.creator_id == giver.id, CaseFile.state.in_(sorted(HANDED_OVER)))
            .order_by(CaseFile.id)
            .with_for_update()
        )
    )
    for found in files:
        found.creator_id, found.updated_at = taker.id, utcnow()
        record(
            session,
            admin,
            found,
            "handover",
            found.state,
            extra={"from": giver.username, "to": taker.username},
        )
    logger.info("handover of %d case files from user %d to %d", len(files), giver.id, taker.id)
    return Handover(len(files), [f.code for f in files])
