"""Passwords, bearer tokens and the login rate limit.

Passwords are argon2 hashes; tokens are random and stored only as their
sha256, so a leaked database never yields a usable token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from functools import cache
from typing import cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Table, and_, delete, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .config import ThrottlePolicy
from .models import LoginFailure

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


class LoginLimiter:
    """Growing delays after failed logins, per user, per address and per pair.

    A delay (``Retry-After``) rather than a lockout: the real user, from their own
    address, waits at most ``user_cap_seconds`` however hard someone else guesses.
    Addresses are the client's socket address unless the server was told which
    proxies to believe (``serve --forwarded-allow-ips``), so a forged
    ``X-Forwarded-For`` resets nothing. The counts live in the database (``login_failures``),
    so every worker and every server machine throttles the same guesser; a failure is one
    atomic upsert per key, so concurrent guesses on different workers are all counted.
    """

    def __init__(self, policy: ThrottlePolicy | None = None) -> None:
        self.policy = policy or ThrottlePolicy()

    def _keys(self, username: str, address: str) -> list[tuple[str, str, int, float]]:
        p, user = self.policy, username.strip().lower()[:200]
        return [
            ("pair", f"{user}\t{address}", p.pair_free, p.cap_seconds),
            ("user", user, p.user_free, p.user_cap_seconds),
            ("address", address[:200], p.address_free, p.cap_seconds),
        ]

    def _delay(
        self, count: int, last: dt.datetime, free: int, cap: float, now: dt.datetime
    ) -> float:
        since = (now - last).total_seconds()
        if count < free or since > self.policy.forget_seconds:
            return 0.0
        step = min(cap, 2.0 ** (count - free))
        return max(0.0, step - since)

    def retry_after(self, session: Session, username: str, address: str) -> int:
        """Seconds to wait before the next attempt, or 0 when it may go ahead now."""
        now = _now()
        keys = self._keys(username, address)
        rows = {
            (row.kind, row.key): row
            for row in session.scalars(
                select(LoginFailure).where(
                    or_(
                        *(
                            and_(LoginFailure.kind == k, LoginFailure.key == v)
                            for k, v, _f, _c in keys
                        )
                    )
                )
            )
        }
        waits = [
            self._delay(row.count, row.last_at, free, cap, now)
            for kind, key, free, cap in keys
            if (row := rows.get((kind, key))) is not None
        ]
        longest = max(waits, default=0.0)
        return int(longest) + 1 if longest > 0 else 0

    def failed(self, session: Session, username: str, address: str) -> None:
        """Count one failure on every key (the caller commits)."""
        now = _now()
        forgotten = now - dt.timedelta(seconds=self.policy.forget_seconds)
        session.execute(delete(LoginFailure).where(LoginFailure.last_at < forgotten))
        table = cast(Table, LoginFailure.__table__)
        dialect = session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        for kind, key, _free, _cap in self._keys(username, address):
            statement = insert(table).values(kind=kind, key=key, count=1, last_at=now)
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=["kind", "key"],
                    set_={"count": table.c.count + 1, "last_at": now},
                )
            )

    def succeeded(self, session: Session, username: str, address: str) -> None:
        """The right password: that user's counters start over (the address's do not)."""
        for kind, key, _free, _cap in self._keys(username, address)[:2]:
            session.execute(
                delete(LoginFailure).where(LoginFailure.kind == kind, LoginFailure.key == key)
            )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
