"""kg.viz without a browser: the page's data, views, layout, safety and offline-ness."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kg import viz, viz_apart
from kg.errors import InputError, KgError
from kg.ns import KG
from kg.viz_data import open_source, read, title_forms
from kg.viz_layout import label_box, layout, spread_labels

PRE = """@prefix kg: <https://w3id.org/kgid/ns#> . @prefix d: <https://w3id.org/kgid/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
D = "https://w3id.org/kgid/id/"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

#: What the page must show, counted straight from the RDF with SPARQL (not through kg.viz).
EXPECTED = {
    "nodes": """SELECT DISTINCT ?x WHERE { VALUES ?c { kg:Person kg:Agency kg:Policy kg:Event kg:Place kg:Quote
                kg:Document } ?x a ?c }""",
    "said": "SELECT DISTINCT ?p ?q WHERE { ?q a kg:Quote ; kg:speaker ?p . ?p a kg:Person }",
    "about": """SELECT DISTINCT ?q ?t WHERE { ?q a kg:Quote ; kg:about ?t .
                VALUES ?c { kg:Person kg:Agency kg:Policy kg:Event kg:Place } ?t a ?c }""",
    "holds": """SELECT DISTINCT ?p ?o WHERE { ?r a kg:Role ; kg:holder ?p ; kg:organization ?o .
                ?p a kg:Person . ?o a kg:Agency }""",
    "attended": """SELECT DISTINCT ?p ?e WHERE { ?r a kg:EventReport ; kg:reportsEvent ?e ; kg:participant ?p .
                   ?p a kg:Person . ?e a kg:Event }""",
    "mentions": """SELECT DISTINCT ?d ?e WHERE { ?e kg:mentionedIn ?d . ?d a kg:Document .
                   VALUES ?c { kg:Person kg:Agency kg:Policy kg:Event kg:Place } ?e a ?c }""",
}


def expected_counts(g: Graph) -> dict[str, int]:
    """Node count and edge count per relation, from the RDF alone."""
    counts = {k: len(list(g.query("PREFIX kg: <https://w3id.org/kgid/ns#>\n" + q))) for k, q in EXPECTED.items()}
    counts["edges"] = sum(v for k, v in counts.items() if k != "nodes")
    return counts


PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=2;alert(2)">',
            '</script><script>window.__pwned=3</script>', '"double" \'single\' back\\slash \\" \\u2028',
            '<a href="javascript:window.__pwned=4">href</a>', 'line\u2028sep\u2029para', '<!-- <script>',
            '<svg onload=alert(5)>', '${x} `tick` </style>']


def hostile_graph() -> Graph:
    """A hand-made graph with every payload in titles, names, aliases, role titles and quotes."""
    p = " ".join(PAYLOADS)
    lit = json.dumps(p)  # a valid Turtle string literal
    return Graph().parse(format="turtle", data=PRE + f"""
    d:doc a kg:Document ; kg:source {lit} ; kg:title {lit} ; kg:date "2024-02-06"^^xsd:date ; kg:text "x" ;
        kg:author {lit} ; <https://schema.org/url> "javascript:window.__pwned=9" .
    d:ani a kg:Person ; kg:label {lit} ; kg:alias {json.dumps("href " + p)} ; kg:isOfficial true ;
        kg:mentionedIn d:doc ; kg:holdsRole d:r1 .
    d:bkn a kg:Agency ; kg:label {json.dumps("BKN " + p)} ; kg:mentionedIn d:doc .
    d:pol a kg:Policy ; kg:label "Netralitas ASN" ; kg:mentionedIn d:doc .
    d:r1 a kg:Role ; kg:holder d:ani ; kg:roleTitle {lit} ; kg:organization d:bkn ; kg:inDocument d:doc .
    d:q1 a kg:Quote ; kg:text {lit} ; kg:isDirect true ; kg:speaker d:ani ; kg:about d:pol ; kg:inDocument d:doc ;
        kg:start 10 ; kg:end 20 ; kg:cue {lit} .
    """)


