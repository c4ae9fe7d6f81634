"""The client CLI against the real server (token via environment, as scripts do)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_whoami_and_documents(live_server) -> None:
    env = {"VANTHU_SERVER": live_server.base_url, "VANTHU_TOKEN": live_server.token("clerk")}
    assert "Nguyễn Thị Hồng Nhung" in run("whoami", env=env).stdout
    listing = run("documents", "--limit", "5", env=env)
    assert listing.returncode == 0 and "Trích yếu" in listing.stdout


def test_not_signed_in_is_a_clear_message(live_server) -> None:
    result = run("whoami", env={"VANTHU_SERVER": "", "VANTHU_TOKEN": ""})
    assert result.returncode == 1
    assert "Chưa đăng nhập" in result.stderr and "Traceback" not in result.stderr


def test_wrong_password_on_login(live_server) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "login",
            "--server",
            live_server.base_url,
            "--username",
            "vanthu",
            "--password-stdin",
        ],
        input="sai\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "Sai tên đăng nhập hoặc mật khẩu" in result.stderr


NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _login(server, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "login",
            "--server",
            server.base_url,
            "--username",
            "vanthu",
            "--password-stdin",
            *extra,
        ],
        input="VanThu@2026\n",
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "VANTHU_SERVER": "", "VANTHU_TOKEN": "", **(env or {})},
    )


def test_without_a_keyring_login_says_what_to_do_and_stores_nothing(
    live_server, _isolated_home
) -> None:
    result = _login(live_server, env=NO_KEYRING)
    assert (
        result.returncode == 1
        and "--store file" in result.stderr
        and "--print-token" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (_isolated_home / "config" / "login.json").exists()
    assert not (_isolated_home / "config" / "login-token").exists()


def test_store_file_keeps_the_token_private_and_works_without_a_keyring(
    live_server, _isolated_home
) -> None:
    result = _login(live_server, "--store", "file", env=NO_KEYRING)
    assert result.returncode == 0, result.stderr
    assert "CẢNH BÁO" in result.stderr and "VanThu@2026" not in result.stdout + result.stderr
    token_file = _isolated_home / "config" / "login-token"
    assert token_file.stat().st_mode & 0o777 == 0o600
    assert (_isolated_home / "config" / "login.json").stat().st_mode & 0o777 == 0o600
    clear = {"VANTHU_SERVER": "", "VANTHU_TOKEN": "", **NO_KEYRING}
    assert "Nguyễn Thị Hồng Nhung" in run("whoami", env=clear).stdout
    token = token_file.read_text().strip()
    logged_out = run("logout", env=clear)
    assert logged_out.returncode == 0 and not token_file.exists()
    import requests

    reply = requests.get(
        f"{live_server.api_url}/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert reply.status_code == 401  # logout revoked the server token, keyring or not


def test_print_token_for_scripts(live_server, _isolated_home) -> None:
    result = _login(live_server, "--print-token", env=NO_KEYRING)
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip()
    assert len(token) > 20 and not (_isolated_home / "config" / "login.json").exists()
    whoami = run("whoami", env={"VANTHU_SERVER": live_server.base_url, "VANTHU_TOKEN": token})
    assert "Nguyễn Thị Hồng Nhung" in whoami.stdout


def test_logout_while_the_server_is_down_still_forgets_the_sign_in(
    server_factory, _isolated_home
) -> None:
    server = server_factory()
    assert _login(server, "--store", "file", env=NO_KEYRING).returncode == 0
    server.stop()
    clear = {"VANTHU_SERVER": "", "VANTHU_TOKEN": "", **NO_KEYRING}
    logged_out = run("logout", env=clear)
    assert logged_out.returncode == 0 and "Traceback" not in logged_out.stderr
    assert "chưa xác nhận" in logged_out.stderr and "did not confirm" in logged_out.stderr
    assert not (_isolated_home / "config" / "login-token").exists()
    assert not (_isolated_home / "config" / "login.json").exists()


def test_an_administrator_keeps_departments_from_the_command_line(server_factory) -> None:
    server = server_factory()
    env = {"VANTHU_SERVER": server.base_url, "VANTHU_TOKEN": server.token("org_admin")}
    added = run("departments", "add", "TH", "Phòng Tổng hợp", env=env)
    assert added.returncode == 0, added.stderr
    assert "UBND-T TH — Phòng Tổng hợp" in added.stdout
    again = run("departments", "add", "TH", "Khác", env=env)
    assert again.returncode == 1 and "đã có phòng ban mã TH" in again.stderr
    assert "Traceback" not in again.stderr
    renamed = run("departments", "rename", "TH", "Phòng Tổng hợp - HC", env=env)
    assert renamed.returncode == 0 and "Phòng Tổng hợp → Phòng Tổng hợp - HC" in renamed.stdout
    listing = run("departments", "list", env=env).stdout
    assert "Phòng Tổng hợp - HC" in listing and "Phòng Kinh tế" in listing
    assert "Phòng Quản lý ngân sách" not in listing  # another organisation's

    placed = run("accounts", "set", "chuyenvien", "--department", "TH", env=env)
    assert placed.returncode == 0, placed.stderr
    row = next(
        line
        for line in run("accounts", "list", env=env).stdout.splitlines()
        if " chuyenvien " in line
    )
    assert " TH " in row
    wrong = run("accounts", "set", "chuyenvien", "--department", "NS", env=env)  # STC's
    assert wrong.returncode == 1 and "NS" in wrong.stderr and "Traceback" not in wrong.stderr
    outsider = run("accounts", "set", "chuyenvien.stc", "--department", "TH", env=env)
    assert outsider.returncode == 1 and "chuyenvien.stc" in outsider.stderr
    cleared = run("accounts", "set", "chuyenvien", "--no-department", env=env)
    assert cleared.returncode == 0 and "không có" in cleared.stdout

    province = {"VANTHU_SERVER": server.base_url, "VANTHU_TOKEN": server.token("admin")}
    made = run("departments", "add", "TH", "Phòng Tổng hợp Sở", "--org", "STC", env=province)
    assert made.returncode == 0, made.stderr
    stc = run("departments", "list", "--org", "STC", env=province).stdout
    assert "Phòng Tổng hợp Sở" in stc and "Phòng Kinh tế" not in stc
    moved = run("accounts", "set", "chuyenvien.stc", "--department", "TH", env=province)
    assert moved.returncode == 0 and "Phòng Tổng hợp Sở" in moved.stdout

    clerk = {"VANTHU_SERVER": server.base_url, "VANTHU_TOKEN": server.token("clerk")}
    refused = run("departments", "list", env=clerk)
    assert refused.returncode == 1 and "quản trị" in refused.stderr
