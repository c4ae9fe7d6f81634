"""Shared test set-up.

Fixtures live in ``tests/fixtures/`` as plugins, one concern per module.
``require_tool`` makes a missing external dependency (SoftHSM2, poppler,
PostgreSQL) skip locally but *fail* under ``CI=true``: CI never skips
silently.
"""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    name
    for name in (
        "tests.fixtures.server",
        "tests.fixtures.token",
        "tests.fixtures.pki",
        "tests.fixtures.postgres",
    )
    if __import__("importlib.util").util.find_spec(name) is not None
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing_dependency(reason: str) -> None:
    """Skip the test locally; fail it in CI, where everything must be installed."""
    if in_ci():
        pytest.fail(f"missing test dependency in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def require_tool(executable: str) -> str:
    """Path of an external program, or skip/fail as ``missing_dependency``."""
    path = shutil.which(executable)
    if path is None:
        missing_dependency(f"{executable} is not installed")
    return path  # type: ignore[return-value]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own VANTHU_HOME so nothing touches the real profile."""
    home = tmp_path_factory.mktemp("vanthu-home")
    monkeypatch.setenv("VANTHU_HOME", str(home))
    monkeypatch.setenv("VANTHU_LANG", "vi")
    yield home
