"""The read-only guard of ``kg serve`` and ``kg query``: :func:`check` parses any SPARQL request
with rdflib's grammar (nothing is run) and says whether it is an update, calls ``SERVICE``,
names ``file:`` IRIs or uses undeclared prefixes; :func:`declare` and :func:`inline_values`
write a checked query so that any standard endpoint reads it. Saved queries live in
:mod:`kg.query`. This module imports rdflib's parser only, never spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import QueryError

__all__ = ["query_form", "check", "canonical", "declare", "inline_values", "Checked", "PARSE_DEPTH", "MAX_NESTING"]


#: Python frames the parser may use; rdflib's grammar recurses once per nesting level and once per
#: triple pattern of a group: the default (1,000) refuses 40 nested groups or 300 triple patterns; this
#: allows a few hundred of either (not 1,000 patterns in one group), and refuses 10,000 nested groups
#: in well under a second.
PARSE_DEPTH = 10_000
#: Brackets (``{`` and ``(``) a query may nest. Deeper ones are refused before the parser runs: the
#: parser fails on a few hundred anyway (see above), after recursing for a quarter of a second or more.
MAX_NESTING = 256
#: Strings, IRIs and comments (which may hold any bracket) and the brackets outside them.
_BRACKETS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                       r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{}()]')
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


@dataclass(frozen=True)
class Checked:
    """What a SPARQL request does, read from its parse tree (nothing is run).

    ``text`` is the text that was parsed: run that one, so that what was checked is what runs.
    """

    text: str
    form: str  #: SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE
    service: bool = False  #: a SERVICE anywhere (OPTIONAL, UNION, subquery, EXISTS, ...)
    file_iris: tuple[str, ...] = ()
    undeclared: tuple[str, ...] = ()  #: prefixes used without a PREFIX declaration


def canonical(text: str) -> str:
    r"""``text`` as every SPARQL parser reads it: ``\u`` escapes expanded first (SPARQL 1.1,
    section 19.2), then ``\r\n`` and ``\r`` written as ``\n`` (a comment ends at either).

    Parsers disagree on both (rdflib ends a comment only at ``\n``, Oxigraph also at ``\r``, and
    only rdflib expands escapes outside strings), so the guard and the engine get this one text.

    >>> canonical("SELECT * { # x\rSERVICE <http://e/> {} }")
    'SELECT * { # x\nSERVICE <http://e/> {} }'
    >>> canonical(r"\u0053ELECT * {}")
    'SELECT * {}'
    """
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes as expand

    try:
        out = expand(text)
    except ValueError:
        raise QueryError("a \\u escape names no Unicode character") from None
    if expand(out) != out:  # rdflib would expand again what the engine reads as written
        raise QueryError("a \\u escape spells another \\u escape; write the character itself")
    return out.replace("\r\n", "\n").replace("\r", "\n")


def _nesting(text: str) -> int:
    """How deep brackets nest in ``text``, outside strings, IRIs and comments.

    >>> _nesting("SELECT * { ?s ?p '{{{' FILTER((?o > 1)) } # {{{")
    3
    """
    depth = top = 0
    for m in _BRACKETS.finditer(text):
        c = m.group()
        if c in "{(":
            depth += 1
            top = max(top, depth)
        elif c in "})":
            depth -= 1
    return top


def _nodes(tree):
    """Every node of an rdflib parse tree, without recursion (trees can be deep)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):  # CompValue
            stack.extend(dict.values(node))
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(list(node))


@lru_cache(maxsize=256)
def check(text: str) -> Checked:
    """Parse ``text`` with rdflib's SPARQL 1.1 grammar and say what it does (cached by text: the
    answer is frozen, and a saved query is checked again each time it runs).

    Raises :class:`QueryError` (with line and column) when it parses neither as a query nor
    as an update, or nests too deeply for the parser.

    >>> c = check("SELECT * { ?s <http://e/p> 'SERVICE' OPTIONAL { SERVICE <http://e/> {} } }")
    >>> c.form, c.service, check("select * { ?s kg:p 1 }").undeclared
    ('SELECT', True, ('kg',))
    >>> check("LOAD <http://e/x>").form
    'UPDATE'
    """
    import sys

    from pyparsing import ParseException
    from rdflib import URIRef
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    text = canonical(text)
    if _nesting(text) > MAX_NESTING:
        raise QueryError(f"the query nests too deeply (more than {MAX_NESTING} brackets inside each other) for "
                         "the SPARQL parser; split it")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, PARSE_DEPTH))
    try:
        try:
            tree = parseQuery(text)
            form = _FORMS.get(getattr(tree[1], "name", ""), "SELECT")
        except ParseException as e:
            try:
                tree, form = parseUpdate(text), "UPDATE"
            except ParseException:
                near = e.line[e.col - 1:e.col + 29].strip()
                where = f"near {near!r}" if near else "at the end of the query"
                raise QueryError(f"SPARQL syntax error at line {e.lineno}, column {e.col}, {where}: "
                                 f"{e.msg.replace('Expected ', 'expected ')}") from None
        nodes = list(_nodes(tree))
    except QueryError:
        raise
    except RecursionError:
        raise QueryError("the query nests too deeply, or has too many triple patterns in one group, for the "
                         "SPARQL parser; split it") from None
    except Exception as e:  # noqa: BLE001 - rdflib's parse actions raise other kinds (e.g. on some SERVICE forms)
        raise QueryError(f"SPARQL syntax error: the parser could not read the query ({type(e).__name__})") from None
    finally:
        sys.setrecursionlimit(limit)
    names = [getattr(n, "name", None) for n in nodes]
    declared = {n.get("prefix") or "" for n, name in zip(nodes, names) if name == "PrefixDecl"}
    used = {n.get("prefix") or "" for n, name in zip(nodes, names) if name == "pname"}
    files = sorted({str(n) for n in nodes if isinstance(n, URIRef) and str(n)[:5].lower() == "file:"})
    return Checked(text, form, "ServiceGraphPattern" in names, tuple(files), tuple(sorted(used - declared)))


