"""Everything a signed-in window needs, opened off the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from client.api import ApiClient
from client.cache import CacheStore, FileCache, Outbox, cache_path
from client.credentials import KeyringUnavailable, SavedLogin, save_login
from client.paths import app_paths
from client.records import User

__all__ = ["AppSession", "open_session"]

logger = logging.getLogger(__name__)


@dataclass
class AppSession:
    client: ApiClient
    user: User
    store: CacheStore
    files: FileCache
    outbox: Outbox
    online: bool = True


def open_session(server: str, username: str, password: str, ca_bundle: str | None = None,
                 remember: bool = False, cache_mb: int = 2048) -> AppSession:
    """Log in, open the account's cache; keeps the token in the keyring when asked."""
    client = ApiClient(server, ca_bundle=ca_bundle or None)
    result = client.login(username, password)
    if remember:
        try:
            save_login(SavedLogin(server, username, ca_bundle or None), result.access_token)
        except KeyringUnavailable:
            logger.warning("no keyring: the sign-in is not remembered")
    store = CacheStore(cache_path(server, username))
    data = app_paths().ensure().data
    files = FileCache(store, data / "files", max_bytes=cache_mb * 1024 * 1024)
    return AppSession(client, result.user, store, files, Outbox(store, data / "outbox"))
