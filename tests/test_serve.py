"""kg serve over real HTTP on 127.0.0.1, with SPARQLWrapper as the client; kg query
--endpoint and kg push against it. Servers are started and stopped by the tests."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.cli import main
from kg.errors import QueryError
from kg.export import document_graphs
from kg.endpoint import Endpoint
from kg.query import run
from kg.store import open_graph
from kg.terms import term_parts

PERSONS = "PREFIX kg: <https://w3id.org/kgid/ns#> SELECT ?p ?name WHERE { ?p a kg:Person ; kg:label ?name } ORDER BY ?p"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIMEOUT = 2.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d))
    return out


class Running:
    def __init__(self, graph, tmp_path, *args):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(tmp_path / f"serve-{self.port}.log", "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(self.port),
                                      *args], stdout=self.log, stderr=self.log)
        for _ in range(150):  # at most ~30 s
            if self.proc.poll() is not None:
                raise RuntimeError(open(self.log.name).read())
            try:
                urllib.request.urlopen(self.url + "/sparql?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("kg serve did not start")

    def stop(self):
        # SIGTERM, as a service manager stops it (kg serve exits cleanly on it, zygote included); SIGINT
        # would be ignored where the test run itself was started in the background with SIGINT ignored
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.log.close()

    def wrapper(self, query: str, fmt=JSON, method=None) -> SPARQLWrapper:
        w = SPARQLWrapper(self.url + "/sparql")
        w.setQuery(query)
        w.setReturnFormat(fmt)
        w.setTimeout(30)
        if method == "post":
            w.setMethod(POST)
        elif method == "direct":
            w.setMethod(POST)
            w.setRequestMethod(POSTDIRECTLY)
        return w


def _http(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture(scope="module")
def server(seeds_build, tmp_path_factory):
    out, _ = seeds_build
    s = Running(out / "graph.ttl", tmp_path_factory.mktemp("serve"), "--timeout", str(TIMEOUT), "--max-rows", "1000")
    yield s
    s.stop()
    assert s.proc.returncode is not None


@pytest.fixture(scope="module")
def local(seeds_build):
    out, _ = seeds_build
    return open_graph(out / "graph.ttl")


def _local_persons(local):
    return [(term_parts(r[0])[1], term_parts(r[1])[1]) for r in local.execute(PERSONS).rows]


@pytest.mark.parametrize("method", [None, "post", "direct"])
def test_get_post_and_direct_post_answer_the_query(server, local, method):
    data = server.wrapper(PERSONS, JSON, method).query().convert()
    got = [(b["p"]["value"], b["name"]["value"]) for b in data["results"]["bindings"]]
    assert got and got == _local_persons(local)


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_each_select_result_format(server, local, fmt):
    res = server.wrapper(PERSONS, fmt).query()
    ctype = res.info()["content-type"]
    body = res.response.read()
    expected = _local_persons(local)
    if fmt == JSON:
        assert ctype.startswith("application/sparql-results+json")
        got = [(b["p"]["value"], b["name"]["value"]) for b in json.loads(body)["results"]["bindings"]]
    elif fmt == XML:
        assert ctype.startswith("application/sparql-results+xml")
        ns = "{http://www.w3.org/2005/sparql-results#}"
        got = [(r.find(f"{ns}binding[@name='p']/{ns}uri").text, r.find(f"{ns}binding[@name='name']/{ns}literal").text)
               for r in ET.fromstring(body).iter(f"{ns}result")]
    elif fmt == CSV:
        assert ctype.startswith("text/csv")
        got = [tuple(r) for r in list(csv.reader(io.StringIO(body.decode())))[1:]]
    else:
        assert ctype.startswith("text/tab-separated-values")
        lines = body.decode().rstrip("\n").split("\n")
        assert lines[0] == "?p\t?name"
        got = [(a[1:-1], b[1:-1]) for a, b in (ln.split("\t") for ln in lines[1:])]
    assert got == expected


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD])
def test_construct_in_turtle_and_json_ld(server, local, fmt):
    q = "PREFIX kg: <https://w3id.org/kgid/ns#> CONSTRUCT { ?p kg:label ?n } WHERE { ?p a kg:Person ; kg:label ?n }"
    res = server.wrapper(q, fmt).query()
    body = res.response.read()
    want = Graph()
    for t in local.query(q).graph:
        want.add(t)
    got = Graph().parse(data=body, format="turtle" if fmt == TURTLE else "json-ld")
    assert len(want) > 0 and isomorphic(got, want)
    assert res.info()["content-type"].startswith("text/turtle" if fmt == TURTLE else "application/ld+json")


def test_ask(server):
    assert server.wrapper("ASK { ?s a <https://w3id.org/kgid/ns#Quote> }").query().convert()["boolean"] is True


def _count(server) -> int:
    data = server.wrapper("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").query().convert()
    return int(data["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("how", ["wrapper-update", "query-param", "load", "sparql-update-body"])
def test_updates_are_refused_with_403(server, how):
    before = _count(server)
    if how == "wrapper-update":
        w = server.wrapper("INSERT DATA { <https://e.org/a> <https://e.org/b> 'c' }", JSON, "post")
        with pytest.raises(urllib.error.HTTPError) as e:
            w.query()
        status, body = e.value.code, e.value.read()
    elif how == "sparql-update-body":
        status, _, body = _http(server.url + "/sparql", b"CLEAR ALL", {"Content-Type": "application/sparql-update"})
    else:
        text = "DELETE WHERE { ?s ?p ?o }" if how == "query-param" else "LOAD <file:///etc/passwd>"
        status, _, body = _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": text}))
    assert status == 403 and b"read-only" in body
    assert _count(server) == before


@pytest.mark.parametrize("params,message", [
    ({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}, b"SERVICE is refused"),
    ({"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"}, b"file: IRIs are refused"),
    ({"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "file:///etc/passwd"}, b"file: IRIs are refused"),
])
def test_service_and_file_access_are_refused(server, params, message):
    status, _, body = _http(server.url + "/sparql?" + urllib.parse.urlencode(params))
    assert status == 403 and message in body


@pytest.mark.parametrize("query,status,message", [
    ("SELECT ?p WHERE { ?p a kg:Person } LIMIT 1", 400, b"undeclared prefix kg: in the query; add the line "
                                                         b"'PREFIX kg: <https://w3id.org/kgid/ns#>'"),
    ("SELECT ?p WHERE { ?p a foaf:Person } LIMIT 1", 400, b"undeclared prefix foaf:"),
    ("PREFIX kg: <https://w3id.org/kgid/ns#> SELECT ?p WHERE { ?p a kg:Person } LIMIT 1", 200, b"results"),
])
def test_only_declared_prefixes_as_on_any_standard_endpoint(server, query, status, message):
    got, _, body = _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": query}))
    assert got == status and message in body, body


def test_malformed_sparql_is_400_with_line_and_column(server):
    with pytest.raises(QueryBadFormed) as e:
        server.wrapper("SELECT ?x WHERE {\n  ?x ?y\n}").query()
    assert re.search(r"syntax error at line 2, column \d+", str(e.value))


def test_slow_query_is_stopped_and_its_worker_killed(server):
    t = time.monotonic()
    status, _, body = _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": SLOW}))
    elapsed = time.monotonic() - t
    assert status == 503 and b"stopped after" in body
    assert TIMEOUT <= elapsed < TIMEOUT + 3
    (zygote,) = _children(server.proc.pid)
    for _ in range(50):  # the killed worker is gone within a few seconds at most
        if not _children(zygote):
            break
        time.sleep(0.1)
    assert _children(zygote) == [], "a worker outlived its timeout"
    assert _count(server) > 0, "the server still answers"


def test_answers_over_the_row_limit_are_refused(server):
    status, _, body = _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o }"}))
    assert status == 422 and b"more than 1000" in body
    status, _, _ = _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * { ?s ?p ?o } LIMIT 1000"}))
    assert status == 200


def test_cors_and_content_negotiation(server):
    status, headers, _ = _http(server.url + "/sparql", method="OPTIONS",
                               headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == "*" and "POST" in headers[
        "Access-Control-Allow-Methods"]
    url = server.url + "/sparql?" + urllib.parse.urlencode({"query": PERSONS})
    status, headers, _ = _http(url, headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml"})
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    assert headers["Access-Control-Allow-Origin"] == "*" and headers["X-Content-Type-Options"] == "nosniff"
    status, _, body = _http(url, headers={"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body


def test_query_page_works_offline(server):
    from kg.serve_page import ASSETS

    status, headers, body = _http(server.url + "/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp and "unsafe-eval" not in csp
    assert sorted(re.findall(r'(?:src|href)="([^"]*)"', page)) == sorted(ASSETS), "only our own files are loaded"
    assert "said_about" in page and "https://w3id.org/kgid/ns#" in page
    for name, ctype in ASSETS.items():
        status, headers, body = _http(server.url + "/" + name)
        assert status == 200 and headers["Content-Type"] == ctype and len(body) > 500
        assert b"sourceMappingURL" not in body


def test_query_endpoint_with_parameters_matches_local(server, local):
    r = CliRunner().invoke(main, ["query", "--endpoint", server.url + "/sparql", "said_about",
                                  "-p", "topic=netralitas", "--format", "json"])
    assert r.exit_code == 0, r.output
    remote = {b["quote"]["value"] for b in json.loads(r.output)["results"]["bindings"]}
    sol, _ = run(local, "said_about", {"topic": "netralitas"})
    here = {term_parts(row[sol.vars.index("quote")])[1] for row in sol.rows}
    assert remote and remote == here


#: Parameter values that would change the query if they were pasted into it.
HOSTILE_VALUES = ['x" } } SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } #', "a\nb\r}'{\x01\t", "#", "\\"]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_plain_endpoint_gets_parameters_as_values_blocks_that_stay_values(value):
    """A standard endpoint applies no bindings: the value travels in the query, as one literal."""
    from urllib.parse import parse_qs

    from kg.sparql import check

    got = {}

    class Plain(BaseHTTPRequestHandler):
        def do_POST(self):
            got.update(parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()))
            body = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Plain)
    threading.Thread(target=httpd.handle_request, daemon=True).start()
    try:
        run(Endpoint(f"http://127.0.0.1:{httpd.server_port}/sparql"), "said_about", {"topic": value})
    finally:
        httpd.server_close()
    assert set(got) == {"query"}  # no $topic request parameter
    sent = got["query"][0]
    checked = check(sent)
    assert checked.form == "SELECT" and not checked.service and not checked.undeclared
    import pyoxigraph as ox

    kgns = "https://w3id.org/kgid/ns#"
    q, doc = ox.NamedNode("https://e.org/q"), ox.NamedNode("https://e.org/d")
    store = ox.Store()  # one quote whose words hold the value: the sent query finds it and only it
    for p_, o in [("text", ox.Literal(f"kata {value} itu")), ("isDirect", ox.Literal(True)),
                  ("inDocument", doc), ("start", ox.Literal(1))]:
        store.add(ox.Quad(q, ox.NamedNode(kgns + p_), o))
    store.add(ox.Quad(q, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(kgns + "Quote")))
    store.add(ox.Quad(doc, ox.NamedNode(kgns + "source"), ox.Literal("a.txt")))
    rows = list(store.query(sent))
    assert [(r["topic"].value, r["text"].value) for r in rows] == [(value, f"kata {value} itu")]


def test_a_value_sparql_would_read_as_an_escape_is_refused_for_an_endpoint():
    """SPARQL expands \\u escapes before parsing, so a value holding backslash-u cannot travel in a query."""
    with pytest.raises(QueryError, match="backslash before 'u'"):
        run(Endpoint("http://127.0.0.1:9/sparql"), "said_about", {"topic": "\\u0022 }"})


def test_hostile_literals_stay_inert(tmp_path):
    g = tmp_path / "hostile.ttl"
    g.write_text('<https://e.org/a> <https://e.org/p> "</script><script>alert(1)</script> \\u0000 \\t x"@id .\n',
                 encoding="utf-8")
    s = Running(g, tmp_path)
    try:
        q = urllib.parse.urlencode({"query": "SELECT ?o WHERE { ?s ?p ?o }"})
        _, _, body = _http(f"{s.url}/sparql?{q}", headers={"Accept": "application/sparql-results+json"})
        assert b"<" not in body and json.loads(body)["results"]["bindings"][0]["o"]["value"].startswith("</script>")
        _, _, body = _http(f"{s.url}/sparql?{q}", headers={"Accept": "application/sparql-results+xml"})
        assert ET.fromstring(body).find(".//{http://www.w3.org/2005/sparql-results#}literal").text.startswith(
            "</script>")
        _, _, body = _http(f"{s.url}/sparql?{q}", headers={"Accept": "text/tab-separated-values"})
        assert len(body.decode().rstrip("\n").split("\n")) == 2
    finally:
        s.stop()


def test_push_per_document_into_a_writable_server(seeds_build, tmp_path):
    out, _ = seeds_build
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    s = Running(empty, tmp_path, "--writable")
    try:
        groups = document_graphs(open_graph(out / "graph.ttl"))
        for _ in range(2):  # PUT replaces: pushing twice gives the same store
            r = CliRunner().invoke(main, ["push", str(out / "graph.ttl"), "--endpoint", s.url + "/store",
                                          "--per-document"])
            assert r.exit_code == 0, r.output
        sol = Endpoint(s.url + "/sparql").execute(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        got = {term_parts(g)[1]: int(term_parts(n)[1]) for g, n in sol.rows}
        assert got == {g: len(t) for g, t in groups.items()} and len(got) == 6  # 5 documents and the entities
        default = Endpoint(s.url + "/sparql").execute("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(term_parts(default.rows[0][0])[1]) == 0, "every statement is in a named graph"
        doc = sorted(g for g in groups if "/doc/" in g)[0]
        status, headers, body = _http(s.url + "/store?" + urllib.parse.urlencode({"graph": doc}),
                                      headers={"Accept": "text/turtle"})
        assert status == 200 and len(Graph().parse(data=body, format="turtle")) == len(groups[doc])
        for want in (204, 404):  # deleted, then gone
            status, _, _ = _http(s.url + "/store?" + urllib.parse.urlencode({"graph": doc}), method="DELETE")
            assert status == want
    finally:
        s.stop()


def test_read_only_server_refuses_push(server, seeds_build):
    out, _ = seeds_build
    r = CliRunner().invoke(main, ["push", str(out / "graph.ttl"), "--endpoint", server.url + "/store"])
    assert r.exit_code == 2 and "403" in r.output and "--writable" in r.output


def test_a_query_over_its_memory_allowance_dies_alone(seeds_build, tmp_path):
    out, _ = seeds_build
    s = Running(out / "graph.ttl", tmp_path, "--max-memory", "64", "--timeout", "20")
    try:
        big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
        t = time.monotonic()
        status, _, body = _http(s.url + "/sparql?" + urllib.parse.urlencode({"query": big}))
        assert status == 500 and b"memory allowance" in body and time.monotonic() - t < 20
        assert _count(s) > 0, "the server still answers"
    finally:
        s.stop()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="/usr/bin/chromium not installed")
def test_query_page_in_a_browser_runs_a_saved_query_shows_text_and_downloads_csv(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    g = tmp_path / "hostile.ttl"
    g.write_text('@prefix kg: <https://w3id.org/kgid/ns#> .\n<https://w3id.org/kgid/id/person/x> a kg:Person ; '
                 'kg:label "<img src=x onerror=window.pwned=1>Budi" .\n', encoding="utf-8")
    s = Running(g, tmp_path)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            page = browser.new_page(accept_downloads=True)
            seen = []
            page.on("request", lambda r: seen.append(r.url))
            page.on("dialog", lambda d: d.dismiss())
            page.goto(s.url + "/")
            page.wait_for_selector(".yasqe", timeout=30_000)
            assert "PREFIX kg: <https://w3id.org/kgid/ns#>" in page.evaluate("window.kgYasgui.getTab().getQuery()")
            page.select_option("#ex", "quotes_by")
            assert "kg:said" in page.evaluate("window.kgYasgui.getTab().getQuery()")
            page.evaluate("() => { window.kgYasgui.getTab().setQuery('PREFIX kg: <https://w3id.org/kgid/ns#>\\n"
                          "SELECT ?name WHERE { ?p a kg:Person ; kg:label ?name }'); }")
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table td", timeout=30_000)
            assert "<img src=x onerror=window.pwned=1>Budi" in page.inner_text(".yasr table")
            assert page.evaluate("window.pwned") is None and page.query_selector(".yasr img") is None
            with page.expect_download(timeout=30_000) as dl:
                page.click(".yasr_downloadIcon")
            rows = list(csv.reader(io.StringIO(open(dl.value.path(), encoding="utf-8").read())))
            assert rows == [["name"], ["<img src=x onerror=window.pwned=1>Budi"]]
            assert all(u.startswith(s.url) or u.startswith("blob:") for u in seen), seen
            browser.close()
    finally:
        s.stop()


def test_saved_queries_over_pushed_documents_with_a_union_default_graph(seeds_build, tmp_path, local):
    out, _ = seeds_build
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    s = Running(empty, tmp_path, "--writable", "--union-default-graph")
    try:
        r = CliRunner().invoke(main, ["push", str(out / "graph.ttl"), "--endpoint", s.url + "/store", "--per-document"])
        assert r.exit_code == 0, r.output
        remote, _ = run(Endpoint(s.url + "/sparql"), "said_about", {"topic": "netralitas"})
        here, _ = run(local, "said_about", {"topic": "netralitas"})
        quotes = lambda sol: {term_parts(r[sol.vars.index("quote")])[1] for r in sol.rows}  # noqa: E731
        assert quotes(here) and quotes(remote) == quotes(here)
    finally:
        s.stop()


def test_rdflib_engine_serves_the_same_answers_and_stops_slow_queries(seeds_build, tmp_path, local):
    out, _ = seeds_build
    s = Running(out / "graph.ttl", tmp_path, "--engine", "rdflib", "--timeout", "2")
    try:
        data = s.wrapper(PERSONS).query().convert()
        assert [(b["p"]["value"], b["name"]["value"]) for b in data["results"]["bindings"]] == _local_persons(local)
        status, _, body = _http(s.url + "/sparql?" + urllib.parse.urlencode({"query": SLOW}))
        assert status == 503 and b"stopped after 2 s" in body
        assert "(rdflib)" in open(s.log.name).read()
    finally:
        s.stop()


def test_bad_uploads_are_refused_and_the_server_keeps_answering(tmp_path):
    g = tmp_path / "one.ttl"
    g.write_text("<https://e.org/a> <https://e.org/p> 'x' .\n", encoding="utf-8")
    s = Running(g, tmp_path, "--writable")
    try:
        status, _, body = _http(s.url + "/store?default", b"<https://e.org/a> <broken", {"Content-Type": "text/turtle"},
                                method="PUT")
        assert status == 400 and b"cannot parse" in body
        status, _, body = _http(s.url + "/store?default", b"x", {"Content-Type": "application/pdf"}, method="PUT")
        assert status == 415
        assert _count(s) == 1, "the failed PUT changed nothing"
    finally:
        s.stop()


# ---- #16: the read-only guard parses; the engine cannot reach the network ----------------------
class Listener:
    """A local HTTP listener that answers like a SPARQL endpoint and records every request."""

    def __init__(self):
        hits = self.hits = []

        class Record(BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://x/leak"}}]}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *a):
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Record)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/internal"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.close()


_SVC = "SERVICE <{u}> {{ ?s ?p ?o }}"
GUARD = [  # (name, query with {u} for the listener's URL, refused?)
    ("plain", "SELECT ?s WHERE { " + _SVC + " }", True),
    ("comment-cr", "SELECT ?s WHERE { # x\r" + _SVC + " }", True),  # the reported bypass
    ("comment-cr-then-lf", "SELECT ?s WHERE { # x\r" + _SVC + "\n}", True),
    ("comment-crlf", "SELECT ?s WHERE { # x\r\n" + _SVC + " }", True),
    ("comment-lf", "SELECT ?s WHERE { # x\n" + _SVC + " }", True),
    ("escaped-cr-ends-comment", "SELECT ?s WHERE { # x\\u000d" + _SVC + "\n}", True),
    ("escaped-keyword", "SELECT ?s WHERE { \\u0053ERVICE <{u}> {{ ?s ?p ?o }} }", True),
    ("lower-case", "select ?s where { service <{u}> {{ ?s ?p ?o }} }", True),
    ("silent", "SELECT ?s WHERE { SERVICE SILENT <{u}> {{ ?s ?p ?o }} }", True),
    ("in-optional", "SELECT ?s WHERE { ?a ?b ?c OPTIONAL { " + _SVC + " } }", True),
    ("in-union", "SELECT ?s WHERE { { ?s ?p ?o } UNION { " + _SVC + " } }", True),
    ("in-subquery", "SELECT ?s WHERE { { SELECT ?s WHERE { " + _SVC + " } } }", True),
    ("in-exists", "SELECT ?s WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{u}> {{ ?a ?b ?c }} } }", True),
    ("in-ask", "ASK { " + _SVC + " }", True),
    ("load", "LOAD <{u}>", True),
    ("insert-data", "INSERT DATA {{ <https://e.org/a> <https://e.org/b> 'c' }}", True),
    ("load-after-an-update", "CLEAR DEFAULT ; LOAD <{u}>", True),
    # counter-examples: the same words where they are not code must stay allowed
    ("u2028-does-not-end-a-comment", "SELECT ?s WHERE { ?s ?p ?o # x\u2028" + _SVC + "\n} LIMIT 1", False),
    ("u0085-does-not-end-a-comment", "SELECT ?s WHERE { ?s ?p ?o # x\u0085" + _SVC + "\n} LIMIT 1", False),
    ("hash-in-iri-and-string", "SELECT ?s WHERE {{ ?s <https://w3id.org/kgid/ns#label> ?o FILTER(?o != \"# SERVICE <{u}> {{}}\") }} LIMIT 1", False),
    ("cr-in-long-string", "SELECT ?s WHERE {{ ?s ?p ?o FILTER(?o != \"\"\"a\rb # SERVICE <{u}>\"\"\") }} LIMIT 1", False),
    ("comment-at-end", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 # " + _SVC, False),
]


def _send(server, query: str, how: str):
    if how == "get":
        return _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": query}))
    if how == "form":
        return _http(server.url + "/sparql", urllib.parse.urlencode({"query": query}).encode(),
                     {"Content-Type": "application/x-www-form-urlencoded"})
    return _http(server.url + "/sparql", query.encode("utf-8"), {"Content-Type": "application/sparql-query"})


@pytest.mark.parametrize("how", ["get", "form", "body"])
@pytest.mark.parametrize("name,template,refused", GUARD, ids=[g[0] for g in GUARD])
def test_service_load_and_updates_never_reach_the_network(server, listener, name, template, refused, how):
    query = template.replace("{u}", listener.url).replace("{{", "{").replace("}}", "}")
    before = len(listener.hits)
    status, _, body = _send(server, query, how)
    assert len(listener.hits) == before, f"the server contacted {listener.url}"
    if refused:
        assert status == 403 and (b"SERVICE is refused" in body or b"read-only" in body), (status, body)
    else:
        assert status == 200, body


def test_the_listener_records_what_an_unguarded_engine_fetches(listener):
    """The check above can fail: Oxigraph itself does fetch a SERVICE URL."""
    import pyoxigraph as ox

    before = len(listener.hits)
    rows = list(ox.Store().query(GUARD[1][1].replace("{u}", listener.url).replace("{{", "{").replace("}}", "}")))
    assert len(listener.hits) == before + 1 and rows


@pytest.mark.parametrize("cut", [True, False])
def test_a_worker_without_network_cannot_fetch_even_past_the_parser(listener, cut):
    from kg.serve_worker import cut_network

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the query runs in a forked child, as kg serve's workers do
        os.close(r)
        try:
            import pyoxigraph as ox

            ok = cut_network() if cut else True
            try:
                list(ox.Store().query(f"SELECT ?s WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"))
                out = b"fetched"
            except OSError:
                out = b"no network"
            os.write(w, out if ok else b"cannot cut")
        finally:
            os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as f:
        said = f.read()
    os.waitpid(pid, 0)
    if said == b"cannot cut":
        pytest.skip("this kernel gives no unprivileged network namespaces")
    assert said == (b"no network" if cut else b"fetched")


@pytest.mark.parametrize("name,template,refused", [g for g in GUARD if g[2] and "SERVICE" in g[1]][:6],
                         ids=[g[0] for g in GUARD if g[2] and "SERVICE" in g[1]][:6])
@pytest.mark.parametrize("allow", [False, True])
def test_kg_query_on_a_graph_file_calls_service_only_when_allowed(seeds_build, listener, name, template, refused,
                                                                  allow):
    out, _ = seeds_build
    query = template.replace("{u}", listener.url).replace("{{", "{").replace("}}", "}")
    before = len(listener.hits)
    r = CliRunner().invoke(main, ["query", str(out / "graph.ttl"), query, "--format", "csv"]
                           + (["--allow-service"] if allow else []))
    if allow and "\\u" not in template:
        assert r.exit_code == 0 and "http://x/leak" in r.output, r.output
        assert len(listener.hits) > before
    elif not allow:
        assert r.exit_code == 2 and "--allow-service" in r.output, r.output
        assert len(listener.hits) == before


# ---- #16: request bodies, timeouts and limits ------------------------------------------------------
def _raw(port: int, data: bytes, source: str = "127.0.0.1", wait: float = 30) -> bytes:
    """Send ``data`` on one connection and read until the server closes it (or ``wait`` passes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait, source_address=(source, 0)) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                c = s.recv(65536)
                if not c:
                    break
                chunks.append(c)
        except OSError:  # a reset after the answer, or the wait is over
            pass
    return b"".join(chunks)


