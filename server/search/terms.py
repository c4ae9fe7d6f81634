"""What a search asks (the folded words) and where a page of its answer goes on from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from ..errors import ApiProblem
from ..text import words

__all__ = ["Rank", "Terms", "PageCursor", "MAX_WORDS", "PAGE_CURSOR_PATTERN"]

MAX_WORDS = 10
"""Words of a query beyond this are ignored (as before the index: ten LIKE terms at most)."""
MAX_ID = 2**31 - 1
PAGE_CURSOR_PATTERN = r"^([0-2]-)?[0-9]{1,10}$"
"""``next_cursor``: an id (a list), or ``rank-id`` (a search: the tier and the id below which
it goes on)."""


class Rank(IntEnum):
    """The tiers of an answer, best first."""

    NUMBER = 0
    PHRASE = 1
    WORDS = 2


@dataclass(frozen=True)
class Terms:
    """The folded words of a query, at most ``MAX_WORDS``; the last one is matched as a prefix."""

    words: tuple[str, ...]

    @classmethod
    def parse(cls, q: str | None) -> Terms | None:
        """None when ``q`` has no word at all (then it filters nothing, as an empty box)."""
        found = tuple(words(q or "")[:MAX_WORDS])
        return cls(found) if found else None

    def ranks(self) -> tuple[Rank, ...]:
        return (Rank.NUMBER, Rank.PHRASE) if len(self.words) == 1 else tuple(Rank)


@dataclass(frozen=True)
class PageCursor:
    """Where the next page starts: in ``rank``, below ``below`` (None: at the top)."""

    rank: Rank
    below: int | None

    @classmethod
    def decode(cls, cursor: str) -> PageCursor:
        """The schema's pattern is the whole rule, so every cursor it allows is answered (one
        above every possible id starts at the top, never a 32-bit overflow in the database)
        and anything else is a 422."""
        if not re.fullmatch(PAGE_CURSOR_PATTERN, cursor):
            raise ApiProblem(422, "Con trỏ phân trang không hợp lệ.", "Invalid page cursor.")
        rank, _, digits = cursor.rpartition("-")
        below = int(digits)
        return cls(Rank(int(rank or 0)), below if below <= MAX_ID else None)

    def encode(self, searching: bool) -> str:
        below = str(MAX_ID + 1 if self.below is None else self.below)
        return f"{int(self.rank)}-{below}" if searching else below
