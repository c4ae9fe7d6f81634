"""Realistic demo documents of one province, inserted in bulk.

Metadata goes in with Core ``executemany`` in large chunks so a million
documents take minutes; the first ``pdfs`` documents also get a generated
official-letter PDF (with a real signature block) as version 1.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import case, insert, select
from sqlalchemy.orm import Session

from .db import Database, next_seq
from .deps import today_vn
from .documents import imported_rows, search_text_of
from .filestore import BlobStore
from .letters import OfficialLetter
from .models import Assignment, Document, Organisation, Register, TraceEvent, User, utcnow
from .seed import DEMO_HOMES, seed_base
from .versions import add_file_version

__all__ = ["DemoDataReport", "generate_demo_data", "LetterRenderer"]

logger = logging.getLogger(__name__)

LetterRenderer = Callable[[OfficialLetter], bytes]
"""Draws a demo letter as PDF bytes (supplied by the demo composition, outside the server)."""

DOC_TYPES = (
    ("Công văn", "CV", 0.45),
    ("Quyết định", "QĐ", 0.15),
    ("Tờ trình", "TTr", 0.08),
    ("Báo cáo", "BC", 0.12),
    ("Thông báo", "TB", 0.08),
    ("Kế hoạch", "KH", 0.07),
    ("Giấy mời", "GM", 0.05),
)
TOPICS = (
    "quản lý đất đai",
    "giải ngân vốn đầu tư công",
    "phòng, chống thiên tai",
    "xây dựng nông thôn mới",
    "cải cách hành chính",
    "chuyển đổi số",
    "bảo vệ môi trường",
    "phòng cháy, chữa cháy",
    "tuyển sinh năm học mới",
    "tiêm chủng mở rộng",
    "thu ngân sách nhà nước",
    "an toàn giao thông",
    "bồi thường, giải phóng mặt bằng",
    "quy hoạch sử dụng đất",
    "thi đua, khen thưởng",
    "đào tạo, bồi dưỡng cán bộ",
    "kiểm tra công tác văn thư, lưu trữ",
    "phát triển du lịch",
)
PLACES = (
    "huyện Cẩm Xuyên",
    "thị xã Kỳ Anh",
    "huyện Đức Thọ",
    "thành phố Hà Tĩnh",
    "huyện Hương Sơn",
    "huyện Thạch Hà",
    "huyện Nghi Xuân",
    "toàn tỉnh",
)
OPENERS = (
    "Về việc triển khai",
    "V/v báo cáo tình hình",
    "Phê duyệt kế hoạch",
    "Về việc đôn đốc thực hiện",
    "Hướng dẫn",
    "Về việc tăng cường",
    "Tổng kết công tác",
    "Về việc góp ý dự thảo",
)
SIGNERS = (
    ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Quốc Việt"),
    ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Võ Trọng Hải"),
    ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Mai Anh"),
    ("", "GIÁM ĐỐC", "Đặng Văn Thành"),
    ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Hoàng Đình Phúc"),
)
EXTERNAL_ISSUERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Bộ Tài nguyên và Môi trường", "BTNMT", ("BTNMT-ĐĐ", "BTNMT-TNN")),
    ("Văn phòng Chính phủ", "VPCP", ("VPCP-KGVX", "VPCP-KTTH")),
    ("Bộ Thông tin và Truyền thông", "BTTTT", ("BTTTT-CĐSQG", "BTTTT-BCVT")),
    ("Sở Y tế tỉnh Hà Tĩnh", "SYT", ("SYT-NVY", "SYT-KHTC")),
    ("Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh", "SGDĐT", ("SGDĐT-GDTrH", "SGDĐT-VP")),
    ("Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh", "STNMT", ("STNMT-QLĐĐ", "STNMT-MT")),
    ("Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh", "SKHĐT", ("SKHĐT-TH", "SKHĐT-ĐKKD")),
    ("UBND huyện Cẩm Xuyên", "UBND", ("UBND-VP", "UBND-TNMT")),
    ("UBND thị xã Kỳ Anh", "UBND", ("UBND-VP", "UBND-KT")),
)
"""Organs outside the demo that write to it: (name, the abbreviation its notations carry, the
notations of its công văn). The demo organisations write to each other only in the story,
through real issues, so a number of theirs is never made up twice."""
HOME_ISSUERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "UBND-T": ("UBND", ("UBND-VP", "UBND-KT", "UBND-TH", "UBND-NL")),
    "STC": ("STC", ("STC-NS", "STC-QLG")),
    "SNV": ("SNV", ("SNV-CCHC", "SNV-TCCB")),
}
ORGAN_ABBREVIATIONS: dict[str, str] = {name: abbr for name, abbr, _ in EXTERNAL_ISSUERS} | {
    "Ủy ban nhân dân tỉnh Hà Tĩnh": "UBND",
    "Sở Tài chính tỉnh Hà Tĩnh": "STC",
    "Sở Nội vụ tỉnh Hà Tĩnh": "SNV",
}
"""Each issuing organ and the abbreviation its notations carry (SYT = Sở Y tế…)."""
TYPE_SHORTS = frozenset(short for _, short, _ in DOC_TYPES)
RECENT_DAYS = 4
"""Drafts are from the last few days; older outgoing letters are issued (the archive)."""
DRAFTS_PER_AUTHOR = 3
"""A specialist has a handful of drafts on the go, not hundreds."""
RECEIVED_DAYS = 2
"""Incoming letters registered in the last days may wait to be presented; older ones are done."""


def notation_organ(notation: str) -> str:
    """The organ abbreviation in a notation: "SYT" in "SYT-NVY" and in "QĐ-SYT"."""
    first, _, rest = notation.partition("-")
    return rest.split("-")[0] if first in TYPE_SHORTS else first


def notation_for(rng: random.Random, organ: str, doc_type: str) -> str:
    """A notation the organ would write: its own for a công văn ("SYT-NVY"), the type's short
    name and its abbreviation for the others ("QĐ-SYT")."""
    abbr = ORGAN_ABBREVIATIONS.get(organ, "UBND")
    if doc_type == "Công văn":
        found = [n for name, _, notations in EXTERNAL_ISSUERS if name == organ for n in notations]
        home = [n for a, notations in HOME_ISSUERS.values() if a == abbr for n in notations]
        return rng.choice(found or home or [f"{abbr}-VP"])
    short = next((s for name, s, _ in DOC_TYPES if name == doc_type), "CV")
    return f"{short}-{abbr}"


@dataclass(frozen=True)
class DemoDataReport:
    documents: int
    pdfs: int
    seconds: float


def _weighted_type(rng: random.Random) -> tuple[str, str]:
    roll, acc = rng.random(), 0.0
    for name, short, weight in DOC_TYPES:
        acc += weight
        if roll <= acc:
            return name, short
    return DOC_TYPES[0][0], DOC_TYPES[0][1]


@dataclass
class _Numbers:
    """What the generator has used so far: each outside organ's numbers of the year (rising with
    the date, with gaps for the letters it sent elsewhere), and each author's recent drafts."""

    rng: random.Random
    today: dt.date
    issued: dict[tuple[str, int], int] = field(default_factory=dict)
    drafts: dict[int, int] = field(default_factory=dict)
    authors: dict[int, list[int]] = field(default_factory=dict)
    """The specialists of each demo organisation, who write its drafts."""

    def next_number(self, organ: str, year: int) -> str:
        number = self.issued.get((organ, year), 0) + self.rng.randint(1, 4)
        self.issued[organ, year] = number
        return f"{number:02d}"

    def drafter(self, org_id: int, day: dt.date) -> int | None:
        """A specialist still under their handful of drafts, for a letter of the last days."""
        if (self.today - day).days > RECENT_DAYS:
            return None
        for author in self.authors.get(org_id, ()):
            if self.drafts.get(author, 0) < DRAFTS_PER_AUTHOR:
                self.drafts[author] = self.drafts.get(author, 0) + 1
                return author
        return None


