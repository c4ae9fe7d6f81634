"""What the archive prints and exports, on the real server (one SQLite server for the module):
the file list (PDF in Appendix V's layout, XLSX), a case file exported as PDF + XML with its
SHA256SUMS (reproducible, the documents in order, a secret document absent for a reader who may
not read it), the index of files, the transfer list and the hand-over record — each PDF opened
with PyMuPDF and its text checked, one page of each rendered with pdftoppm; other organisations
404."""

from __future__ import annotations

import hashlib
import io
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pymupdf
import pytest
from lxml import etree

from base.resources import resource_path
from server.records.exports.words import in_words
from tests.fixtures.server import LiveServer
from tests.server.records.helpers import Caller, days_ago, today

FONT = str(resource_path("fonts", "LiberationSerif-Regular.ttf"))
X = "{urn:vanthu:records:export}"


def _pdf(*pages: str) -> bytes:
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page()
        page.insert_font(fontname="tnr", fontfile=FONT)
        page.insert_text((72, 100), text, fontname="tnr", fontsize=14)
    return doc.tobytes()


def _with_file(caller: Caller, data: bytes, name: str, content_type: str, **fields: Any) -> dict:
    """A new document whose first version is ``data`` (uploaded, then attached)."""
    doc = caller.document(**fields)
    sha = hashlib.sha256(data).hexdigest()
    up = caller.ok(
        "POST",
        "/uploads",
        201,
        json={"filename": name, "size": len(data), "sha256": sha, "content_type": content_type},
    )
    if up["status"] != "complete":
        caller.ok(
            "PATCH",
            f"/uploads/{up['id']}",
            data=data,
            headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
        )
    caller.ok(
        "POST",
        f"/documents/{doc['id']}/versions",
        201,
        json={"sha256": sha, "filename": name, "content_type": content_type},
        headers={"If-Match": '"0"'},
    )
    return doc


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("exports")).start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def world(server: LiveServer) -> dict[str, Any]:
    """An issued list; a specialist's file of six documents (two PDFs, a PNG, a damaged PDF,
    one with no file, one Tối mật shared with her) read also by a colleague, closed,
    transferred and accepted by the archive."""
    clerk, leader = Caller(server, "vanthu"), Caller(server, "lanhdao")
    specialist, colleague = Caller(server, "chuyenvien"), Caller(server, "chuyenvien2")
    archivist = Caller(server, "luutru")
    year = today().year
    made = clerk.ok(
        "POST", "/file-lists", 201, json={"year": year, "decision": "Quyết định số 5/QĐ-UBND"}
    )
    base = f"/file-lists/{made['id']}"
    office = clerk.ok(
        "POST", f"{base}/headings", 201, json={"title": "Văn phòng", "abbreviation": "VP"}
    )
    sub = clerk.ok(
        "POST", f"{base}/headings", 201, json={"title": "Hành chính", "parent_id": office["id"]}
    )
    staff = clerk.ok(
        "POST", f"{base}/headings", 201, json={"title": "Tổ chức cán bộ", "abbreviation": "TCCB"}
    )
    for heading, notation, title, maintenance in (
        (sub, "01.VP", "Hồ sơ rà soát công tác văn thư, lưu trữ", "Vĩnh viễn"),
        (sub, "02.VP", "Sổ theo dõi công văn nội bộ", "2 năm"),
        (staff, "01.TCCB", "Hồ sơ tuyển dụng công chức năm", "20 năm"),
        (staff, "02.TCCB", "Hồ sơ nâng lương thường xuyên", "10 năm"),
    ):
        clerk.ok(
            "POST",
            f"{base}/files",
            201,
            json={
                "heading_id": heading["id"],
                "notation": notation,
                "title": title,
                "maintenance": maintenance,
                "responsible": "Hoàng Thị Mai",
                "note": "Bản điện tử" if notation == "01.VP" else "",
            },
        )
    leader.ok("POST", f"{base}/actions", json={"action": "approve"})
    issued = clerk.ok("POST", f"{base}/actions", json={"action": "issue"})
    planned = {f["notation"]: f["id"] for f in issued["files"]}

    d1 = _with_file(
        clerk,
        _pdf("Công văn đề nghị rà soát – trang một", "Công văn đề nghị rà soát – trang hai"),
        "cv1.pdf",
        "application/pdf",
        subject="Đề nghị rà soát hồ sơ lưu trữ",
        doc_type="Công văn",
        code_number="12",
        code_notation="UBND-VP",
        organ_name="UBND tỉnh Hà Tĩnh",
        issued_date=days_ago(345),
        page_amount=2,
    )
    image = _with_file(
        clerk,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "anh.png",
        "image/png",
        subject="Ảnh chụp kho lưu trữ",
        doc_type="Ảnh",
        issued_date=days_ago(344),
    )
    secret = _with_file(
        clerk,
        _pdf("Kế hoạch bảo vệ bí mật nhà nước"),
        "mat.pdf",
        "application/pdf",
        subject="Kế hoạch bảo vệ bí mật nhà nước",
        issued_date=days_ago(343),
        secrecy=2,
    )
    clerk.ok(
        "POST", f"/documents/{secret['id']}/grants", 201, json={"user_id": specialist.me["id"]}
    )
    broken = _with_file(
        clerk,
        b"%PDF-1.4 not really a pdf",
        "hong.pdf",
        "application/pdf",
        subject="Tờ trình bị hỏng tệp",
        issued_date=days_ago(342),
    )
    bare = clerk.document(subject="Giấy mời họp không có tệp", issued_date=days_ago(341))
    d2 = _with_file(
        clerk,
        _pdf("Báo cáo kết quả rà soát năm"),
        "bc.pdf",
        "application/pdf",
        subject="Báo cáo kết quả rà soát",
        doc_type="Báo cáo",
        organ_name="Văn phòng UBND",
        issued_date=days_ago(340),
        page_amount=1,
    )
    opened = specialist.ok("POST", "/case-files", 201, json={"planned_file_id": planned["01.VP"]})
    path = f"/case-files/{opened['id']}"
    for doc in (d1, image, secret, broken, bare, d2):
        specialist.ok("POST", f"{path}/documents", 201, json={"document_id": doc["id"]})
    specialist.ok("PATCH", path, json={"readers": [colleague.me["id"]]})
    specialist.ok("POST", f"{path}/actions", json={"action": "close"})
    specialist.ok("POST", f"{path}/actions", json={"action": "transfer"})
    accepted = archivist.ok("POST", f"{path}/actions", json={"action": "accept"})
    return {
        "year": year,
        "list": issued,
        "file": accepted,
        "path": path,
        "docs": {
            "d1": d1,
            "image": image,
            "secret": secret,
            "broken": broken,
            "bare": bare,
            "d2": d2,
        },
        "clerk": clerk,
        "leader": leader,
        "specialist": specialist,
        "colleague": colleague,
        "archivist": archivist,
        "outsider": Caller(server, "lanhdao.stc"),
    }


