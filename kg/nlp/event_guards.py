"""Where an event word is no event's name, or a name goes on: inside an office's title, one item of a list
of activities, a list of short forms inside a name."""
from __future__ import annotations

from .context import DocContext, is_cap
from .units import is_unit_word

__all__ = ["enumerated", "in_office", "inner_word", "listed_end", "similar"]


def in_office(ctx: DocContext, i: int) -> bool:
    """Is the capitalised event word at ``i`` part of an office's title ("Asisten Deputi Koordinasi
    Pelaksanaan Kebijakan dan Evaluasi ...", "Kepala Bidang Pelatihan")? An office title ends at most
    eight words before it, and only fields of government and "dan" stand between."""

    texts = ctx.texts
    if not texts[i][:1].isupper():
        return False
    for k in range(max(0, i - 8), i):
        for h in ctx.hits_at(k, "TITLE"):
            if h.j <= i and all(is_unit_word(ctx.lx, texts[x]) or texts[x] in ("dan", ",") for x in range(h.j, i)):
                return True
    return False


def enumerated(ctx: DocContext, i: int, end: int) -> bool:
    """Is the lower-case activity ``i:end`` one item of a list of activities ("koordinasi, ..., penguatan
    SDM, pengembangan ...")? A comma before it and a comma or "dan"/"hingga" after it."""
    texts = ctx.texts
    return i > 0 and texts[i - 1] == "," and end < len(texts) and texts[end] in (",", "dan", "hingga", "serta")


def listed_end(ctx: DocContext, k: int) -> int | None:
    """End of a list that goes on at the comma ``k`` ("ASN, TNI dan Polri") when it names short forms
    or single capitalised words and closes with "dan"/"serta" before any other punctuation, else None."""
    texts = ctx.texts
    x = k
    while x + 1 < len(texts) and x - k < 8:
        nxt = texts[x + 1]
        if not (nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in ctx.lx.function_words):
            return None
        if texts[x] in ctx.lx.lists["COORDINATOR"]:
            return x + 2
        if x + 2 >= len(texts) or texts[x + 2] not in (",", "dan", "serta"):
            return None
        x += 2
    return None


def similar(ctx: DocContext, j: int, end: int) -> bool:
    """Does a word of likeness follow the head ("sidak serupa", "rapat sejenis")? Then the words tell a kind
    of happening, another like the one told, not one of its own."""
    texts, words = ctx.texts, ctx.lx.event_words.get("SIMILAR", frozenset())
    return any(texts[x].lower() in words for x in range(j, min(end + 1, len(texts))))


def inner_word(ctx: DocContext, k: int) -> bool:
    """Is the capitalised function word at ``k`` inside a name, between two capitalised words that open
    no office ("Komitmen Bersama Pembangunan ...", not "Rapat Koordinasi Bersama Bupati ...")?"""
    texts = ctx.texts
    return texts[k].lower() in ctx.lx.event_words.get("NAME_INNER", frozenset()) and 0 < k < len(texts) - 1 \
        and is_cap(ctx.doc[k - 1]) and is_cap(ctx.doc[k + 1]) and not ctx.longest(k + 1, ("TITLE", "ACTING"))
