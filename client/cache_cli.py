"""``sync`` and ``search`` subcommands over the local cache."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from .cache import CacheStore, cache_path
from .cache.outbox import Outbox
from .cache.query import DocumentQuery, Sort, count, search
from .cache.sync import sync
from .credentials import authenticated_client, load_login
from .errors import AuthError
from .paths import app_paths
from .records import SECRECY_LABELS, URGENCY_LABELS

__all__ = ["register", "open_store"]

logger = logging.getLogger(__name__)


def open_store(args: argparse.Namespace) -> CacheStore:
    if getattr(args, "cache", None):
        return CacheStore(Path(args.cache))
    server, username = os.environ.get("VANTHU_SERVER"), os.environ.get("VANTHU_USERNAME")
    if not (server and username):
        login = load_login()
        if login is None:
            raise AuthError("Chưa đăng nhập; hãy chạy: vanthu login", "Not signed in; run: vanthu login")
        server, username = login.server, login.username
    store = CacheStore(cache_path(server, username))
    if store.recovery_notice:
        print(store.recovery_notice.message(), file=sys.stderr)
    return store


def _sync(args: argparse.Namespace) -> int:
    client = authenticated_client()
    username = os.environ.get("VANTHU_USERNAME") or client.me().username
    store = CacheStore(cache_path(client.base_url, username))
    if store.recovery_notice:
        print(store.recovery_notice.message(), file=sys.stderr)

    def progress(done: int, pages: int) -> None:
        print(f"\r  đã nhận {done:,} thay đổi ({pages} trang)", end="", flush=True)

    report = sync(store, client, progress)
    print(f"\nĐồng bộ xong: {report.upserted:,} cập nhật, {report.deleted:,} xoá, {report.seconds:.1f} s. "
          f"Tổng {store.count():,} văn bản trên máy.")
    entries = Outbox(store, app_paths().data / "outbox").replay(client)
    conflicts = [e for e in entries if e.state == "conflict"]
    for entry in conflicts:
        print(f"XUNG ĐỘT (thao tác #{entry.id}): {entry.error}", file=sys.stderr)
    return 1 if conflicts else 0


def _search(args: argparse.Namespace) -> int:
    store = open_store(args)
    query = DocumentQuery(
        text=args.text or "", direction=args.direction, doc_type=args.type, urgency=args.urgency,
        status=args.status, date_from=dt.date.fromisoformat(args.date_from) if args.date_from else None,
        date_to=dt.date.fromisoformat(args.date_to) if args.date_to else None, overdue=args.overdue,
        sort=Sort(args.sort) if args.sort else (Sort.RELEVANCE if args.text else Sort.NEWEST), limit=args.limit)
    page = search(store, query)
    print(f"{'ID':>7}  {'Số/ký hiệu':<18} {'Ngày':<10} {'Độ khẩn':<11} {'Độ mật':<8} {'Hạn':<10} Trích yếu")
    for row in page.rows:
        day = dt.date.fromisoformat(row.date).strftime("%d/%m/%Y") if row.date else ""
        due = dt.date.fromisoformat(row.due_date).strftime("%d/%m/%Y") if row.due_date else ""
        print(f"{row.id:>7}  {(row.number_symbol or '—')[:18]:<18} {day:<10} {URGENCY_LABELS[row.urgency][:11]:<11} "
              f"{SECRECY_LABELS[row.secrecy][:8]:<8} {due:<10} {row.subject[:70]}")
    print(f"({len(page.rows)} / {count(store, query):,} kết quả)")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    sync_cmd = subparsers.add_parser("sync", help="đồng bộ văn bản về máy / sync the local cache")
    sync_cmd.set_defaults(func=_sync)
    find = subparsers.add_parser("search", help="tìm văn bản trên máy (không dấu cũng được) / search offline")
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
