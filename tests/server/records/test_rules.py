"""The records' rules one by one on the real server (SQLite; the story runs on both databases):
the file list's editing and copying, who sees a case file by its Rights, who changes it, the
keep-back and its two-year limit, files past retention, the handover of a leaving person's
files, and the counts per creator."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from base.records import add_years, keep_back_limit
from tests.fixtures.server import LiveServer
from tests.server.records.helpers import Caller, days_ago, today


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path_factory.mktemp("records-rules"))
    live.start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def people(server: LiveServer) -> dict[str, Caller]:
    names = {
        "clerk": "vanthu",
        "leader": "lanhdao",
        "specialist": "chuyenvien",
        "colleague": "chuyenvien2",
        "archivist": "luutru",
        "org_admin": "quantridv",
        "other_admin": "quantri.stc",
        "other_clerk": "vanthu.stc",
    }
    return {role: Caller(server, name) for role, name in names.items()}


def _own_file(caller: Caller, notation: str, maintenance: str = "10 năm", **extra: object) -> dict:
    body = {"title": f"Hồ sơ {notation}", "notation": notation, "maintenance": maintenance}
    return caller.ok("POST", "/case-files", 201, json={**body, **extra})


def _file_with_a_document(
    people: dict[str, Caller], notation: str, subject: str
) -> tuple[dict, str]:
    """The specialist's file opened 400 days ago holding the clerk's document of 390 days ago."""
    made = _own_file(people["specialist"], notation, start_date=days_ago(400))
    path = f"/case-files/{made['id']}"
    doc = people["clerk"].document(subject=subject, issued_date=days_ago(390))
    people["specialist"].ok("POST", f"{path}/documents", 201, json={"document_id": doc["id"]})
    return made, path


def test_a_list_is_copied_from_last_year_and_edited_only_as_a_draft(people) -> None:
    clerk, leader, specialist = people["clerk"], people["leader"], people["specialist"]
    last = clerk.ok("POST", "/file-lists", 201, json={"year": 2020})
    major = clerk.ok(
        "POST",
        f"/file-lists/{last['id']}/headings",
        201,
        json={"title": "Tổ chức", "abbreviation": "TC"},
    )
    sub = clerk.ok(
        "POST",
        f"/file-lists/{last['id']}/headings",
        201,
        json={"title": "Nhân sự", "parent_id": major["id"]},
    )
    clerk.refused(
        "POST",
        f"/file-lists/{last['id']}/headings",
        422,
        "invalid_input",
        json={"title": "Cấp ba", "parent_id": sub["id"]},
    )
    clerk.ok(
        "POST",
        f"/file-lists/{last['id']}/files",
        201,
        json={
            "heading_id": sub["id"],
            "notation": "01.TC",
            "title": "Hồ sơ tuyển dụng",
            "maintenance": "Vĩnh viễn",
        },
    )
    clerk.refused("DELETE", f"/file-lists/{last['id']}/headings/{major['id']}", 409, "conflict")
    specialist.refused("POST", "/file-lists", 403, "forbidden", json={"year": 2021})
    clerk.refused(
        "POST", "/file-lists", 409, "nothing_to_copy", json={"year": 2019, "copy_previous": True}
    )
    copied = clerk.ok("POST", "/file-lists", 201, json={"year": 2021, "copy_previous": True})
    assert [(h["number"], h["title"]) for h in copied["headings"]] == [
        ("I", "Tổ chức"),
        ("1", "Nhân sự"),
    ]
    assert [(f["notation"], f["maintenance"]) for f in copied["files"]] == [("01.TC", "Vĩnh viễn")]
    assert {f["heading_id"] for f in copied["files"]} == {copied["headings"][1]["id"]}
    clerk.refused("POST", "/file-lists", 409, "duplicate", json={"year": 2021})
    base = f"/file-lists/{copied['id']}"
    assert leader.ok("POST", f"{base}/actions", json={"action": "approve"})["state"] == "approved"
    clerk.refused("PATCH", base, 409, "list_not_draft", json={"decision": "x"})
    clerk.refused("POST", f"{base}/actions", 422, "reason_required", json={"action": "revise"})
    revised = clerk.ok("POST", f"{base}/actions", json={"action": "revise", "reason": "Thêm hồ sơ"})
    assert revised["state"] == "draft" and revised["approved_by"] is None
    planned = revised["files"][0]["id"]
    assert (
        clerk.ok("PATCH", f"{base}/files/{planned}", json={"maintenance": "20 năm"})[
            "retention_years"
        ]
        == 20
    )
    clerk.ok("DELETE", f"{base}/files/{planned}", 204)
    leader.refused("POST", f"{base}/actions", 409, "conflict", json={"action": "approve"})  # empty
    assert [fl["year"] for fl in specialist.ok("GET", "/file-lists")][:2] == [2021, 2020]
    people["other_clerk"].refused("GET", base, 404, "not_found")


def test_who_sees_a_file_follows_its_rights_and_who_changes_it_is_its_creator(people) -> None:
    specialist, colleague = people["specialist"], people["colleague"]
    clerk, leader = people["clerk"], people["leader"]
    restricted = _own_file(specialist, "R.01")
    path = f"/case-files/{restricted['id']}"
    colleague.refused("GET", path, 404, "not_found")
    assert restricted["id"] not in {f["id"] for f in colleague.ok("GET", "/case-files")["items"]}
    assert leader.ok("GET", path)["id"] == restricted["id"]
    specialist.ok("PATCH", path, json={"rights": "open"})
    assert colleague.ok("GET", path)["rights_label"] == "Sử dụng rộng rãi"
    colleague.refused("PATCH", path, 403, "forbidden", json={"title": "Của tôi"})
    leader.refused("POST", f"{path}/actions", 403, "forbidden", json={"action": "close"})
    specialist.refused(
        "PATCH", path, 422, "unknown_user", json={"readers": [people["other_clerk"].me["id"]]}
    )
    specialist.refused(
        "POST",
        "/case-files",
        409,
        "duplicate",
        json={"title": "x", "notation": "R.01", "maintenance": "5 năm"},
    )
    specialist.refused("POST", "/case-files", 422, "incomplete", json={"title": "Thiếu số"})
    people["org_admin"].refused(
        "POST",
        "/case-files",
        403,
        "forbidden",
        json={"title": "x", "notation": "Q.1", "maintenance": "5 năm"},
    )
    # A document the creator may not read cannot be put in the file; nor can a file hide it.
    secret = clerk.document(subject="Tối mật không chia sẻ", secrecy=2)
    specialist.refused(
        "POST", f"{path}/documents", 404, "not_found", json={"document_id": secret["id"]}
    )
    own = clerk.document(subject="Thông báo")
    specialist.ok("POST", f"{path}/documents", 201, json={"document_id": own["id"]})
    specialist.ok("DELETE", f"{path}/documents/{own['id']}", 204)
    specialist.refused("DELETE", f"{path}/documents/{own['id']}", 404, "not_found")
    assert clerk.ok("GET", f"/documents/{own['id']}")["subject"] == "Thông báo"  # still itself
    events = [e["action"] for e in specialist.ok("GET", path)["events"]]
    assert events == ["open", "edit", "add_document", "remove_document"]


def test_keep_back_needs_the_leader_and_a_date_within_two_years(people) -> None:
    specialist, leader = people["specialist"], people["leader"]
    made, path = _file_with_a_document(people, "K.01", "Quyết định giao nhiệm vụ")
    closed = specialist.ok("POST", f"{path}/actions", json={"action": "close"})
    due = dt.date.fromisoformat(closed["due_date"])
    assert due == add_years(today() - dt.timedelta(days=390), 1) and closed["due_in_days"] < 0
    assert closed["warning"]  # overdue is warned too
    too_late = keep_back_limit(due) + dt.timedelta(days=1)
    specialist.refused(
        "POST",
        f"{path}/actions",
        422,
        "invalid_until",
        json={
            "action": "request_keep_back",
            "reason": "Còn giải quyết",
            "until": too_late.isoformat(),
        },
    )
    until = keep_back_limit(due)
    asked = specialist.ok(
        "POST",
        f"{path}/actions",
        json={
            "action": "request_keep_back",
            "reason": "Còn giải quyết",
            "until": until.isoformat(),
        },
    )
    assert asked["keep_back"] == "requested" and asked["due_date"] == due.isoformat()
    assert "approve_keep_back" in leader.ok("GET", path)["actions"]
    specialist.refused(
        "POST", f"{path}/actions", 403, "forbidden", json={"action": "approve_keep_back"}
    )
    approved = leader.ok("POST", f"{path}/actions", json={"action": "approve_keep_back"})
    assert approved["keep_back"] == "approved" and approved["due_date"] == until.isoformat()
    assert not approved["warning"]
    assert made["id"] not in {
        f["id"] for f in specialist.ok("GET", "/case-files?queue=due")["items"]
    }


def test_the_end_date_is_bounded_and_reopening_voids_what_closing_set(people) -> None:
    specialist, leader = people["specialist"], people["leader"]
    _, path = _file_with_a_document(people, "K.02", "Công văn đôn đốc")
    # after today: a deadline moved by hand; before its last document: it would leave it out
    for end in (days_ago(-30), days_ago(395)):
        specialist.refused(
            "POST",
            f"{path}/actions",
            422,
            "invalid_dates",
            json={"action": "close", "end_date": end},
        )
    closed = specialist.ok("POST", f"{path}/actions", json={"action": "close"})
    until = keep_back_limit(dt.date.fromisoformat(closed["due_date"]))
    specialist.ok(
        "POST",
        f"{path}/actions",
        json={"action": "request_keep_back", "reason": "Còn dùng", "until": until.isoformat()},
    )
    reopened = specialist.ok(
        "POST", f"{path}/actions", json={"action": "reopen", "reason": "Bổ sung"}
    )
    assert (reopened["keep_back"], reopened["due_date"], reopened["end_date"]) == (None, None, None)
    late = leader.request("POST", f"{path}/actions", json={"action": "approve_keep_back"})
    assert late.status_code in (403, 409), late.text  # the request went with the closing


def test_short_files_stay_with_the_unit_and_are_listed_when_their_retention_ends(people) -> None:
    specialist, archivist = people["specialist"], people["archivist"]
    made = _own_file(specialist, "S.01", "2 năm", start_date=days_ago(5 * 365))
    path = f"/case-files/{made['id']}"
    closed = specialist.ok(
        "POST", f"{path}/actions", json={"action": "close", "end_date": days_ago(3 * 365)}
    )
    assert closed["due_date"] is None and "transfer" not in closed["actions"]
    specialist.refused(
        "POST", f"{path}/actions", 409, "not_for_archive", json={"action": "transfer"}
    )
    past = archivist.ok("GET", "/case-files?queue=past_retention")["items"]
    assert made["id"] in {f["id"] for f in past}
    empty = _own_file(specialist, "E.01")
    specialist.ok("POST", f"/case-files/{empty['id']}/actions", json={"action": "close"})
    specialist.refused(
        "POST", f"/case-files/{empty['id']}/actions", 409, "empty_file", json={"action": "transfer"}
    )
    specialist.refused(
        "POST",
        "/case-files",
        422,
        "invalid_input",
        json={"title": "x", "notation": "B.01", "maintenance": "mãi mãi"},
    )


def test_an_administrator_hands_a_leaving_persons_files_to_another_account(people) -> None:
    colleague, specialist = people["colleague"], people["specialist"]
    org_admin, other_admin = people["org_admin"], people["other_admin"]
    first, second = _own_file(colleague, "H.01"), _own_file(colleague, "H.02")
    body = {"from_user_id": colleague.me["id"], "to_user_id": specialist.me["id"]}
    other_admin.refused("POST", "/case-file-handovers", 404, "not_found", json=body)
    colleague.refused("POST", "/case-file-handovers", 403, "forbidden", json=body)
    org_admin.refused(
        "POST",
        "/case-file-handovers",
        422,
        "unknown_user",
        json={**body, "to_user_id": people["other_clerk"].me["id"]},
    )
    org_admin.refused(  # an administrator keeps no case files: nobody would close them
        "POST",
        "/case-file-handovers",
        422,
        "unknown_user",
        json={**body, "to_user_id": org_admin.me["id"]},
    )
    moved = org_admin.ok("POST", "/case-file-handovers", json=body)
    assert moved["moved"] >= 2 and {first["code"], second["code"]} <= set(moved["codes"])
    taken = specialist.ok("GET", f"/case-files/{first['id']}")
    assert (
        taken["creator_id"] == specialist.me["id"] and taken["events"][-1]["action"] == "handover"
    )
    colleague.refused("GET", f"/case-files/{first['id']}", 404, "not_found")
    trail = org_admin.ok("GET", "/admin/audit?action=case_file_handover")["items"]
    assert trail and "chuyenvien2" in trail[0]["detail"]
    counts = {c["creator_id"]: c for c in people["leader"].ok("GET", "/case-file-counts")}
    assert counts[specialist.me["id"]]["open"] >= 2
    assert colleague.me["id"] not in counts or counts[colleague.me["id"]]["open"] == 0
    assert [c["creator_id"] for c in specialist.ok("GET", "/case-file-counts")] == [
        specialist.me["id"]
    ]
