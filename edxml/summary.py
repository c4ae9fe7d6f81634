"""A package for people (``inspect``): label/value lines in Vietnamese or English, or JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import logging
from pathlib import Path
from typing import Any

from edxml.records import (
    STATUS_NAMES,
    BusinessDocType,
    Envelope,
    Organ,
    SignatureVerdict,
    StatusMessage,
)

__all__ = ["summarise", "as_json"]

logger = logging.getLogger(__name__)

_URGENCY = {
    0: ("Thường", "Normal"),
    1: ("Khẩn", "Urgent"),
    2: ("Thượng khẩn", "Very urgent"),
    3: ("Hỏa tốc", "Immediate"),
    4: ("Hỏa tốc hẹn giờ", "Immediate, timed"),
}
_BUSINESS = {
    BusinessDocType.NEW: ("Văn bản mới", "New document"),
    BusinessDocType.REVOKE: ("Thu hồi", "Revocation"),
    BusinessDocType.UPDATE: ("Cập nhật", "Update"),
    BusinessDocType.REPLACE: ("Thay thế", "Replacement"),
}
_VERDICT = {
    SignatureVerdict.VALID: ("Hợp lệ", "Valid"),
    SignatureVerdict.INVALID: ("Không hợp lệ", "Invalid"),
    SignatureVerdict.PLACEHOLDER: ("Chữ ký giả (không kiểm tra được)", "Placeholder"),
    SignatureVerdict.ABSENT: ("Không có", "None"),
    SignatureVerdict.NOT_CHECKED: ("Chưa kiểm tra", "Not checked"),
}
_LABELS = {
    "kind": ("Loại gói", "Package"),
    "sender": ("Cơ quan gửi", "Sender"),
    "recipients": ("Nơi nhận", "Recipients"),
    "identifier": ("Mã định danh", "Identifier"),
    "code": ("Số/Ký hiệu", "Number/Symbol"),
    "date": ("Ngày ban hành", "Issued on"),
    "type": ("Loại văn bản", "Document type"),
    "subject": ("Trích yếu", "Subject"),
    "signer": ("Người ký", "Signed by"),
    "urgency": ("Độ khẩn", "Urgency"),
    "due": ("Hạn xử lý", "Due"),
    "business": ("Nghiệp vụ", "Business"),
    "attachment": ("Tệp đính kèm", "Attachment"),
    "signature": ("Chữ ký số", "Signature"),
    "problem": ("Vấn đề", "Problem"),
    "answers": ("Trả lời cho", "Answers"),
    "status": ("Trạng thái", "Status"),
    "description": ("Mô tả", "Description"),
    "staff": ("Cán bộ", "Staff"),
    "time": ("Thời điểm", "Time"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    return value.isoformat() if lang == "en" else value.strftime("%d/%m/%Y")


def _organ(organ: Organ) -> str:
    return f"{organ.name} ({organ.organ_id})" if organ.name else organ.organ_id


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def _envelope(env: Envelope, lang: str) -> list[tuple[str, str]]:
    head = env.header
    kind = _pick(_BUSINESS[env.business.doc_type], lang)
    business = f"{kind}: {env.business.reason}" if env.business.reason else kind
    signer = " ".join(
        p for p in (head.signer.competence, head.signer.position, head.signer.full_name) if p
    )
    lines = [
        ("kind", _pick(("Văn bản", "Document"), lang)),
        ("sender", _organ(head.from_)),
        ("recipients", "; ".join(_organ(o) for o in head.to)),
        ("identifier", head.document_id),
        ("code", "/".join(p for p in (head.code.number, head.code.notation) if p)),
        ("date", _date(head.promulgation.date, lang)),
        ("type", head.document_type.type_name),
        ("subject", head.subject),
        ("signer", signer),
        (
            "urgency",
            _pick(_URGENCY.get(head.other.priority, (str(head.other.priority),) * 2), lang),
        ),
        ("due", _date(head.due_date, lang)),
        ("business", business),
    ]
    for att in env.attachments:
        size = _size(att.size) if att.sha256 else "?"
        lines.append(("attachment", f"{att.name} ({size}, {att.content_type})"))
    detail = env.signature.detail_en if lang == "en" else env.signature.detail_vi
    verdict = _pick(_VERDICT[env.signature.verdict], lang)
    lines.append(("signature", f"{verdict} — {detail}" if detail else verdict))
    return [(k, v) for k, v in lines if v]


def _status(msg: StatusMessage, lang: str) -> list[tuple[str, str]]:
    answered = msg.response_for
    lines = [
        ("kind", _pick(("Trạng thái xử lý", "Status"), lang)),
        ("sender", _organ(msg.from_)),
        ("recipients", "; ".join(_organ(o) for o in msg.to)),
        ("answers", answered.document_id or f"{answered.organ_id} {answered.code}".strip()),
        ("status", f"{msg.code.value} — {_pick(STATUS_NAMES[msg.code], lang)}"),
        ("description", msg.description),
        (
            "staff",
            ""
            if msg.staff is None
            else ", ".join(p for p in (msg.staff.staff, msg.staff.department) if p),
        ),
        (
            "time",
            msg.timestamp.isoformat(sep=" ")
            if lang == "en"
            else msg.timestamp.strftime("%H:%M:%S %d/%m/%Y"),
        ),
    ]
    return [(k, v) for k, v in lines if v]


def summarise(pkg: Envelope | StatusMessage, lang: str = "vi") -> list[tuple[str, str]]:
    """Label/value lines: who, what, which document, attachments, signature, problems."""
    keyed = _envelope(pkg, lang) if isinstance(pkg, Envelope) else _status(pkg, lang)
    keyed += [("problem", p.message(lang)) for p in pkg.problems]
    return [(_pick(_LABELS[key], lang), value) for key, value in keyed]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name.rstrip("_"): _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def as_json(pkg: Envelope | StatusMessage) -> dict[str, Any]:
    """The package as JSON-safe data (``from_`` becomes ``from``; dates ISO; enums by value)."""
    kind = "envelope" if isinstance(pkg, Envelope) else "status"
    return {"kind": kind, **_plain(pkg)}
