"""The hub's agency routes, its health probe and the refusals every route shares.

Rules: an agency belongs to the system that registered it and only that system sends from it;
every recipient must be a registered agency; each recipient has its own delivery state; a
package is visible (listed, fetched) only to its sender's system and its recipients' systems,
to anyone else it does not exist (404); only a recipient's system acknowledges it.
Packages are sent in ``sending`` and delivered in ``delivery``.
"""

from __future__ import annotations

import hashlib
import logging

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from ...errors import ApiProblem
from ..axis_protocol import API_PREFIX
from .app import Caller, Hub, authenticate, hub_of
from .store import HubAgency

__all__ = ["digest_mismatch", "invalid", "not_yours", "router", "unknown_agencies"]

logger = logging.getLogger(__name__)

router = APIRouter(prefix=API_PREFIX)

MAX_JSON = 64 * 1024
CODE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class AgencyIn(BaseModel):
    code: str = Field(pattern=CODE)
    name: str = Field(min_length=1, max_length=500)
    parent_code: str = Field("", max_length=64)
    email: str = Field("", max_length=200)
    phone: str = Field("", max_length=50)
    fax: str = Field("", max_length=50)


class AgencyOut(AgencyIn):
    system_id: str


class ItemsOut(BaseModel):
    items: list[dict[str, object]]


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


@router.post("/agencies", status_code=204, response_class=Response)
async def register_agency(request: Request, who: Caller = Depends(authenticate)) -> Response:
    body = await _small_body(request, who)
    try:
        agency = AgencyIn.model_validate_json(body)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:10])
        raise invalid(f"Dữ liệu không hợp lệ: {fields}.", f"Invalid input: {fields}.") from exc
    await run_in_threadpool(_register, hub_of(request), who.system_id, agency)
    return Response(status_code=204)


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
        for name in ("name", "parent_code", "email", "phone", "fax"):
            setattr(row, name, getattr(agency, name))
        session.commit()
    logger.info("exchange hub: %s registered agency %s", system_id, agency.code)


@router.delete("/agencies/{code}", status_code=204, response_class=Response)
def delete_agency(code: str, request: Request, who: Caller = Depends(authenticate)) -> Response:
    with hub_of(request).sessions() as session:
        row = session.get(HubAgency, code)
        if row is None:
            raise unknown_agencies([code])
        if row.system_id != who.system_id:
            raise not_yours(code)
        session.delete(row)
        session.commit()
    return Response(status_code=204)


@router.get("/agencies", response_model=ItemsOut)
def list_agencies(request: Request, who: Caller = Depends(authenticate)) -> ItemsOut:
    with hub_of(request).sessions() as session:
        rows = session.scalars(select(HubAgency).order_by(HubAgency.code)).all()
        return ItemsOut(
            items=[
                AgencyOut(
                    code=r.code,
                    name=r.name,
                    parent_code=r.parent_code,
                    email=r.email,
                    phone=r.phone,
                    fax=r.fax,
                    system_id=r.system_id,
                ).model_dump()
                for r in rows
            ]
        )


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
