"""The whole document workflow from the command line, as each person walks it in a script of
their own: an incoming letter from registration to done; an outgoing decision from the
specialist's draft through the leader's signature, the clerk's number and seal, to its
registration by the recipient organisation; then its withdrawal, which destroys the
recipient's file and freezes the record. Every state is reached by a ``main.py`` command;
the API is only asked afterwards what the commands left behind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from base.deadlines import today_in_vietnam
from tests.cli.test_signing import run_env
from tests.cli.test_workflow import run, signed_in
from tests.fixtures.server import LiveServer
from tests.signing.conftest import make_letter

PIN = "123456\n"
REASON = "Ban hành nhầm đối tượng"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One empty server (its seeded people of UBND-T and STC) for the whole story."""
    live = LiveServer(tmp_path_factory.mktemp("story-cli"))
    live.start()
    yield live
    live.stop()


def _ok(result) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr + result.stdout
    return str(result.stdout)


def _json(result) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return dict(json.loads(_ok(result)))


def _token(softhsm_token) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return (
        "--module",
        softhsm_token.module_path,
        "--token",
        softhsm_token.token_label,
        "--level",
        "B-B",
        "--pin-stdin",
    )


def _incoming(people: dict[str, dict[str, str]]) -> None:
    """Registered, presented, assigned with a deadline, noted and finished by the specialist."""
    clerk, leader, specialist = people["clerk"], people["leader"], people["specialist"]
    letter = _json(
        run(
            "register",
            "--organ",
            "Sở Y tế tỉnh Hà Tĩnh",
            "--subject",
            "V/v triển khai tiêm chủng mở rộng năm 2027",
            "--type",
            "Công văn",
            "--number",
            "88",
            "--notation",
            "SYT-NV",
            "--dated",
            "2026-12-01",
            "--json",
            env=clerk,
        )
    )
    doc_id = str(letter["id"])
    assert (letter["status"], letter["arrival_number"]) == ("received", 1)
    assert letter["number_symbol"] == "88/SYT-NV"
    _ok(run("present", doc_id, "--to", "lanhdao", "--comment", "Kính trình", env=clerk))
    assigned = _json(
        run(
            "assign",
            doc_id,
            "--lead",
            "chuyenvien",
            "--deadline",
            "2030-03-02",
            "--comment",
            "Giao chuyên viên Mai chủ trì",
            "--json",
            env=leader,
        )
    )
    assert assigned["status"] == "assigned"
    [part] = assigned["assignments"]
    assert (part["user_name"], part["kind"], part["deadline"]) == (
        "Hoàng Thị Mai",
        "lead",
        "2030-03-02",
    )
    _ok(run("sync", env=specialist))  # the queues are read from the local cache
    mine = json.loads(_ok(run("queue", "my_work", "--json", env=specialist)))
    assert [row["id"] for row in mine] == [letter["id"]]
    noted = _json(run("note", doc_id, "--comment", "Đã liên hệ Sở Y tế", "--json", env=specialist))
    assert noted["status"] == "processing"
    done = _json(run("finish", doc_id, "--json", env=specialist))
    assert done["status"] == "done" and [a["state"] for a in done["assignments"]] == ["done"]
    trace = json.loads(_ok(run("history", doc_id, "--json", env=leader)))
    assert [t["action"] for t in trace] == [
        "create",
        "register",
        "present",
        "assign",
        "note",
        "finish",
    ]
    assert [t["comment"] for t in trace if t["action"] == "note"] == ["Đã liên hệ Sở Y tế"]
    [row] = json.loads(_ok(run("report", "incoming", "--json", env=clerk)))["rows"]
    assert (row["Số đến"], row["Số, ký hiệu"]) == (1, "88/SYT-NV")
    assert row["Đơn vị hoặc người nhận"] == "Hoàng Thị Mai (Phòng Kinh tế)"


