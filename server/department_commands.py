"""``vanthu admin dept list|add|rename`` and ``vanthu admin user set USER --department CODE``
(or ``--no-department``): departments on the server's own database (``server.departments``).

Registered by ``server.cli``, which hands over its options, refusal printer and session opener,
so this module never imports it back."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["register"]

logger = logging.getLogger(__name__)

Command = Callable[[argparse.Namespace], int]
SessionOpener = Callable[[argparse.Namespace], "Session"]


def register(
    areas: argparse._SubParsersAction[argparse.ArgumentParser],
    users: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
    reported: Callable[[Command], Command],
    open_session: SessionOpener,
) -> None:
    def command(parser: argparse.ArgumentParser, run: Callable[..., int]) -> None:
        common(parser)
        parser.set_defaults(func=reported(lambda args: run(args, open_session(args))))

    dept = areas.add_parser("dept", help="phòng ban / departments").add_subparsers(
        dest="action", required=True
    )
    listing = dept.add_parser("list", help="liệt kê phòng ban / list departments")
    listing.add_argument("--org", help="mã đơn vị (mặc định: mọi đơn vị) / organisation code")
    command(listing, _list)
    add = dept.add_parser("add", help="thêm phòng ban / add a department")
    add.add_argument("code"), add.add_argument("name")
    add.add_argument("--org", required=True, help="mã đơn vị / organisation code")
    command(add, _add)
    rename = dept.add_parser("rename", help="đổi tên phòng ban / rename a department")
    rename.add_argument("code"), rename.add_argument("name")
    rename.add_argument("--org", required=True, help="mã đơn vị / organisation code")
    command(rename, _rename)
    setting = users.add_parser("set", help="phòng ban của tài khoản / an account's department")
    setting.add_argument("username")
    which = setting.add_mutually_exclusive_group(required=True)
    which.add_argument("--department", metavar="CODE", help="mã phòng ban / department code")
    which.add_argument(
        "--no-department", action="store_true", help="không thuộc phòng ban nào / none"
    )
    command(setting, _set)


def _list(args: argparse.Namespace, session: Session) -> int:
    from sqlalchemy import select

    from .departments import list_departments
    from .errors import not_found
    from .models import Organisation

    with session:
        scope = None
        if args.org:
            scope = session.scalar(select(Organisation.id).where(Organisation.code == args.org))
            if scope is None:
                raise not_found(f"đơn vị {args.org}", f"Organisation {args.org}")
        rows = list_departments(session, scope)
        for department, code in rows:
            print(f"{code:<8} {department.code:<10} {department.name}")
        if not rows:
            print("(trống / empty)")
    return 0


def _add(args: argparse.Namespace, session: Session) -> int:
    from .departments import add_department
    from .documents import audit

    with session:
        department = add_department(session, args.org, args.code, args.name)
        detail = f"{args.org} {department.code} {department.name}"
        audit(session, None, "department_add", None, detail)
        session.commit()
        print(f"Đã thêm phòng ban / department added: {department.code} — {department.name}")
    return 0


def _rename(args: argparse.Namespace, session: Session) -> int:
    import json

    from .departments import find_department, rename_department
    from .documents import audit

    with session:
        department = find_department(session, args.org, args.code)
        old = rename_department(department, args.name)
        detail = {"department": f"{args.org} {department.code}", "name": [old, department.name]}
        audit(session, None, "department_rename", None, json.dumps(detail, ensure_ascii=False))
        session.commit()
        print(f"{department.code}: {old} → {department.name}")
    return 0


def _set(args: argparse.Namespace, session: Session) -> int:
    import json

    from sqlalchemy import select

    from .account_rules import canonical_username
    from .departments import find_department, set_department
    from .documents import audit
    from .errors import not_found
    from .models import Organisation, User

    with session:
        user = session.scalar(
            select(User).where(User.username == canonical_username(args.username))
        )
        if user is None:
            raise not_found(f"người dùng {args.username}", f"User {args.username}")
        wanted = None
        if args.department:
            org = session.scalar(
                select(Organisation.code).where(Organisation.id == user.organisation_id)
            )
            wanted = find_department(session, org or "", args.department).id
        old, new = set_department(session, user, wanted)
        changed = [old.code if old else None, new.code if new else None]
        detail = {"user": user.username, "department": changed}
        audit(session, None, "user_change", None, json.dumps(detail, ensure_ascii=False))
        session.commit()
        where = f"{new.code} — {new.name}" if new else "(không có / none)"
        print(f"{user.username}: phòng ban / department {where}")
    return 0
