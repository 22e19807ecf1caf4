"""kg.store: one class per engine behind the Store protocol, one format table, and the one graph
loader (open_graph) every command reads graphs with. Graphs here are written by the tests."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import GraphFileError, QueryError
from kg.store import ENGINES, OxigraphStore, RdflibStore, Store, new_store, open_graph, rdf_format

TTL = ('@prefix kg: <https://w3id.org/kgid/ns#> .\n'
       '<https://w3id.org/kgid/id/person/budi> a kg:Person ; kg:label "Budi Santoso"@id .\n'
       '<https://w3id.org/kgid/id/agency/bkx> a kg:Agency ; kg:label "Badan X" .\n')
NQ = ('<http://e/a> <http://e/p> "one" <http://e/g1> .\n'
      '<http://e/b> <http://e/p> "two" <http://e/g2> .\n')
BROKEN = '@prefix kg: <https://w3id.org/kgid/ns#> .\n<http://e/a> kg:label "fine" .\n<http://e/b> kg:label "open .\n'


@pytest.mark.parametrize("path,fmt,name", [
    ("out/graph.ttl", None, "ttl"), ("g.turtle", None, "ttl"), ("graph", None, "ttl"), ("g.nt", None, "nt"),
    ("g.nq", None, "nq"), ("g.trig", None, "trig"), ("g.jsonld", None, "jsonld"), ("g.owl", None, "rdf"),
    ("G.TTL", None, "ttl"), ("g.ttl", "nquads", "nq"), (None, "ntriples", "nt"),
])
def test_one_table_names_the_format_from_the_name_or_the_extension(path, fmt, name):
    assert rdf_format(path, fmt) == name


@pytest.mark.parametrize("path,fmt", [("g.csv", None), ("g.ttl", "yaml"), ("notes.txt", None)])
def test_an_unknown_format_is_an_error_listing_the_valid_ones(path, fmt):
    with pytest.raises(GraphFileError, match=r"unknown RDF format .*valid: ttl, nt, nq, trig, jsonld, rdf"):
        rdf_format(path, fmt)


@pytest.mark.parametrize("engine,cls", [(None, OxigraphStore), ("oxigraph", OxigraphStore), ("rdflib", RdflibStore)])
def test_the_factory_makes_the_engines_class_and_it_is_a_store(engine, cls):
    s = new_store(engine)
    assert type(s) is cls and isinstance(s, Store) and s.engine == (engine or "oxigraph")
    assert not isinstance(Graph(), Store)  # an rdflib graph is not one: open_graph copies it


def test_an_unknown_engine_names_the_valid_ones():
    with pytest.raises(QueryError, match="unknown engine 'jena'; valid engines: oxigraph, rdflib"):
        new_store("jena")


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_load_answer_list_clear_and_serialize_alike(engine):
    s = new_store(engine)
    s.load(data=TTL, fmt="ttl")
    s.load(data='<http://e/x> <http://e/p> "in g" .', fmt="nt", graph="http://e/g")
    assert len(s) == 5 and s.graphs() == ["http://e/g"]
    rows = s.execute("SELECT ?l WHERE { ?p a kg:Person ; kg:label ?l }").rows
    assert [str(r[0].value if engine == "oxigraph" else r[0]) for r in rows] == ["Budi Santoso"]
    assert not s.execute("ASK { ?s ?p 'in g' }").boolean  # the default graph only, not the union
    s.union_default_graph = True
    assert s.execute("ASK { ?s ?p 'in g' }").boolean
    s.clear("http://e/g")
    assert len(s) == 4 and s.graphs() == []
    back = Graph().parse(data=s.serialize("nt"), format="nt")
    assert (URIRef("https://w3id.org/kgid/id/agency/bkx"), URIRef("https://w3id.org/kgid/ns#label"),
            Literal("Badan X")) in back and len(back) == 4


@pytest.mark.parametrize("engine", ENGINES)
def test_a_dataset_file_loads_its_graphs_and_queries_see_their_union(tmp_path, engine):
    (tmp_path / "g.nq").write_text(NQ, encoding="utf-8")
    s = open_graph(tmp_path / "g.nq", engine)
    assert s.graphs() == ["http://e/g1", "http://e/g2"] and s.union_default_graph
    assert len(s.execute("SELECT ?o WHERE { ?s ?p ?o }").rows) == 2


def test_open_graph_gives_a_store_or_an_rdflib_graph_of_the_same_triples(tmp_path):
    (tmp_path / "g.ttl").write_text(TTL, encoding="utf-8")
    store, g = open_graph(tmp_path / "g.ttl"), open_graph(tmp_path / "g.ttl", rdflib=True)
    assert isinstance(store, OxigraphStore) and type(g) is Graph and len(store) == len(g) == 4
    assert dict(g.namespaces())["kg"] == URIRef("https://w3id.org/kgid/ns#")  # the file's prefixes kept
    assert open_graph(store) is store and open_graph(g, rdflib=True) is g
    assert set(open_graph(store, rdflib=True)) == set(g)             # a store's triples as an rdflib graph
    assert len(open_graph(g, "rdflib")) == 4 and open_graph(g, "rdflib").engine == "rdflib"


def test_open_graph_as_rdflib_merges_the_graphs_of_a_dataset_file(tmp_path):
    (tmp_path / "g.nq").write_text(NQ, encoding="utf-8")
    g = open_graph(tmp_path / "g.nq", rdflib=True)
    assert sorted(str(o) for o in g.objects()) == ["one", "two"]


@pytest.mark.parametrize("rdflib,engine", [(False, "oxigraph"), (False, "rdflib"), (True, None)])
def test_a_broken_file_is_one_error_naming_file_line_and_format(tmp_path, rdflib, engine):
    (tmp_path / "b.ttl").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(GraphFileError) as e:
        open_graph(tmp_path / "b.ttl", engine, rdflib=rdflib)
    msg = str(e.value)
    assert msg.startswith(f"{tmp_path / 'b.ttl'}, line 3") and ": cannot parse ttl (" in msg, msg
    assert "\n" not in msg and "b'" not in msg


@pytest.mark.parametrize("rdflib", [False, True])
def test_a_missing_file_is_named(tmp_path, rdflib):
    with pytest.raises(GraphFileError, match=r"none\.ttl: no such graph file"):
        open_graph(tmp_path / "none.ttl", rdflib=rdflib)


@pytest.mark.parametrize("engine", ENGINES)
def test_select_rows_gives_what_execute_gives_one_row_at_a_time(engine):
    s = new_store(engine)
    s.load(data=TTL, fmt="ttl")
    q = "SELECT ?e ?l WHERE { ?e kg:label ?l } ORDER BY ?e"
    names, rows = s.select_rows(q)
    assert not isinstance(rows, (list, tuple))  # an iterator, not the answer held whole
    assert names == ["e", "l"] and list(rows) == s.execute(q).rows and len(s.execute(q).rows) == 2
    with pytest.raises(QueryError, match="syntax error"):
        s.select_rows("SELECT ?e WHERE { ?e kg:label }")
