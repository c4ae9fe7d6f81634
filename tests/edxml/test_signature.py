"""The XML signature: made and verified with throw-away keys; never an exception for a bad one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml.signer import XMLSigner

from edxml import (
    Envelope,
    NotPkcs12,
    SignatureVerdict,
    WrongPassword,
    load_pkcs12,
    read_package,
    sign,
    verify,
    write_envelope,
)
from tests.edxml.conftest import NEW, Variant, full_envelope

Key = rsa.RSAPrivateKey
NOW = dt.datetime.now(dt.UTC)


def _certificate(
    name: str, key: Key, issuer: tuple[str, Key] | None = None, *, ca: bool = False, days: int = 30
) -> x509.Certificate:
    issuer_name, issuer_key = issuer or (name, key)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_name)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=400))
        .not_valid_after(NOW + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )


@dataclass(frozen=True)
class Pki:
    root: x509.Certificate
    signer_key: Key
    signer: x509.Certificate
    other: x509.Certificate


@pytest.fixture(scope="module")
def pki() -> Pki:
    """A root CA and a signer it issued, plus an unrelated root."""
    root_key, signer_key, other_key = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(3)
    )
    root = _certificate("Root CA thử", root_key, ca=True)
    signer = _certificate("Nguyễn Văn Thư", signer_key, ("Root CA thử", root_key))
    return Pki(root, signer_key, signer, _certificate("Other CA", other_key, ca=True))


@pytest.fixture
def unsigned(tmp_path: Path) -> Path:
    path = tmp_path / "unsigned.edxml"
    write_envelope(full_envelope(tmp_path), path)
    return path


@pytest.fixture
def signed(tmp_path: Path, unsigned: Path, pki: Pki) -> Path:
    path = tmp_path / "signed.edxml"
    sign(unsigned, path, pki.signer_key, [pki.signer, pki.root])
    return path


def test_unsigned_is_absent(unsigned: Path) -> None:
    assert verify(unsigned).verdict is SignatureVerdict.ABSENT


def test_signed_is_valid_and_trusted(signed: Path, pki: Pki, spool: Path) -> None:
    report = verify(signed, [pki.root])
    assert report.verdict is SignatureVerdict.VALID and report.trusted is True
    assert report.signer == "Nguyễn Văn Thư" and "Nguyễn Văn Thư" in report.detail_vi
    assert verify(signed, [pki.other]).trusted is False
    assert verify(signed).trusted is None
    env = read_package(signed, spool)
    assert isinstance(env, Envelope) and env.signature.verdict is SignatureVerdict.VALID
    assert env.problems == ()
    header = etree.parse(str(signed)).getroot()[0][0]
    assert etree.QName(header[-1]).localname == "Signature", "last child of edXMLHeader"


def test_one_changed_character_makes_it_invalid(signed: Path, variant: Variant) -> None:
    subject = "V/v tăng cường phòng, chống dịch bệnh mùa hè".encode()
    changed = variant(signed, (subject, subject.replace(b"h\xc3\xa8", b"he")))
    report = verify(changed)
    assert report.verdict is SignatureVerdict.INVALID
    assert "changed" in report.detail_en and report.detail_vi


def test_a_signature_over_part_of_the_package_is_invalid(signed: Path, variant: Variant) -> None:
    path = variant(signed, (b'Reference URI=""', b'Reference URI="#x"'))
    assert verify(path).verdict is SignatureVerdict.INVALID


def test_resigning_replaces_the_placeholder(tmp_path: Path, pki: Pki) -> None:
    out = tmp_path / "resigned.edxml"
    sign(NEW, out, pki.signer_key, [pki.signer])
    assert verify(out).verdict is SignatureVerdict.VALID
    found = list(etree.parse(str(out)).getroot().iter("{*}Signature"))
    assert [etree.QName(s).namespace for s in found] == ["http://www.w3.org/2000/09/xmldsig#"]


def test_sha1_is_accepted_and_said(tmp_path: Path, unsigned: Path, pki: Pki) -> None:
    class Sha1Signer(XMLSigner):
        def check_deprecated_methods(self) -> None:
            """Real packages are signed with rsa-sha1; make one."""

    root = etree.parse(str(unsigned)).getroot()
    header = root[0][0]
    etree.SubElement(header, "{http://www.w3.org/2000/09/xmldsig#}Signature", Id="placeholder")
    signed = Sha1Signer(
        signature_algorithm="rsa-sha1",
        digest_algorithm="sha1",
        c14n_algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    ).sign(root, key=pki.signer_key, cert=[pki.signer])
    path = tmp_path / "sha1.edxml"
    path.write_bytes(etree.tostring(signed, xml_declaration=True, encoding="UTF-8"))
    report = verify(path)
    assert report.verdict is SignatureVerdict.VALID
    assert "SHA-1" in report.detail_en and "SHA-1" in report.detail_vi


def test_an_expired_certificate_is_said(tmp_path: Path, unsigned: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    old = _certificate("Cán bộ cũ", key, days=-10)
    out = tmp_path / "old.edxml"
    sign(unsigned, out, key, [old])
    report = verify(out)
    assert report.verdict is SignatureVerdict.VALID and "expired" in report.detail_en


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        ((b"<Signature>", b'<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">'), "truncated"),
        (
            (
                b"<X509Certificate>MIIFqTCCBJG</X509Certificate>",
                b"<X509Certificate> </X509Certificate>",
            ),
            "namespace",
        ),
    ],
)
def test_placeholders(
    variant: Variant, spool: Path, edit: tuple[bytes, bytes], reason: str
) -> None:
    path = variant(NEW, edit)
    report = verify(path)
    assert report.verdict is SignatureVerdict.PLACEHOLDER and reason in report.detail_en
    env = read_package(path, spool)
    assert isinstance(env, Envelope) and env.signature == report


def test_no_certificate_in_xmldsig(variant: Variant) -> None:
    path = variant(
        NEW,
        (b"<Signature>", b'<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">'),
        (b"<X509Certificate>MIIFqTCCBJG</X509Certificate>", b""),
    )
    report = verify(path)
    assert report.verdict is SignatureVerdict.PLACEHOLDER and "no certificate" in report.detail_en


def test_verify_never_raises(tmp_path: Path) -> None:
    for content in (b"", b"%PDF-1.7", b"<edXML", b'<!DOCTYPE x [<!ENTITY a "b">]><x/>'):
        path = tmp_path / "bad.edxml"
        path.write_bytes(content)
        report = verify(path)
        assert report.verdict is SignatureVerdict.INVALID and report.detail_vi and report.detail_en
    assert verify(tmp_path / "missing.edxml").verdict is SignatureVerdict.INVALID


def test_pkcs12(tmp_path: Path, pki: Pki) -> None:
    path = tmp_path / "key.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"thu",
            pki.signer_key,
            pki.signer,
            [pki.root],
            serialization.BestAvailableEncryption(b"mat-khau"),
        )
    )
    key, certs = load_pkcs12(path, b"mat-khau")
    assert certs == [pki.signer, pki.root]
    assert key.public_key().public_numbers() == pki.signer_key.public_key().public_numbers()
    with pytest.raises(WrongPassword) as wrong:
        load_pkcs12(path, b"sai")
    assert "key.p12" in wrong.value.message("en") and wrong.value.message("vi")
    path.write_bytes(b"%PDF-1.7 not a key")
    with pytest.raises(NotPkcs12):
        load_pkcs12(path, b"mat-khau")
