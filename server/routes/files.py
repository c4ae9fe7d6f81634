"""File downloads (streaming, HTTP Range) and immutable document versions."""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse  # the schema: a file (BlobResponse streams it)
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from base.audit import Access

from ..access import record_access, record_download
from ..deps import AppState, current_user, get_session, get_state
from ..documents import audit, claim, documents_out, touch
from ..errors import conflict, file_missing, not_found
from ..filestore import is_sha256
from ..models import Blob, User, Version
from ..policy import (
    Action,
    load_readable,
    may_attach,
    refuse_destroyed_file,
    refuse_secret_file,
    refuse_unreadable_file,
    require,
    sealed_to,
)
from ..records.policy import refuse_archived_document
from ..schemas import BlobId, DocumentId, VersionCreate, VersionNumber, VersionOut
from ..text import clean_filename
from .access import client_of
from .blob_response import BlobResponse, stored_file
from .contract import FILE_RESPONSES, IfMatch, errors
from .preconditions import parse_if_match

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(tags=["files"])


def _blob_response(state: AppState, sha256: str, filename: str, content_type: str) -> BlobResponse:
    return stored_file(
        state.blobs,
        sha256,
        media_type=content_type,
        filename=filename,
        headers={"ETag": f'"{sha256}"', "Cache-Control": "private, max-age=31536000, immutable"},
    )


def _first_request(request: Request) -> bool:
    """A whole download or its first piece (a resumed download is the same access)."""
    wanted = request.headers.get("range", "")
    return request.method == "GET" and (
        not wanted or wanted.replace(" ", "").startswith("bytes=0-")
    )


def _best_effort(session: Session, record: Callable[[], object]) -> None:
    """Record a download, never at the cost of the file: a database busy with another writer
    (SQLite's one lock) is logged, and the reader still gets what he may read."""
    try:
        record()
        session.commit()
    except DBAPIError:
        session.rollback()
        logger.warning("a download was not recorded (database busy)", exc_info=True)


@router.get("/files/{sha256}", response_class=FileResponse, responses=FILE_RESPONSES)
def download_file(
    sha256: BlobId,
    request: Request,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> BlobResponse:
    if not is_sha256(sha256) or not may_attach(session, user, sha256):
        if is_sha256(sha256) and sealed_to(session, user, sha256):
            refuse_secret_file()  # he reads the letter's details: say why not its file
        raise not_found("tệp", "File")  # whether another organisation has these bytes stays unknown
    version = session.scalar(select(Version).where(Version.sha256 == sha256).limit(1))
    filename = version.filename if version else f"{sha256}.bin"
    content_type = version.content_type if version else "application/octet-stream"
    response = _blob_response(state, sha256, filename, content_type)
    if _first_request(request):
        _best_effort(session, lambda: record_download(session, user, sha256, client_of(request)))
    session.close()  # the file streams without holding a database connection
    return response


@router.get(
    "/documents/{document_id}/versions", response_model=list[VersionOut], responses=errors(404)
)
def list_versions(
    document_id: DocumentId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> list[VersionOut]:
    return documents_out(session, [load_readable(session, user, document_id)])[0].versions


@router.get(
    "/documents/{document_id}/versions/{number}/content",
    response_class=FileResponse,
    responses=FILE_RESPONSES,
)
def version_content(
    document_id: DocumentId,
    number: VersionNumber,
    request: Request,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> BlobResponse:
    doc = load_readable(session, user, document_id)
    refuse_destroyed_file(doc)
    refuse_unreadable_file(session, user, doc)
    version = session.scalar(
        select(Version).where(Version.document_id == document_id, Version.number == number)
    )
    if version is None:
        raise not_found(f"phiên bản {number}", f"Version {number}")
    response = _blob_response(state, version.sha256, version.filename, version.content_type)
    if _first_request(request):
        client = client_of(request)
        _best_effort(
            session,
            lambda: record_access(session, user, document_id, Access.DOWNLOAD, number, client),
        )
    session.close()  # the file streams without holding a database connection
    return response


@router.post(
    "/documents/{document_id}/versions",
    response_model=VersionOut,
    status_code=201,
    responses=errors(403, 404, 409, 428),
)
def add_version(
    document_id: DocumentId,
    body: VersionCreate,
    if_match: str = IfMatch,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> VersionOut:
    base = parse_if_match(if_match)
    claimed = claim(session, document_id, base, version=True)  # first write: one new version
    doc = load_readable(session, user, document_id, for_update=True)
    require(user, doc, Action.ADD_VERSION)
    refuse_archived_document(session, doc)
    refuse_unreadable_file(session, user, doc)  # no new file under a secret one he may not open
    if not claimed:
        raise conflict(
            f"Văn bản đã có phiên bản mới hơn ({doc.current_version}); hãy tải lại trước khi ký.",
            f"The document has a newer version ({doc.current_version}); reload it before signing.",
        )
    blob = session.get(Blob, body.sha256)
    if blob is None or not may_attach(session, user, body.sha256):
        raise file_missing()
    filename = clean_filename(body.filename)
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
    touch(session, doc, claimed)
    audit(session, user, "version", doc.id, f"{base + 1} {body.note}")
    session.commit()
    return documents_out(session, [doc])[0].versions[-1]


# HEAD answers whether a file is there without sending it: the same checks, its own operation id.
router.add_api_route(
    "/files/{sha256}",
    download_file,
    methods=["HEAD"],
    response_class=FileResponse,
    responses=FILE_RESPONSES,
    name="head_file",
)
router.add_api_route(
    "/documents/{document_id}/versions/{number}/content",
    version_content,
    methods=["HEAD"],
    response_class=FileResponse,
    responses=FILE_RESPONSES,
    name="head_version_content",
)