def _at(day: dt.date, hour: int) -> dt.datetime:
    """``hour`` o'clock Vietnam time on ``day``, stored as naive UTC, never in the future."""
    return min(dt.datetime.combine(day, dt.time(hour)) - dt.timedelta(hours=7), utcnow())


def _row(
    rng: random.Random,
    numbers: _Numbers,
    day: dt.date,
    home_org: int,
    author: int,
    home_name: str,
) -> dict[str, Any]:
    """One archive document of ``day``: the arrival date of an incoming one (issued a few days
    before by an outside organ, numbered in its series), the issue date of an outgoing one
    (numbered from the register later), or a draft of the last days by a specialist."""
    doc_type, _short = _weighted_type(rng)
    direction = "incoming" if rng.random() < 0.72 else "outgoing"
    year = day.year
    issued = (
        day
        if direction == "outgoing"
        else max(dt.date(year, 1, 1), day - dt.timedelta(days=rng.randint(0, 3)))
    )
    subject = (
        f"{rng.choice(OPENERS)} {rng.choice(TOPICS)} trên địa bàn {rng.choice(PLACES)} năm {year}"
    )
    _authority, position, signer = rng.choice(SIGNERS)
    organ = rng.choice(EXTERNAL_ISSUERS)[0] if direction == "incoming" else home_name
    urgency = rng.choices((0, 1, 2, 3), (0.8, 0.12, 0.06, 0.02))[0]
    secrecy = rng.choices((0, 1, 2), (0.93, 0.05, 0.02))[0]
    due = issued + dt.timedelta(days=rng.choice((5, 7, 10, 15, 30))) if rng.random() < 0.4 else None
    row: dict[str, Any] = {
        "direction": direction,
        "doc_type": doc_type,
        "code_number": numbers.next_number(organ, year) if direction == "incoming" else None,
        "code_notation": notation_for(rng, organ, doc_type),
        "issued_date": issued,
        "organ_name": organ,
        "subject": subject,
        "language": "vi",
        "page_amount": rng.randint(1, 12),
        "description": "",
        "signer_position": position.title(),
        "signer_name": signer,
        "urgency": urgency,
        "secrecy": secrecy,
        "due_date": due,
        "to_places": ["Các sở, ban, ngành cấp tỉnh", "UBND các huyện, thành phố, thị xã"],
        "recipients": ["Như trên", "Lưu: VT"],
        "issued_amount": None,
        "file_code": "",
        "register_id": None,
        "organisation_id": home_org,
        "created_by": author,
        "created_at": _at(day, 8),
        "updated_at": _at(day, 10 + rng.randint(0, 6)),
        "current_version": 0,
        "deleted": False,
        "arrival_number": None,
        "arrival_date": None,
    }
    if direction == "incoming":
        row["arrival_date"] = day
        # The archive: finished, or registered in the last days and not yet presented. Work in
        # progress comes from the story (server.demo_story), with its parts and deadlines.
        recent = (numbers.today - day).days <= RECEIVED_DAYS
        row["status"] = "received" if recent and rng.random() < 0.3 else "done"
        row["to_places"] = [rng.choice(("Văn phòng UBND tỉnh", "Phòng Kinh tế", "Phòng Tổng hợp"))]
    else:
        row["status"] = "issued"
        row["issued_amount"] = rng.randint(2, 30)
        drafter = numbers.drafter(home_org, day)
        if drafter is not None:  # a draft of the last days: no number or date until issued
            row.update(
                status="draft", created_by=drafter, secrecy=0, issued_date=None, issued_amount=None
            )
    row["search_text"] = _search_text(row)
    return row


