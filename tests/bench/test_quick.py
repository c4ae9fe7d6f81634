"""Every benchmark in quick mode (``bench/NAME.py --quick``): the same code paths at a tiny size,
so a benchmark that breaks fails ``make test`` the day it breaks, not months later.

A benchmark looks for its external tools (SoftHSM2, PostgreSQL) with the fixtures' own helpers;
one that is missing makes it exit with ``bench._quick.MISSING`` — a skip here — or, under
``CI=true``, fail like any other error. Two run at a time (``PARALLEL``): much of a quick run is
waiting for a server or a subprocess to start, and the machine the suite runs on has two cores.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from bench._quick import ENV, MISSING, parse_args, run
from bench._table import Row, print_table
from tests.conftest import missing_dependency

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = sorted(p.name for p in (ROOT / "bench").glob("*.py") if not p.name.startswith("_"))
HEADER = re.compile(r"^metric +ours +baseline +ratio +goal$")
NUMBER = r"-?\d+\.\d\d"
ROW = re.compile(rf"^.+ \(.+\) +{NUMBER} +({NUMBER}|—) +({NUMBER}x|—)  .+$")
PARALLEL = 2


def table_rows(stdout: str) -> list[str]:
    """The rows of the first table ``bench/_table.print_table`` printed (empty: none)."""
    lines = stdout.splitlines()
    start = next((i for i, line in enumerate(lines) if HEADER.match(line)), None)
    if start is None or not lines[start + 1].startswith("---"):
        return []
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        rows.append(line)
    return rows


def _quick_run(name: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / name), "--quick"],
        cwd=folder,
        env={**os.environ, "VANTHU_HOME": str(folder / "home")},
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.fixture(scope="module")
def quick_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Future[subprocess.CompletedProcess[str]]]]:
    """Every selected benchmark's quick run, started in test order, ``PARALLEL`` at a time."""
    names = [
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", None) == "test_quick_run_prints_its_table"
        and item.module.__name__ == __name__  # type: ignore[attr-defined]
    ]
    with ThreadPoolExecutor(PARALLEL) as pool:
        yield {
            name: pool.submit(_quick_run, name, tmp_path_factory.mktemp(Path(name).stem))
            for name in names
        }


@pytest.mark.parametrize("name", BENCHMARKS)
def test_quick_run_prints_its_table(
    name: str, quick_runs: dict[str, Future[subprocess.CompletedProcess[str]]]
) -> None:
    done = quick_runs[name].result()
    if done.returncode == MISSING:
        missing_dependency(f"bench/{name}: {done.stderr.strip().splitlines()[-1]}")
    assert done.returncode == 0, (
        f"bench/{name} --quick exited with {done.returncode}\n"
        f"{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    )
    rows = table_rows(done.stdout)
    assert rows, f"bench/{name} --quick printed no table:\n{done.stdout[-3000:]}"
    malformed = [row for row in rows if not ROW.match(row)]
    assert not malformed, malformed  # a nan, an inf or a broken line: something was not measured


def test_the_table_check_reads_the_printer() -> None:
    def printed(rows: list[Row]) -> list[str]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            print_table("Bảng", rows)
        return table_rows(out.getvalue())

    good = printed([Row("step", 6.5, 5.0, "ms", "≤ 2×", False), Row("size", 3.0, None, "MB", "—")])
    assert len(good) == 2 and all(ROW.match(row) for row in good)
    assert not ROW.match(printed([Row("p95", float("nan"), 1.0, "ms", "—")])[0])


def test_quick_sizes_and_what_the_command_line_says(monkeypatch: pytest.MonkeyPatch) -> None:
    def parsed(*argv: str) -> argparse.Namespace:
        parser = argparse.ArgumentParser()
        parser.add_argument("--docs", type=int, default=1_000_000)
        parser.add_argument("--steps", type=int, default=200)
        monkeypatch.setattr(sys, "argv", ["bench", *argv])
        return parse_args(parser, docs=100, steps=5)

    monkeypatch.delenv(ENV, raising=False)
    assert (parsed().docs, parsed().quick) == (1_000_000, False)
    quick = parsed("--quick", "--steps", "7")
    assert (quick.docs, quick.steps, quick.quick) == (100, 7, True)
    monkeypatch.setenv(ENV, "1")
    assert (parsed().docs, parsed().quick) == (100, True)


def test_a_missing_tool_is_its_own_exit_status() -> None:
    with pytest.raises(SystemExit) as missing:
        run(lambda: pytest.skip("initdb is not installed"))
    assert missing.value.code == MISSING
    with pytest.raises(SystemExit) as ok:
        run(lambda: None)
    assert ok.value.code == 0
    with pytest.raises(pytest.fail.Exception):  # what missing_dependency does under CI=true
        run(lambda: pytest.fail("missing test dependency in CI"))
