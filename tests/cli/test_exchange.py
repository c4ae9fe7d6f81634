"""``vanthu edxml …`` and ``vanthu exchange …`` as a script runs them against a real server:
packages imported from files (each file's outcome on its line, exit 1 when one was refused),
read here without signing in, exported and read back; the exchange's state, its connection
with the secret from stdin only, the agency code. One server for the module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_workflow import ROOT, signed_in
from tests.fixtures.outgoing import numbered_outgoing
from tests.fixtures.server import LiveServer
from tests.services.test_exchange import OURS, SAMPLES, package


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("exchange-cli")).start()
    yield live
    live.stop()


def run(*args: str, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **env},
        timeout=120,
    )


def test_inspect_needs_no_sign_in_and_says_where_a_package_is_broken(tmp_path: Path) -> None:
    nobody = {"VANTHU_HOME": str(tmp_path / "home")}
    for sample, words in (
        ("edoc_new.edxml", ("Mã định danh", "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", "Vấn đề")),
        ("edoc_revocation.edxml", ("Thu hồi: Thu hồi văn bản điện tử", "000.00.00.H41")),
        ("status_04_assignment.edxml", ("04 — Đã phân công xử lý", "Nguyen thi ngoc tram")),
    ):
        shown = run("edxml", "inspect", str(SAMPLES / sample), env=nobody)
        assert shown.returncode == 0, shown.stderr
        for word in words:
            assert word in shown.stdout, (sample, word, shown.stdout)
    english = run("edxml", "inspect", str(SAMPLES / "edoc_new.edxml"), "--lang", "en", env=nobody)
    assert "Identifier" in english.stdout and "Problem" in english.stdout
    data = json.loads(
        run(
            "edxml", "inspect", str(SAMPLES / "status_04_assignment.edxml"), "--json", env=nobody
        ).stdout
    )
    assert data["kind"] == "status" and data["code"] == "04" and data["problems"] == []

    whole = (SAMPLES / "edoc_new.edxml").read_bytes()
    cut = tmp_path / "cut.edxml"
    cut.write_bytes(whole[: len(whole) // 3])
    broken = run("edxml", "inspect", str(cut), env=nobody)
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert broken.stderr.startswith("Gói edXML không đọc được:") and "dòng" in broken.stderr
    as_json = run("edxml", "inspect", str(cut), "--json", env=nobody)
    error = json.loads(as_json.stderr)["error"]
    assert as_json.returncode == 1 and "line" in error["message_en"] and error["code"]
    missing = run("edxml", "inspect", str(tmp_path / "none.edxml"), env=nobody)
    assert missing.returncode == 1 and "Không tìm thấy tệp none.edxml" in missing.stderr


def test_import_says_each_files_outcome_and_fails_when_one_was_refused(
    server: LiveServer, tmp_path: Path
) -> None:
    clerk = signed_in(server, "clerk", tmp_path)
    ours = package(tmp_path / "pkg", number="318")
    empty = tmp_path / "empty.edxml"
    empty.write_bytes(b"")
    mixed = run(
        "edxml", "import", str(ours), str(SAMPLES / "edoc_new.edxml"), str(empty), env=clerk
    )
    assert mixed.returncode == 1, mixed.stderr
    lines = mixed.stdout.splitlines()
    assert lines[0] == "✓ 318.edxml: Văn bản đến mới: 318/UBND-VP từ UBND Tỉnh Nghệ An"
    assert lines[1].startswith("✗ edoc_new.edxml: Gói bị từ chối: Gói này gửi cho 28.22.H17")
    assert lines[2] == "✗ empty.edxml: Tệp empty.edxml rỗng (0 byte)."
    assert "1 đã nhận, 0 trùng, 1 bị từ chối, 1 lỗi" in mixed.stderr

    again = run("edxml", "import", str(ours), "--json", env=clerk)
    assert again.returncode == 0, again.stderr  # a repeat is no failure: nothing new was made
    [outcome] = json.loads(again.stdout)
    assert outcome["state"] == "duplicate" and outcome["path"] == str(ours)
    assert outcome["identifier"] == "000.00.00.H41,2026/11/20,318/UBND-VP"
    queue = json.loads(run("queue", "to_register", "--json", env=clerk).stdout)
    assert [row["id"] for row in queue] == outcome["document_ids"]  # in the cache already

    english = run("edxml", "import", str(ours), env={**clerk, "VANTHU_LANG": "en"})
    assert english.stdout.startswith("= 318.edxml: This package came before (318/UBND-VP")
    refused = run("edxml", "import", str(ours), env=signed_in(server, "specialist", tmp_path))
    assert refused.returncode == 1 and "Chỉ văn thư và quản trị viên" in refused.stderr


def test_export_then_read_the_package_back(server: LiveServer, tmp_path: Path) -> None:
    numbered = numbered_outgoing(server, "V/v tổ chức hội nghị liên thông văn bản điện tử")
    clerk = signed_in(server, "clerk", tmp_path)
    out = tmp_path / "out" / "goi.edxml"
    made = run(
        "edxml", "export", str(numbered["id"]), "-o", str(out), "--to", "000.00.00.H41", env=clerk
    )
    assert made.returncode == 0, made.stderr
    assert str(out) in made.stdout and "000.00.00.H41" in made.stdout
    shown = run("edxml", "inspect", str(out), env={"VANTHU_HOME": str(tmp_path / "nobody")})
    assert shown.returncode == 0, shown.stderr
    identifier = f"{OURS},"
    assert identifier in shown.stdout and numbered["number_symbol"] in shown.stdout
    assert "V/v tổ chức hội nghị liên thông văn bản điện tử" in shown.stdout
    assert "000.00.00.H41" in shown.stdout  # addressed to the agency it was handed to
    history = run("history", str(numbered["id"]), env=clerk)
    assert "(000.00.00.H41, trục / axis): exported" in history.stdout
    wrong = run("edxml", "export", str(numbered["id"] + 999), "-o", str(out), env=clerk)
    assert wrong.returncode == 1 and "Không có văn bản" in wrong.stderr


def test_the_exchange_state_and_a_connection_whose_secret_comes_from_stdin(
    server: LiveServer, tmp_path: Path
) -> None:
    admin = signed_in(server, "org_admin", tmp_path)
    shown = run("exchange", "status", env=admin)
    assert shown.returncode == 0, shown.stderr
    assert f"UBND-T — mã định danh / agency code: {OURS}" in shown.stdout
    assert "chưa cấu hình / not configured" in shown.stdout

    secret = "khoa-bi-mat-2026-truc"
    connected = run(
        "exchange",
        "connect",
        "--url",
        "https://truc.example.gov.vn",
        "--system-id",
        "TINH-HT",
        "--secret-stdin",
        "--poll",
        "90",
        "--disable",
        env=admin,
        stdin=secret + "\n",
    )
    assert connected.returncode == 0, connected.stderr
    assert secret not in connected.stdout + connected.stderr
    assert "khóa bí mật / secret: đã đặt / set" in connected.stdout
    status = json.loads(run("exchange", "status", "--json", env=admin).stdout)
    assert status["secret_set"] and status["system_id"] == "TINH-HT" and not status["enabled"]
    assert status["poll_seconds"] == 90 and secret not in json.dumps(status)
    short = run(
        "exchange", "connect", "--url", "https://truc.example.gov.vn", "--system-id", "TINH-HT",
        "--secret-stdin", env=admin, stdin="ngan\n",
    )  # fmt: skip
    assert short.returncode == 1 and "ít nhất 8 ký tự" in short.stderr

    bad = run("exchange", "agency-code", "không phải mã", "--json", env=admin)
    assert bad.returncode == 1 and json.loads(bad.stderr)["error"]["message_en"]
    same = run("exchange", "agency-code", OURS, env=admin)
    assert same.returncode == 0 and f"UBND-T: mã định danh / agency code {OURS}" in same.stdout
    assert "Không có cơ quan nào khớp" in run("exchange", "agencies", "Nghệ An", env=admin).stdout

    clerk = signed_in(server, "clerk", tmp_path)
    sent = run("exchange", "send-pending", env=clerk)
    assert sent.returncode == 0, sent.stderr
    assert "đã gửi / sent" in sent.stdout
    retried = run("exchange", "retry", "424242", env=clerk)
    assert retried.returncode == 1 and "gói 424242" in retried.stderr
    nobody = run("exchange", "status", env=signed_in(server, "specialist", tmp_path))
    assert nobody.returncode == 1 and nobody.stderr.startswith("Không có quyền")
