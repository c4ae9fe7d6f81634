"""Library warnings stay off a user's terminal; ours and --verbose still speak.

Each case runs in its own interpreter: warning capture and the root logger are process-wide."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from base.console_log import verbose_requested
from tests.signing.conftest import make_letter

ROOT = Path(__file__).resolve().parents[2]

# A library deprecation as cryptography raises it (a UserWarning subclass, so Python's default
# filters print it), attributed to a third-party module, then a warning of our own.
SCRIPT = """
import logging, sys, warnings
from base.console_log import configure_console_logging

class LibraryDeprecation(UserWarning):
    pass

configure_console_logging(verbose={verbose})
if {log_file!r}:
    file_handler = logging.FileHandler({log_file!r}, encoding="utf-8")
    logging.getLogger().addHandler(file_handler)
warnings.warn_explicit("DSA is deprecated", LibraryDeprecation, "pdf_cms.py", 20, module="somelib")
logging.getLogger("pyhanko.sign").warning("path building failed")
logging.getLogger("vanthu.cli").warning("Tệp đã ký / our own warning")
print("Đã ký 1/1 tệp.")
"""


def run(
    verbose: bool = False, log_file: str = "", *python_options: str
) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *python_options, "-c", SCRIPT.format(verbose=verbose, log_file=log_file)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=True,
    )


def test_a_library_warning_never_reaches_the_terminal_but_ours_do() -> None:
    result = run()
    assert "DSA is deprecated" not in result.stderr
    assert "path building failed" not in result.stderr
    assert "Tệp đã ký / our own warning" in result.stderr
    assert result.stdout.strip() == "Đã ký 1/1 tệp."


def test_verbose_shows_library_warnings_as_log_lines() -> None:
    result = run(True)
    assert "WARNING py.warnings:" in result.stderr and "DSA is deprecated" in result.stderr
    assert "path building failed" in result.stderr


def test_the_log_file_keeps_what_the_terminal_leaves_out(tmp_path: Path) -> None:
    log = tmp_path / "vanthu.log"
    result = run(False, str(log))
    assert "DSA is deprecated" not in result.stderr
    assert "DSA is deprecated" in log.read_text(encoding="utf-8")


def test_an_explicit_warning_option_shows_warnings_as_python_does() -> None:
    result = run(False, "", "-W", "default")
    assert "LibraryDeprecation: DSA is deprecated" in result.stderr
    assert "WARNING py.warnings" not in result.stderr


def test_verifying_a_file_prints_no_library_warning(tmp_path: Path) -> None:
    """``verify`` imports pyHanko, which imports what cryptography deprecates (DSA)."""
    letter = make_letter(tmp_path / "công văn.pdf")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "verify", str(letter)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.stdout.strip(), result.stderr
    assert result.stderr == ""


def test_verbose_is_read_from_the_options_before_the_command() -> None:
    assert verbose_requested(["-v", "sign", "a.pdf"])
    assert verbose_requested(["--verbose"])
    assert not verbose_requested(["sign", "-v"])  # a command's own option, not ours
    assert not verbose_requested([])
