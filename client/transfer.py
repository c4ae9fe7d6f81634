"""Resumable file transfer over the offset protocol and HTTP Range.

Uploads: ``POST /uploads`` declares name, size and sha256; the server
answers with the offset to continue from (0 for a new upload, the stored
offset for an interrupted one, or "complete" when it already has the
bytes).  Chunks then go with ``PATCH`` + ``Upload-Offset``.  A broken
connection re-asks the offset and continues; nothing is ever sent twice.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests
from requests.adapters import HTTPAdapter

from base.backoff import backoff
from base.errors import VanThuError
from base.progress import CancelToken, Progress, is_cancelled

from .errors import Conflict, ServerUnavailable, TransferCancelled

if TYPE_CHECKING:
    from .api import ApiClient
from .records import Document, UploadResult

__all__ = [
    "own_connection",
    "DeclaredUpload",
    "UploadState",
    "declare_upload",
    "send_upload",
    "download_to",
    "stream_to",
    "IntegrityError",
    "file_sha256",
    "jsonable",
]

logger = logging.getLogger(__name__)

CHUNK = 4 * 1024 * 1024
RESUME_ATTEMPTS = 5


class IntegrityError(VanThuError):
    title_vi = "Tệp bị hỏng"
    title_en = "Corrupted file"
    message_vi = "Tệp tải về không khớp mã sha256; đã xoá bản hỏng."
    message_en = "The downloaded file does not match its sha256; the bad copy was removed."


def own_connection(client: ApiClient) -> ApiClient:
    """``client`` over a ``requests.Session`` of its own: the same server, TLS verification,
    headers, retry policy and sign-in (the token at the time of the call).

    A ``Session`` is not safe to share between threads, so each thread of a parallel upload
    sends through one of these; its connection stays open from one file to the next. A caller
    that outlives a new sign-in copies ``client.token`` over before each use.
    """
    twin = copy.copy(client)
    session = requests.Session()
    session.verify = client.session.verify  # the CA bundle or True: never turned off here
    session.cert = client.session.cert
    session.headers.update(client.session.headers)
    for prefix, adapter in client.session.adapters.items():
        retries = getattr(adapter, "max_retries", 0)
        session.mount(prefix, HTTPAdapter(max_retries=retries, pool_connections=1, pool_maxsize=1))
    twin.session = session
    return twin


def _check_cancel(cancel: CancelToken | None) -> None:
    if is_cancelled(cancel):
        raise TransferCancelled()


@dataclass(frozen=True)
class UploadState:
    """The server's view of one upload: how far its bytes got, and the document made from it."""

    id: str
    offset: int
    size: int
    status: str
    """``pending`` while bytes are missing, ``complete`` once the server has them all."""
    duplicate: bool = False
    document: Document | None = None
    document_created: bool = False

    @property
    def complete(self) -> bool:
        return self.status == "complete"

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UploadState:
        made = data.get("document")
        return cls(
            id=str(data["id"]),
            offset=int(data["offset"]),
            size=int(data["size"]),
            status=str(data["status"]),
            duplicate=bool(data.get("duplicate")),
            document=Document.from_json(made) if made else None,
            document_created=bool(data.get("document_created")),
        )


