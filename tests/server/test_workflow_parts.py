"""A part narrows a leader to that part: a second leader who co-handles (phối hợp) or is
informed (để biết) does not direct the document — no re-assigning, extending, recalling or
finishing it for everyone — and only people who handle documents are given a part."""

from __future__ import annotations

import uuid

import pytest

from base.steps import USER_STEPS
from base.workflow import steps_for
from tests.server.test_access import Caller
from tests.server.test_workflow import ok, step


@pytest.fixture
def office(server_factory):  # type: ignore[no-untyped-def]
    return server_factory()


def _second_leader(server) -> Caller:  # type: ignore[no-untyped-def]
    """A deputy (Phó Chủ tịch) of the same organisation, made by its administrator."""
    admin = Caller(server, "org_admin")
    made = admin.request(
        "POST",
        "/admin/users",
        json={
            "username": f"phoct.{uuid.uuid4().hex[:6]}",
            "full_name": "Lê Thị Thu",
            "role": "leader",
            "organisation": "UBND-T",
        },
    )
    assert made.status_code == 201, made.text
    return Caller.signed_in(
        server, made.json()["account"]["username"], made.json()["initial_password"]
    )


def _agrees_with_the_contract(caller: Caller, doc: dict, parts: set[str]) -> set[str]:
    """What the server allows ``caller`` (asked with ``dry_run``) equals ``steps_for``."""
    allowed = set()
    for action in USER_STEPS:
        reply = caller.request(
            "POST",
            f"/documents/{doc['id']}/actions?dry_run=true",
            json={"action": action},
            headers={"If-Match": f'"{doc["revision"]}"'},
        )
        if reply.status_code in (204, 422):
            allowed.add(action.value)
    offered = steps_for(
        role=caller.me["role"],
        parts=parts,
        direction="incoming",
        status=doc["status"],
        is_author=False,
    )
    assert allowed == {s.value for s in offered}
    return allowed


def test_a_leader_who_takes_part_does_not_direct(office) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(office, "clerk"), Caller(office, "leader")
    lead, deputy = Caller(office, "specialist"), _second_leader(office)
    doc = clerk.create(subject="Công văn về phòng chống hạn mặn")
    doc = ok(
        step(
            leader,
            doc,
            "assign",
            lead=lead.me["id"],
            co=[deputy.me["id"]],
            deadline="2030-02-01",
            comment="Chị Mai chủ trì, đồng chí Thu phối hợp",
        )
    )
    assert _agrees_with_the_contract(deputy, doc, {"co"}) == {"note", "finish", "ask_extension"}
    assert step(deputy, doc, "assign", lead=deputy.me["id"]).status_code == 403
    assert step(deputy, doc, "extend", deadline="2030-03-01").status_code == 403
    assert step(deputy, doc, "recall", comment="x").status_code == 403
    doc = ok(step(deputy, doc, "note", comment="Đề nghị bổ sung số liệu huyện"))
    assert doc["status"] == "assigned"  # a co-handler's note moves nothing
    doc = ok(step(deputy, doc, "finish", comment="Phần phối hợp xong"))
    assert doc["status"] == "assigned"  # her part is done, the lead's goes on
    states = {(a["user_id"], a["kind"]): a["state"] for a in doc["assignments"]}
    assert states == {(lead.me["id"], "lead"): "active", (deputy.me["id"], "co"): "done"}
    # Her part done, she is a leader again: she may direct it like any leader.
    assert "assign" in _agrees_with_the_contract(deputy, doc, set())


def test_an_informed_leader_only_reads(office) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(office, "clerk"), Caller(office, "leader")
    lead, deputy = Caller(office, "specialist"), _second_leader(office)
    doc = clerk.create(subject="Thông báo lịch họp giao ban")
    doc = ok(step(leader, doc, "assign", lead=lead.me["id"], info=[deputy.me["id"]]))
    assert _agrees_with_the_contract(deputy, doc, {"info"}) == set()
    assert step(deputy, doc, "finish").status_code == 403  # never everyone's work closed
    assert step(deputy, doc, "note", comment="?").status_code == 403
    assert ok(step(lead, doc, "finish"))["status"] == "done"


def test_only_people_who_handle_documents_are_given_a_part(office) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(office, "clerk"), Caller(office, "leader")
    specialist = Caller(office, "specialist")
    archivist, admin = Caller(office, "archivist"), Caller(office, "org_admin")
    doc = clerk.create(subject="Công văn đề nghị cung cấp hồ sơ")
    for body in (
        {"lead": archivist.me["id"]},
        {"lead": admin.me["id"]},
        {"lead": clerk.me["id"]},  # the clerk keeps the register; she is informed
        {"lead": specialist.me["id"], "co": [archivist.me["id"]]},
        {"lead": specialist.me["id"], "info": [admin.me["id"]]},
    ):
        refused = step(leader, doc, "assign", **body)
        assert refused.status_code == 422, body
        assert refused.json()["error"]["code"] == "unfit_handler"
        assert "Không giao được" in refused.json()["error"]["message_vi"]
    doc = ok(step(leader, doc, "assign", lead=specialist.me["id"], info=[clerk.me["id"]]))
    assert {(a["user_id"], a["kind"]) for a in doc["assignments"]} == {
        (specialist.me["id"], "lead"),
        (clerk.me["id"], "info"),
    }
