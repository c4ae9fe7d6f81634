"""Resumable uploads (offset protocol): create, query offset, append bytes.

A blob that already exists (same sha256) is never sent again; the final
sha256 is checked before the bytes enter the content-addressed store. An
upload may carry the document to create from it, so a scan costs two
requests instead of three and the document appears the moment its bytes do.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
import uuid
from pathlib import Path
from typing import BinaryIO

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from ..deps import AppState, current_user, get_session, get_state
from ..documents import check_create, create_document_record, documents_out
from ..errors import ApiProblem, not_found
from ..filestore import file_sha256
from ..models import Blob, Document, Upload, User, utcnow
from ..policy import may_attach
from ..schemas import DocumentCreate, DocumentOut, IdempotencyKey, UploadCreate, UploadId, UploadOut
from ..text import clean_filename
from .contract import UPLOAD_BYTES_BODY, errors

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/uploads", tags=["uploads"])

OFFSET_CONTENT_TYPE = "application/offset+octet-stream"
BYTES_CONTENT_TYPES = (OFFSET_CONTENT_TYPE, "application/octet-stream")
"""What an upload's bytes may be sent as (the offset protocol's own type, or plain octets)."""
CHECKPOINT_BYTES = 16 * 1024 * 1024
CHECKPOINT_SECONDS = 5.0
"""During a long PATCH the offset is saved (after an fsync) every 16 MB or 5 s, whichever first."""
WRITER_LEASE = dt.timedelta(seconds=20)
"""How long a writer's claim lasts without a checkpoint: a crashed server process's claim
expires after this (and a restarted single-process server clears its own at start)."""


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

    document, created = create_document_record(
        session, user, body, upload.idempotency_key, record, uploaded=True
    )
    if not created:  # made earlier under the same key
        upload.document_id = document.id
        session.commit()
    return document


def _part_path(state: AppState, upload_id: str) -> Path:
    return state.settings.upload_dir / f"{upload_id}.part"


@router.post(
    "",
    response_model=UploadOut,
    status_code=201,
    responses={
        200: {"model": UploadOut, "description": "Resumed, already complete, or a duplicate"},
        **errors(403, 404, 409),
    },
)
async def create_upload(
    body: UploadCreate,
    response: Response,
    idempotency_key: IdempotencyKey = None,
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
    if body.size > state.settings.max_upload_bytes:
        limit_mb = state.settings.max_upload_bytes // (1024 * 1024)
        raise ApiProblem(
            422, f"Tệp quá lớn (tối đa {limit_mb} MB).", f"File too large (max {limit_mb} MB)."
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
    if existing is not None and not state.blobs.intact_size(body.sha256, existing.size):
        state.blobs.quarantine(body.sha256)  # damaged on disk: this upload replaces it
    if (
        existing is not None
        and existing.size == body.size
        and state.blobs.exists(body.sha256)
        and may_attach(session, user, body.sha256)
    ):  # the caller can prove they have these bytes already; anyone else sends them
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
    _part_path(state, upload.id).parent.mkdir(parents=True, exist_ok=True)
    _part_path(state, upload.id).touch()
    return _out(session, upload), True


def _load(session: Session, upload_id: str, user: User, state: AppState) -> Upload:
    upload = session.get(Upload, upload_id[:36])
    if upload is None or upload.created_by != user.id:  # an upload is its creator's alone
        raise not_found("phiên tải lên", "Upload")
    expiry = dt.timedelta(seconds=state.settings.upload_expiry_seconds)
    if upload.status == "pending" and utcnow() - upload.updated_at > expiry:
        raise not_found("phiên tải lên (đã hết hạn)", "Upload (expired)")
    return upload


@router.get("/{upload_id}", response_model=UploadOut, responses=errors(404))
def get_upload(
    upload_id: UploadId,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> UploadOut:
    return _out(session, _load(session, upload_id, user, state))


def _finish(session: Session, state: AppState, upload: Upload, part: Path) -> DocumentOut | None:
    """Check the sha256 of the bytes on disk and only then store them; returns the document
    created with it, if the upload carried one."""
    if file_sha256(part) != upload.sha256:
        part.write_bytes(b"")
        upload.offset = 0
        session.commit()
        raise ApiProblem(
            422,
            "Tệp bị hỏng khi truyền (sai mã sha256); cần tải lên lại từ đầu.",
            "The file was corrupted in transit (sha256 mismatch); upload it again.",
        )
    state.blobs.adopt(part, upload.sha256, synced=True)  # fsynced as the last bytes arrived
    if session.get(Blob, upload.sha256) is None:
        session.add(Blob(sha256=upload.sha256, size=upload.size))
    upload.status = "complete"
    if upload.document_request is None:
        session.commit()
        return None
    return _create_document(session, upload)  # one transaction: blob, upload and document


@router.patch(
    "/{upload_id}",
    response_model=UploadOut,
    responses=errors(404, 409, 413, 415),
    openapi_extra=UPLOAD_BYTES_BODY,
)
async def append_upload(
    upload_id: UploadId,
    request: Request,
    upload_offset: int = Header(..., ge=0, le=2**53),
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> UploadOut:
    """Append bytes at ``Upload-Offset``; 409 (with the server's offset) when it is not where the
    server is, or while another connection writes this upload."""
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() not in BYTES_CONTENT_TYPES:
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
    writer = str(uuid.uuid4())
    if not await run_in_threadpool(_claim, session, upload, writer):
        raise ApiProblem(
            409,
            "Tệp này đang được tải lên bởi một kết nối khác; hãy hỏi lại vị trí rồi tiếp tục.",
            "Another connection is sending this upload; ask for the offset and continue.",
            headers={"Upload-Offset": str(upload.offset)},
        )
    if upload.offset != upload_offset:  # another writer moved on before we got the lease
        await run_in_threadpool(_release, session, upload, writer)
        raise ApiProblem(
            409,
            f"Sai vị trí tiếp tục: máy chủ đang ở byte {upload.offset}.",
            f"Offset mismatch: the server is at byte {upload.offset}.",
            headers={"Upload-Offset": str(upload.offset)},
        )
    part = _part_path(state, upload.id)
    written, complete, saved = upload.offset, False, upload.offset
    saved_at = time.monotonic()
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
                written += len(chunk)
                if (
                    written - saved >= CHECKPOINT_BYTES
                    or time.monotonic() - saved_at > CHECKPOINT_SECONDS
                ):
                    await run_in_threadpool(_checkpoint, session, upload, fh, written, writer)
                    saved, saved_at = written, time.monotonic()  # a crash now resumes near here
            # In a worker thread: a flush to disk takes milliseconds, and on the event loop it
            # stalled every other request (the other uploads' bytes, every poll) meanwhile.
            await run_in_threadpool(_durable, fh)
        complete = written == upload.size
    finally:
        # Keep what arrived (even if the connection broke) so the client can resume, and let
        # the next writer in; a complete upload is committed once, by _finish.
        upload.offset = written
        upload.updated_at = utcnow()
        upload.writer, upload.writer_until = None, None
        if not complete:
            await run_in_threadpool(session.commit)
    if complete:
        return await run_in_threadpool(_finish_and_out, session, state, upload, part)
    return await run_in_threadpool(_out, session, upload)


def _claim(session: Session, upload: Upload, writer: str) -> bool:
    """Take the upload's writer lease atomically; False while another request holds it."""
    now = utcnow()
    taken = session.execute(
        update(Upload)
        .where(
            Upload.id == upload.id,
            Upload.status == "pending",
            or_(Upload.writer.is_(None), Upload.writer_until < now),
        )
        .values(writer=writer, writer_until=now + WRITER_LEASE)
    )
    session.commit()
    session.refresh(upload)
    return bool(taken.rowcount)  # type: ignore[attr-defined]  # a CursorResult for an UPDATE


def _release(session: Session, upload: Upload, writer: str) -> None:
    session.execute(
        update(Upload)
        .where(Upload.id == upload.id, Upload.writer == writer)
        .values(writer=None, writer_until=None)
    )
    session.commit()


def _durable(fh: BinaryIO) -> None:
    fh.flush()
    os.fsync(fh.fileno())


def _checkpoint(session: Session, upload: Upload, fh: BinaryIO, written: int, writer: str) -> None:
    """The bytes so far are on disk: record the offset and renew the lease (only while ours)."""
    _durable(fh)
    now = utcnow()
    session.execute(
        update(Upload)
        .where(Upload.id == upload.id, Upload.writer == writer)
        .values(offset=written, updated_at=now, writer_until=now + WRITER_LEASE)
    )
    session.commit()


def _finish_and_out(session: Session, state: AppState, upload: Upload, part: Path) -> UploadOut:
    return _out(session, upload, document=_finish(session, state, upload, part))
