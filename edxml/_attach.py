"""The attachments: AttachmentEncoded's decoded spools checked against the manifest.

A manifest entry without content, or content the manifest does not list, is a Problem (the
content is kept); a size or hash the sender declared that the decoded bytes do not match is an
error — the file changed or was cut on the way.
"""

from __future__ import annotations

import base64
import binascii
import logging
import mimetypes
from pathlib import Path

from edxml._target import Node, Spool
from edxml._values import Ctx
from edxml.errors import AttachmentMismatch
from edxml.records import Attachment

__all__ = ["attachments"]

logger = logging.getLogger(__name__)

_SIZE_KEYS = ("size", "length")
_HASH_KEYS = ("sha256", "hash", "digest", "checksum")


def _content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _declared_hash(text: str) -> bytes | None:
    text = text.strip().removeprefix("sha256:").removeprefix("SHA256:")
    try:
        if len(text) == 64:
            return bytes.fromhex(text)
        raw = base64.b64decode(text, validate=True)
        return raw if len(raw) == 32 else None
    except (ValueError, binascii.Error):
        return None


def _check_declared(ctx: Ctx, node: Node, spool: Spool) -> None:
    """Size/hash attributes some senders put on Attachment, ContentTransferEncoded or the
    manifest's Reference (the standard has none; they are checked when present)."""
    for key, value in node.attrib.items():
        name = key.rpartition("}")[2].lower()
        if name in _SIZE_KEYS:
            if not value.strip().isdigit():
                ctx.problem(
                    node,
                    f"Thuộc tính {key}=“{value}” không phải số",
                    f"Attribute {key}=“{value}” is not a number",
                )
            elif int(value) != spool.size:
                ctx.fail(
                    AttachmentMismatch,
                    node,
                    f"Tệp đính kèm có {spool.size} byte nhưng gói ghi {int(value)} byte",
                    f"The attachment has {spool.size} bytes but the package says {int(value)}",
                )
        elif name in _HASH_KEYS:
            declared = _declared_hash(value)
            if declared is None:
                ctx.problem(
                    node,
                    f"Không đọc được mã băm {key}=“{value}”",
                    f"Cannot read the hash {key}=“{value}”",
                )
            elif declared != spool.sha.digest():
                ctx.fail(
                    AttachmentMismatch,
                    node,
                    "Mã băm SHA-256 của tệp đính kèm khác với mã gói ghi: tệp đã bị thay đổi",
                    "The attachment's SHA-256 differs from the one in the package: it was changed",
                )


def _from_manifest(refs: list[Node]) -> tuple[Attachment, ...]:
    """``read_header_only``: what the manifest says, without content (empty path, size 0)."""
    found = []
    for ref in refs:
        name = ref.value("AttachmentName") or ref.value("ContentId")
        found.append(
            Attachment(
                content_id=ref.value("ContentId"),
                name=name,
                path=Path(),
                content_type=ref.value("ContentType") or _content_type(name),
                description=ref.value("Description"),
            )
        )
    return tuple(found)


def _reference_for(refs: list[Node], cid: str, name: str) -> Node | None:
    """The manifest entry of an attachment: by ContentId, else by name."""
    by_id = (r for r in refs if cid and r.value("ContentId") == cid)
    by_name = (r for r in refs if name and r.value("AttachmentName") == name)
    return next(by_id, None) or next(by_name, None)


def _attachment(ctx: Ctx, item: Node, ref: Node | None) -> Attachment | None:
    """One decoded attachment, its gaps filled from the manifest; None (a Problem) if empty."""
    cid, name = item.value("ContentId"), item.value("AttachmentName")
    cte = item.find("ContentTransferEncoded")
    if cte is None or cte.spool is None:
        ctx.problem(
            item,
            f"Tệp đính kèm “{name or cid}” không có nội dung; đã bỏ qua",
            f"The attachment “{name or cid}” has no content; ignored",
        )
        return None
    spool = cte.spool
    if spool.padded:
        ctx.problem(
            cte,
            "Nội dung base64 thiếu dấu “=” cuối; vẫn đọc được",
            "The base64 content lacks its final “=” padding; read anyway",
        )
    for node in (item, cte, ref):
        if node is not None:
            _check_declared(ctx, node, spool)
    listed = ref or Node(item.ns, "Reference", 0, {})
    name = name or listed.value("AttachmentName") or cid
    return Attachment(
        content_id=cid,
        name=name,
        path=spool.path,
        content_type=item.value("ContentType")
        or listed.value("ContentType")
        or _content_type(name),
        description=item.value("Description") or listed.value("Description"),
        size=spool.size,
        sha256=spool.sha.hexdigest(),
    )


def attachments(
    ctx: Ctx, root: Node, body: Node | None, *, decoded: bool
) -> tuple[Attachment, ...]:
    """AttachmentEncoded's attachments (``decoded``) or the manifest's list of them."""
    manifest = None if body is None else body.find("edXMLManifest")
    refs = [] if manifest is None else manifest.findall("Reference")
    if not decoded:
        return _from_manifest(refs)
    unmatched = {id(ref): ref for ref in refs}
    encoded = root.find("AttachmentEncoded")
    found = []
    for item in [] if encoded is None else encoded.findall("Attachment"):
        cid, name = item.value("ContentId"), item.value("AttachmentName")
        ref = _reference_for(refs, cid, name)
        if ref is None:
            ctx.problem(
                item,
                f"Tệp đính kèm “{name or cid}” không có trong edXMLManifest",
                f"The attachment “{name or cid}” is not listed in edXMLManifest",
            )
        else:
            unmatched.pop(id(ref), None)
        attachment = _attachment(ctx, item, ref)
        if attachment is not None:
            found.append(attachment)
    for ref in unmatched.values():
        label = ref.value("AttachmentName") or ref.value("ContentId")
        ctx.problem(
            ref,
            f"edXMLManifest liệt kê “{label}” nhưng gói không chứa tệp này",
            f"edXMLManifest lists “{label}” but the package does not contain it",
        )
    return tuple(found)
