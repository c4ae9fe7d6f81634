"""What every package goes through on its way in, whatever it carries: its inbox row (the key
that makes a re-delivery a no-op), its refusal with the reason, the blob store, the documents a
sender may speak about, the trust roots its signature is checked against."""

from __future__ import annotations

import logging
import os
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
from base.workflow import Origin

from ..filestore import BlobStore, file_sha256
from ..models import Blob, Document, Organisation, User
from .enums import InboxState, PackageKind, Source
from .models import InboxPackage, OutboxPackage

__all__ = [
    "Intake",
    "Received",
    "PDF_VERDICTS",
    "fit",
    "keep",
    "concerning",
    "by_key",
    "trace",
    "trust_roots",
]

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


def keep(session: Session, blobs: BlobStore, path: Path, *, move: bool = False) -> tuple[str, int]:
    """A file into the blob store (a copy of the package; a spooled attachment moved)."""
    sha = file_sha256(path)
    size = path.stat().st_size
    if not blobs.exists(sha):
        if move:
            blobs.adopt(path, sha)
        else:
            handle, name = tempfile.mkstemp(dir=blobs.scratch, prefix=".pkg-")
            os.close(handle)
            temp = Path(name)
            shutil.copyfile(path, temp)
            blobs.adopt(temp, sha)
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=size))
        session.flush()
    return sha, size


@dataclass(frozen=True)
class Intake:
    """One package being taken in: into which organisation, from where, by whom."""

    session: Session
    blobs: BlobStore
    org: Organisation
    path: Path
    source: Source
    remote_id: str | None
    user: User | None

    def row(self, key: str, kind: PackageKind, state: InboxState, **fields: Any) -> InboxPackage:
        """Its inbox row (flushed): the key that makes a re-delivery a no-op, what it did."""
        row = InboxPackage(
            organisation_id=self.org.id,
            dedup_key=key[:300],
            kind=kind,
            source=self.source,
            remote_id=self.remote_id,
            state=state,
            received_by=self.user.id if self.user is not None else None,
            **{"problem": "", "verdicts": {}, "attachments": [], **fields},
        )
        self.session.add(row)
        self.session.flush()
        return row

    def refuse(self, vi: str, en: str, **fields: Any) -> Received:
        """Kept as it came, with the reason, for the administrator. Every refusal is its own
        row: what was refused for a reason of ours (no agency code yet, its document not here
        yet) is taken in when it comes again."""
        sha, _ = keep(self.session, self.blobs, self.path)
        kind = PackageKind(str(fields.pop("kind", PackageKind.EDOC)))
        row = self.row(
            f"rejected|{sha}|{uuid.uuid4().hex}",
            kind,
            InboxState.REJECTED,
            problem=f"{vi}\n{en}",
            sha256=sha,
            **fields,
        )
        logger.warning("exchange package refused for organisation %s: %s", self.org.id, en)
        return Received(row, created=True)


def by_key(session: Session, org: Organisation, key: str) -> InboxPackage | None:
    return session.scalar(
        select(InboxPackage).where(
            InboxPackage.organisation_id == org.id, InboxPackage.dedup_key == key[:300]
        )
    )


def concerning(
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


def trace(
    session: Session, doc: Document, actor: User, step: Step, before: str, comment: str
) -> None:
    from ..workflow import record  # the workflow imports this package

    record(session, doc, actor, step, before, comment[:4000])
