"""The axis client against the real reference hub (uvicorn on loopback), and the wire format:
the SDK's signed ``XroadVnpt-`` headers, its operations as paths, its result objects.

Three systems: two provinces with two agencies each, and a third one that must see nothing of
theirs.  One hub for the module; a test restarts it on the same folder and port.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import socket
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from server.exchange.axis import (
    Agency,
    AxisAuthError,
    AxisClient,
    AxisError,
    AxisRefused,
    AxisSettings,
    AxisUnavailable,
    DeliveryState,
    MessageType,
    file_sha256,
)
from server.exchange.axis_protocol import (
    SignedRequest,
    check_request,
    format_timestamp,
    parse_timestamp,
    sign_request,
)
from server.exchange.hub import RunningHub, add_system, start_hub
from tests.fixtures.server import free_port

SECRETS = {sid: secrets.token_urlsafe(24) for sid in ("TINH-A", "TINH-B", "TINH-C")}
AGENCIES = {
    "TINH-A": [
        Agency("A.UBND", "Ủy ban nhân dân tỉnh A", email="vanthu@a.gov.vn"),
        Agency("A.STC", "Sở Tài chính tỉnh A", parent_code="A.UBND"),
    ],
    "TINH-B": [
        Agency("B.UBND", "Ủy ban nhân dân tỉnh B"),
        Agency("B.SNV", "Sở Nội vụ tỉnh B", parent_code="B.UBND", phone="0280 3850 000"),
    ],
    "TINH-C": [Agency("C.UBND", "Ủy ban nhân dân tỉnh C")],
}
MB = 1024 * 1024


@dataclass
class HubHandle:
    data_dir: Path
    running: RunningHub

    @property
    def url(self) -> str:
        return self.running.url

    def restart(self) -> None:
        port = self.running.port
        self.running.stop()
        self.running = start_hub(self.data_dir, port=port)

    def client(self, system_id: str, secret: str | None = None, timeout: float = 10) -> AxisClient:
        return AxisClient(
            AxisSettings(self.url, system_id, secret or SECRETS[system_id], timeout=timeout)
        )


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubHandle]:
    data_dir = tmp_path_factory.mktemp("exchange-hub")
    for system_id, secret in SECRETS.items():
        add_system(data_dir, system_id, secret)
    handle = HubHandle(data_dir, start_hub(data_dir))
    for system_id, agencies in AGENCIES.items():
        with handle.client(system_id) as client:
            for agency in agencies:
                client.register_agency(agency)
    yield handle
    handle.running.stop()


@pytest.fixture(scope="module")
def a(hub: HubHandle) -> Iterator[AxisClient]:
    with hub.client("TINH-A") as client:
        yield client


@pytest.fixture(scope="module")
def b(hub: HubHandle) -> Iterator[AxisClient]:
    with hub.client("TINH-B") as client:
        yield client


@pytest.fixture(scope="module")
def c(hub: HubHandle) -> Iterator[AxisClient]:
    with hub.client("TINH-C") as client:
        yield client


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("packages") / "goi-tin.edxml"
    path.write_bytes(b"<edXMLEnvelope>" + os.urandom(3 * MB) + b"</edXMLEnvelope>")
    return path


def _waiting(client: AxisClient, remote_id: str) -> dict[str, DeliveryState | None]:
    return {r.to: None for r in client.list_received() if r.remote_id == remote_id}


def _raw(hub: HubHandle, method: str, operation: str, headers: dict[str, str], data: bytes = b""):
    return requests.request(
        method, f"{hub.url}/{operation}", headers=headers, data=data, timeout=10
    )


def _signed(system_id: str, operation: str, now: dt.datetime | None = None, **params: str):
    """The headers of a hand-made request, as our client makes them."""
    settings = AxisSettings("http://unused", system_id, SECRETS[system_id])
    logical = {"Content-Type": "application/json", **params, "operation": operation}
    logical.setdefault("nonce", secrets.token_hex(8))
    return sign_request(settings, logical, now=now)


# -- the exchange, end to end ---------------------------------------------------------------------


def test_every_agency_is_in_the_directory(a: AxisClient) -> None:
    listed = {agency.code: agency for agency in a.list_agencies()}
    assert set(listed) == {x.code for group in AGENCIES.values() for x in group}
    assert listed["B.SNV"].name == "Sở Nội vụ tỉnh B"
    assert listed["B.SNV"].parent_code == "B.UBND" and listed["B.SNV"].system_id == "TINH-B"
    assert listed["A.UBND"] == Agency(
        "A.UBND", "Ủy ban nhân dân tỉnh A", email="vanthu@a.gov.vn", system_id="TINH-A"
    )


def test_vietnamese_agency_names_round_trip(a: AxisClient, b: AxisClient) -> None:
    agency = Agency(
        "A.VPDD",
        'Văn phòng Đoàn ĐBQH & HĐND tỉnh A – "Một cửa" 100% (Ủy quyền)',
        parent_code="A.UBND",
        email="vp@a.gov.vn",
        phone="0239 3855 555",
        fax="0239 3855 556",
    )
    a.register_agency(agency)
    try:
        listed = {x.code: x for x in b.list_agencies()}
        assert listed["A.VPDD"] == Agency(**{**agency.__dict__, "system_id": "TINH-A"})
    finally:
        a.delete_agency("A.VPDD")


def test_a_package_goes_from_one_province_to_two_agencies_of_another(
    a: AxisClient, b: AxisClient, package: Path, tmp_path: Path
) -> None:
    started = time.monotonic()
    remote_id = a.send(
        package, sender="A.UBND", to=["B.UBND", "B.SNV"], message_type=MessageType.EDOC
    )
    waiting = [r for r in b.list_received() if r.remote_id == remote_id]
    assert time.monotonic() - started < 5
    assert sorted(r.to for r in waiting) == ["B.SNV", "B.UBND"]
    first = waiting[0]
    assert first.sender == "A.UBND" and first.message_type is MessageType.EDOC
    assert first.size == package.stat().st_size and first.sha256 == file_sha256(package)
    assert abs(first.sent_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert remote_id not in {r.remote_id for r in b.list_received(MessageType.STATUS)}

    got = b.fetch(remote_id, tmp_path / "in" / "goi.edxml")
    assert file_sha256(got) == file_sha256(package)
    assert [p.name for p in got.parent.iterdir()] == ["goi.edxml"]  # no temporary left

    b.update_state(remote_id, "B.UBND", DeliveryState.DONE)
    b.update_state(remote_id, "B.SNV", DeliveryState.PROCESSING)
    assert _waiting(b, remote_id) == {"B.SNV": None}  # done is not listed again
    b.update_state(remote_id, "B.UBND", DeliveryState.DONE)  # repeating is harmless

    [sent] = [s for s in a.list_sent() if s.remote_id == remote_id]
    assert sent.sender == "A.UBND" and sent.message_type is MessageType.EDOC
    assert sent.states == {"B.UBND": DeliveryState.DONE, "B.SNV": DeliveryState.PROCESSING}
    assert remote_id not in {s.remote_id for s in a.list_sent(agency="A.STC")}
    assert remote_id not in {s.remote_id for s in b.list_sent()}


def test_a_final_state_is_not_changed(a: AxisClient, b: AxisClient, tmp_path: Path) -> None:
    small = tmp_path / "status.xml"
    small.write_bytes(b"<Status/>")
    remote_id = a.send(small, sender="A.STC", to=["B.SNV"], message_type=MessageType.STATUS)
    assert remote_id in {r.remote_id for r in b.list_received(MessageType.STATUS)}
    b.update_state(remote_id, "B.SNV", DeliveryState.FAIL)
    with pytest.raises(AxisRefused) as refused:
        b.update_state(remote_id, "B.SNV", DeliveryState.DONE)
    assert refused.value.status == 409 and refused.value.code == "state_final"
    with pytest.raises(AxisAuthError) as not_recipient:  # the sender cannot acknowledge
        a.update_state(remote_id, "B.SNV", DeliveryState.DONE)
    assert not_recipient.value.code == "not_recipient"


def test_a_package_exists_only_for_its_sender_and_recipients(
    a: AxisClient, b: AxisClient, c: AxisClient, tmp_path: Path
) -> None:
    small = tmp_path / "p.xml"
    small.write_bytes(b"<edXMLEnvelope/>")
    remote_id = a.send(small, sender="A.UBND", to=["B.UBND"], message_type=MessageType.EDOC)
    assert file_sha256(a.fetch(remote_id, tmp_path / "mine.xml")) == file_sha256(small)
    for call in (
        lambda: c.fetch(remote_id, tmp_path / "stolen.xml"),
        lambda: c.update_state(remote_id, "B.UBND", DeliveryState.DONE),
    ):
        with pytest.raises(AxisRefused) as refused:
            call()
        assert refused.value.status == 404
    assert not (tmp_path / "stolen.xml").exists()
    assert remote_id not in {r.remote_id for r in c.list_received()}
    assert remote_id not in {s.remote_id for s in c.list_sent()}


def test_an_unknown_recipient_refuses_the_whole_package(
    a: AxisClient, b: AxisClient, package: Path, hub: HubHandle
) -> None:
    before = sorted((hub.data_dir / "packages").iterdir())
    with pytest.raises(AxisRefused) as refused:  # the refusal arrives although 3 MB were sent
        a.send(package, sender="A.UBND", to=["B.UBND", "X.KHONG"], message_type=MessageType.EDOC)
    assert refused.value.code == "unknown_agency" and refused.value.status == 422
    assert "X.KHONG" in refused.value.message_vi and "X.KHONG" in refused.value.message_en
    assert sorted((hub.data_dir / "packages").iterdir()) == before


def test_only_the_owner_sends_from_or_changes_an_agency(a: AxisClient, b: AxisClient) -> None:
    small_body = Path(__file__)
    with pytest.raises(AxisAuthError) as refused:
        a.send(small_body, sender="B.UBND", to=["A.STC"], message_type=MessageType.EDOC)
    assert refused.value.code == "not_your_agency"
    with pytest.raises(AxisRefused) as taken:
        a.register_agency(Agency("B.UBND", "Mạo danh"))
    assert taken.value.code == "agency_taken"
    with pytest.raises(AxisAuthError):
        a.delete_agency("B.SNV")
    b.register_agency(Agency("B.TAMTHOI", "Tạm thời"))
    b.delete_agency("B.TAMTHOI")
    assert "B.TAMTHOI" not in {x.code for x in a.list_agencies()}


def test_a_corrupted_download_is_refused_and_leaves_nothing(
    a: AxisClient, b: AxisClient, hub: HubHandle, tmp_path: Path
) -> None:
    small = tmp_path / "p.xml"
    small.write_bytes(b"<edXMLEnvelope>original</edXMLEnvelope>")
    remote_id = a.send(small, sender="A.UBND", to=["B.UBND"], message_type=MessageType.EDOC)
    stored = hub.data_dir / "packages" / remote_id
    stored.write_bytes(stored.read_bytes().replace(b"original", b"ORIGINAL"))
    dest = tmp_path / "in" / "p.xml"
    with pytest.raises(AxisError) as corrupted:
        b.fetch(remote_id, dest)
    assert corrupted.value.code == "digest_mismatch"
    assert list(dest.parent.iterdir()) == []
    b.update_state(remote_id, "B.UBND", DeliveryState.FAIL)


def test_the_hub_keeps_pending_packages_across_a_restart(
    a: AxisClient, b: AxisClient, hub: HubHandle, tmp_path: Path
) -> None:
    small = tmp_path / "p.xml"
    small.write_bytes(b"<edXMLEnvelope>kept</edXMLEnvelope>")
    remote_id = a.send(small, sender="A.STC", to=["B.SNV"], message_type=MessageType.EDOC)
    hub.restart()
    assert _waiting(b, remote_id) == {"B.SNV": None}  # the same client, the same port
    assert b.fetch(remote_id, tmp_path / "after.xml").read_bytes() == small.read_bytes()
    b.update_state(remote_id, "B.SNV", DeliveryState.DONE)
    assert _waiting(b, remote_id) == {}


# -- refusals -------------------------------------------------------------------------------------


def test_a_wrong_secret_is_refused_in_both_languages_without_the_secret(
    hub: HubHandle, package: Path
) -> None:
    wrong = "sai-" + secrets.token_urlsafe(24)
    with hub.client("TINH-A", secret=wrong) as impostor:
        with pytest.raises(AxisAuthError) as refused:
            impostor.list_agencies()
        with pytest.raises(AxisAuthError) as refused_upload:  # 3 MB body: still the reason
            impostor.send(package, sender="A.UBND", to=["B.UBND"], message_type=MessageType.EDOC)
    for err in (refused.value, refused_upload.value):
        assert err.code == "bad_signature" and err.status == 401
        assert err.message_vi and err.message_en and err.message_vi != err.message_en
        for text in (str(err), repr(err), err.message_vi, err.message_en, *map(str, err.args)):
            assert wrong not in text and SECRETS["TINH-A"] not in text
    assert wrong not in repr(hub.client("TINH-A", secret=wrong).settings)


def test_an_unknown_system_gets_the_same_answer_as_a_wrong_secret(hub: HubHandle) -> None:
    with hub.client("TINH-Z", secret="x" * 20) as stranger:
        with pytest.raises(AxisAuthError) as refused:
            stranger.list_agencies()
    assert refused.value.code == "bad_signature"


def test_a_request_ten_minutes_old_is_refused(hub: HubHandle) -> None:
    old = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    reply = _raw(hub, "POST", "getAgenciesList", _signed("TINH-A", "getAgenciesList", old))
    assert reply.status_code == 401
    result = reply.json()
    assert result["status"] == "FAIL" and result["ErrorCode"] == "stale_timestamp"
    assert result["ErrorDesc"] == result["message_en"] and result["message_vi"]


def test_a_body_that_does_not_match_its_signed_sha256_is_refused(hub: HubHandle) -> None:
    signed_body, sent_body = b"<edXML>A</edXML>", b"<edXML>B</edXML>"
    params = {
        "Content-Type": "application/octet-stream",
        "from": "A.UBND",
        "to": '["B.UBND"]',
        "servicetype": "eDoc",
        "messagetype": "edoc",
        "sha256": hashlib.sha256(signed_body).hexdigest(),
        "size": str(len(signed_body)),
    }
    before = sorted((hub.data_dir / "packages").iterdir())
    reply = _raw(hub, "POST", "sendEdoc", _signed("TINH-A", "sendEdoc", **params), sent_body)
    assert reply.status_code == 400 and reply.json()["ErrorCode"] == "digest_mismatch"
    assert sorted((hub.data_dir / "packages").iterdir()) == before
    tampered = _signed("TINH-A", "sendEdoc", **params)
    tampered["XroadVnpt-to"] = '["B.SNV"]'  # a parameter changed after signing
    refused = _raw(hub, "POST", "sendEdoc", tampered, signed_body)
    assert refused.status_code == 401 and refused.json()["ErrorCode"] == "header_mismatch"
    unsigned = _signed("TINH-A", "sendEdoc", **params)
    unsigned["XroadVnpt-AgencyCode"] = "B.SNV"  # a parameter nobody signed
    refused = _raw(hub, "POST", "sendEdoc", unsigned, signed_body)
    assert refused.status_code == 401 and refused.json()["ErrorCode"] == "unsigned_header"


def test_a_register_body_is_covered_by_its_signed_sha256(hub: HubHandle) -> None:
    body = json.dumps({"code": "A.GIA", "name": "Giả mạo"}).encode()
    headers = _signed("TINH-A", "registerAgency", sha256=hashlib.sha256(b"{}").hexdigest())
    reply = _raw(hub, "POST", "registerAgency", headers, body)
    assert reply.status_code == 400 and reply.json()["ErrorCode"] == "digest_mismatch"


def test_a_replayed_or_redirected_request_is_refused(hub: HubHandle) -> None:
    headers = _signed("TINH-B", "getAgenciesList")
    first = _raw(hub, "GET", "getAgenciesList", headers)  # GET, or POST as the SDK sends it
    assert first.status_code == 200
    result = first.json()
    assert (result["status"], result["ErrorCode"]) == ("OK", "0")
    listed = {item["code"]: item for item in result["data"]}
    assert listed["B.SNV"]["pid"] == "B.UBND" and listed["B.SNV"]["id"] == "B.SNV"
    again = _raw(hub, "POST", "getAgenciesList", headers)
    assert again.status_code == 401 and again.json()["ErrorCode"] == "replayed"
    moved = _raw(hub, "POST", "getReceivedEdocList", _signed("TINH-B", "getAgenciesList"))
    assert moved.status_code == 401 and moved.json()["ErrorCode"] == "wrong_operation"


def test_a_fail_result_with_http_200_is_a_refusal(
    hub: HubHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real axis may answer ``FAIL`` with HTTP 200: its ErrorCode and ErrorDesc are kept."""
    answer = requests.Response()
    answer.status_code = 200
    answer.headers["Content-Type"] = "application/json"
    answer._content = b'{"status":"FAIL","ErrorCode":"-1","ErrorDesc":"Agency is not active"}'
    with hub.client("TINH-A") as client:
        monkeypatch.setattr(client._session, "request", lambda *args, **kwargs: answer)
        with pytest.raises(AxisRefused) as refused:
            client.list_agencies()
    assert refused.value.code == "-1" and refused.value.message_en == "Agency is not active"
    assert not isinstance(refused.value, AxisAuthError)


