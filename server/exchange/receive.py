"""The one door for packages that come in — through the axis or from a file: a document
envelope becomes an incoming document waiting to be registered (or revokes, updates or
replaces the one it names); a status message becomes a recipient's answer on the document we
sent. A package delivered twice changes nothing the second time (its key: DocumentId + sender +
business type; for a status also its code and time); an unreadable one is kept with the reason.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from base.resources import resource_path
from base.steps import Step
from base.workflow import FROZEN, Origin, Status
from edxml import (
    STATUS_NAMES,
    BusinessDocType,
    Envelope,
    StatusCode,
    StatusMessage,
)
from edxml.errors import EdxmlError
from edxml.mapping import fields_from_envelope
from edxml.reader import read_package

from ..blobs import BlobStore, file_sha256
from ..models import Blob, Document, Organisation, User, Version
from .enums import InboxState, PackageKind, Source
from .flows import answer_sender, exchange_user
from .models import InboxPackage, OutboxPackage, RecipientStatus
from .packages import organ_of
from .queries import vn_to_utc

__all__ = ["Received", "receive", "PDF_VERDICTS"]

logger = logging.getLogger(__name__)

PDF_VERDICTS = "vanthu.pdf_signatures"
"""The entry point that checks a PDF's PAdES signatures (``signing.exchange_verdicts``)."""

PdfVerdicts = Callable[[Path], list[dict[str, object]]]


@cache
def installed_pdf_verdicts() -> PdfVerdicts | None:
    for entry in entry_points(group=PDF_VERDICTS):
        try:
            check: PdfVerdicts = entry.load()
        except ImportError as exc:  # a server-only install
            logger.info("PDF signature check %s unavailable: %s", entry.value, exc)
            continue
        return check
    return None


def trust_roots(session: Session, org: Organisation) -> list[x509.Certificate]:
    """The roots an envelope's signing certificate is checked against: the Vietnamese anchors
    shipped with the product and the province's and this organisation's enabled list."""
    from sqlalchemy import or_

    from ..models import TrustedCertificate

    pems = [path.read_bytes() for path in sorted(resource_path("trust").glob("*.pem"))]
    pems += [
        row.encode()
        for row in session.scalars(
            select(TrustedCertificate.pem).where(
                TrustedCertificate.enabled.is_(True),
                or_(
                    TrustedCertificate.organisation_id.is_(None),
                    TrustedCertificate.organisation_id == org.id,
                ),
            )
        )
    ]
    roots = []
    for pem in pems:
        try:
            roots += x509.load_pem_x509_certificates(pem)
        except ValueError:
            logger.warning("a trust root could not be read")
    return roots


@dataclass(frozen=True)
class Received:
    inbox: InboxPackage
    created: bool
    """False: this package (or one with its key) came before; nothing new was made."""
    documents: tuple[Document, ...] = ()


_COPIED_FIELDS = (
    "doc_type",
    "code_number",
    "code_notation",
    "issued_date",
    "organ_name",
    "subject",
    "description",
    "signer_position",
    "signer_name",
    "urgency",
    "due_date",
    "page_amount",
    "issued_amount",
)


def receive(
    session: Session,
    blobs: BlobStore,
    org: Organisation,
    path: Path,
    *,
    source: Source,
    remote_id: str | None = None,
    user: User | None = None,
    axis_sender: str | None = None,
) -> Received:
    """Take one package in (the caller commits). ``axis_sender``: the agency the axis says
    sent it — a package whose own From names another agency is refused (nobody speaks for an
    agency but its own system)."""
    if remote_id is not None:
        earlier = session.scalar(
            select(InboxPackage).where(
                InboxPackage.organisation_id == org.id, InboxPackage.remote_id == remote_id
            )
        )
        if earlier is not None:
            return Received(earlier, created=False)
    spool = Path(tempfile.mkdtemp(dir=blobs.root, prefix=".inbox-"))
    try:
        try:
            package = read_package(path, spool, trust_roots(session, org))
        except EdxmlError as exc:
            return _rejected(
                session,
                blobs,
                org,
                path,
                source,
                remote_id,
                user,
                exc.message("vi"),
                exc.message("en"),
            )
        if not org.agency_code:
            return _rejected(
                session,
                blobs,
                org,
                path,
                source,
                remote_id,
                user,
                "Đơn vị chưa có mã định danh trên trục liên thông nên chưa nhận được gói; quản "
                "trị đơn vị cần đặt mã rồi nhập lại.",
                "The organisation has no agency code on the exchange axis, so it cannot take "
                "packages yet; an administrator must set it, then import again.",
            )
        claimed = (
            package.from_.organ_id
            if isinstance(package, StatusMessage)
            else (package.header.from_.organ_id)
        )
        if axis_sender is not None and axis_sender != claimed:
            return _rejected(
                session,
                blobs,
                org,
                path,
                source,
                remote_id,
                user,
                f"Gói do {axis_sender} gửi qua trục nhưng ghi nơi gửi là {claimed}: không nhận.",
                f"The axis says {axis_sender} sent this package but it claims to be from "
                f"{claimed}: refused.",
                sender=axis_sender[:35],
            )
        if isinstance(package, StatusMessage):
            return _status(session, blobs, org, path, package, source, remote_id, user)
        return _envelope(session, blobs, org, path, package, source, remote_id, user)
    finally:
        shutil.rmtree(spool, ignore_errors=True)


