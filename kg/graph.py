"""Graph stage: :class:`~kg.records.DocResult` records → an rdflib graph.

The only module that mints IRIs. The same input always gives the same IRIs and,
serialised, the same bytes: keys become readable slugs with a short hash when the
slug alone could collide, and no blank nodes are used.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from rdflib import RDF, XSD, Graph, Literal, URIRef

from .fileio import atomic_write
from .ns import KG, KGD, NAME_TERMS, PREFIXES, SCHEMA
from .records import Copy, DocResult

__all__ = ["entity_iri", "document_iri", "copy_iri", "build_graph", "add_copy", "write_graph", "TYPE_CLASS"]

TYPE_CLASS = {"Person": KG.Person, "Agency": KG.Agency, "Policy": KG.Policy, "Event": KG.Event,
              "Place": KG.Place}
_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _h(s: str, n: int = 8) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:n]


def _slug(s: str) -> str:
    import unicodedata
    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", a.lower()))[:80].strip("-")


def _local(s: str) -> str:
    """A path segment for ``s`` that cannot break an IRI and cannot collide."""
    sl = _slug(s)
    if sl and sl == s and _SAFE.match(s) and len(s) <= 80:
        return sl
    return f"{sl or 'x'}--{_h(s)}"  # "--" never occurs in a safe slug: no collision with one


def entity_iri(key: str) -> URIRef:
    """IRI of an entity key such as ``"person:wahyu-hidayat"``.

    >>> str(entity_iri("person:wahyu-hidayat"))
    'https://w3id.org/kgid/id/person/wahyu-hidayat'
    """
    etype, _, rest = key.partition(":")
    return KGD[f"{_slug(etype) or 'entity'}/{_local(rest)}"]


def document_iri(source: str) -> URIRef:
    """IRI of a document, from its source file name."""
    return KGD[f"doc/{_slug(source) or 'doc'}-{_h(source, 6)}"]


def copy_iri(source: str) -> URIRef:
    """IRI of a copy (another publication of a document's words), from its source name."""
    return KGD[f"copy/{_slug(source) or 'copy'}-{_h(source, 6)}"]


def add_copy(g: Graph, c: Copy) -> None:
    """Add the triples of copy ``c``; ``c.of`` is the final source name of the document it copies."""
    node = copy_iri(c.source)
    g.add((node, RDF.type, KG.Copy))
    g.add((node, KG.copyOf, document_iri(c.of)))
    _add_publication(g, node, c)


def _add_publication(g: Graph, node: URIRef, p) -> None:
    """Where and when ``p`` (an Article or a Copy) was published: source, title, date, authors,
    URL, outlet and retrieval time."""
    g.add((node, KG.source, Literal(p.source)))
    if p.title:
        g.add((node, KG.title, Literal(p.title)))
    if p.date:
        g.add((node, KG.date, _date(p.date)))
    for name in p.authors:
        g.add((node, KG.author, Literal(name)))
    if p.url:
        g.add((node, SCHEMA.url, Literal(p.url, datatype=XSD.anyURI)))
    if p.site:
        g.add((node, KG.outlet, Literal(p.site)))
    if p.retrieved:
        g.add((node, KG.retrieved, Literal(p.retrieved, datatype=XSD.dateTime)))


def _date(value: str | None) -> Literal | None:
    return Literal(value, datatype=XSD.date) if value else None


def build_graph(results: Iterable[DocResult], copies: Iterable[Copy] = ()) -> Graph:
    """One graph for all documents; entities merged across documents by key. ``copies``:
    other publications of the documents' words (each ``of`` a document's source name)."""
    g = Graph()
    for c in copies:
        add_copy(g, c)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    results = sorted(results, key=lambda r: r.article.source)
    labels: dict[str, Counter] = defaultdict(Counter)
    part_of: set[tuple[URIRef, URIRef]] = set()
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in results:
        doc = document_iri(r.article.source)
        a = r.article
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, KG.text, Literal(a.text)))
        _add_publication(g, doc, a)
        for name in a.editors:
            g.add((doc, KG.editor, Literal(name)))
        if r.dateline_place:
            g.add((doc, KG.datelinePlace, entity_iri(r.dateline_place)))
        dslug = document_iri(a.source).split("/")[-1]
        for e in r.entities:
            iri = entity_iri(e.key)
            g.add((iri, RDF.type, TYPE_CLASS[e.type]))
            g.add((iri, KG.mentionedIn, doc))
            labels[e.key][e.label] += 1
            aliases[e.key].update(e.aliases)
            if e.type == "Person":
                if e.official:
                    g.set((iri, KG.isOfficial, Literal(True)))
                elif (iri, KG.isOfficial, Literal(True)) not in g:
                    g.set((iri, KG.isOfficial, Literal(False)))
            if e.type == "Place" and e.kind and (iri, KG.regionKind, None) not in g:
                g.add((iri, KG.regionKind, Literal(e.kind)))
            if e.type == "Place" and e.part_of:
                part_of.add((iri, entity_iri(f"place:{e.part_of}")))
            for sp in e.mentions:
                m = KGD[f"mention/{dslug}/{sp.start}-{sp.end}-{e.type.lower()}"]
                g.add((m, RDF.type, KG.Mention))
                g.add((m, KG.mentionOf, iri))
                g.add((m, KG.inDocument, doc))
                g.add((m, KG.start, Literal(sp.start)))
                g.add((m, KG.end, Literal(sp.end)))
                g.add((m, KG.surface, Literal(sp.text)))
        for ro in r.roles:
            role = KGD[f"role/{dslug}/{_local(ro.person.partition(':')[2])}-{_h(ro.title)}"]
            person = entity_iri(ro.person)
            g.add((role, RDF.type, KG.Role))
            g.add((role, KG.holder, person))
            g.add((person, KG.holdsRole, role))
            g.add((role, KG.roleTitle, Literal(ro.title)))
            g.add((role, KG.inDocument, doc))
            g.add((role, KG.start, Literal(ro.start)))
            g.add((role, KG.end, Literal(ro.end)))
            if ro.organization:
                g.add((role, KG.organization, entity_iri(ro.organization)))
            if ro.date:
                g.add((role, KG.date, _date(ro.date)))
        for ev in r.events:
            rep = KGD[f"eventreport/{dslug}/{_local(ev.event.partition(':')[2])}"]
            g.add((rep, RDF.type, KG.EventReport))
            g.add((rep, KG.reportsEvent, entity_iri(ev.event)))
            g.add((rep, KG.inDocument, doc))
            if ev.date:
                g.add((rep, KG.date, _date(ev.date)))
            if ev.place:
                g.add((rep, KG.place, entity_iri(ev.place)))
            for p in ev.participants:
                g.add((rep, KG.participant, entity_iri(p)))
        for q in r.quotes:
            qi = KGD[f"quote/{dslug}/{q.start}-{q.end}"]
            g.add((qi, RDF.type, KG.Quote))
            g.add((qi, KG.text, Literal(q.text)))
            g.add((qi, KG.isDirect, Literal(q.direct)))
            g.add((qi, KG.inDocument, doc))
            g.add((qi, KG.start, Literal(q.start)))
            g.add((qi, KG.end, Literal(q.end)))
            if q.cue:
                g.add((qi, KG.cue, Literal(q.cue)))
            if q.speaker:
                g.add((qi, KG.speaker, entity_iri(q.speaker)))
                g.add((entity_iri(q.speaker), KG.said, qi))
            for ab in q.about:
                g.add((qi, KG.about, entity_iri(ab)))
    for child, parent in part_of:
        if (parent, RDF.type, KG.Place) in g:  # only regions the articles name
            g.add((child, KG.partOf, parent))
    for key, counts in labels.items():
        iri = entity_iri(key)
        label = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        for term in (KG.label, *NAME_TERMS):  # rdfs:label and schema:name too, for generic RDF tools
            g.add((iri, term, Literal(label)))
        for alias in sorted((aliases[key] | set(counts)) - {label}):
            g.add((iri, KG.alias, Literal(alias)))
    return g


def write_graph(g: Graph, path: str | os.PathLike, fmt: str = "turtle") -> Path:
    """Serialise ``g`` to ``path`` atomically (temporary file, then rename)."""
    return atomic_write(path, g.serialize(format=fmt, encoding="utf-8"))
