"""End to end: ``serve --blob-store s3://…`` against the S3-compatible server on loopback — a PDF
uploaded through the API, made a document, downloaded whole and in ranges; ``admin blobs scrub``
on the same store; and a store that cannot work stops ``serve`` with a sentence."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.s3 import S3Server
from tests.fixtures.server import ROOT, LiveServer
from tests.server.test_access import Caller

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n"


def _store_args(s3: S3Server, bucket: str) -> tuple[str, ...]:
    return ("--blob-store", f"s3://{bucket}/tinh", "--s3-endpoint-url", s3.endpoint_url)


def _scrub(server: LiveServer, s3: S3Server, bucket: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "admin", "blobs", "scrub"]
        + ["--data-dir", str(server.data_dir), *_store_args(s3, bucket)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **s3.env},
    )


def test_a_server_on_s3_takes_serves_and_scrubs_files(s3: S3Server, tmp_path: Path) -> None:
    bucket = s3.bucket("serve")
    raw = s3.client()
    server = LiveServer(tmp_path / "server", extra_args=_store_args(s3, bucket), env=s3.env)
    server.start()
    try:
        clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
        pdf = PDF + os.urandom(9 * 1024 * 1024)  # more than one 8 MB part
        sha = hashlib.sha256(pdf).hexdigest()
        assert clerk.upload(pdf, "công văn.pdf")["status"] == "complete"
        doc = clerk.create(subject="Công văn lưu trên S3", file_sha256=sha)
        key = f"tinh/{sha[:2]}/{sha[2:4]}/{sha}"
        assert raw.head_object(Bucket=bucket, Key=key)["ContentLength"] == len(pdf)
        assert not (server.data_dir / "blobs").exists()  # nothing stored on the server's disk
        before = leader.get(f"/documents/{doc['id']}/accesses").json()["counts"]["download"]

        content = f"/documents/{doc['id']}/versions/1/content"
        whole = leader.get(content)
        assert whole.status_code == 200 and whole.content == pdf
        assert whole.headers["etag"] == f'"{sha}"'
        assert whole.headers["content-type"] == "application/pdf"
        assert whole.headers["accept-ranges"] == "bytes"
        assert whole.headers["content-disposition"] == f'attachment; filename="{sha[:12]}.pdf"'
        part = leader.get(content, headers={"Range": "bytes=100-1099"})
        assert part.status_code == 206 and part.content == pdf[100:1100]
        assert part.headers["content-range"] == f"bytes 100-1099/{len(pdf)}"
        tail = leader.get(f"/files/{sha}", headers={"Range": "bytes=-10"})
        assert tail.status_code == 206 and tail.content == pdf[-10:]
        two = leader.get(content, headers={"Range": "bytes=0-8,9000000-9000009"})
        assert two.status_code == 206
        assert two.headers["content-type"].startswith("multipart/byteranges; boundary=")
        assert b"\r\n\r\n" + pdf[:9] + b"\r\n--" in two.content
        assert b"\r\n\r\n" + pdf[9_000_000:9_000_010] + b"\r\n--" in two.content
        assert int(two.headers["content-length"]) == len(two.content)
        head = leader.request("HEAD", f"/files/{sha}")
        assert head.status_code == 200 and head.content == b""
        assert int(head.headers["content-length"]) == len(pdf)
        beyond = leader.get(content, headers={"Range": f"bytes={len(pdf)}-"})
        assert (
            beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{len(pdf)}"
        )
        stale = leader.get(content, headers={"Range": "bytes=0-9", "If-Range": '"other"'})
        assert stale.status_code == 200 and len(stale.content) == len(pdf)
        after = leader.get(f"/documents/{doc['id']}/accesses").json()["counts"]["download"]
        assert after - before == 3  # whole, from byte 0, If-Range whole; not HEAD, not the rest

        # A fault in the object store: the scrub finds it, quarantines it, an upload heals it.
        flipped = bytearray(pdf)
        flipped[5_000_000] ^= 0xFF
        raw.put_object(Bucket=bucket, Key=key, Body=bytes(flipped))
        scrub = _scrub(server, s3, bucket)
        assert scrub.returncode == 1, scrub.stdout + scrub.stderr
        assert f"damaged: {sha}" in scrub.stdout and "Traceback" not in scrub.stderr
        quarantined = raw.list_objects_v2(Bucket=bucket, Prefix="tinh/quarantine/")["Contents"]
        assert [item["Key"].split("/")[-1].split("-")[0] for item in quarantined] == [sha]
        assert leader.get(content).status_code == 404
        assert clerk.upload(pdf, "lại.pdf")["status"] == "complete"
        assert leader.get(content).content == pdf
        assert _scrub(server, s3, bucket).returncode == 0
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("store", "endpoint", "vi", "en"),
    [
        ("s3://khong-co-bucket/tinh", None, "bucket không tồn tại", "the bucket does not exist"),
        ("s3://vanthu/tinh", "http://minio.tinh.gov.vn:9000", "HTTP thường", "Plain HTTP"),
    ],
)
def test_a_store_that_cannot_work_stops_serve_with_a_sentence(
    s3: S3Server, tmp_path: Path, store: str, endpoint: str | None, vi: str, en: str
) -> None:
    args = ("--blob-store", store, "--s3-endpoint-url", endpoint or s3.endpoint_url)
    server = LiveServer(tmp_path / "server", extra_args=args, env=s3.env)
    with pytest.raises(RuntimeError, match="server exited"):
        server.start()
    log = (server.data_dir / "server.log").read_text("utf-8")
    assert vi in log and en in log
    assert "Traceback" not in log and "vanthu-test-secret" not in log
