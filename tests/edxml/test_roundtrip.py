"""Build → read → build: the same records and the same bytes; our fields survive the trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from edxml import (
    Business,
    BusinessDocType,
    DocumentFields,
    Envelope,
    MissingElement,
    Organ,
    ResponseFor,
    StaffInfo,
    StatusCode,
    StatusMessage,
    TraceHeader,
    envelope_for,
    fields_from_envelope,
    read_package,
    status_message,
    write_envelope,
    write_status,
)
from tests.edxml.conftest import NEW, full_envelope


def _without_paths(env: Envelope) -> Envelope:
    return dataclasses.replace(
        env, attachments=tuple(dataclasses.replace(a, path=Path()) for a in env.attachments)
    )


def test_an_envelope_reads_back_as_written(tmp_path: Path, spool: Path) -> None:
    env = full_envelope(tmp_path)
    write_envelope(env, tmp_path / "out.edxml")
    back = read_package(tmp_path / "out.edxml", spool)
    assert isinstance(back, Envelope)
    assert _without_paths(back) == _without_paths(env)
    for written, read in zip(env.attachments, back.attachments, strict=True):
        assert read.path.read_bytes() == written.path.read_bytes()


def test_build_read_build_is_byte_identical(tmp_path: Path, spool: Path) -> None:
    first, second = tmp_path / "first.edxml", tmp_path / "second.edxml"
    write_envelope(full_envelope(tmp_path), first)
    back = read_package(first, spool)
    assert isinstance(back, Envelope)
    write_envelope(back, second)
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML:edXML xmlns:edXML=')
    assert "<edXML:PromulgationDate>2024/03/05</edXML:PromulgationDate>" in text
    assert "<edXML:Timestamp>2024/03/05 08:30:15</edXML:Timestamp>" in text
    assert text.count("xmlns") == 1, "one namespace declaration, prefix edXML everywhere"


def test_a_real_sample_rewritten_is_stable(tmp_path: Path, spool: Path) -> None:
    sample = read_package(NEW, spool)
    assert isinstance(sample, Envelope)
    write_envelope(sample, tmp_path / "a.edxml")
    again = read_package(tmp_path / "a.edxml", spool)
    assert isinstance(again, Envelope)
    write_envelope(again, tmp_path / "b.edxml")
    assert (tmp_path / "a.edxml").read_bytes() == (tmp_path / "b.edxml").read_bytes()
    assert again.header == sample.header and again.business == sample.business


def test_a_status_reads_back_as_written(tmp_path: Path, spool: Path) -> None:
    status = status_message(
        sender=Organ("000.00.00.H41", "UBND tỉnh Nghệ An"),
        to=Organ("000.00.00.G22", "Văn phòng Chính phủ"),
        answered=ResponseFor(
            "000.00.00.G22",
            "7816/VPCP-TTĐT",
            dt.date(2015, 9, 30),
            "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
        ),
        code=StatusCode.REFUSED,
        description="Từ chối: thiếu chữ ký số",
        staff=StaffInfo("Văn thư", "Lê Thị Hà"),
        at=dt.datetime(2024, 3, 5, 1, 2, 3, 456789, tzinfo=dt.UTC),
    )
    assert status.timestamp == dt.datetime(2024, 3, 5, 8, 2, 3)
    out = tmp_path / "status.edxml"
    write_status(status, out)
    back = read_package(out, spool)
    assert back == status
    assert isinstance(back, StatusMessage)
    write_status(back, tmp_path / "again.edxml")
    assert out.read_bytes() == (tmp_path / "again.edxml").read_bytes()


def test_writing_is_atomic_and_refuses_what_reading_would(tmp_path: Path) -> None:
    env = full_envelope(tmp_path)
    out = tmp_path / "out.edxml"
    out.write_bytes(b"old")
    missing = dataclasses.replace(
        env, attachments=(dataclasses.replace(env.attachments[0], path=tmp_path / "gone.pdf"),)
    )
    with pytest.raises(MissingElement):
        write_envelope(missing, out)
    unnamed = dataclasses.replace(env, header=dataclasses.replace(env.header, subject=" "))
    with pytest.raises(MissingElement):
        write_envelope(unnamed, out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


FIELDS = DocumentFields(
    doc_type="Quyết định",
    code_number="15",
    code_notation="QĐ-UBND",
    issued_date=dt.date(2024, 4, 1),
    organ_name="Ủy ban nhân dân huyện Hòa Vang",
    subject="Về việc phê duyệt kế hoạch chuyển đổi số năm 2024",
    description="Phê duyệt kế hoạch; giao Phòng Văn hóa – Thông tin chủ trì thực hiện.",
    signer_position="Chủ tịch",
    signer_name="Đặng Thị Ngọc Ánh",
    urgency=3,
    due_date=dt.date(2024, 4, 15),
    to_places=("Như Điều 3", "Lưu: VT"),
    page_amount=4,
    issued_amount=20,
    place="Hòa Vang",
    signer_competence="TM. ỦY BAN NHÂN DÂN",
    appendixes=("Phụ lục: Danh mục nhiệm vụ",),
    steering_type="1",
    document_type_code="2",
)


@pytest.mark.parametrize(
    "fields",
    [
        FIELDS,
        dataclasses.replace(
            FIELDS,
            code_number=None,
            issued_date=None,
            due_date=None,
            issued_amount=None,
            description="",
            appendixes=(),
        ),
    ],
)
def test_fields_survive_the_trip(tmp_path: Path, spool: Path, fields: DocumentFields) -> None:
    env = envelope_for(
        fields,
        sender=Organ("000.01.32.H41", "UBND huyện"),
        recipients=[Organ("000.00.00.H41", "UBND tỉnh")],
        document_id="000.01.32.H41,2024/04/01,15/QĐ-UBND",
        business=Business(BusinessDocType.NEW, "Văn bản mới"),
        attachments=[],
        trace=[TraceHeader("000.01.32.H41", dt.datetime(2024, 4, 1, 9, 0))],
    )
    assert env.header.from_.name == fields.organ_name
    write_envelope(env, tmp_path / "out.edxml")
    back = read_package(tmp_path / "out.edxml", spool)
    assert isinstance(back, Envelope) and back.problems == ()
    assert fields_from_envelope(back) == fields


def test_fields_are_nfc_whatever_was_typed(tmp_path: Path, spool: Path) -> None:
    typed = dataclasses.replace(
        FIELDS,
        subject=unicodedata.normalize("NFD", FIELDS.subject),
        signer_name=unicodedata.normalize("NFD", FIELDS.signer_name),
    )
    env = envelope_for(
        typed,
        sender=Organ("000.01.32.H41"),
        recipients=[],
        document_id="000.01.32.H41,2024/04/01,15/QĐ-UBND",
        business=Business(),
        attachments=[],
        trace=[],
    )
    write_envelope(env, tmp_path / "out.edxml")
    back = read_package(tmp_path / "out.edxml", spool)
    assert isinstance(back, Envelope)
    assert fields_from_envelope(back) == FIELDS
    assert fields_from_envelope(env) == FIELDS, "mapping normalises too"
