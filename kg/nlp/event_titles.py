"""Events named by a quoted title: an activity word with no name of its own, a word of ``THEME`` and the
title in quotation marks ("seminar bertajuk “Guru Hebat, Desa Maju”" -> "Seminar Guru Hebat, Desa Maju";
"acara bertema “Malam Budaya Nusantara”" -> "Malam Budaya Nusantara")."""
from __future__ import annotations

import re

from .context import DocContext, Mention, make_mention
from .lexicon import slug

__all__ = ["titled_event"]

_OPEN = {"“", '"', "‘", "'"}
_CLOSE = {"”", '"', "’", "'"}
_MAX_TITLE = 14  # tokens inside the quotation marks


def titled_event(ctx: DocContext, i: int, j: int, head: str) -> tuple[int, Mention] | None:
    """(end, Event mention) of the activity word ``i:j`` followed by a word of ``THEME`` and a quoted
    title, or None. A wrapping word ("acara", "kegiatan") gives the title alone as the label; another
    head goes before it ("Seminar ..."). The surface with the theme word is an alias."""
    texts = ctx.texts
    theme = ctx.lx.event_words.get("THEME", frozenset())
    if j + 2 >= len(texts) or texts[j].lower() not in theme or texts[j + 1] not in _OPEN:
        return None
    close = next((x for x in range(j + 2, min(len(texts), j + 2 + _MAX_TITLE)) if texts[x] in _CLOSE), None)
    if close is None or close == j + 2:
        return None
    doc = ctx.doc
    title = " ".join(ctx.text[doc[j + 2].idx:doc[close - 1].idx + len(doc[close - 1])].split()).strip(" ,.")
    if not title[:1].isupper():
        return None  # "bertema “peduli sesama”": a slogan in lower case, no event's name
    wrapper = head in ctx.lx.event_words.get("WRAPPER", frozenset())
    label = title if wrapper else f"{ctx.span_text(i, j)[:1].upper()}{ctx.span_text(i, j)[1:]} {title}"
    surface = " ".join(ctx.text[doc[i].idx:doc[close].idx + len(doc[close])].split())
    aliases = tuple(a for a in dict.fromkeys((surface, title, re.sub(r"[“”\"‘’']", "", surface))) if a != label)
    return close + 1, make_mention(ctx, i, close + 1, "Event", f"event:{slug(label)}", label, aliases, head)
