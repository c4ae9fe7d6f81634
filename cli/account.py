"""``login``, ``logout``, ``whoami`` and ``documents``.

Scripts and machines without an OS keyring: ``vanthu login --print-token``
prints the token (nothing is stored) for ``VANTHU_SERVER`` and
``VANTHU_TOKEN``; ``--store file`` keeps it in a file only this user can read.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Iterable
from typing import TextIO

from client.api import ApiClient
from client.credentials import TokenStore, authenticated_client
from client.records import SECRECY_LABELS, URGENCY_LABELS, Document, DocumentFilter

__all__ = ["register", "print_documents"]

logger = logging.getLogger(__name__)


def _read_password(args: argparse.Namespace) -> str:
    return (
        sys.stdin.readline().rstrip("\r\n")
        if args.password_stdin
        else getpass.getpass("Mật khẩu: ")
    )


def _login(args: argparse.Namespace) -> int:
    from services.session import open_session  # loaded when used: `vanthu` starts fast

    password = _read_password(args)
    if args.print_token:
        client = ApiClient(
            args.server, ca_bundle=args.ca_bundle, allow_insecure_http=args.allow_insecure_http
        )
        result = client.login(args.username, password)
        print(result.access_token)
        print(
            "Mã đăng nhập chưa được lưu; đặt VANTHU_SERVER và VANTHU_TOKEN để dùng. / The token was not stored; "
            "set VANTHU_SERVER and VANTHU_TOKEN to use it.",
            file=sys.stderr,
        )
        return 0
    store = TokenStore(args.store)
    session = open_session(
        args.server,
        args.username,
        password,
        args.ca_bundle,
        remember=store,
        allow_insecure_http=args.allow_insecure_http,
    )
    del password
    user = session.user
    if store is TokenStore.FILE:
        print(
            "CẢNH BÁO: mã đăng nhập được lưu trong tệp chỉ tài khoản này đọc được (không dùng kho mật khẩu). / "
            "WARNING: the sign-in token is kept in a file readable by this user only (no keyring).",
            file=sys.stderr,
        )
    print(f"Đã đăng nhập: {user.full_name} ({user.title}) — {user.organisation_name}")
    return 0


def _logout(_args: argparse.Namespace) -> int:
    from services.session import sign_out

    if sign_out():
        print("Đã đăng xuất / Logged out")
    else:
        print(
            "Đã quên đăng nhập trên máy này; máy chủ chưa xác nhận huỷ mã (mã sẽ tự hết hạn). / "
            "Signed out on this machine; the server did not confirm revoking the token "
            "(it expires by itself).",
            file=sys.stderr,
        )
    return 0


def _whoami(_args: argparse.Namespace) -> int:
    user = authenticated_client().me()
    print(
        f"{user.username}: {user.full_name} — {user.title}, {user.organisation_name} [{user.role}]"
    )
    return 0


def print_documents(docs: Iterable[Document], out: TextIO = sys.stdout) -> None:
    """A readable table: number/symbol, date, type, urgency, secrecy, summary."""
    print(
        f"{'ID':>7}  {'Số/ký hiệu':<18} {'Ngày':<10} {'Loại':<11} {'Độ khẩn':<11} {'Độ mật':<8} Trích yếu",
        file=out,
    )
    for d in docs:
        day = d.issued_date or d.arrival_date
        print(
            f"{d.id:>7}  {(d.number_symbol or '—')[:18]:<18} {day.strftime('%d/%m/%Y') if day else '':<10} "
            f"{d.doc_type[:11]:<11} {URGENCY_LABELS[d.urgency][:11]:<11} {SECRECY_LABELS[d.secrecy][:8]:<8} "
            f"{d.subject[:70]}",
            file=out,
        )


def _documents(args: argparse.Namespace) -> int:
    client = authenticated_client()
    page = client.list_documents(
        DocumentFilter(direction=args.direction, q=args.q), limit=args.limit
    )
    print_documents(page.items)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    login = subparsers.add_parser(
        "login",
        help="đăng nhập máy chủ / sign in",
        description="Đăng nhập; mã đăng nhập được giữ trong kho mật khẩu của hệ điều hành. Máy không có kho mật "
        "khẩu: --store file, hoặc --print-token rồi đặt VANTHU_SERVER và VANTHU_TOKEN. / Sign in; the "
        "token is kept in the OS keyring. Without a keyring: --store file, or --print-token and set "
        "VANTHU_SERVER and VANTHU_TOKEN.",
    )
    login.add_argument("--server", required=True, help="https://vanban.example.gov.vn")
    login.add_argument("--username", required=True)
    login.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ stdin")
    login.add_argument("--ca-bundle", help="tệp chứng chỉ CA của đơn vị / organisation CA bundle")
    login.add_argument(
        "--store",
        choices=[s.value for s in TokenStore],
        default=TokenStore.KEYRING.value,
        help="nơi giữ mã đăng nhập: keyring (mặc định) hoặc file (tệp riêng 0600)",
    )
    login.add_argument(
        "--print-token",
        action="store_true",
        help="in mã đăng nhập ra màn hình, không lưu / print the token, store nothing",
    )
    login.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="chấp nhận máy chủ http:// không mã hoá ngoài máy này (không khuyến khích) / "
        "accept an unencrypted http:// server that is not this machine",
    )
    login.set_defaults(func=_login)
    subparsers.add_parser("logout", help="đăng xuất / sign out").set_defaults(func=_logout)
    subparsers.add_parser("whoami", help="tài khoản hiện tại / current user").set_defaults(
        func=_whoami
    )
    docs = subparsers.add_parser(
        "documents", help="liệt kê văn bản trên máy chủ / list server documents"
    )
    docs.add_argument("--direction", choices=("incoming", "outgoing"))
    docs.add_argument("-q", help="tìm kiếm / search text")
    docs.add_argument("--limit", type=int, default=20)
    docs.set_defaults(func=_documents)
