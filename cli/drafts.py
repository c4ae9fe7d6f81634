"""New outgoing drafts on the command line (``services.drafts``).

``vanthu draft --subject "…" [--type "Báo cáo"] [--notation BC-UBND] [--file du-thao.pdf]
[--recipient "Sở Tài chính" …] [--urgency 0-4] [--secrecy 0-3] [--due YYYY-MM-DD] [--json]``;
then ``vanthu submit ID --to lanhdao``. Offline, the draft waits in the outbox.
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
