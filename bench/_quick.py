"""Quick mode, shared by every benchmark: the same code paths at a tiny size.

``python bench/NAME.py --quick`` (or ``VANTHU_BENCH_QUICK=1`` in the environment) swaps the
benchmark's sizes for small ones, so it runs in seconds and still prints its table; options
given on the command line win over the quick sizes. A quick run's numbers mean nothing — it
exists so that ``make test`` (``tests/bench/test_quick.py``) fails the day a benchmark breaks,
instead of months later.

An external tool a benchmark needs (SoftHSM2, PostgreSQL) is looked for with the test
fixtures' own helpers: missing, it is an error under ``CI=true`` and exit status
``MISSING`` (77) otherwise, which the test turns into a skip.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import NoReturn

import pytest

__all__ = ["ENV", "MISSING", "parse_args", "run"]

ENV = "VANTHU_BENCH_QUICK"
MISSING = 77
"""Exit status of a benchmark whose external tool is missing (automake's "skipped")."""


def parse_args(parser: argparse.ArgumentParser, **quick: object) -> argparse.Namespace:
    """Parse the command line; with ``--quick`` (or ``VANTHU_BENCH_QUICK=1``) the defaults are
    ``quick`` instead, and ``args.quick`` is true."""
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"tiny sizes, seconds not minutes: checks that it runs (also {ENV}=1)",
    )
    args = parser.parse_args()
    if args.quick or os.environ.get(ENV, "").strip() not in ("", "0"):
        parser.set_defaults(**quick)
        args = parser.parse_args()
        args.quick = True
        print("quick mode: tiny sizes, the numbers below only show that it runs", flush=True)
    return args


def run(main: Callable[[], int | None]) -> NoReturn:
    """Run a benchmark's ``main``: its return value is the exit status; a tool the test
    fixtures call missing (outside CI) exits with ``MISSING``."""
    try:
        status = main()
    except pytest.skip.Exception as exc:
        print(f"missing dependency: {exc.msg}", file=sys.stderr)
        raise SystemExit(MISSING) from exc
    raise SystemExit(status or 0)
