"""Two provinces' servers exchange documents through the reference hub on loopback, as their
clerks, leaders and specialists work: issued to an outside agency → it arrives waiting to be
registered, with its file unchanged → each step there flows back to the sender as a status;
refusal, revocation, replacement, update and take-back; the hub down and back; a duplicate
delivery; a wrong secret."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
import requests

from tests.fixtures.exchange import Api, TwoProvinces, eventually, two_provinces
from tests.fixtures.outgoing import numbered_outgoing

__all__ = ["two_provinces"]

pytestmark = pytest.mark.timeout(600)


def _pdf(text: str) -> bytes:
    import pymupdf

    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 72), text)
    data: bytes = pdf.tobytes()
    pdf.close()
    return data


def _issue(world: TwoProvinces, subject: str, **body: Any) -> dict[str, Any]:
    """Province A's clerk issues a numbered letter to province B's UBND-T."""
    numbered = numbered_outgoing(world.a.server, subject, _pdf(subject), code_notation="UBND-VP")
    assert numbered["document_identifier"].startswith(world.a.codes["UBND-T"] + ",")
    clerk = world.a.api("clerk")
    issued = clerk.step(numbered, "issue", agencies=[world.b.codes["UBND-T"]], **body)
    assert issued["status"] == "issued" and "external" in issued["marks"]
    return issued


def _status_of(api: Api, doc_id: int, agency: str) -> str:
    for delivery in api.document(doc_id)["deliveries"]:
        if delivery["via"] == "axis" and delivery["agency_code"] == agency:
            return str(delivery["status_code"])
    return ""


def _arrived(world: TwoProvinces, issued: dict[str, Any]) -> dict[str, Any]:
    clerk = world.b.api("clerk")
    return eventually(
        lambda: clerk.exchanged(issued["document_identifier"]),
        what=f"{issued['document_identifier']} arrives in province B",
    )


def test_a_letter_travels_and_every_step_flows_back(two_provinces: TwoProvinces) -> None:
    world = two_provinces
    issued = _issue(world, "V/v phối hợp kiểm tra đê điều mùa mưa bão")
    sender = world.a.api("clerk")
    arrived = _arrived(world, issued)
    # it waits to be registered, prefilled, with the signed file unchanged
    assert arrived["status"] == "arrived" and arrived["direction"] == "incoming"
    assert arrived["subject"] == issued["subject"]
    assert arrived["code_number"] == issued["code_number"]
    assert arrived["code_notation"] == "UBND-VP"
    assert arrived["organ_name"] == issued["organ_name"] or arrived["organ_name"]
    assert arrived["versions"][0]["sha256"] == issued["versions"][-1]["sha256"]
    info = arrived["exchange"]
    assert info["sender"] == world.a.codes["UBND-T"] and info["source"] == "axis"
    assert info["signature"] in ("absent", "valid")
    b_code = world.b.codes["UBND-T"]
    eventually(lambda: _status_of(sender, issued["id"], b_code) == "01", what="01 đã đến")

    clerk_b, leader_b, specialist_b = (world.b.api(r) for r in ("clerk", "leader", "specialist"))
    doc = clerk_b.step(arrived, "register")
    eventually(lambda: _status_of(sender, issued["id"], b_code) == "03", what="03 vào sổ")
    doc = leader_b.step(doc, "assign", lead=specialist_b.me["id"])
    eventually(lambda: _status_of(sender, issued["id"], b_code) == "04", what="04 phân công")
    doc = specialist_b.step(leader_b.document(doc["id"]), "note", comment="Đang kiểm tra")
    eventually(lambda: _status_of(sender, issued["id"], b_code) == "05", what="05 đang xử lý")
    specialist_b.step(specialist_b.document(doc["id"]), "finish", comment="Đã kiểm tra xong")
    eventually(lambda: _status_of(sender, issued["id"], b_code) == "06", what="06 hoàn thành")
    trace = sender.document(issued["id"])["trace"]
    assert any(t["action"] == "exchange" and "Hoàn thành" in t["comment"] for t in trace)


def test_a_refusal_comes_back_with_its_reason(two_provinces: TwoProvinces) -> None:
    world = two_provinces
    issued = _issue(world, "V/v đề nghị cung cấp số liệu (gửi nhầm)")
    arrived = _arrived(world, issued)
    refused = world.b.api("clerk").step(arrived, "refuse", comment="Gửi nhầm đơn vị")
    assert refused["status"] == "refused"
    sender = world.a.api("clerk")
    b_code = world.b.codes["UBND-T"]
    eventually(lambda: _status_of(sender, issued["id"], b_code) == "02", what="02 từ chối")
    delivery = next(d for d in sender.document(issued["id"])["deliveries"] if d["via"] == "axis")
    assert delivery["reason"] == "Gửi nhầm đơn vị"


def test_the_hub_down_delays_and_loses_nothing(two_provinces: TwoProvinces) -> None:
    world = two_provinces
    world.stop_hub()
    try:
        issued = _issue(world, "V/v báo cáo khi trục liên thông gián đoạn")
        admin = world.a.api("admin")
        eventually(
            lambda: admin.get("/exchange/status", params={"organisation": "UBND-T"}).json()[
                "problems"
            ],
            what="the failed attempt is shown",
        )
    finally:
        world.start_hub()
    arrived = _arrived(world, issued)
    assert arrived["status"] == "arrived"


def test_a_redelivery_creates_nothing_new(two_provinces: TwoProvinces) -> None:
    world = two_provinces
    issued = _issue(world, "V/v gửi lại gói đã nhận")
    _arrived(world, issued)
    package = world.a.api("clerk").get(f"/documents/{issued['id']}/edxml")
    assert package.status_code == 200 and b"QCVN_102_2016" in package.content
    clerk_b = world.b.api("clerk")
    again = clerk_b.post(
        "/exchange/import", data=package.content, headers={"Content-Type": "application/xml"}
    ).json()
    assert again["state"] == "duplicate" and not again["created"]
    # and through the axis: the same package sent a second time by province A's system
    from server.exchange.axis import AxisClient
    from server.exchange.axis_protocol import AxisSettings, MessageType

    path = world.hub_dir.parent / "again.edxml"
    path.write_bytes(package.content)
    with AxisClient(AxisSettings(world.hub.url, world.a.system_id, world.a.secret)) as client:
        client.send(
            path,
            sender=world.a.codes["UBND-T"],
            to=[world.b.codes["UBND-T"]],
            message_type=MessageType.EDOC,
        )
    admin_b = world.b.api("admin")
    before = admin_b.get("/exchange/status", params={"organisation": "UBND-T"}).json()
    eventually(lambda: not client_pending(world), timeout=20, what="the redelivery is taken")
    copies = [
        d
        for d in clerk_b.get("/documents", params={"direction": "incoming", "limit": 500}).json()[
            "items"
        ]
        if d.get("document_identifier") == issued["document_identifier"]
    ]
    assert len(copies) == 1
    after = admin_b.get("/exchange/status", params={"organisation": "UBND-T"}).json()
    assert after["received"] == before["received"]


def client_pending(world: TwoProvinces) -> bool:
    from server.exchange.axis import AxisClient
    from server.exchange.axis_protocol import AxisSettings

    with AxisClient(AxisSettings(world.hub.url, world.b.system_id, world.b.secret)) as client:
        return bool(client.list_received())


def test_revocation_replacement_and_take_back(two_provinces: TwoProvinces) -> None:
    world = two_provinces
    clerk_a, clerk_b = world.a.api("clerk"), world.b.api("clerk")
    b_code = world.b.codes["UBND-T"]
    # revoked: the copy is withdrawn and its file is gone for its readers
    first = _issue(world, "V/v tổ chức hội nghị (sẽ thu hồi)")
    copy = _arrived(world, first)
    clerk_a.step(clerk_a.document(first["id"]), "withdraw", comment="Ban hành sai thẩm quyền")
    eventually(lambda: clerk_b.document(copy["id"])["status"] == "withdrawn", what="revoked at B")
    gone = clerk_b.get(f"/documents/{copy['id']}/versions/1/content")
    assert gone.status_code == 410
    assert any("thu hồi" in t["comment"] for t in clerk_b.document(copy["id"])["trace"])
    # replaced: the new letter arrives and the old copy says it was replaced
    old = _issue(world, "V/v kế hoạch năm (bản cũ)")
    old_copy = _arrived(world, old)
    new = _issue(world, "V/v kế hoạch năm (bản thay thế)", replaces=old["id"])
    _arrived(world, new)
    eventually(
        lambda: clerk_b.document(old_copy["id"])["status"] == "replaced", what="replaced at B"
    )
    # take back: asked (13), declined (16), asked again, agreed (15)
    asked = clerk_a.step(clerk_a.document(new["id"]), "ask_take_back", comment="Cần sửa số liệu")
    new_copy = clerk_b.exchanged(new["document_identifier"])
    assert new_copy is not None
    waiting = eventually(
        lambda: (d := clerk_b.document(new_copy["id"]))["exchange"]["take_back_reason"] and d,
        what="the take-back request at B",
    )
    assert "take_back_asked" in waiting["marks"]
    assert waiting["exchange"]["take_back_reason"] == "Cần sửa số liệu"
    kept = clerk_b.step(waiting, "decline_take_back", comment="Đã phân công xử lý")
    assert "take_back_asked" not in kept["marks"] and kept["status"] != "withdrawn"
    eventually(lambda: _status_of(clerk_a, new["id"], b_code) == "16", what="16 từ chối")
    clerk_a.step(clerk_a.document(asked["id"]), "ask_take_back", comment="Đề nghị lần hai")
    again = eventually(
        lambda: "take_back_asked" in (d := clerk_b.document(new_copy["id"]))["marks"] and d,
        what="the second request",
    )
    given = clerk_b.step(again, "agree_take_back")
    assert given["status"] == "withdrawn"
    eventually(lambda: _status_of(clerk_a, new["id"], b_code) == "15", what="15 đồng ý")


def test_an_update_changes_the_copy_and_says_so(two_provinces: TwoProvinces, tmp_path) -> None:
    world = two_provinces
    issued = _issue(world, "V/v lịch tiếp công dân tháng 12")
    copy = _arrived(world, issued)
    from edxml import BusinessDocType

    path = tmp_path / "update.edxml"
    _business_package(
        world,
        issued,
        BusinessDocType.UPDATE,
        "Sửa giờ tiếp",
        (world.a.codes["UBND-T"], "Ủy ban nhân dân tỉnh Hà Tĩnh"),
        path,
        subject="V/v lịch tiếp công dân tháng 12 (cập nhật giờ tiếp)",
        organ_name=issued["organ_name"],
    )
    outcome = (
        world.b.api("clerk")
        .post(
            "/exchange/import", data=path.read_bytes(), headers={"Content-Type": "application/xml"}
        )
        .json()
    )
    assert outcome["state"] == "applied", outcome
    updated = world.b.api("clerk").document(copy["id"])
    assert updated["subject"].endswith("(cập nhật giờ tiếp)")
    assert any("cập nhật" in t["comment"] for t in updated["trace"])


def test_a_wrong_secret_is_refused_and_shown(two_provinces: TwoProvinces) -> None:
    world = two_provinces
    world.a.connect(world.hub.url, secret="sai-khoa-bi-mat-123", org="STC")
    admin = world.a.api("admin")
    status = eventually(
        lambda: (
            (s := admin.get("/exchange/status", params={"organisation": "STC"}).json())[
                "last_error"
            ]
            and s
        ),
        what="the refusal is shown",
    )
    assert "sai-khoa" not in status["last_error"]
    assert requests.get(world.hub.url + "/", timeout=5).status_code in (200, 404)
    world.a.connect(world.hub.url, org="STC")  # put it right for the other tests
    digest = hashlib.sha256(world.a.secret.encode()).hexdigest()
    assert digest not in (world.a.server.data_dir / "server.log").read_text(errors="replace")
    assert world.a.secret not in (world.a.server.data_dir / "server.log").read_text(
        errors="replace"
    )


def test_the_exchange_is_each_organisations_own(two_provinces: TwoProvinces) -> None:
    """Another organisation's administrator neither reads nor changes UBND-T's connection,
    code or packages; a specialist does not work the exchange."""
    world = two_provinces
    outsider = world.a.api("other_admin")  # Sở Tài chính's administrator
    assert outsider.get("/exchange/status", params={"organisation": "UBND-T"}).status_code == 404
    changed = outsider.put(
        "/exchange/connection",
        json={"url": "http://127.0.0.1:9", "system_id": "x", "organisation": "UBND-T"},
    )
    assert changed.status_code == 404
    renamed = outsider.put(
        "/exchange/agency-code", json={"code": "000.00.00.H99", "organisation": "UBND-T"}
    )
    assert renamed.status_code == 404
    own = world.a.api("admin").get("/exchange/status", params={"organisation": "UBND-T"}).json()
    assert own["agency_code"] == world.a.codes["UBND-T"] and own["url"] == world.hub.url
    assert "secret" not in own and own["secret_set"] is True
    specialist = world.a.api("specialist")
    assert specialist.get("/exchange/status").status_code == 403
    assert specialist.post("/exchange/import", data=b"<x/>").status_code == 403
    bad = (
        world.a.api("clerk")
        .post(
            "/exchange/import",
            data=b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;</x>",
            headers={"Content-Type": "application/xml"},
        )
        .json()
    )
    assert bad["state"] == "rejected" and bad["problem"]


def _certificate(tmp_path, name: str, password: bytes):  # type: ignore[no-untyped-def]
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
        )
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "org.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"org", key, cert, None, BestAvailableEncryption(password)
        )
    )
    return path


def test_signed_envelope_and_signed_pdf_are_checked_at_arrival(
    two_provinces: TwoProvinces, tmp_path
) -> None:
    """Province A's administrator gives UBND-T its certificate (admin CLI, password on stdin);
    its envelopes are signed with it, and B checks the envelope and the PDF's signature."""
    import subprocess
    import sys

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from tests.fixtures.server import ROOT

    world = two_provinces
    p12 = _certificate(tmp_path, "UBND tinh Ha Tinh (test)", b"MatKhau-p12")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "admin",
            "org",
            "exchange-signing",
            "UBND-T",
            "--p12",
            str(p12),
            "--password-stdin",
            "--data-dir",
            str(world.a.server.data_dir),
        ],
        input="MatKhau-p12\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "MatKhau" not in done.stdout + done.stderr
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=b"MatKhau-p12")
    assert signer is not None
    import io

    unsigned = io.BytesIO(_pdf("Quyết định có chữ ký số"))
    signed = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(unsigned),
        signers.PdfSignatureMetadata(field_name="Signature1"),
        signer=signer,
        output=signed,
    )
    numbered = numbered_outgoing(
        world.a.server, "V/v ban hành quy chế (ký số)", signed.getvalue(), code_notation="QĐ-UBND"
    )
    issued = world.a.api("clerk").step(numbered, "issue", agencies=[world.b.codes["UBND-T"]])
    arrived = _arrived(world, issued)
    info = arrived["exchange"]
    assert info["signature"] == "valid", info
    assert "UBND tinh Ha Tinh" in info["signer"]
    signatures = [s for f in info["file_signatures"] for s in f["signatures"]]
    assert len(signatures) == 1 and "UBND tinh Ha Tinh" in signatures[0]["signer"]
    assert signatures[0]["summary_vi"] and signatures[0]["summary_en"]
    assert arrived["versions"][0]["sha256"] == hashlib.sha256(signed.getvalue()).hexdigest()


