"""The workflow on the real server: incoming from registration to completion, outgoing from
draft to delivery in another organisation; every forbidden step refused, every step traced."""

from __future__ import annotations

import os
import uuid

import pytest

from tests.fixtures.outgoing import numbered_outgoing
from tests.server.test_access import Caller


@pytest.fixture
def office(server_factory):  # type: ignore[no-untyped-def]
    """One server; the first organisation has a second specialist (a co-handler, seeded)."""
    return server_factory()


def _second_specialist(server) -> Caller:  # type: ignore[no-untyped-def]
    return Caller.signed_in(server, "chuyenvien2", "ChuyenVien@2026")


def step(caller: Caller, doc: dict, action: str, key: str | None = None, **body):  # type: ignore[no-untyped-def]
    headers = {"If-Match": f'"{doc["revision"]}"'}
    if key:
        headers["Idempotency-Key"] = key
    return caller.request(
        "POST", f"/documents/{doc['id']}/actions", json={"action": action, **body}, headers=headers
    )


def ok(reply) -> dict:  # type: ignore[no-untyped-def]
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_an_incoming_document_from_registration_to_completion(office) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(office, "clerk"), Caller(office, "leader")
    lead, co = Caller(office, "specialist"), _second_specialist(office)
    informed = clerk  # to send the answer and file it (``PART_ROLES``)
    doc = clerk.create(subject="Công văn về phòng chống lụt bão", secrecy=1)
    assert [t["action"] for t in doc["trace"]] == ["create"] and doc["status"] == "received"
    assert lead.get(f"/documents/{doc['id']}").status_code == 404  # Mật: not theirs yet
    doc = ok(step(clerk, doc, "present", to=[leader.me["id"]], comment="Kính trình"))
    assert doc["status"] == "received" and doc["trace"][-1]["recipients"] == [leader.me["id"]]
    refused = step(lead, doc, "assign", lead=lead.me["id"])
    assert refused.status_code == 404  # cannot even see it
    doc = ok(
        step(
            leader,
            doc,
            "assign",
            lead=lead.me["id"],
            co=[co.me["id"]],
            info=[informed.me["id"]],
            deadline="2030-01-15",
            comment="Giao chị Mai chủ trì, anh Nam phối hợp",
        )
    )
    assert doc["status"] == "assigned" and doc["due_date"] == "2030-01-15"
    parts = {(a["user_id"], a["kind"], a["state"]) for a in doc["assignments"]}
    assert parts == {
        (lead.me["id"], "lead", "active"),
        (co.me["id"], "co", "active"),
        (informed.me["id"], "info", "active"),
    }
    assert lead.get(f"/documents/{doc['id']}").status_code == 200  # assignment grants access
    # Forbidden steps are refused, and say why.
    assert step(clerk, doc, "finish").status_code == 403
    assert step(informed, doc, "note", comment="?").status_code == 403  # for information only
    assert step(lead, doc, "assign", lead=co.me["id"]).status_code == 403
    assert step(lead, doc, "submit", to=[leader.me["id"]]).status_code == 409  # not outgoing
    # The co-handler's part: a note and its own completion; the document goes on.
    doc = ok(step(co, doc, "note", comment="Đã rà soát số liệu"))
    doc = ok(step(co, doc, "finish", comment="Phần phối hợp xong"))
    assert doc["status"] == "assigned"
    assert {a["user_id"]: a["state"] for a in doc["assignments"]}[co.me["id"]] == "done"
    doc = ok(step(lead, doc, "note", comment="Đang dự thảo báo cáo"))
    assert doc["status"] == "processing"
    stale = dict(doc, revision=doc["revision"] - 1)
    assert step(lead, stale, "finish").status_code == 409  # decided on an old revision
    finished = step(lead, doc, "finish", key="k-1", comment="Đã báo cáo")
    doc = ok(finished)
    again = step(lead, stale, "finish", key="k-1", comment="Đã báo cáo")  # the same, retried
    assert again.status_code == 200 and again.json()["trace"] == doc["trace"]  # applied once
    assert doc["status"] == "done"
    assert step(lead, doc, "reopen").status_code == 403
    doc = ok(step(leader, doc, "reopen", comment="Bổ sung số liệu"))
    assert doc["status"] == "processing"
    assert step(lead, doc, "return").status_code == 422  # a return needs its reason
    doc = ok(step(lead, doc, "return", comment="Cần lãnh đạo giao lại"))
    assert doc["status"] == "received"
    actions = [t["action"] for t in doc["trace"]]
    assert actions == [
        "create",
        "present",
        "assign",
        "note",
        "finish",
        "note",
        "finish",
        "reopen",
        "return",
    ]
    assert all(t["user_name"] for t in doc["trace"])
    feed = lead.get("/changes?updated_since=0&limit=1000").json()["changes"]
    [mine] = [c for c in feed if c["document_id"] == doc["id"]]
    assert mine["document"]["trace"] == doc["trace"]  # the timeline rides on the change feed


