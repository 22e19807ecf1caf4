"""IRIs: every IRI of the graph is minted here, from record keys and source names.

The same input always gives the same IRI: keys become readable slugs, with a short
hash when the slug alone could collide.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from ..ns import KGD

__all__ = ["short_hash", "slug", "iri_segment", "entity_iri", "document_iri", "copy_iri", "correction_iri",
           "agent_iri", "doc_slug",
           "BASE", "DOC", "doc_node", "quote_node"]

BASE = str(KGD)
#: Placeholder for the document's IRI slug in a document block (kg.graph.blocks.finish_block fills it).
DOC = "\x00D"
_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def short_hash(s: str, n: int = 8) -> str:
    """The first ``n`` hex digits of the SHA-1 of ``s``."""
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:n]


def slug(s: str) -> str:
    """Lower-case ASCII words of ``s`` joined by hyphens, at most 80 characters.

    >>> slug("Badan Kepegawaian Negara (BKN)")
    'badan-kepegawaian-negara-bkn'
    """
    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", a.lower()))[:80].strip("-")


def iri_segment(s: str) -> str:
    """A path segment for ``s`` that cannot break an IRI and cannot collide."""
    sl = slug(s)
    if sl and sl == s and _SAFE.match(s) and len(s) <= 80:
        return sl
    return f"{sl or 'x'}--{short_hash(s)}"  # "--" never occurs in a safe slug: no collision with one


def entity_iri(key: str) -> URIRef:
    """IRI of an entity key such as ``"person:wahyu-hidayat"``.

    >>> str(entity_iri("person:wahyu-hidayat"))
    'https://w3id.org/kgid/id/person/wahyu-hidayat'
    """
    etype, _, rest = key.partition(":")
    return KGD[f"{slug(etype) or 'entity'}/{iri_segment(rest)}"]


def document_iri(source: str) -> URIRef:
    """IRI of a document, from its source file name."""
    return KGD[f"doc/{slug(source) or 'doc'}-{short_hash(source, 6)}"]


def copy_iri(source: str) -> URIRef:
    """IRI of a copy (another publication of a document's words), from its source name."""
    return KGD[f"copy/{slug(source) or 'copy'}-{short_hash(source, 6)}"]


def correction_iri(text: str) -> URIRef:
    """IRI of a correction, from the text of its line in the corrections file."""
    return KGD[f"correction/{short_hash(text, 16)}"]


def agent_iri(name: str) -> URIRef:
    """IRI of the person or team who made a correction."""
    return KGD[f"agent/{iri_segment(name)}"]


def doc_slug(source: str) -> str:
    """The last segment of the document IRI of ``source``."""
    return str(document_iri(source)).rsplit("/", 1)[1]


def doc_node() -> str:
    """``<iri>`` of the document in its own block (the slug a placeholder)."""
    return f"<{BASE}doc/{DOC}>"


def quote_node(start: int, end: int) -> str:
    """``<iri>`` of the quote at ``start:end`` in a document block."""
    return f"<{BASE}quote/{DOC}/{start}-{end}>"
