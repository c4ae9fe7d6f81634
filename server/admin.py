"""Organisations and accounts: the operations behind ``vanthu admin`` and the admin API.

One module for both front ends, so a CSV import from the command line and a
user added in the desktop app pass the same checks: a known role, an
existing organisation, a unique user name, a password of at least 8
characters.  An import is all or nothing: every bad row is reported with
its line number and nothing is written unless every row is good.
"""

from __future__ import annotations

import csv
import io
import logging
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .account_rules import (
    canonical_username,
    keep_an_administrator,
    password_problem,
    username_problem,
)
from .errors import ApiProblem, not_found
from .models import AuthToken, Organisation, User
from .policy import Role
from .security import hash_password

__all__ = [
    "NewUser",
    "ImportReport",
    "add_organisation",
    "set_secret_index",
    "add_user",
    "set_active",
    "set_role",
    "reset_password",
    "import_users",
    "parse_users_csv",
]

logger = logging.getLogger(__name__)

CSV_COLUMNS = ("username", "full_name", "role", "organisation", "title", "password")


@dataclass(frozen=True)
class NewUser:
    username: str
    full_name: str
    role: str
    organisation: str
    """The organisation's code."""
    title: str = ""
    password: str = ""
    """Empty: a random initial password is made (and reported once)."""


@dataclass
class ImportReport:
    created: list[tuple[str, str]] = field(default_factory=list)
    """(username, initial password) for rows that had none, to hand to each person once."""
    errors: list[str] = field(default_factory=list)
    """"line N: what is wrong", in both languages."""
    status: int = 422
    """For the API: 409 when every problem is a name already taken, 404 an unknown organisation."""

    @property
    def ok(self) -> bool:
        return not self.errors


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def add_organisation(session: Session, code: str, name: str) -> Organisation:
    code, name = _nfc(code), _nfc(name)
    if not code or not name or len(code) > 50 or len(name) > 200:
        raise ApiProblem(
            422,
            "Mã (≤ 50) và tên (≤ 200) đơn vị là bắt buộc.",
            "Code (≤ 50) and name (≤ 200) are required.",
        )
    if session.scalar(select(Organisation).where(Organisation.code == code)) is not None:
        raise ApiProblem(409, f"Đã có đơn vị mã {code}.", f"Organisation {code} already exists.")
    organisation = Organisation(code=code, name=name)
    session.add(organisation)
    session.commit()
    return organisation


def set_secret_index(session: Session, code: str, allowed: bool) -> Organisation:
    """May desktop caches of this organisation index secret documents' metadata offline?"""
    organisation = session.scalar(select(Organisation).where(Organisation.code == _nfc(code)))
    if organisation is None:
        raise not_found(f"đơn vị {code}", f"Organisation {code}")
    organisation.secret_in_offline_index = allowed
    session.commit()
    return organisation


def _problems(
    user: NewUser, organisations: dict[str, int], taken: set[str]
) -> list[tuple[str, str, int]]:
    found = []
    name = user.username
    if problem := username_problem(name):
        found.append((*problem, 422))
    elif name in taken:
        found.append(
            (f"tên đăng nhập “{user.username}” đã có", f"user name '{user.username}' is taken", 409)
        )
    if not user.full_name or len(user.full_name) > 200:
        found.append(("họ tên trống hoặc quá dài", "full name empty or too long", 422))
    if user.role not in {r.value for r in Role}:
        found.append(
            (
                f"vai trò “{user.role}” không có",
                f"unknown role '{user.role}' ({', '.join(r.value for r in Role)})",
                422,
            )
        )
    if user.organisation not in organisations:
        found.append(
            (
                f"không có đơn vị mã “{user.organisation}”",
                f"no organisation '{user.organisation}'",
                404,
            )
        )
    if user.password and (problem := password_problem(user.password, user.username)):
        found.append((*problem, 422))
    if len(user.title) > 200:
        found.append(("chức vụ quá dài", "title too long", 422))
    return found


def _lookup(session: Session) -> tuple[dict[str, int], set[str]]:
    organisations = dict(session.execute(select(Organisation.code, Organisation.id)).tuples().all())
    taken = {canonical_username(u) for u in session.scalars(select(User.username))}
    return organisations, taken


