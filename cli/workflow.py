"""Workflow steps, timelines and work queues on the command line (``services.workflow``).

``vanthu step ID ACTION [--comment …] [--to USER] [--lead USER] [--co USER …]
[--info USER …] [--deadline YYYY-MM-DD] [--org CODE …] [--agency CODE …] [--stamp] [--json]``;
USER is a user name or an id (``vanthu step --colleagues`` lists them). Each step is also a
command of its own: ``vanthu register ID --stamp``, ``vanthu assign ID --lead chuyenvien
--deadline …``, ``vanthu note``, ``finish``, ``return``, ``submit``, ``send-back``,
``approve``, ``issue`` (``--agency CODE``: to an agency outside, through the exchange axis),
``recall``, ``refuse``, ``ask-take-back``… ``vanthu history ID`` prints the timeline,
``vanthu queue NAME`` a work queue (``vanthu queue`` lists them with their counts). An unreachable server queues the step in
the outbox; the next ``vanthu sync`` sends it once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from base.steps import USER_STEPS, Step

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _document(workspace: Any, document_id: int) -> Any:
    from base.errors import VanThuError

    doc = workspace.current_document(document_id)
    if doc is None:
        raise VanThuError(
            f"Không có văn bản #{document_id} (trên máy chủ, hoặc trên máy khi ngoại tuyến).",
            f"No document #{document_id} (on the server, or here while offline).",
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
    action = getattr(args, "fixed_action", None) or args.action
    if action == Step.REGISTER and args.document is None and getattr(args, "organ", None):
        return _register_new(session, args)
    if args.document is None or action is None:
        print("Cần ID văn bản và bước / give a document ID and an action")
        return 2

    def ids(names: list[str] | None) -> list[int]:
        return [workflow.find_colleague(people, n).id for n in names or ()]

    step = workflow.StepInput(
        workflow.Step(action),
        comment=args.comment or "",
        to=ids(args.to),
        lead=ids([args.lead])[0] if args.lead else None,
        co=ids(args.co),
        info=ids(args.info),
        deadline=args.deadline,
        organisations=tuple(args.org or ()),
        agencies=tuple(args.agency or ()),
        stamp=args.stamp,
        replaces=args.replaces,
        duplicate_ok=getattr(args, "duplicate_ok", False),
        corrections=_corrections(args) if action == Step.CORRECT else {},
    )
    document = _document(workspace, args.document)
    if getattr(args, "dry_run", False):
        coming = workflow.next_number(session, document)
        if args.json:
            _print_json(asdict(coming))
        else:
            print(
                f"#{document.id}: số sẽ cấp / next number {coming.number_symbol} "
                f"({coming.register_name} {coming.year})"
            )
        return 0
    with _duplicate_hint():
        outcome = workflow.take_step(session, document, step)
    updated = outcome.document
    if args.json:
        _print_json({**updated.to_json(), "queued": outcome.queued})
    elif outcome.queued:
        print(
            f"#{updated.id}: chờ gửi — máy chủ không kết nối được, bước “{action}” sẽ được gửi "
            "khi đồng bộ / queued: the server is unreachable, the step is sent on the next sync"
        )
    elif step.step is Step.NUMBER:
        print(f"#{updated.id}: đã cấp số / numbered {updated.number_symbol}")
    else:
        print(f"#{updated.id}: {updated.status} (phiên bản sửa đổi / revision {updated.revision})")
    return 0


def _queue(args: argparse.Namespace) -> int:
    from client.cache.parts import Part
    from client.cache.queues import Queue
    from services.session import resume_session
    from services.workspace import Workspace

    workspace = Workspace(resume_session())
    if workspace.session.store.count() == 0 and not args.json:  # a fresh profile: say why empty
        print(
            "Máy này chưa có văn bản nào: chạy “vanthu sync” trước / nothing here yet: run "
            "“vanthu sync” first",
            file=sys.stderr,
        )
    if args.name is None:
        counts = workspace.queue_counts()
        if args.json:
            _print_json({queue.value: n for queue, n in counts.items()})
        for queue, n in counts.items() if not args.json else ():
            print(f"{queue.value:<12} {n:>8}  {QUEUE_NAMES[queue]}")
        if not counts and not args.json:
            print("Vai trò này không có hàng việc / this role has no work queues")
        return 0
    queue = Queue(args.name)
    page = workspace.queue_page(queue, Part(args.part) if args.part else None, args.limit)
    if args.json:
        _print_json([asdict(row) for row in page.rows])
        return 0
    print(f"{QUEUE_NAMES[queue]}: {len(page.rows)}{'+' if page.next else ''}")
    for row in page.rows:
        due = f"  hạn {row.due_date}" if row.due_date else ""
        print(
            f"{row.id:>8}  {row.number_symbol or '—':<18} {row.status:<18} {row.subject[:70]}{due}"
        )
    return 0


QUEUE_NAMES = {
    "to_register": "Chờ vào sổ / to register",
    "to_direct": "Chờ chỉ đạo / awaiting direction",
    "my_work": "Việc của tôi / my work",
    "due_soon": "Sắp đến hạn / due soon",
    "overdue": "Quá hạn / overdue",
    "drafts": "Dự thảo / drafts",
    "to_sign": "Chờ ký / to sign",
    "to_issue": "Chờ phát hành / to issue",
    "issued": "Đã phát hành / issued",
    "scans_waiting": "Bản quét chờ tải lên / scans waiting to upload",
    "uploads_failed": "Tải lên lỗi / failed uploads",
}
STEP_HELP = {
    "register": "vào sổ văn bản đến: ID đã đến, hoặc văn bản mới (--organ, --subject, --file…; --stamp: dấu ĐẾN) / register",
    "present": "trình lãnh đạo (--to) / present to a leader",
    "assign": "chỉ đạo, giao xử lý (--lead, --co, --info, --deadline) / direct and assign",
    "note": "ghi ý kiến xử lý / add a processing note",
    "ask_extension": "xin gia hạn (--deadline, --comment) / ask for a later deadline",
    "extend": "gia hạn (--deadline) / set a later deadline",
    "return": "trả lại (--comment) / return",
    "finish": "hoàn thành / finish",
    "reopen": "mở lại / reopen",
    "recall": "thu hồi giao việc / recall the assignment",
    "submit": "trình ký (--to) / submit for signature",
    "send_back": "trả lại dự thảo (--comment) / send a draft back",
    "approve": "duyệt (đã ký) / approve",
    "number": "cấp số văn bản đi đã ký (--dry-run: chỉ xem số sẽ cấp) / number a signed document",
    "issue": "phát hành (--org, --agency, --replaces ID) / issue to organisations and agencies",
    "withdraw": "thu hồi văn bản đã phát hành (--comment) / withdraw an issued document",
    "correct": "đính chính thông tin đã vào sổ (--comment lý do; --organ, --number, --notation, "
    "--dated, --type, --subject, --signer, --signer-position, --pages) / correct what the "
    "register holds",
    "refuse": "từ chối tiếp nhận văn bản đã đến (--comment lý do) / refuse an arrived document",
    "ask_take_back": "đề nghị nơi nhận ngoài hệ thống trả lại văn bản (--comment) / ask outside "
    "recipients to give a document back",
    "agree_take_back": "đồng ý cho bên gửi lấy lại văn bản / give a document back to its sender",
    "decline_take_back": "từ chối cho lấy lại (--comment lý do) / keep a document its sender "
    "asked back",
}

_CORRECTIONS = {  # option → registered field (base.workflow.CORRECTABLE)
    "organ": "organ_name",
    "number": "code_number",
    "notation": "code_notation",
    "dated": "issued_date",
    "type": "doc_type",
    "subject": "subject",
    "signer": "signer_name",
    "signer_position": "signer_position",
    "pages": "page_amount",
}


def _correction_options(parser: argparse.ArgumentParser) -> None:
    """``vanthu correct ID --notation … --comment "lý do"``: only what is given changes."""
    parser.add_argument("--organ", help="cơ quan ban hành / issuing organ")
    parser.add_argument("--number", help="số / number")
    parser.add_argument("--notation", help="ký hiệu / notation")
    parser.add_argument("--dated", type=dt.date.fromisoformat, help="ngày văn bản YYYY-MM-DD")
    parser.add_argument("--type", help="loại văn bản / kind")
    parser.add_argument("--subject", help="trích yếu / summary")
    parser.add_argument("--signer", help="người ký / signer")
    parser.add_argument("--signer-position", help="chức vụ người ký / signer's position")
    parser.add_argument("--pages", type=int, help="số trang / pages")


def _corrections(args: argparse.Namespace) -> dict[str, object]:
    import unicodedata

    values = {}
    for option, name in _CORRECTIONS.items():
        value = getattr(args, option, None)
        if value is not None:
            values[name] = unicodedata.normalize("NFC", value) if isinstance(value, str) else value
    return values


def _entry_options(parser: argparse.ArgumentParser) -> None:
    """``vanthu register --organ … --subject …``: an incoming document entered by hand."""
    parser.add_argument("--organ", help="cơ quan ban hành (văn bản mới) / issuing organ")
    parser.add_argument("--subject", help="trích yếu / summary")
    parser.add_argument("--type", default="Công văn", help="loại văn bản / kind")
    parser.add_argument("--number", default="", help="số / number")
    parser.add_argument("--notation", default="", help="ký hiệu / notation")
    parser.add_argument("--dated", type=dt.date.fromisoformat, help="ngày văn bản YYYY-MM-DD")
    parser.add_argument("--due", type=dt.date.fromisoformat, help="thời hạn giải quyết")
    parser.add_argument("--urgency", type=int, default=0, choices=range(5))
    parser.add_argument("--secrecy", type=int, default=0, choices=range(4))
    parser.add_argument("--file", help="tệp PDF (bỏ trống: văn bản giấy) / the PDF")


@contextmanager
def _duplicate_hint() -> Iterator[None]:
    """The server's duplicate warning (Decree 30 III.1.h), with the way to go on anyway."""
    from base.errors import VanThuError
    from services.registration import PossibleDuplicate

    try:
        yield
    except VanThuError as exc:
        if isinstance(exc, PossibleDuplicate) or getattr(exc, "code", None) == "duplicate":
            exc.message_vi += " Vẫn vào sổ: thêm --duplicate-ok."
            exc.message_en += " To register it all the same: add --duplicate-ok."
        raise


