"""The audit trail's vocabulary, shared by the server that writes it and the desktop that shows
it: how a document's file was reached (Decree 30/2020 Appendix VI III.5.a, III.6.l: the history
of access and viewing) and which family an audit action belongs to (the administrator's audit
screen filters by family, the stored action stays the exact one)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Access", "AuditCategory", "category_of", "CATEGORY_ACTIONS"]


class Access(StrEnum):
    """One way a user reached a document's content."""

    VIEW = "view"
    """Opened in the viewer (recorded by the desktop, sent once, queued while offline)."""
    DOWNLOAD = "download"
    """The file's bytes sent by the server (recorded by the server)."""
    PRINT = "print"
    """Printed (recorded by the desktop)."""


class AuditCategory(StrEnum):
    LOGIN = "login"
    ACCESS = "access"
    CHANGE = "change"
    GRANT = "grant"
    ADMIN = "admin"


CATEGORY_ACTIONS: dict[AuditCategory, frozenset[str]] = {
    AuditCategory.LOGIN: frozenset({"login", "login_failed", "logout"}),
    AuditCategory.ACCESS: frozenset(Access),
    AuditCategory.GRANT: frozenset(
        {"share", "step_assign", "step_recall", "case_file_access"}  # who reads a kept file
    ),
    AuditCategory.ADMIN: frozenset(
        {
            "user_add",
            "user_change",
            "password_reset",
            "organisation_add",
            "department_add",
            "department_rename",
            "trust_add",
            "trust_enable",
            "trust_disable",
            "case_file_handover",
        }
    ),
}
"""The actions of each family; every other action (create, update, version, delete, the
workflow's steps, delivery, …) changes a document: ``CHANGE``."""


def category_of(action: str) -> AuditCategory:
    for category, actions in CATEGORY_ACTIONS.items():
        if action in actions:
            return category
    return AuditCategory.CHANGE