ASK = b"ASK { ?s ?p ?o }"
#: a second request on the connection; answered, it closes it (the test need not wait for the idle timeout)
SMUGGLED = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"


@pytest.mark.parametrize("headers,body,status", [
    (b"Content-Length: -1\r\n", ASK, b"400"),
    (b"Content-Length: abc\r\n", ASK, b"400"),
    (b"Content-Length: +16\r\n", ASK, b"400"),
    (b"Content-Length: 16\r\nContent-Length: 17\r\n", ASK, b"400"),
    (b"Content-Length: 104857600\r\n", ASK, b"413"),
    (b"Content-Length: 1048577\r\n", ASK, b"413"),
    (b"Transfer-Encoding: chunked\r\n", b"10\r\n" + ASK + b"\r\n0\r\n\r\n", b"411"),
    (b"Transfer-Encoding: chunked\r\nContent-Length: 16\r\n", ASK, b"411"),
    (b"Content-Length: 16\r\n", ASK, b"200"),  # counter-example: a right length is answered
])
def test_request_bodies_are_framed_strictly_and_nothing_is_read_twice(server, headers, body, status):
    head = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n" + headers + b"\r\n"
    out = _raw(server.port, head + body + SMUGGLED)
    assert out.startswith(b"HTTP/1.1 " + status), out[:200]
    assert b"Traceback" not in out
    answers = out.count(b"HTTP/1.1 ")
    if status == b"200":  # the second request on the connection is a request of its own
        assert answers == 2
    else:
        assert answers == 1 and b"Connection: close" in out, out


