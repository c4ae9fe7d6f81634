"""``gui``, ``demo`` and ``demo-data``.

``demo`` is the README's first quick-start command: demo data and a demo
signing token are created once under ``./demo-home`` (or VANTHU_HOME), the
embedded server starts on 127.0.0.1, and the app opens signed in as the
demo leader.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from base.paths import app_paths

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _gui(_args: argparse.Namespace) -> int:
    from ui.app import run_app

    return run_app()


def _demo(args: argparse.Namespace) -> int:
    from services.demo import DEMO_ACCOUNTS, prepare_demo
    from ui.app import run_app

    home = Path(os.environ.get("VANTHU_HOME") or args.home).resolve()
    demo = prepare_demo(home, args.documents)
    print(f"Máy chủ demo: {demo.server.base_url}")
    if demo.neighbour is not None and demo.hub is not None:
        print(
            f"Tỉnh láng giềng (Nghệ An) / neighbouring province: {demo.neighbour.base_url}, "
            f"trục liên thông / exchange hub: {demo.hub.url}"
        )
    print(
        "Tài khoản: "
        + ", ".join(f"{user}/{password} ({role})" for user, password, role in DEMO_ACCOUNTS)
    )
    print(f"Token ký số demo: “{demo.token.token_label}”, mã PIN {demo.token.pin}")
    try:
        return run_app(server=demo.server.base_url, username="lanhdao", password="LanhDao@2026")
    finally:
        demo.stop()


def _demo_data(args: argparse.Namespace) -> int:
    from server.config import ServerSettings
    from services.demo import DEMO_ACCOUNTS, make_demo_data

    data_dir = Path(args.data_dir) if args.data_dir else app_paths().data / "server"

    def progress(done: int, total: int) -> None:
        if done == total or done % 100000 == 0:
            print(f"  {done:,}/{total:,}", flush=True)

    report = make_demo_data(
        ServerSettings(data_dir=data_dir, database_url=args.database_url),
        args.count,
        args.pdfs,
        progress,
        story=not args.no_story,
    )
    print(
        f"Đã tạo {report.documents:,} văn bản ({report.pdfs} có PDF) trong {report.seconds:.1f} s"
    )
    print("Tài khoản demo / demo accounts:")
    for user, password, role in DEMO_ACCOUNTS:
        print(f"  {role:<10} {user:<10} {password}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser("gui", help="mở giao diện / open the desktop app").set_defaults(func=_gui)
    demo = subparsers.add_parser("demo", help="chạy thử với máy chủ và token demo / run the demo")
    demo.add_argument("--home", default="demo-home")
    demo.add_argument("--documents", type=int, default=2000)
    demo.set_defaults(func=_demo)
    data = subparsers.add_parser(
        "demo-data", help="tạo dữ liệu mẫu cho máy chủ / generate demo documents"
    )
    data.add_argument("--data-dir", help="thư mục dữ liệu máy chủ / server data folder")
    data.add_argument("--database-url", help="SQLAlchemy URL (mặc định SQLite trong data-dir)")
    data.add_argument("--count", type=int, default=500)
    data.add_argument(
        "--pdfs", type=int, default=40, help="số văn bản có PDF / documents with a PDF"
    )
    data.add_argument(
        "--no-story",
        action="store_true",
        help="không thêm văn bản đang xử lý dở / only the archive, no work in progress",
    )
    data.set_defaults(func=_demo_data)
