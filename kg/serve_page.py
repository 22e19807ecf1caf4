"""The query page of ``kg serve``: YASGUI (``@zazuko/yasgui``, MIT, vendored in kg/templates)
served by kg serve itself, with the saved queries as examples and kg's prefixes declared."""
from __future__ import annotations

from functools import lru_cache

__all__ = ["ASSETS", "YASGUI_VERSION", "PAGE_CSP", "asset", "page"]

#: the query page's files, served from kg/templates: name -> media type
ASSETS = {"yasgui.min.js": "text/javascript; charset=utf-8", "yasgui.min.css": "text/css; charset=utf-8",
          "query.js": "text/javascript; charset=utf-8"}
YASGUI_VERSION = "@zazuko/yasgui 4.6.2"
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=None)
def asset(name: str) -> bytes:
    """A file of the query page (kg/templates), as bytes."""
    from importlib import resources

    return resources.files("kg").joinpath("templates", name).read_bytes()


def page(triples: int, engine: str) -> bytes:
    """The query page at ``/``: YASGUI (vendored, served from here) on ``/sparql``, the saved
    queries as examples and kg's prefixes declared in the first query; nothing from elsewhere."""
    import json

    from .query import list_saved
    from .ns import SPARQL_PREFIXES

    def safe(obj) -> str:
        return json.dumps(obj).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    examples = {q.name: q.text for q in list_saved() if "/" not in q.name}
    prefixes = {p: ns for p, ns in sorted(SPARQL_PREFIXES.items()) if p in ("kg", "kgd", "xsd")}
    html = asset("query.html").decode("utf-8")
    return (html.replace("%TRIPLES%", f"{triples:,}").replace("%ENGINE%", engine)
            .replace("%YASGUI_VERSION%", YASGUI_VERSION).replace("%PREFIXES%", safe(prefixes))
            .replace("%EXAMPLES%", safe(examples))).encode("utf-8")
