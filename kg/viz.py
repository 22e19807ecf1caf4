"""Viz stage: the RDF graph as a self-contained, offline browser page.

pyvis builds the network (nodes, edges, colours, sizes, positions); the page is our
own template (``kg/templates/page.html``) with vis-network's JS and CSS inlined from
``kg/templates/`` (copied from pyvis 0.3.2's bundled vis-network 9.1.2), so the page
requests nothing from the network and works from ``file://``.

Safety: all data (labels, titles, quote text) goes into one ``<script
type="application/json">`` block through :func:`safe_json` (``<``, ``>``, ``&`` and
every non-ASCII character escaped), and the page script shows text with
``textContent`` only. A Content-Security-Policy allows just the two page scripts (by
hash), no network and no inline event handlers.

Layout is computed here with networkx (physics is off in the browser); past
``limit`` nodes the page first shows the ``limit`` most central ones and says so.
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
import os
import re
from collections import defaultdict, deque
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import RDF, Graph

from .errors import InputError, KgError
from .fileio import atomic_write
from .ns import KG

__all__ = ["TYPES", "RELATIONS", "DEFAULT_LIMIT", "safe_json", "page_graph", "find_node", "select", "layout",
           "build_network", "render", "write_page"]

#: Node types shown on the page: (colour, vis-network shape). Okabe-Ito colours.
TYPES = {"Person": ("#E69F00", "dot"), "Agency": ("#0072B2", "dot"), "Policy": ("#009E73", "dot"),
         "Event": ("#CC79A7", "dot"), "Place": ("#56B4E9", "dot"), "Quote": ("#D55E00", "diamond"),
         "Document": ("#8C8C8C", "square")}
#: Edge labels: person said quote, quote about entity, person holds (office in) agency,
#: person attended event, document mentions entity.
RELATIONS = ("said", "about", "holds", "attended", "mentions")
#: Above this many nodes the page first shows only this many, the most central.
DEFAULT_LIMIT = 300
_ENTITY = {KG.Person: "Person", KG.Agency: "Agency", KG.Policy: "Policy", KG.Event: "Event", KG.Place: "Place"}
_GOLDEN = math.pi * (3.0 - math.sqrt(5.0))


def safe_json(value) -> str:
    """JSON that can sit inside an HTML ``<script>`` block without ending it.

    ASCII only (so U+2028/U+2029 and lone surrogates are escaped too), with ``<``,
    ``>`` and ``&`` as ``\\u`` escapes: no ``</script>`` or ``<!--`` can appear.

    Examples
    --------
    >>> s = safe_json({"t": "</script><img src=x onerror='a()'>&\\u2028"})
    >>> s
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=\\'a()\\'\\\\u003e\\\\u0026\\\\u2028"}'
    >>> json.loads(s)["t"] == "</script><img src=x onerror='a()'>&\\u2028"
    True
    """
    text = json.dumps(value, ensure_ascii=True, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _s(value) -> str:
    return "" if value is None else str(value)


def page_graph(g: Graph) -> nx.DiGraph:
    """The graph the page draws: documents, entities and quotes, with labelled edges.

    Nodes carry ``type``, ``name`` (full label), ``label`` (short), ``names`` (label
    and aliases, for matching) and ``details`` (the side panel: heading, text, rows,
    lists). Edges carry ``rel`` (one of :data:`RELATIONS`) and ``title``.
    """
    G = nx.DiGraph()
    docs = {}
    for d in sorted(g.subjects(RDF.type, KG.Document)):
        title, source = _s(g.value(d, KG.title)), _s(g.value(d, KG.source))
        docs[d] = {"title": title or source, "source": source, "date": _s(g.value(d, KG.date))}
        rows = [["Source file", source], ["Date", docs[d]["date"]],
                ["Authors", ", ".join(sorted(map(str, g.objects(d, KG.author))))],
                ["Editors", ", ".join(sorted(map(str, g.objects(d, KG.editor))))]]
        G.add_node(str(d), type="Document", name=title or source, label=_short(title or source), names=[title, source],
                   details={"heading": title or source, "rows": [r for r in rows if r[1]]})
    types = {}
    for cls, name in _ENTITY.items():
        for e in g.subjects(RDF.type, cls):
            types.setdefault(e, name)
    quotes_of: dict = defaultdict(lambda: [0, 0])
    said_about: dict = defaultdict(int)
    for q in g.subjects(RDF.type, KG.Quote):
        direct = g.value(q, KG.isDirect)
        for p in g.objects(q, KG.speaker):
            quotes_of[p][0 if direct is not None and direct.toPython() else 1] += 1
        for t in g.objects(q, KG.about):
            said_about[t] += 1
    offices: dict = defaultdict(list)
    holds: dict = defaultdict(set)
    for role in g.subjects(RDF.type, KG.Role):
        person, org, doc = g.value(role, KG.holder), g.value(role, KG.organization), g.value(role, KG.inDocument)
        title = " ".join(_s(g.value(role, KG.roleTitle)).split())
        org_name = _s(g.value(org, KG.label)) if org is not None else ""
        where = ", ".join(x for x in (_s(g.value(role, KG.date)), docs.get(doc, {}).get("source", "")) if x)
        offices[person].append(f"{title}" + (f" — {org_name}" if org_name else "") + (f" ({where})" if where else ""))
        if org is not None:
            holds[(person, org)].add(title)
    attended: dict = defaultdict(set)
    reports: dict = defaultdict(list)
    for rep in g.subjects(RDF.type, KG.EventReport):
        ev, doc, place = g.value(rep, KG.reportsEvent), g.value(rep, KG.inDocument), g.value(rep, KG.place)
        reports[ev].append(", ".join(x for x in (_s(g.value(rep, KG.date)), _s(g.value(place, KG.label)) if place else "",
                                                  docs.get(doc, {}).get("source", "")) if x))
        for p in g.objects(rep, KG.participant):
            attended[(p, ev)].add(doc)
    for e in sorted(types):
        t, label = types[e], _s(g.value(e, KG.label)) or str(e)
        aliases = sorted(map(str, g.objects(e, KG.alias)))
        in_docs = sorted(docs[d]["title"] for d in g.objects(e, KG.mentionedIn) if d in docs)
        rows = [["Also written", "; ".join(aliases)]]
        lists = []
        if t == "Person":
            official = g.value(e, KG.isOfficial)
            d, r = quotes_of.get(e, (0, 0))
            rows += [["Official", "yes" if official is not None and official.toPython() else "no"],
                     ["Quotes", f"{d + r} ({d} direct, {r} reported)"]]
            lists.append(["Offices", sorted(offices.get(e, [])) or ["none stated"]])
        else:
            rows.append(["Quotes about it", str(said_about.get(e, 0))])
            if t == "Event" and reports.get(e):
                lists.append(["Reports (date, place, source)", sorted(reports[e])])
        lists.append(["Documents", in_docs])
        G.add_node(str(e), type=t, name=label, label=_short(label), names=[label] + aliases,
                   details={"heading": label, "rows": [x for x in rows if x[1]], "lists": [x for x in lists if x[1]]})
    for q in sorted(g.subjects(RDF.type, KG.Quote)):
        text, doc = _s(g.value(q, KG.text)), g.value(q, KG.inDocument)
        speaker = g.value(q, KG.speaker)
        who = _s(g.value(speaker, KG.label)) if speaker is not None else ""
        direct = g.value(q, KG.isDirect)
        direct = direct is not None and direct.toPython()
        info = docs.get(doc, {})
        about = sorted(_s(g.value(t, KG.label)) or str(t) for t in g.objects(q, KG.about))
        rows = [["Speaker", who or "unknown"], ["Document", info.get("title", "")], ["Source file", info.get("source", "")],
                ["Date", info.get("date", "")], ["Offsets", f"{_s(g.value(q, KG.start))}–{_s(g.value(q, KG.end))}"],
                ["Kind", "direct quote" if direct else "reported statement"], ["Cue", _s(g.value(q, KG.cue))],
                ["About", "; ".join(about)]]
        G.add_node(str(q), type="Quote", name=text, label="“" + _short(text, 32) + "”", names=[text],
                   details={"heading": ("Quote" if direct else "Statement") + (f" by {who}" if who else ""),
                            "text": text, "rows": [r for r in rows if r[1]]})
        if speaker is not None and str(speaker) in G:
            G.add_edge(str(speaker), str(q), rel="said", title=f"{who} said")
        for t in sorted(g.objects(q, KG.about)):
            if str(t) in G:
                G.add_edge(str(q), str(t), rel="about", title=f"about {G.nodes[str(t)]['name']}")
    for (p, org), titles in sorted(holds.items()):
        if str(p) in G and str(org) in G:
            G.add_edge(str(p), str(org), rel="holds", title="; ".join(sorted(titles)))
    for (p, ev), _ in sorted(attended.items()):
        if str(p) in G and str(ev) in G:
            G.add_edge(str(p), str(ev), rel="attended", title=f"{G.nodes[str(p)]['name']} attended")
    for e in sorted(types):
        for d in sorted(g.objects(e, KG.mentionedIn)):
            if str(d) in G:
                G.add_edge(str(d), str(e), rel="mentions", title=f"mentions {G.nodes[str(e)]['name']}")
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
    speakers. ``types``: node types to keep (see :data:`TYPES`).
    """
    keep = set(G)
    if focus is not None:
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
    return G.subgraph(keep).copy()