def _keep(session: Session, blobs: BlobStore, path: Path, *, move: bool = False) -> tuple[str, int]:
    """A file into the blob store (a copy of the package; a spooled attachment moved)."""
    sha = file_sha256(path)
    size = path.stat().st_size
    if not blobs.exists(sha):
        if move:
            blobs.adopt(path, sha)
        else:
            temp = Path(tempfile.mkstemp(dir=blobs.root, prefix=".pkg-")[1])
            shutil.copyfile(path, temp)
            blobs.adopt(temp, sha)
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=size))
        session.flush()
    return sha, size


def _row(
    session: Session,
    org: Organisation,
    key: str,
    kind: PackageKind,
    source: Source,
    remote_id: str | None,
    user: User | None,
    state: InboxState,
    **fields: object,
) -> InboxPackage:
    row = InboxPackage(
        organisation_id=org.id,
        dedup_key=key[:300],
        kind=kind,
        source=source,
        remote_id=remote_id,
        state=state,
        received_by=user.id if user is not None else None,
        **{"problem": "", "verdicts": {}, "attachments": [], **fields},
    )
    session.add(row)
    session.flush()
    return row


def _rejected(
    session: Session,
    blobs: BlobStore,
    org: Organisation,
    path: Path,
    source: Source,
    remote_id: str | None,
    user: User | None,
    vi: str,
    en: str,
    key: str | None = None,
    **fields: Any,
) -> Received:
    sha, _ = _keep(session, blobs, path)
    # Every refusal is its own row: what was refused for a reason of ours (no agency code
    # yet, its document not here yet) is taken in when it comes again.
    key = key or f"rejected|{sha}|{uuid.uuid4().hex}"
    row = _row(
        session,
        org,
        key,
        PackageKind(str(fields.pop("kind", PackageKind.EDOC))),
        source,
        remote_id,
        user,
        InboxState.REJECTED,
        problem=f"{vi}\n{en}",
        sha256=sha,
        **fields,
    )
    logger.warning("exchange package refused for organisation %s: %s", org.id, en)
    return Received(row, created=True)


def _sent_again(session: Session, earlier: InboxPackage, package_sha: str) -> bool:
    """A new package for a document whose earlier copy here was refused or given back."""
    if earlier.sha256 == package_sha or earlier.document_id is None:
        return False
    copy = session.get(Document, earlier.document_id)
    return copy is not None and copy.status in (Status.REFUSED, Status.WITHDRAWN)


def _by_key(session: Session, org: Organisation, key: str) -> InboxPackage | None:
    return session.scalar(
        select(InboxPackage).where(
            InboxPackage.organisation_id == org.id, InboxPackage.dedup_key == key[:300]
        )
    )


