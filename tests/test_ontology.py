"""The ontology is the single source of truth: kg/ns.py mirrors it, shapes cover it."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal

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


@pytest.mark.parametrize("cls", sorted(_terms(OWL.Class)))
def test_every_class_is_aligned_with_a_standard_vocabulary(cls):
    supers = {str(o) for o in ONT.objects(KG[cls], RDFS.subClassOf)}
    assert any(not s.startswith(NS) for s in supers) or KG.Entity in ONT.objects(KG[cls], RDFS.subClassOf)
