"""An organisation's exchange settings that an administrator sets — from the API, the admin
page or ``admin org …`` on the server: its national agency code and the certificate its
envelopes are signed with."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from edxml.errors import EdxmlError
from edxml.identifier import check_organ_id
from edxml.signature import load_pkcs12

from ..errors import ApiProblem
from ..models import Organisation
from .secrets import save_secret

__all__ = ["set_agency_code", "set_signing_certificate"]


def set_agency_code(session: Session, org: Organisation, code: str) -> str | None:
    """Check and set the code (unique across the server); the previous one."""
    try:
        code = check_organ_id(code)
    except EdxmlError as exc:
        raise ApiProblem(422, exc.message("vi"), exc.message("en"), code="bad_agency_code") from exc
    taken = session.scalar(
        select(Organisation.id).where(Organisation.agency_code == code, Organisation.id != org.id)
    )
    if taken is not None:
        raise ApiProblem(
            409,
            f"Mã định danh {code} đã thuộc về đơn vị khác.",
            f"The agency code {code} belongs to another organisation.",
            code="agency_code_taken",
        )
    before, org.agency_code = org.agency_code, code
    return before


def set_signing_certificate(
    data_dir: Path, org: Organisation, p12: bytes, password: bytes | None
) -> str:
    """Keep the organisation's PKCS#12 (0600) once it opens with ``password``; the subject of
    its certificate. Outgoing envelopes are signed with it from now on."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "org.p12"
        path.write_bytes(p12)
        try:
            _key, certificates = load_pkcs12(path, password)
        except EdxmlError as exc:
            raise ApiProblem(422, exc.message("vi"), exc.message("en"), code="bad_pkcs12") from exc
    save_secret(data_dir, org.id, "p12", p12)
    save_secret(data_dir, org.id, "p12-password", password or b"")
    return certificates[0].subject.rfc4514_string() if certificates else ""
