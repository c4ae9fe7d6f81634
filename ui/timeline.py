"""The words of the document view's timeline: each step of the trace, each person's part in
handling it, and each recipient of an issued document.

Each kind of part reads as what it is: the lead handler and the co-handlers work to a
deadline (``đang xử lý, hạn …``, ``đang phối hợp, hạn …``, then ``đã xong``), while a reader
for information (để biết) handles nothing and has no deadline, whatever the record carries.
What the exchange axis did (a status from a recipient agency, a revocation, a take-back
request) reads as what happened, not as a clerk's step; a recipient agency outside this
server shows its latest edXML status in words, a refusal or a failed send with its reason.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from base.deadlines import DeadlineState, deadline_state
from client.records import AssignmentEntry, Delivery, TraceEntry

from .labels import (
    axis_state_label,
    exchange_code_label,
    in_language,
    role_label,
    status_label,
    step_label,
)

__all__ = ["part_line", "trace_line", "delivery_line", "delivery_state", "PROBLEM_COLOUR"]

PROBLEM_COLOUR = "#c62828"
"""A refusal, a failed send: red, as the house's errors are."""
_REFUSED = "02"


def _date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _handling(part: AssignmentEntry, today: dt.date) -> str:
    """A lead or co-handler's part: its state, deadline, any request for more time."""
    if part.state == "active":
        doing = (
            QCoreApplication.translate("Timeline", "đang xử lý")
            if part.kind == "lead"
            else QCoreApplication.translate("Timeline", "đang phối hợp")
        )
    else:
        doing = step_label(part.state)  # đã xong, đã trả lại, đã thu hồi
    if part.state in ("returned", "recalled") or part.deadline is None:
        return doing
    text = doing + QCoreApplication.translate("Timeline", ", hạn %1").replace(
        "%1", _date(part.deadline)
    )
    if part.state != "active":
        return text
    if part.requested_deadline:
        text += QCoreApplication.translate("Timeline", ", xin gia hạn đến %1").replace(
            "%1", _date(part.requested_deadline)
        )
    state = deadline_state(part.deadline, today)
    if state is DeadlineState.OVERDUE:
        text += QCoreApplication.translate("Timeline", " (quá hạn)")
    elif state is DeadlineState.DUE_SOON:
        text += QCoreApplication.translate("Timeline", " (sắp đến hạn)")
    return text


def part_line(part: AssignmentEntry, today: dt.date) -> str:
    """``• Xử lý chính: Hoàng Thị Mai — đang xử lý, hạn 04/05/2030`` and the like."""
    if part.kind in ("lead", "co"):
        what = _handling(part, today)
    elif part.state == "recalled":
        what = step_label(part.state)
    else:  # để biết: nothing to hand in, no deadline
        what = QCoreApplication.translate("Timeline", "để biết, không phải xử lý")
    return f"• {step_label(part.kind)}: {part.user_name} — {what}"


def _moment(at: dt.datetime | None) -> str:
    return at.astimezone().strftime("%d/%m/%Y %H:%M") if at else ""


def trace_line(entry: TraceEntry) -> str:
    """``12/05/2026 09:30  Vào sổ văn bản đến: Trần Thị Lan (Văn thư) — Đã đến → Đã tiếp
    nhận``; what the exchange axis did reads ``Liên thông: <what happened>`` (no clerk did it)."""
    when = _moment(entry.at)
    if entry.action == "exchange":
        what = entry.comment or status_label(entry.to_status)
        return f"{when}  {step_label(entry.action)}: {what}"
    who = f"{entry.user_name} ({role_label(entry.role)})"
    moved = (
        f" — {status_label(entry.from_status)} → {status_label(entry.to_status)}"
        if entry.from_status and entry.from_status != entry.to_status
        else ""
    )
    comment = f"\n    “{entry.comment}”" if entry.comment else ""
    return f"{when}  {step_label(entry.action)}: {who}{moved}{comment}"


def delivery_state(delivery: Delivery) -> tuple[str, bool]:
    """A recipient agency's latest state in words, and whether it is a problem (refused, or
    the package could not be sent) — the reason follows a problem."""
    if delivery.status_code:
        words = exchange_code_label(delivery.status_code)
        problem = delivery.status_code == _REFUSED
    else:
        words = axis_state_label(delivery.status)
        problem = delivery.status == "failed"
    if problem and delivery.reason:
        # a failed send's reason is the server's, in both languages; a refusal's, a person's
        said = in_language(delivery.reason) if not delivery.status_code else [delivery.reason]
        words = f"{words}: {' '.join(' '.join(said).split())}"
    return words, problem


def delivery_line(delivery: Delivery) -> tuple[str, bool]:
    """``→ Nơi nhận Sở Tài chính: Đã tiếp nhận`` for a copy on this server; for an agency
    reached through the axis its name and code, its latest status and when — and whether the
    line is a problem to show in red."""
    if delivery.via != "axis":
        return (
            QCoreApplication.translate("Timeline", "→ Nơi nhận %1: %2")
            .replace("%1", delivery.organisation)
            .replace("%2", status_label(delivery.status)),
            False,
        )
    name = delivery.organisation or delivery.agency_code
    if delivery.agency_code and delivery.agency_code != name:
        name = f"{name} ({delivery.agency_code})"
    words, problem = delivery_state(delivery)
    text = (
        QCoreApplication.translate("Timeline", "→ Nơi nhận %1 (qua trục liên thông): %2")
        .replace("%1", name)
        .replace("%2", words)
    )
    if delivery.at:
        text += f" — {_moment(delivery.at)}"
    return text, problem
