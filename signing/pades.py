"""Sign one PDF: PAdES B-B/B-T/B-LT/B-LTA, incremental, written atomically.

The output is written to a temporary file beside the target and renamed
into place, so a failure never leaves a half-written or overwritten PDF;
earlier signatures stay valid because every signature is an incremental
update — an encrypted file's too, appended with its own keys
(``signing.encryption``). A damaged file is rewritten only when the user
asks for it (``SignJob.repair``) and has no signature to break; the
signature's reason then says it signs a repaired copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pymupdf
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko_certvalidator import ValidationContext

from base.pdf import end_of_pdf, unlock

from .appearance import plan_appearance
from .backends import ActiveSigner
from .encryption import unlock_writer
from .errors import SigningError, TimestampError
from .file_problems import DamagedPdf, file_problems
from .fill import IssueFill, PlannedFill, add_fill, plan_fill_for
from .inputs import check_pdf
from .placement import Placement, to_pdf_box
from .profiles import Level, Mode, SigningProfile
from .reservation import reserved_bytes
from .trust import profile_roots, validation_context

__all__ = ["SignJob", "sign_file", "timestamper_for"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignJob:
    source: Path
    output: Path
    mode: Mode
    number_symbol: str = ""
    """Main document's number/symbol (attachment mode)."""
    manual: Placement | None = None
    pdf_password: str | None = None
    fill: IssueFill | None = None
    """Issue mode: the number and date the clerk assigned, written into the draft's blanks."""
    repair: bool = False
    """Rewrite a structurally damaged, unsigned file once and sign the rewritten copy."""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "mode", Mode(self.mode)
        )  # a plain "approve" from a widget becomes the enum


def timestamper_for(profile: SigningProfile) -> HTTPTimeStamper | None:
    if profile.level is Level.B_B or not profile.tsa_url:
        return None
    auth = (profile.tsa_username, profile.tsa_password or "") if profile.tsa_username else None
    return HTTPTimeStamper(profile.tsa_url, timeout=15, auth=auth)


def _field_name(doc: pymupdf.Document, mode: Mode) -> str:
    taken = {w.field_name for page in doc for w in page.widgets() or ()}
    index = 1
    while f"Sig_{mode}_{index}" in taken:
        index += 1
    return f"Sig_{mode}_{index}"


REPAIRED_NOTE = " (ký trên bản đã sửa lỗi cấu trúc tệp / signed on a structurally repaired copy)"


def _metadata(
    profile: SigningProfile,
    level: Level,
    field: str,
    vc: ValidationContext | None,
    mode: Mode,
    repaired: bool,
) -> signers.PdfSignatureMetadata:
    reasons = {
        Mode.APPROVE: "Ký phê duyệt",
        Mode.ISSUE: "Đóng dấu phát hành",
        Mode.ATTACHMENT: "Ký phụ lục",
        Mode.COPY: "Ký bản sao điện tử",
    }
    return signers.PdfSignatureMetadata(
        field_name=field,
        reason=(profile.reason or reasons[mode]) + (REPAIRED_NOTE if repaired else ""),
        location=profile.location,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        embed_validation_info=level in (Level.B_LT, Level.B_LTA),
        use_pades_lta=level is Level.B_LTA,
        validation_context=vc if level in (Level.B_LT, Level.B_LTA) else None,
    )


def _has_signatures(doc: pymupdf.Document) -> bool:
    """Whether any signature field is filled (``SigFlags`` says so, or a field has a ``/V``)."""
    if doc.get_sigflags() > 0 and doc.get_sigflags() & 1:
        return True
    return any(
        w.field_type == pymupdf.PDF_WIDGET_TYPE_SIGNATURE
        and doc.xref_get_key(w.xref, "V")[0] != "null"
        for page in doc
        for w in page.widgets() or ()
    )


def _repaired_copy(job: SignJob) -> Path:
    """The damaged input rewritten once by MuPDF (which rebuilt it on opening), beside the output."""
    tmp = job.output.with_name(f".{job.output.name}.{os.getpid()}.repaired")
    job.output.parent.mkdir(parents=True, exist_ok=True)
    with pymupdf.open(job.source) as doc:
        unlock(doc, job.pdf_password)
        if _has_signatures(doc):
            raise DamagedPdf(job.source.name, repairable=False)
        doc.save(tmp, garbage=3, deflate=True)
    logger.warning("%s was rewritten to repair its structure before signing", job.source.name)
    return tmp


def _write(
    job: SignJob,
    source: Path,
    active: ActiveSigner,
    pdf_signer: signers.PdfSigner,
    fill: PlannedFill | None,
    signed: bool,
) -> None:
    """Sign with the batch's size estimate; if a signature ever outgrows it (a TSA that
    changed its answer mid-batch), measure again for this file rather than fail it."""
    try:
        _sign_copy(
            job, source, active, pdf_signer, fill, reserved_bytes(active, pdf_signer), signed
        )
    except Exception as exc:
        if not _outgrew_reservation(exc):
            raise
        logger.warning(
            "signature for %s outgrew the batch estimate; measuring again", job.source.name
        )
        active.reservations.clear()
        _sign_copy(job, source, active, pdf_signer, fill, None, signed)