def test_an_outgoing_draft_travels_to_another_organisation(office) -> None:  # type: ignore[no-untyped-def]
    clerk, leader, specialist = (
        Caller(office, "clerk"),
        Caller(office, "leader"),
        Caller(office, "specialist"),
    )
    other_clerk = Caller(office, "other_clerk")
    scan = b"%PDF-1.7\n" + os.urandom(512) + b"\n%%EOF\n"
    uploaded = specialist.upload(scan, "du-thao.pdf")
    draft = specialist.request(
        "POST",
        "/documents",
        json={
            "direction": "outgoing",
            "subject": "Báo cáo kết quả phòng chống lụt bão",
            "doc_type": "Báo cáo",
            "code_notation": "BC-UBND",
            "file_sha256": uploaded["sha256"],
            "filename": "du-thao.pdf",
        },
    ).json()
    assert draft["status"] == "draft"
    assert step(specialist, draft, "submit").status_code == 422  # to whom?
    doc = ok(step(specialist, draft, "submit", to=[leader.me["id"]]))
    assert doc["status"] == "pending_signature"
    assert step(specialist, doc, "approve").status_code == 403
    assert step(leader, doc, "send_back").status_code == 422  # comments are required
    doc = ok(step(leader, doc, "send_back", comment="Sửa số liệu mục 2"))
    assert doc["status"] == "draft"
    doc = ok(step(specialist, doc, "submit", to=[leader.me["id"]], comment="Đã sửa"))
    assert step(clerk, doc, "issue").status_code == 409  # not numbered yet
    doc = ok(step(leader, doc, "approve"))
    assert doc["status"] == "signed"
    coming = clerk.get(f"/documents/{doc['id']}/next-number").json()  # shown before it is taken
    assert leader.get(f"/documents/{doc['id']}/next-number").status_code == 403  # the clerk's
    assert step(leader, doc, "number").status_code == 403
    doc = ok(step(clerk, doc, "number"))
    assert doc["status"] == "numbered" and doc["trace"][-1]["action"] == "number"
    assert doc["code_number"] == f"{coming['number']:02d}"
    assert doc["number_symbol"] == coming["number_symbol"] == doc["trace"][-1]["comment"]
    assert step(clerk, doc, "number").status_code == 409  # once
    assert step(clerk, doc, "issue", organisations=["NOWHERE"]).status_code == 422
    doc = ok(step(clerk, doc, "issue", organisations=["STC"], comment="Phát hành"))
    assert doc["status"] == "issued"
    received = [
        d
        for d in other_clerk.get("/documents?direction=incoming&limit=500").json()["items"]
        if d["subject"] == "Báo cáo kết quả phòng chống lụt bão"
    ]
    assert len(received) == 1
    [copy] = received
    assert copy["status"] == "arrived" and copy["code_number"] == doc["code_number"]
    assert copy["organ_name"] and copy["trace"][0]["action"] == "receive"
    assert copy["versions"][0]["sha256"] == uploaded["sha256"]
    assert other_clerk.get(f"/files/{uploaded['sha256']}").content == scan  # theirs to read
    assert copy["arrival_number"] is None
    # The copy is the recipient's: its sender can neither read nor change it, nor sees it as
    # one of its own incoming documents.
    assert clerk.get(f"/documents/{copy['id']}").status_code == 404
    changed = clerk.request(
        "PATCH",
        f"/documents/{copy['id']}",
        json={"subject": "x"},
        headers={"If-Match": f'"{copy["revision"]}"'},
    )
    assert changed.status_code == 404
    own = clerk.get("/documents?direction=incoming&limit=500").json()["items"]
    assert copy["id"] not in {d["id"] for d in own}
    assert step(Caller(office, "other_leader"), copy, "assign").status_code in (403, 409)
    refused = step(other_clerk, copy, "register", stamp=True)  # not a real PDF: no stamp
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "unstampable"
    assert "corrupt" in refused.json()["error"]["message_en"]
    unchanged = other_clerk.get(f"/documents/{copy['id']}").json()
    assert unchanged["status"] == "arrived" and unchanged["arrival_number"] is None  # rolled back
    registered = ok(step(other_clerk, copy, "register"))
    assert registered["status"] == "received" and registered["arrival_number"] >= 1
    assert registered["trace"][-1]["action"] == "register"
    assert step(other_clerk, registered, "register").status_code == 409  # once
    assert [t["action"] for t in doc["trace"]] == [
        "create",
        "submit",
        "send_back",
        "submit",
        "approve",
        "number",
        "issue",
    ]


