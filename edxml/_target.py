"""The lxml parser target: a small tree of the header, attachments decoded straight to disk.

lxml calls ``start``/``data``/``end`` as it parses, chunk by chunk; nothing is kept but the
header's elements (bounded in number and size) and, for each ``ContentTransferEncoded``, a spool
file the base64 text is decoded into as it arrives — its size and SHA-256 computed on the way.
Memory does not grow with the attachments.
"""

from __future__ import annotations

import binascii
import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pybase64

from edxml._scan import RawTags, locate
from edxml._text import nfc
from edxml.errors import BadValue, EntityAttack, TooLarge, UndeclaredPrefix, WrongNamespace
from edxml.records import NAMESPACE, Problem

__all__ = ["DSIG", "Node", "Spool", "Stop", "Target", "MAX_NODES", "MAX_TEXT"]

logger = logging.getLogger(__name__)

DSIG = "http://www.w3.org/2000/09/xmldsig#"
MAX_NODES = 50_000
"""Header elements kept (a real header has about a hundred)."""
MAX_TEXT = 1 << 20
"""Text of one header element (a subject is a few hundred characters)."""
MAX_HEADER_TEXT = 16 << 20
"""Text of all header elements together."""
_WHITESPACE = b" \t\r\n"
_SPACES = (b"\n", b" ", b"\r", b"\t")


class Stop(Exception):
    """Raised by the target to end parsing early (``read_header_only``)."""


class _BadBase64(Exception):
    pass


@dataclass
class Spool:
    """Base64 text decoded incrementally into a file: the remainder of each piece modulo 4 is
    carried to the next, whitespace ignored."""

    path: Path
    file: IO[bytes]
    sha: hashlib._Hash = field(default_factory=hashlib.sha256)
    size: int = 0
    carry: bytes = b""
    padded: bool = False
    """The sender left out the final ``=`` padding (read anyway)."""

    @classmethod
    def create(cls, directory: Path) -> Spool:
        fd, name = tempfile.mkstemp(prefix="edxml-", suffix=".att", dir=directory)
        return cls(Path(name), os.fdopen(fd, "wb"))

    def _decode(self, data: bytes) -> None:
        """Decode whole quadruples (pybase64: SIMD, several times binascii's speed); a stray
        character is refused by name."""
        try:
            raw = pybase64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _BadBase64(str(exc) or "malformed") from exc
        self.sha.update(raw)
        self.size += len(raw)
        self.file.write(raw)

    def feed(self, text: str) -> None:
        try:
            data = text.encode("ascii")
        except UnicodeEncodeError as exc:
            raise _BadBase64("non-ASCII character") from exc
        if any(space in data for space in _SPACES):  # a memchr each: cheaper than translate
            data = data.translate(None, _WHITESPACE)
        data = self.carry + data
        cut = len(data) - len(data) % 4
        self.carry = data[cut:]
        if cut:
            self._decode(data[:cut])

    def finish(self) -> None:
        try:
            if self.carry:
                if len(self.carry) == 1:
                    raise _BadBase64("truncated")
                self.padded = True
                self._decode(self.carry + b"=" * (4 - len(self.carry)))
                self.carry = b""
        finally:
            self.file.close()

    def discard(self) -> None:
        self.file.close()
        self.path.unlink(missing_ok=True)


@dataclass(slots=True)
class Node:
    """One element of the header (or of an attachment's description)."""

    ns: str
    name: str
    nth: int
    """Its rank among all start tags with this local name: how ``locate`` finds its line."""
    attrib: dict[str, str]
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    size: int = 0
    spool: Spool | None = None

    def text(self) -> str:
        return nfc("".join(self.parts))

    def find(self, *names: str) -> Node | None:
        return next((c for c in self.children if c.ns == NAMESPACE and c.name in names), None)

    def findall(self, name: str) -> list[Node]:
        return [c for c in self.children if c.ns == NAMESPACE and c.name == name]

    def value(self, *names: str) -> str:
        child = self.find(*names)
        return "" if child is None else child.text()


