"""Saved SPARQL (``kg/queries/**/*.rq``): loaded and prepared once, run with bindings.

Values go in through ``initBindings``, never through string formatting. This
module imports rdflib only, never spaCy. It also has a small SPARQL lexer
(:func:`scan`, :func:`query_form`) that tells queries from updates and finds
``SERVICE`` calls and ``file:`` IRIs without running anything.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from typing import TYPE_CHECKING

from rdflib import Graph

if TYPE_CHECKING:  # rdflib's SPARQL engine is imported only when a query is prepared
    from rdflib.plugins.sparql.sparql import Query

from .errors import QueryError
from .ns import PREFIXES

__all__ = ["query_text", "prepared", "run", "saved_queries", "query_form", "scan"]


def _root():
    return resources.files("kg").joinpath("queries")


def saved_queries(folder: str = "") -> dict[str, str]:
    """Saved query names (``"facts/quotes"``) → their first comment line.

    ``NAME.ENGINE.rq`` files are not listed: they hold the same query shaped for
    one engine (see :func:`kg.query.saved_query`).
    """
    out: dict[str, str] = {}
    base = _root()

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith(".rq") and "." not in child.name[:-3]:  # NAME.ENGINE.rq: a variant
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
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query_text(name), initNs=dict(PREFIXES))


def run(g: Graph, name: str, **bindings):
    """Run saved query ``name`` on ``g`` with ``bindings`` passed as initBindings.

    ``g`` is an rdflib graph or a :class:`kg.store.Store` (either engine); the
    answer is an rdflib query result either way.
    """
    if not isinstance(g, Graph) and hasattr(g, "execute"):
        return g.query(query_text(name), bindings or None)
    return g.query(prepared(name), initBindings=bindings or None)


# --- a small lexer: enough to classify a request without executing it --------
_LEX = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'{3}(?:[^'\\]|\\.|'(?!''))*'{3}
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<word>[A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\-\u00b7\u00c0-\uffff]*(?::[^\s{}()<>,;"']*)?
            |:[^\s{}()<>,;"']*)
""", re.X)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def scan(text: str) -> dict:
    """What a SPARQL request does, from its tokens (comments, strings and IRIs skipped).

    Returns ``{"form": ..., "service": bool, "file_iris": [...]}``; form is
    SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE, or None when no form keyword is found.

    >>> scan('PREFIX ex: <http://e/#> SELECT * { ?s ex:SERVICE "SERVICE" } # SERVICE')["service"]
    False
    >>> r = scan("select * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    >>> r["form"], r["service"]
    ('SELECT', True)
    >>> scan("INSERT DATA { <a:b> <a:c> 'x' }")["form"]
    'UPDATE'
    >>> scan("SELECT * FROM <FILE:///etc/passwd> { ?s ?p ?o }")["file_iris"]
    ['<FILE:///etc/passwd>']
    """
    form = None
    service = False
    files: list[str] = []
    for m in _LEX.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind == "iri" and tok[1:].lower().startswith("file:"):
            files.append(tok)
        elif kind == "word" and ":" not in tok:
            up = tok.upper()
            if form is None and up in _FORMS:
                form = up
            elif form is None and up in _UPDATE_WORDS:
                form = "UPDATE"
            elif up == "SERVICE":
                service = True
    return {"form": form, "service": service, "file_iris": files}


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT, DESCRIBE, UPDATE, or None.

    >>> query_form("# SELECT in a comment\\nPREFIX kg: <https://w3id.org/kgid/ns#> ASK { ?s ?p ?o }")
    'ASK'
    """
    return scan(text)["form"]
