"""Saved SPARQL queries (``kg/queries/**/*.rq``) and the one way to run a query: loaded, given
their parameters, and run on a store or an endpoint, with values passed as bindings.

``kg query`` runs QUERY (text, a ``.rq`` file or a saved query); ``kg facts``, ``kg review``,
``kg export`` and the page read their saved queries through :func:`run` and :func:`rows` too.
Parameter values become RDF terms (:func:`parse_term`): ``<iri>``, ``"text"@lang``,
``"2024-01-31"^^xsd:date`` or, for anything else, a plain string. Saved queries declare their
parameters in ``# @param NAME TYPE required|optional: help`` lines; declared types (string,
date, title, class, iri, integer) are checked here. ``NAME.ENGINE.rq`` holds the same query
shaped for one engine, when the engines need different shapes to plan it well.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .errors import QueryError
from .ns import SPARQL_PREFIXES
from .records import ENTITY_TYPES
from .results import Solutions
from .store import ENGINES, Store
from .terms import term_parts

__all__ = ["Param", "SavedQuery", "saved_queries", "query_text", "saved_query", "list_saved", "parse_term",
           "bind_params", "resolve", "expand_title", "run", "rows", "checked_local", "sentence_around"]

XSD = SPARQL_PREFIXES["xsd"]
KG_NS = SPARQL_PREFIXES["kg"]
_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)\s+(required|optional)\s*:?\s*(.*)$")
_TYPES = ("string", "date", "title", "class", "iri", "integer")


def _root():
    return resources.files("kg").joinpath("queries")


def saved_queries(folder: str = "") -> dict[str, str]:
    """Saved query names (``"facts/quotes"``) → their first comment line.

    ``NAME.ENGINE.rq`` files are not listed: they hold the same query shaped for
    one engine (see :func:`saved_query`).
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


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    help: str


@dataclass(frozen=True)
class SavedQuery:
    """A saved query: its name, one-line help, declared parameters and text."""

    name: str
    help: str
    params: tuple[Param, ...] = ()
    text: str = field(default="", repr=False)
    #: engine -> the same query written for that engine (``NAME.ENGINE.rq``), when the
    #: engines need different shapes to plan it well
    variants: dict = field(default_factory=dict, repr=False)

    def text_for(self, engine: str | None) -> str:
        """The text to run on ``engine``."""
        return self.variants.get(engine, self.text)


@lru_cache(maxsize=None)
def saved_query(name: str) -> SavedQuery:
    """The saved query ``name`` with its declared parameters."""
    text = query_text(name)
    params = []
    for line in text.splitlines():
        m = _PARAM.match(line.strip())
        if m:
            if m.group(2) not in _TYPES:
                raise QueryError(f"saved query {name}: parameter type {m.group(2)!r} is not one of {', '.join(_TYPES)}")
            params.append(Param(m.group(1), m.group(2), m.group(3) == "required", m.group(4).strip()))
    variants = {}
    for engine in ENGINES:
        try:
            variants[engine] = query_text(f"{name}.{engine}")
        except QueryError:
            pass
    return SavedQuery(name, saved_queries().get(name, ""), tuple(params), text, variants)


def list_saved() -> list[SavedQuery]:
    """Every saved query, the general ones first, then the facts view's."""
    names = sorted(saved_queries(), key=lambda n: ("/" in n, n))
    return [saved_query(n) for n in names]


_STR = r'"((?:[^"\\]|\\.)*)"'
_TERM = re.compile(rf"^{_STR}(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?:<([^<>\s]*)>|(\w*):(\w[\w.-]*)))?$", re.S)
_ESC = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf\"'\\])")


def _unescape(s: str) -> str:
    simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
    return _ESC.sub(lambda m: simple.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), s)


def parse_term(text: str) -> tuple:
    """An RDF term, as ``(kind, value, datatype, language)``, from a parameter value.

    >>> parse_term("<https://w3id.org/kgid/id/person/x>")[:2]
    ('iri', 'https://w3id.org/kgid/id/person/x')
    >>> parse_term('"2024-02-06"^^xsd:date')
    ('literal', '2024-02-06', 'http://www.w3.org/2001/XMLSchema#date', None)
    >>> parse_term('"ASN"@id'), parse_term("netralitas ASN")
    (('literal', 'ASN', None, 'id'), ('literal', 'netralitas ASN', None, None))
    """
    if text.startswith("<") and text.endswith(">") and len(text) > 2 and not re.search(r"[\s<>\"{}|^`\\]", text[1:-1]):
        return ("iri", text[1:-1], None, None)
    m = _TERM.match(text)
    if m:
        value, lang, dt, pfx, local = m.groups()
        if pfx is not None:
            if pfx not in SPARQL_PREFIXES:
                raise QueryError(f"unknown prefix {pfx}: in {text!r}; known: {', '.join(sorted(SPARQL_PREFIXES))}")
            dt = SPARQL_PREFIXES[pfx] + local
        if dt == XSD + "string":
            dt = None
        return ("literal", _unescape(value), dt, lang)
    return ("literal", text, None, None)


