"""Public works as events: "proyek betonisasi jalan di RW 03", "pembangunan jembatan gantung",
"rehabilitasi saluran irigasi". A works word (``WORKS_HEAD``) right before the thing built
(``WORKS_OBJECT``) names a happening where the text marks it as one: a project word or an event
verb before it ("proyek", "kegiatan", "meninjau"), or the place it is done after it ("di Dusun ...")."""
from __future__ import annotations

from .context import DocContext, Mention, make_mention
from .lexicon import slug

__all__ = ["iter_works"]

def iter_works(ctx: DocContext, taken: set[int]) -> list[Mention]:
    """Works events outside the tokens ``taken`` by other names."""
    lx, texts = ctx.lx, ctx.texts
    out: list[Mention] = []
    seen: dict[str, tuple[str, str]] = {}  # the thing built -> (key, label) of its first mention
    heads, objects, done = lx.works_heads, lx.works_objects, 0
    words = lx.event_words  # "proyek", "meninjau", "dusun": kg/rules/event_words.jsonl
    project, doing, local = words["WORKS_PROJECT"], words["WORKS_DOING"], words["WORKS_PLACE"]
    stop = words.get("OBJECT_STOP", frozenset())  # "senilai Rp312 juta", "sepanjang 2 km": its measure, not its name
    for k in [k for k, low in enumerate(ctx.lows[:-1]) if low in heads]:  # one pass of set lookups
        if k < done or k in taken or k + 1 in taken or not texts[k + 1].islower() or texts[k + 1] not in objects:
            continue  # "Pembangunan Gedung DPRD": a capitalised name is not told here
        end = k + 2
        while end < len(texts) and end - k < 6 and texts[end].isalpha() and texts[end].islower() \
                and texts[end] not in lx.function_words and texts[end] not in lx.cue_verbs and texts[end] not in stop:
            end += 1
        start = k - 1 if k > 0 and texts[k - 1].lower() in project else k
        before = texts[start - 1].lower() if start > 0 else ""
        at = [t.lower() for t in texts[end:end + 3]] + ["", "", ""]
        word, _, number = at[1].partition(".")
        # "di RW 03", "di RW.03", "di Dusun Krajan"; not "di desa-desa"
        nxt = texts[end + 2][:1] if end + 2 < len(texts) else ""
        named_place = at[0] == "di" and word in local and (number != "" or nxt.isupper() or nxt.isdigit())
        done = end
        if start == k and before not in doing and not named_place:
            continue
        name = " ".join(ctx.text[ctx.doc[k].idx:ctx.doc[end - 1].idx + len(ctx.doc[end - 1])].split())
        label = name[0].upper() + name[1:]
        full = " ".join(ctx.text[ctx.doc[start].idx:ctx.doc[end - 1].idx + len(ctx.doc[end - 1])].split())
        # one article, one thing built: "proyek betonisasi jalan" and "pembangunan jalan di RW 03" are one project
        key, first = seen.setdefault(texts[k + 1].lower(), (f"event:{slug(label)}", label))
        out.append(make_mention(ctx, start, end, "Event", key, first,
                                tuple(dict.fromkeys(a for a in (label, full) if a != first)), "works"))
    return out
