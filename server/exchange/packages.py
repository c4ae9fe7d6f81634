"""Our documents as edXML packages: the envelope of an issued document and the status message
about one that arrived, written streaming into the blob store (and signed with the
organisation's certificate when one is configured)."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.deadlines import VIETNAM
from edxml import (
    Attachment,
    Business,
    BusinessDocType,
    Organ,
    ResponseFor,
    StaffInfo,
    StatusCode,
    TraceHeader,
)
from edxml.mapping import DocumentFields, envelope_for, status_message
from edxml.signature import load_pkcs12, sign
from edxml.writer import write_envelope, write_status

from ..errors import ApiProblem
from ..filestore import BlobStore, file_sha256
from ..models import Blob, Document, Organisation, User, Version
from .secrets import load_secret

__all__ = ["organ_of", "identifier_for", "build_envelope", "build_status", "Built"]

logger = logging.getLogger(__name__)


def organ_of(org: Organisation) -> Organ:
    """This organisation as the axis knows it: its national agency code (empty before an
    administrator set one — nothing goes out then, ``require_code``)."""
    return Organ(organ_id=org.agency_code or "", name=org.name, in_charge=org.name)


def require_code(org: Organisation) -> str:
    """The agency code, or 409: no package leaves an organisation the axis cannot name."""
    if not org.agency_code:
        raise ApiProblem(
            409,
            f"Đơn vị {org.name} chưa có mã định danh trên trục liên thông; quản trị đơn vị cần "
            "đặt mã trước khi gửi.",
            f"{org.name} has no agency code on the exchange axis yet; an administrator must set "
            "it before anything is sent.",
            code="no_agency_code",
        )
    return org.agency_code


def identifier_for(doc: Document, org: Organisation) -> str | None:
    """Mã định danh văn bản: ``OrganId,yyyy/MM/dd,Số/Ký hiệu`` (QCVN 102:2016 as amended), or
    None while the organisation has no agency code."""
    if not org.agency_code:
        return None
    date = doc.issued_date or dt.datetime.now(VIETNAM).date()
    code = f"{doc.code_number}/{doc.code_notation}" if doc.code_notation else str(doc.code_number)
    return f"{org.agency_code},{date:%Y/%m/%d},{code}"


def now_vn() -> dt.datetime:
    return dt.datetime.now(VIETNAM).replace(tzinfo=None, microsecond=0)


def fields_of(doc: Document) -> DocumentFields:
    return DocumentFields(
        doc_type=doc.doc_type,
        code_number=doc.code_number,
        code_notation=doc.code_notation,
        issued_date=doc.issued_date,
        organ_name=doc.organ_name,
        subject=doc.subject,
        description=doc.description,
        signer_position=doc.signer_position,
        signer_name=doc.signer_name,
        urgency=doc.urgency,
        due_date=doc.due_date,
        to_places=tuple(doc.to_places or ()),
        page_amount=doc.page_amount,
        issued_amount=doc.issued_amount,
    )


class Built:
    """A package written into the blob store (with its Blob row)."""

    def __init__(self, sha256: str, size: int) -> None:
        self.sha256, self.size = sha256, size


def _store(session: Session, blobs: BlobStore, path: Path) -> Built:
    sha = file_sha256(path)
    size = path.stat().st_size
    blobs.adopt(path, sha)
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=size))
        session.flush()
    return Built(sha, size)


def _signed(data_dir: Path, org: Organisation, path: Path) -> Path:
    """Sign with the organisation's PKCS#12 certificate when its administrator configured one."""
    p12 = load_secret(data_dir, org.id, "p12")
    if p12 is None:
        return path
    password = load_secret(data_dir, org.id, "p12-password")
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".p12", delete=False) as fh:
        fh.write(p12)
    try:
        key, certificates = load_pkcs12(Path(fh.name), password)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    signed = path.with_suffix(".signed.edxml")
    sign(path, signed, key, certificates)
    path.unlink(missing_ok=True)
    return signed


def build_envelope(
    session: Session,
    blobs: BlobStore,
    data_dir: Path,
    doc: Document,
    user: User,
    recipients: Sequence[Organ],
    business: Business | None = None,
    *,
    with_file: bool = True,
) -> Built:
    """The package of an issued (or numbered) outgoing document, with its current file (a
    revocation goes without: the file is what the recipients must destroy)."""
    org = session.get_one(Organisation, doc.organisation_id)
    require_code(org)
    version = session.scalar(
        select(Version).where(Version.document_id == doc.id, Version.number == doc.current_version)
    )
    if with_file and (version is None or not blobs.exists(version.sha256)):
        raise ApiProblem(
            409,
            "Văn bản chưa có tệp để gửi liên thông.",
            "The document has no file to send through the exchange.",
            code="file_missing",
        )
    assert version is not None or not with_file
    with ExitStack() as files:  # the file as a path while the package is written
        attachments = (
            []
            if version is None or not with_file
            else [
                Attachment(
                    content_id="cid:1",
                    name=version.filename,
                    path=files.enter_context(blobs.local_copy(version.sha256)),
                    content_type=version.content_type,
                    description=doc.subject[:200],
                    size=version.size,
                    sha256=version.sha256,
                )
            ]
        )
        sender = organ_of(org)
        envelope = envelope_for(
            fields_of(doc),
            sender=sender,
            recipients=list(recipients),
            document_id=doc.document_identifier or identifier_for(doc, org) or "",
            business=business
            or Business(
                doc_type=BusinessDocType.NEW,
                reason="Văn bản điện tử mới",
                staff=StaffInfo(staff=user.full_name),
            ),
            attachments=attachments,
            trace=[TraceHeader(organ_id=sender.organ_id, timestamp=now_vn())],
        )
        work = Path(tempfile.mkdtemp(dir=blobs.scratch, prefix=".edxml-"))
        try:
            path = work / "package.edxml"
            write_envelope(envelope, path)
            return _store(session, blobs, _signed(data_dir, org, path))
        finally:
            for leftover in work.iterdir():
                leftover.unlink(missing_ok=True)
            work.rmdir()


def build_status(
    session: Session,
    blobs: BlobStore,
    org: Organisation,
    to: Organ,
    answered: ResponseFor,
    code: StatusCode,
    description: str,
    user: User | None,
) -> Built:
    require_code(org)
    message = status_message(
        sender=organ_of(org),
        to=to,
        answered=answered,
        code=code,
        description=description,
        staff=StaffInfo(staff=user.full_name) if user is not None else None,
        at=now_vn(),
    )
    work = Path(tempfile.mkdtemp(dir=blobs.scratch, prefix=".edxml-"))
    try:
        path = work / "status.edxml"
        write_status(message, path)
        return _store(session, blobs, path)
    finally:
        for leftover in work.iterdir():
            leftover.unlink(missing_ok=True)
        work.rmdir()
