"""What only the S3 store does: the SHA-256 travels as S3's checksum, large files go in parts,
and a store that cannot work stops with a sentence in both languages."""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from server.filestore import FileStoreError, open_location
from server.filestore.location import StoreKind, StoreLocation
from server.filestore.s3 import S3BlobStore
from tests.fixtures.s3 import S3Server
from tests.fixtures.server import free_port


def _store(s3: S3Server, bucket: str, tmp_path: Path) -> S3BlobStore:
    location = StoreLocation(
        StoreKind.S3, bucket=bucket, prefix="ubnd", endpoint_url=s3.endpoint_url
    )
    store = open_location(location, tmp_path / "scratch")
    assert isinstance(store, S3BlobStore)
    return store


def _watch(store: S3BlobStore) -> list[tuple[str, str, dict[str, str]]]:
    """The requests the store sends, as the server receives them (method, URL, headers)."""
    seen: list[tuple[str, str, dict[str, str]]] = []

    def record(request: Any, **_kw: Any) -> None:
        headers = {
            k.lower(): v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()
        }
        seen.append((request.method, request.url, headers))

    store.client.meta.events.register("before-send.s3.*", record)
    return seen


def test_the_sha256_travels_as_the_s3_checksum(
    s3: S3Server, s3_bucket: str, tmp_path: Path
) -> None:
    store = _store(s3, s3_bucket, tmp_path)
    seen = _watch(store)
    small = os.urandom(100_000)
    sha = hashlib.sha256(small).hexdigest()
    source = store.scratch / "small"
    source.write_bytes(small)
    store.adopt(source, sha)
    puts = [h for method, _url, h in seen if method == "PUT"]
    assert len(puts) == 1
    assert puts[0]["x-amz-checksum-sha256"] == base64.b64encode(bytes.fromhex(sha)).decode()

    seen.clear()
    large = os.urandom(20 * 1024 * 1024)
    sha = hashlib.sha256(large).hexdigest()
    source = store.scratch / "large"
    source.write_bytes(large)
    store.adopt(source, sha)
    parts = {
        int(url.rsplit("partNumber=", 1)[1].split("&")[0]): h["x-amz-checksum-sha256"]
        for method, url, h in seen
        if method == "PUT" and "partNumber=" in url
    }
    part = 8 * 1024 * 1024
    assert (
        parts
        == {  # each part checked by the server against its own SHA-256
            n + 1: base64.b64encode(
                hashlib.sha256(large[n * part : (n + 1) * part]).digest()
            ).decode()
            for n in range(3)
        }
    )
    head = s3.client().head_object(Bucket=s3_bucket, Key=store.key(sha), ChecksumMode="ENABLED")
    assert head["ETag"].strip('"').endswith("-3") and head.get("ChecksumSHA256")
    assert head["ContentLength"] == len(large)
    assert not source.exists()


def test_a_missing_bucket_stops_with_a_sentence(s3: S3Server, tmp_path: Path) -> None:
    with pytest.raises(FileStoreError) as caught:
        _store(s3, "no-such-bucket-here", tmp_path)
    assert "bucket không tồn tại" in caught.value.message_vi
    assert "the bucket does not exist" in caught.value.message_en


def test_an_unreachable_endpoint_stops_with_a_sentence(tmp_path: Path) -> None:
    location = StoreLocation(
        StoreKind.S3, bucket="vanthu", endpoint_url=f"http://127.0.0.1:{free_port()}"
    )
    with pytest.raises(FileStoreError) as caught:
        open_location(location, tmp_path / "scratch")
    assert "Không kết nối được" in caught.value.message_vi
    assert "Cannot reach" in caught.value.message_en


def test_missing_credentials_stop_with_a_sentence(
    s3: S3Server, s3_bucket: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    with pytest.raises(FileStoreError) as caught:
        _store(s3, s3_bucket, tmp_path)
    assert "AWS_ACCESS_KEY_ID" in caught.value.message_vi
    assert "No access key" in caught.value.message_en
    assert "vanthu-test-secret" not in caught.value.message_en


class _OlderServer(BaseHTTPRequestHandler):
    """An S3-compatible server from before S3 checksums (older MinIO and Ceph RGW): writes that
    carry a checksum header are answered ``501 NotImplemented``, the rest reach moto unchanged."""

    protocol_version = "HTTP/1.1"  # answers "Expect: 100-continue" at once
    upstream: tuple[str, int]
    refused: list[str]

    def log_message(self, *_args: object) -> None:
        pass

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        names = [k.lower() for k in self.headers]
        if self.command in ("PUT", "POST") and any("checksum" in k for k in names):
            self.refused.append(self.path)
            error = (
                b"<?xml version='1.0' encoding='UTF-8'?><Error><Code>NotImplemented</Code>"
                b"<Message>A header you provided implies functionality that is not implemented"
                b"</Message></Error>"
            )
            self.send_response(501)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(error)))
            self.end_headers()
            self.wfile.write(error)
            return
        upstream = http.client.HTTPConnection(*self.upstream, timeout=30)
        upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        for name, value in self.headers.items():
            upstream.putheader(name, value)
        upstream.endheaders(body)
        reply = upstream.getresponse()
        data = reply.read()
        self.send_response(reply.status)
        for name, value in reply.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        length = reply.getheader("Content-Length") if self.command == "HEAD" else None
        self.send_header("Content-Length", length or str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        upstream.close()

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = _forward


def test_a_server_without_checksums_is_written_without_them(
    s3: S3Server, s3_bucket: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    moto = urlsplit(s3.endpoint_url)
    handler = type(
        "Handler", (_OlderServer,), {"upstream": (moto.hostname, moto.port), "refused": []}
    )
    older = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=older.serve_forever, daemon=True).start()
    try:
        location = StoreLocation(
            StoreKind.S3,
            bucket=s3_bucket,
            prefix="cu",
            endpoint_url=f"http://127.0.0.1:{older.server_address[1]}",
        )
        store = open_location(location, tmp_path / "scratch")
        for size in (50_000, 9 * 1024 * 1024):  # one request, then a multipart upload
            data = os.urandom(size)
            sha = hashlib.sha256(data).hexdigest()
            source = store.scratch / "f"
            source.write_bytes(data)
            store.adopt(source, sha)
            with store.open(sha) as fh:
                assert fh.read() == data
        assert store.put_bytes(b"ban sao") == hashlib.sha256(b"ban sao").hexdigest()
    finally:
        older.shutdown()
        older.server_close()
    assert len(handler.refused) == 1  # noticed once, then every write went without
    assert "refused S3 checksums" in caplog.text
