"""``vanthu searches …`` and ``vanthu export-list`` as a script runs them against a real server:
save, list, run (here and on the server, for the secret documents the offline index leaves
out), export, rename, delete — the same searches on a second machine, and offline there."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import requests

from tests.cli.test_workflow import run, signed_in


def _document(server, **fields: object) -> dict:  # type: ignore[no-untyped-def, type-arg]
    reply = requests.post(
        f"{server.api_url}/documents",
        json={"direction": "incoming", **fields},
        headers=server.headers("clerk"),
        timeout=10,
    )
    assert reply.status_code == 201, reply.text
    return reply.json()  # type: ignore[no-any-return]


def test_save_run_export_and_delete(server_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    secret = _document(server, subject="Phương án sơ tán dân vùng lũ lụt", secrecy=1)
    plain = _document(server, subject="Báo cáo thiệt hại do lũ lụt", organ_name="Sở Nông nghiệp")
    office = signed_in(server, "clerk", tmp_path)
    assert run("sync", env=office).returncode == 0
    assert "Chưa có tìm kiếm đã lưu" in run("searches", env=office).stdout

    saved = run(
        "searches",
        "save",
        "Lũ lụt",
        "--text",
        "lũ lụt",
        "--direction",
        "incoming",
        "--columns",
        "arrival_number,subject,organ,status",
        env=office,
    )
    assert saved.returncode == 0, saved.stderr
    again = run("searches", "save", "LŨ LỤT", env=office)
    assert again.returncode == 1 and "đã có một tìm kiếm đã lưu tên “Lũ lụt”" in again.stderr
    bad = run("searches", "save", "Khác", "--columns", "subject,colour", env=office)
    assert bad.returncode == 1 and "Không có cột: colour" in bad.stderr
    listed = json.loads(run("searches", "--json", env=office).stdout)
    assert [s["name"] for s in listed] == ["Lũ lụt"]
    assert listed[0]["query"]["columns"] == ["arrival_number", "subject", "organ", "status"]

    here = run("searches", "run", "lũ lụt", env=office)
    assert here.returncode == 0, here.stderr
    assert plain["subject"] in here.stdout and secret["subject"] not in here.stdout
    assert "1 văn bản mật không được tìm trên máy" in here.stderr
    there = run("searches", "run", "Lũ lụt", "--server", "--json", env=office)
    assert {r["id"] for r in json.loads(there.stdout)} == {plain["id"], secret["id"]}

    workbook = tmp_path / "lũ lụt.xlsx"
    exported = run("export-list", str(workbook), "--saved", "Lũ lụt", "--server", env=office)
    assert exported.returncode == 0, exported.stderr
    sheet = openpyxl.load_workbook(workbook).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][0] == "Lũ lụt"  # the saved search's name is the title
    assert values[4] == ["Số đến", "Trích yếu", "Cơ quan ban hành", "Trạng thái"]
    assert {r[1] for r in values[5:]} == {plain["subject"], secret["subject"]}
    assert ["Sở Nông nghiệp", "Đã tiếp nhận"] in [r[2:] for r in values[5:]]
    document = tmp_path / "danh-sach.docx"
    local = run("export-list", str(document), "--text", "lu lut", "--title", "Bão lũ", env=office)
    assert local.returncode == 0, local.stderr
    table = docx.Document(str(document)).tables[0]
    assert [c.text for c in table.rows[0].cells][:4] == ["Số/ký hiệu", "Ngày", "Loại", "Trích yếu"]
    assert [row.cells[3].text for row in table.rows[1:]] == [plain["subject"]]
    wrong = run("export-list", str(tmp_path / "list.csv"), env=office)
    assert wrong.returncode == 1 and "PDF, DOCX hoặc XLSX" in wrong.stderr

    laptop = {**office, "VANTHU_HOME": str(tmp_path / "laptop")}
    assert run("sync", env=laptop).returncode == 0
    assert "Lũ lụt" in run("searches", env=laptop).stdout
    server.stop()
    offline = run("searches", env=laptop)
    assert offline.returncode == 0 and "Lũ lụt" in offline.stdout
    refused = run("searches", "delete", "Lũ lụt", env=laptop)
    assert refused.returncode == 1 and "kết nối máy chủ" in refused.stderr
    server.start()

    renamed = run("searches", "rename", "Lũ lụt", "Bão lũ", env=office)
    assert renamed.returncode == 0 and "Bão lũ" in renamed.stdout
    assert run("searches", "delete", "bão lũ", env=laptop).returncode == 0
    assert "Chưa có tìm kiếm đã lưu" in run("searches", env=office).stdout
    missing = run("searches", "run", "Bão lũ", env=office)
    assert missing.returncode == 1 and "Không có tìm kiếm đã lưu tên “Bão lũ”" in missing.stderr