def _outgrew_reservation(exc: BaseException | None) -> bool:
    while exc is not None:
        if "payload larger than expected" in str(exc):  # pyHanko's pdf_byterange message
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _drop_padding(copy: Path) -> None:
    """Cut what a scanner left after the last ``%%EOF`` (NUL padding, junk) from an unsigned
    copy: it is no part of the PDF, and pyHanko looks for the marker at the very end."""
    end = end_of_pdf(copy)
    if end is not None and end < copy.stat().st_size:
        with copy.open("r+b") as fh:
            fh.truncate(end)
        logger.info("%s: dropped the bytes after its last %%%%EOF", copy.name)


def _sign_copy(
    job: SignJob,
    source: Path,
    active: ActiveSigner,
    pdf_signer: signers.PdfSigner,
    fill: PlannedFill | None,
    reserve: int | None,
    signed: bool,
) -> None:
    """Copy the input beside the target, append the signature in place, then rename.

    Signing a copy in place keeps memory flat for PDFs of hundreds of MB
    (pyHanko would otherwise buffer the whole input when writing a new file).
    """
    job.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = job.output.with_name(f".{job.output.name}.{os.getpid()}.part")
    try:
        shutil.copyfile(source, tmp)
        if not signed:
            _drop_padding(tmp)
        with tmp.open("r+b") as fh:
            if (
                fill is not None
            ):  # a revision of its own, just before the seal (see signing.diff_rules)
                filler = IncrementalPdfFileWriter(fh, strict=False)
                unlock_writer(filler, job.pdf_password, job.source.name)
                add_fill(filler, fill)
                filler.write_in_place()
                fh.seek(0)
            writer = IncrementalPdfFileWriter(fh, strict=False)
            unlock_writer(writer, job.pdf_password, job.source.name)
            with active.lock, active.errors():
                pdf_signer.sign_pdf(writer, in_place=True, bytes_reserved=reserve)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, job.output)
    finally:
        tmp.unlink(missing_ok=True)


def sign_file(
    job: SignJob, active: ActiveSigner, profile: SigningProfile, moment: dt.datetime | None = None
) -> Path:
    """Sign ``job.source`` into ``job.output`` (which may be the same path)."""
    check_pdf(job.source, job.pdf_password)
    source = _repaired_copy(job) if job.repair else job.source
    try:
        _sign(job, source, active, profile, moment)
    finally:
        if source != job.source:
            source.unlink(missing_ok=True)
    return job.output


def _sign(
    job: SignJob,
    source: Path,
    active: ActiveSigner,
    profile: SigningProfile,
    moment: dt.datetime | None,
) -> None:
    with pymupdf.open(source) as doc:
        unlock(doc, job.pdf_password)
        appearance = plan_appearance(
            doc,
            job.mode,
            profile,
            signer_name=active.certificate.subject_cn,
            number_symbol=job.number_symbol,
            manual=job.manual,
            moment=moment,
        )
        field = _field_name(doc, job.mode)
        signed = _has_signatures(doc)
        planned = (
            plan_fill_for(doc, job.fill)
            if job.fill is not None and job.mode == Mode.ISSUE
            else None
        )
        fill = (
            planned if planned is not None and planned.slots else None
        )  # None: nothing left blank
        box = to_pdf_box(doc[appearance.placement.page_index], appearance.placement.rect)
    level = profile.level
    vc = (
        validation_context(profile_roots(profile), extra_certs=active.signer.cert_registry)
        if level in (Level.B_LT, Level.B_LTA)
        else None
    )
    spec = fields.SigFieldSpec(field, on_page=appearance.placement.page_index, box=box)  # type: ignore[arg-type]  # pyHanko's hint says int; floats are valid PDF numbers

    def make(level_now: Level) -> signers.PdfSigner:
        return signers.PdfSigner(
            _metadata(profile, level_now, field, vc, job.mode, repaired=source != job.source),
            active.signer,
            timestamper=timestamper_for(profile) if level_now is not Level.B_B else None,
            stamp_style=appearance.style,
            new_field_spec=spec,
        )

    try:
        with file_problems(job.source.name, repairable=not signed and source == job.source):
            try:
                _write(job, source, active, make(level), fill, signed)
            except TimestampRequestError as exc:
                if not profile.allow_without_timestamp:
                    raise TimestampError() from exc
                logger.warning(
                    "TSA unreachable; signing %s as B-B as the profile allows", job.source.name
                )
                _write(job, source, active, make(Level.B_B), fill, signed)
    except OSError as exc:
        raise SigningError(
            f"Không ghi được tệp đã ký: {exc}", f"Could not write the signed file: {exc}"
        ) from exc
    finally:
        appearance.close()
