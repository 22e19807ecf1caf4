"""Storage backends behind one small API: Oxigraph (pyoxigraph, the default) or
rdflib's in-memory store.

:class:`Store` loads graph files, answers SPARQL with values passed as bindings,
and says which engine ran (``store.engine``). :meth:`Store.query` returns an
rdflib query result whatever the engine, so code written against rdflib keeps
working; :meth:`Store.execute` is the fast path used by ``kg query`` and ``kg serve``
(engine-native terms, read with :func:`term_parts`).

Oxigraph runs its own SPARQL engine: queries are given to it as text, never
prepared by rdflib (a prepared rdflib query would run in rdflib's Python engine).
Why Oxigraph is the default: ``bench/bench_store.py`` (figures in the README).

>>> s = Store(engine="rdflib")
>>> s.load(data='<http://e/a> <http://e/p> "x" .', fmt="nt")
>>> [str(r.o) for r in s.query("SELECT ?o WHERE { ?s ?p ?o }")]
['x']
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .errors import GraphFileError, QueryError
from .ns import PREFIXES as _KG_PREFIXES

__all__ = ["ENGINES", "DEFAULT_ENGINE", "RDF_FORMATS", "RESULT_FORMATS", "Store", "Solutions", "open_store",
           "term_parts", "to_rdflib", "to_oxigraph", "nt_term", "serialize_solutions"]

ENGINES = ("oxigraph", "rdflib")
#: Chosen from bench/bench_store.py: Oxigraph was >10x faster at 1M triples.
DEFAULT_ENGINE = "oxigraph"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#: Prefixes every query may use without declaring them.
PREFIXES = {**{k: str(v) for k, v in _KG_PREFIXES.items()},
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#"}
#: Prefixes written in Turtle/TriG output (not kgd:, whose local names hold "/", escaped in Turtle).
TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "kgd"}
#: name -> (pyoxigraph RdfFormat member, rdflib format, holds named graphs)
RDF_FORMATS = {"ttl": ("TURTLE", "turtle", False), "nt": ("N_TRIPLES", "nt", False),
               "nq": ("N_QUADS", "nquads", True), "trig": ("TRIG", "trig", True),
               "jsonld": ("JSON_LD", "json-ld", True), "rdf": ("RDF_XML", "xml", False)}
_EXT = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json": "jsonld", "owl": "rdf", "xml": "rdf"}


def _fmt_name(fmt: str | None, path: str | None) -> str:
    name = (fmt or os.path.splitext(path or "")[1].lstrip(".") or "ttl").lower()
    name = _EXT.get(name, name)
    if name not in RDF_FORMATS:
        raise GraphFileError(f"{path or 'data'}: unknown RDF format {name!r}; valid: {', '.join(RDF_FORMATS)}")
    return name


def term_parts(t) -> tuple[str, str, str | None, str | None] | None:
    """``(kind, value, datatype, language)`` of an rdflib or pyoxigraph term.

    kind is ``iri``, ``bnode`` or ``literal``; datatype is None for plain and
    language-tagged strings.

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


@dataclass
class Solutions:
    """One query's answer: engine-native terms, read with :func:`term_parts`.

    ``form`` is SELECT, ASK or CONSTRUCT (DESCRIBE answers are CONSTRUCT-shaped).
    ``overflow`` is True when more than ``max_rows`` rows or triples were found.
    """

    form: str
    engine: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple] = field(default_factory=list)
    overflow: bool = False


_OX_ERR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_GROUPED = re.compile(r"\bGROUP\s+BY\b|\b(?:COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.I)


def _syntax_error(line, col, msg: str) -> QueryError:
    msg = " ".join(msg.split())
    if "Prefix not found" in msg:
        msg = "unknown prefix (declare it with PREFIX)"
    elif len(msg) > 160:
        msg = msg[:157] + "..."
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {msg}")


@lru_cache(maxsize=256)
def _rdflib_prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text, initNs=PREFIXES)


