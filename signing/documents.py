"""Sign server documents end to end: fetch the file, sign with one login,
upload the signed file as a new version based on the version that was
signed — a document changed meanwhile gives a conflict, never an overwrite.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from client.api import ApiClient, CancelToken
from client.cache.files import FileCache
from client.errors import Conflict, VanThuError
from client.records import Document

from .backends import ActiveSigner
from .batch import BatchRequest, sign_batch
from .fill import IssueFill
from .placement import Placement
from .profiles import Mode, SigningProfile

__all__ = ["DocumentResult", "sign_documents"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentResult:
    document_id: int
    ok: bool
    conflict: bool
    message_vi: str
    message_en: str
    version: int | None = None


def sign_documents(
    client: ApiClient,
    files: FileCache,
    documents: list[Document],
    active: ActiveSigner,
    profile: SigningProfile,
    mode: Mode,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
    manual: Placement | None = None,
) -> list[DocumentResult]:
    results: list[DocumentResult] = []
    with tempfile.TemporaryDirectory(prefix="vanthu-sign-") as tmp:
        for index, document in enumerate(documents, start=1):
            if cancel is not None and cancel.is_set():
                break
            results.append(_one(client, files, document, active, profile, mode, Path(tmp), manual))
            if progress:
                progress(index, len(documents))
    return results


def _one(client: ApiClient, files: FileCache, document: Document, active: ActiveSigner, profile: SigningProfile,
         mode: Mode, folder: Path, manual: Placement | None) -> DocumentResult:
    try:
        source = files.open(client, document)
        local = folder / f"{document.id}.pdf"
        local.write_bytes(source.read_bytes())
        request = BatchRequest((local,), mode, out_dir=folder / "signed", number_symbol=document.number_symbol,
                               fill=_assigned(document, mode, profile))
        [result] = sign_batch(request, active, profile) if manual is None else _manual(request, active, profile,
                                                                                        manual)
        if not result.ok or result.output is None:
            return DocumentResult(document.id, False, False, result.message_vi, result.message_en)
        uploaded = client.upload_file(result.output)
        note = f"ký số bởi {active.certificate.subject_cn}"
        name = document.latest_version.filename if document.latest_version else f"{document.id}.pdf"
        version = client.add_version(document.id, uploaded.sha256, name, note, base_version=document.current_version)
        return DocumentResult(document.id, True, False, "Đã ký và tải lên.", "Signed and uploaded.", version.number)
    except Conflict as exc:
        return DocumentResult(document.id, False, True, exc.message("vi"), exc.message("en"))
    except VanThuError as exc:
        return DocumentResult(document.id, False, False, exc.message("vi"), exc.message("en"))


def _assigned(document: Document, mode: Mode, profile: SigningProfile) -> IssueFill | None:
    """The number and date the clerk registered on the server, for the seal to write in."""
    if mode is not Mode.ISSUE or not profile.fill_number_and_date:
        return None
    if not (document.code_number and document.issued_date):
        return None
    return IssueFill(document.code_number, document.issued_date)


def _manual(request: BatchRequest, active: ActiveSigner, profile: SigningProfile, manual: Placement) -> list:
    from .batch import FileResult, output_path
    from .pades import SignJob, sign_file

    source = request.files[0]
    job = SignJob(source, output_path(source, request.out_dir, request.suffix, False), request.mode,
                  request.number_symbol, manual=manual, fill=request.fill)
    try:
        sign_file(job, active, profile)
        return [FileResult(source, job.output, True)]
    except VanThuError as exc:
        return [FileResult(source, None, False, exc.message("vi"), exc.message("en"))]
