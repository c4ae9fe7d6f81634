"""``main.py --version`` and ``self-test`` from the source tree (the bundle is tested in test_bundle)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_version_comes_from_pyproject() -> None:
    reply = run_main("--version")
    assert reply.returncode == 0 and reply.stdout.strip() == f"vanthu {project_version()}"


def test_self_test_passes_from_source_with_a_token(softhsm_token) -> None:
    reply = run_main("self-test", "--pkcs11-module", softhsm_token.module_path)
    assert reply.returncode == 0, reply.stdout + reply.stderr
    lines = reply.stdout.splitlines()
    assert sum(line.startswith("[OK  ]") for line in lines) == 8  # 7 checks + the token
    assert any("pkcs11" in line and softhsm_token.token_label in line for line in lines)
    assert "self-test passed (source" in lines[-1]


def test_self_test_fails_loudly_on_a_broken_part(tmp_path) -> None:
    fake = tmp_path / "vnpt-ca_csp11.so"
    fake.write_bytes(b"not a library")
    reply = run_main("self-test", "--pkcs11-module", str(fake))
    assert reply.returncode == 1
    [failed] = [line for line in reply.stdout.splitlines() if line.startswith("[LỖI ]")]
    assert "pkcs11" in failed and str(fake) in failed
    assert "FAILED" in reply.stdout.splitlines()[-1]
