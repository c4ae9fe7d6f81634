"""``gui`` and ``demo`` subcommands.

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

__all__ = ["register", "prepare_demo"]

logger = logging.getLogger(__name__)


def prepare_demo(home: Path, documents: int = 2000, pdfs: int = 40):  # type: ignore[no-untyped-def]
    """Demo data and token (once), then the embedded server; returns (server, demo token)."""
    os.environ["VANTHU_HOME"] = str(home)
    from server.app import create_app
    from server.config import ServerSettings
    from server.demo import generate_demo_data
    from server.embedded import start_background
    from signing.demo import ensure_demo_token

    data = home / "server"
    marker = data / "demo-ready"
    if not marker.exists():
        state = create_app(ServerSettings(data_dir=data)).state.vanthu
        generate_demo_data(state.db, state.blobs, documents, pdfs)
        state.db.dispose()
        marker.write_text("ok")
    token = ensure_demo_token(home)
    return start_background(data), token


def _gui(_args: argparse.Namespace) -> int:
    from .app import run_app

    return run_app()


def _demo(args: argparse.Namespace) -> int:
    home = Path(os.environ.get("VANTHU_HOME") or args.home).resolve()
    server, token = prepare_demo(home, args.documents)
    print(f"Máy chủ demo: {server.base_url}")
    print("Tài khoản: vanthu/VanThu@2026 (văn thư), lanhdao/LanhDao@2026 (lãnh đạo), "
          "luutru/LuuTru@2026 (lưu trữ), quantri/QuanTri@2026 (quản trị)")
    print(f"Token ký số demo: “{token.token_label}”, mã PIN {token.pin}")
    from .app import run_app

    try:
        return run_app(server=server.base_url, username="lanhdao", password="LanhDao@2026")
    finally:
        server.stop()


def register(subparsers: argparse._SubParsersAction) -> None:
    subparsers.add_parser("gui", help="mở giao diện / open the desktop app").set_defaults(func=_gui)
    demo = subparsers.add_parser("demo", help="chạy thử với máy chủ và token demo / run the demo")
    demo.add_argument("--home", default="demo-home")
    demo.add_argument("--documents", type=int, default=2000)
    demo.set_defaults(func=_demo)
