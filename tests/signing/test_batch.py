"""Batch signing with one PIN, bad inputs, time-stamp failures and PAdES levels."""

from __future__ import annotations

import subprocess
import threading

import pymupdf
import pytest

from signing.batch import BatchRequest, sign_batch
from signing.encryption import PasswordNeeded
from signing.errors import CertificateNotUsable, SigningCancelled, TimestampError, TokenRemoved
from signing.pades import SignJob, sign_file
from signing.profiles import Level, Mode
from signing.revocation import Revocation, check_revocation
from signing.validation import validate_pdf
from tests.conftest import require_tool
from tests.signing.conftest import make_letter, pdfsig


def _bad_inputs(folder):
    empty = folder / "rỗng.pdf"
    empty.write_bytes(b"")
    text = folder / "không phải pdf.pdf"
    text.write_text("xin chào")
    corrupt = folder / "hỏng.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    locked = folder / "mật khẩu.pdf"
    doc = pymupdf.open(make_letter(folder / "tmp.pdf"))
    doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="chu", user_pw="mat-khau")
    return {"empty": empty, "text": text, "corrupt": corrupt, "locked": locked}


def test_batch_signs_good_files_and_reports_bad_ones(
    open_signer, profile, root_cert, tmp_path
) -> None:
    good = [make_letter(tmp_path / f"văn bản {i}.pdf") for i in range(5)]
    bad = _bad_inputs(tmp_path)
    originals = {p: p.read_bytes() for p in good}
    seen = []
    request = BatchRequest(
        tuple(good[:2] + list(bad.values()) + good[2:]), Mode.APPROVE, out_dir=tmp_path / "đã ký"
    )
    results = sign_batch(
        request, open_signer("01"), profile, progress=lambda i, n, r: seen.append((i, n))
    )
    assert seen[-1] == (9, 9)
    ok = [r for r in results if r.ok]
    failed = {r.source.name: r.message_vi for r in results if not r.ok}
    assert len(ok) == 5 and set(failed) == {p.name for p in bad.values()}
    assert "rỗng" in failed["rỗng.pdf"] and "không phải tệp PDF" in failed["không phải pdf.pdf"]
    assert "mật khẩu" in failed["mật khẩu.pdf"] and "hỏng" in failed["hỏng.pdf"]
    for result in ok:
        assert validate_pdf(result.output, [root_cert])[0].ok
        assert "Signature is Valid." in pdfsig(result.output)
    assert all(p.read_bytes() == originals[p] for p in good)  # inputs untouched
    assert not list((tmp_path / "đã ký").glob(".*part"))  # no temp files left


def test_batch_asks_the_tsa_once_per_signature(
    open_signer, profile, root_cert, test_pki, tmp_path
) -> None:
    """The signature's size is estimated once per batch: pyHanko alone would fetch a dummy
    time-stamp for every file, doubling the round trips to the TSA."""
    files = [make_letter(tmp_path / f"lô {i}.pdf") for i in range(4)]
    tsa = test_pki.tsa_url.removeprefix(test_pki.base_url)
    before = test_pki.hits[tsa]
    results = sign_batch(
        BatchRequest(tuple(files), Mode.APPROVE, out_dir=tmp_path / "ký"),
        open_signer("01"),
        profile,
    )
    assert all(r.ok for r in results)
    assert test_pki.hits[tsa] - before == len(files) + 1  # one per signature, one for the estimate
    for result in results:
        [status] = validate_pdf(result.output, [root_cert])
        assert status.ok and status.timestamp_time is not None and status.level == "B-T"
        assert "Signature is Valid." in pdfsig(result.output)


