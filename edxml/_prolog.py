"""The bytes before the root element, checked before any XML parser sees them.

A DOCTYPE or ENTITY declaration is refused here, in microseconds, so no entity is ever defined,
let alone expanded (billion laughs, external entities). Stray text before the root — seen in
real packages — is dropped with a Problem; the lines it took are kept as empty lines so the
parser's line numbers stay those of the file. Files that are plainly something else (empty,
PDF, ZIP, UTF-16) are named as such.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from edxml.errors import EntityAttack, NotXml
from edxml.records import Problem

__all__ = ["HEAD_LIMIT", "Prolog", "scan_prolog", "clean_document"]

logger = logging.getLogger(__name__)

HEAD_LIMIT = 64 * 1024
"""The root element must start within this many bytes (a real prolog is a line or two)."""
MAX_GARBAGE = 4096
"""More stray text than this before the root and the file is not taken for edXML at all."""

_MAGIC = {
    b"%PDF": ("một tệp PDF", "a PDF file"),
    b"PK\x03\x04": ("một tệp ZIP (hoặc Office)", "a ZIP (or Office) file"),
    b"\xd0\xcf\x11\xe0": ("một tệp Office cũ (.doc/.xls)", "an old Office file (.doc/.xls)"),
    b"\x89PNG": ("một ảnh PNG", "a PNG image"),
    b"\xff\xd8\xff": ("một ảnh JPEG", "a JPEG image"),
}
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_NAME_START = re.compile(rb"[A-Za-z_:\x80-\xff]")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACE = re.compile(rb"[ \t\r\n]+")


@dataclass
class Prolog:
    head: bytes
    """What to feed the parser in place of ``file[:root_offset]``."""
    root_offset: int
    """Where the root element's ``<`` is in the file."""
    problems: list[Problem] = field(default_factory=list)


def _line(buf: bytes, pos: int) -> int:
    return buf.count(b"\n", 0, pos) + 1


def _identify(buf: bytes) -> None:
    """NotXml for an empty file or one whose first bytes say what else it is."""
    if not buf.strip():
        raise NotXml(
            "Tệp rỗng, không có nội dung edXML", "The file is empty: there is no edXML in it"
        )
    for magic, (vi, en) in _MAGIC.items():
        if buf.startswith(magic):
            raise NotXml(
                f"Đây là {vi}, không phải gói edXML", f"This is {en}, not an edXML package", line=1
            )
    if buf.startswith(_WIDE_BOMS) or b"\x00" in buf[:4]:
        raise NotXml(
            "Tệp được mã hóa UTF-16/UTF-32; gói edXML phải ở dạng UTF-8",
            "The file is encoded in UTF-16/UTF-32; an edXML package must be UTF-8",
            line=1,
        )


def _end_of(buf: bytes, pos: int, closing: bytes, what_vi: str, what_en: str) -> int:
    end = buf.find(closing, pos)
    if end < 0:
        raise NotXml(
            f"{what_vi} không được đóng trước phần tử gốc",
            f"{what_en} is not closed before the root element",
            line=_line(buf, pos),
        )
    return end + len(closing)


def scan_prolog(path: Path) -> Prolog:
    """Check the file's prolog and find its root element (see the module's docstring)."""
    with path.open("rb") as file:
        buf = file.read(HEAD_LIMIT)
    return scan_prolog_bytes(buf)


def _stray(buf: bytes, pos: int, seen: int) -> tuple[int, Problem]:
    """Text before the root: where it ends, and the Problem saying it was dropped — unless
    there is so much of it, or it is binary, that the file is not XML at all."""
    end = buf.find(b"<", pos + 1)
    end = len(buf) if end < 0 else end
    text = buf[pos:end]
    if seen + len(text) > MAX_GARBAGE or _CONTROL.search(text) or end == len(buf):
        raise NotXml(
            "Tệp không phải XML: không bắt đầu bằng khai báo XML hay phần tử gốc",
            "The file is not XML: it starts with neither an XML declaration nor an element",
            line=_line(buf, pos),
        )
    shown = text.decode("utf-8", "replace").strip()[:60]
    return end, Problem(
        f"Có văn bản thừa trước phần tử gốc, đã bỏ qua: “{shown}”",
        f"Stray text before the root element was ignored: “{shown}”",
        line=_line(buf, pos),
    )


def scan_prolog_bytes(buf: bytes) -> Prolog:
    """``scan_prolog`` on the file's first bytes."""
    _identify(buf)
    pos = 3 if buf.startswith(b"\xef\xbb\xbf") else 0
    decl = b""
    out = bytearray()
    garbage = 0
    problems: list[Problem] = []
    while True:
        if pos >= len(buf):
            raise NotXml(
                "Không tìm thấy phần tử gốc của gói edXML (tệp không phải XML)",
                "No root element found: the file is not XML",
                line=_line(buf, min(pos, len(buf))),
            )
        rest = buf[pos : pos + 10]
        if buf[pos] in b" \t\r\n":
            space = _SPACE.match(buf, pos)
            assert space is not None
            end = space.end()
            out += buf[pos:end]
        elif rest.startswith(b"<?xml") and rest[5:6] in (b" ", b"\t", b"\r", b"\n", b"?"):
            end = _end_of(buf, pos, b"?>", "Khai báo XML", "The XML declaration")
            if decl:
                raise NotXml(
                    "Có hai khai báo XML", "The file has two XML declarations", line=_line(buf, pos)
                )
            decl = buf[pos:end]
        elif rest.startswith(b"<!--"):
            end = _end_of(buf, pos, b"-->", "Chú thích", "A comment")
            out += buf[pos:end]
        elif rest.startswith(b"<?"):
            end = _end_of(buf, pos, b"?>", "Chỉ thị xử lý", "A processing instruction")
            out += buf[pos:end]
        elif rest.upper().startswith((b"<!DOCTYPE", b"<!ENTITY")):
            raise EntityAttack(
                "Gói có khai báo DOCTYPE/ENTITY; edXML không dùng chúng và chúng có thể là tấn công"
                " (bom thực thể, đọc tệp nội bộ) nên gói bị từ chối mà không phân tích",
                "The package declares a DOCTYPE/ENTITY; edXML never uses them and they can be an "
                "attack (entity bomb, reading local files), so it is refused without parsing",
                line=_line(buf, pos),
                element="DOCTYPE",
            )
        elif buf[pos : pos + 1] == b"<" and _NAME_START.match(buf, pos + 1):
            break
        else:
            end, problem = _stray(buf, pos, garbage)
            garbage += end - pos
            problems.append(problem)
            out += b"\n" * buf.count(b"\n", pos, end)
        pos = end
    return Prolog(decl + bytes(out), pos, problems)


def clean_document(data: bytes) -> bytes:
    """The whole document with its prolog checked and cleaned (for signing and verifying)."""
    prolog = scan_prolog_bytes(data[:HEAD_LIMIT])
    return prolog.head + data[prolog.root_offset :]
