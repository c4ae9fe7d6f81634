"""edXML packages carried by hand (the exchange's offline route) on the command line, through
``Workspace.exchange`` (``services.exchange``).

``vanthu edxml import FILE… [--json]``: each file's outcome on its own line (✓ a new incoming
document or a change to one, = the same package again, ✗ refused or not sent, with the reason);
exit 1 when any file was refused or failed. ``vanthu edxml export ID -o FILE [--to CODE]…``:
a numbered or issued outgoing document's package (``--to``: recorded as delivered by hand to
those agencies). ``vanthu edxml inspect FILE [--json] [--lang vi|en]``: what a package holds,
read on this machine (no sign-in needed).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

__all__ = ["register"]

_MARKS = {"applied": "✓", "duplicate": "=", "rejected": "✗", "failed": "✗"}


def _workspace() -> Any:
    from services.session import resume_session
    from services.workspace import Workspace

    return Workspace(resume_session())


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _import(args: argparse.Namespace) -> int:
    from base.errors import current_language

    exchange = _workspace().exchange
    outcomes = exchange.import_files([Path(f) for f in args.files])
    if args.json:
        _print_json([{**asdict(o), "path": str(o.path)} for o in outcomes])
    else:
        lang = current_language()
        for outcome in outcomes:
            print(f"{_MARKS[outcome.state]} {outcome.path.name}: {outcome.message(lang)}")
        count = {state: sum(o.state == state for o in outcomes) for state in _MARKS}
        print(
            f"{len(outcomes)} tệp: {count['applied']} đã nhận, {count['duplicate']} trùng, "
            f"{count['rejected']} bị từ chối, {count['failed']} lỗi / {len(outcomes)} files: "
            f"{count['applied']} applied, {count['duplicate']} duplicate, "
            f"{count['rejected']} refused, {count['failed']} failed",
            file=sys.stderr,
        )
    return 0 if all(o.ok for o in outcomes) else 1


def _export(args: argparse.Namespace) -> int:
    from base.errors import VanThuError

    workspace = _workspace()
    document = workspace.current_document(args.document)
    if document is None:
        raise VanThuError(f"Không có văn bản #{args.document}.", f"No document #{args.document}.")
    path = workspace.exchange.export(document, Path(args.output), tuple(args.to or ()))
    if args.json:
        _print_json({"document": document.id, "file": str(path), "to": list(args.to or ())})
    else:
        to = f" → {', '.join(args.to)}" if args.to else ""
        print(f"#{document.id} {document.number_symbol}{to}: {path}")
    return 0


def _inspect(args: argparse.Namespace) -> int:
    from base.errors import current_language
    from services.exchange import inspect_package

    lang = args.lang or current_language()
    inspection = inspect_package(Path(args.file), lang)
    if args.json:
        _print_json({**inspection.data, "problems": inspection.problems})
        return 0
    width = max((len(label) for label, _ in inspection.lines), default=0)
    for label, value in inspection.lines:
        print(f"{label:<{width}}  {value}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    edxml = subparsers.add_parser(
        "edxml", help="gói liên thông edXML qua tệp / edXML exchange packages as files"
    )
    actions = edxml.add_subparsers(dest="edxml_action", metavar="ACTION", required=True)
    take = actions.add_parser(
        "import", help="nhận gói edXML từ tệp / import edXML packages from files"
    )
    take.add_argument("files", nargs="+", metavar="FILE")
    take.add_argument("--json", action="store_true")
    take.set_defaults(func=_import)
    export = actions.add_parser(
        "export", help="xuất văn bản đi thành gói edXML / export an outgoing document's package"
    )
    export.add_argument("document", type=int, metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="tệp .edxml")
    export.add_argument(
        "--to",
        action="append",
        metavar="CODE",
        help="mã định danh cơ quan nhận (ghi nhận đã chuyển) / recipient agency code",
    )
    export.add_argument("--json", action="store_true")
    export.set_defaults(func=_export)
    inspect = actions.add_parser(
        "inspect", help="xem nội dung gói edXML (không cần đăng nhập) / read a package here"
    )
    inspect.add_argument("file", metavar="FILE")
    inspect.add_argument("--lang", choices=["vi", "en"])
    inspect.add_argument("--json", action="store_true")
    inspect.set_defaults(func=_inspect)