def test_a_body_over_one_mebibyte_is_refused_before_it_is_read(server):
    head = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: %d\r\n\r\n" % (2**20 + 1))
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(head)  # and no body at all: the answer must not wait for it
        assert s.recv(200).startswith(b"HTTP/1.1 413")


def test_silent_half_sent_and_short_bodied_connections_are_closed(seeds_build, tmp_path):
    """Each of these used to hold a thread for good; they are closed after --idle-timeout (10 s by
    default; 1 s here, and the test fails if the server waits for its default instead)."""
    out, _ = seeds_build
    s = Running(out / "graph.ttl", tmp_path, "--idle-timeout", "1")
    try:
        t = time.monotonic()
        socks = [socket.create_connection(("127.0.0.1", s.port), timeout=60) for _ in range(3)]
        socks[1].sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")  # headers never end
        socks[2].sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                         b"Content-Length: 100\r\n\r\nASK")  # 97 bytes never come
        try:
            for sock in socks:
                while sock.recv(65536):  # an answer, if any, then the close
                    pass
        finally:
            for sock in socks:
                sock.close()
        assert time.monotonic() - t < 8, "closed by the 10 s default, not by --idle-timeout 1"
        assert _count(s) > 0, "the server still answers"
    finally:
        s.stop()


def test_connections_over_the_per_address_limit_get_503_with_retry_after(server):
    idle = [socket.create_connection(("127.0.0.1", server.port), timeout=30, source_address=("127.0.0.9", 0))
            for _ in range(16)]
    try:
        out = _raw(server.port, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n", "127.0.0.9")
        assert out.startswith(b"HTTP/1.1 503") and b"Retry-After: 2" in out and b"too many connections" in out
        out = _raw(server.port, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                   "127.0.0.10")
        assert out.startswith(b"HTTP/1.1 200"), "another address is still served"
    finally:
        for s in idle:
            s.close()


@pytest.mark.parametrize("query, refused", [
    ("SELECT * WHERE " + "{ " * 257 + "?s ?p ?o" + " }" * 257, True),
    ("SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 300 + "?o" + ")" * 300 + ") }", True),
    ("SELECT * WHERE " + "{ " * 40 + "?s ?p ?o" + " }" * 40, False),  # deep, but within the limit
    ("SELECT * WHERE { ?s ?p '" + "{" * 1000 + "' }", False),  # brackets in a string do not nest
    ("SELECT * WHERE { ?s ?p ?o } # " + "{" * 1000, False),  # nor in a comment
])
def test_the_guard_refuses_deep_nesting_before_parsing(query, refused):
    from kg.errors import QueryError
    from kg.sparql import check

    if refused:
        with pytest.raises(QueryError, match="nests too deeply"):
            check(query)
    else:
        assert check(query).form == "SELECT"


