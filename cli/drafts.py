"""New outgoing drafts on the command line (``services.drafts``).

``vanthu draft --subject "…" [--type "Báo cáo"] [--notation BC-UBND] [--file du-thao.pdf]
[--recipient "Sở Tài chính" …] [--urgency 0-4] [--secrecy 0-3] [--due YYYY-MM-DD] [--json]``;
then ``vanthu submit ID --to lanhdao``. Offline, the draft waits in the outbox.
``vanthu replace-file ID FILE [--note TEXT] [--json]``: the author's corrected PDF for a draft
(new, or sent back by the leader) as its next version, checked first; then submit it again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

__all__ = ["register"]


def _draft(args: argparse.Namespace) -> int:
    from services.drafts import DraftInput, create_draft
    from services.session import resume_session

    draft = DraftInput(
        subject=args.subject,
        doc_type=args.type,
        code_notation=args.notation or "",
        recipients=tuple(args.recipient or ()),
        urgency=args.urgency,
        secrecy=args.secrecy,
        due_date=args.due,
        signer_position=args.signer_position or "",
        signer_name=args.signer_name or "",
        file=Path(args.file) if args.file else None,
    )
    outcome = create_draft(resume_session(), draft)
    if args.json:
        body = outcome.document.to_json() if outcome.document else {}
        print(json.dumps({**body, "queued": outcome.queued}, ensure_ascii=False, default=str))
    elif outcome.queued:
        print("Ngoại tuyến: dự thảo chờ gửi, sẽ được tạo khi đồng bộ / offline: queued")
    elif outcome.document:
        print(f"#{outcome.document.id} {outcome.document.doc_type}: {outcome.document.subject}")
    return 0


def _replace_file(args: argparse.Namespace) -> int:
    from base.errors import VanThuError
    from services.session import resume_session
    from services.workspace import Workspace

    workspace = Workspace(resume_session())
    document = workspace.current_document(args.document)
    if document is None:
        raise VanThuError(
            f"Không có văn bản #{args.document} (trên máy chủ, hoặc trên máy khi ngoại tuyến).",
            f"No document #{args.document} (on the server, or here while offline).",
        )
    outcome = workspace.replace_draft_file(document, Path(args.file), args.note or "")
    if args.json:
        body = outcome.document.to_json() if outcome.document else {"id": document.id}
        print(
            json.dumps(
                {**body, "version": outcome.version, "queued": outcome.queued},
                ensure_ascii=False,
                default=str,
            )
        )
    elif outcome.queued:
        print(
            f"#{document.id}: ngoại tuyến — tệp mới chờ gửi khi đồng bộ / "
            "offline: the new file is sent on the next sync"
        )
    else:
        print(
            f"#{document.id}: đã thay tệp dự thảo, phiên bản {outcome.version} / "
            f"draft file replaced, version {outcome.version}"
        )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    draft = subparsers.add_parser("draft", help="tạo dự thảo văn bản đi / a new outgoing draft")
    draft.add_argument("--subject", required=True, help="trích yếu / summary")
    draft.add_argument("--type", default="Công văn", help="loại văn bản / kind")
    draft.add_argument("--notation", help="ký hiệu, ví dụ BC-UBND / notation")
    draft.add_argument("--file", help="tệp PDF dự thảo / the draft's PDF")
    draft.add_argument("--recipient", action="append", help="nơi nhận / recipient")
    draft.add_argument("--urgency", type=int, default=0, choices=range(5))
    draft.add_argument("--secrecy", type=int, default=0, choices=range(4))
    draft.add_argument("--due", type=dt.date.fromisoformat, help="hạn trả lời YYYY-MM-DD")
    draft.add_argument("--signer-position", help="chức vụ người ký / signer's title")
    draft.add_argument("--signer-name", help="họ tên người ký / signer")
    draft.add_argument("--json", action="store_true")
    draft.set_defaults(func=_draft)
    replace = subparsers.add_parser(
        "replace-file",
        help="thay tệp PDF của dự thảo (mới soạn hoặc bị trả lại) / a draft's corrected PDF",
    )
    replace.add_argument("document", type=int, help="ID dự thảo / the draft's ID")
    replace.add_argument("file", help="tệp PDF mới / the new PDF")
    replace.add_argument("--note", help="ghi chú phiên bản / the version's note")
    replace.add_argument("--json", action="store_true")
    replace.set_defaults(func=_replace_file)
