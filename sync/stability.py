"""When is a file finished?  Size and mtime unchanged for N seconds and the
file can be opened for reading (Windows locks files still being written).

Pure logic on observations, so it is tested without a clock or a disk.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Observation", "StabilityTracker"]


@dataclass(frozen=True)
class Observation:
    size: int
    mtime_ns: int
    seen_at: float
    """When this size/mtime was first seen."""


class StabilityTracker:
    def __init__(self, quiet_seconds: float) -> None:
        self.quiet = quiet_seconds
        self._seen: dict[str, Observation] = {}

    def observe(self, key: str, size: int, mtime_ns: int, now: float, readable: bool = True) -> bool:
        """Record a look at the file; True once it has been quiet long enough and can be read."""
        last = self._seen.get(key)
        if last is None or (last.size, last.mtime_ns) != (size, mtime_ns):
            self._seen[key] = Observation(size, mtime_ns, now)
            return False
        # An empty file may be a scanner that has not started writing: wait longer before
        # handing it on (where it will be rejected with a clear reason).
        quiet = self.quiet if size > 0 else self.quiet * 3
        return readable and now - last.seen_at >= quiet

    def forget(self, key: str) -> None:
        self._seen.pop(key, None)

    def __len__(self) -> int:
        return len(self._seen)
