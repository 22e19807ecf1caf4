"""Analysis stage: the RDF graph projected onto networkx graphs, and scores on them.

Three projections, each a networkx graph whose nodes are IRI strings with ``type``
and ``label`` attributes:

- :func:`who_said_what` -- person -> quote -> policy/event/agency (``said``, ``about``);
- :func:`co_mention` -- entities named in the same sentence (or document), edge
  ``weight`` = how many sentences (documents) they share;
- :func:`affiliation` -- person -> office -> agency (``holds``, ``in``).

Scores follow the ontology: ``kg:degree`` is degree centrality in who-said-what;
``kg:betweenness``, ``kg:pagerank`` and ``kg:community`` (seeded Louvain) come from
the co-mention projection. The RDF is read with rdflib's triple API (no SPARQL
text here); spaCy is never imported.
"""
from __future__ import annotations

import bisect
import csv
import io
import os
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx
from rdflib import RDF, XSD, Graph, Literal, URIRef

from .errors import InputError
from .fileio import atomic_write
from .sentences import sentences
from .ns import ENTITY_CLASSES, KG

__all__ = ["SCOPES", "EXAMPLE", "sentences", "who_said_what", "co_mention", "affiliation",
           "pagerank", "centrality", "communities", "components", "top_speakers", "most_quoted", "analyze",
           "write_scores", "write_report"]

#: Entity classes scored by :func:`analyze`, by type name.
SCOPES = ("sentence", "document")  #: co-mention (:func:`co_mention`): in the same sentence, or document
#: The small graph the examples use: two people (one official), an agency, a policy.
EXAMPLE = """@prefix kg: <https://w3id.org/kgid/ns#> . @prefix d: <https://w3id.org/kgid/id/> .
d:doc a kg:Document ; kg:text "Ani ke BKN. Budi di BKN." .
d:ani a kg:Person ; kg:label "Ani" ; kg:isOfficial true ; kg:mentionedIn d:doc ; kg:holdsRole d:r1 .
d:budi a kg:Person ; kg:label "Budi" ; kg:isOfficial false ; kg:mentionedIn d:doc .
d:bkn a kg:Agency ; kg:label "BKN" ; kg:mentionedIn d:doc .  d:sakip a kg:Policy ; kg:label "SAKIP" .
d:r1 a kg:Role ; kg:holder d:ani ; kg:roleTitle "Kepala" ; kg:organization d:bkn .
d:m1 a kg:Mention ; kg:mentionOf d:ani ; kg:inDocument d:doc ; kg:start 0 ; kg:end 3 .
d:m2 a kg:Mention ; kg:mentionOf d:bkn ; kg:inDocument d:doc ; kg:start 7 ; kg:end 10 .
d:m3 a kg:Mention ; kg:mentionOf d:budi ; kg:inDocument d:doc ; kg:start 12 ; kg:end 16 .
d:m4 a kg:Mention ; kg:mentionOf d:bkn ; kg:inDocument d:doc ; kg:start 20 ; kg:end 23 .
d:q1 a kg:Quote ; kg:text "Kami siap." ; kg:isDirect true ; kg:speaker d:ani ; kg:about d:sakip .
d:q2 a kg:Quote ; kg:text "Setuju." ; kg:isDirect false ; kg:speaker d:ani ; kg:about d:sakip .
d:q3 a kg:Quote ; kg:text "Tentu." ; kg:isDirect true ; kg:speaker d:budi ; kg:about d:sakip .
"""
_ABOUT_TYPES = ("Policy", "Event", "Agency")
#: Betweenness is exact up to this many nodes, then estimated from this many seeded pivots.
BETWEENNESS_EXACT_LIMIT, BETWEENNESS_PIVOTS = 1000, 200


def _entity_types(g: Graph) -> dict[URIRef, str]:
    # reversed: when a node has two entity classes, the first in ENTITY_CLASSES wins
    return {s: name for name, cls in reversed(ENTITY_CLASSES.items()) for s in g.subjects(RDF.type, cls)}


def _label(g: Graph, node, default: str = "") -> str:
    value = g.value(node, KG.label)
    return str(value) if value is not None else default


