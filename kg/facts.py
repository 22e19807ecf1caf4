"""``kg facts``: the JSON view of a built graph defined in the evaluation README,
read from the graph with SPARQL and from nothing else.

The graph is a :class:`kg.store.Store` (Oxigraph, what ``kg facts`` uses: about ten
times faster than rdflib on the same queries) or an rdflib graph; both give the
same JSON, key for key and in the same order (every saved query orders its rows
completely).
"""
from __future__ import annotations

from collections import defaultdict

from .ns import ENTITY_CLASSES
from .query import rows as _rows
from .store import open_graph

__all__ = ["facts"]

_TYPES = {str(c): t for t, c in ENTITY_CLASSES.items()}


def _bool(text: str) -> bool:
    return text.strip().lower() in ("true", "1")


def facts(g) -> dict:
    """The facts view of ``g`` (a Store, or an rdflib graph, read through a copy in Oxigraph):
    documents (with their URL, outlet and copies), entities, roles, events and quotes."""
    g = open_graph(g)
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
