"""The demo's story: documents at every stage of the workflow, reached by real steps.

The bulk demo data is the archive (finished incoming documents, issued or drafted outgoing
ones); this adds the day's work across the demo organisations, each document taken through
``server.workflow.apply`` as the demo users would, so its status, parts, deadlines and
trace agree: UBND-T's clerk has arrivals to register (sent by STC and SNV), its leader
documents to direct and drafts to sign, its specialist work due soon and overdue, and an
issued letter has arrived at STC and SNV.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from base.deadlines import add_working_days, today_in_vietnam
from base.steps import Step
from base.workflow import Origin

from .demo import notation_for
from .documents import assign_number, born, touch
from .filestore import BlobStore
from .letters import OfficialLetter
from .models import Assignment, Document, Organisation, User
from .versions import add_file_version
from .workflow import StepRequest, apply

__all__ = ["tell_demo_story", "STORY_MARK"]

logger = logging.getLogger(__name__)

STORY_MARK = "Hồ sơ minh họa"
"""In every story document's description: the story is told once per database."""


@dataclass(frozen=True)
class _Cast:
    """The demo users of one organisation."""

    org: Organisation
    clerk: User
    leader: User
    specialist: User


def _cast(session: Session, code: str) -> _Cast | None:
    org = session.scalar(select(Organisation).where(Organisation.code == code))
    if org is None:
        return None
    people = {
        u.role: u
        for u in session.scalars(
            select(User).where(User.organisation_id == org.id).order_by(User.id.desc())
        )
    }
    if not {"clerk", "leader", "specialist"} <= people.keys():
        return None
    return _Cast(org, people["clerk"], people["leader"], people["specialist"])


