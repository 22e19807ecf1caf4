"""Graph stage: :class:`~kg.records.DocResult` records → triples. The one triple mapping.

Every IRI is minted in :mod:`kg.graph.iris`; every triple a record gives is written in
:mod:`kg.graph.blocks` (a document, a copy, the corrections applied) and
:mod:`kg.graph.entities` (the entity section, merged over documents), as Turtle text
with terms from :mod:`kg.ns` only (:mod:`kg.graph.turtle`). A document block does not
depend on the document's source name: it holds placeholders that
:func:`finish_block` fills, so blocks can be made in worker processes and kept in the
incremental cache.

Two sinks take this one stream (:mod:`kg.graph.writer`): :class:`TurtleWriter` writes
``graph.ttl`` as the documents arrive, and :func:`build_graph` parses the same text into
an rdflib graph for tests, analysis and small inputs. The same input always gives the
same bytes, and no blank nodes are used.
"""
from .blocks import Applied, DocBlock, finish_block, influenced_by, render_copy, render_corrections, render_doc
from .entities import EntityIndex
from .iris import (agent_iri, copy_iri, correction_iri, doc_node, doc_slug, document_iri, entity_iri, iri_segment,
                   quote_node, short_hash, slug)
from .turtle import HEADER, entity_ref, iri_ref, literal
from .writer import TurtleWriter, build_graph, write_graph

__all__ = ["Applied", "DocBlock", "EntityIndex", "HEADER", "TurtleWriter", "agent_iri", "build_graph", "copy_iri",
           "correction_iri", "doc_node", "doc_slug", "document_iri", "entity_iri", "entity_ref", "finish_block",
           "influenced_by", "iri_ref", "iri_segment", "literal", "quote_node", "render_copy", "render_corrections", "render_doc",
           "short_hash", "slug", "write_graph"]
