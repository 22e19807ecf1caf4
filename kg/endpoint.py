"""A remote SPARQL 1.1 endpoint as a query target (``kg query --endpoint``): the same
``execute`` as a :class:`kg.store.Store`, over HTTP."""
from __future__ import annotations

import re

from .errors import QueryError
from .ns import SPARQL_PREFIXES
from .results import Solutions
from .sparql import check, declare, inline_values
from .terms import XSD_STRING, nt_term, term_parts, to_rdflib

__all__ = ["Endpoint"]


class Endpoint:
    """A remote SPARQL 1.1 endpoint with the same ``execute`` as a store.

    The query is sent as any standard endpoint reads it: the prefixes a local query may use
    without declaring them (:data:`kg.ns.SPARQL_PREFIXES`) are declared in its text, and
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

        checked = check(sparql)
        form = checked.form
        if form == "UPDATE":
            raise QueryError("this is a SPARQL update; kg query only reads")
        terms = {k: nt_term(term_parts(v) if type(v) is tuple else _parts(v)) for k, v in (bindings or {}).items()}
        fields = [("query", declare(check(inline_values(checked, terms)), SPARQL_PREFIXES))]
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
    return term_parts(to_rdflib(v))


def _from_json(b):
    if b is None:
        return None
    kind = {"uri": "iri", "bnode": "bnode"}.get(b["type"], "literal")
    dt = b.get("datatype")
    return (kind, b["value"], None if dt == XSD_STRING else dt, b.get("xml:lang"))
