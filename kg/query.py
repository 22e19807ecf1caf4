"""``kg query``: run SPARQL (text, a ``.rq`` file or a saved query) on a graph file
or on any SPARQL endpoint, with values passed as bindings, and format the answer.

Parameter values become RDF terms (:func:`parse_term`): ``<iri>``, ``"text"@lang``,
``"2024-01-31"^^xsd:date`` or, for anything else, a plain string. Saved queries
declare their parameters in ``# @param NAME TYPE required|optional: help`` lines;
declared types (string, date, title, class, iri, integer) are checked here.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import QueryError
from .store import ENGINES, PREFIXES, Solutions, nt_term, term_parts

__all__ = ["Param", "SavedQuery", "saved_query", "list_saved", "parse_term", "bind_params", "resolve", "expand_title",
           "run", "checked_local", "Endpoint", "format_solutions", "sentence_around", "negotiate", "FORMATS", "BY_FORM"]

FORMATS = ("table", "csv", "tsv", "json")
CONSTRUCT_FORMATS = ("table", "json")
XSD = "http://www.w3.org/2001/XMLSchema#"
KG_NS = PREFIXES["kg"]
CLASSES = ("Person", "Agency", "Policy", "Event", "Place")
_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)\s+(required|optional)\s*:?\s*(.*)$")
_TYPES = ("string", "date", "title", "class", "iri", "integer")


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
    from .sparql import query_text, saved_queries

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
    from .sparql import saved_queries

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
            if pfx not in PREFIXES:
                raise QueryError(f"unknown prefix {pfx}: in {text!r}; known: {', '.join(sorted(PREFIXES))}")
            dt = PREFIXES[pfx] + local
        if dt == XSD + "string":
            dt = None
        return ("literal", _unescape(value), dt, lang)
    return ("literal", text, None, None)


@lru_cache(maxsize=1)
def _title_words() -> list[tuple[re.Pattern, str]]:
    """Office abbreviations (kg/rules/titles.jsonl aliases) -> their full form, longest first."""
    import json
    from importlib import resources

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
        match = [c for c in CLASSES if c.lower() == name.lower()]
        if not match:
            raise QueryError(f"--param {p.name}={raw!r}: not a class; valid: {', '.join(CLASSES)}")
        return ("iri", KG_NS + match[0], None, None)
    if p.type == "iri":
        t = parse_term(raw)
        if t[0] == "iri":
            return t
        pfx, _, local = raw.partition(":")
        if pfx in PREFIXES and local:
            return ("iri", PREFIXES[pfx] + local, None, None)
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
    from .sparql import saved_queries

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


def run(target, spec: str, params: dict[str, str] | None = None, max_rows: int | None = None,
        allow_service: bool = False):
    """Run QUERY ``spec`` on ``target`` (a :class:`kg.store.Store` or :class:`Endpoint`).

    Queries that are not saved ones are checked first on a local store (:func:`checked_local`).
    Returns ``(Solutions, SavedQuery or None)``.
    """
    text, sq = resolve(spec)
    bindings = bind_params(sq, params or {})
    if sq is not None:
        text = sq.text_for(getattr(target, "engine", None))
    elif not isinstance(target, Endpoint):
        text = checked_local(text, allow_service)
    sol = target.execute(text, bindings, max_rows=max_rows)
    if sq is not None and sq.name in _POST and sol.form == "SELECT":
        sol = _POST[sq.name](sol)
    return sol, sq


class Endpoint:
    """A remote SPARQL 1.1 endpoint with the same ``execute`` as a store.

    The query is sent as any standard endpoint reads it: the prefixes a local query may use
    without declaring them (:data:`kg.store.PREFIXES`) are declared in its text, and
    bindings are written into it as one-row ``VALUES`` blocks (:func:`kg.sparql.inline_values`),
    since SPARQL 1.1 has no protocol for bindings.
    """

    def __init__(self, url: str, timeout: float = 60.0):
        if not re.match(r"^https?://", url):
            raise QueryError(f"endpoint {url!r} is not an http(s) URL")
        self.url, self.timeout, self.engine = url, timeout, f"endpoint {url}"

    def execute(self, sparql: str, bindings: dict | None = None, max_rows: int | None = None) -> Solutions:
        import json
        import urllib.error
        import urllib.parse
        import urllib.request

        from .sparql import check, declare, inline_values

        checked = check(sparql)
        form = checked.form
        if form == "UPDATE":
            raise QueryError("this is a SPARQL update; kg query only reads")
        terms = {k: nt_term(term_parts(v) if type(v) is tuple else _parts(v)) for k, v in (bindings or {}).items()}
        fields = [("query", declare(check(inline_values(checked, terms)), PREFIXES))]
        accept = "application/n-triples" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
        req = urllib.request.Request(self.url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                body, ctype = r.read(), r.headers.get("Content-Type", "")
        except urllib.error.HTTPError as e:
            msg = e.read(2000).decode("utf-8", "replace").strip().splitlines()
            raise QueryError(f"{self.url} answered {e.code}: {msg[0] if msg else e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            raise QueryError(f"cannot reach {self.url}: {getattr(e, 'reason', e)}") from None
        if "n-triples" in ctype or "turtle" in ctype:
            import pyoxigraph as ox

            fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in ctype else ox.RdfFormat.TURTLE
            triples = [(t.subject, t.predicate, t.object) for t in ox.parse(body, format=fmt)]
            return Solutions("CONSTRUCT", self.engine, triples=triples)
        try:
            data = json.loads(body)
        except ValueError:
            raise QueryError(f"{self.url} answered {ctype or 'no content type'}, not SPARQL JSON results") from None
        if "boolean" in data:
            return Solutions("ASK", self.engine, boolean=bool(data["boolean"]))
        names = data["head"]["vars"]
        rows = [tuple(_from_json(b.get(v)) for v in names) for b in data["results"]["bindings"]]
        over = max_rows is not None and max_rows > 0 and len(rows) > max_rows
        return Solutions("SELECT", self.engine, names, rows[:max_rows] if over else rows, overflow=over)


def _parts(v):
    from .store import to_rdflib

    return term_parts(to_rdflib(v))


def _from_json(b):
    if b is None:
        return None
    kind = {"uri": "iri", "bnode": "bnode"}.get(b["type"], "literal")
    dt = b.get("datatype")
    return (kind, b["value"], None if dt == XSD + "string" else dt, b.get("xml:lang"))


def _short(parts, width: int) -> str:
    if parts is None:
        return ""
    kind, value, dt, lang = parts
    if kind == "iri":
        for pfx, ns in (("kgd", PREFIXES["kgd"]), ("kg", KG_NS), ("xsd", XSD)):
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
    from .store import serialize_solutions

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


#: pyoxigraph's file extension of a format -> result format name (kg.store.RESULT_FORMATS)
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
