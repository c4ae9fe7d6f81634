"""A province's server filled in bulk for benchmarks: organisations, their people, a million
documents with a file version and a trace each, some grants — written with PostgreSQL's COPY.

Grown from ``bench/access.py``'s generator (same shape: documents spread evenly over the
organisations, a few per cent secret, grants by user), with what searching and the list's
answer need to be realistic: Vietnamese subjects from a handful of topics (a common phrase
matches one document in ~15), a village name that ~6 documents share (a rare search), numbers
and notations per organisation, senders, signers, recipients, and a version and trace events
per document (the list's answer carries them).

The rows go in as the server writes them: ``search_text`` from ``server.documents.
search_text_of``; the search indexes are dropped for the load and built again after it (as a
restore would), then everything is analysed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Province", "Person", "fill", "COMMON", "NONE", "village"]

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
    "thi đua, khen thưởng",
    "kiểm tra công tác văn thư, lưu trữ",
)
COMMON = "đất đai"
"""A common phrase: one document in ~15 speaks of it."""
NONE = "tàu ngầm hạt nhân"
"""Words no document holds."""
OPENERS = ("Về việc triển khai", "V/v báo cáo tình hình", "Phê duyệt kế hoạch", "Hướng dẫn")
TYPES = (("Công văn", "CV"), ("Quyết định", "QĐ"), ("Báo cáo", "BC"), ("Kế hoạch", "KH"))
SIGNERS = ("Trần Quốc Việt", "Võ Trọng Hải", "Nguyễn Thị Mai Anh", "Đặng Văn Thành")
SYLLABLES = (
    "An Bình Cẩm Châu Đông Đức Giang Hà Hải Hòa Hưng Khánh Kỳ Lạc Lâm Lộc Long Minh Mỹ Nam "
    "Nghĩa Phong Phú Phúc Quang Sơn Tân Thạch Thái Thanh Thịnh Thọ Thuận Tiến Trung Trường "
    "Vĩnh Xuân Yên Bắc Cường Diễn Điền Đoài Hồng Hợp Kim Lợi Mai Ngọc Nhân Ninh Phượng Quế "
    "Tây Thắng Thượng Tùng Văn Vân Việt Hạ Hoa Liên Lý Nguyên Phương Sen Tú Uyên Vinh Xá"
).split()
VILLAGES = len(SYLLABLES) ** 3
"""Distinct village names: at a million documents each is in ~4 of them."""
PASSWORD_HASH = "x"  # nobody signs in with a password: the benchmark hands out tokens
COLUMNS = (
    "direction, doc_type, code_number, code_notation, issued_date, organ_name, subject, "
    "language, page_amount, description, signer_position, signer_name, urgency, secrecy, "
    "to_places, recipients, issued_amount, arrival_number, arrival_date, file_code, status, "
    "origin, organisation_id, created_by, created_at, updated_at, revision, current_version, "
    "search_text, deleted"
)


@dataclass(frozen=True)
class Person:
    id: int
    organisation_id: int
    role: str
    token: str


@dataclass(frozen=True)
class Province:
    documents: int
    organisations: list[int]
    people: list[Person]
    villages: dict[int, list[str]]
    """Per organisation, some village names its documents mention (rare searches that find)."""
    numbers: dict[int, list[str]]
    """Per organisation, some number/symbols of its documents (lookups by number)."""
    last_revision: int


def village(index: int) -> str:
    """A place named by three syllables (each common on its own, the three together rare)."""
    n = len(SYLLABLES)
    kind = ("thôn", "xóm", "tổ dân phố", "khu phố")[index % 4]
    return f"{kind} {SYLLABLES[index % n]} {SYLLABLES[index // n % n]} {SYLLABLES[index // n // n % n]}"


def _people(conn, organisations: int) -> tuple[list[int], list[Person]]:  # type: ignore[no-untyped-def]
    from server.security import token_digest

    orgs, people = [], []
    for index in range(organisations):
        org = conn.execute(
            "INSERT INTO organisations(code, name, secret_in_offline_index) "
            "VALUES (%s, %s, false) RETURNING id",
            (f"B{index:03d}", f"Sở ngành {index}"),
        ).fetchone()[0]
        orgs.append(org)
        for role in ("clerk", "leader", "specialist"):
            uid = conn.execute(
                "INSERT INTO users(username, full_name, title, organisation_id, role, "
                "password_hash, active) VALUES (%s, %s, '', %s, %s, %s, true) RETURNING id",
                (f"{role}{org}", f"{role} {org}", org, role, PASSWORD_HASH),
            ).fetchone()[0]
            token = secrets.token_urlsafe(24)
            conn.execute(
                "INSERT INTO auth_tokens(token_hash, user_id, expires_at, revoked) "
                "VALUES (%s, %s, %s, false)",
                (token_digest(token), uid, dt.datetime(2099, 1, 1)),
            )
            people.append(Person(uid, org, role, token))
    return orgs, people


def _rows(
    rng: random.Random, start: int, stop: int, orgs: list[int], staff: dict[tuple[int, str], int]
) -> Iterator[tuple[int, dict[str, object]]]:
    from server.documents import search_text_of

    counters: dict[tuple[int, str], int] = {}
    first_day = dt.datetime(2026, 1, 1)
    for i in range(start, stop):
        org = orgs[rng.randrange(len(orgs))]
        incoming = rng.random() < 0.65
        doc_type, short = TYPES[min(int(rng.expovariate(1.2)), len(TYPES) - 1)]
        key = (org, "incoming" if incoming else "outgoing")
        counters[key] = counters.get(key, start // len(orgs)) + 1
        at = first_day + dt.timedelta(seconds=i * 30)
        topic = TOPICS[min(int(rng.expovariate(0.25)), len(TOPICS) - 1)]
        subject = f"{rng.choice(OPENERS)} {topic} tại {village(rng.randrange(VILLAGES))}"
        sender = orgs[rng.randrange(len(orgs))]
        row: dict[str, object] = {
            "direction": key[1],
            "doc_type": doc_type,
            "code_number": str(counters[key] if not incoming else rng.randrange(1, 3000)),
            "code_notation": f"{short}-S{(sender if incoming else org):03d}",
            "issued_date": at.date(),
            "organ_name": f"Sở ngành {sender if incoming else org}",
            "subject": subject,
            "signer_name": rng.choice(SIGNERS),
            "urgency": 0 if rng.random() < 0.85 else rng.choice((1, 2)),
            "secrecy": 0 if rng.random() < 0.95 else rng.choice((1, 2)),
            "to_places": ["Văn phòng"] if incoming else [],
            "recipients": [] if incoming else [f"Sở ngành {rng.randrange(len(orgs))}"],
            "issued_amount": None if incoming else rng.randint(2, 20),
            "arrival_number": counters[key] if incoming else None,
            "arrival_date": at.date() if incoming else None,
            "organisation_id": org,
            "created_by": staff[org, "clerk"],
            "created_at": at,
        }
        done = rng.random()
        if incoming:
            row["status"] = "done" if done < 0.85 else "received" if done < 0.93 else "arrived"
        else:
            row["status"] = "issued" if done < 0.9 else "draft"
            if row["status"] == "draft":
                row.update(code_number=None, created_by=staff[org, "specialist"])
        row["search_text"] = search_text_of(row)
        yield i, row


def _line(i: int, row: dict[str, object]) -> str:
    def cell(value: object) -> str:
        if value is None:
            return "\\N"
        if isinstance(value, list):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    values = [
        row["direction"], row["doc_type"], row["code_number"], row["code_notation"],
        row["issued_date"], row["organ_name"], row["subject"], "vi", 1, "", "",
        row["signer_name"], row["urgency"], row["secrecy"], row["to_places"], row["recipients"],
        row["issued_amount"], row["arrival_number"], row["arrival_date"], "", row["status"],
        "imported", row["organisation_id"], row["created_by"], row["created_at"],
        row["created_at"], i + 1, 1, row["search_text"], "f",
    ]  # fmt: skip
    return "\t".join(cell(v) for v in values) + "\n"


def fill(dsn: str, documents: int, organisations: int, *, seed: int = 7) -> Province:
    """Fill an empty, migrated database; prints how long each part took."""
    import psycopg

    rng = random.Random(seed)
    with psycopg.connect(dsn, autocommit=True) as conn:
        orgs, people = _people(conn, organisations)
        staff = {(p.organisation_id, p.role): p.id for p in people}
        conn.execute(
            "INSERT INTO blobs(sha256, size, created_at) VALUES (%s, 1000, now())", ("a" * 64,)
        )
        started = time.perf_counter()
        rebuilt = _drop_search_indexes(conn)
        villages: dict[int, list[str]] = {org: [] for org in orgs}
        numbers: dict[int, list[str]] = {org: [] for org in orgs}
        for chunk in range(0, documents, 50_000):
            docs, versions, trace = io.StringIO(), io.StringIO(), io.StringIO()
            for i, row in _rows(rng, chunk, min(documents, chunk + 50_000), orgs, staff):
                docs.write(_line(i, row))
                org = int(row["organisation_id"])  # type: ignore[call-overload]
                if len(villages[org]) < 20 and rng.random() < 0.01:
                    place = str(row["subject"]).rsplit(" ", 3)[1:]  # its three syllables
                    villages[org].append(" ".join(place))
                    if row["code_number"]:
                        numbers[org].append(f"{row['code_number']}/{row['code_notation']}")
                versions.write(
                    f"{i + 1}\t1\t{'a' * 64}\t1000\tvan-ban-{i + 1}.pdf\tapplication/pdf"
                    f"\t{row['created_by']}\tBản gốc\t{row['created_at']}\n"
                )
                for action, status in (("create", "arrived"), ("register", row["status"])):
                    trace.write(
                        f"{i + 1}\t{row['created_at']}\t{row['created_by']}\tclerk\t{action}"
                        f"\t\t{status}\t\t[]\n"
                    )
            with conn.cursor().copy(f"COPY documents ({COLUMNS}) FROM STDIN") as copy:
                copy.write(docs.getvalue())
            with conn.cursor().copy(
                "COPY versions (document_id, number, sha256, size, filename, content_type, "
                "author_id, note, created_at) FROM STDIN"
            ) as copy:
                copy.write(versions.getvalue())
            with conn.cursor().copy(
                "COPY trace_events (document_id, at, user_id, role, action, from_status, "
                "to_status, comment, recipients) FROM STDIN"
            ) as copy:
                copy.write(trace.getvalue())
        print(
            f"  {documents:,} documents copied in {time.perf_counter() - started:.0f} s", flush=True
        )
        for table in ("documents", "versions", "trace_events"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
        conn.execute("UPDATE change_counter SET value = %s WHERE id = 1", (documents + 1,))
        _grants(conn, people, documents)
        started = time.perf_counter()
        conn.execute("SET maintenance_work_mem = '512MB'")
        for definition in rebuilt:
            conn.execute(definition)
        conn.execute("VACUUM ANALYZE")
        print(f"  search index and statistics in {time.perf_counter() - started:.0f} s", flush=True)
    return Province(documents, orgs, people, villages, numbers, documents)


def _drop_search_indexes(conn) -> list[str]:  # type: ignore[no-untyped-def]
    """The search indexes migration 0016 made, dropped for the load: their definitions, to
    build them again after it (GIN indexes build far faster at once than row by row)."""
    rows = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes "
        "WHERE tablename = 'documents' AND indexname LIKE 'ix_documents_search%%'"
    ).fetchall()
    for name, _definition in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in rows]


def _grants(conn, people: list[Person], documents: int) -> None:  # type: ignore[no-untyped-def]
    """Each specialist holds the secret documents of their organisation with a number ending in
    7 (assigned to them); every 997th document is shared with a leader of another organisation."""
    specialists = {p.organisation_id: p.id for p in people if p.role == "specialist"}
    leaders = [p.id for p in people if p.role == "leader"]
    conn.execute(
        "INSERT INTO document_grants(document_id, user_id, reason, created_at) "
        "SELECT d.id, s.uid, 'assigned', now() FROM documents d "
        "JOIN (SELECT unnest(%s::int[]) AS org, unnest(%s::int[]) AS uid) s "
        "ON s.org = d.organisation_id WHERE d.secrecy > 0 AND d.id %% 10 = 7",
        (list(specialists), list(specialists.values())),
    )
    conn.execute(
        "INSERT INTO document_grants(document_id, user_id, reason, created_at) "
        "SELECT d.id, (%s::int[])[1 + d.id %% %s], 'shared', now() FROM documents d "
        "WHERE d.id %% 997 = 0 ON CONFLICT DO NOTHING",
        (leaders, len(leaders)),
    )
