"""Case files at the archive's size: opening and exporting a file of 2,000 documents, and the
archive's search over 100,000 files, on the real server (``main.py serve``, SQLite) over HTTP.

The data is written straight into the server's database before it starts (SQLAlchemy bulk
inserts; the files into its store): 2,000 documents, each with its own PDF of one to three
pages, linked into one archived case file; and 100,000 case files of the organisation over
twelve years, with titles drawn from the work of a People's Committee.

- open: ``GET /case-files/{id}`` — the file and its 2,000 documents' metadata (p50);
- export: ``GET /case-files/{id}/export`` — the ZIP of PDF (cover, index, 2,000 documents'
  files) + XML + SHA256SUMS, against the baseline: bare PyMuPDF opening the same 2,000 PDFs
  from the store in the same order and writing them into one PDF (``insert_pdf``, the same save
  options). Goal ≤ 1.5×;
- search: ``GET /case-files`` with filters as the archivist and as a specialist (whose
  visibility rule is the longer one): title words, a part of the code, year + retention, the
  files past retention; p95 over random values. Goal p95 < 100 ms.

Run: ``python bench/records.py [--documents 2000] [--files 100000] [--queries 60]``
(``--quick``: 60 documents, 2,000 files, 8 queries).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._quick import parse_args, run
from bench._table import Row, print_table
from tests.fixtures.server import LiveServer

WORK = (
    "rà soát công tác văn thư",
    "tuyển dụng công chức",
    "nâng lương thường xuyên",
    "quy hoạch sử dụng đất",
    "đầu tư công trung hạn",
    "chuyển đổi số",
    "phòng chống thiên tai",
    "xây dựng nông thôn mới",
    "giải quyết khiếu nại",
    "hội nghị tổng kết",
    "thi đua khen thưởng",
    "cải cách hành chính",
)
PLACES = ("xã Cẩm Bình", "huyện Kỳ Anh", "thành phố Hà Tĩnh", "xã Thạch Hạ", "huyện Hương Sơn")


def _pdf(number: int, pages: int) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for page_number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 100), f"Van ban so {number} - trang {page_number + 1}", fontsize=14)
        page.insert_text((72, 130), "UY BAN NHAN DAN TINH HA TINH " * 2, fontsize=10)
    data: bytes = doc.tobytes(garbage=3, deflate=True)
    return data


def fill(data_dir: Path, documents: int, files: int) -> tuple[int, list[Path]]:
    """The documents, their PDFs, the big file and the archive's files; returns the big file's
    id and its PDFs' paths in the store, in DocOrdinal order (the baseline reads those)."""
    from sqlalchemy import func, insert, select

    from base.records import CaseFileState
    from server.app import create_app
    from server.config import ServerSettings
    from server.db import next_seq
    from server.models import Blob, Document, Organisation, User, Version
    from server.records.models import CaseFile, CaseFileDocument
    from server.seed import seed_base

    state = create_app(ServerSettings(data_dir=data_dir)).state.vanthu
    rng = random.Random(31)
    with state.db.session() as session:
        seed_base(session)
        org = session.scalar(select(Organisation).where(Organisation.code == "UBND-T"))
        assert org is not None
        people = {
            u.username: u.id
            for u in session.scalars(select(User).where(User.organisation_id == org.id))
        }
        clerk, specialist = people["vanthu"], people["chuyenvien"]
        start = dt.datetime(2025, 1, 2, 8)
        shas = []
        for number in range(documents):
            data = _pdf(number, 1 + number % 3)
            sha = state.blobs.put_bytes(data)
            session.merge(Blob(sha256=sha, size=len(data)))
            shas.append((sha, len(data)))
        last = next_seq(session, documents)
        rows = [
            {
                "direction": "incoming" if n % 2 else "outgoing",
                "doc_type": "Công văn",
                "code_number": str(n + 1),
                "code_notation": "UBND-VP",
                "subject": f"Về việc {WORK[n % len(WORK)]} tại {PLACES[n % len(PLACES)]}",
                "organ_name": "UBND tỉnh Hà Tĩnh",
                "page_amount": 1 + n % 3,
                "issued_date": (start + dt.timedelta(hours=n)).date(),
                "status": "done",
                "organisation_id": org.id,
                "created_by": clerk,
                "created_at": start + dt.timedelta(hours=n),
                "updated_at": start + dt.timedelta(hours=n),
                "revision": last - documents + 1 + n,
                "current_version": 1,
                "search_text": "",
            }
            for n in range(documents)
        ]
        session.execute(insert(Document), rows)
        first_id = session.scalar(select(func.min(Document.id)))
        assert first_id is not None
        ids = list(range(first_id, first_id + documents))
        session.execute(
            insert(Version),
            [
                {
                    "document_id": doc_id,
                    "number": 1,
                    "sha256": sha,
                    "size": size,
                    "filename": f"vb{doc_id}.pdf",
                    "content_type": "application/pdf",
                    "author_id": clerk,
                    "created_at": start,
                }
                for doc_id, (sha, size) in zip(ids, shas, strict=True)
            ],
        )
        made = start
        case_rows = []
        for n in range(files + 1):
            year = 2015 + n % 12
            years = rng.choice((None, 5, 10, 20, 2))
            end = dt.date(year, 12, 31)
            case_rows.append(
                {
                    "organisation_id": org.id,
                    "code": f"000.00.00.H30.{year}.{n:05d}.HS",
                    "year": year,
                    "notation": f"{n:05d}.HS",
                    "title": f"Hồ sơ {rng.choice(WORK)} {rng.choice(PLACES)} năm {year}",
                    "retention_years": years,
                    "rights": "restricted" if n % 3 else "open",
                    "creator_id": specialist if n % 4 == 0 else clerk,
                    "language": "vi",
                    "start_date": dt.date(year, 1, 5),
                    "end_date": end,
                    "doc_total": 0,
                    "page_total": 0,
                    "description": "",
                    "state": CaseFileState.ARCHIVED.value if n % 5 else CaseFileState.CLOSED.value,
                    "retention_ends": None if years is None else end.replace(year=year + years),
                    "keep_back_reason": "",
                    "returned_reason": "",
                    "created_at": made,
                    "updated_at": made,
                }
            )
        session.execute(insert(CaseFile), case_rows)
        big = session.scalar(select(func.max(CaseFile.id)))
        assert big is not None
        session.execute(
            insert(CaseFileDocument),
            [{"case_file_id": big, "document_id": i, "added_by": specialist} for i in ids],
        )
        session.commit()
    paths = [state.blobs.path(sha) for sha, _ in shas]  # type: ignore[attr-defined]
    state.db.engine.dispose()
    return big, paths


