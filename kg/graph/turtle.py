"""Terms as Turtle text: literals, IRI references, the prefixed names of the ontology's
terms (from :mod:`kg.ns` only), and triples grouped by subject."""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import XSD, URIRef

from ..ns import ENTITY_CLASSES, KG, NAME_TERMS, PREFIXES, SCHEMA
from .iris import entity_iri, iri_segment, short_hash

__all__ = ["SRC", "ESC", "HEADER", "T", "date_literal", "int_literal", "key_segment", "title_hash", "literal",
           "iri_ref", "entity_ref", "Triples", "subject_block"]

XSD_NS = str(XSD)
#: Placeholder for the document's source name in a document block.
SRC = "\x00S"

HEADER = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted({**PREFIXES, "xsd": XSD_NS}.items())) + "\n"

ESC = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
        8: "\\b", 12: "\\f"}
for _c in range(32):
    ESC.setdefault(_c, f"\\u{_c:04X}")
ESC[0x7F] = "\\u007F"
_IRI_BAD = set('<>"{}|^`\\ ') | {chr(c) for c in range(33)}


_TO_ESCAPE = re.compile(r'[\x00-\x1f\x7f\\"]')
_RARE_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def literal(s: str) -> str:
    """A Turtle string literal (``str.translate`` with :data:`ESC`; the common escapes of
    article text, quotes and line breaks, made by ``str.replace``, which is faster)."""
    if not _TO_ESCAPE.search(s):
        return '"' + s + '"'
    if _RARE_ESCAPE.search(s):
        return '"' + s.translate(ESC) + '"'
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace(
        "\r", "\\r").replace("\t", "\\t") + '"'


def int_literal(n: int) -> str:
    return str(int(n))


def date_literal(v: str) -> str:
    return f'"{v.translate(ESC)}"^^xsd:date'


def iri_ref(s: str) -> str:
    """``<s>``, refusing characters an IRI cannot hold."""
    if any(c in _IRI_BAD for c in s):
        raise ValueError(f"cannot write IRI {s!r}")
    return f"<{s}>"


@lru_cache(maxsize=None)
def entity_ref(key: str) -> str:
    """``<iri>`` of an entity key (cached: keys repeat across documents)."""
    return iri_ref(str(entity_iri(key)))


@lru_cache(maxsize=None)
def key_segment(key: str) -> str:
    return iri_segment(key.partition(":")[2])


@lru_cache(maxsize=4096)
def title_hash(title: str) -> str:
    return short_hash(title)


def _name(term: URIRef) -> str:
    """The prefixed name of an ontology term (``kg:said``); the term itself comes from kg.ns."""
    for prefix, ns in PREFIXES.items():
        if term.startswith(str(ns)):
            return f"{prefix}:{term[len(str(ns)):]}"
    raise ValueError(f"{term} is in none of the bound namespaces")


class _Names:
    """The prefixed name of every term of :class:`kg.ns.KG`, as an attribute: ``T.said`` is
    ``"kg:said"``; a term the ontology lacks raises ``AttributeError``. ``T.url`` is
    ``schema:url`` and ``T.labels`` the name terms written beside ``kg:label``."""

    def __init__(self) -> None:
        for term in KG.__annotations__:
            setattr(self, term, _name(KG[term]))
        self.url = _name(SCHEMA.url)
        self.labels = tuple(map(_name, (KG.label, *NAME_TERMS)))
        self.classes = {t: _name(c) for t, c in ENTITY_CLASSES.items()}


T = _Names()


class Triples:
    """Triples grouped by subject then predicate, without duplicates."""

    __slots__ = ("subjects", "n")

    def __init__(self) -> None:
        self.subjects: dict[str, dict[str, dict[str, None]]] = {}
        self.n = 0

    def add(self, s: str, p: str, o: str) -> None:
        preds = self.subjects.get(s)
        if preds is None:
            preds = self.subjects[s] = {}
        objs = preds.get(p)
        if objs is None:
            objs = preds[p] = {}
        if o not in objs:
            objs[o] = None
            self.n += 1

    def turtle(self) -> str:
        return "".join(subject_block(s, preds) for s, preds in self.subjects.items())


def subject_block(s: str, preds: dict) -> str:
    return s + " " + " ;\n    ".join(p + " " + " , ".join(objs) for p, objs in preds.items()) + " .\n"
