"""Passwords, bearer tokens and the login rate limit.

Passwords are argon2 hashes; tokens are random and stored only as their
sha256, so a leaked database never yields a usable token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .config import ThrottlePolicy

__all__ = [
    "hash_password",
    "verify_password",
    "verify_unknown_user",
    "new_token",
    "token_digest",
    "LoginLimiter",
    "ThrottlePolicy",
]

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    return _hasher.hash("no such user: the same work as a real check")  # once, on first need


def verify_unknown_user(password: str) -> None:
    """Spend the time a real password check takes, so an unknown name answers no faster."""
    verify_password(_dummy_hash(), password)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def expiry(ttl_seconds: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=ttl_seconds)


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


class LoginLimiter:
    """Growing delays after failed logins, per user, per address and per pair.

    A delay (``Retry-After``) rather than a lockout: the real user, from their own
    address, waits at most ``user_cap_seconds`` however hard someone else guesses.
    Addresses are the client's socket address unless the server was told which
    proxies to believe (``serve --forwarded-allow-ips``), so a forged
    ``X-Forwarded-For`` resets nothing.
    """

    def __init__(self, policy: ThrottlePolicy | None = None) -> None:
        self.policy = policy or ThrottlePolicy()
        self._failures: dict[tuple[str, str], _Failures] = defaultdict(_Failures)
        self._lock = threading.Lock()

    def _keys(self, username: str, address: str) -> list[tuple[tuple[str, str], int, float]]:
        p, user = self.policy, username.strip().lower()
        return [
            (("pair", f"{user}\x00{address}"), p.pair_free, p.cap_seconds),
            (("user", user), p.user_free, p.user_cap_seconds),
            (("address", address), p.address_free, p.cap_seconds),
        ]

    def _delay(self, failures: _Failures, free: int, cap: float, now: float) -> float:
        if failures.count < free or now - failures.last > self.policy.forget_seconds:
            return 0.0
        step = min(cap, 2.0 ** (failures.count - free))
        return max(0.0, failures.last + step - now)

    def retry_after(self, username: str, address: str) -> int:
        """Seconds to wait before the next attempt, or 0 when it may go ahead now."""
        now = time.monotonic()
        with self._lock:
            waits = [
                self._delay(self._failures[key], free, cap, now)
                for key, free, cap in self._keys(username, address)
                if key in self._failures
            ]
        longest = max(waits, default=0.0)
        return int(longest) + 1 if longest > 0 else 0

    def failed(self, username: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key, _free, _cap in self._keys(username, address):
                entry = self._failures[key]
                if now - entry.last > self.policy.forget_seconds:
                    entry.count = 0
                entry.count += 1
                entry.last = now

    def succeeded(self, username: str, address: str) -> None:
        """The right password: that user's counters start over (the address's do not)."""
        with self._lock:
            for key, _free, _cap in self._keys(username, address)[:2]:
                self._failures.pop(key, None)
