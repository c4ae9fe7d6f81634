"""The workflow contract: the vocabulary and the rules that the server, the API schema, the
desktop's dialogs and queues and the command line all read.

Stored states are stable keys (``StrEnum``); the rules are data — which step goes from which
status to which, who may take it (by role, as the document's author, or by an active part),
what it needs — and ``steps_for`` is the one pure function that says what a given person may
do to a given document now. The server enforces it (``server.workflow``), the step dialog
offers it, a test holds every side to it: a new step or status is one edit here.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from .steps import Step

__all__ = [
    "Direction",
    "Origin",
    "Mark",
    "ON_ARCHIVED_DOCUMENTS",
    "Status",
    "Role",
    "Part",
    "PartState",
    "Rule",
    "RULES",
    "CREATED_AS",
    "CORRECTABLE",
    "ON_THE_CLERKS_DESK",
    "FROZEN",
    "NEEDS_FILE",
    "PART_ROLES",
    "STEP_ORDER",
    "UNDO",
    "STATUS_NAMES_VI",
    "STEP_NAMES_VI",
    "likely_step",
    "may_take",
    "steps_for",
    "undo_step",
]


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class Origin(StrEnum):
    """How a document came into the server (kept on the record: III.1 asks where it is from)."""

    CREATED = "created"
    """Typed in: a draft, or an incoming paper registered by hand."""
    SCAN = "scan"
    """An upload that carried its document (the watched scan folder)."""
    DELIVERED = "delivered"
    """A copy issued to this organisation by another one on the same server."""
    IMPORTED = "imported"
    """History loaded in bulk (the demo's archive, a migration from an older system)."""
    EXCHANGE = "exchange"
    """An edXML package from another agency: through the national exchange axis or a file."""


class Status(StrEnum):
    # outgoing
    DRAFT = "draft"
    PENDING_SIGNATURE = "pending_signature"
    SIGNED = "signed"
    NUMBERED = "numbered"
    ISSUED = "issued"
    # both: an issued document taken back, or replaced by a newer one (and every copy of it)
    WITHDRAWN = "withdrawn"
    REPLACED = "replaced"
    # incoming
    ARRIVED = "arrived"
    RECEIVED = "received"
    ASSIGNED = "assigned"
    PROCESSING = "processing"
    DONE = "done"
    REFUSED = "refused"
    """Từ chối tiếp nhận: the clerk did not take the arrived document in (its sender is told)."""


class Role(StrEnum):
    CLERK = "clerk"  # văn thư
    LEADER = "leader"  # lãnh đạo
    SPECIALIST = "specialist"  # chuyên viên
    ARCHIVIST = "archivist"  # lưu trữ
    ORG_ADMIN = "org_admin"  # quản trị đơn vị
    PROVINCE_ADMIN = "province_admin"  # quản trị tỉnh


class Mark(StrEnum):
    """Something about a document beyond its status that opens a step (``Rule.needs``)."""

    EXTERNAL = "external"
    """Issued to agencies outside this server, through the exchange axis."""
    TAKE_BACK_ASKED = "take_back_asked"
    """Its sender asked to take it back (edXML 13) and the clerk has not answered yet."""
    ARCHIVED = "archived"
    """A case file holding it is in the agency archive: its work is over (IV.1.g); only the
    steps of ``ON_ARCHIVED_DOCUMENTS`` remain."""


ON_ARCHIVED_DOCUMENTS = frozenset({Step.WITHDRAW, Step.ASK_TAKE_BACK, Step.DECLINE_TAKE_BACK})
"""What still happens to a document whose file the archive keeps: its issuer ends its legal
force for the recipients (as a replacing document does), or a recipient answers that it keeps
its copy. Every other step would change the archived record."""


class Part(StrEnum):
    """A person's part in handling an incoming document (chủ trì, phối hợp, để biết)."""

    LEAD = "lead"
    CO = "co"
    INFO = "info"


class PartState(StrEnum):
    ACTIVE = "active"
    DONE = "done"
    RETURNED = "returned"
    RECALLED = "recalled"


@dataclass(frozen=True)
class Rule:
    direction: Direction
    sources: frozenset[Status]
    target: Status | None
    """The status after the step (None: unchanged)."""
    roles: frozenset[Role] = frozenset()
    """Roles allowed by role alone."""
    authors: frozenset[Role] = frozenset()
    """Roles allowed on the documents they created (a specialist submits their own drafts)."""
    by_handler: frozenset[Part] = frozenset()
    """Parts allowed by an active assignment, whatever the role."""
    withheld_from: frozenset[Part] = frozenset()
    """Parts that take the role's right away: a leader who holds one of them on this document
    (phối hợp, để biết) takes part in the work, and acts by that part (``by_handler``), never
    as the one who directs it."""
    comment_required: bool = False
    recipients_required: bool = False
    deadline_required: bool = False
    corrections_required: bool = False
    """CORRECT: the registered fields to change (``CORRECTABLE``)."""
    needs: frozenset[str] = frozenset()
    """Marks the document must carry (``Mark``): a take-back is answered only when asked."""

    def allows(self, role: str, parts: Collection[str], is_author: bool) -> bool:
        """Who may take the step (the status aside): by role (unless a part they hold withholds
        it), as the author, or by a part."""
        held = set(parts)
        return (
            (role in self.roles and not self.withheld_from & held)
            or (is_author and role in self.authors)
            or bool(self.by_handler & held)
        )

    def open_to(self, role: str) -> bool:
        """Whether anyone of ``role`` may take the step on some document."""
        return role in self.roles or role in self.authors or bool(self.by_handler)


_LEADER = frozenset({Role.LEADER})
_CLERK = frozenset({Role.CLERK})
_ACTIVE = frozenset({Status.ASSIGNED, Status.PROCESSING})
_HANDLERS = frozenset({Part.LEAD, Part.CO})
_TAKING_PART = frozenset({Part.CO, Part.INFO})
"""A leader who co-handles or is informed takes part; directing it is another leader's."""
_IN, _OUT = Direction.INCOMING, Direction.OUTGOING
_TAKEN_IN = frozenset(
    {Status.ARRIVED, Status.RECEIVED, Status.ASSIGNED, Status.PROCESSING, Status.DONE}
)
"""An incoming document still in force: what a take-back request can reach."""

RULES: dict[Step, Rule] = {
    Step.REGISTER: Rule(_IN, frozenset({Status.ARRIVED}), Status.RECEIVED, _CLERK),
    Step.PRESENT: Rule(_IN, frozenset({Status.RECEIVED}), None, _CLERK, recipients_required=True),
    Step.ASSIGN: Rule(
        _IN,
        frozenset({Status.RECEIVED, *_ACTIVE}),
        Status.ASSIGNED,
        _LEADER,
        withheld_from=_TAKING_PART,
    ),
    Step.NOTE: Rule(
        _IN, _ACTIVE, Status.PROCESSING, _LEADER, by_handler=_HANDLERS, withheld_from=_TAKING_PART
    ),
    Step.ASK_EXTENSION: Rule(
        _IN,
        _ACTIVE,
        None,
        by_handler=_HANDLERS,
        comment_required=True,
        deadline_required=True,
    ),
    Step.EXTEND: Rule(
        _IN, _ACTIVE, None, _LEADER, deadline_required=True, withheld_from=_TAKING_PART
    ),
    Step.RETURN: Rule(
        _IN, _ACTIVE, Status.RECEIVED, by_handler=frozenset({Part.LEAD}), comment_required=True
    ),
    Step.FINISH: Rule(
        _IN, _ACTIVE, Status.DONE, _LEADER, by_handler=_HANDLERS, withheld_from=_TAKING_PART
    ),
    Step.REOPEN: Rule(_IN, frozenset({Status.DONE}), Status.PROCESSING, _LEADER),
    Step.RECALL: Rule(_IN, _ACTIVE, Status.RECEIVED, _LEADER, withheld_from=_TAKING_PART),
    Step.SUBMIT: Rule(
        _OUT,
        frozenset({Status.DRAFT}),
        Status.PENDING_SIGNATURE,
        frozenset({Role.CLERK, Role.LEADER}),
        authors=frozenset({Role.SPECIALIST}),
        recipients_required=True,
    ),
    Step.SEND_BACK: Rule(
        _OUT, frozenset({Status.PENDING_SIGNATURE}), Status.DRAFT, _LEADER, comment_required=True
    ),
    Step.APPROVE: Rule(_OUT, frozenset({Status.PENDING_SIGNATURE}), Status.SIGNED, _LEADER),
    Step.NUMBER: Rule(_OUT, frozenset({Status.SIGNED}), Status.NUMBERED, _CLERK),
    Step.ISSUE: Rule(_OUT, frozenset({Status.NUMBERED}), Status.ISSUED, _CLERK),
    Step.CORRECT: Rule(
        _IN,
        frozenset({Status.RECEIVED, *_ACTIVE, Status.DONE}),
        None,
        _CLERK,
        comment_required=True,
        corrections_required=True,
    ),
    Step.WITHDRAW: Rule(
        _OUT,
        frozenset({Status.ISSUED}),
        Status.WITHDRAWN,
        frozenset({Role.CLERK, Role.LEADER}),
        comment_required=True,
    ),
    Step.REFUSE: Rule(
        _IN, frozenset({Status.ARRIVED}), Status.REFUSED, _CLERK, comment_required=True
    ),
    Step.ASK_TAKE_BACK: Rule(
        _OUT,
        frozenset({Status.ISSUED}),
        None,
        frozenset({Role.CLERK, Role.LEADER}),
        comment_required=True,
        needs=frozenset({Mark.EXTERNAL}),
    ),
    Step.AGREE_TAKE_BACK: Rule(
        _IN,
        _TAKEN_IN,
        Status.WITHDRAWN,
        _CLERK,
        needs=frozenset({Mark.TAKE_BACK_ASKED}),
    ),
    Step.DECLINE_TAKE_BACK: Rule(
        _IN,
        _TAKEN_IN,
        None,
        _CLERK,
        comment_required=True,
        needs=frozenset({Mark.TAKE_BACK_ASKED}),
    ),
}
"""Every step a person takes (``USER_STEPS``), and nothing else: status changes only here."""

CREATED_AS: dict[Direction, frozenset[Status]] = {
    _IN: frozenset({Status.ARRIVED, Status.RECEIVED}),
    _OUT: frozenset({Status.DRAFT}),
}
"""The only statuses a document is born in: an outgoing draft; an incoming document that waits
for its number (a scan, a delivered copy: ``arrived``) or is registered as it is entered
(``received``, with its arrival number). Everything later is reached by steps."""

PART_ROLES: dict[Part, frozenset[Role]] = {
    Part.LEAD: frozenset({Role.LEADER, Role.SPECIALIST}),
    Part.CO: frozenset({Role.LEADER, Role.SPECIALIST}),
    Part.INFO: frozenset({Role.LEADER, Role.SPECIALIST, Role.CLERK}),
}
"""Who may be given each part by ASSIGN: leaders and specialists handle documents; the clerk may
be informed (to send the answer, to file it); administrators and the archivist take no part."""

CORRECTABLE: tuple[str, ...] = (
    "organ_name",
    "code_number",
    "code_notation",
    "issued_date",
    "doc_type",
    "subject",
    "signer_position",
    "signer_name",
    "page_amount",
)
"""What the register holds of a registered incoming document (Appendix IV's columns and the
letter's own particulars): changed only by the clerk's CORRECT step, with a reason, never by a
plain edit."""

ON_THE_CLERKS_DESK = frozenset({Status.ARRIVED, Status.RECEIVED})
"""An incoming document waiting to be registered, or registered and waiting to be presented:
the clerks read its details whatever its secrecy (a Tối mật copy from another organisation is
registered like any other), never its file; once the leader directs it, it is the leaders' and
the handlers' alone."""

FROZEN = frozenset({Status.ISSUED, Status.WITHDRAWN, Status.REPLACED, Status.REFUSED})
"""The official record as issued (Decree 30/2020 Appendix VI III.5.d, III.8.a) — or refused at
arrival: neither its metadata nor its files change any more, for anyone; a correction is a
replacing document."""

NEEDS_FILE = frozenset({Step.SUBMIT, Step.APPROVE, Step.NUMBER})
"""Outgoing steps about a signature: what is submitted, approved and numbered is a file."""

STEP_ORDER: tuple[Step, ...] = (
    Step.REGISTER,
    Step.ASSIGN,
    Step.PRESENT,
    Step.NOTE,
    Step.FINISH,
    Step.ASK_EXTENSION,
    Step.RETURN,
    Step.EXTEND,
    Step.RECALL,
    Step.REOPEN,
    Step.CORRECT,
    Step.REFUSE,
    Step.AGREE_TAKE_BACK,
    Step.DECLINE_TAKE_BACK,
    Step.SUBMIT,
    Step.APPROVE,
    Step.SEND_BACK,
    Step.NUMBER,
    Step.ISSUE,
    Step.WITHDRAW,
    Step.ASK_TAKE_BACK,
)
"""The order a person's steps are offered in: the usual next step first."""


def may_take(
    step: Step,
    *,
    role: str,
    parts: Collection[str],
    direction: str,
    status: str,
    is_author: bool,
    marks: Collection[str] = (),
) -> bool:
    """May a person with ``role``, active ``parts`` and authorship take ``step`` on a document
    of ``direction`` in ``status`` carrying ``marks`` — the rule's who, direction, status and
    marks, nothing else."""
    rule = RULES[step]
    if direction != rule.direction or status not in rule.sources or not rule.needs <= set(marks):
        return False
    if Mark.ARCHIVED in marks and step not in ON_ARCHIVED_DOCUMENTS:
        return False
    return rule.allows(role, parts, is_author)


def steps_for(
    *,
    role: str,
    parts: Collection[str],
    direction: str,
    status: str,
    is_author: bool,
    marks: Collection[str] = (),
) -> tuple[Step, ...]:
    """The steps this person may take on this document now, the usual next one first."""
    return tuple(
        step
        for step in STEP_ORDER
        if may_take(
            step,
            role=role,
            parts=parts,
            direction=direction,
            status=status,
            is_author=is_author,
            marks=marks,
        )
    )


UNDO: dict[Step, Step] = {Step.ASSIGN: Step.RECALL, Step.FINISH: Step.REOPEN}
"""The step that takes a step back where the workflow has one: a direction is recalled
(Thu hồi giao việc), a finished document reopened. Every other step is undone by no step: a
presentation, a note or a signature stays in the trace; an issued document is withdrawn only
as an official act of its own, with its reason."""


def undo_step(step: Step) -> Step | None:
    """The step that undoes ``step`` (``UNDO``), or None. Whether this person may take it on
    the document as the step left it is ``may_take``'s answer (only a leader reopens)."""
    return UNDO.get(step)


def likely_step(
    offered: Collection[Step],
    *,
    parts: Collection[str],
    extension_asked: bool = False,
    unavailable: Collection[Step] = (),
) -> Step | None:
    """The step a person most likely takes next among ``offered`` (``steps_for``'s answer),
    never one of ``unavailable`` (a step whose required list, such as the leaders to present
    to, is empty) while another is offered.

    A leader answers a request for more time first; a handler (chủ trì, phối hợp) reports its
    work done; a leader on work under way gives a direction (a note) rather than re-assigning
    or closing it; otherwise the contract's order: register, direct, present, approve, number,
    issue…"""
    preferred: list[Step] = []
    if extension_asked:
        preferred.append(Step.EXTEND)
    if set(parts) & _HANDLERS:
        preferred.append(Step.FINISH)
    preferred += [Step.NOTE, *STEP_ORDER]
    usable = [s for s in preferred if s in offered and s not in unavailable]
    return usable[0] if usable else next((s for s in preferred if s in offered), None)


STATUS_NAMES_VI: dict[str, str] = {
    Status.DRAFT: "Dự thảo",
    Status.PENDING_SIGNATURE: "Chờ ký",
    Status.SIGNED: "Đã ký",
    Status.NUMBERED: "Đã cấp số",
    Status.ISSUED: "Đã ban hành",
    Status.WITHDRAWN: "Đã thu hồi",
    Status.REPLACED: "Đã được thay thế",
    Status.ARRIVED: "Đã đến",
    Status.RECEIVED: "Đã tiếp nhận",
    Status.ASSIGNED: "Đã giao xử lý",
    Status.PROCESSING: "Đang xử lý",
    Status.DONE: "Hoàn thành",
    Status.REFUSED: "Từ chối tiếp nhận",
}
"""The statuses in the server's Vietnamese messages (the window has its own, translated)."""

STEP_NAMES_VI: dict[str, str] = {
    Step.REGISTER: "Vào sổ",
    Step.PRESENT: "Trình lãnh đạo",
    Step.ASSIGN: "Chỉ đạo, giao xử lý",
    Step.NOTE: "Ý kiến xử lý",
    Step.ASK_EXTENSION: "Xin gia hạn",
    Step.EXTEND: "Gia hạn",
    Step.RETURN: "Trả lại",
    Step.FINISH: "Hoàn thành",
    Step.REOPEN: "Mở lại",
    Step.RECALL: "Thu hồi giao việc",
    Step.SUBMIT: "Trình ký",
    Step.SEND_BACK: "Trả lại dự thảo",
    Step.APPROVE: "Duyệt ký",
    Step.NUMBER: "Cấp số",
    Step.ISSUE: "Phát hành",
    Step.WITHDRAW: "Thu hồi văn bản",
    Step.CORRECT: "Đính chính",
    Step.CREATE: "Tạo văn bản",
    Step.RECEIVE: "Nhận từ đơn vị gửi",
    Step.REPLACE: "Thay thế văn bản",
    Step.REFUSE: "Từ chối tiếp nhận",
    Step.ASK_TAKE_BACK: "Đề nghị lấy lại",
    Step.AGREE_TAKE_BACK: "Đồng ý cho lấy lại",
    Step.DECLINE_TAKE_BACK: "Từ chối cho lấy lại",
    Step.EXCHANGE: "Liên thông",
}
"""The steps in the server's Vietnamese messages."""