def test_status_is_changed_only_by_steps(office) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(office, "clerk")
    doc = clerk.create(subject=f"x {uuid.uuid4().hex[:6]}")
    patched = clerk.request(
        "PATCH",
        f"/documents/{doc['id']}",
        json={"status": "done"},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )
    assert patched.status_code == 422  # no such field any more
    assert clerk.get(f"/documents/{doc['id']}").json()["status"] == "received"
    missing = clerk.request(
        "POST", f"/documents/{doc['id']}/actions", json={"action": "present", "to": [1]}
    )
    assert missing.status_code == 428  # a step names the revision it was decided on


def test_null_leaves_a_required_field_as_it_is(office) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(office, "clerk")
    doc = clerk.create(subject="Giữ nguyên", secrecy=0, due_date="2030-01-01")
    patched = clerk.request(
        "PATCH",
        f"/documents/{doc['id']}",
        json={"secrecy": None, "subject": None, "due_date": None},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )
    assert patched.status_code == 200, patched.text  # once a 500 on PostgreSQL and SQLite
    assert patched.json()["subject"] == "Giữ nguyên" and patched.json()["secrecy"] == 0
    assert patched.json()["due_date"] is None  # a date may be emptied


def test_the_api_offers_exactly_the_steps_a_person_takes() -> None:
    from typing import get_args

    from base.steps import USER_STEPS
    from server.schemas import StepCreate
    from server.workflow import RULES

    offered = set(get_args(StepCreate.model_fields["action"].annotation))
    assert offered == {s.value for s in USER_STEPS} == {s.value for s in RULES}


