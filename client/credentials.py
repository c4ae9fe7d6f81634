"""Saved sign-in: server URL and username in a settings file, the bearer
token in the OS keyring — never a password, never a token in plain files.

Scripts and tests may pass ``VANTHU_SERVER`` and ``VANTHU_TOKEN`` instead.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from .api import ApiClient
from .errors import AuthError, VanThuError
from .paths import app_paths

__all__ = ["SavedLogin", "load_login", "save_login", "forget_login", "authenticated_client", "KeyringUnavailable"]

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "VanThuSo"


class KeyringUnavailable(VanThuError):
    title_vi = "Không lưu được đăng nhập"
    title_en = "Cannot remember the sign-in"
    message_vi = ("Máy này không có kho mật khẩu của hệ điều hành (keyring); phiên đăng nhập chỉ dùng "
                  "được trong lần chạy này.")
    message_en = "No OS keyring is available; the sign-in lasts only for this run."


@dataclass(frozen=True)
class SavedLogin:
    server: str
    username: str
    ca_bundle: str | None = None


def _settings_file() -> Path:
    return app_paths().ensure().config / "login.json"


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
    """Remember the server and user; the token goes to the keyring only."""
    path = _settings_file()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(login), ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, path)
    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_key(login), token)
    except KeyringError as exc:
        raise KeyringUnavailable() from exc


def forget_login() -> None:
    login = load_login()
    if login is not None:
        try:
            keyring.delete_password(KEYRING_SERVICE, _keyring_key(login))
        except KeyringError:
            pass
    _settings_file().unlink(missing_ok=True)


def authenticated_client() -> ApiClient:
    """An ``ApiClient`` from the environment or the saved sign-in."""
    server, token = os.environ.get("VANTHU_SERVER"), os.environ.get("VANTHU_TOKEN")
    ca_bundle = os.environ.get("VANTHU_CA_BUNDLE")
    if server and token:
        return ApiClient(server, token=token, ca_bundle=ca_bundle)
    login = load_login()
    if login is None:
        raise AuthError("Chưa đăng nhập. Hãy chạy: vanthu login --server URL --username TÊN",
                        "Not signed in. Run: vanthu login --server URL --username NAME")
    try:
        token = keyring.get_password(KEYRING_SERVICE, _keyring_key(login))
    except KeyringError as exc:
        raise KeyringUnavailable() from exc
    if not token:
        raise AuthError("Phiên đăng nhập đã hết; hãy đăng nhập lại.", "The sign-in expired; log in again.")
    return ApiClient(login.server, token=token, ca_bundle=login.ca_bundle)
