"""Each Decree 30 mode signs, validates (pyHanko and poppler) and lands where the decree says."""

from __future__ import annotations

import datetime as dt

import pymupdf
import pytest

from signing.errors import PlacementError
from signing.fill import IssueFill, plan_fill
from signing.pades import SignJob, sign_file
from signing.profiles import Level, Mode
from signing.validation import validate_pdf
from tests.signing.conftest import pdfsig


def _widgets(path):
    with pymupdf.open(path) as doc:
        return [(page.number, w.rect) for page in doc for w in page.widgets() or ()]


def test_approve_places_signature_between_title_and_name(
    letter, open_signer, profile, root_cert, tmp_path
) -> None:
    out = sign_file(SignJob(letter, tmp_path / "ký.pdf", Mode.APPROVE), open_signer("01"), profile)
    [(page_no, rect)] = _widgets(out)
    with pymupdf.open(out) as doc:
        page = doc[page_no]
        title = page.search_for("PHÓ CHỦ TỊCH")[-1]
        name = page.search_for("Trần Quốc Việt")[-1]
    assert page_no == 0
    assert title.y1 <= rect.y0 and rect.y1 <= name.y0  # between title and name
    assert abs((rect.x0 + rect.x1) / 2 - (title.x0 + title.x1) / 2) < 2  # centred on the title
    [report] = validate_pdf(out, [root_cert])
    assert (
        report.ok and report.trusted and report.level == "B-T" and report.timestamp_time is not None
    )
    assert report.signer_cn == "Trần Quốc Việt" and report.summary_vi == "Chữ ký hợp lệ."
    verdict = pdfsig(out)
    assert "Signature is Valid." in verdict and "Total document signed" in verdict


def test_issue_seal_overlaps_left_third_of_signature(
    letter, open_signer, profile, root_cert, tmp_path
) -> None:
    approved = sign_file(
        SignJob(letter, tmp_path / "a.pdf", Mode.APPROVE), open_signer("01"), profile
    )
    issued = sign_file(
        SignJob(approved, tmp_path / "b.pdf", Mode.ISSUE), open_signer("03"), profile
    )
    (_, signature), (_, seal) = sorted(_widgets(issued), key=lambda w: w[1].x0, reverse=True)
    third = signature.x0 + signature.width / 3
    assert seal.x0 < signature.x0 and abs(seal.x1 - third) < 1.5
    assert abs(seal.width - 36 * 72 / 25.4) < 1  # real size
    first, second = validate_pdf(issued, [root_cert])
    assert first.ok and second.ok and first.modification == "form_fill" and second.whole_document
    assert pdfsig(issued).count("Signature is Valid.") == 2


def test_issue_fills_the_number_and_date_the_clerk_assigned(
    open_signer, profile, root_cert, tmp_path
) -> None:
    from services.letters import OfficialLetter, render_letter_pdf

    draft = tmp_path / "dự thảo.pdf"
    BLANK = "\u00a0" * 10  # a draft's blanks, as Word keeps them
    draft.write_bytes(
        render_letter_pdf(
            OfficialLetter(
                "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
                f"{BLANK}/QĐ-UBND",
                f"Hà Tĩnh, ngày{BLANK}tháng{BLANK}năm 2026",
                "QUYẾT ĐỊNH",
                "Về việc phê duyệt kế hoạch sử dụng đất đai năm 2026",
                ("Quyết định này có hiệu lực kể từ ngày ký.",),
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Trần Quốc Việt",
                ("Như trên", "Lưu: VT"),
                1,
            )
        )
    )
    approved = sign_file(
        SignJob(draft, tmp_path / "a.pdf", Mode.APPROVE), open_signer("01"), profile
    )
    fill = IssueFill("125", dt.date(2026, 2, 5))
    issued = sign_file(
        SignJob(approved, tmp_path / "b.pdf", Mode.ISSUE, fill=fill), open_signer("03"), profile
    )
    with pymupdf.open(issued) as doc:
        page = doc[0]
        stamps = {a.info["content"]: a.rect for a in page.annots() if a.type[1] == "Stamp"}
        label, symbol = page.search_for("Số:")[0], page.search_for("/QĐ-UBND")[0]
        day, month, year = (page.search_for(word)[0] for word in ("ngày", "tháng", "năm 2026"))
    assert set(stamps) == {
        "125",
        "05",
        "02",
    }  # Decree 30: leading zero for days < 10 and months < 3
    assert label.x1 < stamps["125"].x0 and stamps["125"].x1 < symbol.x0 + 1
    assert day.x1 < stamps["05"].x0 and stamps["05"].x1 < month.x0 + 1
    assert month.x1 < stamps["02"].x0 and stamps["02"].x1 < year.x0 + 1
    first, second = validate_pdf(issued, [root_cert])
    assert (
        first.ok
        and second.ok
        and first.modification in ("annotations", "form_fill")
        and second.whole_document
    )
    assert pdfsig(issued).count("Signature is Valid.") == 2
    with pymupdf.open(issued) as doc:  # what a reader sees: the filled line, with its "Đ"
        doc.bake()
        [number] = doc[0].search_for("125")
        assert label.x1 < number.x0 and number.x1 < symbol.x0 + 1 and abs(number.y1 - symbol.y1) < 3
    again = sign_file(
        SignJob(issued, tmp_path / "c.pdf", Mode.ISSUE, fill=IssueFill("999", dt.date(2026, 3, 1))),
        open_signer("03"),
        profile,
    )
    with pymupdf.open(again) as doc:  # numbered and dated already: never written twice
        assert sorted(a.info["content"] for a in doc[0].annots() if a.type[1] == "Stamp") == [
            "02",
            "05",
            "125",
        ]
    blank = pymupdf.open()
    blank.new_page().insert_text((72, 72), "Thông báo nội bộ")
    with pytest.raises(PlacementError):  # a draft without "Số:" says so instead of guessing
        plan_fill(blank[0], fill)


