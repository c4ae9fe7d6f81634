"""Văn thư số — command-line entry point.

Every feature is reachable from here.  The ``cli`` package (and the
server's and installer's own ``cli`` modules) contribute subcommands through
``register(subparsers)``; each subcommand sets ``func(args) -> int`` and calls
the service layer.  With no subcommand the GUI starts.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections.abc import Sequence

from base.console_log import configure_console_logging, verbose_requested
from base.errors import VanThuError

__all__ = ["main", "build_parser"]

# Packages that contribute subcommands, in the order shown by --help.
CLI_MODULES = (
    "server.cli",
    "cli.account",
    "cli.cache",
    "cli.searches",
    "cli.signing",
    "cli.trust",
    "cli.workflow",
    "cli.reports",
    "cli.audit",
    "cli.drafts",
    "cli.edxml",
    "cli.exchange",
    "cli.file_list",
    "cli.records",
    "cli.watch",
    "cli.demo",
    "installer.cli",
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vanthu")
    except PackageNotFoundError:  # running from a source tree without install
        return "0.0.0+source"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vanthu",
        description="Văn thư số — quản lý văn bản, ký số và tải lên / document client",
    )
    parser.add_argument("--version", action="version", version=f"vanthu {_version()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="chi tiết / verbose logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in CLI_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency inside the module
                raise
            continue
        module.register(sub)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    try:
        from ui.app import run_app
    except ModuleNotFoundError:
        print("Giao diện chưa sẵn sàng / The desktop UI is not available in this build.")
        return 2
    return int(run_app(args) or 0)


def refusal(exc: VanThuError) -> dict[str, dict[str, str]]:
    """A refusal as ``--json`` prints it (on stderr, exit 1): a stable code — the server's when
    it gave one (``frozen``, ``idempotency_key_reused``…), else the error's kind — and both
    languages."""
    code = getattr(exc, "code", None) or re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__)
    code = "error" if code == "Van_Thu_Error" else code.lower()
    return {
        "error": {
            "code": code,
            "title_vi": exc.title("vi"),
            "title_en": exc.title("en"),
            "message_vi": exc.message("vi"),
            "message_en": exc.message("en"),
        }
    }


def main(argv: Sequence[str] | None = None) -> int:
    # Before the parser imports the command modules (and, through them, pyHanko's warnings).
    configure_console_logging(verbose=verbose_requested(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    try:
        if func is None:
            return _run_gui(args)
        return int(func(args) or 0)
    except VanThuError as exc:
        if getattr(args, "json", False):  # a script reads the refusal as it reads the result
            print(json.dumps(refusal(exc), ensure_ascii=False), file=sys.stderr)
        else:
            print(f"{exc.title()}: {exc.message()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng / Interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
