"""The main story of case files and the agency archive, on the real server, on SQLite and on
PostgreSQL (``tests/server/conftest.py``'s ``server``: one per database, for this module).

A year's file list drafted, approved and issued → a specialist opens a file from it, adds
documents (one also in a colleague's file, not copied), closes it → the due-date warning 30 days
before → transfer → the archivist returns one with a reason and accepts another → the accepted
file is frozen (every change refused) → a secret document stays hidden from a reader of the file
who may not read it → other organisations get 404.
"""

from __future__ import annotations

import datetime as dt

from base.records import add_years
from tests.fixtures.server import LiveServer
from tests.server.records.helpers import Caller, days_ago, today


def _issued_list(clerk: Caller, leader: Caller, specialist: Caller) -> dict:
    year = today().year
    made = clerk.ok(
        "POST", "/file-lists", 201, json={"year": year, "decision": "Quyết định số 5/QĐ-UBND"}
    )
    assert made["state"] == "draft" and made["actions"] == []
    base = f"/file-lists/{made['id']}"
    office = clerk.ok(
        "POST", f"{base}/headings", 201, json={"title": "Văn phòng", "abbreviation": "VP"}
    )
    admin = clerk.ok(
        "POST", f"{base}/headings", 201, json={"title": "Tổ chức cán bộ", "abbreviation": "TCCB"}
    )
    sub = clerk.ok(
        "POST", f"{base}/headings", 201, json={"title": "Hành chính", "parent_id": office["id"]}
    )
    assert (office["number"], admin["number"], sub["number"]) == ("I", "II", "1")
    for notation, title, maintenance in (
        ("01.VP", "Hồ sơ về công tác văn thư, lưu trữ", "10 năm"),
        ("02.VP", "Hồ sơ hội nghị tổng kết năm", "Vĩnh viễn"),
        ("03.VP", "Sổ theo dõi công văn nội bộ", "2 năm"),
    ):
        planned = clerk.ok(
            "POST",
            f"{base}/files",
            201,
            json={
                "heading_id": sub["id"],
                "notation": notation,
                "title": title,
                "maintenance": maintenance,
                "responsible": "Hoàng Thị Mai",
            },
        )
        assert planned["maintenance"] == maintenance
    clerk.refused(
        "POST",
        f"{base}/files",
        409,
        "duplicate",
        json={
            "heading_id": sub["id"],
            "notation": "01.VP",
            "title": "Trùng",
            "maintenance": "5 năm",
        },
    )
    specialist.refused("POST", f"{base}/actions", 403, "forbidden", json={"action": "approve"})
    approved = leader.ok("POST", f"{base}/actions", json={"action": "approve"})
    assert approved["state"] == "approved" and approved["approved_by"] == leader.me["id"]
    planned_id = approved["files"][0]["id"]
    specialist.refused(
        "POST", "/case-files", 409, "list_not_issued", json={"planned_file_id": planned_id}
    )
    issued = clerk.ok("POST", f"{base}/actions", json={"action": "issue"})
    assert issued["state"] == "issued"
    assert (issued["total"], issued["permanent"], issued["limited"]) == (3, 1, 2)
    clerk.refused("POST", f"{base}/headings", 409, "list_not_draft", json={"title": "Muộn"})
    return issued


