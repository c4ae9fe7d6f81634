"""The shared "can this PDF be used?" check, with its stable problem keys."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pymupdf
import pytest

from base.pdf import BadPdf, PdfProblem, check_pdf, is_truncated, unlock


def _pdf(path: Path, pages: int = 1, password: str | None = None) -> Path:
    doc = pymupdf.open()
    for i in range(pages):
        doc.new_page().insert_text((72, 72), f"trang {i + 1}")
    if password:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password)
    else:
        doc.save(path)
    return path


def test_a_good_pdf_gives_its_page_count(tmp_path: Path) -> None:
    assert check_pdf(_pdf(tmp_path / "ok.pdf", 3)) == 3
    assert check_pdf(_pdf(tmp_path / "locked.pdf", 2, "mk"), password="mk") == 2


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.pdf", b"", PdfProblem.EMPTY),
        ("text.pdf", b"hello, not a pdf", PdfProblem.NOT_PDF),
        ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, PdfProblem.CORRUPT),
    ],
)
def test_bad_files_have_a_key_and_two_languages(
    tmp_path: Path, name: str, content: bytes, problem
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadPdf) as info:
        check_pdf(path)
    assert info.value.problem is problem
    assert name in info.value.message("vi") and name in info.value.message("en")
    assert info.value.message("vi") != info.value.message("en")


def test_missing_and_password_protected(tmp_path: Path) -> None:
    with pytest.raises(BadPdf) as missing:
        check_pdf(tmp_path / "nowhere.pdf")
    assert missing.value.problem is PdfProblem.MISSING
    with pytest.raises(BadPdf) as locked:
        check_pdf(_pdf(tmp_path / "locked.pdf", 1, "mk"))
    assert locked.value.problem is PdfProblem.PASSWORD


def test_whole_or_cut_off(tmp_path: Path) -> None:
    """Untidy but complete files pass; a missing end or a cut-off revision does not."""
    good = _pdf(tmp_path / "good.pdf", 3).read_bytes()
    cases = {
        "padded.pdf": (good + b"\x00" * 8192, True),
        "junk.pdf": (good + os.urandom(300_000), True),  # a tool's trailing bytes, no PDF syntax
        "no-newline.pdf": (good.rstrip(), True),
        "cut.pdf": (good[: len(good) * 6 // 10], False),
        "cut-update.pdf": (good + b"\n12 0 obj\n<< /Type /Annot " + b"x" * 2000, False),
    }
    for name, (data, whole) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert is_truncated(path) is not whole, name
        if whole:
            assert check_pdf(path) == 3, name
        else:
            with pytest.raises(BadPdf) as info:
                check_pdf(path)
            assert info.value.problem in (PdfProblem.TRUNCATED, PdfProblem.CORRUPT), name


def _owner_only(path: Path, cipher: str) -> Path:
    """An empty open password and an owner password: every reader opens it silently."""
    plain = _pdf(path.with_suffix(".plain.pdf"), 2)
    if cipher.startswith("qpdf-"):  # R5 (Acrobat 9 AES-256), which PyMuPDF does not write
        from tests.conftest import require_tool

        subprocess.run(
            [require_tool("qpdf"), "--encrypt", "", "chu", "256", "--force-R5", "--"]
            + [str(plain), str(path)],
            check=True,
            timeout=60,
        )
        return path
    with pymupdf.open(plain) as doc:
        doc.save(
            path,
            encryption=getattr(pymupdf, f"PDF_ENCRYPT_{cipher}"),
            user_pw="",
            owner_pw="x",
            permissions=pymupdf.PDF_PERM_PRINT,
        )
    return path


@pytest.mark.parametrize("cipher", ["AES_256", "AES_128", "RC4_128", "RC4_40", "qpdf-R5"])
def test_an_empty_open_password_opens_without_asking(tmp_path: Path, cipher: str) -> None:
    path = _owner_only(tmp_path / f"{cipher}.pdf", cipher)
    assert check_pdf(path) == 2  # no password asked, whatever the cipher
    assert check_pdf(path, "a wrong guess") == 2  # a password typed anyway changes nothing
    with pymupdf.open(path) as doc:
        assert unlock(doc) and "trang 2" in doc[1].get_text()


def test_a_real_open_password_is_still_asked_for(tmp_path: Path) -> None:
    locked = _pdf(tmp_path / "khoa.pdf", 1, "mk")
    with pytest.raises(BadPdf) as caught:
        check_pdf(locked, "sai")
    assert caught.value.problem is PdfProblem.PASSWORD
    assert check_pdf(locked, "mk") == 1
    with pymupdf.open(locked) as doc:
        assert not unlock(doc) and unlock(doc, "mk")