HAND = Graph().parse(format="turtle", data=PRE + """
d:doc a kg:Document ; kg:source "a.txt" ; kg:title "Rapat BKN" ; kg:date "2024-02-06"^^xsd:date ; kg:text "..." ;
    <https://schema.org/url> "https://example.org/berita/rapat-bkn" .
d:ani a kg:Person ; kg:label "Ani Wibowo" ; kg:alias "Ani" ; kg:isOfficial true ; kg:mentionedIn d:doc ;
    kg:holdsRole d:r1 .
d:anita a kg:Person ; kg:label "Anita" ; kg:alias "Ani" ; kg:mentionedIn d:doc .
d:bkn a kg:Agency ; kg:label "Badan Kepegawaian Negara" ; kg:alias "BKN" ; kg:mentionedIn d:doc .
d:pol a kg:Policy ; kg:label "Netralitas ASN" ; kg:mentionedIn d:doc .
d:rak a kg:Event ; kg:label "Rapat Koordinasi" ; kg:mentionedIn d:doc .
d:mlg a kg:Place ; kg:label "Kota Malang" ; kg:mentionedIn d:doc .
d:r1 a kg:Role ; kg:holder d:ani ; kg:roleTitle "Kepala" ; kg:organization d:bkn ; kg:inDocument d:doc ;
    kg:date "2024-02-06"^^xsd:date .
d:rep a kg:EventReport ; kg:reportsEvent d:rak ; kg:participant d:ani ; kg:inDocument d:doc ; kg:place d:mlg .
d:q1 a kg:Quote ; kg:text "Netralitas ASN harga mati." ; kg:isDirect true ; kg:speaker d:ani ; kg:about d:pol ;
    kg:inDocument d:doc ; kg:start 100 ; kg:end 126 ; kg:cue "kata" .
d:q2 a kg:Quote ; kg:text "ASN harus netral." ; kg:isDirect false ; kg:speaker d:ani ; kg:about d:pol ;
    kg:inDocument d:doc ; kg:start 200 ; kg:end 217 .
d:q3 a kg:Quote ; kg:text "Rapat berjalan lancar." ; kg:isDirect true ; kg:speaker d:anita ; kg:about d:rak ;
    kg:inDocument d:doc ; kg:start 300 ; kg:end 322 .
""")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append([dict(attrs), ""])

    def handle_data(self, data):
        if self._in is not None:
            self.scripts[-1][1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


def page_data(html: str) -> dict:
    block = next(body for attrs, body in parse(html).scripts if attrs.get("id") == "kg-data")
    return json.loads(block)


@pytest.mark.parametrize("text", PAYLOADS + ["\ud800 lone surrogate", "Ǹ emoji 🙂", ""])
def test_safe_json_cannot_end_a_script_block(text):
    s = viz.safe_json({"t": text, "k": [text]})
    assert not re.search(r"[<>&\u2028\u2029]", s)
    assert s.isascii()
    assert json.loads(s) == {"t": text, "k": [text]}


@pytest.mark.parametrize("value", [
    {}, {"a": []}, {"a": [1, 2, 3, 4, 5], "b": "x"}, {"a": [[], {}], "b": {"c": [1.5, None, True]}},
    {"t": PAYLOADS, "u": "\u2028 Ǹ 🙂 \ud800", "n": [{"x": 0.1 + 0.2}] * 7},
])
def test_the_page_data_in_pieces_is_the_same_json(value):
    whole = viz.safe_json(value)
    pieces = list(viz._json_pieces(value, batch=2))
    assert "".join(pieces) == whole and json.loads(whole) == value
    assert len(pieces) > 2 or not value  # counter-example: one piece would be the whole text held at once


def graph_of(g) -> "nx.DiGraph":
    return viz.page_graph(read(open_source(g)))


def test_page_graph_counts_equal_the_rdf(seeds_graph):
    G = graph_of(seeds_graph)
    exp = expected_counts(seeds_graph)
    assert len(G) == exp["nodes"] and G.number_of_edges() == exp["edges"]
    for rel in viz.RELATIONS:
        assert sum(1 for *_, r in G.edges(data="rel") if r == rel) == exp[rel], rel


SPOKE = """SELECT DISTINCT ?s ?t WHERE { ?q a kg:Quote ; kg:speaker ?s ; kg:about ?t .
           VALUES ?c { kg:Person kg:Agency } ?s a ?c . VALUES ?k { kg:Person kg:Agency kg:Policy kg:Event kg:Place } ?t a ?k }"""


def test_build_writes_the_page_with_every_entity_document_and_quote(seeds_build, seeds_graph):
    out, report = seeds_build
    data = page_data((out / "graph.html").read_text(encoding="utf-8"))
    exp = expected_counts(seeds_graph)
    quotes = len(list(seeds_graph.subjects(RDF.type, KG.Quote)))
    assert str(out / "graph.html") in report.outputs
    docs = len(list(seeds_graph.subjects(RDF.type, KG.Document)))
    assert len(data["nodes"]) == exp["nodes"] - quotes - docs == len(data["ents"]) and len(data["docs"]) == docs
    assert {n["id"] for n in data["nodes"]} == {x["id"] for x in data["ents"]}  # documents: in rows and panels
    assert len(data["quotes"]) == quotes
    links = Counter(e["kgRel"] for e in data["edges"])
    spoke = len(list(seeds_graph.query("PREFIX kg: <https://w3id.org/kgid/ns#>\n" + SPOKE)))
    assert links == {"spoke about": spoke, "holds": exp["holds"], "attended": exp["attended"]}
    weights = sum(e["kgWeight"] for e in data["edges"] if e["kgRel"] == "spoke about")
    assert weights == sum(len(q["about"]) for q in data["quotes"] if q["s"] >= 0)
    assert {t["name"] for t in data["types"] if t["shown"]} == set(viz.SHOWN_TYPES)


def test_the_page_never_parses_the_graph_with_rdflib(seeds_build, tmp_path, monkeypatch):
    import rdflib

    def refuse(*a, **k):
        raise AssertionError("rdflib parse called")

    monkeypatch.setattr(rdflib.Graph, "parse", refuse)
    out, _ = seeds_build
    path = viz.write_page(out / "graph.ttl", tmp_path / "p.html")
    assert len(page_data(path.read_text(encoding="utf-8"))["quotes"]) > 0


def test_page_is_byte_identical_whatever_the_hash_seed(seeds_build, tmp_path):
    out, _ = seeds_build
    pages = []
    for seed in ("1", "4242"):
        path = tmp_path / f"p{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "viz", str(out / "graph.ttl"), "--out", str(path)],
                       env=env, check=True, capture_output=True)
        pages.append(path.read_bytes())
    assert pages[0] == pages[1]
    assert pages[0] == (out / "graph.html").read_bytes()


