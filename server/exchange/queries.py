"""What a document's record shows of the exchange, read for many documents at once: the
agencies it went to and their last status, how it arrived, the marks that open steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from base.deadlines import VIETNAM
from base.workflow import Mark
from edxml import StatusCode

from ..among import among, dialect_of
from ..schemas import DeliveryOut, ExchangeOut
from .enums import InboxState, PackageKind
from .models import Agency, InboxPackage, OutboxPackage, RecipientStatus

__all__ = ["exchange_deliveries", "arrivals", "marks_for", "vn_to_utc"]


def vn_to_utc(moment: dt.datetime) -> dt.datetime:
    """A status's timestamp (Vietnam's wall clock, as edXML writes it) as the database keeps
    times (UTC, naive)."""
    return moment.replace(tzinfo=VIETNAM).astimezone(dt.UTC).replace(tzinfo=None)


@cache
def _documents_packages(
    package: type[OutboxPackage] | type[InboxPackage], dialect: str
) -> Select[Any]:
    """The page's documents' own packages, sent or received (not statuses), oldest first;
    built once per direction and database kind."""
    return (
        select(package)
        .where(among(package.document_id, dialect), package.kind == PackageKind.EDOC)
        .order_by(package.id)
    )


@cache
def _statuses(dialect: str) -> Select[RecipientStatus]:
    return (
        select(RecipientStatus)
        .where(among(RecipientStatus.document_id, dialect))
        .order_by(RecipientStatus.at, RecipientStatus.id)  # an 04 that overtook its 03
    )


@cache
def _external(dialect: str) -> Select[int | None]:
    return (
        select(OutboxPackage.document_id)
        .where(among(OutboxPackage.document_id, dialect), OutboxPackage.kind == PackageKind.EDOC)
        .distinct()
    )


def exchange_deliveries(session: Session, ids: Sequence[int]) -> dict[int, list[DeliveryOut]]:
    """Each agency outside this server an issued document went to, with its last status."""
    found: dict[int, dict[str, DeliveryOut]] = {}
    if not ids:
        return {}
    names: dict[str, str] = {}
    dialect = dialect_of(session)
    row: OutboxPackage  # the statement serves both directions: typed here
    for row in session.scalars(_documents_packages(OutboxPackage, dialect), {"ids": list(ids)}):
        assert row.document_id is not None
        names.setdefault(row.recipient, "")
        found.setdefault(row.document_id, {})[row.recipient] = DeliveryOut(
            organisation=row.recipient,
            status=row.state,
            via="axis",
            agency_code=row.recipient,
            reason=row.last_error,
            at=row.sent_at or row.created_at,
        )
    for status in session.scalars(_statuses(dialect), {"ids": list(ids)}):
        per_doc = found.setdefault(status.document_id, {})
        names[status.agency_code] = status.agency_name
        before = per_doc.get(status.agency_code)
        per_doc[status.agency_code] = DeliveryOut(
            organisation=status.agency_name or status.agency_code,
            status=before.status if before else "sent",
            via="axis",
            agency_code=status.agency_code,
            status_code=status.code,
            reason=status.description,
            at=status.at,
        )
    known = (
        dict(
            session.execute(
                select(Agency.code, Agency.name).where(Agency.code.in_(list(names)))
            ).all()
        )
        if names
        else {}
    )
    result: dict[int, list[DeliveryOut]] = {}
    for doc_id, per in found.items():
        result[doc_id] = [
            d.model_copy(update={"organisation": known.get(code) or names.get(code) or code})
            for code, d in per.items()
        ]
    return result


@cache
def _take_back_requests(dialect: str) -> Select[InboxPackage]:
    return (
        select(InboxPackage)
        .where(
            among(InboxPackage.document_id, dialect),
            InboxPackage.kind == PackageKind.STATUS,
            InboxPackage.status_code == StatusCode.TAKE_BACK.value,
            InboxPackage.state == InboxState.APPLIED,
        )
        .order_by(InboxPackage.received_at, InboxPackage.id)  # the latest request counts
    )


def arrivals(session: Session, ids: Sequence[int]) -> dict[int, ExchangeOut]:
    """How each document that came through the exchange arrived (its first envelope)."""
    out: dict[int, ExchangeOut] = {}
    if not ids:
        return out
    asked = _take_back_asked(session, ids)
    row: InboxPackage  # the statement serves both directions: typed here
    for row in session.scalars(
        _documents_packages(InboxPackage, dialect_of(session)), {"ids": list(ids)}
    ):
        assert row.document_id is not None
        if row.document_id in out:
            continue
        envelope = dict(row.verdicts.get("envelope") or {})  # type: ignore[call-overload]
        files = list(row.verdicts.get("files") or [])  # type: ignore[call-overload]
        signatures = [s for f in files for s in f.get("signatures", [])]
        out[row.document_id] = ExchangeOut(
            sender=row.sender,
            sender_name=row.sender_name,
            document_identifier=row.document_identifier,
            source=row.source,  # type: ignore[arg-type]
            received_at=row.received_at,
            signature=str(envelope.get("verdict", "absent")),
            signature_detail_vi=str(envelope.get("detail_vi", "")),
            signature_detail_en=str(envelope.get("detail_en", "")),
            signer=str(envelope.get("signer", "")),
            signature_trusted=envelope.get("trusted"),
            files_ok=all(bool(s.get("ok")) for s in signatures) if signatures else None,
            file_signatures=files,
            attachments=list(row.attachments or []),
            problems=row.problem,
            take_back_reason=asked.get(row.document_id, ""),
        )
    return out


def _take_back_asked(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Documents whose sender asked for them back (13) since the clerk last answered (15/16),
    with the sender's reason."""
    asked: dict[int, tuple[dt.datetime, str]] = {}
    for row in session.scalars(_take_back_requests(dialect_of(session)), {"ids": list(ids)}):
        assert row.document_id is not None
        reason = str((row.verdicts or {}).get("description", "")) or "—"
        asked[row.document_id] = (row.received_at, reason)
    if not asked:
        return {}
    answered: dict[int, dt.datetime] = {}
    for doc_id, at in session.execute(
        select(OutboxPackage.document_id, OutboxPackage.created_at).where(
            OutboxPackage.document_id.in_(list(asked)),
            OutboxPackage.kind == PackageKind.STATUS,
            OutboxPackage.status_code.in_([StatusCode.AGREED.value, StatusCode.DECLINED.value]),
        )
    ):
        if doc_id is not None:
            answered[doc_id] = max(at, answered.get(doc_id, at))
    return {
        doc_id: reason
        for doc_id, (at, reason) in asked.items()
        if doc_id not in answered or answered[doc_id] < at
    }


def marks_for(
    session: Session, ids: Sequence[int], arrived: dict[int, ExchangeOut]
) -> dict[int, list[str]]:
    marks: dict[int, list[str]] = {}
    if not ids:
        return marks
    session.flush()  # the package this request queued is asked for below the ORM
    external = session.connection().execute(_external(dialect_of(session)), {"ids": list(ids)})
    for doc_id in external.scalars():
        if doc_id is not None:
            marks.setdefault(doc_id, []).append(Mark.EXTERNAL.value)
    for doc_id, info in arrived.items():
        if info.take_back_reason:
            marks.setdefault(doc_id, []).append(Mark.TAKE_BACK_ASKED.value)
    return marks
