"""Signing fixtures: official letters, demo images, profiles and an opened token signer."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from services.letters import OfficialLetter, render_letter_pdf
from signing.backends import ActiveSigner, TokenBackend
from signing.profiles import Level, SigningProfile
from tests.conftest import require_tool


def make_letter(
    path: Path, pages: int = 1, title: str = "PHÓ CHỦ TỊCH", name: str = "Trần Quốc Việt"
) -> Path:
    letter = OfficialLetter(
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "   /QĐ-UBND",
        "Hà Tĩnh, ngày 24 tháng 11 năm 2026",
        "QUYẾT ĐỊNH",
        "Về việc phê duyệt kế hoạch sử dụng đất đai năm 2026",
        (
            "Căn cứ Luật Đất đai năm 2024; theo đề nghị của Giám đốc Sở Tài nguyên và Môi trường.",
            "Quyết định này có hiệu lực kể từ ngày ký.",
        ),
        "KT. CHỦ TỊCH",
        title,
        name,
        ("Như trên", "Lưu: VT, NL"),
        pages,
    )
    path.write_bytes(render_letter_pdf(letter))
    return path


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    return make_letter(tmp_path / "quyết định.pdf")


@pytest.fixture
def profile(images, test_pki) -> SigningProfile:
    return SigningProfile(
        name="test",
        level=Level.B_T,
        tsa_url=test_pki.tsa_url,
        signature_image=str(images[0]),
        seal_image=str(images[1]),
        trust_roots=(str(test_pki.root_pem),),
        organisation_name="Văn phòng UBND tỉnh Hà Tĩnh",
    )


@pytest.fixture
def open_signer(softhsm_token):  # type: ignore[no-untyped-def]
    """Factory: an ActiveSigner for a key id, closed at teardown."""
    stack = []

    def open_(key_id: str = "01") -> ActiveSigner:
        backend = TokenBackend(softhsm_token.module_path, softhsm_token.token_label, key_id)
        context = backend.open(softhsm_token.user_pin)
        stack.append(context)
        return context.__enter__()

    yield open_
    for context in reversed(stack):
        context.__exit__(None, None, None)


def pdfsig(path: Path) -> str:
    """Poppler's independent verdict on every signature."""
    tool = require_tool("pdfsig")
    return subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60).stdout


@pytest.fixture
def root_cert(test_pki):  # type: ignore[no-untyped-def]
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    return asn1_x509.Certificate.load(test_pki.cert("root").public_bytes(Encoding.DER))
