"""The exchange's routes: the agency list, the organisation's connection and its state, the
offline route (a package exported to a file, one imported from a file — through the same door
as the axis) and an exchanged document's attachments. Thin: the work is in ``flows``,
``receive`` and ``agent``; who may do what is said here, by role and by organisation."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as FastPath
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field, StrictBool
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from base.workflow import FROZEN
from edxml import Organ

from ..deps import AppState, current_user, get_session, get_state
from ..documents import audit
from ..errors import ApiProblem, forbidden, not_found
from ..models import Organisation, User, utcnow
from ..policy import (
    load_readable,
    may_administer_exchange,
    may_exchange,
    may_export_package,
    refuse_destroyed_file,
    refuse_unreadable_file,
)
from ..roles import Role
from ..routes.blob_response import BlobResponse, stored_file
from ..routes.contract import errors
from ..schemas import QUERY_TEXT_PATTERN, SPACES, BlobId, DocumentId, Strict, UtcDateTime
from ..text import fold
from .agent import CycleReport
from .enums import InboxState, OutboxState, Source
from .flows import send_document, sent_to
from .models import Agency, ExchangeConnection, InboxPackage, OutboxPackage
from .packages import build_envelope
from .receive import receive
from .secrets import has_secret, save_secret
from .settings import set_agency_code

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(tags=["exchange"])


AgencyCode = Annotated[
    str, Field(min_length=5, max_length=35, pattern=r"^(?:[0-9]{1,3}\.){1,6}[A-Za-z][0-9]{2}$")
]
"""An OrganId as a parameter (its structure is checked by ``edxml.identifier``)."""


class AgencyOut(BaseModel):
    code: str
    name: str
    parent_code: str = ""


AXIS_URL = (
    rf"^(https://[^/\u0000-\u001f\u007f{SPACES}]+|http://(127\.0\.0\.1|localhost|\[::1\]))"
    rf"(:[0-9]{{1,5}})?(/[^\u0000-\u001f\u007f{SPACES}]*)?$"
)
"""Official documents cross the network encrypted: plain HTTP only to this machine (a hub on
loopback, the demo, tests)."""


class ConnectionIn(Strict):
    url: str = Field(min_length=8, max_length=500, pattern=AXIS_URL)
    system_id: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    secret: str | None = Field(None, min_length=8, max_length=500, description="write-only")
    enabled: StrictBool = True
    poll_seconds: int = Field(60, ge=1, le=3600)
    organisation: str | None = Field(
        None, max_length=50, description="province administrator: which one"
    )


class AgencyCodeIn(Strict):
    code: AgencyCode
    organisation: str | None = Field(None, max_length=50)


class PackageOut(BaseModel):
    id: int
    document_id: int | None
    kind: str
    recipient: str
    status_code: str | None
    state: str
    attempts: int
    last_error: str
    created_at: UtcDateTime
    sent_at: UtcDateTime | None


class RejectedOut(BaseModel):
    id: int
    sender: str
    document_identifier: str
    source: str
    problem: str
    received_at: UtcDateTime


class ExchangeStatusOut(BaseModel):
    organisation: str
    agency_code: str | None
    configured: bool
    url: str = ""
    system_id: str = ""
    secret_set: bool = False
    enabled: bool = False
    poll_seconds: int = 60
    last_contact_at: UtcDateTime | None = None
    last_error: str = ""
    queued: int = 0
    failed: int = 0
    sent: int = 0
    received: int = 0
    rejected: int = 0
    agencies: int = 0
    problems: list[PackageOut] = []
    """Packages that wait after a failure, or failed for good (retry from here)."""
    refused: list[RejectedOut] = []
    """Packages that came in unreadable or about nothing here (the latest)."""


class CycleOut(BaseModel):
    sent: int
    received: int
    duplicates: int
    rejected: int
    failed: int
    deferred: int
    errors: list[str]
    ran: bool
    """False: another server process runs the agent now (it sends soon)."""


class ImportOut(BaseModel):
    state: str
    """applied, duplicate or rejected."""
    created: bool
    kind: str
    document_ids: list[int]
    sender: str
    sender_name: str
    document_identifier: str
    problem: str


def _allowed(may: bool) -> None:
    if not may:
        raise forbidden()


def _organisation(session: Session, user: User, code: str | None) -> Organisation:
    """The caller's organisation, or (a province administrator) the one named."""
    if code is None or code == "":
        return session.get_one(Organisation, user.organisation_id)
    if user.role != Role.PROVINCE_ADMIN:
        own = session.get_one(Organisation, user.organisation_id)
        if code != own.code:
            raise not_found(f"đơn vị {code}", f"Organisation {code}")
        return own
    org = session.scalar(select(Organisation).where(Organisation.code == code))
    if org is None:
        raise not_found(f"đơn vị {code}", f"Organisation {code}")
    return org