def bare_pymupdf(paths: list[Path]) -> float:
    """The baseline: the same PDFs into one, nothing else."""
    import pymupdf

    started = time.perf_counter()
    out = pymupdf.open()
    for path in paths:
        with pymupdf.open(path) as source:
            out.insert_pdf(source)
    out.tobytes(garbage=1, no_new_id=True)
    out.close()
    return time.perf_counter() - started


def _timed(session: requests.Session, url: str, **params: object) -> tuple[float, bytes]:
    started = time.perf_counter()
    reply = session.get(url, params=params, timeout=600)
    elapsed = time.perf_counter() - started
    reply.raise_for_status()
    return elapsed, reply.content


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _signed_in(server: LiveServer, role: str) -> requests.Session:
    session = requests.Session()
    session.headers.update(server.headers(role))
    return session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=60)
    args = parse_args(parser, documents=60, files=2000, queries=8)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "server"
        started = time.perf_counter()
        big, paths = fill(data_dir, args.documents, args.files)
        print(f"filled in {time.perf_counter() - started:.1f} s", flush=True)
        server = LiveServer(data_dir).start()
        try:
            rows = _measure(server, big, paths, args)
        finally:
            server.stop()
    print_table(
        f"Case files: a file of {args.documents:,} documents, the archive of {args.files:,}",
        rows,
    )
    print()
    print("search: the archivist and a specialist in turn; values drawn at random")


def _measure(
    server: LiveServer, big: int, paths: list[Path], args: argparse.Namespace
) -> list[Row]:
    archivist, specialist = _signed_in(server, "archivist"), _signed_in(server, "specialist")
    url = f"{server.api_url}/case-files"
    opens = [_timed(archivist, f"{url}/{big}")[0] for _ in range(5)]
    exports, sizes = [], set()
    for _ in range(3):
        elapsed, data = _timed(archivist, f"{url}/{big}/export")
        exports.append(elapsed)
        sizes.add(data)
    assert len(sizes) == 1, "the export is not reproducible"
    bare = min(bare_pymupdf(paths) for _ in range(3))
    rng = random.Random(7)
    searches: dict[str, list[float]] = {
        "title words": [],
        "code": [],
        "year + retention": [],
        "past retention": [],
    }
    for n in range(args.queries):
        who = archivist if n % 2 else specialist
        searches["title words"].append(
            _timed(
                who,
                url,
                queue="archive",
                q=rng.choice(WORK).split()[rng.randrange(2)] + " " + rng.choice(PLACES).split()[-1],
            )[0]
        )
        searches["code"].append(_timed(who, url, code=f"{rng.randrange(args.files):05d}.HS")[0])
        searches["year + retention"].append(
            _timed(
                who,
                url,
                queue="archive",
                year=2015 + rng.randrange(12),
                retention_years=rng.choice((5, 10, 20)),
            )[0]
        )
        searches["past retention"].append(_timed(who, url, queue="past_retention")[0])
    rows = [
        Row("open the file (GET, p50)", statistics.median(opens) * 1000, None, "ms", "—", False),
        Row(
            "export PDF+XML+SHA256SUMS (best of 3)",
            min(exports),
            bare,
            "s",
            "≤ 1.5× bare PyMuPDF",
            False,
        ),
    ]
    rows += [
        Row(f"archive search: {name} (p95)", _p95(times) * 1000, None, "ms", "< 100 ms", False)
        for name, times in searches.items()
    ]
    return rows


if __name__ == "__main__":
    run(main)
