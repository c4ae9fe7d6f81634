"""Server-side search: with or without diacritics, indexed on both databases (SQLite's FTS5,
PostgreSQL's full-text GIN indexes), ranked (number, phrase, words), under the access policy,
kept right through edits, corrections, deletions and withdrawals, and filled by migration 0016
for rows written before it."""

from __future__ import annotations

import random
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from base.workflow import Origin
from server.db import MIGRATIONS, Database
from server.documents import born
from server.lists import ListFilters
from server.models import Document, Grant, Organisation, User
from server.search import PageCursor, Rank, Terms, ranked_page
from server.search import postgresql as search_postgresql
from server.text import NUMBER_END, fold
from tests.fixtures.outgoing import numbered_outgoing, take_step
from tests.server.test_access import Caller

# -- over HTTP, on both databases (the ``server`` fixture) ----------------------------------


def _found(caller: Caller, q: str, **params: object) -> list[int]:
    """Every id the search gives, page after page (small pages, to cross the tiers)."""
    ids: list[int] = []
    cursor = None
    while True:
        page = caller.get(
            "/documents",
            params={"q": q, "limit": 2, **params, **({"cursor": cursor} if cursor else {})},
        )
        assert page.status_code == 200, page.text
        ids += [d["id"] for d in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return ids


def test_with_or_without_diacritics_the_same_documents(server) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    tag = uuid.uuid4().hex[:8]
    first = clerk.create(subject=f"Quyết định về quản lý đất đai {tag}")["id"]
    made = {
        first,
        clerk.create(subject=f"V/v đo đạc ĐẤT ĐAI xã Cẩm Thịnh {tag}")["id"],
        clerk.create(subject=f"Báo cáo {tag}", organ_name="Sở Tài nguyên đất đai")["id"],
    }
    clerk.create(subject=f"Đất ở đô thị {tag}")  # "đất" without "đai"
    for q in (f"đất đai {tag}", f"dat dai {tag}", f"DAT DAI {tag}", f"Đất Đai {tag}"):
        assert set(_found(clerk, q)) == made, q
    assert _found(clerk, f"{tag} quan ly da") == [first]  # the last word may be a start
    assert _found(clerk, f"{tag} quản lý") == [first]


def test_words_matching_nothing_find_nothing(server) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    tag = uuid.uuid4().hex[:8]
    clerk.create(subject=f"Kế hoạch chuyển đổi số {tag}")
    assert _found(clerk, f"tàu ngầm {tag}") == []
    assert _found(clerk, f"khongcogi{tag}") == []
    assert _found(clerk, f"chuyen doi so {tag}x") == []  # "{tag}x" is no word's start
    assert _found(clerk, f"chuyen doi so {tag}") != []


def test_a_number_lookup_comes_first_then_the_phrase_then_the_words(server) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    tag = uuid.uuid4().hex[:6].upper()
    numbered = clerk.create(
        subject="Về việc giao chỉ tiêu", code_number="77", code_notation=f"QĐ-{tag}"
    )
    citing = clerk.create(subject=f"Triển khai Quyết định 77/QĐ-{tag} của tỉnh")
    scattered = clerk.create(subject=f"QĐ năm 77 về {tag}")
    assert _found(clerk, f"77/QĐ-{tag}") == [numbered["id"], citing["id"], scattered["id"]]
    page = clerk.get("/documents", params={"q": f"77/qd-{tag}", "limit": 1}).json()
    assert [d["id"] for d in page["items"]] == [numbered["id"]]
    assert page["next_cursor"] == f"0-{numbered['id']}"
    following = clerk.get(
        "/documents", params={"q": f"77/qd-{tag}", "limit": 5, "cursor": page["next_cursor"]}
    ).json()
    assert [d["id"] for d in following["items"]] == [citing["id"], scattered["id"]]
    assert following["next_cursor"] is None
    for cursor in ("3-1", "-1", "1-", "a", "1-2-3"):
        assert clerk.get("/documents", params={"q": "x", "cursor": cursor}).status_code == 422


def test_search_keeps_to_the_filters(server) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(server, "clerk")
    tag = uuid.uuid4().hex[:8]
    urgent = clerk.create(subject=f"Hỏa tốc {tag}", urgency=2)["id"]
    clerk.create(subject=f"Thường {tag}", urgency=0)
    assert _found(clerk, tag, urgency=2) == [urgent]


def test_a_secret_document_never_reaches_those_who_may_not_read_it(server) -> None:  # type: ignore[no-untyped-def]
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    specialist, outsider = Caller(server, "specialist"), Caller(server, "other_clerk")
    tag = uuid.uuid4().hex[:8]
    secret = clerk.request(
        "POST",
        "/documents",
        json={"direction": "outgoing", "subject": f"Phương án mật {tag}", "secrecy": 2},
    ).json()
    open_one = clerk.request(
        "POST", "/documents", json={"direction": "outgoing", "subject": f"Phương án {tag}"}
    ).json()
    assert set(_found(leader, f"phuong an {tag}")) == {secret["id"], open_one["id"]}
    for caller in (specialist, outsider):
        assert secret["id"] not in _found(caller, f"phuong an {tag}")
        assert secret["id"] not in _found(caller, f"phương án mật {tag}")
        listed = caller.get("/documents", params={"limit": 500}).json()["items"]
        assert secret["id"] not in {d["id"] for d in listed}
    assert _found(specialist, f"phuong an {tag}") == [open_one["id"]]
    shared = clerk.request(
        "POST", f"/documents/{secret['id']}/grants", json={"user_id": specialist.me["id"]}
    )
    assert shared.status_code == 201, shared.text
    assert set(_found(specialist, f"phuong an {tag}")) == {secret["id"], open_one["id"]}
    listed = specialist.get("/documents", params={"limit": 500}).json()["items"]
    assert secret["id"] in {d["id"] for d in listed}
    assert _found(outsider, f"phuong an {tag}") == []  # a grant never crosses organisations


def _patch(caller: Caller, doc_id: int, **body: object) -> dict:
    current = caller.get(f"/documents/{doc_id}").json()
    reply = caller.request(
        "PATCH",
        f"/documents/{doc_id}",
        json=body,
        headers={"If-Match": f'"{current["revision"]}"'},
    )
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


def test_the_index_follows_edits_corrections_deletions_and_withdrawals(server) -> None:  # type: ignore[no-untyped-def]
    clerk, admin = Caller(server, "clerk"), Caller(server, "org_admin")
    tag = uuid.uuid4().hex[:8]
    draft = clerk.request(
        "POST", "/documents", json={"direction": "outgoing", "subject": f"Dự thảo cũ {tag}"}
    ).json()
    _patch(clerk, draft["id"], subject=f"Dự thảo mới {tag}")
    assert _found(clerk, f"du thao cu {tag}") == []
    assert _found(clerk, f"du thao moi {tag}") == [draft["id"]]

    registered = clerk.create(
        subject="Về bổ sung dự toán", code_number="15", code_notation=f"STC{tag}"
    )
    assert _found(clerk, f"15/STC{tag}") == [registered["id"]]
    current = clerk.get(f"/documents/{registered['id']}").json()
    corrected = clerk.request(
        "POST",
        f"/documents/{registered['id']}/actions",
        json={
            "action": "correct",
            "comment": "Nhập sai ký hiệu",
            "corrections": {"code_notation": f"NS{tag}"},
        },
        headers={"If-Match": f'"{current["revision"]}"'},
    )
    assert corrected.status_code == 200, corrected.text
    assert _found(clerk, f"15/STC{tag}") == []
    assert _found(clerk, f"15/NS{tag}") == [registered["id"]]

    gone = clerk.create(subject=f"Sẽ xoá {tag}")
    assert admin.request("DELETE", f"/documents/{gone['id']}").status_code == 204
    assert _found(clerk, f"se xoa {tag}") == []

    issued = numbered_outgoing(server, f"Thông báo lịch họp {tag}")
    issued = take_step(server, server.token("clerk"), issued, "issue", organisations=["STC"])
    withdrawn = take_step(
        server, server.token("leader"), issued, "withdraw", comment="Ban hành nhầm"
    )
    assert withdrawn["status"] == "withdrawn"
    assert _found(clerk, f"lich hop {tag}") == [issued["id"]]  # its record stays findable
    assert _found(clerk, f"lich hop {tag}", status="withdrawn") == [issued["id"]]
    assert _found(clerk, f"lich hop {tag}", status="issued") == []


# -- on the databases themselves: the index agrees with the rule, the migration fills it ------


def _owner(db: Database) -> tuple[int, int, int]:
    """An organisation, its leader (reads everything of it) and a specialist (reads what is
    not secret, and what is granted to them)."""
    with db.session() as session:
        org = Organisation(code=f"T{uuid.uuid4().hex[:6]}", name="Sở thử")
        session.add(org)
        session.flush()
        people = [
            User(
                username=f"{role}{org.id}",
                full_name=role,
                organisation_id=org.id,
                role=role,
                password_hash="x",
            )
            for role in ("leader", "specialist")
        ]
        session.add_all(people)
        session.commit()
        return org.id, people[0].id, people[1].id


def _everything(db: Database, user_id: int, q: str, limit: int = 7) -> list[tuple[Rank, int]]:
    """All of a search's results, paged as the route pages them, with their tiers."""
    terms = Terms.parse(q)
    assert terms is not None
    found: list[tuple[Rank, int]] = []
    after: PageCursor | None = None
    with db.session() as session:
        user = session.get_one(User, user_id)
        while True:
            docs, after = ranked_page(session, user, ListFilters(), terms, limit, after)
            for doc in docs:
                found.append((_rank_of(terms, doc.search_text), doc.id))
            if after is None:
                return found


def _has(words: list[str], terms: Terms) -> bool:
    *head, last = terms.words
    return all(w in words for w in head) and any(w.startswith(last) for w in words)


def _has_phrase(words: list[str], terms: Terms) -> bool:
    n = len(terms.words)
    for i in range(len(words) - n + 1):
        window = words[i : i + n]
        if window[:-1] == list(terms.words[:-1]) and window[-1].startswith(terms.words[-1]):
            return True
    return False


def _rank_of(terms: Terms, stored: str) -> Rank | None:
    """The rule itself, in Python, over the stored words (a phrase may run on from the number
    part into the rest: one index holds all the words, in order)."""
    number_text, _, rest_text = stored.partition(f" {NUMBER_END} ")
    number, rest = number_text.split(), rest_text.split()
    if not _has(number + rest, terms):
        return None
    if _has(number, terms):
        return Rank.NUMBER
    if _has_phrase(number + rest, terms):
        return Rank.PHRASE
    return Rank.WORDS


SYLLABLES = "an binh cam dat dai ha quyet dinh so thon xa ubnd qd".split()


def test_the_index_answers_what_the_rule_says(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Random documents and random searches: the indexed, ranked, paged answer is exactly the
    documents the rule (``_rank_of``) finds, best tier first, newest first within a tier. On
    PostgreSQL a small window makes every tier use both of its ways (the walk, the index)."""
    monkeypatch.setattr(search_postgresql, "WINDOW", 12)
    org_id, leader_id, specialist_id = _owner(database)
    rng = random.Random(30)
    with database.session() as session:
        for i in range(160):
            subject = " ".join(rng.choice(SYLLABLES).capitalize() for _ in range(rng.randint(2, 6)))
            doc = born(
                session,
                Origin.IMPORTED,
                direction="incoming",
                status="done",
                organisation_id=org_id,
                created_by=leader_id,
                subject=subject,
                code_number=str(rng.randint(1, 20)) if i % 3 else None,
                code_notation=rng.choice(["QĐ-UBND", "CV-SO", ""]),
                organ_name=rng.choice(["UBND xã Cẩm Bình", "Sở Hà"]),
                secrecy=1 if i % 4 == 0 else 0,
            )
            session.add(doc)
            session.flush()
            if i % 4 == 0 and i < 60:  # old secret documents granted to the specialist:
                # outside every window, they must not push younger matches off a page
                session.add(Grant(document_id=doc.id, user_id=specialist_id))
        session.commit()
        stored = {d.id: (d.search_text, d.secrecy) for d in session.scalars(select(Document))}
        granted = set(session.scalars(select(Grant.document_id)))
    queries = ["dat dai", "Đất", "quyet d", "1 qd", "qd ubnd", "xa cam", "so", "thon ha an"]
    queries += [" ".join(rng.sample(SYLLABLES, rng.randint(1, 3))) for _ in range(25)]
    for user_id in (leader_id, specialist_id):
        for q in queries:
            terms = Terms.parse(q)
            assert terms is not None
            expected = sorted(
                (rank, -doc_id)
                for doc_id, (text_, secrecy) in stored.items()
                if user_id == leader_id or secrecy == 0 or doc_id in granted
                if (rank := _rank_of(terms, text_)) is not None
            )
            got = _everything(database, user_id, q)
            assert got == [(rank, -negative) for rank, negative in expected], (user_id, q)


def _upgrade(db: Database, revision: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def test_the_migration_indexes_the_documents_written_before_it(empty_database: Database) -> None:
    _upgrade(empty_database, "0015")
    old_rows = [  # search_text as 0015 wrote it: the folded fields, one string
        ("Quyết định về đất đai", "12", "QĐ-UBND", ["Sở Tài chính"]),
        ("Kế hoạch chuyển đổi số", "7", "KH-STC", []),
        ("Báo cáo thiên tai", None, "BC", ["UBND huyện Cẩm Xuyên"]),
    ]
    with empty_database.engine.begin() as conn:
        org = conn.execute(
            text("INSERT INTO organisations(code, name) VALUES ('CU', 'Cũ') RETURNING id")
        ).scalar_one()
        user = conn.execute(
            text(
                "INSERT INTO users(username, full_name, title, organisation_id, role, "
                "password_hash, active) VALUES ('cu', 'Cũ', '', :org, 'leader', 'x', true) "
                "RETURNING id"
            ),
            {"org": org},
        ).scalar_one()
        conn.execute(text("INSERT INTO change_counter(id, value) VALUES (1, :n)"), {"n": 3})
        for revision, (subject, number, notation, recipients) in enumerate(old_rows, 1):
            conn.execute(
                text(
                    "INSERT INTO documents(direction, doc_type, code_number, code_notation, "
                    "organ_name, subject, language, page_amount, description, signer_position, "
                    "signer_name, urgency, secrecy, to_places, recipients, file_code, status, "
                    "origin, organisation_id, created_by, created_at, updated_at, revision, "
                    "current_version, search_text, deleted) VALUES ('outgoing', 'Công văn', "
                    ":number, :notation, 'UBND tỉnh', :subject, 'vi', 1, '', '', '', 0, 0, '[]', "
                    ":recipients, '', 'issued', 'created', :org, :user, :at, :at, :revision, 0, "
                    ":old, false)"
                ),
                {
                    "number": number,
                    "notation": notation,
                    "subject": subject,
                    "recipients": f'["{recipients[0]}"]' if recipients else "[]",
                    "org": org,
                    "user": user,
                    "at": "2026-01-01 00:00:00",
                    "revision": revision,
                    "old": fold(f"{number or ''}/{notation} {subject} {' '.join(recipients)}"),
                },
            )
    empty_database.migrate()  # 0016 and whatever follows it
    found = {
        q: [doc_id for _rank, doc_id in _everything(empty_database, user, q)]
        for q in (
            "dat dai",
            "12/QĐ-UBND",
            "chuyen doi so",
            "cam xuyen",
            "tai chinh",
            "khong co",
        )
    }
    with empty_database.session() as session:
        ids = {d.subject: d.id for d in session.scalars(select(Document))}
    assert found == {
        "dat dai": [ids["Quyết định về đất đai"]],
        "12/QĐ-UBND": [ids["Quyết định về đất đai"]],
        "chuyen doi so": [ids["Kế hoạch chuyển đổi số"]],
        "cam xuyen": [ids["Báo cáo thiên tai"]],
        "tai chinh": [ids["Quyết định về đất đai"]],
        "khong co": [],
    }
    with empty_database.session() as session:  # rows written afterwards are indexed as they come
        doc = born(
            session,
            Origin.IMPORTED,
            direction="incoming",
            status="done",
            organisation_id=org,
            created_by=user,
            subject="Tờ trình mới về đất đai",
        )
        session.add(doc)
        session.commit()
        new_id = doc.id
    assert [d for _r, d in _everything(empty_database, user, "dat dai")] == [
        new_id,
        ids["Quyết định về đất đai"],
    ]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_the_demos_bulk_insert_is_searchable(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    """The demo writes its rows in bulk, past ``born``: its search text and the index must
    still be right (the SQLite index follows the rows by trigger)."""
    from server.app import create_app
    from server.config import ServerSettings
    from server.demo import generate_demo_data

    url = None
    if backend == "postgres":
        url = request.getfixturevalue("postgres_server").create_database(
            f"demo_{uuid.uuid4().hex[:8]}"
        )
    state = create_app(ServerSettings(data_dir=tmp_path, database_url=url)).state.vanthu
    generate_demo_data(state.db, state.blobs, 300)
    with state.db.session() as session:
        leader = session.scalar(select(User).where(User.role == "leader").order_by(User.id))
        assert leader is not None
        mine = list(
            session.scalars(
                select(Document)
                .where(Document.organisation_id == leader.organisation_id)
                .order_by(Document.id.desc())
                .limit(40)
            )
        )
        picked = [d for d in mine if d.arrival_number is not None][:5]
        picked += [d for d in mine if d.code_number and d.direction == "outgoing"][:5]
        assert len(picked) == 10
        user_id = leader.id
    for doc in picked:
        by_subject = [doc_id for _rank, doc_id in _everything(state.db, user_id, doc.subject)]
        assert doc.id in by_subject, doc.subject
        number = f"{doc.code_number}/{doc.code_notation}" if doc.code_number else ""
        arrival = str(doc.arrival_number or "")  # an incoming letter's is in its number part too
        found = _everything(state.db, user_id, f"{number} {arrival}")
        assert (Rank.NUMBER, doc.id) in found, (number, arrival)
    state.db.dispose()
