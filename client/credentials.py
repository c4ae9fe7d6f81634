"""Saved sign-in: server URL and username in a settings file, the bearer
token in the OS keyring — never a password.

Where a machine has no keyring, the user chooses explicitly: keep the token
in a file only they can read (``TokenStore.FILE``, 0600, with a warning), or
keep nothing and hand the token to scripts through ``VANTHU_SERVER`` and
``VANTHU_TOKEN`` (``vanthu login --print-token``).  There is no silent
plain-text fallback.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from base.errors import VanThuError
from base.paths import app_paths

from .api import ApiClient
from .errors import AuthError

__all__ = [
    "TokenStore",
    "SavedLogin",
    "load_login",
    "save_login",
    "forget_login",
    "saved_token",
    "authenticated_client",
    "KeyringUnavailable",
]

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "VanThuSo"


class TokenStore(StrEnum):
    KEYRING = "keyring"
    """The OS keyring (Windows Credential Manager, macOS Keychain, Secret Service)."""
    FILE = "file"
    """A file readable only by this user: chosen explicitly where there is no keyring."""


class KeyringUnavailable(VanThuError):
    title_vi = "Không lưu được đăng nhập"
    title_en = "Cannot remember the sign-in"
    message_vi = (
        "Máy này không có kho mật khẩu của hệ điều hành (keyring). Hãy chọn: "
        "“vanthu login --store file” (lưu mã đăng nhập trong tệp chỉ bạn đọc được) hoặc "
        "“vanthu login --print-token” rồi đặt biến VANTHU_SERVER và VANTHU_TOKEN."
    )
    message_en = (
        "No OS keyring is available on this machine. Choose: 'vanthu login --store file' (keeps the "
        "sign-in token in a file only you can read) or 'vanthu login --print-token' and set "
        "VANTHU_SERVER and VANTHU_TOKEN."
    )


@dataclass(frozen=True)
class SavedLogin:
    server: str
    username: str
    ca_bundle: str | None = None
    store: TokenStore = TokenStore.KEYRING
    allow_insecure_http: bool = False
    """The user confirmed a plain http:// server that is not this machine."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "store", TokenStore(self.store))


def _settings_file() -> Path:
    return app_paths().ensure().config / "login.json"


def _token_file() -> Path:
    return app_paths().ensure().config / "login-token"


def _write_private(path: Path, text: str) -> None:
    """Write atomically, readable by this user only (0600 from the start, never briefly wider)."""
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def load_login() -> SavedLogin | None:
    path = _settings_file()
    if not path.exists():
        return None
    try:
        return SavedLogin(**json.loads(path.read_text("utf-8")))
    except (ValueError, TypeError):
        logger.warning("ignoring unreadable %s", path)
        return None


def _keyring_key(login: SavedLogin) -> str:
    return f"{login.username}@{login.server}"


def save_login(login: SavedLogin, token: str) -> None:
    """Remember the server and user, and the token where the user chose."""
    if login.store is TokenStore.KEYRING:
        try:
            keyring.set_password(KEYRING_SERVICE, _keyring_key(login), token)
        except KeyringError as exc:
            raise KeyringUnavailable() from exc
        _token_file().unlink(missing_ok=True)
    else:
        _write_private(_token_file(), token)
        logger.warning(
            "the sign-in token is kept in %s (readable by this user only)", _token_file()
        )
    data = asdict(login) | {"store": str(login.store)}
    _write_private(_settings_file(), json.dumps(data, ensure_ascii=False, indent=2))


def saved_token(login: SavedLogin) -> str | None:
    if login.store is TokenStore.FILE:
        path = _token_file()
        return path.read_text("utf-8").strip() or None if path.exists() else None
    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_key(login))
    except KeyringError as exc:
        raise KeyringUnavailable() from exc


def forget_login() -> None:
    login = load_login()
    if login is not None and login.store is TokenStore.KEYRING:
        try:
            keyring.delete_password(KEYRING_SERVICE, _keyring_key(login))
        except KeyringError:
            logger.info("no keyring entry to delete")
    _token_file().unlink(missing_ok=True)
    _settings_file().unlink(missing_ok=True)


def authenticated_client() -> ApiClient:
    """An ``ApiClient`` from ``VANTHU_SERVER``/``VANTHU_TOKEN`` or the saved sign-in."""
    server, token = os.environ.get("VANTHU_SERVER"), os.environ.get("VANTHU_TOKEN")
    ca_bundle = os.environ.get("VANTHU_CA_BUNDLE")
    if server and token:
        insecure = os.environ.get("VANTHU_ALLOW_INSECURE_HTTP", "") == "1"
        return ApiClient(server, token=token, ca_bundle=ca_bundle, allow_insecure_http=insecure)
    login = load_login()
    if login is None:
        raise AuthError(
            "Chưa đăng nhập. Hãy chạy: vanthu login --server URL --username TÊN",
            "Not signed in. Run: vanthu login --server URL --username NAME",
        )
    token = saved_token(login)
    if not token:
        raise AuthError(
            "Phiên đăng nhập đã hết; hãy đăng nhập lại.", "The sign-in expired; log in again."
        )
    return ApiClient(
        login.server,
        token=token,
        ca_bundle=login.ca_bundle,
        allow_insecure_http=login.allow_insecure_http,
    )
