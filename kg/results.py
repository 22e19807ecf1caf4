"""Query answers: :class:`Solutions`, and the answer written out, as text for ``kg query``
(:func:`format_solutions`) or as bytes in the SPARQL 1.1 results formats and RDF formats for
``kg serve`` (:func:`serialize_solutions`, with :func:`negotiate` choosing the format).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import QueryError
from .ns import SPARQL_PREFIXES, TURTLE_PREFIXES
from .terms import nt_term, term_parts, to_oxigraph

__all__ = ["Solutions", "RESULT_FORMATS", "FORMATS", "BY_FORM", "serialize_solutions", "format_solutions", "negotiate"]

#: ``kg query --format`` choices; a CONSTRUCT answer takes the first two only.
FORMATS = ("table", "csv", "tsv", "json")
CONSTRUCT_FORMATS = ("table", "json")
_XSD = SPARQL_PREFIXES["xsd"]


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


#: format name -> media type
RESULT_FORMATS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                  "jsonld": "application/ld+json", "nt": "application/n-triples", "rdfxml": "application/rdf+xml"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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


def _short(parts, width: int) -> str:
    if parts is None:
        return ""
    kind, value, dt, lang = parts
    if kind == "iri":
        for pfx, ns in (("kgd", SPARQL_PREFIXES["kgd"]), ("kg", SPARQL_PREFIXES["kg"]), ("xsd", _XSD)):
            if value.startswith(ns):
                value = f"{pfx}:{value[len(ns):]}"
                break
    # one line per row; no terminal control codes, no bidi overrides that would show text reversed
    value = re.sub(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]+", " ", value)
    return value if len(value) <= width else value[: width - 1] + "…"


def format_solutions(sol: Solutions, fmt: str = "table", hide: tuple[str, ...] = (), width: int = 60,
                     columns: tuple[str, ...] = ()) -> str:
    """The answer as text: ``table`` (aligned, IRIs shortened), or SPARQL CSV, TSV or JSON.

    Columns named in ``hide`` (the bound parameters) are left out; ``columns``
    keeps only those, in that order. CONSTRUCT answers print as Turtle (JSON-LD
    with ``json``).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if sol.form == "CONSTRUCT" and fmt not in CONSTRUCT_FORMATS:
        raise QueryError(f"--format {fmt} is for SELECT and ASK answers; a CONSTRUCT or DESCRIBE answer is a graph: "
                         f"valid: {', '.join(CONSTRUCT_FORMATS)} (table prints Turtle, json prints JSON-LD)")
    if sol.form == "CONSTRUCT":
        return serialize_solutions(sol, "jsonld" if fmt == "json" else "turtle").decode("utf-8")
    if sol.form == "SELECT" and columns:
        bad = [c for c in columns if c not in sol.vars]
        if bad:
            raise QueryError(f"no column {bad[0]!r} in the answer; columns: {', '.join(sol.vars)}")
    if sol.form == "SELECT" and (hide or columns):
        keep = [sol.vars.index(c) for c in columns] or [i for i, v in enumerate(sol.vars) if v not in hide]
        sol = Solutions("SELECT", sol.engine, [sol.vars[i] for i in keep],
                        [tuple(r[i] for i in keep) for r in sol.rows], overflow=sol.overflow)
    if fmt != "table":
        return serialize_solutions(sol, fmt).decode("utf-8")
    if sol.form == "ASK":
        return "true" if sol.boolean else "false"
    cells = [[_short(term_parts(t), width) for t in row] for row in sol.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(sol.vars)]
    line = lambda vals: " | ".join(x.ljust(w) for x, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(sol.vars), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    return "\n".join(out)


#: pyoxigraph's file extension of a format -> result format name (RESULT_FORMATS)
_BY_EXTENSION = {"srj": "json", "srx": "xml", "csv": "csv", "tsv": "tsv",
                 "ttl": "turtle", "jsonld": "jsonld", "nt": "nt", "rdf": "rdfxml"}
_SHORT = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
          "json-ld": "jsonld", "jsonld": "jsonld", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
          "rdf+xml": "rdfxml", "rdfxml": "rdfxml"}
BY_FORM = {"SELECT": ("json", "xml", "csv", "tsv"), "ASK": ("json", "xml", "csv", "tsv"),
            "CONSTRUCT": ("turtle", "jsonld", "nt", "rdfxml")}
_ALIASES = {"json": {"SELECT": "json", "CONSTRUCT": "jsonld"}, "xml": {"SELECT": "xml", "CONSTRUCT": "rdfxml"}}


def negotiate(form: str, accept: str | None, fmt: list[str]) -> str | None:
    """The result format for a query form, from ``format=`` parameters then the Accept header.

    >>> negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+xml", [])
    'xml'
    >>> negotiate("CONSTRUCT", "*/*", ["json"]), negotiate("SELECT", "image/png", [])
    ('jsonld', None)
    """
    form = "SELECT" if form == "ASK" else form
    ok = BY_FORM[form]
    for f in fmt:
        f = f.strip().lower()
        name = _ALIASES.get(f, {}).get(form) or _SHORT.get(f) or _media_format(f, form)
        if name in ok:
            return name
    if not accept:
        return ok[0]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = [x.strip() for x in part.split(";")]
        q = 1.0
        for o in opts:
            if o.startswith("q="):
                try:
                    q = float(o[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media.lower()))
    for negq, _, media in sorted(ranked):
        if negq == 0:
            break
        if media in ("*/*", "application/*", "text/*"):
            return ok[0] if media != "text/*" or form == "CONSTRUCT" else "csv"
        if _media_format(media, form) in ok:
            return _media_format(media, form)
    return None


def _media_format(media: str, form: str) -> str | None:
    """The result format pyoxigraph reads a media type as, for SELECT/ASK or CONSTRUCT answers."""
    import pyoxigraph as ox

    media = media.split(";")[0].strip()
    kind = ox.RdfFormat if form == "CONSTRUCT" else ox.QueryResultsFormat
    found = kind.from_media_type(media) if media else None
    return _BY_EXTENSION.get(found.file_extension) if found else None
