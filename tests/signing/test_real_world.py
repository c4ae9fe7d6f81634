"""Real-world PDFs: permissions-only encryption, damage, truncation, certification.

Every case goes sign → our verify → pdfsig → qpdf, asserting what a user
would see: a signature that validates everywhere and keeps the earlier ones,
or a refusal that names the file's problem in Vietnamese and English — never
a traceback, never "unexpected error", never raw library English.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pymupdf
import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers

from base.pdf import BadPdf, PdfProblem, check_pdf
from signing.encryption import SigningForbidden
from signing.errors import PdfInputError, SigningError
from signing.file_problems import CertifiedNoChanges, DamagedPdf
from signing.pades import REPAIRED_NOTE, SignJob, sign_file
from signing.profiles import Mode
from signing.validation import validate_pdf
from tests.conftest import require_tool
from tests.signing import pdf_cases
from tests.signing.conftest import make_letter, pdfsig

MOMENT = dt.datetime(2026, 11, 24, 3, 15, tzinfo=dt.UTC)
LIBRARY_WORDS = ("Traceback", "EOF marker", "idnum", "codec", "invalid literal", "Unexpected")


def qpdf_check(path: Path, password: str = "") -> bool:
    tool = require_tool("qpdf")
    run = subprocess.run(
        [tool, f"--password={password}", "--check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return run.returncode in (0, 3)  # 3: warnings only (qpdf's own repairs), still readable


def assert_user_message(exc: SigningError, name: str) -> None:
    vi, en = exc.message("vi"), exc.message("en")
    assert name in vi and name in en and vi != en
    assert not any(word in vi + en for word in LIBRARY_WORDS), (vi, en)


def _sign(source: Path, out: Path, mode: Mode, open_signer, profile, **job) -> Path:  # type: ignore[no-untyped-def]
    key = "01" if mode is Mode.APPROVE else "03"
    return sign_file(
        SignJob(source, out, mode, "125/QĐ-UBND", **job), open_signer(key), profile, MOMENT
    )


# -- permissions-only (owner password) files -------------------------------------------------


def test_an_owner_password_only_file_signs_in_every_mode_and_keeps_earlier_signatures(
    open_signer, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    source = pdf_cases.owner_password_only(
        make_letter(tmp_path / "thu.pdf"),
        tmp_path / "chi-doc.pdf",
        pymupdf.PDF_PERM_PRINT | pymupdf.PDF_PERM_ANNOTATE | pymupdf.PDF_PERM_FORM,
    )
    approved = _sign(source, tmp_path / "duyet.pdf", Mode.APPROVE, open_signer, profile)
    issued = _sign(approved, tmp_path / "phat-hanh.pdf", Mode.ISSUE, open_signer, profile)
    for mode in (Mode.COPY, Mode.ATTACHMENT):
        out = _sign(source, tmp_path / f"{mode}.pdf", mode, open_signer, profile)
        [report] = validate_pdf(out, [root_cert])
        assert report.ok and report.trusted, mode
        assert "Signature is Valid." in pdfsig(out) and qpdf_check(out)
    first, second = validate_pdf(issued, [root_cert])  # verify needs no password
    assert first.ok and second.ok and second.whole_document
    assert first.modification == "form_fill"
    assert pdfsig(issued).count("Signature is Valid.") == 2
    assert qpdf_check(issued)
    with pymupdf.open(issued) as doc:
        assert doc.metadata["encryption"], "the signed file keeps its encryption"
    assert issued.read_bytes().startswith(approved.read_bytes())  # incremental


def test_permissions_that_forbid_annotations_refuse_signing_clearly(
    open_signer, profile, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    source = pdf_cases.owner_password_only(
        make_letter(tmp_path / "thu.pdf"), tmp_path / "cam-ky.pdf", pymupdf.PDF_PERM_PRINT
    )
    with pytest.raises(SigningForbidden) as refused:
        _sign(source, tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile)
    assert_user_message(refused.value, "cam-ky.pdf")
    assert "owner" in refused.value.message("en")
    assert not (tmp_path / "ky.pdf").exists()


def test_a_signed_permissions_only_file_verifies_without_a_password(
    open_signer, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    source = pdf_cases.owner_password_only(
        make_letter(tmp_path / "thu.pdf"), tmp_path / "quyen.pdf", pymupdf.PDF_PERM_ANNOTATE
    )
    signed = _sign(source, tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile)
    [report] = validate_pdf(signed, [root_cert])
    assert report.ok and report.pki == "profile"


# -- one bad signature never hides the others ------------------------------------------------


def _damage_first_signature(path: Path) -> None:
    """Overwrite the start of the first signature's CMS blob (same length: offsets stay)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"/Contents <") + len(b"/Contents <")
    data[at : at + 16] = b"0" * 16
    path.write_bytes(bytes(data))


