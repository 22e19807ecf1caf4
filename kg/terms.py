"""RDF terms across engines: rdflib's and pyoxigraph's terms read as one tuple, converted
either way, and written in N-Triples syntax.

A term's *parts* are ``(kind, value, datatype, language)``: kind is ``iri``, ``bnode`` or
``literal``; datatype is None for plain and language-tagged strings. Stores, query answers
and endpoints all meet here.
"""
from __future__ import annotations

import re

from .errors import QueryError

__all__ = ["XSD_STRING", "LANG_STRING", "term_parts", "to_rdflib", "to_oxigraph", "nt_term"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_NT_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: str.translate tables of :func:`nt_term`: in an IRI, the characters N-Triples forbids and the
#: controls as ``\\uXXXX``; in a literal, the escapes above and every other control.
_IRI_ESC = {ord(c): f"\\u{ord(c):04X}" for c in '<>"{}|^`\\' + "".join(map(chr, range(0x21)))}
_LITERAL_ESC = {**{c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F]}, **{ord(k): v for k, v in _NT_ESC.items()}}


def term_parts(t) -> tuple[str, str, str | None, str | None] | None:
    """``(kind, value, datatype, language)`` of an rdflib or pyoxigraph term.

    >>> from rdflib import Literal, URIRef
    >>> term_parts(URIRef("http://e/a")), term_parts(Literal("x", lang="id"))
    (('iri', 'http://e/a', None, None), ('literal', 'x', None, 'id'))
    """
    if t is None or type(t) is tuple:  # already parts (endpoint answers)
        return t
    cls = type(t).__name__
    if cls in ("URIRef", "NamedNode"):
        return ("iri", str(t) if cls == "URIRef" else t.value, None, None)
    if cls in ("BNode", "BlankNode"):
        return ("bnode", str(t) if cls == "BNode" else t.value, None, None)
    if cls == "Literal" and hasattr(t, "datatype") and not isinstance(t, str):  # pyoxigraph
        dt = t.datatype.value
        return ("literal", t.value, None if dt in (XSD_STRING, LANG_STRING) else dt, t.language)
    if cls == "Literal":  # rdflib
        dt = str(t.datatype) if t.datatype is not None else None
        return ("literal", str(t), None if dt == XSD_STRING else dt, t.language)
    raise QueryError(f"unsupported RDF term {t!r} (RDF-star triples are not supported)")


def to_rdflib(t):
    """The rdflib term for any term :func:`term_parts` reads (or a Python value)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, (URIRef, BNode, Literal)):
        return t
    if type(t) is not tuple and not hasattr(t, "value"):  # a Python value: str, int, float, bool, date
        return Literal(t)
    kind, value, dt, lang = term_parts(t)
    if kind == "iri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=lang, datatype=URIRef(dt) if dt else None)


def to_oxigraph(t):
    """The pyoxigraph term for any term :func:`term_parts` reads (or a Python value)."""
    import pyoxigraph as ox

    if isinstance(t, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return t
    if type(t) is not tuple and not hasattr(t, "n3") and not hasattr(t, "value"):  # a Python value
        t = to_rdflib(t)
    kind, value, dt, lang = term_parts(t)
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=ox.NamedNode(dt)) if dt else ox.Literal(value)


def nt_term(parts) -> str:
    """A term in N-Triples syntax (also SPARQL TSV): every character that could end it is escaped.

    >>> nt_term(("literal", 'a "b"\\tc\\n', None, "id"))
    '"a \\\\"b\\\\"\\\\tc\\\\n"@id'
    """
    if parts is None:
        return ""
    kind, value, dt, lang = parts
    if kind == "iri":
        return "<" + value.translate(_IRI_ESC) + ">"
    if kind == "bnode":
        return "_:" + re.sub(r"[^A-Za-z0-9_]", "_", value)
    body = value.translate(_LITERAL_ESC)
    return f'"{body}"' + (f"@{lang}" if lang else f"^^<{dt}>" if dt else "")
