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
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from edxml import (
    StatusMessage,
)
from edxml.errors import EdxmlError
from edxml.reader import read_package

from ..filestore import BlobStore
from ..models import Organisation, User
from .enums import Source
from .envelopes import take_envelope
from .intake import PDF_VERDICTS, Intake, Received, trust_roots
from .models import InboxPackage
from .statuses import take_status

__all__ = ["Received", "receive", "PDF_VERDICTS"]

logger = logging.getLogger(__name__)


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
    intake = Intake(session, blobs, org, path, source, remote_id, user)
    spool = Path(tempfile.mkdtemp(dir=blobs.scratch, prefix=".inbox-"))
    try:
        try:
            package = read_package(path, spool, trust_roots(session, org))
        except EdxmlError as exc:
            return intake.refuse(
                exc.message("vi"),
                exc.message("en"),
            )
        if not org.agency_code:
            return intake.refuse(
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
            return intake.refuse(
                f"Gói do {axis_sender} gửi qua trục nhưng ghi nơi gửi là {claimed}: không nhận.",
                f"The axis says {axis_sender} sent this package but it claims to be from "
                f"{claimed}: refused.",
                sender=axis_sender[:35],
            )
        if isinstance(package, StatusMessage):
            return take_status(intake, package)
        return take_envelope(intake, package)
    finally:
        shutil.rmtree(spool, ignore_errors=True)
