"""The document workflow (Decree 30/2020): every status change is a step with a rule.

Incoming: a copy from another organisation on this server arrives (``arrived``) → the
clerk registers it (``register``: arrival number, optionally the ĐẾN stamp on its file;
documents entered by hand start registered) → ``received`` → presented to a leader (``present``) → directed and
assigned (``assign``: one lead handler, co-handlers, people informed, a deadline) →
processed (``note``) → finished (``finish``), or returned (``return``) / recalled
(``recall``) / reopened (``reopen``). Outgoing: ``draft`` → submitted for signature
(``submit``) → sent back with comments (``send_back``) or approved once signed
(``approve``) → numbered (the register) → issued (``issue``), which delivers a copy to
every recipient organisation on this server as a new incoming document.

``RULES`` says which step is allowed from which status, by which role, and what else it
needs (the lead handler, a comment, recipients); ``apply`` checks it, changes the status,
keeps the assignments and read grants in step, and appends to the document's trace. Status
is changed nowhere else.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.steps import Step
from base.workflow import (
    CORRECTABLE,
    CREATED_AS,
    FROZEN,
    NEEDS_FILE,
    ON_ARCHIVED_DOCUMENTS,
    PART_ROLES,
    RULES,
    STATUS_NAMES_VI,
    STEP_NAMES_VI,
    Direction,
    Mark,
    Origin,
    Part,
    PartState,
    Status,
)

from .duplicates import refuse_duplicate
from .errors import ApiProblem, forbidden
from .models import Assignment, Document, Grant, Organisation, TraceEvent, User, Version, utcnow
from .policy import can_read
from .records.policy import refuse_step_on_archived
from .roles import Role

__all__ = [
    "Step",
    "Part",
    "PartState",
    "StepRequest",
    "RULES",
    "apply",
    "check",
    "could_ever",
    "record",
    "CREATED_AS",
    "FROZEN",
    "initial_status",
]

logger = logging.getLogger(__name__)


def initial_status(direction: str, requested: str | None, role: Role | None) -> str:
    """The status a new document takes, or 422/403 when the request asks for another."""
    if requested is None:
        if direction == "outgoing":
            return "draft"
        return "received" if role is Role.CLERK else "arrived"
    if requested not in CREATED_AS[Direction(direction)]:
        raise _refuse(
            422,
            f"Văn bản mới không thể ở trạng thái “{requested}”: văn bản đi bắt đầu là dự thảo, "
            "văn bản đến là chờ vào sổ hoặc đã vào sổ; các trạng thái sau qua các bước xử lý.",
            f"A new document cannot be created as '{requested}': outgoing documents start as "
            "drafts, incoming ones as arrived or registered; later statuses come from steps.",
            "status_not_initial",
        )
    if requested == "received" and role is not Role.CLERK:
        raise forbidden()  # registering (an arrival number) is the clerk's
    return requested


@dataclass(frozen=True)
class StepRequest:
    step: Step
    comment: str = ""
    to: Sequence[int] = ()
    """PRESENT / SUBMIT: the leaders it goes to."""
    lead: int | None = None
    co: Sequence[int] = ()
    info: Sequence[int] = ()
    deadline: dt.date | None = None
    organisations: Sequence[str] = field(default_factory=tuple)
    """ISSUE: the recipient organisations' codes on this server."""
    agencies: Sequence[str] = field(default_factory=tuple)
    """ISSUE: recipient agencies outside this server (exchange axis codes): an edXML package
    goes to each (``server.exchange.flows``, after the step)."""
    stamp: bool = False
    """REGISTER: put the ĐẾN stamp on the current file (``stamper`` does it)."""
    replaces: int | None = None
    """ISSUE: an earlier issued document of the organisation that this one replaces."""
    register_id: int | None = None
    """NUMBER / REGISTER: the register to number in (default: the year's first one)."""
    duplicate_ok: bool = False
    """REGISTER: the clerk confirmed registering what looks registered already."""
    corrections: Mapping[str, Any] = field(default_factory=dict)
    """CORRECT: registered fields and their corrected values (``CORRECTABLE``)."""


_NEEDS_FILE = frozenset({Step.SUBMIT, Step.APPROVE, Step.NUMBER})
"""Outgoing steps about a signature: what is signed, approved and numbered is a file."""

Stamper = Callable[[Session, Document, User], None]
"""Puts the ĐẾN stamp on a registered document's file as a new version (``server.arrival``)."""


