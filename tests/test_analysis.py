"""kg.analysis on tiny hand-built graphs with known answers, then on the seeds."""
from __future__ import annotations

import csv
import hashlib
import random

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, URIRef

from kg import analysis as A
from kg.errors import InputError
from kg.ns import KG

PRE = """@prefix kg: <https://w3id.org/kgid/ns#> . @prefix d: <https://w3id.org/kgid/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
D = "https://w3id.org/kgid/id/"


def ttl(body: str) -> Graph:
    return Graph().parse(data=PRE + body, format="turtle")


def short(iri: str) -> str:
    return iri[len(D):] if iri.startswith(D) else iri


# Two people, one agency, two policies; Ani speaks three times, Budi once.
SPEECH = ttl("""
d:ani a kg:Person ; kg:label "Ani" ; kg:isOfficial true .
d:budi a kg:Person ; kg:label "Budi" ; kg:isOfficial true .
d:cici a kg:Person ; kg:label "Cici" ; kg:isOfficial false .
d:bkn a kg:Agency ; kg:label "BKN" .
d:sakip a kg:Policy ; kg:label "SAKIP" .
d:merit a kg:Policy ; kg:label "Sistem Merit" .
d:malang a kg:Place ; kg:label "Malang" .
d:q1 a kg:Quote ; kg:text "Satu." ; kg:isDirect true ; kg:speaker d:ani ; kg:about d:sakip .
d:q2 a kg:Quote ; kg:text "Dua." ; kg:isDirect false ; kg:speaker d:ani ; kg:about d:sakip , d:bkn .
d:q3 a kg:Quote ; kg:text "Tiga." ; kg:isDirect true ; kg:speaker d:ani ; kg:about d:merit .
d:q4 a kg:Quote ; kg:text "Empat." ; kg:isDirect true ; kg:speaker d:budi ; kg:about d:sakip , d:malang .
d:q5 a kg:Quote ; kg:text "Lima." ; kg:isDirect true ; kg:speaker d:cici .
d:q6 a kg:Quote ; kg:text "Tanpa pembicara." ; kg:isDirect false .
""")


def test_who_said_what_edges_and_types():
    G = A.who_said_what(SPEECH)
    edges = sorted((short(u), short(v), r) for u, v, r in G.edges(data="rel"))
    assert edges == [("ani", "q1", "said"), ("ani", "q2", "said"), ("ani", "q3", "said"), ("budi", "q4", "said"),
                     ("cici", "q5", "said"), ("q1", "sakip", "about"), ("q2", "bkn", "about"),
                     ("q2", "sakip", "about"), ("q3", "merit", "about"), ("q4", "sakip", "about")]
    # a place is not something a quote is "about" in this projection; a quote without speaker stays
    assert D + "malang" not in G and D + "q6" in G
    assert G.nodes[D + "bkn"]["type"] == "Agency" and G.nodes[D + "q1"]["label"] == "Satu."


def test_top_speakers_per_policy_and_most_quoted_officials():
    top = A.top_speakers(SPEECH)
    assert list(map(short, top)) == ["sakip", "merit"]
    assert [(s["label"], s["quotes"]) for s in top[D + "sakip"]["speakers"]] == [("Ani", 2), ("Budi", 1)]
    assert [(s["label"], s["quotes"]) for s in top[D + "merit"]["speakers"]] == [("Ani", 1)]
    mq = A.most_quoted(SPEECH)
    assert [(v["label"], v["quotes"], v["direct"], v["reported"]) for v in mq.values()] == [
        ("Ani", 3, 2, 1), ("Budi", 1, 1, 0)]
    assert [v["label"] for v in A.most_quoted(SPEECH, officials_only=False).values()] == ["Ani", "Budi", "Cici"]
    with pytest.raises(InputError, match="valid types: Person, Agency"):
        A.top_speakers(SPEECH, types=("Policies",))


@pytest.mark.parametrize("text, expected", [
    ("Ani datang. Budi pulang.", ["Ani datang.", "Budi pulang."]),
    ("Dr. Ir. H. Ani, M.Si. hadir. Lalu pergi.", ["Dr. Ir. H. Ani, M.Si. hadir.", "Lalu pergi."]),
    ("Harga naik 2.5 persen. Bagus!", ["Harga naik 2.5 persen.", "Bagus!"]),
    ("Kata dia: “Siap!” Lalu diam.", ["Kata dia: “Siap!”", "Lalu diam."]),
    ("Judul tanpa titik\nIsi berita. sambungan kecil.", ["Judul tanpa titik", "Isi berita. sambungan kecil."]),
    ("  \n\n ", []),
])
def test_sentences(text, expected):
    assert [text[a:b] for a, b in A.sentences(text)] == expected


MENTIONS = ttl("""
d:doc a kg:Document ; kg:text "Ani ke BKN. Budi di BKN dan Ani. Cici." .
d:doc2 a kg:Document ; kg:text "Ani dan Budi." .
d:ani a kg:Person ; kg:label "Ani" ; kg:mentionedIn d:doc , d:doc2 .
d:budi a kg:Person ; kg:label "Budi" ; kg:mentionedIn d:doc , d:doc2 .
d:cici a kg:Person ; kg:label "Cici" ; kg:mentionedIn d:doc .
d:bkn a kg:Agency ; kg:label "BKN" ; kg:mentionedIn d:doc .
d:dedi a kg:Person ; kg:label "Dedi" .
d:m1 a kg:Mention ; kg:mentionOf d:ani ; kg:inDocument d:doc ; kg:start 0 ; kg:end 3 .
d:m2 a kg:Mention ; kg:mentionOf d:bkn ; kg:inDocument d:doc ; kg:start 7 ; kg:end 10 .
d:m3 a kg:Mention ; kg:mentionOf d:budi ; kg:inDocument d:doc ; kg:start 12 ; kg:end 16 .
d:m4 a kg:Mention ; kg:mentionOf d:bkn ; kg:inDocument d:doc ; kg:start 20 ; kg:end 23 .
d:m5 a kg:Mention ; kg:mentionOf d:ani ; kg:inDocument d:doc ; kg:start 28 ; kg:end 31 .
d:m6 a kg:Mention ; kg:mentionOf d:cici ; kg:inDocument d:doc ; kg:start 33 ; kg:end 37 .
d:m7 a kg:Mention ; kg:mentionOf d:ani ; kg:inDocument d:doc2 ; kg:start 0 ; kg:end 3 .
d:m8 a kg:Mention ; kg:mentionOf d:budi ; kg:inDocument d:doc2 ; kg:start 8 ; kg:end 12 .
""")


@pytest.mark.parametrize("scope, expected", [
    # sentences: "Ani ke BKN." / "Budi di BKN dan Ani." / "Cici." / doc2 "Ani dan Budi."
    ("sentence", {("ani", "bkn"): 2, ("ani", "budi"): 2, ("bkn", "budi"): 1}),
    ("document", {("ani", "bkn"): 1, ("ani", "budi"): 2, ("bkn", "budi"): 1, ("ani", "cici"): 1,
                  ("bkn", "cici"): 1, ("budi", "cici"): 1}),
])
def test_co_mention_weights(scope, expected):
    G = A.co_mention(MENTIONS, scope)
    got = {tuple(sorted((short(u), short(v)))): w for u, v, w in G.edges(data="weight")}
    assert got == expected
    assert set(map(short, G)) == {"ani", "budi", "cici", "bkn", "dedi"}  # every entity is a node
    assert all(d["distance"] == pytest.approx(1 / d["weight"]) for *_, d in G.edges(data=True))


def test_co_mention_unknown_scope_names_the_choices():
    with pytest.raises(InputError, match="valid scopes: sentence, document"):
        A.co_mention(MENTIONS, "paragraph")


def test_affiliation_shares_offices_and_finds_bridges():
    g = ttl("""
    d:ani a kg:Person ; kg:label "Ani" .  d:budi a kg:Person ; kg:label "Budi" .
    d:bkn a kg:Agency ; kg:label "BKN" .  d:kpk a kg:Agency ; kg:label "KPK" .
    d:r1 a kg:Role ; kg:holder d:ani ; kg:roleTitle "Kepala" ; kg:organization d:bkn .
    d:r2 a kg:Role ; kg:holder d:ani ; kg:roleTitle "Kepala" ; kg:organization d:bkn .
    d:r3 a kg:Role ; kg:holder d:budi ; kg:roleTitle "kepala" ; kg:organization d:bkn .
    d:r4 a kg:Role ; kg:holder d:ani ; kg:roleTitle "Penasihat" ; kg:organization d:kpk .
    d:r5 a kg:Role ; kg:holder d:budi ; kg:roleTitle "Dosen" .
    """)
    G = A.affiliation(g)
    offices = sorted(G.nodes[v]["label"] for v, t in G.nodes(data="type") if t == "Office")
    assert offices == ["Dosen", "Kepala (BKN)", "Penasihat (KPK)"]
    kepala = next(v for v in G if G.nodes[v]["label"] == "Kepala (BKN)")
    assert sorted(short(p) for p in G.predecessors(kepala)) == ["ani", "budi"]  # one office, two holders
    assert G.edges[D + "ani", kepala]["documents"] == 2
    bridges = A.analyze(g)["bridges"]
    assert {short(k): v["agencies"] for k, v in bridges.items()} == {"ani": ["BKN", "KPK"]}


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_pagerank_matches_networkx_reference(directed, weighted):
    rnd = random.Random(3)
    G = nx.gnm_random_graph(40, 90, seed=5, directed=directed)
    G.add_node(99)  # an isolated (dangling) node
    for u, v in G.edges:
        G.edges[u, v]["weight"] = rnd.randint(1, 5) if weighted else 1
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
    ref = _pagerank_python(G, weight="weight", tol=1e-13, max_iter=2000)
    ours = A.pagerank(G)
    assert ours.keys() == ref.keys()
    assert max(abs(ours[k] - ref[k]) for k in ref) < 1e-8
    assert sum(ours.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("G, node, degree, betweenness", [
    (nx.path_graph(["a", "b", "c"]), "b", 1.0, 1.0),
    (nx.path_graph(["a", "b", "c"]), "a", 0.5, 0.0),
    (nx.star_graph(4), 0, 1.0, 1.0),
    (nx.star_graph(4), 1, 0.25, 0.0),
    (nx.cycle_graph(4), 0, 2 / 3, 1 / 6),
])
def test_centrality_known_values(G, node, degree, betweenness):
    c = A.centrality(G)
    assert c["degree"][node] == pytest.approx(degree)
    assert c["betweenness"][node] == pytest.approx(betweenness)


def test_betweenness_uses_distance_when_the_edges_have_it():
    # a-b-d is one hop shorter than a-c-d, but the a-c, c-d pair is mentioned 10 times together
    G = nx.Graph()
    for u, v, w in [("a", "b", 1), ("b", "d", 1), ("a", "c", 10), ("c", "d", 10)]:
        G.add_edge(u, v, weight=w, distance=1 / w)
    c = A.centrality(G)
    assert c["betweenness"]["c"] > 0 and c["betweenness"]["b"] == 0


def test_communities_two_cliques_and_seeded():
    G = nx.Graph()
    G.add_edges_from((u, v) for grp in (["a", "b", "c", "d"], ["w", "x", "y", "z"]) for u in grp for v in grp if u < v)
    G.add_edge("d", "w")
    G.add_node("lonely")
    first, second = A.communities(G, seed=1), A.communities(G, seed=1)
    assert first == second
    assert first["communities"] == [["a", "b", "c", "d"], ["w", "x", "y", "z"], ["lonely"]]
    assert first["membership"]["x"] == 1 and first["membership"]["lonely"] == 2
    assert first["modularity"] == pytest.approx(nx.community.modularity(G, first["communities"]))


def test_components_directed_and_undirected():
    assert A.components(nx.DiGraph([(1, 2), (3, 2), (4, 5)]))["sizes"] == [3, 2]
    c = A.components(nx.Graph([("x", "y")]))
    assert c == {"count": 1, "sizes": [2], "components": [["x", "y"]]}
    assert A.components(nx.Graph())["count"] == 0


def test_analyze_scores_every_entity_and_writes_them_back():
    result = A.analyze(SPEECH, scope="document")
    ents = {s for c in A.ENTITY_CLASSES.values() for s in SPEECH.subjects(RDF.type, c)}
    assert set(result["scores"]) == {str(e) for e in ents}
    # degree in who-said-what: Ani has 3 edges (her quotes); a place is not in that projection
    n = len(A.who_said_what(SPEECH))
    assert result["scores"][D + "ani"]["degree"] == pytest.approx(3 / (n - 1))
    assert result["scores"][D + "malang"]["degree"] == 0.0
    g = Graph()
    for t in SPEECH:
        g.add(t)
    assert A.write_scores(g, result) == 4 * len(ents)
    A.write_scores(g, result)  # again: replaced, not added
    assert len(list(g.objects(URIRef(D + "ani"), KG.pagerank))) == 1
    rows = list(g.query("""PREFIX kg: <https://w3id.org/kgid/ns#>
        SELECT ?e ?r WHERE { ?e kg:pagerank ?r ; kg:community ?c } ORDER BY DESC(?r)"""))
    assert len(rows) == len(ents)
    assert [float(r.r) for r in rows] == sorted((v["pagerank"] for v in result["scores"].values()), reverse=True)


def test_report_escapes_hostile_labels(tmp_path):
    g = ttl(r"""
    d:x a kg:Person ; kg:label "<script>alert(1)</script> | a \"q\" \\ b" ; kg:isOfficial true .
    d:p a kg:Policy ; kg:label "<img src=x onerror=alert(2)>" .
    d:q a kg:Quote ; kg:speaker d:x ; kg:about d:p ; kg:isDirect true .
    """)
    paths = A.write_report(A.analyze(g), tmp_path)
    assert sorted(p.name for p in paths) == sorted(["report.md", "scores.csv", "co_mentions.csv", "top_speakers.csv",
                                                    "most_quoted.csv", "affiliations.csv"])
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md and "\\|" in md
    with open(tmp_path / "most_quoted.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["label"] == '<script>alert(1)</script> | a "q" \\ b' and rows[0]["quotes"] == "1"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def test_seeds_analysis(seeds_graph):
    r = A.analyze(seeds_graph)
    ents = {s for c in A.ENTITY_CLASSES.values() for s in seeds_graph.subjects(RDF.type, c)}
    assert set(r["scores"]) == {str(e) for e in ents}
    assert sum(v["pagerank"] for v in r["scores"].values()) == pytest.approx(1.0)
    quotes_by = {}
    for q in seeds_graph.subjects(RDF.type, KG.Quote):
        for p in seeds_graph.objects(q, KG.speaker):
            quotes_by[str(p)] = quotes_by.get(str(p), 0) + 1
    top = next(iter(r["most_quoted"]))
    assert r["most_quoted"][top]["quotes"] == max(quotes_by.values())
    assert r == A.analyze(seeds_graph)  # deterministic, Louvain included


def test_cli_analyze_writes_report_and_scored_graph(seeds_build, tmp_path):
    from kg.cli import main

    out, _ = seeds_build
    src = out / "graph.ttl"
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    r = CliRunner().invoke(main, ["analyze", str(src), "--out", str(tmp_path / "a")])
    assert r.exit_code == 0, r.output
    assert "communities:" in r.output and "wrote" in r.output
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before  # input left alone
    g = Graph().parse(tmp_path / "a" / "graph.analyzed.ttl", format="turtle")
    ents = {s for c in A.ENTITY_CLASSES.values() for s in g.subjects(RDF.type, c)}
    assert ents and all(g.value(e, KG.pagerank) is not None and g.value(e, KG.community) is not None for e in ents)
    md = (tmp_path / "a" / "report.md").read_text(encoding="utf-8")
    assert md.startswith("# Who said what")
    # one table, two graphs: every measure's column says which graph it comes from
    head = next(line for line in md.splitlines() if line.startswith("| entity | type | PageRank"))
    cols = [c.strip() for c in head.strip("|").split("|")][2:]
    assert cols and all(c.endswith(("(co-mention)", "(who-said-what)")) for c in cols)
    assert "degree from the who-said-what graph" in md


def test_cli_analyze_missing_graph_is_one_line(tmp_path):
    from kg.cli import main

    r = CliRunner().invoke(main, ["analyze", str(tmp_path / "nope.ttl"), "--out", str(tmp_path / "a")])
    assert r.exit_code == 2 and "nope.ttl" in r.output and len(r.output.strip().splitlines()) == 1


def test_large_graphs_estimate_betweenness_from_seeded_pivots(monkeypatch):
    monkeypatch.setattr(A, "BETWEENNESS_EXACT_LIMIT", 50)
    monkeypatch.setattr(A, "BETWEENNESS_PIVOTS", 20)
    G = nx.barabasi_albert_graph(120, 2, seed=4)
    first, again = A.centrality(G, seed=3), A.centrality(G, seed=3)
    assert first["pivots"] == 20 and first["betweenness"] == again["betweenness"]
    exact = nx.betweenness_centrality(G)
    hub = max(exact, key=exact.get)
    assert max(first["betweenness"], key=first["betweenness"].get) == hub  # the estimate still finds the broker
    assert A.centrality(nx.path_graph(3))["pivots"] is None
