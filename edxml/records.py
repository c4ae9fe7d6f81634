"""Typed records of an edXML package (QCVN 102:2016/BTTTT, amended 2022).

A package is either an **envelope** (a document: its MessageHeader, the trace, the business
header saying whether it is new, a revocation, an update or a replacement, and its attachments)
or a **status message** (the receiver's answer about a document: arrived, refused, registered,
assigned, in progress, done; a take-back request and its answer). Field names follow the
standard's element names so a reader of the standard finds them; every record is frozen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path

__all__ = [
    "NAMESPACE",
    "BusinessDocType",
    "StatusCode",
    "STATUS_NAMES",
    "SignatureVerdict",
    "Organ",
    "Code",
    "PromulgationInfo",
    "DocumentType",
    "SignerInfo",
    "OtherInfo",
    "StaffInfo",
    "TraceHeader",
    "ResponseFor",
    "Business",
    "Attachment",
    "MessageHeader",
    "Problem",
    "SignatureReport",
    "Envelope",
    "StatusMessage",
    "Package",
]

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
"""Every edXML element lives in this namespace (prefix ``edXML:`` or the default one)."""


class BusinessDocType(IntEnum):
    """Bussiness/BussinessDocType: what the package does to the document it carries."""

    NEW = 0
    REVOKE = 1
    """Thu hồi: the sender takes the document back."""
    UPDATE = 2
    """Cập nhật: corrected details of the same document."""
    REPLACE = 3
    """Thay thế: a new document replaces the earlier one(s) named in the package."""


class StatusCode(StrEnum):
    """MessageHeader/StatusCode of a status message."""

    ARRIVED = "01"
    """Đã đến: the package reached the receiving system."""
    REFUSED = "02"
    """Từ chối tiếp nhận (with the reason in Description)."""
    REGISTERED = "03"
    """Tiếp nhận, vào sổ."""
    ASSIGNED = "04"
    """Phân công xử lý."""
    PROCESSING = "05"
    """Đang xử lý."""
    DONE = "06"
    """Hoàn thành."""
    TAKE_BACK = "13"
    """Lấy lại: the sender asks to take the document back (with the reason)."""
    AGREED = "15"
    """Đồng ý cập nhật / lấy lại (one other implementation sends 14; read as 15)."""
    DECLINED = "16"
    """Từ chối cập nhật / lấy lại."""


STATUS_NAMES: dict[StatusCode, tuple[str, str]] = {
    StatusCode.ARRIVED: ("Đã đến", "Arrived"),
    StatusCode.REFUSED: ("Từ chối tiếp nhận", "Refused"),
    StatusCode.REGISTERED: ("Đã vào sổ", "Registered"),
    StatusCode.ASSIGNED: ("Đã phân công xử lý", "Assigned"),
    StatusCode.PROCESSING: ("Đang xử lý", "In progress"),
    StatusCode.DONE: ("Hoàn thành", "Done"),
    StatusCode.TAKE_BACK: ("Đề nghị lấy lại", "Take-back requested"),
    StatusCode.AGREED: ("Đồng ý lấy lại", "Take-back agreed"),
    StatusCode.DECLINED: ("Từ chối lấy lại", "Take-back declined"),
}
"""Each status in Vietnamese and English, as the timeline and the delivery list show it."""


class SignatureVerdict(StrEnum):
    """What the envelope's XML signature says (the package is never refused for it by default)."""

    VALID = "valid"
    INVALID = "invalid"
    """A real signature that does not match the content (changed on the way) or cannot be
    checked against its certificate."""
    PLACEHOLDER = "placeholder"
    """A Signature element that is not a signature: wrong namespace, no certificate, a
    truncated certificate — seen in real packages."""
    ABSENT = "absent"
    NOT_CHECKED = "not_checked"
    """Too large to verify in memory (``signature.VERIFY_LIMIT``)."""


@dataclass(frozen=True)
class Organ:
    """From / To: an agency by its national code (OrganId, up to 35 characters)."""

    organ_id: str
    name: str = ""
    in_charge: str = ""
    """OrganizationInCharge: the governing organisation."""
    address: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass(frozen=True)
class Code:
    number: str = ""
    """CodeNumber: the document's number (số)."""
    notation: str = ""
    """CodeNotation: its symbol (ký hiệu), e.g. ``UBND-VP``."""


@dataclass(frozen=True)
class PromulgationInfo:
    place: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class DocumentType:
    type: str = "1"
    """1: administrative document (văn bản hành chính), 2: legal document (văn bản QPPL)."""
    type_detail: str = ""
    type_name: str = ""
    """The kind in words: Công văn, Quyết định, …"""


