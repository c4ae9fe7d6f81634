"""Account names that cannot pass for someone else, passwords that are not the first guess,
and administration that can never lock itself out — through the admin API on a real server."""

from __future__ import annotations

import pytest
import requests

from server.account_rules import canonical_username, password_problem, username_problem


@pytest.mark.parametrize(
    "name",
    [
        "lanhdao\u200b",  # a zero-width space after the leader's name
        "\u200blanhdao",
        "ｌａｎｈｄａｏ",  # full-width letters
        "lаnhdao",  # a Cyrillic а
        "lanh dao",
        "lanh\u00addao",  # a soft hyphen
        "",
        "x" * 101,
    ],
)
def test_names_that_look_like_another_are_refused(name: str) -> None:
    assert username_problem(canonical_username(name)) is not None


@pytest.mark.parametrize("name", ["vanthu.stc", "đecb77c", "nguyễn.văn.an", "chuyenvien_2", "a@b"])
def test_real_names_pass(name: str) -> None:
    assert username_problem(canonical_username(name)) is None


def test_the_canonical_name_is_nfc_and_lower_case_for_vietnamese_capitals() -> None:
    assert canonical_username("ĐECB77C") == "đecb77c"
    assert canonical_username("Nguye\u0302\u0303n") == "nguyễn"  # decomposed → one letter


@pytest.mark.parametrize(
    "password",
    ["aaaaaaaa", "        ", "abababab", "12345678", "MatKhau123", "short1!", "vanthu.moi#2026"],
)
def test_weak_passwords_are_refused(password: str) -> None:
    assert password_problem(password, "vanthu.moi") is not None


def test_a_reasonable_password_passes() -> None:
    assert password_problem("Hà-Tĩnh#2026 sổ đến", "vanthu.moi") is None


def _admin(server, role: str):  # type: ignore[no-untyped-def]
    headers = server.headers(role)
    url = server.api_url

    def call(method: str, path: str, **kwargs):  # type: ignore[no-untyped-def]
        return requests.request(method, url + path, headers=headers, timeout=30, **kwargs)

    return call


def test_a_vietnamese_capital_name_is_created_managed_and_signs_in(server) -> None:  # type: ignore[no-untyped-def]
    call = _admin(server, "org_admin")
    made = call(
        "POST",
        "/admin/users",
        json={
            "username": "ĐECB77C",
            "full_name": "Đặng Cường",
            "role": "clerk",
            "organisation": "UBND-T",
        },
    )
    assert made.status_code == 201, made.text
    account, password = made.json()["account"], made.json()["initial_password"]
    assert account["username"] == "đecb77c"
    again = call(
        "POST",
        "/admin/users",
        json={
            "username": "đecb77c",
            "full_name": "Trùng",
            "role": "clerk",
            "organisation": "UBND-T",
        },
    )
    assert again.status_code == 409
    for typed in ("ĐECB77C", "đecb77c"):
        login = requests.post(
            f"{server.api_url}/auth/login",
            json={"username": typed, "password": password},
            timeout=10,
        )
        assert login.status_code == 200, login.text
    changed = call("PATCH", f"/admin/users/{account['id']}", json={"role": "specialist"})
    assert changed.status_code == 200 and changed.json()["role"] == "specialist"
    weak = call("POST", f"/admin/users/{account['id']}/password", json={"password": "aaaaaaaa"})
    assert weak.status_code == 422 and "khác nhau" in weak.json()["error"]["message_vi"]
    strong = call(
        "POST", f"/admin/users/{account['id']}/password", json={"password": "Sổ-đến#2026!"}
    )
    assert strong.status_code == 204


def test_look_alike_names_and_weak_passwords_are_refused_at_creation(server) -> None:  # type: ignore[no-untyped-def]
    call = _admin(server, "org_admin")
    for body in (
        {
            "username": "lanhdao\u200b",
            "full_name": "Giả Danh",
            "role": "leader",
            "organisation": "UBND-T",
        },
        {
            "username": "ｌａｎｈｄａｏ",
            "full_name": "Giả Danh",
            "role": "leader",
            "organisation": "UBND-T",
        },
        {
            "username": "nguoimoi",
            "full_name": "Người Mới",
            "role": "clerk",
            "password": "12345678",
            "organisation": "UBND-T",
        },
    ):
        reply = call("POST", "/admin/users", json=body)
        assert reply.status_code == 422, reply.text
        assert reply.json()["error"]["message_vi"] and reply.json()["error"]["message_en"]


def test_no_administrator_locks_himself_or_the_last_one_out(server) -> None:  # type: ignore[no-untyped-def]
    org_admin, province = _admin(server, "org_admin"), _admin(server, "admin")
    me = org_admin("GET", "/auth/me").json()
    own = org_admin("PATCH", f"/admin/users/{me['id']}", json={"active": False})
    assert own.status_code == 409 and own.json()["error"]["code"] == "own_account"
    demoted = org_admin("PATCH", f"/admin/users/{me['id']}", json={"role": "clerk"})
    assert demoted.status_code == 409
    boss = province("GET", "/auth/me").json()
    self_off = province("PATCH", f"/admin/users/{boss['id']}", json={"active": False})
    assert self_off.status_code == 409 and self_off.json()["error"]["code"] == "own_account"
    last = province("PATCH", f"/admin/users/{me['id']}", json={"active": False})
    assert last.status_code == 409 and last.json()["error"]["code"] == "last_administrator"
    assert org_admin("GET", "/auth/me").status_code == 200  # still signed in, still active
    number = province("PATCH", f"/admin/users/{me['id']}", json={"active": 0})
    assert number.status_code == 422  # a boolean is a boolean