def test_verify_reports_every_signature_even_when_one_is_damaged(
    open_signer, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    letter = make_letter(tmp_path / "thu.pdf")
    first = _sign(letter, tmp_path / "mot.pdf", Mode.APPROVE, open_signer, profile)
    both = _sign(first, tmp_path / "hai.pdf", Mode.COPY, open_signer, profile)
    _damage_first_signature(both)
    broken, second = validate_pdf(both, [root_cert])  # no traceback, one verdict each
    assert not broken.ok and "KHÔNG KIỂM TRA ĐƯỢC" in broken.summary_vi
    assert "CANNOT BE CHECKED" in broken.summary_en and broken.field_name == "Sig_approve_1"
    assert second.field_name == "Sig_copy_1" and second.signer_cn
    assert not second.ok  # its bytes changed too: reported, not hidden
    # Signing on top still works; the damaged signature stays reported as such.
    third = _sign(both, tmp_path / "ba.pdf", Mode.ATTACHMENT, open_signer, profile)
    reports = validate_pdf(third, [root_cert])
    assert [r.field_name for r in reports] == ["Sig_approve_1", "Sig_copy_1", "Sig_attachment_1"]
    assert not reports[0].ok and reports[2].ok and reports[2].whole_document


# -- truncated, damaged and merely untidy files ----------------------------------------------


@pytest.mark.parametrize("fraction", [0.1, 0.4, 0.75, 0.97])
def test_a_truncated_pdf_is_refused_everywhere(fraction, open_signer, profile, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cut = pdf_cases.truncated(
        make_letter(tmp_path / "thu.pdf", pages=3), tmp_path / "cut.pdf", fraction
    )
    with pytest.raises(BadPdf) as info:
        check_pdf(cut)
    assert info.value.problem in (PdfProblem.TRUNCATED, PdfProblem.CORRUPT)
    with pytest.raises(PdfInputError) as signing:
        _sign(cut, tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile)
    assert_user_message(signing.value, "cut.pdf")
    pdfinfo = subprocess.run([require_tool("pdfinfo"), str(cut)], capture_output=True, timeout=60)
    assert pdfinfo.returncode != 0 or not qpdf_check(cut)  # the independent tools agree


def test_a_signed_file_cut_short_is_reported_as_truncated(
    open_signer, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    signed = _sign(
        make_letter(tmp_path / "thu.pdf"), tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile
    )
    cut = pdf_cases.truncated(signed, tmp_path / "ky-cut.pdf", 0.98)
    with pytest.raises(PdfInputError) as info:
        validate_pdf(cut, [root_cert])
    assert "cắt cụt" in info.value.message("vi") and "truncated" in info.value.message("en")


@pytest.mark.parametrize(
    ("untidy", "needs_repair"),
    [
        (pdf_cases.padded_after_eof, False),  # the padding is dropped from the signed copy
        (pdf_cases.no_final_newline, False),
        (pdf_cases.stale_xref_offset, True),  # pyHanko needs true offsets: repair is offered
    ],
)
def test_complete_but_untidy_scanner_output_is_accepted_and_signs(
    untidy, needs_repair, open_signer, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = untidy(make_letter(tmp_path / "thu.pdf", pages=2), tmp_path / "scan.pdf")
    assert check_pdf(path) == 2  # the upload engine and registration take it as it is
    if needs_repair:
        with pytest.raises(DamagedPdf) as info:
            _sign(path, tmp_path / "ky.pdf", Mode.COPY, open_signer, profile)
        assert_user_message(info.value, "scan.pdf")
        assert "--repair" in info.value.message("en")
    signed = _sign(path, tmp_path / "ky.pdf", Mode.COPY, open_signer, profile, repair=needs_repair)
    [report] = validate_pdf(signed, [root_cert])
    assert report.ok
    assert "Signature is Valid." in pdfsig(signed)


def test_a_damaged_xref_gets_a_clear_message_and_signs_after_repair(
    open_signer, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    damaged = pdf_cases.broken_xref(make_letter(tmp_path / "thu.pdf"), tmp_path / "hong.pdf")
    assert check_pdf(damaged) == 1  # MuPDF opens it: the check alone cannot tell
    try:
        signed = _sign(damaged, tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile)
        repaired = False
    except DamagedPdf as exc:
        assert_user_message(exc, "hong.pdf")
        assert "--repair" in exc.message("vi")
        signed = _sign(
            damaged, tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile, repair=True
        )
        repaired = True
    [report] = validate_pdf(signed, [root_cert])
    assert report.ok and "Signature is Valid." in pdfsig(signed) and qpdf_check(signed)
    if repaired:
        with signed.open("rb") as fh:
            [signature] = PdfFileReader(fh, strict=False).embedded_signatures
            assert str(signature.sig_object["/Reason"]).endswith(REPAIRED_NOTE)


def test_a_signed_file_is_never_rewritten_by_repair(open_signer, profile, tmp_path) -> None:  # type: ignore[no-untyped-def]
    signed = _sign(
        make_letter(tmp_path / "thu.pdf"), tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile
    )
    with pytest.raises(DamagedPdf) as info:
        _sign(signed, tmp_path / "ky2.pdf", Mode.COPY, open_signer, profile, repair=True)
    assert "không thể sửa" in info.value.message("vi")


def test_odd_metadata_never_surfaces_as_an_unexpected_error(
    open_signer, profile, root_cert, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    odd = pdf_cases.bad_metadata(make_letter(tmp_path / "thu.pdf"), tmp_path / "meta.pdf")
    try:
        signed = _sign(odd, tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile)
    except PdfInputError as exc:
        assert_user_message(exc, "meta.pdf")
        return
    [report] = validate_pdf(signed, [root_cert])
    assert report.ok


def test_a_certified_no_changes_file_is_refused_with_the_reason(
    open_signer, profile, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    source = make_letter(tmp_path / "thu.pdf")
    certified = tmp_path / "chung-thuc.pdf"
    active = open_signer("03")
    with source.open("rb") as fh, certified.open("wb") as out:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        signers.PdfSigner(
            signers.PdfSignatureMetadata(
                field_name="Certify",
                certify=True,
                docmdp_permissions=fields.MDPPerm.NO_CHANGES,
            ),
            active.signer,
        ).sign_pdf(writer, output=out)
    with pytest.raises(CertifiedNoChanges) as refused:
        _sign(certified, tmp_path / "ky.pdf", Mode.APPROVE, open_signer, profile)
    assert_user_message(refused.value, "chung-thuc.pdf")


def test_verify_explains_a_file_encrypted_for_a_certificate() -> None:
    from tests.signing.real_world import CORPUS

    with pytest.raises(PdfInputError) as info:
        validate_pdf(CORPUS / "pyhanko-minimal-pubkey-aes256.pdf", [])
    assert "khoá công khai" in info.value.message("vi") and "public key" in info.value.message("en")
