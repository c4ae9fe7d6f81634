"""Shared output format of every benchmark: metric | ours | baseline | ratio | goal."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Row", "print_table"]


@dataclass(frozen=True)
class Row:
    metric: str
    ours: float
    baseline: float | None
    unit: str
    goal: str
    higher_is_better: bool = True

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.ours / self.baseline


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    header = f"{'metric':<44} {'ours':>12} {'baseline':>12} {'ratio':>8}  goal"
    print(header)
    print("-" * len(header))
    for row in rows:
        base = f"{row.baseline:.2f}" if row.baseline is not None else "—"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "—"
        print(
            f"{row.metric + ' (' + row.unit + ')':<44} {row.ours:>12.2f} {base:>12} {ratio:>8}  {row.goal}"
        )