def _text(data: bytes) -> list[str]:
    """Each page's words, one space apart (a cell's lines wrap where its column ends)."""
    with pymupdf.open("pdf", data) as doc:
        return [" ".join(page.get_text().split()) for page in doc]


def _render(data: bytes, folder: Path, name: str) -> Path:
    """Page 1 through poppler (another PDF reader than the one that wrote it)."""
    source = folder / f"{name}.pdf"
    source.write_bytes(data)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(folder / name),
        ],
        check=True,
        timeout=60,
    )
    image = folder / f"{name}.png"
    with pymupdf.open(image) as png:
        pixmap = png[0].get_pixmap()
    assert pixmap.width > 300 and len(set(pixmap.samples[::97])) > 2, "a blank page"
    return image


def test_the_file_list_in_appendix_v_layout(world: dict[str, Any], tmp_path: Path) -> None:
    clerk, specialist = world["clerk"], world["specialist"]
    path = f"/file-lists/{world['list']['id']}/export"
    reply = specialist.get(path)  # anyone of the organisation reads (and prints) its lists
    assert reply.status_code == 200 and reply.headers["content-type"] == "application/pdf"
    assert "danh-muc-ho-so" in reply.headers["content-disposition"]
    text = "\n".join(_text(reply.content))
    for expected in (
        "DANH MỤC HỒ SƠ",
        f"Năm {world['year']}",
        "(Kèm theo Quyết định số 5/QĐ-UBND)",
        "Số và ký hiệu hồ sơ",
        "Tên đề mục và tiêu đề hồ sơ",
        "I. VĂN PHÒNG",
        "1. Hành chính",
        "II. TỔ CHỨC CÁN BỘ",
        "01.TCCB",
        "Hồ sơ rà soát công tác văn thư, lưu trữ",
        "Vĩnh viễn",
        "20 năm",
        "Hoàng Thị Mai",
        "Danh mục hồ sơ này có 4 hồ sơ, bao gồm:",
        "1 hồ sơ bảo quản vĩnh viễn;",
        "3 hồ sơ bảo quản có thời hạn.",
        "NGƯỜI ĐỨNG ĐẦU CƠ QUAN, TỔ CHỨC",
        "Trần Quốc Việt",  # who approved it
    ):
        assert expected in text, expected
    assert text.index("I. VĂN PHÒNG") < text.index("01.VP") < text.index("II. TỔ CHỨC CÁN BỘ")
    assert specialist.get(path).content == reply.content  # the same list, the same bytes
    _render(reply.content, tmp_path, "records-file-list")

    sheet = clerk.get(path, params={"format": "xlsx"})
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith(
        "application/vnd.openxmlformats"
    )
    book = openpyxl.load_workbook(io.BytesIO(sheet.content))
    cells = [[c for c in row] for row in book.active.iter_rows(values_only=True)]
    flat = [c for row in cells for c in row if c]
    assert "DANH MỤC HỒ SƠ" in flat and "I. VĂN PHÒNG" in flat
    assert (
        "01.VP",
        "Hồ sơ rà soát công tác văn thư, lưu trữ",
        "Vĩnh viễn",
        "Hoàng Thị Mai",
        "Bản điện tử",
    ) in [tuple(r) for r in cells]
    assert "Danh mục hồ sơ này có 4 hồ sơ, bao gồm:" in flat
    assert clerk.get(path, params={"format": "xlsx"}).content == sheet.content
    world["outsider"].refused("GET", path, 404, "not_found")


