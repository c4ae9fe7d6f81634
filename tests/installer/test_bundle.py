"""The PyInstaller spec builds a Linux one-folder app whose binary passes ``self-test`` headless."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import missing_dependency
from tests.installer.test_self_test import ROOT, project_version

MAX_BUNDLE_MB = (
    400  # measured 327 MB on Linux (PySide6 Essentials + PyMuPDF); catches a Qt module creeping in
)


def _size_mb(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 1024
        / 1024
    )


@pytest.mark.slow
def test_spec_builds_a_bundle_that_passes_self_test(softhsm_token, tmp_path) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        missing_dependency("pyinstaller is not installed (the 'test' extra lists it)")
    started = time.monotonic()
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "installer" / "vanthu.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "VanThuSo"
    size = _size_mb(bundle)
    print(f"bundle: {size:.0f} MB, built in {time.monotonic() - started:.0f} s")
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"} | {"QT_QPA_PLATFORM": "offscreen"}
    check = subprocess.run(
        [str(bundle / "vanthu"), "self-test", "--pkcs11-module", softhsm_token.module_path],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=tmp_path,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "self-test passed (bundle" in check.stdout
    version = subprocess.run(
        [str(bundle / "vanthu"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"vanthu {project_version()}"
    assert (bundle / "VanThuSo").is_file()  # the desktop launcher beside the CLI one
    assert size < MAX_BUNDLE_MB
    assert not list(bundle.rglob("*WebEngine*")) and not list(bundle.rglob("libQt6Qml*"))
