"""The file list (Danh mục hồ sơ, Art. 28, Appendix V I–II): drafted by the office or the archive
— from scratch or from last year's —, approved by the head of the organisation, issued as the
basis for opening files. Only a draft is edited. Routes, the command line and the printed list
call these functions; each takes the caller and checks them."""

from __future__ import annotations

import json
import logging
import unicodedata
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from base.records import (
    DRAFTERS,
    FILE_LIST_RULES,
    FILE_LIST_STATE_VI,
    FileListAction,
    FileListState,
    Retention,
    roman,
)

from ..documents import audit
from ..errors import ApiProblem, conflict, forbidden, not_found
from ..models import User, utcnow
from ..policy import role_of
from .models import CaseFile, FileList, FileListHeading, PlannedFile
from .policy import load_own_list

__all__ = [
    "PlannedFields",
    "ListView",
    "nfc",
    "create_list",
    "list_view",
    "set_decision",
    "add_heading",
    "edit_heading",
    "delete_heading",
    "add_planned",
    "edit_planned",
    "delete_planned",
    "take_list_action",
    "heading_numbers",
]

logger = logging.getLogger(__name__)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


@dataclass(frozen=True)
class PlannedFields:
    heading_id: int | None = None
    notation: str | None = None
    title: str | None = None
    retention: Retention | None = None
    responsible: str | None = None
    responsible_user_id: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class ListView:
    """A list with its headings (numbered) and planned files, in the printed order."""

    file_list: FileList
    headings: list[FileListHeading]
    numbers: dict[int, str]
    files: list[PlannedFile]


def _editable(session: Session, user: User, file_list_id: int) -> FileList:
    found = load_own_list(session, user, file_list_id, for_update=True)
    if role_of(user) not in DRAFTERS:
        raise forbidden()
    if found.state != FileListState.DRAFT:
        raise ApiProblem(
            409,
            f"Danh mục hồ sơ năm {found.year} {FILE_LIST_STATE_VI[found.state]}: chỉ sửa được "
            "bản dự thảo.",
            f"The {found.year} file list is {found.state}: only a draft can be edited.",
            code="list_not_draft",
        )
    found.updated_at = utcnow()
    return found


def create_list(
    session: Session, user: User, year: int, decision: str = "", copy_previous: bool = False
) -> FileList:
    """A new draft for ``year``; with ``copy_previous`` the headings and planned files of the
    organisation's latest earlier list are copied into it."""
    if role_of(user) not in DRAFTERS:
        raise forbidden()
    taken = select(FileList.id).where(
        FileList.organisation_id == user.organisation_id, FileList.year == year
    )
    if session.scalar(taken) is not None:
        raise ApiProblem(
            409,
            f"Đơn vị đã có Danh mục hồ sơ năm {year}.",
            f"The organisation already has a file list for {year}.",
            code="duplicate",
        )
    made = FileList(
        organisation_id=user.organisation_id, year=year, decision=nfc(decision), created_by=user.id
    )
    session.add(made)
    session.flush()
    if copy_previous:
        earlier = session.scalar(
            select(FileList)
            .where(FileList.organisation_id == user.organisation_id, FileList.year < year)
            .order_by(FileList.year.desc())
            .limit(1)
        )
        if earlier is None:
            raise ApiProblem(
                409,
                f"Chưa có Danh mục hồ sơ nào trước năm {year} để sao chép.",
                f"There is no file list before {year} to copy.",
                code="nothing_to_copy",
            )
        _copy(session, earlier, made)
    audit(session, user, "file_list_create", None, json.dumps({"file_list": made.id, "year": year}))
    return made


def _copy(session: Session, source: FileList, target: FileList) -> None:
    headings = session.scalars(
        select(FileListHeading)
        .where(FileListHeading.file_list_id == source.id)
        .order_by(FileListHeading.parent_id.is_not(None), FileListHeading.id)
    ).all()
    new_ids: dict[int, int] = {}
    for heading in headings:  # the majors first, so each sub-heading finds its parent
        copy = FileListHeading(
            file_list_id=target.id,
            parent_id=None if heading.parent_id is None else new_ids[heading.parent_id],
            position=heading.position,
            title=heading.title,
            abbreviation=heading.abbreviation,
        )
        session.add(copy)
        session.flush()
        new_ids[heading.id] = copy.id
    for planned in session.scalars(
        select(PlannedFile).where(PlannedFile.file_list_id == source.id)
    ):
        session.add(
            PlannedFile(
                file_list_id=target.id,
                heading_id=new_ids[planned.heading_id],
                position=planned.position,
                notation=planned.notation,
                title=planned.title,
                retention_years=planned.retention_years,
                responsible=planned.responsible,
                responsible_user_id=planned.responsible_user_id,
                note=planned.note,
            )
        )
    session.flush()