def test_a_signature_outgrowing_the_batch_estimate_is_measured_again(
    open_signer, profile, root_cert, tmp_path
) -> None:
    active = open_signer("01")
    first = sign_file(
        SignJob(make_letter(tmp_path / "một.pdf"), tmp_path / "một-ký.pdf", Mode.APPROVE),
        active,
        profile,
    )
    assert validate_pdf(first, [root_cert])[0].ok and active.reservations
    active.reservations.update(
        {key: 2_000 for key in active.reservations}
    )  # as if the TSA's answer grew
    second = sign_file(
        SignJob(make_letter(tmp_path / "hai.pdf"), tmp_path / "hai-ký.pdf", Mode.APPROVE),
        active,
        profile,
    )
    [status] = validate_pdf(second, [root_cert])
    assert status.ok and status.timestamp_time is not None
    assert "Signature is Valid." in pdfsig(second)
    assert not list(tmp_path.glob(".*part"))


def test_encrypted_pdf_signs_with_its_password(open_signer, profile, root_cert, tmp_path) -> None:
    locked = _bad_inputs(tmp_path)["locked"]
    out = sign_file(
        SignJob(locked, tmp_path / "ok.pdf", Mode.APPROVE, pdf_password="mat-khau"),
        open_signer("01"),
        profile.with_changes(level=Level.B_B),
    )
    # Signed as an encrypted incremental update: the output keeps the password and the keys,
    # so verifying needs the password too, and the original bytes are untouched.
    assert pymupdf.open(out).needs_pass and pymupdf.open(locked).needs_pass
    assert out.read_bytes().startswith(locked.read_bytes())
    [report] = validate_pdf(out, [root_cert], password="mat-khau")
    assert report.ok and report.whole_document
    with pytest.raises(PasswordNeeded):
        validate_pdf(out, [root_cert])
    tool = require_tool("pdfsig")
    verdict = subprocess.run(
        [tool, "-upw", "mat-khau", str(out)], capture_output=True, text=True, timeout=60
    ).stdout
    assert "Signature is Valid." in verdict


def test_cancel_stops_between_files(open_signer, profile, tmp_path) -> None:
    files = tuple(make_letter(tmp_path / f"{i}.pdf") for i in range(3))
    cancel = threading.Event()

    def stop(index, _total, _result):
        if index == 1:
            cancel.set()

    with pytest.raises(SigningCancelled):
        sign_batch(
            BatchRequest(files, Mode.APPROVE),
            open_signer("01"),
            profile,
            progress=stop,
            cancel=cancel,
        )
    assert (
        files[0].with_name("0_ky-so.pdf").exists()
        and not files[1].with_name("1_ky-so.pdf").exists()
    )


def test_expired_certificate_refused_unless_overridden(open_signer, profile, tmp_path) -> None:
    files = (make_letter(tmp_path / "a.pdf"),)
    with pytest.raises(CertificateNotUsable) as info:
        sign_batch(BatchRequest(files, Mode.APPROVE), open_signer("04"), profile)
    assert "hết hạn" in info.value.message("vi")
    results = sign_batch(
        BatchRequest(files, Mode.APPROVE, allow_expired=True),
        open_signer("04"),
        profile.with_changes(level=Level.B_B, signer_name="Trần Quốc Việt"),
    )
    assert results[0].ok


def test_unreachable_tsa_fails_or_falls_back(
    open_signer, profile, root_cert, letter, tmp_path
) -> None:
    down = profile.with_changes(tsa_url="http://127.0.0.1:9/tsa")
    with pytest.raises(TimestampError):
        sign_file(SignJob(letter, tmp_path / "x.pdf", Mode.APPROVE), open_signer("01"), down)
    assert not (tmp_path / "x.pdf").exists()
    out = sign_file(
        SignJob(letter, tmp_path / "y.pdf", Mode.APPROVE),
        open_signer("01"),
        down.with_changes(allow_without_timestamp=True),
    )
    assert validate_pdf(out, [root_cert])[0].level == "B-B"


@pytest.mark.parametrize("level", [Level.B_LT, Level.B_LTA])
def test_long_term_levels_embed_revocation_data(
    level, open_signer, profile, root_cert, letter, tmp_path
) -> None:
    out = sign_file(
        SignJob(letter, tmp_path / "lt.pdf", Mode.APPROVE),
        open_signer("01"),
        profile.with_changes(level=level),
    )
    reports = validate_pdf(out, [root_cert])
    assert reports[0].ok and reports[0].level == str(level)
    assert reports[-1].is_document_timestamp == (level is Level.B_LTA)
    assert "Signature is Valid." in pdfsig(out)


