"""The envelope's XML signature: verify it (never raising for a bad one) and make one.

A verdict, not a gate: a real package may carry a placeholder ``Signature`` (another namespace,
no certificate, a truncated one), an old RSA-SHA1 signature or an expired certificate; the
report says which, in both languages, and the caller decides. Verifying and signing load the
whole document into memory, so packages over ``VERIFY_LIMIT`` are NOT_CHECKED.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml.algorithms import DigestAlgorithm, SignatureMethod
from signxml.exceptions import InvalidDigest, SignXMLException
from signxml.exceptions import InvalidSignature as SignXmlInvalidSignature
from signxml.signer import XMLSigner
from signxml.verifier import SignatureConfiguration, XMLVerifier

from edxml._prolog import clean_document
from edxml._target import DSIG
from edxml.errors import EdxmlError, KeyFileError, MissingElement, NotPkcs12, WrongPassword
from edxml.records import NAMESPACE, SignatureReport, SignatureVerdict

__all__ = [
    "VERIFY_LIMIT",
    "PrivateKey",
    "verify",
    "sign",
    "load_pkcs12",
    "absent",
    "placeholder",
    "not_checked",
]

logger = logging.getLogger(__name__)

VERIFY_LIMIT = 64 * 1024 * 1024
"""Bytes: larger packages are not verified (the whole document would be held in memory)."""

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
_EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


class _Signer(XMLSigner):
    """signxml's signer re-parses the document; this parser allows large attachments."""

    @property
    def parser(self) -> etree.XMLParser:
        return _parser()


def absent() -> SignatureReport:
    """No signature: the records' default, so an unsigned package reads back equal."""
    return SignatureReport(SignatureVerdict.ABSENT)


def not_checked(size: int) -> SignatureReport:
    mb = size / 1024 / 1024
    return SignatureReport(
        SignatureVerdict.NOT_CHECKED,
        detail_vi=f"Không kiểm tra chữ ký: gói {mb:.0f} MB vượt giới hạn {VERIFY_LIMIT >> 20} MB",
        detail_en=f"Signature not checked: the {mb:.0f} MB package exceeds the "
        f"{VERIFY_LIMIT >> 20} MB limit",
    )


def placeholder(reason_vi: str, reason_en: str, signer: str = "") -> SignatureReport:
    return SignatureReport(
        SignatureVerdict.PLACEHOLDER,
        signer=signer,
        detail_vi=f"Phần tử Signature không phải chữ ký số thật: {reason_vi}",
        detail_en=f"The Signature element is not a real signature: {reason_en}",
    )


def _invalid(vi: str, en: str, signer: str = "") -> SignatureReport:
    return SignatureReport(SignatureVerdict.INVALID, signer=signer, detail_vi=vi, detail_en=en)


def _common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else cert.subject.rfc4514_string()
    return value.decode() if isinstance(value, bytes) else value


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def _leaf(certs: list[x509.Certificate]) -> x509.Certificate:
    """The signer: the certificate that issued none of the others."""
    for cert in certs:
        if not any(other is not cert and _issued_by(other, cert) for other in certs):
            return cert
    return certs[0]


def trusted(
    signer: x509.Certificate,
    chain: Sequence[x509.Certificate],
    roots: Sequence[x509.Certificate],
) -> bool:
    """The signer is a root, or is issued by one through the chain given in KeyInfo."""
    current, pool = signer, list(chain)
    for _ in range(len(pool) + 1):
        if any(current == root or _issued_by(current, root) for root in roots):
            return True
        parent = next((c for c in pool if c != current and _issued_by(current, c)), None)
        if parent is None:
            return False
        pool.remove(parent)
        current = parent
    return False


def _certificates(signature: etree._Element) -> list[x509.Certificate] | SignatureReport:
    texts = [
        "".join((el.text or "").split()) for el in signature.iter(f"{{{DSIG}}}X509Certificate")
    ]
    if not any(texts):
        return placeholder("không có chứng thư số (X509Certificate)", "it has no certificate")
    try:
        return [x509.load_der_x509_certificate(base64.b64decode(t)) for t in texts if t]
    except (ValueError, binascii.Error):
        return placeholder(
            "chứng thư số bị cắt cụt hoặc hỏng", "its certificate is truncated or unreadable"
        )