def _quote_label(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def who_said_what(g: Graph) -> nx.DiGraph:
    """Person -> quote (``rel="said"``) -> policy/event/agency (``rel="about"``).

    Examples
    --------
    >>> g = Graph().parse(data=EXAMPLE, format="turtle")
    >>> G = who_said_what(g)
    >>> len(G), sorted((u.rsplit("/")[-1], v.rsplit("/")[-1], r) for u, v, r in G.edges(data="rel"))[:3]
    (6, [('ani', 'q1', 'said'), ('ani', 'q2', 'said'), ('budi', 'q3', 'said')])
    """
    types = _entity_types(g)
    G = nx.DiGraph(projection="who-said-what")
    for q in sorted(g.subjects(RDF.type, KG.Quote)):
        G.add_node(str(q), type="Quote", label=_quote_label(str(g.value(q, KG.text) or "")))
        for p in sorted(g.objects(q, KG.speaker)):
            G.add_node(str(p), type="Person", label=_label(g, p, str(p)))
            G.add_edge(str(p), str(q), rel="said")
        for t in sorted(g.objects(q, KG.about)):
            if types.get(t) in _ABOUT_TYPES:
                G.add_node(str(t), type=types[t], label=_label(g, t, str(t)))
                G.add_edge(str(q), str(t), rel="about")
    return G


def co_mention(g: Graph, scope: str = "sentence") -> nx.Graph:
    """Entities named together; ``weight`` counts shared sentences or documents.

    Every entity is a node, named together or not. ``scope="sentence"`` places each
    ``kg:Mention`` in a sentence of its document's ``kg:text`` (see :func:`sentences`);
    ``scope="document"`` uses ``kg:mentionedIn``. Each edge also has
    ``distance = 1 / weight`` for path-based scores.

    Examples
    --------
    >>> g = Graph().parse(data=EXAMPLE, format="turtle")
    >>> name = lambda G: sorted(sorted([G.nodes[u]["label"], G.nodes[v]["label"]]) + [w] for u, v, w in G.edges(data="weight"))
    >>> name(co_mention(g))
    [['Ani', 'BKN', 1], ['BKN', 'Budi', 1]]
    >>> len(co_mention(g, scope="document").edges)
    3
    """
    if scope not in SCOPES:
        raise InputError(f"unknown co-mention scope {scope!r}; valid scopes: {', '.join(SCOPES)}")
    types = _entity_types(g)
    G = nx.Graph(projection=f"co-mention ({scope})")
    for e in sorted(types):
        G.add_node(str(e), type=types[e], label=_label(g, e, str(e)))
    groups: dict[tuple, set[str]] = defaultdict(set)
    if scope == "document":
        for e in types:
            for doc in g.objects(e, KG.mentionedIn):
                groups[(doc,)].add(str(e))
    else:
        bounds: dict = {}
        for m in g.subjects(RDF.type, KG.Mention):
            e, doc, start = g.value(m, KG.mentionOf), g.value(m, KG.inDocument), g.value(m, KG.start)
            if e not in types or doc is None or start is None:
                continue
            if doc not in bounds:
                bounds[doc] = [a for a, _ in sentences(str(g.value(doc, KG.text) or ""))] or [0]
            i = bisect.bisect_right(bounds[doc], int(start)) - 1
            groups[(doc, i)].add(str(e))
    for members in groups.values():
        for a, b in combinations(sorted(members), 2):
            w = G.edges[a, b]["weight"] + 1 if G.has_edge(a, b) else 1
            G.add_edge(a, b, weight=w, distance=1.0 / w)
    return G


def affiliation(g: Graph) -> nx.DiGraph:
    """Person -> office (``rel="holds"``) -> agency (``rel="in"``).

    An office is a role title within one organization, shared by everyone who holds
    it; ``documents`` on a ``holds`` edge counts the documents that state it.

    Examples
    --------
    >>> g = Graph().parse(data=EXAMPLE, format="turtle")
    >>> G = affiliation(g)
    >>> [(G.nodes[u]["label"], G.nodes[v]["label"], r) for u, v, r in G.edges(data="rel")]
    [('Ani', 'Kepala (BKN)', 'holds'), ('Kepala (BKN)', 'BKN', 'in')]
    """
    G = nx.DiGraph(projection="affiliation")
    for role in sorted(g.subjects(RDF.type, KG.Role)):
        person, title, org = g.value(role, KG.holder), g.value(role, KG.roleTitle), g.value(role, KG.organization)
        if person is None or title is None:
            continue
        title = " ".join(str(title).split())
        office = f"office:{title.casefold()}@{org or ''}"
        G.add_node(str(person), type="Person", label=_label(g, person, str(person)))
        if office not in G:  # the first spelling met names the office
            G.add_node(office, type="Office", label=f"{title} ({_label(g, org, str(org))})" if org else title)
        docs = G.edges[str(person), office]["documents"] + 1 if G.has_edge(str(person), office) else 1
        G.add_edge(str(person), office, rel="holds", documents=docs)
        if org is not None:
            G.add_node(str(org), type="Agency", label=_label(g, org, str(org)))
            G.add_edge(office, str(org), rel="in")
    return G


def pagerank(G: nx.Graph, alpha: float = 0.85, weight: str | None = "weight", tol: float = 1.0e-10,
             max_iter: int = 500) -> dict:
    """PageRank by power iteration with numpy arrays (networkx's own needs SciPy).

    Same definition as :func:`networkx.pagerank`: an undirected edge counts both
    ways, a node with no out-edges spreads its rank evenly; missing weights are 1.

    Examples
    --------
    >>> {k: round(v, 3) for k, v in pagerank(nx.cycle_graph(4)).items()}
    {0: 0.25, 1: 0.25, 2: 0.25, 3: 0.25}
    >>> r = pagerank(nx.star_graph(3)); round(r[0], 3), round(r[1], 3)
    (0.48, 0.173)
    """
    import numpy as np

    n = len(G)
    if n == 0:
        return {}
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    src, dst, wts = [], [], []
    for u, v, d in G.edges(data=True):
        w = float(d.get(weight, 1.0)) if weight else 1.0
        src.append(index[u]), dst.append(index[v]), wts.append(w)
        if not G.is_directed():
            src.append(index[v]), dst.append(index[u]), wts.append(w)
    src, dst, wts = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(wts, dtype=float)
    total = np.bincount(src, weights=wts, minlength=n)
    dangling = total == 0
    share_w = wts / np.where(dangling, 1.0, total)[src]
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = (1.0 - alpha) / n + alpha * rank[dangling].sum() / n + alpha * np.bincount(
            dst, weights=rank[src] * share_w, minlength=n)
        err = float(np.abs(new - rank).sum())
        rank = new
        if err < n * tol:
            break
    return {v: float(rank[i]) for i, v in enumerate(nodes)}


def centrality(G: nx.Graph, seed: int = 42) -> dict:
    """Degree, betweenness (over ``distance`` when edges have it) and PageRank.

    Betweenness is exact up to ``BETWEENNESS_EXACT_LIMIT`` nodes, then estimated
    from ``BETWEENNESS_PIVOTS`` seeded pivots (``c["pivots"]`` says which).

    Examples
    --------
    >>> c = centrality(nx.path_graph(["a", "b", "c"]))
    >>> c["degree"]["b"], c["betweenness"]["b"], c["betweenness"]["a"]
    (1.0, 1.0, 0.0)
    >>> c["pagerank"]["b"] > c["pagerank"]["a"]
    True
    """
    weighted = any("distance" in d for _, _, d in G.edges(data=True))
    k = None if len(G) <= BETWEENNESS_EXACT_LIMIT else BETWEENNESS_PIVOTS
    return {"pivots": k, "degree": nx.degree_centrality(G) if len(G) > 1 else {v: 0.0 for v in G},
            "betweenness": nx.betweenness_centrality(G, k=k, seed=seed, weight="distance" if weighted else None),
            "pagerank": pagerank(G)}


def communities(G: nx.Graph, seed: int = 42) -> dict:
    """Louvain communities (seeded, so the same graph always gives the same answer).

    Communities are numbered from 0 by size, largest first (ties: smallest member).

    Examples
    --------
    >>> G = nx.barbell_graph(4, 0)
    >>> c = communities(G)
    >>> c["communities"]
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    >>> c["membership"][5], round(c["modularity"], 3)
    (1, 0.423)
    """
    if len(G) == 0:
        return {"communities": [], "membership": {}, "modularity": 0.0}
    found = nx.community.louvain_communities(G, weight="weight", seed=seed)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), str(c[0])))
    modularity = nx.community.modularity(G, ordered, weight="weight") if G.number_of_edges() else 0.0
    return {"communities": ordered, "membership": {v: i for i, c in enumerate(ordered) for v in c},
            "modularity": modularity}


