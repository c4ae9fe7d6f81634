"""The OpenAPI schema is the contract: schemathesis with every check, signed in as each role.

Every phase runs (examples, coverage, fuzzing and the stateful phase, which follows the schema's
links from a new document or upload to the routes that work on it). A failure is any answer the
schema does not describe: an undocumented status code, a response body or header that breaks its
own schema, a schema-valid request refused, a schema-invalid one accepted, a 5xx. The two
exceptions no schema can state are written in ``schemathesis.toml`` next to this file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CONFIG = Path(__file__).with_name("schemathesis.toml")
ROLES = ["clerk", "leader", "specialist", "archivist", "org_admin", "admin", "other_clerk"]


@pytest.mark.parametrize("role", ROLES)
def test_the_schema_describes_every_answer(server_factory, role: str) -> None:
    server = server_factory(documents=20)  # a fresh server: an admin's run changes accounts
    schemathesis = Path(sys.executable).with_name("schemathesis")
    result = subprocess.run(
        [
            str(schemathesis),
            "--config-file",
            str(CONFIG),
            "run",
            f"{server.api_url}/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "6",  # each role: the schema's examples, its coverage cases, then 6 random ones
            "--generation-deterministic",
            "--request-timeout",
            "10",
            "--header",
            f"Authorization: Bearer {server.token(role)}",
            "--exclude-path",
            "/api/v1/auth/logout",  # would end the session every other request runs in
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:]
    assert "Stateful" in result.stdout and "generated" in result.stdout
    log = (server.data_dir / "server.log").read_text()
    assert "unexpected server error" not in log
    assert "Traceback" not in log