def _algorithms(signature: etree._Element) -> tuple[str, ...]:
    return tuple(
        el.get("Algorithm", "")
        for el in signature.iter(f"{{{DSIG}}}SignatureMethod", f"{{{DSIG}}}DigestMethod")
    )


def verify(path: Path, trust_roots: Sequence[x509.Certificate] = ()) -> SignatureReport:
    """The verdict on ``path``'s enveloped XML signature; never raises for a bad package."""
    try:
        size = path.stat().st_size
        if size > VERIFY_LIMIT:
            return not_checked(size)
        data = clean_document(path.read_bytes())
        root = etree.fromstring(data, _parser())
    except (EdxmlError, etree.XMLSyntaxError, OSError) as exc:
        return _invalid(
            f"Không kiểm tra được chữ ký: không đọc được gói ({exc})",
            f"The signature cannot be checked: the package cannot be read ({exc})",
        )
    found = [el for el in root.iter("{*}Signature") if isinstance(el.tag, str)]
    if not found:
        return absent()
    signature = next((el for el in found if etree.QName(el).namespace == DSIG), None)
    if signature is None:
        return placeholder(
            f"nằm trong không gian tên {etree.QName(found[0]).namespace or '(không có)'}, "
            "không phải XML-DSig",
            f"it is in the namespace {etree.QName(found[0]).namespace or '(none)'}, not XML-DSig",
        )
    certs = _certificates(signature)
    if isinstance(certs, SignatureReport):
        return certs
    uris = [r.get("URI") for r in signature.findall(f"{{{DSIG}}}SignedInfo/{{{DSIG}}}Reference")]
    if uris != [""]:
        return _invalid(
            'Chữ ký không bao trùm toàn bộ gói (cần đúng một Reference URI="")',
            'The signature does not cover the whole package (expected one Reference URI="")',
            _common_name(_leaf(certs)),
        )
    return _check(data, signature, certs, trust_roots)


def _check(
    data: bytes,
    signature: etree._Element,
    certs: list[x509.Certificate],
    roots: Sequence[x509.Certificate],
) -> SignatureReport:
    cert = _leaf(certs)
    who = _common_name(cert)
    now = dt.datetime.now(dt.UTC)
    at = min(max(now, cert.not_valid_before_utc), cert.not_valid_after_utc)
    config = SignatureConfiguration(
        signature_methods=frozenset(m for m in SignatureMethod if not m.name.startswith("HMAC")),
        digest_algorithms=frozenset(DigestAlgorithm),
        verification_time=at,
    )
    try:
        XMLVerifier().verify(data, x509_cert=cert, parser=_parser(), expect_config=config)
    except InvalidDigest:
        return _invalid(
            "Chữ ký không khớp: nội dung gói đã bị thay đổi sau khi ký",
            "The signature does not match: the package was changed after it was signed",
            who,
        )
    except SignXmlInvalidSignature as exc:
        return _invalid(
            f"Chữ ký không khớp với chứng thư của người ký ({exc})",
            f"The signature does not match the signer's certificate ({exc})",
            who,
        )
    except Exception as exc:  # noqa: BLE001 — a verdict, never an exception, whatever the input
        kind = "signxml" if isinstance(exc, SignXMLException) else type(exc).__name__
        return _invalid(
            f"Không kiểm tra được chữ ký ({kind}: {exc})",
            f"The signature cannot be checked ({kind}: {exc})",
            who,
        )
    return _valid(signature, cert, certs, roots, now)