def test_page_requests_nothing(seeds_build):
    out, _ = seeds_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    tags = parse(html)
    for tag, attrs in tags.tags:
        assert not {"src", "href", "srcset", "action", "data", "poster", "background"} & set(attrs), (tag, attrs)
        assert tag not in ("link", "iframe", "img", "object", "embed", "base", "form"), tag
    css = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert "@import" not in css and "@font-face" not in css
    assert set(re.findall(r"url\(\s*[\"']?([a-z]+):", css)) <= {"data"}


def test_csp_allows_exactly_the_page_scripts(seeds_build):
    out, _ = seeds_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    tags = parse(html)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    code = [body for attrs, body in tags.scripts if "type" not in attrs]
    assert len(code) == 2 and hashes == {base64.b64encode(hashlib.sha256(c.encode()).digest()).decode() for c in code}
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def render_graph(g, **kw) -> str:
    data = read(open_source(g))
    G = viz.page_graph(data)
    return viz.render(viz.build_network(G), viz.records(G, data), **kw)


def test_hostile_text_stays_data():
    html = render_graph(hostile_graph(), heading=" ".join(PAYLOADS))
    tags = parse(html)
    assert [t for t, _ in tags.tags if t == "script"] == ["script"] * 3
    assert not [t for t, _ in tags.tags if t in ("img", "a", "svg", "iframe")]
    assert html.lower().count("</script") == 3 and html.count("</style") == 2
    data = page_data(html)
    p = " ".join(PAYLOADS)
    assert data["heading"] == p
    assert [q["text"] for q in data["quotes"]] == [p] and data["quotes"][0]["cue"] == p
    person = next(e for e in data["ents"] if e["id"] == D + "ani")
    assert person["label"] == " ".join(p.split()) and [r["title"] for r in data["roles"]] == [" ".join(p.split())]
    assert data["docs"][0]["url"] == "javascript:window.__pwned=9"