@lru_cache(maxsize=1)
def _title_words() -> list[tuple[re.Pattern, str]]:
    """Office abbreviations (kg/rules/titles.jsonl aliases) -> their full form, longest first."""
    import json

    pairs = []
    for line in resources.files("kg").joinpath("rules/titles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            pairs += [(a.rstrip("."), rec["pattern"]) for a in rec.get("aliases", []) if a.rstrip(".")]
    pairs.sort(key=lambda p: -len(p[0]))
    return [(re.compile(rf"(?<!\w){re.escape(a)}\.?(?!\w)", re.I), full) for a, full in pairs]


def expand_title(text: str) -> str:
    """``"Pj Wali Kota Malang"`` -> ``"Penjabat Wali Kota Malang"`` (from the rule files)."""
    out = text
    for pat, full in _title_words():
        out = pat.sub(full, out)
    return " ".join(out.split())


def _typed(p: Param, raw: str) -> tuple:
    import datetime

    if p.type == "date":
        value = parse_term(raw)[1]
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"--param {p.name}={raw!r}: not a date; write YYYY-MM-DD, e.g. 2024-02-06") from None
        return ("literal", value, XSD + "date", None)
    if p.type == "integer":
        value = parse_term(raw)[1]
        if not re.fullmatch(r"[+-]?\d+", value):
            raise QueryError(f"--param {p.name}={raw!r}: not an integer")
        return ("literal", value, XSD + "integer", None)
    if p.type == "class":
        name = raw.rsplit(":", 1)[-1].rsplit("#", 1)[-1].strip("<>")
        match = [c for c in ENTITY_TYPES if c.lower() == name.lower()]
        if not match:
            raise QueryError(f"--param {p.name}={raw!r}: not a class; valid: {', '.join(ENTITY_TYPES)}")
        return ("iri", KG_NS + match[0], None, None)
    if p.type == "iri":
        t = parse_term(raw)
        if t[0] == "iri":
            return t
        pfx, _, local = raw.partition(":")
        if pfx in SPARQL_PREFIXES and local:
            return ("iri", SPARQL_PREFIXES[pfx] + local, None, None)
        if re.match(r"^[a-z][a-z0-9+.-]*://\S+$", raw, re.I):
            return ("iri", raw, None, None)
        raise QueryError(f"--param {p.name}={raw!r}: not an IRI; write <https://...> or kgd:...")
    t = parse_term(raw)
    if p.type == "title" and t[0] == "literal":
        return ("literal", expand_title(t[1]), t[2], t[3])
    return t


def bind_params(sq: SavedQuery | None, raw: dict[str, str]) -> dict[str, tuple]:
    """Parameter values (text) -> bindings (variable name -> term parts), checked against ``sq``."""
    if sq is None or not sq.params:
        if sq is not None and raw:
            raise QueryError(f"saved query {sq.name} takes no parameters")
        return {k: parse_term(v) for k, v in raw.items()}
    declared = {p.name: p for p in sq.params}
    unknown = sorted(set(raw) - set(declared))
    if unknown:
        raise QueryError(f"saved query {sq.name} has no parameter {unknown[0]!r}; valid: {', '.join(declared)}")
    missing = [p.name for p in sq.params if p.required and p.name not in raw]
    if missing:
        raise QueryError(f"saved query {sq.name} needs --param {missing[0]}=... ({declared[missing[0]].help})")
    return {k: _typed(declared[k], v) for k, v in raw.items()}


