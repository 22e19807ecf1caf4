"""SHACL validation of built graphs against ``ontology/shapes.ttl`` (pyshacl)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import KgError

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["ontology_dir", "validate"]


def ontology_dir() -> Path:
    """The folder holding kg.ttl, shapes.ttl and context.jsonld (source checkout or installed data)."""
    candidates = [os.environ.get("KG_ONTOLOGY"), Path(__file__).resolve().parents[1] / "ontology",
                  Path(sys.prefix) / "share" / "kg" / "ontology"]
    for c in candidates:
        if c and (Path(c) / "shapes.ttl").is_file():
            return Path(c)
    raise KgError("ontology folder not found (looked in KG_ONTOLOGY, the source tree and share/kg/ontology)")


def validate(g: Graph) -> tuple[bool, str]:
    """(conforms, report text) for ``g`` against the shapes, as any SHACL engine sees it: the
    graph on its own, no ontology merged and no inference (``pyshacl -s shapes.ttl graph.ttl``,
    Jena's ``shacl validate``)."""
    from pyshacl import validate as shacl
    from rdflib import Graph

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ok, _graph, text = shacl(g, shacl_graph=shapes, inference="none", abort_on_first=False)
    return bool(ok), str(text)
