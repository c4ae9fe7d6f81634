"""Delivery: what waits for a system, the package bytes, the receiver's acknowledgment and
the sender's view of its recipients' states.

A package exists only for its sender's system and its recipients' systems: to any other it is
404, the same answer as for an id that never existed.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import FileResponse
from sqlalchemy import select

from ...errors import ApiProblem
from ..axis_protocol import API_PREFIX, DeliveryState, MessageType
from .app import Caller, authenticate, hub_of
from .routes import ItemsOut, invalid
from .store import HubDelivery, HubPackage, as_utc, utcnow

__all__ = ["router"]

logger = logging.getLogger(__name__)

router = APIRouter(prefix=API_PREFIX)

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


@router.get("/edocs/received", response_model=ItemsOut)
def list_received(request: Request, who: Caller = Depends(authenticate)) -> ItemsOut:
    """Deliveries to the caller's agencies still pending or processing, oldest first."""
    query = (
        select(HubDelivery, HubPackage)
        .join(HubPackage, HubPackage.id == HubDelivery.package_id)
        .where(HubDelivery.system_id == who.system_id, HubDelivery.state.in_(OPEN))
        .order_by(HubPackage.sent_at, HubPackage.id, HubDelivery.agency)
        .limit(LIST_LIMIT)
    )
    wanted = who.params.get("messagetype")
    if wanted:
        try:
            query = query.where(HubPackage.message_type == MessageType(wanted).value)
        except ValueError as exc:
            raise invalid("Sai loại gói tin.", "Unknown message type.") from exc
    with hub_of(request).sessions() as session:
        rows = session.execute(query).all()
    return ItemsOut(
        items=[
            {
                "doc_id": package.id,
                "from": package.sender,
                "to": delivery.agency,
                "messagetype": package.message_type,
                "sent_at": as_utc(package.sent_at).isoformat(),
                "size": package.size,
                "sha256": package.sha256,
                "state": delivery.state,
            }
            for delivery, package in rows
        ]
    )


@router.get("/edocs/sent", response_model=ItemsOut)
def list_sent(request: Request, who: Caller = Depends(authenticate)) -> ItemsOut:
    """The caller's own packages (from one agency, if given), newest first, with states."""
    query = select(HubPackage).where(HubPackage.system_id == who.system_id)
    if who.params.get("agency"):
        query = query.where(HubPackage.sender == who.params["agency"])
    query = query.order_by(HubPackage.sent_at.desc(), HubPackage.id).limit(LIST_LIMIT)
    with hub_of(request).sessions() as session:
        packages = session.scalars(query).all()
        items: list[dict[str, object]] = [
            {
                "doc_id": p.id,
                "from": p.sender,
                "messagetype": p.message_type,
                "sent_at": as_utc(p.sent_at).isoformat(),
                "size": p.size,
                "sha256": p.sha256,
                "states": {d.agency: d.state for d in p.deliveries},
            }
            for p in packages
        ]
    return ItemsOut(items=items)


@router.get("/edocs/{doc_id}", response_class=FileResponse)
def fetch(doc_id: str, request: Request, who: Caller = Depends(authenticate)) -> FileResponse:
    """The package's bytes, with its size and sha256 in headers for the receiver's check."""
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
        headers={"X-Axis-Size": str(package.size), "X-Axis-Sha256": package.sha256},
    )


@router.put("/edocs/{doc_id}/status", status_code=204, response_class=Response)
def update_state(doc_id: str, request: Request, who: Caller = Depends(authenticate)) -> Response:
    """The receiver's acknowledgment for one of its agencies: processing, then done or fail
    (final: repeating it is harmless, changing it is refused)."""
    agency = who.params.get("agency", "")
    try:
        state = DeliveryState(who.params.get("status", ""))
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
    return Response(status_code=204)
