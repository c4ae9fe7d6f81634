"""The one retry policy every package uses."""

from __future__ import annotations

from base.backoff import backoff


def test_backoff_grows_with_jitter_and_cap() -> None:
    assert 0.25 <= backoff(0) <= 0.5
    assert 4 <= backoff(4) <= 8
    assert backoff(40) <= 300
    assert backoff(40, cap=8.0) <= 8.0
    assert [backoff(n, jitter=False) for n in range(4)] == [0.5, 1.0, 2.0, 4.0]
    assert (
        len({backoff(3) for _ in range(20)}) > 1
    )  # spread out, so clients that failed together do not retry together
