"""The trust list the server distributes: province-wide, per organisation, administrators only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import requests

from tests.fixtures.server import ROOT

ANCHORS = ROOT / "resources" / "trust"
NATIONAL_ROOT = "BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7"


def _pem(name: str) -> str:
    return (ANCHORS / name).read_text("ascii")


def test_administrators_keep_the_list_and_every_client_reads_its_own(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    api = server.api_url

    def call(role: str, method: str, path: str, **kw):  # type: ignore[no-untyped-def]
        return requests.request(method, api + path, headers=server.headers(role), timeout=10, **kw)

    assert call("clerk", "GET", "/trust").json() == []
    vnpt = _pem("vnpt-ca-sha2.pem")
    # Nobody but an administrator changes the list; an organisation's one only their own.
    assert call("clerk", "POST", "/admin/trust", json={"pem": vnpt}).status_code == 403
    assert (
        call(
            "leader", "PATCH", f"/admin/trust/{NATIONAL_ROOT}", json={"enabled": False}
        ).status_code
        == 403
    )
    assert (
        call(
            "other_admin", "POST", "/admin/trust", json={"pem": vnpt, "organisation": "UBND-T"}
        ).status_code
        == 404
    )
    added = call("admin", "POST", "/admin/trust", json={"pem": vnpt, "pki": "public"})
    assert added.status_code == 201, added.text
    assert added.json()["scope"] == "province" and added.json()["enabled"]
    # The organisation's administrator disables a built-in root for their organisation only.
    off = call("org_admin", "PATCH", f"/admin/trust/{NATIONAL_ROOT}", json={"enabled": False})
    assert off.status_code == 200, off.text
    assert "BEGIN CERTIFICATE" in off.json()["pem"] and off.json()["pki"] == "public"
    mine = {e["sha256"]: e for e in call("clerk", "GET", "/trust").json()}
    theirs = {e["sha256"]: e for e in call("other_clerk", "GET", "/trust").json()}
    assert mine[NATIONAL_ROOT]["enabled"] is False and NATIONAL_ROOT not in theirs
    assert set(mine) - {NATIONAL_ROOT} == set(theirs)  # the province's entry reaches everyone
    audit = subprocess.run(
        [sys.executable, "main.py", "admin", "trust", "list", "--data-dir", str(server.data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert added.json()["sha256"] in audit.stdout


def test_bad_certificates_are_refused_with_422(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    not_der = "-----BEGIN CERTIFICATE-----\n" + "AAAA" * 20 + "\n-----END CERTIFICATE-----\n"
    for pem in ("not a pem", _pem("vnpt-ca-sha2.pem") * 2, not_der):
        reply = requests.post(
            server.api_url + "/admin/trust",
            json={"pem": pem},
            headers=server.headers("admin"),
            timeout=10,
        )
        assert reply.status_code == 422, reply.text
        assert reply.json()["error"]["message_vi"] and reply.json()["error"]["message_en"]
    assert reply.json()["error"]["message_vi"].startswith("Chứng thư không hợp lệ")
    unknown = requests.patch(
        server.api_url + "/admin/trust/" + "AB" * 32,
        json={"enabled": False},
        headers=server.headers("admin"),
        timeout=10,
    )
    assert unknown.status_code == 404


def test_the_admin_command_adds_and_disables(tmp_path: Path) -> None:
    data = tmp_path / "srv"

    def admin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", "admin", "trust", *args, "--data-dir", str(data)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    added = admin("add", str(ANCHORS / "vnpt-ca-sha2.pem"), "--pki", "public")
    assert added.returncode == 0, added.stderr
    off = admin("disable", NATIONAL_ROOT)
    assert off.returncode == 0 and "disabled" in off.stdout
    listing = admin("list")
    assert NATIONAL_ROOT in listing.stdout and "off" in listing.stdout
    assert admin("disable", "AB" * 32).returncode == 1