def test_registering_puts_the_arrival_stamp_on_the_file(office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pymupdf

    from tests.signing.conftest import make_letter

    clerk, other_clerk = Caller(office, "clerk"), Caller(office, "other_clerk")
    letter = make_letter(tmp_path / "công văn.pdf").read_bytes()
    uploaded = clerk.upload(letter, "cong-van.pdf")
    doc = numbered_outgoing(
        office,
        f"Đôn đốc giải ngân {uuid.uuid4().hex[:6]}",
        letter,
        code_notation="UBND-KT",
    )
    ok(step(clerk, doc, "issue", organisations=["STC"]))
    [copy] = [
        d
        for d in other_clerk.get("/documents?direction=incoming&limit=500").json()["items"]
        if d["subject"] == doc["subject"]
    ]
    registered = ok(step(other_clerk, copy, "register", stamp=True, comment="Vào sổ"))
    assert registered["status"] == "received" and registered["current_version"] == 2
    stamped = registered["versions"][-1]
    assert stamped["note"] == f"Đóng dấu ĐẾN số {registered['arrival_number']:02d}"
    data = other_clerk.get(f"/files/{stamped['sha256']}").content
    assert data.startswith(letter)  # the sender's bytes kept, the stamp appended
    with pymupdf.open(stream=data) as pdf:
        page = pdf[0]  # held: an annotation outlives no page
        [annot] = [a for a in page.annots() or () if a.type[1] == "Stamp"]
        text = page.get_text("text", clip=annot.rect)
    assert "SỞ TÀI CHÍNH TỈNH HÀ TĨNH" in text and f"Số: {registered['arrival_number']:02d}" in text
    assert registered["versions"][0]["sha256"] == uploaded["sha256"]  # what arrived stays


def _numbered(office, subject: str) -> dict:  # type: ignore[no-untyped-def]
    """An outgoing document of UBND-T with its file, signed and numbered (ready to issue)."""
    return numbered_outgoing(office, subject, code_notation="UBND-VP")


def _issued(office, subject: str, to: list[str]) -> dict:  # type: ignore[no-untyped-def]
    """An outgoing document of UBND-T, signed, numbered and issued to ``to``."""
    return ok(step(Caller(office, "clerk"), _numbered(office, subject), "issue", organisations=to))


def _copy(caller: Caller, subject: str) -> dict:
    [found] = [
        d
        for d in caller.get("/documents?direction=incoming&limit=500").json()["items"]
        if d["subject"] == subject
    ]
    return found


def test_the_sender_sees_each_recipient_and_withdraws_from_all(office) -> None:  # type: ignore[no-untyped-def]
    clerk, leader, specialist = (
        Caller(office, "clerk"),
        Caller(office, "leader"),
        Caller(office, "specialist"),
    )
    stc, snv = Caller(office, "other_clerk"), Caller(office, "other_leader")
    subject = f"Kế hoạch kiểm tra {uuid.uuid4().hex[:6]}"
    doc = _issued(office, subject, ["STC", "SNV"])
    assert {(d["organisation"], d["status"]) for d in doc["deliveries"]} == {
        ("Sở Tài chính tỉnh Hà Tĩnh", "arrived"),
        ("Sở Nội vụ tỉnh Hà Tĩnh", "arrived"),
    }
    copy = _copy(stc, subject)
    assert copy["source_id"] == doc["id"]
    ok(step(stc, copy, "register"))
    seen = clerk.get(f"/documents/{doc['id']}").json()
    assert seen["revision"] > doc["revision"]  # the sender's feed carries the recipient's step
    assert ("Sở Tài chính tỉnh Hà Tĩnh", "received") in {
        (d["organisation"], d["status"]) for d in seen["deliveries"]
    }
    assert step(specialist, seen, "withdraw", comment="Sai số liệu").status_code == 403
    assert step(clerk, seen, "withdraw").status_code == 422  # a reason is required
    withdrawn = ok(step(leader, seen, "withdraw", comment="Sai số liệu, sẽ ban hành lại"))
    assert withdrawn["status"] == "withdrawn"
    assert {d["status"] for d in withdrawn["deliveries"]} == {"withdrawn"}
    mine = _copy(stc, subject)
    assert mine["status"] == "withdrawn" and mine["trace"][-1]["action"] == "withdraw"
    assert mine["trace"][-1]["comment"] == "Sai số liệu, sẽ ban hành lại"
    # Decree 30 III.8.b: the recipient's file is destroyed; its details and history stay.
    sha = mine["versions"][0]["sha256"]
    gone = stc.get(f"/documents/{mine['id']}/versions/1/content")
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "withdrawn"
    assert "thu hồi" in gone.json()["error"]["message_vi"]
    assert stc.get(f"/files/{sha}").status_code == 404
    assert clerk.get(f"/files/{sha}").status_code == 200  # the sender's record keeps its file
    assert step(stc, mine, "present", to=[snv.me["id"]]).status_code == 409  # nothing more to do
    assert step(leader, withdrawn, "withdraw", comment="lần nữa").status_code == 409


def test_a_new_issue_replaces_an_earlier_one_everywhere(office) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(office, "clerk")
    stc = Caller(office, "other_clerk")
    old_subject = f"Lịch tiếp công dân {uuid.uuid4().hex[:6]}"
    old = _issued(office, old_subject, ["STC"])
    new_subject = old_subject + " (thay thế)"
    new = _numbered(office, new_subject)
    for wrong, status in ((new["id"], 422), (999_999, 404)):
        refused = step(clerk, new, "issue", organisations=["STC"], replaces=wrong)
        assert refused.status_code == status, refused.text
    assert clerk.get(f"/documents/{new['id']}").json()["status"] == "numbered"  # nothing done
    new = ok(step(clerk, new, "issue", organisations=["STC"], replaces=old["id"]))
    assert new["status"] == "issued"
    earlier = clerk.get(f"/documents/{old['id']}").json()
    assert earlier["status"] == "replaced" and earlier["trace"][-1]["action"] == "replace"
    assert new["code_number"] in earlier["trace"][-1]["comment"]
    old_copy, new_copy = _copy(stc, old_subject), _copy(stc, new_subject)
    assert old_copy["status"] == "replaced" and new_copy["status"] == "arrived"
    assert "thay thế" in old_copy["trace"][-1]["comment"]


def test_a_handler_asks_for_more_time_and_the_leader_extends(office) -> None:  # type: ignore[no-untyped-def]
    from base.deadlines import add_working_days, today_in_vietnam

    clerk, leader = Caller(office, "clerk"), Caller(office, "leader")
    lead, informed = Caller(office, "specialist"), Caller(office, "clerk")
    due = add_working_days(today_in_vietnam(), 3)
    doc = clerk.create(subject=f"Báo cáo quý {uuid.uuid4().hex[:6]}")
    doc = ok(
        step(
            leader,
            doc,
            "assign",
            lead=lead.me["id"],
            info=[informed.me["id"]],
            deadline=due.isoformat(),
        )
    )
    later = add_working_days(due, 5)
    assert step(lead, doc, "ask_extension", deadline=later.isoformat()).status_code == 422  # why?
    assert step(lead, doc, "ask_extension", comment="Chờ số liệu").status_code == 422  # until?
    earlier = step(lead, doc, "ask_extension", comment="x", deadline=due.isoformat())
    assert earlier.status_code == 422 and "sau hạn" in earlier.json()["error"]["message_vi"]
    refused = step(informed, doc, "ask_extension", comment="x", deadline=later.isoformat())
    assert refused.status_code == 403  # informed only: nothing to extend
    doc = ok(
        step(lead, doc, "ask_extension", comment="Chờ số liệu của Sở", deadline=later.isoformat())
    )
    [part] = [a for a in doc["assignments"] if a["kind"] == "lead"]
    assert part["requested_deadline"] == later.isoformat() and part["deadline"] == due.isoformat()
    assert part["assigned_by"] == leader.me["id"]
    assert doc["trace"][-1]["recipients"] == [leader.me["id"]] and doc["status"] == "assigned"
    assert step(lead, doc, "extend", deadline=later.isoformat()).status_code == 403  # the leader's
    past = step(leader, doc, "extend", deadline="2020-01-01")
    assert past.status_code == 422
    doc = ok(step(leader, doc, "extend", deadline=later.isoformat(), comment="Đồng ý"))
    assert doc["due_date"] == later.isoformat()
    for part in doc["assignments"]:
        assert part["deadline"] == later.isoformat() and part["requested_deadline"] is None
    assert [t["action"] for t in doc["trace"]][-2:] == ["ask_extension", "extend"]


def test_the_clerk_may_correct_a_senders_number_but_never_an_own_one(office) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(office, "clerk")
    incoming = clerk.create(subject="Công văn quét", status="arrived")
    fixed = clerk.request(
        "PATCH",
        f"/documents/{incoming['id']}",
        json={"code_number": "123", "code_notation": "STC-NS"},
        headers={"If-Match": f'"{incoming["revision"]}"'},
    )
    assert fixed.status_code == 200 and fixed.json()["number_symbol"] == "123/STC-NS"
    numbered = _numbered(office, f"Thông báo {uuid.uuid4().hex[:6]}")
    refused = clerk.request(
        "PATCH",
        f"/documents/{numbered['id']}",
        json={"code_number": "999"},
        headers={"If-Match": f'"{numbered["revision"]}"'},
    )
    assert refused.status_code == 409 and "sổ văn bản đi" in refused.json()["error"]["message_vi"]


def _audited_changes(office, document_id: int) -> list[dict]:  # type: ignore[no-untyped-def]
    """The audit trail's metadata changes of one document, read from the server's database."""
    import json
    import sqlite3

    with sqlite3.connect(office.data_dir / "server.db") as db:
        rows = db.execute(
            "SELECT detail FROM audit_events WHERE action = 'update' AND document_id = ?",
            (document_id,),
        ).fetchall()
    return [json.loads(detail) for (detail,) in rows]


def test_an_issued_document_is_frozen_for_everyone(office) -> None:  # type: ignore[no-untyped-def]
    """Decree 30/2020 Appendix VI III.5.d and III.8.a: the issued record does not change — not
    its number, date or summary, not its file, not by deletion — after issue nor after recall."""
    clerk, leader, admin = (
        Caller(office, "clerk"),
        Caller(office, "leader"),
        Caller(office, "org_admin"),
    )
    issued = _issued(office, f"Quyết định {uuid.uuid4().hex[:6]}", ["STC"])
    withdrawn = ok(
        step(
            clerk,
            _issued(office, f"Thông báo {uuid.uuid4().hex[:6]}", ["SNV"]),
            "withdraw",
            comment="Sai địa chỉ",
        )
    )
    for doc in (issued, withdrawn):
        revision = {"If-Match": f'"{doc["revision"]}"'}
        for caller, body in (
            (clerk, {"code_notation": "XX-SUA"}),
            (clerk, {"issued_date": "2020-01-01"}),
            (leader, {"subject": "Trích yếu khác"}),
        ):
            edited = caller.request("PATCH", f"/documents/{doc['id']}", json=body, headers=revision)
            assert edited.status_code == 409, edited.text
            assert edited.json()["error"]["code"] == "frozen"
            assert "thay thế" in edited.json()["error"]["message_vi"]
        sha = doc["versions"][-1]["sha256"]
        new_file = clerk.request(
            "POST",
            f"/documents/{doc['id']}/versions",
            json={"sha256": sha, "filename": "sua.pdf", "note": "sửa"},
            headers={"If-Match": f'"{doc["current_version"]}"'},
        )
        assert new_file.status_code == 409 and new_file.json()["error"]["code"] == "frozen"
        deleted = admin.request("DELETE", f"/documents/{doc['id']}")
        assert deleted.status_code == 409 and deleted.json()["error"]["code"] == "frozen"
        after = clerk.get(f"/documents/{doc['id']}").json()
        assert (after["number_symbol"], after["issued_date"], after["subject"]) == (
            doc["number_symbol"],
            doc["issued_date"],
            doc["subject"],
        )
        assert (
            len(after["versions"]) == len(doc["versions"]) and after["revision"] == doc["revision"]
        )


def test_every_metadata_change_keeps_its_old_and_new_values(office) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(office, "clerk")
    doc = clerk.create(direction="outgoing", subject="Kế hoạch cũ", code_notation="KH-UBND")
    changed = ok(
        clerk.request(
            "PATCH",
            f"/documents/{doc['id']}",
            json={"subject": "Kế hoạch mới", "due_date": "2030-02-01"},
            headers={"If-Match": f'"{doc["revision"]}"'},
        )
    )
    assert changed["subject"] == "Kế hoạch mới"
    [change] = _audited_changes(office, doc["id"])
    assert change == {"subject": ["Kế hoạch cũ", "Kế hoạch mới"], "due_date": [None, "2030-02-01"]}
