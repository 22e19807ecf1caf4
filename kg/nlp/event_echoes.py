"""An event named elsewhere, pointed at by its bare word after a word of ``AT_EVENT`` ("..., kata X usai
peresmian di Kota Y, Kamis (15/2/2024)", "saat rapat"): the same event, so its sentence can give the
event's day, venue and the people there, and it can open the article's scene."""
from __future__ import annotations

import re

from .context import DocContext, Mention, make_mention

__all__ = ["event_echoes"]


def _at_word(lx) -> re.Pattern:
    """A word of ``AT_EVENT`` and the word after it (made once: ``Lexicon.derived``)."""
    return re.compile(r"\b" + lx.phrases("AT_EVENT").pattern + r"\s+([a-z]+)\b", re.I)


def event_echoes(ctx: DocContext, named: list[Mention]) -> list[Mention]:
    """Mentions of the bare event words after a word of ``AT_EVENT`` that places words said ("kata X usai
    peresmian"; a speech cue before it in its sentence), outside quotations, each pointing at the one named
    event (not an election) whose label opens with that word; none where two share it or the word goes on
    as a name ("usai rapat koordinasi ...": named there, not pointed at)."""
    by_head: dict[str, list[Mention]] = {}
    for m in named:
        if m.kind != "election":
            by_head.setdefault(m.label.split()[0].lower(), []).append(m)
    heads = {h: ms[0] for h, ms in by_head.items() if len({m.key for m in ms}) == 1}
    if not heads:
        return []
    taken = {k for m in named for k in range(m.i, m.j)}
    out = []
    for hit in ctx.lx.derived("at_event_word", _at_word).finditer(ctx.text):
        word = hit.group(1)
        m = heads.get(word.lower())
        if m is None or not word.islower() or ctx.in_quote(hit.start(1)):
            continue
        span = ctx.doc.char_span(hit.start(1), hit.end(1))
        if span is None or span.start in taken:
            continue
        k = span.start
        sent = ctx.doc[k].sent
        if not any(ctx.texts[x].lower() in ctx.lx.cue_tokens for x in range(sent.start, k)):
            continue  # "Usai apel, X menggelar ramah tamah ...": after it, another happening; not words said there
        nxt = ctx.texts[k + 1] if k + 1 < len(ctx.texts) else ""
        if nxt[:1].isalpha() and nxt not in ctx.lx.function_words and nxt.lower() not in ("ini", "itu", "tersebut"):
            continue  # "usai rapat koordinasi ...", "saat apel siaga": a name of its own, not a pointer
        out.append(make_mention(ctx, k, k + 1, "Event", m.key, m.label, (), m.kind))
    return out