def layout(G: nx.Graph, order: list, core: int = 300, seed: int = 7, spacing: float = 70.0) -> dict:
    """Positions in pixels: spring layout for the top ``core`` nodes of ``order``,
    the rest placed around the neighbour that reaches them first, block by block.

    networkx's spring layout needs SciPy above 500 nodes and is quadratic in memory,
    so it only ever sees ``core`` nodes at once; other nodes go on a sunflower spiral
    around their neighbour (breadth first), and parts not reached start a new block.
    """
    unplaced, pos, blocks = set(G), {}, []
    rank = {v: i for i, v in enumerate(order)}
    queue_order = iter(order)
    while unplaced:
        seeds_ = []
        for v in queue_order:
            if v in unplaced:
                seeds_.append(v)
                if len(seeds_) >= core:
                    break
        if not seeds_:
            seeds_ = sorted(unplaced, key=str)[:core]
        H = G.subgraph(seeds_)
        radius = spacing * math.sqrt(len(H))
        raw = nx.spring_layout(H, seed=seed) if len(H) > 1 else {seeds_[0]: (0.0, 0.0)}
        block = {v: (float(x) * radius, float(y) * radius) for v, (x, y) in raw.items()}
        children: dict = defaultdict(int)
        todo = deque(sorted(seeds_, key=rank.get))
        while todo:
            u = todo.popleft()
            for v in sorted(G[u], key=lambda v: rank.get(v, len(rank))):
                if v in unplaced and v not in block:
                    i = children[u]
                    children[u] += 1
                    r, a = spacing * 0.6 * math.sqrt(i + 1), i * _GOLDEN + rank[u]
                    block[v] = (block[u][0] + r * math.cos(a), block[u][1] + r * math.sin(a))
                    todo.append(v)
        unplaced -= set(block)
        blocks.append(block)
    # shelf-pack the blocks: the first (most central) at the origin, the rest in rows below
    boxes = []
    for block in blocks:
        xs, ys = [p[0] for p in block.values()], [p[1] for p in block.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + spacing, max(ys) - min(ys) + spacing))
    width = max(boxes[0][2], math.sqrt(sum(b[2] * b[3] for b in boxes))) if boxes else 0
    x = y = row = 0.0
    for i, (block, (bx, by, bw, bh)) in enumerate(zip(blocks, boxes)):
        if i and x + bw > width:
            x, y, row = 0.0, y + row, 0.0
        for v, (px, py) in block.items():
            pos[v] = (px - bx + x, py - by + y)
        x, row = x + bw, max(row, bh)
    return pos


