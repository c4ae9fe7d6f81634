"""Departments on the real server: the admin API held to each administrator's organisation,
codes unique within an organisation, a user placed only in their own organisation's department,
every change audited with its old and new values — and ``vanthu admin dept`` on the database."""

from __future__ import annotations

import json
import sqlite3
import unicodedata

import requests

from tests.fixtures.server import LiveServer
from tests.server.test_admin import admin


class Api:
    def __init__(self, server: LiveServer, role: str) -> None:
        self.url, self.headers = server.api_url, server.headers(role)

    def __call__(self, method: str, path: str, body: object = None) -> requests.Response:
        return requests.request(
            method, self.url + path, headers=self.headers, json=body, timeout=30
        )

    def account(self, username: str) -> dict:  # type: ignore[type-arg]
        return next(a for a in self("GET", "/admin/users").json() if a["username"] == username)


def _audit(server: LiveServer, action: str) -> list[str]:
    with sqlite3.connect(server.data_dir / "server.db") as db:
        rows = db.execute(
            "SELECT detail FROM audit_events WHERE action = ? ORDER BY id", (action,)
        ).fetchall()
    return [detail for (detail,) in rows]


def test_departments_are_kept_per_organisation(server_factory) -> None:
    server = server_factory()
    mine, theirs = Api(server, "org_admin"), Api(server, "other_admin")  # UBND-T, STC
    province, clerk = Api(server, "admin"), Api(server, "clerk")

    listed = mine("GET", "/admin/departments").json()
    assert {(d["organisation"], d["code"]) for d in listed} == {("UBND-T", "VP"), ("UBND-T", "KT")}
    assert mine("GET", "/admin/departments?organisation=STC").status_code == 404
    assert clerk("GET", "/admin/departments").status_code == 403
    everywhere = {d["organisation"] for d in province("GET", "/admin/departments").json()}
    assert {"UBND-T", "STC", "SNV"} <= everywhere
    stc = province("GET", "/admin/departments?organisation=STC").json()
    assert stc and {d["organisation"] for d in stc} == {"STC"}

    # Create: NFC-normalised, the code unique within the organisation (409), elsewhere free.
    decomposed = unicodedata.normalize("NFD", "Phòng Tổng hợp")
    made = mine("POST", "/admin/departments", {"code": "TH", "name": decomposed})
    assert made.status_code == 201, made.text
    th = made.json()
    assert th["name"] == "Phòng Tổng hợp" and th["organisation"] == "UBND-T"
    again = mine("POST", "/admin/departments", {"code": "TH", "name": "Khác"})
    assert again.status_code == 409
    error = again.json()["error"]
    assert "đã có phòng ban mã TH" in error["message_vi"]
    assert "already has a department TH" in error["message_en"]
    elsewhere = mine(
        "POST", "/admin/departments", {"code": "X", "name": "X", "organisation": "STC"}
    )
    assert elsewhere.status_code == 404  # an organisation's administrator: their own only
    assert clerk("POST", "/admin/departments", {"code": "Y", "name": "Y"}).status_code == 403
    stc_th = province(
        "POST",
        "/admin/departments",
        {"code": "TH", "name": "Phòng Tổng hợp Sở", "organisation": "STC"},
    )
    assert stc_th.status_code == 201 and stc_th.json()["organisation"] == "STC"
    assert stc_th.json()["id"] in {d["id"] for d in theirs("GET", "/admin/departments").json()}
    assert stc_th.json()["id"] not in {d["id"] for d in mine("GET", "/admin/departments").json()}

    # Rename: within one's own organisation only.
    assert theirs("PATCH", f"/admin/departments/{th['id']}", {"name": "Trộm"}).status_code == 404
    renamed = mine("PATCH", f"/admin/departments/{th['id']}", {"name": "Phòng Tổng hợp - HC"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Phòng Tổng hợp - HC"
    assert json.loads(_audit(server, "department_rename")[-1]) == {
        "department": "UBND-T TH",
        "name": ["Phòng Tổng hợp", "Phòng Tổng hợp - HC"],
    }
    assert _audit(server, "department_add")[0].startswith("UBND-T TH ")


def test_an_account_joins_a_department_of_its_own_organisation(server_factory) -> None:
    server = server_factory()
    mine, theirs = Api(server, "org_admin"), Api(server, "other_admin")
    province = Api(server, "admin")
    specialist = mine.account("chuyenvien")
    assert specialist["department"]["code"] == "KT"
    assert specialist["department"]["name"] == "Phòng Kinh tế"
    assert mine.account("lanhdao")["department"] is None  # leaders stand above the departments
    th = mine("POST", "/admin/departments", {"code": "TH", "name": "Phòng Tổng hợp"}).json()
    stc_ns = next(d for d in theirs("GET", "/admin/departments").json() if d["code"] == "NS")

    moved = mine("PATCH", f"/admin/users/{specialist['id']}", {"department_id": th["id"]})
    assert moved.status_code == 200, moved.text
    assert moved.json()["department"] == {
        "id": th["id"],
        "code": "TH",
        "name": "Phòng Tổng hợp",
        "organisation": "UBND-T",
    }
    colleagues = requests.get(
        f"{server.api_url}/colleagues", headers=server.headers("clerk"), timeout=10
    ).json()
    assert next(c for c in colleagues if c["username"] == "chuyenvien")["department"] == (
        "Phòng Tổng hợp"
    )  # whom a leader assigns to is listed under the new department

    # Another organisation's department is refused, by its administrator and the province's.
    for api in (mine, province):
        wrong = api("PATCH", f"/admin/users/{specialist['id']}", {"department_id": stc_ns["id"]})
        assert wrong.status_code == 422, wrong.text
        assert wrong.json()["error"]["code"] == "unknown_department"
        assert "UBND-T" in wrong.json()["error"]["message_vi"]
    missing = mine("PATCH", f"/admin/users/{specialist['id']}", {"department_id": 999999})
    assert missing.status_code == 422
    both = mine(
        "PATCH",
        f"/admin/users/{specialist['id']}",
        {"department_id": stc_ns["id"], "active": False},
    )
    assert both.status_code == 422 and mine.account("chuyenvien")["active"]  # nothing half-done
    assert mine.account("chuyenvien")["department"]["code"] == "TH"
    outsider = theirs("PATCH", f"/admin/users/{specialist['id']}", {"department_id": None})
    assert outsider.status_code == 404

    cleared = mine("PATCH", f"/admin/users/{specialist['id']}", {"department_id": None})
    assert cleared.status_code == 200 and cleared.json()["department"] is None
    changes = [json.loads(d) for d in _audit(server, "user_change")]
    assert {"user": "chuyenvien", "department": ["KT", "TH"]} in changes
    assert {"user": "chuyenvien", "department": ["TH", None]} in changes
    role = mine("PATCH", f"/admin/users/{specialist['id']}", {"role": "clerk"})
    assert role.status_code == 200
    assert json.loads(_audit(server, "user_change")[-1]) == {
        "user": "chuyenvien",
        "role": ["specialist", "clerk"],
    }

    # A new account may join a department at once; another organisation's is refused first.
    new = {"username": "moi.th", "full_name": "Người Mới", "role": "clerk"}
    refused = mine(
        "POST", "/admin/users", {**new, "organisation": "UBND-T", "department_id": stc_ns["id"]}
    )
    assert refused.status_code == 422
    assert "moi.th" not in {a["username"] for a in mine("GET", "/admin/users").json()}
    created = mine(
        "POST", "/admin/users", {**new, "organisation": "UBND-T", "department_id": th["id"]}
    )
    assert created.status_code == 201, created.text
    assert created.json()["account"]["department"]["code"] == "TH"


def test_the_server_cli_keeps_departments(server_factory) -> None:
    server = server_factory()
    added = admin(server, "dept", "add", "TH", "Phòng Tổng hợp", "--org", "STC")
    assert added.returncode == 0, added.stderr
    again = admin(server, "dept", "add", "TH", "Khác", "--org", "STC")
    assert again.returncode == 1 and "đã có phòng ban mã TH" in again.stderr
    assert "Traceback" not in again.stderr
    renamed = admin(server, "dept", "rename", "TH", "Phòng Tổng hợp - HC", "--org", "STC")
    assert renamed.returncode == 0 and "Phòng Tổng hợp - HC" in renamed.stdout
    listing = admin(server, "dept", "list", "--org", "STC")
    assert "Phòng Tổng hợp - HC" in listing.stdout and "Phòng Kinh tế" not in listing.stdout
    placed = admin(server, "user", "set", "chuyenvien.stc", "--department", "TH")
    assert placed.returncode == 0, placed.stderr
    api = Api(server, "other_admin")
    assert api.account("chuyenvien.stc")["department"]["code"] == "TH"
    wrong = admin(server, "user", "set", "chuyenvien.stc", "--department", "KT")  # UBND-T's
    assert wrong.returncode == 1 and "KT" in wrong.stderr and "Traceback" not in wrong.stderr
    assert admin(server, "user", "set", "chuyenvien.stc", "--no-department").returncode == 0
    assert api.account("chuyenvien.stc")["department"] is None
    assert {"user": "chuyenvien.stc", "department": ["NS", "TH"]} in [
        json.loads(d) for d in _audit(server, "user_change")
    ]
