"""What a person sees of logs and warnings on the terminal.

Libraries speak to developers: pyHanko logs every failed path building with its traceback, and
cryptography announces deprecations (``DSA is deprecated``) when pyHanko imports it.  A clerk
running ``vanthu sign`` must see our result and our errors, not theirs — and a library release
must not change what our commands print.  So the entry points route Python warnings through
logging and keep library records off the console unless ``--verbose``; the window's log file
still receives them.  An explicit ``-W`` or ``PYTHONWARNINGS`` wins: whoever set it asked to see
warnings the way Python shows them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["LIBRARY_LOGGERS", "configure_console_logging", "verbose_requested"]

LIBRARY_LOGGERS = ("pyhanko", "pyhanko_certvalidator", "fontTools")
"""Libraries that log a path-building failure with its traceback for every untrusted
signature: our reports already say why, in words, so their warnings go only to --verbose."""

WARNINGS_LOGGER = "py.warnings"
"""Where :func:`logging.captureWarnings` sends every warning (a library's or Python's)."""

CONSOLE_HANDLER = "vanthu.console"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def verbose_requested(argv: Sequence[str]) -> bool:
    """``-v``/``--verbose`` among the options before the command, read before argparse runs:
    the command modules import pyHanko (and its warnings) while the parser is being built."""
    for arg in argv:
        if arg in ("-v", "--verbose"):
            return True
        if not arg.startswith("-"):
            return False
    return False


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is when a line is logged, not the one at set-up: a
    command run twice in one process (tests, the window's console) may have swapped it since,
    and the old one may be closed."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


class _NoWarnings(logging.Filter):
    """Keeps captured warnings off the console (they still reach every other handler)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name != WARNINGS_LOGGER


def configure_console_logging(*, verbose: bool, level: int = logging.WARNING) -> None:
    """Log to stderr at ``level`` (everything with ``verbose``), library noise kept for the log.

    Idempotent: a second call (a command started twice in one process) replaces the console
    handler instead of printing every line twice."""
    if not sys.warnoptions:
        logging.captureWarnings(True)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == CONSOLE_HANDLER]:
        root.removeHandler(handler)
    console = _CurrentStderr()
    console.set_name(CONSOLE_HANDLER)
    console.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(console)
    root.setLevel(logging.DEBUG if verbose else level)
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET if verbose else logging.ERROR)
    if not verbose:
        console.addFilter(_NoWarnings())
