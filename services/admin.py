"""Account administration for the desktop app: what an organisation (or province) administrator
may do with the accounts and departments they manage. The server enforces every rule again; this
layer only shapes the calls, finds accounts and departments by name for the command line and
makes initial passwords, so the window and ``vanthu`` stay thin callers."""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass

from client.api import ApiClient
from client.case_file_records import HandoverResult
from client.errors import NotFound
from client.records import Account, Department, User

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


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


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
    department: Department | None = None
    """One of the account's organisation's departments, or none."""


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
            username=_nfc(account.username),
            full_name=_nfc(account.full_name),
            role=account.role,
            organisation=account.organisation or self.user.organisation_code,
            title=_nfc(account.title),
            password=password,
            department_id=account.department.id if account.department else None,
        )
        return created, password

    def hand_over_files(self, leaver: Account, receiver_id: int) -> HandoverResult:
        """Every case file ``leaver`` still holds goes to ``receiver_id`` (Art. 31.3.đ)."""
        return self.client.records.handover(leaver.id, receiver_id)

    def set_active(self, account: Account, active: bool) -> Account:
        return self.client.update_account(account.id, active=active)

    def set_role(self, account: Account, role: str) -> Account:
        return self.client.update_account(account.id, role=role)

    def reset_password(self, account: Account) -> str:
        """A new password for the account (every device of theirs must sign in again)."""
        password = new_password()
        self.client.reset_password(account.id, password)
        return password

    def set_department(self, account: Account, department: Department | None) -> Account:
        """Put the account in one of its organisation's departments, or (None) in none."""
        return self.client.set_account_department(account.id, department.id if department else None)

    # -- departments -------------------------------------------------------------------
    def departments(self, organisation: str = "") -> list[Department]:
        """One organisation's departments; none named: all this administrator manages."""
        return self.client.list_departments(organisation or None)

    def add_department(self, code: str, name: str, organisation: str = "") -> Department:
        """A new department (empty ``organisation``: the administrator's own)."""
        return self.client.create_department(_nfc(code), _nfc(name), organisation or None)

    def rename_department(self, department: Department, name: str) -> Department:
        return self.client.rename_department(department.id, _nfc(name))

    # -- by name, for the command line -----------------------------------------------------
    def account(self, username: str) -> Account:
        wanted = _nfc(username).lower()
        found = next((a for a in self.accounts() if a.username == wanted), None)
        if found is None:
            raise NotFound(
                f"Không có tài khoản {username} trong phạm vi bạn quản lý.",
                f"No account {username} among those you manage.",
            )
        return found

    def department(self, code: str, organisation: str = "") -> Department:
        """A department by its code (empty ``organisation``: the administrator's own)."""
        organisation = organisation or self.user.organisation_code
        wanted = _nfc(code)
        found = next((d for d in self.departments(organisation) if d.code == wanted), None)
        if found is None:
            raise NotFound(
                f"Đơn vị {organisation} không có phòng ban mã {code}.",
                f"Organisation {organisation} has no department {code}.",
            )
        return found

    def place(self, username: str, department_code: str | None) -> Account:
        """Put the account ``username`` in its organisation's department ``department_code``
        (None: in none)."""
        account = self.account(username)
        department = None
        if department_code is not None:
            department = self.department(department_code, account.organisation)
        return self.set_department(account, department)
