"""The shape of the code: no import circles among kg's modules, lazy imports inside functions included."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

import kg

PACKAGE = Path(kg.__file__).resolve().parent


def import_graph(package: Path) -> nx.DiGraph:
    """Module -> module it imports (anywhere in its file), for the modules of ``package``."""
    root, name = package.parent, package.name
    G = nx.DiGraph()

    def module(parts: list[str]) -> str | None:
        path = root.joinpath(*parts)
        if path.with_suffix(".py").is_file():
            return ".".join(parts)
        if (path / "__init__.py").is_file():
            return ".".join(parts)
        return None

    for f in package.rglob("*.py"):
        parts = list(f.relative_to(root).with_suffix("").parts)
        pkg = parts[:-1]  # the package a relative import starts from
        me = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        G.add_node(me)
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = (pkg[:len(pkg) - node.level + 1] if node.level else []) + (node.module or "").split(".")
                base = [p for p in base if p]
                targets = [module(base + [a.name]) or module(base) for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [module(a.name.split(".")) for a in node.names]
            else:
                continue
            G.add_edges_from((me, t) for t in targets if t and t.split(".")[0] == name and t != me)
    return G


def circles(package: Path) -> list[list[str]]:
    return sorted(sorted(c) for c in nx.strongly_connected_components(import_graph(package)) if len(c) > 1)


def test_kg_has_no_import_circles():
    assert circles(PACKAGE) == []


def test_the_import_graph_sees_kg_imports_of_every_form():
    G = import_graph(PACKAGE)
    assert G.has_edge("kg.nlp.context", "kg.nlp.marks")             # from .marks import x
    assert G.has_edge("kg.build.run", "kg.build.dask_runner")       # a lazy import inside a function
    assert G.has_edge("kg.nlp.context", "kg.records")               # from ..records import x
    assert G.has_edge("kg.nlp", "kg.nlp.pipeline")                  # a package's __init__


@pytest.mark.parametrize("a_imports, b_imports, circle", [
    ("from . import b\n", "", []),
    ("from . import b\n", "def f():\n    from .a import x\n", [["pkg.a", "pkg.b"]]),
    ("from .b import y\n", "from .a import x\n", [["pkg.a", "pkg.b"]]),
    ("import pkg.b\n", "from pkg import a\n", [["pkg.a", "pkg.b"]]),
])
def test_a_circle_is_found(tmp_path, a_imports, b_imports, circle):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text(a_imports)
    (pkg / "b.py").write_text(b_imports)
    assert circles(pkg) == circle


# --- sizes: modules read at once, functions short enough to read at once ---------------------

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def oversized(package: Path) -> list[str]:
    """Modules over MAX_MODULE_LINES lines and functions over MAX_FUNCTION_LINES lines (a
    function's lines run from its ``def`` to its last statement, docstring included)."""
    found = []
    for f in sorted(package.rglob("*.py")):
        text = f.read_text(encoding="utf-8")
        rel = f.relative_to(package.parent).as_posix()
        if text.count("\n") > MAX_MODULE_LINES:
            found.append(f"{rel}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    found.append(f"{rel}:{node.lineno} {node.name}(): {n} lines")
    return found


def test_no_module_or_function_is_too_long_to_read_at_once():
    assert oversized(PACKAGE) == []


def test_a_long_module_and_a_long_function_are_found(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "short.py").write_text("def f():\n" + "    x = 1\n" * 79)          # 80 lines: allowed
    (pkg / "long.py").write_text("def g():\n" + "    x = 1\n" * 80 + "y = 2\n" * 420)
    assert oversized(pkg) == ["pkg/long.py: 501 lines", "pkg/long.py:1 g(): 81 lines"]


def upstream_imports(G: nx.DiGraph) -> list[tuple[str, str]]:
    """Imports of the nlp stage from modules that come before it or do not extract (data flows one
    way: ingest -> nlp -> graph; only ``kg.nlp`` itself and ``kg.build``, which runs it, import it)."""
    inside = ("kg.nlp", "kg.build")
    return sorted((u, v) for u, v in G.edges() if v.split(".")[:2] == ["kg", "nlp"]
                  and not any(u == p or u.startswith(p + ".") for p in inside))


def test_only_the_build_imports_the_nlp_stage():
    assert upstream_imports(import_graph(PACKAGE)) == []


def test_an_upstream_import_is_found():
    G = nx.DiGraph([("kg.layout", "kg.nlp.vocab"), ("kg.build.run", "kg.nlp"), ("kg.nlp.people", "kg.nlp.names")])
    assert upstream_imports(G) == [("kg.layout", "kg.nlp.vocab")]
