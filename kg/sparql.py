"""Saved SPARQL (``kg/queries/**/*.rq``): loaded and prepared once, run with bindings.

Values go in through ``initBindings``, never through string formatting. This
module imports rdflib only, never spaCy.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from .errors import QueryError
from .ns import PREFIXES

__all__ = ["query_text", "prepared", "run", "saved_queries"]


def _root():
    return resources.files("kg").joinpath("queries")


def saved_queries(folder: str = "") -> dict[str, str]:
    """Saved query names (``"facts/quotes"``) → their first comment line."""
    out: dict[str, str] = {}
    base = _root()

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith(".rq"):
                text = child.read_text(encoding="utf-8")
                first = next((l[1:].strip() for l in text.splitlines() if l.startswith("#")), "")
                out[f"{prefix}{child.name[:-3]}"] = first

    walk(base.joinpath(folder) if folder else base, f"{folder}/" if folder else "")
    return out


def query_text(name: str) -> str:
    """The text of a saved query; :class:`QueryError` lists the valid names."""
    node = _root()
    for part in name.split("/"):
        node = node.joinpath(part if part != name.split("/")[-1] else f"{part}.rq")
    try:
        return node.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        names = ", ".join(sorted(saved_queries()))
        raise QueryError(f"unknown saved query {name!r}; valid names: {names}") from None


@lru_cache(maxsize=None)
def prepared(name: str) -> Query:
    """The prepared form of a saved query (parsed once per process)."""
    return prepareQuery(query_text(name), initNs=dict(PREFIXES))


def run(g: Graph, name: str, **bindings):
    """Run saved query ``name`` on ``g`` with ``bindings`` passed as initBindings."""
    return g.query(prepared(name), initBindings=bindings or None)
