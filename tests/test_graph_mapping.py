"""The one triple mapping (kg.graph): which triples each record gives, that IRIs are minted
there only, and that the entity types are one table, the ontology's."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

import kg
from kg.graph import build_graph, document_iri, entity_iri, render_doc
from kg.ns import ENTITY_CLASSES, KG, KGD
from kg.records import ENTITY_TYPES, Article, DocResult, Entity, EventReport, Quote, Role, Span

PACKAGE = Path(kg.__file__).resolve().parent
TEXT = "Kepala BKN Rina Wulandari mengatakan, \"SAKIP harus dibenahi.\" Rapat digelar di Medan."
DOC = document_iri("a.txt")
RINA, BKN, MEDAN, RAPAT = (entity_iri(k) for k in ("person:rina-wulandari", "agency:bkn", "place:medan",
                                                    "event:rapat-sakip"))


def _result() -> DocResult:
    ents = (Entity("person:rina-wulandari", "Person", "Rina Wulandari", ("Rina",), (Span(11, 25, "Rina Wulandari"),),
                   official=True),
            Entity("agency:bkn", "Agency", "BKN", (), (Span(7, 10, "BKN"),)),
            Entity("place:medan", "Place", "Medan", (), (Span(80, 85, "Medan"),), kind="kota"),
            Entity("event:rapat-sakip", "Event", "Rapat SAKIP", (), (Span(63, 68, "Rapat"),)))
    return DocResult(Article("a.txt", TEXT, title="Judul", date="2024-05-02"), ents,
                     roles=(Role("person:rina-wulandari", "Kepala BKN", "agency:bkn", "2024-05-02", 0, 10),),
                     events=(EventReport("event:rapat-sakip", "2024-05-02", "place:medan", ("person:rina-wulandari",)),),
                     quotes=(Quote(38, 62, "SAKIP harus dibenahi.", True, "person:rina-wulandari", "mengatakan"),))


@pytest.fixture(scope="module")
def g() -> Graph:
    return build_graph([_result()])


def _one(g: Graph, cls) -> URIRef:
    (node,) = g.subjects(RDF.type, cls)
    return node


@pytest.mark.parametrize("pred, obj", [
    (KG.source, Literal("a.txt")), (KG.title, Literal("Judul")), (KG.text, Literal(TEXT))])
def test_a_document_gives_its_publication_triples(g, pred, obj):
    assert (DOC, pred, obj) in g


@pytest.mark.parametrize("kind, expected", [
    ("role", [(KG.holder, RINA), (KG.roleTitle, Literal("Kepala BKN")), (KG.organization, BKN), (KG.inDocument, DOC)]),
    ("quote", [(KG.speaker, RINA), (KG.isDirect, Literal(True)), (KG.cue, Literal("mengatakan")),
               (KG.start, Literal(38)), (KG.end, Literal(62))]),
    ("report", [(KG.reportsEvent, RAPAT), (KG.place, MEDAN), (KG.participant, RINA), (KG.inDocument, DOC)]),
])
def test_each_record_gives_its_node_and_links(g, kind, expected):
    node = _one(g, {"role": KG.Role, "quote": KG.Quote, "report": KG.EventReport}[kind])
    assert str(node).startswith(str(KGD) + {"role": "role/", "quote": "quote/", "report": "eventreport/"}[kind])
    for pred, obj in expected:
        assert (node, pred, obj) in g, (kind, pred)


def test_links_run_both_ways_and_entities_are_merged(g):
    role, quote = _one(g, KG.Role), _one(g, KG.Quote)
    assert (RINA, KG.holdsRole, role) in g and (RINA, KG.said, quote) in g
    assert (RINA, RDF.type, KG.Person) in g and (RINA, KG.isOfficial, Literal(True)) in g
    assert (RINA, RDFS.label, Literal("Rina Wulandari")) in g and (RINA, KG.alias, Literal("Rina")) in g
    assert (MEDAN, KG.regionKind, Literal("kota")) in g
    assert (BKN, KG.isOfficial, None) not in g      # the flag is a person's only


def test_mentions_are_nodes_with_offsets(g):
    mentions = set(g.subjects(KG.mentionOf, RINA))
    assert len(mentions) == 1
    (m,) = mentions
    assert (m, KG.start, Literal(11)) in g and (m, KG.surface, Literal("Rina Wulandari")) in g


def test_a_block_does_not_depend_on_the_source_name():
    r = _result()
    other = DocResult(Article("b/c.txt", r.article.text, title="Judul", date="2024-05-02"), r.entities, r.roles,
                      r.events, r.quotes)
    assert render_doc(r) == render_doc(other)


def test_entity_types_are_the_ontologys_entity_classes():
    onto = Graph().parse(PACKAGE.parent / "ontology" / "kg.ttl")
    subclasses = {str(c) for c in onto.subjects(RDFS.subClassOf, KG.Entity)}
    assert subclasses == {str(c) for c in ENTITY_CLASSES.values()}
    assert tuple(ENTITY_CLASSES) == ENTITY_TYPES
    assert str(KG.Role) not in subclasses           # a class of the ontology that is no entity type


_MINTS = re.compile(r"KGD\[|https://w3id\.org/kgid/id/|\"kg:[A-Za-z]")


def _docstring_lines(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def minting_lines(package: Path) -> list[str]:
    """Lines outside kg/graph (and kg/ns.py, which defines the namespaces) that build an IRI
    under kgd: or write an ontology term as text. Docstrings (their examples) and Turtle
    ``@prefix`` declarations are no minting."""
    found = []
    for f in sorted(package.rglob("*.py")):
        rel = f.relative_to(package).as_posix()
        if rel.startswith("graph/") or rel == "ns.py":
            continue
        text = f.read_text(encoding="utf-8")
        skip = _docstring_lines(ast.parse(text))
        for n, line in enumerate(text.splitlines(), 1):
            if n not in skip and _MINTS.search(line) and "@prefix" not in line:
                found.append(f"{rel}:{n}: {line.strip()}")
    return found


def test_iris_are_minted_in_kg_graph_only(tmp_path):
    assert minting_lines(PACKAGE) == []
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / "iris.py").write_text('X = KGD["doc/a"]\n')
    (tmp_path / "other.py").write_text('"""An example: https://w3id.org/kgid/id/doc/a"""\n'
                                       'node = f"https://w3id.org/kgid/id/doc/{x}"\n')
    assert minting_lines(tmp_path) == ['other.py:2: node = f"https://w3id.org/kgid/id/doc/{x}"']


@pytest.mark.parametrize("text", [
    "", "Kepala BKN", 'Ia berkata, "siap."\nLalu\tpulang\r\n', "C:\\Program \\\"x\\\"",
    "kontrol\x00\x08\x0b\x0c\x1f\x7f di tengah", "“kutip” dan ‘kutip’ \u2028 baris",
])
def test_a_literal_reads_back_as_the_text(text):
    from kg.graph.turtle import literal

    g = Graph().parse(data=f"<urn:a> <urn:b> {literal(text)} .", format="turtle")
    assert [str(o) for o in g.objects()] == [text]
