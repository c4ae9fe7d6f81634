"""What a user may not read is never written where he can read it, never reachable by naming
it in a step, and stays out of reach once the assignment that opened it is taken back."""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.fixtures.outgoing import numbered_outgoing
from tests.server.test_access import Caller


def step(caller: Caller, doc: dict, action: str, **body) -> requests.Response:  # type: ignore[no-untyped-def]
    return caller.request(
        "POST",
        f"/documents/{doc['id']}/actions",
        json={"action": action, **body},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )


def ok(reply: requests.Response) -> dict:
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


@pytest.fixture(scope="module")
def office(tmp_path_factory):  # type: ignore[no-untyped-def]
    from tests.fixtures.server import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("secrets"))
    server.start()
    yield server
    server.stop()


def _second_clerk(server) -> Caller:  # type: ignore[no-untyped-def]
    """Another clerk of UBND-T, made by its administrator (who never saw the secret letter)."""
    name = f"vanthu2.{uuid.uuid4().hex[:5]}"
    made = requests.post(
        f"{server.api_url}/admin/users",
        headers=server.headers("org_admin"),
        json={
            "username": name,
            "full_name": "Văn Thư Hai",
            "role": "clerk",
            "organisation": "UBND-T",
        },
        timeout=30,
    )
    assert made.status_code == 201, made.text
    return Caller.signed_in(server, name, made.json()["initial_password"])


def test_a_secret_replacement_leaves_no_summary_in_the_public_trace(office) -> None:  # type: ignore[no-untyped-def]
    clerk, specialist = Caller(office, "clerk"), Caller(office, "specialist")
    public = ok(
        step(
            clerk,
            numbered_outgoing(office, "Thông báo lịch tiếp dân"),
            "issue",
            organisations=["STC"],
        )
    )
    secret_subject = f"Phương án bảo vệ mục tiêu {uuid.uuid4().hex[:4]}"
    secret = numbered_outgoing(office, secret_subject, secrecy=2)
    ok(step(clerk, secret, "issue", organisations=["SNV"], replaces=public["id"]))
    seen = specialist.get(f"/documents/{public['id']}").json()  # anyone of the organisation
    assert seen["status"] == "replaced"
    assert secret_subject not in str(seen["trace"]) and "Phương án" not in str(seen["trace"])
    assert seen["trace"][-1]["comment"] == f"Được thay thế bởi văn bản số {secret['code_number']}"
    copies = Caller(office, "other_clerk").get("/documents?direction=incoming&limit=500").json()
    assert secret_subject not in str([d for d in copies["items"] if d["status"] == "replaced"])


def test_naming_a_document_one_may_not_read_finds_nothing(office) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(office, "clerk")
    secret = ok(
        step(
            clerk,
            numbered_outgoing(office, "Kế hoạch tối mật", secrecy=2),
            "issue",
            organisations=["STC"],
        )
    )
    newcomer = _second_clerk(office)
    assert newcomer.get(f"/documents/{secret['id']}").status_code == 404
    mine = numbered_outgoing(office, "Thông báo thay thế")
    mine = newcomer.get(f"/documents/{mine['id']}").json()
    named = step(newcomer, mine, "issue", organisations=["SNV"], replaces=secret["id"])
    missing = step(newcomer, mine, "issue", organisations=["SNV"], replaces=2_000_000)
    assert named.status_code == missing.status_code == 404  # the same answer as no document
    assert named.json()["error"]["message_en"].replace(str(secret["id"]), "N") == missing.json()[
        "error"
    ]["message_en"].replace("2000000", "N")
    assert clerk.get(f"/documents/{secret['id']}").json()["status"] == "issued"  # still in force


def test_access_from_an_assignment_ends_when_it_is_recalled(office) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(office, "clerk"), Caller(office, "leader")
    specialist = Caller(office, "specialist")
    doc = clerk.create(subject="Báo cáo tình hình an ninh", secrecy=2)
    assert specialist.get(f"/documents/{doc['id']}").status_code == 404
    doc = ok(step(leader, doc, "assign", lead=specialist.me["id"]))
    assert specialist.get(f"/documents/{doc['id']}").status_code == 200
    doc = ok(step(leader, doc, "recall", comment="Lãnh đạo trực tiếp xử lý"))
    assert specialist.get(f"/documents/{doc['id']}").status_code == 404
    feed = specialist.get("/changes?updated_since=0&limit=1000").json()["changes"]
    assert all(c["document"] is None for c in feed if c["document_id"] == doc["id"])
    parts = leader.get(f"/documents/{doc['id']}").json()["assignments"]
    assert [(p["user_id"], p["state"]) for p in parts] == [(specialist.me["id"], "recalled")]
    # Reassigned to someone else: the first handler stays out; assigned again: back in.
    doc = ok(step(leader, doc, "assign", lead=leader.me["id"]))
    assert specialist.get(f"/documents/{doc['id']}").status_code == 404
    doc = ok(step(leader, doc, "assign", lead=specialist.me["id"]))
    assert specialist.get(f"/documents/{doc['id']}").status_code == 200


