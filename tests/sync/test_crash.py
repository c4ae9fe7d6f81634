"""The engine killed with SIGKILL mid-upload, then restarted: every file on
the server exactly once and byte-identical, nothing left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pymupdf

from tests.sync.conftest import archivist, server_documents, wait_for

ROOT = Path(__file__).resolve().parents[2]


def _watch(folder: Path, env: dict, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "watch",
            str(folder),
            "--stability",
            "0.3",
            "--quiet",
            *extra,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_sigkill_mid_upload_then_restart(server_factory, tmp_path) -> None:
    server = server_factory()
    env = {
        **os.environ,
        "VANTHU_SERVER": server.base_url,
        "VANTHU_TOKEN": server.token("archivist"),
    }
    folder = tmp_path / "scans"
    folder.mkdir()
    originals = {}
    for name in (f"hồ sơ {i:02d}" for i in range(16)):
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), name)
        doc.embfile_add("scan.bin", os.urandom(6 * 1024 * 1024))
        data = doc.tobytes()
        originals[name] = data
        (folder / f"{name.replace(' ', '_')}.pdf").write_bytes(data)

    first = _watch(folder, env)
    wait_for(lambda: len(server_documents(server)) >= 2, timeout=60)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert len(server_documents(server)) < 16  # really killed mid-batch

    second = _watch(folder, env, "--exit-when-idle")
    assert second.wait(timeout=180) == 0, second.stderr.read().decode()[-2000:]
    docs = server_documents(server)
    assert sorted(d.subject for d in docs) == sorted(originals)  # exactly once each
    client = archivist(server)
    for doc in docs:
        data = client.session.get(
            f"{client.api_url}/files/{doc.latest_version.sha256}",
            headers={"Authorization": f"Bearer {client.token}"},
        ).content
        assert data == originals[doc.subject]
    assert not list(folder.glob("*.pdf"))
    assert len(list((folder / "done").rglob("*.pdf"))) == 16
