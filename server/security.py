"""Passwords, bearer tokens and the login rate limit.

Passwords are argon2 hashes; tokens are random and stored only as their
sha256, so a leaked database never yields a usable token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from functools import cache
from typing import cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Table, and_, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .account_rules import canonical_username
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


@dataclass(frozen=True)
class _Seen:
    count: int
    last_at: dt.datetime


class LoginLimiter:
    """Growing delays after failed logins, per user, per address and per pair.

    A delay (``Retry-After``) rather than a lockout: the real user, from their own
    address, waits at most ``user_cap_seconds`` however hard someone else guesses.
    Addresses are the client's socket address unless the server was told which
    proxies to believe (``serve --forwarded-allow-ips``), so a forged
    ``X-Forwarded-For`` resets nothing. The counts live in the database (``login_failures``),
    so every worker and every server machine throttles the same guesser.

    Guesses at one account are counted when they are let in (``admit``), before the password
    is checked, by a compare-and-set on the user's and the pair's keys: a hundred guesses sent
    at once, to any workers, are judged one after the other, each on the count the ones before
    it left — judged first and counted after the slow password check, they all went through. A
    right password clears those two keys (``succeeded``). The address's key counts failures
    only (``failed``): an office behind one address signs everyone in at eight, and its logins
    in flight must not look like an attack.
    """

    def __init__(self, policy: ThrottlePolicy | None = None) -> None:
        self.policy = policy or ThrottlePolicy()

    def _keys(self, username: str, address: str) -> list[tuple[str, str, int, float]]:
        p, user = self.policy, canonical_username(username)[:200]
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

    def admit(self, session: Session, username: str, address: str) -> int:
        """Seconds to wait before trying again (nothing counted), or 0: the attempt may go
        ahead and is counted now (the caller commits before checking the password)."""
        now = _now()
        forgotten = now - dt.timedelta(seconds=self.policy.forget_seconds)
        session.execute(delete(LoginFailure).where(LoginFailure.last_at < forgotten))
        keys = self._keys(username, address)
        while True:
            rows = self._rows(session, keys)
            waits = [
                self._delay(row.count, row.last_at, free, cap, now)
                for kind, key, free, cap in keys
                if (row := rows.get((kind, key))) is not None
            ]
            if (longest := max(waits, default=0.0)) > 0:
                return int(longest) + 1
            with session.begin_nested() as attempt:
                per_account = keys[:2]  # the pair, the user
                if all(self._count(session, kind, key, rows, now) for kind, key, *_ in per_account):
                    return 0
                attempt.rollback()  # another attempt counted first: judge again on its count

    def _rows(
        self, session: Session, keys: list[tuple[str, str, int, float]]
    ) -> dict[tuple[str, str], _Seen]:
        wanted = or_(*(and_(LoginFailure.kind == k, LoginFailure.key == v) for k, v, *_ in keys))
        found = session.execute(
            select(
                LoginFailure.kind, LoginFailure.key, LoginFailure.count, LoginFailure.last_at
            ).where(wanted)
        )
        return {(kind, key): _Seen(count, last_at) for kind, key, count, last_at in found}

    def _count(
        self,
        session: Session,
        kind: str,
        key: str,
        seen: dict[tuple[str, str], _Seen],
        now: dt.datetime,
    ) -> bool:
        """One more on ``key`` if it still holds what was seen (False: someone was faster)."""
        table = cast(Table, LoginFailure.__table__)
        row = seen.get((kind, key))
        if row is None:
            dialect = session.get_bind().dialect.name
            insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
            added = (
                insert(table)
                .values(kind=kind, key=key, count=1, last_at=now)
                .on_conflict_do_nothing(index_elements=["kind", "key"])
            )
            return session.execute(added.returning(table.c.count)).first() is not None
        changed = (
            update(table)
            .where(table.c.kind == kind, table.c.key == key, table.c.count == row.count)
            .values(count=row.count + 1, last_at=now)
        )
        return session.execute(changed.returning(table.c.count)).first() is not None

    def failed(self, session: Session, username: str, address: str) -> None:
        """A wrong password: one more failure from this address (the account's keys counted the
        attempt when it was let in). The caller commits."""
        _pair, _user, (kind, key, *_) = self._keys(username, address)
        table = cast(Table, LoginFailure.__table__)
        dialect = session.get_bind().dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        now = _now()
        session.execute(
            insert(table)
            .values(kind=kind, key=key, count=1, last_at=now)
            .on_conflict_do_update(
                index_elements=["kind", "key"], set_={"count": table.c.count + 1, "last_at": now}
            )
        )

    def succeeded(self, session: Session, username: str, address: str) -> None:
        """The right password: that user's counters start over (the address's do not)."""
        for kind, key, *_ in self._keys(username, address)[:2]:
            session.execute(
                delete(LoginFailure).where(LoginFailure.kind == kind, LoginFailure.key == key)
            )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
