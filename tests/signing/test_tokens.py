"""Token discovery, PIN handling and certificate selection on a real SoftHSM2."""

from __future__ import annotations

import pytest

from signing.errors import ModuleLoadError, PinIncorrect, PinLocked, PinRequired, TokenNotFound
from signing.modules import discover_modules, load_module
from signing.tokens import TokenSession, list_tokens
from tests.fixtures.token import LOCKED_LABEL


def test_lists_token_and_certificates(softhsm_token) -> None:
    tokens = list_tokens(softhsm_token.module_path)
    assert softhsm_token.token_label in [t.label for t in tokens]
    with TokenSession(
        softhsm_token.module_path, softhsm_token.token_label, softhsm_token.user_pin
    ) as session:
        certs = {c.key_id: c for c in session.certificates() if c.has_private_key}
    assert certs["01"].label == certs["02"].label == "Trần Quốc Việt"  # duplicate labels…
    assert certs["01"].key_type == "RSA" and certs["02"].key_type == "EC"  # …told apart by CKA_ID
    assert certs["01"].non_repudiation and certs["01"].issuer_cn == "Văn thư số Test Issuing CA"
    assert certs["04"].validity_problem() is not None and certs["01"].validity_problem() is None
    assert certs["05"].always_authenticate


def test_wrong_pin_is_specific_error_and_never_retried(softhsm_token) -> None:
    with pytest.raises(PinIncorrect) as info:
        TokenSession(softhsm_token.module_path, softhsm_token.token_label, "000000").__enter__()
    assert "Sai mã PIN" in info.value.message("vi")
    # The right PIN still works: nothing retried behind the user's back.
    with TokenSession(softhsm_token.module_path, softhsm_token.token_label, softhsm_token.user_pin):
        pass


def test_locked_token_is_reported_before_any_login(softhsm_token) -> None:
    with pytest.raises(PinLocked) as info:
        TokenSession(softhsm_token.module_path, LOCKED_LABEL, "111111").__enter__()
    assert "khoá" in info.value.message("vi") and "locked" in info.value.message("en")


def test_missing_token_and_bad_module(softhsm_token, tmp_path) -> None:
    with pytest.raises(TokenNotFound):
        TokenSession(softhsm_token.module_path, "Không có token này", "1").__enter__()
    fake = tmp_path / "viettel-ca_v6.so"
    fake.write_bytes(b"\x7fELF\x01\x01\x01" + b"\0" * 100)  # a truncated 32-bit ELF
    with pytest.raises(ModuleLoadError) as info:
        load_module(str(fake))
    assert str(fake) in info.value.message("vi")


def test_discovery_includes_softhsm_and_user_paths(softhsm_token) -> None:
    found = discover_modules(("/opt/vendor/custom.so",))
    assert any(m.path == softhsm_token.module_path and m.present for m in found)
    assert found[-1].path == "/opt/vendor/custom.so" and not found[-1].present


def test_no_pin_for_a_token_without_pin_pad_is_a_clear_error(softhsm_token) -> None:
    # SoftHSM has no protected authentication path: logging in without a PIN must not be tried.
    [info] = [
        t for t in list_tokens(softhsm_token.module_path) if t.label == softhsm_token.token_label
    ]
    assert info.flags.login_required and not info.flags.protected_auth_path
    with pytest.raises(PinRequired) as caught:
        TokenSession(softhsm_token.module_path, softhsm_token.token_label, None).__enter__()
    assert "PIN" in caught.value.message("vi")
