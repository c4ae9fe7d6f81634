"""Our document model (Decree 30 fields, named as in our database) ↔ edXML records.

Kept here, without importing the server, so the server, the desktop and the command line map
packages the same way. ``description`` travels as edXML ``Content``: a package whose Content
repeats its Subject (as most do) has no separate description.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from edxml._text import VN_TZ, nfc
from edxml.records import (
    Attachment,
    Business,
    Code,
    DocumentType,
    Envelope,
    MessageHeader,
    Organ,
    OtherInfo,
    PromulgationInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusCode,
    StatusMessage,
    TraceHeader,
)

__all__ = ["DocumentFields", "fields_from_envelope", "envelope_for", "status_message"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentFields:
    """A document as our database holds it (Decree 30/2020 fields)."""

    doc_type: str
    """The kind in words: Công văn, Quyết định, … (edXML DocumentType/TypeName)."""
    code_number: str | None
    """Số (CodeNumber); None when the document has no number yet."""
    code_notation: str
    """Ký hiệu (CodeNotation), e.g. ``UBND-VP``."""
    issued_date: dt.date | None
    organ_name: str
    """The issuing agency's name (From/OrganName)."""
    subject: str
    """Trích yếu."""
    description: str
    """A longer summary (Content), empty when it would only repeat the subject."""
    signer_position: str
    signer_name: str
    urgency: int
    """0 thường … 4 hỏa tốc hẹn giờ (edXML Priority)."""
    due_date: dt.date | None
    to_places: tuple[str, ...]
    """Nơi nhận, as printed on the document."""
    page_amount: int
    issued_amount: int | None
    """Số bản phát hành (PromulgationAmount)."""
    place: str = ""
    """Where it was issued (PromulgationInfo/Place)."""
    signer_competence: str = ""
    """TM., KT., TL., … (SignerInfo/Competence)."""
    appendixes: tuple[str, ...] = ()
    steering_type: str = ""
    document_type_code: str = "1"
    """1: administrative document, 2: legal document (DocumentType/Type)."""


def _text(value: str) -> str:
    return nfc(value)


def fields_from_envelope(env: Envelope) -> DocumentFields:
    """The document an envelope carries, as our fields (all text NFC)."""
    head = env.header
    subject = _text(head.subject)
    content = _text(head.content)
    return DocumentFields(
        doc_type=_text(head.document_type.type_name),
        code_number=_text(head.code.number) or None,
        code_notation=_text(head.code.notation),
        issued_date=head.promulgation.date,
        organ_name=_text(head.from_.name),
        subject=subject,
        description=content if content != subject else "",
        signer_position=_text(head.signer.position),
        signer_name=_text(head.signer.full_name),
        urgency=head.other.priority,
        due_date=head.due_date,
        to_places=tuple(_text(p) for p in head.to_places),
        page_amount=head.other.page_amount or 0,
        issued_amount=head.other.promulgation_amount,
        place=_text(head.promulgation.place),
        signer_competence=_text(head.signer.competence),
        appendixes=tuple(_text(a) for a in head.other.appendixes),
        steering_type=_text(head.steering_type),
        document_type_code=_text(head.document_type.type) or "1",
    )


def envelope_for(
    fields: DocumentFields,
    *,
    sender: Organ,
    recipients: Sequence[Organ],
    document_id: str,
    business: Business,
    attachments: Sequence[Attachment],
    trace: Sequence[TraceHeader],
) -> Envelope:
    """The envelope to send ``fields`` as (From's name is ``organ_name`` when it is given)."""
    return Envelope(
        header=MessageHeader(
            from_=Organ(
                organ_id=sender.organ_id,
                name=fields.organ_name or sender.name,
                in_charge=sender.in_charge,
                address=sender.address,
                email=sender.email,
                telephone=sender.telephone,
                fax=sender.fax,
                website=sender.website,
            ),
            to=tuple(recipients),
            document_id=document_id,
            code=Code(number=fields.code_number or "", notation=fields.code_notation),
            promulgation=PromulgationInfo(place=fields.place, date=fields.issued_date),
            document_type=DocumentType(type=fields.document_type_code, type_name=fields.doc_type),
            subject=fields.subject,
            content=fields.description or fields.subject,
            signer=SignerInfo(
                competence=fields.signer_competence,
                position=fields.signer_position,
                full_name=fields.signer_name,
            ),
            due_date=fields.due_date,
            other=OtherInfo(
                priority=fields.urgency,
                promulgation_amount=fields.issued_amount,
                page_amount=fields.page_amount,
                appendixes=fields.appendixes,
            ),
            steering_type=fields.steering_type,
            to_places=fields.to_places,
        ),
        trace=tuple(trace),
        business=business,
        attachments=tuple(attachments),
    )


def status_message(
    *,
    sender: Organ,
    to: Organ,
    answered: ResponseFor,
    code: StatusCode,
    description: str,
    staff: StaffInfo | None,
    at: dt.datetime,
) -> StatusMessage:
    """A status package answering ``answered``; ``at`` is kept to the second, in Vietnam's
    local time (as edXML writes it), so the record equals what is read back."""
    if at.tzinfo is not None:
        at = at.astimezone(VN_TZ).replace(tzinfo=None)
    return StatusMessage(
        from_=sender,
        response_for=answered,
        code=code,
        timestamp=at.replace(microsecond=0),
        description=description,
        staff=staff,
        to=(to,),
    )