def test_a_hub_that_is_down_is_unavailable_quickly() -> None:
    settings = AxisSettings(f"http://127.0.0.1:{free_port()}", "TINH-A", "s" * 20, timeout=1)
    started = time.monotonic()
    with AxisClient(settings) as client, pytest.raises(AxisUnavailable) as down:
        client.list_received()
    assert time.monotonic() - started < 3
    assert down.value.message_vi and down.value.message_en


def test_a_hub_that_never_answers_is_unavailable_after_the_timeout() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        with AxisClient(AxisSettings(url, "TINH-A", "s" * 20, timeout=0.3)) as client:
            with pytest.raises(AxisUnavailable):
                client.list_agencies()
        assert time.monotonic() - started < 3


# -- the hub's systems and command line ----------------------------------------------------------


def test_systems_json_is_readable_by_its_owner_only(hub: HubHandle) -> None:
    mode = stat.S_IMODE((hub.data_dir / "systems.json").stat().st_mode)
    assert mode == 0o600
    with pytest.raises(ValueError):
        add_system(hub.data_dir, "TINH-D", "short")


def test_a_system_added_while_the_hub_runs_is_accepted(hub: HubHandle) -> None:
    secret = secrets.token_urlsafe(24)
    add_system(hub.data_dir, "TINH-D", secret)
    with hub.client("TINH-D", secret) as client:
        assert client.list_received() == []


