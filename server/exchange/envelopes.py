"""A document envelope taken in: a new (or replacing) document waiting to be registered, with
its file and the checks made on it; or a revocation or an update of one its sender sent."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.steps import Step
from base.workflow import FROZEN, Origin, Status
from edxml import (
    BusinessDocType,
    Envelope,
    StatusCode,
)
from edxml.mapping import fields_from_envelope

from ..filestore import BlobStore, file_sha256
from ..models import Document, Organisation, User, Version
from .enums import InboxState, PackageKind
from .flows import answer_sender, exchange_user
from .intake import (
    Intake,
    Received,
    by_key,
    concerning,
    fit,
    installed_pdf_verdicts,
    keep,
    trace,
)
from .models import InboxPackage
from .packages import organ_of

__all__ = ["take_envelope"]

logger = logging.getLogger(__name__)

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


def _sent_again(session: Session, earlier: InboxPackage, package_sha: str) -> bool:
    """A new package for a document whose earlier copy here was refused or given back."""
    if earlier.sha256 == package_sha or earlier.document_id is None:
        return False
    copy = session.get(Document, earlier.document_id)
    return copy is not None and copy.status in (Status.REFUSED, Status.WITHDRAWN)


def take_envelope(intake: Intake, env: Envelope) -> Received:
    session, blobs, org, path, user = (
        intake.session,
        intake.blobs,
        intake.org,
        intake.path,
        intake.user,
    )
    header, business = env.header, env.business
    sender = header.from_
    package_sha = file_sha256(path)
    key = f"{header.document_id}|{sender.organ_id}|{int(business.doc_type)}"
    if business.doc_type is BusinessDocType.UPDATE:
        key += f"|{package_sha}"  # every update is its own: a second one is not a duplicate
    earlier = by_key(session, org, key)
    if earlier is not None and _sent_again(session, earlier, package_sha):
        key += f"|{package_sha}"  # sent anew after a refusal or a take-back: a new copy
        earlier = by_key(session, org, key)
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
        return intake.refuse(
            f"Gói này gửi cho {named}, không phải cho đơn vị {ours}.",
            f"This package is addressed to {named}, not to {ours}.",
            **common,
        )
    actor = user or exchange_user(session, org)
    sha, _ = keep(session, blobs, path)
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
        targets = concerning(
            session, org, business.document_id or header.document_id, "incoming", sender.organ_id
        )
        if not targets and business.document_id != header.document_id:
            targets = concerning(session, org, header.document_id, "incoming", sender.organ_id)
        if not targets:
            return intake.refuse(
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
        row = intake.row(
            key,
            PackageKind.EDOC,
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
    trace(
        session,
        doc,
        actor,
        Step.RECEIVE,
        "",
        f"Nhận liên thông từ {sender.name or sender.organ_id}: {number}".strip(),
    )
    row = intake.row(
        key,
        PackageKind.EDOC,
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
                for old in concerning(session, org, identifier, "incoming", sender.organ_id):
                    _retire(session, old, actor, Status.REPLACED, f"Được thay thế bởi {number}")
                    replaced.append(old)
    return Received(row, created=True, documents=(doc, *replaced))


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
        sha, size = keep(session, blobs, attachment.path, move=True)
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
        trace(
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
    trace(session, doc, actor, Step.EXCHANGE, doc.status, f"Bên gửi cập nhật ({changed}): {reason}")
