"""Relevance of one cached document to a search, computed in Python.

FTS5's ``bm25()`` needs each term's document count, which it gets by reading
the term's whole doclist — 40–80 ms per query for common Vietnamese words at
a million documents.  Every document in a ranked window already contains all
query words (the MATCH is an AND), so what separates them is where and how
the words occur: in the number/symbol, as the exact phrase, in few words.
That is scored here from the folded columns the window query returns anyway.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

__all__ = ["Relevance"]

logger = logging.getLogger(__name__)

NUMBER_WEIGHT = 10.0
PHRASE_BONUS = 3.0
_K1, _B, _AVERAGE_LENGTH = 1.2, 0.75, 30.0
_WORD = re.compile(r"[0-9a-z]+")


class Relevance:
    """Scores folded ``search_number``/``search_text`` columns for one query;
    ``words`` are the folded query tokens, the last one typed as a prefix."""

    def __init__(self, words: Sequence[str]) -> None:
        patterns = (
            [rf"\b{re.escape(w)}\b" for w in words[:-1]] + [rf"\b{re.escape(words[-1])}"]
            if words
            else []
        )
        self._words = [re.compile(p) for p in patterns]
        gap = r"[^0-9a-z]+"
        self._phrase = re.compile(gap.join(patterns)) if len(patterns) > 1 else None

    def _field(self, text: str) -> float:
        """bm25's term-frequency saturation and length normalisation, without IDF."""
        if not text:
            return 0.0
        norm = _K1 * (1 - _B + _B * len(_WORD.findall(text)) / _AVERAGE_LENGTH)
        total = 0.0
        for word in self._words:
            tf = len(word.findall(text))
            total += tf * (_K1 + 1) / (tf + norm)
        return total

    def __call__(self, search_number: str, search_text: str) -> float:
        """Higher is better."""
        score = NUMBER_WEIGHT * self._field(search_number) + self._field(search_text)
        if self._phrase and (
            self._phrase.search(search_number) or self._phrase.search(search_text)
        ):
            score += PHRASE_BONUS
        return score
