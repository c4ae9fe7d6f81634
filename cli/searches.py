"""Saved searches and the result list's export on the command line (``services.saved_searches``,
``services.list_export``, ``services.server_search``), through ``Workspace``.

``vanthu searches [--json]``: the user's saved searches (offline: the last list received).
``vanthu searches save NAME [--text …] [--direction …] [--queue …] [--status …] [--type …]
[--min-urgency N] [--overdue] [--columns a,b,…]``, ``searches rename NAME NEW``, ``searches
delete NAME``, ``searches run NAME [--server] [--limit N] [--json]``.
``vanthu export-list FILE.pdf|.docx|.xlsx [--saved NAME] [the same filters] [--columns …]
[--title …] [--server]``: the list as a file.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from client.cache.query import COLUMN_KEYS, DocumentQuery, DocumentRow, cell_text
from client.cache.queues import UPLOAD_QUEUES, Queue

__all__ = ["register"]

EXPORT_LIMIT = 10_000
"""Rows an export takes at most (a wider list: narrow the filters)."""


def _workspace() -> Any:
    from services.session import resume_session
    from services.workspace import Workspace

    return Workspace(resume_session())


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _columns(text: str | None) -> list[str] | None:
    if not text:
        return None
    columns = [c.strip() for c in text.split(",") if c.strip()]
    unknown = [c for c in columns if c not in COLUMN_KEYS]
    if unknown:
        from base.errors import VanThuError

        raise VanThuError(
            f"Không có cột: {', '.join(unknown)}. Các cột: {', '.join(COLUMN_KEYS)}.",
            f"No such column: {', '.join(unknown)}. Columns: {', '.join(COLUMN_KEYS)}.",
        )
    return columns


def _query(args: argparse.Namespace, base: DocumentQuery | None = None) -> DocumentQuery:
    """The filters given on the command line, over ``base`` (a saved search's) when given."""
    query = base or DocumentQuery()
    changes: dict[str, Any] = {}
    for name, value in (
        ("text", args.text),
        ("direction", args.direction),
        ("doc_type", args.type),
        ("min_urgency", args.min_urgency),
        ("status", args.status),
    ):
        if value is not None:
            changes[name] = value
    if args.queue:
        changes["queue"] = Queue(args.queue)
    if args.overdue:
        changes["overdue"] = True
    return replace(query, **changes)


def _scoped(workspace: Any, query: DocumentQuery, limit: int) -> DocumentQuery:
    """The query for this user today: a work queue is someone's, overdue is judged today."""
    scope = workspace.queue_scope()
    return replace(query, scope=scope, today=query.today or scope.today, limit=limit)


def _find(workspace: Any, name: str) -> Any:
    from client.errors import NotFound

    found = workspace.saved_search(name)
    if found is None:
        raise NotFound(
            f"Không có tìm kiếm đã lưu tên “{name}”.", f"No saved search named “{name}”."
        )
    return found


def _describe(query: dict[str, Any]) -> str:
    parts = [f"{k}={v}" for k, v in query.items() if v not in (None, "", False) and k != "columns"]
    return ", ".join(parts) or "(mọi văn bản / everything)"


def _list(args: argparse.Namespace) -> int:
    workspace = _workspace()
    found = workspace.saved_searches()
    if not workspace.online:
        print("Ngoại tuyến: danh sách lưu lần trước / offline: the last list", file=sys.stderr)
    if args.json:
        _print_json([asdict(s) for s in found])
        return 0
    for saved in found:
        print(f"{saved.name}  —  {_describe(saved.query)}")
    if not found:
        print("Chưa có tìm kiếm đã lưu / no saved searches")
    return 0


def _save(args: argparse.Namespace) -> int:
    from services.saved_searches import query_to_saved

    workspace = _workspace()
    made = workspace.save_search(args.name, query_to_saved(_query(args), _columns(args.columns)))
    print(f"Đã lưu / saved: {made.name}  —  {_describe(made.query)}")
    return 0


def _rename(args: argparse.Namespace) -> int:
    workspace = _workspace()
    changed = workspace.rename_search(_find(workspace, args.name).id, args.new_name)
    print(f"Đã đổi tên / renamed: {args.name} → {changed.name}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    workspace = _workspace()
    found = _find(workspace, args.name)
    workspace.delete_search(found.id)
    print(f"Đã xoá / deleted: {found.name}")
    return 0


def _rows(workspace: Any, query: DocumentQuery, server: bool, limit: int) -> list[DocumentRow]:
    """The list's rows: here (paged) or, with ``server``, from the server's search; says when
    secret documents were left out here."""
    if server:
        return list(workspace.search_server(replace(query, limit=min(limit, 1000))))
    rows: list[DocumentRow] = []
    page = workspace.search(replace(query, limit=min(limit, 1000)))
    while True:
        rows += page.rows
        if page.next is None or len(rows) >= limit:
            break
        page = workspace.search(replace(query, limit=min(limit - len(rows), 1000)), page.next)
    missed = workspace.unindexed_count(query)
    if missed:
        print(
            f"{missed} văn bản mật không được tìm trên máy — thêm --server để tìm trên máy chủ / "
            f"{missed} secret documents are not searched on this machine — add --server to "
            "search the server",
            file=sys.stderr,
        )
    return rows[:limit]


def _run(args: argparse.Namespace) -> int:
    from services.saved_searches import saved_columns

    workspace = _workspace()
    saved = _find(workspace, args.name)
    query = workspace.saved_query(saved, limit=args.limit)
    rows = _rows(workspace, query, args.server, args.limit)
    if args.json:
        _print_json([asdict(r) for r in rows])
        return 0
    columns = saved_columns(saved.query) or ("number_symbol", "dated", "due", "status", "subject")
    for row in rows:
        cells = [cell_text(row, key) for key in columns if key in COLUMN_KEYS]
        print(f"{row.id:>7}  " + "  |  ".join(cells))
    print(f"({len(rows)} văn bản / documents)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from services.list_export import DEFAULT_COLUMNS
    from services.saved_searches import saved_columns

    workspace = _workspace()
    saved = _find(workspace, args.saved) if args.saved else None
    base = workspace.saved_query(saved, limit=EXPORT_LIMIT) if saved else None
    query = _scoped(workspace, _query(args, base), EXPORT_LIMIT)
    columns = (
        _columns(args.columns) or (saved and saved_columns(saved.query)) or list(DEFAULT_COLUMNS)
    )
    rows = _rows(workspace, query, args.server, args.limit or EXPORT_LIMIT)
    title = args.title or (saved.name if saved else "Danh sách văn bản")
    path = workspace.export_list(rows, columns, Path(args.file), title)
    print(f"{len(rows)} văn bản / documents → {path}")
    return 0


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text", help="từ cần tìm (không dấu cũng được) / words to find")
    parser.add_argument("--direction", choices=("incoming", "outgoing"))
    queues = [q.value for q in Queue if q not in UPLOAD_QUEUES]  # documents, not scans
    parser.add_argument("--queue", choices=queues, help="hàng việc / work queue")
    parser.add_argument("--status")
    parser.add_argument("--type", help="loại văn bản, ví dụ “Quyết định”")
    parser.add_argument("--min-urgency", type=int, choices=range(5), help="độ khẩn từ / at least")
    parser.add_argument("--overdue", action="store_true", help="quá hạn xử lý / overdue")
    parser.add_argument(
        "--columns", help=f"các cột, cách nhau bởi dấu phẩy / columns: {','.join(COLUMN_KEYS)}"
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    searches = subparsers.add_parser(
        "searches", help="tìm kiếm đã lưu (mọi máy của bạn) / saved searches (all your machines)"
    )
    searches.add_argument("--json", action="store_true")
    searches.set_defaults(func=_list)
    actions = searches.add_subparsers(dest="action", metavar="ACTION")
    save = actions.add_parser("save", help="lưu bộ lọc dưới một tên / save filters under a name")
    save.add_argument("name")
    _filters(save)
    save.set_defaults(func=_save)
    rename = actions.add_parser("rename", help="đổi tên / rename")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(func=_rename)
    delete = actions.add_parser("delete", help="xoá / delete")
    delete.add_argument("name")
    delete.set_defaults(func=_delete)
    run = actions.add_parser("run", help="chạy tìm kiếm đã lưu / run a saved search")
    run.add_argument("name")
    run.add_argument("--server", action="store_true", help="tìm trên máy chủ / on the server")
    run.add_argument("--limit", type=int, default=50)
    run.add_argument("--json", action="store_true")
    run.set_defaults(func=_run)
    export = subparsers.add_parser(
        "export-list",
        help="xuất danh sách văn bản ra PDF, DOCX, XLSX / save a document list as a file",
    )
    export.add_argument("file", help="tệp .pdf, .docx hoặc .xlsx / a .pdf, .docx or .xlsx file")
    export.add_argument("--saved", help="bắt đầu từ tìm kiếm đã lưu / from a saved search")
    _filters(export)
    export.add_argument("--title", help="tiêu đề / title")
    export.add_argument("--server", action="store_true", help="tìm trên máy chủ / on the server")
    export.add_argument("--limit", type=int, help=f"tối đa / at most (default {EXPORT_LIMIT:,})")
    export.set_defaults(func=_export)