def test_the_command_line_adds_a_system_and_serves_the_hub(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    import uvicorn

    from server.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("mot-khoa-bi-mat-du-dai\n"))
    assert (
        main(["exchange-hub-system", "add", "TINH-E", "--secret-stdin", "--hub-dir", str(tmp_path)])
        == 0
    )
    assert "mot-khoa-bi-mat-du-dai" not in capsys.readouterr().out
    assert '"TINH-E"' in (tmp_path / "systems.json").read_text()
    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.update(app=app, **kw))
    args = ["serve", "--exchange-hub", "--hub-dir", str(tmp_path), "--port", "8765"]
    assert main(args) == 0
    assert served["port"] == 8765 and served["app"].state.hub.data_dir == tmp_path
    assert (tmp_path / "hub.db").exists()


# -- signing, pure --------------------------------------------------------------------------------

SETTINGS = AxisSettings("https://truc.example.vn", "TINH-A", "khoa-bi-mat-0123456789")
NOW = dt.datetime(2026, 4, 12, 3, 15, 30, 123_000, tzinfo=dt.UTC)
PARAMS = {
    "Content-Type": "application/json",
    "servicetype": "eDoc",
    "messagetype": "edoc",
    "nonce": "abc",
}


def _secret_for(system_id: str) -> str | None:
    return SETTINGS.secret if system_id == SETTINGS.system_id else None


