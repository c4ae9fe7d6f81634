"""``vanthu step`` and ``vanthu history`` against the real server, as two people."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def signed_in(server, role: str, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The environment of a script signed in as ``role``, with a cache of its own."""
    return {
        "VANTHU_SERVER": server.base_url,
        "VANTHU_TOKEN": server.token(role),
        "VANTHU_HOME": str(tmp_path / role),
    }


def incoming(server, subject: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """An incoming document the clerk entered (received, waiting to be presented)."""
    return requests.post(
        f"{server.api_url}/documents",
        json={"direction": "incoming", "subject": subject},
        headers=server.headers("clerk"),
        timeout=10,
    ).json()


def test_present_assign_and_read_the_history(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    created = incoming(server, "Giấy mời họp giao ban")

    def as_(role: str) -> dict[str, str]:
        return signed_in(server, role, tmp_path)

    clerk, leader = as_("clerk"), as_("leader")
    assert run("sync", env=clerk).returncode == 0
    people = run("step", "--colleagues", env=clerk)
    assert "lanhdao" in people.stdout and "chuyenvien" in people.stdout
    presented = run(
        "step",
        str(created["id"]),
        "present",
        "--to",
        "lanhdao",
        "--comment",
        "Kính trình",
        env=clerk,
    )
    assert presented.returncode == 0, presented.stderr
    assert run("sync", env=leader).returncode == 0
    assigned = run(
        "step",
        str(created["id"]),
        "assign",
        "--lead",
        "chuyenvien",
        "--deadline",
        "2030-03-02",
        "--comment",
        "Giao chuyên viên Mai",
        "--json",
        env=leader,
    )
    assert assigned.returncode == 0, assigned.stderr
    assert json.loads(assigned.stdout)["status"] == "assigned"
    refused = run("step", str(created["id"]), "finish", env=clerk)  # a clerk cannot finish it
    assert refused.returncode == 1 and "Traceback" not in refused.stderr and refused.stderr.strip()
    history = run("history", str(created["id"]), env=leader)
    assert history.returncode == 0
    for words in ("present", "assign", "Kính trình", "Giao chuyên viên Mai", "lead: Hoàng Thị Mai"):
        assert words in history.stdout, (words, history.stdout)
    trace = json.loads(run("history", str(created["id"]), "--json", env=leader).stdout)
    assert [t["action"] for t in trace] == ["create", "present", "assign"]


def test_queues_named_steps_and_an_offline_step_sent_once(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    created = incoming(server, "Công văn đôn đốc báo cáo")
    doc_id = str(created["id"])

    def as_(role: str) -> dict[str, str]:
        return signed_in(server, role, tmp_path)

    clerk, leader, specialist = as_("clerk"), as_("leader"), as_("specialist")
    for env in (clerk, leader, specialist):
        assert run("sync", env=env).returncode == 0
    presented = run("present", doc_id, "--to", "lanhdao", env=clerk)  # a step as a command
    assert presented.returncode == 0, presented.stderr
    assert run("sync", env=leader).returncode == 0
    counts = json.loads(run("queue", "--json", env=leader).stdout)
    assert counts["to_direct"] == 1 and "to_register" not in counts  # a leader's queues
    waiting = json.loads(run("queue", "to_direct", "--json", env=leader).stdout)
    assert [row["id"] for row in waiting] == [created["id"]]
    assigned = run(
        "assign", doc_id, "--lead", "chuyenvien", "--deadline", "2030-01-04", "--json", env=leader
    )
    assert assigned.returncode == 0, assigned.stderr
    assert json.loads(run("queue", "--json", env=leader).stdout)["to_direct"] == 0
    assert run("sync", env=specialist).returncode == 0
    mine = run("queue", "my_work", env=specialist)
    assert "Công văn đôn đốc báo cáo" in mine.stdout and "2030-01-04" in mine.stdout
    assert (
        json.loads(run("queue", "my_work", "--part", "co", "--json", env=specialist).stdout) == []
    )

    server.stop()  # offline: the note waits in the outbox
    queued = run("note", doc_id, "--comment", "Đang tổng hợp số liệu", "--json", env=specialist)
    assert queued.returncode == 0, queued.stderr
    assert json.loads(queued.stdout)["queued"] is True
    server.start()
    for _ in range(2):  # the second sync has nothing left to send
        synced = run("sync", env=specialist)
        assert synced.returncode == 0, synced.stderr
    trace = json.loads(run("history", doc_id, "--json", env=specialist).stdout)
    notes = [t for t in trace if t["action"] == "note"]
    assert len(notes) == 1 and notes[0]["comment"] == "Đang tổng hợp số liệu"
    assert trace[-1]["to_status"] == "processing"


def test_an_extension_request_waits_in_the_leaders_queue(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    created = incoming(server, "Công văn xin gia hạn")
    doc_id = str(created["id"])

    def as_(role: str) -> dict[str, str]:
        return signed_in(server, role, tmp_path)

    leader, specialist = as_("leader"), as_("specialist")
    assert run("sync", env=leader).returncode == 0
    assigned = run("assign", doc_id, "--lead", "chuyenvien", "--deadline", "2030-01-04", env=leader)
    assert assigned.returncode == 0, assigned.stderr
    assert run("sync", env=specialist).returncode == 0
    asked = run(
        "ask-extension",
        doc_id,
        "--deadline",
        "2030-01-11",
        "--comment",
        "Chờ số liệu",
        env=specialist,
    )
    assert asked.returncode == 0, asked.stderr
    assert run("sync", env=leader).returncode == 0
    waiting = json.loads(run("queue", "to_direct", "--json", env=leader).stdout)
    assert [row["id"] for row in waiting] == [created["id"]]  # the request needs an answer
    extended = run("extend", doc_id, "--deadline", "2030-01-11", "--json", env=leader)
    assert extended.returncode == 0, extended.stderr
    assert json.loads(extended.stdout)["due_date"] == "2030-01-11"
    assert json.loads(run("queue", "--json", env=leader).stdout)["to_direct"] == 0


def test_a_draft_from_the_command_line_goes_for_signature(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pymupdf

    server = server_factory()
    env = signed_in(server, "specialist", tmp_path)
    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "Du thao")
    pdf.save(tmp_path / "du-thao.pdf")
    made = run(
        "draft",
        "--subject",
        "Tờ trình phê duyệt kế hoạch chuyển đổi số",
        "--type",
        "Tờ trình",
        "--notation",
        "TTr-UBND",
        "--file",
        str(tmp_path / "du-thao.pdf"),
        "--recipient",
        "Sở Tài chính",
        "--json",
        env=env,
    )
    assert made.returncode == 0, made.stderr
    draft = json.loads(made.stdout)
    assert draft["status"] == "draft" and draft["current_version"] == 1 and not draft["queued"]
    submitted = run("submit", str(draft["id"]), "--to", "lanhdao", "--json", env=env)
    assert submitted.returncode == 0, submitted.stderr
    assert json.loads(submitted.stdout)["status"] == "pending_signature"
    refused = run("draft", "--subject", " ", env=env)
    assert refused.returncode != 0 and "trích yếu" in refused.stderr
    # The rest of the outgoing flow, each person in a script of their own, none syncing first.
    leader, clerk = signed_in(server, "leader", tmp_path), signed_in(server, "clerk", tmp_path)
    doc_id = str(draft["id"])
    approved = run("approve", doc_id, "--json", env=leader)
    assert approved.returncode == 0, approved.stderr
    assert json.loads(approved.stdout)["status"] == "signed"
    assert run("number", doc_id, env=leader).returncode == 1  # the clerk's, not the leader's
    preview = run("number", doc_id, "--dry-run", env=clerk)
    assert preview.returncode == 0, preview.stderr
    assert "/TTr-UBND" in preview.stdout and "Sổ văn bản đi" in preview.stdout
    coming = preview.stdout.split("next number ")[1].split()[0]
    numbered = run("number", doc_id, env=clerk)
    assert numbered.returncode == 0, numbered.stderr
    assert f"đã cấp số / numbered {coming}" in numbered.stdout
    issued = run("issue", doc_id, "--org", "STC", "--json", env=clerk)
    assert issued.returncode == 0, issued.stderr
    assert json.loads(issued.stdout)["status"] == "issued"
    again = run("number", doc_id, env=clerk)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    as_json = run("number", doc_id, "--json", env=clerk)  # a script reads a refusal too
    error = json.loads(as_json.stderr)["error"]
    assert as_json.returncode == 1 and error["code"] == "wrong_status"
    assert "issued" in error["message_en"] and error["message_vi"]


def test_register_a_new_incoming_document_from_the_command_line(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.services.test_registration import letter

    server = server_factory()
    env = signed_in(server, "clerk", tmp_path)
    paper = run(
        "register", "--organ", "Văn phòng Chính phủ", "--subject", "Giấy mời họp", "--json", env=env
    )
    assert paper.returncode == 0, paper.stderr
    first = json.loads(paper.stdout)
    assert first["status"] == "received" and first["arrival_number"] >= 1
    scanned = run(
        "register",
        "--organ",
        "Sở Tài chính tỉnh Hà Tĩnh",
        "--subject",
        "V/v bổ sung dự toán",
        "--file",
        str(letter(tmp_path / "cv.pdf")),
        "--stamp",
        "--json",
        env=env,
    )
    assert scanned.returncode == 0, scanned.stderr
    second = json.loads(scanned.stdout)
    assert (
        second["arrival_number"] == first["arrival_number"] + 1 and second["current_version"] == 2
    )
    refused = run("register", "--organ", "STC", "--subject", " ", env=env)
    assert refused.returncode != 0 and "trích yếu" in refused.stderr
    # A Mật letter is registered like any other (it stays out of the offline search index).
    secret = run(
        "register",
        "--organ",
        "Công an tỉnh",
        "--subject",
        "Kế hoạch bảo vệ",
        "--secrecy",
        "1",
        "--json",
        env=env,
    )
    assert secret.returncode == 0, secret.stderr
    registered = json.loads(secret.stdout)
    assert registered["status"] == "received"
    assert registered["arrival_number"] == second["arrival_number"] + 1
    # The same letter again: refused with the earlier number and the way to go on anyway.
    letter_args = (
        "register",
        "--organ",
        "Bộ Nội vụ",
        "--subject",
        "Hướng dẫn thi đua",
        "--number",
        "45",
        "--notation",
        "BNV-TĐKT",
        "--dated",
        "2026-11-02",
    )
    assert run(*letter_args, env=env).returncode == 0
    twice = run(*letter_args, env=env)
    assert twice.returncode == 1 and "--duplicate-ok" in twice.stderr
    assert "đã vào sổ" in twice.stderr and "Traceback" not in twice.stderr
    confirmed = run(*letter_args, "--duplicate-ok", "--json", env=env)
    assert confirmed.returncode == 0, confirmed.stderr
    assert json.loads(confirmed.stdout)["arrival_number"] == registered["arrival_number"] + 2
