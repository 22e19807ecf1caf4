"""The triples of one document, of a copy of it, and of the corrections applied, as
Turtle text (the entity section is :mod:`kg.graph.entities`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rdflib.namespace import PROV, RDFS

from ..records import Copy, DocResult
from .iris import BASE, DOC, agent_iri, copy_iri, correction_iri, doc_node, doc_slug, document_iri, quote_node
from .turtle import (ESC, SRC, T, Triples, date_literal, entity_ref, int_literal, iri_ref, key_segment, literal,
                     title_hash)

__all__ = ["DocBlock", "render_doc", "render_copy", "finish_block", "Applied", "render_corrections",
           "influenced_by"]

@dataclass(frozen=True)
class DocBlock:
    """One document rendered: Turtle text with placeholders, entity summary, counts.

    ``summary`` holds one tuple ``(key, type, label, aliases, official, kind, part_of)``
    per entity, in the document's order; ``counts`` is ``(direct quotes, reported
    statements, roles)``.
    """

    text: str
    summary: tuple
    triples: int
    counts: tuple[int, int, int]


def render_doc(r: DocResult) -> DocBlock:
    """The document block of ``r`` (independent of ``r.article.source``)."""
    t = Triples()
    doc = doc_node()
    t.add(doc, "a", T.Document)
    t.add(doc, T.source, f'"{SRC}"')
    t.add(doc, T.text, literal(r.article.text))
    _publication(t, doc, r.article)
    if r.dateline_place:
        t.add(doc, T.datelinePlace, entity_ref(r.dateline_place))
    summary = _mentions(t, doc, r)
    _roles(t, doc, r)
    _event_reports(t, doc, r)
    _quotes(t, doc, r)
    counts = (sum(q.direct for q in r.quotes), sum(not q.direct for q in r.quotes), len(r.roles))
    return DocBlock(t.turtle() + "\n", tuple(summary), t.n, counts)


def _publication(t: Triples, node: str, p) -> None:
    """Where and when ``p`` (an Article or a Copy) was published: title, date, authors,
    editors, URL, outlet and retrieval time."""
    if p.title:
        t.add(node, T.title, literal(p.title))
    if p.date:
        t.add(node, T.date, date_literal(p.date))
    for name in p.authors:
        t.add(node, T.author, literal(name))
    for name in getattr(p, "editors", ()):
        t.add(node, T.editor, literal(name))
    if p.url:
        t.add(node, T.url, literal(p.url) + "^^xsd:anyURI")
    if p.site:
        t.add(node, T.outlet, literal(p.site))
    if p.retrieved:
        t.add(node, T.retrieved, literal(p.retrieved) + "^^xsd:dateTime")


def _located(t: Triples, node: str, doc: str, start: int, end: int) -> None:
    """``node`` lies at ``start:end`` of the document ``doc``."""
    t.add(node, T.inDocument, doc)
    t.add(node, T.start, int_literal(start))
    t.add(node, T.end, int_literal(end))


def _mentions(t: Triples, doc: str, r: DocResult) -> list[tuple]:
    """Entities mentioned and their mentions; returns the document's entity summary."""
    summary, mentions = [], []
    for e in r.entities:
        iri = entity_ref(e.key)
        t.add(iri, T.mentionedIn, doc)
        summary.append((e.key, e.type, e.label, tuple(e.aliases), bool(e.official), e.kind, e.part_of))
        etype = e.type.lower()
        for sp in e.mentions:
            mentions.append((f"<{BASE}mention/{DOC}/{sp.start}-{sp.end}-{etype}>", iri, sp))
    for m, iri, sp in mentions:
        t.add(m, "a", T.Mention)
        t.add(m, T.mentionOf, iri)
        _located(t, m, doc, sp.start, sp.end)
        t.add(m, T.surface, literal(sp.text))
    return summary


def _roles(t: Triples, doc: str, r: DocResult) -> None:
    for ro in r.roles:
        role = f"<{BASE}role/{DOC}/{key_segment(ro.person)}-{title_hash(ro.title)}>"
        person = entity_ref(ro.person)
        t.add(person, T.holdsRole, role)
        t.add(role, "a", T.Role)
        t.add(role, T.holder, person)
        t.add(role, T.roleTitle, literal(ro.title))
        _located(t, role, doc, ro.start, ro.end)
        if ro.organization:
            t.add(role, T.organization, entity_ref(ro.organization))
        if ro.date:
            t.add(role, T.date, date_literal(ro.date))