def _valid(
    signature: etree._Element,
    cert: x509.Certificate,
    certs: list[x509.Certificate],
    roots: Sequence[x509.Certificate],
    now: dt.datetime,
) -> SignatureReport:
    """The VALID report, saying what the caller should still know: SHA-1, expiry, trust."""
    who = _common_name(cert)
    vi, en = [f"Chữ ký hợp lệ, người ký: {who}"], [f"Valid signature by {who}"]
    if any("sha1" in alg.lower() for alg in _algorithms(signature)):
        vi.append("dùng SHA-1 (thuật toán yếu, vẫn chấp nhận vì gói thực tế còn dùng)")
        en.append("uses SHA-1 (a weak algorithm, accepted because real packages still use it)")
    if now > cert.not_valid_after_utc:
        day = cert.not_valid_after_utc.date().isoformat()
        vi.append(f"chứng thư đã hết hạn ngày {day}")
        en.append(f"the certificate expired on {day}")
    is_trusted = trusted(cert, certs, roots) if roots else None
    if is_trusted is not None:
        vi.append(
            "chứng thư do tổ chức tin cậy cấp"
            if is_trusted
            else "chứng thư KHÔNG do tổ chức tin cậy cấp"
        )
        en.append(
            "issued by a trusted authority" if is_trusted else "NOT issued by a trusted authority"
        )
    return SignatureReport(
        SignatureVerdict.VALID,
        signer=who,
        detail_vi="; ".join(vi),
        detail_en="; ".join(en),
        trusted=is_trusted,
    )


def _atomic_write(dst: Path, data: bytes) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(name, dst)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def sign(src: Path, dst: Path, key: PrivateKey, certificates: Sequence[x509.Certificate]) -> None:
    """Sign ``src`` into ``dst``: an enveloped XML-DSig (exc-c14n, SHA-256) over the whole
    document, placed as the last child of edXMLHeader with the certificates in KeyInfo. Any
    earlier Signature there (a placeholder) is replaced. Loads the whole document."""
    if isinstance(key, rsa.RSAPrivateKey):
        algorithm = "rsa-sha256"
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        algorithm = "ecdsa-sha256"
    else:
        raise KeyFileError(
            "Chỉ ký được bằng khóa RSA hoặc EC", "Only RSA or EC keys can sign an edXML package"
        )
    root = etree.fromstring(clean_document(src.read_bytes()), _parser())
    header = root.find(f"{{{NAMESPACE}}}edXMLEnvelope/{{{NAMESPACE}}}edXMLHeader")
    if header is None:
        raise MissingElement(
            "Gói không có edXMLHeader để đặt chữ ký",
            "The package has no edXMLHeader to hold the signature",
            element="edXMLHeader",
        )
    for old in header.findall("{*}Signature"):
        header.remove(old)
    last = header[-1] if len(header) else None
    slot = etree.SubElement(header, f"{{{DSIG}}}Signature", Id="placeholder", nsmap={"ds": DSIG})
    if last is not None:
        slot.tail, last.tail = last.tail, header.text
    signer = _Signer(
        signature_algorithm=algorithm, digest_algorithm="sha256", c14n_algorithm=_EXC_C14N
    )
    signed = signer.sign(root, key=key, cert=list(certificates))
    _atomic_write(dst, etree.tostring(signed, xml_declaration=True, encoding="UTF-8"))


def load_pkcs12(path: Path, password: bytes | None) -> tuple[PrivateKey, list[x509.Certificate]]:
    """The key and its certificates (the key's own first) from a .p12/.pfx file."""
    data = path.read_bytes()
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password)
    except ValueError as exc:
        if _is_pkcs12(data):
            raise WrongPassword(
                f"Mật khẩu không mở được tệp khóa {path.name}",
                f"The password does not open the key file {path.name}",
            ) from exc
        raise NotPkcs12(
            f"{path.name} không phải tệp khóa PKCS#12 (.p12/.pfx)",
            f"{path.name} is not a PKCS#12 (.p12/.pfx) key file",
        ) from exc
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) or cert is None:
        raise NotPkcs12(
            f"Tệp {path.name} không chứa khóa RSA/EC cùng chứng thư số",
            f"{path.name} holds no RSA/EC key with its certificate",
        )
    return key, [cert, *extra]


def _is_pkcs12(data: bytes) -> bool:
    """A DER PFX: a SEQUENCE opening with ``INTEGER 3`` (read by hand: the server's install
    has no asn1crypto)."""
    if len(data) < 8 or data[0] != 0x30:
        return False
    head = 2 if data[1] < 0x80 else 2 + (data[1] & 0x7F)
    return data[head : head + 3] == b"\x02\x01\x03"
