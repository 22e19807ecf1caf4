"""What the browser page shows, read from an Oxigraph store with saved SPARQL.

The page never re-parses ``graph.ttl`` with rdflib: :func:`stream_source` loads the
stream a build writes into Oxigraph as it is written, :func:`open_source` a graph file
(or wraps an rdflib graph already in memory), and :func:`read`
runs the saved queries in ``kg/queries/page/`` (plus ``facts/entities``,
``facts/aliases``, ``facts/about`` and ``facts/participants``) to build plain
records: documents, entities, quotes, offices and event reports. The sentence
around a quote is cut from its document's text as ``quote_source`` does
(:func:`kg.query.sentence_around`, 300 characters either side).

Every list is sorted, so the same graph gives the same records whatever the
hash seed.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .query import query_text
from .ns import ENTITY_CLASSES, KGD
from .store import Store, new_store, open_graph
from .streamload import StreamLoader
from .terms import term_parts

__all__ = ["PageData", "open_source", "stream_source", "read", "title_forms", "SKIPPED"]

#: The subjects the page never reads: the ``kg:Mention`` blocks (more than half of a graph).
SKIPPED = f"{KGD}mention/"



@dataclass
class PageData:
    """Records keyed by IRI: ``docs``, ``ents``, ``quotes``, ``roles``, ``reports``."""

    docs: dict[str, dict] = field(default_factory=dict)
    ents: dict[str, dict] = field(default_factory=dict)
    quotes: dict[str, dict] = field(default_factory=dict)
    roles: dict[str, dict] = field(default_factory=dict)
    reports: dict[str, dict] = field(default_factory=dict)




def open_source(source) -> Store:
    """A store for ``source``: a graph file path, a :class:`Store`, or an rdflib graph; a graph
    file is loaded without its ``kg:Mention`` blocks, which the page never reads."""
    return open_graph(source, "oxigraph", skip_subjects=SKIPPED)


def stream_source(pieces) -> Store:
    """A store of the Turtle bytes in ``pieces`` (a graph as kg writes it, cut anywhere), loaded as
    they come, without the ``kg:Mention`` blocks."""
    store = new_store("oxigraph")
    with StreamLoader(store, SKIPPED) as loader:
        for piece in pieces:
            loader.write(piece)
    return store


def _rows(store: Store, name: str):
    """The rows of the saved query ``name`` one at a time, as dicts of plain values; IRIs are
    interned, so one entity's or document's IRI is one string however many records name it."""
    names, rows = store.select_rows(query_text(name))
    value = _value_reader()
    for row in rows:
        yield dict(zip(names, map(value, row)))


@lru_cache(maxsize=1)
def _value_reader():
    """:func:`_value`, with a short way for Oxigraph's terms (what the page's store gives)."""
    import pyoxigraph as ox

    iri, plain = ox.NamedNode, (ox.Literal, ox.BlankNode)

    def value(t) -> str | None:
        kind = type(t)
        if kind is iri:
            return sys.intern(t.value)
        return t.value if kind in plain else _value(t)

    return value


def _value(t) -> str | None:
    parts = term_parts(t)
    return None if parts is None else sys.intern(parts[1]) if parts[0] == "iri" else parts[1]


def _bool(value) -> bool:
    return value in ("true", "1")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _title_words() -> tuple[tuple[re.Pattern, str, str | None], ...]:
    """(word-bounded pattern, other form, first word) for every title and its short forms in
    kg/rules/titles.jsonl. The first word, lower-cased, is given for an ASCII form that starts
    with one: an ASCII title can only match the form if it holds that word whole (in ASCII,
    ignoring case is lower-casing; the form's next character, or its end, ends the word)."""
    import json
    from importlib import resources

    text = resources.files("kg").joinpath("rules/titles.jsonl").read_text(encoding="utf-8")
    pairs = []
    for rec in (json.loads(line) for line in text.splitlines() if line.strip()):
        forms = [rec["pattern"], *rec.get("aliases", [])] if isinstance(rec.get("pattern"), str) else []
        for a in forms:
            for b in forms:
                if a != b and not a.endswith(".") and not b.endswith("."):
                    first = _WORD.match(a.lower()) if a.isascii() else None
                    pairs.append((re.compile(rf"(?<!\w){re.escape(a)}(?!\w)", re.I), b, first and first.group()))
    return tuple(pairs)


@lru_cache(maxsize=4096)
def title_forms(title: str) -> tuple[str, ...]:
    """Other spellings of an office title, with short and long forms swapped (for the page's search).

    >>> "Sekda Kota Malang" in title_forms("Sekretaris Daerah Kota Malang")
    True
    >>> "Penjabat Wali Kota Malang" in title_forms("Pj Wali Kota Malang")
    True
    """
    out = []
    words = set(_WORD.findall(title.lower())) if title.isascii() else None
    for pattern, other, first in _title_words():
        if first and words is not None and first not in words:
            continue  # cannot match (see _title_words); a set look-up is ten times cheaper than the search
        if pattern.search(title):
            form = pattern.sub(other, title)
            if form != title and form not in out:
                out.append(form)
    return tuple(out)


def read(store: Store) -> PageData:
    """Every record the page needs, from ``store`` (see the module docstring)."""
    from .query import sentence_around

    data = PageData()
    for r in _rows(store, "page/documents"):
        data.docs.setdefault(r["doc"], {"id": r["doc"], "source": r["source"], "title": r["title"] or "",
                                        "date": (r["date"] or "")[:10], "url": r["url"] or ""})
    types = {str(c): (i, t) for i, (t, c) in enumerate(ENTITY_CLASSES.items())}  # of two types, the first wins
    for r in _rows(store, "facts/entities"):
        old = data.ents.get(r["e"])
        rank, etype = types[r["type"]]
        if old is None or rank < types[str(ENTITY_CLASSES[old["type"]])][0]:
            data.ents[r["e"]] = {"id": r["e"], "type": etype, "label": " ".join(r["label"].split()),
                                 "aliases": [], "official": _bool(r["official"]), "docs": []}
    for r in _rows(store, "facts/aliases"):
        if r["e"] in data.ents and r["alias"] not in data.ents[r["e"]]["aliases"]:
            data.ents[r["e"]]["aliases"].append(r["alias"])
    for r in _rows(store, "page/mentions"):
        if r["e"] in data.ents and r["doc"] in data.docs:
            data.ents[r["e"]]["docs"].append(r["doc"])
    about = defaultdict(list)
    for r in _rows(store, "facts/about"):
        if r["about"] in data.ents:
            about[r["q"]].append(r["about"])
    for r in _rows(store, "page/quotes"):
        if r["q"] in data.quotes or r["doc"] not in data.docs:
            continue
        data.quotes[r["q"]] = {
            "id": r["q"], "text": r["text"], "direct": _bool(r["direct"]), "doc": r["doc"],
            "speaker": r["speaker"] if r["speaker"] in data.ents else None, "start": _int(r["start"]),
            "end": _int(r["end"]), "cue": r["cue"] or "", "about": sorted(set(about.get(r["q"], ()))),
            "date": data.docs[r["doc"]]["date"], "context": ""}
    by_doc = defaultdict(list)
    for q in data.quotes.values():
        by_doc[q["doc"]].append(q)
    for r in _rows(store, "page/texts"):  # one at a time: held together they added 9 MiB to the peak
        text = r["text"]
        for q in by_doc.get(r["doc"], ()):
            a, b = q["start"], q["end"]
            fits = a is not None and b is not None and 0 <= a <= b <= len(text)
            q["context"] = sentence_around(text[max(0, a - 300):a], text[a:b], text[b:b + 300]) if fits else ""
    for r in _rows(store, "page/roles"):
        if r["role"] not in data.roles and r["person"] in data.ents:
            title = " ".join(r["title"].split())
            data.roles[r["role"]] = {"id": r["role"], "person": r["person"], "title": title, "forms": title_forms(title),
                                     "org": r["org"] if r["org"] in data.ents else None,
                                     "doc": r["doc"] if r["doc"] in data.docs else None,
                                     "date": (r["date"] or data.docs.get(r["doc"], {}).get("date", ""))[:10]}
    for r in _rows(store, "page/reports"):
        if r["rep"] not in data.reports and r["event"] in data.ents:
            data.reports[r["rep"]] = {"id": r["rep"], "event": r["event"],
                                      "doc": r["doc"] if r["doc"] in data.docs else None,
                                      "date": (r["date"] or "")[:10],
                                      "place": r["place"] if r["place"] in data.ents else None, "participants": []}
    for r in _rows(store, "facts/participants"):
        rep = data.reports.get(r["rep"])
        if rep is not None and r["person"] in data.ents and r["person"] not in rep["participants"]:
            rep["participants"].append(r["person"])
    return data
