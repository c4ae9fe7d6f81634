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