class Store:
    """A dataset on one engine: ``"oxigraph"`` (default) or ``"rdflib"``.

    Triples formats load into the default graph. Dataset formats (N-Quads, TriG)
    keep their named graphs, and queries then see the union of all graphs as
    the default graph, so the saved queries work on ``kg export`` output too.
    """

    def __init__(self, engine: str | None = None, union_default_graph: bool = False):
        engine = engine or DEFAULT_ENGINE
        if engine not in ENGINES:
            raise QueryError(f"unknown engine {engine!r}; valid engines: {', '.join(ENGINES)}")
        self.engine = engine
        if engine == "oxigraph":
            try:
                import pyoxigraph
            except ImportError:  # pragma: no cover - a core dependency
                raise QueryError("engine 'oxigraph' needs pyoxigraph (pip install pyoxigraph); "
                                 "or use engine 'rdflib'") from None
            self._ox = pyoxigraph.Store()
        else:
            from rdflib import Dataset

            self._ds = Dataset(default_union=union_default_graph)
        self.union_default_graph = union_default_graph

    @property
    def union_default_graph(self) -> bool:
        """Whether queries see the union of all graphs as their default graph."""
        return self._union

    @union_default_graph.setter
    def union_default_graph(self, on: bool) -> None:
        self._union = bool(on)
        if self.engine == "rdflib":
            self._ds.default_union = self._union

    def _default(self):
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        return self._ds.graph(DATASET_DEFAULT_GRAPH_ID)

    # -- loading and writing --------------------------------------------------
    def load(self, path: str | None = None, data: str | bytes | None = None, fmt: str | None = None,
             graph: str | None = None) -> None:
        """Add a file (``path``) or text (``data``) in ``fmt`` (from the extension by default).

        ``graph`` names the graph triples go to (default graph when None).
        """
        name = _fmt_name(fmt, path)
        oxf, rdff, dataset = RDF_FORMATS[name]
        if path is not None and not os.path.isfile(path):
            raise GraphFileError(f"{path}: no such graph file")
        if dataset and graph is None:
            self.union_default_graph = True
        try:
            if self.engine == "oxigraph":
                import pyoxigraph as ox

                target = ox.NamedNode(graph) if graph else None
                kw = {"to_graph": target} if target is not None else {}
                if path is not None:
                    self._ox.bulk_load(path=path, format=getattr(ox.RdfFormat, oxf), **kw)
                else:
                    self._ox.load(data, format=getattr(ox.RdfFormat, oxf), **kw)
            else:
                from rdflib import URIRef

                target = self._ds.graph(URIRef(graph)) if graph else (self._ds if dataset else self._default())
                target.parse(source=path, data=data, format=rdff)
        except Exception as e:  # parsers raise many kinds  # noqa: BLE001
            raise GraphFileError(f"{path or 'data'}: cannot parse {name} ({type(e).__name__}: {e})") from None

    def add_graph(self, g, graph: str | None = None) -> None:
        """Add every triple of an rdflib graph (to ``graph``, or the default graph)."""
        if self.engine == "rdflib":
            target = self._ds.graph(to_rdflib(("iri", graph, None, None))) if graph else self._default()
            target += g
            return
        import pyoxigraph as ox

        gn = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        self._ox.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), gn) for s, p, o in g)

    def clear(self, graph: str | None = None) -> None:
        """Remove every triple of ``graph`` (the default graph when None)."""
        if self.engine == "oxigraph":
            import pyoxigraph as ox

            self._ox.clear_graph(ox.NamedNode(graph) if graph else ox.DefaultGraph())
        else:
            target = self._ds.graph(to_rdflib(("iri", graph, None, None))) if graph else self._default()
            target.remove((None, None, None))
            if graph:
                self._ds.remove_graph(target)

    def graphs(self) -> list[str]:
        """Names of the named graphs."""
        if self.engine == "oxigraph":
            return sorted(g.value for g in self._ox.named_graphs())
        default = str(self._default().identifier)
        return sorted(str(c.identifier) for c in self._ds.contexts() if str(c.identifier) != default)

    def quads(self):
        """Every ``(s, p, o, graph)``; graph is None for the default graph (engine-native terms)."""
        if self.engine == "oxigraph":
            import pyoxigraph as ox

            for q in self._ox:
                g = q.graph_name
                yield q.subject, q.predicate, q.object, None if isinstance(g, ox.DefaultGraph) else g
        else:
            default = self._default().identifier
            for s, p, o, c in self._ds.quads((None, None, None, None)):
                c = getattr(c, "identifier", c)  # a Graph or its name, depending on the rdflib version
                yield s, p, o, None if c is None or c == default else c

    def __len__(self) -> int:
        if self.engine == "oxigraph":
            return len(self._ox)
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    # -- querying -------------------------------------------------------------
    def execute(self, sparql: str, bindings: dict | None = None, max_rows: int | None = None) -> Solutions:
        """Run ``sparql`` with ``bindings`` (variable name -> term or Python value).

        Rows beyond ``max_rows`` are not read; ``overflow`` says there were more.
        Syntax errors raise :class:`QueryError` with the line and column; updates do not parse
        as queries (querying is read-only). Nothing here refuses ``SERVICE``: callers that take
        queries from others check them first (:func:`kg.sparql.check`).
        """
        bindings = {k.lstrip("?$"): v for k, v in (bindings or {}).items() if v is not None}
        if self.engine == "oxigraph":
            return self._execute_ox(sparql, bindings, max_rows)
        return self._execute_rdflib(sparql, bindings, max_rows)

    def _execute_ox(self, sparql, bindings, max_rows) -> Solutions:
        import pyoxigraph as ox

        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        try:
            res = self._ox.query(sparql, prefixes=PREFIXES, substitutions=subs or None,
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

    def _execute_rdflib(self, sparql, bindings, max_rows) -> Solutions:
        try:
            pq = _rdflib_prepared(sparql)
        except Exception as e:  # pyparsing.ParseException and friends
            if hasattr(e, "lineno") and hasattr(e, "col"):
                raise _syntax_error(e.lineno, e.col, getattr(e, "msg", str(e))) from None
            raise QueryError(f"SPARQL error: {e}") from None
        target = self._ds if self.union_default_graph else self._default()
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

    def query(self, sparql: str, bindings: dict | None = None):
        """Run ``sparql``; the answer is an :class:`rdflib.query.Result` on either engine."""
        from rdflib import Graph, Variable
        from rdflib.query import Result

        sol = self.execute(sparql, bindings)
        res = Result("CONSTRUCT" if sol.form == "CONSTRUCT" else sol.form)
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


def _take(it, limit):
    if limit is None or limit <= 0:
        return list(it), False
    out = list(islice(it, limit + 1))
    return out[:limit], len(out) > limit


def open_store(path: str, engine: str | None = None, fmt: str | None = None) -> Store:
    """A :class:`Store` on ``engine`` holding the graph file at ``path``."""
    s = Store(engine)
    s.load(path=str(path), fmt=fmt)
    return s


# -- result serialization (SPARQL 1.1 Query Results JSON/XML/CSV/TSV; RDF for CONSTRUCT) ---------
#: format name -> media type
RESULT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                  "jsonld": "application/ld+json", "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NT_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def nt_term(parts) -> str:
    """A term in N-Triples syntax (also SPARQL TSV): every character that could end it is escaped.

    >>> nt_term(("literal", 'a "b"\\tc\\n', None, "id"))
    '"a \\\\"b\\\\"\\\\tc\\\\n"@id'
    """
    if parts is None:
        return ""
    kind, value, dt, lang = parts
    if kind == "iri":
        return "<" + "".join(c if c not in '<>"{}|^`\\' and ord(c) > 0x20 else f"\\u{ord(c):04X}" for c in value) + ">"
    if kind == "bnode":
        return "_:" + re.sub(r"[^A-Za-z0-9_]", "_", value)
    body = "".join(_NT_ESC.get(c, c if ord(c) >= 0x20 and c != "\x7f" else f"\\u{ord(c):04X}") for c in value)
    return f'"{body}"' + (f"@{lang}" if lang else f"^^<{dt}>" if dt else "")


#: In JSON results, characters that could end a script block or be read as markup, as escapes
#: (they occur only inside JSON strings, so the document means the same).
_JSON_INERT = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"),
               ("\u2028".encode(), b"\\u2028"), ("\u2029".encode(), b"\\u2029"))