def heading_numbers(headings: list[FileListHeading]) -> dict[int, str]:
    """Roman numerals for major headings, Arabic ones within each (Appendix V I.1)."""
    numbers: dict[int, str] = {}
    majors = sorted((h for h in headings if h.parent_id is None), key=lambda h: (h.position, h.id))
    for index, major in enumerate(majors, 1):
        numbers[major.id] = roman(index)
        subs = sorted(
            (h for h in headings if h.parent_id == major.id), key=lambda h: (h.position, h.id)
        )
        for sub_index, sub in enumerate(subs, 1):
            numbers[sub.id] = str(sub_index)
    return numbers


def list_view(session: Session, user: User, file_list_id: int) -> ListView:
    found = load_own_list(session, user, file_list_id)
    headings = list(
        session.scalars(select(FileListHeading).where(FileListHeading.file_list_id == found.id))
    )
    numbers = heading_numbers(headings)
    order = _printed_order(headings)
    files = sorted(
        session.scalars(select(PlannedFile).where(PlannedFile.file_list_id == found.id)),
        key=lambda f: (order.get(f.heading_id, 0), f.position, f.id),
    )
    headings.sort(key=lambda h: order[h.id])
    return ListView(found, headings, numbers, files)


def _printed_order(headings: list[FileListHeading]) -> dict[int, int]:
    order: dict[int, int] = {}
    majors = sorted((h for h in headings if h.parent_id is None), key=lambda h: (h.position, h.id))
    for major in majors:
        order[major.id] = len(order)
        for sub in sorted(
            (h for h in headings if h.parent_id == major.id), key=lambda h: (h.position, h.id)
        ):
            order[sub.id] = len(order)
    return order


def set_decision(session: Session, user: User, file_list_id: int, decision: str) -> FileList:
    """The decision the list is issued with, printed under its title (a draft only)."""
    found = _editable(session, user, file_list_id)
    found.decision = nfc(decision)
    return found


def _heading(session: Session, file_list: FileList, heading_id: int) -> FileListHeading:
    found = session.get(FileListHeading, heading_id)
    if found is None or found.file_list_id != file_list.id:
        raise not_found(f"đề mục số {heading_id}", f"Heading {heading_id}")
    return found


def _next_position(
    session: Session, column: InstrumentedAttribute[int], where: ColumnElement[bool]
) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0)).where(where)) or 0) + 1


def add_heading(
    session: Session,
    user: User,
    file_list_id: int,
    title: str,
    abbreviation: str = "",
    parent_id: int | None = None,
) -> FileListHeading:
    found = _editable(session, user, file_list_id)
    if parent_id is not None:
        parent = _heading(session, found, parent_id)
        if parent.parent_id is not None:
            raise ApiProblem(
                422,
                "Đề mục nhỏ chỉ nằm trong một đề mục lớn (hai cấp).",
                "A sub-heading sits under a major heading (two levels only).",
            )
    same_level = (FileListHeading.file_list_id == found.id) & (
        FileListHeading.parent_id.is_(None)
        if parent_id is None
        else FileListHeading.parent_id == parent_id
    )
    heading = FileListHeading(
        file_list_id=found.id,
        parent_id=parent_id,
        position=_next_position(session, FileListHeading.position, same_level),
        title=nfc(title),
        abbreviation=nfc(abbreviation),
    )
    session.add(heading)
    session.flush()
    return heading


def edit_heading(
    session: Session,
    user: User,
    file_list_id: int,
    heading_id: int,
    title: str | None,
    abbreviation: str | None,
) -> FileListHeading:
    heading = _heading(session, _editable(session, user, file_list_id), heading_id)
    if title is not None:
        heading.title = nfc(title)
    if abbreviation is not None:
        heading.abbreviation = nfc(abbreviation)
    return heading


def delete_heading(session: Session, user: User, file_list_id: int, heading_id: int) -> None:
    found = _editable(session, user, file_list_id)
    heading = _heading(session, found, heading_id)
    used = session.scalar(
        select(PlannedFile.id).where(PlannedFile.heading_id == heading.id).limit(1)
    ) or session.scalar(
        select(FileListHeading.id).where(FileListHeading.parent_id == heading.id).limit(1)
    )
    if used is not None:
        raise conflict(
            "Đề mục còn hồ sơ hoặc đề mục nhỏ: hãy chuyển hoặc xoá chúng trước.",
            "The heading still holds files or sub-headings: move or delete them first.",
        )
    session.delete(heading)


def _refuse_taken_notation(
    session: Session, file_list: FileList, notation: str, but: int | None = None
) -> None:
    query = select(PlannedFile.id).where(
        PlannedFile.file_list_id == file_list.id, PlannedFile.notation == notation
    )
    other = session.scalar(query)
    if other is not None and other != but:
        raise ApiProblem(
            409,
            f"Danh mục đã có hồ sơ số, ký hiệu {notation}.",
            f"The list already has a file numbered {notation}.",
            code="duplicate",
        )


