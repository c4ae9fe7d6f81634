"""``self-test`` subcommand: check a build without a display (see ``selftest``)."""

from __future__ import annotations

import argparse
import logging
import sys

__all__ = ["register"]

logger = logging.getLogger(__name__)


def _self_test(args: argparse.Namespace) -> int:
    from .selftest import run_checks

    results = run_checks(args.pkcs11_module)
    for result in results:
        mark = "OK  " if result.ok else "LỖI "
        print(f"[{mark}] {result.name:<11} {result.detail}  ({result.seconds:.2f} s)")
    failed = [r.name for r in results if not r.ok]
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    if failed:
        print(f"Tự kiểm tra THẤT BẠI / self-test FAILED ({frozen}): {', '.join(failed)}")
        return 1
    print(f"Tự kiểm tra đạt / self-test passed ({frozen}, {len(results)} checks)")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    test = subparsers.add_parser(
        "self-test", help="tự kiểm tra bản cài đặt / check this build headlessly"
    )
    test.add_argument("--pkcs11-module", help="thư viện PKCS#11 để thử mở (ví dụ libsofthsm2.so)")
    test.set_defaults(func=_self_test)
