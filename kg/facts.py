"""``kg facts``: the JSON view of a built graph defined in the evaluation README,
read from the graph with SPARQL and from nothing else."""
from __future__ import annotations

from collections import defaultdict

from rdflib import Graph

from .ns import KG
from .sparql import run

__all__ = ["facts"]

_TYPES = {KG.Person: "Person", KG.Agency: "Agency", KG.Policy: "Policy", KG.Event: "Event", KG.Place: "Place"}


def _s(v) -> str | None:
    return None if v is None else str(v)


def facts(g: Graph) -> dict:
    """The facts view of ``g``: documents (with their URL, outlet and copies), entities, roles,
    events and quotes."""
    copies: dict[str, list[dict]] = defaultdict(list)
    for r in run(g, "facts/copies"):
        copies[str(r.doc)].append({"source": str(r.source), "url": _s(r.url), "outlet": _s(r.outlet),
                                   "date": _s(r.date)})
    documents = [{"id": str(r.doc), "source": str(r.source), "title": _s(r.title), "date": _s(r.date),
                  "url": _s(r.url), "outlet": _s(r.outlet), "copies": copies.get(str(r.doc), [])}
                 for r in run(g, "facts/documents")]
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in run(g, "facts/aliases"):
        aliases[str(r.e)].append(str(r.alias))
    docs_of: dict[str, list[str]] = defaultdict(list)
    for r in run(g, "facts/entity_documents"):
        docs_of[str(r.e)].append(str(r.source))
    entities = []
    for r in run(g, "facts/entities"):
        e = {"id": str(r.e), "type": _TYPES[r.type], "label": str(r.label), "aliases": aliases.get(str(r.e), []),
             "documents": docs_of.get(str(r.e), [])}
        if r.official is not None:
            e["official"] = bool(r.official.toPython())
        entities.append(e)
    roles = [{"person": str(r.person), "title": str(r.title), "organization": _s(r.org), "document": str(r.source),
              "date": _s(r.date)} for r in run(g, "facts/roles")]
    parts: dict[str, list[str]] = defaultdict(list)
    for r in run(g, "facts/participants"):
        parts[str(r.rep)].append(str(r.person))
    events = [{"event": str(r.event), "date": _s(r.date), "place": _s(r.place),
               "participants": parts.get(str(r.rep), []), "document": str(r.source)} for r in run(g, "facts/events")]
    about: dict[str, list[str]] = defaultdict(list)
    for r in run(g, "facts/about"):
        about[str(r.q)].append(str(r.about))
    quotes = [{"speaker": _s(r.speaker), "text": str(r.text), "direct": bool(r.direct.toPython()),
               "document": str(r.source), "start": int(r.start), "end": int(r.end), "about": about.get(str(r.q), [])}
              for r in run(g, "facts/quotes")]
    return {"documents": documents, "entities": entities, "roles": roles, "events": events, "quotes": quotes}