def test_a_secret_copy_is_registered_by_its_details_and_opened_by_the_assigned(
    office, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """Tối mật delivered to another organisation: its clerk registers it (the details, the
    ĐẾN stamp), the file stays sealed to him; the leader and the handler he assigns open it."""
    subject = f"Phương án bảo vệ tối mật {uuid.uuid4().hex[:6]}"
    from tests.signing.conftest import make_letter

    pdf = make_letter(tmp_path / "toi-mat.pdf").read_bytes()
    numbered = numbered_outgoing(office, subject, pdf, code_notation="UBND-VP", secrecy=2)
    issued = ok(step(Caller(office, "clerk"), numbered, "issue", organisations=["STC"]))
    stc_clerk, stc_leader = Caller(office, "other_clerk"), Caller(office, "other_leader")
    [copy] = [
        d
        for d in stc_clerk.get("/documents?direction=incoming&limit=500").json()["items"]
        if d["source_id"] == issued["id"]
    ]
    assert copy["secrecy"] == 2 and copy["status"] == "arrived" and copy["subject"] == subject
    assert copy["origin"] == "delivered"
    feed = stc_clerk.get("/changes?updated_since=0&limit=1000").json()["changes"]
    assert any(c["document_id"] == copy["id"] and c["kind"] == "upsert" for c in feed)
    sha = copy["versions"][-1]["sha256"]
    sealed = stc_clerk.get(f"/documents/{copy['id']}/versions/1/content")
    assert sealed.status_code == 403 and sealed.json()["error"]["code"] == "secret_file"
    assert "văn thư vào sổ" in sealed.json()["error"]["message_vi"]
    assert (
        stc_clerk.get(f"/files/{sha}").status_code == 403
    )  # said, not hidden: he reads the letter
    registered = ok(step(stc_clerk, copy, "register", stamp=True))
    assert registered["arrival_number"] and registered["current_version"] == 2  # stamped
    assert stc_clerk.get(f"/documents/{copy['id']}/versions/2/content").status_code == 403
    # The leader opens it and assigns a handler, who then opens it too.
    assert stc_leader.get(f"/documents/{copy['id']}/versions/2/content").status_code == 200
    stc_admin = Caller(office, "other_admin")
    username = f"cv.stc.{uuid.uuid4().hex[:5]}"
    made = stc_admin.request(
        "POST",
        "/admin/users",
        json={
            "username": username,
            "full_name": "Chuyên Viên Sở",
            "role": "specialist",
            "organisation": "STC",
        },
    )
    assert made.status_code == 201, made.text
    handler = Caller.signed_in(office, username, made.json()["initial_password"])
    assert handler.get(f"/documents/{copy['id']}").status_code == 404
    ok(step(stc_leader, registered, "assign", lead=handler.me["id"]))
    assert handler.get(f"/documents/{copy['id']}/versions/2/content").status_code == 200
    # Directed, it has left the clerks' desk: the leaders' and the handler's alone now.
    assert stc_clerk.get(f"/documents/{copy['id']}").status_code == 404
    # Other clerks' documents stay as they were: a secret draft is still its author's.
    secret_draft = (
        Caller(office, "clerk")
        .request(
            "POST",
            "/documents",
            json={"direction": "outgoing", "subject": "Dự thảo mật", "secrecy": 1},
        )
        .json()
    )
    assert _second_clerk(office).get(f"/documents/{secret_draft['id']}").status_code == 404


def test_the_clerks_desk_hands_out_nothing_and_forgets_what_was_directed(office) -> None:  # type: ignore[no-untyped-def]
    """Reading a secret letter's details for the register gives a clerk no way to its file —
    not by sharing it (to himself or anyone), not by putting another file under it — and a
    letter the leader once directed stays off the desk when it comes back to "received"."""
    clerk, leader, specialist = (
        Caller(office, "clerk"),
        Caller(office, "leader"),
        Caller(office, "specialist"),
    )
    scan_bytes = b"%PDF-1.4\n% mat\n" + uuid.uuid4().bytes
    archivist = Caller(office, "archivist")
    upload = archivist.upload(scan_bytes)
    secret = archivist.create(
        subject=f"Công văn mật {uuid.uuid4().hex[:6]}",
        secrecy=1,
        status="arrived",
        file_sha256=upload["sha256"],
    )
    assert clerk.get(f"/documents/{secret['id']}").status_code == 200  # on the desk
    files = clerk.get(f"/files/{upload['sha256']}")
    assert files.status_code == 403 and files.json()["error"]["code"] == "secret_file"
    for user_id in (clerk.me["id"], specialist.me["id"]):
        shared = clerk.request(
            "POST", f"/documents/{secret['id']}/grants", json={"user_id": user_id}
        )
        assert shared.status_code == 403 and shared.json()["error"]["code"] == "secret_file"
    other = clerk.upload(b"%PDF-1.4\n% khac\n" + uuid.uuid4().bytes)
    swapped = clerk.request(
        "POST",
        f"/documents/{secret['id']}/versions",
        json={"sha256": other["sha256"], "filename": "khac.pdf", "note": "x"},
        headers={"If-Match": '"1"'},
    )
    assert swapped.status_code == 403 and swapped.json()["error"]["code"] == "secret_file"
    registered = ok(step(clerk, secret, "register"))
    assigned = ok(step(leader, registered, "assign", lead=specialist.me["id"]))
    ok(step(specialist, assigned, "note", comment="Đã xác minh số liệu nội bộ"))
    current = specialist.get(f"/documents/{secret['id']}").json()
    returned = ok(step(specialist, current, "return", comment="Không thuộc thẩm quyền"))
    assert returned["status"] == "received"
    assert clerk.get(f"/documents/{secret['id']}").status_code == 404  # directed once: not back
    feed = clerk.get("/changes?updated_since=0&limit=1000").json()["changes"]
    [last] = [c for c in feed if c["document_id"] == secret["id"]][-1:]
    assert last["kind"] == "delete" and "xác minh" not in str(feed)
