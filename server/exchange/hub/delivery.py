"""Delivery: what waits for a system (``getReceivedEdocList``), the package bytes
(``getEdoc``), the receiver's acknowledgment (``updateStatus``) and the sender's view of its
recipients' states (``getSentEdocList``).

The lists' items use the keys the SDK reads (a received item is its ``Knobstick``: ``docId``,
``from``, ``to``, ``serviceType``, ``messageType``, ``created_time``, ``updated_time``,
``status``; a sent item its ``StatusResult``, one per recipient: ``senderDocId``, ``fromCode``,
``toCode``, ``messageType``, ``sentTime``, ``receiveStatus``…), plus ``size`` and ``sha256``.

A package exists only for its sender's system and its recipients' systems: to any other it is
404, the same answer as for an id that never existed.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse
from sqlalchemy import select

from ...errors import ApiProblem
from ..axis_protocol import (
    SERVICE_TYPE,
    SHA256_HEADER,
    SIZE_HEADER,
    DeliveryState,
    MessageType,
    Operation,
    ok,
)
from .app import Caller, authenticate, hub_of
from .routes import READ, invalid
from .store import HubDelivery, HubPackage, as_utc, utcnow

__all__ = ["router"]

logger = logging.getLogger(__name__)

router = APIRouter()

LIST_LIMIT = 1000
"""Longest list answered at once (oldest waiting first; the rest follow once acknowledged)."""
OPEN = (DeliveryState.PENDING.value, DeliveryState.PROCESSING.value)
FINAL = (DeliveryState.DONE.value, DeliveryState.FAIL.value)


def _no_package(doc_id: str) -> ApiProblem:
    return ApiProblem(
        404,
        f"Không tìm thấy gói tin {doc_id}.",
        f"Package {doc_id} not found.",
        code="not_found",
    )


@router.api_route(f"/{Operation.GET_RECEIVED_EDOC_LIST}", methods=READ)
def list_received(request: Request, who: Caller = Depends(authenticate)) -> dict[str, Any]:
    """Deliveries to the caller's agencies still pending or processing, oldest first (of one
    message type when ``messagetype`` is given)."""
    query = (
        select(HubDelivery, HubPackage)
        .join(HubPackage, HubPackage.id == HubDelivery.package_id)
        .where(HubDelivery.system_id == who.system_id, HubDelivery.state.in_(OPEN))
        .order_by(HubPackage.sent_at, HubPackage.id, HubDelivery.agency)
        .limit(LIST_LIMIT)
    )
    wanted = who.params.get("messagetype")
    if wanted:
        query = query.where(HubPackage.message_type == _message_type(wanted))
    with hub_of(request).sessions() as session:
        rows = session.execute(query).all()
    return ok(
        data=[
            {
                "docId": package.id,
                "from": package.sender,
                "to": delivery.agency,
                "serviceType": SERVICE_TYPE,
                "messageType": package.message_type,
                "created_time": as_utc(package.sent_at).isoformat(),
                "updated_time": as_utc(delivery.updated_at).isoformat(),
                "status": delivery.state,
                "size": package.size,
                "sha256": package.sha256,
            }
            for delivery, package in rows
        ]
    )


@router.api_route(f"/{Operation.GET_SENT_EDOC_LIST}", methods=READ)
def list_sent(request: Request, who: Caller = Depends(authenticate)) -> dict[str, Any]:
    """The caller's own packages, newest first, one item per recipient with its state; of one
    package (``docId``), one sending agency (``from``) or one message type when given."""
    query = select(HubPackage).where(HubPackage.system_id == who.system_id)
    if who.params.get("docid"):
        query = query.where(HubPackage.id == who.params["docid"])
    if who.params.get("from"):
        query = query.where(HubPackage.sender == who.params["from"])
    if who.params.get("messagetype"):
        query = query.where(HubPackage.message_type == _message_type(who.params["messagetype"]))
    query = query.order_by(HubPackage.sent_at.desc(), HubPackage.id).limit(LIST_LIMIT)
    with hub_of(request).sessions() as session:
        packages = session.scalars(query).all()
        data: list[dict[str, object]] = [
            {
                "senderDocId": p.id,
                "fromCode": p.sender,
                "toCode": d.agency,
                "serviceType": SERVICE_TYPE,
                "messageType": p.message_type,
                "sentTime": as_utc(p.sent_at).isoformat(),
                "receivedTime": as_utc(d.updated_at).isoformat(),
                "receiveStatus": d.state,
                "size": p.size,
                "sha256": p.sha256,
            }
            for p in packages
            for d in p.deliveries
        ]
    return ok(data=data)


def _message_type(text: str) -> str:
    try:
        return MessageType(text.lower()).value
    except ValueError as exc:
        raise invalid("Sai loại gói tin.", "Unknown message type.") from exc


@router.api_route(f"/{Operation.GET_EDOC}", methods=READ, response_class=FileResponse)
def fetch(request: Request, who: Caller = Depends(authenticate)) -> FileResponse:
    """The package's bytes (``docId``), streamed, with its size and sha256 in reply headers
    for the receiver's check."""
    doc_id = who.params.get("docid", "")
    hub = hub_of(request)
    with hub.sessions() as session:
        package = session.get(HubPackage, doc_id)
        if package is None or who.system_id not in {
            package.system_id,
            *(d.system_id for d in package.deliveries),
        }:
            raise _no_package(doc_id)
    path = hub.packages_dir / package.id
    if not path.is_file():
        logger.error("exchange hub: the file of package %s is missing", package.id)
        raise ApiProblem(
            500,
            "Tệp của gói tin bị mất trên trục.",
            "The package's file is missing on the axis.",
            code="server_error",
        )
    return FileResponse(
        path,
        media_type="application/octet-stream",
        headers={SIZE_HEADER: str(package.size), SHA256_HEADER: package.sha256},
    )


@router.post(f"/{Operation.UPDATE_STATUS}")
def update_state(request: Request, who: Caller = Depends(authenticate)) -> dict[str, Any]:
    """The receiver's acknowledgment of a package (``docId``) for one of its agencies (``to``):
    processing, then done or fail (final: repeating it is harmless, changing it is refused)."""
    doc_id, agency = who.params.get("docid", ""), who.params.get("to", "")
    try:
        state = DeliveryState(who.params.get("status", "").lower())
    except ValueError as exc:
        raise invalid("Sai trạng thái.", "Unknown state.") from exc
    if state is DeliveryState.PENDING:
        raise invalid(
            "Không thể đặt lại trạng thái chờ.", "A package cannot be made pending again."
        )
    with hub_of(request).sessions() as session:
        delivery = session.get(HubDelivery, (doc_id, agency))
        if delivery is None or delivery.system_id != who.system_id:
            package = session.get(HubPackage, doc_id)
            if package is not None and package.system_id == who.system_id:
                raise ApiProblem(
                    403,
                    "Chỉ hệ thống của cơ quan nhận mới cập nhật trạng thái.",
                    "Only the recipient agency's system updates the state.",
                    code="not_recipient",
                )
            raise _no_package(doc_id)
        if delivery.state in FINAL and delivery.state != state.value:
            raise ApiProblem(
                409,
                f"Gói tin đã ở trạng thái cuối ({delivery.state}).",
                f"The package is already in a final state ({delivery.state}).",
                code="state_final",
            )
        if delivery.state != state.value:
            delivery.state, delivery.updated_at = state.value, utcnow()
            session.commit()
            logger.info("exchange hub: package %s for %s is %s", doc_id, agency, state.value)
    return ok()
