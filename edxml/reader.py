"""Read an edXML package from disk, streaming: memory does not grow with the attachments.

The prolog is checked first (DOCTYPE/ENTITY refused before any parser runs, stray text before
the root dropped with a Problem). The file is then fed to lxml in 256 KB chunks with a parser
*target* that keeps a small tree of the header and decodes each attachment's base64 straight
into a spool file, with its size and SHA-256 (``_target``). The header tree becomes the records
(``_build``, ``_attach``); errors and Problems get their line from a scan of the raw file
(``locate``), since the target interface reports no positions.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from cryptography import x509
from lxml import etree

from edxml import signature
from edxml._attach import attachments
from edxml._build import business, message_header, status_message, trace
from edxml._prolog import Prolog, scan_prolog
from edxml._scan import locate
from edxml._target import DSIG, Node, Stop, Target
from edxml._values import Ctx
from edxml.errors import NotXml, TooLarge
from edxml.records import (
    Envelope,
    Problem,
    SignatureReport,
    SignatureVerdict,
    StatusMessage,
)

__all__ = ["CHUNK", "MAX_PACKAGE_BYTES", "read_package", "read_header_only", "locate"]

logger = logging.getLogger(__name__)

CHUNK = 256 * 1024
"""Bytes fed to the parser at a time."""
MAX_PACKAGE_BYTES = 4 << 30
"""A package larger than this (4 GiB) is refused before reading."""


def read_package(
    source: Path, spool_dir: Path, trust_roots: Sequence[x509.Certificate] = ()
) -> Envelope | StatusMessage:
    """Read a package; each attachment is decoded into a new file in ``spool_dir`` (its
    ``Attachment.path``; the caller keeps or deletes it). Raises an ``EdxmlError`` when the
    package cannot be read; what it could read past is in ``problems``. The envelope's
    signature is said ``trusted`` when its certificate is issued by one of ``trust_roots``."""
    return _read(source, spool_dir, trust_roots)


def read_header_only(source: Path) -> Envelope | StatusMessage:
    """Read up to the attachments' content without decoding it (to route or inspect a package):
    attachments come from the manifest with an empty ``path``, size 0 and no hash; the
    signature is NOT_CHECKED (call ``signature.verify`` for it)."""
    return _read(source, None)


def _read(
    source: Path, spool_dir: Path | None, trust_roots: Sequence[x509.Certificate] = ()
) -> Envelope | StatusMessage:
    size = source.stat().st_size
    if size > MAX_PACKAGE_BYTES:
        raise TooLarge(
            f"Gói {size >> 20} MB vượt giới hạn {MAX_PACKAGE_BYTES >> 20} MB",
            f"The {size >> 20} MB package exceeds the {MAX_PACKAGE_BYTES >> 20} MB limit",
        )
    prolog = scan_prolog(source)
    target = Target(
        source, prolog.root_offset, spool_dir, "" if spool_dir is not None else "AttachmentEncoded"
    )
    try:
        root = _parse(source, prolog, target)
        ctx = Ctx(target)
        ctx.problems[:0] = prolog.problems
        package = _assemble(
            ctx, root, source, size, decoded=spool_dir is not None, roots=trust_roots
        )
    except BaseException:
        for spool in target.spools:
            spool.discard()
        raise
    finally:
        target.release()
    kept = {a.path for a in package.attachments} if isinstance(package, Envelope) else set()
    for spool in target.spools:
        if spool.path not in kept:
            spool.discard()  # content outside an Attachment, or in a status message
    return package


def _parse(source: Path, prolog: Prolog, target: Target) -> Node:
    parser = etree.XMLParser(
        target=target,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
    )
    closing = False
    try:
        for chunk in _chunks(source, prolog):
            parser.feed(chunk)
        closing = True
        parser.close()
    except Stop:
        pass
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or None
        if not target.root_closed:
            raise _not_xml(exc, truncated=closing) from exc
        target.problems.append(
            Problem(
                "Có nội dung thừa sau phần tử gốc, đã bỏ qua",
                "Content after the root element was ignored",
                line=line,
            )
        )
    if target.root is None:
        raise NotXml("Tệp không có phần tử gốc", "The file has no root element")
    return target.root


def _chunks(source: Path, prolog: Prolog) -> Iterator[bytes]:
    """The cleaned prolog, then the file from its root element, with CRLF already made LF
    (what any XML parser does first): libxml2 hands text over line by line at each CR, which
    made base64 wrapped in CRLF lines seven times slower to read. Line numbers are unchanged."""
    pending = prolog.head
    with source.open("rb") as file:
        file.seek(prolog.root_offset)
        while chunk := file.read(CHUNK):
            chunk = pending + chunk
            if b"\r" not in chunk:  # a memchr: most packages have no CR at all
                pending = b""
                yield chunk
                continue
            pending = b"\r" if chunk.endswith(b"\r") else b""
            yield chunk[: len(chunk) - len(pending)].replace(b"\r\n", b"\n")
    if pending:
        yield pending


def _not_xml(exc: etree.XMLSyntaxError, *, truncated: bool) -> NotXml:
    detail = exc.msg or str(exc)
    if truncated:
        return NotXml(
            f"Tệp bị cắt cụt: hết dữ liệu khi các phần tử chưa đóng ({detail})",
            f"The file is truncated: it ends before its elements are closed ({detail})",
            line=exc.lineno or None,
        )
    return NotXml(
        f"Tệp không phải XML hợp lệ ({detail})",
        f"The file is not well-formed XML ({detail})",
        line=exc.lineno or None,
    )


def _signature(
    source: Path,
    size: int,
    seen: set[str],
    decoded: bool,
    roots: Sequence[x509.Certificate] = (),
) -> SignatureReport:
    """Verify only when there is an XML-DSig Signature: absence and placeholders in another
    namespace are known from the parse, without reading the file again."""
    if not seen:
        return signature.absent()
    if DSIG not in seen:
        ns = sorted(seen)[0]
        return signature.placeholder(
            f"nằm trong không gian tên {ns}, không phải XML-DSig",
            f"it is in the namespace {ns}, not XML-DSig",
        )
    if not decoded:
        return SignatureReport(
            SignatureVerdict.NOT_CHECKED,
            detail_vi="Chỉ đọc phần tiêu đề: chưa kiểm tra chữ ký",
            detail_en="Header only: the signature was not checked",
        )
    if size > signature.VERIFY_LIMIT:
        return signature.not_checked(size)
    return signature.verify(source, roots)


def _assemble(
    ctx: Ctx,
    root: Node,
    source: Path,
    size: int,
    *,
    decoded: bool,
    roots: Sequence[x509.Certificate] = (),
) -> Envelope | StatusMessage:
    envelope = ctx.need(root, "edXMLEnvelope")
    header = ctx.need(envelope, "edXMLHeader")
    message = ctx.need(header, "MessageHeader")
    if message.find("StatusCode") is not None:
        return status_message(ctx, message)
    head = message_header(ctx, message)
    trace_list = header.find("TraceHeaderList")
    traced = trace(ctx, trace_list)
    what = business(ctx, trace_list, header)
    files = attachments(ctx, root, envelope.find("edXMLBody"), decoded=decoded)
    return Envelope(
        header=head,
        trace=traced,
        business=what,
        attachments=files,
        signature=_signature(source, size, ctx.target.signatures, decoded, roots),
        problems=tuple(ctx.problems),
    )
