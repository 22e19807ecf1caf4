"""``kg facts``: the JSON view of a built graph defined in the evaluation README,
read from the graph with SPARQL and from nothing else.

The graph is a :class:`kg.store.Store` (Oxigraph, what ``kg facts`` uses: about ten
times faster than rdflib on the same queries) or an rdflib graph; both give the
same JSON, key for key and in the same order (every saved query orders its rows
completely).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from .ns import ENTITY_CLASSES
from .sparql import query_text, run
from .store import term_parts

__all__ = ["facts"]

_TYPES = {str(c): t for t, c in ENTITY_CLASSES.items()}


def _rows(g, name: str) -> Iterator[dict]:
    """The rows of saved query ``name`` as ``{variable: value text or None}``."""
    if hasattr(g, "execute"):   # a Store: engine-native terms, no conversion to rdflib
        sol = g.execute(query_text(name))
        for row in sol.rows:
            yield {v: (None if t is None else term_parts(t)[1]) for v, t in zip(sol.vars, row)}
        return
    res = run(g, name)
    names = [str(v) for v in res.vars]
    for row in res:
        yield {v: (None if t is None else str(t)) for v, t in zip(names, row)}


def _bool(text: str) -> bool:
    return text.strip().lower() in ("true", "1")


def facts(g) -> dict:
    """The facts view of ``g`` (a Store or an rdflib graph): documents (with their URL, outlet and
    copies), entities, roles, events and quotes."""
    copies: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(g, "facts/copies"):
        copies[r["doc"]].append({"source": r["source"], "url": r["url"], "outlet": r["outlet"], "date": r["date"]})
    documents = [{"id": r["doc"], "source": r["source"], "title": r["title"], "date": r["date"], "url": r["url"],
                  "outlet": r["outlet"], "copies": copies.get(r["doc"], [])} for r in _rows(g, "facts/documents")]
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in _rows(g, "facts/aliases"):
        aliases[r["e"]].append(r["alias"])
    docs_of: dict[str, list[str]] = defaultdict(list)
    for r in _rows(g, "facts/entity_documents"):
        docs_of[r["e"]].append(r["source"])
    entities = []
    for r in _rows(g, "facts/entities"):
        e = {"id": r["e"], "type": _TYPES[r["type"]], "label": r["label"], "aliases": aliases.get(r["e"], []),
             "documents": docs_of.get(r["e"], [])}
        if r["official"] is not None:
            e["official"] = _bool(r["official"])
        entities.append(e)
    roles = [{"person": r["person"], "title": r["title"], "organization": r["org"], "document": r["source"],
              "date": r["date"]} for r in _rows(g, "facts/roles")]
    parts: dict[str, list[str]] = defaultdict(list)
    for r in _rows(g, "facts/participants"):
        parts[r["rep"]].append(r["person"])
    events = [{"event": r["event"], "date": r["date"], "place": r["place"], "participants": parts.get(r["rep"], []),
               "document": r["source"]} for r in _rows(g, "facts/events")]
    about: dict[str, list[str]] = defaultdict(list)
    for r in _rows(g, "facts/about"):
        about[r["q"]].append(r["about"])
    quotes = [{"speaker": r["speaker"], "text": r["text"], "direct": _bool(r["direct"]), "document": r["source"],
               "start": int(r["start"]), "end": int(r["end"]), "about": about.get(r["q"], [])}
              for r in _rows(g, "facts/quotes")]
    return {"documents": documents, "entities": entities, "roles": roles, "events": events, "quotes": quotes}
