"""Case files and the agency archive on the command line, through ``Workspace.records``
(``services.records``). A file is named by its id or its code (``000.00.00.H30.2026.01.VP``).

``vanthu casefile open --planned 01.VP [--year Y]`` (from the year's issued list) or ``open
--title T --notation N --retention "10 năm" [--start DATE]``; ``show FILE``, ``list [--queue
mine]``, ``edit FILE [--title] [--retention] [--rights open|restricted] [--readers u1,u2]``,
``add FILE DOC…`` and ``remove FILE DOC…`` (offline: kept in the outbox, sent once by ``vanthu
sync``), ``close FILE [--title] [--retention] [--end DATE]``, ``reopen FILE --reason``,
``transfer FILE``, ``keep-back FILE --until DATE --reason`` (``--approve``, ``--refuse
--reason``: a leader), ``export FILE --pdf PATH | --xml PATH``, ``index FILE --out PATH``, ``counts``, ``handover FROM
TO`` (an administrator). ``vanthu archive accept FILE``, ``return FILE --reason``, ``list
[QUEUE]``, ``search [TEXT] [--code] [--year] [--retention] [--permanent] [--creator] [--state] [--rights]
[--language] [--from DATE] [--to DATE]``,
``due``, and the printed forms (``cli/record_forms.py``): ``index [search…] --out PATH``,
``transfer-list FILE --out PATH``, ``handover-record FILE --out PATH``.

Every command takes ``--json``; a refusal is the server's own sentence in the user's language
(``--json``: both languages, on stderr). Without ``--json``, a command ends with one line on
stderr when the user's files (the archive's: the organisation's) are due for transfer within
30 days.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from base.deadlines import today_in_vietnam
from base.errors import VanThuError
from base.records import CASE_FILE_STATE_VI

__all__ = [
    "register",
    "records_of",
    "finish",
    "usage",
    "find_file_id",
    "file_filter",
    "add_search_options",
]

QUEUES = ("all", "mine", "due", "awaiting", "returned", "archive", "past_retention")


def records_of(_args: argparse.Namespace) -> Any:
    from services.session import resume_session
    from services.workspace import Workspace

    return Workspace(resume_session()).records


def finish(records: Any, args: argparse.Namespace) -> int:
    """The due-for-transfer notice (from the cache: no request), quiet with ``--json``."""
    if not getattr(args, "json", False) and (notice := records.due_notice()):
        print(notice, file=sys.stderr)
    return 0


def usage(text: str) -> VanThuError:
    return VanThuError(
        f"Cách dùng: {text}", f"Usage: {text}", title_vi="Thiếu thông tin", title_en="Missing input"
    )


def _dump(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"YYYY-MM-DD: {text}") from None


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"


def find_file_id(records: Any, wanted: str) -> int:
    """A file by id, or by its code (the server's search, or the cache's offline)."""
    if wanted.isdigit():
        return int(wanted)
    from client.case_file_records import CaseFileFilter

    found = records.files.page(CaseFileFilter(code=wanted), limit=20).items
    exact = [f for f in found if f.code.casefold() == wanted.casefold()]
    if len(exact) == 1 or len(found) == 1:
        return int((exact or found)[0].id)
    raise VanThuError(
        f"Không tìm thấy hồ sơ “{wanted}” (hoặc có nhiều hồ sơ khớp): dùng mã đầy đủ hoặc số hồ sơ.",
        f"No case file “{wanted}” (or several match): give its whole code or its id.",
        title_vi="Không tìm thấy",
        title_en="Not found",
    )


def _state(state: str) -> str:
    return f"{CASE_FILE_STATE_VI.get(state, state)} / {state}"


def _print_file(detail: Any) -> None:
    f = detail.file
    print(f"Hồ sơ / case file #{f.id}  {f.code}")
    print(f"  Tiêu đề / title: {f.title}")
    print(f"  Trạng thái / state: {_state(f.state)}")
    print(f"  Thời hạn bảo quản / retention: {f.maintenance} — {f.rights_label or f.rights}")
    print(f"  Người lập / creator: {f.creator}; {_day(f.start_date)} – {_day(f.end_date)}")
    if f.doc_total is not None:
        print(f"  Số văn bản / documents: {f.doc_total}, số trang / pages: {f.page_total}")
    if f.due_date:
        left = f" ({f.due_in_days} ngày / days)" if f.due_in_days is not None else ""
        print(f"  Hạn nộp lưu / transfer due: {_day(f.due_date)}{left}")
    if f.keep_back:
        print(
            f"  Giữ lại / keep-back: {f.keep_back} {_day(f.keep_back_until)} {f.keep_back_reason}"
        )
    if f.returned_reason and f.state == "returned":
        print(f"  Lý do trả lại / returned: {f.returned_reason}")
    print("  Văn bản / documents:")
    for d in detail.documents:
        pending = "  [chờ gửi / pending]" if d.pending else ""
        number = d.number or "—"
        print(
            f"    {d.ordinal or '·':>3}. #{d.document_id} {number:<16} {_day(d.date)}  {d.subject}{pending}"
        )
    if not detail.documents:
        print("    (chưa có / none)")
    for e in detail.events:
        when = e.at.astimezone().strftime("%d/%m/%Y %H:%M") if e.at else ""
        print(f"  {when}  {e.full_name}: {e.action}{(' — ' + e.reason) if e.reason else ''}")
    if f.actions:
        print(f"  Có thể / may: {', '.join(f.actions)}")


def _answer(records: Any, args: argparse.Namespace, detail: Any, done: str = "") -> int:
    if args.json:
        _dump(detail.to_json())
    else:
        if done:
            print(done)
        _print_file(detail)
    return finish(records, args)


def _print_rows(files: Any) -> None:
    for f in files:
        due = f"  hạn / due {_day(f.due_date)}" if f.due_date and f.in_hand else ""
        print(
            f"#{f.id:<5} {f.code:<34} {CASE_FILE_STATE_VI.get(f.state, f.state):<26} {f.title}{due}"
        )
    if not files:
        print("Không có hồ sơ nào / no case files")


# -- casefile ---------------------------------------------------------------------------
def _open(args: argparse.Namespace) -> int:
    from services.records import NewFile

    records = records_of(args)
    if args.planned:
        year = args.year or (args.start or today_in_vietnam()).year
        planned = records.lists.for_year(year).planned(args.planned)
        if planned is None:
            raise VanThuError(
                f"Danh mục năm {year} không có hồ sơ “{args.planned}”.",
                f"The {year} list has no file “{args.planned}”.",
            )
        detail = records.files.open_planned(planned.id, args.start)
    else:
        if not (args.title and args.notation and args.retention):
            raise usage(
                "vanthu casefile open --planned NOTATION | --title T --notation N --retention R"
            )
        new = NewFile(
            args.title,
            args.notation,
            args.retention,
            args.start,
            args.description or "",
            "open" if args.open_rights else "restricted",
            args.construction,
        )
        detail = records.files.open_free(new)
    return _answer(records, args, detail, f"Đã mở hồ sơ / opened {detail.file.code}")


def _show(args: argparse.Namespace) -> int:
    records = records_of(args)
    return _answer(records, args, records.files.get(find_file_id(records, args.file)))


def file_filter(args: argparse.Namespace, queue: str) -> Any:
    """The ``CaseFileFilter`` of a command's search options."""
    from client.case_file_records import CaseFileFilter

    return CaseFileFilter(
        queue=queue,
        q=getattr(args, "text", None) or "",
        code=getattr(args, "code", None) or "",
        year=getattr(args, "year", None),
        retention_years=getattr(args, "retention_years", None),
        permanent=True if getattr(args, "permanent", False) else None,
        creator_id=getattr(args, "creator", None),
        state=getattr(args, "state", None),
        rights=getattr(args, "rights", None),
        language=getattr(args, "language", None),
        period_from=getattr(args, "period_from", None),
        period_to=getattr(args, "period_to", None),
    )