def build_network(G: nx.DiGraph, seed: int = 7):
    """A :class:`pyvis.network.Network` of the page graph, positioned and sized.

    Size grows with PageRank (undirected); ``rank`` is each node's place in that
    order (0 = most central), used by the page's top-N view.
    """
    from pyvis.network import Network

    from .analysis import pagerank

    U = G.to_undirected(as_view=True)
    pr = pagerank(U, weight=None)
    order = sorted(G, key=lambda v: (-pr[v], G.nodes[v]["name"], v))
    pos = layout(U, order, seed=seed)
    top = max(pr.values(), default=1.0) or 1.0
    net = Network(directed=True)
    for i, v in enumerate(order):
        a = G.nodes[v]
        colour, shape = TYPES[a["type"]]
        net.add_node(v, label=a["label"], shape=shape, color=colour, size=round(8 + 30 * math.sqrt(pr[v] / top), 1),
                     x=round(pos[v][0], 1), y=round(pos[v][1], 1), title=f"{a['type']}: {_short(a['name'], 200)}",
                     kgType=a["type"], kgName=a["name"] if a["type"] != "Quote" else a["label"], rank=i,
                     kgFind=" ".join(n for n in a["names"] if n).casefold())
    for i, (u, v, d) in enumerate(sorted(G.edges(data=True), key=lambda e: (RELATIONS.index(e[2]["rel"]), e[0], e[1]))):
        net.add_edge(u, v, id=f"e{i}", label=d["rel"], title=d["title"], kgRel=d["rel"])
    return net


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = resources.files("kg").joinpath("templates", name).read_text(encoding="utf-8")
    closing = "</style" if name.endswith(".css") else "</script"
    if name != "page.html" and (closing in text.lower() or "<!--" in text):
        raise KgError(f"kg/templates/{name} contains {closing!r} or '<!--' and cannot be inlined")
    return text


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def render(net, details: dict, *, heading: str = "kg: who said what", limit: int = DEFAULT_LIMIT) -> str:
    """The page's HTML for a pyvis network (from :func:`build_network`).

    ``details`` maps node ids to their side-panel content. Only our template is
    used; every value goes in through :func:`safe_json`.
    """
    if not isinstance(limit, int) or limit < 0:
        raise InputError(f"limit must be a whole number, 0 or more (0 shows every node), not {limit!r}")
    nodes, edges = list(net.nodes), list(net.edges)
    large = bool(limit) and len(nodes) > limit
    type_count: dict = defaultdict(int)
    for n in nodes:
        type_count[n["kgType"]] += 1
    rel_count: dict = defaultdict(int)
    for e in edges:
        rel_count[e["kgRel"]] += 1
    options = {"physics": {"enabled": False}, "layout": {"improvedLayout": False},
               "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
               "nodes": {"font": {"size": 12}, "borderWidth": 1},
               "edges": {"smooth": False, "font": {"size": 9, "align": "middle", "color": "#555"},
                         "color": {"color": "#bbbbbb", "highlight": "#333333", "hover": "#666666"},
                         "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}}}
    data = {"heading": heading, "nodes": nodes, "edges": edges, "details": {n["id"]: details[n["id"]] for n in nodes},
            "types": [{"name": t, "color": TYPES[t][0], "count": type_count[t]} for t in TYPES if type_count[t]],
            "relations": [{"name": r, "count": rel_count[r]} for r in RELATIONS if rel_count[r]],
            "limit": limit, "options": options}
    vis_js, app_js = _asset("vis-network.min.js"), _asset("page.js")
    csp = (f"default-src 'none'; script-src 'sha256-{_sha256(vis_js)}' 'sha256-{_sha256(app_js)}'; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    parts = {"csp": csp, "vis_css": _asset("vis-network.css"), "data": safe_json(data), "vis_js": vis_js,
             "app_js": app_js}
    return re.sub(r"\{\{kg:(\w+)\}\}", lambda m: parts[m.group(1)], _asset("page.html"))


def write_page(g: Graph, path: str | os.PathLike, *, focus: str | None = None, hops: int = 1,
               about: str | None = None, types=None, limit: int = DEFAULT_LIMIT, heading: str | None = None,
               seed: int = 7) -> Path:
    """Write the browser page for ``g`` to ``path`` atomically; returns the path.

    See :func:`select` for ``focus``/``hops``/``about``/``types`` and :func:`render`
    for ``limit`` (0 shows every node at once).
    """
    G = select(page_graph(g), focus=focus, hops=hops, about=about, types=types)
    if heading is None:
        view = [f"around {focus} ({hops} hop{'s' if hops != 1 else ''})" if focus else "",
                f"said about {about}" if about else "",
                ", ".join([types] if isinstance(types, str) else types) if types else ""]
        heading = "kg: who said what" + "".join(f" · {v}" for v in view if v)
    html = render(build_network(G, seed=seed), dict(G.nodes(data="details")), heading=heading, limit=limit)
    return atomic_write(path, html)