def _refuse(status: int, vi: str, en: str, code: str | None = None) -> ApiProblem:
    return ApiProblem(status, vi, en, code=code)


def _active_parts(session: Session, doc: Document, user: User) -> set[Part]:
    rows = session.scalars(
        select(Assignment.kind).where(
            Assignment.document_id == doc.id,
            Assignment.user_id == user.id,
            Assignment.state == PartState.ACTIVE,
        )
    )
    return {Part(kind) for kind in rows}


def _colleagues(session: Session, user: User, ids: Sequence[int]) -> list[User]:
    """Active users of the caller's organisation, or 422 naming the one that is not."""
    found = []
    for user_id in dict.fromkeys(ids):
        other = session.get(User, user_id)
        if other is None or not other.active or other.organisation_id != user.organisation_id:
            raise _refuse(
                422,
                f"Không có người dùng {user_id} đang hoạt động trong đơn vị.",
                f"No active user {user_id} in this organisation.",
                "unknown_user",
            )
        found.append(other)
    return found


def _grant(session: Session, doc: Document, user: User, by: User) -> None:
    exists = session.scalar(
        select(Grant.id).where(Grant.document_id == doc.id, Grant.user_id == user.id)
    )
    if exists is None:
        session.add(Grant(document_id=doc.id, user_id=user.id, reason="assigned", granted_by=by.id))


def _close(session: Session, doc: Document, state: PartState, user: User | None = None) -> None:
    query = select(Assignment).where(
        Assignment.document_id == doc.id, Assignment.state == PartState.ACTIVE
    )
    if user is not None:
        query = query.where(Assignment.user_id == user.id)
    closed = set()
    for part in session.scalars(query):
        part.state, part.closed_at = state, utcnow()
        closed.add(part.user_id)
    if state is PartState.RECALLED and closed:
        _end_assigned_access(session, doc, closed)


def _end_assigned_access(session: Session, doc: Document, user_ids: set[int]) -> None:
    """Read access that came with a part ends when the part is recalled or replaced (a Tối mật
    document is no longer theirs to read); the trace and the closed part keep that it was."""
    session.flush()
    still = set(
        session.scalars(
            select(Assignment.user_id).where(
                Assignment.document_id == doc.id,
                Assignment.state == PartState.ACTIVE,
                Assignment.user_id.in_(user_ids),
            )
        )
    )
    for grant in session.scalars(
        select(Grant).where(
            Grant.document_id == doc.id,
            Grant.user_id.in_(user_ids - still),
            Grant.reason == "assigned",
        )
    ):
        session.delete(grant)


def record(
    session: Session,
    doc: Document,
    user: User,
    step: Step,
    before: str,
    comment: str = "",
    recipients: Sequence[int] = (),
) -> None:
    """Append one step to the document's trace."""
    session.add(
        TraceEvent(
            document_id=doc.id,
            user_id=user.id,
            role=user.role,
            action=step.value,
            from_status=before,
            to_status=doc.status,
            comment=comment,
            recipients=list(recipients),
        )
    )


def could_ever(user: User, step: Step) -> bool:
    """Whether anyone of ``user``'s role may take ``step`` on some document (by role, as the
    author, or with a part): a step decided on an old revision that this holds for is a
    conflict to resolve, one it does not hold for is simply not theirs (403)."""
    return RULES[step].open_to(user.role)


