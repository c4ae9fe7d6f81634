"""Validate every signature of a PDF and explain it in Vietnamese and English.

Integrity, modifications after signing, trust against configured roots,
revocation (when online), time-stamps and the PAdES level, as records the
UI and the CLI show directly.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import SigSeedSubFilter, enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import (
    DocumentTimestampStatus,
    PdfSignatureStatus,
    SignatureCoverageLevel,
)

from .diff_rules import DIFF_POLICY
from .encryption import unlock_reader
from .file_problems import file_problems
from .inputs import check_file
from .trust import validation_context
from .trust_store import TrustAnchor, TrustStore
from .trust_verdict import TrustVerdict, trust_verdict

__all__ = ["SignatureReport", "validate_pdf"]

logger = logging.getLogger(__name__)

_MODIFICATIONS = {
    ModificationLevel.NONE: ("none", "không bị sửa", "not modified"),
    ModificationLevel.LTA_UPDATES: (
        "none",
        "chỉ bổ sung dữ liệu xác thực dài hạn",
        "only long-term validation data added",
    ),
    ModificationLevel.FORM_FILLING: (
        "form_fill",
        "có thêm chữ ký hoặc điền biểu mẫu sau khi ký",
        "later signatures or form filling added",
    ),
    ModificationLevel.ANNOTATIONS: (
        "annotations",
        "có thêm chú thích sau khi ký",
        "annotations added after signing",
    ),
    ModificationLevel.OTHER: (
        "other",
        "NỘI DUNG ĐÃ BỊ SỬA sau khi ký",
        "CONTENT WAS MODIFIED after signing",
    ),
}


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer_cn: str
    signer_o: str
    issuer_cn: str
    signing_time: dt.datetime | None
    timestamp_time: dt.datetime | None
    level: str
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    whole_document: bool
    modification: str
    """none / form_fill / annotations / other"""
    is_document_timestamp: bool
    summary_vi: str
    summary_en: str
    details_vi: tuple[str, ...]
    details_en: tuple[str, ...]
    pki: str = ""
    """The PKI the chain ends in: government / public / other / profile; empty if untrusted."""
    trust_anchor: str = ""
    trust_vi: str = ""
    """The trust sentence alone: which root it chains to, or why it is not trusted (or revoked)."""
    trust_en: str = ""

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and not self.revoked and self.modification != "other"


def _level(
    reader: PdfFileReader, sigs: list[EmbeddedPdfSignature], index: int, has_ts: bool
) -> str:
    later_doc_ts = any(s.sig_object_type == "/DocTimeStamp" for s in sigs[index + 1 :])
    has_dss = "/DSS" in reader.root
    if has_ts and has_dss and later_doc_ts:
        return "B-LTA"
    if has_ts and has_dss:
        return "B-LT"
    return "B-T" if has_ts else "B-B"


def _explain(
    intact: bool,
    valid: bool,
    trusted: bool,
    revoked: bool,
    mod: tuple[str, str, str],
    whole: bool,
    level: str,
    verdict: TrustVerdict,
) -> tuple[str, str, list[str], list[str]]:
    vi: list[str] = []
    en: list[str] = []
    if not intact:
        return (
            "Chữ ký KHÔNG HỢP LỆ: nội dung đã bị thay đổi sau khi ký.",
            "Signature INVALID: the content changed after signing.",
            vi,
            en,
        )
    vi.append(
        "Toàn vẹn: nội dung được ký không bị thay đổi."
        if valid
        else "Chữ ký số không khớp chứng thư."
    )
    en.append(
        "Integrity: the signed content is unchanged."
        if valid
        else "The signature does not match the certificate."
    )
    vi.append(f"Sau khi ký: {mod[1]}.")
    en.append(f"After signing: {mod[2]}.")
    if revoked:
        vi.append("Chứng thư số ĐÃ BỊ THU HỒI.")
        en.append("The certificate has been REVOKED.")
    else:
        vi.append(verdict.vi)
        en.append(verdict.en)
    vi.append(
        "Chữ ký bao trùm toàn bộ tài liệu."
        if whole
        else "Tài liệu có phần được thêm sau chữ ký này."
    )
    en.append(
        "The signature covers the whole document."
        if whole
        else "Content was appended after this signature."
    )
    vi.append(f"Mức PAdES: {level}.")
    en.append(f"PAdES level: {level}.")
    good = valid and mod[0] != "other" and not revoked
    if good and trusted:
        return "Chữ ký hợp lệ.", "Signature valid.", vi, en
    if good:
        return (
            "Chữ ký toàn vẹn, chưa xác thực nguồn gốc chứng thư.",
            "Signature intact; certificate origin not verified.",
            vi,
            en,
        )
    return "Chữ ký KHÔNG HỢP LỆ.", "Signature INVALID.", vi, en


def _name(cert: asn1_x509.Certificate | None, part: str) -> str:
    return str(cert.subject.native.get(part, "")) if cert is not None else ""


def _unreadable(field: str, exc: Exception) -> SignatureReport:
    """The verdict on one signature pyHanko could not even check: it fails alone."""
    technical = f"{type(exc).__name__}: {exc}"[:300]
    return SignatureReport(
        field_name=field,
        signer_cn="",
        signer_o="",
        issuer_cn="",
        signing_time=None,
        timestamp_time=None,
        level="",
        intact=False,
        valid=False,
        trusted=False,
        revoked=False,
        whole_document=False,
        modification="other",
        is_document_timestamp=False,
        summary_vi="Chữ ký KHÔNG KIỂM TRA ĐƯỢC: cấu trúc chữ ký bị hỏng.",
        summary_en="Signature CANNOT BE CHECKED: its structure is damaged.",
        details_vi=(
            "Dữ liệu của chữ ký này (khối CMS, ByteRange hoặc từ điển chữ ký) không đọc được, "
            "nên không thể coi là hợp lệ. Các chữ ký khác trong tệp được kiểm tra riêng.",
            f"Chi tiết kỹ thuật: {technical}",
        ),
        details_en=(
            "This signature's data (CMS blob, ByteRange or signature dictionary) cannot be read, "
            "so it cannot count as valid. The file's other signatures are checked on their own.",
            f"Technical detail: {technical}",
        ),
    )


def validate_pdf(
    path: Path,
    trust_roots: Iterable[asn1_x509.Certificate] = (),
    *,
    online: bool = False,
    password: str | None = None,
    anchors: list[TrustAnchor] | None = None,
) -> list[SignatureReport]:
    """Reports for every signature and document time-stamp, in document order; a signature
    that cannot be checked gets its own failing report and never hides the others."""
    check_file(path)  # missing, empty, not a PDF, truncated: pyHanko reads the rest itself
    roots = list(trust_roots)
    known = TrustStore().anchors() if anchors is None else anchors
    reports = []
    with path.open("rb") as fh:
        with file_problems(path.name, repairable=False):
            reader = PdfFileReader(fh, strict=False)
            unlock_reader(reader, password, path.name)
            found = _signatures(reader)
        readable = [sig for _, sig in found if isinstance(sig, EmbeddedPdfSignature)]
        for name, sig in found:
            if not isinstance(sig, EmbeddedPdfSignature):
                reports.append(_unreadable(name, sig))
                continue
            try:
                reports.append(_report(reader, readable, readable.index(sig), roots, online, known))
            except Exception as exc:  # noqa: BLE001 — one damaged signature must not hide the others
                logger.warning("%s: signature %s cannot be checked: %r", path.name, name, exc)
                reports.append(_unreadable(name, exc))
    return reports


def _signatures(reader: PdfFileReader) -> list[tuple[str, EmbeddedPdfSignature | Exception]]:
    """Every filled signature field in signing order, each read on its own: pyHanko's
    ``embedded_signatures`` gives up on the whole file when one CMS blob is unreadable."""
    found: list[tuple[int, str, EmbeddedPdfSignature | Exception]] = []
    for name, sig_obj, sig_field in enumerate_sig_fields(reader, filled_status=True):
        try:
            signature = sig_obj.get_object()
            if signature.get("/SubFilter") not in [f.value for f in SigSeedSubFilter]:
                logger.info("signature %s has an unknown /SubFilter; not ours to judge", name)
                continue
            offset = int(signature["/ByteRange"][1])
        except (KeyError, IndexError, TypeError, ValueError):
            offset = 2**62
        try:
            found.append((offset, name, EmbeddedPdfSignature(reader, sig_field, name)))
        except Exception as exc:  # noqa: BLE001 — a damaged CMS blob is reported, not raised
            logger.warning("signature %s cannot be read: %r", name, exc)
            found.append((offset, name, exc))
    return [(name, sig) for _, name, sig in sorted(found, key=lambda item: item[0])]


def _report(
    reader: PdfFileReader,
    sigs: list[EmbeddedPdfSignature],
    index: int,
    roots: list[asn1_x509.Certificate],
    online: bool,
    anchors: list[TrustAnchor],
) -> SignatureReport:
    sig = sigs[index]
    vc = validation_context(roots, online=online)
    ts_vc = validation_context(roots, online=online)
    is_doc_ts = sig.sig_object_type == "/DocTimeStamp"
    status: DocumentTimestampStatus | PdfSignatureStatus
    if is_doc_ts:
        status = validate_pdf_timestamp(sig, validation_context=ts_vc)
    else:
        status = validate_pdf_signature(
            sig, vc, ts_validation_context=ts_vc, diff_policy=DIFF_POLICY
        )
    has_ts = getattr(status, "timestamp_validity", None) is not None
    mod = _MODIFICATIONS.get(
        status.modification_level or ModificationLevel.OTHER,
        _MODIFICATIONS[ModificationLevel.OTHER],
    )
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    later = sigs[index + 1 :]
    if mod[0] == "none" and any(s.sig_object_type != "/DocTimeStamp" for s in later):
        # pyHanko files a signature added to an encrypted file under "LTV data only"; a later
        # signature is what was added, and saying so is the truth the reader needs.
        mod = _MODIFICATIONS[ModificationLevel.FORM_FILLING]
    level = "LTA time-stamp" if is_doc_ts else _level(reader, sigs, index, has_ts)
    path = getattr(status, "validation_path", None)
    verdict = trust_verdict(
        status.signing_cert,
        status.trusted,
        path[0] if path is not None else None,
        getattr(status, "trust_problem_indic", None),
        anchors,
    )
    summary_vi, summary_en, det_vi, det_en = _explain(
        status.intact, status.valid, status.trusted, status.revoked, mod, whole, level, verdict
    )
    validity = status.timestamp_validity if isinstance(status, PdfSignatureStatus) else None
    ts = validity.timestamp if validity is not None else None
    cert = status.signing_cert
    return SignatureReport(
        field_name=sig.field_name or "",
        signer_cn=_name(cert, "common_name"),
        signer_o=_name(cert, "organization_name"),
        issuer_cn=str(cert.issuer.native.get("common_name", "")) if cert is not None else "",
        signing_time=getattr(status, "signer_reported_dt", None)
        or getattr(status, "timestamp", None),
        timestamp_time=ts,
        level=level,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        revoked=status.revoked,
        whole_document=whole,
        modification=mod[0],
        is_document_timestamp=is_doc_ts,
        summary_vi=summary_vi,
        summary_en=summary_en,
        details_vi=tuple(det_vi),
        details_en=tuple(det_en),
        pki=verdict.pki,
        trust_anchor=verdict.anchor,
        trust_vi="Chứng thư số ĐÃ BỊ THU HỒI." if status.revoked else verdict.vi,
        trust_en="The certificate has been REVOKED." if status.revoked else verdict.en,
    )