def declare(checked: Checked, prefixes: dict[str, str]) -> str:
    """The checked text with a PREFIX line for each prefix it uses from ``prefixes`` without declaring it,
    so that any standard endpoint reads it; an undeclared prefix not in ``prefixes`` is a QueryError.

    >>> declare(check("SELECT * { ?s a kg:Person }"), {"kg": "https://w3id.org/kgid/ns#"}).splitlines()[0]
    'PREFIX kg: <https://w3id.org/kgid/ns#>'
    """
    unknown = [p for p in checked.undeclared if p not in prefixes]
    if unknown:
        raise QueryError(f"unknown prefix {unknown[0]}: (declare it with PREFIX {unknown[0]}: <...>); "
                         f"known without a declaration: {', '.join(sorted(prefixes))}")
    lines = [f"PREFIX {p}: <{prefixes[p]}>\n" for p in checked.undeclared]
    return "".join(lines) + checked.text


#: One step of the scan in :func:`inline_values`: a comment, a string, an IRI, a brace, a word,
#: a variable or any other character.
_SCAN = re.compile(r"""#[^\n]*|'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
                   r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\x00-\x20]*>"""
                   r"""|[A-Za-z_]+|[?$]\w+|\S""")


def inline_values(checked: Checked, terms: dict[str, str]) -> str:
    """The checked text with ``VALUES ?name { term }`` opening every group graph pattern, for each
    ``name -> term`` (terms in N-Triples syntax, e.g. from :func:`kg.terms.nt_term`).

    This is how a parameter reaches an endpoint that applies no bindings (SPARQL 1.1 has no
    protocol for them). A one-row VALUES join never changes how many rows a group gives; it
    binds the variable, so every FILTER and triple pattern in every group (UNION branches,
    OPTIONAL, subqueries, EXISTS) sees the value, as a pre-bound variable does. A group that
    is a subquery gets it inside the subquery's own WHERE group; VALUES data blocks and
    CONSTRUCT templates are left alone. The scan skips comments, strings and IRIs, and the
    result is parsed again by :func:`check`, so a mistake is a QueryError, never a different query.

    >>> t = inline_values(check("SELECT ?n { { SELECT ?n { ?s ?p ?n } } UNION { FILTER(?n = '{') } }"),
    ...                   {"n": '"x"'})
    >>> t.count('VALUES ?n { "x" }'), "SELECT ?n { VALUES" in t
    (3, True)
    """
    if not terms:
        return checked.text
    for name, term in terms.items():
        if re.search(r"\\\\[uU]", term):  # an escaped backslash before u: read as a \u escape
            raise QueryError(f"the value of {name} holds a backslash before 'u', which SPARQL reads as a \\u "
                             "escape before parsing; an endpoint cannot be sent it (a local graph can)")
    terms = {k: canonical(v) for k, v in terms.items()}  # \u escapes of control characters written out
    text = checked.text
    block = " " + " ".join(f"VALUES ?{k} {{ {v} }}" for k, v in terms.items()) + " "
    tokens = [(m.start(), m.group()) for m in _SCAN.finditer(text) if m.group()[0] != "#"]
    at, data = [], False
    for i, (pos, tok) in enumerate(tokens):
        if tok == "{" and not data:
            before = [t.upper() for _, t in tokens[max(0, i - 2):i]]
            after = tokens[i + 1][1].upper() if i + 1 < len(tokens) else ""
            values_block = "VALUES" in before and before[-1][:1] in ")?$"
            if values_block or before[-1:] in (["CONSTRUCT"], ["DATA"]):
                data = True  # a data block or a template: no group inside
            elif after != "SELECT":
                at.append(pos + 1)
        elif tok == "}":
            data = False
    for pos in reversed(at):
        text = text[:pos] + block + text[pos:]
    return check(text).text


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE, from the parse tree.

    >>> query_form("# SELECT in a comment\\nPREFIX kg: <https://w3id.org/kgid/ns#> ASK { ?s ?p ?o }")
    'ASK'
    """
    return check(text).form
