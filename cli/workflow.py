"""``step`` and ``history``: workflow steps on the command line (``services.workflow``).

``vanthu step ID ACTION [--comment …] [--to USER] [--lead USER] [--co USER …]
[--info USER …] [--deadline YYYY-MM-DD] [--org CODE …] [--json]``; USER is a user name or
an id (``vanthu step --colleagues`` lists them). ``vanthu history ID [--json]`` prints the
document's timeline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
from dataclasses import asdict
from typing import Any

from base.steps import USER_STEPS

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _document(workspace: Any, document_id: int) -> Any:
    from base.errors import VanThuError

    doc = workspace.document(document_id)
    if doc is None:
        raise VanThuError(
            f"Không có văn bản #{document_id} trên máy; hãy đồng bộ (vanthu sync).",
            f"No document #{document_id} here; sync first (vanthu sync).",
        )
    return doc


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _step(args: argparse.Namespace) -> int:
    from services import workflow
    from services.session import resume_session
    from services.workspace import Workspace

    session = resume_session()
    workspace = Workspace(session)
    people = (
        workflow.colleagues(session)
        if args.colleagues or args.to or args.lead or args.co or args.info
        else []
    )
    if args.colleagues:
        for person in people:
            print(
                f"{person.id:>6}  {person.username:<20} {person.full_name} — {person.title} [{person.role}]"
            )
        return 0
    if args.document is None or args.action is None:
        print("Cần ID văn bản và bước / give a document ID and an action")
        return 2

    def ids(names: list[str] | None) -> list[int]:
        return [workflow.find_colleague(people, n).id for n in names or ()]

    step = workflow.StepInput(
        workflow.Step(args.action),
        comment=args.comment or "",
        to=ids(args.to),
        lead=ids([args.lead])[0] if args.lead else None,
        co=ids(args.co),
        info=ids(args.info),
        deadline=args.deadline,
        organisations=tuple(args.org or ()),
    )
    updated = workflow.take_step(session, _document(workspace, args.document), step)
    if args.json:
        _print_json(updated.to_json())
    else:
        print(f"#{updated.id}: {updated.status} (phiên bản sửa đổi / revision {updated.revision})")
    return 0


def _history(args: argparse.Namespace) -> int:
    from services.session import resume_session
    from services.workspace import Workspace

    doc = _document(Workspace(resume_session()), args.document)
    if args.json:
        _print_json([asdict(t) for t in doc.trace])
        return 0
    print(f"#{doc.id} {doc.number_symbol or '(chưa số)'} — {doc.subject}")
    for entry in doc.trace:
        when = entry.at.astimezone().strftime("%d/%m/%Y %H:%M") if entry.at else ""
        change = (
            f"{entry.from_status} → {entry.to_status}"
            if entry.from_status != entry.to_status
            else entry.to_status
        )
        note = f" — {entry.comment}" if entry.comment else ""
        print(f"  {when}  {entry.user_name} [{entry.role}] {entry.action}: {change}{note}")
    for part in doc.assignments:
        due = f", hạn {part.deadline:%d/%m/%Y}" if part.deadline else ""
        print(f"  · {part.kind}: {part.user_name} ({part.state}{due})")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    step = subparsers.add_parser(
        "step", help="một bước xử lý văn bản (trình, giao, hoàn thành, trình ký…) / a workflow step"
    )
    step.add_argument("document", type=int, nargs="?")
    step.add_argument("action", choices=[s.value for s in USER_STEPS], nargs="?")
    step.add_argument("--comment", help="ý kiến, lý do / comment or reason")
    step.add_argument("--to", action="append", help="lãnh đạo nhận (trình, trình ký) / leader")
    step.add_argument("--lead", help="người xử lý chính / lead handler")
    step.add_argument("--co", action="append", help="người phối hợp / co-handler")
    step.add_argument("--info", action="append", help="người nhận để biết / for information")
    step.add_argument("--deadline", type=dt.date.fromisoformat, help="hạn xử lý YYYY-MM-DD")
    step.add_argument("--org", action="append", help="đơn vị nhận (phát hành) / recipient")
    step.add_argument(
        "--colleagues", action="store_true", help="liệt kê đồng nghiệp / list colleagues"
    )
    step.add_argument("--json", action="store_true")
    step.set_defaults(func=_step)
    history = subparsers.add_parser("history", help="quá trình xử lý văn bản / a document's trace")
    history.add_argument("document", type=int)
    history.add_argument("--json", action="store_true")
    history.set_defaults(func=_history)
