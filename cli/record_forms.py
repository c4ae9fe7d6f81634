"""The archive's printed forms on the command line (Decree 30 Appendix V), as PDFs the server
lays out (``services.records.forms``):

``vanthu casefile index FILE --out PATH`` — Mục lục văn bản of one file (V.5);
``vanthu archive index [TEXT] [--queue] [--code] [--year] … --out PATH`` — Mục lục hồ sơ (V.6)
of the files a search finds (the archive's by default);
``vanthu archive transfer-list FILE --out PATH`` and ``handover-record FILE --out PATH`` — the
list and the hand-over record of the transfer an archived FILE was part of (its creator's files
of its year), or of ``--creator ID --year Y``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .records import add_search_options, file_filter, find_file_id, finish, records_of, usage

__all__ = ["register"]


def _written(records: Any, args: argparse.Namespace, path: Path) -> int:
    if args.json:
        print(json.dumps({"written": str(path)}, ensure_ascii=False))
    else:
        print(f"Đã ghi / written: {path}")
    return finish(records, args)


def _document_index(args: argparse.Namespace) -> int:
    records = records_of(args)
    found = find_file_id(records, args.file)
    return _written(records, args, records.forms.document_index(found, Path(args.out)))


def _file_index(args: argparse.Namespace) -> int:
    records = records_of(args)
    where = file_filter(args, args.queue)
    return _written(records, args, records.forms.file_index(where, Path(args.out)))


def _transfer(records: Any, args: argparse.Namespace) -> Any:
    from services.records import Transfer

    if args.file and (args.creator_id or args.year):
        raise usage(f"vanthu archive {args.archive_action} FILE | --creator ID --year Y")
    if args.file:
        return Transfer.of(records.files.get(find_file_id(records, args.file)).file)
    if not (args.creator_id and args.year):
        raise usage(f"vanthu archive {args.archive_action} FILE | --creator ID --year Y")
    return Transfer(args.creator_id, args.year)


def _transfer_form(args: argparse.Namespace) -> int:
    records = records_of(args)
    transfer = _transfer(records, args)
    write = records.forms.transfer_list if args.form == "list" else records.forms.handover_record
    return _written(records, args, write(transfer, Path(args.out)))


def register(casefile_actions: Any, archive_actions: Any) -> None:
    index = casefile_actions.add_parser(
        "index", help="mục lục văn bản / the index of a file's documents (PDF)"
    )
    index.add_argument("file", metavar="FILE")
    index.set_defaults(func=_document_index)
    files = archive_actions.add_parser("index", help="mục lục hồ sơ / the index of files (PDF)")
    add_search_options(files, queue="archive")
    files.set_defaults(func=_file_index)
    forms = [index, files]
    for name, form, helptext in (
        ("transfer-list", "list", "mục lục hồ sơ nộp lưu / a transfer's list (PDF)"),
        ("handover-record", "record", "biên bản giao nhận / a transfer's hand-over record (PDF)"),
    ):
        parser = archive_actions.add_parser(name, help=helptext)
        parser.add_argument("file", metavar="FILE", nargs="?", help="một hồ sơ đã nộp / a file")
        parser.add_argument("--creator", dest="creator_id", type=int, help="người nộp (id)")
        parser.add_argument("--year", type=int, help="năm của hồ sơ / the files' year")
        parser.set_defaults(func=_transfer_form, form=form)
        forms.append(parser)
    for parser in forms:
        parser.add_argument("--out", metavar="PATH.pdf", required=True)
        parser.add_argument("--json", action="store_true")
