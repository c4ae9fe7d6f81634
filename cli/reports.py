"""The registers and the processing report on the command line (``services.reports``).

``vanthu report incoming|outgoing|processing [--from YYYY-MM-DD] [--to YYYY-MM-DD]
[--out FILE.pdf|FILE.xlsx] [--lang vi|en] [--json]``: the range defaults to this year so far;
without ``--out`` the table is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

__all__ = ["register"]


def _report(args: argparse.Namespace) -> int:
    from base.deadlines import today_in_vietnam
    from services.reports import build_report, export_report
    from services.session import resume_session

    today = today_in_vietnam()
    start = args.start or dt.date(today.year, 1, 1)
    end = args.end or today
    report = build_report(resume_session(), args.kind, start, end, args.lang)
    if args.out:
        path = export_report(report, Path(args.out))
        if args.json:
            print(json.dumps({"file": str(path), "rows": len(report.rows)}, ensure_ascii=False))
        else:
            print(f"{report.title}: {len(report.rows)} dòng / rows → {path}")
        return 0
    if args.json:
        headings = [c.heading for c in report.columns]
        rows = [dict(zip(headings, row, strict=True)) for row in report.rows]
        print(
            json.dumps(
                {"title": report.title, "period": report.period, "rows": rows},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"{report.organisation.upper()}\n{report.title}\n{report.period}\n")
    print(" | ".join(c.heading for c in report.columns))
    for row in (*report.rows, *((report.totals,) if report.totals else ())):
        print(" | ".join(str(value) for value in row))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser(
        "report", help="sổ đăng ký văn bản, báo cáo xử lý / registers and the processing report"
    )
    report.add_argument("kind", choices=["incoming", "outgoing", "processing"])
    report.add_argument("--from", dest="start", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    report.add_argument("--out", help="tệp .pdf hoặc .xlsx / a .pdf or .xlsx file")
    report.add_argument("--lang", choices=["vi", "en"], default="vi")
    report.add_argument("--json", action="store_true")
    report.set_defaults(func=_report)
