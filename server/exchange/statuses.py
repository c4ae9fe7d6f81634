"""A status message taken in: a recipient's answer on a document we sent (01 … 16), or its
sender asking for a document back (13)."""

from __future__ import annotations

import logging
from typing import Any

from base.steps import Step
from edxml import (
    STATUS_NAMES,
    StatusCode,
    StatusMessage,
)

from .enums import InboxState, PackageKind
from .flows import exchange_user
from .intake import Intake, Received, by_key, concerning, keep, trace
from .models import RecipientStatus
from .packages import organ_of
from .queries import vn_to_utc

__all__ = ["take_status"]

logger = logging.getLogger(__name__)


def take_status(intake: Intake, status: StatusMessage) -> Received:
    session, blobs, org, path = intake.session, intake.blobs, intake.org, intake.path
    from ..documents import touch

    sender = status.from_
    answered = status.response_for.document_id
    key = f"{answered}|{sender.organ_id}|{status.code.value}|{status.timestamp:%Y%m%d%H%M%S}"
    earlier = by_key(session, org, key)
    if earlier is not None:
        return Received(earlier, created=False)
    common: dict[str, Any] = {
        "sender": sender.organ_id[:35],
        "sender_name": sender.name[:300],
        "document_identifier": answered[:120],
        "status_code": status.code.value,
        "kind": PackageKind.STATUS,
    }
    ours = organ_of(org).organ_id
    if status.to and ours not in {o.organ_id for o in status.to}:
        named = ", ".join(o.organ_id for o in status.to)
        return intake.refuse(
            f"Trạng thái này gửi cho {named}, không phải cho đơn vị {ours}.",
            f"This status is addressed to {named}, not to {ours}.",
            **common,
        )
    asked_back = status.code is StatusCode.TAKE_BACK
    targets = concerning(
        session, org, answered, "incoming" if asked_back else "outgoing", sender.organ_id
    )
    if not targets:
        return intake.refuse(
            f"Không có văn bản “{answered}” nào của đơn vị mà {sender.organ_id} được báo tình "
            "trạng.",
            f"No document '{answered}' of this organisation that {sender.organ_id} may report on.",
            **common,
        )
    common.pop("kind")
    actor = exchange_user(session, org)
    name_vi = STATUS_NAMES[status.code][0]
    who = sender.name or sender.organ_id
    for doc in targets:
        if asked_back:
            comment = f"{who} đề nghị lấy lại văn bản: {status.description}"
        else:
            session.add(
                RecipientStatus(
                    document_id=doc.id,
                    agency_code=sender.organ_id[:35],
                    agency_name=sender.name[:300],
                    code=status.code.value,
                    description=status.description,
                    staff=(status.staff.staff if status.staff else "")[:300],
                    at=vn_to_utc(status.timestamp),
                )
            )
            comment = f"{who}: {name_vi}"
            if status.description and status.description != name_vi:
                comment += f" — {status.description}"
        touch(session, doc)
        trace(session, doc, actor, Step.EXCHANGE, doc.status, comment)
    row = intake.row(
        key,
        PackageKind.STATUS,
        InboxState.APPLIED,
        sha256=keep(session, blobs, path)[0],
        document_id=targets[0].id,
        verdicts={"description": status.description},
        problem="\n".join(p.message("vi") + "\n" + p.message("en") for p in status.problems),
        **common,
    )
    return Received(row, created=True, documents=tuple(targets))
