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
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.status import (
    DocumentTimestampStatus,
    PdfSignatureStatus,
    SignatureCoverageLevel,
)

from .diff_rules import DIFF_POLICY
from .errors import PdfInputError
from .inputs import check_pdf
from .trust import validation_context

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

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and not self.revoked and self.modification != "other"


def _level(reader: PdfFileReader, index: int, has_ts: bool) -> str:
    sigs = reader.embedded_signatures
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
    elif trusted:
        vi.append("Chứng thư số được tin cậy (chuỗi tới chứng thư gốc đã cấu hình).")
        en.append("The certificate is trusted (chains to a configured root).")
    else:
        vi.append("Chưa xác thực được nguồn gốc chứng thư số (chưa có chứng thư gốc tin cậy).")
        en.append("The certificate's origin is not verified (no trusted root configured).")
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


def validate_pdf(
    path: Path,
    trust_roots: Iterable[asn1_x509.Certificate] = (),
    *,
    online: bool = False,
) -> list[SignatureReport]:
    """Reports for every signature and document time-stamp, in document order."""
    check_pdf(path)
    roots = list(trust_roots)
    reports = []
    with path.open("rb") as fh:
        try:
            reader = PdfFileReader(fh, strict=False)
            signatures = reader.embedded_signatures
        except Exception as exc:
            raise PdfInputError(
                "Không đọc được chữ ký trong tệp.", "Could not read the signatures."
            ) from exc
        for index, sig in enumerate(signatures):
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
            level = "LTA time-stamp" if is_doc_ts else _level(reader, index, has_ts)
            summary_vi, summary_en, det_vi, det_en = _explain(
                status.intact, status.valid, status.trusted, status.revoked, mod, whole, level
            )
            validity = status.timestamp_validity if isinstance(status, PdfSignatureStatus) else None
            ts = validity.timestamp if validity is not None else None
            cert = status.signing_cert
            reports.append(
                SignatureReport(
                    field_name=sig.field_name or "",
                    signer_cn=_name(cert, "common_name"),
                    signer_o=_name(cert, "organization_name"),
                    issuer_cn=str(cert.issuer.native.get("common_name", ""))
                    if cert is not None
                    else "",
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
                )
            )
    return reports
