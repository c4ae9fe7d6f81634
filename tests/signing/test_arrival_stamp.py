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


def test_a_file_whose_permissions_forbid_annotations_is_refused_with_a_way_out(
    tmp_path: Path, letter: Path
) -> None:
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


# -- where the stamp goes: under the number and the summary (Decree 30, Appendix IV) ---------

MM = 72 / 25.4
_CSS = "* {font-family: serif; font-size: 12pt; margin: 0;} .c {text-align: center;}"


def _cong_van(path: Path, summary_lines: int = 2, short: bool = True) -> Path:
    """A công văn laid out as Form 1.4 of Appendix I: the organ, "Số: 11/SNV-CCHC" and the
    summary ("V/v …") in the left header column, the national motto and the date on the right,
    "Kính gửi" centred, the body, "Nơi nhận" on the left and the signature block on the right
    (on a short letter, high enough up the page to sit beside an empty left half)."""
    doc = pymupdf.open()
    page = doc.new_page()  # A4
    summary = "<br>".join(
        ("V/v báo cáo kết quả cải cách", "hành chính quý IV năm 2026", "của các sở, ban, ngành")[
            :summary_lines
        ]
    )
    page.insert_htmlbox(
        pymupdf.Rect(20 * MM, 20 * MM, 95 * MM, 70 * MM),
        "<p class='c'>UBND TỈNH HÀ TĨNH</p><p class='c'><b>SỞ NỘI VỤ</b></p>"
        f"<p class='c'>Số: 11/SNV-CCHC</p><p class='c' style='font-size: 11pt'>{summary}</p>",
        css=_CSS,
    )
    page.insert_htmlbox(
        pymupdf.Rect(95 * MM, 20 * MM, 200 * MM, 50 * MM),
        "<p class='c'><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>"
        "<p class='c'><b>Độc lập - Tự do - Hạnh phúc</b></p>"
        "<p class='c'><i>Hà Tĩnh, ngày 01 tháng 12 năm 2026</i></p>",
        css=_CSS,
    )
    page.insert_htmlbox(
        pymupdf.Rect(30 * MM, 72 * MM, 195 * MM, 82 * MM),
        "<p class='c'>Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh.</p>",
        css=_CSS,
    )
    body = "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ báo cáo kết quả như sau. " * (
        2 if short else 12
    )
    end, _ = page.insert_htmlbox(
        pymupdf.Rect(30 * MM, 86 * MM, 195 * MM, 250 * MM), f"<p>{body}</p>", css=_CSS
    )
    top = 250 * MM - end + 8 * MM
    page.insert_htmlbox(
        pymupdf.Rect(30 * MM, top, 100 * MM, top + 30 * MM),
        "<p><i><b>Nơi nhận:</b></i></p><p>- Như trên;</p><p>- Lưu: VT, CCHC.</p>",
        css=_CSS,
    )
    page.insert_htmlbox(
        pymupdf.Rect(110 * MM, top, 195 * MM, top + 50 * MM),
        "<p class='c'><b>KT. GIÁM ĐỐC</b></p><p class='c'><b>PHÓ GIÁM ĐỐC</b></p>"
        "<p class='c' style='margin-top: 25mm'><b>Phan Văn Toàn</b></p>",
        css=_CSS,
    )
    doc.save(path)
    return path


def _line_rect(page: pymupdf.Page, needle: str) -> pymupdf.Rect:
    [hit, *_] = page.search_for(needle)
    return hit


@pytest.mark.parametrize(("summary_lines", "short"), [(1, True), (2, True), (3, False)])
def test_the_stamp_goes_under_the_number_and_summary_in_the_left_column(
    tmp_path: Path, summary_lines: int, short: bool
) -> None:
    letter = _cong_van(tmp_path / "11-SNV-CCHC.pdf", summary_lines, short)
    stamped = stamp_arrival(letter.read_bytes(), STAMP, letter.name)
    [rect] = _stamp_rects(stamped)
    with pymupdf.open(letter) as doc:
        page = doc[0]
        words = [pymupdf.Rect(w[:4]) for w in page.get_text("words")]
        number = _line_rect(page, "Số: 11/SNV-CCHC")
        summary = max(
            (_line_rect(page, part) for part in ("V/v", "IV năm", "của các sở")[:summary_lines]),
            key=lambda r: r.y1,
        )
        signer = _line_rect(page, "PHÓ GIÁM ĐỐC")
        width = page.rect.width
    assert rect.y0 > number.y1 and rect.y0 > summary.y1, (rect, summary)  # below both
    assert rect.x1 <= width / 2 + 5  # in the left half
    assert not any(rect.intersects(word) for word in words)  # over no printed word
    assert rect.y1 < signer.y0 or rect.x1 < signer.x0  # never beside the signature block
    assert rect.y0 - summary.y1 < 40 * MM  # close under the summary, not down the page


def test_a_demo_letter_is_stamped_under_its_number(tmp_path: Path) -> None:
    """A letter whose summary is centred under its title (as Quyết định): under "Số:" then."""
    from services.letters import OfficialLetter, render_letter_pdf

    letter = OfficialLetter(
        "SỞ NỘI VỤ TỈNH HÀ TĨNH",
        "11/SNV-CCHC",
        "Hà Tĩnh, ngày 01 tháng 12 năm 2026",
        "CÔNG VĂN",
        "Về việc báo cáo kết quả cải cách hành chính quý IV",
        ("Căn cứ chương trình công tác năm 2026.", "Đề nghị các cơ quan báo cáo đúng hạn."),
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Phan Văn Toàn",
        ("Như trên", "Lưu: VT"),
    )
    data = render_letter_pdf(letter)
    [rect] = _stamp_rects(stamp_arrival(data, STAMP, "cv.pdf"))
    with pymupdf.open(stream=data) as doc:
        page = doc[0]
        words = [pymupdf.Rect(w[:4]) for w in page.get_text("words")]
        number = _line_rect(page, "11/SNV-CCHC")
        title = _line_rect(page, "CÔNG VĂN")
        half = page.rect.width / 2
    assert number.y1 < rect.y0 and rect.y1 < title.y0 + 2 and rect.x1 <= half
    assert not any(rect.intersects(word) for word in words)


def test_a_scan_without_text_gets_the_stamp_where_a_letter_leaves_room(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 85), False)
    pixmap.set_rect(pixmap.irect, (250, 250, 250))
    page.insert_image(page.rect, pixmap=pixmap)  # a scanned page: one image, no text layer
    rect = plan_stamp(page)
    assert rect.x1 <= page.rect.width / 2 and 0.15 * 842 < rect.y0 < 0.4 * 842