def _search_text(row: dict[str, Any]) -> str:
    """The row's ``search_text``, as ``born`` writes it (the SQLite search index follows it by
    trigger, PostgreSQL's by the column itself)."""
    return search_text_of(row)


def _chunks(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(total, start + size))


def generate_demo_data(
    db: Database,
    blobs: BlobStore,
    count: int,
    pdfs: int = 0,
    *,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
    render_letter: LetterRenderer | None = None,
    story: bool = False,
    data_dir: Path | None = None,
) -> DemoDataReport:
    """Insert ``count`` documents (the first ``pdfs`` with a PDF, when a renderer is given);
    ``story`` adds the day's work at every stage (``server.demo_story``, it needs the renderer
    and ``data_dir``, the server's data folder)."""
    import time

    started = time.perf_counter()
    rng = random.Random(seed)
    today = today_vn()
    new_year = dt.date(today.year, 1, 1)
    days = (today - new_year).days
    with db.session() as session:
        seed_base(session)
        homes = _homes(session)  # (organisation id, its clerk's id), the first is UBND-T
        numbers = _Numbers(random.Random(seed + 2), today, authors=_authors(session, homes))
        done = 0
        for chunk in _chunks(count, 5000):
            rows = [
                _row(
                    rng,
                    numbers,
                    new_year + dt.timedelta(days=i * days // max(1, count)),
                    *_home_for(homes, i),
                )
                for i in chunk
            ]
            _number_arrivals(session, rows)
            _number_issued(session, rows)
            imported_rows(session, rows)
            session.execute(insert(Document), rows)
            session.commit()
            done += len(rows)
            if progress:
                progress(done, count)
        made = 0
        if pdfs and render_letter:
            for index, (org_id, _clerk, _name) in enumerate(homes):  # every organisation gets some
                wanted = pdfs if index == 0 else max(1, pdfs // 4)
                made += _attach_pdfs(session, blobs, org_id, wanted, render_letter)
        _archive_history(session, random.Random(seed + 1))
        if story:
            _story(session, blobs, data_dir, render_letter)
    db.refresh_statistics()
    return DemoDataReport(count, made, time.perf_counter() - started)


NEEDS_A_FILE = ("pending_signature", "signed", "numbered", "issued")
"""Outgoing states that only a document with its file can be in (signed, numbered, issued). The
archive's older issued letters, imported from an older system, keep their register entry; the
newest get their PDF first (``_attach_pdfs``), as does all the work in progress."""


def _story(
    session: Session, blobs: BlobStore, data_dir: Path | None, render_letter: LetterRenderer | None
) -> int:
    """The day's work at every stage (with files when a renderer is given); counted as PDFs."""
    from .demo_story import tell_demo_story  # it builds on this module's seed

    if not render_letter:
        return 0
    if data_dir is None:
        raise ValueError("the demo story needs the server's data folder (exchange secrets)")
    return tell_demo_story(session, blobs, data_dir, render_letter)


ARCHIVE_HISTORY = 400
"""How many of each organisation's latest finished documents get who handled them and when:
enough for the processing report to mean something, few enough for a million-row demo."""


def _archive_history(session: Session, rng: random.Random) -> None:
    """The latest finished incoming documents get their lead handler's finished part (a
    specialist of the organisation, with a deadline met or missed) and the assign and finish
    steps in their trace, dated from their arrival."""
    for org_id, _clerk, _name in _homes(session):
        people = list(
            session.scalars(
                select(User).where(User.organisation_id == org_id, User.active.is_(True))
            )
        )
        leader = next((u for u in people if u.role == "leader"), None)
        handlers = [u for u in people if u.role == "specialist"]
        if leader is None or not handlers:
            continue
        docs = session.scalars(
            select(Document)
            .where(
                Document.organisation_id == org_id,
                Document.direction == "incoming",
                Document.status == "done",
                ~select(Assignment.id).where(Assignment.document_id == Document.id).exists(),
            )
            .order_by(Document.id.desc())
            .limit(ARCHIVE_HISTORY)
        )
        for doc in docs:
            handler = rng.choice(handlers)
            arrived = dt.datetime.combine(doc.arrival_date or today_vn(), dt.time(2))  # 09:00 VN
            deadline = (doc.arrival_date or today_vn()) + dt.timedelta(days=10)
            finished = arrived + dt.timedelta(days=rng.choice((2, 4, 6, 8, 9, 12)), hours=5)
            session.add(
                Assignment(
                    document_id=doc.id,
                    user_id=handler.id,
                    kind="lead",
                    state="done",
                    deadline=deadline,
                    assigned_by=leader.id,
                    created_at=arrived,
                    closed_at=finished,
                )
            )
            for at, who, action, before, after in (
                (arrived, leader, "assign", "received", "assigned"),
                (finished, handler, "finish", "assigned", "done"),
            ):
                session.add(
                    TraceEvent(
                        document_id=doc.id,
                        at=at,
                        user_id=who.id,
                        role=who.role,
                        action=action,
                        from_status=before,
                        to_status=after,
                        comment="Đã giải quyết" if action == "finish" else "",
                        recipients=[handler.id] if action == "assign" else [],
                    )
                )
    session.commit()


def _reserve(
    session: Session, org_id: int, direction: str, count: int, day: dt.date | None = None
) -> int:
    """The first of ``count`` consecutive numbers taken from the organisation's register of
    the year (a demo register reads like a real one: numbers in date order, no repeats)."""
    year = (day or today_vn()).year
    register = session.scalar(
        select(Register).where(
            Register.organisation_id == org_id,
            Register.direction == direction,
            Register.year == year,
        )
    )
    if register is None:
        register = Register(
            organisation_id=org_id,
            name="Sổ văn bản đến" if direction == "incoming" else "Sổ văn bản đi",
            direction=direction,
            year=year,
            next_number=1,
        )
        session.add(register)
    first = register.next_number
    register.next_number = first + count
    session.flush()
    return first


def _number_arrivals(session: Session, rows: list[dict[str, Any]]) -> None:
    """Arrival numbers for a chunk of incoming rows (in date order), per organisation."""
    by_org: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        if row["direction"] == "incoming":
            by_org.setdefault(row["organisation_id"], []).append(row)
    for org_id, mine in by_org.items():
        first = _reserve(session, org_id, "incoming", len(mine), mine[0]["arrival_date"])
        for offset, row in enumerate(mine):
            row["arrival_number"] = first + offset
            row["search_text"] = _search_text(row)


def _number_issued(session: Session, rows: list[dict[str, Any]]) -> None:
    """Numbers for a chunk's issued outgoing rows (in date order) from each organisation's
    register of the year: one series per organisation, no number twice."""
    by_org: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        if row["direction"] == "outgoing" and row["status"] == "issued":
            by_org.setdefault(row["organisation_id"], []).append(row)
    for org_id, mine in by_org.items():
        first = _reserve(session, org_id, "outgoing", len(mine), mine[0]["issued_date"])
        for offset, row in enumerate(mine):
            row["code_number"] = f"{first + offset:02d}"
            row["search_text"] = _search_text(row)


def _authors(session: Session, homes: list[tuple[int, int, str]]) -> dict[int, list[int]]:
    """The specialists of each demo organisation (who write its drafts)."""
    return {
        org_id: list(
            session.scalars(
                select(User.id)
                .where(User.organisation_id == org_id, User.role == "specialist")
                .order_by(User.id)
            )
        )
        for org_id, _clerk, _name in homes
    }


def _homes(session: Session) -> list[tuple[int, int, str]]:
    homes = []
    for code in DEMO_HOMES:
        org = session.scalar(select(Organisation).where(Organisation.code == code))
        org_id = org.id if org is not None else None
        clerk = session.scalar(
            select(User.id)
            .where(User.organisation_id == org_id, User.role == "clerk")
            .order_by(User.id)
        )
        if org is not None and clerk is not None:
            homes.append((org.id, clerk, org.name))
    return homes


def _home_for(homes: list[tuple[int, int, str]], index: int) -> tuple[int, int, str]:
    """70 % of the documents belong to the first organisation, the rest to the others."""
    if len(homes) == 1 or index % 10 < 7:
        return homes[0]
    return homes[1 + index % (len(homes) - 1)]


def _attach_pdfs(
    session: Session, blobs: BlobStore, org_id: int, pdfs: int, render_letter: LetterRenderer
) -> int:
    docs = list(
        session.scalars(
            select(Document)
            .where(Document.current_version == 0, Document.organisation_id == org_id)
            .order_by(  # work waiting for a signature first ("Chờ ký" is never a list of
                # blanks), then the newest letters, incoming and outgoing alike
                case((Document.status.in_(NEEDS_A_FILE[:3]), 0), else_=1),
                Document.id.desc(),
            )
            .limit(pdfs)
        )
    )
    for doc in docs:
        authority, position, name = next(
            (s for s in SIGNERS if s[2] == doc.signer_name), SIGNERS[0]
        )
        letter = OfficialLetter(
            organ_name=doc.organ_name.upper(),
            number_symbol=f"{doc.code_number or '    '}/{doc.code_notation}",
            place_date=f"Hà Tĩnh, ngày {doc.issued_date.day:02d} tháng {doc.issued_date.month:02d} năm {doc.issued_date.year}"
            if doc.issued_date
            else "Hà Tĩnh",
            doc_type=doc.doc_type.upper(),
            subject=doc.subject,
            body_paragraphs=(
                f"Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về {doc.subject[0].lower() + doc.subject[1:]}.",
                "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện, báo cáo kết quả đúng thời hạn.",
            ),
            signer_authority=authority,
            signer_position=position,
            signer_name=name,
            recipients=tuple(doc.recipients or ("Như trên", "Lưu: VT")),
            pages=1 + doc.id % 2,
        )
        add_file_version(
            session,
            blobs,
            doc,
            render_letter(letter),
            filename=f"{doc.doc_type}-{doc.id}.pdf",
            author_id=doc.created_by,
            note="Bản gốc",
        )
        doc.revision = next_seq(session)
        session.flush()
    session.commit()
    return len(docs)