def check(session: Session, doc: Document, user: User, request: StepRequest) -> set[Part]:
    """403/409/422 unless ``user`` may take ``request`` on ``doc`` now; their active parts."""
    rule = RULES[request.step]
    if doc.direction != rule.direction:
        raise _refuse(
            409,
            f"Bước “{STEP_NAMES_VI[request.step]}” không áp dụng cho văn bản "
            f"{'đến' if doc.direction == 'incoming' else 'đi'}.",
            f"The step '{request.step}' does not apply to {doc.direction} documents.",
            "wrong_status",
        )
    parts = _active_parts(session, doc, user) if rule.by_handler or rule.withheld_from else set()
    # The contract's who (``Rule.allows``), said apart from the status: a person who may never
    # take this step hears 403, one who may but not now hears 409.
    if not rule.allows(user.role, parts, doc.created_by == user.id):
        raise forbidden()
    if doc.status not in rule.sources:
        raise _refuse(
            409,
            f"Không thể “{STEP_NAMES_VI[request.step]}” văn bản đang ở trạng thái "
            f"“{STATUS_NAMES_VI.get(doc.status, doc.status)}”.",
            f"A document in status '{doc.status}' cannot take the step '{request.step}'.",
            "wrong_status",
        )
    if request.step not in ON_ARCHIVED_DOCUMENTS:
        refuse_step_on_archived(session, doc)
    if rule.needs and not rule.needs <= set(_marks(session, doc)):
        raise _refuse(
            409,
            f"Không thể “{STEP_NAMES_VI[request.step]}” văn bản này: "
            + (
                "văn bản chưa gửi ra ngoài qua trục liên thông."
                if Mark.EXTERNAL in rule.needs
                else "bên gửi không đề nghị lấy lại văn bản."
            ),
            f"The step '{request.step}' does not apply to this document: "
            + (
                "it was not sent outside through the exchange axis."
                if Mark.EXTERNAL in rule.needs
                else "its sender has not asked for it back."
            ),
            "wrong_status",
        )
    if rule.comment_required and not request.comment.strip():
        raise _refuse(422, "Cần ghi lý do hoặc ý kiến.", "A reason or comment is required.")
    if rule.recipients_required and not request.to:
        raise _refuse(422, "Cần chọn người nhận.", "Choose who it goes to.")
    if rule.deadline_required and request.deadline is None:
        raise _refuse(422, "Cần chọn hạn xử lý mới.", "Choose the new deadline.")
    if request.agencies:
        _check_agencies(doc, request.agencies)
    if rule.corrections_required and not request.corrections:
        raise _refuse(
            422,
            "Cần nêu thông tin cần đính chính.",
            "Say which registered details to correct.",
            "nothing_to_correct",
        )
    return parts


def _marks(session: Session, doc: Document) -> list[str]:
    from .exchange.queries import arrivals, marks_for  # documents imports this module

    return marks_for(session, [doc.id], arrivals(session, [doc.id])).get(doc.id, [])


def _check_agencies(doc: Document, agencies: Sequence[str]) -> None:
    """Recipients outside this server: a secret document never goes through the axis, and each
    code must be an agency code (checked before anything is taken)."""
    from edxml.errors import EdxmlError
    from edxml.identifier import check_organ_id

    if doc.secrecy:
        raise _refuse(
            422,
            "Văn bản mật không được gửi qua trục liên thông; hãy chuyển theo đường bản giấy.",
            "A secret document is never sent through the exchange axis; send it on paper.",
            "secret_not_exchanged",
        )
    for code in agencies:
        try:
            check_organ_id(code)
        except EdxmlError as exc:
            raise _refuse(422, exc.message("vi"), exc.message("en"), "unknown_agency") from exc


def apply(
    session: Session,
    doc: Document,
    user: User,
    request: StepRequest,
    stamper: Stamper | None = None,
) -> list[Document]:
    """Check and carry out one step; returns the documents created on the way (ISSUE)."""
    parts = check(session, doc, user, request)
    rule = RULES[request.step]
    if request.step in NEEDS_FILE and not doc.current_version:
        raise _refuse(
            409,
            "Văn bản chưa có tệp PDF: hãy thêm tệp dự thảo trước khi trình ký, duyệt hay cấp số.",
            "The document has no PDF: add the draft's file before submitting, approving or "
            "numbering it.",
            "file_missing",
        )
    before = doc.status
    comment = request.comment
    recipients: list[int] = []
    created: list[Document] = []
    if request.step is Step.REGISTER:
        _register(session, doc, user, request, stamper)
    elif request.step is Step.NUMBER:
        comment = _number(session, doc, request)
    elif request.step in (Step.PRESENT, Step.SUBMIT):
        leaders = _colleagues(session, user, request.to)
        if any(Role(u.role) is not Role.LEADER for u in leaders):
            raise _refuse(
                422,
                "Chỉ trình được cho lãnh đạo.",
                "It can only be presented to a leader.",
            )
        for leader in leaders:
            _grant(session, doc, leader, user)
        recipients = [u.id for u in leaders]
    elif request.step is Step.ASSIGN:
        recipients = _assign(session, doc, user, request)
    elif request.step is Step.ASK_EXTENSION:
        recipients = _ask_extension(session, doc, user, request)
    elif request.step is Step.EXTEND:
        recipients = _extend(session, doc, request)
    elif request.step is Step.RETURN:
        _close(session, doc, PartState.RETURNED, user)
    elif request.step is Step.FINISH and Part.CO in parts and Part.LEAD not in parts:
        _close(session, doc, PartState.DONE, user)  # a co-handler's own part; the rest goes on
        record(session, doc, user, request.step, before, request.comment)
        return created
    elif request.step is Step.FINISH:
        _close(session, doc, PartState.DONE)
    elif request.step is Step.RECALL:
        _close(session, doc, PartState.RECALLED)
    elif request.step is Step.REOPEN:  # the lead handler takes it up again
        for part in session.scalars(
            select(Assignment).where(
                Assignment.document_id == doc.id,
                Assignment.kind == Part.LEAD,
                Assignment.state == PartState.DONE,
            )
        ):
            part.state, part.closed_at = PartState.ACTIVE.value, None
    elif request.step is Step.NOTE and Part.CO in parts and Part.LEAD not in parts:
        record(session, doc, user, request.step, before, request.comment)  # a co-handler's note
        return created
    elif request.step is Step.ISSUE:
        earlier = _replaced(session, doc, user, request.replaces)
        created = _deliver(session, doc, user, request.organisations)
        if earlier is not None:
            _retire(session, earlier, user, Step.REPLACE, "replaced", _replacement_note(doc))
    elif request.step is Step.WITHDRAW:
        _reach_copies(session, doc, user, Step.WITHDRAW, "withdrawn", request.comment)
    elif request.step is Step.CORRECT:
        comment = _correct(session, doc, user, request)
    elif request.step is Step.AGREE_TAKE_BACK:  # withdrawn: its file is gone for its readers
        _close(session, doc, PartState.RECALLED)
    if rule.target is not None:
        doc.status = rule.target
    record(session, doc, user, request.step, before, comment, recipients)
    if doc.source_id is not None and (source := session.get(Document, doc.source_id)):
        from .documents import touch  # documents imports this module

        touch(session, source)  # the sender's document shows this recipient's progress
    return created


