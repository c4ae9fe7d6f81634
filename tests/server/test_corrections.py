"""Registered incoming documents keep what the register holds: no plain edit changes it, only
the clerk's Đính chính step, with a reason, every old and new value audited and in the trace."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.server.test_access import Caller


def _step(caller: Caller, doc: dict, **body):  # type: ignore[no-untyped-def]
    current = caller.get(f"/documents/{doc['id']}").json()
    return caller.request(
        "POST",
        f"/documents/{doc['id']}/actions",
        json={"action": "correct", **body},
        headers={"If-Match": f'"{current["revision"]}"'},
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory):  # type: ignore[no-untyped-def]
    """One SQLite server for the module: the rules here are the same on both databases (the
    migrations and the concurrency they share run on PostgreSQL in the other modules)."""
    from tests.fixtures.server import LiveServer

    live = LiveServer(tmp_path_factory.mktemp("corrections"))
    live.start()
    yield live
    live.stop()


@pytest.fixture
def registered(server):  # type: ignore[no-untyped-def]
    return Caller(server, "clerk").create(
        organ_name="Sở Tài chính tỉnh Hà Tĩnh",
        code_number=str(uuid.uuid4().int % 10_000),
        code_notation="STC-NS",
        issued_date="2026-11-20",
        subject="V/v bổ sung dự toán ngân sách",
    )


def test_a_plain_edit_cannot_change_what_the_register_holds(server, registered) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    assert registered["arrival_number"] is not None
    for body in (
        {"subject": "Trích yếu khác"},
        {"code_notation": "XX-SUA"},
        {"issued_date": "2020-01-01"},
        {"organ_name": "Cơ quan khác"},
    ):
        current = clerk.get(f"/documents/{registered['id']}").json()
        edited = clerk.request(
            "PATCH",
            f"/documents/{registered['id']}",
            json=body,
            headers={"If-Match": f'"{current["revision"]}"'},
        )
        assert edited.status_code == 409, edited.text
        assert edited.json()["error"]["code"] == "registered"
        assert "Đính chính" in edited.json()["error"]["message_vi"]
    current = clerk.get(f"/documents/{registered['id']}").json()
    assert current["subject"] == registered["subject"]
    # What is not in the register still changes as before (a note, the deadline).
    noted = clerk.request(
        "PATCH",
        f"/documents/{registered['id']}",
        json={"description": "Bản chụp rõ", "subject": registered["subject"]},
        headers={"If-Match": f'"{current["revision"]}"'},
    )
    assert noted.status_code == 200, noted.text


def test_the_clerk_corrects_with_a_reason_and_it_is_recorded(server, registered) -> None:  # type: ignore[no-untyped-def]
    clerk, admin = Caller(server, "clerk"), Caller(server, "org_admin")
    corrected = _step(
        clerk,
        registered,
        comment="Nhập sai ký hiệu và ngày",
        corrections={"code_notation": "STC-QLNS", "issued_date": "2026-11-21"},
    )
    assert corrected.status_code == 200, corrected.text
    doc = corrected.json()
    assert doc["code_notation"] == "STC-QLNS" and doc["issued_date"] == "2026-11-21"
    assert doc["status"] == registered["status"]  # a correction moves nothing on
    assert doc["arrival_number"] == registered["arrival_number"]
    last = doc["trace"][-1]
    assert last["action"] == "correct" and last["comment"].startswith("Nhập sai ký hiệu và ngày")
    assert "Ký hiệu: STC-NS → STC-QLNS" in last["comment"]
    assert "Ngày văn bản: 20/11/2026 → 21/11/2026" in last["comment"]
    [update] = [
        e
        for e in admin.get("/admin/audit", params={"document": doc["id"]}).json()["items"]
        if e["action"] == "update"
    ]
    assert json.loads(update["detail"]) == {
        "code_notation": ["STC-NS", "STC-QLNS"],
        "issued_date": ["2026-11-20", "2026-11-21"],
    }


def test_a_correction_is_the_clerks_has_a_reason_and_changes_something(server, registered) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    for role in ("leader", "specialist"):
        refused = _step(
            Caller(server, role), registered, comment="x", corrections={"subject": "Khác"}
        )
        assert refused.status_code == 403, (role, refused.text)
    cases = [
        ({"corrections": {"subject": "Khác"}}, 422),  # no reason
        ({"comment": "Sai", "corrections": {}}, 422),
        ({"comment": "Sai"}, 422),
        ({"comment": "Sai", "corrections": {"due_date": "2027-01-01"}}, 422),
        ({"comment": "Sai", "corrections": {"subject": registered["subject"]}}, 422),
        ({"comment": "Sai", "corrections": {"page_amount": True}}, 422),
        ({"comment": "Sai", "corrections": {"subject": "x", "secret": 1}}, 422),
    ]
    for body, status in cases:
        reply = _step(clerk, registered, **body)
        assert reply.status_code == status, (body, reply.text)
    after = clerk.get(f"/documents/{registered['id']}").json()
    assert after["subject"] == registered["subject"] and after["trace"][-1]["action"] != "correct"


def test_only_a_registered_letter_is_corrected(server) -> None:  # type: ignore[no-untyped-def]
    clerk, archivist = Caller(server, "clerk"), Caller(server, "archivist")
    arrived = archivist.create(subject="Bản quét chờ vào sổ", status="arrived")
    reply = _step(clerk, arrived, comment="Sai", corrections={"subject": "Khác"})
    assert reply.status_code == 409  # not registered yet: it is simply edited before registering
    draft = clerk.request(
        "POST", "/documents", json={"direction": "outgoing", "subject": "Dự thảo"}
    ).json()
    reply = _step(clerk, draft, comment="Sai", corrections={"subject": "Khác"})
    assert reply.status_code == 409
