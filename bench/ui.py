"""UI benchmark (offscreen Qt).

* cold start to a usable main window (process start → window shown with the
  first page of documents), vs a bare PySide6 window in a fresh process;
* scrolling the table model over a large cache: time per ``fetchMore`` page
  and per ``data()`` call;
* page rendering through our viewer's worker function vs bare PyMuPDF
  (A4 page at 150 dpi).

Run: ``python bench/ui.py [--rows 1000000] [--cache PATH] [--pages 50] [--cold-runs 3]``
(``--quick``: 1,000 rows, 3 pages, one cold start each, a server of 20 documents).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._quick import parse_args, run  # noqa: E402
from bench._table import Row, print_table  # noqa: E402

STARTUP = """
import time, os, sys
t0 = float(sys.argv[1])
sys.path.insert(0, {root!r})
from ui.app import create_application
from services.session import open_session
from services.workspace import Workspace
from ui.settings import UiSettings
from ui.views.main_window import MainWindow
app = create_application("vi")
session = open_session({url!r}, "vanthu", "VanThu@2026")
window = MainWindow(Workspace(session), UiSettings())
window.show()
app.processEvents()
print(time.time() - t0)
"""
BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.show(); app.processEvents()
print(time.time() - t0)
"""


def _cold(code: str, count: int) -> float:
    runs = []
    for _ in range(count):
        out = subprocess.run(
            [sys.executable, "-c", code, str(time.time())],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ.copy(),
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return min(runs)


def _scroll(cache: Path, pages: int) -> tuple[float, float, int]:
    from PySide6.QtCore import QEventLoop, Qt

    from client.cache import CacheStore
    from client.cache.query import DocumentQuery, search
    from ui.app import create_application
    from ui.models import DocumentTableModel

    create_application("vi")
    store = CacheStore(cache)
    model = DocumentTableModel(lambda query, after: search(store, query, after))

    def until_loaded(start) -> None:  # type: ignore[no-untyped-def]  # pages load in a worker
        loop = QEventLoop()
        model.loaded.connect(loop.quit)
        start()
        loop.exec()
        model.loaded.disconnect(loop.quit)

    until_loaded(lambda: model.set_query(DocumentQuery(limit=DocumentTableModel.PAGE)))
    fetch = []
    for _ in range(pages):
        assert model.canFetchMore(), f"the cache has fewer than {pages + 1} pages"
        t = time.perf_counter()
        until_loaded(model.fetchMore)
        fetch.append(time.perf_counter() - t)
    t = time.perf_counter()
    calls = 0
    for row in range(model.rowCount()):
        for column in range(9):
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            calls += 1
    per_data = (time.perf_counter() - t) / calls
    return statistics.median(fetch) * 1000, per_data * 1e6, model.rowCount()


def _render(folder: Path) -> tuple[float, float]:
    import pymupdf

    from services.letters import OfficialLetter, render_letter_pdf
    from ui.views.pdf_view import render_page

    path = folder / "letter.pdf"
    path.write_bytes(
        render_letter_pdf(
            OfficialLetter(
                "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
                "12/QĐ-UBND",
                "Hà Tĩnh, ngày 24 tháng 11 năm 2026",
                "QUYẾT ĐỊNH",
                "Về việc phê duyệt kế hoạch",
                ("Nội dung " * 200,),
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Trần Quốc Việt",
                ("Như trên",),
            )
        )
    )
    zoom = 150 / 72
    ours, bare = [], []
    for _ in range(10):
        t = time.perf_counter()
        render_page(str(path), 0, zoom)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        with pymupdf.open(path) as doc:
            doc[0].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        bare.append(time.perf_counter() - t)
    return statistics.median(ours) * 1000, statistics.median(bare) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cache", help="an existing cache file (e.g. from bench/cache.py --reuse)")
    parser.add_argument("--pages", type=int, default=50, help="fetchMore pages of 200 rows")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts, best counts")
    parser.add_argument("--server-docs", type=int, default=2000)
    args = parse_args(parser, rows=1000, pages=3, cold_runs=1, server_docs=20)
    from tests.fixtures.server import LiveServer

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["VANTHU_HOME"] = str(folder / "home")
        server = LiveServer(folder / "server")
        server.demo_data(args.server_docs, 0)
        server.start()
        try:
            ours_start = _cold(STARTUP.format(root=str(ROOT), url=server.base_url), args.cold_runs)
        finally:
            server.stop()
        bare_start = _cold(BARE, args.cold_runs)
        cache = Path(args.cache) if args.cache else folder / "cache.sqlite"
        if not cache.exists():
            from bench.cache import _build

            _build(cache, args.rows)
        fetch_ms, data_us, rows = _scroll(cache, args.pages)
        ours_render, bare_render = _render(folder)
    print_table(
        "Desktop UI (offscreen)",
        [
            Row(
                "cold start to usable main window",
                ours_start * 1000,
                bare_start * 1000,
                "ms",
                "< 1500 ms",
                False,
            ),
            Row(
                f"fetchMore page of 200 rows ({rows:,} loaded)",
                fetch_ms,
                None,
                "ms",
                "smooth (< 16 ms)",
                False,
            ),
            Row("data() per cell", data_us, None, "µs", "—", False),
            Row(
                "A4 page render at 150 dpi vs bare PyMuPDF",
                ours_render,
                bare_render,
                "ms",
                "≤ 1.1x, < 100 ms",
                False,
            ),
        ],
    )


if __name__ == "__main__":
    run(main)
