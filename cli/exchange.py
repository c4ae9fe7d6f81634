"""The organisation's exchange (the national axis) on the command line, through
``Workspace.exchange`` (``services.exchange``).

``vanthu exchange status [--json] [--org CODE]``: the agency code, the connection (never its
secret), what waits, failed or was refused. ``vanthu exchange send-pending``: send and fetch
now. ``vanthu exchange connect --url URL --system-id ID [--secret-stdin] [--poll SECONDS]
[--disable] [--org CODE]``: the secret is read from stdin only (never an argument, never
shown); without ``--secret-stdin`` the one set before stays. ``vanthu exchange agency-code
CODE [--org CODE]``, ``vanthu exchange agencies [TEXT]``, ``vanthu exchange retry PACKAGE_ID``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from typing import Any

__all__ = ["register"]


def _exchange() -> Any:
    from services.session import resume_session
    from services.workspace import Workspace

    return Workspace(resume_session()).exchange


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _when(value: Any) -> str:
    return value.astimezone().strftime("%d/%m/%Y %H:%M") if value else "—"


def _show(status: Any) -> None:
    print(
        f"Đơn vị / organisation: {status.organisation} — mã định danh / agency code: "
        f"{status.agency_code or 'chưa đặt / not set'}"
    )
    if status.configured:
        secret = "đã đặt / set" if status.secret_set else "chưa đặt / not set"
        state = "bật / enabled" if status.enabled else "tắt / disabled"
        print(
            f"Trục liên thông / axis: {status.url} — hệ thống / system {status.system_id}, "
            f"khóa bí mật / secret: {secret}, {state}, {status.poll_seconds} s"
        )
        print(f"Liên lạc gần nhất / last contact: {_when(status.last_contact_at)}")
        if status.last_error:
            print(f"Lỗi gần nhất / last error: {status.last_error}")
    else:
        print("Trục liên thông / axis: chưa cấu hình / not configured")
    print(
        f"Gói / packages: {status.queued} chờ gửi / queued, {status.failed} lỗi / failed, "
        f"{status.sent} đã gửi / sent, {status.received} đã nhận / received, "
        f"{status.rejected} bị từ chối / refused; {status.agencies} cơ quan / agencies known"
    )
    for package in status.problems:
        document = f"văn bản / document #{package.document_id}" if package.document_id else ""
        print(
            f"  ! gói / package {package.id} {package.kind} {document} → {package.recipient}: "
            f"{package.state} ({package.attempts}×) {package.last_error}".rstrip()
        )
    for refused in status.refused:
        reason = refused.problem.splitlines()[0] if refused.problem else ""
        print(
            f"  ✗ {_when(refused.received_at)} {refused.sender or '?'} "
            f"{refused.document_identifier}: {reason}"
        )


def _status(args: argparse.Namespace) -> int:
    status = _exchange().status(args.org)
    if args.json:
        _print_json(asdict(status))
    else:
        _show(status)
    return 0


def _send_pending(args: argparse.Namespace) -> int:
    cycle = _exchange().send_pending()
    if args.json:
        _print_json(asdict(cycle))
        return 0
    if not cycle.ran:
        print("Máy chủ đang gửi, nhận gói; sẽ xong ngay / the server is at it already")
    print(
        f"{cycle.sent} đã gửi / sent, {cycle.received} đã nhận / received, "
        f"{cycle.duplicates} trùng / duplicates, {cycle.rejected} bị từ chối / refused, "
        f"{cycle.failed} lỗi / failed, {cycle.deferred} gửi sau / deferred"
    )
    for error in cycle.errors:
        print(f"  ! {error}", file=sys.stderr)
    return 1 if cycle.errors or cycle.failed else 0


def _read_secret() -> str:
    """The secret from stdin: typed without echo at a terminal, else the first line piped in."""
    if sys.stdin.isatty():
        return getpass.getpass("Khóa bí mật / secret: ")
    return sys.stdin.readline().rstrip("\r\n")


def _connect(args: argparse.Namespace) -> int:
    secret = _read_secret() if args.secret_stdin else None
    status = _exchange().connect(
        args.url,
        args.system_id,
        secret,
        enabled=not args.disable,
        poll_seconds=args.poll,
        organisation=args.org,
    )
    if args.json:
        _print_json(asdict(status))
    else:
        print("Đã lưu kết nối / connection saved")
        _show(status)
    return 0


def _agency_code(args: argparse.Namespace) -> int:
    status = _exchange().set_agency_code(args.code, args.org)
    if args.json:
        _print_json(asdict(status))
    else:
        print(f"{status.organisation}: mã định danh / agency code {status.agency_code}")
    return 0


def _agencies(args: argparse.Namespace) -> int:
    found = _exchange().agencies(args.text or "", args.limit)
    if args.json:
        _print_json([asdict(a) for a in found])
        return 0
    for agency in found:
        parent = f"  (thuộc / under {agency.parent_code})" if agency.parent_code else ""
        print(f"{agency.code:<20} {agency.name}{parent}")
    if not found:
        print("Không có cơ quan nào khớp / no agency matches")
    return 0


def _retry(args: argparse.Namespace) -> int:
    _exchange().retry(args.package)
    print(f"Gói {args.package} sẽ được gửi lại / package {args.package} queued again")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exchange = subparsers.add_parser(
        "exchange", help="liên thông văn bản qua trục quốc gia / the exchange axis"
    )
    actions = exchange.add_subparsers(dest="exchange_action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="tình trạng liên thông / the exchange's state")
    status.add_argument("--org", help="đơn vị (quản trị tỉnh) / organisation (province admin)")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=_status)
    send = actions.add_parser("send-pending", help="gửi, nhận ngay / send and fetch now")
    send.add_argument("--json", action="store_true")
    send.set_defaults(func=_send_pending)
    connect = actions.add_parser("connect", help="kết nối trục / how to reach the axis")
    connect.add_argument("--url", required=True, help="https://truc.example.gov.vn")
    connect.add_argument("--system-id", required=True, help="mã hệ thống / system ID")
    connect.add_argument(
        "--secret-stdin",
        action="store_true",
        help="đọc khóa bí mật từ stdin (bỏ qua: giữ khóa cũ) / read the secret from stdin",
    )
    connect.add_argument("--poll", type=int, default=60, help="giây / seconds (1–3600)")
    connect.add_argument("--disable", action="store_true", help="tạm tắt / turn off")
    connect.add_argument("--org", help="đơn vị (quản trị tỉnh) / organisation (province admin)")
    connect.add_argument("--json", action="store_true")
    connect.set_defaults(func=_connect)
    code = actions.add_parser("agency-code", help="mã định danh của đơn vị / the agency code")
    code.add_argument("code", metavar="CODE")
    code.add_argument("--org", help="đơn vị (quản trị tỉnh) / organisation (province admin)")
    code.add_argument("--json", action="store_true")
    code.set_defaults(func=_agency_code)
    agencies = actions.add_parser("agencies", help="cơ quan trên trục / agencies on the axis")
    agencies.add_argument("text", nargs="?", metavar="TEXT")
    agencies.add_argument("--limit", type=int, default=50)
    agencies.add_argument("--json", action="store_true")
    agencies.set_defaults(func=_agencies)
    retry = actions.add_parser("retry", help="gửi lại gói lỗi / retry a failed package")
    retry.add_argument("package", type=int, metavar="PACKAGE_ID")
    retry.set_defaults(func=_retry)