def add_planned(
    session: Session, user: User, file_list_id: int, fields: PlannedFields
) -> PlannedFile:
    found = _editable(session, user, file_list_id)
    assert fields.heading_id is not None and fields.notation and fields.title
    assert fields.retention is not None
    _heading(session, found, fields.heading_id)
    notation = nfc(fields.notation)
    _refuse_taken_notation(session, found, notation)
    _refuse_stranger(session, user, fields.responsible_user_id)
    planned = PlannedFile(
        file_list_id=found.id,
        heading_id=fields.heading_id,
        position=_next_position(
            session, PlannedFile.position, PlannedFile.heading_id == fields.heading_id
        ),
        notation=notation,
        title=nfc(fields.title),
        retention_years=fields.retention.years,
        responsible=nfc(fields.responsible or ""),
        responsible_user_id=fields.responsible_user_id,
        note=nfc(fields.note or ""),
    )
    session.add(planned)
    session.flush()
    return planned


def _refuse_stranger(session: Session, user: User, user_id: int | None) -> None:
    if user_id is None:
        return
    other = session.get(User, user_id)
    if other is None or other.organisation_id != user.organisation_id or not other.active:
        raise ApiProblem(
            422,
            "Người được chọn không phải là người dùng đang hoạt động của đơn vị.",
            "The person chosen is not an active user of the organisation.",
            code="unknown_user",
        )


def _planned(session: Session, file_list: FileList, planned_id: int) -> PlannedFile:
    found = session.get(PlannedFile, planned_id)
    if found is None or found.file_list_id != file_list.id:
        raise not_found(f"hồ sơ dự kiến số {planned_id}", f"Planned file {planned_id}")
    return found


def edit_planned(
    session: Session, user: User, file_list_id: int, planned_id: int, fields: PlannedFields
) -> PlannedFile:
    found = _editable(session, user, file_list_id)
    planned = _planned(session, found, planned_id)
    if fields.heading_id is not None:
        _heading(session, found, fields.heading_id)
        planned.heading_id = fields.heading_id
    if fields.notation is not None:
        notation = nfc(fields.notation)
        _refuse_taken_notation(session, found, notation, but=planned.id)
        planned.notation = notation
    if fields.title is not None:
        planned.title = nfc(fields.title)
    if fields.retention is not None:
        planned.retention_years = fields.retention.years
    if fields.responsible is not None:
        planned.responsible = nfc(fields.responsible)
    if fields.note is not None:
        planned.note = nfc(fields.note)
    return planned


def delete_planned(session: Session, user: User, file_list_id: int, planned_id: int) -> None:
    found = _editable(session, user, file_list_id)
    session.delete(_planned(session, found, planned_id))


def take_list_action(
    session: Session, user: User, file_list_id: int, action: FileListAction, reason: str = ""
) -> FileList:
    """Approve (the head of the organisation), send an approved list back to the draft, issue."""
    found = load_own_list(session, user, file_list_id, for_update=True)
    rule = FILE_LIST_RULES[action]
    if role_of(user) not in rule.roles:
        raise forbidden()
    if found.state not in rule.sources:
        raise ApiProblem(
            409,
            f"Danh mục hồ sơ năm {found.year} {FILE_LIST_STATE_VI[found.state]}: không thể "
            "thực hiện thao tác này.",
            f"The {found.year} file list is {found.state}: this cannot be done now.",
            code="wrong_state",
        )
    if rule.needs_reason and not nfc(reason):
        raise ApiProblem(422, "Cần nêu lý do.", "A reason is required.", code="reason_required")
    if action is FileListAction.APPROVE:
        planned = session.scalar(
            select(PlannedFile.id).where(PlannedFile.file_list_id == found.id).limit(1)
        )
        if planned is None:
            raise conflict(
                "Danh mục chưa có hồ sơ nào: chưa thể phê duyệt.",
                "The list plans no file yet: it cannot be approved.",
            )
        found.approved_by, found.approved_at = user.id, utcnow()
    elif action is FileListAction.ISSUE:
        found.issued_by, found.issued_at = user.id, utcnow()
    else:
        found.approved_by = found.approved_at = None
    before = found.state
    found.state = str(rule.target)
    found.updated_at = utcnow()
    detail = {"file_list": found.id, "year": found.year, "state": [before, found.state]}
    if reason:
        detail["reason"] = nfc(reason)
    audit(session, user, f"file_list_{action}", None, json.dumps(detail, ensure_ascii=False))
    logger.info("file list %d: %s by user %d", found.id, action, user.id)
    return found


def opened_from(session: Session, planned_id: int) -> int | None:
    """The case file already opened from a planned file, if any."""
    return session.scalar(select(CaseFile.id).where(CaseFile.planned_file_id == planned_id))
