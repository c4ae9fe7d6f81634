"""The exchange's side effects: what goes out when a clerk issues to outside agencies, asks a
document back, or moves an arrived one along (the status its sender is owed), and who the
axis acts as on this server.

Every package is queued (``OutboxPackage``) inside the step's own transaction, so a step and
the packages it owes are committed together; the agent sends them later, and an axis that is
down delays them, never loses them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.steps import Step
from edxml import (
    STATUS_NAMES,
    Business,
    BusinessDocType,
    Organ,
    ResponseFor,
    StaffInfo,
    StatusCode,
)
from edxml.errors import EdxmlError
from edxml.identifier import check_organ_id

from ..errors import ApiProblem
from ..filestore import BlobStore
from ..models import Document, Organisation, User
from .enums import OutboxState, PackageKind
from .models import Agency, InboxPackage, OutboxPackage
from .packages import build_envelope, build_status, identifier_for, organ_of, require_code

if TYPE_CHECKING:
    from ..workflow import StepRequest

__all__ = [
    "STEP_STATUS",
    "send_document",
    "answer_sender",
    "after_step",
    "exchange_user",
    "give_identifier",
]

logger = logging.getLogger(__name__)

STEP_STATUS: dict[Step, StatusCode] = {
    Step.REGISTER: StatusCode.REGISTERED,
    Step.ASSIGN: StatusCode.ASSIGNED,
    Step.NOTE: StatusCode.PROCESSING,
    Step.FINISH: StatusCode.DONE,
    Step.REFUSE: StatusCode.REFUSED,
    Step.AGREE_TAKE_BACK: StatusCode.AGREED,
    Step.DECLINE_TAKE_BACK: StatusCode.DECLINED,
}
"""What the sender of an exchanged document is told when the recipient takes each step."""


def _refuse(status: int, vi: str, en: str, code: str) -> ApiProblem:
    return ApiProblem(status, vi, en, code=code)


def give_identifier(session: Session, doc: Document) -> None:
    """Numbering gives the outgoing document its identifier (kept on every copy)."""
    org = session.get_one(Organisation, doc.organisation_id)
    doc.document_identifier = identifier_for(doc, org)


def exchange_user(session: Session, org: Organisation) -> User:
    """The account the axis acts as in an organisation's trace (it can never sign in)."""
    username = f"lienthong.{org.id}"
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        user = User(
            username=username,
            full_name="Trục liên thông",
            title="Hệ thống liên thông văn bản",
            organisation_id=org.id,
            role="clerk",
            password_hash="!",  # no password hashes to this: signing in is impossible
            active=False,
        )
        session.add(user)
        session.flush()
    return user


def _recipients(session: Session, org: Organisation, codes: Sequence[str]) -> list[Organ]:
    organs = []
    for raw in dict.fromkeys(codes):
        try:
            code = check_organ_id(raw)
        except EdxmlError as exc:
            raise ApiProblem(
                422, exc.message("vi"), exc.message("en"), code="unknown_agency"
            ) from exc
        if code == organ_of(org).organ_id:
            raise _refuse(
                422,
                "Không gửi liên thông cho chính đơn vị mình.",
                "An organisation does not send to itself through the exchange.",
                "own_agency",
            )
        known = session.get(Agency, code)
        organs.append(Organ(organ_id=code, name=known.name if known else ""))
    return organs


def send_document(
    session: Session,
    blobs: BlobStore,
    data_dir: Path,
    doc: Document,
    user: User,
    codes: Sequence[str],
    business: Business | None = None,
    state: OutboxState = OutboxState.QUEUED,
) -> list[OutboxPackage]:
    """One package for the recipients outside this server, queued once per recipient."""
    if doc.secrecy:
        raise _refuse(
            409,
            "Văn bản mật không được gửi qua trục liên thông; hãy chuyển theo đường bản giấy.",
            "A secret document is never sent through the exchange axis; send it on paper.",
            "secret_not_exchanged",
        )
    org = session.get_one(Organisation, doc.organisation_id)
    require_code(org)
    recipients = _recipients(session, org, codes)
    if not recipients:
        return []
    if not doc.document_identifier:
        give_identifier(session, doc)
    revocation = business is not None and business.doc_type is BusinessDocType.REVOKE
    built = build_envelope(
        session, blobs, data_dir, doc, user, recipients, business, with_file=not revocation
    )
    kind = (business or Business()).doc_type
    rows = []
    for organ in recipients:
        if state is OutboxState.EXPORTED and (
            earlier := session.scalar(
                select(OutboxPackage).where(
                    OutboxPackage.document_id == doc.id,
                    OutboxPackage.recipient == organ.organ_id,
                    OutboxPackage.state == OutboxState.EXPORTED,
                    OutboxPackage.business_type == int(kind),
                )
            )
        ):
            rows.append(earlier)  # exported again (a retried download): recorded once
            continue
        row = OutboxPackage(
            organisation_id=org.id,
            document_id=doc.id,
            kind=PackageKind.EDOC,
            recipient=organ.organ_id,
            business_type=int(kind),
            sha256=built.sha256,
            size=built.size,
            state=state,
            last_error="",
            attempts=0,
            created_by=user.id,
        )
        session.add(row)
        rows.append(row)
    session.flush()
    return rows