_FIELD_NAMES = {
    "organ_name": "Cơ quan ban hành",
    "code_number": "Số",
    "code_notation": "Ký hiệu",
    "issued_date": "Ngày văn bản",
    "doc_type": "Loại văn bản",
    "subject": "Trích yếu",
    "signer_position": "Chức vụ người ký",
    "signer_name": "Người ký",
    "page_amount": "Số trang",
}
"""The registered fields (``CORRECTABLE``) as the trace of a correction names them."""


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return "—" if value in (None, "") else str(value)


def _correct(session: Session, doc: Document, user: User, request: StepRequest) -> str:
    """Change registered fields, each old and new value audited; the trace says what changed
    and why (the reason is the step's comment)."""
    from .documents import audit_change  # documents imports this module

    wrong = sorted(set(request.corrections) - set(CORRECTABLE))
    if wrong:
        raise _refuse(
            422,
            f"Bước đính chính chỉ sửa thông tin đã vào sổ; không sửa: {', '.join(wrong)}.",
            f"A correction changes only what the register holds; not: {', '.join(wrong)}.",
            "not_correctable",
        )
    changes = {
        name: value
        for name, value in request.corrections.items()
        if value != getattr(doc, name) and not (value is None and name != "code_number")
    }
    if not changes:
        raise _refuse(
            422,
            "Không có thông tin nào khác với sổ để đính chính.",
            "Nothing differs from the register: there is nothing to correct.",
            "nothing_to_correct",
        )
    audit_change(session, user, doc, changes)
    lines = [
        f"{_FIELD_NAMES[name]}: {_shown(getattr(doc, name))} → {_shown(value)}"
        for name, value in changes.items()
    ]
    for name, value in changes.items():
        setattr(doc, name, value)
    if changes.keys() & _IDENTITY:  # corrected into a letter the register holds already?
        refuse_duplicate(session, user, doc, request.duplicate_ok)
    return f"{request.comment}\n" + "; ".join(lines)


_IDENTITY = frozenset({"organ_name", "code_number", "code_notation", "issued_date"})
"""What makes two registered letters the same one (``server.duplicates``)."""


def _register(
    session: Session, doc: Document, user: User, request: StepRequest, stamper: Stamper | None
) -> None:
    from .deps import today_vn
    from .documents import assign_number  # documents imports this module

    if not doc.arrival_number:
        refuse_duplicate(session, user, doc, request.duplicate_ok)
        assign_number(session, doc, request.register_id, today_vn())
    if request.stamp:
        if not doc.current_version:
            raise _refuse(
                422,
                "Văn bản chưa có tệp để đóng dấu ĐẾN.",
                "The document has no file to put the arrival stamp on.",
                "file_missing",
            )
        if stamper is None:  # pragma: no cover - every route passes one
            raise RuntimeError("no stamper")
        stamper(session, doc, user)


