"""Graph stores: one class per engine behind one protocol, and the one graph loader.

:class:`Store` is what commands use of a store: load files or text (into the default graph
or a named one), answer SPARQL with values passed as bindings (:meth:`Store.execute`, the
fast path, with engine-native terms read by :func:`kg.terms.term_parts`; :meth:`Store.query`,
an rdflib query result on either engine), list, clear and serialize graphs.
:func:`new_store` makes the engine's class: :class:`OxigraphStore` (pyoxigraph, the default:
``bench/bench_store.py`` has the figures) or :class:`RdflibStore` (rdflib's in-memory
dataset). :func:`open_graph` is how every command reads a graph file: into a store, or into
an rdflib graph where a library needs one (pyshacl, the networkx analysis); one table,
:data:`RDF_FORMATS`, says which parser reads which file.

Oxigraph runs its own SPARQL engine: queries are given to it as text, never prepared by
rdflib (a prepared rdflib query would run in rdflib's Python engine).

>>> s = new_store("rdflib")
>>> s.load(data='<http://e/a> <http://e/p> "x" .', fmt="nt")
>>> [str(r.o) for r in s.query("SELECT ?o WHERE { ?s ?p ?o }")]
['x']
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from itertools import islice
from typing import Iterator, Protocol, runtime_checkable

from .errors import GraphFileError, QueryError
from .ns import SPARQL_PREFIXES
from .results import Solutions
from .terms import to_oxigraph, to_rdflib

__all__ = ["ENGINES", "DEFAULT_ENGINE", "RDF_FORMATS", "Store", "OxigraphStore", "RdflibStore", "new_store",
           "open_graph", "rdf_format", "parse_error"]

#: Chosen from bench/bench_store.py: Oxigraph was >10x faster at 1M triples.
DEFAULT_ENGINE = "oxigraph"
#: name -> (pyoxigraph RdfFormat member, rdflib format, holds named graphs)
RDF_FORMATS = {"ttl": ("TURTLE", "turtle", False), "nt": ("N_TRIPLES", "nt", False),
               "nq": ("N_QUADS", "nquads", True), "trig": ("TRIG", "trig", True),
               "jsonld": ("JSON_LD", "json-ld", True), "rdf": ("RDF_XML", "xml", False)}
#: other names of those formats (and file extensions)
_ALIASES = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json": "jsonld", "owl": "rdf", "xml": "rdf"}


def rdf_format(path: str | os.PathLike | None = None, fmt: str | None = None) -> str:
    """The :data:`RDF_FORMATS` name for ``fmt``, or else for the extension of ``path`` (Turtle without one).

    >>> rdf_format("out/graph.ttl"), rdf_format("g.owl"), rdf_format(fmt="nquads"), rdf_format("graph")
    ('ttl', 'rdf', 'nq', 'ttl')
    """
    name = (fmt or os.path.splitext(str(path or ""))[1].lstrip(".") or "ttl").lower()
    name = _ALIASES.get(name, name)
    if name not in RDF_FORMATS:
        raise GraphFileError(f"{path or 'data'}: unknown RDF format {name!r}; valid: {', '.join(RDF_FORMATS)}")
    return name


@runtime_checkable
class Store(Protocol):
    """A dataset on one engine (``engine`` names it). Triples formats load into the default
    graph; dataset formats (N-Quads, TriG) keep their named graphs, and queries then see the
    union of all graphs as the default graph, so the saved queries work on ``kg export`` output too."""

    engine: str
    union_default_graph: bool  #: whether queries see the union of all graphs as their default graph

    def load(self, path: str | None = None, data: str | bytes | None = None, fmt: str | None = None,
             graph: str | None = None) -> None:
        """Add a file (``path``) or text (``data``) in ``fmt`` (from the extension by default) to
        ``graph`` (the default graph when None)."""

    def add_graph(self, g, graph: str | None = None) -> None:
        """Add every triple of an rdflib graph (to ``graph``, or the default graph)."""

    def clear(self, graph: str | None = None) -> None:
        """Remove every triple of ``graph`` (the default graph when None); a named graph is
        removed itself too (:meth:`graphs` no longer lists it)."""

    def graphs(self) -> list[str]:
        """Names of the named graphs, sorted."""

    def quads(self) -> Iterator[tuple]:
        """Every ``(s, p, o, graph)``; graph is None for the default graph (engine-native terms)."""

    def __len__(self) -> int: ...

    def serialize(self, fmt: str = "ttl") -> bytes:
        """The default graph in ``fmt`` (one of :data:`RDF_FORMATS` without named graphs)."""

    def offline(self) -> None:
        """From now on no query fetches anything from elsewhere (``FROM <http://...>``)."""

    def execute(self, sparql: str, bindings: dict | None = None, max_rows: int | None = None) -> Solutions:
        """Run ``sparql`` with ``bindings`` (variable name -> term or Python value).

        Rows beyond ``max_rows`` are not read; ``overflow`` says there were more. Syntax errors
        raise :class:`QueryError` with the line and column; updates do not parse as queries
        (querying is read-only). Nothing here refuses ``SERVICE``: callers that take queries
        from others check them first (:func:`kg.sparql.check`)."""

    def query(self, sparql: str, bindings: dict | None = None):
        """Run ``sparql``; the answer is an :class:`rdflib.query.Result`."""

    def select_rows(self, sparql: str) -> tuple[list[str], Iterator[tuple]]:
        """A SELECT query's variable names and its rows one at a time (engine-native terms), for
        answers too large to hold whole (:meth:`execute` holds them all)."""


class _Common:
    """What both engines share: reading format names and parse errors, bindings, rdflib results."""

    engine = ""

    def load(self, path=None, data=None, fmt=None, graph=None) -> None:
        name = rdf_format(path, fmt)
        if path is not None and not os.path.isfile(path):
            raise GraphFileError(f"{path}: no such graph file")
        if RDF_FORMATS[name][2] and graph is None:
            self.union_default_graph = True
        try:
            self._load(path, data, name, graph)
        except Exception as e:  # parsers raise many kinds  # noqa: BLE001
            raise GraphFileError(parse_error(path or "data", name, e)) from None

    def execute(self, sparql, bindings=None, max_rows=None) -> Solutions:
        bindings = {k.lstrip("?$"): v for k, v in (bindings or {}).items() if v is not None}
        return self._execute(sparql, bindings, max_rows)

    def select_rows(self, sparql):
        sol = self.execute(sparql)
        return sol.vars, iter(sol.rows)

    def query(self, sparql, bindings=None):
        from rdflib import Graph, Variable
        from rdflib.query import Result

        sol = self.execute(sparql, bindings)
        res = Result(sol.form)
        if sol.form == "ASK":
            res.askAnswer = sol.boolean
        elif sol.form == "CONSTRUCT":
            g = Graph()
            for t in sol.triples:
                g.add(tuple(to_rdflib(x) for x in t))
            res.graph = g
        else:
            res.vars = [Variable(v) for v in sol.vars]
            res.bindings = [{Variable(v): to_rdflib(t) for v, t in zip(sol.vars, row) if t is not None}
                            for row in sol.rows]
        return res


def parse_error(where, name: str, e: Exception) -> str:
    """One line naming the input and, when the parser says, the line (and column) and the reason
    (not the raw bytes around it that rdflib's exceptions quote)."""
    line, col, why = getattr(e, "lines", None), None, getattr(e, "_why", None)  # rdflib's BadSyntax
    if isinstance(line, int) and why is not None:
        line += 1
    elif isinstance(e, SyntaxError) and isinstance(e.lineno, int) and str(e.msg).startswith("Parser error"):
        line, col, why = e.lineno, e.offset, str(e.msg).split(": ", 1)[-1]  # Oxigraph's: "Parser error at ...: why"
    else:
        line, why = None, f"{type(e).__name__}: {e}"
    at = f", line {line}" + (f", column {col}" if col else "") if line else ""
    return f"{where}{at}: cannot parse {name} ({' '.join(str(why).split())[:300]})"


_OX_ERR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_GROUPED = re.compile(r"\bGROUP\s+BY\b|\b(?:COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.I)


def _syntax_error(line, col, msg: str) -> QueryError:
    msg = " ".join(msg.split())
    if "Prefix not found" in msg:
        msg = "unknown prefix (declare it with PREFIX)"
    elif len(msg) > 160:
        msg = msg[:157] + "..."
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {msg}")


def _take(it, limit):
    if limit is None or limit <= 0:
        return list(it), False
    out = list(islice(it, limit + 1))
    return out[:limit], len(out) > limit


class OxigraphStore(_Common):
    """A :class:`Store` on pyoxigraph (a dataset in memory)."""

    engine = "oxigraph"

    def __init__(self, union_default_graph: bool = False):
        import pyoxigraph

        self._ox, self.union_default_graph = pyoxigraph.Store(), union_default_graph

    @staticmethod
    def _graph(graph: str | None):
        import pyoxigraph as ox

        return ox.NamedNode(graph) if graph else ox.DefaultGraph()

    def _load(self, path, data, name, graph) -> None:
        import pyoxigraph as ox

        fmt = getattr(ox.RdfFormat, RDF_FORMATS[name][0])
        kw = {"to_graph": ox.NamedNode(graph)} if graph else {}
        if path is not None:
            self._ox.bulk_load(path=path, format=fmt, **kw)
        else:
            self._ox.load(data, format=fmt, **kw)

    def add_graph(self, g, graph=None) -> None:
        import pyoxigraph as ox

        gn = self._graph(graph)
        self._ox.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), gn) for s, p, o in g)

    def clear(self, graph=None) -> None:
        if graph:  # the graph goes too, as in rdflib: graphs() no longer lists it
            self._ox.remove_graph(self._graph(graph))
        else:
            self._ox.clear_graph(self._graph(None))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs())

    def quads(self):
        import pyoxigraph as ox

        for q in self._ox:
            g = q.graph_name
            yield q.subject, q.predicate, q.object, None if isinstance(g, ox.DefaultGraph) else g

    def __len__(self) -> int:
        return len(self._ox)

    def serialize(self, fmt="ttl") -> bytes:
        import pyoxigraph as ox

        return self._ox.dump(format=getattr(ox.RdfFormat, RDF_FORMATS[rdf_format(fmt=fmt)][0]),
                             from_graph=ox.DefaultGraph())

    def offline(self) -> None:
        """Oxigraph never fetches a FROM graph: it names a graph of the store."""

    def select_rows(self, sparql):
        res = self._query(sparql, {})
        names = [v.value for v in res.variables]

        def rows():
            try:
                yield from map(tuple, res)  # a solution iterates over its values in the order of names
            except (OSError, RuntimeError) as e:  # evaluation errors surface while iterating
                raise QueryError(f"query failed: {e}") from None

        return names, rows()

    def _query(self, sparql, bindings):
        import pyoxigraph as ox

        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        try:
            return self._ox.query(sparql, prefixes=SPARQL_PREFIXES, substitutions=subs or None,
                                  use_default_graph_as_union=self.union_default_graph)
        except SyntaxError as e:
            m = _OX_ERR.match(str(e))
            raise (_syntax_error(*m.groups()) if m else QueryError(f"SPARQL syntax error: {e}")) from None
        except RuntimeError as e:
            if "SELECT projection" in str(e):
                raise QueryError(f"{e}: Oxigraph binds only variables the query SELECTs (SEP-0007 "
                                 "substitution); add the variable to SELECT, or use engine 'rdflib'") from None
            raise QueryError(f"query failed: {e}") from None
        except OSError as e:
            raise QueryError(f"query failed: {e}") from None

    def _execute(self, sparql, bindings, max_rows) -> Solutions:
        import pyoxigraph as ox

        res = self._query(sparql, bindings)
        try:
            if isinstance(res, ox.QueryBoolean):
                return Solutions("ASK", self.engine, boolean=bool(res))
            if isinstance(res, ox.QueryTriples):
                triples, over = _take(((t.subject, t.predicate, t.object) for t in res), max_rows)
                return Solutions("CONSTRUCT", self.engine, triples=triples, overflow=over)
            names = [v.value for v in res.variables]
            rows, over = _take((tuple(sol[i] for i in range(len(names))) for sol in res), max_rows)
            return Solutions("SELECT", self.engine, vars=names, rows=rows, overflow=over)
        except (OSError, RuntimeError) as e:  # evaluation errors surface while iterating
            raise QueryError(f"query failed: {e}") from None


