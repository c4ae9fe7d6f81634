"""From the parsed header tree to the typed records: strict about meaning, forgiving about form.

Errors (the package is refused): the document's own identity — From/OrganId, its DocumentId
(or, in older packages, a Code and PromulgationDate to make one from), a Subject — and the
values whose misreading would change what happens: dates of the document, priority, business
type, a status's code and time. Problems (read anyway, shown to the user): ISO dates, a trace
or business identifier that does not parse (the samples have ``2014/02/30``), amounts that are
not numbers, a manifest that disagrees with the attachments.
"""

from __future__ import annotations

import logging

from edxml._target import Node
from edxml._text import parse_bool
from edxml._values import (
    Ctx,
    date,
    document_id,
    integer,
    lenient_identifier,
    organ,
    organs,
    response_for,
    staff,
    timestamp,
)
from edxml.errors import BadValue, MissingElement
from edxml.records import (
    NAMESPACE,
    Business,
    BusinessDocType,
    Code,
    DocumentType,
    MessageHeader,
    OtherInfo,
    PromulgationInfo,
    SignerInfo,
    StatusCode,
    StatusMessage,
    TraceHeader,
)

__all__ = ["message_header", "status_message", "business", "trace"]

logger = logging.getLogger(__name__)


def other_info(ctx: Ctx, node: Node | None) -> OtherInfo:
    if node is None:
        return OtherInfo()
    direction_node = node.find("Direction")
    direction: bool | None = None
    if direction_node is not None and direction_node.text():
        try:
            direction = parse_bool(direction_node.text())
        except ValueError:
            ctx.problem(
                direction_node,
                f"Direction “{direction_node.text()}” không phải true/false; đã bỏ qua",
                f"Direction “{direction_node.text()}” is not true/false; ignored",
            )
    return OtherInfo(
        priority=integer(ctx, node.find("Priority"), strict=True, high=4) or 0,
        sphere=node.value("SphereOfPromulgation"),
        typer_notation=node.value("TyperNotation"),
        promulgation_amount=integer(ctx, node.find("PromulgationAmount"), strict=False),
        page_amount=integer(ctx, node.find("PageAmount"), strict=False),
        direction=direction,
        appendixes=_texts(node, "Appendixes", "Appendix"),
    )


def _part(node: Node, name: str) -> Node:
    """The child, or an empty stand-in: an optional group that is absent reads as empty."""
    return node.find(name) or Node(NAMESPACE, name, 0, {})


def _texts(node: Node, container: str, item: str) -> tuple[str, ...]:
    """The non-empty texts of ``container/item*`` (ToPlaces/Place, Appendixes/Appendix)."""
    return tuple(t for t in (n.text() for n in _part(node, container).findall(item)) if t)


def _subject(ctx: Ctx, node: Node) -> str:
    subject = node.value("Subject")
    if not subject:
        ctx.fail(
            MissingElement,
            node.find("Subject") or node,
            "Gói thiếu trích yếu văn bản (Subject)",
            "The package has no subject (Subject)",
            element="Subject",
        )
    return subject


def message_header(ctx: Ctx, node: Node) -> MessageHeader:
    """A document's MessageHeader."""
    sender = organ(ctx, ctx.need(node, "From"), strict=True)
    assert sender is not None
    number, prom, kind, signer = (
        _part(node, name) for name in ("Code", "PromulgationInfo", "DocumentType", "SignerInfo")
    )
    code = Code(number.value("CodeNumber"), number.value("CodeNotation"))
    issued = date(ctx, prom.find("PromulgationDate"), strict=True)
    identifier = document_id(ctx, node, sender, code, issued)
    return MessageHeader(
        from_=sender,
        to=organs(ctx, node.findall("To")),
        document_id=identifier,
        code=code,
        promulgation=PromulgationInfo(prom.value("Place"), issued),
        document_type=DocumentType(
            kind.value("Type") or "1", kind.value("TypeDetail"), kind.value("TypeName")
        ),
        subject=_subject(ctx, node),
        content=node.value("Content"),
        signer=SignerInfo(
            signer.value("Competence"), signer.value("Position"), signer.value("FullName")
        ),
        due_date=date(ctx, node.find("DueDate"), strict=True),
        other=other_info(ctx, node.find("OtherInfo")),
        steering_type=node.value("SteeringType"),
        to_places=_texts(node, "ToPlaces", "Place"),
        response_for=tuple(response_for(ctx, n) for n in node.findall("ResponseFor")),
    )


