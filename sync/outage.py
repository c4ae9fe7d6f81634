"""One shared view of whether the server is reachable.

Without it every queued file backs off on its own while the server is down,
so after a long outage files keep sleeping for minutes after it is back.
Here, while the server is down, one probe file at a time is tried at a
growing interval (capped at ``PROBE_CAP``), and the moment anything gets
through, every file that was waiting for the server is released at once.
"""

from __future__ import annotations

import logging
import threading
import time

from base.backoff import backoff

__all__ = ["Outage", "PROBE_CAP"]

logger = logging.getLogger(__name__)

PROBE_CAP = (
    15.0  # seconds between probes during a long outage: one small request, cheap for the server
)


class Outage:
    def __init__(self, cap: float = PROBE_CAP) -> None:
        self.cap = cap
        self._lock = threading.Lock()
        self._failures = 0
        self._retry_at = 0.0
        self._probing = False
        self._waiting: set[int] = set()

    @property
    def is_down(self) -> bool:
        return self._failures > 0

    def admit(self, wanted: int) -> int:
        """How many files may start now: all while up, one probe when the next try is due."""
        with self._lock:
            if not self._failures:
                return wanted
            if self._probing or time.monotonic() < self._retry_at or wanted <= 0:
                return 0
            self._probing = True
            return 1

    def down(self, entry_id: int) -> float:
        """A file could not reach the server; returns seconds until the next probe."""
        with self._lock:
            self._waiting.add(entry_id)
            self._probing = False
            now = time.monotonic()
            if now >= self._retry_at:  # the first failure, or a failed probe: wait longer
                delay = backoff(self._failures, self.cap)
                self._retry_at = now + delay
                self._failures += 1
                if self._failures == 1:
                    logger.info("server unreachable; probing until it is back")
            return max(0.0, self._retry_at - now)

    def up(self) -> set[int]:
        """The server answered; returns the files that were waiting for it."""
        with self._lock:
            if self._failures:
                logger.info("server reachable again after %d failed tries", self._failures)
            released, self._waiting = self._waiting, set()
            self._failures, self._retry_at, self._probing = 0, 0.0, False
            return released

    def settle(self) -> None:
        """A file finished without telling us anything about the server: let another probe go."""
        with self._lock:
            self._probing = False