@lru_cache(maxsize=256)
def _rdflib_prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text, initNs=SPARQL_PREFIXES)


class RdflibStore(_Common):
    """A :class:`Store` on rdflib's in-memory :class:`rdflib.Dataset` (SPARQL in Python)."""

    engine = "rdflib"

    def __init__(self, union_default_graph: bool = False):
        from rdflib import Dataset

        self._ds = Dataset(default_union=union_default_graph)

    @property
    def union_default_graph(self) -> bool:
        return self._ds.default_union

    @union_default_graph.setter
    def union_default_graph(self, on: bool) -> None:
        self._ds.default_union = bool(on)

    def _graph(self, graph: str | None):
        """The named graph ``graph``, or the default graph."""
        from rdflib import URIRef
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        return self._ds.graph(URIRef(graph) if graph else DATASET_DEFAULT_GRAPH_ID)

    def _load(self, path, data, name, graph) -> None:
        target = self._graph(graph) if graph or not RDF_FORMATS[name][2] else self._ds
        target.parse(source=path, data=data, format=RDF_FORMATS[name][1])

    def add_graph(self, g, graph=None) -> None:
        target = self._graph(graph)
        target += g

    def clear(self, graph=None) -> None:
        target = self._graph(graph)
        target.remove((None, None, None))
        if graph:
            self._ds.remove_graph(target)

    def graphs(self) -> list[str]:
        default = str(self._graph(None).identifier)
        return sorted(str(c.identifier) for c in self._ds.contexts() if str(c.identifier) != default)

    def quads(self):
        default = self._graph(None).identifier
        for s, p, o, c in self._ds.quads((None, None, None, None)):
            c = getattr(c, "identifier", c)  # a Graph or its name, depending on the rdflib version
            yield s, p, o, None if c is None or c == default else c

    def __len__(self) -> int:
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    def serialize(self, fmt="ttl") -> bytes:
        return self._graph(None).serialize(format=RDF_FORMATS[rdf_format(fmt=fmt)][1], encoding="utf-8")

    def offline(self) -> None:
        import rdflib.plugins.sparql as rs

        rs.SPARQL_LOAD_GRAPHS = False  # FROM never fetches anything (a setting of rdflib's, for the process)

    def _execute(self, sparql, bindings, max_rows) -> Solutions:
        try:
            pq = _rdflib_prepared(sparql)
        except Exception as e:  # pyparsing.ParseException and friends
            if hasattr(e, "lineno") and hasattr(e, "col"):
                raise _syntax_error(e.lineno, e.col, getattr(e, "msg", str(e))) from None
            raise QueryError(f"SPARQL error: {e}") from None
        target = self._ds if self.union_default_graph else self._graph(None)
        try:
            res = target.query(pq, initBindings={k: to_rdflib(v) for k, v in bindings.items()} or None)
            if res.type == "ASK":
                return Solutions("ASK", self.engine, boolean=bool(res.askAnswer))
            if res.type in ("CONSTRUCT", "DESCRIBE"):
                triples, over = _take(iter(res.graph), max_rows)
                return Solutions("CONSTRUCT", self.engine, triples=triples, overflow=over)
            names = [str(v) for v in res.vars]
            rows, over = _take((tuple(b.get(v) for v in res.vars) for b in res.bindings), max_rows)
            # rdflib answers a grouped query that matched nothing with one row holding only the
            # initBindings (SPARQL says: no rows, as Oxigraph does); drop that row.
            if len(rows) == 1 and bindings and _GROUPED.search(sparql) and all(
                    t is None or n in bindings for n, t in zip(names, rows[0])):
                rows = []
            return Solutions("SELECT", self.engine, vars=names, rows=rows, overflow=over)
        except QueryError:
            raise
        except Exception as e:  # rdflib evaluation errors
            raise QueryError(f"query failed: {type(e).__name__}: {e}") from None