def status_code(ctx: Ctx, node: Node) -> StatusCode:
    text = node.text()
    if text == "14":
        ctx.problem(
            node,
            "Mã trạng thái 14 (không có trong QCVN 102) được đọc là 15: đồng ý",
            "Status code 14 (not in QCVN 102) is read as 15: agreed",
        )
        return StatusCode.AGREED
    candidate = text.zfill(2) if text.isdigit() and len(text) == 1 else text
    try:
        code = StatusCode(candidate)
    except ValueError:
        known = ", ".join(c.value for c in StatusCode)
        ctx.fail(
            BadValue,
            node,
            f"Mã trạng thái “{text}” không có trong QCVN 102 (các mã: {known})",
            f"Status code “{text}” is not one of QCVN 102's ({known})",
        )
    if candidate != text:
        ctx.problem(
            node,
            f"Mã trạng thái “{text}” được đọc là {code.value}",
            f"Status code “{text}” read as {code.value}",
        )
    return code


def status_message(ctx: Ctx, node: Node) -> StatusMessage:
    """A status package's MessageHeader (it has a StatusCode)."""
    sender = organ(ctx, ctx.need(node, "From"), strict=True)
    assert sender is not None
    code = status_code(ctx, ctx.need(node, "StatusCode"))
    when = timestamp(ctx, ctx.need(node, "Timestamp"), strict=True)
    assert when is not None
    answered_node = ctx.need(node, "ResponseFor")
    answered = response_for(ctx, answered_node)
    if not answered.document_id and not answered.code:
        ctx.fail(
            MissingElement,
            answered_node,
            "ResponseFor không cho biết văn bản nào (thiếu DocumentId và Code)",
            "ResponseFor does not say which document (no DocumentId nor Code)",
            element="ResponseFor/DocumentId",
        )
    return StatusMessage(
        from_=sender,
        response_for=answered,
        code=code,
        timestamp=when,
        description=node.value("Description"),
        staff=staff(node.find("StaffInfo")),
        to=organs(ctx, node.findall("To")),
        problems=tuple(ctx.problems),
    )


def trace(ctx: Ctx, trace_list: Node | None) -> tuple[TraceHeader, ...]:
    if trace_list is None:
        return ()
    found = []
    for node in trace_list.findall("TraceHeader"):
        stamp = node.find("Timestamp")
        when = None if stamp is None else timestamp(ctx, stamp, strict=False)
        organ_id = node.value("OrganId")
        if when is None or not organ_id:
            ctx.problem(
                node,
                "TraceHeader thiếu OrganId/Timestamp; đã bỏ qua",
                "A TraceHeader lacks OrganId/Timestamp; ignored",
            )
            continue
        found.append(TraceHeader(organ_id, when))
    return tuple(found)


def business(ctx: Ctx, trace_list: Node | None, header: Node) -> Business:
    node = None if trace_list is None else trace_list.find("Bussiness", "Business")
    if node is None:
        ctx.problem(
            trace_list or header,
            "Gói không có Bussiness; đã đọc là văn bản mới",
            "The package has no Bussiness; read as a new document",
            element="Bussiness",
        )
        return Business()
    kind_node = node.find("BussinessDocType", "BusinessDocType")
    kind = integer(ctx, kind_node, strict=True, high=max(BusinessDocType))
    if kind is None:
        ctx.problem(
            node,
            "Thiếu BussinessDocType; đã đọc là văn bản mới",
            "No BussinessDocType; read as a new document",
        )
    replaced = (
        lenient_identifier(ctx, r.find("DocumentId"))
        for r in _part(node, "ReplacementInfoList").findall("ReplacementInfo")
    )
    return Business(
        doc_type=BusinessDocType(kind or 0),
        reason=node.value("BussinessDocReason", "BusinessDocReason"),
        document_id=lenient_identifier(ctx, node.find("DocumentId")),
        paper=integer(ctx, node.find("Paper"), strict=False, high=1) or 0,
        staff=staff(node.find("StaffInfo")),
        replaced=tuple(r for r in replaced if r),
    )
