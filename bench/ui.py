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


def _wait(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not answer in time")
        QApplication.processEvents()
        time.sleep(0.001)


def _interactions(url: str, runs: int) -> tuple[float, float, float, float]:
    """Opening a document whose PDF is cached, to its first page painted, and the step dialog
    shown, in the real window (a leader's); each against its bare Qt equivalent in this process:
    the same page rendered by PyMuPDF into a QLabel, a QDialog with the same people listed."""
    import pymupdf
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QListWidget, QVBoxLayout

    from client.cache.query import DocumentQuery
    from services.session import open_session
    from services.workspace import Workspace
    from ui.app import create_application
    from ui.settings import UiSettings
    from ui.views.main_window import MainWindow

    create_application("vi")
    workspace = Workspace(open_session(url, "lanhdao", "LanhDao@2026"))
    window = MainWindow(workspace, UiSettings())
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    _wait(lambda: window.sync_task is None and workspace.count(DocumentQuery()) > 0)
    rows = workspace.search(DocumentQuery(direction="incoming", limit=200)).rows
    documents = [workspace.document(r.id) for r in rows if r.current_version and not r.secrecy]
    documents = [d for d in documents if d is not None][:2]
    paths = [workspace.open_file(d) for d in documents]  # cached before the clock starts
    opened, steps, bare_open, bare_step = [], [], [], []
    for turn in range(runs):
        document, path = documents[turn % 2], paths[turn % 2]
        painted: list[int] = []
        window.document_view.pdf.page_rendered.connect(painted.append)
        t = time.perf_counter()
        window.open_document(document.id)
        _wait(lambda p=painted: bool(p) and window.document_view.document is not None)
        opened.append(time.perf_counter() - t)
        window.document_view.pdf.page_rendered.disconnect(painted.append)
        t = time.perf_counter()
        label = QLabel()
        with pymupdf.open(path) as pdf:
            pix = pdf[0].get_pixmap(matrix=pymupdf.Matrix(1.5, 1.5), alpha=False)
            image = QImage(
                pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888
            )
            label.setPixmap(QPixmap.fromImage(image))
        label.show()
        _paint()
        bare_open.append(time.perf_counter() - t)
        label.close()
        before = window.step_dialog
        t = time.perf_counter()
        window.open_step(document.id)
        _wait(lambda b=before: window.step_dialog is not b and window.step_dialog.isVisible())
        steps.append(time.perf_counter() - t)
        window.step_dialog.reject()
        people = workspace.colleagues()
        t = time.perf_counter()
        dialog = QDialog(window)
        column = QVBoxLayout(dialog)
        combo, listed = QComboBox(), QListWidget()
        for person in people:
            combo.addItem(person.full_name, person.id)
            listed.addItem(person.full_name)
        column.addWidget(combo)
        column.addWidget(listed)
        dialog.show()
        _paint()
        bare_step.append(time.perf_counter() - t)
        dialog.close()
    window.close()
    ms = [statistics.median(v) * 1000 for v in (opened, bare_open, steps, bare_step)]
    return ms[0], ms[1], ms[2], ms[3]


def _paint() -> None:
    """One turn of the event loop: what was shown is painted."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


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
        server.demo_data(args.server_docs, 10)  # files to open
        server.start()
        try:
            ours_start = _cold(STARTUP.format(root=str(ROOT), url=server.base_url), args.cold_runs)
            open_ms, bare_open_ms, step_ms, bare_step_ms = _interactions(
                server.base_url, max(3, args.cold_runs * 3)
            )
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
                "< 1000 ms",
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
                "open a document (cached PDF) to its first page painted",
                open_ms,
                bare_open_ms,
                "ms",
                "< 300 ms",
                False,
            ),
            Row("step dialog shown", step_ms, bare_step_ms, "ms", "< 200 ms", False),
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