def _export(caller: Caller, path: str) -> tuple[bytes, dict[str, bytes]]:
    reply = caller.get(f"{path}/export")
    assert reply.status_code == 200, reply.text[:300]
    assert reply.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(reply.content)) as archive:
        return reply.content, {name: archive.read(name) for name in archive.namelist()}


def test_a_case_file_exported_to_pdf_and_xml(world: dict[str, Any], tmp_path: Path) -> None:
    found, docs, leader = world["file"], world["docs"], world["leader"]
    code = found["code"]
    first, parts = _export(leader, world["path"])
    assert list(parts) == [f"{code}.pdf", f"{code}.xml", "SHA256SUMS"]
    sums = parts["SHA256SUMS"].decode().splitlines()
    assert sums == [
        f"{hashlib.sha256(parts[n]).hexdigest()}  {n}" for n in (f"{code}.pdf", f"{code}.xml")
    ]
    again, _ = _export(leader, world["path"])
    assert again == first  # reproducible: the same file gives the same bytes

    pages = _text(parts[f"{code}.pdf"])
    cover, index = pages[0], "\n".join(pages[1:3])
    for expected in (code, found["title"], "Vĩnh viễn", "Hoàng Thị Mai", "Gồm: 6 văn bản"):
        assert expected in cover, expected
    assert "MỤC LỤC VĂN BẢN, TÀI LIỆU" in index and "Số, ký hiệu hồ sơ: 01.VP" in index
    assert (
        "12/UBND-VP" in index.replace("- ", "-")
        and "Công văn Đề nghị rà soát hồ sơ lưu trữ" in index
    )
    assert "không phải PDF" in index and "hỏng" in index and "Không có tệp" in index
    body = "\n".join(pages)
    assert "trang một" in body and "trang hai" in body and "Kế hoạch bảo vệ bí mật" in body

    # time order: d1 (2 pages), the secret (1), d2 (1) — the others have no pages in the PDF
    def page_of(words: str) -> int:
        return next(n for n, page in enumerate(pages) if page.startswith(words))

    assert page_of("Công văn đề nghị rà soát – trang một") + 1 == page_of(
        "Công văn đề nghị rà soát – trang hai"
    )
    assert page_of("Công văn đề nghị rà soát – trang hai") + 1 == page_of(
        "Kế hoạch bảo vệ bí mật nhà nước"
    )
    assert page_of("Kế hoạch bảo vệ bí mật nhà nước") + 1 == page_of("Báo cáo kết quả rà soát năm")
    with pymupdf.open("pdf", parts[f"{code}.pdf"]) as pdf:
        assert pdf.metadata["creationDate"] == "" and pdf.page_count == len(pages)
        toc = pdf.get_toc()
        assert toc[0][1] == "Bìa hồ sơ" and toc[2][1].startswith("1. Công văn")
        assert pdf[toc[2][2] - 1].get_text().startswith("Công văn đề nghị rà soát – trang một")
        assert pdf[toc[2][2] - 1].get_label() == "1"
    _render(parts[f"{code}.pdf"], tmp_path, "records-case-file-cover")

    xml = etree.fromstring(parts[f"{code}.xml"])
    detail = leader.ok("GET", world["path"])
    assert xml.tag == "CaseFile" and xml.findtext("FileCode/FileNotation") == "01.VP"
    assert xml.find("FileCode").get("value") == code
    for field, key in (
        ("Title", "title"),
        ("Maintenance", "maintenance"),
        ("StartDate", "start_date"),
        ("EndDate", "end_date"),
    ):
        assert xml.findtext(field) == str(detail[key]), field
    assert xml.findtext("DocTotal") == "6" and xml.findtext("PageTotal") == str(
        detail["page_total"]
    )
    assert (
        xml.findtext("Rights") == "Hạn chế sử dụng" and xml.findtext("Creator") == "Hoàng Thị Mai"
    )
    documents = xml.findall("Documents/Document")
    assert [d.findtext("DocOrdinal") for d in documents] == [
        str(d["ordinal"]) for d in detail["documents"]
    ]
    assert [d.findtext("Subject") for d in documents] == [d["subject"] for d in detail["documents"]]
    one = documents[0]
    assert (
        one.findtext("CodeNumber"),
        one.findtext("CodeNotation"),
        one.findtext("IssuedDate"),
    ) == (
        "12",
        "UBND-VP",
        docs["d1"]["issued_date"],
    )
    assert one.findtext("FileCode/OrganId") == code.split(f".{world['year']}.")[0]
    assert one.find(f"{X}File").get("pages") == "1-2"
    assert documents[1].find(f"{X}File").get("included") == "false"

    # Each document whose file went out has the export among its accesses.
    history = world["clerk"].ok("GET", f"/documents/{docs['d1']['id']}/accesses")
    assert any(
        a["kind"] == "download" and a["user_id"] == leader.me["id"] for a in history["events"]
    )
    world["outsider"].refused("GET", f"{world['path']}/export", 404, "not_found")


