"""The one retry policy: exponential backoff with full jitter.

Used wherever something is tried again after a failure (an interrupted
upload, a file the server refused for now, a probe while the server is
down), so every retry in the product spreads out the same way.
"""

from __future__ import annotations

import random

__all__ = ["backoff"]

BASE_SECONDS = 0.5


def backoff(attempts: int, cap: float = 300.0, *, jitter: bool = True) -> float:
    """Seconds to wait before try ``attempts + 1``: 0.5 s, 1 s, 2 s … up to ``cap``.

    Full jitter (a random 50–100 % of the step) keeps many clients that failed
    together from retrying together; ``jitter=False`` gives the plain step.
    """
    step = min(cap, BASE_SECONDS * 2 ** min(max(attempts, 0), 16))
    return float(random.uniform(0.5, 1.0) * step) if jitter else float(step)