def _check(headers: dict[str, str], now: dt.datetime = NOW) -> SignedRequest:
    return check_request(headers, _secret_for, now)


def test_the_timestamp_is_vietnam_time_with_four_digit_milliseconds() -> None:
    assert format_timestamp(NOW) == "12042026T101530+0123"
    assert parse_timestamp("12042026T101530+0123") == NOW
    at = dt.datetime(2026, 12, 6, 11, 37, 12, 45_000, tzinfo=dt.UTC)
    assert format_timestamp(at) == "06122026T183712+0045"  # SimpleDateFormat's SSSS
    assert format_timestamp(at.replace(tzinfo=None)) == "06122026T183712+0045"  # naive is UTC
    assert format_timestamp(at.replace(microsecond=999_999)) == "06122026T183712+0999"
    for wrong in ("06122026T183712+1045", "06122026T183712", "2026-12-06T18:37:12"):
        with pytest.raises(ValueError):
            parse_timestamp(wrong)


def test_the_signed_headers_are_the_sdks() -> None:
    """The format pinned: each logical header as XroadVnpt-<name>, the names, the signed JSON and
    its HMAC, computed here independently."""
    headers = sign_request(SETTINGS, PARAMS, now=NOW)
    logical = {"timestamp": "12042026T101530+0123", "systemid": "TINH-A", **PARAMS}
    for name, value in logical.items():
        assert headers[f"XroadVnpt-{name}"] == value
    assert headers["XroadVnpt-sign-header-key"] == (
        "timestamp;systemid;Content-Type;servicetype;messagetype;nonce"
    )
    expected_json = (
        '{"XroadVnpt-timestamp":"12042026T101530+0123","XroadVnpt-systemid":"TINH-A",'
        '"XroadVnpt-Content-Type":"application/json","XroadVnpt-servicetype":"eDoc",'
        '"XroadVnpt-messagetype":"edoc","XroadVnpt-nonce":"abc"}'
    )
    assert headers["XroadVnpt-sign-header"] == expected_json
    assert expected_json == json.dumps(
        {f"XroadVnpt-{k}": v for k, v in logical.items()}, separators=(",", ":")
    )
    digest = hmac.new(
        b"khoa-bi-mat-0123456789", expected_json.encode("utf-8"), hashlib.sha256
    ).hexdigest()
    assert headers["XroadVnpt-hash-header"] == digest
    assert headers["XroadVnpt-version"] == "3.0.201608" and headers["User-Agent"]
    assert headers["Content-Type"] == "application/json"
    assert SETTINGS.secret not in str(headers)
    checked = _check(headers)
    assert checked.system_id == "TINH-A" and checked.sent_at == NOW
    assert checked.params["messagetype"] == "edoc" and checked.params["content-type"] == (
        "application/json"
    )
    assert _check({k.lower(): v for k, v in headers.items()}).system_id == "TINH-A"


