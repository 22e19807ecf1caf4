"""Viz stage: the graph as a self-contained, offline browser page that answers "who said what".

The records come from an Oxigraph store (:mod:`kg.viz_data`; never an rdflib
re-parse of ``graph.ttl``). networkx computes the drawn network -- people,
agencies, policies, events, places and documents, with "spoke about" edges
weighted by the number of quotes -- its PageRank and a seeded layout
(:mod:`kg.viz_layout`); pyvis builds the network; the page is our own template
(``kg/templates/page.html``) with vis-network's JS and CSS inlined from
``kg/templates/`` (pyvis 0.3.2's bundled vis-network 9.1.2), so the page requests
nothing and works from ``file://``. Quotes are not drawn until asked for; they
live in the page's quote table and panels (``kg/templates/*.js``).

Safety: all data goes into one ``<script type="application/json">`` block through
:func:`safe_json` (``<``, ``>``, ``&`` and every non-ASCII character escaped), and
the page script shows text with ``textContent`` only. A Content-Security-Policy
allows just the two page scripts (by hash), no network and no inline handlers.

Determinism: every list is sorted and the layout sees nodes in rank order, so the
same graph gives a byte-identical page whatever ``PYTHONHASHSEED`` is.

Memory: the store lives only while the records are read; then it is dropped and its
memory given back (:func:`_release`) before networkx (imported only then) builds the
page graph. ``kg build`` draws its page from the stream of the graph it writes, and the page
of a large graph in a fresh process (:mod:`kg.viz_apart`), so the build's spaCy pipeline is not
in the process that holds the page's store (``docs/scale.md`` has the figures).
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
import os
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, KgError
from .fileio import atomic_write
from .viz_data import PageData, open_source, read
from .viz_layout import DEFAULT_LIMIT, label_box, layout, readable_layout

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["TYPES", "RELATIONS", "LINKS", "SHOWN_TYPES", "DEFAULT_LIMIT", "safe_json", "page_graph", "find_node",
           "select", "layout", "build_network", "records", "render", "render_chunks", "write_page"]

#: Node types: (colour, vis-network shape). Okabe-Ito colours.
TYPES = {"Person": ("#E69F00", "dot"), "Agency": ("#0072B2", "dot"), "Policy": ("#009E73", "dot"),
         "Event": ("#CC79A7", "dot"), "Place": ("#56B4E9", "dot"), "Quote": ("#D55E00", "diamond"),
         "Document": ("#8C8C8C", "square")}
#: Edges of :func:`page_graph`: person said quote, quote about entity, person holds (office in)
#: agency, person attended event, document mentions entity.
RELATIONS = ("said", "about", "holds", "attended", "mentions")
#: Edges the page draws: speaker spoke about a topic (weight: quotes), holds, attended. Documents
#: are not drawn: they are in every quote's row and panel.
LINKS = ("spoke about", "holds", "attended")
#: Node types the page shows first; the others are a click away in its legend.
SHOWN_TYPES = ("Person", "Agency", "Policy", "Event")
_SCRIPTS = ("page.js", "panels.js", "table.js")
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
_ENCODER = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))
_ASPECT = 1.8  # the graph pane is about this much wider than tall at 1400x900
_FONT = 14  # label size in px at zoom 1
_SPREAD = 150  # labels of at most this many nodes (the most central) are moved apart


def safe_json(value) -> str:
    """JSON that can sit inside an HTML ``<script>`` block without ending it.

    ASCII only (so U+2028/U+2029 and lone surrogates are escaped too), with ``<``,
    ``>`` and ``&`` as ``\\u`` escapes: no ``</script>`` or ``<!--`` can appear.

    Examples
    --------
    >>> s = safe_json({"t": "</script><img src=x onerror='a()'>&\\u2028"})
    >>> s
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=\\'a()\\'\\\\u003e\\\\u0026\\\\u2028"}'
    >>> json.loads(s)["t"] == "</script><img src=x onerror='a()'>&\\u2028"
    True
    """
    return _ENCODER.encode(value).translate(_ESCAPES)


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def page_graph(data: PageData) -> nx.DiGraph:
    """Documents, entities and quotes as a networkx graph with labelled edges.

    Nodes carry ``type``, ``name`` (full label), ``label`` (short) and ``names``
    (label and aliases, for matching). Edges carry ``rel`` (one of :data:`RELATIONS`).
    """
    import networkx as nx  # here, not at import: a page drawn in a fresh process loads its store without it

    G = nx.DiGraph()
    for d in data.docs.values():
        name = d["title"] or d["source"]
        G.add_node(d["id"], type="Document", name=name, label=_short(name), names=[d["title"], d["source"]])
    for e in data.ents.values():
        G.add_node(e["id"], type=e["type"], name=e["label"], label=_short(e["label"], 22), names=[e["label"], *e["aliases"]])
    for q in data.quotes.values():
        G.add_node(q["id"], type="Quote", name=q["text"], names=[])
        if q["speaker"]:
            G.add_edge(q["speaker"], q["id"], rel="said")
        for t in q["about"]:
            G.add_edge(q["id"], t, rel="about")
    for r in data.roles.values():
        if r["org"]:
            G.add_edge(r["person"], r["org"], rel="holds")
    for rep in data.reports.values():
        for p in rep["participants"]:
            G.add_edge(p, rep["event"], rel="attended")
    for e in data.ents.values():
        for d in e["docs"]:
            G.add_edge(d, e["id"], rel="mentions")
    return G


def find_node(G: nx.DiGraph, name: str, types: tuple[str, ...] | None = None) -> str:
    """The one node whose label or alias is ``name`` (case-insensitive).

    Raises :class:`InputError` naming close matches when there is none, and the
    candidates when there are several.
    """
    key = " ".join(name.split()).casefold()
    pool = [(v, a) for v, a in G.nodes(data=True) if a["type"] != "Quote" and (types is None or a["type"] in types)]
    hits = [v for v, a in pool if any(" ".join(n.split()).casefold() == key for n in a["names"] if n)]
    if len(hits) > 1:
        exact = [v for v in hits if " ".join(G.nodes[v]["name"].split()).casefold() == key]
        hits = exact if len(exact) == 1 else hits
    kinds = "/".join(types) if types else "entity or document"
    if not hits:
        names = sorted({n for _, a in pool for n in a["names"] if n})
        close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
        hint = f"; close matches: {', '.join(close)}" if close else ""
        raise InputError(f"no {kinds} named {name!r} in the graph{hint}")
    if len(hits) > 1:
        which = ", ".join(f"{G.nodes[v]['name']} ({G.nodes[v]['type']})" for v in sorted(hits))
        raise InputError(f"{name!r} names {len(hits)} nodes: {which}; use one full label")
    return hits[0]


def select(G: nx.DiGraph, *, focus: str | None = None, hops: int = 1, about: str | None = None,
           types=None) -> nx.DiGraph:
    """A view of the page graph.

    ``focus``: the node named so and everything within ``hops`` edges (either
    direction). ``about``: a policy, event or agency, the quotes about it and their
    speakers. ``types``: node types to keep (see :data:`TYPES`). With none of them, ``G`` itself
    (a copy would cost a third of the page's memory at 2,000 articles).
    """
    if focus is None and about is None and not types:
        return G
    keep = set(G)
    if focus is not None:
        import networkx as nx

        if hops < 0:
            raise InputError(f"--hops must be 0 or more, not {hops}")
        center = find_node(G, focus)
        keep &= set(nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=hops))
    if about is not None:
        target = find_node(G, about, ("Policy", "Event", "Agency"))
        quotes = {q for q, _, r in G.in_edges(target, data="rel") if r == "about"}
        speakers = {p for q in quotes for p, _, r in G.in_edges(q, data="rel") if r == "said"}
        keep &= {target} | quotes | speakers
    if types:
        types = [types] if isinstance(types, str) else list(types)
        bad = [t for t in types if t not in TYPES]
        if bad:
            raise InputError(f"unknown node type {bad[0]!r}; valid types: {', '.join(TYPES)}")
        keep &= {v for v, t in G.nodes(data="type") if t in types}
    return G.subgraph([v for v in G if v in keep]).copy()


def _links(G: nx.DiGraph) -> dict[tuple[str, str, str], int]:
    """``(from, to, link) -> weight`` of the drawn network (see :data:`LINKS`)."""
    about, said, drawn = [], defaultdict(list), []
    for u, v, r in G.edges(data="rel"):  # one pass: networkx's edge views are slow to walk
        if r == "about":
            about.append((u, v))
        elif r == "said":
            said[v].append(u)
        elif r in LINKS:
            drawn.append((u, v, r))
    links: dict = defaultdict(int)
    for q, t in sorted(about):
        for s in sorted(said[q]):
            links[(s, t, "spoke about")] += 1
    for u, v, r in drawn:
        links[(u, v, r)] = 1
    return dict(sorted(links.items(), key=lambda kv: (LINKS.index(kv[0][2]), kv[0][0], kv[0][1])))


def _people_first(G: nx.DiGraph, order: list, links: dict, limit: int) -> list:
    """``order`` (by PageRank) with its first ``limit`` nodes rearranged for a large graph: people,
    best-ranked first, each followed by the agencies, topics and events they are linked to.

    By PageRank alone, the first nodes of a large corpus are the agencies and topics that
    many articles mention, with no link between them (2,000 generated articles: 300 nodes,
    0 edges shown). Taken this way, the first view shows who spoke about what and who holds
    what. A graph of at most ``limit`` nodes keeps its order.
    """
    if not limit or len(order) <= limit:
        return order
    place = {v: i for i, v in enumerate(order)}
    targets = defaultdict(set)
    for u, v, _ in links:
        if G.nodes[u]["type"] == "Person" and G.nodes[v]["type"] in SHOWN_TYPES:
            targets[u].add(v)
    first, seen = [], set()
    for v in order:
        if len(first) >= limit:
            break
        if v in targets and v not in seen:
            group = ([v] + sorted(targets[v] - seen, key=place.__getitem__))[:limit - len(first)]
            first += group
            seen.update(group)
    return first + [v for v in order if v not in seen]


def build_network(G: nx.DiGraph, seed: int = 7, limit: int = DEFAULT_LIMIT):
    """A :class:`pyvis.network.Network` of ``G`` without its quotes and documents, positioned and sized.

    Size grows with PageRank (undirected, weighted by quotes, documents and their
    mentions included though not drawn); ``rank`` is each
    node's place in that order, the types of :data:`SHOWN_TYPES` first, and in a graph of
    more than ``limit`` nodes people first, each with what they are linked to
    (:func:`_people_first`). Of the
    ``limit`` nodes shown first, the most central 150 are moved apart until their
    labels do not overlap. Edges carry ``kgRel`` and ``kgWeight`` (quotes); the
    page gives them width and tooltip, and nodes their tooltip.
    """
    import networkx as nx
    from pyvis.network import Network

    from .analysis import pagerank

    nodes = [v for v, t in G.nodes(data="type") if t not in ("Quote", "Document")]
    docs = [v for v, t in G.nodes(data="type") if t == "Document"]
    links = _links(G)
    U = nx.Graph()  # documents and their mentions shape the ranks and the layout; they are not drawn
    U.add_nodes_from(nodes + docs)
    for (u, v, _), w in links.items():
        U.add_edge(u, v, weight=U.edges[u, v]["weight"] + w if U.has_edge(u, v) else w)
    U.add_edges_from(((u, v) for u, v, r in G.edges(data="rel") if r == "mentions" and v in U), weight=1)
    pr = pagerank(U, tol=1e-7)  # enough to rank and size nodes
    order = sorted(nodes, key=lambda v: (G.nodes[v]["type"] not in SHOWN_TYPES, -pr[v], G.nodes[v]["name"], v))
    order = _people_first(G, order, links, limit)
    top = max((pr[v] for v in nodes), default=1.0) or 1.0
    size = {v: round(6 + 16 * math.sqrt(pr[v] / top), 1) for v in order}
    first = [v for v in order[:min(limit or len(order), _SPREAD)] if G.nodes[v]["type"] in SHOWN_TYPES]
    boxes = {v: label_box(0.0, 0.0, size[v], G.nodes[v]["label"], font=_FONT) for v in first}
    pos = readable_layout(U, order + sorted(docs, key=lambda d: (-pr[d], d)), boxes, seed=seed, aspect=_ASPECT)
    net = Network(directed=True)
    # pyvis's add_node looks for a duplicate among all nodes first (quadratic); these are unique, and
    # each is the dict add_node makes (pyvis 0.3.2, keys in its order)
    for i, v in enumerate(order):
        a = G.nodes[v]
        colour, shape = TYPES[a["type"]]
        node = {"color": colour, "size": size[v], "x": round(pos[v][0], 1), "y": round(pos[v][1], 1),
                "kgType": a["type"], "rank": i, "id": v, "label": a["label"] or v, "shape": shape}
        net.nodes.append(node)
        net.node_ids.append(v)
        net.node_map[v] = node
    # pyvis's add_edge looks for a duplicate among all edges first (quadratic); these are unique
    net.edges.extend({"from": u, "to": v, "kgRel": rel, "kgWeight": w} for (u, v, rel), w in links.items())
    return net


def records(G: nx.DiGraph, data: PageData) -> dict:
    """The page's tables for the nodes of ``G``: documents, entities, quotes, offices, event reports.

    Rows refer to each other by position; the documents quoted are always listed
    (a quote's date and source are its document's). Each quote lists the offices its
    speaker held at its date (``roles``): those its document states, else the
    latest stated on or before that date.
    """
    cited = {q["doc"] for q in data.quotes.values() if q["id"] in G}
    docs = [d for d in data.docs.values() if d["id"] in G or d["id"] in cited]
    ents = [e for e in data.ents.values() if e["id"] in G]
    di, ei = {d["id"]: i for i, d in enumerate(docs)}, {e["id"]: i for i, e in enumerate(ents)}
    roles = sorted((r for r in data.roles.values() if r["person"] in ei),
                   key=lambda r: (r["person"], r["date"], r["title"], r["id"]))
    by_person = defaultdict(list)
    for i, r in enumerate(roles):
        by_person[r["person"]].append(i)
    quotes = sorted((q for q in data.quotes.values() if q["id"] in G),
                    key=lambda q: (q["date"], data.docs[q["doc"]]["source"], q["start"] or 0, q["id"]))
    out_q = []
    for q in quotes:
        mine = by_person.get(q["speaker"], [])
        held = [i for i in mine if roles[i]["doc"] == q["doc"]]
        if not held and q["date"]:
            dated = [i for i in mine if roles[i]["date"] and roles[i]["date"] <= q["date"]]
            last = max((roles[i]["date"] for i in dated), default=None)
            held = [i for i in dated if roles[i]["date"] == last]
        out_q.append({"id": q["id"], "text": q["text"], "direct": q["direct"], "s": ei.get(q["speaker"], -1),
                      "d": di.get(q["doc"], -1), "about": [ei[t] for t in q["about"] if t in ei], "ctx": q["context"],
                      "cue": q["cue"], "start": q["start"], "end": q["end"], "roles": held})
    return {
        "docs": [{k: d[k] for k in ("id", "source", "title", "date", "url")} for d in docs],
        "ents": [{"id": e["id"], "type": e["type"], "label": e["label"], "aliases": e["aliases"],
                  "official": e["official"], "docs": [di[d] for d in e["docs"] if d in di]} for e in ents],
        "quotes": out_q,
        "roles": [{"p": ei[r["person"]], "title": r["title"], "forms": list(r["forms"]), "org": ei.get(r["org"], -1),
                   "d": di.get(r["doc"], -1),
                   "date": r["date"]} for r in roles],
        "reports": [{"e": ei[r["event"]], "d": di.get(r["doc"], -1), "date": r["date"], "place": ei.get(r["place"], -1),
                     "parts": [ei[p] for p in r["participants"] if p in ei]}
                    for r in data.reports.values() if r["event"] in ei],
    }


def preload() -> None:
    """Import the libraries a page needs and read its assets, so that drawing it later is only the work
    itself: a process made to draw one (:mod:`kg.viz_apart`) does this while the build it draws goes on."""
    import networkx  # noqa: F401
    from pyvis.network import Network  # noqa: F401

    from . import analysis  # noqa: F401

    for name in ("page.html", "vis-network.css", "vis-network.min.js", *_SCRIPTS):
        _asset(name)


def _release() -> None:
    """Give the memory freed so far back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    Oxigraph frees its store into the C heap, where Python's own small-object arenas (mapped
    apart) would not reuse it: without this, what the page builds next stacks on top of it."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = resources.files("kg").joinpath("templates", name).read_text(encoding="utf-8")
    closing = "</style" if name.endswith(".css") else "</script"
    if name != "page.html" and (closing in text.lower() or "<!--" in text):
        raise KgError(f"kg/templates/{name} contains {closing!r} or '<!--' and cannot be inlined")
    return text


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _json_pieces(value: dict, batch: int = 1000):
    """:func:`safe_json` of the dict ``value`` in pieces: each key with its value, a list's items
    ``batch`` at a time. Each piece comes from the C encoder (``iterencode`` would run the pure
    Python one, four times slower); together they are the same text."""
    yield "{"
    for i, (key, v) in enumerate(value.items()):
        head = ("," if i else "") + safe_json(str(key)) + ":"
        if isinstance(v, list) and v:
            yield head + "["
            for j in range(0, len(v), batch):
                yield ("," if j else "") + safe_json(v[j:j + batch])[1:-1]
            yield "]"
        else:
            yield head + safe_json(v)
    yield "}"