def _named(
    session: Session, org: Organisation, identifier: str, direction: str, sender: str
) -> list[Document]:
    """This organisation's documents with ``identifier`` that ``sender`` may speak about: an
    incoming copy only if it came from ``sender`` (only its sender revokes, updates, replaces
    or asks back a document); an outgoing one only if it went to ``sender`` (only a recipient
    reports on it)."""
    if not identifier:
        return []
    query = select(Document).where(
        Document.organisation_id == org.id,
        Document.document_identifier == identifier,
        Document.direction == direction,
        Document.deleted.is_(False),
    )
    if direction == "incoming":
        query = query.where(
            Document.origin == Origin.EXCHANGE,
            select(InboxPackage.id)
            .where(
                InboxPackage.document_id == Document.id,
                InboxPackage.kind == PackageKind.EDOC,
                InboxPackage.sender == sender,
            )
            .exists(),
        )
    else:
        query = query.where(
            select(OutboxPackage.id)
            .where(
                OutboxPackage.document_id == Document.id,
                OutboxPackage.kind == PackageKind.EDOC,
                OutboxPackage.recipient == sender,
            )
            .exists()
        )
    return list(session.scalars(query.order_by(Document.id)))


def _envelope(
    session: Session,
    blobs: BlobStore,
    org: Organisation,
    path: Path,
    env: Envelope,
    source: Source,
    remote_id: str | None,
    user: User | None,
) -> Received:
    header, business = env.header, env.business
    sender = header.from_
    package_sha = file_sha256(path)
    key = f"{header.document_id}|{sender.organ_id}|{int(business.doc_type)}"
    if business.doc_type is BusinessDocType.UPDATE:
        key += f"|{package_sha}"  # every update is its own: a second one is not a duplicate
    earlier = _by_key(session, org, key)
    if earlier is not None and _sent_again(session, earlier, package_sha):
        key += f"|{package_sha}"  # sent anew after a refusal or a take-back: a new copy
        earlier = _by_key(session, org, key)
    if earlier is not None:
        return Received(earlier, created=False)
    ours = organ_of(org).organ_id
    common: dict[str, Any] = {
        "sender": sender.organ_id[:35],
        "sender_name": sender.name[:300],
        "document_identifier": header.document_id[:120],
        "business_type": int(business.doc_type),
    }
    if header.to and ours not in {o.organ_id for o in header.to}:
        named = ", ".join(o.organ_id for o in header.to)
        return _rejected(
            session,
            blobs,
            org,
            path,
            source,
            remote_id,
            user,
            f"Gói này gửi cho {named}, không phải cho đơn vị {ours}.",
            f"This package is addressed to {named}, not to {ours}.",
            **common,
        )
    actor = user or exchange_user(session, org)
    sha, _ = _keep(session, blobs, path)
    problems = [p.message("vi") + "\n" + p.message("en") for p in env.problems]
    verdicts: dict[str, object] = {
        "envelope": {
            "verdict": env.signature.verdict.value,
            "signer": env.signature.signer,
            "trusted": env.signature.trusted,
            "detail_vi": env.signature.detail_vi,
            "detail_en": env.signature.detail_en,
        },
        "files": [],
    }
    if business.doc_type in (BusinessDocType.REVOKE, BusinessDocType.UPDATE):
        targets = _named(
            session, org, business.document_id or header.document_id, "incoming", sender.organ_id
        )
        if not targets and business.document_id != header.document_id:
            targets = _named(session, org, header.document_id, "incoming", sender.organ_id)
        if not targets:
            return _rejected(
                session,
                blobs,
                org,
                path,
                source,
                remote_id,
                user,
                f"Không có văn bản “{header.document_id}” của {sender.organ_id} để "
                f"{'thu hồi' if business.doc_type is BusinessDocType.REVOKE else 'cập nhật'}.",
                f"No document '{header.document_id}' from {sender.organ_id} to "
                f"{'revoke' if business.doc_type is BusinessDocType.REVOKE else 'update'}.",
                **common,
            )
        changed = (
            _attachments(session, blobs, env, verdicts)
            if business.doc_type is BusinessDocType.UPDATE
            else []
        )
        row = _row(
            session,
            org,
            key,
            PackageKind.EDOC,
            source,
            remote_id,
            user,
            InboxState.APPLIED,
            sha256=sha,
            verdicts=verdicts,
            attachments=changed,
            problem="\n".join(problems),
            document_id=targets[0].id,
            **common,
        )
        for doc in targets:
            if business.doc_type is BusinessDocType.REVOKE:
                _revoke(session, doc, actor, business.reason or "Thu hồi văn bản điện tử")
            else:
                _update(session, doc, actor, env, business.reason, changed)
        return Received(row, created=True, documents=tuple(targets))
    attachments = _attachments(session, blobs, env, verdicts)
    main = _main_file(attachments)
    fields = fields_from_envelope(env)
    if cut := fit({name: getattr(fields, name) for name in _COPIED_FIELDS}):
        names = ", ".join(cut)
        problems.append(
            f"Quá dài so với sổ, đã cắt bớt: {names}\nToo long for the register, cut: {names}"
        )
    doc = _born(session, org, actor, header.document_id, fields, main is not None)
    if main is not None:
        session.add(
            Version(
                document_id=doc.id,
                number=1,
                sha256=main["sha256"],
                size=main["size"],
                filename=str(main["name"])[:255],
                content_type=str(main["content_type"])[:100],
                author_id=actor.id,
                note=f"Nhận qua trục liên thông từ {sender.name or sender.organ_id}"[:500],
            )
        )
    number = "/".join(p for p in (fields.code_number or "", fields.code_notation) if p)
    _trace(
        session,
        doc,
        actor,
        Step.RECEIVE,
        "",
        f"Nhận liên thông từ {sender.name or sender.organ_id}: {number}".strip(),
    )
    row = _row(
        session,
        org,
        key,
        PackageKind.EDOC,
        source,
        remote_id,
        user,
        InboxState.APPLIED,
        sha256=sha,
        verdicts=verdicts,
        attachments=attachments,
        problem="\n".join(problems),
        document_id=doc.id,
        **common,
    )
    answer_sender(session, blobs, doc, StatusCode.ARRIVED, "Đã đến", None)
    replaced: list[Document] = []
    if business.doc_type is BusinessDocType.REPLACE:
        for identifier in dict.fromkeys([*business.replaced, business.document_id]):
            if identifier and identifier != header.document_id:
                for old in _named(session, org, identifier, "incoming", sender.organ_id):
                    _retire(session, old, actor, Status.REPLACED, f"Được thay thế bởi {number}")
                    replaced.append(old)
    return Received(row, created=True, documents=(doc, *replaced))