def test_vietnamese_values_are_percent_encoded_and_signed_as_sent() -> None:
    params = {"ten": "Ủy ban nhân dân 100%", "to": '["B.UBND"]'}
    headers = sign_request(SETTINGS, params, now=NOW)
    assert all(v.isascii() for v in headers.values())  # latin-1 on the wire: ASCII here
    assert headers["XroadVnpt-ten"] == "%E1%BB%A6y%20ban%20nh%C3%A2n%20d%C3%A2n%20100%25"
    assert headers["XroadVnpt-to"] == '["B.UBND"]'  # printable ASCII goes as it is
    assert (
        json.loads(headers["XroadVnpt-sign-header"])["XroadVnpt-ten"] == (headers["XroadVnpt-ten"])
    )
    checked = _check(headers)
    assert checked.params["ten"] == "Ủy ban nhân dân 100%" and checked.params["to"] == '["B.UBND"]'


def test_a_sign_header_sent_as_raw_utf8_is_verified_over_its_bytes() -> None:
    """A client that puts UTF-8 bytes in its headers (as the SDK's JSON would be): the server
    hands them over as latin-1 text; the HMAC is over the bytes that came."""
    logical = {"timestamp": format_timestamp(NOW), "systemid": "TINH-A", "nonce": "n", "ten": "Sở"}
    signed = {f"XroadVnpt-{k}": v for k, v in logical.items()}
    text = json.dumps(signed, separators=(",", ":"), ensure_ascii=False)
    digest = hmac.new(SETTINGS.secret.encode(), text.encode("utf-8"), hashlib.sha256).hexdigest()
    wire = {
        **signed,
        "XroadVnpt-sign-header-key": ";".join(logical),
        "XroadVnpt-sign-header": text,
        "XroadVnpt-hash-header": digest,
    }
    as_received = {k: v.encode("utf-8").decode("latin-1") for k, v in wire.items()}
    assert _check(as_received).params["ten"] == "Sở"