def test_quote_records_carry_office_agency_topic_and_sentence():
    data = page_data(render_graph(HAND))
    ents = [e["label"] for e in data["ents"]]
    by_text = {q["text"]: q for q in data["quotes"]}
    q1 = by_text["Netralitas ASN harga mati."]
    assert ents[q1["s"]] == "Ani Wibowo" and [ents[t] for t in q1["about"]] == ["Netralitas ASN"]
    assert [(data["roles"][r]["title"], ents[data["roles"][r]["org"]]) for r in q1["roles"]] == [
        ("Kepala", "Badan Kepegawaian Negara")]
    assert q1["direct"] is True and q1["cue"] == "kata" and (q1["start"], q1["end"]) == (100, 126)
    assert data["docs"][q1["d"]] == {"id": D + "doc", "source": "a.txt", "title": "Rapat BKN", "date": "2024-02-06",
                                     "url": "https://example.org/berita/rapat-bkn"}
    q3 = by_text["Rapat berjalan lancar."]
    assert ents[q3["s"]] == "Anita" and q3["roles"] == []  # holds no office
    assert [q["text"] for q in data["quotes"]] == sorted(by_text, key=lambda t: by_text[t]["start"])
    rep = data["reports"][0]
    assert ents[rep["e"]] == "Rapat Koordinasi" and ents[rep["place"]] == "Kota Malang"
    assert [ents[p] for p in rep["parts"]] == ["Ani Wibowo"]


def test_quote_sentence_comes_from_the_document_text(seeds_build):
    out, _ = seeds_build
    data = page_data((out / "graph.html").read_text(encoding="utf-8"))
    assert all(q["text"] in q["ctx"] for q in data["quotes"])
    assert sum(q["ctx"] != q["text"] for q in data["quotes"]) > len(data["quotes"]) // 2


@pytest.mark.parametrize("title, form", [
    ("Sekretaris Daerah Kota Malang", "Sekda Kota Malang"),
    ("Pj Wali Kota Malang", "Penjabat Wali Kota Malang"),
    ("Penjabat Wali Kota Malang", "Pj Wali Kota Malang"),
    ("Wakil Presiden", "Wapres"),
])
def test_office_titles_get_their_short_and_long_forms(title, form):
    assert form in title_forms(title)


@pytest.mark.parametrize("title", ["Kepala Desa Sukamaju", "Sekdanya", ""])
def test_office_titles_without_a_known_form_get_none_new(title):
    assert all(f != title for f in title_forms(title))
    assert not [f for f in title_forms(title) if "Sekretaris Daerah" in f]


@pytest.mark.parametrize("title, some", [
    ("SEKRETARIS DAERAH kota Malang", True), ("Pj. Wali Kota Malang", True), ("Wakil Presiden/Wapres", True),
    ("Sekda-Kota Malang", True), ("Penjabat Wali Kota Malang “lama”", True), ("Wali Kotamadya", False),
    ("Sekdanya", False), ("Wakil_Presiden", False), ("", False),
])
def test_office_title_forms_are_those_a_search_with_every_pattern_finds(title, some):
    from kg.viz_data import _title_words

    every = []  # the plain way: every pattern searched, none skipped by its first word
    for pattern, other, _ in _title_words():
        form = pattern.sub(other, title) if pattern.search(title) else title
        if form != title and form not in every:
            every.append(form)
    assert title_forms(title) == tuple(every) and bool(every) == some


@pytest.mark.parametrize("kwargs, nodes", [
    ({"focus": "Badan Kepegawaian Negara", "hops": 0}, {"bkn"}),
    ({"focus": "bkn", "hops": 1}, {"bkn", "ani", "doc"}),
    ({"focus": "Ani Wibowo", "hops": 1, "types": ["Person", "Quote"]}, {"ani", "q1", "q2"}),
    ({"about": "Netralitas ASN"}, {"pol", "q1", "q2", "ani"}),
    ({"about": "Rapat Koordinasi"}, {"rak", "q3", "anita"}),
    ({"types": ["Policy", "Event"]}, {"pol", "rak"}),
    ({"types": "Place"}, {"mlg"}),
])
def test_views(kwargs, nodes):
    G = viz.select(graph_of(HAND), **kwargs)
    assert {v[len(D):] for v in G} == nodes