def test_the_agency_list_comes_from_the_axis_and_is_searched_without_diacritics(
    two_provinces: TwoProvinces,
) -> None:
    world = two_provinces
    clerk = world.a.api("clerk")
    ran = clerk.post("/exchange/send-pending").json()
    assert ran["ran"] is True and not ran["errors"]
    found = clerk.get("/exchange/agencies", params={"q": "uy ban nhan dan tinh"}).json()
    codes = {a["code"] for a in found}
    assert {world.a.codes["UBND-T"], world.b.codes["UBND-T"]} <= codes
    by_code = clerk.get("/exchange/agencies", params={"q": world.b.codes["STC"]}).json()
    assert [a["code"] for a in by_code] == [world.b.codes["STC"]]


def _business_package(  # type: ignore[no-untyped-def]
    world: TwoProvinces,
    issued: dict[str, Any],
    doc_type,
    reason: str,
    sender: tuple[str, str],
    path,
    *,
    subject: str | None = None,
    organ_name: str = "",
) -> None:
    """A package about ``issued`` (a revocation, an update…) from ``sender``, to B's UBND-T."""
    from edxml import Business, Organ
    from edxml.mapping import DocumentFields, envelope_for
    from edxml.writer import write_envelope

    fields = DocumentFields(
        doc_type="Công văn",
        code_number=issued["code_number"],
        code_notation=issued["code_notation"],
        issued_date=None,
        organ_name=organ_name,
        subject=subject or issued["subject"],
        description="",
        signer_position="",
        signer_name="",
        urgency=0,
        due_date=None,
        to_places=(),
        page_amount=1,
        issued_amount=None,
    )
    write_envelope(
        envelope_for(
            fields,
            sender=Organ(*sender),
            recipients=[Organ(world.b.codes["UBND-T"])],
            document_id=issued["document_identifier"],
            business=Business(
                doc_type=doc_type, reason=reason, document_id=issued["document_identifier"]
            ),
            attachments=[],
            trace=[],
        ),
        path,
    )


