"""A name followed by its initials in brackets: "Kepala Dinas Pertanian Rudi Hartawan (RH)". The
words before the brackets whose first letter opens the initials are the holder's name, whatever the
office's words before them ("Kepala Bidang Umum Yanto Wibisono (YW)": not "Umum Yanto Wibisono")."""
from __future__ import annotations

import re
from typing import Callable

__all__ = ["initials_name"]

_INITIALS = re.compile(r"[A-Z]{2,3}")
_MAX_WORDS = 3


def initials_name(texts: list[str], k: int, name_word: Callable[[int], bool],
                  known: Callable[[str], bool]) -> tuple[int, int] | None:
    """(start, end) of the name before the bracket at token ``k`` when the bracket holds initials that
    open with the name's first letter and are no known acronym (``known``), else None.

    >>> t = "Kepala Dinas Pertanian Rudi Hartawan ( RH )".split()
    >>> initials_name(t, 5, lambda m: m in (3, 4), lambda s: False)
    (3, 5)
    >>> initials_name(t, 5, lambda m: m in (3, 4), lambda s: s == "RH")  # a body's short form
    """
    if k + 2 >= len(texts) or texts[k] != "(" or texts[k + 2] != ")" or not _INITIALS.fullmatch(texts[k + 1]) \
            or known(texts[k + 1]):
        return None
    acr = texts[k + 1]
    best = None
    s = k
    while s > 0 and k - s < _MAX_WORDS and name_word(s - 1):
        s -= 1
        if "".join(w[0] for w in texts[s:k]) == acr:
            return s, k  # every word's initial
        if texts[s][0] == acr[0]:
            best = s  # else the longest run that opens with the first initial ("Kurniasih (KN)")
    return (best, k) if best is not None else None
