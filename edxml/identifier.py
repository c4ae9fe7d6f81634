"""The document identifier (mã định danh văn bản) and the national agency code (OrganId).

A document is known across the exchange by ``OrganId,yyyy/MM/dd,Số/Ký hiệu`` — the sending
agency's code, the promulgation date and the number/symbol — e.g.
``000.00.00.G22,2015/09/30,7816/VPCP-TTĐT``. Agency codes follow Decision 20/2020/QĐ-TTg:
dot-separated groups of digits ending with a letter and two digits (``000.00.00.G22``,
``28.22.H17``), at most 35 characters.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from edxml._text import format_date, nfc, parse_date
from edxml.errors import BadValue

__all__ = ["MAX_ORGAN_ID", "DocumentIdentifier", "parse", "check_organ_id"]

logger = logging.getLogger(__name__)

MAX_ORGAN_ID = 35
"""OrganId's length in the standard (and in our database)."""

_ORGAN_ID = re.compile(r"(?:\d{1,3}\.){1,6}[A-Z]\d{2}")


def check_organ_id(code: str) -> str:
    """The agency code, NFC and trimmed (its final letter upper-cased); BadValue if it does not
    have the national structure."""
    value = nfc(code)
    if len(value) > MAX_ORGAN_ID:
        raise BadValue(
            f"Mã cơ quan dài {len(value)} ký tự, quá {MAX_ORGAN_ID} ký tự cho phép: {value[:40]}…",
            f"The agency code is {len(value)} characters long, over the {MAX_ORGAN_ID} allowed: "
            f"{value[:40]}…",
            element="OrganId",
        )
    head, dot, last = value.rpartition(".")
    value = f"{head}{dot}{last.upper()}"
    if not _ORGAN_ID.fullmatch(value):
        raise BadValue(
            f"Mã cơ quan “{value}” không đúng cấu trúc mã định danh (QĐ 20/2020/QĐ-TTg), "
            "ví dụ 000.00.00.G22 hoặc 28.22.H17",
            f"The agency code “{value}” does not follow the national structure "
            "(Decision 20/2020/QĐ-TTg), e.g. 000.00.00.G22 or 28.22.H17",
            element="OrganId",
        )
    return value


@dataclass(frozen=True)
class DocumentIdentifier:
    """``OrganId,yyyy/MM/dd,Số/Ký hiệu``: who issued the document, when, under which number."""

    organ_id: str
    date: dt.date
    code: str
    """Số/Ký hiệu, e.g. ``7816/VPCP-TTĐT``."""

    def __str__(self) -> str:
        return f"{self.organ_id},{format_date(self.date)},{self.code}"


def parse(text: str) -> DocumentIdentifier:
    """Read a document identifier; BadValue (naming the part at fault) if it is not one.

    The date must be ``yyyy/MM/dd``; the number/symbol is everything after the second comma.
    """
    value = nfc(text)
    parts = [part.strip() for part in value.split(",", 2)]
    if len(parts) != 3 or not all(parts):
        raise BadValue(
            f"Mã định danh văn bản “{value}” không có dạng Mã cơ quan,yyyy/MM/dd,Số/Ký hiệu",
            f"The document identifier “{value}” is not of the form OrganId,yyyy/MM/dd,Number/Symbol",
            element="DocumentId",
        )
    organ, day, code = parts
    try:
        date, exact = parse_date(day)
    except ValueError:
        exact, date = False, None
    if date is None or not exact:
        raise BadValue(
            f"Ngày “{day}” trong mã định danh văn bản “{value}” không phải ngày hợp lệ yyyy/MM/dd",
            f"The date “{day}” in the document identifier “{value}” is not a valid yyyy/MM/dd date",
            element="DocumentId",
        )
    try:
        organ = check_organ_id(organ)
    except BadValue as exc:
        raise BadValue(
            f"Mã định danh văn bản “{value}”: {exc.reason_vi}",
            f"Document identifier “{value}”: {exc.reason_en}",
            element="DocumentId",
        ) from exc
    return DocumentIdentifier(organ, date, code)
