"""The layers, held by tests: who may import whom (see docs/architecture.md).

Every import counts, at module level or inside a function, so a "lazy"
import cannot smuggle a forbidden dependency in.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = {
    "base",
    "edxml",
    "client",
    "signing",
    "sync",
    "services",
    "cli",
    "ui",
    "server",
    "installer",
    "main",
}
QT = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}

# Which of our packages each package may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "edxml": {"base"},
    "client": {"base"},
    "signing": {"base"},
    "sync": {"base", "client"},
    "server": {"base", "edxml"},
    "services": {"base", "edxml", "client", "signing", "sync", "server"},
    "ui": {"base", "edxml", "client", "signing", "sync", "services"},
    "cli": {"base", "edxml", "client", "signing", "sync", "services", "server", "ui"},
    "installer": {"base", "edxml", "client", "signing", "sync", "services", "server", "ui"},
}
NO_QT = ("base", "edxml", "client", "signing", "sync", "services", "server", "cli")


def _imports(path: Path) -> set[str]:
    """Absolute module names imported anywhere in ``path``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violations(root: Path) -> list[str]:
    """Every import that breaks the matrix, as ``file: imports module``."""
    found = []
    for package, allowed in ALLOWED.items():
        for path in sorted((root / package).rglob("*.py")):
            for name in sorted(_imports(path)):
                top = name.split(".")[0]
                forbidden = (top in OURS and top != package and top not in allowed) or (
                    package in NO_QT and top in QT
                )
                cli_module = package == "ui" and (top == "cli" or name.endswith(".cli"))
                if forbidden or cli_module:
                    found.append(f"{path.relative_to(root)}: imports {name}")
    return found


def test_the_import_matrix_holds() -> None:
    assert violations(ROOT) == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("client/probe.py", "from signing.batch import sign_batch\n"),
        ("signing/probe.py", "def f():\n    from client.api import ApiClient\n"),
        ("sync/probe.py", "import signing.pades\n"),
        ("server/probe.py", "from client.records import Document\n"),
        ("base/probe.py", "from client import errors\n"),
        ("ui/probe.py", "from server.embedded import start_background\n"),
        ("ui/probe2.py", "from cli.signing import parse_position\n"),
        ("services/probe.py", "from PySide6.QtCore import QObject\n"),
    ],
)
def test_a_forbidden_import_is_caught(tmp_path: Path, module: str, source: str) -> None:
    """The matrix test fails when someone adds a forbidden import (shown on a copy of the tree)."""
    for package in ALLOWED:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    assert violations(tmp_path) == []
    (tmp_path / module).write_text(source, encoding="utf-8")
    [problem] = violations(tmp_path)
    assert problem.startswith(module)


@pytest.mark.parametrize("package", [*ALLOWED, "services", "cli"])
def test_every_package_says_its_role(package: str) -> None:
    doc = ast.get_docstring(ast.parse((ROOT / package / "__init__.py").read_text("utf-8")))
    assert doc and len(doc) > 40


def test_the_server_runs_without_the_desktop_libraries(tmp_path: Path) -> None:
    """The server is its own deployable: it starts with PySide6, PyMuPDF, pyHanko, python-pkcs11,
    requests, keyring and watchdog all unimportable (as on a machine with only its base install)."""
    blocker = textwrap.dedent(
        """
        import sys
        # requests is the server's too: its exchange agent is a client of the national axis
        BLOCKED = {"PySide6", "pymupdf", "fitz", "pyhanko", "pyhanko_certvalidator", "pkcs11",
                   "keyring", "watchdog", "PIL", "tqdm"}

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in BLOCKED:
                    raise ImportError(f"{name} is not part of the server install")
                return None

        sys.meta_path.insert(0, Block())
        from server.app import create_app
        from server.cli import main
        from server.config import ServerSettings
        from server.demo import generate_demo_data

        from pathlib import Path

        state = create_app(ServerSettings(data_dir=Path(sys.argv[1]))).state.vanthu
        report = generate_demo_data(state.db, state.blobs, 20, pdfs=5)
        assert report.documents == 20 and report.pdfs == 0
        from server.arrival import installed_pdf_stamper
        assert installed_pdf_stamper() is None  # registers without the ĐẾN stamp, says so
        try:
            main(["serve", "--help"])
        except SystemExit as exc:
            assert exc.code == 0
        print("server ok")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", blocker, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "server ok" in done.stdout
