"""Resumable uploads (offset protocol): create, query offset, append bytes.

A blob that already exists (same sha256) is never sent again; the final
sha256 is checked before the bytes enter the content-addressed store. An
upload may carry the document to create from it, so a scan costs two
requests instead of three and the document appears the moment its bytes do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from pathlib import Path

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..blobs import file_sha256
from ..deps import AppState, current_user, get_session, get_state
from ..documents import check_create, create_document_record, documents_out
from ..errors import ApiProblem, not_found
from ..models import Blob, Document, Upload, User, utcnow
from ..schemas import DocumentCreate, DocumentOut, UploadCreate, UploadOut
from ..text import clean_filename

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/uploads", tags=["uploads"])

OFFSET_CONTENT_TYPE = "application/offset+octet-stream"


def _out(
    session: Session, upload: Upload, duplicate: bool = False, document: DocumentOut | None = None
) -> UploadOut:
    if document is None and upload.status == "complete":
        document = _create_document(
            session, upload
        )  # also recovers a request interrupted after the bytes landed
    if document is None and upload.document_id is not None:
        document = documents_out(session, [session.get_one(Document, upload.document_id)])[0]
    return UploadOut(
        id=upload.id,
        filename=upload.filename,
        size=upload.size,
        sha256=upload.sha256,
        offset=upload.offset,
        status=upload.status,  # type: ignore[arg-type]
        duplicate=duplicate,
        document=document,
        document_created=upload.document_created,
    )


def _create_document(session: Session, upload: Upload) -> DocumentOut | None:
    """Create the document the upload asked for, once, with the upload as version 1."""
    if upload.document_request is None or upload.document_id is not None:
        return None
    body = DocumentCreate.model_validate_json(upload.document_request)
    body = body.model_copy(
        update={"file_sha256": upload.sha256, "filename": body.filename or upload.filename}
    )
    user = session.get_one(User, upload.created_by)

    def record(document_id: int) -> None:
        upload.document_id, upload.document_created = document_id, True

    document, created = create_document_record(session, user, body, upload.idempotency_key, record)
    if not created:  # made earlier under the same key
        upload.document_id = document.id
        session.commit()
    return document


def _part_path(state: AppState, upload_id: str) -> Path:
    return state.settings.upload_dir / f"{upload_id}.part"


@router.post("", response_model=UploadOut, status_code=201)
async def create_upload(
    body: UploadCreate,
    response: Response,
    idempotency_key: str | None = Header(None, max_length=200),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> UploadOut:
    # Every scan declares itself here: one worker-thread call for the database work, and the
    # reply is serialised on the event loop (a plain ``def`` endpoint costs FastAPI a second hop).
    upload, created = await run_in_threadpool(_declare, session, state, user, body, idempotency_key)
    if not created:
        response.status_code = 200
    return upload


def _declare(
    session: Session, state: AppState, user: User, body: UploadCreate, idempotency_key: str | None
) -> tuple[UploadOut, bool]:
    """A new upload, or the one these bytes resume or no longer need; True when new."""
    filename = clean_filename(body.filename)
    if filename is None:
        raise ApiProblem(422, "Tên tệp không hợp lệ.", "Invalid file name.")
    if body.size > state.settings.max_upload_bytes:
        limit_mb = state.settings.max_upload_bytes // (1024 * 1024)
        raise ApiProblem(
            413, f"Tệp quá lớn (tối đa {limit_mb} MB).", f"File too large (max {limit_mb} MB)."
        )
    if body.document is not None:
        check_create(session, user, body.document)  # refuse before any bytes are sent
    request = body.document.model_dump_json() if body.document is not None else None
    upload = Upload(
        id=str(uuid.uuid4()),
        filename=filename,
        size=body.size,
        sha256=body.sha256,
        content_type=body.content_type,
        created_by=user.id,
        document_request=request,
        idempotency_key=idempotency_key if request else None,
    )
    existing = session.get(Blob, body.sha256)
    if existing is not None and existing.size == body.size and state.blobs.exists(body.sha256):
        upload.offset, upload.status = body.size, "complete"
        session.add(upload)
        session.commit()
        return _out(session, upload, duplicate=True), False
    pending = session.scalar(
        select(Upload)
        .where(
            Upload.created_by == user.id,
            Upload.sha256 == body.sha256,
            Upload.size == body.size,
            Upload.status == "pending",
        )
        .order_by(Upload.updated_at.desc())
        .limit(1)
    )
    expiry = dt.timedelta(seconds=state.settings.upload_expiry_seconds)
    if (
        pending is not None
        and utcnow() - pending.updated_at < expiry
        and _part_path(state, pending.id).exists()
    ):
        # Resume an interrupted upload of the same bytes instead of starting over.
        pending.offset = min(pending.offset, _part_path(state, pending.id).stat().st_size)
        if request is not None:
            pending.document_request, pending.idempotency_key = request, upload.idempotency_key
        session.commit()
        return _out(session, pending), False
    session.add(upload)
    session.commit()
    if body.size == 0:
        part = _part_path(state, upload.id)
        part.parent.mkdir(parents=True, exist_ok=True)
        part.touch()
        return _out(session, upload, document=_finish(session, state, upload, part)), True
    _part_path(state, upload.id).parent.mkdir(parents=True, exist_ok=True)
    _part_path(state, upload.id).touch()
    return _out(session, upload), True


def _load(session: Session, upload_id: str, user: User, state: AppState) -> Upload:
    upload = session.get(Upload, upload_id[:36])
    if upload is None or (upload.created_by != user.id and user.role != "admin"):
        raise not_found("phiên tải lên", "Upload")
    expiry = dt.timedelta(seconds=state.settings.upload_expiry_seconds)
    if upload.status == "pending" and utcnow() - upload.updated_at > expiry:
        raise not_found("phiên tải lên (đã hết hạn)", "Upload (expired)")
    return upload


@router.get("/{upload_id}", response_model=UploadOut)
def get_upload(
    upload_id: str,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> UploadOut:
    return _out(session, _load(session, upload_id, user, state))


def _finish(
    session: Session, state: AppState, upload: Upload, part: Path, digest: str | None = None
) -> DocumentOut | None:
    """Check the whole file's sha256 (``digest`` when it was hashed while arriving) and store it;
    returns the document created with it, if the upload carried one."""
    if (digest or file_sha256(part)) != upload.sha256:
        part.write_bytes(b"")
        upload.offset = 0
        session.commit()
        raise ApiProblem(
            422,
            "Tệp bị hỏng khi truyền (sai mã sha256); cần tải lên lại từ đầu.",
            "The file was corrupted in transit (sha256 mismatch); upload it again.",
        )
    state.blobs.adopt(part, upload.sha256)
    if session.get(Blob, upload.sha256) is None:
        session.add(Blob(sha256=upload.sha256, size=upload.size))
    upload.status = "complete"
    if upload.document_request is None:
        session.commit()
        return None
    return _create_document(session, upload)  # one transaction: blob, upload and document


@router.patch("/{upload_id}", response_model=UploadOut)
async def append_upload(
    upload_id: str,
    request: Request,
    upload_offset: int = Header(..., ge=0, le=2**53),
    content_type: str = Header(...),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> UploadOut:
    if content_type.split(";")[0].strip().lower() != OFFSET_CONTENT_TYPE:
        raise ApiProblem(
            415,
            f"Cần Content-Type {OFFSET_CONTENT_TYPE}.",
            f"Content-Type must be {OFFSET_CONTENT_TYPE}.",
        )
    upload = await run_in_threadpool(_load, session, upload_id, user, state)
    if upload.status == "complete":
        return await run_in_threadpool(_out, session, upload)
    if upload_offset != upload.offset:
        raise ApiProblem(
            409,
            f"Sai vị trí tiếp tục: máy chủ đang ở byte {upload.offset}.",
            f"Offset mismatch: the server is at byte {upload.offset}.",
            headers={"Upload-Offset": str(upload.offset)},
        )
    part = _part_path(state, upload.id)
    written, complete = upload.offset, False
    hasher = (
        hashlib.sha256() if upload.offset == 0 else None
    )  # a whole file in one request: no re-read
    try:
        with part.open("r+b" if part.exists() else "wb") as fh:
            fh.seek(upload.offset)
            fh.truncate()
            async for chunk in request.stream():
                if written + len(chunk) > upload.size:
                    raise ApiProblem(
                        413,
                        "Dữ liệu vượt quá kích thước đã khai báo.",
                        "More bytes than the declared size.",
                    )
                fh.write(chunk)
                if hasher is not None:
                    hasher.update(chunk)
                written += len(chunk)
        complete = written == upload.size
    finally:
        # Keep what arrived (even if the connection broke) so the client can resume;
        # a complete upload is committed once, by _finish.
        upload.offset = written
        upload.updated_at = utcnow()
        if not complete:
            await run_in_threadpool(session.commit)
    if complete:
        digest = hasher.hexdigest() if hasher is not None else None
        return await run_in_threadpool(_finish_and_out, session, state, upload, part, digest)
    return await run_in_threadpool(_out, session, upload)


def _finish_and_out(
    session: Session, state: AppState, upload: Upload, part: Path, digest: str | None
) -> UploadOut:
    return _out(session, upload, document=_finish(session, state, upload, part, digest))
