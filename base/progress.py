"""How long-running work reports progress and learns it should stop.

Workers in every package take an optional ``progress(done, total)`` callback
and an optional cancel token (a ``threading.Event`` satisfies it); the UI's
worker module turns the callback into a Qt signal and the CLI into a bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

__all__ = ["CancelToken", "Progress", "is_cancelled"]

Progress = Callable[[int, int], None]
"""``progress(done, total)``; ``total`` is 0 when unknown."""


class CancelToken(Protocol):
    """Anything with ``is_set()``: set means "stop at the next safe point"."""

    def is_set(self) -> bool: ...


def is_cancelled(cancel: CancelToken | None) -> bool:
    return cancel is not None and cancel.is_set()