@pytest.mark.parametrize("kwargs, message", [
    ({"focus": "Badan Kepegawaian"}, "close matches: Badan Kepegawaian Negara"),
    ({"focus": "Ani"}, "names 2 nodes: Ani Wibowo (Person), Anita (Person)"),
    ({"about": "Ani Wibowo"}, "no Policy/Event/Agency named 'Ani Wibowo'"),
    ({"types": ["Person", "Persons"]}, "unknown node type 'Persons'; valid types: Person, Agency"),
    ({"focus": "bkn", "hops": -1}, "--hops must be 0 or more"),
])
def test_view_errors_name_the_choices(kwargs, message):
    with pytest.raises(InputError, match=re.escape(message)):
        viz.select(graph_of(HAND), **kwargs)


def test_layout_is_deterministic_and_scales_past_networkx_spring_limit():
    G = nx.gnm_random_graph(1200, 1500, seed=2)
    G.add_nodes_from(range(1200, 1230))  # isolated nodes start their own blocks
    order = sorted(G, key=lambda v: -G.degree(v))
    pos = viz.layout(G, order)
    assert set(pos) == set(G) and pos == viz.layout(G, order)
    assert len({(round(x, 1), round(y, 1)) for x, y in pos.values()}) == len(G)


def test_size_follows_rank_and_limit_is_passed(seeds_graph):
    net = viz.build_network(graph_of(seeds_graph))
    ranks = [n["rank"] for n in net.nodes]
    assert sorted(ranks) == list(range(len(ranks)))
    by_rank = sorted(net.nodes, key=lambda n: n["rank"])
    shown = [n for n in by_rank if n["kgType"] in viz.SHOWN_TYPES]
    assert by_rank[:len(shown)] == shown  # people, agencies and topics first
    assert all(a["size"] >= b["size"] for a, b in zip(shown, shown[1:]))
    html = viz.render(net, {}, limit=25)
    data = page_data(html)
    assert data["limit"] == 25 and data["options"]["interaction"]["hideEdgesOnDrag"] is True
    with pytest.raises(InputError, match="limit must be"):
        viz.render(net, {}, limit=-1)


@pytest.mark.parametrize("limit", [12, 25, 40])
def test_a_large_graph_shows_people_first_each_with_what_they_are_linked_to(seeds_graph, limit):
    net = viz.build_network(graph_of(seeds_graph), limit=limit)
    first = {n["id"]: n for n in net.nodes if n["rank"] < limit}
    linked = [(e["from"], e["to"]) for e in net.edges if e["from"] in first and e["to"] in first]
    people = [i for i, n in first.items() if n["kgType"] == "Person"]
    assert len(first) == limit and people and len(linked) >= limit - len(people)
    assert all(n["kgType"] == "Person" or any(t == i for _, t in linked) for i, n in first.items())
    assert min(first.values(), key=lambda n: n["rank"])["kgType"] == "Person"
    whole = viz.build_network(graph_of(seeds_graph), limit=0)  # counter-example: PageRank order alone
    top = [n for n in whole.nodes if n["rank"] < limit]
    assert sorted(n["rank"] for n in whole.nodes) == sorted(n["rank"] for n in net.nodes)
    assert {n["id"] for n in top} != set(first)


def boxes_overlap(a, b) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.01 and min(a[3], b[3]) - max(a[1], b[1]) > 0.01


@pytest.mark.parametrize("n, edges", [(2, 1), (40, 60), (80, 160)])
def test_spread_labels_leaves_no_two_label_boxes_overlapping(n, edges):
    G = nx.gnm_random_graph(n, edges, seed=n)
    order = sorted(G, key=lambda v: (-G.degree(v), v))
    boxes = {v: label_box(0.0, 0.0, 6 + v % 9, f"Nama Orang Nomor {v}" * (1 + v % 2)) for v in G}
    before = layout(G, order, spacing=30.0)
    pos = spread_labels(before, boxes, aspect=1.8)
    placed = [tuple(p + o for p, o in zip(pos[v] * 2, boxes[v])) for v in G]
    assert not [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:] if boxes_overlap(a, b)]
    tight = [tuple(p + o for p, o in zip(before[v] * 2, boxes[v])) for v in G]
    assert n < 40 or [(a, b) for i, a in enumerate(tight) for b in tight[i + 1:] if boxes_overlap(a, b)]  # had some


