"""``login``, ``logout``, ``whoami`` and ``documents`` subcommands."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from .credentials import SavedLogin, authenticated_client, forget_login, save_login
from .records import SECRECY_LABELS, URGENCY_LABELS, DocumentFilter

__all__ = ["register", "print_documents"]

logger = logging.getLogger(__name__)


def _login(args: argparse.Namespace) -> int:
    from .api import ApiClient

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Mật khẩu: ")
    client = ApiClient(args.server, ca_bundle=args.ca_bundle)
    result = client.login(args.username, password)
    del password
    save_login(SavedLogin(args.server, args.username, args.ca_bundle), result.access_token)
    print(f"Đã đăng nhập: {result.user.full_name} ({result.user.title}) — {result.user.organisation_name}")
    return 0


def _logout(_args: argparse.Namespace) -> int:
    try:
        authenticated_client().logout()
    except Exception:  # noqa: BLE001 - logging out locally must work even offline
        logger.info("server logout failed; forgetting the local sign-in anyway")
    forget_login()
    print("Đã đăng xuất / Logged out")
    return 0


def _whoami(_args: argparse.Namespace) -> int:
    user = authenticated_client().me()
    print(f"{user.username}: {user.full_name} — {user.title}, {user.organisation_name} [{user.role}]")
    return 0


def print_documents(docs, out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
    """A readable table: number/symbol, date, type, urgency, secrecy, summary."""
    print(f"{'ID':>7}  {'Số/ký hiệu':<18} {'Ngày':<10} {'Loại':<11} {'Độ khẩn':<11} {'Độ mật':<8} Trích yếu", file=out)
    for d in docs:
        day = (d.issued_date or d.arrival_date)
        print(f"{d.id:>7}  {(d.number_symbol or '—')[:18]:<18} {day.strftime('%d/%m/%Y') if day else '':<10} "
              f"{d.doc_type[:11]:<11} {URGENCY_LABELS[d.urgency][:11]:<11} {SECRECY_LABELS[d.secrecy][:8]:<8} "
              f"{d.subject[:70]}", file=out)


def _documents(args: argparse.Namespace) -> int:
    client = authenticated_client()
    page = client.list_documents(DocumentFilter(direction=args.direction, q=args.q), limit=args.limit)
    print_documents(page.items)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    login = subparsers.add_parser("login", help="đăng nhập máy chủ / sign in")
    login.add_argument("--server", required=True, help="https://vanban.example.gov.vn")
    login.add_argument("--username", required=True)
    login.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    login.add_argument("--ca-bundle", help="tệp chứng chỉ CA của đơn vị / organisation CA bundle")
    login.set_defaults(func=_login)
    subparsers.add_parser("logout", help="đăng xuất / sign out").set_defaults(func=_logout)
    subparsers.add_parser("whoami", help="tài khoản hiện tại / current user").set_defaults(func=_whoami)
    docs = subparsers.add_parser("documents", help="liệt kê văn bản trên máy chủ / list server documents")
    docs.add_argument("--direction", choices=("incoming", "outgoing"))
    docs.add_argument("-q", help="tìm kiếm / search text")
    docs.add_argument("--limit", type=int, default=20)
    docs.set_defaults(func=_documents)