#: engine name -> its store class
_ENGINES = {"oxigraph": OxigraphStore, "rdflib": RdflibStore}
ENGINES = tuple(_ENGINES)


def new_store(engine: str | None = None, union_default_graph: bool = False) -> Store:
    """An empty :class:`Store` on ``engine`` (default :data:`DEFAULT_ENGINE`)."""
    cls = _ENGINES.get(engine or DEFAULT_ENGINE)
    if cls is None:
        raise QueryError(f"unknown engine {engine!r}; valid engines: {', '.join(ENGINES)}")
    return cls(union_default_graph)


def open_graph(source, engine: str | None = None, fmt: str | None = None, *, rdflib: bool = False,
               skip_subjects: str | None = None):
    """The graph in ``source`` (a graph file, a :class:`Store` or an rdflib graph) as a :class:`Store`
    on ``engine``, or with ``rdflib=True`` as an :class:`rdflib.Graph` (for pyshacl and networkx).

    A file's format is ``fmt`` or comes from its extension (:func:`rdf_format`); an rdflib
    graph is copied into a new store, a store's triples into a new rdflib graph (named
    graphs merged). Raises :class:`GraphFileError` naming the file, and the line when known.
    ``skip_subjects``: an IRI prefix; a Turtle or N-Triples file written as kg writes it (each
    subject's block starts in column 0) is loaded in pieces without the blocks of the subjects
    under it (the page leaves out mentions, more than half of a graph), else whole.
    """
    if skip_subjects and not rdflib and isinstance(source, (str, os.PathLike)) and os.path.isfile(source) \
            and rdf_format(source, fmt) in ("ttl", "nt"):
        store = new_store(engine)
        try:
            from .streamload import StreamLoader

            with open(source, "rb") as f, StreamLoader(store, skip_subjects) as loader:
                for block in iter(lambda: f.read(1 << 20), b""):
                    loader.write(block)
            return store
        except GraphFileError:  # not written one subject block per line: load it whole
            pass
    from rdflib import Graph

    if isinstance(source, Store):
        return _rdflib_copy(source) if rdflib else source
    if isinstance(source, Graph):
        if rdflib:
            return source
        store = new_store(engine)
        store.add_graph(source)
        return store
    if not rdflib:
        store = new_store(engine)
        store.load(path=str(source), fmt=fmt)
        return store
    path, name = str(source), rdf_format(source, fmt)
    if not os.path.isfile(path):
        raise GraphFileError(f"{path}: no such graph file")
    g = Graph()
    try:
        if RDF_FORMATS[name][2]:  # a dataset: the union of its graphs
            store = new_store("rdflib")
            store.load(path=path, fmt=name)
            return _rdflib_copy(store)
        g.parse(path, format=RDF_FORMATS[name][1])
    except GraphFileError:
        raise
    except Exception as e:  # rdflib raises many kinds  # noqa: BLE001
        raise GraphFileError(parse_error(path, name, e)) from None
    return g




def _rdflib_copy(store: Store):
    from rdflib import Graph

    g = Graph()
    g += ((to_rdflib(s), to_rdflib(p), to_rdflib(o)) for s, p, o, _ in store.quads())
    return g