@router.get("/exchange/agencies", response_model=list[AgencyOut], responses=errors(403))
def list_agencies(
    q: str = Query(
        "",
        max_length=200,
        pattern=QUERY_TEXT_PATTERN,
        description="name or code, with or without diacritics",
    ),
    limit: int = Query(50, ge=1, le=500),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[AgencyOut]:
    """The agencies the axis knows (refreshed by the agent): the recipients a clerk can pick."""
    query = select(Agency).order_by(Agency.name).limit(limit)
    for word in fold(q).split():
        query = query.where(Agency.folded.contains(word))
    return [
        AgencyOut(code=a.code, name=a.name, parent_code=a.parent_code)
        for a in session.scalars(query)
    ]


@router.get("/exchange/status", response_model=ExchangeStatusOut, responses=errors(403, 404))
def exchange_status(
    organisation: str | None = Query(None, max_length=50, pattern=QUERY_TEXT_PATTERN),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> ExchangeStatusOut:
    _allowed(may_exchange(user))
    org = _organisation(session, user, organisation)
    connection = session.get(ExchangeConnection, org.id)

    def count(model: type[OutboxPackage] | type[InboxPackage], *where: object) -> int:
        return int(
            session.scalar(
                select(func.count())
                .select_from(model)
                .where(
                    model.organisation_id == org.id,
                    *where,  # type: ignore[arg-type]
                )
            )
            or 0
        )

    problems = session.scalars(
        select(OutboxPackage)
        .where(
            OutboxPackage.organisation_id == org.id,
            (OutboxPackage.state == OutboxState.FAILED)
            | ((OutboxPackage.state == OutboxState.QUEUED) & (OutboxPackage.attempts > 0)),
        )
        .order_by(OutboxPackage.id.desc())
        .limit(100)
    )
    refused = session.scalars(
        select(InboxPackage)
        .where(InboxPackage.organisation_id == org.id, InboxPackage.state == InboxState.REJECTED)
        .order_by(InboxPackage.id.desc())
        .limit(50)
    )
    return ExchangeStatusOut(
        organisation=org.code,
        agency_code=org.agency_code,
        configured=connection is not None,
        url=connection.url if connection else "",
        system_id=connection.system_id if connection else "",
        secret_set=has_secret(state.settings.data_dir, org.id, "axis"),
        enabled=bool(connection and connection.enabled),
        poll_seconds=connection.poll_seconds if connection else 60,
        last_contact_at=connection.last_contact_at if connection else None,
        last_error=connection.last_error if connection else "",
        queued=count(OutboxPackage, OutboxPackage.state == OutboxState.QUEUED),
        failed=count(OutboxPackage, OutboxPackage.state == OutboxState.FAILED),
        sent=count(OutboxPackage, OutboxPackage.state == OutboxState.SENT),
        received=count(InboxPackage, InboxPackage.state == InboxState.APPLIED),
        rejected=count(InboxPackage, InboxPackage.state == InboxState.REJECTED),
        agencies=int(session.scalar(select(func.count()).select_from(Agency)) or 0),
        problems=[_package(p) for p in problems],
        refused=[
            RejectedOut(
                id=r.id,
                sender=r.sender,
                document_identifier=r.document_identifier,
                source=r.source,
                problem=r.problem,
                received_at=r.received_at,
            )
            for r in refused
        ],
    )


def _package(row: OutboxPackage) -> PackageOut:
    return PackageOut(
        id=row.id,
        document_id=row.document_id,
        kind=row.kind,
        recipient=row.recipient,
        status_code=row.status_code,
        state=row.state,
        attempts=row.attempts,
        last_error=row.last_error,
        created_at=row.created_at,
        sent_at=row.sent_at,
    )


@router.put(
    "/exchange/connection", response_model=ExchangeStatusOut, responses=errors(403, 404, 422)
)
def put_connection(
    body: ConnectionIn,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> ExchangeStatusOut:
    """How this organisation reaches the axis; the secret is write-only (a 0600 file)."""
    _allowed(may_administer_exchange(user))
    org = _organisation(session, user, body.organisation)
    connection = session.get(ExchangeConnection, org.id)
    if connection is None:
        connection = ExchangeConnection(organisation_id=org.id, last_error="")
        session.add(connection)
    connection.url, connection.system_id = body.url.rstrip("/"), body.system_id
    connection.enabled, connection.poll_seconds = body.enabled, body.poll_seconds
    if body.secret is not None:
        save_secret(state.settings.data_dir, org.id, "axis", body.secret.encode())
    audit(
        session, user, "exchange_connection", None, f"{org.code}: {connection.url} {body.system_id}"
    )
    session.commit()
    if state.exchange is not None:
        state.exchange.wake()
    return exchange_status(
        org.code if user.role == Role.PROVINCE_ADMIN else None, user, session, state
    )


@router.put(
    "/exchange/agency-code", response_model=ExchangeStatusOut, responses=errors(403, 404, 409, 422)
)
def put_agency_code(
    body: AgencyCodeIn,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> ExchangeStatusOut:
    """The organisation's national agency code (Decision 20/2020/QĐ-TTg, up to 35 characters)."""
    _allowed(may_administer_exchange(user))
    org = _organisation(session, user, body.organisation)
    before = set_agency_code(session, org, body.code)
    code = org.agency_code
    audit(session, user, "agency_code", None, f"{org.code}: {before} → {code}")
    session.commit()
    return exchange_status(
        org.code if user.role == Role.PROVINCE_ADMIN else None, user, session, state
    )


@router.post(
    "/exchange/outbox/{package_id}/retry", response_model=PackageOut, responses=errors(403, 404)
)
def retry_package(
    package_id: int = FastPath(ge=1, le=2**31 - 1),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> PackageOut:
    _allowed(may_exchange(user))
    row = session.get(OutboxPackage, package_id)
    if (
        row is None
        or row.organisation_id != user.organisation_id
        and user.role != Role.PROVINCE_ADMIN
    ):
        raise not_found(f"gói {package_id}", f"Package {package_id}")
    if row.state in (OutboxState.FAILED, OutboxState.QUEUED):
        row.state, row.next_attempt_at = OutboxState.QUEUED, utcnow()
        audit(session, user, "exchange_retry", row.document_id, f"package {row.id}")
        session.commit()
        if state.exchange is not None:
            state.exchange.wake()
    return _package(row)


@router.post("/exchange/send-pending", response_model=CycleOut, responses=errors(403))
def send_pending(
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> CycleOut:
    """Send what waits and fetch what came, now (rather than at the next poll)."""
    _allowed(may_exchange(user))
    for row in session.scalars(
        select(OutboxPackage).where(
            OutboxPackage.organisation_id == user.organisation_id,
            OutboxPackage.state == OutboxState.QUEUED,
        )
    ):
        row.next_attempt_at = utcnow()
    session.commit()
    if state.exchange is None:
        report = CycleReport()
    else:
        report = state.exchange.run_once(user.organisation_id, force=True)
    return CycleOut(**vars(report))


@router.post(
    "/exchange/import",
    response_model=ImportOut,
    responses=errors(403, 413, 422),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/xml": {
                    "schema": {"type": "string", "format": "binary", "minLength": 1}
                }
            },
        }
    },
)
async def import_package(
    request: Request,
    user: User = Depends(current_user),
    state: AppState = Depends(get_state),
) -> ImportOut:
    """A package from a file (the offline route): through the same door as the axis."""
    _allowed(may_exchange(user))
    work = Path(tempfile.mkdtemp(dir=state.blobs.scratch, prefix=".import-"))
    try:
        path = work / "package.edxml"
        size = 0
        with path.open("wb") as fh:
            async for chunk in request.stream():
                size += len(chunk)
                if size > state.settings.max_upload_bytes:
                    raise ApiProblem(413, "Gói quá lớn.", "The package is too large.")
                fh.write(chunk)
        if size == 0:
            raise ApiProblem(
                422,
                "Không có gói edXML nào được gửi lên (nội dung rỗng).",
                "No edXML package was sent (the body is empty).",
                code="empty_package",
            )
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_import, state, user.id, path)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _import(state: AppState, user_id: int, path: Path) -> ImportOut:
    with state.db.session() as session:
        user = session.get_one(User, user_id)
        org = session.get_one(Organisation, user.organisation_id)
        received = receive(session, state.blobs, org, path, source=Source.FILE, user=user)
        row = received.inbox
        if received.created:
            audit(session, user, "exchange_import", row.document_id, row.dedup_key[:200])
        session.commit()
        return ImportOut(
            state=row.state
            if received.created or row.state == InboxState.REJECTED
            else InboxState.DUPLICATE,
            created=received.created,
            kind=row.kind,
            document_ids=[d.id for d in received.documents]
            or ([row.document_id] if row.document_id else []),
            sender=row.sender,
            sender_name=row.sender_name,
            document_identifier=row.document_identifier,
            problem=row.problem,
        )


@router.get(
    "/documents/{document_id}/edxml",
    response_class=FileResponse,
    responses=errors(403, 404, 409, 422),
)
def export_package(
    document_id: DocumentId,
    to: list[AgencyCode] = Query(default_factory=list, description="recipient agency codes"),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> BlobResponse:
    """The package of a numbered or issued outgoing document, for a file (the offline route):
    the same package the axis would carry, recorded as delivered by hand to each recipient."""
    doc = load_readable(session, user, document_id)
    _allowed(may_export_package(user))
    if (
        doc.direction != "outgoing"
        or doc.status not in ("numbered", *FROZEN)
        or doc.status == "refused"
    ):
        raise ApiProblem(
            409,
            "Chỉ xuất gói edXML cho văn bản đi đã cấp số hoặc đã ban hành.",
            "Only a numbered or issued outgoing document is exported as an edXML package.",
            code="wrong_status",
        )
    if to:
        rows = send_document(
            session, state.blobs, state.settings.data_dir, doc, user, to, state=OutboxState.EXPORTED
        )
        sha = rows[0].sha256
    else:  # the package as the axis carried it to every outside recipient
        known = {a.code: a.name for a in session.scalars(select(Agency))}
        recipients = [Organ(organ_id=c, name=known.get(c, "")) for c in sent_to(session, doc)]
        built = build_envelope(session, state.blobs, state.settings.data_dir, doc, user, recipients)
        sha = built.sha256
    audit(session, user, "exchange_export", doc.id, ",".join(to))
    session.commit()
    number = f"{doc.code_number or ''}-{doc.code_notation}".replace("/", "-").strip("-")
    return stored_file(
        state.blobs,
        sha,
        media_type="application/xml",
        filename=f"{number or doc.id}.edxml",
    )


@router.get(
    "/documents/{document_id}/exchange/attachments/{sha256}",
    response_class=FileResponse,
    responses=errors(403, 404, 410),
)
def attachment(
    document_id: DocumentId,
    sha256: BlobId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> BlobResponse:
    """One attachment of an exchanged document (the main file is its first version)."""
    doc = load_readable(session, user, document_id)
    refuse_unreadable_file(session, user, doc)
    refuse_destroyed_file(doc)
    for row in session.scalars(select(InboxPackage).where(InboxPackage.document_id == doc.id)):
        for item in row.attachments or []:
            if item.get("sha256") == sha256 and state.blobs.exists(sha256):
                audit(session, user, "download", doc.id, str(item.get("name", ""))[:200])
                session.commit()
                return stored_file(
                    state.blobs,
                    sha256,
                    media_type=str(item.get("content_type") or "application/octet-stream"),
                    filename=str(item.get("name") or sha256),
                )
    raise not_found("tệp đính kèm", "Attachment")