@dataclass(frozen=True)
class SignerInfo:
    competence: str = ""
    """The authority signed under (TM., KT., TL., …)."""
    position: str = ""
    full_name: str = ""


@dataclass(frozen=True)
class OtherInfo:
    priority: int = 0
    """0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ (our ``urgency``)."""
    sphere: str = ""
    """SphereOfPromulgation."""
    typer_notation: str = ""
    promulgation_amount: int | None = None
    page_amount: int | None = None
    direction: bool | None = None
    appendixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StaffInfo:
    department: str = ""
    staff: str = ""
    email: str = ""
    mobile: str = ""


@dataclass(frozen=True)
class TraceHeader:
    organ_id: str
    timestamp: dt.datetime


@dataclass(frozen=True)
class ResponseFor:
    """The document a package answers (a status) or replaces (a revocation's own document)."""

    organ_id: str = ""
    code: str = ""
    """Số/Ký hiệu of the answered document."""
    promulgation_date: dt.date | None = None
    document_id: str = ""


@dataclass(frozen=True)
class Business:
    """TraceHeaderList/Bussiness: what this package does, why, and to which earlier documents."""

    doc_type: BusinessDocType = BusinessDocType.NEW
    reason: str = ""
    document_id: str = ""
    """The document this business concerns (for 1/2/3: the earlier one)."""
    paper: int = 0
    """1: a paper copy follows."""
    staff: StaffInfo | None = None
    replaced: tuple[str, ...] = ()
    """REPLACE / UPDATE: the document identifiers this package replaces or updates."""


@dataclass(frozen=True)
class Attachment:
    """One attachment. Read: decoded into ``path`` (a spool file) with its size and SHA-256
    computed while streaming. Built: ``path`` is the source file, encoded while streaming."""

    content_id: str
    name: str
    path: Path
    content_type: str = "application/pdf"
    description: str = ""
    size: int = 0
    sha256: str = ""


@dataclass(frozen=True)
class MessageHeader:
    from_: Organ
    to: tuple[Organ, ...] = ()
    document_id: str = ""
    """Mã định danh văn bản: ``OrganId,yyyy/MM/dd,Số/Ký hiệu`` (``identifier``)."""
    code: Code = field(default_factory=Code)
    promulgation: PromulgationInfo = field(default_factory=PromulgationInfo)
    document_type: DocumentType = field(default_factory=DocumentType)
    subject: str = ""
    content: str = ""
    signer: SignerInfo = field(default_factory=SignerInfo)
    due_date: dt.date | None = None
    other: OtherInfo = field(default_factory=OtherInfo)
    steering_type: str = ""
    to_places: tuple[str, ...] = ()
    response_for: tuple[ResponseFor, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something wrong with a package that did not stop reading it (forgiving about form):
    what and where, in both languages."""

    message_vi: str
    message_en: str
    line: int | None = None
    element: str = ""

    def message(self, lang: str = "vi") -> str:
        text = self.message_en if lang == "en" else self.message_vi
        where = []
        if self.line is not None:
            where.append(f"{'line' if lang == 'en' else 'dòng'} {self.line}")
        if self.element:
            where.append(self.element)
        return f"{text} ({', '.join(where)})" if where else text


@dataclass(frozen=True)
class SignatureReport:
    verdict: SignatureVerdict
    signer: str = ""
    """The signing certificate's subject (CN), when there is one."""
    detail_vi: str = ""
    detail_en: str = ""
    trusted: bool | None = None
    """The signer's certificate chains to a shipped trust root (None: not asked or no chain)."""


@dataclass(frozen=True)
class Envelope:
    """A document package."""

    header: MessageHeader
    trace: tuple[TraceHeader, ...] = ()
    business: Business = field(default_factory=Business)
    attachments: tuple[Attachment, ...] = ()
    signature: SignatureReport = field(
        default_factory=lambda: SignatureReport(SignatureVerdict.ABSENT)
    )
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class StatusMessage:
    """A status package: the receiver's answer about one document."""

    from_: Organ
    response_for: ResponseFor
    code: StatusCode
    timestamp: dt.datetime
    description: str = ""
    staff: StaffInfo | None = None
    to: tuple[Organ, ...] = ()
    """Not in every sample; written when known so the axis can route it."""
    problems: tuple[Problem, ...] = ()


Package = Envelope | StatusMessage
