"""``trust``: the certificate authorities this machine trusts (see ``services.trust``).

``trust list`` shows every anchor with its SHA-256 fingerprint, to compare
with the operators' sites (ca.gov.vn, rootca.gov.vn); ``add``/``replace``
take a PEM or DER file; ``disable``/``enable`` take a fingerprint (or its
first 8+ hex digits); ``refresh`` fetches the organisation's list now.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from base.errors import current_language

__all__ = ["register", "print_trust_info"]

logger = logging.getLogger(__name__)


def print_trust_info() -> int:
    from services import trust

    lang = current_language()
    print("Danh sách chứng thư tin cậy:" if lang == "vi" else "Trusted certificate authorities:")
    for line in trust.trust_info(lang):
        print(f"  {line}")
    return 0


def _list(args: argparse.Namespace) -> int:
    return print_trust_info()


def _add(args: argparse.Namespace) -> int:
    from services import trust
    from signing.trust_store import Pki

    for anchor in trust.add_anchor(Path(args.file), Pki(args.pki) if args.pki else None):
        print(f"Đã tin cậy / trusted: {anchor.name} ({anchor.pki}) SHA-256 {anchor.fingerprint}")
    return 0


def _state(args: argparse.Namespace) -> int:
    from services import trust

    anchor = trust.set_enabled(args.fingerprint, args.enabled)
    state = "bật / enabled" if anchor.enabled else "tắt / disabled"
    print(f"{anchor.name}: {state}")
    return 0


def _replace(args: argparse.Namespace) -> int:
    from services import trust

    for anchor in trust.replace_anchor(args.fingerprint, Path(args.file)):
        print(f"Thay bằng / replaced by: {anchor.name} SHA-256 {anchor.fingerprint}")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    from services import trust
    from services.session import resume_session

    count = trust.refresh_from_server(resume_session().client)
    print(f"Đã nhận {count} mục từ máy chủ / received {count} entries from the server")
    return print_trust_info()


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    trust = subparsers.add_parser(
        "trust", help="chứng thư gốc tin cậy / trusted certificate authorities"
    ).add_subparsers(
        dest="action", metavar="list|add|disable|enable|replace|refresh", required=True
    )
    trust.add_parser("list", help="liệt kê kèm dấu vân tay / list with fingerprints").set_defaults(
        func=_list
    )
    add = trust.add_parser("add", help="tin cậy thêm chứng thư (PEM/DER) / trust a certificate")
    add.add_argument("file")
    add.add_argument("--pki", choices=["government", "public", "other"])
    add.set_defaults(func=_add)
    for action in ("disable", "enable"):
        state = trust.add_parser(action, help="tắt / bật một chứng thư / disable or enable one")
        state.add_argument(
            "fingerprint", help="SHA-256 (hoặc 8+ chữ số đầu) / or its first 8+ hex digits"
        )
        state.set_defaults(func=_state, enabled=action == "enable")
    replace = trust.add_parser("replace", help="thay chứng thư cũ bằng bản mới / replace one")
    replace.add_argument("fingerprint")
    replace.add_argument("file")
    replace.set_defaults(func=_replace)
    trust.add_parser(
        "refresh", help="lấy danh sách của đơn vị từ máy chủ / fetch the organisation's list"
    ).set_defaults(func=_refresh)