def _list(args: argparse.Namespace, queue: str) -> int:
    records = records_of(args)
    page = records.files.page(file_filter(args, queue), limit=args.limit)
    if args.json:
        _dump([f.to_json() for f in page.items])
    else:
        _print_rows(page.items)
    return finish(records, args)


def _edit(args: argparse.Namespace) -> int:
    records = records_of(args)
    changes: dict[str, Any] = {
        "title": args.title,
        "notation": args.notation,
        "maintenance": args.retention,
        "description": args.description,
        "rights": args.rights,
    }
    if args.readers is not None:
        from services import workflow

        people = workflow.colleagues(records.session)
        names = [n for n in args.readers.split(",") if n.strip()]
        changes["readers"] = [workflow.find_colleague(people, n.strip()).id for n in names]
    detail = records.files.edit(find_file_id(records, args.file), **changes)
    return _answer(records, args, detail, "Đã sửa hồ sơ / case file changed")


def _documents(args: argparse.Namespace) -> int:
    records = records_of(args)
    file_id = find_file_id(records, args.file)
    change = (
        records.files.add_document if args.doc_action == "add" else records.files.remove_document
    )
    outcome = None
    for document_id in args.documents:
        outcome = change(file_id, document_id)
    assert outcome is not None  # argparse: at least one document
    if args.json:
        _dump({**outcome.detail.to_json(), "queued": outcome.queued})
        return finish(records, args)
    if outcome.queued:
        print(
            "Máy chủ không kết nối được: thao tác chờ gửi, `vanthu sync` sẽ gửi / "
            "offline: queued, `vanthu sync` sends it"
        )
    verb = "Đã thêm / added" if args.doc_action == "add" else "Đã bỏ / removed"
    return _answer(
        records, args, outcome.detail, f"{verb}: {', '.join(f'#{d}' for d in args.documents)}"
    )


