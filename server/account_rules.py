"""What makes an account name, a password and the set of administrators acceptable.

One place for the admin API, ``vanthu admin`` and CSV imports. A name is stored in one
canonical form (NFC, lower case — Python's, which knows ``Đ`` → ``đ``, unlike SQLite's
``lower()``), so uniqueness, sign-in and management agree on every database. Names that only
look like another one (an invisible character, full-width or Cyrillic letters) are refused:
``lanhdao`` followed by a zero-width space must not pass for the leader.
"""

from __future__ import annotations

import unicodedata
from importlib import resources

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import ApiProblem
from .models import User
from .roles import Role

__all__ = [
    "MIN_PASSWORD",
    "canonical_username",
    "username_problem",
    "password_problem",
    "keep_an_administrator",
]

MIN_PASSWORD = 8
_PUNCTUATION = frozenset(".-_@")
ADMINISTRATORS = frozenset({Role.ORG_ADMIN.value, Role.PROVINCE_ADMIN.value})


def canonical_username(name: str) -> str:
    """The stored form of a user name (also what sign-in compares)."""
    return unicodedata.normalize("NFC", name.strip()).lower()


def username_problem(name: str) -> tuple[str, str] | None:
    """Why ``name`` (canonical) cannot be an account name, in Vietnamese and English."""
    if not name or len(name) > 100:
        return "tên đăng nhập trống hoặc quá dài", "user name empty or too long"
    for ch in name:
        if ch.isascii() and (ch.isalnum() or ch in _PUNCTUATION):
            continue
        if unicodedata.category(ch).startswith("L") and unicodedata.name(ch, "").startswith(
            "LATIN SMALL LETTER"
        ):
            continue  # Vietnamese letters (ă, đ, ơ…): Latin, precomposed
        return (
            f"tên đăng nhập có ký tự không dùng được ({_describe(ch)}): chỉ chữ, số và . - _ @",
            f"user name has a character that cannot be used ({_describe(ch)}): "
            "letters, digits and . - _ @ only",
        )
    if unicodedata.normalize("NFKC", name) != name:
        return "tên đăng nhập có ký tự giả dạng", "user name has look-alike characters"
    return None


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'không tên / unnamed')}"


def _common_passwords() -> frozenset[str]:
    text = resources.files(__package__).joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


COMMON_PASSWORDS = _common_passwords()


def password_problem(password: str, username: str = "") -> tuple[str, str] | None:
    """Why ``password`` is too weak, or None: long enough, not one character over and over, not
    the user name, not one of the passwords every guesser tries first."""
    if len(password) < MIN_PASSWORD:
        return (
            f"mật khẩu cần ít nhất {MIN_PASSWORD} ký tự",
            f"the password needs at least {MIN_PASSWORD} characters",
        )
    if not password.strip() or len(set(password)) < 4:
        return (
            "mật khẩu cần ít nhất 4 ký tự khác nhau",
            "the password needs at least 4 different characters",
        )
    lowered = password.lower()
    if username and canonical_username(username) in lowered:
        return (
            "mật khẩu không được chứa tên đăng nhập",
            "the password must not contain the user name",
        )
    if lowered in COMMON_PASSWORDS:
        return (
            "mật khẩu này quá phổ biến, dễ bị đoán",
            "this password is among the most common ones and easy to guess",
        )
    return None


def keep_an_administrator(
    session: Session, caller: User | None, target: User, role: str, active: bool
) -> None:
    """409 when a change would lock the caller out of administration, or leave an organisation
    (or the province) without an active administrator."""
    if caller is not None and caller.id == target.id and (not active or role != target.role):
        raise ApiProblem(
            409,
            "Không thể tự khoá hay hạ quyền tài khoản của chính mình; hãy nhờ quản trị khác.",
            "You cannot disable or demote your own account; ask another administrator.",
            code="own_account",
        )
    if target.role not in ADMINISTRATORS or (active and role == target.role):
        return
    others = select(func.count(User.id)).where(
        User.role == target.role, User.active.is_(True), User.id != target.id
    )
    if target.role == Role.ORG_ADMIN.value:
        others = others.where(User.organisation_id == target.organisation_id)
    if not session.scalar(others):
        raise ApiProblem(
            409,
            "Đây là quản trị viên cuối cùng còn hoạt động; hãy thêm người khác trước.",
            "This is the last active administrator; add another one first.",
            code="last_administrator",
        )