def add_user(session: Session, user: NewUser) -> tuple[User, str]:
    """Create one account; returns it and its initial password (generated when none was given)."""
    report = import_users(session, [user])
    if not report.ok:
        raise ApiProblem(
            report.status,
            "; ".join(e.split(" / ")[0] for e in report.errors),
            "; ".join(e.split(" / ")[-1] for e in report.errors),
        )
    created = session.scalar(select(User).where(User.username == canonical_username(user.username)))
    assert created is not None
    return created, report.created[0][1] if report.created else ""


def import_users(
    session: Session, users: Iterable[NewUser], progress: Callable[[int, int], None] | None = None
) -> ImportReport:
    """All rows or none: validate every row first, hash passwords in parallel, then one commit."""
    rows = [
        NewUser(
            canonical_username(u.username),
            _nfc(u.full_name),
            _nfc(u.role),
            _nfc(u.organisation),
            _nfc(u.title),
            u.password,
        )
        for u in users
    ]
    organisations, taken = _lookup(session)
    report, statuses = ImportReport(), set()
    for line, user in enumerate(rows, start=1):
        for vi, en, status in _problems(user, organisations, taken):
            report.errors.append(f"dòng {line}: {vi} / line {line}: {en}")
            statuses.add(status)
        taken.add(user.username)
    if not report.ok:
        report.status = statuses.pop() if len(statuses) == 1 else 422
        return report
    passwords = [u.password or secrets.token_urlsafe(9) for u in rows]
    with ThreadPoolExecutor(max_workers=4) as pool:  # argon2 releases the GIL: use every core
        hashes = []
        for done, digest in enumerate(pool.map(hash_password, passwords), start=1):
            hashes.append(digest)
            if progress and (done % 100 == 0 or done == len(rows)):
                progress(done, len(rows))
    for user, password, digest in zip(rows, passwords, hashes, strict=True):
        session.add(
            User(
                username=user.username,
                full_name=user.full_name,
                title=user.title,
                organisation_id=organisations[user.organisation],
                role=user.role,
                password_hash=digest,
            )
        )
        if not user.password:
            report.created.append((user.username, password))
    session.commit()
    return report


def parse_users_csv(text: str) -> tuple[list[NewUser], list[str]]:
    """Rows of a UTF-8 CSV with a header (``username,full_name,role,organisation[,title,password]``)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"username", "full_name", "role", "organisation"} - set(reader.fieldnames or ())
    if missing:
        cols = ", ".join(sorted(missing))
        return [], [f"thiếu cột {cols} / missing columns {cols}"]
    users, errors = [], []
    for line, row in enumerate(reader, start=2):
        if None in row:
            errors.append(f"dòng {line}: thừa cột / line {line}: too many columns")
            continue
        users.append(NewUser(*(row.get(column) or "" for column in CSV_COLUMNS)))
    return users, errors


def _user(session: Session, username: str, organisation_id: int | None) -> User:
    user = session.scalar(select(User).where(User.username == canonical_username(username)))
    if user is None or (organisation_id is not None and user.organisation_id != organisation_id):
        raise not_found(f"người dùng {username}", f"User {username}")
    return user


def set_active(
    session: Session,
    username: str,
    active: bool,
    organisation_id: int | None = None,
    caller: User | None = None,
) -> User:
    user = _user(session, username, organisation_id)
    keep_an_administrator(session, caller, user, user.role, active)
    user.active = active
    if not active:
        _revoke_tokens(session, user)
    session.commit()
    return user


def _revoke_tokens(session: Session, user: User) -> None:
    session.execute(update(AuthToken).where(AuthToken.user_id == user.id).values(revoked=True))


def set_role(
    session: Session,
    username: str,
    role: str,
    organisation_id: int | None = None,
    caller: User | None = None,
) -> User:
    if role not in {r.value for r in Role}:
        raise ApiProblem(422, f"Vai trò “{role}” không có.", f"Unknown role '{role}'.")
    user = _user(session, username, organisation_id)
    keep_an_administrator(session, caller, user, role, user.active)
    user.role = role
    session.commit()
    return user


def reset_password(
    session: Session, username: str, password: str, organisation_id: int | None = None
) -> User:
    user = _user(session, username, organisation_id)
    if problem := password_problem(password, user.username):
        vi, en = problem
        raise ApiProblem(422, f"{vi[0].upper()}{vi[1:]}.", f"{en[0].upper()}{en[1:]}.")
    user.password_hash = hash_password(password)
    _revoke_tokens(session, user)  # every device signs in again with the new password
    session.commit()
    return user
