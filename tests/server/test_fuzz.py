"""A bounded schemathesis run: no generated request may produce a 5xx."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_schemathesis_finds_no_server_error(server_factory) -> None:
    server = server_factory(documents=20)
    schemathesis = Path(sys.executable).with_name("schemathesis")
    result = subprocess.run(
        [
            str(schemathesis),
            "run",
            f"{server.api_url}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "10",
            "--generation-deterministic",
            "--request-timeout",
            "10",
            "--header",
            f"Authorization: Bearer {server.token('admin')}",
            "--exclude-path",
            "/api/v1/auth/logout",
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    log = (server.data_dir / "server.log").read_text()
    assert "unexpected server error" not in log
