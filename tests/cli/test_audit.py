"""``vanthu correct``, ``vanthu accesses``, ``vanthu audit`` and ``vanthu logins`` as a script
runs them: a clerk corrects a registered letter with a reason, the leader sees who read it, the
administrator lists and exports the trail; the others are refused in words."""

from __future__ import annotations

import csv
import json

import requests

from tests.cli.test_workflow import run, signed_in


def test_correct_then_read_the_access_history_and_the_audit(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    clerk, leader = signed_in(server, "clerk", tmp_path), signed_in(server, "leader", tmp_path)
    admin, specialist = (
        signed_in(server, "org_admin", tmp_path),
        signed_in(server, "specialist", tmp_path),
    )
    registered = run(
        "register",
        "--organ",
        "Sở Xây dựng tỉnh Hà Tĩnh",
        "--subject",
        "V/v góp ý quy hoạch",
        "--number",
        "45",
        "--notation",
        "SXD-QH",
        "--dated",
        "2026-11-30",
        "--json",
        env=clerk,
    )
    assert registered.returncode == 0, registered.stderr
    doc = json.loads(registered.stdout)
    refused = run("correct", str(doc["id"]), "--notation", "SXD-QHKT", env=clerk)
    assert refused.returncode != 0 and "lý do" in refused.stderr  # a correction needs a reason
    corrected = run(
        "correct",
        str(doc["id"]),
        "--notation",
        "SXD-QHKT",
        "--comment",
        "Nhập sai ký hiệu",
        env=clerk,
    )
    assert corrected.returncode == 0, corrected.stderr
    history = run("history", str(doc["id"]), env=clerk).stdout
    assert "correct" in history and "Ký hiệu: SXD-QH → SXD-QHKT" in history
    by_leader = run("correct", str(doc["id"]), "--subject", "Khác", "--comment", "x", env=leader)
    assert by_leader.returncode != 0 and by_leader.stderr
    # Reading its details is no access to its content; the leader sees the counts.
    requests.get(
        f"{server.api_url}/documents/{doc['id']}", headers=server.headers("specialist"), timeout=10
    )
    accesses = run("accesses", str(doc["id"]), env=leader)
    assert accesses.returncode == 0, accesses.stderr
    assert "Xem / views: 0" in accesses.stdout
    not_theirs = run("accesses", str(doc["id"]), env=specialist)
    assert not_theirs.returncode != 0 and "người xử lý" in not_theirs.stderr
    trail = run("audit", "--document", str(doc["id"]), "--json", env=admin)
    assert trail.returncode == 0, trail.stderr
    actions = {e["action"] for e in json.loads(trail.stdout)}
    assert {"create", "update", "step_correct"} <= actions
    exported = run("audit", "--category", "login", "--csv", str(tmp_path / "dang-nhap"), env=admin)
    assert exported.returncode == 0, exported.stderr
    with (tmp_path / "dang-nhap.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Thời điểm / Time" and {r[5] for r in rows[1:]} <= {"login", "logout"}
    logins = run("logins", "--json", env=admin)
    assert logins.returncode == 0 and sum(d["logins"] for d in json.loads(logins.stdout)) >= 1
    for command in (("audit",), ("logins",)):
        denied = run(*command, env=clerk)
        assert denied.returncode != 0 and "quản trị" in denied.stderr
