"""``kg export`` and ``kg push``: a graph for other tools and other triple stores.

RDF formats are written by Oxigraph's serializers from sorted statements, so the
same graph gives the same bytes. N-Quads and TriG (and ``kg push --per-document``)
put **every statement in exactly one named graph**: one graph per document, named
by the document's own IRI (the document node, its mentions, quotes, roles and event
reports, and the statements tying shared entities to them: ``kg:mentionedIn``,
``kg:said``, ``kg:holdsRole``), and the entities graph
(:data:`kg.ns.ENTITIES_GRAPH`: type, label, aliases, flags, scores). Nothing is in
the default graph, so a store whose default graph is the union of the named graphs
(Fuseki/TDB2 ``unionDefaultGraph``, Oxigraph ``--union-default-graph``) sees the
whole graph once. JSON-LD is compact, with the context of ``ontology/context.jsonld``.
GraphML (Gephi, Cytoscape) and CSV (pandas, spreadsheets) hold the network of
``kg/queries/network_nodes.rq`` and ``network_edges.rq``; CSV cells that a
spreadsheet would run as a formula are neutralised.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

from .errors import GraphFileError, KgError
from .fileio import atomic_write
from .ns import ENTITIES_GRAPH, KG, KGD, TURTLE_PREFIXES
from .store import RDF_FORMATS, Store, parse_error, rdf_format
from .terms import nt_term, term_parts, to_oxigraph

__all__ = ["EXPORT_FORMATS", "STREAM_FORMATS", "export", "export_stream", "document_graph_of", "document_graphs",
           "network", "push", "neutralise", "jsonld_context"]

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "csv")
#: Formats ``export_stream`` writes statement by statement.
STREAM_FORMATS = ("nt", "nq")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def document_graphs(store: Store) -> dict[str, list[tuple]]:
    """Statements grouped by named graph: a document's IRI, or :data:`~kg.ns.ENTITIES_GRAPH`
    for the shared entity descriptions (every statement in exactly one graph).

    Values are lists of ``(s, p, o)`` term parts (see :func:`kg.terms.term_parts`).
    """
    doc_of: dict[tuple, str] = {}
    triples = {(term_parts(s), term_parts(p), term_parts(o)) for s, p, o, _ in store.quads()}
    in_doc, document = str(KG.inDocument), str(KG.Document)
    for s, p, o in triples:
        if p[1] == in_doc and o[0] == "iri":
            doc_of[s] = o[1]
        elif p[1] == _RDF_TYPE and o[1] == document:
            doc_of[s] = s[1]
    tie = {str(KG.said), str(KG.holdsRole)}
    out: dict[str, list[tuple]] = {}
    for s, p, o in sorted(triples, key=lambda t: tuple(nt_term(x) for x in t)):
        g = doc_of.get(s)
        if g is None and p[1] in tie:
            g = doc_of.get(o)
        if g is None and p[1] == str(KG.mentionedIn) and o[0] == "iri":
            g = o[1]
        out.setdefault(g or str(ENTITIES_GRAPH), []).append((s, p, o))
    return out


_DOC_LOCAL = re.compile(re.escape(str(KGD)) + r"(doc|mention|quote|role|eventreport)/([^/>]+)")
_TIES = (str(KG.said), str(KG.holdsRole), str(KG.mentionedIn))


def document_graph_of(s: str, p: str, o: str | None) -> str:
    """The named graph of a statement, from the IRIs ``kg build`` mints (``s``, ``o``:
    IRIs, ``o`` None for a literal): the document whose node, mention, quote, role or event
    report is the subject, or for ``kg:said``/``kg:holdsRole``/``kg:mentionedIn`` the object;
    the entities graph for the rest. On a graph written by ``kg build`` this is the
    partition :func:`document_graphs` finds through ``kg:inDocument``.

    >>> d = "https://w3id.org/kgid/id/"
    >>> document_graph_of(d + "quote/a-txt-1/5-9", d + "x", None)
    'https://w3id.org/kgid/id/doc/a-txt-1'
    >>> document_graph_of(d + "person/x", str(KG.label), None)
    'https://w3id.org/kgid/id/entities'
    """
    m = _DOC_LOCAL.match(s)
    if m is None and p in _TIES and o is not None:
        m = _DOC_LOCAL.match(o)
    return f"{KGD}doc/{m.group(2)}" if m else str(ENTITIES_GRAPH)


def export_stream(graph: str | os.PathLike, fmt: str, out: str | os.PathLike) -> list[tuple[str, str]]:
    """Write the graph file ``graph`` as N-Quads (every statement in its named graph, by
    :func:`document_graph_of`) or N-Triples, statement by statement: memory stays flat
    whatever the graph's size. Statements come in the file's order (a graph written by
    ``kg build`` gives the same bytes every time), not sorted as :func:`export` sorts them.
    """
    import pyoxigraph as ox

    if fmt not in STREAM_FORMATS:
        raise KgError(f"--stream writes {' or '.join(STREAM_FORMATS)}, not {fmt!r}")
    graph, out = Path(graph), Path(out)
    name = rdf_format(graph)
    if not graph.is_file():
        raise GraphFileError(f"{graph}: no such graph file")
    if out.is_dir():
        raise GraphFileError(f"{out} is a folder; give a file name for {fmt}")
    seen_docs: set[str] = set()
    entities = str(ENTITIES_GRAPH)
    n = 0

    def quads():
        nonlocal n
        for q in ox.parse(path=str(graph), format=getattr(ox.RdfFormat, RDF_FORMATS[name][0])):
            n += 1
            if fmt == "nt":
                yield ox.Triple(q.subject, q.predicate, q.object)
                continue
            o = q.object.value if isinstance(q.object, ox.NamedNode) else None
            g = document_graph_of(q.subject.value, q.predicate.value, o) \
                if isinstance(q.subject, ox.NamedNode) else entities
            if g != entities:
                seen_docs.add(g)
            yield ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(g))

    try:
        atomic_write(out, lambda f: ox.serialize(quads(), output=f, format=ox.RdfFormat.N_QUADS if fmt == "nq"
                                                 else ox.RdfFormat.N_TRIPLES))
    except SyntaxError as e:
        raise GraphFileError(parse_error(graph, name, e)) from None
    what = f"{n} statements" + (f", {len(seen_docs)} document graphs" if fmt == "nq" else "")
    return [(str(out), what)]


def jsonld_context() -> dict:
    """The JSON-LD context published as ``ontology/context.jsonld`` (``{"@context": {...}}``):
    a short term for every class and property of the ontology, typed as the ontology types it."""
    from .validate import ontology_dir

    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))


def _jsonld_bytes(triples: list) -> bytes:
    """Compact JSON-LD of sorted ``triples`` (Oxigraph's expanded form, compacted by PyLD with
    :func:`jsonld_context`, which the document carries inline so it reads offline)."""
    import pyoxigraph as ox
    from pyld import jsonld

    expanded = json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD)) if triples else []
    for node in expanded:  # rdf:type as @type, as JSON-LD's fromRdf writes it (useRdfType false)
        types = [t["@id"] for t in node.pop(_RDF_TYPE, []) if "@id" in t]
        if types:
            node["@type"] = types
    doc = jsonld.compact(expanded, jsonld_context())
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _rdf_bytes(store: Store, fmt: str) -> tuple[bytes, str]:
    import pyoxigraph as ox

    oxf = {"ttl": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG"}.get(fmt)
    prefixes = TURTLE_PREFIXES if fmt in ("ttl", "trig") else None
    if fmt in ("nq", "trig"):
        groups = document_graphs(store)
        quads = [ox.Quad(*(to_oxigraph(x) for x in t), ox.NamedNode(g)) for g in sorted(groups) for t in groups[g]]
        n = f"{len(quads)} statements, {sum(1 for g in groups if g != str(ENTITIES_GRAPH))} document graphs"
        return ox.serialize(quads, format=getattr(ox.RdfFormat, oxf), prefixes=prefixes), n
    triples = sorted({(term_parts(s), term_parts(p), term_parts(o)) for s, p, o, _ in store.quads()},
                     key=lambda t: tuple(nt_term(x) for x in t))
    oxt = [ox.Triple(*(to_oxigraph(x) for x in t)) for t in triples]
    if fmt == "jsonld":
        return _jsonld_bytes(oxt), f"{len(triples)} triples"
    return ox.serialize(oxt, format=getattr(ox.RdfFormat, oxf), prefixes=prefixes), f"{len(triples)} triples"


def _value(t):
    """A term as a plain Python value for GraphML/CSV (numbers and booleans typed)."""
    p = term_parts(t)
    if p is None:
        return None
    kind, value, dt, _ = p
    if kind != "literal" or not dt:
        return value
    local = dt.rsplit("#", 1)[-1]
    try:
        if local in ("integer", "int", "long", "nonNegativeInteger"):
            return int(value)
        if local in ("double", "float", "decimal"):
            return float(value)
        if local == "boolean":
            return value in ("true", "1")
    except ValueError:
        pass
    return value


def network(store: Store) -> tuple[list[dict], list[dict]]:
    """(nodes, edges) of the graph's network view, as plain dicts."""
    from .query import query_text

    aliases: dict[str, list[str]] = {}
    for row in store.execute(query_text("facts/aliases")).rows:
        aliases.setdefault(_value(row[0]), []).append(_value(row[1]))
    ndocs: dict[str, int] = {}
    for row in store.execute(query_text("facts/entity_documents")).rows:
        ndocs[_value(row[0])] = ndocs.get(_value(row[0]), 0) + 1
    sol = store.execute(query_text("network_nodes"))
    nodes = {}
    for row in sol.rows:
        d = {v: _value(t) for v, t in zip(sol.vars, row) if t is not None}
        d["id"], d["type"] = d.pop("node"), d["type"].rsplit("#", 1)[-1]
        if d["type"] != "Document":
            d["aliases"], d["documents"] = "; ".join(aliases.get(d["id"], [])), ndocs.get(d["id"], 0)
        nodes.setdefault(d["id"], d)
    sol = store.execute(query_text("network_edges"))
    edges = [{v: _value(t) for v, t in zip(sol.vars, row) if t is not None} for row in sol.rows]
    for e in edges:
        for end in (e["source"], e["target"]):
            nodes.setdefault(end, {"id": end, "type": "Other", "label": end.rstrip("/").rsplit("/", 1)[-1]})
    return list(nodes.values()), edges