def components(G: nx.Graph) -> dict:
    """Connected components (weakly, for a directed graph), largest first.

    Examples
    --------
    >>> c = components(nx.Graph([(1, 2), (3, 4), (4, 5)]))
    >>> c["count"], c["sizes"], c["components"][0]
    (2, [3, 2], [3, 4, 5])
    """
    parts = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    ordered = sorted((sorted(c, key=str) for c in parts), key=lambda c: (-len(c), str(c[0])))
    return {"count": len(ordered), "sizes": [len(c) for c in ordered], "components": ordered}


def top_speakers(g: Graph, n: int = 5, types: tuple[str, ...] = ("Policy",)) -> dict:
    """For each policy (or other ``types``), the people quoted most about it.

    Examples
    --------
    >>> g = Graph().parse(data=EXAMPLE, format="turtle")
    >>> [(s["label"], s["quotes"]) for s in top_speakers(g)["https://w3id.org/kgid/id/sakip"]["speakers"]]
    [('Ani', 2), ('Budi', 1)]
    """
    bad = [t for t in types if t not in ENTITY_CLASSES]
    if bad:
        raise InputError(f"unknown entity type {bad[0]!r}; valid types: {', '.join(ENTITY_CLASSES)}")
    ent_types = _entity_types(g)
    counts: dict[URIRef, Counter] = defaultdict(Counter)
    for q in g.subjects(RDF.type, KG.Quote):
        for t in g.objects(q, KG.about):
            if ent_types.get(t) in types:
                for p in g.objects(q, KG.speaker):
                    counts[t][p] += 1
    out = {}
    for t in sorted(counts, key=lambda t: (-sum(counts[t].values()), _label(g, t))):
        ranked = sorted(counts[t].items(), key=lambda kv: (-kv[1], _label(g, kv[0]), str(kv[0])))[:n]
        out[str(t)] = {"label": _label(g, t, str(t)), "type": ent_types[t],
                       "speakers": [{"person": str(p), "label": _label(g, p, str(p)), "quotes": c} for p, c in ranked]}
    return out


