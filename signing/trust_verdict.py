"""Which PKI a signature chains to, and why it is or is not trusted, in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from pyhanko.sign.ades.report import AdESIndeterminate

from .trust_store import PKI_NAMES, Pki, TrustAnchor

__all__ = ["TrustVerdict", "trust_verdict"]


@dataclass(frozen=True)
class TrustVerdict:
    pki: str
    """``government`` / ``public`` / ``other``; ``profile`` for a root only the profile names;
    empty when the signature chains to nothing trusted."""
    anchor: str
    """The trusted certificate the chain ends at (its common name)."""
    vi: str
    en: str


_PROBLEMS: dict[AdESIndeterminate, tuple[str, str]] = {
    AdESIndeterminate.EXPIRED: ("chứng thư đã hết hạn", "the certificate has expired"),
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE: ("chứng thư đã hết hạn", "the certificate has expired"),
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED: (
        "chứng thư đã hết hạn",
        "the certificate has expired",
    ),
    AdESIndeterminate.NOT_YET_VALID: (
        "chứng thư chưa có hiệu lực",
        "the certificate is not yet valid",
    ),
    AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE: (
        "chuỗi chứng thư vi phạm ràng buộc (mục đích sử dụng, độ dài chuỗi…)",
        "the chain breaks a constraint (key usage, path length…)",
    ),
    AdESIndeterminate.TRY_LATER: (
        "chưa kiểm tra được tình trạng thu hồi; hãy thử lại khi có mạng",
        "revocation could not be checked yet; try again online",
    ),
    AdESIndeterminate.REVOCATION_OUT_OF_BOUNDS_NO_POE: (
        "thông tin thu hồi đã quá hạn",
        "the revocation information is out of date",
    ),
    AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE: (
        "thuật toán mật mã không còn được chấp nhận",
        "the cryptographic algorithm is no longer accepted",
    ),
}


def _cn(name: asn1_x509.Name) -> str:
    return str(name.native.get("common_name", "")) or name.human_friendly


def trust_verdict(
    signer: asn1_x509.Certificate | None,
    trusted: bool,
    anchor_cert: asn1_x509.Certificate | None,
    problem: object,
    anchors: list[TrustAnchor],
) -> TrustVerdict:
    """Explain the trust part of a validation result against the store's ``anchors``."""
    if trusted and anchor_cert is not None:
        name = _cn(anchor_cert.subject)
        fp = anchor_cert.sha256
        pki = next((a.pki for a in anchors if a.certificate.sha256 == fp), None)
        if pki is None:
            return TrustVerdict(
                "profile",
                name,
                f"Chứng thư số được tin cậy: chuỗi tới “{name}”, chứng thư gốc riêng của cấu hình "
                "ký số (không thuộc danh sách tin cậy chung).",
                f"The certificate is trusted: it chains to “{name}”, a root only this signing "
                "profile trusts (not in the shared trust list).",
            )
        vi, en = PKI_NAMES[Pki(pki)]
        return TrustVerdict(
            pki.value,
            name,
            f"Chứng thư số được tin cậy: chuỗi tới “{name}” (hạ tầng {vi}).",
            f"The certificate is trusted: it chains to “{name}” ({en} PKI).",
        )
    issuer = _cn(signer.issuer) if signer is not None else "?"
    issuer_der = signer.issuer.dump() if signer is not None else b""
    disabled = [a for a in anchors if not a.enabled and a.certificate.subject.dump() == issuer_der]
    if disabled:
        name = disabled[0].name
        return TrustVerdict(
            "",
            "",
            f"Chưa tin cậy: nơi cấp “{name}” đã bị tắt trong danh sách tin cậy.",
            f"Not trusted: the issuer “{name}” is disabled in the trust list.",
        )
    if isinstance(problem, AdESIndeterminate) and problem in _PROBLEMS:
        vi, en = _PROBLEMS[problem]
        return TrustVerdict(
            "",
            "",
            f"Chưa tin cậy: chứng thư do “{issuer}” cấp nhưng {vi}.",
            f"Not trusted: issued by “{issuer}”, but {en}.",
        )
    return TrustVerdict(
        "",
        "",
        f"Chưa tin cậy: chứng thư do “{issuer}” cấp, không dẫn tới chứng thư gốc nào trong danh "
        "sách tin cậy (chuyên dùng Chính phủ, công cộng). Nếu tin cậy nơi cấp này, quản trị viên "
        "có thể thêm chứng thư gốc của họ.",
        f"Not trusted: issued by “{issuer}”, which chains to no root in the trust list "
        "(government, public). If you trust that issuer, an administrator can add its root.",
    )
