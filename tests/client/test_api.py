"""The typed API client against the real server on loopback."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading

import pytest

from client.api import ApiClient
from client.errors import (
    AuthError,
    Conflict,
    NotFound,
    PermissionDenied,
    ServerUnavailable,
    TransferCancelled,
)
from client.records import DocumentFilter
from tests.fixtures.outgoing import signed_outgoing


def login(server, role: str = "clerk") -> ApiClient:
    client = ApiClient(server.base_url)
    client.login(*server.credentials(role))
    return client


def test_login_and_me(live_server) -> None:
    client = login(live_server)
    me = client.me()
    assert me.username == "vanthu" and me.role == "clerk"
    assert me.organisation_name.startswith("Ủy ban nhân dân")


def test_wrong_password_is_auth_error_with_vietnamese_message(live_server) -> None:
    with pytest.raises(AuthError) as info:
        ApiClient(live_server.base_url).login("lanhdao", "sai-mat-khau")
    assert "mật khẩu" in info.value.message("vi")
    assert "password" in info.value.message("en")


def test_number_as_a_step_and_list_with_filters(live_server) -> None:
    client = login(live_server)
    signed = signed_outgoing(
        live_server,
        "Phê duyệt quy hoạch sử dụng đất đai năm 2026",
        doc_type="Quyết định",
        code_notation="QĐ-UBND",
    )
    doc = client.get_document(signed["id"])
    assert doc.status == "signed" and doc.number_symbol == ""
    coming = client.next_number(doc.id)
    assert coming.number_symbol == f"{coming.number:02d}/QĐ-UBND" and coming.year >= 2026
    numbered = client.take_step(doc.id, "number", doc.revision)
    assert numbered.number_symbol == coming.number_symbol and numbered.status == "numbered"
    page = client.list_documents(DocumentFilter(direction="outgoing", q="dat dai"))
    assert doc.id in [d.id for d in page.items]
    with pytest.raises(Conflict):
        client.take_step(doc.id, "number", numbered.revision)


def test_idempotency_key_creates_once(live_server) -> None:
    client = login(live_server, "archivist")
    fields = {"direction": "incoming", "subject": "Hồ sơ lưu trữ số hoá"}
    first = client.create_document(fields, idempotency_key="scan-abc")
    second = client.create_document(fields, idempotency_key="scan-abc")
    assert first.id == second.id


def test_role_permissions(live_server) -> None:
    with pytest.raises(PermissionDenied):
        login(live_server, "leader").create_document({"direction": "outgoing", "subject": "x"})
    with pytest.raises(NotFound):
        login(live_server).get_document(10**9)


def test_upload_download_and_stale_version(live_server, tmp_path) -> None:
    client = login(live_server, "leader")
    clerk = login(live_server)
    doc = clerk.create_document({"direction": "outgoing", "subject": "Tờ trình ký số"})
    source = tmp_path / "bản gốc.pdf"
    source.write_bytes(os.urandom(9 * 1024 * 1024 + 17))
    seen: list[int] = []
    result = client.upload_file(source, progress=lambda done, total: seen.append(done))
    assert not result.duplicate and seen[-1] == source.stat().st_size
    again = client.upload_file(source)
    assert again.duplicate and again.sha256 == result.sha256
    version = client.add_version(
        doc.id, result.sha256, source.name, "ký số bởi Trần Quốc Việt", base_version=0
    )
    assert version.number == 1
    with pytest.raises(Conflict):
        client.add_version(doc.id, result.sha256, source.name, "ký lại", base_version=0)
    target = client.download(result.sha256, tmp_path / "out" / "tải về.pdf")
    assert target.read_bytes() == source.read_bytes()


def test_cancelled_upload_resumes_byte_exact(live_server, tmp_path) -> None:
    client = login(live_server, "archivist")
    source = tmp_path / "scan.pdf"
    source.write_bytes(os.urandom(13 * 1024 * 1024))
    cancel = threading.Event()

    def stop_after_first_chunk(done: int, _total: int) -> None:
        if done >= 4 * 1024 * 1024:
            cancel.set()

    with pytest.raises(TransferCancelled):
        client.upload_file(source, progress=stop_after_first_chunk, cancel=cancel)
    offsets: list[int] = []
    result = client.upload_file(source, progress=lambda done, total: offsets.append(done))
    assert offsets[0] >= 4 * 1024 * 1024  # continued, not restarted
    assert result.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert client.download(result.sha256, tmp_path / "back.pdf").read_bytes() == source.read_bytes()


def test_upload_with_document_creates_it_once(live_server, tmp_path) -> None:
    client = login(live_server, "archivist")
    source = tmp_path / "Quyết định 15.pdf"
    source.write_bytes(
        os.urandom(5 * 1024 * 1024 + 3)
    )  # two chunks: the document comes with the last
    fields = {
        "direction": "incoming",
        "doc_type": "Quyết định",
        "subject": "Quyết định 15",
        "issued_date": dt.date(2026, 11, 20),
    }
    result = client.upload_file(source, document=fields, idempotency_key="test:q15")
    assert result.document_created and result.document is not None
    assert result.document.issued_date == dt.date(2026, 11, 20)
    assert result.document.versions[0].sha256 == result.sha256
    again = client.upload_file(source, document=fields, idempotency_key="test:q15")
    assert (
        again.duplicate and not again.document_created and again.document.id == result.document.id
    )


def test_change_feed_has_upserts_and_tombstones(live_server) -> None:
    clerk, admin = login(live_server), login(live_server, "admin")
    since = clerk.changes(0, limit=1000)
    while since.has_more:
        since = clerk.changes(since.next_since, limit=1000)
    doc = clerk.create_document({"direction": "incoming", "subject": "Giấy mời họp"})
    admin.delete_document(doc.id)
    page = clerk.changes(since.next_since)
    kinds = [(c.document_id, c.kind) for c in page.changes]
    assert kinds == [(doc.id, "delete")]  # the create and delete collapse into one tombstone


def test_server_down_is_clear_error(server_factory) -> None:
    server = server_factory()
    client = login(server)
    server.stop()
    with pytest.raises(ServerUnavailable) as info:
        client.me()
    assert "máy chủ" in info.value.message("vi")


@pytest.mark.parametrize(
    "url",
    [
        "http://vanban.example.gov.vn",
        "http://10.0.0.5:8000",
        "ftp://127.0.0.1",
        "vanban.example.gov.vn",
    ],
)
def test_plain_http_off_this_machine_is_refused_without_touching_the_network(
    url, monkeypatch
) -> None:
    import socket

    from client.errors import InsecureServer

    def no_network(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the network was touched")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(InsecureServer) as refused:
        ApiClient(url)
    assert "https://" in refused.value.message("vi") and "https://" in refused.value.message("en")
    assert ApiClient(url, allow_insecure_http=True).base_url == url  # only when the user confirms


@pytest.mark.parametrize(
    "url",
    [
        "https://vanban.example.gov.vn",
        "http://127.0.0.1:8000",
        "http://localhost",
        "http://[::1]:9",
    ],
)
def test_https_and_loopback_are_accepted(url) -> None:
    assert ApiClient(url).base_url == url