def _event_reports(t: Triples, doc: str, r: DocResult) -> None:
    for ev in r.events:
        rep = f"<{BASE}eventreport/{DOC}/{key_segment(ev.event)}>"
        t.add(rep, "a", T.EventReport)
        t.add(rep, T.reportsEvent, entity_ref(ev.event))
        t.add(rep, T.inDocument, doc)
        if ev.date:
            t.add(rep, T.date, date_literal(ev.date))
        if ev.place:
            t.add(rep, T.place, entity_ref(ev.place))
        for p in ev.participants:
            t.add(rep, T.participant, entity_ref(p))


def _quotes(t: Triples, doc: str, r: DocResult) -> None:
    for q in r.quotes:
        qi = quote_node(q.start, q.end)
        if q.speaker:
            t.add(entity_ref(q.speaker), T.said, qi)
        t.add(qi, "a", T.Quote)
        t.add(qi, T.text, literal(q.text))
        t.add(qi, T.isDirect, "true" if q.direct else "false")
        _located(t, qi, doc, q.start, q.end)
        if q.cue:
            t.add(qi, T.cue, literal(q.cue))
        if q.speaker:
            t.add(qi, T.speaker, entity_ref(q.speaker))
        for ab in q.about:
            t.add(qi, T.about, entity_ref(ab))


def finish_block(data: bytes, source: str) -> bytes:
    """Fill a block's placeholders (UTF-8 bytes) with the document's slug and source name."""
    return data.replace(DOC.encode(), doc_slug(source).encode("ascii")).replace(
        SRC.encode(), source.translate(ESC).encode("utf-8"))


def render_copy(c: Copy) -> tuple[str, int]:
    """``(Turtle text, triple count)`` of copy ``c`` (``c.of``: the final source name of the
    document it copies)."""
    t = Triples()
    node = iri_ref(str(copy_iri(c.source)))
    t.add(node, "a", T.Copy)
    t.add(node, T.copyOf, iri_ref(str(document_iri(c.of))))
    t.add(node, T.source, literal(c.source))
    _publication(t, node, c)
    return t.turtle() + "\n", t.n


@dataclass(frozen=True)
class Applied:
    """A correction applied, as :func:`render_corrections` writes it: the text of its line,
    its operation, who made it, when (an xsd:dateTime lexical form), a note, and the
    ``<iri>`` of every node it changed."""

    text: str
    op: str
    by: str = ""
    at: str = ""
    note: str = ""
    nodes: tuple[str, ...] = ()


def render_corrections(applied: Iterable[Applied]) -> tuple[str, int]:
    """``(Turtle, triples)``: one ``kg:Correction`` (a PROV activity) per correction, its
    agent, and a ``prov:wasInfluencedBy`` link from each node it changed."""
    acts: dict[str, list] = {}
    links: dict[str, None] = {}
    influenced = iri_ref(str(PROV.wasInfluencedBy))
    for c in applied:
        act = iri_ref(str(correction_iri(c.text)))
        preds = acts.setdefault(act, [("a", T.Correction), ("a", iri_ref(str(PROV.Activity))),
                                      (T.correctionOp, literal(c.op)), (T.correctionText, literal(c.text))])
        if c.by:
            agent = iri_ref(str(agent_iri(c.by)))
            preds.append((iri_ref(str(PROV.wasAssociatedWith)), agent))
            acts.setdefault(agent, [("a", iri_ref(str(PROV.Agent))), (iri_ref(str(RDFS.label)), literal(c.by))])
        if c.at:
            preds.append((iri_ref(str(PROV.endedAtTime)), f'"{c.at}"^^xsd:dateTime'))
        if c.note:
            preds.append((iri_ref(str(RDFS.comment)), literal(c.note)))
        links.update(dict.fromkeys(f"{node} {influenced} {act} .\n" for node in c.nodes))
    out, n = list(links), len(links)
    for s in sorted(acts):
        preds = list(dict.fromkeys(acts[s]))
        out.append(s + " " + " ;\n    ".join(f"{p} {o}" for p, o in preds) + " .\n")
        n += len(preds)
    return ("\n" + "".join(out)) if out else "", n


def influenced_by(node: str, text: str) -> str:
    """The statement that ``node`` (an ``<iri>``) was changed by the correction whose line is ``text``."""
    return f"{node} {iri_ref(str(PROV.wasInfluencedBy))} {iri_ref(str(correction_iri(text)))} .\n"
