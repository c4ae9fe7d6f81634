"""The ĐẾN stamp: in blank space on the first page, upright on rotated pages, readable
(diacritics), and leaving the sender's signature valid for pyHanko and poppler."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pymupdf
import pytest

from base.arrival import ArrivalStamp
from base.pdf import BadPdf, PdfProblem
from signing.arrival_stamp import StampError, plan_stamp, stamp_arrival
from signing.pades import SignJob, sign_file
from signing.profiles import Mode
from signing.validation import validate_pdf
from tests.signing.conftest import pdfsig

STAMP = ArrivalStamp("Sở Tài chính tỉnh Hà Tĩnh", 7, dt.date(2026, 12, 2))


def _stamp_rects(data: bytes) -> list[pymupdf.Rect]:
    with pymupdf.open(stream=data) as doc:
        page = doc[0]  # held while its annotations are read
        return [annot.rect for annot in page.annots() or () if annot.type[1] == "Stamp"]


def test_the_stamp_sits_on_blank_paper_and_says_what_it_should(letter: Path) -> None:
    with pymupdf.open(letter) as doc:
        printed = [pymupdf.Rect(w[:4]) for w in doc[0].get_text("words")]
    stamped = stamp_arrival(letter.read_bytes(), STAMP, letter.name)
    [rect] = _stamp_rects(stamped)
    assert not any(rect.intersects(word) for word in printed)  # covers no printed word
    assert rect.y1 < 842 * 0.55  # in the upper part, where a clerk stamps
    with pymupdf.open(stream=stamped) as doc:
        text = doc[0].get_text("text", clip=rect)
        pixmap = doc[0].get_pixmap(clip=rect, dpi=72)
    assert "SỞ TÀI CHÍNH TỈNH HÀ TĨNH" in text and "ĐẾN" in text  # diacritics survive
    assert "Số: 07" in text and "Ngày: 02/12/2026" in text and "Lưu hồ sơ số" in text
    red = sum(
        1
        for i in range(0, len(pixmap.samples), pixmap.n)
        if pixmap.samples[i] > 150 and pixmap.samples[i + 1] < 90
    )
    assert red > 200  # drawn in red ink
    assert stamped.startswith(letter.read_bytes())  # an incremental update


def test_the_stamp_is_upright_on_a_rotated_page(letter: Path, tmp_path: Path) -> None:
    with pymupdf.open(letter) as doc:
        doc[0].set_rotation(90)
        rotated = doc.tobytes()
    stamped = stamp_arrival(rotated, STAMP)
    with pymupdf.open(stream=stamped) as doc:
        page = doc[0]
        [annot] = [a for a in page.annots() or () if a.type[1] == "Stamp"]
        visible = annot.rect * page.rotation_matrix
        pixmap = page.get_pixmap(dpi=72)
    assert visible.width > visible.height  # wider than high, as the reader sees it
    assert visible in pymupdf.Rect(0, 0, pixmap.width, pixmap.height)


def test_a_signed_document_stays_valid_after_the_stamp(
    letter: Path, open_signer, profile, root_cert, tmp_path: Path
) -> None:
    signed = sign_file(
        SignJob(letter, tmp_path / "ký.pdf", Mode.APPROVE), open_signer("01"), profile
    )
    stamped = tmp_path / "đến.pdf"
    stamped.write_bytes(stamp_arrival(signed.read_bytes(), STAMP, signed.name))
    [report] = validate_pdf(stamped, [root_cert])
    assert report.ok and report.trusted, report.summary_en
    assert "Signature is Valid." in pdfsig(stamped)


def test_a_page_with_no_blank_space_is_refused(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    for y in range(40, 820, 12):
        page.insert_text((30, y), "Chữ kín trang " * 12, fontsize=11)
    with pytest.raises(StampError) as caught:
        plan_stamp(page)
    assert "without the stamp" in caught.value.message("en")
    assert "không đóng dấu" in caught.value.message("vi")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", PdfProblem.EMPTY),
        (b"%PDF-1.7\n" + b"\x00garbage" * 64 + b"\n%%EOF\n", PdfProblem.CORRUPT),
        (b"hello, not a pdf", PdfProblem.NOT_PDF),
    ],
)
def test_a_bad_file_says_why(data: bytes, problem: PdfProblem) -> None:
    with pytest.raises(BadPdf) as caught:
        stamp_arrival(data, STAMP, "đến.pdf")
    assert caught.value.problem is problem


def test_a_password_protected_file_is_refused_with_a_way_out(tmp_path: Path, letter: Path) -> None:
    with pymupdf.open(letter) as doc:
        locked = doc.tobytes(
            encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="chu", user_pw="", permissions=4
        )
    with pytest.raises(StampError) as caught:
        stamp_arrival(locked, STAMP, "khoá.pdf")
    assert "register it without the stamp" in caught.value.message("en")


@pytest.mark.parametrize(
    "damage", ["without its xref table", "cut inside its xref", "no startxref"]
)
def test_a_file_whose_cross_references_cannot_be_read_is_refused_with_the_reason(
    tmp_path, damage: str
) -> None:  # type: ignore[no-untyped-def]
    """MuPDF opens such a file by rebuilding it; the incremental update cannot: a clear refusal
    (the server answers 422 ``unstampable`` and the clerk registers without the stamp)."""
    import re

    from base.errors import VanThuError
    from tests.signing.conftest import make_letter

    data = make_letter(tmp_path / "cv.pdf").read_bytes()
    xref = data.rfind(b"xref")
    damaged = {
        "without its xref table": data[:xref] + b"%%EOF\n",
        "cut inside its xref": data[: xref + 30] + b"\n%%EOF\n",
        "no startxref": re.sub(rb"startxref\s+\d+", b"", data),
    }[damage]
    with pytest.raises(VanThuError) as refused:
        stamp_arrival(damaged, ArrivalStamp("SỞ TÀI CHÍNH", 5, dt.date(2026, 12, 7)), "cv.pdf")
    assert "vào sổ mà không đóng dấu" in refused.value.message("vi")
    assert "without the stamp" in refused.value.message("en")