def test_a_secret_document_is_left_out_for_a_reader_who_may_not_read_it(
    world: dict[str, Any],
) -> None:
    colleague, secret = world["colleague"], world["docs"]["secret"]
    code = world["file"]["code"]
    _, parts = _export(colleague, world["path"])
    pdf = "\n".join(_text(parts[f"{code}.pdf"]))
    xml = parts[f"{code}.xml"].decode()
    assert secret["subject"] not in pdf and secret["subject"] not in xml
    assert "1 văn bản khác của hồ sơ không được đưa vào" in pdf
    assert 'withheld="1"' in xml and "<DocTotal>6</DocTotal>" in xml
    ordinals = [
        d.findtext("DocOrdinal")
        for d in etree.fromstring(parts[f"{code}.xml"]).findall("Documents/Document")
    ]
    assert ordinals == ["1", "2", "4", "5", "6"]
    index = colleague.get(f"{world['path']}/document-index")
    assert index.status_code == 200 and secret["subject"] not in "\n".join(_text(index.content))


def test_the_index_of_files_the_transfer_list_and_the_hand_over_record(
    world: dict[str, Any], tmp_path: Path
) -> None:
    archivist, specialist, colleague = world["archivist"], world["specialist"], world["colleague"]
    year, found = world["year"], world["file"]
    index = archivist.get("/case-file-index", params={"year": year})
    assert index.status_code == 200, index.text
    text = "\n".join(_text(index.content))
    for expected in (
        "MỤC LỤC HỒ SƠ",
        f"Năm {year}",
        "01.VP",
        found["title"],
        "Mục lục này gồm: 1 hồ sơ",
        "Viết bằng chữ: một hồ sơ",
    ):
        assert expected in text, expected
    _render(index.content, tmp_path, "records-file-index")

    params = {"creator_id": specialist.me["id"], "year": year}
    listed = specialist.get("/case-file-transfers/list", params=params)
    assert listed.status_code == 200, listed.text
    text = "\n".join(_text(listed.content))
    for expected in (
        "MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU",
        "Số TT",
        "Thời gian tài liệu",
        "01.VP",
        found["title"],
        "Vĩnh viễn",
        "Mục lục này gồm: 1 hồ sơ",
    ):
        assert expected in text, expected
    _render(listed.content, tmp_path, "records-transfer-list")

    record = archivist.get("/case-file-transfers/record", params=params)
    assert record.status_code == 200, record.text
    text = " ".join(" ".join(_text(record.content)).split())
    for expected in (
        "BIÊN BẢN",
        "Giao nhận hồ sơ, tài liệu",
        "Căn cứ Nghị định số 30/2020/NĐ-CP",
        f"Căn cứ Danh mục hồ sơ năm {year} (Quyết định số 5/QĐ-UBND)",
        "BÊN GIAO",
        "Ông (bà): Hoàng Thị Mai",
        "BÊN NHẬN: Lưu trữ cơ quan",
        "Ông (bà): Lê Văn Đức",
        "Tổng số hồ sơ: 1 (một)",
        "Tổng số tệp tin trong hồ sơ: 5",
        "ĐẠI DIỆN BÊN GIAO",
        "ĐẠI DIỆN BÊN NHẬN",
    ):
        assert expected in text, expected
    _render(record.content, tmp_path, "records-handover")

    colleague.refused("GET", "/case-file-transfers/record", 403, "forbidden", params=params)
    archivist.refused(
        "GET", "/case-file-transfers/list", 404, "not_found", params={**params, "year": year - 3}
    )
    world["outsider"].refused("GET", "/case-file-transfers/list", 404, "not_found", params=params)
    outsider_index = world["outsider"].get("/case-file-index", params={"year": year})
    assert found["title"] not in "\n".join(_text(outsider_index.content))


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "Không"),
        (1, "Một"),
        (10, "Mười"),
        (15, "Mười lăm"),
        (21, "Hai mươi mốt"),
        (24, "Hai mươi tư"),
        (105, "Một trăm linh năm"),
        (1005, "Một nghìn không trăm linh năm"),
        (2_000_011, "Hai triệu không trăm mười một"),
    ],
)
def test_counts_in_words(number: int, words: str) -> None:
    assert in_words(number) == words