def most_quoted(g: Graph, officials_only: bool = True) -> dict:
    """People by number of quotes (direct and reported), officials only by default.

    Examples
    --------
    >>> g = Graph().parse(data=EXAMPLE, format="turtle")
    >>> [(r["label"], r["quotes"], r["direct"]) for r in most_quoted(g).values()]
    [('Ani', 2, 1)]
    >>> len(most_quoted(g, officials_only=False))
    2
    """
    counts: dict[URIRef, Counter] = defaultdict(Counter)
    for q in g.subjects(RDF.type, KG.Quote):
        direct = g.value(q, KG.isDirect)
        for p in g.objects(q, KG.speaker):
            counts[p].update(["quotes", "direct" if direct is not None and direct.toPython() else "reported"])
    rows = []
    for p, c in counts.items():
        official = g.value(p, KG.isOfficial)
        official = bool(official.toPython()) if official is not None else False
        if officials_only and not official:
            continue
        rows.append((str(p), {"label": _label(g, p, str(p)), "official": official, "quotes": c["quotes"],
                              "direct": c["direct"], "reported": c["reported"]}))
    rows.sort(key=lambda kv: (-kv[1]["quotes"], kv[1]["label"], kv[0]))
    return dict(rows)


def analyze(g: Graph, scope: str = "sentence", seed: int = 42) -> dict:
    """Every analysis of the graph in one dict (what ``kg analyze`` reports).

    ``scores`` maps each entity IRI to its type, label, degree, betweenness,
    pagerank and community (see the module docstring for which projection each
    comes from).

    Examples
    --------
    >>> g = Graph().parse(data=EXAMPLE, format="turtle")
    >>> r = analyze(g, scope="document")
    >>> r["summary"]["co_mention_edges"], sorted(k.rsplit("/")[-1] for k in r["scores"])
    (3, ['ani', 'bkn', 'budi', 'sakip'])
    >>> r["scores"]["https://w3id.org/kgid/id/ani"]["degree"]  # 2 of the 5 other nodes in who-said-what
    0.4
    """
    wsw, co, aff = who_said_what(g), co_mention(g, scope), affiliation(g)
    deg = nx.degree_centrality(wsw) if len(wsw) > 1 else {}
    cent = centrality(co, seed=seed)
    comm = communities(co, seed=seed)
    scores = {}
    for node, data in co.nodes(data=True):
        scores[node] = {"type": data["type"], "label": data["label"], "degree": deg.get(node, 0.0),
                        "betweenness": cent["betweenness"][node], "pagerank": cent["pagerank"][node],
                        "community": comm["membership"][node]}
    pairs = sorted(co.edges(data="weight"), key=lambda e: (-e[2], co.nodes[e[0]]["label"], co.nodes[e[1]]["label"]))
    bridges = {}
    for p, data in aff.nodes(data=True):
        if data["type"] == "Person":
            orgs = {a for o in aff.successors(p) for a in aff.successors(o)}
            if len(orgs) > 1:
                bridges[p] = {"label": data["label"], "agencies": sorted(aff.nodes[a]["label"] for a in orgs)}
    return {
        "scope": scope, "seed": seed, "scores": scores,
        "co_mentions": [{"a": a, "b": b, "a_label": co.nodes[a]["label"], "b_label": co.nodes[b]["label"], "weight": w}
                        for a, b, w in pairs],
        "communities": [[co.nodes[v]["label"] for v in c] for c in comm["communities"]],
        "modularity": comm["modularity"],
        "components": {"who_said_what": components(wsw)["sizes"], "co_mention": components(co)["sizes"],
                       "affiliation": components(aff)["sizes"]},
        "top_speakers": top_speakers(g), "most_quoted": most_quoted(g),
        "affiliations": [{"person": u, "person_label": aff.nodes[u]["label"], "office": aff.nodes[v]["label"],
                          "documents": d} for u, v, d in aff.edges(data="documents") if d is not None],
        "bridges": bridges,
        "summary": {"entities": len(co), "quotes": sum(1 for _, t in wsw.nodes(data="type") if t == "Quote"),
                    "who_said_what_edges": wsw.number_of_edges(), "co_mention_edges": co.number_of_edges(),
                    "affiliation_edges": aff.number_of_edges(), "communities": len(comm["communities"]),
                    "betweenness": f"estimated from {cent['pivots']} pivots" if cent["pivots"] else "exact"},
    }


