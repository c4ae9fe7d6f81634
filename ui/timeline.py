"""The words of the document view's timeline for each person's part in handling it.

Each kind of part reads as what it is: the lead handler and the co-handlers work to a
deadline (``đang xử lý, hạn …``, ``đang phối hợp, hạn …``, then ``đã xong``), while a reader
for information (để biết) handles nothing and has no deadline, whatever the record carries.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from base.deadlines import DeadlineState, deadline_state
from client.records import AssignmentEntry

from .labels import step_label

__all__ = ["part_line"]


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
