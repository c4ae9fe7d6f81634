"""The ĐẾN stamp on a document's file when the clerk registers it (``Step.REGISTER``).

The stamped file is a new version (the one that arrived stays as version 1), made in the
same transaction as the registration, so a document is never registered with half a stamp.
A file that cannot take the stamp (damaged, password-protected, no blank space) refuses the
registration with the reason, and the clerk may register it without the stamp.

The drawing itself (PyMuPDF, pyHanko) is not part of the server's base install: it is found
through the ``vanthu.arrival_stamp`` entry point, and a server without it says so (422) and
registers without the stamp.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points

from sqlalchemy import select
from sqlalchemy.orm import Session

from base.arrival import STAMPER_ENTRY_POINTS, ArrivalStamp
from base.errors import VanThuError

from .errors import ApiProblem
from .filestore import BlobStore
from .models import Document, Organisation, User, Version
from .versions import add_file_version
from .workflow import Stamper

__all__ = ["arrival_stamper"]

logger = logging.getLogger(__name__)


PdfStamper = Callable[[bytes, ArrivalStamp, str], bytes]


@cache
def installed_pdf_stamper() -> PdfStamper | None:
    """The PDF stamper this installation offers, or None (a server-only install)."""
    for entry in entry_points(group=STAMPER_ENTRY_POINTS):
        try:
            stamper: PdfStamper = entry.load()
        except ImportError as exc:  # its libraries are not installed here
            logger.info("arrival stamp %s unavailable: %s", entry.value, exc)
            continue
        return stamper
    return None


def _unstampable(exc: VanThuError) -> ApiProblem:
    return ApiProblem(422, exc.message("vi"), exc.message("en"), code="unstampable")


def arrival_stamper(blobs: BlobStore, pdf_stamper: PdfStamper | None = None) -> Stamper:
    def stamp(session: Session, doc: Document, user: User) -> None:
        draw = pdf_stamper or installed_pdf_stamper()
        if draw is None:
            raise ApiProblem(
                422,
                "Máy chủ này không cài phần đóng dấu ĐẾN lên tệp; hãy vào sổ không đóng dấu.",
                "This server has no arrival-stamp component installed; register without the stamp.",
                code="unstampable",
            )
        current = session.scalar(
            select(Version).where(
                Version.document_id == doc.id, Version.number == doc.current_version
            )
        )
        if current is None or not blobs.exists(current.sha256):
            raise ApiProblem(
                404,
                "Không tìm thấy tệp của văn bản trên máy chủ.",
                "The document's file is missing on the server.",
                code="file_missing",
            )
        organisation = session.get_one(Organisation, doc.organisation_id)
        assert doc.arrival_number is not None and doc.arrival_date is not None  # just registered
        with blobs.open(current.sha256) as fh:
            original = fh.read()
        try:
            data = draw(
                original,
                ArrivalStamp(organisation.name, doc.arrival_number, doc.arrival_date),
                current.filename,
            )
        except VanThuError as exc:  # a damaged file, a password, no room for the stamp
            raise _unstampable(exc) from exc
        add_file_version(
            session,
            blobs,
            doc,
            data,
            filename=current.filename,
            author_id=user.id,
            note=f"Đóng dấu ĐẾN số {doc.arrival_number:02d}",
        )
        logger.info("document %d stamped with arrival number %d", doc.id, doc.arrival_number)

    return stamp
