"""Shared fixtures of the edXML tests: the three real samples, edited copies, records to build."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from edxml import (
    Attachment,
    Business,
    BusinessDocType,
    Code,
    DocumentType,
    Envelope,
    MessageHeader,
    Organ,
    OtherInfo,
    PromulgationInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    TraceHeader,
)
from tests.conftest import missing_dependency

SAMPLES = Path(
    os.environ.get(
        "VANTHU_EDXML_SAMPLES", Path(__file__).resolve().parents[1] / "fixtures" / "edxml"
    )
)
"""The three real packages (README there); not in the repository yet."""
NEW = SAMPLES / "edoc_new.edxml"
REVOCATION = SAMPLES / "edoc_revocation.edxml"
STATUS = SAMPLES / "status_04_assignment.edxml"

Variant = Callable[..., Path]


@pytest.fixture(autouse=True)
def _samples() -> None:
    if not STATUS.is_file():
        missing_dependency(f"the edXML samples are not in {SAMPLES} (VANTHU_EDXML_SAMPLES)")


@pytest.fixture
def spool(tmp_path: Path) -> Path:
    folder = tmp_path / "spool"
    folder.mkdir()
    return folder


@pytest.fixture
def variant(tmp_path: Path) -> Variant:
    """A copy of a sample with byte replacements: ``variant(NEW, (b"old", b"new"), ...)``."""
    made = 0

    def make(sample: Path, *edits: tuple[bytes, bytes], data: bytes | None = None) -> Path:
        nonlocal made
        made += 1
        content = sample.read_bytes() if data is None else data
        for old, new in edits:
            assert old in content, old
            content = content.replace(old, new, 1)
        path = tmp_path / f"variant-{made}.edxml"
        path.write_bytes(content)
        return path

    return make


def attachment_file(folder: Path, name: str, content: bytes, **kwargs: str) -> Attachment:
    path = folder / name
    path.write_bytes(content)
    return Attachment(
        content_id=f"cid:{name}",
        name=name,
        path=path,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        **kwargs,
    )


def full_envelope(folder: Path) -> Envelope:
    """An envelope with every field the writer knows, in Vietnamese (NFC)."""
    return Envelope(
        header=MessageHeader(
            from_=Organ(
                organ_id="000.00.00.H41",
                name="UBND tỉnh Nghệ An",
                in_charge="Ủy ban nhân dân tỉnh Nghệ An",
                address="Số 03, đường Trường Thi, TP. Vinh",
                email="vanthu@nghean.gov.vn",
                telephone="0238 3840418",
                fax="0238 3843049",
                website="nghean.gov.vn",
            ),
            to=(
                Organ("000.00.00.G22", "Văn phòng Chính phủ"),
                Organ("28.22.H17", "UBND xã Hòa Sơn"),
            ),
            document_id="000.00.00.H41,2024/03/05,125/UBND-VX",
            code=Code("125", "UBND-VX"),
            promulgation=PromulgationInfo("Nghệ An", dt.date(2024, 3, 5)),
            document_type=DocumentType("1", "0", "Công văn"),
            subject="V/v tăng cường phòng, chống dịch bệnh mùa hè",
            content="Đề nghị các đơn vị triển khai ngay các biện pháp phòng, chống dịch.",
            signer=SignerInfo("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn Đệ"),
            due_date=dt.date(2024, 3, 20),
            other=OtherInfo(
                priority=2,
                sphere="Liên thông văn bản quốc gia",
                typer_notation="NTH",
                promulgation_amount=15,
                page_amount=3,
                direction=True,
                appendixes=("Phụ lục I: Danh sách đơn vị", "Phụ lục II: Kế hoạch"),
            ),
            steering_type="1",
            to_places=("Như trên", "Lưu: VT, VX"),
            response_for=(
                ResponseFor(
                    "000.00.00.G22",
                    "7816/VPCP-TTĐT",
                    dt.date(2015, 9, 30),
                    "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
                ),
            ),
        ),
        trace=(TraceHeader("000.00.00.H41", dt.datetime(2024, 3, 5, 8, 30, 15)),),
        business=Business(
            doc_type=BusinessDocType.REPLACE,
            reason="Thay thế văn bản ban hành nhầm",
            document_id="000.00.00.H41,2024/03/05,125/UBND-VX",
            paper=1,
            staff=StaffInfo("Văn phòng", "Trần Thị Thu", "thu@nghean.gov.vn", "0912000001"),
            replaced=("000.00.00.H41,2024/03/01,120/UBND-VX",),
        ),
        attachments=(
            attachment_file(folder, "cong-van.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40),
            attachment_file(
                folder,
                "phụ lục.docx",
                b"PK\x03\x04" + b"\x00\xff" * 1000,
                content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                description="Phụ lục kèm theo",
            ),
        ),
    )