class _Story:
    def __init__(self, session: Session, blobs: BlobStore, render_letter: object) -> None:
        self.session, self.blobs, self.render = session, blobs, render_letter
        self.today = today_in_vietnam()

    def document(
        self,
        cast: _Cast,
        direction: str,
        doc_type: str,
        notation: str,
        subject: str,
        *,
        organ: str = "",
        urgency: int = 0,
        author: User | None = None,
        status: str | None = None,
        days_ago: int = 1,
    ) -> Document:
        doc = born(
            self.session,
            Origin.IMPORTED,  # the day's work as an older system would hand it over, mid-flight
            direction=direction,
            doc_type=doc_type,
            code_notation=notation,
            issued_date=self.today - dt.timedelta(days=days_ago)
            if direction == "incoming"
            else None,
            code_number=self.next_number(organ, self.today - dt.timedelta(days=days_ago))
            if direction == "incoming"
            else None,
            organ_name=organ or cast.org.name,
            subject=subject,
            language="vi",
            page_amount=1,
            description=STORY_MARK,
            signer_position="Giám đốc" if direction == "incoming" else cast.leader.title,
            signer_name="Đặng Văn Thành" if direction == "incoming" else cast.leader.full_name,
            urgency=urgency,
            secrecy=0,
            to_places=[cast.org.name] if direction == "incoming" else ["Như Kính gửi"],
            recipients=["Như trên", "Lưu: VT"],
            file_code="",
            status=status or ("received" if direction == "incoming" else "draft"),
            organisation_id=cast.org.id,
            created_by=(author or cast.clerk).id,
            current_version=0,
            deleted=False,
        )
        self.session.add(doc)
        self.session.flush()
        if direction == "incoming" and doc.status == "received":
            assign_number(self.session, doc, None, self.today)
        self.attach(doc, author or cast.clerk)
        return doc

    def next_number(self, organ: str, issued: dt.date) -> str:
        """The organ's next number of the year after every letter of it the demo holds: a
        number and notation never stand for two letters of one organ in one year."""
        numbers = self.session.scalars(
            select(Document.code_number).where(
                Document.organ_name == organ,
                Document.issued_date >= dt.date(issued.year, 1, 1),
                Document.issued_date <= dt.date(issued.year, 12, 31),
                Document.code_number.is_not(None),
            )
        )
        used = [int(n) for n in numbers if n and n.isdigit()]
        return f"{max(used, default=0) + 2:02d}"  # one sent elsewhere in between

    def attach(self, doc: Document, author: User) -> None:
        if self.render is None:
            return
        issued = doc.issued_date or self.today
        letter = OfficialLetter(
            organ_name=doc.organ_name.upper(),
            number_symbol=f"{doc.code_number or '    '}/{doc.code_notation}",
            place_date=f"Hà Tĩnh, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}",
            doc_type=doc.doc_type.upper(),
            subject=doc.subject,
            body_paragraphs=(
                f"Căn cứ chương trình công tác năm {issued.year}; về {doc.subject[0].lower()}"
                f"{doc.subject[1:]}.",
                "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, báo cáo kết quả đúng hạn.",
            ),
            signer_authority="KT. GIÁM ĐỐC",
            signer_position=doc.signer_position.upper(),
            signer_name=doc.signer_name,
            recipients=tuple(doc.recipients),
            pages=1,
        )
        add_file_version(
            self.session,
            self.blobs,
            doc,
            self.render(letter),  # type: ignore[operator]
            filename=f"{doc.doc_type}-{doc.id}.pdf",
            author_id=author.id,
            note="Bản gốc",
        )

    def step(self, doc: Document, user: User, step: Step, **fields: object) -> list[Document]:
        created = apply(self.session, doc, user, StepRequest(step, **fields))  # type: ignore[arg-type]
        touch(self.session, doc)
        self.session.flush()
        return created

    def issue(self, doc: Document, cast: _Cast, to: list[str]) -> list[Document]:
        """Draft → submitted → signed → numbered → issued, delivered to ``to``."""
        self.step(doc, cast.specialist, Step.SUBMIT, to=[cast.leader.id])
        self.step(doc, cast.leader, Step.APPROVE, comment="Đồng ý ban hành")
        self.step(doc, cast.clerk, Step.NUMBER)
        copies = self.step(doc, cast.clerk, Step.ISSUE, organisations=to)
        for copy in copies:
            touch(self.session, copy)
        return copies

    def overdue(self, doc: Document, working_days: int) -> None:
        """The deadline was set ``working_days`` ago and has passed (a story told on a given
        day needs some late work; the step itself refuses a deadline in the past)."""
        deadline = self.today - dt.timedelta(days=working_days + 2 * (working_days // 5 + 1))
        self.session.execute(
            update(Assignment).where(Assignment.document_id == doc.id).values(deadline=deadline)
        )
        doc.due_date = deadline
        touch(self.session, doc)


def tell_demo_story(
    session: Session, blobs: BlobStore, data_dir: Path, render_letter: object = None
) -> int:
    """Add the story (once); returns how many documents it made. ``data_dir``: the server's
    data folder (the exchange chapter keeps its connection's secret there)."""
    if session.scalar(select(Document.id).where(Document.description == STORY_MARK).limit(1)):
        return 0
    casts = [c for c in (_cast(session, code) for code in ("UBND-T", "STC", "SNV")) if c]
    if len(casts) < 3:
        logger.info("demo story skipped: the demo organisations are not all there")
        return 0
    ubnd, stc, snv = casts
    story = _Story(session, blobs, render_letter)
    pick = random.Random(2027)  # the notations of the outside organs' letters
    soon = add_working_days(story.today, 1)
    later = add_working_days(story.today, 10)
    count = 0

    # Arrivals at UBND-T from STC and SNV: "Chờ vào sổ" for its clerk.
    for sender, notation, subject in (
        (stc, "STC-NS", "Về việc đề nghị bổ sung dự toán kinh phí chuyển đổi số năm 2027"),
        (snv, "SNV-CCHC", "Về việc báo cáo kết quả cải cách hành chính quý IV"),
    ):
        draft = story.document(
            sender, "outgoing", "Công văn", notation, subject, author=sender.specialist
        )
        count += 1 + len(story.issue(draft, sender, ["UBND-T"]))

    # Presented to UBND-T's leader: "Chờ chỉ đạo".
    for urgency, organ, subject in (
        (2, "Bộ Tài nguyên và Môi trường", "Về việc kiểm tra công tác quản lý đất đai năm 2026"),
        (0, "Văn phòng Chính phủ", "Thông báo kết luận của Phó Thủ tướng về chuyển đổi số"),
    ):
        notation = notation_for(pick, organ, "Công văn")
        doc = story.document(
            ubnd, "incoming", "Công văn", notation, subject, organ=organ, urgency=urgency
        )
        story.step(doc, ubnd.clerk, Step.PRESENT, to=[ubnd.leader.id])
        count += 1

    # Assigned to UBND-T's specialist: overdue, due soon, on time; one finished.
    work = (
        ("Sở Y tế tỉnh Hà Tĩnh", "Về việc triển khai tiêm chủng mở rộng năm 2027", "overdue"),
        (
            "UBND huyện Cẩm Xuyên",
            "V/v báo cáo tình hình giải phóng mặt bằng dự án đường ven biển",
            "soon",
        ),
        (
            "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
            "Về việc tổng kết tuyển sinh năm học 2026–2027",
            "later",
        ),
        ("Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh", "Về việc thi đua, khen thưởng năm 2026", "done"),
    )
    for organ, subject, when in work:
        notation = notation_for(pick, organ, "Công văn")
        doc = story.document(
            ubnd, "incoming", "Công văn", notation, subject, organ=organ, days_ago=6
        )
        story.step(doc, ubnd.clerk, Step.PRESENT, to=[ubnd.leader.id])
        story.step(
            doc,
            ubnd.leader,
            Step.ASSIGN,
            lead=ubnd.specialist.id,
            info=[ubnd.clerk.id],
            deadline=soon if when == "soon" else later,
            comment="Giao chuyên viên chủ trì tham mưu, báo cáo đúng hạn.",
        )
        if when == "overdue":
            story.overdue(doc, 3)
        if when in ("soon", "done"):
            story.step(doc, ubnd.specialist, Step.NOTE, comment="Đang tổng hợp số liệu các đơn vị.")
        if when == "soon":  # more time asked: the leader finds it in "Chờ chỉ đạo"
            story.step(
                doc,
                ubnd.specialist,
                Step.ASK_EXTENSION,
                deadline=add_working_days(soon, 5),
                comment="Chờ số liệu của các huyện, xin gia hạn thêm 5 ngày làm việc.",
            )
        if when == "done":
            story.step(doc, ubnd.specialist, Step.FINISH, comment="Đã tham mưu văn bản trả lời.")
        count += 1

    # UBND-T's outgoing: a draft, two waiting for the leader's signature (one sent back once),
    # one signed waiting for its number, one issued to STC and SNV.
    outgoing = [
        story.document(ubnd, "outgoing", kind, notation, subject, author=ubnd.specialist)
        for kind, notation, subject in (
            ("Kế hoạch", "KH-UBND", "Kế hoạch chuyển đổi số tỉnh Hà Tĩnh năm 2027"),
            ("Tờ trình", "TTr-UBND", "Tờ trình phê duyệt dự toán kinh phí phòng, chống thiên tai"),
            ("Quyết định", "QĐ-UBND", "Quyết định thành lập Tổ công tác cải cách hành chính"),
            ("Công văn", "UBND-KT", "Về việc tăng cường phòng cháy, chữa cháy mùa khô"),
            ("Thông báo", "TB-UBND", "Thông báo lịch tiếp công dân tháng 12 năm 2026"),
        )
    ]
    plan, report, decision, letter, notice = outgoing
    story.step(report, ubnd.specialist, Step.SUBMIT, to=[ubnd.leader.id])
    story.step(decision, ubnd.specialist, Step.SUBMIT, to=[ubnd.leader.id])
    story.step(decision, ubnd.leader, Step.SEND_BACK, comment="Bổ sung căn cứ pháp lý.")
    story.step(decision, ubnd.specialist, Step.SUBMIT, to=[ubnd.leader.id], comment="Đã bổ sung.")
    story.step(letter, ubnd.specialist, Step.SUBMIT, to=[ubnd.leader.id])
    story.step(letter, ubnd.leader, Step.APPROVE, comment="Đồng ý")
    count += len(outgoing) + len(story.issue(notice, ubnd, ["STC", "SNV"]))
    del plan  # stays a draft

    # The exchange: letters from outside the province arrived as edXML packages (one asked
    # back by its sender), and the notice went to Nghệ An too, which answered.
    from .exchange.demo import tell_exchange_story  # the exchange builds on the workflow

    count += tell_exchange_story(
        session,
        blobs,
        data_dir,
        ubnd.org,
        ubnd.clerk,
        notice,
        render_letter,  # type: ignore[arg-type]
    )
    session.commit()
    logger.info("demo story: %d documents", count)
    return count
