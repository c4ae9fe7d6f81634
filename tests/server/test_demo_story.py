"""The demo's story: work at every stage, reached by real steps, so statuses, parts,
deadlines, files and traces agree (what a new user of the demo sees first)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from base.deadlines import today_in_vietnam
from server.app import create_app
from server.config import ServerSettings
from server.demo import NEEDS_A_FILE, generate_demo_data
from server.demo_story import STORY_MARK, tell_demo_story
from server.models import Assignment, Document, Organisation, TraceEvent, User
from services.letters import render_letter_pdf


def test_the_story_has_every_stage_and_keeps_its_promises(tmp_path: Path) -> None:
    state = create_app(ServerSettings(data_dir=tmp_path)).state.vanthu
    generate_demo_data(
        state.db,
        state.blobs,
        300,
        10,
        render_letter=render_letter_pdf,
        story=True,
        data_dir=tmp_path,
    )
    with state.db.session() as session:
        ubnd = session.scalar(select(Organisation.id).where(Organisation.code == "UBND-T"))
        stc = session.scalar(select(Organisation.id).where(Organisation.code == "STC"))
        specialist = session.scalar(select(User.id).where(User.username == "chuyenvien"))

        def statuses(org: int | None) -> dict[str, int]:
            rows = session.execute(
                select(Document.status, func.count())
                .where(Document.organisation_id == org, Document.description == STORY_MARK)
                .group_by(Document.status)
            )
            return {status: count for status, count in rows}

        mine = statuses(ubnd)
        assert mine["arrived"] == 2  # from STC and SNV, "Chờ vào sổ"
        assert mine["pending_signature"] == 2 and mine["signed"] == 1 and mine["draft"] == 1
        assert mine["issued"] == 1 and mine["done"] == 1 and mine["received"] == 2
        assert mine["assigned"] + mine["processing"] == 3
        assert statuses(stc)["arrived"] == 1  # UBND-T's notice reached STC
        origins = dict(
            session.execute(select(Document.origin, func.count()).group_by(Document.origin)).all()
        )
        # One way to be born: the history imported, the copies the story issued delivered.
        assert origins["imported"] >= 300 and origins["delivered"] >= 3
        assert set(origins) == {"imported", "delivered", "exchange"}
        # Through the exchange: two letters from outside the province wait to be registered
        # (one asked back by its sender), and the notice went to Nghệ An, which answered.
        from server.documents import documents_out

        exchanged = session.scalars(select(Document).where(Document.origin == "exchange")).all()
        assert len(exchanged) == 2
        assert {d.status for d in exchanged} == {"arrived"}
        assert all(d.organisation_id == ubnd and d.document_identifier for d in exchanged)
        shown = documents_out(session, list(exchanged))
        assert sum("take_back_asked" in d.marks for d in shown) == 1
        assert all(d.exchange and d.exchange.sender.startswith("000.00.00.G") for d in shown)
        notice = session.scalar(
            select(Document).where(
                Document.organisation_id == ubnd,
                Document.status == "issued",
                Document.description == STORY_MARK,
            )
        )
        assert notice is not None and notice.document_identifier
        (sent,) = documents_out(session, [notice])
        outside = [d for d in sent.deliveries if d.via == "axis"]
        assert [(d.agency_code, d.status_code) for d in outside] == [("000.00.00.H41", "03")]
        assert "external" in sent.marks
        asked = session.scalars(
            select(Assignment).where(Assignment.requested_deadline.is_not(None))
        ).all()
        assert len(asked) == 1 and asked[0].user_id == specialist  # more time asked, once
        # Every document of the day's work in a state that needs a file has one (the archive's
        # older issued letters, imported from an older system, may be register entries only).
        without = session.scalar(
            select(func.count()).where(
                Document.status.in_((*NEEDS_A_FILE, "arrived")),
                Document.current_version == 0,
                (Document.origin != "imported") | (Document.status != "issued"),
            )
        )
        assert without == 0
        # No document in progress without the handler's part (the bulk is the archive).
        orphans = session.scalar(
            select(func.count()).where(
                Document.status.in_(("assigned", "processing")),
                ~select(Assignment.id).where(Assignment.document_id == Document.id).exists(),
            )
        )
        assert orphans == 0
        deadlines = sorted(
            session.scalars(
                select(Assignment.deadline).where(
                    Assignment.user_id == specialist, Assignment.state == "active"
                )
            )
        )
        today = today_in_vietnam()
        assert deadlines[0] < today < deadlines[-1]  # overdue work, and work with time left
        sent_back = session.scalar(select(func.count()).where(TraceEvent.action == "send_back"))
        assert sent_back == 1
        assert tell_demo_story(session, state.blobs, tmp_path, render_letter_pdf) == 0  # told once
    state.db.dispose()