@pytest.mark.parametrize("mode", [Mode.ATTACHMENT, Mode.COPY])
def test_corner_text_top_right_of_first_page(mode, open_signer, profile, tmp_path) -> None:
    from tests.signing.conftest import make_letter

    source = make_letter(tmp_path / "phụ lục.pdf", pages=2)
    out = sign_file(
        SignJob(source, tmp_path / "out.pdf", mode, number_symbol="123/UBND-VP"),
        open_signer("03"),
        profile,
    )
    [(page_no, rect)] = _widgets(out)
    with pymupdf.open(out) as doc:
        width = doc[0].rect.width
        text = doc[0].get_textbox(rect + (-2, -2, 2, 2))
        fonts = {f[3] for f in doc[0].get_fonts()}
    assert page_no == 0 and rect.x1 > width * 0.8 and rect.y0 < 40
    assert "+07:00" in text
    assert (
        ("123/UBND-VP" in text)
        if mode is Mode.ATTACHMENT
        else ("SAO Y" in text and "Hà Tĩnh" in text)
    )
    assert any("Liberation" in f for f in fonts)
    assert "Signature is Valid." in pdfsig(out)


def test_ec_key_with_duplicate_label_selected_by_id(
    letter, open_signer, profile, root_cert, tmp_path
) -> None:
    active = open_signer("02")
    assert active.certificate.key_type == "EC"
    out = sign_file(
        SignJob(letter, tmp_path / "ec.pdf", Mode.APPROVE),
        active,
        profile.with_changes(level=Level.B_B),
    )
    [report] = validate_pdf(out, [root_cert])
    assert report.ok and report.level == "B-B"
    assert "Signature is Valid." in pdfsig(out)


def test_always_authenticate_key_signs_with_one_pin(
    letter, open_signer, profile, root_cert, tmp_path
) -> None:
    active = open_signer("05")
    assert active.certificate.always_authenticate
    profile = profile.with_changes(signer_name="Trần Quốc Việt", level=Level.B_B)
    for n in range(2):  # each signature needs a context-specific login: no second PIN prompt
        out = sign_file(SignJob(letter, tmp_path / f"aa{n}.pdf", Mode.APPROVE), active, profile)
        assert validate_pdf(out, [root_cert])[0].ok


def test_a_number_wider_than_its_blank_is_set_smaller_never_over_the_label() -> None:
    from signing.fill import FONT_FILE, FONT_SIZE

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="tnr", fontfile=str(FONT_FILE))
    page.insert_text((72, 100), "Số:  /QĐ-UBND", fontname="tnr", fontsize=13)
    page.insert_text(
        (300, 100), "Hà Tĩnh, ngày      tháng      năm 2026", fontname="tnr", fontsize=13
    )
    [slot, *_dates] = plan_fill(page, IssueFill("1234", dt.date(2026, 12, 6)))
    label, symbol = page.search_for("Số:")[0], page.search_for("/QĐ-UBND")[0]
    assert slot is not None and slot.text == "1234"
    assert slot.rect.x0 >= label.x1 and slot.size < FONT_SIZE  # smaller type, off "Số:"
    assert slot.rect.x1 <= symbol.x0 + 1 or slot.size == 9.0
