"""The blob scrub finds bytes that rotted on disk after they were stored, and lets them heal."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from tests.fixtures.server import ROOT
from tests.server.conftest import Api


def _blobs(server) -> list:  # type: ignore[no-untyped-def]
    return sorted(p for p in (server.data_dir / "blobs").rglob("*") if p.is_file())


def test_scrub_quarantines_damaged_blobs_and_the_next_upload_replaces_them(server_factory) -> None:
    server = server_factory(documents=4, pdfs=4)
    archivist = Api(server, "archivist")
    stored = [p for p in _blobs(server) if "quarantine" not in p.parts]
    assert len(stored) >= 3
    rotten, lost, healthy = stored[0], stored[1], stored[2]
    good_bytes = rotten.read_bytes()
    flipped = bytearray(good_bytes)
    flipped[len(flipped) // 2] ^= 0xFF  # same size: only re-reading can tell
    rotten.write_bytes(bytes(flipped))
    lost.unlink()

    scrub = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "admin", "blobs", "scrub"]
        + ["--data-dir", str(server.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert scrub.returncode == 1, scrub.stdout + scrub.stderr
    assert f"damaged: {rotten.name}" in scrub.stdout and f"missing:  {lost.name}" in scrub.stdout
    assert healthy.name not in scrub.stdout and "Traceback" not in scrub.stderr
    assert not rotten.exists()
    assert any(rotten.name in p.name for p in (server.data_dir / "blobs" / "quarantine").iterdir())

    sha = hashlib.sha256(good_bytes).hexdigest()
    assert sha == rotten.name
    declared = archivist.post(
        "/uploads", json={"filename": "lại.pdf", "size": len(good_bytes), "sha256": sha}
    ).json()
    assert not declared["duplicate"] and declared["status"] == "pending"  # sent again, not "dup"
    done = archivist.patch(
        f"/uploads/{declared['id']}",
        data=good_bytes,
        headers={"Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    assert done.json()["status"] == "complete"
    assert rotten.read_bytes() == good_bytes  # healed in place