def test_a_year_of_case_files_from_the_list_to_the_archive(server: LiveServer) -> None:
    clerk, leader = Caller(server, "vanthu"), Caller(server, "lanhdao")
    specialist, colleague = Caller(server, "chuyenvien"), Caller(server, "chuyenvien2")
    archivist, org_admin = Caller(server, "luutru"), Caller(server, "quantridv")
    outsiders = [Caller(server, name) for name in ("vanthu.stc", "lanhdao.stc", "luutru.stc")]
    year = today().year

    the_list = _issued_list(clerk, leader, specialist)
    planned = {f["notation"]: f["id"] for f in the_list["files"]}

    # A specialist opens a file from the list; the code is OrganId.FileCatalog.FileNotation.
    first = specialist.ok("POST", "/case-files", 201, json={"planned_file_id": planned["01.VP"]})
    assert first["code"] == f"000.00.00.H30.{year}.01.VP" and first["state"] == "open"
    assert first["maintenance"] == "10 năm" and first["creator"] == "Hoàng Thị Mai"
    specialist.refused(
        "POST", "/case-files", 409, "duplicate", json={"planned_file_id": planned["01.VP"]}
    )
    f1 = f"/case-files/{first['id']}"

    # Documents of the work, the last one Tối mật (shared with the specialist by the clerk).
    d1 = clerk.document(
        subject="Công văn đề nghị rà soát hồ sơ", issued_date=days_ago(345), page_amount=2
    )
    d2 = clerk.document(subject="Báo cáo kết quả rà soát", issued_date=days_ago(340), page_amount=3)
    secret = clerk.document(
        subject="Kế hoạch bảo vệ bí mật nhà nước", issued_date=days_ago(342), secrecy=2
    )
    clerk.ok(
        "POST", f"/documents/{secret['id']}/grants", 201, json={"user_id": specialist.me["id"]}
    )
    documents_before = len(clerk.get("/documents?limit=500").json()["items"])
    for doc in (d1, d2, secret):
        specialist.ok("POST", f"{f1}/documents", 201, json={"document_id": doc["id"]})
    specialist.refused("POST", f"{f1}/documents", 409, "duplicate", json={"document_id": d1["id"]})

    # A colleague's own file (outside the list) holds d1 too: a link, not a copy.
    second = colleague.ok(
        "POST",
        "/case-files",
        201,
        json={"title": "Hồ sơ phối hợp rà soát", "notation": "TD.01", "maintenance": "5 năm"},
    )
    f2 = f"/case-files/{second['id']}"
    shared = colleague.ok("POST", f"{f2}/documents", 201, json={"document_id": d1["id"]})
    assert [(d["document_id"], d["ordinal"]) for d in shared["documents"]] == [(d1["id"], 1)]
    assert len(clerk.get("/documents?limit=500").json()["items"]) == documents_before
    mine = specialist.ok("GET", f1)
    assert [(d["document_id"], d["ordinal"]) for d in mine["documents"]] == [
        (d1["id"], 1),
        (d2["id"], 2),
        (secret["id"], 3),
    ]  # DocOrdinal: in the order the documents were created

    # The file's Rights name the colleague as a reader: the file, never the secret document.
    specialist.ok("PATCH", f1, json={"readers": [colleague.me["id"]]})
    for reader in (colleague, archivist):
        seen = reader.get(f1)
        assert seen.status_code == 200, seen.text
        assert [d["document_id"] for d in seen.json()["documents"]] == [d1["id"], d2["id"]]
        assert secret["subject"] not in seen.text
        assert secret["id"] not in {e["document_id"] for e in seen.json()["events"]}
    assert secret["id"] in {d["document_id"] for d in leader.ok("GET", f1)["documents"]}

    # Closing: the final title, and the metadata computed from the documents.
    closed = specialist.ok(
        "POST", f"{f1}/actions", json={"action": "close", "title": "Hồ sơ rà soát công tác văn thư"}
    )
    end = today() - dt.timedelta(days=340)
    assert closed["state"] == "closed" and closed["title"] == "Hồ sơ rà soát công tác văn thư"
    assert (closed["doc_total"], closed["page_total"]) == (3, 6)
    assert closed["start_date"] == days_ago(345) and closed["end_date"] == end.isoformat()
    assert closed["language"] == "vi" and closed["retention_ends"] == add_years(end, 10).isoformat()
    due = add_years(end, 1)
    assert closed["due_date"] == due.isoformat()
    assert closed["warning"] and closed["due_in_days"] == (due - today()).days <= 30
    specialist.refused(
        "POST", f"{f1}/documents", 409, "file_closed", json={"document_id": d2["id"]}
    )

    # Reopened only with a reason, recorded in its history and in the audit trail.
    specialist.refused("POST", f"{f1}/actions", 422, "reason_required", json={"action": "reopen"})
    reopened = specialist.ok(
        "POST", f"{f1}/actions", json={"action": "reopen", "reason": "Bổ sung báo cáo"}
    )
    assert reopened["state"] == "open" and reopened["due_date"] is None
    assert ("reopen", "Bổ sung báo cáo") in {(e["action"], e["reason"]) for e in reopened["events"]}
    trail = org_admin.ok("GET", "/admin/audit?action=case_file_reopen")["items"]
    assert trail and "Bổ sung báo cáo" in trail[0]["detail"] and first["code"] in trail[0]["detail"]
    specialist.ok("POST", f"{f1}/actions", json={"action": "close"})

    # A permanent file from the list, closed when its work ended 300 days ago: not yet warned.
    third = specialist.ok(
        "POST",
        "/case-files",
        201,
        json={"planned_file_id": planned["02.VP"], "start_date": days_ago(330)},
    )
    f3 = f"/case-files/{third['id']}"
    specialist.ok("POST", f"{f3}/documents", 201, json={"document_id": d2["id"]})
    specialist.ok("POST", f"{f3}/actions", json={"action": "close", "end_date": days_ago(300)})

    # The warning 30 days before the deadline: the creator's and the archive's queue.
    for caller in (specialist, archivist):
        due_queue = caller.ok("GET", "/case-files?queue=due")["items"]
        assert [f["id"] for f in due_queue] == [first["id"]]
    assert colleague.ok("GET", "/case-files?queue=due")["items"] == []

    # Transfer; the archivist returns one with a reason and accepts the other.
    for path in (f1, f3):
        assert (
            specialist.ok("POST", f"{path}/actions", json={"action": "transfer"})["state"]
            == "submitted"
        )
    awaiting = archivist.ok("GET", "/case-files?queue=awaiting")["items"]
    assert {f["id"] for f in awaiting} == {first["id"], third["id"]}
    specialist.refused("POST", f"{f1}/actions", 403, "forbidden", json={"action": "accept"})
    archivist.refused("POST", f"{f3}/actions", 422, "reason_required", json={"action": "return"})
    returned = archivist.ok(
        "POST", f"{f3}/actions", json={"action": "return", "reason": "Thiếu biên bản hội nghị"}
    )
    assert (
        returned["state"] == "returned" and returned["returned_reason"] == "Thiếu biên bản hội nghị"
    )
    assert specialist.ok("GET", "/case-files?queue=returned")["items"][0]["id"] == third["id"]
    accepted = archivist.ok("POST", f"{f1}/actions", json={"action": "accept"})
    assert accepted["state"] == "archived" and accepted["actions"] == []
    # its documents say so, with a new feed number, so every desktop's copy learns it
    marked = clerk.ok("GET", f"/documents/{d1['id']}")
    assert "archived" in marked["marks"] and marked["revision"] > d1["revision"]
    loose = clerk.document(subject="Công văn chưa vào hồ sơ nào")
    assert "archived" not in clerk.ok("GET", f"/documents/{loose['id']}")["marks"]

    # The accepted file is frozen: every change refused, for everyone, its documents too.
    for caller, method, path, body in (
        (specialist, "PATCH", f1, {"title": "Đổi"}),
        (specialist, "POST", f"{f1}/documents", {"document_id": d2["id"]}),
        (specialist, "DELETE", f"{f1}/documents/{d1['id']}", None),
        (specialist, "POST", f"{f1}/actions", {"action": "reopen", "reason": "Sửa"}),
        (leader, "POST", f"{f1}/actions", {"action": "reopen", "reason": "Sửa"}),
        (archivist, "POST", f"{f1}/actions", {"action": "return", "reason": "Sửa"}),
        (specialist, "POST", f"{f1}/actions", {"action": "transfer"}),
    ):
        reply = caller.request(method, path, json=body)
        assert reply.status_code in (403, 409), (method, path, reply.status_code, reply.text)
        if reply.status_code == 409:
            assert reply.json()["error"]["code"] == "archived", reply.text
            assert "Lưu trữ" in reply.json()["error"]["message_vi"]
    revision = clerk.ok("GET", f"/documents/{d1['id']}")["revision"]
    for method, path, kwargs in (
        (
            "PATCH",
            f"/documents/{d1['id']}",
            {
                "json": {"description": "x"},
                "headers": {"If-Match": f'"{revision}"'},
            },
        ),
        (
            "POST",
            f"/documents/{d1['id']}/versions",
            {"json": {"sha256": "ab" * 32, "filename": "x.pdf"}, "headers": {"If-Match": '"0"'}},
        ),
    ):
        clerk.refused(method, path, 409, "archived", **kwargs)
    org_admin.refused("DELETE", f"/documents/{d1['id']}", 409, "archived")
    # The archive still manages who reads it (III.6.c): its Rights and readers, nothing else.
    for body in ({"title": "Đổi"}, {"rights": "open", "title": "Đổi"}, {"maintenance": "5 năm"}):
        reply = archivist.request("PATCH", f1, json=body)
        assert reply.status_code in (403, 409), (body, reply.text)  # nothing but access
    specialist.refused("PATCH", f1, 409, "archived", json={"rights": "open"})
    opened_up = archivist.ok("PATCH", f1, json={"rights": "open"})
    assert opened_up["rights"] == "open" and opened_up["state"] == "archived"
    assert opened_up["events"][-1]["action"] == "access"
    assert archivist.ok("PATCH", f1, json={"rights": "restricted"})["rights"] == "restricted"
    # Its work is over: no step moves it on, whether asked for real or only checked.
    present = {"action": "present", "to": [leader.me["id"]]}
    for query in ("", "?dry_run=true"):
        clerk.refused(
            "POST",
            f"/documents/{d1['id']}/actions{query}",
            409,
            "archived",
            json=present,
            headers={"If-Match": f'"{revision}"'},
        )
    after = specialist.ok("GET", f1)
    assert (
        after["state"] == "archived"
        and after["doc_total"] == 3
        and after["title"] == accepted["title"]
    )

    # The archive finds it by its metadata.
    found = archivist.ok(
        "GET", f"/case-files?queue=archive&q=rà soát&year={year}&code=01.VP&retention_years=10"
    )
    assert [f["id"] for f in found["items"]] == [first["id"]]
    # ... by every Part II.III field it has: Rights, Language, the documents' period
    start, end = (
        dt.date.fromisoformat(after["start_date"]),
        dt.date.fromisoformat(after["end_date"]),
    )
    day = dt.timedelta(days=1)
    for query, hit in (
        ("rights=restricted", True),
        ("rights=open", False),
        ("language=VI", True),
        ("language=en", False),
        (f"period_from={end}", True),
        (f"period_from={end + day}", False),
        (f"period_to={start}", True),
        (f"period_to={start - day}", False),
        (f"period_from={start}&period_to={end}", True),
    ):
        items = archivist.ok("GET", f"/case-files?queue=archive&code=01.VP&{query}")["items"]
        assert [f["id"] for f in items] == ([first["id"]] if hit else []), query
    index = archivist.request("GET", f"/case-file-index?rights=open&year={year}")
    assert index.status_code in (200, 501), index.text  # the PDF writer may be absent

    # Other organisations: nothing exists.
    for outsider in outsiders:
        for method, path, body in (
            ("GET", f1, None),
            ("PATCH", f3, {"title": "x"}),
            ("POST", f"{f3}/actions", {"action": "reopen", "reason": "x"}),
            ("POST", f"{f3}/documents", {"document_id": d2["id"]}),
            ("GET", f"/file-lists/{the_list['id']}", None),
        ):
            outsider.refused(method, path, 404, "not_found", json=body)
        assert outsider.ok("GET", "/case-files?limit=500")["items"] == []
        assert all(fl["id"] != the_list["id"] for fl in outsider.ok("GET", "/file-lists"))
