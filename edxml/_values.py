"""Single values of the header tree — dates, numbers, agencies, identifiers — read strictly
(an error with the element's line) or leniently (a Problem), as the caller says."""

from __future__ import annotations

import datetime as dt
import logging
from typing import NoReturn

from edxml._target import Node, Target
from edxml._text import format_date, parse_date, parse_timestamp
from edxml.errors import BadValue, EdxmlError, MissingElement
from edxml.identifier import MAX_ORGAN_ID, DocumentIdentifier, check_organ_id, parse
from edxml.records import (
    Code,
    Organ,
    Problem,
    ResponseFor,
    StaffInfo,
)

__all__ = [
    "Ctx",
    "date",
    "timestamp",
    "integer",
    "organ",
    "organs",
    "lenient_identifier",
    "document_id",
    "staff",
    "response_for",
]

logger = logging.getLogger(__name__)


class Ctx:
    """Where Problems are collected and errors raised, with the element's line looked up."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.problems: list[Problem] = list(target.problems)

    def line(self, node: Node | None) -> int | None:
        return None if node is None else self.target.line(node.name, node.nth)

    def problem(self, node: Node | None, vi: str, en: str, element: str = "") -> None:
        name = element or (node.name if node is not None else "")
        self.problems.append(Problem(vi, en, line=self.line(node), element=name))

    def fail(
        self, cls: type[EdxmlError], node: Node | None, vi: str, en: str, element: str = ""
    ) -> NoReturn:
        name = element or (node.name if node is not None else "")
        raise cls(vi, en, line=self.line(node), element=name)

    def need(self, parent: Node, *names: str) -> Node:
        child = parent.find(*names)
        if child is None:
            self.fail(
                MissingElement,
                parent,
                f"{parent.name} thiếu phần tử {names[0]}",
                f"{parent.name} has no {names[0]} element",
                element=names[0],
            )
        return child


def date(ctx: Ctx, node: Node | None, *, strict: bool) -> dt.date | None:
    text = "" if node is None else node.text()
    if not text:
        return None
    try:
        value, exact = parse_date(text)
    except ValueError:
        vi = f"Ngày “{text}” không hợp lệ (cần yyyy/MM/dd)"
        en = f"The date “{text}” is not valid (expected yyyy/MM/dd)"
        if strict:
            ctx.fail(BadValue, node, vi, en)
        ctx.problem(node, vi + "; đã bỏ qua", en + "; ignored")
        return None
    if not exact:
        ctx.problem(
            node,
            f"Ngày “{text}” không đúng dạng yyyy/MM/dd; đã đọc là {format_date(value)}",
            f"The date “{text}” is not in the form yyyy/MM/dd; read as {format_date(value)}",
        )
    return value


def timestamp(ctx: Ctx, node: Node, *, strict: bool) -> dt.datetime | None:
    text = node.text()
    try:
        value, exact = parse_timestamp(text)
    except ValueError:
        vi = f"Thời điểm “{text}” không hợp lệ (cần yyyy/MM/dd HH:mm:ss)"
        en = f"The timestamp “{text}” is not valid (expected yyyy/MM/dd HH:mm:ss)"
        if strict:
            ctx.fail(BadValue, node, vi, en)
        ctx.problem(node, vi + "; đã bỏ qua", en + "; ignored")
        return None
    if not exact:
        ctx.problem(
            node,
            f"Thời điểm “{text}” không đúng dạng yyyy/MM/dd HH:mm:ss; đã đọc là {value}",
            f"The timestamp “{text}” is not in the form yyyy/MM/dd HH:mm:ss; read as {value}",
        )
    return value


def integer(
    ctx: Ctx, node: Node | None, *, strict: bool, low: int = 0, high: int | None = None
) -> int | None:
    text = "" if node is None else node.text()
    if not text:
        return None
    try:
        value = int(text)
        if value < low or (high is not None and value > high):
            raise ValueError(text)
    except ValueError:
        span = f"{low}–{high}" if high is not None else f"≥ {low}"
        vi = f"Giá trị “{text}” không phải số nguyên {span}"
        en = f"The value “{text}” is not a whole number {span}"
        if strict:
            ctx.fail(BadValue, node, vi, en)
        ctx.problem(node, vi + "; đã bỏ qua", en + "; ignored")
        return None
    return value


def organ(ctx: Ctx, node: Node, *, strict: bool) -> Organ | None:
    """From (strict: its OrganId must be there and fit) or To (a Problem, and skipped)."""
    id_node = node.find("OrganId")
    organ_id = "" if id_node is None else id_node.text()
    where = f"{node.name}/OrganId"
    if not organ_id:
        if strict:
            ctx.fail(
                MissingElement,
                node,
                f"Thiếu mã cơ quan gửi ({where})",
                f"The sending agency's code is missing ({where})",
                element=where,
            )
        ctx.problem(
            node, f"{node.name} không có OrganId; đã bỏ qua", f"{node.name} has no OrganId; ignored"
        )
        return None
    if len(organ_id) > MAX_ORGAN_ID and strict:
        ctx.fail(
            BadValue,
            id_node,
            f"Mã cơ quan dài quá {MAX_ORGAN_ID} ký tự",
            f"The agency code is longer than {MAX_ORGAN_ID} characters",
            element=where,
        )
    try:
        organ_id = check_organ_id(organ_id)
    except BadValue as exc:
        ctx.problem(id_node, exc.reason_vi, exc.reason_en, element=where)
    return Organ(
        organ_id=organ_id,
        name=node.value("OrganName"),
        in_charge=node.value("OrganizationInCharge"),
        address=node.value("OrganAdd"),
        email=node.value("Email"),
        telephone=node.value("Telephone"),
        fax=node.value("Fax"),
        website=node.value("Website"),
    )


def organs(ctx: Ctx, nodes: list[Node]) -> tuple[Organ, ...]:
    return tuple(o for o in (organ(ctx, n, strict=False) for n in nodes) if o is not None)


def respelled(text: str, sender: str = "") -> DocumentIdentifier | None:
    """An identifier whose faults are of form only: its date's spelling (``2015-09-30``,
    ``2015/9/30``), or an agency code off the national structure that is the sender's own
    (already a Problem on From/OrganId)."""
    parts = [part.strip() for part in text.split(",", 2)]
    if len(parts) != 3 or not all(parts):
        return None
    try:
        day, _ = parse_date(parts[1])
        organ_id = parts[0] if parts[0] == sender else check_organ_id(parts[0])
    except (ValueError, BadValue):
        return None
    return DocumentIdentifier(organ_id, day, parts[2])


def lenient_identifier(ctx: Ctx, node: Node | None) -> str:
    """An identifier outside the document's own identity: kept as written, a Problem if bad."""
    text = "" if node is None else node.text()
    if not text:
        return ""
    try:
        return str(parse(text))
    except BadValue as exc:
        fixed = respelled(text)
        if fixed is not None:
            ctx.problem(
                node,
                f"Mã định danh “{text}” viết sai dạng ngày; đã đọc là {fixed}",
                f"The identifier “{text}” has a misspelt date; read as {fixed}",
            )
            return str(fixed)
        ctx.problem(
            node, exc.reason_vi + "; giữ nguyên như đã ghi", exc.reason_en + "; kept as written"
        )
        return text