class Target:
    """The parser target (see the module's docstring)."""

    def __init__(self, path: Path, root_offset: int, spool_dir: Path | None, stop_at: str) -> None:
        self.path = path
        self.root_offset = root_offset
        self.spool_dir = spool_dir
        self.stop_at = stop_at
        self.root: Node | None = None
        self.stack: list[Node | None] = []
        self.counts: dict[str, int] = {}
        self.ordinal = 0
        self.nodes = 0
        self.text_total = 0
        self.root_closed = False
        self.signatures: set[str] = set()
        """Namespaces of the Signature elements seen."""
        self.spools: list[Spool] = []
        self.problems: list[Problem] = []
        self._raw: RawTags | None = None
        self._unqualified_seen = False

    def line(self, name: str, nth: int) -> int | None:
        return locate(self.path, name, nth, self.root_offset)

    def _namespace_of_unqualified(self, local: str, nth: int) -> str:
        """An element lxml reports without a namespace: an undeclared ``edXML:`` prefix or no
        namespace at all is read as edXML (with a Problem); any other undeclared prefix is
        an error."""
        if self._raw is None:
            self._raw = RawTags(self.path, self.root_offset)
        qname, line = self._raw.name(self.ordinal)
        prefix = qname.partition(":")[0] if ":" in qname else ""
        if prefix not in ("", "edXML"):
            raise UndeclaredPrefix(
                f"Tiền tố không gian tên “{prefix}” chưa được khai báo (xmlns:{prefix})",
                f"The namespace prefix “{prefix}” is not declared (xmlns:{prefix})",
                line=line,
                element=qname,
            )
        if not self.stack and not prefix:
            raise WrongNamespace(
                f"Phần tử gốc “{local}” không thuộc không gian tên nào; cần “edXML” thuộc {NAMESPACE}",
                f"The root element “{local}” has no namespace; expected “edXML” in {NAMESPACE}",
                line=line,
                element=local,
            )
        if not self._unqualified_seen:
            self._unqualified_seen = True
            self.problems.append(
                Problem(
                    "Tiền tố edXML được dùng mà không khai báo; đã đọc như không gian tên edXML"
                    if prefix
                    else "Phần tử không có không gian tên; đã đọc như thuộc edXML",
                    "The edXML prefix is used without being declared; read as the edXML namespace"
                    if prefix
                    else "An element has no namespace; read as edXML",
                    line=line,
                    element=qname,
                )
            )
        return NAMESPACE

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        ns, _, local = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
        self.ordinal += 1
        nth = self.counts[local] = self.counts.get(local, 0) + 1
        if local == "Signature":
            self.signatures.add(ns or NAMESPACE)
        if self.stack and self.stack[-1] is None:
            self.stack.append(None)  # inside a foreign element: skipped
            return
        if not ns:
            ns = self._namespace_of_unqualified(local, nth)
        if not self.stack and (ns, local) != (NAMESPACE, "edXML"):
            raise WrongNamespace(
                f"Phần tử gốc là “{{{ns}}}{local}”; cần “edXML” thuộc {NAMESPACE}",
                f"The root element is “{{{ns}}}{local}”; expected “edXML” in {NAMESPACE}",
                line=self.line(local, nth),
                element=local,
            )
        if ns != NAMESPACE:
            self.stack.append(None)
            return
        if local == self.stop_at:
            raise Stop
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise TooLarge(
                f"Gói có hơn {MAX_NODES} phần tử tiêu đề",
                f"The package has more than {MAX_NODES} header elements",
                line=self.line(local, nth),
                element=local,
            )
        node = Node(ns, local, nth, dict(attrib) if attrib else {})
        parent = self.stack[-1] if self.stack else None
        if parent is None:
            self.root = node
        else:
            parent.children.append(node)
        if local == "ContentTransferEncoded" and self.spool_dir is not None:
            node.spool = Spool.create(self.spool_dir)
            self.spools.append(node.spool)
        self.stack.append(node)

    def data(self, text: str) -> None:
        node = self.stack[-1] if self.stack else None
        if node is None:
            return
        if node.spool is not None:
            try:
                node.spool.feed(text)
            except _BadBase64 as exc:
                raise self._bad_base64(node, str(exc)) from exc
            return
        if node.name == "ContentTransferEncoded":
            return  # header only: the attachment is not decoded
        self.text_total += len(text)
        node.size += len(text)
        if self.text_total > MAX_HEADER_TEXT or node.size > MAX_TEXT:
            raise TooLarge(
                "Nội dung phần tử quá lớn cho một gói edXML",
                "An element's text is too large for an edXML package",
                line=self.line(node.name, node.nth),
                element=node.name,
            )
        node.parts.append(text)

    def _bad_base64(self, node: Node, reason: str) -> BadValue:
        return BadValue(
            f"Nội dung tệp đính kèm không phải base64 hợp lệ ({reason})",
            f"The attachment's content is not valid base64 ({reason})",
            line=self.line(node.name, node.nth),
            element=node.name,
        )

    def end(self, tag: str) -> None:
        node = self.stack.pop()
        if node is not None and node.spool is not None:
            try:
                node.spool.finish()
            except _BadBase64 as exc:
                raise self._bad_base64(node, str(exc)) from exc
        if not self.stack:
            self.root_closed = True

    def doctype(self, *args: object) -> None:
        raise EntityAttack(
            "Gói có khai báo DOCTYPE; bị từ chối",
            "The package declares a DOCTYPE; refused",
            element="DOCTYPE",
        )

    def close(self) -> Node | None:
        return self.root

    def release(self) -> None:
        """Close the raw-tag scanner (the spools are the reader's to keep or discard)."""
        if self._raw is not None:
            self._raw.close()
            self._raw = None
