"""The duplicate-registration warning (Decree 30/2020 Appendix VI III.1.h).

Before an incoming document takes an arrival number, the organisation's register is searched
for the same letter already registered: the same issued document delivered twice (its source),
the same document identifier (mã định danh, the same letter come through the exchange axis
and on paper or by another route), or the same issuing organ, number, notation and date. A match refuses the registration (409
``duplicate``) naming the earlier entry, unless the clerk confirms (``duplicate_ok``): a second
copy of one letter is sometimes registered on purpose, but never by accident.
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from .errors import ApiProblem
from .models import Document, User
from .policy import can_read

__all__ = ["refuse_duplicate", "registered_twin"]


def registered_twin(session: Session, doc: Document) -> Document | None:
    """The earliest registered incoming document of the organisation that is ``doc`` again."""
    same = []
    if doc.source_id is not None:
        same.append(Document.source_id == doc.source_id)
    if doc.document_identifier:
        same.append(Document.document_identifier == doc.document_identifier)
    if doc.code_number and doc.organ_name and doc.issued_date:
        same.append(
            and_(
                Document.code_number == doc.code_number,
                Document.code_notation == doc.code_notation,
                Document.organ_name == doc.organ_name,
                Document.issued_date == doc.issued_date,
            )
        )
    if not same:
        return None
    query = select(Document).where(
        Document.organisation_id == doc.organisation_id,
        Document.direction == "incoming",
        Document.arrival_number.is_not(None),
        Document.deleted.is_(False),
        or_(*same),
    )
    if doc.id is not None:
        query = query.where(Document.id != doc.id)
    return session.scalar(query.order_by(Document.id).limit(1))


def refuse_duplicate(session: Session, user: User, doc: Document, confirmed: bool) -> None:
    """409 ``duplicate`` naming the earlier entry, unless the clerk confirmed."""
    if confirmed or (twin := registered_twin(session, doc)) is None:
        return
    if can_read(session, user, twin):
        when = twin.arrival_date.strftime("%d/%m/%Y") if twin.arrival_date else ""
        vi = f"số đến {twin.arrival_number:02d} ngày {when}: “{twin.subject[:120]}”"
        en = f"arrival number {twin.arrival_number:02d} of {when}: “{twin.subject[:120]}”"
    else:  # a secret entry: that it exists, not what it says
        vi, en = "một văn bản mật đã vào sổ", "a secret document already registered"
    raise ApiProblem(
        409,
        f"Văn bản này có vẻ đã vào sổ ({vi}). Nếu đúng là cần vào sổ lần nữa, hãy xác nhận.",
        f"This document seems to be registered already ({en}). Confirm to register it again.",
        code="duplicate",
    )
