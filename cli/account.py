"""``login``, ``logout``, ``whoami``, ``documents``; for administrators ``accounts list|set``
and ``departments list|add|rename`` (through the server's admin API, ``services.admin``).

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
from typing import TYPE_CHECKING, TextIO

from client.api import ApiClient
from client.credentials import TokenStore, authenticated_client
from client.records import SECRECY_LABELS, URGENCY_LABELS, Document, DocumentFilter

if TYPE_CHECKING:
    from services.admin import AccountAdmin

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


def _admin() -> AccountAdmin:
    from client.errors import PermissionDenied
    from services.session import resume_session
    from services.workspace import Workspace

    admin = Workspace(resume_session()).account_admin()
    if admin is None:
        raise PermissionDenied(
            "Chỉ quản trị đơn vị hoặc quản trị tỉnh quản lý tài khoản và phòng ban.",
            "Only organisation or province administrators manage accounts and departments.",
        )
    return admin


def _accounts(args: argparse.Namespace) -> int:
    admin = _admin()
    for a in admin.accounts():
        if args.org and a.organisation != args.org:
            continue
        department = a.department.code if a.department else "—"
        state = "" if a.active else "  (đã khoá / disabled)"
        print(
            f"{a.organisation:<8} {a.username:<20} {a.role:<15} {department:<8} {a.full_name}{state}"
        )
    return 0


def _set_account(args: argparse.Namespace) -> int:
    account = _admin().place(args.username, None if args.no_department else args.department)
    where = f"{account.department.code} — {account.department.name}" if account.department else ""
    print(f"{account.username}: phòng ban / department {where or '(không có / none)'}")
    return 0


def _departments(args: argparse.Namespace) -> int:
    rows = _admin().departments(args.org or "")
    for d in rows:
        print(f"{d.organisation:<8} {d.code:<10} {d.name}")
    if not rows:
        print("(trống / empty)")
    return 0


def _add_department(args: argparse.Namespace) -> int:
    department = _admin().add_department(args.code, args.name, args.org or "")
    print(
        f"Đã thêm phòng ban / department added: {department.organisation} "
        f"{department.code} — {department.name}"
    )
    return 0


def _rename_department(args: argparse.Namespace) -> int:
    admin = _admin()
    department = admin.department(args.code, args.org or "")
    renamed = admin.rename_department(department, args.name)
    print(f"{renamed.organisation} {renamed.code}: {department.name} → {renamed.name}")
    return 0


def _register_admin(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    org_help = "mã đơn vị (mặc định: đơn vị của bạn) / organisation code (default: yours)"
    accounts = subparsers.add_parser(
        "accounts", help="tài khoản (quản trị viên) / accounts (administrators)"
    ).add_subparsers(dest="action", metavar="list|set", required=True)
    listing = accounts.add_parser("list", help="liệt kê kèm phòng ban / list with departments")
    listing.add_argument("--org", help="chỉ đơn vị này / only this organisation")
    listing.set_defaults(func=_accounts)
    setting = accounts.add_parser("set", help="đặt phòng ban / set the department")
    setting.add_argument("username")
    which = setting.add_mutually_exclusive_group(required=True)
    which.add_argument("--department", metavar="CODE", help="mã phòng ban / department code")
    which.add_argument(
        "--no-department", action="store_true", help="không thuộc phòng ban nào / none"
    )
    setting.set_defaults(func=_set_account)
    departments = subparsers.add_parser(
        "departments", help="phòng ban (quản trị viên) / departments (administrators)"
    ).add_subparsers(dest="action", metavar="list|add|rename", required=True)
    listing = departments.add_parser("list", help="liệt kê phòng ban / list departments")
    listing.add_argument(
        "--org", help="mã đơn vị (quản trị tỉnh, mặc định: mọi đơn vị) / organisation code"
    )
    listing.set_defaults(func=_departments)
    for name, run, help_text in (
        ("add", _add_department, "thêm phòng ban / add a department"),
        ("rename", _rename_department, "đổi tên phòng ban / rename a department"),
    ):
        command = departments.add_parser(name, help=help_text)
        command.add_argument("code", help="mã phòng ban / department code")
        command.add_argument("name", help="tên phòng ban / department name")
        command.add_argument("--org", help=org_help)
        command.set_defaults(func=run)


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
    _register_admin(subparsers)