def write_scores(g: Graph, result: dict) -> int:
    """Write ``result["scores"]`` into ``g`` (replacing old scores); returns triples set.

    Examples
    --------
    >>> g = Graph()
    >>> write_scores(g, {"scores": {"https://w3id.org/kgid/id/ani": {"degree": 0.5, "betweenness": 0.0,
    ...     "pagerank": 0.25, "community": 3}}})
    4
    >>> g.value(URIRef("https://w3id.org/kgid/id/ani"), KG.community).toPython()
    3
    """
    n = 0
    for iri, s in result["scores"].items():
        node = URIRef(iri)
        for prop in ("degree", "betweenness", "pagerank"):
            g.set((node, KG[prop], Literal(float(s[prop]), datatype=XSD.double)))
            n += 1
        g.set((node, KG.community, Literal(int(s["community"]), datatype=XSD.integer)))
        n += 1
    return n


def _csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, columns, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def _md(value) -> str:
    """A Markdown table cell: one line, pipes and HTML characters escaped."""
    s = " ".join(str(value).split())
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def write_report(result: dict, out: str | os.PathLike, top: int = 10) -> list[Path]:
    """``report.md`` and CSV tables (scores, co-mentions, speakers, officials, offices).

    Every file is written atomically; returns the paths written.
    """
    out = Path(out)
    sc = sorted(result["scores"].items(), key=lambda kv: (-kv[1]["pagerank"], kv[1]["label"], kv[0]))
    tables = {
        "scores.csv": ([{"entity": k, **v} for k, v in sc], "entity type label degree betweenness pagerank community"),
        "co_mentions.csv": (result["co_mentions"], "a a_label b b_label weight"),
        "top_speakers.csv": ([{"entity": k, "label": v["label"], "person": x["person"], "person_label": x["label"],
                               "quotes": x["quotes"]} for k, v in result["top_speakers"].items() for x in v["speakers"]],
                             "entity label person person_label quotes"),
        "most_quoted.csv": ([{"person": k, **v} for k, v in result["most_quoted"].items()],
                            "person label quotes direct reported"),
        "affiliations.csv": (result["affiliations"], "person person_label office documents"),
    }
    written = [atomic_write(out / name, _csv(rows, cols.split()), newline="") for name, (rows, cols) in tables.items()]
    s = result["summary"]
    lines = ["# Who said what: network analysis", "",
             f"{s['entities']} entities, {s['quotes']} quotes. Co-mention scope: {result['scope']}; "
             f"Louvain seed {result['seed']}: {s['communities']} communities, modularity {result['modularity']:.3f}. "
             f"Betweenness: {s['betweenness']}.",
             "", "Components (sizes, largest first): " + "; ".join(
                 f"{k.replace('_', '-')} {v[:8]}{' …' if len(v) > 8 else ''}" for k, v in result["components"].items()),
             "", "## Most central entities (PageRank in the co-mention graph)", "",
             "The measures come from two graphs, named in each column: PageRank, betweenness and community "
             f"from the co-mention graph (entities named in the same {result['scope']}), degree from the "
             "who-said-what graph (speaker, quote, what it is about), where an entity no quote involves has "
             "degree 0 however central it is in the co-mention graph.", "",
             "| entity | type | PageRank (co-mention) | betweenness (co-mention) | community (co-mention) "
             "| degree (who-said-what) |", "|---|---|---|---|---|---|"]
    lines += [f"| {_md(v['label'])} | {v['type']} | {v['pagerank']:.4f} | {v['betweenness']:.3f} | {v['community']} "
              f"| {v['degree']:.3f} |" for _, v in sc[:top]]
    lines += ["", "## Most-quoted officials", "", "| official | quotes | direct | reported |", "|---|---|---|---|"]
    lines += [f"| {_md(v['label'])} | {v['quotes']} | {v['direct']} | {v['reported']} |"
              for v in list(result["most_quoted"].values())[:top]]
    lines += ["", "## Top speakers per policy", "", "| policy | speakers (quotes) |", "|---|---|"]
    for v in result["top_speakers"].values():
        who = ", ".join(f"{x['label']} ({x['quotes']})" for x in v["speakers"])
        lines.append(f"| {_md(v['label'])} | {_md(who)} |")
    lines += ["", "## Strongest co-mentions", "", "| entity | entity | shared |", "|---|---|---|"]
    lines += [f"| {_md(r['a_label'])} | {_md(r['b_label'])} | {r['weight']} |" for r in result["co_mentions"][:top]]
    lines += ["", "## Communities", ""]
    lines += [f"- community {i} ({len(c)}): {_md(', '.join(c[:12]))}{' …' if len(c) > 12 else ''}"
              for i, c in enumerate(result["communities"]) if len(c) > 1]
    lines += ["", "## People linking agencies (offices in more than one)", ""]
    lines += [f"- {_md(v['label'])}: {_md(', '.join(v['agencies']))}" for v in result["bridges"].values()] or ["- none"]
    written.insert(0, atomic_write(out / "report.md", "\n".join(lines) + "\n", newline=""))
    return written
