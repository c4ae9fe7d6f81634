"""Headless self-test: is this build complete and working?

Run by the test suite on the frozen Linux bundle and by maintainers on a
fresh Windows install (``vanthu.exe self-test``), where there may be no
display and no token: every check prints one line and the exit code says
whether all passed. It exercises what PyInstaller most often leaves out:
lazily imported modules, data files (fonts, translations, icons, Alembic
migrations, the CA bundle) and Qt plugins.
"""

from __future__ import annotations

import importlib
import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from base.resources import resource_path

__all__ = ["CheckResult", "run_checks", "CHECKS"]

logger = logging.getLogger(__name__)

MODULES = (
    "base.pdf",
    "client.api",
    "client.cache.store",
    "client.cache.query",
    "client.credentials",
    "signing.tokens",
    "signing.pades",
    "signing.validation",
    "signing.batch",
    "signing.appearance",
    "sync.engine",
    "sync.convert",
    "sync.watcher",
    "server.app",
    "server.demo",
    "services.workspace",
    "services.demo",
    "cli.signing",
    "ui.app",
    "ui.views.main_window",
)
VIETNAMESE_SAMPLE = "Đơn vị ĐẶNG Quyết định ữ ỹ ợ ộ"


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def _imports() -> str:
    for name in MODULES:
        importlib.import_module(name)
    return f"{len(MODULES)} modules"


def _fonts() -> str:
    import pymupdf

    files = sorted(resource_path("fonts").glob("*.ttf"))
    if not files:
        raise RuntimeError(f"no fonts in {resource_path('fonts')}")
    for path in files:
        font = pymupdf.Font(fontfile=str(path))
        missing = [c for c in VIETNAMESE_SAMPLE if not c.isspace() and not font.has_glyph(ord(c))]
        if missing:
            raise RuntimeError(f"{path.name} lacks {''.join(missing)}")
    return ", ".join(p.name for p in files)


def _render() -> str:
    import pymupdf

    from services.letters import OfficialLetter, render_letter_pdf

    letter = OfficialLetter(
        "ỦY BAN NHÂN DÂN TỈNH",
        "12/QĐ-UBND",
        "ngày 24 tháng 11 năm 2026",
        "QUYẾT ĐỊNH",
        "Về việc kiểm tra cài đặt",
        ("Nội dung.",),
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
        ("Lưu: VT",),
        1,
    )
    with pymupdf.open(stream=render_letter_pdf(letter), filetype="pdf") as doc:
        pixmap = doc[0].get_pixmap(dpi=100)
        text = doc[0].get_text()
    if "QUYẾT ĐỊNH" not in text or pixmap.width < 500:
        raise RuntimeError("the rendered page is wrong")
    return f"A4 page at 100 dpi: {pixmap.width}×{pixmap.height}"


def _migrations() -> str:
    from server.db import Database

    with tempfile.TemporaryDirectory() as tmp:
        database = Database(f"sqlite:///{Path(tmp) / 'self-test.sqlite'}")
        try:
            database.migrate()
            with database.engine.connect() as conn:
                revision = conn.exec_driver_sql(
                    "SELECT version_num FROM alembic_version"
                ).scalar_one()
        finally:
            database.dispose()
    return f"server schema at revision {revision}"


def _tls() -> str:
    import certifi

    bundle = Path(certifi.where())
    if not bundle.is_file() or bundle.stat().st_size < 10_000:
        raise RuntimeError(f"CA bundle missing: {bundle}")
    return str(bundle.name)


def _qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QLabel

    from ui.app import create_application
    from ui.i18n import I18N_DIR

    app = create_application("vi")
    translator = QTranslator()
    if not translator.load(str(I18N_DIR / "vanthu_en.qm")):
        raise RuntimeError(f"cannot load {I18N_DIR / 'vanthu_en.qm'}")
    label = QLabel(VIETNAMESE_SAMPLE)
    image = label.grab().toImage()
    if image.isNull() or app.windowIcon().isNull():
        raise RuntimeError("widget rendering or the app icon failed")
    return f"platform {app.platformName()}, translations, icon, widget {image.width()}×{image.height()}"


def _trust() -> str:
    """The Vietnamese anchors are bundled, match their fingerprints, and nothing else is trusted
    by default (no test or demo root in a release build)."""
    from signing.trust_store import AnchorSource, TrustStore

    with tempfile.TemporaryDirectory() as tmp:
        anchors = TrustStore(Path(tmp) / "trust.json").anchors()
    built_in = [a for a in anchors if a.source is AnchorSource.BUILT_IN and a.enabled]
    if len(built_in) != 4 or len(anchors) != 4:
        raise RuntimeError(f"expected the 4 built-in anchors, found {len(anchors)}")
    return ", ".join(a.name for a in built_in)


def _pkcs11(module: str) -> Callable[[], str]:
    def check() -> str:
        from signing.tokens import list_tokens

        tokens = list_tokens(module)
        return f"{len(tokens)} token(s): " + ", ".join(t.label for t in tokens)

    return check


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("imports", _imports),
    ("fonts", _fonts),
    ("pdf render", _render),
    ("migrations", _migrations),
    ("tls bundle", _tls),
    ("qt", _qt),
    ("trust", _trust),
)


def run_checks(pkcs11_module: str | None = None) -> list[CheckResult]:
    checks = list(CHECKS) + ([("pkcs11", _pkcs11(pkcs11_module))] if pkcs11_module else [])
    results = []
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail, ok = check(), True
        except Exception as exc:
            logger.debug("self-test %s failed", name, exc_info=True)
            detail, ok = f"{type(exc).__name__}: {exc}", False
        results.append(CheckResult(name, ok, detail, time.perf_counter() - started))
    return results
