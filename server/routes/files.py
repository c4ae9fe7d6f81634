"""File downloads (streaming, HTTP Range) and immutable document versions."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Header
from fastapi.responses import FileResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..blobs import is_sha256
from ..deps import AppState, current_user, get_session, get_state, require_role
from ..documents import audit, documents_out, load_document, touch
from ..errors import ApiProblem, conflict, not_found
from ..models import Blob, User, Version
from ..schemas import DocumentId, VersionCreate, VersionNumber, VersionOut
from ..text import clean_filename
from .preconditions import parse_if_match

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(tags=["files"])


def _blob_response(state: AppState, sha256: str, filename: str, content_type: str) -> FileResponse:
    if not state.blobs.exists(sha256):
        raise not_found("tệp", "File")
    return FileResponse(
        state.blobs.path(sha256),
        media_type=content_type,
        filename=filename,
        headers={"ETag": f'"{sha256}"', "Cache-Control": "private, max-age=31536000, immutable"},
    )


@router.api_route("/files/{sha256}", methods=["GET", "HEAD"], response_class=FileResponse)
def download_file(
    sha256: str,
    _user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> FileResponse:
    if not is_sha256(sha256) or session.get(Blob, sha256) is None:
        raise not_found("tệp", "File")
    version = session.scalar(select(Version).where(Version.sha256 == sha256).limit(1))
    filename = version.filename if version else f"{sha256}.bin"
    content_type = version.content_type if version else "application/octet-stream"
    return _blob_response(state, sha256, filename, content_type)


@router.get("/documents/{document_id}/versions", response_model=list[VersionOut])
def list_versions(
    document_id: DocumentId,
    _user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[VersionOut]:
    return documents_out(session, [load_document(session, document_id)])[0].versions


@router.api_route(
    "/documents/{document_id}/versions/{number}/content",
    methods=["GET", "HEAD"],
    response_class=FileResponse,
)
def version_content(
    document_id: DocumentId,
    number: VersionNumber,
    _user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> FileResponse:
    load_document(session, document_id)
    version = session.scalar(
        select(Version).where(Version.document_id == document_id, Version.number == number)
    )
    if version is None:
        raise not_found(f"phiên bản {number}", f"Version {number}")
    return _blob_response(state, version.sha256, version.filename, version.content_type)


@router.post("/documents/{document_id}/versions", response_model=VersionOut, status_code=201)
def add_version(
    document_id: DocumentId,
    body: VersionCreate,
    if_match: str | None = Header(None, max_length=100),
    user: User = Depends(require_role("clerk", "leader", "archivist")),
    session: Session = Depends(get_session),
) -> VersionOut:
    base = parse_if_match(if_match)
    doc = load_document(session, document_id, for_update=True)
    if doc.current_version != base:
        raise conflict(
            f"Văn bản đã có phiên bản mới hơn ({doc.current_version}); hãy tải lại trước khi ký.",
            f"The document has a newer version ({doc.current_version}); reload it before signing.",
        )
    blob = session.get(Blob, body.sha256)
    if blob is None:
        raise ApiProblem(422, "Tệp chưa được tải lên máy chủ.", "The file was never uploaded.")
    filename = clean_filename(body.filename)
    if filename is None:
        raise ApiProblem(422, "Tên tệp không hợp lệ.", "Invalid file name.")
    version = Version(
        document_id=doc.id,
        number=base + 1,
        sha256=blob.sha256,
        size=blob.size,
        filename=filename,
        content_type=body.content_type,
        author_id=user.id,
        note=body.note,
    )
    session.add(version)
    doc.current_version = base + 1
    touch(session, doc)
    audit(session, user, "version", doc.id, f"{base + 1} {body.note}")
    session.commit()
    return documents_out(session, [doc])[0].versions[-1]
