"""Command line of the reference exchange hub: ``serve --exchange-hub`` runs it instead of the
document server (same host, port, TLS and upload-size options); ``exchange-hub-system``
allows, removes and lists the systems that may call it.

Kept apart from the ``hub`` package and importing nothing heavy at load, so ``vanthu`` starts
fast; the hub itself is imported only when one of these commands runs.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

from base.paths import app_paths

__all__ = ["register"]


def _hub_dir(args: argparse.Namespace) -> Path:
    return Path(args.hub_dir) if args.hub_dir else app_paths().data / "exchange-hub"


def _serve_hub(args: argparse.Namespace) -> int:
    from ..serving import run_uvicorn
    from .hub import create_hub_app, system_ids

    if bool(args.certfile) != bool(args.keyfile):
        print("--certfile và --keyfile đi cùng nhau / --certfile and --keyfile go together")
        return 2
    hub_dir = _hub_dir(args)
    app = create_hub_app(hub_dir, max_body=int(args.max_upload_mb * 1024 * 1024))
    scheme = "https" if args.certfile else "http"
    print(
        f"Trục liên thông mẫu / reference exchange hub: {scheme}://{args.host}:{args.port}"
        f"  (dữ liệu: {hub_dir})",
        flush=True,
    )
    if not system_ids(hub_dir):
        print(
            "Chưa có hệ thống nào được phép / no system allowed yet: "
            f"vanthu exchange-hub-system add <ID> --hub-dir {hub_dir}",
            flush=True,
        )
    run_uvicorn(app, args)
    return 0


def _system(args: argparse.Namespace) -> int:
    from .hub import add_system, remove_system, system_ids

    hub_dir = _hub_dir(args)
    if args.action == "list":
        for system_id in system_ids(hub_dir):
            print(system_id)
        return 0
    if args.action == "remove":
        if not remove_system(hub_dir, args.system_id):
            print(f"Không có hệ thống / no such system: {args.system_id}", file=sys.stderr)
            return 1
        print(f"Đã gỡ / removed: {args.system_id}")
        return 0
    generated = not args.secret_stdin
    secret = secrets.token_urlsafe(32) if generated else sys.stdin.readline().rstrip("\r\n")
    try:
        add_system(hub_dir, args.system_id, secret)
    except ValueError as exc:
        print(
            f"Mã hệ thống hoặc khoá bí mật không hợp lệ / invalid system id or secret: {exc}",
            file=sys.stderr,
        )
        return 2
    print(f"Đã cho phép / allowed: {args.system_id}  ({hub_dir})")
    if generated:
        print(f"Khoá bí mật (trao cho quản trị hệ thống đó) / secret (give it to them): {secret}")
    return 0


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    serve: argparse.ArgumentParser,
) -> None:
    """Add ``--exchange-hub``/``--hub-dir`` to ``serve`` and the ``exchange-hub-system`` command."""
    hub_dir_help = "thư mục của trục mẫu / the hub's folder (default: <app data>/exchange-hub)"
    serve.add_argument(
        "--exchange-hub",
        action="store_true",
        help="chạy trục liên thông mẫu thay cho máy chủ văn bản / run the reference exchange "
        "hub instead of the document server",
    )
    serve.add_argument("--hub-dir", help=hub_dir_help)
    document_server = serve.get_default("func")

    def run(args: argparse.Namespace) -> int:
        return _serve_hub(args) if args.exchange_hub else int(document_server(args))

    serve.set_defaults(func=run)

    system = subparsers.add_parser(
        "exchange-hub-system",
        help="hệ thống được gọi trục liên thông mẫu / systems allowed on the reference hub",
    ).add_subparsers(dest="action", required=True)
    add = system.add_parser(
        "add",
        help="cho phép (hoặc đổi khoá) một hệ thống / allow a system (or change its secret)",
    )
    add.add_argument("system_id")
    add.add_argument(
        "--secret-stdin",
        action="store_true",
        help="đọc khoá bí mật từ stdin (mặc định: tạo mới và in ra) / read the secret from "
        "stdin (default: generate one and print it)",
    )
    remove = system.add_parser("remove", help="gỡ một hệ thống / remove a system")
    remove.add_argument("system_id")
    listing = system.add_parser("list", help="liệt kê / list")
    for parser in (add, remove, listing):
        parser.add_argument("--hub-dir", help=hub_dir_help)
        parser.set_defaults(func=_system)
