"""kg export: RDF round trips, one named graph per document, GraphML and CSV that other
tools read, hostile text kept inert."""
from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.export import document_graphs, export, network
from kg.ns import ENTITIES_GRAPH, KG
from kg.store import open_graph
from kg.terms import term_parts

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
GML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def seeds(seeds_build):
    out, _ = seeds_build
    return out / "graph.ttl"


def _triples(path: Path, fmt) -> set:
    return {tuple(term_parts(x) for x in (q.subject, q.predicate, q.object)) for q in ox.parse(path=str(path),
                                                                                           format=fmt)}


def _all(store) -> set:
    return {(term_parts(s), term_parts(p), term_parts(o)) for s, p, o, _ in store.quads()}


@pytest.mark.parametrize("fmt,oxf", [("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                                     ("jsonld", ox.RdfFormat.JSON_LD), ("nq", ox.RdfFormat.N_QUADS),
                                     ("trig", ox.RdfFormat.TRIG)])
def test_rdf_exports_round_trip_and_are_stable(seeds, tmp_path, fmt, oxf):
    store = open_graph(seeds)
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    export(store, fmt, a)
    export(open_graph(seeds, "rdflib"), fmt, b)
    assert _triples(a, oxf) == _all(store)
    assert a.read_bytes() == b.read_bytes(), "same graph, same bytes, whichever engine loaded it"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no temporary files left"


ENTITIES = str(ENTITIES_GRAPH)


@pytest.mark.parametrize("fmt,oxf", [("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_every_statement_in_one_named_graph(seeds, tmp_path, fmt, oxf):
    store = open_graph(seeds)
    path = tmp_path / f"g.{fmt}"
    export(store, fmt, path)
    by_graph: dict = {}
    for q in ox.parse(path=str(path), format=oxf):
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        by_graph.setdefault(g, set()).add(tuple(term_parts(x) for x in (q.subject, q.predicate, q.object)))
    everything = _all(store)
    docs = {s[1] for s, p, o in everything if p[1] == RDF_TYPE and o[1] == str(KG.Document)}
    assert None not in by_graph, "nothing in the default graph: union-default-graph stores see it all"
    assert set(by_graph) == docs | {ENTITIES} and len(docs) == 5
    owner_of = {s: o[1] for s, p, o in everything if p[1] == str(KG.inDocument)}
    for s, p, o in everything:
        owner = owner_of.get(s)
        if owner:  # quotes, mentions, roles, event reports: in their document's graph
            assert (s, p, o) in by_graph[owner]
        if p[1] in (str(KG.label), str(KG.alias), RDF_TYPE) and o[1] != str(KG.Document) and not owner:
            assert (s, p, o) in by_graph[ENTITIES]  # shared entity descriptions: the entities graph
        if p[1] == str(KG.mentionedIn):
            assert (s, p, o) in by_graph[o[1]]
    assert sum(len(v) for v in by_graph.values()) == len(everything)


def test_document_graphs_can_be_loaded_back_as_a_dataset(seeds, tmp_path):
    export(open_graph(seeds), "nq", tmp_path / "g.nq")
    back = open_graph(tmp_path / "g.nq")
    assert set(back.graphs()) == set(document_graphs(open_graph(seeds))) and len(back.graphs()) == 6
    from kg.query import run

    assert run(back, "said_about", {"topic": "netralitas"})[0].rows, "saved queries see the union of graphs"


def test_graphml_opens_as_a_network(seeds, tmp_path):
    store = open_graph(seeds)
    path = tmp_path / "g.graphml"
    export(store, "graphml", path)
    nodes, edges = network(store)
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(edges)
    people = [n for n, d in g.nodes(data=True) if d.get("type") == "Person"]
    assert people and all(g.nodes[n]["label"] and isinstance(g.nodes[n]["official"], bool) for n in people)
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"holdsRoleAt", "spokeAbout", "mentionedIn"} <= relations
    root = ET.parse(path).getroot()
    keys = root.findall(f"{GML}key")
    assert len({k.get("id") for k in keys}) == len(keys), "key ids are unique (Gephi, Cytoscape)"
    assert all(k.get("attr.type") in ("string", "long", "double", "boolean", "int", "float") for k in keys)
    ids = [e.get("id") for e in root.iter(f"{GML}edge")]
    assert len(set(ids)) == len(ids) == len(edges)


def test_csv_nodes_and_edges_tables(seeds, tmp_path):
    store = open_graph(seeds)
    written = export(store, "csv", tmp_path / "tables")
    assert [Path(p).name for p, _ in written] == ["nodes.csv", "edges.csv"]
    nodes = list(csv.DictReader(open(tmp_path / "tables" / "nodes.csv", encoding="utf-8", newline="")))
    edges = list(csv.DictReader(open(tmp_path / "tables" / "edges.csv", encoding="utf-8", newline="")))
    ids = {n["id"] for n in nodes}
    assert edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    assert all(int(e["weight"]) >= 1 for e in edges)
    assert {n["type"] for n in nodes} >= {"Person", "Agency", "Document"}


HOSTILE = """@prefix kg: <https://w3id.org/kgid/ns#> .
<https://w3id.org/kgid/id/doc/d1> a kg:Document ; kg:source "d1.txt" ; kg:text "x" .
<https://w3id.org/kgid/id/person/p1> a kg:Person ; kg:label "=HYPERLINK(\\"http://evil.example\\",\\"x\\")" ;
    kg:alias "@SUM(1+1)", "-2+3", "\\u0000</data><script>x</script>" ; kg:isOfficial true ;
    kg:mentionedIn <https://w3id.org/kgid/id/doc/d1> .
<https://w3id.org/kgid/id/agency/a1> a kg:Agency ; kg:label "+cmd|' /C calc'!A0" ;
    kg:mentionedIn <https://w3id.org/kgid/id/doc/d1> .
"""


def test_csv_neutralises_spreadsheet_formulas(tmp_path):
    g = tmp_path / "hostile.ttl"
    g.write_text(HOSTILE, encoding="utf-8")
    export(open_graph(g), "csv", tmp_path / "t")
    rows = list(csv.DictReader(open(tmp_path / "t" / "nodes.csv", encoding="utf-8", newline="")))
    cells = [v for r in rows for k, v in r.items() if k != "id"]
    assert all(not v or v[0] not in "=+-@\t\r" for v in cells), cells
    person = next(r for r in rows if r["type"] == "Person")
    assert person["label"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert next(r for r in rows if r["type"] == "Agency")["label"].startswith("'+cmd")


def test_graphml_keeps_hostile_text_as_text(tmp_path):
    g = tmp_path / "hostile.ttl"
    g.write_text(HOSTILE, encoding="utf-8")
    export(open_graph(g), "graphml", tmp_path / "h.graphml")
    root = ET.parse(tmp_path / "h.graphml").getroot()  # parses: no raw NUL, markup escaped
    texts = [d.text or "" for d in root.iter(f"{GML}data")]
    assert any("<script>" in t for t in texts) and not list(root.iter("script"))


def test_cli_export_and_bad_output_paths(seeds, tmp_path):
    r = CliRunner().invoke(main, ["export", str(seeds), "--format", "trig", "--out", str(tmp_path / "g.trig")])
    assert r.exit_code == 0 and "5 document graphs" in r.output
    r = CliRunner().invoke(main, ["export", str(seeds), "--format", "ttl", "--out", str(tmp_path)])
    assert r.exit_code == 2 and "folder" in r.output
    r = CliRunner().invoke(main, ["export", str(seeds), "--format", "svg", "--out", str(tmp_path / "x")])
    assert r.exit_code == 2


def _quads(path: Path) -> set:
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in ox.parse(path=str(path),
                                                                                format=ox.RdfFormat.N_QUADS)}


def test_streamed_nquads_have_the_same_statements_and_graphs_as_the_sorted_export(seeds, tmp_path):
    r = CliRunner().invoke(main, ["export", str(seeds), "--format", "nq", "--out", str(tmp_path / "a.nq")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["export", str(seeds), "--format", "nq", "--out", str(tmp_path / "b.nq"), "--stream"])
    assert r.exit_code == 0, r.output
    assert "5 document graphs" in r.output
    streamed = _quads(tmp_path / "b.nq")
    assert streamed == _quads(tmp_path / "a.nq")
    docs = {s for s, p, o, _ in streamed if p == ox.NamedNode(RDF_TYPE) and o == ox.NamedNode(str(KG.Document))}
    assert len(docs) == 5 and {g for *_, g in streamed} == docs | {ox.NamedNode(ENTITIES)}
    again = tmp_path / "c.nq"
    CliRunner().invoke(main, ["export", str(seeds), "--format", "nq", "--out", str(again), "--stream"])
    assert again.read_bytes() == (tmp_path / "b.nq").read_bytes()   # same graph file, same bytes


def test_streamed_ntriples_are_the_graph(seeds, tmp_path):
    r = CliRunner().invoke(main, ["export", str(seeds), "--format", "nt", "--out", str(tmp_path / "g.nt"), "--stream"])
    assert r.exit_code == 0, r.output
    assert _triples(tmp_path / "g.nt", ox.RdfFormat.N_TRIPLES) == _triples(seeds, ox.RdfFormat.TURTLE)


@pytest.mark.parametrize("args,needle", [
    (["--format", "graphml"], "--stream writes nt or nq, not 'graphml'"),
    (["--format", "nq", "--graph", "missing.ttl"], "missing.ttl: no such graph file"),
    (["--format", "nq", "--graph", "bad.ttl"], "bad.ttl, line 1, column 1: cannot parse ttl (No scheme found"),
])
def test_stream_refuses_what_it_cannot_do(seeds, tmp_path, args, needle):
    (tmp_path / "bad.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    graph = str(seeds)
    if "--graph" in args:
        i = args.index("--graph")
        graph = str(tmp_path / args[i + 1])
        args = args[:i] + args[i + 2:]
    r = CliRunner().invoke(main, ["export", graph, *args, "--out", str(tmp_path / "x.out"), "--stream"])
    assert r.exit_code == 2 and needle in r.output, r.output
    assert not (tmp_path / "x.out").exists()


# -- JSON-LD: compact, with the published context, and the same graph after a round trip ----------

def _graph_of(path: Path):
    from rdflib import Graph

    return Graph().parse(path, format="turtle")


def test_jsonld_is_compact_with_the_published_context(seeds, tmp_path):
    import json

    from kg.export import jsonld_context
    from kg.validate import ontology_dir

    export(open_graph(seeds), "jsonld", tmp_path / "g.jsonld")
    doc = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    published = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == published["@context"] == jsonld_context()["@context"]
    keys = {k for node in doc["@graph"] for k in node}
    assert not [k for k in keys if k.startswith("http")], "every property is a term or a compact IRI"
    assert {"label", "mentionedIn", "rdfs:label", "name"} <= keys
    person = next(n for n in doc["@graph"] if n.get("@type") == "Person")
    assert person["@id"].startswith("kgd:person/") and person["isOfficial"] in ("true", "false")
    assert person["label"] == person["name"] == person["rdfs:label"]


def test_jsonld_round_trips_with_rdflib_and_pyld(seeds, tmp_path):
    import json

    from pyld import jsonld
    from rdflib import Graph
    from rdflib.compare import isomorphic

    export(open_graph(seeds), "jsonld", tmp_path / "g.jsonld")
    want = _graph_of(seeds)
    by_rdflib = Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert len(by_rdflib) == len(want) and isomorphic(by_rdflib, want)
    nquads = jsonld.to_rdf(json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8")),
                           {"format": "application/n-quads"})
    by_pyld = Graph().parse(data=nquads, format="nt")
    assert len(by_pyld) == len(want) and isomorphic(by_pyld, want)


@pytest.mark.parametrize("text", [
    HOSTILE,                                                         # hostile text, no document structure
    '<https://w3id.org/kgid/id/x> <https://w3id.org/kgid/ns#start> "not a number" .\n',  # a value the term's type
    '<https://w3id.org/kgid/id/x> <https://w3id.org/kgid/ns#about> "a literal" .\n',     # does not describe
    "",                                                              # nothing at all
], ids=["hostile", "mistyped-number", "literal-for-iri", "empty"])
def test_jsonld_round_trips_what_the_context_does_not_expect(tmp_path, text):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    (tmp_path / "in.ttl").write_text(text, encoding="utf-8")
    export(open_graph(tmp_path / "in.ttl"), "jsonld", tmp_path / "g.jsonld")
    back = Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    assert isomorphic(back, _graph_of(tmp_path / "in.ttl"))


# -- papercuts: a csv file name, a broken Turtle file ----------------------------------------------

@pytest.mark.parametrize("out,ok", [
    ("tables", True),                # a new folder: nodes.csv and edges.csv in it
    ("deep/er/tables", True),        # a new nested folder
    ("nodes.csv", False),            # a file name: refused, no folder called nodes.csv
    ("sub/edges.CSV", False),
    ("existing.csv", True),          # ... unless it is a folder already
    ("a-file", False),               # an existing file is not a folder
])
def test_cli_csv_export_needs_a_folder(seeds, tmp_path, out, ok):
    (tmp_path / "existing.csv").mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    r = CliRunner().invoke(main, ["export", str(seeds), "--format", "csv", "--out", str(tmp_path / out)])
    if ok:
        assert r.exit_code == 0, r.output
        assert sorted(p.name for p in (tmp_path / out).iterdir()) == ["edges.csv", "nodes.csv"]
    else:
        assert r.exit_code == 2 and "give a folder for --out" in r.output, r.output
        assert len(r.output.strip().splitlines()) == 1
        assert sorted(p.name for p in tmp_path.rglob("*")) == before, "nothing made"


BROKEN_TTL = ('@prefix kg: <https://w3id.org/kgid/ns#> .\n<https://w3id.org/kgid/id/a> kg:label "fine" .\n'
              '<https://w3id.org/kgid/id/b> kg:label "no closing quote .\n<https://w3id.org/kgid/id/c> kg:label "x" .\n')


@pytest.mark.parametrize("args", [
    ["facts"], ["validate"], ["viz", "--out", "{tmp}/g.html"], ["analyze", "--out", "{tmp}/an"],
    ["query", "{graph}", "network_nodes"], ["export", "--format", "nt", "--out", "{tmp}/g.nt"],
    ["export", "--format", "nq", "--stream", "--out", "{tmp}/g.nq"],
], ids=lambda a: "-".join(x for x in a if not x.startswith("{"))[:40])
def test_cli_broken_turtle_is_one_line_naming_file_and_line(tmp_path, args):
    graph = tmp_path / "broken.ttl"
    graph.write_text(BROKEN_TTL, encoding="utf-8")
    argv = [a.format(tmp=tmp_path, graph=graph) for a in args]
    argv = argv if argv[0] == "query" else [argv[0], str(graph), *argv[1:]]
    r = CliRunner().invoke(main, argv)
    assert r.exit_code == 2, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and str(graph) in lines[0], r.output
    assert "line 3" in lines[0] and "b'" not in lines[0] and "Traceback" not in r.output
