"""The hub's agency routes, its health probe and the refusals every route shares.

The operations as the SDK names them (``registerAgency``…), each at the root of the hub's URL.
Rules: an agency belongs to the system that registered it and only that system sends from it;
every recipient must be a registered agency; each recipient has its own delivery state; a
package is visible (listed, fetched) only to its sender's system and its recipients' systems,
to anyone else it does not exist (404); only a recipient's system acknowledges it.
Packages are sent in ``sending`` and delivered in ``delivery``.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from ...errors import ApiProblem
from ..axis_protocol import Operation, ok
from .app import Caller, Hub, authenticate, hub_of
from .store import HubAgency

__all__ = ["READ", "digest_mismatch", "invalid", "not_yours", "router", "unknown_agencies"]

logger = logging.getLogger(__name__)

router = APIRouter()

READ = ["GET", "POST"]
"""Methods of the reading operations: GET, and POST as the SDK (2.0.1) sends them."""
MAX_JSON = 64 * 1024
CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class AgencyIn(BaseModel):
    """The body of ``registerAgency`` (the SDK's agency: ``pcode`` is the parent's code)."""

    id: str = Field("", max_length=64)
    code: str = Field(pattern=CODE)
    pcode: str = Field("", max_length=64)
    name: str = Field(min_length=1, max_length=500)
    mail: str = Field("", max_length=200)
    mobile: str = Field("", max_length=50)
    fax: str = Field("", max_length=50)


def invalid(vi: str, en: str, code: str = "invalid_input", status: int = 422) -> ApiProblem:
    return ApiProblem(status, vi, en, code=code)


def unknown_agencies(codes: list[str]) -> ApiProblem:
    joined = ", ".join(codes)
    return invalid(
        f"Cơ quan chưa đăng ký trên trục: {joined}.",
        f"Agency not registered on the axis: {joined}.",
        "unknown_agency",
    )


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


# -- agencies ---------------------------------------------------------------------------------


@router.post(f"/{Operation.REGISTER_AGENCY}")
async def register_agency(request: Request, who: Caller = Depends(authenticate)) -> dict[str, Any]:
    """Register (or update) an agency as the caller's; its JSON body is covered by ``sha256``."""
    body = await _small_body(request, who)
    try:
        agency = AgencyIn.model_validate_json(body)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:10])
        raise invalid(f"Dữ liệu không hợp lệ: {fields}.", f"Invalid input: {fields}.") from exc
    if agency.id not in ("", agency.code):
        raise invalid(
            "Mã định danh (id) của cơ quan phải là mã cơ quan (code).",
            "An agency's id must be its code.",
        )
    await run_in_threadpool(_register, hub_of(request), who.system_id, agency)
    return ok()


def _register(hub: Hub, system_id: str, agency: AgencyIn) -> None:
    with hub.sessions() as session:
        row = session.get(HubAgency, agency.code)
        if row is not None and row.system_id != system_id:
            raise ApiProblem(
                409,
                f"Mã cơ quan {agency.code} đã được hệ thống khác đăng ký.",
                f"Agency code {agency.code} is registered by another system.",
                code="agency_taken",
            )
        if row is None:
            row = HubAgency(code=agency.code, system_id=system_id)
            session.add(row)
        row.name, row.parent_code = agency.name, agency.pcode
        row.email, row.phone, row.fax = agency.mail, agency.mobile, agency.fax
        session.commit()
    logger.info("exchange hub: %s registered agency %s", system_id, agency.code)


@router.post(f"/{Operation.DELETE_AGENCY}")
def delete_agency(request: Request, who: Caller = Depends(authenticate)) -> dict[str, Any]:
    code = who.params.get("agencycode", "")
    with hub_of(request).sessions() as session:
        row = session.get(HubAgency, code)
        if row is None:
            raise unknown_agencies([code])
        if row.system_id != who.system_id:
            raise not_yours(code)
        session.delete(row)
        session.commit()
    return ok()


@router.api_route(f"/{Operation.GET_AGENCIES_LIST}", methods=READ)
def list_agencies(request: Request, who: Caller = Depends(authenticate)) -> dict[str, Any]:
    """Every agency on the axis; ``pid`` is the SDK's parent field (ours are codes), ``systemid``
    the registering system (ours)."""
    with hub_of(request).sessions() as session:
        rows = session.scalars(select(HubAgency).order_by(HubAgency.code)).all()
        data = [
            {
                "id": r.code,
                "code": r.code,
                "pid": r.parent_code,
                "pcode": r.parent_code,
                "name": r.name,
                "mail": r.email,
                "mobile": r.phone,
                "fax": r.fax,
                "systemid": r.system_id,
            }
            for r in rows
        ]
    return ok(data=data)


def not_yours(code: str) -> ApiProblem:
    return ApiProblem(
        403,
        f"Cơ quan {code} không thuộc hệ thống của bạn.",
        f"Agency {code} does not belong to your system.",
        code="not_your_agency",
    )


async def _small_body(request: Request, who: Caller) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_JSON:
        raise invalid("Nội dung quá lớn.", "The body is too large.", "too_large", 413)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_JSON:
            raise invalid("Nội dung quá lớn.", "The body is too large.", "too_large", 413)
    if hashlib.sha256(body).hexdigest() != who.params.get("sha256", ""):
        raise digest_mismatch()
    return body


def digest_mismatch() -> ApiProblem:
    return invalid(
        "Nội dung nhận được không khớp mã sha256 đã ký.",
        "The body received does not match the signed sha256.",
        "digest_mismatch",
        400,
    )
