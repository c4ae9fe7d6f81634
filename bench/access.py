"""What the access policy costs: list and search p95 on PostgreSQL at province scale.

1,000,000 documents across 200 organisations (a few per cent secret, some shared through
grants) go into a real PostgreSQL cluster; then the server's own list query — newest first,
one page of 50 — runs for random users of random organisations, with the policy filter
(``server.policy.readable``) and without it, alternating, on the same connection.

The baseline is the same query without the filter, i.e. the unfiltered server this project had
before access control. Goal: the filter costs at most 1.2×.

Run: ``python bench/access.py [--documents 1000000] [--organisations 200] [--queries 300]``
(``--quick``: 2,000 documents, 5 organisations, 20 queries — still a real PostgreSQL).
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._quick import parse_args, run
from bench._table import Row, print_table
from tests.fixtures.postgres import running_postgres

COLUMNS = (
    "direction, doc_type, code_number, code_notation, organ_name, subject, language, page_amount, "
    "description, signer_position, signer_name, urgency, secrecy, to_places, recipients, file_code, "
    "status, organisation_id, created_by, created_at, updated_at, revision, current_version, "
    "search_text, deleted"
)
WORDS = (
    "dat dai",
    "dau tu cong",
    "chuyen doi so",
    "thien tai",
    "nong thon moi",
    "giao thong",
    "y te",
    "giao duc",
)


def searched(i: int, words: str) -> str:
    """The row's search_text, as the server writes it."""
    from server.documents import search_text_of

    fields = {"code_number": str(i), "code_notation": "UBND", "organ_name": "UBND"}
    return search_text_of(fields | {"subject": f"Về việc {words} {i}", "doc_type": "Công văn"})


def _fill(url: str, documents: int, organisations: int) -> list[tuple[int, int, str]]:
    """Organisations, one clerk and one leader each, the documents and some grants; returns users."""
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    rng = random.Random(7)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DELETE FROM document_grants")
        orgs = []
        for index in range(organisations):
            row = conn.execute(
                "INSERT INTO organisations(code, name, secret_in_offline_index) VALUES (%s, %s, false) RETURNING id",
                (f"B{index:03d}", f"Đơn vị {index}"),
            ).fetchone()
            assert row is not None
            orgs.append(row[0])
        users: list[tuple[int, int, str]] = []
        for org in orgs:
            for role in ("clerk", "leader"):
                row = conn.execute(
                    "INSERT INTO users(username, full_name, title, organisation_id, role, password_hash, active) "
                    "VALUES (%s, %s, '', %s, %s, 'x', true) RETURNING id",
                    (f"{role}{org}", f"{role} {org}", org, role),
                ).fetchone()
                assert row is not None
                users.append((row[0], org, role))
        clerks = {org: uid for uid, org, role in users if role == "clerk"}
        started = time.perf_counter()
        with conn.cursor().copy(f"COPY documents ({COLUMNS}) FROM STDIN") as copy:
            for chunk_start in range(0, documents, 50_000):
                buffer = io.StringIO()
                for i in range(chunk_start, min(documents, chunk_start + 50_000)):
                    org = orgs[rng.randrange(len(orgs))]
                    secrecy = 0 if rng.random() < 0.95 else rng.choice((1, 2))
                    words = rng.choice(WORDS)
                    buffer.write(
                        f"incoming\tCông văn\t{i}\tUBND\tUBND\tVề việc {words} {i}\tvi\t1\t\t\t\t0\t{secrecy}"
                        f"\t[]\t[]\t\treceived\t{org}\t{clerks[org]}\t2026-01-01 00:00:00\t2026-01-01 00:00:00"
                        f"\t{i + 1}\t0\t{searched(i, words)}\tf\n"
                    )
                copy.write(buffer.getvalue())
        conn.execute(
            "SELECT setval(pg_get_serial_sequence('documents', 'id'), (SELECT max(id) FROM documents))"
        )
        conn.execute("UPDATE change_counter SET value = %s WHERE id = 1", (documents + 1,))
        leaders = [uid for uid, _org, role in users if role == "leader"]
        conn.execute(
            "INSERT INTO document_grants(document_id, user_id, reason, created_at) "
            "SELECT d.id, %s, 'shared', now() FROM documents d WHERE d.id %% 997 = 0",
            (leaders[0],),
        )
        conn.execute("ANALYZE")
        print(f"  {documents:,} documents in {time.perf_counter() - started:.0f} s", flush=True)
    return users


def _measure(url: str, users: list[tuple[int, int, str]], queries: int) -> dict[str, list[float]]:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from server.documents import list_query
    from server.lists import ListFilters, newest_page
    from server.models import Document, User
    from server.search import Terms, ranked_page

    engine = create_engine(url)
    rng = random.Random(11)
    times: dict[str, list[float]] = {
        "list policy": [],
        "list bare": [],
        "search policy": [],
        "search bare": [],
    }
    with Session(engine) as session:
        cases = []
        for _ in range(queries):
            uid, _org, _role = rng.choice(users)
            cases.append((session.get_one(User, uid), rng.choice(WORDS).split()[-1]))
        for round_ in range(2):  # the first round warms the cache and is not counted
            for user, word in cases:
                for kind, q in (("list", None), ("search", word)):
                    base = list_query(
                        direction=None,
                        doc_type=None,
                        urgency=None,
                        secrecy=None,
                        status=None,
                        date_from=None,
                        date_to=None,
                        q=q,
                    )
                    for name in ("bare", "policy"):
                        started = time.perf_counter()
                        if name == "bare":
                            list(session.scalars(base.order_by(Document.id.desc()).limit(51)))
                        elif q is None:  # exactly what the list route runs
                            newest_page(session, user, ListFilters(), 51, None)
                        else:
                            ranked_page(session, user, ListFilters(), Terms.parse(q), 50, None)
                        if round_:
                            times[f"{kind} {name}"].append((time.perf_counter() - started) * 1000)
    engine.dispose()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--organisations", type=int, default=200)
    parser.add_argument("--queries", type=int, default=300)
    args = parse_args(parser, documents=2000, organisations=5, queries=20)

    from server.app import create_app
    from server.config import ServerSettings

    with running_postgres() as pg, tempfile.TemporaryDirectory() as tmp:
        url = pg.create_database("access")
        create_app(ServerSettings(data_dir=Path(tmp), database_url=url)).state.vanthu.db.dispose()
        users = _fill(url, args.documents, args.organisations)
        times = _measure(url, users, args.queries)

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    rows = [
        Row(
            "list newest 50, p95",
            p95(times["list policy"]),
            p95(times["list bare"]),
            "ms",
            "≤ 1.2×",
            higher_is_better=False,
        ),
        Row(
            "search one word, newest 50, p95",
            p95(times["search policy"]),
            p95(times["search bare"]),
            "ms",
            "≤ 1.2×",
            higher_is_better=False,
        ),
        Row(
            "list newest 50, median",
            statistics.median(times["list policy"]),
            statistics.median(times["list bare"]),
            "ms",
            "context",
            higher_is_better=False,
        ),
    ]
    print_table(
        f"Access policy on PostgreSQL: {args.documents:,} documents, {args.organisations} organisations",
        rows,
    )


if __name__ == "__main__":
    run(main)
