"""Who read and did what, on the command line (``services.audit``).

``vanthu accesses ID [--json]``: who viewed, downloaded or printed a document (its leaders,
administrators, author and handlers may ask).  ``vanthu audit [--category …] [--action …]
[--user …] [--document ID] [--from DAY] [--to DAY] [--limit N] [--csv FILE] [--json]``: the
administrator's audit trail.  ``vanthu logins [--from DAY] [--to DAY] [--by-month] [--json]``:
sign-ins per day or month.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from base.audit import AuditCategory

__all__ = ["register"]

SHOWN = 1000
"""Events printed by default (a CSV takes up to ``services.audit.AUDIT_LIMIT``)."""


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _when(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M") if moment else ""


def _workspace() -> Any:
    from services.session import resume_session
    from services.workspace import Workspace

    return Workspace(resume_session())


def _accesses(args: argparse.Namespace) -> int:
    from client.errors import PermissionDenied

    from .workflow import _document

    workspace = _workspace()
    doc = _document(workspace, args.document)
    history = workspace.access_history(doc)
    if history is None:
        raise PermissionDenied(
            "Lịch sử truy cập văn bản dành cho lãnh đạo, quản trị, người tạo và người xử lý.",
            "A document's access history is for its leaders, administrators, author and handlers.",
        )
    if args.json:
        _print_json(asdict(history))
        return 0
    counts = history.counts
    print(f"#{doc.id} {doc.number_symbol or '(chưa số)'} — {doc.subject}")
    print(
        f"  Xem / views: {counts.get('view', 0)} · Tải / downloads: {counts.get('download', 0)}"
        f" · In / prints: {counts.get('print', 0)} · Người / people: {history.readers}"
    )
    for e in history.events:
        version = f" v{e.version}" if e.version else ""
        print(f"  {_when(e.when)}  {e.full_name} ({e.username}) {e.kind}{version}  {e.client}")
    return 0


def _trail() -> Any:
    from client.errors import PermissionDenied

    trail = _workspace().audit_trail()
    if trail is None:
        raise PermissionDenied(
            "Nhật ký hệ thống chỉ dành cho quản trị đơn vị hoặc quản trị tỉnh.",
            "The audit trail is for organisation or province administrators only.",
        )
    return trail


def _audit(args: argparse.Namespace) -> int:
    from services.audit import AuditQuery, write_audit_csv

    query = AuditQuery(
        AuditCategory(args.category) if args.category else None,
        args.action or "",
        args.user or "",
        args.document,
        args.start,
        args.end,
    )
    from services.audit import AUDIT_LIMIT

    limit = args.limit or (AUDIT_LIMIT if args.csv else SHOWN)
    entries = _trail().events(query, limit)
    if len(entries) >= limit:  # never cut short without a word
        print(
            f"Chỉ {limit} sự kiện mới nhất; thu hẹp bộ lọc (--from/--to…) để xem thêm / only the "
            f"newest {limit} events; narrow the filters for more",
            file=sys.stderr,
        )
    if args.csv:
        path = write_audit_csv(entries, Path(args.csv))
        if args.json:
            _print_json({"file": str(path), "rows": len(entries)})
        else:
            print(f"{len(entries)} sự kiện / events → {path}")
        return 0
    if args.json:
        _print_json([asdict(e) for e in entries])
        return 0
    for e in entries:
        doc = f" #{e.document_id}" if e.document_id else ""
        detail = f" — {e.detail}" if e.detail else ""
        print(f"{_when(e.at)}  {e.username or '?'} [{e.organisation}] {e.action}{doc}{detail}")
    return 0


def _logins(args: argparse.Namespace) -> int:
    from base.deadlines import today_in_vietnam

    today = today_in_vietnam()
    start = args.start or today - dt.timedelta(days=29)
    stats = _trail().login_stats(start, args.end or today, args.by_month)
    if args.json:
        _print_json([asdict(s) for s in stats])
        return 0
    print("Kỳ / period | Đăng nhập / logins | Sai / failed | Người / people")
    for s in stats:
        print(f"{s.period} | {s.logins} | {s.failed} | {s.users}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    accesses = subparsers.add_parser(
        "accesses", help="ai đã xem, tải, in văn bản / who viewed, downloaded, printed a document"
    )
    accesses.add_argument("document", type=int)
    accesses.add_argument("--json", action="store_true")
    accesses.set_defaults(func=_accesses)
    audit = subparsers.add_parser("audit", help="nhật ký hệ thống (quản trị) / the audit trail")
    audit.add_argument("--category", choices=[c.value for c in AuditCategory])
    audit.add_argument("--action", help="e.g. login_failed, view, update, step_issue")
    audit.add_argument("--user", help="tên đăng nhập / username")
    audit.add_argument("--document", type=int)
    audit.add_argument("--from", dest="start", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    audit.add_argument("--to", dest="end", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    audit.add_argument(
        "--limit", type=int, help=f"tối đa / at most (default {SHOWN}; with --csv 50,000)"
    )
    audit.add_argument("--csv", help="ghi ra tệp CSV / write a CSV file")
    audit.add_argument("--json", action="store_true")
    audit.set_defaults(func=_audit)
    logins = subparsers.add_parser(
        "logins", help="thống kê đăng nhập (quản trị) / sign-in statistics"
    )
    logins.add_argument("--from", dest="start", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    logins.add_argument("--to", dest="end", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    logins.add_argument("--by-month", action="store_true", help="theo tháng / per month")
    logins.add_argument("--json", action="store_true")
    logins.set_defaults(func=_logins)
