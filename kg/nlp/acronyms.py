"""Acronyms a text defines, in both directions: "Badan Kepegawaian Negara (BKN)" and
"BKN (Badan Kepegawaian Negara)". A parenthesis whose letters do not fit the words
before it (Schwartz–Hearst) is not a definition."""
from __future__ import annotations

import re
from typing import Iterator

from .context import DocContext, is_acronym, paren_end

__all__ = ["find_acronyms"]






def find_acronyms(ctx: DocContext) -> Iterator[tuple[int, int, int, int, str, str]]:
    """Acronym definitions: ``(lf_start, lf_end, acr_i, acr_j, long_form, acronym)`` token spans.

    Both directions: "Badan Kepegawaian Negara (BKN)" and "BKN (Badan Kepegawaian Negara)".
    A parenthetical whose letters do not fit the words before it is not a definition.
    """
    doc = ctx.doc
    for i, text in enumerate(ctx.texts):
        if text != "(":
            continue
        end = paren_end(ctx, i, max_len=12)
        if not end:
            continue
        inner = doc[i + 1:end - 1]
        if len(inner) == 0:
            continue
        if len(inner) <= 3 and re.match(r"^[A-Za-z][A-Za-z&\-.]{1,14}$", inner.text.replace(" ", "")) \
                and any(c.isupper() for c in inner.text[1:] + inner.text[:1]):
            acr = inner.text.replace(" ", "")
            lf = _long_form_before(ctx, i, acr)
            if lf:
                s, e = lf
                yield s, e, i + 1, end - 1, doc[s:e].text, acr
        elif len(inner) >= 2 and i >= 1 and is_acronym(doc[i - 1]):
            acr = doc[i - 1].text
            if _fits(acr, [t.text for t in inner if not t.is_punct]):
                yield i + 1, end - 1, i - 1, i, inner.text, acr


def _fits(acr: str, words: list[str]) -> bool:
    """Schwartz–Hearst style check that the acronym's letters come from the words, in order."""
    a = [c.lower() for c in acr if c.isalpha()]
    if not a or not words:
        return False
    ws = [w.lower() for w in words if w.isalpha() or "-" in w]
    if not ws or ws[0][0] != a[0]:
        return False
    text = " ".join(ws)
    ai, ti = len(a) - 1, len(text) - 1
    while ai >= 0:
        while ti >= 0 and (text[ti] != a[ai] or (ai == 0 and ti > 0 and text[ti - 1] != " ")):
            ti -= 1
        if ti < 0:
            return False
        ai -= 1
        ti -= 1
    # every long word should contribute: not too many words without a letter in the acronym
    return len(ws) <= len(a) + 4


def _long_form_before(ctx: DocContext, i: int, acr: str) -> tuple[int, int] | None:
    doc = ctx.doc
    k = i - 1
    words: list[int] = []
    while k >= 0 and len(words) < len(acr) + 5:
        t = doc[k]
        if t.is_punct and t.text not in ("-", "&") or "\n" in t.text or t.is_space:
            break
        words.append(k)
        k -= 1
    words.reverse()
    for s in reversed(range(len(words))):  # the shortest long form that fits (Schwartz–Hearst)
        cand = [doc[w].text for w in words[s:]]
        if cand and _fits(acr, [w for w in cand if w not in ("-", "&")]) and cand[0][0].lower() == acr[0].lower():
            # prefer the longest long form that fits, whose first word is capitalised or lower-case alike
            return words[s], i
    return None


