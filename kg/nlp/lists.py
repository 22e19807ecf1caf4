"""Lists of offices where the writer drops the repeated word: "Dinas Perhubungan, Dinas Sosial,
Pemberdayaan Masyarakat dan Desa, Dinas Kesehatan": the third item is the Dinas of that name too."""
from __future__ import annotations

from .context import DocContext, Mention, make_mention
from .lexicon import norm

__all__ = ["elided_units"]

_MAX_ITEM = 7  # tokens in one list item


def elided_units(ctx: DocContext, found: list[Mention]) -> list[Mention]:
    """Agency mentions for list items that name an office type without its "Dinas"/"Badan", right after
    (or before) an item that has it."""
    lx, texts = ctx.lx, ctx.texts
    agencies = [m for m in found if m.type == "Agency" and texts[m.i] in ("Dinas", "Badan")]
    if len(agencies) < 2:
        return []
    covered = {k for m in found for k in range(m.i, m.j)}
    out: list[Mention] = []
    for m in agencies:
        s = m.j + 1
        if m.j >= len(texts) or texts[m.j] != "," or s >= len(texts) or s in covered or not texts[s][:1].isupper():
            continue
        e = s
        while e < len(texts) and e - s < _MAX_ITEM and texts[e] not in (",", ".", ";") and e not in covered \
                and "\n" not in texts[e]:
            e += 1
        for end in range(e, s, -1):  # the longest run that names an office type
            if texts[end - 1] == "dan":
                continue
            tid = lx.agency_type_index.get(norm(f"{texts[m.i]} " + " ".join(texts[s:end])))
            if tid:
                rec = lx.agency_types[tid]
                out.append(make_mention(ctx, s, end, "Agency", f"agency:{tid}", rec["pattern"],
                                        (" ".join(ctx.text[ctx.doc[s].idx:ctx.doc[end - 1].idx + len(ctx.doc[end - 1])].split()),),
                                        "type"))
                covered.update(range(s, end))
                break
    return out
