"""``sync`` (pull the server's changes into the local cache, send the outbox)
and ``search`` (instant offline search)."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from client.cache import CacheStore
from client.cache.query import DocumentQuery, Sort, count, search
from client.records import SECRECY_LABELS, URGENCY_LABELS

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _sync(_args: argparse.Namespace) -> int:
    from services.session import resume_session
    from services.workspace import Workspace

    workspace = Workspace(resume_session())
    if notice := workspace.session.store.recovery_notice:
        print(notice.message(), file=sys.stderr)

    def progress(done: int, pages: int) -> None:
        print(f"\r  đã nhận {done:,} thay đổi ({pages} trang)", end="", flush=True)

    outcome = workspace.sync_now(progress)
    report = outcome.report
    print(
        f"\nĐã tải thay đổi: {report.upserted:,} cập nhật, {report.deleted:,} xoá, {report.seconds:.1f} s. "
        f"Tổng {outcome.documents:,} văn bản trên máy."
    )
    sent = sum(1 for e in outcome.replayed if e.state == "done")
    if sent:
        print(f"Đã gửi {sent} thao tác chờ gửi.")
    for entry in outcome.conflicts:
        print(f"XUNG ĐỘT (thao tác #{entry.id}): {entry.error}", file=sys.stderr)
    for entry in outcome.replayed:
        if entry.state == "failed":  # refused for good (a closed file…): say so, in words
            print(f"KHÔNG GỬI ĐƯỢC (thao tác #{entry.id}): {entry.error}", file=sys.stderr)
    if due := workspace.records.due_notice():  # files due for transfer (III.5.b)
        print(due, file=sys.stderr)
    return 1 if outcome.conflicts else 0


def _store(args: argparse.Namespace) -> CacheStore:
    from services.session import resume_session

    if args.cache:
        return CacheStore(Path(args.cache))
    store = resume_session().store
    if store.recovery_notice:
        print(store.recovery_notice.message(), file=sys.stderr)
    return store


def _search(args: argparse.Namespace) -> int:
    store = _store(args)
    query = DocumentQuery(
        text=args.text or "",
        direction=args.direction,
        doc_type=args.type,
        urgency=args.urgency,
        status=args.status,
        date_from=dt.date.fromisoformat(args.date_from) if args.date_from else None,
        date_to=dt.date.fromisoformat(args.date_to) if args.date_to else None,
        overdue=args.overdue,
        sort=Sort(args.sort) if args.sort else (Sort.RELEVANCE if args.text else Sort.NEWEST),
        limit=args.limit,
    )
    page = search(store, query)
    print(
        f"{'ID':>7}  {'Số/ký hiệu':<18} {'Ngày':<10} {'Độ khẩn':<11} {'Độ mật':<8} {'Hạn':<10} Trích yếu"
    )
    for row in page.rows:
        day = dt.date.fromisoformat(row.date).strftime("%d/%m/%Y") if row.date else ""
        due = dt.date.fromisoformat(row.due_date).strftime("%d/%m/%Y") if row.due_date else ""
        print(
            f"{row.id:>7}  {(row.number_symbol or '—')[:18]:<18} {day:<10} {URGENCY_LABELS[row.urgency][:11]:<11} "
            f"{SECRECY_LABELS[row.secrecy][:8]:<8} {due:<10} {row.subject[:70]}"
        )
    print(f"({len(page.rows)} / {count(store, query):,} kết quả)")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync_cmd = subparsers.add_parser(
        "sync",
        help="tải thay đổi từ máy chủ về máy, gửi thao tác chờ gửi / pull changes, send the outbox",
        description="Tải các thay đổi văn bản từ máy chủ về bộ nhớ đệm trên máy (tiếp tục từ lần trước) và gửi các "
        "thao tác đã làm khi ngoại tuyến. / Pull the server's document changes into the local cache "
        "(resuming where the last pull stopped) and send actions taken offline.",
    )
    sync_cmd.set_defaults(func=_sync)
    find = subparsers.add_parser(
        "search", help="tìm văn bản trên máy (không dấu cũng được) / search offline"
    )
    find.add_argument("text", nargs="?", default="")
    find.add_argument("--direction", choices=("incoming", "outgoing"))
    find.add_argument("--type", help="loại văn bản, ví dụ “Quyết định”")
    find.add_argument("--urgency", type=int, choices=range(5))
    find.add_argument("--status")
    find.add_argument("--from", dest="date_from", help="YYYY-MM-DD")
    find.add_argument("--to", dest="date_to", help="YYYY-MM-DD")
    find.add_argument("--overdue", action="store_true", help="quá hạn xử lý")
    find.add_argument("--sort", choices=[s.value for s in Sort])
    find.add_argument("--limit", type=int, default=20)
    find.add_argument("--cache", help=argparse.SUPPRESS)
    find.set_defaults(func=_search)