def render(net, tables: dict, *, heading: str = "kg: who said what", limit: int = DEFAULT_LIMIT) -> str:
    """The page's HTML for a pyvis network (from :func:`build_network`) and its ``tables``
    (from :func:`records`). Only our template is used; every value goes in as
    :func:`safe_json` writes it.
    """
    return "".join(render_chunks(net, tables, heading=heading, limit=limit))


def render_chunks(net, tables: dict, *, heading: str = "kg: who said what", limit: int = DEFAULT_LIMIT):
    """:func:`render` piece by piece (the data block as the JSON encoder makes it), to write
    a large page without holding it whole."""
    if not isinstance(limit, int) or limit < 0:
        raise InputError(f"limit must be a whole number, 0 or more (0 shows every node), not {limit!r}")
    nodes, edges = list(net.nodes), list(net.edges)
    large = bool(limit) and len(nodes) > limit
    type_count: dict = defaultdict(int)
    for n in nodes:
        type_count[n["kgType"]] += 1
    type_count["Quote"] = len(tables.get("quotes", ()))
    link_count: dict = defaultdict(int)
    for e in edges:
        link_count[e["kgRel"]] += 1
    options = {"physics": {"enabled": False}, "layout": {"improvedLayout": False},
               "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                               "multiselect": True},
               "nodes": {"font": {"size": _FONT}, "borderWidth": 1},
               "edges": {"smooth": False, "color": {"color": "#bbbbbb", "highlight": "#333333", "hover": "#666666"},
                         "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}}}
    data = {"heading": heading, "nodes": nodes, "edges": edges, "limit": limit, "options": options,
            "types": [{"name": t, "color": TYPES[t][0], "count": type_count[t], "shown": t in SHOWN_TYPES}
                      for t in TYPES if type_count[t]],
            "links": [{"name": r, "count": link_count[r]} for r in LINKS if link_count[r]], **tables}
    vis_js = _asset("vis-network.min.js")
    app_js = "(function () {\n\"use strict\";\n" + "\n".join(_asset(n) for n in _SCRIPTS) + "\n}());\n"
    csp = (f"default-src 'none'; script-src 'sha256-{_sha256(vis_js)}' 'sha256-{_sha256(app_js)}'; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    parts = {"csp": (csp,), "vis_css": (_asset("vis-network.css"),), "vis_js": (vis_js,), "app_js": (app_js,),
             "data": _json_pieces(data)}
    for i, piece in enumerate(re.split(r"\{\{kg:(\w+)\}\}", _asset("page.html"))):
        yield from parts[piece] if i % 2 else (piece,)


def write_page(source, path: str | os.PathLike, *, focus: str | None = None, hops: int = 1,
               about: str | None = None, types=None, limit: int = DEFAULT_LIMIT, heading: str | None = None,
               seed: int = 7) -> Path:
    """Write the browser page for ``source`` to ``path`` atomically; returns the path.

    ``source``: a graph file (loaded into Oxigraph), a :class:`kg.store.Store`, an rdflib
    graph, or a function without arguments that makes the store: only then is this function the
    store's only holder, so that it is dropped, and its memory given back, once the records are
    read (as for a graph file). See :func:`select` for ``focus``/``hops``/``about``/``types`` and
    :func:`render` for ``limit`` (0 shows every node at once). To draw it in a new Python
    process, so that what this process holds (a build's spaCy pipeline) and what the page takes
    never add up in one process, use :func:`kg.viz_apart.draw_apart`.
    """
    store = open_source(source() if callable(source) else source)
    data = read(store)
    del store
    _release()  # the store's memory (half the page's peak) goes back before the page graph takes more
    G = select(page_graph(data), focus=focus, hops=hops, about=about, types=types)
    if heading is None:
        view = [f"around {focus} ({hops} hop{'s' if hops != 1 else ''})" if focus else "",
                f"said about {about}" if about else "",
                ", ".join([types] if isinstance(types, str) else types) if types else ""]
        heading = "kg: who said what" + "".join(f" · {v}" for v in view if v)
    net, tables = build_network(G, seed=seed, limit=limit), records(G, data)
    del data, G
    chunks = render_chunks(net, tables, heading=heading, limit=limit)
    return atomic_write(Path(path), lambda f: f.writelines(c.encode("utf-8") for c in chunks))

