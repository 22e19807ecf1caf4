"""An event named elsewhere, pointed at by its bare word: after a word of ``AT_EVENT`` in a speaker's
attribution ("..., kata X usai peresmian di Kota Y, Kamis (15/2/2024)"), before "itu/tersebut/ini" ("Dalam
rapat itu, ..."), after a verb of taking part ("yang memimpin rapat"): the same event, so its sentence
can give the event's day, venue and the people there, and it can open the article's scene."""
from __future__ import annotations

import re

from .context import DocContext, Mention, make_mention
from .event_names import VERB_SHAPE

__all__ = ["event_echoes"]


def _at_word(lx) -> re.Pattern:
    """A word of ``AT_EVENT`` and the word after it (made once: ``Lexicon.derived``)."""
    return re.compile(r"\b" + lx.phrases("AT_EVENT").pattern + r"\s+([a-z]+)\b", re.I)


def event_echoes(ctx: DocContext, named: list[Mention]) -> list[Mention]:
    """Mentions of bare event words pointing at the one named event (not an election) whose label opens with
    that word (none where two share it), outside quotations: after a word of ``AT_EVENT`` that places words
    said ("kata X usai peresmian": a speech cue before it in its sentence), before "itu/tersebut/ini"
    ("Dalam rapat itu, X melaporkan ..."), or after a verb of taking part ("X yang memimpin rapat ...");
    not where the word goes on as a name of its own ("usai rapat koordinasi ...")."""
    by_head: dict[str, list[Mention]] = {}
    for m in named:
        if m.kind != "election":
            by_head.setdefault(m.label.split()[0].lower(), []).append(m)
            short = re.search(r"\(([A-Za-z]{2,10})\)", m.text)  # "inspeksi mendadak (sidak)": "sidak" points at it too
            if short and short.group(1).lower() != m.label.split()[0].lower():
                by_head.setdefault(short.group(1).lower(), []).append(m)
    heads = {h: ms[0] for h, ms in by_head.items() if len({m.key for m in ms}) == 1}
    if not heads:
        return []
    taken = {k for m in named for k in range(m.i, m.j)}
    texts, lx = ctx.texts, ctx.lx
    said = None
    out = []
    for k, w in enumerate(texts):
        m = heads.get(ctx.lows[k])
        if m is None or k in taken or ctx.in_quote(ctx.doc[k].idx) or not (w.islower() or k == ctx.doc[k].sent.start):
            continue
        if said is None:  # the words after a word of AT_EVENT, found once a document has a candidate
            spans = (ctx.doc.char_span(h.start(1), h.end(1)) for h in lx.derived("at_event_word", _at_word).finditer(ctx.text))
            said = {sp.start for sp in spans if sp is not None}
        nxt = texts[k + 1].lower() if k + 1 < len(texts) else ""
        pointed = nxt in lx.lists["POINTING_BACK"]
        if not pointed and nxt[:1].isalpha() and nxt not in lx.function_words and not VERB_SHAPE.match(nxt):
            continue  # "usai rapat koordinasi ...", "saat apel siaga": a name of its own, not a pointer (but
            # "... memimpin rapat meminta ...": a verb after it, the sentence goes on)
        before = texts[k - 1].lower() if k > 0 else ""
        if before in lx.event_words.get("NOT_HAPPENING", ()):
            continue  # "hasil evaluasi tersebut", "laporan rapat itu": what came of it, not the happening
        if any(texts[x].lower() in lx.lists["NEGATION"] for x in range(max(ctx.doc[k].sent.start, k - 4), k)):
            continue  # "berhalangan hadir dalam rapat itu": not there
        if pointed or w.islower() and before.startswith("me") and before in lx.event_cue_before \
                or w.islower() and k in said and _after_words_said(ctx, k):
            out.append(make_mention(ctx, k, k + 1, "Event", m.key, m.label, (), m.kind))
    return out




def _after_words_said(ctx: DocContext, k: int) -> bool:
    """Is there a speech cue before token ``k`` in its sentence ("..., kata X usai peresmian")? Not "Usai
    apel, X menggelar ramah tamah ...": after it, another happening."""
    sent = ctx.doc[k].sent
    return any(ctx.texts[x].lower() in ctx.lx.cue_tokens for x in range(sent.start, k))
