"""The three real packages from the shared folder read as they should."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

from edxml import (
    BusinessDocType,
    Envelope,
    SignatureVerdict,
    StatusCode,
    StatusMessage,
    as_json,
    read_header_only,
    read_package,
    summarise,
    verify,
)
from tests.edxml.conftest import NEW, REVOCATION, STATUS

NEW_SHA256 = "7ab7c43a02a3cf2cedd14ebf2545a37e7a1307e0091b4ba94c2ef1e842a763aa"
REVOCATION_SHA256 = "22100d39101238b750bc39a24ff6994cb2c0cf08f4edbf5f3c34d4700857d378"


class TestNewDocument:
    def test_header(self, spool: Path) -> None:
        env = read_package(NEW, spool)
        assert isinstance(env, Envelope)
        head = env.header
        assert head.from_.organ_id == "000.00.00.A80"
        assert head.from_.name.startswith("UBND xã Hòa Tiến")
        assert [o.organ_id for o in head.to] == ["28.22.H17"]
        assert head.document_id == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
        assert (head.code.number, head.code.notation) == ("74fass22", "VPCP-TTĐT")
        assert head.promulgation.date == dt.date(2019, 1, 16)
        assert head.due_date == dt.date(2018, 9, 28)
        assert head.subject == "V/v kết nối, liên thông phần mềm quản lý văn bản"
        assert head.document_type.type_name == "Công văn"
        assert head.other.page_amount == 22 and head.other.direction is False
        assert head.to_places == ("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP")
        assert env.trace[0].timestamp == dt.datetime(2018, 9, 28)
        assert env.business.doc_type is BusinessDocType.NEW
        assert env.business.staff is not None and env.business.staff.staff == "Nguyễn Thị Ngọc Trâm"

    def test_the_attachment_decodes_to_a_zip(self, spool: Path) -> None:
        env = read_package(NEW, spool)
        assert isinstance(env, Envelope)
        [att] = env.attachments
        assert (att.content_id, att.name, att.content_type) == (
            "cid:209",
            "1896_QD-TTg_m_294779.doc",
            "application/zip",
        )
        assert att.path.parent == spool and att.size == att.path.stat().st_size == 270823
        assert att.sha256 == NEW_SHA256
        with zipfile.ZipFile(att.path) as archive:
            assert archive.testzip() is None

    def test_the_signature_is_a_placeholder(self, spool: Path) -> None:
        env = read_package(NEW, spool)
        assert isinstance(env, Envelope)
        assert env.signature.verdict is SignatureVerdict.PLACEHOLDER
        assert env.signature.detail_vi and env.signature.detail_en
        assert verify(NEW).verdict is SignatureVerdict.PLACEHOLDER

    def test_what_is_wrong_with_it_is_a_problem_with_its_line(self, spool: Path) -> None:
        """The trace's Bussiness/DocumentId says 2014/02/30; the DocumentId's agency is not the
        sender: both are read past, each with its line."""
        env = read_package(NEW, spool)
        assert isinstance(env, Envelope)
        assert env.business.document_id == "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT"
        lines = {p.line: p for p in env.problems}
        assert set(lines) == {27, 72}
        assert "2014/02/30" in lines[72].message("en") and lines[72].message_vi


def test_revocation(spool: Path) -> None:
    env = read_package(REVOCATION, spool)
    assert isinstance(env, Envelope)
    assert env.business.doc_type is BusinessDocType.REVOKE
    assert env.business.reason == "Thu hồi văn bản điện tử"
    assert env.header.from_.organ_id == "000.00.00.G22"
    assert env.header.document_id == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    assert [o.organ_id for o in env.header.to] == [
        "000.00.00.H41",
        "000.00.00.H14",
        "000.00.00.G17",
    ]
    [answered] = env.header.response_for
    assert answered.document_id == "000.00.04.G14,2012/08/06,267/VPCP-TTĐT"
    assert env.attachments[0].sha256 == REVOCATION_SHA256
    assert env.problems == ()


def test_status_message(spool: Path) -> None:
    status = read_package(STATUS, spool)
    assert isinstance(status, StatusMessage)
    assert status.code is StatusCode.ASSIGNED
    assert status.from_.organ_id == "000.00.00.H41"
    assert status.response_for.document_id == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    assert status.response_for.code == "7816/VPCP-TTĐT"
    assert status.response_for.promulgation_date == dt.date(2015, 9, 30)
    assert status.timestamp == dt.datetime(2015, 9, 20, 11, 8, 36)
    assert status.description == "Lãnh đạo: Phân công xử lý"
    assert status.staff is not None and status.staff.department == "Phong hanh chinh"
    assert status.problems == () and list(spool.iterdir()) == []


def test_header_only_reads_the_manifest_without_decoding(spool: Path) -> None:
    env = read_header_only(NEW)
    assert isinstance(env, Envelope)
    assert env.header.document_id == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    [att] = env.attachments
    assert (att.name, att.size, att.sha256, att.path) == ("1896_QD-TTg_m_294779.doc", 0, "", Path())
    assert isinstance(read_header_only(STATUS), StatusMessage)


def test_summary_and_json() -> None:
    env = read_header_only(NEW)
    assert isinstance(env, Envelope)
    lines = dict(summarise(env))
    assert lines["Trích yếu"] == env.header.subject
    assert "Chữ ký số" in lines and "Vấn đề" in lines
    english = dict(summarise(env, "en"))
    assert english["Identifier"] == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    assert english["Signature"].startswith("Placeholder")
    data = json.loads(json.dumps(as_json(env)))
    assert data["kind"] == "envelope" and data["header"]["from"]["organ_id"] == "000.00.00.A80"
    status = dict(summarise(read_header_only(STATUS), "en"))
    assert status["Status"] == "04 — Assigned"
    assert json.dumps(as_json(read_header_only(STATUS)))