def _limit(name: str) -> int | None:
    column = Document.__table__.columns[name]
    length = getattr(column.type, "length", None)
    return int(length) if length else None


def fit(values: dict[str, Any]) -> list[str]:
    """Cut text longer than its column holds (a real package may carry a 2,000-character
    notation; PostgreSQL would refuse the row and with it the package); the names cut."""
    cut = []
    for name, value in values.items():
        limit = _limit(name) if name in Document.__table__.columns else None
        if isinstance(value, str) and limit is not None and len(value) > limit:
            values[name] = value[: limit - 1] + "…"
            cut.append(name)
    return cut


def _born(
    session: Session,
    org: Organisation,
    actor: User,
    identifier: str,
    fields: object,
    has_file: bool,
) -> Document:
    from ..documents import born  # documents imports the workflow, which imports this package

    values = {name: getattr(fields, name) for name in _COPIED_FIELDS}
    values["to_places"] = list(getattr(fields, "to_places", ()))
    values["page_amount"] = values["page_amount"] or 1
    fit(values)
    doc = born(
        session,
        Origin.EXCHANGE,
        direction="incoming",
        status=Status.ARRIVED,
        organisation_id=org.id,
        created_by=actor.id,
        document_identifier=identifier[:120] or None,
        current_version=1 if has_file else 0,
        **values,
    )
    session.add(doc)
    session.flush()
    return doc


def _attachments(
    session: Session, blobs: BlobStore, env: Envelope, verdicts: dict[str, object]
) -> list[dict[str, object]]:
    check = installed_pdf_verdicts()
    kept: list[dict[str, object]] = []
    files: list[object] = []
    for attachment in env.attachments:
        is_pdf = attachment.name.lower().endswith(".pdf") or "pdf" in attachment.content_type
        if is_pdf and check is not None:
            files.append({"name": attachment.name, "signatures": check(attachment.path)})
        sha, size = _keep(session, blobs, attachment.path, move=True)
        kept.append(
            {
                "content_id": attachment.content_id,
                "name": attachment.name,
                "content_type": attachment.content_type,
                "description": attachment.description,
                "size": size,
                "sha256": sha,
            }
        )
    verdicts["files"] = files
    verdicts["files_checked"] = check is not None
    return kept


def _trace(
    session: Session, doc: Document, actor: User, step: Step, before: str, comment: str
) -> None:
    from ..workflow import record  # the workflow imports this package

    record(session, doc, actor, step, before, comment[:4000])