def test_seeds_labels_shown_first_do_not_overlap(seeds_graph):
    net = viz.build_network(graph_of(seeds_graph))
    first = [n for n in net.nodes if n["kgType"] in viz.SHOWN_TYPES and n["rank"] < viz.DEFAULT_LIMIT]
    placed = [label_box(n["x"], n["y"], n["size"], n["label"], pad=0.0, font=14) for n in first]
    assert len(first) > 20
    assert not [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:] if boxes_overlap(a, b)]


def test_write_page_is_atomic_readable_and_returns_the_path(tmp_path):
    old = os.umask(0o022)
    try:
        path = viz.write_page(HAND, tmp_path / "sub" / "p.html", focus="bkn")
    finally:
        os.umask(old)
    assert path == tmp_path / "sub" / "p.html"
    assert [p.name for p in path.parent.iterdir()] == ["p.html"]
    assert path.stat().st_mode & 0o777 == 0o644
    assert page_data(path.read_text(encoding="utf-8"))["heading"] == "kg: who said what · around bkn (1 hop)"


def test_cli_viz(seeds_build, tmp_path):
    from kg.cli import main

    out, _ = seeds_build
    r = CliRunner().invoke(main, ["viz", str(out / "graph.ttl"), "--out", str(tmp_path / "p.html"),
                                  "--types", "Person, Quote", "--limit", "0"])
    assert r.exit_code == 0, r.output
    data = page_data((tmp_path / "p.html").read_text(encoding="utf-8"))
    assert {n["kgType"] for n in data["nodes"]} == {"Person"} and data["limit"] == 0
    assert data["quotes"] and all(q["about"] == [] and data["docs"][q["d"]]["source"] for q in data["quotes"])
    r = CliRunner().invoke(main, ["viz", str(out / "graph.ttl"), "--out", str(tmp_path / "q.html"),
                                  "--focus", "no such name at all"])
    assert r.exit_code == 2 and "no such name at all" in r.output and len(r.output.strip().splitlines()) == 1
    assert not (tmp_path / "q.html").exists()


def _cannot_read(store):
    raise AssertionError("this process was not to draw the page")


def test_a_page_drawn_by_a_fresh_process_is_the_same_page(seeds_build, tmp_path, monkeypatch):
    out, _ = seeds_build
    here = viz.write_page(out / "graph.ttl", tmp_path / "here.html")
    monkeypatch.setattr(viz, "read", _cannot_read)
    apart = viz_apart.draw_apart(out / "graph.ttl", tmp_path / "apart.html")
    assert apart == tmp_path / "apart.html" and apart.read_bytes() == here.read_bytes()
    with pytest.raises(AssertionError, match="not to draw"):  # counter-example: drawn here
        viz.write_page(out / "graph.ttl", tmp_path / "again.html")


@pytest.mark.parametrize("cores, apart, fresh", [(1, 0, True), (1, 10 ** 9, False), (2, 10 ** 9, True)])
def test_the_page_is_drawn_in_a_fresh_process_past_a_size_or_with_two_cores(seeds_build, tmp_path, monkeypatch,
                                                                            cores, apart, fresh):
    from kg.build import pool, run

    out, _ = seeds_build
    monkeypatch.setattr(pool, "cpu_count", lambda: cores)
    monkeypatch.setattr(run, "PAGE_APART_BYTES", apart)
    monkeypatch.setattr(viz, "read", _cannot_read)
    if not fresh:  # one core and a graph below the limit: the build draws it itself
        with pytest.raises(AssertionError, match="not to draw"):
            run.build([SEEDS], tmp_path / "out")
    else:
        run.build([SEEDS], tmp_path / "out")
        assert (tmp_path / "out" / "graph.html").read_bytes() == (out / "graph.html").read_bytes()


@pytest.mark.parametrize("source, error, message", [
    ("graph.ttl", InputError, "no entity or document named 'no such name at all'"),  # raised in the child
    (HAND, KgError, "reads a graph file, not Graph"),
])
def test_a_fresh_process_raises_its_errors_here(seeds_build, tmp_path, source, error, message):
    out, _ = seeds_build
    source = out / source if isinstance(source, str) else source
    with pytest.raises(error, match=message):
        viz_apart.draw_apart(source, tmp_path / "p.html", focus="no such name at all")
    assert not (tmp_path / "p.html").exists()


