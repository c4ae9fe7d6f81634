"""The workflow's step keys, shared by the server's rules, the desktop and the command line.

Stored in every trace entry and sent in every step request, so they are stable strings.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Step", "USER_STEPS", "WORK_ENDING_STEPS"]


class Step(StrEnum):
    CREATE = "create"
    NUMBER = "number"
    """Cấp số: the clerk takes the outgoing register's next number for a signed document."""
    RECEIVE = "receive"
    """A copy delivered by another organisation on the same server (it arrives: ``arrived``)."""
    REGISTER = "register"
    """The clerk enters an arrived document in the register (arrival number, the ĐẾN stamp)."""
    PRESENT = "present"
    ASSIGN = "assign"
    NOTE = "note"
    ASK_EXTENSION = "ask_extension"
    """Xin gia hạn: a handler asks the leader who assigned it for a later deadline."""
    EXTEND = "extend"
    """Gia hạn: the leader sets a new deadline for every open part."""
    RETURN = "return"
    FINISH = "finish"
    REOPEN = "reopen"
    RECALL = "recall"
    SUBMIT = "submit"
    SEND_BACK = "send_back"
    APPROVE = "approve"
    ISSUE = "issue"
    WITHDRAW = "withdraw"
    """Thu hồi: the issuing organisation takes back an issued document, from every recipient."""
    CORRECT = "correct"
    """Đính chính: the clerk corrects what the register holds of an incoming document (the
    sender, number, date, subject…), with a reason; old and new values stay in the audit."""
    REPLACE = "replace"
    """Thay thế: a newly issued document replaces an earlier one (recorded on the old one)."""
    REFUSE = "refuse"
    """Từ chối tiếp nhận: the clerk refuses an arrived document, with the reason (edXML 02)."""
    ASK_TAKE_BACK = "ask_take_back"
    """Đề nghị lấy lại: the issuer asks the recipients outside this server to give an issued
    document back (edXML 13), with the reason; each answers 15 (agree) or 16 (refuse)."""
    AGREE_TAKE_BACK = "agree_take_back"
    """Đồng ý cho lấy lại: the recipient's clerk gives the copy back (15): it is withdrawn."""
    DECLINE_TAKE_BACK = "decline_take_back"
    """Từ chối cho lấy lại: the recipient's clerk keeps the copy (16), with the reason."""
    EXCHANGE = "exchange"
    """Something the exchange axis did: revoked, updated or replaced by its sender, a take-back
    asked (the trace's comment says what)."""


USER_STEPS = tuple(
    s for s in Step if s not in (Step.CREATE, Step.RECEIVE, Step.REPLACE, Step.EXCHANGE)
)
"""The steps a person takes through ``POST /documents/{id}/actions`` (the others happen)."""

WORK_ENDING_STEPS = frozenset({Step.FINISH, Step.ISSUE})
"""The steps after which a document's work is done — an incoming one handled, an outgoing one
issued — and it belongs in a case file (Decree 30 Art. 29): the window offers «Đưa vào hồ sơ…»."""