def _retire(session: Session, doc: Document, actor: User, status: Status, comment: str) -> None:
    from ..workflow import retire  # the workflow imports this package

    retire(session, doc, actor, status, comment)


def _revoke(session: Session, doc: Document, actor: User, reason: str) -> None:
    """Thu hồi (Decree 30 III.8.b): the copy is frozen and its file destroyed for its readers."""
    if doc.status == Status.WITHDRAWN:
        return
    _retire(session, doc, actor, Status.WITHDRAWN, f"Bên gửi thu hồi văn bản: {reason}")


def _main_file(attachments: list[dict[str, object]]) -> dict[str, object] | None:
    """The document itself among a package's attachments: its first PDF (appendices and
    spreadsheets come after it), else the first attachment."""
    pdfs = [
        a
        for a in attachments
        if str(a["name"]).lower().endswith(".pdf") or "pdf" in str(a["content_type"])
    ]
    return pdfs[0] if pdfs else (attachments[0] if attachments else None)


def _update(
    session: Session,
    doc: Document,
    actor: User,
    env: Envelope,
    reason: str,
    attachments: list[dict[str, object]],
) -> None:
    """Cập nhật: the sender's corrected details (each change audited) and, when the package
    carries a new main file, that file as the copy's next version; the trace says what."""
    from ..documents import audit_change, touch

    fields = fields_from_envelope(env)
    if doc.status in FROZEN:
        _trace(
            session,
            doc,
            actor,
            Step.EXCHANGE,
            doc.status,
            f"Bên gửi cập nhật văn bản nhưng văn bản đã đóng, không đổi: {reason}",
        )
        return
    changes = {
        name: getattr(fields, name)
        for name in _COPIED_FIELDS
        if getattr(fields, name) not in (None, "") and getattr(fields, name) != getattr(doc, name)
    }
    fit(changes)
    if changes:
        audit_change(session, actor, doc, changes)
        for name, value in changes.items():
            setattr(doc, name, value)
    main = _main_file(attachments)
    current = session.scalar(
        select(Version).where(Version.document_id == doc.id, Version.number == doc.current_version)
    )
    if main is not None and (current is None or current.sha256 != main["sha256"]):
        doc.current_version += 1
        session.add(
            Version(
                document_id=doc.id,
                number=doc.current_version,
                sha256=str(main["sha256"]),
                size=int(main["size"]),  # type: ignore[call-overload]
                filename=str(main["name"])[:255],
                content_type=str(main["content_type"])[:100],
                author_id=actor.id,
                note="Bên gửi cập nhật tệp",
            )
        )
    touch(session, doc)
    changed = ", ".join(changes) or "không đổi thông tin"
    _trace(
        session, doc, actor, Step.EXCHANGE, doc.status, f"Bên gửi cập nhật ({changed}): {reason}"
    )


def _status(
    session: Session,
    blobs: BlobStore,
    org: Organisation,
    path: Path,
    status: StatusMessage,
    source: Source,
    remote_id: str | None,
    user: User | None,
) -> Received:
    from ..documents import touch

    sender = status.from_
    answered = status.response_for.document_id
    key = f"{answered}|{sender.organ_id}|{status.code.value}|{status.timestamp:%Y%m%d%H%M%S}"
    earlier = _by_key(session, org, key)
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
        return _rejected(
            session,
            blobs,
            org,
            path,
            source,
            remote_id,
            user,
            f"Trạng thái này gửi cho {named}, không phải cho đơn vị {ours}.",
            f"This status is addressed to {named}, not to {ours}.",
            **common,
        )
    asked_back = status.code is StatusCode.TAKE_BACK
    targets = _named(
        session, org, answered, "incoming" if asked_back else "outgoing", sender.organ_id
    )
    if not targets:
        return _rejected(
            session,
            blobs,
            org,
            path,
            source,
            remote_id,
            user,
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
        _trace(session, doc, actor, Step.EXCHANGE, doc.status, comment)
    row = _row(
        session,
        org,
        key,
        PackageKind.STATUS,
        source,
        remote_id,
        user,
        InboxState.APPLIED,
        sha256=_keep(session, blobs, path)[0],
        document_id=targets[0].id,
        verdicts={"description": status.description},
        problem="\n".join(p.message("vi") + "\n" + p.message("en") for p in status.problems),
        **common,
    )
    return Received(row, created=True, documents=tuple(targets))
