"""Decree 30/2020 Appendix VI III.1.h: registering what is already in the register warns the
clerk with the earlier arrival number, and registers only when the clerk confirms."""

from __future__ import annotations

import uuid

from tests.server.test_access import Caller
from tests.server.test_workflow_secrets import _second_clerk


def _letter(**extra) -> dict:  # type: ignore[no-untyped-def]
    return {
        "direction": "incoming",
        "organ_name": "Sở Tài chính tỉnh Hà Tĩnh",
        "code_number": str(uuid.uuid4().int % 10_000),
        "code_notation": "STC-NS",
        "issued_date": "2026-11-20",
        "subject": "V/v bổ sung dự toán",
        **extra,
    }


def test_a_letter_entered_twice_is_refused_until_confirmed(server) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    body = _letter()
    first = clerk.request("POST", "/documents", json=body)
    assert first.status_code == 201, first.text
    number = first.json()["arrival_number"]
    again = clerk.request("POST", "/documents", json=body)
    assert again.status_code == 409 and again.json()["error"]["code"] == "duplicate"
    assert f"số đến {number:02d}" in again.json()["error"]["message_vi"]
    assert f"arrival number {number:02d}" in again.json()["error"]["message_en"]
    confirmed = clerk.request("POST", "/documents", json={**body, "duplicate_ok": True})
    assert confirmed.status_code == 201 and confirmed.json()["arrival_number"] == number + 1
    other_date = clerk.request("POST", "/documents", json={**body, "issued_date": "2026-11-21"})
    assert other_date.status_code == 201  # another letter with the same number: no warning


def test_a_scan_of_a_registered_letter_warns_at_the_register_step(server) -> None:  # type: ignore[no-untyped-def]
    clerk, archivist = Caller(server, "clerk"), Caller(server, "archivist")
    body = _letter()
    registered = clerk.request("POST", "/documents", json=body).json()
    scan = archivist.request("POST", "/documents", json={**body, "status": "arrived"}).json()
    assert scan["status"] == "arrived"  # a scan waits; nothing is refused before registering

    def register(**extra):  # type: ignore[no-untyped-def]
        current = clerk.get(f"/documents/{scan['id']}").json()
        return clerk.request(
            "POST",
            f"/documents/{scan['id']}/actions",
            json={"action": "register", **extra},
            headers={"If-Match": f'"{current["revision"]}"'},
        )

    warned = register()
    assert warned.status_code == 409 and warned.json()["error"]["code"] == "duplicate"
    assert f"{registered['arrival_number']:02d}" in warned.json()["error"]["message_vi"]
    assert clerk.get(f"/documents/{scan['id']}").json()["arrival_number"] is None
    done = register(duplicate_ok=True)
    assert done.status_code == 200 and done.json()["arrival_number"] > registered["arrival_number"]


def test_a_secret_twin_is_named_without_its_summary(server) -> None:  # type: ignore[no-untyped-def]
    clerk, archivist = Caller(server, "clerk"), Caller(server, "archivist")
    body = _letter(subject="Phương án bảo vệ bí mật", secrecy=2)
    secret = clerk.request("POST", "/documents", json=body).json()
    leader = Caller(server, "leader")  # directed: off the clerks' desk, the handlers' alone
    leader.request(
        "POST",
        f"/documents/{secret['id']}/actions",
        json={"action": "assign", "lead": Caller(server, "specialist").me["id"]},
        headers={"If-Match": f'"{secret["revision"]}"'},
    ).raise_for_status()
    scan = archivist.request(
        "POST",
        "/documents",
        json={**body, "secrecy": 0, "subject": "Bản quét", "status": "arrived"},
    ).json()
    newcomer = _second_clerk(server)  # may register, may no longer read the secret entry
    warned = newcomer.request(
        "POST",
        f"/documents/{scan['id']}/actions",
        json={"action": "register"},
        headers={"If-Match": f'"{scan["revision"]}"'},
    )
    assert warned.status_code == 409 and warned.json()["error"]["code"] == "duplicate"
    assert "Phương án" not in warned.text and "văn bản mật" in warned.json()["error"]["message_vi"]
