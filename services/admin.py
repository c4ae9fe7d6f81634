"""Account administration for the desktop app: what an organisation (or province) administrator
may do with the accounts they manage. The server enforces every rule again; this layer only
shapes the calls and makes initial passwords, so the window stays a thin caller."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass

from client.api import ApiClient
from client.records import Account, User

__all__ = [
    "ADMIN_ROLES",
    "NewAccount",
    "AccountAdmin",
    "may_administer",
    "assignable_roles",
    "new_password",
]

ADMIN_ROLES = frozenset({"org_admin", "province_admin"})
ROLES = ("clerk", "leader", "specialist", "archivist", "org_admin", "province_admin")


def may_administer(user: User) -> bool:
    return user.role in ADMIN_ROLES


def assignable_roles(user: User) -> tuple[str, ...]:
    """An organisation administrator cannot make a province administrator."""
    return ROLES if user.role == "province_admin" else ROLES[:-1]


def new_password() -> str:
    """A 12-character initial password to hand over once (the user changes it)."""
    return secrets.token_urlsafe(9)


@dataclass(frozen=True)
class NewAccount:
    username: str
    full_name: str
    role: str
    title: str = ""
    organisation: str = ""
    """Empty: the administrator's own organisation."""


class AccountAdmin:
    def __init__(self, client: ApiClient, user: User) -> None:
        self.client, self.user = client, user

    def accounts(self) -> list[Account]:
        """The accounts this administrator manages (the server limits an org admin to their own)."""
        return self.client.list_accounts()

    def add(self, account: NewAccount) -> tuple[Account, str]:
        """Create the account; returns it and the initial password to hand over."""
        password = new_password()
        created, _ = self.client.create_account(
            username=unicodedata.normalize("NFC", account.username.strip()),
            full_name=unicodedata.normalize("NFC", account.full_name.strip()),
            role=account.role,
            organisation=account.organisation or self.user.organisation_code,
            title=unicodedata.normalize("NFC", account.title.strip()),
            password=password,
        )
        return created, password

    def set_active(self, account: Account, active: bool) -> Account:
        return self.client.update_account(account.id, active=active)

    def set_role(self, account: Account, role: str) -> Account:
        return self.client.update_account(account.id, role=role)

    def reset_password(self, account: Account) -> str:
        """A new password for the account (every device of theirs must sign in again)."""
        password = new_password()
        self.client.reset_password(account.id, password)
        return password