def _outgoing(
    people: dict[str, dict[str, str]],
    softhsm_token,  # type: ignore[no-untyped-def]
    images: tuple[Path, Path],
    folder: Path,
) -> tuple[int, int]:
    """Drafted, submitted, signed (= approved), numbered, sealed, issued to STC and registered
    there: (the decision's id, the id of STC's copy)."""
    clerk, leader, specialist = people["clerk"], people["leader"], people["specialist"]
    draft = _json(
        run(
            "draft",
            "--subject",
            "Quyết định phê duyệt kế hoạch sử dụng đất năm 2027",
            "--type",
            "Quyết định",
            "--notation",
            "QĐ-UBND",
            "--file",
            str(make_letter(folder / "du-thao-qd.pdf")),
            "--recipient",
            "Sở Tài chính",
            "--signer-position",
            "Phó Chủ tịch",
            "--signer-name",
            "Trần Quốc Việt",
            "--json",
            env=specialist,
        )
    )
    doc_id = str(draft["id"])
    assert (draft["status"], draft["current_version"]) == ("draft", 1)
    submitted = _json(run("submit", doc_id, "--to", "lanhdao", "--json", env=specialist))
    assert submitted["status"] == "pending_signature"
    signed = run_env(
        "sign",
        "--document",
        doc_id,
        *_token(softhsm_token),
        "--key-id",
        "01",
        "--signature-image",
        str(images[0]),
        env=leader,
        stdin=PIN,
    )
    _ok(signed)
    assert "mode: approve, CKA_ID 01" in signed.stderr
    assert f"#{doc_id}: ĐÃ KÝ (phiên bản 2) — Đã ký và duyệt" in signed.stdout
    preview = _ok(run("number", doc_id, "--dry-run", env=clerk))
    assert f"next number 01/QĐ-UBND (Sổ văn bản đi {today_in_vietnam().year})" in preview
    assert f"#{doc_id}: đã cấp số / numbered 01/QĐ-UBND" in _ok(run("number", doc_id, env=clerk))
    sealed = run_env(  # no mode, no certificate: a clerk on a numbered document seals it
        "sign",
        "--document",
        doc_id,
        *_token(softhsm_token),
        "--seal-image",
        str(images[1]),
        env=clerk,
        stdin=PIN,
    )
    _ok(sealed)
    assert "mode: issue, CKA_ID 03" in sealed.stderr
    assert f"#{doc_id}: ĐÃ KÝ (phiên bản 3)" in sealed.stdout
    issued = _json(run("issue", doc_id, "--org", "STC", "--json", env=clerk))
    assert (issued["status"], issued["number_symbol"]) == ("issued", "01/QĐ-UBND")
    assert [(d["organisation"], d["status"], d["via"]) for d in issued["deliveries"]] == [
        ("Sở Tài chính tỉnh Hà Tĩnh", "arrived", "server")
    ]
    assert (
        issued["document_identifier"]
        == f"000.00.00.H30,{issued['issued_date'].replace('-', '/')},01/QĐ-UBND"
    )
    assert [t["action"] for t in issued["trace"]] == [
        "create",
        "submit",
        "approve",
        "number",
        "issue",
    ]
    [row] = json.loads(_ok(run("report", "outgoing", "--json", env=clerk)))["rows"]
    assert row["Số, ký hiệu văn bản"] == "01/QĐ-UBND" and row["Nơi nhận văn bản"] == "Sở Tài chính"
    assert row["Người ký"] == "Phó Chủ tịch Trần Quốc Việt"
    # Sở Tài chính: the copy waits in its clerk's queue, registered with the ĐẾN stamp.
    other = people["other_clerk"]
    _ok(run("sync", env=other))
    [copy] = json.loads(_ok(run("queue", "to_register", "--json", env=other)))
    assert (copy["status"], copy["number_symbol"]) == ("arrived", "01/QĐ-UBND")
    assert copy["organ_name"] == "Ủy ban nhân dân tỉnh Hà Tĩnh"
    registered = _json(run("register", str(copy["id"]), "--stamp", "--json", env=other))
    assert (registered["status"], registered["arrival_number"]) == ("received", 1)
    assert registered["current_version"] == 2  # the ĐẾN stamp, over the file as issued
    assert registered["origin"] == "delivered" and registered["source_id"] == int(doc_id)
    return int(doc_id), int(copy["id"])


def _withdrawal(
    office: LiveServer,
    people: dict[str, dict[str, str]],
    decision: int,
    copy: int,
    softhsm_token,  # type: ignore[no-untyped-def]
    images: tuple[Path, Path],
) -> None:
    """Withdrawn with a reason: STC's copy follows, its file is gone, the record is frozen."""
    clerk, other = people["clerk"], people["other_clerk"]
    unexplained = run("withdraw", str(decision), env=clerk)
    assert unexplained.returncode == 1 and "lý do" in unexplained.stderr
    withdrawn = _json(run("withdraw", str(decision), "--comment", REASON, "--json", env=clerk))
    assert withdrawn["status"] == "withdrawn"
    assert [d["status"] for d in withdrawn["deliveries"]] == ["withdrawn"]
    trace = json.loads(_ok(run("history", str(copy), "--json", env=other)))
    assert [t["action"] for t in trace] == ["receive", "register", "withdraw"]
    assert (trace[-1]["to_status"], trace[-1]["comment"]) == ("withdrawn", REASON)
    gone = run("verify", "--document", str(copy), env=other)
    assert gone.returncode == 1 and "Văn bản đã bị thu hồi" in gone.stderr
    assert "Traceback" not in gone.stderr
    api, as_other = office.api_url, office.headers("other_clerk")
    content = requests.get(
        f"{api}/documents/{copy}/versions/2/content", headers=as_other, timeout=10
    )
    assert content.status_code == 410 and content.json()["error"]["code"] == "withdrawn"
    # The record as issued: a new seal is refused by the server, the file stays version 3.
    resealed = run_env(
        "sign",
        "--document",
        str(decision),
        *_token(softhsm_token),
        "--key-id",
        "03",
        "--mode",
        "issue",
        "--seal-image",
        str(images[1]),
        env=clerk,
        stdin=PIN,
    )
    assert resealed.returncode == 1 and "không thêm tệp" in resealed.stdout
    as_clerk = office.headers("clerk")
    record = requests.get(f"{api}/documents/{decision}", headers=as_clerk, timeout=10).json()
    assert record["current_version"] == 3 and record["status"] == "withdrawn"
    edit = requests.patch(
        f"{api}/documents/{decision}",
        json={"subject": "Sửa sau khi thu hồi"},
        headers={**as_clerk, "If-Match": f'"{record["revision"]}"'},
        timeout=10,
    )
    assert edit.status_code == 409 and edit.json()["error"]["code"] == "frozen"
    # Who read it: the leader sees the downloads the two signatures made.
    history = _json(run("accesses", str(decision), "--json", env=people["leader"]))
    readers = {e["username"] for e in history["events"] if e["kind"] == "download"}
    assert {"lanhdao", "vanthu"} <= readers


def test_a_letter_and_a_decision_walk_the_whole_workflow(  # type: ignore[no-untyped-def]
    office, softhsm_token, images, tmp_path
) -> None:
    people = {
        role: signed_in(office, role, tmp_path)
        for role in ("clerk", "leader", "specialist", "other_clerk")
    }
    _incoming(people)
    decision, copy = _outgoing(people, softhsm_token, images, tmp_path)
    _withdrawal(office, people, decision, copy, softhsm_token, images)