@pytest.mark.parametrize("offset", [-299, 299])
def test_a_timestamp_within_five_minutes_is_accepted(offset: int) -> None:
    headers = sign_request(SETTINGS, PARAMS, now=NOW + dt.timedelta(seconds=offset))
    assert _check(headers).system_id == "TINH-A"


@pytest.mark.parametrize("offset", [-301, 301, -600])
def test_a_timestamp_outside_five_minutes_is_refused(offset: int) -> None:
    headers = sign_request(SETTINGS, PARAMS, now=NOW + dt.timedelta(seconds=offset))
    with pytest.raises(AxisAuthError) as refused:
        _check(headers)
    assert refused.value.code == "stale_timestamp"


def _resign_json(h: dict[str, str]) -> None:
    """Tamper with the signed JSON itself (and the header it names, to stay consistent)."""
    h["XroadVnpt-sign-header"] = h["XroadVnpt-sign-header"].replace('"edoc"', '"status"')
    h["XroadVnpt-messagetype"] = "status"


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (_resign_json, "bad_signature"),
        (lambda h: h.update({"XroadVnpt-messagetype": "status"}), "header_mismatch"),
        (lambda h: h.pop("XroadVnpt-nonce"), "header_mismatch"),
        (lambda h: h.update({"XroadVnpt-systemid": "TINH-B"}), "header_mismatch"),
        (lambda h: h.update({"XroadVnpt-extra": "1"}), "unsigned_header"),
        (lambda h: h.update({"xroadvnpt-docId": "x"}), "unsigned_header"),
        (
            lambda h: h.update(
                {"XroadVnpt-sign-header-key": "timestamp;systemid;Content-Type;nonce"}
            ),
            "header_mismatch",
        ),
        (lambda h: h.update({"Content-Type": "application/xml"}), "header_mismatch"),
        (lambda h: h.update({"XroadVnpt-hash-header": "0" * 64}), "bad_signature"),
        (lambda h: h.update({"XroadVnpt-hash-header": "ư" * 64}), "bad_signature"),
        (lambda h: h.update({"XroadVnpt-sign-header": "{not json"}), "bad_signature"),
        (lambda h: h.pop("XroadVnpt-hash-header"), "unauthorized"),
        (lambda h: h.pop("XroadVnpt-sign-header"), "unauthorized"),
    ],
)
def test_any_change_after_signing_is_refused(tamper, code: str) -> None:
    headers = sign_request(SETTINGS, PARAMS, now=NOW)
    tamper(headers)
    with pytest.raises(AxisAuthError) as refused:
        _check(headers)
    assert refused.value.code == code and refused.value.status == 401
    assert SETTINGS.secret not in str(refused.value)