def test_a_fresh_process_that_dies_is_an_error_naming_the_page(seeds_build, tmp_path, monkeypatch):
    out, _ = seeds_build
    monkeypatch.setattr(viz_apart, "_CHILD", "import os; os._exit(3)")  # as if killed before it answered
    with pytest.raises(KgError, match=r"drawing .*p\.html ended before writing it \(exit status 3\)"):
        viz_apart.draw_apart(out / "graph.ttl", tmp_path / "p.html")
    assert not (tmp_path / "p.html").exists()


@pytest.mark.parametrize("code, loaded", [
    ("import kg.viz, kg.viz_layout", False),  # the store is loaded and read before networkx is needed
    ("import kg.viz; kg.viz.page_graph(kg.viz.PageData())", True),  # counter-example
])
def test_networkx_is_imported_only_when_the_page_graph_is_built(code, loaded):
    p = subprocess.run([sys.executable, "-c", code + "; import sys; print('networkx' in sys.modules)"],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == str(loaded)


# ---- the page as a second sink of the build's stream ---------------------------------------------

def test_the_writers_tee_gets_every_byte_of_the_graph_copies_included(tmp_path):
    from kg.graph import EntityIndex, TurtleWriter

    lines = [b"<http://e/a> <http://e/p> 1 .\n", b"<http://e/b> <http://e/p> 2 .\n", b"<http://e/c> <http://e/p> 3 .\n"]
    old = tmp_path / "old.ttl"
    old.write_bytes(b"".join(lines))
    got: list[bytes] = []
    with open(old, "rb") as src, TurtleWriter(tmp_path / "g.ttl", tee=got.append) as w:
        w.copy_range(src, 0, len(lines[0]), 1)
        w.copy_range(src, len(lines[0]), len(lines[1]), 1)  # adjacent: made as one copy
        w.write_text("<http://e/d> <http://e/p> 4 .\n", 1)
        w.copy_range(src, len(lines[0]) + len(lines[1]), len(lines[2]), 1)
        w.write_entities(EntityIndex())
    written = (tmp_path / "g.ttl").read_bytes()
    assert b"".join(got) == written and written.count(b" .\n") >= 4


def _no_file(real):
    def open_source(source):
        if isinstance(source, (str, os.PathLike)):
            raise AssertionError("the page read graph.ttl again")
        return real(source)
    return open_source


@pytest.mark.parametrize("apart", [10 ** 9, 0], ids=["in-process", "fresh-process"])
def test_the_build_draws_its_page_from_the_graph_as_it_writes_it(seeds_build, tmp_path, monkeypatch, apart):
    from kg.build import run

    out, _ = seeds_build
    monkeypatch.setattr(run, "PAGE_APART_BYTES", apart)
    monkeypatch.setattr(viz, "open_source", _no_file(viz.open_source))  # this process reads no graph file
    run.build([SEEDS], tmp_path / "out")
    assert (tmp_path / "out" / "graph.html").read_bytes() == (out / "graph.html").read_bytes()
    if apart:  # counter-example: an --update that leaves the graph as it is draws a lost page from the file
        (tmp_path / "out" / "graph.html").unlink()
        with pytest.raises(AssertionError, match="read graph.ttl again"):
            run.build([SEEDS], tmp_path / "out", update=True)


def test_a_stream_cut_anywhere_loads_the_same_store_as_the_file(seeds_build):
    from kg.viz_data import stream_source

    data = (seeds_build[0] / "graph.ttl").read_bytes()
    whole = open_source(seeds_build[0] / "graph.ttl")
    cut = stream_source(data[i:i + 997] for i in range(0, len(data), 997))  # cuts inside lines and characters
    assert len(cut) == len(whole) > 1000
    assert set(map(str, cut.quads())) == set(map(str, whole.quads()))


def test_a_store_made_for_the_page_is_dropped_before_the_page_graph_is_built(seeds_build, tmp_path, monkeypatch):
    import weakref

    refs = []

    def make():
        store = open_source(seeds_build[0] / "graph.ttl")
        refs.append(weakref.ref(store))
        return store

    real = viz.page_graph

    def page_graph(data):
        assert refs[-1]() is None, "the store outlived its records"
        return real(data)

    monkeypatch.setattr(viz, "page_graph", page_graph)
    viz.write_page(make, tmp_path / "p.html")
    held = make()  # counter-example: a store the caller holds lives on
    with pytest.raises(AssertionError, match="outlived"):
        viz.write_page(held, tmp_path / "q.html")
