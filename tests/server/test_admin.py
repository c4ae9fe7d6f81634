"""Organisations and accounts: ``vanthu admin`` on the server's own database, and the admin API."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import requests

from tests.fixtures.server import LiveServer

ROOT = Path(__file__).resolve().parents[2]


def admin(server: LiveServer, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "admin", *args, "--data-dir", str(server.data_dir)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ.copy(),
    )


def _login(server: LiveServer, username: str, password: str) -> requests.Response:
    return requests.post(
        f"{server.api_url}/auth/login",
        json={"username": username, "password": password},
        timeout=30,
    )


def test_cli_adds_disables_and_resets_accounts(server_factory) -> None:
    server = server_factory()
    assert admin(server, "org", "add", "SXD", "Sở Xây dựng tỉnh Hà Tĩnh").returncode == 0
    added = admin(
        server,
        "user",
        "add",
        "vanthu.sxd",
        "--org",
        "SXD",
        "--role",
        "clerk",
        "--full-name",
        "Nguyễn Văn Bình",
        "--title",
        "Văn thư",
        "--password-stdin",
        stdin="MatKhau@2026\n",
    )
    assert added.returncode == 0, added.stderr
    assert "MatKhau@2026" not in added.stdout + added.stderr
    token = _login(server, "vanthu.sxd", "MatKhau@2026").json()["access_token"]
    me = requests.get(
        f"{server.api_url}/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert me.json()["organisation_name"] == "Sở Xây dựng tỉnh Hà Tĩnh"
    assert admin(server, "user", "disable", "vanthu.sxd").returncode == 0
    assert _login(server, "vanthu.sxd", "MatKhau@2026").status_code == 401
    me = requests.get(
        f"{server.api_url}/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert me.status_code == 401  # a disabled account's sessions end at once
    assert admin(server, "user", "enable", "vanthu.sxd").returncode == 0
    reset = admin(
        server, "user", "reset-password", "vanthu.sxd", "--password-stdin", stdin="MoiHon@2027\n"
    )
    assert reset.returncode == 0
    assert _login(server, "vanthu.sxd", "MoiHon@2027").status_code == 200
    listing = admin(server, "user", "list", "--org", "SXD")
    assert "vanthu.sxd" in listing.stdout and "lanhdao" not in listing.stdout
    duplicate = admin(
        server,
        "user",
        "add",
        "vanthu.sxd",
        "--org",
        "SXD",
        "--role",
        "clerk",
        "--full-name",
        "X",
    )
    assert (
        duplicate.returncode == 1
        and "đã có" in duplicate.stderr
        and "Traceback" not in duplicate.stderr
    )


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=["username", "full_name", "role", "organisation", "title"]
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_csv_import_is_all_or_nothing_with_a_report_of_bad_rows(server_factory, tmp_path) -> None:
    server = server_factory()
    rows = [
        {
            "username": f"cv{i:04d}",
            "full_name": f"Chuyên viên {i}",
            "role": "specialist",
            "organisation": "STC",
            "title": "Chuyên viên",
        }
        for i in range(300)
    ]
    bad = [
        *rows,
        {
            "username": "cv0001",
            "full_name": "Trùng",
            "role": "specialist",
            "organisation": "STC",
            "title": "",
        },
        {"username": "x y", "full_name": "", "role": "boss", "organisation": "NOPE", "title": ""},
    ]
    (tmp_path / "bad.csv").write_text(_csv(bad), "utf-8")
    refused = admin(
        server,
        "user",
        "import",
        str(tmp_path / "bad.csv"),
        "--passwords-out",
        str(tmp_path / "p.csv"),
    )
    assert refused.returncode == 1 and "nothing imported" in refused.stderr
    assert (
        "line 301" in refused.stderr
        and "line 302" in refused.stderr
        and "unknown role 'boss'" in refused.stderr
    )
    assert (
        "cv0000" not in admin(server, "user", "list", "--org", "STC").stdout
    )  # nothing half-imported
    (tmp_path / "good.csv").write_text(_csv(rows), "utf-8-sig")  # Excel writes a BOM
    done = admin(
        server,
        "user",
        "import",
        str(tmp_path / "good.csv"),
        "--passwords-out",
        str(tmp_path / "p.csv"),
    )
    assert done.returncode == 0, done.stderr
    passwords = list(csv.DictReader((tmp_path / "p.csv").open(encoding="utf-8")))
    assert len(passwords) == 300 and (tmp_path / "p.csv").stat().st_mode & 0o777 == 0o600
    first = passwords[0]
    assert _login(server, first["username"], first["initial_password"]).status_code == 200


def test_the_admin_api_is_scoped_to_the_organisation(server_factory) -> None:
    server = server_factory()
    api = server.api_url
    org_admin, province = server.headers("other_admin"), server.headers("admin")
    listed = requests.get(f"{api}/admin/users", headers=org_admin, timeout=10).json()
    assert listed and {a["organisation"] for a in listed} == {"STC"}
    made = requests.post(
        f"{api}/admin/users",
        headers=org_admin,
        timeout=30,
        json={
            "username": "moi.stc",
            "full_name": "Người Mới",
            "role": "clerk",
            "organisation": "STC",
        },
    )
    assert made.status_code == 201 and len(made.json()["initial_password"]) >= 8
    elsewhere = requests.post(
        f"{api}/admin/users",
        headers=org_admin,
        timeout=30,
        json={
            "username": "moi.ubnd",
            "full_name": "Người Mới",
            "role": "clerk",
            "organisation": "UBND-T",
        },
    )
    assert elsewhere.status_code == 403
    promoted = requests.patch(
        f"{api}/admin/users/{made.json()['account']['id']}",
        headers=org_admin,
        json={"role": "province_admin"},
        timeout=10,
    )
    assert promoted.status_code == 403  # an organisation's admin cannot make a province admin
    own_org_admin = server.headers("org_admin")  # UBND-T's, where the province admin sits
    mine = requests.get(f"{api}/admin/users", headers=own_org_admin, timeout=10).json()
    top = next(a for a in mine if a["role"] == "province_admin")
    for method, path, body in (
        ("PATCH", f"/admin/users/{top['id']}", {"active": False}),
        ("PATCH", f"/admin/users/{top['id']}", {"role": "clerk"}),
        ("POST", f"/admin/users/{top['id']}/password", {"password": "Takeover@2026"}),
    ):
        reply = requests.request(method, api + path, headers=own_org_admin, json=body, timeout=10)
        assert reply.status_code == 403, (method, path, body)  # no way up to the province admin
    assert _login(server, "quantri", "QuanTri@2026").status_code == 200
    everyone = requests.get(f"{api}/admin/users", headers=province, timeout=10).json()
    assert {"UBND-T", "STC", "SNV"} <= {a["organisation"] for a in everyone}
    assert (
        requests.get(f"{api}/admin/users", headers=server.headers("clerk"), timeout=10).status_code
        == 403
    )
    org = requests.post(
        f"{api}/admin/organisations",
        headers=province,
        json={"code": "SCT", "name": "Sở Công Thương"},
        timeout=10,
    )
    assert org.status_code == 201
    assert (
        requests.post(
            f"{api}/admin/organisations",
            headers=org_admin,
            json={"code": "X", "name": "X"},
            timeout=10,
        ).status_code
        == 403
    )


def test_an_organisation_may_allow_secret_metadata_in_offline_search(server_factory) -> None:
    server = server_factory()
    headers = {"Authorization": f"Bearer {server.token('other_clerk')}"}
    me = requests.get(f"{server.api_url}/auth/me", headers=headers, timeout=10).json()
    assert me["secret_in_offline_index"] is False  # the safe default
    assert admin(server, "org", "set", "STC", "--secret-in-offline-index", "yes").returncode == 0
    me = requests.get(f"{server.api_url}/auth/me", headers=headers, timeout=10).json()
    assert me["secret_in_offline_index"] is True
    missing = admin(server, "org", "set", "NOPE", "--secret-in-offline-index", "yes")
    assert (
        missing.returncode == 1 and "NOPE" in missing.stderr and "Traceback" not in missing.stderr
    )
