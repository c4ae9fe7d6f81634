"""A signed-in account on this machine: the API client, the user, the local
cache, its downloaded files and its outbox, opened together in one place."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from base.errors import VanThuError
from base.paths import app_paths
from client.api import ApiClient, is_safe_url
from client.cache import CacheStore, FileCache, OfflineError, Outbox, cache_path
from client.credentials import (
    KeyringUnavailable,
    SavedLogin,
    TokenStore,
    authenticated_client,
    forget_login,
    load_login,
    save_login,
)
from client.errors import ServerUnavailable
from client.records import User

__all__ = [
    "Session",
    "open_session",
    "remember_login",
    "session_for",
    "resume_session",
    "sign_out",
    "DEFAULT_CACHE_MB",
]

logger = logging.getLogger(__name__)

DEFAULT_CACHE_MB = 2048
_USER_KEY = "session.user"


@dataclass
class Session:
    client: ApiClient
    user: User
    store: CacheStore
    files: FileCache
    outbox: Outbox
    online: bool = True


def session_for(
    client: ApiClient,
    user: User,
    cache_mb: int = DEFAULT_CACHE_MB,
    online: bool = True,
    store: CacheStore | None = None,
) -> Session:
    """The account's cache, files and outbox for an already signed-in client."""
    store = store or CacheStore(cache_path(client.base_url, user.username))
    store.index_secret = user.secret_in_offline_index
    with store.write() as conn:  # so a later start without network still knows who this is
        store.set_meta(conn, _USER_KEY, json.dumps(asdict(user), ensure_ascii=False))
    data = app_paths().ensure().data
    files = FileCache(store, data / "files", max_bytes=cache_mb * 1024 * 1024)
    return Session(client, user, store, files, Outbox(store, data / "outbox"), online)


def open_session(
    server: str,
    username: str,
    password: str,
    ca_bundle: str | None = None,
    remember: TokenStore | None = None,
    cache_mb: int = DEFAULT_CACHE_MB,
    allow_insecure_http: bool = False,
) -> Session:
    """Sign in; with ``remember`` the token is kept where the user chose (keyring or private file).
    A plain http:// server that is not this machine is refused unless the user confirmed it."""
    client = ApiClient(server, ca_bundle=ca_bundle or None, allow_insecure_http=allow_insecure_http)
    result = client.login(username, password)
    session = session_for(client, result.user, cache_mb)
    if remember is not None:
        try:
            remember_login(session, remember, ca_bundle)
        except KeyringUnavailable:
            client.logout()  # nothing half-remembered: the new token is revoked
            raise
    return session


def remember_login(session: Session, store: TokenStore, ca_bundle: str | None = None) -> None:
    """Keep this session's sign-in for the next start (raises ``KeyringUnavailable`` for the keyring)."""
    insecure = not is_safe_url(session.client.base_url)
    save_login(
        SavedLogin(
            session.client.base_url, session.user.username, ca_bundle or None, store, insecure
        ),
        session.client.token or "",
    )


def resume_session(cache_mb: int = DEFAULT_CACHE_MB) -> Session:
    """The saved sign-in (or ``VANTHU_SERVER``/``VANTHU_TOKEN``); works offline once the account was used here."""
    client = authenticated_client()
    try:
        return session_for(client, client.me(), cache_mb)
    except ServerUnavailable:
        path = _offline_cache(client.base_url)
        if path is not None:
            store = CacheStore(path)
            if saved := store.meta(_USER_KEY):
                return session_for(client, User(**json.loads(saved)), cache_mb, False, store)
            store.close()
        raise OfflineError(
            "Không kết nối được máy chủ và máy này chưa có dữ liệu của tài khoản.",
            "Cannot reach the server, and this machine has no data of the account yet.",
        ) from None


def _offline_cache(base_url: str) -> Path | None:
    """Which account's cache to open without the server: ``VANTHU_USERNAME``, the saved sign-in,
    or (a script signed in by ``VANTHU_TOKEN``) the only account this machine cached for the server."""
    login = load_login()
    username = os.environ.get("VANTHU_USERNAME") or (login.username if login else "")
    if username:
        path = cache_path(base_url, username)
        return path if path.exists() else None
    prefix = cache_path(base_url, "").stem
    cached = sorted(cache_path(base_url, "").parent.glob(f"{prefix}_*.sqlite"))
    return cached[0] if len(cached) == 1 else None


def sign_out(client: ApiClient | None = None) -> bool:
    """End the sign-in: revoke the token on the server, then forget it here whatever happens
    (offline, keyring gone, token already expired). True when the server confirmed the revocation;
    False means the token stays valid there until it expires, which the caller should say."""
    revoked = False
    try:
        active = client or authenticated_client()
        active.logout()
        revoked = True
    except VanThuError as exc:  # ApiError, KeyringUnavailable, AuthError (nothing saved)
        logger.info("server logout not confirmed (%s); forgetting the local sign-in anyway", exc)
    forget_login()
    return revoked
