"""The demo reads like a real office's registers: a number and notation stand for one letter of
one organ in one year, a notation carries its organ's abbreviation (SYT = Sở Y tế), drafts are
a handful from the last days, and every demo user's work queues hold tens of documents, not
hundreds (the archive is finished) — while every stage still has its sample documents."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
from sqlalchemy import select

from base.deadlines import today_in_vietnam
from server.app import create_app
from server.config import ServerSettings
from server.demo import (
    DRAFTS_PER_AUTHOR,
    ORGAN_ABBREVIATIONS,
    RECEIVED_DAYS,
    RECENT_DAYS,
    generate_demo_data,
    notation_organ,
)
from server.models import Document, User
from server.seed import DEMO_USERS
from services.letters import render_letter_pdf

DOCUMENTS = 2000
"""The desktop demo's default (``services.demo.prepare_demo``)."""
QUEUE_BOUND = 30
"""A clerk's day fits on one screen: tens of documents in a work queue, not hundreds."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    data_dir = tmp_path_factory.mktemp("demo")
    state = create_app(ServerSettings(data_dir=data_dir)).state.vanthu
    generate_demo_data(
        state.db,
        state.blobs,
        DOCUMENTS,
        40,
        render_letter=render_letter_pdf,
        story=True,
        data_dir=data_dir,
    )
    with state.db.session() as session:
        yield session, list(session.scalars(select(Document).where(Document.deleted.is_(False))))
    state.db.dispose()


def test_a_number_and_notation_stand_for_one_letter_of_one_organ_a_year(demo) -> None:  # type: ignore[no-untyped-def]
    _session, docs = demo
    letters: dict[tuple[str, int, str], set[tuple[str, str]]] = defaultdict(set)
    held: Counter[tuple[int, str, int, str]] = Counter()
    for doc in docs:
        if not doc.code_number or doc.issued_date is None:
            continue
        key = (doc.organ_name, doc.issued_date.year, doc.code_number)
        letters[key].add((doc.code_notation, doc.subject))  # the original and its copies agree
        held[doc.organisation_id, *key] += 1
    assert len(letters) > DOCUMENTS // 2
    twice = {key: found for key, found in letters.items() if len(found) > 1}
    assert not twice, list(twice.items())[:5]
    assert max(held.values()) == 1  # one organisation never holds one letter twice
    senders: dict[tuple[dt.date, str, str], set[str]] = defaultdict(set)
    for d in docs:
        if d.code_number and d.issued_date and d.direction == "incoming":
            senders[d.issued_date, d.code_number, d.code_notation].add(d.organ_name)
    assert max(len(s) for s in senders.values()) == 1  # never "106/CV" from three organs a day


def test_a_notation_carries_its_organs_abbreviation(demo) -> None:  # type: ignore[no-untyped-def]
    _session, docs = demo
    wrong = [
        (d.organ_name, f"{d.code_number}/{d.code_notation}")
        for d in docs
        if notation_organ(d.code_notation) != ORGAN_ABBREVIATIONS.get(d.organ_name)
    ]
    assert not wrong, wrong[:5]
    assert {notation_organ(d.code_notation) for d in docs} >= {"SYT", "STC", "SNV", "UBND"}


def test_drafts_are_a_handful_from_the_last_days(demo) -> None:  # type: ignore[no-untyped-def]
    session, docs = demo
    drafts = [d for d in docs if d.status == "draft"]
    assert drafts  # the stage still has its samples
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    oldest = max(now - d.updated_at for d in drafts)
    assert oldest <= dt.timedelta(days=RECENT_DAYS + 1), oldest
    per_author = Counter(d.created_by for d in drafts)
    roles = dict(session.execute(select(User.id, User.role)).all())
    assert max(per_author.values()) <= DRAFTS_PER_AUTHOR + 1  # a story draft on top, at most
    assert {roles[a] for a in per_author} == {"specialist"}  # drafted by specialists
    per_org = Counter(d.organisation_id for d in drafts)
    assert max(per_org.values()) <= 10
    today = today_in_vietnam()
    waiting = [d for d in docs if d.status == "received" and d.origin == "imported"]
    assert all(
        d.arrival_date and (today - d.arrival_date).days <= max(RECEIVED_DAYS, 7) for d in waiting
    )


def test_every_demo_users_queues_fit_on_one_screen(tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """Through the desktop's own queues (the cache synced from the real server), for every demo
    user who has queues in the three demo organisations."""
    from client.cache.queues import Queue
    from services.session import open_session
    from services.workspace import Workspace
    from tests.fixtures.server import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("demo-queues"))
    server.demo_data(DOCUMENTS, 40, story=True)
    server.start()
    try:
        seen: dict[str, dict[Queue, int]] = {}
        for user in DEMO_USERS:
            if user.role not in ("clerk", "leader", "specialist"):
                continue
            workspace = Workspace(open_session(server.base_url, user.username, user.password))
            try:
                workspace.sync_now()
                seen[user.username] = workspace.queue_counts()
            finally:
                workspace.close()
        for username, counts in seen.items():
            work = {q: n for q, n in counts.items() if q is not Queue.ISSUED}
            assert max(work.values(), default=0) <= QUEUE_BOUND, (username, work)
        clerk, leader = seen["vanthu"], seen["lanhdao"]
        assert clerk[Queue.TO_REGISTER] and clerk[Queue.DRAFTS] and clerk[Queue.TO_ISSUE]
        assert leader[Queue.TO_DIRECT] and leader[Queue.TO_SIGN] and leader[Queue.OVERDUE]
        assert seen["chuyenvien"][Queue.MY_WORK] and seen["chuyenvien"][Queue.DRAFTS]
        print({u: {q.value: n for q, n in c.items()} for u, c in seen.items()})
    finally:
        server.stop()
