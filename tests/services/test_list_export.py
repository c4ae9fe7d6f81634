"""The result list saved as PDF, DOCX and XLSX (III.6.h): each file opened with its own reader
and checked for the chosen columns' headings and the cells as the user reads them, Vietnamese
diacritics included — and a handler's own list from a real server, with their part in it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pymupdf
import pytest
import requests

from base.errors import VanThuError
from client.cache.query import COLUMN_KEYS, DocumentRow
from client.cache.queues import Queue
from services.list_export import DEFAULT_COLUMNS, LIST_COLUMNS, export_list, list_table
from services.session import open_session
from services.workspace import Workspace

ROWS = [
    DocumentRow(
        7,
        "incoming",
        "Công văn",
        "45/SXD-QH",
        "2026-11-30",
        "Sở Xây dựng tỉnh Hà Tĩnh",
        "V/v góp ý quy hoạch sử dụng đất đai",
        1,
        0,
        "2026-12-10",
        "processing",
        1,
        arrival_number=12,
        my_part="lead",
        my_due="2026-12-09",
    ),
    DocumentRow(
        5,
        "outgoing",
        "Quyết định",
        "",
        "2026-12-01",
        "Ủy ban nhân dân tỉnh",
        "Phê duyệt kế hoạch phòng chống lũ lụt",
        0,
        1,
        None,
        "draft",
        0,
    ),
]
COLUMNS = ["arrival_number", "number_symbol", "dated", "subject", "organ", "due", "status", "part"]
HEADINGS = [
    "Số đến",
    "Số/ký hiệu",
    "Ngày",
    "Trích yếu",
    "Cơ quan ban hành",
    "Hạn xử lý",
    "Trạng thái",
    "Phần việc",
]
FIRST = [
    "12",
    "45/SXD-QH",
    "30/11/2026",
    "V/v góp ý quy hoạch sử dụng đất đai",
    "Sở Xây dựng tỉnh Hà Tĩnh",
    "09/12/2026",  # the handler's own deadline, as the list shows it
    "Đang xử lý",
    "Chủ trì",
]
SECOND = [
    "",
    "—",
    "01/12/2026",
    "Phê duyệt kế hoạch phòng chống lũ lụt",
    "Ủy ban nhân dân tỉnh",
    "",
    "Dự thảo",
    "",
]
TITLE = "Danh sách văn bản — Việc của tôi"


def _export(tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"danh-sách{suffix}"
    written = export_list(
        ROWS, COLUMNS, path, TITLE, organisation="UBND tỉnh Hà Tĩnh", today=dt.date(2026, 12, 7)
    )
    assert written == path and path.stat().st_size > 0
    assert not list(tmp_path.glob(".*.part"))
    return path


def test_xlsx(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_export(tmp_path, ".xlsx")).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "UBND TỈNH HÀ TĨNH" and values[1][0] == TITLE
    assert values[2][0] == "2 văn bản, ngày 07/12/2026"
    assert values[4] == HEADINGS
    assert values[5][0] == 12  # a number the workbook can sort and sum
    assert [str(v) for v in values[5][1:]] == FIRST[1:]
    assert [v or "" for v in values[6]] == SECOND


def test_docx(tmp_path: Path) -> None:
    document = docx.Document(str(_export(tmp_path, ".docx")))
    text = [p.text for p in document.paragraphs]
    assert text[:3] == ["UBND TỈNH HÀ TĨNH", TITLE, "2 văn bản, ngày 07/12/2026"]
    table = document.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [HEADINGS, FIRST, SECOND]
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape


def test_pdf(tmp_path: Path) -> None:
    with pymupdf.open(_export(tmp_path, ".pdf")) as pdf:
        text = " ".join(page.get_text() for page in pdf).split()
        title = pdf.metadata["title"] if pdf.metadata else ""
    joined = " ".join(text)
    for value in [*HEADINGS, *FIRST[1:], *SECOND[1:]]:
        assert " ".join(value.split()) in joined, value
    assert title == TITLE


def test_refusals_leave_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(VanThuError, match="PDF, DOCX hoặc XLSX"):
        export_list(ROWS, COLUMNS, tmp_path / "list.csv", TITLE)
    with pytest.raises(VanThuError, match="Không có cột: colour"):
        export_list(ROWS, ["subject", "colour"], tmp_path / "list.xlsx", TITLE)
    with pytest.raises(VanThuError, match="Không ghi được danh sách"):
        export_list(ROWS, COLUMNS, tmp_path / "no-such-folder" / "list.docx", TITLE)
    assert list(tmp_path.iterdir()) == []


def test_every_list_column_has_a_printed_heading() -> None:
    assert tuple(c.key for c in LIST_COLUMNS) == COLUMN_KEYS
    assert set(DEFAULT_COLUMNS) <= set(COLUMN_KEYS)
    english = list_table(ROWS[:1], ["status", "part", "urgency"], "List", language="en")
    assert [c.heading for c in english.columns] == ["Status", "My part", "Urgency"]
    assert english.rows == (("processing", "lead", "Urgent"),)


def _step(server, role: str, document: dict, action: str, **body: object) -> dict:  # type: ignore[no-untyped-def, type-arg]
    reply = requests.post(
        f"{server.api_url}/documents/{document['id']}/actions",
        json={"action": action, **body},
        headers={**server.headers(role), "If-Match": f'"{document["revision"]}"'},
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    return reply.json()  # type: ignore[no-any-return]


def test_a_handlers_list_from_the_server(server_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    people = requests.get(
        f"{server.api_url}/colleagues", headers=server.headers("clerk"), timeout=10
    ).json()
    ids = {p["username"]: p["id"] for p in people}
    letter = requests.post(
        f"{server.api_url}/documents",
        json={
            "direction": "incoming",
            "subject": "Đề nghị hỗ trợ kinh phí khắc phục hậu quả bão",
            "organ_name": "Ủy ban nhân dân huyện Kỳ Anh",
            "urgency": 2,
        },
        headers=server.headers("clerk"),
        timeout=10,
    ).json()
    letter = _step(server, "clerk", letter, "present", to=[ids["lanhdao"]])
    _step(server, "leader", letter, "assign", lead=ids["chuyenvien"], deadline="2030-01-15")
    specialist = Workspace(open_session(server.base_url, *server.credentials("specialist")))
    specialist.sync_now()
    rows = specialist.queue_page(Queue.MY_WORK).rows
    assert [r.id for r in rows] == [letter["id"]]
    path = specialist.export_list(
        rows, ["arrival_number", "subject", "part", "due", "urgency"], tmp_path / "viec.xlsx", TITLE
    )
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == specialist.user.organisation_name.upper()
    assert values[4] == ["Số đến", "Trích yếu", "Phần việc", "Hạn xử lý", "Độ khẩn"]
    assert values[5] == [
        letter["arrival_number"],
        "Đề nghị hỗ trợ kinh phí khắc phục hậu quả bão",
        "Chủ trì",
        "15/01/2030",
        "Thượng khẩn",
    ]