def test_tampered_output_detected(open_signer, profile, root_cert, letter, tmp_path) -> None:
    out = sign_file(
        SignJob(letter, tmp_path / "s.pdf", Mode.APPROVE),
        open_signer("01"),
        profile.with_changes(level=Level.B_B),
    )
    data = bytearray(out.read_bytes())
    at = data.find(b"/Contents ", 0, 2000)  # first page object: inside the signed byte range
    data[at + 10] = ord("9") if data[at + 10] != ord("9") else ord("8")
    out.write_bytes(bytes(data))
    report = validate_pdf(out, [root_cert])[0]
    assert not report.ok and "KHÔNG HỢP LỆ" in report.summary_vi
    assert "Signature is Valid." not in pdfsig(out)


def test_revoked_certificate_refused_before_signing(open_signer, profile, letter, tmp_path) -> None:
    request = BatchRequest((letter,), Mode.APPROVE, out_dir=tmp_path / "out")
    with pytest.raises(CertificateNotUsable) as caught:
        sign_batch(request, open_signer("06"), profile.with_changes(signer_name="Trần Quốc Việt"))
    assert "THU HỒI" in caught.value.message("vi") and not (tmp_path / "out").exists()


def test_revocation_unknown_offline_still_signs(open_signer, profile, letter, tmp_path) -> None:
    untrusted = profile.with_changes(
        trust_roots=(), level=Level.B_B
    )  # no path to a root: status unknown
    [result] = sign_batch(
        BatchRequest((letter,), Mode.APPROVE, out_dir=tmp_path / "out"),
        open_signer("01"),
        untrusted,
    )
    assert result.ok
    assert check_revocation(open_signer("01").certificate.der, profile).status is Revocation.GOOD


def test_token_removed_mid_batch_stops_cleanly(open_signer, profile, root_cert, tmp_path) -> None:
    files = tuple(make_letter(tmp_path / f"văn bản {i}.pdf") for i in range(3))
    originals = [f.read_bytes() for f in files]
    active = open_signer("01")

    def pull_token_after_first(done: int, total: int, result) -> None:  # type: ignore[no-untyped-def]
        if done == 1:
            active.signer.pkcs11_session.close()  # what the token does when pulled: sessions vanish

    out = tmp_path / "out"
    with pytest.raises(TokenRemoved) as caught:
        sign_batch(
            BatchRequest(files, Mode.APPROVE, out_dir=out),
            active,
            profile.with_changes(level=Level.B_B, signer_name="Trần Quốc Việt"),
            pull_token_after_first,
        )
    assert "rút" in caught.value.message("vi")
    assert sorted(p.name for p in out.iterdir()) == ["văn bản 0.pdf"]  # no half-written second file
    assert validate_pdf(out / "văn bản 0.pdf", [root_cert])[0].ok
    assert [f.read_bytes() for f in files] == originals


def test_pdfa_input_signs_and_stays_valid(
    open_signer, profile, root_cert, letter, tmp_path
) -> None:
    pdfa = tmp_path / "pdfa.pdf"
    with pymupdf.open(letter) as doc:  # PDF/A-2b identification, as archival scanners write it
        doc.set_xml_metadata(PDFA_XMP)
        doc.save(pdfa, garbage=3)
    [result] = sign_batch(
        BatchRequest((pdfa,), Mode.APPROVE, out_dir=tmp_path / "out"),
        open_signer("01"),
        profile.with_changes(signer_name="Trần Quốc Việt"),
    )
    assert result.ok
    assert validate_pdf(result.output, [root_cert])[0].ok
    assert "pdfaid:part" in pymupdf.open(result.output).get_xml_metadata()  # identification kept
    assert "Signature is Valid" in pdfsig(result.output)


PDFA_XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
</rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""
