"""Real triple stores: the seeds graph pushed into an Oxigraph server (the ``oxigraph`` command
from PyPI, in the test extra) answers every saved query as ``kg query`` answers it locally, with
and without the server's union default graph."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.query import list_saved

#: Sample values for the saved queries' parameters; each gives rows on the seeds graph.
SAMPLES = [
    ("agency_policies", {"agency": "bkn"}),
    ("co_mentioned", {"entity": "bkn", "type": "Agency"}),
    ("co_mentioned", {"type": "Agency"}),
    ("events_between", {"from": "2024-01-01", "to": "2024-12-31"}),
    ("office_holders", {"office": "kepala"}),
    ("officials_by_agency", {"agency": "malang"}),
    ("quote_source", {"person": "a"}),
    ("quotes_by", {"person": "a"}),
    ("said_about", {"topic": "netralitas"}),
]
#: Every saved query without parameters (those that need none), then with the samples.
CASES = [(sq.name, {}) for sq in list_saved() if not any(p.required for p in sq.params)] + SAMPLES

#: server flags, ``kg push`` flags, suffix of the query URL
MODES = {
    # named graphs only; the server's default graph is the union of all graphs
    "union-default-graph": (["--union-default-graph"], ["--per-document"], ""),
    # named graphs only; the union asked for per query (Oxigraph's union-default-graph parameter)
    "union-per-query": ([], ["--per-document"], "?union-default-graph"),
    # a store that queries its default graph only: everything pushed into the default graph
    "default-graph": ([], [], ""),
}


def _oxigraph() -> str:
    exe = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph; it is in the test extra)")
    return exe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """``oxigraph serve`` (in memory) or another server command ``args``, on 127.0.0.1; :meth:`stop` stops it."""

    def __init__(self, *args: str):
        args = args or ("serve",)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([_oxigraph(), *args, "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(200):  # up to ~20 s
            try:
                with urllib.request.urlopen(self.url + "/query?query=ASK%7B%7D", timeout=1):
                    return
            except (urllib.error.URLError, OSError):
                if self.proc.poll() is not None:
                    raise RuntimeError(f"oxigraph serve exited: {self.proc.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph serve did not answer within 20 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stderr.close()


def _push(graph: Path, url: str, *flags: str) -> None:
    r = CliRunner().invoke(main, ["push", str(graph), "--endpoint", url + "/store", *flags])
    assert r.exit_code == 0, r.output


@pytest.fixture(scope="module", params=sorted(MODES))
def store(request, seeds_build):
    """(query URL, graph file): the seeds graph pushed into a fresh server in one mode."""
    server_flags, push_flags, suffix = MODES[request.param]
    graph = seeds_build[0] / "graph.ttl"
    s = OxigraphServer("serve", *server_flags)
    try:
        _push(graph, s.url, *push_flags)
        yield s.url + "/query" + suffix, graph
    finally:
        s.stop()


def _rows(stdout: str) -> list[str]:
    """The rows of SPARQL JSON results, each as canonical JSON, sorted. SPARQL defines neither the
    order of rows that ORDER BY ties nor the order GROUP_CONCAT joins values in ("a; b" or "b; a"):
    both are put in one order here."""
    def cell(term: dict) -> dict:
        if term.get("type") == "literal" and "; " in term["value"]:
            term = {**term, "value": "; ".join(sorted(term["value"].split("; ")))}
        return term

    rows = json.loads(stdout)["results"]["bindings"]
    return sorted(json.dumps({k: cell(v) for k, v in b.items()}, sort_keys=True, ensure_ascii=False) for b in rows)


def _answers(args: list[str]) -> list[str]:
    """The rows ``kg query ... --format json`` prints (see :func:`_rows`)."""
    r = CliRunner().invoke(main, ["query", *args, "--format", "json"])
    if r.exit_code != 0:
        raise AssertionError(r.output)
    return _rows(r.stdout)


def _spec(name: str) -> str:
    """What to give ``kg query`` for a saved query: its name, or for facts/* its .rq file."""
    return str(Path(kg.__file__).parent / "queries" / f"{name}.rq") if "/" in name else name


def _param_args(params: dict) -> list[str]:
    return [a for k, v in params.items() for a in ("--param", f"{k}={v}")]


@pytest.mark.parametrize("name,params", CASES, ids=[f"{n}-{'-'.join(p) or 'all'}" for n, p in CASES])
def test_saved_query_answers_from_oxigraph_equal_the_local_ones(store, name, params):
    url, graph = store
    here = _answers([str(graph), _spec(name), *_param_args(params)])
    r = CliRunner().invoke(main, ["query", "--endpoint", url, _spec(name), *_param_args(params), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert _rows(r.stdout) == here
    if name in ("network_nodes", "network_edges", "co_mentioned", "office_holders", "said_about"):
        assert here, f"{name} gives rows on the seeds graph"


def test_named_graphs_alone_are_invisible_to_a_default_graph_query(seeds_build):
    """The counter-example the modes above avoid: named graphs, no union, nothing answers."""
    graph = seeds_build[0] / "graph.ttl"
    s = OxigraphServer()
    try:
        _push(graph, s.url, "--per-document")
        assert _answers(["--endpoint", s.url + "/query", "network_nodes"]) == []
        assert _answers(["--endpoint", s.url + "/query?union-default-graph", "network_nodes"]) \
            == _answers([str(graph), "network_nodes"]) != []
    finally:
        s.stop()


def test_nquads_export_loads_into_oxigraph_and_answers(seeds_build, tmp_path):
    """``oxigraph load`` of the N-Quads export, then ``serve --location --union-default-graph``: the README recipe."""
    graph = seeds_build[0] / "graph.ttl"
    r = CliRunner().invoke(main, ["export", str(graph), "--format", "nq", "--out", str(tmp_path / "kg.nq")])
    assert r.exit_code == 0, r.output
    db = tmp_path / "db"
    subprocess.run([_oxigraph(), "load", "--location", str(db), "--file", str(tmp_path / "kg.nq")], check=True,
                   capture_output=True, timeout=120)
    s = OxigraphServer("serve", "--location", str(db), "--union-default-graph")
    try:
        assert _answers(["--endpoint", s.url + "/query", "network_edges"]) == _answers([str(graph), "network_edges"]) != []
    finally:
        s.stop()