def _number(session: Session, doc: Document, request: StepRequest) -> str:
    """Cấp số: the register's next number and today's date (unless the draft carried one);
    the trace keeps the number taken."""
    from .deps import today_vn
    from .documents import assign_number, number_symbol  # documents imports this module
    from .exchange.flows import give_identifier  # the exchange imports this module

    assign_number(session, doc, request.register_id, today_vn())
    give_identifier(session, doc)
    return number_symbol(doc)


def _assign(session: Session, doc: Document, user: User, request: StepRequest) -> list[int]:
    if request.lead is None:
        raise _refuse(422, "Cần chọn người xử lý chính.", "Choose the lead handler.")
    lead = _colleagues(session, user, [request.lead])[0]
    co = [u for u in _colleagues(session, user, request.co) if u.id != lead.id]
    info = [
        u
        for u in _colleagues(session, user, request.info)
        if u.id not in {lead.id, *(c.id for c in co)}
    ]
    for kind, people in ((Part.LEAD, [lead]), (Part.CO, co), (Part.INFO, info)):
        for person in people:
            if person.role not in PART_ROLES[kind]:
                raise _refuse(
                    422,
                    f"Không giao được cho {person.full_name}: lãnh đạo, chuyên viên xử lý văn "
                    "bản; văn thư chỉ nhận để biết.",
                    f"{person.full_name} cannot be given this part: leaders and specialists "
                    "handle documents; a clerk is only informed.",
                    "unfit_handler",
                )
    if request.deadline is not None:
        _not_past(request.deadline)
    _close(session, doc, PartState.RECALLED)  # a new direction replaces the old one
    for kind, people in ((Part.LEAD, [lead]), (Part.CO, co), (Part.INFO, info)):
        for person in people:
            session.add(
                Assignment(
                    document_id=doc.id,
                    user_id=person.id,
                    kind=kind.value,
                    state=PartState.ACTIVE.value,
                    deadline=request.deadline,
                    assigned_by=user.id,
                )
            )
            _grant(session, doc, person, user)
    if request.deadline is not None:
        doc.due_date = request.deadline
    return [lead.id, *(u.id for u in co), *(u.id for u in info)]


_COPIED = (
    "doc_type",
    "code_number",
    "code_notation",
    "issued_date",
    "subject",
    "language",
    "page_amount",
    "description",
    "signer_position",
    "signer_name",
    "urgency",
    "secrecy",
    "due_date",
    "document_identifier",
)


def _deliver(session: Session, doc: Document, user: User, codes: Sequence[str]) -> list[Document]:
    """A copy for each recipient organisation on this server: incoming, "arrived", with the
    issued file as its first version and the sender as its issuing organ."""
    from .documents import born  # documents imports this module

    sender = session.get(Organisation, doc.organisation_id)
    copies = []
    for code in dict.fromkeys(codes):
        org = session.scalar(select(Organisation).where(Organisation.code == code))
        if org is None or org.id == doc.organisation_id:
            raise _refuse(
                422,
                f"Không có đơn vị nhận “{code}” trên máy chủ này.",
                f"No recipient organisation '{code}' on this server.",
            )
        copy = born(
            session,
            Origin.DELIVERED,
            direction="incoming",
            organ_name=sender.name if sender else "",
            status="arrived",
            organisation_id=org.id,
            created_by=user.id,
            source_id=doc.id,
            current_version=doc.current_version and 1,
            **{name: getattr(doc, name) for name in _COPIED},
        )
        session.add(copy)
        session.flush()
        latest = session.scalar(
            select(Version).where(
                Version.document_id == doc.id, Version.number == doc.current_version
            )
        )
        if latest is not None:
            session.add(
                Version(
                    document_id=copy.id,
                    number=1,
                    sha256=latest.sha256,
                    size=latest.size,
                    filename=latest.filename,
                    content_type=latest.content_type,
                    author_id=user.id,
                    note=f"Nhận từ {sender.name if sender else ''}",
                )
            )
        record(
            session, copy, user, Step.RECEIVE, "", f"{doc.code_number or ''}/{doc.code_notation}"
        )
        copies.append(copy)
    return copies


