"""Lists of offices where the writer drops the repeated word: "Dinas Perhubungan, Dinas Sosial,
Pemberdayaan Masyarakat dan Desa, Dinas Kesehatan": the third item is the Dinas of that name too."""
from __future__ import annotations

from .context import DocContext, Mention, make_mention
from .lexicon import norm
from .places import local_name

__all__ = ["elided_units", "merged_office_end"]


_MAX_ITEM = 7  # tokens in one list item
#: Gazetteer labels of words that open a name of their own, never a field of the office before them.
_OWN_HEADS = ("PLACE", "TITLE")


def _opens_place(ctx: DocContext, k: int) -> bool:
    """Does a district's or a village's name start at ``k`` ("Dinas Perhubungan, Kecamatan Gerunggang dan
    ..."), a next item of the list, not a field of the office ("..., Pemberdayaan Masyarakat dan Desa
    Kabupaten X": "Desa" before a region's kind word is the field)?"""
    texts = ctx.texts
    if not ctx.hits_at(k, "VENUE_HEAD") or texts[k].lower() not in ctx.lx.local_kinds or k + 1 >= len(texts):
        return False
    return texts[k + 1].lower() not in ctx.lx.kinds("REGION_KIND_WORD") and local_name(ctx, k + 1) > k + 1


def elided_units(ctx: DocContext, found: list[Mention]) -> list[Mention]:
    """Agency mentions for list items that name an office type without its "Dinas"/"Badan", right after
    (or before) an item that has it."""
    texts = ctx.texts
    agencies = [m for m in found if m.type == "Agency" and texts[m.i] in ctx.lx.lists["MERGED_HEAD"]]
    if not agencies:
        return []
    covered = {k for m in found for k in range(m.i, m.j)}
    out: list[Mention] = []
    for m in agencies:
        s = m.j + 1
        if m.j >= len(texts) or texts[m.j] != "," or s >= len(texts) or s in covered or not texts[s][:1].isupper():
            continue
        while s is not None:
            s = _elided_item(ctx, texts[m.i], s, covered, out)  # "Dinas Pendidikan, Kesehatan dan Sosial"
    return out


def _elided_item(ctx: DocContext, head: str, s: int, covered: set[int], out: list[Mention]) -> int | None:
    """Read the list item at ``s`` as ``head`` + an office type; return where the next item starts
    (after "," or "dan"), else None."""
    lx, texts = ctx.lx, ctx.texts
    e = s
    while e < len(texts) and e - s < _MAX_ITEM and texts[e] not in (",", ".", ";") and e not in covered \
            and "\n" not in texts[e]:
        e += 1
    for end in range(e, s, -1):  # the longest run that names an office type
        if texts[end - 1] == "dan":
            continue
        tid = lx.agency_type_index.get(norm(f"{head} " + " ".join(texts[s:end])))
        if tid:
            rec = lx.agency_types[tid]
            out.append(make_mention(ctx, s, end, "Agency", f"agency:{tid}", rec["pattern"],
                                    (" ".join(ctx.text[ctx.doc[s].idx:ctx.doc[end - 1].idx + len(ctx.doc[end - 1])].split()),),
                                    "type"))
            covered.update(range(s, end))
            nxt = end + 1
            if end < len(texts) and texts[end] in (",", "dan") and nxt < len(texts) and texts[nxt][:1].isupper() \
                    and nxt not in covered:
                return nxt
            return None
    return None


def merged_office_end(ctx: DocContext, i: int, j: int) -> int | None:
    """End of one office whose name lists several fields ("Dinas Sosial, Pemberdayaan Masyarakat dan Desa"),
    the type ``i:j`` followed by a comma, else None. It is one office when the items after the comma have
    no head word of their own, the last is joined by "dan", and either a short form in brackets spells the
    whole name or some item is no office type by itself; otherwise the items are offices of a list
    ("Dinas Pendidikan, Kesehatan dan Sosial": see :func:`elided_units`)."""
    from .acronyms import fits

    lx, texts = ctx.lx, ctx.texts
    if texts[i] not in lx.lists["MERGED_HEAD"] or j >= len(texts) or texts[j] != ",":
        return None
    items: list[list[str]] = [[]]
    k, joined = j + 1, False
    while k < len(texts) and k - j < 16:
        w = texts[k]
        if w == "," and items[-1]:
            items.append([])
        elif w.lower() == "dan" and items[-1] and k + 1 < len(texts) and texts[k + 1][:1].isupper():
            items[-1].append("dan")
            joined = True
        elif w[:1].isupper() and w.isalpha() and w.lower() not in lx.lists["GENERIC_AGENCY_HEAD"] \
                and (w.lower() not in lx.function_words or items[-1] and k + 1 < len(texts) and texts[k + 1][:1].isupper()
                     and w.lower() not in ctx.lx.lists["FIELD_BREAK"]) and not any(ctx.hits_at(k, lab) for lab in _OWN_HEADS) \
                and not _opens_place(ctx, k):
            items[-1].append(w)
        else:
            break
        k += 1
    if not joined or not items[-1] or "dan" not in items[-1] or items[-1][-1] == "dan":
        return None
    words = [texts[x] for x in range(i, k) if texts[x] != ","]
    p = paren_end_tokens(texts, k)
    spelt = p is not None and fits("".join(texts[k + 1:p - 1]), words)
    return k if spelt or not all(_is_type(lx, texts[i], it) for it in items) else None


def _is_type(lx, head: str, item: list[str]) -> bool:
    """Is the list item an office type with ``head`` before it, whole or each of its "dan" parts?"""
    parts = " ".join(item).split(" dan ")
    return norm(f"{head} " + " ".join(item)) in lx.agency_type_index \
        or all(norm(f"{head} {p}") in lx.agency_type_index for p in parts)


def paren_end_tokens(texts: list[str], k: int) -> int | None:
    """End (exclusive) of a short bracket "( X )" or "( X-Y )" at ``k``, else None."""
    if k >= len(texts) or texts[k] != "(":
        return None
    for x in range(k + 1, min(len(texts), k + 6)):
        if texts[x] == ")":
            return x + 1 if x > k + 1 else None
    return None
