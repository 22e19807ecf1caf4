"""Case-insensitive search made fast: a pattern whose letters are all lower case, searched in
``text.lower()``, finds what it finds with ``re.IGNORECASE`` in ``text``, at the same offsets, but
Python's regex engine can then skip ahead by the pattern's first characters instead of trying
every position both ways. Where lower-casing would move offsets or miss a fold that ``re`` makes
("İ" lower-cases to two characters; "ı", "ſ" and the Kelvin sign match ASCII letters under
``re.IGNORECASE``), the pattern runs with ``re.IGNORECASE`` on the text as it is.

>>> rx = Caseless(r"\\b(?:hari ini|besok)\\b")
>>> [m.span() for m in rx.finditer("Besok dan HARI INI")]
[(0, 5), (10, 18)]
>>> [m.span() for m in rx.finditer("İstanbul, besok")]
[(10, 15)]
"""
from __future__ import annotations

import re
from typing import Iterator

__all__ = ["Caseless", "folded"]

#: characters that re.IGNORECASE folds onto an ASCII letter although lower() does not give it
_RE_FOLDS = frozenset("ıſ\u212a")


def folded(text: str) -> str | None:
    """``text.lower()`` where it keeps every offset and every fold ``re.IGNORECASE`` makes; else None.

    >>> folded("Rapat KORDINASI"), folded("İzmir")
    ('rapat kordinasi', None)
    """
    if not text.isascii():
        for ch in set(text):
            if not ch.isascii() and (ch in _RE_FOLDS or len(ch.lower()) != 1):
                return None
    return text.lower()


class Caseless:
    """A case-insensitive pattern (written with lower-case letters only) searched in folded text."""

    def __init__(self, pattern: str) -> None:
        bare = re.sub(r"\\[A-Za-z]|\(\?P<\w+>|\(\?P=\w+\)", "", pattern)
        if bare != bare.lower():
            raise ValueError(f"a Caseless pattern is written in lower case: {pattern!r}")
        self.low = re.compile(pattern)
        self.any_case = re.compile(pattern, re.I)

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match]:
        """Matches in ``text`` (``low``: ``folded(text)``, if the caller has it already). Offsets
        point into ``text``; the groups are the lower-case text where the text could be folded."""
        low = folded(text) if low is None else low
        return self.low.finditer(low) if low is not None else self.any_case.finditer(text)
