"""When is a file finished?  Size and mtime unchanged for N seconds and the
file can be opened for reading (Windows locks files still being written).

Pure logic on observations, so it is tested without a clock or a disk. The
observer thread records a file's first look the moment it is detected, and
the scheduler asks when the next quiet period ends, so a file is taken when
its wait is over rather than up to a polling interval later.
"""

from __future__ import annotations

import heapq
import threading
from dataclasses import dataclass

__all__ = ["Observation", "StabilityTracker"]


@dataclass(frozen=True)
class Observation:
    size: int
    mtime_ns: int
    seen_at: float
    """When this size/mtime was first seen."""


class StabilityTracker:
    """Thread-safe: the observer thread and the scheduler both look at files."""

    def __init__(self, quiet_seconds: float) -> None:
        self.quiet = quiet_seconds
        self._seen: dict[str, Observation] = {}
        self._due: list[
            tuple[float, str]
        ] = []  # (end of quiet period, key); stale items are skipped
        self._lock = threading.Lock()

    def _quiet_for(self, size: int) -> float:
        # An empty file may be a scanner that has not started writing: wait longer before
        # handing it on (where it will be rejected with a clear reason).
        return self.quiet if size > 0 else self.quiet * 3

    def observe(
        self, key: str, size: int, mtime_ns: int, now: float, readable: bool = True
    ) -> bool:
        """Record a look at the file; True once it has been quiet long enough and can be read."""
        with self._lock:
            last = self._seen.get(key)
            if last is None or (last.size, last.mtime_ns) != (size, mtime_ns):
                self._seen[key] = Observation(size, mtime_ns, now)
                heapq.heappush(self._due, (now + self._quiet_for(size), key))
                return False
            return readable and now - last.seen_at >= self._quiet_for(size)

    def next_due(self, checked_at: float) -> float | None:
        """When the next quiet period ends after the look at ``checked_at`` (same clock as
        ``now``), or None. Periods that ended before it were looked at then: a file still
        locked at that look is left to the regular polling."""
        with self._lock:
            while self._due:
                due, key = self._due[0]
                last = self._seen.get(key)
                if (
                    due > checked_at
                    and last is not None
                    and last.seen_at + self._quiet_for(last.size) == due
                ):
                    return due
                heapq.heappop(self._due)  # looked at already, forgotten, or seen changing since
            return None

    def forget(self, key: str) -> None:
        with self._lock:
            self._seen.pop(key, None)

    def __len__(self) -> int:
        return len(self._seen)
