"""``serve`` and ``demo-data`` subcommands."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from client.paths import app_paths

from .config import ServerSettings

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _settings(args: argparse.Namespace) -> ServerSettings:
    data_dir = Path(args.data_dir) if args.data_dir else app_paths().data / "server"
    return ServerSettings(
        data_dir=data_dir,
        database_url=args.database_url,
        max_upload_bytes=int(getattr(args, "max_upload_mb", 512) * 1024 * 1024),
    )


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app
    from .db import Database
    from .seed import seed_base

    settings = _settings(args)
    app = create_app(settings)
    if not args.no_seed:
        db: Database = app.state.vanthu.db
        with db.session() as session:
            seed_base(session)
    print(f"Máy chủ văn bản / document server: http://{args.host}:{args.port}/api/v1  (dữ liệu: {settings.data_dir})",
          flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def _demo_data(args: argparse.Namespace) -> int:
    from .app import create_app
    from .demo import generate_demo_data
    from .seed import DEMO_USERS

    settings = _settings(args)
    state = create_app(settings).state.vanthu

    def progress(done: int, total: int) -> None:
        if done == total or done % 100000 == 0:
            print(f"  {done:,}/{total:,}", flush=True)

    report = generate_demo_data(state.db, state.blobs, args.count, args.pdfs, progress=progress)
    print(f"Đã tạo {report.documents:,} văn bản ({report.pdfs} có PDF) trong {report.seconds:.1f} s")
    print("Tài khoản demo / demo accounts:")
    for user in DEMO_USERS:
        print(f"  {user.role:<10} {user.username:<10} {user.password}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", help="thư mục dữ liệu / data folder")
        p.add_argument("--database-url", help="SQLAlchemy URL (mặc định SQLite trong data-dir)")

    serve = subparsers.add_parser("serve", help="chạy máy chủ văn bản / run the document server")
    common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--max-upload-mb", type=float, default=512)
    serve.add_argument("--no-seed", action="store_true", help="không tạo tài khoản demo / no demo users")
    serve.set_defaults(func=_serve)

    demo = subparsers.add_parser("demo-data", help="tạo dữ liệu mẫu / generate demo documents")
    common(demo)
    demo.add_argument("--count", type=int, default=500)
    demo.add_argument("--pdfs", type=int, default=40, help="số văn bản có PDF / documents with a PDF")
    demo.set_defaults(func=_demo_data)