def test_unsigned_sdk_headers_are_allowed() -> None:
    headers = sign_request(SETTINGS, PARAMS, now=NOW)
    assert "XroadVnpt-version" not in headers["XroadVnpt-sign-header"]  # as in the SDK
    headers["XroadVnpt-version"] = "3.0.0"
    headers["X-Forwarded-For"] = "10.0.0.1"  # headers outside XroadVnpt- are not ours to judge
    assert _check(headers).system_id == "TINH-A"


def test_a_wrong_secret_and_an_unknown_system_are_refused_alike() -> None:
    wrong = AxisSettings(SETTINGS.url, "TINH-A", "another-secret-456789")
    stranger = AxisSettings(SETTINGS.url, "TINH-X", SETTINGS.secret)
    codes = set()
    for settings in (wrong, stranger):
        with pytest.raises(AxisAuthError) as refused:
            _check(sign_request(settings, PARAMS, now=NOW))
        codes.add((refused.value.code, refused.value.message_en))
    assert len(codes) == 1


def test_settings_never_show_the_secret_and_keep_tls_on() -> None:
    assert SETTINGS.secret not in repr(SETTINGS)
    with pytest.raises(ValueError):
        AxisSettings("https://truc.example.vn", "TINH-A", "s" * 20, verify=False)
    assert AxisSettings("https://x", "A", "s" * 20, verify="/etc/ssl/ca.pem").verify
    for bad in ({"message_type": "edoc"}, {"version": "1"}, {"Timestamp": "x"}, {"a b": "c"}):
        with pytest.raises(ValueError):
            sign_request(SETTINGS, bad)  # not a header token, reserved, or given twice
