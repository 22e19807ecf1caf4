"""Commands that do not extract never import spaCy (nor kg.nlp or kg.build.run): each runs for
real in a fresh interpreter, which then reports the modules it loaded."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import json, sys
args = json.loads(sys.argv[1])
if args and args[0] == "serve":  # bind and load for real, then stop instead of serving forever
    import kg.serve as serve
    make = serve.make_server
    def make_once(cfg):
        srv = make(cfg)
        srv.serve_forever = lambda *a, **k: None
        return srv
    serve.make_server = make_once
code = 0
if args is not None:
    from kg.cli import main
    try:
        main(args, standalone_mode=False)
    except SystemExit as e:
        code = e.code or 0
else:
    import kg.cli  # noqa: F401
heavy = sorted(m for m in sys.modules if m.split(".")[0] == "spacy" or m in ("kg.nlp", "kg.build.run"))
print(json.dumps({"code": code, "heavy": heavy}))
"""


def run(args) -> dict:
    p = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(args)], capture_output=True, text=True,
                       cwd=ROOT, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def graph(seeds_build):
    out, _ = seeds_build
    return str(out / "graph.ttl")


CASES = [
    ("import", None, None),
    ("help", ["--help"], None),
    ("facts", ["facts", "{graph}"], None),
    ("validate", ["validate", "{graph}"], None),
    ("query", ["query", "{graph}", "SELECT ?p WHERE { ?p a kg:Person } LIMIT 3", "--format", "csv"], None),
    ("export", ["export", "{graph}", "--format", "nt", "--out", "{tmp}/g.nt"], "g.nt"),
    ("viz", ["viz", "{graph}", "--out", "{tmp}/g.html"], "g.html"),
    ("analyze", ["analyze", "{graph}", "--out", "{tmp}/analysis"], "analysis/report.md"),
    ("serve", ["serve", "{graph}", "--port", "0"], None),
]


@pytest.mark.parametrize("name,args,made", CASES, ids=[c[0] for c in CASES])
def test_command_does_not_import_spacy(name, args, made, graph, tmp_path):
    if args is not None:
        args = [a.replace("{graph}", graph).replace("{tmp}", str(tmp_path)) for a in args]
    res = run(args)
    assert res["code"] in (0, None), res
    assert res["heavy"] == [], f"kg {name} imported {res['heavy'][:5]}"
    if made:
        assert (tmp_path / made).is_file()


def test_build_does_import_spacy(tmp_path):
    """The check can fail: the one command that extracts loads spaCy."""
    res = run(["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--no-page", "--quiet"])
    assert res["code"] == 0
    assert "spacy" in res["heavy"] and "kg.nlp" in res["heavy"]


@pytest.mark.parametrize("args, code, said", [
    (["build", "seeds/000_e0bff6996c8bf87f.txt", "--out", "{out}", "--quiet"], 0, ""),
    (["build", "no-such-folder", "--out", "{out}"], 2, "no-such-folder: no such file or folder"),  # counter-example
])
def test_the_kg_command_exits_as_main_says_and_flushes_its_output(tmp_path, args, code, said):
    """The console script (``kg = kg.cli:run``, which freezes the garbage collector at exit) gives main's exit
    status and everything main printed."""
    args = [a.format(out=tmp_path / "out") for a in args]
    p = subprocess.run([sys.executable, "-c", "import sys; from kg.cli import run; sys.argv[0] = 'kg'; run()", *args],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert p.returncode == code, p.stderr[-2000:]
    assert said in p.stderr
    assert (tmp_path / "out" / "graph.ttl").exists() == (code == 0)
    assert "kg = kg.cli:run" in (ROOT / "setup.cfg").read_text(encoding="utf-8")
