"""The year's file list (Danh mục hồ sơ, Art. 28) on the command line, through
``Workspace.records.lists`` (``services.records``). A list is named by its year.

``vanthu file-list new YEAR [--decision TEXT] [--copy]`` (``copy YEAR``: start from last year's),
``show [YEAR]``, ``heading YEAR TITLE [--abbr VP] [--under I]`` (``--edit NUMBER [--title]
[--abbr]``, ``--delete NUMBER``), ``plan YEAR NOTATION TITLE --heading I.1 --retention "10 năm"
[--responsible TEXT] [--note TEXT]`` (``--edit`` with the fields to change, ``--delete``),
``decision YEAR TEXT``, ``approve YEAR``, ``revise YEAR --reason TEXT``, ``issue YEAR``,
``export [YEAR] --out PATH.pdf|PATH.xlsx`` (Appendix V's layout). Each
takes ``--json``; a refusal is printed in the user's language (``--json``: both, on stderr).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from base.deadlines import today_in_vietnam
from base.records import FILE_LIST_STATE_VI

from .records import finish, records_of, usage

__all__ = ["register"]


def _print_list(found: Any) -> None:
    state = FILE_LIST_STATE_VI.get(found.state, found.state)
    print(f"DANH MỤC HỒ SƠ NĂM {found.year} — {state} / {found.state}")
    if found.decision:
        print(f"  {found.decision}")
    for heading in found.headings:
        indent = "  " if heading.parent_id is None else "    "
        abbr = f" ({heading.abbreviation})" if heading.abbreviation else ""
        print(f"{indent}{heading.number}. {heading.title}{abbr}")
        for planned in (f for f in found.files if f.heading_id == heading.id):
            who = f" — {planned.responsible}" if planned.responsible else ""
            print(
                f"{indent}    {planned.notation:<12} {planned.title} [{planned.maintenance}]{who}"
            )
    print(
        f"Tổng số / total: {found.total} hồ sơ — {found.permanent} vĩnh viễn / permanent, "
        f"{found.limited} có thời hạn / for a period"
    )
    if found.actions:
        print(f"Có thể / may: {', '.join(found.actions)}")


def _show_list(args: argparse.Namespace, found: Any, done: str = "") -> int:
    if args.json:
        print(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    else:
        if done:
            print(done)
        _print_list(found)
    return 0


def _new(args: argparse.Namespace) -> int:
    records = records_of(args)
    copy = args.copy or args.list_action == "copy"
    made = records.lists.create(args.year, args.decision or "", copy)
    _show_list(args, made, f"Đã lập dự thảo danh mục năm {made.year} / draft list created")
    return finish(records, args)


def _show(args: argparse.Namespace) -> int:
    records = records_of(args)
    _show_list(args, records.lists.for_year(args.year or today_in_vietnam().year))
    return finish(records, args)


def _heading(args: argparse.Namespace) -> int:
    records = records_of(args)
    file_list = records.lists.for_year(args.year)
    if args.delete:
        records.lists.delete_heading(file_list.id, args.delete)
        deleted = {"deleted": args.delete}
        print(json.dumps(deleted) if args.json else f"Đã xoá đề mục {args.delete} / deleted")
        return finish(records, args)
    if args.edit:
        title = args.title_opt or args.title
        result = records.lists.edit_heading(file_list.id, args.edit, title, args.abbr)
    else:
        if not args.title:
            raise usage("vanthu file-list heading YEAR TITLE [--abbr X] [--under I]")
        result = records.lists.add_heading(file_list.id, args.title, args.abbr or "", args.under)
    if args.json:
        print(json.dumps(asdict(result), ensure_ascii=False, indent=2))
    else:
        number = file_list.number_of(result) if result.parent_id else result.number
        abbr = f" ({result.abbreviation})" if result.abbreviation else ""
        print(f"Đề mục / heading {number}. {result.title}{abbr}")
    return finish(records, args)


def _plan(args: argparse.Namespace) -> int:
    from services.records import PlannedInput

    records = records_of(args)
    file_list = records.lists.for_year(args.year)
    if args.delete:
        records.lists.unplan(file_list.id, args.notation)
        deleted = {"deleted": args.notation}
        print(json.dumps(deleted) if args.json else f"Đã bỏ hồ sơ {args.notation} / removed")
        return finish(records, args)
    if args.edit:
        planned = records.lists.edit_planned(
            file_list.id,
            args.notation,
            heading=args.heading,
            notation=args.new_notation,
            title=args.title,
            maintenance=args.retention,
            responsible=args.responsible,
            note=args.note,
        )
    else:
        if not (args.title and args.heading and args.retention):
            raise usage(
                "vanthu file-list plan YEAR NOTATION TITLE --heading I.1 --retention '10 năm'"
            )
        planned = records.lists.plan(
            file_list.id,
            PlannedInput(
                args.heading,
                args.notation,
                args.title,
                args.retention,
                args.responsible or "",
                None,
                args.note or "",
            ),
        )
    if args.json:
        print(json.dumps(asdict(planned), ensure_ascii=False, indent=2))
    else:
        print(f"Hồ sơ / file {planned.notation} {planned.title} [{planned.maintenance}]")
    return finish(records, args)


def _step(args: argparse.Namespace) -> int:
    records = records_of(args)
    file_list = records.lists.for_year(args.year)
    lists = records.lists
    if args.list_action == "approve":
        done = lists.approve(file_list.id)
    elif args.list_action == "issue":
        done = lists.issue(file_list.id)
    elif args.list_action == "revise":
        done = lists.revise(file_list.id, args.reason)
    else:
        done = lists.set_decision(file_list.id, args.text)
    state = FILE_LIST_STATE_VI.get(done.state, done.state)
    _show_list(args, done, f"Danh mục năm {done.year}: {state} / {done.state}")
    return finish(records, args)


def _export(args: argparse.Namespace) -> int:
    """The list in Appendix V's layout: a PDF to print, or an XLSX (by ``--out``'s suffix)."""
    from pathlib import Path

    records = records_of(args)
    out = Path(args.out)
    fmt = "xlsx" if out.suffix.lower() == ".xlsx" else "pdf"
    file_list = records.lists.for_year(args.year or today_in_vietnam().year)
    written = records.forms.file_list(file_list.id, out, fmt)
    if args.json:
        print(json.dumps({"written": str(written)}, ensure_ascii=False))
    else:
        print(f"Đã ghi / written: {written}")
    return finish(records, args)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    top = subparsers.add_parser("file-list", help="danh mục hồ sơ / the year's file list")
    actions = top.add_subparsers(dest="list_action", metavar="ACTION", required=True)
    for name, helptext in (
        ("new", "lập dự thảo / draft a list"),
        ("copy", "chép từ năm trước / copy last year's"),
    ):
        new = actions.add_parser(name, help=helptext)
        new.add_argument("year", type=int, metavar="YEAR")
        new.add_argument("--decision", help="Quyết định ban hành / the issuing decision")
        new.add_argument("--copy", action="store_true", help="chép năm trước / copy last year's")
        new.add_argument("--json", action="store_true")
        new.set_defaults(func=_new)
    show = actions.add_parser("show", help="xem danh mục / show a list")
    show.add_argument("year", type=int, nargs="?", metavar="YEAR")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)
    export = actions.add_parser("export", help="in / xuất danh mục / print or export (PDF, XLSX)")
    export.add_argument("year", type=int, nargs="?", metavar="YEAR")
    export.add_argument("--out", metavar="PATH.pdf|PATH.xlsx", required=True)
    export.add_argument("--json", action="store_true")
    export.set_defaults(func=_export)
    heading = actions.add_parser("heading", help="đề mục / a heading")
    heading.add_argument("year", type=int, metavar="YEAR")
    heading.add_argument("title", nargs="?", metavar="TITLE")
    heading.add_argument("--abbr", help="chữ viết tắt / abbreviation (VP)")
    heading.add_argument("--under", metavar="NUMBER", help="đề mục lớn / under heading I")
    heading.add_argument("--edit", metavar="NUMBER", help="sửa đề mục / edit heading")
    heading.add_argument("--title", dest="title_opt", help="tên mới / new title (--edit)")
    heading.add_argument("--delete", metavar="NUMBER", help="xoá đề mục trống / delete")
    heading.add_argument("--json", action="store_true")
    heading.set_defaults(func=_heading)
    plan = actions.add_parser("plan", help="hồ sơ dự kiến / a planned file")
    plan.add_argument("year", type=int, metavar="YEAR")
    plan.add_argument("notation", metavar="NOTATION", help="số và ký hiệu / 01.VP")
    plan.add_argument("title", nargs="?", metavar="TITLE")
    plan.add_argument("--heading", metavar="NUMBER", help="đề mục / heading (I, I.1)")
    plan.add_argument("--retention", help="thời hạn bảo quản / retention (Vĩnh viễn, 10 năm)")
    plan.add_argument("--responsible", help="đơn vị, người lập / who opens it")
    plan.add_argument("--note", help="ghi chú / note")
    plan.add_argument("--edit", action="store_true", help="sửa / edit")
    plan.add_argument("--notation", dest="new_notation", help="số, ký hiệu mới (--edit)")
    plan.add_argument("--delete", action="store_true", help="bỏ / remove")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(func=_plan)
    for name, helptext in (
        ("approve", "phê duyệt / approve (leader)"),
        ("issue", "ban hành / issue"),
        ("revise", "trả về dự thảo / back to the draft"),
        ("decision", "quyết định ban hành / the decision"),
    ):
        step = actions.add_parser(name, help=helptext)
        step.add_argument("year", type=int, metavar="YEAR")
        if name == "decision":
            step.add_argument("text", metavar="TEXT")
        if name == "revise":
            step.add_argument("--reason", required=True)
        step.add_argument("--json", action="store_true")
        step.set_defaults(func=_step)
