"""The routes of what the archive prints and exports (``records.exports``): the file list (PDF,
XLSX), a case file's export (ZIP: PDF + XML + SHA256SUMS) and its index of documents, the index
of files, the transfer list and the hand-over record. Thin: what they show is read through the
records' policy (``exports.data``); a file or list the caller may not see is 404."""

from __future__ import annotations

import json
import logging
from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from base.audit import Access

from ..deps import AppState, current_user, get_session, get_state
from ..models import AuditEvent, User, utcnow
from ..routes.access import client_of
from ..routes.contract import errors
from .exports import writers
from .exports.data import case_file_content, files_index, list_print, transfer
from .filters import file_filter
from .queries import FileFilter
from .schemas import CaseFileId, FileListId

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(tags=["records"])

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"


def _bytes(description: str, *types: str) -> dict[int | str, dict[str, Any]]:
    schema = {"schema": {"type": "string", "format": "binary"}}
    return {200: {"description": description, "content": {t: schema for t in types}}}


def _file(data: bytes, media_type: str, name: str) -> Response:
    """The bytes as a download; the name in both forms (ASCII fallback and UTF-8)."""
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return Response(
        data,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{ascii_name}"; '
            f"filename*=UTF-8''{quote(name)}",
            "Cache-Control": "private, no-store",
        },
    )


@router.get(
    "/file-lists/{file_list_id}/export",
    response_class=Response,
    responses={**_bytes("The file list in Appendix V's layout", PDF, XLSX), **errors(404, 501)},
)
def export_file_list(
    file_list_id: FileListId,
    format: Literal["pdf", "xlsx"] = Query("pdf", description="pdf: printed; xlsx: a workbook"),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    """Danh mục hồ sơ (Art. 28, Appendix V II): headings, planned files, the closing counts."""
    data = list_print(session, user, file_list_id)
    name = f"danh-muc-ho-so-{data.year}"
    if format == "xlsx":
        with writers("openpyxl"):
            from .exports.spreadsheet import file_list_xlsx
        return _file(file_list_xlsx(data), XLSX, f"{name}.xlsx")
    with writers("PyMuPDF"):
        from .exports.forms import file_list_pdf
    return _file(file_list_pdf(data), PDF, f"{name}.pdf")


def _record_accesses(
    session: Session, user: User, document_ids: list[int], versions: dict[int, int], detail: str
) -> None:
    """The export sent these documents' files: one access each, as a download would be
    (III.5.a); never at the cost of the export when the database is busy."""
    try:
        rows = [
            {
                "user_id": user.id,
                "action": Access.DOWNLOAD.value,
                "document_id": doc_id,
                "detail": json.dumps({"version": versions[doc_id], "client": detail[:100]}),
                "at": utcnow(),
            }
            for doc_id in document_ids
        ]
        if rows:
            session.execute(insert(AuditEvent), rows)
        session.commit()
    except DBAPIError:
        session.rollback()
        logger.warning("an export's accesses were not recorded (database busy)", exc_info=True)


@router.get(
    "/case-files/{case_file_id}/export",
    response_class=Response,
    responses={
        **_bytes("A ZIP: the file as PDF, its metadata as XML, SHA256SUMS", ZIP),
        **errors(404, 501),
    },
)
def export_case_file(
    case_file_id: CaseFileId,
    request: Request,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> Response:
    """The whole file (Appendix VI III.4.g) with the documents the caller may read: a cover,
    the index of documents, each document's file in order; the metadata under Part II's names.
    The same file gives the same bytes."""
    content = case_file_content(session, user, case_file_id)
    with writers("PyMuPDF"):
        from .exports.bundle import export_case_file as build
    done = build(content, state.blobs)
    versions = {e.document.id: e.version.number for e in content.entries if e.version}
    client = f"{client_of(request)} export {content.case_file.code}"
    _record_accesses(session, user, done.included, versions, client)
    return _file(done.data, ZIP, done.name)


@router.get(
    "/case-files/{case_file_id}/document-index",
    response_class=Response,
    responses={**_bytes("Mục lục văn bản (Appendix V IV)", PDF), **errors(404, 501)},
)
def print_document_index(
    case_file_id: CaseFileId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> Response:
    """The index of the documents in a file the caller may read, with the pages each holds in
    the file's export."""
    content = case_file_content(session, user, case_file_id)
    with writers("PyMuPDF"):
        from .exports.bundle import document_pages
        from .exports.forms import document_index_pdf
    placed = document_pages(content, state.blobs)
    data = document_index_pdf(content, {k: p.pages for k, p in placed.items()})
    return _file(data, PDF, f"muc-luc-van-ban-{content.case_file.code}.pdf")


@router.get(
    "/case-file-index",
    response_class=Response,
    responses={**_bytes("Mục lục hồ sơ (Appendix VI V.6)", PDF), **errors(501)},
)
def print_file_index(
    where: FileFilter = Depends(file_filter("archive")),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    """The index of the files the caller sees that match (``GET /case-files``'s filters; the
    archive's files by default), by year and number; at most 20,000 (422)."""
    head, files = files_index(session, user, where)
    scope = f"Năm {where.year}" if where.year is not None else "Các năm"
    with writers("PyMuPDF"):
        from .exports.forms import files_index_pdf
    return _file(files_index_pdf(head, files, scope), PDF, "muc-luc-ho-so.pdf")


Creator = Query(ge=1, le=2**31 - 1, description="who transferred the files (Người lập hồ sơ)")
Year = Query(ge=1900, le=2999, description="the files' year (FileCatalog)")


@router.get(
    "/case-file-transfers/list",
    response_class=Response,
    responses={
        **_bytes("Mục lục hồ sơ, tài liệu nộp lưu (Appendix V III)", PDF),
        **errors(403, 404, 501),
    },
)
def print_transfer_list(
    creator_id: int = Creator,
    year: int = Year,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    """The files of one person and year the archive accepted (Art. 30.3): for that person,
    the leaders and the archive."""
    data = transfer(session, user, creator_id, year)
    with writers("PyMuPDF"):
        from .exports.forms import transfer_list_pdf
    return _file(transfer_list_pdf(data), PDF, f"muc-luc-nop-luu-{year}.pdf")


@router.get(
    "/case-file-transfers/record",
    response_class=Response,
    responses={
        **_bytes("Biên bản giao nhận hồ sơ, tài liệu (Appendix V V)", PDF),
        **errors(403, 404, 501),
    },
)
def print_handover_record(
    creator_id: int = Creator,
    year: int = Year,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> Response:
    """The hand-over record of the same transfer, dated the day of its last acceptance."""
    data = transfer(session, user, creator_id, year)
    with writers("PyMuPDF"):
        from .exports.forms import handover_pdf
    return _file(handover_pdf(data), PDF, f"bien-ban-giao-nhan-{year}.pdf")