def _close(args: argparse.Namespace) -> int:
    from services.records import Closing

    records = records_of(args)
    closing = Closing(args.title, args.notation, args.retention, args.description, args.end)
    detail = records.files.close(find_file_id(records, args.file), closing)
    return _answer(records, args, detail, f"Đã kết thúc hồ sơ / closed {detail.file.code}")


def _simple_step(args: argparse.Namespace) -> int:
    records = records_of(args)
    files, file_id = records.files, find_file_id(records, args.file)
    action = args.simple
    if action == "reopen":
        detail, done = files.reopen(file_id, args.reason), "Đã mở lại / reopened"
    elif action == "transfer":
        detail, done = files.transfer(file_id), "Đã nộp lưu / transferred to the archive"
    elif action == "accept":
        detail, done = files.accept(file_id), "Đã tiếp nhận vào Lưu trữ cơ quan / accepted"
    else:
        detail, done = files.send_back(file_id, args.reason), "Đã trả lại / returned"
    return _answer(records, args, detail, f"{done}: {detail.file.code}")


def _keep_back(args: argparse.Namespace) -> int:
    records = records_of(args)
    files, file_id = records.files, find_file_id(records, args.file)
    if args.approve:
        detail = files.approve_keep_back(file_id)
    elif args.refuse:
        if not args.reason:
            raise usage("vanthu casefile keep-back FILE --refuse --reason TEXT")
        detail = files.refuse_keep_back(file_id, args.reason)
    else:
        if not (args.until and args.reason):
            raise usage("vanthu casefile keep-back FILE --until YYYY-MM-DD --reason TEXT")
        detail = files.request_keep_back(file_id, args.until, args.reason)
    return _answer(records, args, detail, f"Giữ lại / keep-back: {detail.file.keep_back}")


def _export(args: argparse.Namespace) -> int:
    """The whole file as the server's ZIP (PDF, XML, SHA256SUMS); ``--pdf``/``--xml`` also
    write those members on their own, checked against the ZIP's checksums."""
    import tempfile

    records = records_of(args)
    file_id = find_file_id(records, args.file)
    if not (args.out or args.pdf or args.xml):
        raise usage("vanthu casefile export FILE --out PATH.zip | --pdf PATH | --xml PATH")
    with tempfile.TemporaryDirectory() as folder:
        bundle = records.forms.case_file(file_id, Path(args.out or Path(folder) / "file.zip"))
        written = [str(bundle)] if args.out else []
        for suffix, path in ((".pdf", args.pdf), (".xml", args.xml)):
            if path:
                written.append(str(_member(bundle, suffix, Path(path))))
    if args.json:
        _dump({"written": written})
    else:
        for path in written:
            print(f"Đã ghi / written: {path}")
    return finish(records, args)