def _register_new(session: Any, args: argparse.Namespace) -> int:
    from pathlib import Path

    from services.registration import IncomingInput, register_incoming

    entry = IncomingInput(
        organ_name=args.organ,
        subject=args.subject or "",
        doc_type=args.type,
        code_number=args.number,
        code_notation=args.notation,
        issued_date=args.dated,
        due_date=args.due,
        urgency=args.urgency,
        secrecy=args.secrecy,
        file=Path(args.file) if args.file else None,
        stamp=args.stamp,
        duplicate_ok=args.duplicate_ok,
    )
    with _duplicate_hint():
        outcome = register_incoming(session, entry)
    doc = outcome.document
    if args.json:
        _print_json({**(doc.to_json() if doc else {}), "queued": outcome.queued})
    elif doc is None or outcome.queued:
        print("Ngoại tuyến: chờ gửi, vào sổ khi có mạng / offline: queued, registered when sent")
    else:
        print(f"#{doc.id} số đến {doc.arrival_number} — {doc.subject}")
    return 0


def _step_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--comment", help="ý kiến, lý do / comment or reason")
    parser.add_argument("--to", action="append", help="lãnh đạo nhận (trình, trình ký) / leader")
    parser.add_argument("--lead", help="người xử lý chính / lead handler")
    parser.add_argument("--co", action="append", help="người phối hợp / co-handler")
    parser.add_argument("--info", action="append", help="người nhận để biết / for information")
    parser.add_argument("--deadline", type=dt.date.fromisoformat, help="hạn xử lý YYYY-MM-DD")
    parser.add_argument("--org", action="append", help="đơn vị nhận (phát hành) / recipient")
    parser.add_argument(
        "--agency",
        action="append",
        metavar="CODE",
        help="phát hành: cơ quan nhận ngoài, qua trục liên thông (mã định danh) / issue: an "
        "agency outside, through the exchange axis",
    )
    parser.add_argument(
        "--stamp", action="store_true", help="vào sổ: đóng dấu ĐẾN lên tệp / register: stamp"
    )
    parser.add_argument(
        "--duplicate-ok",
        action="store_true",
        help="vào sổ cả khi có vẻ đã vào sổ / register even what looks registered already",
    )
    parser.add_argument(
        "--replaces", type=int, help="phát hành: thay thế văn bản ID / issue: replaces document ID"
    )
    parser.add_argument("--json", action="store_true")


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
    for delivery in doc.deliveries:  # the sender follows each recipient's copy
        where = f" ({delivery.agency_code}, trục / axis)" if delivery.via == "axis" else ""
        code = f" [{delivery.status_code}]" if delivery.status_code else ""
        reason = f" — {delivery.reason}" if delivery.reason else ""
        print(f"  → {delivery.organisation}{where}: {delivery.status}{code}{reason}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    step = subparsers.add_parser(
        "step", help="một bước xử lý văn bản (trình, giao, hoàn thành, trình ký…) / a workflow step"
    )
    step.add_argument("document", type=int, nargs="?")
    step.add_argument("action", choices=[s.value for s in USER_STEPS], nargs="?")
    _step_options(step)
    step.add_argument(
        "--colleagues", action="store_true", help="liệt kê đồng nghiệp / list colleagues"
    )
    step.set_defaults(func=_step)
    for action in USER_STEPS:
        named = subparsers.add_parser(action.value.replace("_", "-"), help=STEP_HELP[action.value])
        if action is Step.REGISTER:  # an arrived document by ID, or a new one by its fields
            named.add_argument("document", type=int, nargs="?")
            _entry_options(named)
        else:
            named.add_argument("document", type=int)
        if action is Step.CORRECT:
            _correction_options(named)
        if action is Step.NUMBER:
            named.add_argument(
                "--dry-run",
                action="store_true",
                help="chỉ xem số sẽ cấp, chưa cấp / show the number it would take, take none",
            )
        _step_options(named)
        named.set_defaults(func=_step, fixed_action=action.value, action=None, colleagues=False)
    history = subparsers.add_parser("history", help="quá trình xử lý văn bản / a document's trace")
    history.add_argument("document", type=int)
    history.add_argument("--json", action="store_true")
    history.set_defaults(func=_history)
    queue = subparsers.add_parser("queue", help="hàng việc (Việc của tôi, Chờ ký…) / a work queue")
    queue.add_argument("name", nargs="?", choices=list(QUEUE_NAMES))
    queue.add_argument("--part", choices=["lead", "co", "info"], help="Việc của tôi: vai trò")
    queue.add_argument("--limit", type=int, default=50)
    queue.add_argument("--json", action="store_true")
    queue.set_defaults(func=_queue)
