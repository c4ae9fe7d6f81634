"""The PAdES signatures of a file that came through the exchange, as plain verdicts the
server stores at arrival (found by the server through the ``vanthu.pdf_signatures`` entry
point, so a server-only install does without pyHanko)."""

from __future__ import annotations

from pathlib import Path

from base.errors import VanThuError

from .validation import validate_pdf

__all__ = ["pdf_signature_verdicts"]


def pdf_signature_verdicts(path: Path) -> list[dict[str, object]]:
    """One verdict per signature (signer, intact, trusted, the sentence in both languages); a
    file that cannot be read says why in one verdict. Offline: no revocation fetching."""
    try:
        reports = validate_pdf(path)
    except VanThuError as exc:
        return [
            {
                "signer": "",
                "ok": False,
                "trusted": False,
                "summary_vi": exc.message("vi"),
                "summary_en": exc.message("en"),
            }
        ]
    return [
        {
            "signer": report.signer_cn,
            "ok": report.ok,
            "trusted": report.trusted,
            "timestamp": report.is_document_timestamp,
            "summary_vi": report.summary_vi,
            "summary_en": report.summary_en,
        }
        for report in reports
    ]