def neutralise(value):
    """A CSV cell a spreadsheet will show as text: formulas (=, +, -, @, tab, CR first) get a leading '.

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-1"), neutralise(-1), neutralise("ASN")
    ('\\'=HYPERLINK("http://x")', "'-1", -1, 'ASN')
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_bytes(rows: list[dict], columns: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r.get(c) is None else neutralise(r[c]) for c in columns])
    return buf.getvalue().encode("utf-8")


_NODE_COLS = ["id", "label", "type", "official", "aliases", "documents", "date", "source", "degree",
              "betweenness", "pagerank", "community"]
_EDGE_COLS = ["source", "target", "relation", "weight", "label"]


def _graphml_bytes(nodes: list[dict], edges: list[dict]) -> bytes:
    import networkx as nx

    clean = lambda v: _XML_BAD.sub("\ufffd", v) if isinstance(v, str) else v  # noqa: E731
    g = nx.MultiDiGraph()
    for n in nodes:
        attrs = {k: clean(v) for k, v in n.items() if k != "id" and v is not None and v != ""}
        attrs["name"] = attrs.get("label", "")
        g.add_node(clean(n["id"]), **attrs)
    for i, e in enumerate(edges):
        g.add_edge(clean(e["source"]), clean(e["target"]), key=f"e{i}",
                   **{k: clean(v) for k, v in e.items() if k not in ("source", "target") and v not in (None, "")})
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def export(store: Store, fmt: str, out: str | os.PathLike) -> list[tuple[str, str]]:
    """Write ``store`` as ``fmt`` to ``out`` (a folder for csv); returns (path, what) pairs."""
    if fmt not in EXPORT_FORMATS:
        raise KgError(f"unknown export format {fmt!r}; valid: {', '.join(EXPORT_FORMATS)}")
    out = Path(out)
    if fmt == "csv":  # two tables: always a folder, never a file name taken as one
        if (out.exists() and not out.is_dir()) or (out.suffix.lower() == ".csv" and not out.is_dir()):
            raise GraphFileError(f"{out}: csv export writes two files, nodes.csv and edges.csv, into a folder; "
                                 "give a folder for --out (e.g. --out tables)")
        nodes, edges = network(store)
        atomic_write(out / "nodes.csv", _csv_bytes(nodes, _NODE_COLS))
        atomic_write(out / "edges.csv", _csv_bytes(edges, _EDGE_COLS))
        return [(str(out / "nodes.csv"), f"{len(nodes)} nodes"), (str(out / "edges.csv"), f"{len(edges)} edges")]
    if out.is_dir():
        raise GraphFileError(f"{out} is a folder; give a file name for {fmt}")
    if fmt == "graphml":
        nodes, edges = network(store)
        data, what = _graphml_bytes(nodes, edges), f"{len(nodes)} nodes, {len(edges)} edges"
    else:
        data, what = _rdf_bytes(store, fmt)
    atomic_write(out, data)
    return [(str(out), what)]


def push(store: Store, endpoint: str, graph: str | None = None, per_document: bool = False,
         append: bool = False, timeout: float = 300.0) -> list[tuple[str | None, int]]:
    """Send ``store`` to a SPARQL 1.1 Graph Store Protocol ``endpoint`` (PUT, or POST with append).

    Everything goes to ``graph`` (the default graph when None), or with ``per_document``
    every statement to its named graph (one per document, and the entities graph), as
    N-Quads exports lay them out. Returns (graph, triple count) for each request.
    """
    import urllib.error
    import urllib.parse
    import urllib.request

    import pyoxigraph as ox

    if not re.match(r"^https?://", endpoint):
        raise KgError(f"endpoint {endpoint!r} is not an http(s) URL")
    if per_document and graph:
        raise KgError("choose --graph or --per-document, not both")
    if per_document:
        groups = document_graphs(store)
    else:
        groups = {graph: sorted({(term_parts(s), term_parts(p), term_parts(o)) for s, p, o, _ in store.quads()})}
    sent = []
    for g in sorted(groups, key=lambda k: (k is not None, k or "")):  # the default graph (None) first
        body = ox.serialize([ox.Triple(*(to_oxigraph(x) for x in t)) for t in groups[g]],
                            format=ox.RdfFormat.N_TRIPLES)
        query = urllib.parse.urlencode({"graph": g}) if g else "default"
        url = endpoint + ("&" if "?" in endpoint else "?") + query
        req = urllib.request.Request(url, data=body, method="POST" if append else "PUT",
                                     headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                r.read()
        except urllib.error.HTTPError as e:
            msg = e.read(2000).decode("utf-8", "replace").strip().splitlines()
            raise KgError(f"{url} refused the graph: {e.code} {msg[0] if msg else e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            raise KgError(f"cannot reach {endpoint}: {getattr(e, 'reason', e)}") from None
        sent.append((g, len(groups[g])))
    return sent
