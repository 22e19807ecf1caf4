"""The scene of a report: an article that opens on an event goes on to quote the people who were
there. Whoever is quoted after the lead event, before any other event is named, took part in it."""
from __future__ import annotations

import re

from .context import DocContext, Mention

__all__ = ["scene_speakers"]

_LEAD_SENTENCES = 4  # the headline, a subtitle, the lead: the event must be named this early


def scene_speakers(ctx: DocContext, by_event: dict[str, list[Mention]], ents: dict[str, dict],
                   quotes) -> dict[str, list[str]]:
    """{lead event key: [speaker keys]} for the speakers quoted after the lead event (directly or in
    reported speech), up to the first mention of another event; elections set no scene."""
    starts = sorted((m.start, key) for key, ms in by_event.items() if ents[key].get("kind") != "election"
                    for m in ms)
    if not starts or not quotes:
        return {}
    lead_start, lead = starts[0]
    n = 0
    for sent in ctx.doc.sents:
        if sent.end_char > lead_start:
            break
        n += ctx.text[sent.start_char:sent.end_char].strip() != ""
        if n > _LEAD_SENTENCES:
            return {}
    # an event named inside a quotation is talked about, not a new scene
    until = next((s for s, key in starts if key != lead and s > lead_start and not ctx.in_quote(s)), len(ctx.text))
    # "Terpisah, ...", "Saat dikonfirmasi, ...": a source elsewhere ends the scene (not "Sementara itu,",
    # which as often gives the next speaker at the same event)
    elsewhere = re.compile(r"^\W*" + ctx.lx.phrases("ELSEWHERE_LEAD").pattern + r"\b", re.I)
    until = next((sent.start_char for sent in ctx.doc.sents if lead_start < sent.start_char < until
                  and elsewhere.match(ctx.text[sent.start_char:sent.end_char])), until)
    said = [q.speaker for q in quotes if q.speaker and lead_start < q.start < until]
    return {lead: said} if said else {}
