"""The project's RDF namespaces: the one place code gets ontology terms from.

``KG`` mirrors ``ontology/kg.ttl`` term for term (a test keeps the two in step).
It is a :class:`rdflib.namespace.DefinedNamespace` with ``_fail = True``, so a
misspelt term raises ``AttributeError`` instead of minting a wrong IRI.
"""
from rdflib import Namespace, URIRef
from rdflib.namespace import RDFS, SDO, DefinedNamespace

from .records import ENTITY_TYPES

__all__ = ["KG", "KGD", "ENTITY_CLASSES", "SCHEMA", "ONTOLOGY_IRI", "PREFIXES", "SPARQL_PREFIXES", "TURTLE_PREFIXES",
           "NAME_TERMS", "ENTITIES_GRAPH"]

ONTOLOGY_IRI = "https://w3id.org/kgid/ns"


class KG(DefinedNamespace):
    """Terms of the kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Document: URIRef
    Entity: URIRef
    Person: URIRef
    Agency: URIRef
    Policy: URIRef
    Event: URIRef
    Place: URIRef
    Role: URIRef
    EventReport: URIRef
    Quote: URIRef
    Mention: URIRef
    # documents
    source: URIRef
    title: URIRef
    text: URIRef
    author: URIRef
    editor: URIRef
    date: URIRef
    datelinePlace: URIRef
    # provenance (the address is schema:url, SCHEMA.url)
    outlet: URIRef
    retrieved: URIRef
    Copy: URIRef
    copyOf: URIRef
    # entities
    label: URIRef
    alias: URIRef
    isOfficial: URIRef
    mentionedIn: URIRef
    regionKind: URIRef
    partOf: URIRef
    # mentions
    mentionOf: URIRef
    inDocument: URIRef
    start: URIRef
    end: URIRef
    surface: URIRef
    # roles
    holder: URIRef
    roleTitle: URIRef
    organization: URIRef
    holdsRole: URIRef
    # events
    reportsEvent: URIRef
    place: URIRef
    participant: URIRef
    # quotes
    speaker: URIRef
    said: URIRef
    isDirect: URIRef
    about: URIRef
    cue: URIRef
    # corrections
    Correction: URIRef
    correctionOp: URIRef
    correctionText: URIRef
    # analysis
    degree: URIRef
    betweenness: URIRef
    pagerank: URIRef
    community: URIRef


#: Where the IRIs of documents, entities, quotes and roles live.
KGD = Namespace("https://w3id.org/kgid/id/")

#: schema.org, for the terms the graph uses as they are (a document's ``schema:url``).
SCHEMA = SDO._NS

#: Standard terms written beside every ``kg:label``, with the same value, so that generic RDF
#: tools (browsers, triple store UIs) show names: ``rdfs:label`` and ``schema:name``.
NAME_TERMS = (RDFS.label, SDO.name)

#: The named graph of the shared entity descriptions in N-Quads/TriG exports and ``kg push
#: --per-document`` (each document's statements are in a graph named by the document's IRI).
ENTITIES_GRAPH = KGD["entities"]

#: Prefixes bound in every graph the project writes.
PREFIXES = {"kg": KG._NS, "kgd": KGD, "rdfs": RDFS._NS, "schema": SCHEMA}

#: The class of each entity type (:data:`kg.records.ENTITY_TYPES`, the one table of them;
#: a test checks it against the subclasses of ``kg:Entity`` in ``ontology/kg.ttl``).
ENTITY_CLASSES = {t: KG[t] for t in ENTITY_TYPES}

#: Prefixes every SPARQL query may use without declaring them (``kg query``, ``kg serve``, saved
#: queries): the ones above, then rdf, xsd and owl; values are strings.
SPARQL_PREFIXES = {**{p: str(ns) for p, ns in PREFIXES.items()},
                   "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                   "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#"}

#: Prefixes written in Turtle and TriG output (exports, CONSTRUCT answers): not kgd:, whose local
#: names hold "/", escaped in Turtle.
TURTLE_PREFIXES = {p: ns for p, ns in SPARQL_PREFIXES.items() if p != "kgd"}
