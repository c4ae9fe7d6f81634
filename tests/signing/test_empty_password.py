"""A PDF with an empty open password (only an owner password, as many government PDFs carry)
opens silently in every reader: registration stamps it and signing signs it without asking for
a password, whatever its cipher; the one cipher pyHanko cannot append to (AES-256 R5) gets a
clear message instead of a password prompt that no password would satisfy."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pymupdf
import pytest

from base.arrival import ArrivalStamp
from signing.arrival_stamp import StampError, stamp_arrival
from signing.encryption import UnsupportedEncryption
from signing.pades import SignJob, sign_file
from signing.profiles import Mode
from signing.validation import validate_pdf
from tests.conftest import require_tool

STAMP = ArrivalStamp("Sở Tài chính tỉnh Hà Tĩnh", 12, dt.date(2026, 12, 4))
ALL = -1  # PyMuPDF: every permission
QPDF = {
    "RC4_128": ["128", "--use-aes=n"],
    "AES_128": ["128", "--use-aes=y"],
    "R5": ["256", "--force-R5"],
}


def _owner_only(letter: Path, target: Path, cipher: str) -> Path:
    if cipher == "AES_256":  # R6, the way the brief's users made theirs
        with pymupdf.open(letter) as doc:
            doc.save(
                target,
                encryption=pymupdf.PDF_ENCRYPT_AES_256,
                user_pw="",
                owner_pw="x",
                permissions=ALL,
            )
        return target
    subprocess.run(
        [require_tool("qpdf"), "--allow-weak-crypto", "--encrypt", "", "x", *QPDF[cipher], "--"]
        + [str(letter), str(target)],
        check=True,
        timeout=60,
    )
    return target


def _still_opens_silently(data: bytes) -> pymupdf.Document:
    doc = pymupdf.open(stream=data)
    assert doc.metadata["encryption"] and not doc.needs_pass  # still encrypted, no password
    return doc


@pytest.mark.parametrize("cipher", ["AES_256", "AES_128", "RC4_128"])
def test_the_arrival_stamp_goes_on_without_a_password(
    tmp_path: Path, letter: Path, cipher: str
) -> None:
    source = _owner_only(letter, tmp_path / f"{cipher}.pdf", cipher)
    stamped = stamp_arrival(source.read_bytes(), STAMP, source.name)
    assert stamped.startswith(source.read_bytes())  # an update, the sender's bytes untouched
    with _still_opens_silently(stamped) as doc:
        page = doc[0]
        [annot] = [a for a in page.annots() or () if a.type[1] == "Stamp"]
        pixmap = page.get_pixmap(clip=annot.rect, dpi=72)
    red = sum(
        1
        for i in range(0, len(pixmap.samples), pixmap.n)
        if pixmap.samples[i] > 150 and pixmap.samples[i + 1] < 90
    )
    assert red > 200  # the stamp is drawn (its stream decrypts with the file's keys)


def test_the_obsolete_r5_cipher_is_named_not_a_password_prompt(
    tmp_path: Path, letter: Path
) -> None:
    source = _owner_only(letter, tmp_path / "r5.pdf", "R5")
    with pytest.raises(StampError) as caught:
        stamp_arrival(source.read_bytes(), STAMP, source.name)
    assert "R5" in caught.value.message("en") and "without the stamp" in caught.value.message("en")
    assert "mật khẩu bảo vệ" not in caught.value.message("vi")


@pytest.mark.parametrize("cipher", ["AES_256", "RC4_128"])
def test_signing_needs_no_password(
    tmp_path: Path, letter: Path, cipher: str, open_signer, profile, root_cert
) -> None:  # type: ignore[no-untyped-def]
    source = _owner_only(letter, tmp_path / f"{cipher}.pdf", cipher)
    signed = sign_file(SignJob(source, tmp_path / "sao.pdf", Mode.COPY), open_signer("03"), profile)
    [report] = validate_pdf(signed, [root_cert])
    assert report.ok and report.trusted, report.summary_en
    with _still_opens_silently(signed.read_bytes()) as doc:
        assert doc[0].widgets()


def test_signing_an_r5_file_says_why_instead_of_asking_a_password(
    tmp_path: Path, letter: Path, open_signer, profile
) -> None:  # type: ignore[no-untyped-def]
    source = _owner_only(letter, tmp_path / "r5.pdf", "R5")
    with pytest.raises(UnsupportedEncryption) as caught:
        sign_file(SignJob(source, tmp_path / "sao.pdf", Mode.COPY), open_signer("03"), profile)
    assert "R5" in caught.value.message("en") and "Print to PDF" in caught.value.message("en")
    assert not (tmp_path / "sao.pdf").exists()
