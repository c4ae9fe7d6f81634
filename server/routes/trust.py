"""The trust list: ``GET /trust`` for every signed-in client, ``/admin/trust`` to keep it.

A province administrator keeps the province-wide list and any organisation's; an
organisation's administrator only their own organisation's (``server.trust``).
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Path
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import trust
from ..deps import current_user, get_session
from ..documents import audit
from ..errors import forbidden, not_found
from ..models import Organisation, TrustedCertificate, User
from ..policy import Role
from ..schemas import TrustCertificateCreate, TrustCertificatePatch, TrustEntryOut
from .contract import errors

__all__ = ["router"]

logger = logging.getLogger(__name__)
router = APIRouter(tags=["trust"])
Sha256 = Path(pattern=r"^[0-9A-Fa-f:]{64,95}$", description="SHA-256 of the certificate (hex)")


def _organisation_code(session: Session, organisation_id: int | None) -> str:
    if organisation_id is None:
        return "province"
    return session.scalar(select(Organisation.code).where(Organisation.id == organisation_id)) or ""


def _out(session: Session, row: TrustedCertificate) -> TrustEntryOut:
    return TrustEntryOut(
        sha256=row.sha256,
        pem=row.pem,
        pki=row.pki,  # type: ignore[arg-type]  # stored from the same three keys
        enabled=row.enabled,
        scope=_organisation_code(session, row.organisation_id),
    )


def _scope(session: Session, user: User, organisation: str | None) -> int | None:
    """The list an administrator may change: the province's (None) or one organisation's."""
    if user.role not in (Role.ORG_ADMIN, Role.PROVINCE_ADMIN):
        raise forbidden()
    if organisation is None:
        if user.role != Role.PROVINCE_ADMIN:
            return user.organisation_id  # an organisation's administrator: their own list
        return None
    org_id = session.scalar(select(Organisation.id).where(Organisation.code == organisation))
    if org_id is None or (user.role != Role.PROVINCE_ADMIN and org_id != user.organisation_id):
        raise not_found(f"đơn vị {organisation}", f"Organisation {organisation}")
    return org_id


@router.get("/trust", response_model=list[TrustEntryOut], responses=errors())
def trust_list(
    user: User = Depends(current_user), session: Session = Depends(get_session)
) -> list[TrustEntryOut]:
    """What this user's desktop client should trust besides its built-in anchors."""
    code = _organisation_code(session, user.organisation_id)
    return [
        TrustEntryOut(sha256=e.sha256, pem=e.pem, pki=e.pki.value, enabled=e.enabled, scope=e.scope)
        for e in trust.entries_for(session, user.organisation_id, code)
    ]


@router.post(
    "/admin/trust",
    response_model=TrustEntryOut,
    status_code=201,
    responses=errors(403, 404),
)
def add_certificate(
    body: TrustCertificateCreate,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> TrustEntryOut:
    scope = _scope(session, user, body.organisation)
    row, _ = trust.add_certificate(session, body.pem, trust.Pki(body.pki), scope, user)
    audit(session, user, "trust_add", None, f"{_organisation_code(session, scope)} {row.sha256}")
    session.commit()
    return _out(session, row)


@router.patch("/admin/trust/{sha256}", response_model=TrustEntryOut, responses=errors(403, 404))
def set_enabled(
    body: TrustCertificatePatch,
    sha256: str = Sha256,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
) -> TrustEntryOut:
    scope = _scope(session, user, body.organisation)
    row = trust.set_enabled(session, sha256, body.enabled, scope, user)
    action = "trust_enable" if body.enabled else "trust_disable"
    audit(session, user, action, None, f"{_organisation_code(session, scope)} {row.sha256}")
    session.commit()
    return _out(session, row)
