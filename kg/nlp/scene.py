"""The scene of a report: an article that opens on an event goes on to quote the people who were
there. Whoever is quoted after the lead event, before any other event is named, took part in it."""
from __future__ import annotations

import re

from .context import DocContext, Mention

__all__ = ["scene_speakers"]

_LEAD_SENTENCES = 4  # the headline, a subtitle, the lead: the event must be named this early


def scene_speakers(ctx: DocContext, by_event: dict[str, list[Mention]], ents: dict[str, dict],
                   quotes, hosted: set[str] = frozenset()) -> dict[str, list[str]]:
    """{lead event key: [speaker keys]} for the speakers quoted after the lead event (directly or in
    reported speech), up to the first mention of another event; elections set no scene. The lead event
    is the first one the lead names, or the first held at a named venue there ("hasil evaluasi 2023
    diserahkan dalam acara X di Hotel Y": the scene is acara X)."""
    starts = sorted((m.start, key) for key, ms in by_event.items() if ents[key].get("kind") != "election"
                    for m in ms)
    if not starts or not quotes:
        return {}
    leads = [(s, key) for s, key in starts if _in_lead(ctx, s)]
    if not leads:
        return {}
    lead_start, lead = next(((s, key) for s, key in leads if key in hosted), leads[0])
    # an event named inside a quotation or a reported statement is talked about, not a new scene;
    # another event named in the lead's own sentence ("acara X dan Y di Hotel Z") shares its scene
    span = ctx.doc.char_span(lead_start, lead_start + 1, alignment_mode="expand")
    lead_end = span.sent.end_char if span is not None else lead_start
    # two events held at a named venue, joined in a sentence of the lead ("Peluncuran X dirangkaikan
    # dengan Rapat Y di Balai Z"): the scene of both
    joined = _joined(ctx, by_event, lead, hosted, starts) if lead in hosted else {}
    lead_end = max([lead_end, *joined.values()])
    said_spans = [(q.start, q.end) for q in quotes]
    until = next((s for s, key in starts if key != lead and key not in joined and s > lead_end and not ctx.in_quote(s)
                  and not any(a <= s < b for a, b in said_spans)), len(ctx.text))
    # "Terpisah, ...", "Saat dikonfirmasi, ...": a source elsewhere ends the scene (not "Sementara itu,",
    # which as often gives the next speaker at the same event)
    elsewhere = ctx.lx.derived("elsewhere_lead", lambda lx: re.compile(
        r"^\W*" + lx.phrases("ELSEWHERE_LEAD").pattern + r"\b", re.I))
    until = next((sent.start_char for sent in ctx.doc.sents if lead_start < sent.start_char < until
                  and elsewhere.match(ctx.text[sent.start_char:sent.end_char])), until)
    said = [q.speaker for q in quotes if q.speaker and lead_start < q.start < until]
    # "X, saat dihubungi terpisah, membenarkan ...": reached elsewhere, though the scene goes on (not
    # "saat dikonfirmasi usai apel": the lead event's head after a word of AT_EVENT)
    inside = ctx.lx.derived("elsewhere_inside", lambda lx: re.compile(
        r"\b" + lx.phrases("ELSEWHERE_LEAD").pattern + r"\b", re.I))
    head = (ents[lead].get("label") or "").split()[:1]
    there = re.compile(r"\b" + ctx.lx.phrases("AT_EVENT").pattern + r"\s+" + re.escape(head[0]) + r"\b",
                       re.I) if head else None
    away = {q.speaker for q in quotes if q.speaker in said and inside.search(sent := _sentence_of(ctx, q.start))
            and not (there and there.search(sent))}
    said = [k for k in said if k not in away]
    return {key: said for key in [lead, *joined]} if said else {}


def _joined(ctx: DocContext, by_event: dict[str, list[Mention]], lead: str, hosted: set[str],
            starts: list[tuple[int, str]]) -> dict[str, int]:
    """{event key: end of the sentence} of the other events held at a named venue that a sentence of
    the lead names beside the lead event."""
    out: dict[str, int] = {}
    for m in by_event[lead]:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not _in_lead(ctx, m.start) or ctx.in_quote(m.start):
            continue
        sent = span.sent
        for s, key in starts:
            if key != lead and key in hosted and sent.start_char <= s < sent.end_char and not ctx.in_quote(s):
                out[key] = max(out.get(key, 0), sent.end_char)
    return out


def _in_lead(ctx: DocContext, start: int) -> bool:
    """Is ``start`` within the first sentences of the text (the headline, a subtitle, the lead)?"""
    n = 0
    for sent in ctx.doc.sents:
        if sent.end_char > start:
            return True
        n += ctx.text[sent.start_char:sent.end_char].strip() != ""
        if n > _LEAD_SENTENCES:
            return False
    return False


def _sentence_of(ctx: DocContext, pos: int) -> str:
    span = ctx.doc.char_span(pos, min(pos + 1, len(ctx.text)), alignment_mode="expand")
    return ctx.text[span.sent.start_char:span.sent.end_char] if span is not None else ""