def serialize_solutions(sol: Solutions, fmt: str) -> bytes:
    """``sol`` in one of :data:`RESULT_FORMATS` (SELECT/ASK: json, xml, csv, tsv;
    CONSTRUCT: turtle, jsonld, nt, rdfxml), written by pyoxigraph's serializers.

    SELECT rows reach them as SPARQL TSV (each term in N-Triples syntax, :func:`nt_term`), read
    back by :func:`pyoxigraph.parse_query_results`. Hostile text stays inert in each format:
    characters XML 1.0 cannot hold become U+FFFD in XML, and JSON carries ``<``, ``>``, ``&``,
    U+2028 and U+2029 as escapes. An ASK answer in CSV or TSV (which define none) is one line,
    ``true`` or ``false``.
    """
    import pyoxigraph as ox

    if sol.form == "CONSTRUCT":
        if fmt not in ("turtle", "jsonld", "nt", "rdfxml"):
            raise QueryError(f"CONSTRUCT/DESCRIBE results cannot be written as {fmt}; valid: turtle, jsonld, nt, rdfxml")
        triples = [ox.Triple(*(to_oxigraph(_xml_clean(t) if fmt == "rdfxml" else t) for t in tr)) for tr in sol.triples]
        oxf = {"turtle": "TURTLE", "jsonld": "JSON_LD", "nt": "N_TRIPLES", "rdfxml": "RDF_XML"}[fmt]
        return ox.serialize(triples, format=getattr(ox.RdfFormat, oxf), prefixes=TURTLE_PREFIXES if fmt == "turtle" else None)
    if fmt not in ("json", "xml", "csv", "tsv"):
        raise QueryError(f"{sol.form} results cannot be written as {fmt}; valid: json, xml, csv, tsv")
    if sol.form == "ASK":
        if fmt in ("csv", "tsv"):
            return b"true\n" if sol.boolean else b"false\n"
        data, read_as = (b'{"head":{},"boolean":true}' if sol.boolean else b'{"head":{},"boolean":false}'), "JSON"
    else:
        clean = _xml_clean if fmt == "xml" else (lambda t: t)
        lines = ["\t".join("?" + v for v in sol.vars)]
        lines += ["\t".join(nt_term(term_parts(clean(t)) if t is not None else None) for t in row) for row in sol.rows]
        data, read_as = ("\n".join(lines) + "\n").encode("utf-8"), "TSV"
    res = ox.parse_query_results(data, format=getattr(ox.QueryResultsFormat, read_as))
    body = res.serialize(format=getattr(ox.QueryResultsFormat, fmt.upper()))
    if fmt == "json":
        for c, esc in _JSON_INERT:
            body = body.replace(c, esc)
    return body


def _xml_clean(t):
    p = term_parts(t)
    if p[0] == "literal" and _XML_BAD.search(p[1]):
        return (p[0], _XML_BAD.sub("\ufffd", p[1]), p[2], p[3])
    return t