def retire(session: Session, doc: Document, actor: User, status: Status, comment: str) -> None:
    """The exchange ends a document's force (its sender revoked or replaced it): the new status,
    every part closed, the trace says why. A withdrawn incoming copy's file is destroyed for its
    readers by the access policy (``policy.file_destroyed``)."""
    from .documents import touch  # documents imports this module

    before, doc.status = doc.status, status
    _close(session, doc, PartState.RECALLED)
    touch(session, doc)
    record(session, doc, actor, Step.EXCHANGE, before, comment)


def _replaced(session: Session, doc: Document, user: User, replaces: int | None) -> Document | None:
    """The earlier document an ISSUE replaces: issued by the same organisation, still in force,
    and readable by whoever names it (else 404, as if it did not exist: naming a document is no
    way to learn that it exists, nor to retire one you may not read)."""
    if replaces is None:
        return None
    earlier = session.get(Document, replaces)
    if earlier is None or earlier.deleted or not can_read(session, user, earlier):
        raise _refuse(
            404,
            f"Không tìm thấy văn bản số {replaces}.",
            f"Document {replaces} not found.",
            "not_found",
        )
    if (
        earlier.id == doc.id
        or earlier.organisation_id != doc.organisation_id
        or earlier.direction != "outgoing"
        or earlier.status != "issued"
    ):
        raise _refuse(
            422,
            f"Văn bản {replaces} không phải văn bản đã phát hành của đơn vị để thay thế.",
            f"Document {replaces} is not an issued document of this organisation to replace.",
        )
    return earlier


def _replacement_note(doc: Document) -> str:
    """Written into the replaced document's trace, which its readers (and every recipient's
    copy) see: a secret replacement is named by its number only, never by what it says."""
    number = "/".join(p for p in (doc.code_number or "", doc.code_notation) if p)
    if doc.secrecy:
        return f"Được thay thế bởi văn bản số {number}"
    return f"Được thay thế bởi văn bản số {number}: {doc.subject}"[:4000]


def _retire(
    session: Session, doc: Document, user: User, step: Step, status: str, comment: str
) -> None:
    """An issued document stops being in force (replaced): it and every copy say so."""
    from .documents import touch  # documents imports this module

    before, doc.status = doc.status, status
    touch(session, doc)
    record(session, doc, user, step, before, comment)
    _reach_copies(session, doc, user, step, status, comment)


def _reach_copies(
    session: Session, doc: Document, user: User, step: Step, status: str, comment: str
) -> None:
    """Every recipient's copy takes the same status, with the step in its trace, so the
    recipient's clerk and handlers see it at their next sync; their work on it stops."""
    from .documents import touch  # documents imports this module

    for copy in session.scalars(
        select(Document).where(Document.source_id == doc.id, Document.deleted.is_(False))
    ):
        before, copy.status = copy.status, status
        _close(session, copy, PartState.RECALLED)
        touch(session, copy)
        record(session, copy, user, step, before, comment)


def _not_past(deadline: dt.date | None) -> dt.date:
    from .deps import today_vn

    if deadline is None or deadline < today_vn():
        raise _refuse(422, "Hạn xử lý đã qua.", "The deadline is in the past.")
    return deadline


def _ask_extension(session: Session, doc: Document, user: User, request: StepRequest) -> list[int]:
    """The handler's open parts remember the day asked for; the leaders who assigned them
    find the request in "Chờ chỉ đạo"."""
    wanted = _not_past(request.deadline)
    asked_of: list[int] = []
    for part in session.scalars(
        select(Assignment).where(
            Assignment.document_id == doc.id,
            Assignment.user_id == user.id,
            Assignment.state == PartState.ACTIVE,
            Assignment.kind.in_((Part.LEAD, Part.CO)),
        )
    ):
        if part.deadline is not None and wanted <= part.deadline:
            raise _refuse(
                422,
                "Hạn xin gia hạn phải sau hạn xử lý hiện tại.",
                "The requested deadline must be later than the current one.",
            )
        part.requested_deadline = wanted
        asked_of.append(part.assigned_by)
    return list(dict.fromkeys(asked_of))


def _extend(session: Session, doc: Document, request: StepRequest) -> list[int]:
    """Every open part gets the new deadline, and any request for one is answered."""
    deadline = _not_past(request.deadline)
    handlers = []
    for part in session.scalars(
        select(Assignment).where(
            Assignment.document_id == doc.id, Assignment.state == PartState.ACTIVE
        )
    ):
        part.deadline, part.requested_deadline = deadline, None
        handlers.append(part.user_id)
    doc.due_date = deadline
    return list(dict.fromkeys(handlers))
