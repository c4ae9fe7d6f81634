"""The access policy's SQL asked as index-friendly branches (the list's newest first, the
snapshot's oldest first, the change feed in revision order) answers exactly what the rule
for one row (``can_read``) says, page after page, on both databases: random organisations,
roles, secrets, grants across organisations and deletions."""

from __future__ import annotations

import random
import uuid

from sqlalchemy import select

from base.workflow import Origin
from server.db import Database
from server.documents import born, touch
from server.models import Document, Grant, Organisation, User
from server.policy import can_read, feed_page, newest_readable, oldest_readable_rows

ROLES = ("clerk", "leader", "specialist", "archivist")


def _province(db: Database, rng: random.Random) -> list[int]:
    """Three organisations with a person of every role, 150 documents (a fifth secret, some
    deleted, some changed again later), and grants within and across organisations."""
    with db.session() as session:
        people: list[User] = []
        for n in range(3):
            org = Organisation(code=f"P{uuid.uuid4().hex[:6]}", name=f"Sở số {n}")
            session.add(org)
            session.flush()
            for role in ROLES:
                person = User(
                    username=f"{role}{org.id}",
                    full_name=f"{role} {n}",
                    organisation_id=org.id,
                    role=role,
                    password_hash="x",
                )
                session.add(person)
                people.append(person)
        session.flush()
        docs: list[Document] = []
        for i in range(150):
            author = rng.choice(people)
            doc = born(
                session,
                Origin.IMPORTED,
                direction=rng.choice(["incoming", "outgoing"]),
                status=rng.choice(["received", "registered", "done", "draft"]),
                organisation_id=author.organisation_id,
                created_by=author.id,
                subject=f"Văn bản số {i}",
                secrecy=rng.choice([0, 0, 0, 0, 1, 2]),
            )
            session.add(doc)
            docs.append(doc)
            session.flush()
        for doc in rng.sample(docs, 40):
            session.add(Grant(document_id=doc.id, user_id=rng.choice(people).id))
        session.flush()
        for doc in rng.sample(docs, 30):  # changed again: their feed position moves on
            doc.subject += " (sửa)"
            touch(session, doc)
            session.flush()
        for doc in rng.sample(docs, 10):
            doc.deleted = True
            touch(session, doc)
        session.commit()
        return [p.id for p in people]


def _rule(db: Database, user_id: int) -> tuple[list[tuple[int, bool]], list[int]]:
    """The feed (id, readable) in revision order and the readable live ids, by the row rule."""
    with db.session() as session:
        user = session.get_one(User, user_id)
        granted = set(session.scalars(select(Grant.document_id).where(Grant.user_id == user_id)))
        everything = session.scalars(select(Document).order_by(Document.revision)).all()
        feed = [
            (d.id, can_read(session, user, d))
            for d in everything
            if d.organisation_id == user.organisation_id or d.id in granted
        ]
        live = sorted(d.id for d in everything if not d.deleted and can_read(session, user, d))
        return feed, live


def _feed(db: Database, user_id: int, limit: int) -> list[tuple[int, bool]]:
    got: list[tuple[int, bool]] = []
    since = 0
    with db.session() as session:
        user = session.get_one(User, user_id)
        while rows := session.execute(feed_page(user, since, limit)).all():
            got += [(doc.id, bool(doc.allowed)) for doc in rows]
            since = rows[-1].revision
    return got


def _paged(db: Database, user_id: int, limit: int, newest_first: bool) -> list[int]:
    got: list[int] = []
    with db.session() as session:
        user = session.get_one(User, user_id)
        live = select(Document).where(Document.deleted.is_(False))
        while True:
            if newest_first:
                query = live.where(Document.id < got[-1]) if got else live
                page = session.execute(newest_readable(query, user, limit)).all()
            else:
                query = live.where(Document.id > got[-1]) if got else live
                page = session.execute(oldest_readable_rows(query, user, limit)).all()
            if not page:
                return got
            got += [d.id for d in page]


def test_the_branches_answer_what_the_row_rule_says(database: Database) -> None:
    rng = random.Random(30)
    people = _province(database, rng)
    for user_id in people:
        feed, live = _rule(database, user_id)
        assert feed and live, "every person sees something of their organisation"
        for limit in (1, 7, 500):
            assert _feed(database, user_id, limit) == feed, (user_id, limit)
        assert _paged(database, user_id, 9, newest_first=False) == live, user_id
        assert _paged(database, user_id, 9, newest_first=True) == live[::-1], user_id