def test_deep_nesting_is_a_clear_400(server):
    deep = "SELECT * WHERE " + "{ " * 10_000 + "?s ?p ?o" + " }" * 10_000
    status, _, body = _http(server.url + "/sparql", deep.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 400 and b"nests too deeply" in body
    assert _count(server) > 0, "the server still answers"


def _ask_from(port: int, source: str, query: str, out: list) -> None:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
        r = conn.getresponse()
        out.append((r.status, r.getheader("Retry-After"), r.read()))
    finally:
        conn.close()


def test_a_client_running_a_runaway_query_cannot_take_every_worker(seeds_build, tmp_path):
    out, _ = seeds_build
    s = Running(out / "graph.ttl", tmp_path, "--workers", "2", "--per-client", "1", "--timeout", "4")
    try:
        slow: list = []
        t = threading.Thread(target=_ask_from, args=(s.port, "127.0.0.2", SLOW, slow))
        t.start()
        time.sleep(0.5)  # let the runaway query take its worker
        second: list = []
        _ask_from(s.port, "127.0.0.2", "ASK { ?s ?p ?o }", second)
        other: list = []
        _ask_from(s.port, "127.0.0.3", "ASK { ?s ?p ?o }", other)
        assert t.is_alive(), "the runaway query was still running"
        t.join()
        assert second[0][0] == 503 and second[0][1] == "2" and b"your address already runs" in second[0][2]
        assert other[0][0] == 200 and b"true" in other[0][2]
        assert slow[0][0] == 503 and b"stopped after 4 s" in slow[0][2]
    finally:
        s.stop()


@pytest.mark.parametrize("method,path,status,allow", [
    ("PUT", "/sparql", 405, "GET, HEAD, POST, OPTIONS"),
    ("DELETE", "/sparql", 405, "GET, HEAD, POST, OPTIONS"),
    ("PATCH", "/store", 405, "GET, HEAD, PUT, POST, DELETE, OPTIONS"),
    ("PUT", "/nowhere", 404, None),
])
def test_405_names_the_allowed_methods(server, method, path, status, allow):
    got, headers, _ = _http(server.url + path, b"x", {"Content-Type": "text/turtle"}, method=method)
    assert got == status and headers.get("Allow") == allow


def test_negotiated_answers_say_vary_accept(server):
    _, headers, _ = _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
    assert headers.get("Vary") == "Accept"


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_bad_port_is_a_clean_error(seeds_build, port):
    out, _ = seeds_build
    r = CliRunner().invoke(main, ["serve", str(out / "graph.ttl"), "--port", port])
    assert r.exit_code == 2 and "--port" in r.output and "Traceback" not in r.output


def test_kg_query_endpoint_declares_the_prefixes_it_lets_you_omit(server, local):
    q = "SELECT ?p ?name WHERE { ?p a kg:Person ; kg:label ?name } ORDER BY ?p"
    status, _, _ = _http(server.url + "/sparql?" + urllib.parse.urlencode({"query": q}))
    assert status == 400, "the endpoint itself needs declared prefixes"
    r = CliRunner().invoke(main, ["query", "--endpoint", server.url + "/sparql", q, "--format", "json"])
    assert r.exit_code == 0, r.output
    got = [(b["p"]["value"], b["name"]["value"]) for b in json.loads(r.output)["results"]["bindings"]]
    assert got and got == _local_persons(local)


# ---- #17: saved queries through kg query --endpoint against Oxigraph's own server ----------------
@pytest.fixture(scope="module")
def oxigraph_server(seeds_build, tmp_path_factory):
    import shutil

    exe = shutil.which("oxigraph") or str(__import__("pathlib").Path(sys.executable).with_name("oxigraph"))
    if not os.path.exists(exe):
        pytest.skip("the Oxigraph server (pip install oxigraph) is not installed")
    out, _ = seeds_build
    port = _free_port()
    log = open(tmp_path_factory.mktemp("oxigraph") / "server.log", "w")
    proc = subprocess.Popen([exe, "serve", "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        r = CliRunner().invoke(main, ["push", str(out / "graph.ttl"), "--endpoint", url + "/store"])
        assert r.exit_code == 0, r.output
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def _unbound_saved():
    from kg.query import list_saved

    return [q.name for q in list_saved() if not any(p.required for p in q.params)]


def _cell(t):
    """A term's parts; a GROUP_CONCAT list ("a; b") as its sorted items: SPARQL leaves its order open,
    and two stores loaded in a different order list the same items differently."""
    parts = term_parts(t)
    if parts and parts[0] == "literal" and "; " in parts[1]:
        return parts[:1] + ("; ".join(sorted(parts[1].split("; "))),) + parts[2:]
    return parts


def _rows(sol):
    if sol.form == "ASK":
        return sol.boolean
    if sol.form == "CONSTRUCT":
        return sorted(tuple(term_parts(t) for t in tr) for tr in sol.triples)
    return sol.vars, sorted((tuple(_cell(t) for t in row) for row in sol.rows), key=repr)


@pytest.mark.parametrize("name", _unbound_saved())
def test_saved_queries_answer_the_same_on_an_oxigraph_server(oxigraph_server, local, name):
    remote, _ = run(Endpoint(oxigraph_server + "/query"), name)
    here, _ = run(local, name)
    assert _rows(remote) == _rows(here)


def test_an_ad_hoc_query_with_undeclared_kg_prefixes_runs_on_an_oxigraph_server(oxigraph_server, local):
    q = "SELECT ?p ?name WHERE { ?p a kg:Person ; kg:label ?name } ORDER BY ?p"
    r = CliRunner().invoke(main, ["query", "--endpoint", oxigraph_server + "/query", q, "--format", "json"])
    assert r.exit_code == 0, r.output
    got = [(b["p"]["value"], b["name"]["value"]) for b in json.loads(r.output)["results"]["bindings"]]
    assert got and got == _local_persons(local)