def resolve(spec: str) -> tuple[str, SavedQuery | None]:
    """QUERY as given on the command line -> (SPARQL text, saved query or None).

    An existing file wins, then a saved query name (``facts/quotes`` too), then a path-like
    name (``.rq``, ``.sparql`` or with a folder) that must be a file, then SPARQL text.
    """
    names = saved_queries()
    looks_like_file = spec.endswith((".rq", ".sparql")) or os.path.sep in spec and not re.search(r"[{}\s]", spec)
    if looks_like_file and (os.path.isfile(spec) or spec not in names):
        try:
            with open(spec, encoding="utf-8") as f:
                return f.read(), None
        except OSError as e:
            raise QueryError(f"{spec}: cannot read query file ({e.strerror}); saved queries: "
                             f"{', '.join(sorted(names))}") from None
    if spec in names:
        sq = saved_query(spec)
        return sq.text, sq
    if re.fullmatch(r"[\w/-]+", spec.strip()):
        raise QueryError(f"unknown saved query {spec!r}; valid names: {', '.join(sorted(names))}")
    return spec, None


def sentence_around(before: str, span: str, after: str) -> str:
    """The span widened to whole sentences: back to the previous sentence end or line
    break in ``before``, on to the next one in ``after``.

    >>> sentence_around("Lalu. Menurutnya, ", "ASN harus netral.", " Kalimat lain.")
    'Menurutnya, ASN harus netral.'
    >>> sentence_around("\\n“", "Kami siap,", "” kata X. Lalu pulang.")
    '“Kami siap,” kata X.'
    """
    starts = [m.end() for m in re.finditer(r"[.!?…][\"”’)]*\s+|\n", before)]
    head = before[starts[-1]:] if starts else before
    if re.search(r"[.!?…][\"”’)]*$", span):
        m = re.match(r"[\"”’)]*", after)
    else:
        m = re.search(r"[.!?…][\"”’)]*(?=\s|$)|(?=\n)", after)
    tail = after[:m.end()] if m else after
    return (head + span + tail).strip()


def _quote_sentences(sol: Solutions) -> Solutions:
    """quote_source: replace (span, before, after) by the sentence, computed in Python."""
    idx = {v: i for i, v in enumerate(sol.vars)}
    keep = [v for v in sol.vars if v not in ("before", "after")]
    rows = []
    for row in sol.rows:
        parts = {v: term_parts(row[i]) for v, i in idx.items()}
        text = lambda v: parts[v][1] if parts[v] else ""  # noqa: E731
        sentence = ("literal", sentence_around(text("before"), text("span"), text("after")), None, None)
        rows.append(tuple(row[idx[v]] for v in keep) + (sentence,))
    return Solutions(sol.form, sol.engine, keep + ["sentence"], rows, overflow=sol.overflow)


_POST = {"quote_source": _quote_sentences}


def checked_local(text: str, allow_service: bool = False) -> str:
    """The text to run on a local graph: parsed first, updates refused, and ``SERVICE`` (a call
    to another endpoint, made from this machine) refused unless ``allow_service``."""
    from .sparql import check

    if allow_service:  # the engine itself still refuses updates: they do not parse as queries
        return text
    checked = check(text)
    if checked.form == "UPDATE":
        raise QueryError("this is a SPARQL update; kg query only reads (the graph is read-only here)")
    if checked.service:
        raise QueryError("the query calls another endpoint with SERVICE; kg query makes no network calls "
                         "unless given --allow-service")
    return checked.text


def run(target, spec: str | SavedQuery, params: dict[str, str] | None = None, max_rows: int | None = None,
        allow_service: bool = False) -> tuple[Solutions, SavedQuery | None]:
    """Run QUERY ``spec`` (as :func:`resolve` reads it, or a :class:`SavedQuery`) on ``target``: a
    :class:`kg.store.Store`, or any object with its ``execute`` (:class:`kg.endpoint.Endpoint`).

    ``params`` are the parameter values as text (:func:`bind_params`). Queries that are not
    saved ones are checked first on a local store (:func:`checked_local`).
    Returns ``(Solutions, SavedQuery or None)``.
    """
    text, sq = (spec.text, spec) if isinstance(spec, SavedQuery) else resolve(spec)
    bindings = bind_params(sq, params or {})
    if sq is not None:
        text = sq.text_for(getattr(target, "engine", None))
    elif isinstance(target, Store):
        text = checked_local(text, allow_service)
    sol = target.execute(text, bindings, max_rows=max_rows)
    if sq is not None and sq.name in _POST and sol.form == "SELECT":
        sol = _POST[sq.name](sol)
    return sol, sq


def rows(target, name: str, **params: str) -> Iterator[dict[str, str | None]]:
    """The rows of saved query ``name`` run on ``target`` (:func:`run`), as ``{variable: value
    text, None when unbound}``: an IRI's text, a literal's lexical form."""
    sol, _ = run(target, saved_query(name), params)
    for row in sol.rows:
        yield {v: None if t is None else term_parts(t)[1] for v, t in zip(sol.vars, row)}