def sent_to(session: Session, doc: Document) -> list[str]:
    """The agencies outside this server this document went to (each once)."""
    return list(
        dict.fromkeys(
            session.scalars(
                select(OutboxPackage.recipient)
                .where(
                    OutboxPackage.document_id == doc.id,
                    OutboxPackage.kind == PackageKind.EDOC,
                    OutboxPackage.business_type.in_(
                        [int(BusinessDocType.NEW), int(BusinessDocType.REPLACE)]
                    ),
                )
                .order_by(OutboxPackage.id)
            )
        )
    )


def _queue_status_to(
    session: Session,
    blobs: BlobStore,
    org: Organisation,
    doc: Document,
    to: Organ,
    answered: ResponseFor,
    code: StatusCode,
    description: str,
    user: User | None,
) -> OutboxPackage:
    built = build_status(session, blobs, org, to, answered, code, description, user)
    row = OutboxPackage(
        organisation_id=org.id,
        document_id=doc.id,
        kind=PackageKind.STATUS,
        recipient=to.organ_id,
        status_code=code.value,
        sha256=built.sha256,
        size=built.size,
        state=OutboxState.QUEUED,
        last_error="",
        attempts=0,
        created_by=user.id if user is not None and user.active else None,
    )
    session.add(row)
    session.flush()
    return row


def arrival_of(session: Session, doc: Document) -> InboxPackage | None:
    """The package an exchanged document came in (its sender, its identifier)."""
    return session.scalar(
        select(InboxPackage)
        .where(InboxPackage.document_id == doc.id, InboxPackage.kind == PackageKind.EDOC)
        .order_by(InboxPackage.id)
    )


def answer_sender(
    session: Session,
    blobs: BlobStore,
    doc: Document,
    code: StatusCode,
    description: str,
    user: User | None,
) -> OutboxPackage | None:
    """Tell the agency an exchanged document came from how far it has got (01 … 16)."""
    arrival = arrival_of(session, doc)
    if arrival is None:
        return None
    org = session.get_one(Organisation, doc.organisation_id)
    answered = ResponseFor(
        organ_id=arrival.sender,
        code=f"{doc.code_number}/{doc.code_notation}" if doc.code_notation else "",
        promulgation_date=doc.issued_date,
        document_id=arrival.document_identifier,
    )
    to = Organ(organ_id=arrival.sender, name=arrival.sender_name)
    return _queue_status_to(session, blobs, org, doc, to, answered, code, description, user)


def after_step(
    session: Session,
    blobs: BlobStore,
    data_dir: Path,
    doc: Document,
    user: User,
    request: StepRequest,
) -> bool:
    """What a workflow step owes the exchange: the package for an ISSUE to outside agencies (a
    replacement when it replaces an earlier document), a revocation when an issued document
    that went outside is withdrawn, a take-back request, or the status the sender of an
    exchanged document is owed."""
    step, comment = request.step, request.comment
    if step is Step.ISSUE and request.agencies:
        business = None
        earlier = session.get(Document, request.replaces) if request.replaces else None
        if earlier is not None and earlier.document_identifier:
            business = Business(
                doc_type=BusinessDocType.REPLACE,
                reason=comment or "Thay thế văn bản",
                document_id=earlier.document_identifier,
                replaced=(earlier.document_identifier,),
                staff=StaffInfo(staff=user.full_name),
            )
        return bool(send_document(session, blobs, data_dir, doc, user, request.agencies, business))
    elif step is Step.WITHDRAW and (outside := sent_to(session, doc)):
        revocation = Business(
            doc_type=BusinessDocType.REVOKE,
            reason=comment,
            document_id=doc.document_identifier or "",
            staff=StaffInfo(staff=user.full_name),
        )
        return bool(send_document(session, blobs, data_dir, doc, user, outside, revocation))
    elif step is Step.ASK_TAKE_BACK:
        org = session.get_one(Organisation, doc.organisation_id)
        answered = ResponseFor(
            organ_id=organ_of(org).organ_id,
            code=f"{doc.code_number}/{doc.code_notation}" if doc.code_notation else "",
            promulgation_date=doc.issued_date,
            document_id=doc.document_identifier or "",
        )
        for code in sent_to(session, doc):
            known = session.get(Agency, code)
            to = Organ(organ_id=code, name=known.name if known else "")
            _queue_status_to(
                session, blobs, org, doc, to, answered, StatusCode.TAKE_BACK, comment, user
            )
        return True
    elif doc.origin == "exchange" and step in STEP_STATUS:
        if step is Step.NOTE and _told(session, doc, StatusCode.PROCESSING):
            return False  # "in progress" is said once, not at every note
        description = comment or STATUS_NAMES[STEP_STATUS[step]][0]
        return answer_sender(session, blobs, doc, STEP_STATUS[step], description, user) is not None
    return False


def _told(session: Session, doc: Document, code: StatusCode) -> bool:
    return (
        session.scalar(
            select(OutboxPackage.id).where(
                OutboxPackage.document_id == doc.id,
                OutboxPackage.kind == PackageKind.STATUS,
                OutboxPackage.status_code == code.value,
            )
        )
        is not None
    )
