"""The trust store: the Vietnamese anchors by default, local changes, the verdict per PKI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509

from signing.pades import SignJob, sign_file
from signing.profiles import Mode
from signing.trust_store import AnchorSource, Pki, TrustAnchor, TrustListError, TrustStore
from signing.validation import validate_pdf
from tests.fixtures.server import ROOT

# Published by the operators; copied here by hand from ../shared/trust/README.md.
EXPECTED = {
    "RootCA chuyên dùng Chính phủ G2": (
        Pki.GOVERNMENT,
        "F0:4B:A4:B4:59:A7:C9:A1:B9:71:AD:9B:1C:B8:33:E6:95:A8:0C:79:AE:A6:3B:17:4B:66:A7:0E:DF:E2:FD:B8",
    ),
    "CA phục vụ các cơ quan Nhà nước G2": (
        Pki.GOVERNMENT,
        "D8:CA:B7:A4:AE:F9:2E:6B:B2:50:9D:7C:61:CE:E7:B4:4F:37:31:B2:D2:10:74:96:35:30:27:7B:36:6F:AE:4B",
    ),
    "Vietnam National Root CA": (
        Pki.PUBLIC,
        "BA:C8:BF:60:9A:B4:20:A8:EE:17:80:D7:4F:4D:E5:C7:F7:18:49:59:D2:A7:37:5B:0A:75:E4:C2:9F:09:08:E7",
    ),
    "VNPT-CA SHA2": (
        Pki.PUBLIC,
        "7D:6B:A5:24:53:17:F9:ED:5D:8B:C7:65:A4:63:4D:26:AC:63:40:D3:6B:9F:58:4D:F3:B5:2D:9C:4A:81:A3:06",
    ),
}


def test_the_default_store_is_exactly_the_vietnamese_anchors(tmp_path: Path) -> None:
    anchors = TrustStore(tmp_path / "trust.json").anchors()
    assert {a.name: (a.pki, a.fingerprint) for a in anchors} == EXPECTED
    assert all(a.enabled and a.source is AnchorSource.BUILT_IN for a in anchors)
    assert not any("Test" in a.name or "Demo" in a.name or "demo" in a.name for a in anchors)


def test_local_changes_persist_and_replace_keeps_the_old_one_disabled(
    tmp_path: Path, test_pki
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "trust.json"
    store = TrustStore(path)
    national = EXPECTED["Vietnam National Root CA"][1]
    store.set_enabled(national[:11], False)  # a prefix of 8+ hex digits is enough
    [added] = TrustStore(path).add(test_pki.root_pem.read_bytes(), "root.pem")
    assert added.pki is Pki.OTHER  # an unknown self-signed root belongs to no known PKI
    again = {a.fingerprint: a for a in TrustStore(path).anchors()}
    assert not again[national].enabled and again[added.fingerprint].enabled
    assert again[added.fingerprint].source is AnchorSource.LOCAL
    TrustStore(path).replace_anchor(
        added.fingerprint, (ROOT / "resources/trust/vnpt-ca-sha2.pem").read_bytes(), "x.pem"
    )
    assert not {a.fingerprint: a for a in TrustStore(path).anchors()}[added.fingerprint].enabled
    with pytest.raises(TrustListError) as unknown:
        TrustStore(path).set_enabled("12", False)
    assert unknown.value.message("vi") != unknown.value.message("en")


def test_the_organisation_list_can_disable_a_built_in_and_add_a_root(
    tmp_path: Path, test_pki
) -> None:  # type: ignore[no-untyped-def]
    store = TrustStore(tmp_path / "trust.json")
    national_pem = (ROOT / "resources/trust/vietnam-national-root-ca.pem").read_text("ascii")
    store.set_organisation_list(
        [
            (national_pem, Pki.PUBLIC, False),
            (test_pki.root_pem.read_text("ascii"), Pki.GOVERNMENT, True),
        ]
    )
    anchors = {a.name: a for a in TrustStore(tmp_path / "trust.json").anchors()}
    assert not anchors["Vietnam National Root CA"].enabled
    test_root = [a for a in anchors.values() if a.source is AnchorSource.ORGANISATION]
    assert len(test_root) == 1 and test_root[0].pki is Pki.GOVERNMENT


def _certificate(test_pki, name: str) -> asn1_x509.Certificate:  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.serialization import Encoding

    return asn1_x509.Certificate.load(test_pki.cert(name).public_bytes(Encoding.DER))


def _anchor(cert: asn1_x509.Certificate, pki: Pki, enabled: bool = True) -> TrustAnchor:
    return TrustAnchor(cert, pki, AnchorSource.LOCAL, enabled)


def test_verify_names_the_pki_and_why_a_signature_is_not_trusted(
    letter, open_signer, profile, root_cert, test_pki, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    signed = sign_file(
        SignJob(letter, tmp_path / "ky.pdf", Mode.APPROVE),
        open_signer("01"),
        profile,
        dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
    )
    [government] = validate_pdf(signed, [root_cert], anchors=[_anchor(root_cert, Pki.GOVERNMENT)])
    assert government.trusted and government.pki == "government"
    assert any("chuyên dùng Chính phủ" in line for line in government.details_vi)
    assert any("government" in line for line in government.details_en)
    [own] = validate_pdf(signed, [root_cert], anchors=[])
    assert own.trusted and own.pki == "profile"
    [untrusted] = validate_pdf(signed, [], anchors=[])
    assert not untrusted.trusted and untrusted.pki == ""
    assert any(
        "Văn thư số Test Issuing CA" in line and "không dẫn tới" in line
        for line in untrusted.details_vi
    )
    issuing = _anchor(_certificate(test_pki, "interm"), Pki.GOVERNMENT, enabled=False)
    [disabled] = validate_pdf(signed, [], anchors=[issuing])
    assert any("đã bị tắt" in line for line in disabled.details_vi)
