"""What an imported package came to, in one sentence per language: why a file never reached
the server, what the server made of one (a new incoming document, a sender's revocation or
update, a recipient's answer, a repeat, a refusal). Pure functions over the server's answer
and the documents it names, as the cache holds them after the pull."""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from base.steps import Step
from base.workflow import Status
from client.records import Document, ImportResult

__all__ = ["failed_message", "result_message", "split_problem"]


def failed_message(path: Path, error: OSError | None = None) -> tuple[str, str] | None:
    """Why ``path`` cannot be sent as a package at all (missing, a folder, empty, unreadable),
    or None when it can be read."""
    name = path.name or str(path)
    try:
        if error is not None:
            raise error
        if not path.exists():
            return f"Không tìm thấy tệp {name}.", f"File {name} not found."
        if path.is_dir():
            return (
                f"{name} là một thư mục, không phải gói edXML.",
                f"{name} is a folder, not an edXML package.",
            )
        if path.stat().st_size == 0:
            return f"Tệp {name} rỗng (0 byte).", f"The file {name} is empty (0 bytes)."
        with path.open("rb") as fh:
            fh.read(1)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        return f"Không đọc được tệp {name}: {reason}.", f"Cannot read the file {name}: {reason}."
    return None


def split_problem(problem: str) -> tuple[str, str]:
    """The server keeps a package's problems as Vietnamese and English lines in turn."""
    lines = [line for line in problem.splitlines() if line.strip()]
    if len(lines) >= 2 and len(lines) % 2 == 0:
        return "; ".join(lines[0::2]), "; ".join(lines[1::2])
    text = "; ".join(lines)
    return text, text


def _number(answer: ImportResult, document: Document | None) -> str:
    if document is not None and document.number_symbol:
        return document.number_symbol
    parts = answer.document_identifier.split(",", 2)
    return parts[2] if len(parts) == 3 else answer.document_identifier or "—"


class _Change(StrEnum):
    NEW = "new"
    REVOKED = "revoked"
    UPDATED = "updated"


def _change(document: Document | None) -> _Change:
    """What an applied envelope did, read from the document's last step."""
    last = document.trace[-1] if document is not None and document.trace else None
    if last is None or last.action != Step.EXCHANGE:
        return _Change.NEW
    return _Change.REVOKED if document and document.status == Status.WITHDRAWN else _Change.UPDATED


def result_message(
    state: str, answer: ImportResult, documents: Sequence[Document]
) -> tuple[str, str]:
    """The sentence for what the server made of one package (``state`` is the outcome's)."""
    first = documents[0] if documents else None
    number = _number(answer, first)
    sender = answer.sender_name or answer.sender or "?"
    if state == "rejected":
        vi, en = split_problem(answer.problem or "")
        return f"Gói bị từ chối: {vi or '—'}", f"Package refused: {en or '—'}"
    if state == "duplicate":
        return (
            f"Gói này đã nhận trước đây ({number} từ {sender}); không tạo văn bản mới.",
            f"This package came before ({number} from {sender}); nothing new was made.",
        )
    if answer.kind == "status":
        return (
            f"Đã nhận trạng thái từ {sender} về văn bản {number}.",
            f"Status from {sender} about {number} received.",
        )
    change = _change(first)
    if change is _Change.REVOKED:
        return f"{sender} thu hồi văn bản {number}.", f"{sender} revoked {number}."
    if change is _Change.UPDATED:
        return f"{sender} cập nhật văn bản {number}.", f"{sender} updated {number}."
    replaced = len(documents) - 1
    vi = f"Văn bản đến mới: {number} từ {sender}"
    en = f"New incoming document: {number} from {sender}"
    if replaced > 0:
        vi += f" (thay thế {replaced} văn bản đã nhận)"
        en += f" (replaces {replaced} received earlier)"
    return vi, en