def _member(bundle: Path, suffix: str, dest: Path) -> Path:
    """The ZIP's one member ending in ``suffix``, verified by the bundle's SHA256SUMS."""
    import hashlib
    import zipfile

    with zipfile.ZipFile(bundle) as archive:
        names = [n for n in archive.namelist() if n.lower().endswith(suffix)]
        sums = {}
        for line in (
            archive.read("SHA256SUMS").decode().splitlines()
            if "SHA256SUMS" in archive.namelist()
            else ()
        ):
            digest, _, name = line.partition("  ")
            sums[name.strip()] = digest
        if len(names) != 1:
            raise VanThuError(
                f"Gói xuất không có đúng một tệp {suffix}.",
                f"The export holds no single {suffix} file.",
            )
        data = archive.read(names[0])
    if names[0] in sums and hashlib.sha256(data).hexdigest() != sums[names[0]]:
        raise VanThuError(
            f"Tệp {names[0]} không khớp mã kiểm tra trong gói xuất.",
            f"{names[0]} does not match the export's checksum.",
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    return dest


def _counts(args: argparse.Namespace) -> int:
    records = records_of(args)
    rows = records.files.counts()
    if args.json:
        _dump([asdict(r) for r in rows])
        return finish(records, args)
    print(f"{'người lập / creator':<30} mở  kết thúc  nộp  trả  lưu  tổng")
    for r in rows:
        print(
            f"{r.full_name:<30} {r.open:>3} {r.closed:>9} {r.submitted:>4} {r.returned:>4} {r.archived:>4} {r.total:>5}"
        )
    return finish(records, args)


def _handover(args: argparse.Namespace) -> int:
    records = records_of(args)
    done = records.files.handover(args.from_user, args.to_user)
    if args.json:
        _dump(asdict(done))
    else:
        print(
            f"Đã chuyển {done.moved} hồ sơ / {done.moved} files handed over: {', '.join(done.codes)}"
        )
    return finish(records, args)


# -- archive ----------------------------------------------------------------------------
def _due(args: argparse.Namespace) -> int:
    from base.errors import current_language

    records = records_of(args)
    if records.session.online:
        records.pull()
    found = records.due()
    if args.json:
        _dump([{**w.case_file.to_json(), "days_left": w.days_left} for w in found])
        return 0
    for warning in found:
        print(
            f"#{warning.case_file.id:<5} {warning.message(current_language())} — {warning.case_file.title}"
        )
    if not found:
        print("Không có hồ sơ nào sắp đến hạn nộp lưu / no file is due for transfer")
    return 0


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")


def _closing_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", help="tiêu đề / title")
    parser.add_argument("--notation", help="số và ký hiệu / number and symbol")
    parser.add_argument("--retention", help="thời hạn bảo quản / retention (Vĩnh viễn, 10 năm)")
    parser.add_argument("--description", help="chú giải / description")


def _register_casefile(actions: Any) -> None:
    opened = actions.add_parser("open", help="mở hồ sơ / open a case file")
    opened.add_argument("--planned", metavar="NOTATION", help="từ danh mục / from the list (01.VP)")
    opened.add_argument("--year", type=int, help="năm của danh mục / the list's year")
    _closing_fields(opened)
    opened.add_argument("--start", type=_date, help="ngày bắt đầu / start (YYYY-MM-DD)")
    opened.add_argument("--open-rights", action="store_true", help="sử dụng rộng rãi / open to all")
    opened.add_argument("--construction", action="store_true", help="hồ sơ xây dựng / construction")
    opened.set_defaults(func=_open)
    show = actions.add_parser("show", help="xem hồ sơ / show a file")
    show.add_argument("file", metavar="FILE")
    show.set_defaults(func=_show)
    listed = actions.add_parser("list", help="danh sách hồ sơ / list files")
    listed.add_argument("--queue", choices=QUEUES, default="mine")
    listed.add_argument("--text", help="từ trong tiêu đề / title words")
    listed.add_argument("--limit", type=int, default=100)
    listed.set_defaults(func=lambda a: _list(a, a.queue))
    edit = actions.add_parser(
        "edit",
        help="sửa hồ sơ đang lập; lưu trữ: chế độ sử dụng / edit an open file; the archive: rights",
    )
    edit.add_argument("file", metavar="FILE")
    _closing_fields(edit)
    edit.add_argument("--rights", choices=("restricted", "open"))
    edit.add_argument("--readers", help="người đọc / readers: user1,user2")
    edit.set_defaults(func=_edit)
    for name, helptext in (
        ("add", "thêm văn bản / add documents"),
        ("remove", "bỏ văn bản / remove"),
    ):
        docs = actions.add_parser(name, help=helptext)
        docs.add_argument("file", metavar="FILE")
        docs.add_argument("documents", type=int, nargs="+", metavar="DOC")
        docs.set_defaults(func=_documents, doc_action=name)
    close = actions.add_parser("close", help="kết thúc hồ sơ / close a file")
    close.add_argument("file", metavar="FILE")
    _closing_fields(close)
    close.add_argument("--end", type=_date, help="ngày kết thúc / end (YYYY-MM-DD)")
    close.set_defaults(func=_close)
    reopen = actions.add_parser("reopen", help="mở lại / reopen (with a reason)")
    reopen.add_argument("file", metavar="FILE")
    reopen.add_argument("--reason", required=True)
    reopen.set_defaults(func=_simple_step, simple="reopen")
    transfer = actions.add_parser("transfer", help="nộp lưu / transfer to the archive")
    transfer.add_argument("file", metavar="FILE")
    transfer.set_defaults(func=_simple_step, simple="transfer")
    keep = actions.add_parser("keep-back", help="giữ lại / keep a due file back")
    keep.add_argument("file", metavar="FILE")
    keep.add_argument("--until", type=_date, help="đến ngày / until (YYYY-MM-DD)")
    keep.add_argument("--reason")
    keep.add_argument("--approve", action="store_true", help="lãnh đạo đồng ý / approve")
    keep.add_argument("--refuse", action="store_true", help="lãnh đạo không đồng ý / refuse")
    keep.set_defaults(func=_keep_back)
    export = actions.add_parser("export", help="xuất hồ sơ / export a file (ZIP: PDF, XML)")
    export.add_argument("file", metavar="FILE")
    export.add_argument("--out", metavar="PATH.zip", help="gói xuất / the whole ZIP")
    export.add_argument("--pdf", metavar="PATH")
    export.add_argument("--xml", metavar="PATH")
    export.set_defaults(func=_export)
    counts = actions.add_parser("counts", help="thống kê theo người lập / counts per creator")
    counts.set_defaults(func=_counts)
    handover = actions.add_parser("handover", help="bàn giao hồ sơ / hand files over (admin)")
    handover.add_argument("from_user", metavar="FROM")
    handover.add_argument("to_user", metavar="TO")
    handover.set_defaults(func=_handover)
    for parser in actions.choices.values():
        _json_flag(parser)


def add_search_options(parser: argparse.ArgumentParser, queue: str) -> None:
    """The archive's search by metadata (III.6.d), shared by ``search`` and ``index``."""
    parser.add_argument(
        "text", nargs="?", help="từ trong tiêu đề, chú giải / words of the title or notes"
    )
    parser.add_argument("--queue", choices=QUEUES, default=queue)
    parser.add_argument("--code", help="một phần mã hồ sơ / part of the code")
    parser.add_argument("--year", type=int)
    parser.add_argument("--retention", dest="retention_years", type=int, help="số năm / years")
    parser.add_argument("--permanent", action="store_true", help="vĩnh viễn / permanent")
    parser.add_argument("--creator", type=int, help="người lập (id) / creator id")
    parser.add_argument("--state", choices=("open", "closed", "submitted", "returned", "archived"))
    parser.add_argument("--rights", choices=("restricted", "open"), help="chế độ sử dụng")
    parser.add_argument("--language", help="ngôn ngữ / language (vi, en…)")
    parser.add_argument(
        "--from", dest="period_from", type=_date, help="tài liệu từ ngày / documents from"
    )
    parser.add_argument("--to", dest="period_to", type=_date, help="đến ngày / documents to")


def _register_archive(actions: Any) -> None:
    accept = actions.add_parser("accept", help="tiếp nhận hồ sơ / accept a file")
    accept.add_argument("file", metavar="FILE")
    accept.set_defaults(func=_simple_step, simple="accept")
    back = actions.add_parser("return", help="trả lại hồ sơ / return a file (with a reason)")
    back.add_argument("file", metavar="FILE")
    back.add_argument("--reason", required=True)
    back.set_defaults(func=_simple_step, simple="return")
    listed = actions.add_parser("list", help="hàng đợi / a queue (awaiting, returned, archive…)")
    listed.add_argument("queue", nargs="?", choices=QUEUES, default="awaiting")
    listed.add_argument("--limit", type=int, default=100)
    listed.set_defaults(func=lambda a: _list(a, a.queue))
    search = actions.add_parser("search", help="tìm trong lưu trữ / search by metadata")
    add_search_options(search, queue="all")
    search.add_argument("--limit", type=int, default=100)
    search.set_defaults(func=lambda a: _list(a, a.queue))
    due = actions.add_parser("due", help="sắp đến hạn nộp lưu / due for transfer (30 days)")
    due.set_defaults(func=_due)
    for parser in actions.choices.values():
        _json_flag(parser)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from . import record_forms

    casefile = subparsers.add_parser("casefile", help="hồ sơ công việc / case files")
    casefile_actions = casefile.add_subparsers(
        dest="casefile_action", metavar="ACTION", required=True
    )
    _register_casefile(casefile_actions)
    archive = subparsers.add_parser("archive", help="lưu trữ cơ quan / the agency archive")
    archive_actions = archive.add_subparsers(dest="archive_action", metavar="ACTION", required=True)
    _register_archive(archive_actions)
    record_forms.register(casefile_actions, archive_actions)
