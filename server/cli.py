"""``serve``: run the reference document server (demo data: ``vanthu demo-data``)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from base.paths import app_paths

from .config import ServerSettings

__all__ = ["register", "main"]

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
    print(
        f"Máy chủ văn bản / document server: http://{args.host}:{args.port}/api/v1  (dữ liệu: {settings.data_dir})",
        flush=True,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", help="thư mục dữ liệu / data folder")
        p.add_argument("--database-url", help="SQLAlchemy URL (mặc định SQLite trong data-dir)")

    serve = subparsers.add_parser("serve", help="chạy máy chủ văn bản / run the document server")
    common(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--max-upload-mb", type=float, default=512)
    serve.add_argument(
        "--no-seed", action="store_true", help="không tạo tài khoản demo / no demo users"
    )
    serve.set_defaults(func=_serve)


def main(argv: list[str] | None = None) -> int:
    """``vanthu-server``: the server's own entry point, for installs without the desktop app."""
    parser = argparse.ArgumentParser(
        prog="vanthu-server", description="Văn thư số — máy chủ văn bản / document server"
    )
    register(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return int(args.func(args))
