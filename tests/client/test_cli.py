"""The client CLI against the real server (token via environment, as scripts do)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=60)


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
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "login", "--server", live_server.base_url,
                             "--username", "vanthu", "--password-stdin"], input="sai\n", capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "Sai tên đăng nhập hoặc mật khẩu" in result.stderr
