"""The mode and certificate a signing action starts with: pure rules, no token or server."""

from __future__ import annotations

import datetime as dt

import pytest

from client.records import Document
from services.signing_defaults import default_key_id, default_mode, mode_for
from signing.profiles import Mode, SigningProfile
from signing.tokens import CertificateInfo

NOW = dt.datetime.now(dt.UTC)
ORGANISATION = "Ủy ban nhân dân tỉnh Hà Tĩnh"


def _doc(status: str, direction: str = "outgoing") -> Document:
    return Document(id=1, direction=direction, status=status)


def _cert(key_id: str, cn: str, *, expired: bool = False) -> CertificateInfo:
    end = NOW - dt.timedelta(days=1) if expired else NOW + dt.timedelta(days=365)
    return CertificateInfo(
        key_id=key_id,
        label=cn,
        subject_cn=cn,
        subject_o="UBND tỉnh Hà Tĩnh",
        issuer_cn="CA",
        serial=key_id,
        not_before=NOW - dt.timedelta(days=400),
        not_after=end,
        key_type="RSA",
        non_repudiation=True,
        has_private_key=True,
        always_authenticate=False,
        der=b"",
    )


TOKEN = (_cert("01", "Trần Quốc Việt"), _cert("03", "ỦY BAN NHÂN DÂN  TỈNH HÀ TĨNH"))


@pytest.mark.parametrize(
    ("role", "status", "direction", "expected"),
    [
        ("clerk", "numbered", "outgoing", Mode.ISSUE),
        ("leader", "pending_signature", "outgoing", Mode.APPROVE),
        ("clerk", "pending_signature", "outgoing", None),  # the leader's to sign
        ("leader", "numbered", "outgoing", None),  # the clerk's to seal
        ("clerk", "signed", "outgoing", None),  # to number first
        ("clerk", "received", "incoming", None),
    ],
)
def test_the_mode_follows_the_step_the_person_may_take(
    role: str, status: str, direction: str, expected: Mode | None
) -> None:
    assert mode_for(role, _doc(status, direction)) is expected


def test_a_batch_starts_in_the_mode_all_its_documents_ask_for() -> None:
    assert default_mode("clerk", [_doc("numbered"), _doc("numbered")]) is Mode.ISSUE
    assert default_mode("clerk", [_doc("numbered"), _doc("draft")]) is Mode.APPROVE  # mixed
    assert default_mode("specialist", [_doc("draft")]) is Mode.APPROVE  # as before
    assert default_mode("leader", []) is Mode.APPROVE


def test_the_seal_uses_the_organisations_certificate() -> None:
    profile = SigningProfile(key_id="01")
    assert default_key_id(Mode.ISSUE, TOKEN, profile, ORGANISATION) == "03"  # by its name
    assert default_key_id(Mode.APPROVE, TOKEN, profile, ORGANISATION) == "01"
    assert default_key_id(Mode.COPY, TOKEN, profile, ORGANISATION) == "01"
    named = SigningProfile(key_id="01", seal_key_id="02")
    with_two = (*TOKEN, _cert("02", "Văn phòng UBND tỉnh"))
    assert default_key_id(Mode.ISSUE, with_two, named, ORGANISATION) == "02"  # configured wins
    assert default_key_id(Mode.ISSUE, TOKEN, named, ORGANISATION) == "03"  # not on this token
    assert default_key_id(Mode.ISSUE, TOKEN[:1], profile, ORGANISATION) == "01"  # none: as before
    renewed = (_cert("07", ORGANISATION, expired=True), *TOKEN)
    assert default_key_id(Mode.ISSUE, renewed, profile, ORGANISATION) == "03"  # a usable one