def _send_chunks(
    client: ApiClient,
    upload: UploadState,
    path: Path,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> UploadState:
    offset, size = upload.offset, upload.size
    with path.open("rb") as fh:
        while not upload.complete and offset < size:
            _check_cancel(cancel)
            fh.seek(offset)
            block = fh.read(min(CHUNK, size - offset))  # a small scan: no 4 MB buffer
            if not block:
                raise VanThuError(
                    "Tệp đã bị thay đổi trong khi tải lên.", "The file changed during upload."
                )
            reply = client._request(
                "PATCH",
                f"/uploads/{upload.id}",
                data=block,
                headers={
                    "Upload-Offset": str(offset),
                    "Content-Type": "application/offset+octet-stream",
                },
            )
            upload = UploadState.from_json(reply.json())
            offset = upload.offset
            if progress:
                progress(offset, size)
    return upload


@dataclass(frozen=True)
class DeclaredUpload:
    """An upload the server knows about (name, size, sha256, offset), before its bytes are sent."""

    path: Path
    sha256: str
    size: int
    state: UploadState
    duplicate: bool


_TYPES = {
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


def content_type_for(path: Path) -> str:
    """The server's allow-list: PDF (everything this product uploads, scans included once
    converted) or one of the scan image types."""
    return _TYPES.get(path.suffix.lower(), "application/pdf")


def declare_upload(
    client: ApiClient,
    path: Path,
    sha256: str | None = None,
    document: Mapping[str, Any] | None = None,
    idempotency_key: str | None = None,
) -> DeclaredUpload:
    size = path.stat().st_size
    sha256 = sha256 or file_sha256(path)
    declared: dict[str, Any] = {
        "filename": path.name,
        "size": size,
        "sha256": sha256,
        "content_type": content_type_for(path),
    }
    if document is not None:
        declared["document"] = jsonable(document)
    headers = (
        {"Idempotency-Key": idempotency_key} if idempotency_key and document is not None else {}
    )
    upload = UploadState.from_json(
        client._json("POST", "/uploads", json=declared, headers=headers, expect=(200, 201))
    )
    return DeclaredUpload(path, sha256, size, upload, upload.duplicate)


def send_upload(
    client: ApiClient,
    declared: DeclaredUpload,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> UploadResult:
    upload, size = declared.state, declared.size
    if progress and upload.offset:
        progress(upload.offset, size)
    for attempt in range(RESUME_ATTEMPTS + 1):
        try:
            upload = _send_chunks(client, upload, declared.path, progress, cancel)
            break
        except (ServerUnavailable, Conflict) as exc:
            if attempt == RESUME_ATTEMPTS:
                raise
            logger.info(
                "upload of %s interrupted (%s); asking the server where to resume",
                declared.path.name,
                exc,
            )
            time.sleep(backoff(attempt, cap=8.0))
            upload = UploadState.from_json(client._json("GET", f"/uploads/{upload.id}"))
    if not upload.complete:
        raise ServerUnavailable()
    return UploadResult(
        sha256=declared.sha256,
        size=size,
        duplicate=declared.duplicate,
        upload_id=upload.id,
        document=upload.document,
        document_created=upload.document_created,
    )


def jsonable(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings, the way the server's JSON schemas expect them."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in fields.items()}


def file_sha256(path: Path, progress: Progress | None = None) -> str:
    """Streamed sha256 (bounded memory for files of any size)."""
    digest, done, total = hashlib.sha256(), 0, path.stat().st_size
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def download_to(
    client: ApiClient,
    api_path: str,
    sha256: str,
    dest: Path,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    reply = client._request("GET", api_path, headers=headers, stream=True, expect=(200, 206))
    with reply:
        if reply.status_code == 200:
            have = 0  # server ignored Range: start over
        total = have + int(reply.headers.get("Content-Length", 0))
        with part.open("ab" if have else "wb") as fh:
            done = have
            for block in reply.iter_content(1 << 20):
                _check_cancel(cancel)
                fh.write(block)
                done += len(block)
                if progress:
                    progress(done, total)
            fh.flush()
            os.fsync(fh.fileno())
    if file_sha256(part) != sha256:
        part.unlink(missing_ok=True)
        raise IntegrityError()
    os.chmod(part, 0o600)  # a downloaded document is this user's alone
    os.replace(part, dest)
    return dest


def stream_to(
    client: ApiClient,
    api_path: str,
    dest: Path,
    params: list[tuple[str, str]] | None,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> Path:
    """A file the server makes on request (no hash known beforehand), streamed into ``dest``
    through a private temporary file renamed into place: never half a file under its name."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    reply = client._request("GET", api_path, params=params, stream=True)
    try:
        with reply, part.open("wb") as fh:
            total, done = int(reply.headers.get("Content-Length", 0)), 0
            for block in reply.iter_content(1 << 20):
                _check_cancel(cancel)
                fh.write(block)
                done += len(block)
                if progress:
                    progress(done, total)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(part, 0o600)
        os.replace(part, dest)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return dest
