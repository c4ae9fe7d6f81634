"""Sending (``sendEdoc``): a package arrives streamed to ``packages/<id>``, its sha256 computed
on the way, and becomes one pending delivery per recipient agency.

Its headers, as the SDK's: ``from``, ``servicetype`` (``eDoc``), ``messagetype``, ``to`` (the
recipients' codes as a JSON array, the form the SDK gives ``to``); ours: ``sha256``, ``size``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import uuid
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from ...errors import ApiProblem
from ..axis_protocol import DeliveryState, MessageType, Operation, ok
from .app import Caller, Hub, authenticate, hub_of
from .routes import digest_mismatch, invalid, not_yours, unknown_agencies
from .store import HubAgency, HubDelivery, HubPackage, utcnow

__all__ = ["router"]

logger = logging.getLogger(__name__)

router = APIRouter()

DRAIN_LIMIT = 16 * 1024 * 1024
"""A refused upload is read (and dropped) up to this much, so the sender sees the refusal
instead of a connection reset; beyond it the connection is simply closed."""
PACKAGE_TYPES = ("application/octet-stream", "application/xml", "text/xml")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@router.post(f"/{Operation.SEND_EDOC}")
async def send_edoc(request: Request) -> dict[str, Any]:
    """Receive a package, streamed to ``packages/<id>`` with its sha256 computed on the way.

    Everything that can be refused is checked before the body is read; a refused body is
    drained (up to ``DRAIN_LIMIT``) so the sender reads the reason rather than a reset.
    """
    hub = hub_of(request)
    try:
        who = authenticate(request)
        size, sha256 = _package_params(request, who, hub)
        recipients = await run_in_threadpool(_recipients, hub, who)
    except ApiProblem:
        await _drain(request)
        raise
    doc_id = str(uuid.uuid4())
    final = hub.packages_dir / doc_id
    part = final.with_suffix(".part")
    try:
        digest, written = hashlib.sha256(), 0
        with part.open("wb") as out:
            async for chunk in request.stream():
                written += len(chunk)
                if written > size:
                    raise invalid(
                        "Nội dung dài hơn kích thước đã ký.",
                        "The body is longer than the signed size.",
                        "size_mismatch",
                        400,
                    )
                out.write(chunk)
                digest.update(chunk)
            out.flush()
            await run_in_threadpool(os.fsync, out.fileno())
        if written != size:
            raise invalid(
                "Nội dung ngắn hơn kích thước đã ký.",
                "The body is shorter than the signed size.",
                "size_mismatch",
                400,
            )
        if digest.hexdigest() != sha256:
            raise digest_mismatch()
        os.replace(part, final)
        await run_in_threadpool(_record, hub, who, doc_id, size, sha256, recipients)
    except BaseException:
        part.unlink(missing_ok=True)
        final.unlink(missing_ok=True)
        raise
    return ok(DocId=doc_id)


def _package_params(request: Request, who: Caller, hub: Hub) -> tuple[int, str]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in PACKAGE_TYPES:
        raise invalid(
            "Gói tin phải gửi dạng application/octet-stream.",
            "A package is sent as application/octet-stream.",
            status=415,
        )
    params = who.params
    try:
        MessageType(params.get("messagetype", ""))
        size = int(params.get("size", ""))
    except ValueError as exc:
        raise invalid(
            "Thiếu hoặc sai loại gói tin (messagetype) hay kích thước (size).",
            "Missing or wrong message type (messagetype) or size.",
        ) from exc
    sha256 = params.get("sha256", "")
    if not _SHA256.match(sha256) or size < 0:
        raise invalid("Sai mã sha256 hoặc kích thước.", "Wrong sha256 or size.")
    declared = request.headers.get("content-length", "")
    if size > hub.max_body or (declared.isdigit() and int(declared) > hub.max_body):
        limit = hub.max_body // (1024 * 1024)
        raise invalid(
            f"Gói tin vượt quá {limit} MB.", f"The package exceeds {limit} MB.", "too_large", 413
        )
    return size, sha256


def _recipients(hub: Hub, who: Caller) -> dict[str, str]:
    """Recipient agency → its system, once the sender is found to be the caller's."""
    sender = who.params.get("from", "")
    codes = _recipient_codes(who.params.get("to", ""))
    if not codes:
        raise invalid("Chưa có cơ quan nhận.", "No recipient agency.")
    with hub.sessions() as session:
        owner = session.scalar(select(HubAgency.system_id).where(HubAgency.code == sender))
        if owner is None:
            raise unknown_agencies([sender])
        if owner != who.system_id:
            raise not_yours(sender)
        rows = session.execute(
            select(HubAgency.code, HubAgency.system_id).where(HubAgency.code.in_(codes))
        ).all()
    found = {code: system for code, system in rows}
    missing = [c for c in codes if c not in found]
    if missing:
        raise unknown_agencies(missing)
    return {code: found[code] for code in codes}


def _recipient_codes(text: str) -> list[str]:
    """``to``: a JSON array of agency codes (a comma-separated list is read as well)."""
    try:
        value = json.loads(text) if text.lstrip().startswith("[") else text.split(",")
    except ValueError as exc:
        raise invalid("Sai danh sách cơ quan nhận (to).", "Malformed recipient list (to).") from exc
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise invalid("Sai danh sách cơ quan nhận (to).", "Malformed recipient list (to).")
    return list(dict.fromkeys(c.strip() for c in value if c.strip()))


def _record(
    hub: Hub, who: Caller, doc_id: str, size: int, sha256: str, recipients: dict[str, str]
) -> None:
    now = utcnow()
    with hub.sessions() as session:
        session.add(
            HubPackage(
                id=doc_id,
                sender=who.params["from"],
                system_id=who.system_id,
                message_type=who.params["messagetype"],
                size=size,
                sha256=sha256,
                sent_at=now,
            )
        )
        session.flush()
        for code, system_id in recipients.items():
            session.add(
                HubDelivery(
                    package_id=doc_id,
                    agency=code,
                    system_id=system_id,
                    state=DeliveryState.PENDING.value,
                    updated_at=now,
                )
            )
        session.commit()
    logger.info(
        "exchange hub: package %s (%d bytes) from %s to %s",
        doc_id,
        size,
        who.params["from"],
        ",".join(recipients),
    )


async def _drain(request: Request) -> None:
    seen = 0
    try:
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > DRAIN_LIMIT:
                return
    except ClientDisconnect:
        return
