"""The ontology is the single source of truth: kg/ns.py mirrors it, shapes cover it."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.ns import KG, ONTOLOGY_IRI
from kg.validate import ontology_dir

ONT = Graph().parse(ontology_dir() / "kg.ttl", format="turtle")
SHAPES = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
NS = ONTOLOGY_IRI + "#"


def _terms(kind):
    return {str(s)[len(NS):] for s in ONT.subjects(RDF.type, kind) if str(s).startswith(NS)}


def test_namespace_mirrors_ontology():
    declared = _terms(OWL.Class) | _terms(OWL.ObjectProperty) | _terms(OWL.DatatypeProperty)
    in_code = {k for k in KG.__annotations__}
    assert declared == in_code


def test_misspelt_term_raises():
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018


@pytest.mark.parametrize("term", sorted(_terms(OWL.Class) | _terms(OWL.ObjectProperty) | _terms(OWL.DatatypeProperty)))
def test_every_term_has_english_and_indonesian_label_and_comment(term):
    iri = KG[term]
    langs = {l.language for l in ONT.objects(iri, RDFS.label) if isinstance(l, Literal)}
    assert {"en", "id"} <= langs
    langs = {l.language for l in ONT.objects(iri, RDFS.comment) if isinstance(l, Literal)}
    assert {"en", "id"} <= langs


@pytest.mark.parametrize("cls", sorted(_terms(OWL.Class) - {"Entity"}))
def test_every_class_has_a_shape(cls):
    from rdflib.namespace import SH
    assert (None, SH.targetClass, KG[cls]) in SHAPES


#: the standard vocabularies a kg class may be aligned with
STANDARD = ("https://schema.org/", "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#",
            "http://xmlns.com/foaf/0.1/", "http://www.w3.org/2004/02/skos/core#")


def _aligned(ont: Graph, cls: URIRef) -> bool:
    """``cls`` names itself a subclass of a class outside kg's namespace (not inherited through
    kg:Entity), and every such parent is in a standard vocabulary."""
    own = {str(o) for o in ont.objects(cls, RDFS.subClassOf) if not str(o).startswith(NS)}
    return bool(own) and all(o.startswith(STANDARD) for o in own)


@pytest.mark.parametrize("cls", sorted(_terms(OWL.Class)))
def test_every_class_is_aligned_with_a_standard_vocabulary(cls):
    assert _aligned(ONT, KG[cls])


@pytest.mark.parametrize("parents,ok", [
    ("kg:Entity", False),                              # only inherits kg:Entity's alignment
    ("kg:Entity, <http://example.org/Thing>", False),  # a vocabulary that is not a standard one
    ("kg:Entity, schema:Person", True),
])
def test_alignment_counts_only_a_class_s_own_standard_parents(parents, ok):
    ont = Graph().parse(data=f"""@prefix kg: <{NS}> . @prefix schema: <https://schema.org/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix prov: <http://www.w3.org/ns/prov#> .
        kg:Entity rdfs:subClassOf prov:Entity . kg:X rdfs:subClassOf {parents} .""", format="turtle")
    assert _aligned(ont, URIRef(NS + "X")) is ok


# -- the shapes validate a graph on its own (no ontology merged), as any SHACL engine would --------

def _plain_shacl(data: Graph) -> tuple[bool, str]:
    """``pyshacl -s ontology/shapes.ttl graph.ttl``: no ontology graph, no inference."""
    from pyshacl import validate as shacl

    ok, _, text = shacl(data, shacl_graph=SHAPES, inference="none", abort_on_first=False)
    return bool(ok), str(text)


def test_shapes_name_only_classes_the_data_states():
    """sh:class kg:Entity would need the ontology's rdfs:subClassOf: no shape may ask for it."""
    from rdflib.namespace import PROV, SH

    # prov:Agent: the reviewer of a correction, typed so in the data (kg.correct)
    stated = {KG[c] for c in _terms(OWL.Class) - {"Entity"}} | {PROV.Agent}
    assert set(SHAPES.objects(None, SH["class"])) <= stated


def test_seeds_graph_conforms_without_the_ontology(seeds_build):
    out, _ = seeds_build
    data = Graph().parse(out / "graph.ttl", format="turtle")
    assert (None, RDFS.subClassOf, None) not in data, "the graph carries no class hierarchy"
    ok, text = _plain_shacl(data)
    assert ok, text


def test_pyshacl_command_line_conforms_on_the_seeds_graph(seeds_build):
    import subprocess
    import sys

    out, _ = seeds_build
    r = subprocess.run([sys.executable, "-m", "pyshacl", "-s", str(ontology_dir() / "shapes.ttl"),
                        str(out / "graph.ttl")], capture_output=True, text=True)
    assert r.returncode == 0 and "Conforms: True" in r.stdout, r.stdout[-2000:]


D = "https://w3id.org/kgid/id/"
_OK = f"""@prefix kg: <https://w3id.org/kgid/ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
<{D}doc/d> a kg:Document ; kg:source "d.txt" ; kg:text "Wali Kota Ranti Sukmo hadir." .
<{D}person/ranti-sukmo> a kg:Person ; kg:label "Ranti Sukmo" ; rdfs:label "Ranti Sukmo" ;
    schema:name "Ranti Sukmo" ; kg:isOfficial true ; kg:mentionedIn <{D}doc/d> .
<{D}mention/d/10-21-person> a kg:Mention ; kg:mentionOf <{D}person/ranti-sukmo> ; kg:inDocument <{D}doc/d> ;
    kg:start 10 ; kg:end 21 ; kg:surface "Ranti Sukmo" .
"""


@pytest.mark.parametrize("change,conforms", [
    (None, True),
    (('rdfs:label "Ranti Sukmo" ;', ""), False),                          # no rdfs:label
    (('schema:name "Ranti Sukmo"', 'schema:name "Ranti"'), False),        # schema:name differs from kg:label
    (('kg:mentionOf <https://w3id.org/kgid/id/person/ranti-sukmo>', "kg:mentionOf <https://w3id.org/kgid/id/doc/d>"),
     False),                                                               # a mention of something not an entity
    (("a kg:Person", "a kg:Entity"), False),                              # only the superclass: not a concrete class
])
def test_plain_shacl_on_a_small_graph(change, conforms):
    text = _OK if change is None else _OK.replace(*change)
    assert text != _OK or change is None
    ok, report = _plain_shacl(Graph().parse(data=text, format="turtle"))
    assert ok is conforms, report


# -- the JSON-LD context (ontology/context.jsonld) mirrors the ontology --------------------------

def _context() -> dict:
    import json

    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]


@pytest.mark.parametrize("term", sorted(_terms(OWL.Class) | _terms(OWL.ObjectProperty) | _terms(OWL.DatatypeProperty)))
def test_context_has_a_term_typed_as_the_ontology_types_it(term):
    from rdflib import XSD, URIRef

    d = _context()[term]
    iri = d if isinstance(d, str) else d["@id"]
    assert iri == f"kg:{term}"
    kind = next(ONT.objects(KG[term], RDF.type))
    rng = ONT.value(KG[term], RDFS.range)
    want = ("@id" if kind == OWL.ObjectProperty
            else "xsd:" + str(rng)[len(str(XSD)):] if kind == OWL.DatatypeProperty and isinstance(rng, URIRef)
            and rng != XSD.string else None)
    assert (None if isinstance(d, str) else d.get("@type")) == want


def test_context_prefixes_are_the_project_prefixes():
    from kg.ns import PREFIXES

    ctx = _context()
    assert all(ctx[p] == str(ns) for p, ns in PREFIXES.items())
