"""``vanthu report`` against the real server: a register to a file, a report on the screen."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.cli.test_workflow import run


def test_report_to_a_spreadsheet_and_to_the_screen(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(documents=60, story=True)
    env = {
        "VANTHU_SERVER": server.base_url,
        "VANTHU_TOKEN": server.token("clerk"),
        "VANTHU_HOME": str(tmp_path / "home"),
    }
    out = tmp_path / "so-den.xlsx"
    saved = run("report", "incoming", "--out", str(out), "--json", env=env)
    assert saved.returncode == 0, saved.stderr
    answer = json.loads(saved.stdout)
    assert answer["rows"] > 0 and load_workbook(out).active["A2"].value == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
    shown = run("report", "processing", "--lang", "en", env=env)
    assert shown.returncode == 0, shown.stderr
    assert "INCOMING DOCUMENTS PROCESSING REPORT" in shown.stdout and "Total" in shown.stdout
    refused = run("report", "incoming", "--from", "2026-05-01", "--to", "2026-01-01", env=env)
    assert refused.returncode != 0 and "Ngày kết thúc trước ngày bắt đầu" in refused.stderr
    specialist = {
        **env,
        "VANTHU_TOKEN": server.token("specialist"),
        "VANTHU_HOME": str(tmp_path / "s"),
    }
    assert run("report", "outgoing", env=specialist).returncode != 0