def document_id(ctx: Ctx, header: Node, sender: Organ, code: Code, issued: dt.date | None) -> str:
    """The document's own identifier: strict (it is how the document is known everywhere)."""
    node = header.find("DocumentId")
    text = "" if node is None else node.text()
    if not text:
        symbol = "/".join(part for part in (code.number, code.notation) if part)
        if not symbol or issued is None:
            ctx.fail(
                MissingElement,
                header,
                "Gói thiếu mã định danh văn bản (DocumentId) và không đủ số/ký hiệu, ngày ban hành "
                "để lập",
                "The package has no document identifier (DocumentId), nor the number/symbol and "
                "date to make one from",
                element="DocumentId",
            )
        made = DocumentIdentifier(sender.organ_id, issued, symbol)
        ctx.problem(
            header,
            f"Gói thiếu DocumentId; đã lập từ mã cơ quan gửi, ngày ban hành và số/ký hiệu: {made}",
            f"The package has no DocumentId; made from the sender, date and number/symbol: {made}",
            element="DocumentId",
        )
        return str(made)
    try:
        ident = parse(text)
    except BadValue as exc:
        fixed = respelled(text, sender.organ_id)
        if fixed is None:
            ctx.fail(BadValue, node, exc.reason_vi, exc.reason_en)
        if str(fixed) != text:
            ctx.problem(
                node,
                f"Ngày trong DocumentId “{text}” sai dạng; đã đọc là {fixed}",
                f"The date in DocumentId “{text}” is misspelt; read as {fixed}",
            )
        ident = fixed
    if ident.organ_id != sender.organ_id:
        ctx.problem(
            node,
            f"Mã cơ quan trong DocumentId ({ident.organ_id}) khác cơ quan gửi ({sender.organ_id})",
            f"The agency in DocumentId ({ident.organ_id}) differs from the sender ({sender.organ_id})",
        )
    return str(ident)


def staff(node: Node | None) -> StaffInfo | None:
    if node is None:
        return None
    return StaffInfo(
        department=node.value("Department"),
        staff=node.value("Staff"),
        email=node.value("Email"),
        mobile=node.value("Mobile"),
    )


def response_for(ctx: Ctx, node: Node) -> ResponseFor:
    return ResponseFor(
        organ_id=node.value("OrganId"),
        code=node.value("Code"),
        promulgation_date=date(ctx, node.find("PromulgationDate"), strict=False),
        document_id=lenient_identifier(ctx, node.find("DocumentId")),
    )
