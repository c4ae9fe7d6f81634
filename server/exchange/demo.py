"""The exchange's chapter of the demo story: the axis's agency list, letters that came from
agencies outside the province as edXML packages (one whose sender now asks for it back), and a
notice UBND-T issued to an agency outside, with that agency's answers — all through the same
doors as the real thing (``receive`` for what comes in, ``send_document`` for what goes out)."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from base.deadlines import VIETNAM
from edxml import (
    Attachment,
    Business,
    BusinessDocType,
    Organ,
    ResponseFor,
    StaffInfo,
    StatusCode,
    TraceHeader,
)
from edxml.mapping import DocumentFields, envelope_for, status_message
from edxml.writer import write_envelope, write_status

from ..filestore import BlobStore
from ..models import Document, Organisation, User
from ..text import fold
from .enums import Source
from .flows import send_document
from .models import Agency
from .packages import organ_of
from .receive import receive

__all__ = ["AXIS_AGENCIES", "tell_exchange_story"]

logger = logging.getLogger(__name__)

AXIS_AGENCIES: tuple[tuple[str, str], ...] = (
    ("000.00.00.G22", "Văn phòng Chính phủ"),
    ("000.00.00.G09", "Bộ Nội vụ"),
    ("000.00.00.G12", "Bộ Tài chính"),
    ("000.00.00.G17", "Bộ Thông tin và Truyền thông"),
    ("000.00.00.G23", "Bộ Tài nguyên và Môi trường"),
    ("000.00.00.H41", "Ủy ban nhân dân tỉnh Nghệ An"),
    ("000.00.00.H14", "Ủy ban nhân dân tỉnh Cao Bằng"),
    ("000.00.00.H46", "Ủy ban nhân dân tỉnh Quảng Bình"),
    ("000.00.00.H48", "Ủy ban nhân dân thành phố Đà Nẵng"),
    ("000.03.41.H41", "Sở Tài chính tỉnh Nghệ An"),
    ("000.04.41.H41", "Sở Nội vụ tỉnh Nghệ An"),
)
"""The agency list the demo's axis gives (codes in the structure of Decision 20/2020/QĐ-TTg;
made up for the demo except the three seen in the QCVN 102 samples)."""

RenderLetter = Callable[[object], bytes]


def _letter(
    render: RenderLetter | None, work: Path, organ: str, number: str, subject: str
) -> list[Attachment]:
    if render is None:
        return []
    from ..letters import OfficialLetter

    today = dt.datetime.now(VIETNAM).date()
    pdf = render(
        OfficialLetter(
            organ_name=organ.upper(),
            number_symbol=number,
            place_date=f"Hà Nội, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}",
            doc_type="CÔNG VĂN",
            subject=subject,
            body_paragraphs=(
                f"Về {subject[0].lower()}{subject[1:]}, đề nghị Ủy ban nhân dân các tỉnh, thành "
                "phố triển khai và báo cáo kết quả trước ngày 20 tháng sau.",
            ),
            signer_authority="KT. BỘ TRƯỞNG",
            signer_position="THỨ TRƯỞNG",
            signer_name="Nguyễn Văn Minh",
            recipients=("UBND các tỉnh, thành phố",),
            pages=1,
        )
    )
    path = work / f"{number.replace('/', '-')}.pdf"
    path.write_bytes(pdf)
    return [
        Attachment(content_id="cid:1", name=path.name, path=path, content_type="application/pdf")
    ]


def _now() -> dt.datetime:
    return dt.datetime.now(VIETNAM).replace(tzinfo=None, microsecond=0)


def tell_exchange_story(
    session: Session,
    blobs: BlobStore,
    data_dir: Path,
    home: Organisation,
    clerk: User,
    notice: Document | None,
    render: RenderLetter | None,
) -> int:
    """The chapter; returns how many documents it made."""
    for code, name in AXIS_AGENCIES:
        if session.get(Agency, code) is None:
            session.add(Agency(code=code, name=name, parent_code="", folded=fold(f"{code} {name}")))
    ours = organ_of(home)
    today = dt.datetime.now(VIETNAM).date()
    made = 0
    with tempfile.TemporaryDirectory(dir=blobs.scratch) as folder:
        work = Path(folder)
        arrivals = (
            (
                Organ("000.00.00.G22", "Văn phòng Chính phủ"),
                ("1024", "VPCP-KGVX"),
                "V/v triển khai Đề án 06 về dữ liệu dân cư, định danh và xác thực điện tử",
                1,
            ),
            (
                Organ("000.00.00.G17", "Bộ Thông tin và Truyền thông"),
                ("4512", "BTTTT-CĐSQG"),
                "V/v hướng dẫn kết nối, liên thông văn bản điện tử qua Trục liên thông quốc gia",
                0,
            ),
        )
        received: list[Document] = []
        for sender, (number, notation), subject, urgency in arrivals:
            identifier = f"{sender.organ_id},{today:%Y/%m/%d},{number}/{notation}"
            envelope = envelope_for(
                DocumentFields(
                    doc_type="Công văn",
                    code_number=number,
                    code_notation=notation,
                    issued_date=today,
                    organ_name=sender.name,
                    subject=subject,
                    description="",
                    signer_position="Thứ trưởng",
                    signer_name="Nguyễn Văn Minh",
                    urgency=urgency,
                    due_date=None,
                    to_places=("UBND các tỉnh, thành phố trực thuộc Trung ương",),
                    page_amount=1,
                    issued_amount=None,
                    place="Hà Nội",
                ),
                sender=sender,
                recipients=[ours],
                document_id=identifier,
                business=Business(
                    doc_type=BusinessDocType.NEW,
                    reason="Văn bản điện tử mới",
                    staff=StaffInfo(department="Văn thư", staff="Trần Thị Lan"),
                ),
                attachments=_letter(render, work, sender.name, f"{number}/{notation}", subject),
                trace=[TraceHeader(organ_id=sender.organ_id, timestamp=_now())],
            )
            path = work / f"{number}.edxml"
            write_envelope(envelope, path)
            outcome = receive(session, blobs, home, path, source=Source.FILE, user=clerk)
            received.extend(outcome.documents)
            made += len(outcome.documents)
        if received:  # the Government Office asks for its letter back: the clerk must answer
            first = received[0]
            ask = status_message(
                sender=Organ("000.00.00.G22", "Văn phòng Chính phủ"),
                to=ours,
                answered=ResponseFor(
                    organ_id="000.00.00.G22",
                    code=f"{first.code_number}/{first.code_notation}",
                    promulgation_date=first.issued_date,
                    document_id=first.document_identifier or "",
                ),
                code=StatusCode.TAKE_BACK,
                description="Văn bản ban hành nhầm phụ lục, đề nghị trả lại để ban hành thay thế",
                staff=StaffInfo(staff="Trần Thị Lan"),
                at=_now(),
            )
            path = work / "take-back.edxml"
            write_status(ask, path)
            receive(session, blobs, home, path, source=Source.FILE, user=clerk)
        if notice is not None and notice.status == "issued":
            nghe_an = Organ("000.00.00.H41", "Ủy ban nhân dân tỉnh Nghệ An")
            send_document(session, blobs, data_dir, notice, clerk, [nghe_an.organ_id])
            for code, said in (
                (StatusCode.ARRIVED, "Đã đến"),
                (StatusCode.REGISTERED, "Đã vào sổ văn bản đến"),
            ):
                answer = status_message(
                    sender=nghe_an,
                    to=ours,
                    answered=ResponseFor(
                        organ_id=ours.organ_id,
                        code=f"{notice.code_number}/{notice.code_notation}",
                        promulgation_date=notice.issued_date,
                        document_id=notice.document_identifier or "",
                    ),
                    code=code,
                    description=said,
                    staff=StaffInfo(staff="Lê Văn Hùng"),
                    at=_now(),
                )
                path = work / f"status-{code.value}.edxml"
                write_status(answer, path)
                receive(session, blobs, home, path, source=Source.FILE, user=clerk)
    session.flush()
    return made


NEIGHBOUR_CODES = {
    "UBND-T": "000.00.00.H41",
    "STC": "000.03.41.H41",
    "SNV": "000.04.41.H41",
    "STNMT": "000.05.41.H41",
    "SGDDT": "000.06.41.H41",
    "SYT": "000.07.41.H41",
}
"""The demo's second province (its organisations take Nghệ An's codes and names)."""


def become_neighbour(session: Session) -> None:
    """Turn a freshly seeded demo server into the neighbouring province's."""
    from sqlalchemy import select

    for org in session.scalars(select(Organisation)):
        if org.code in NEIGHBOUR_CODES:
            org.agency_code = NEIGHBOUR_CODES[org.code]
            org.name = org.name.replace("Hà Tĩnh", "Nghệ An")
    session.commit()


def connect(
    session: Session,
    data_dir: Path,
    url: str,
    system_id: str,
    secret: str,
    codes: tuple[str, ...] = ("UBND-T", "STC", "SNV"),
    poll_seconds: int = 5,
) -> None:
    """Connect these organisations of a demo server to the demo's hub (its address changes at
    every start)."""
    from sqlalchemy import select

    from .models import ExchangeConnection
    from .secrets import save_secret

    for org in session.scalars(select(Organisation).where(Organisation.code.in_(codes))):
        connection = session.get(ExchangeConnection, org.id)
        if connection is None:
            connection = ExchangeConnection(organisation_id=org.id, last_error="")
            session.add(connection)
        connection.url, connection.system_id = url, system_id
        connection.enabled, connection.poll_seconds = True, poll_seconds
        save_secret(data_dir, org.id, "axis", secret.encode())
    session.commit()