def _revocation(world: TwoProvinces, issued: dict[str, Any], sender: str, path) -> None:  # type: ignore[no-untyped-def]
    from edxml import BusinessDocType

    _business_package(
        world, issued, BusinessDocType.REVOKE, "Thu hồi trộm", (sender, "Kẻ mạo danh"), path
    )


def test_only_a_documents_own_sender_revokes_it_and_nobody_speaks_for_another(
    two_provinces: TwoProvinces, tmp_path
) -> None:
    """Province A's Sở Tài chính cannot revoke what A's UBND-T sent to B, neither in its own
    name nor in UBND-T's; a status from an agency the letter never went to changes nothing."""
    from server.exchange.axis import AxisClient
    from server.exchange.axis_protocol import AxisSettings, MessageType

    world = two_provinces
    issued = _issue(world, "V/v kiểm kê tài sản công (không ai được thu hồi hộ)")
    copy = _arrived(world, issued)
    clerk_b = world.b.api("clerk")
    settings = AxisSettings(world.hub.url, world.a.system_id, world.a.secret)
    own_name, borrowed = tmp_path / "own.edxml", tmp_path / "borrowed.edxml"
    _revocation(world, issued, world.a.codes["STC"], own_name)
    _revocation(world, issued, world.a.codes["UBND-T"], borrowed)
    admin_b = world.b.api("admin")
    before = admin_b.get("/exchange/status", params={"organisation": "UBND-T"}).json()["rejected"]
    with AxisClient(settings) as axis:
        for path in (own_name, borrowed):  # both sent by Sở Tài chính's agency
            axis.send(
                path,
                sender=world.a.codes["STC"],
                to=[world.b.codes["UBND-T"]],
                message_type=MessageType.EDOC,
            )
    eventually(
        lambda: (
            admin_b.get("/exchange/status", params={"organisation": "UBND-T"}).json()["rejected"]
            >= before + 2
        ),
        what="both refused",
    )
    assert clerk_b.document(copy["id"])["status"] == "arrived"
    refused = admin_b.get("/exchange/status", params={"organisation": "UBND-T"}).json()["refused"]
    reasons = " ".join(r["problem"] for r in refused)
    assert "claims to be from" in reasons  # UBND-T's name, sent by Sở Tài chính
    assert f"from {world.a.codes['STC']} to revoke" in reasons  # its own name: not its letter
    # a status about B's own outgoing letter from an agency it never went to
    from edxml import Organ, ResponseFor, StatusCode
    from edxml.mapping import status_message
    from edxml.writer import write_status

    status = tmp_path / "status.edxml"
    write_status(
        status_message(
            sender=Organ(world.a.codes["STC"]),
            to=Organ(world.b.codes["UBND-T"]),
            answered=ResponseFor(document_id=copy["document_identifier"]),
            code=StatusCode.DONE,
            description="Hoàn thành giả",
            staff=None,
            at=__import__("datetime").datetime(2026, 12, 1, 8, 0, 0),
        ),
        status,
    )
    outcome = clerk_b.post(
        "/exchange/import", data=status.read_bytes(), headers={"Content-Type": "application/xml"}
    ).json()
    assert outcome["state"] == "rejected"
