"""kg query and kg.store: every saved query on the seeds graph, checked against answers
computed here in Python from the graph's triples; both engines; parameters; formats."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest
from click.testing import CliRunner
from rdflib import RDF, Literal, URIRef

from kg.cli import main
from kg.errors import QueryError
from kg.ns import KG
from kg.query import bind_params, expand_title, list_saved, parse_term, resolve, run, saved_query
from kg.results import format_solutions, serialize_solutions
from kg.store import new_store, open_graph
from kg.terms import term_parts

ENGINES = ["oxigraph", "rdflib"]
SAVED = ["said_about", "quotes_by", "officials_by_agency", "office_holders", "events_between",
         "agency_policies", "co_mentioned", "quote_source", "outlets"]


@pytest.fixture(scope="module", params=ENGINES)
def store(request, seeds_build):
    out, _ = seeds_build
    s = open_graph(out / "graph.ttl", request.param)
    assert s.engine == request.param
    return s


@pytest.fixture(scope="module")
def g(seeds_graph):
    return seeds_graph


# ---- a small oracle over the rdflib graph's triples (no SPARQL) -------------------------
def names(g, e):
    return [str(x) for x in g.objects(e, KG.label)] + [str(x) for x in g.objects(e, KG.alias)]


def named(g, e, text):
    return any(text.lower() in n.lower() for n in names(g, e))


def label(g, e):
    return str(g.value(e, KG.label)) if e is not None and g.value(e, KG.label) is not None else None


def one(g, s, p):
    v = g.value(s, p)
    return None if v is None else str(v)


def rows(sol):
    return [{v: (term_parts(t)[1] if t is not None else None) for v, t in zip(sol.vars, r)} for r in sol.rows]


def go(store, name, **params):
    sol, _ = run(store, name, {k: str(v) for k, v in params.items()})
    return rows(sol)


def split(s):
    return set(filter(None, (s or "").split("; ")))


# ---- every saved query, against the oracle ------------------------------------------------
@pytest.mark.parametrize("topic", ["netralitas", "SAKIP", "reformasi birokrasi", "Pemilu"])
def test_said_about_matches_quotes_by_subject_or_words(store, g, topic):
    expected = {q for q in g.subjects(RDF.type, KG.Quote)
                if topic.lower() in str(g.value(q, KG.text)).lower()
                or any(named(g, a, topic) for a in g.objects(q, KG.about))}
    got = go(store, "said_about", topic=topic)
    assert expected, f"the seeds have quotes on {topic}"
    assert {r["quote"] for r in got} == {str(q) for q in expected}
    for r in got:
        q = URIRef(r["quote"])
        assert r["speakerLabel"] == label(g, g.value(q, KG.speaker))
        assert r["date"] == one(g, g.value(q, KG.inDocument), KG.date)
        assert split(r["about"]) == {label(g, a) for a in g.objects(q, KG.about)}
    assert "topic" not in format_solutions(run(store, "said_about", {"topic": topic})[0], "csv",
                                           hide=("topic",)).splitlines()[0]


def test_speakers_about_netralitas_are_the_officials_quoted_on_it(store, g):
    """The bar of the issue: the seed officials quoted on netralitas ASN are all found."""
    got = go(store, "said_about", topic="netralitas")
    speakers = {r["speaker"] for r in got}
    quoted = {g.value(q, KG.speaker) for q in g.subjects(RDF.type, KG.Quote)
              if "netralitas" in str(g.value(q, KG.text)).lower()}
    assert quoted and {str(s) for s in quoted} <= speakers
    assert len(speakers) >= 3 and len({r["source"] for r in got}) >= 2
    assert all(g.value(URIRef(s), KG.isOfficial) == Literal(True) for s in speakers)


@pytest.mark.parametrize("person", ["Erik", "wahyu", "Iwan Kurniawan"])
def test_quotes_by_person_are_all_their_quotes(store, g, person):
    people = {p for p in g.subjects(RDF.type, KG.Person) if named(g, p, person)}
    expected = {q for p in people for q in g.objects(p, KG.said)}
    got = go(store, "quotes_by", person=person)
    assert expected and {r["quote"] for r in got} == {str(q) for q in expected}
    assert len(got) == len(expected)
    for r in got:
        q = URIRef(r["quote"])
        assert (int(r["start"]), int(r["end"]), r["text"]) == (int(g.value(q, KG.start)), int(g.value(q, KG.end)),
                                                               str(g.value(q, KG.text)))


def _roles(g):
    for role in g.subjects(RDF.type, KG.Role):
        doc = g.value(role, KG.inDocument)
        yield {"person": g.value(role, KG.holder), "org": g.value(role, KG.organization),
               "title": str(g.value(role, KG.roleTitle)), "doc": doc,
               "date": one(g, role, KG.date), "docdate": one(g, doc, KG.date)}


@pytest.mark.parametrize("agency", [None, "pemkot malang", "BKN"])
def test_officials_by_agency(store, g, agency):
    groups = defaultdict(list)
    for r in _roles(g):
        if r["org"] is not None and (agency is None or named(g, r["org"], agency)):
            groups[(str(r["org"]), str(r["person"]))].append(r)
    got = go(store, "officials_by_agency", **({"agency": agency} if agency else {}))
    assert groups and {(r["org"], r["person"]) for r in got} == set(groups)
    for r in got:
        rs = groups[(r["org"], r["person"])]
        dates = sorted(x["date"] for x in rs if x["date"])
        assert split(r["titles"]) == {x["title"] for x in rs}
        assert (r["first"], r["last"]) == ((dates[0], dates[-1]) if dates else (None, None))
        assert int(r["documents"]) == len({x["doc"] for x in rs})
        assert r["agencyLabel"] == label(g, URIRef(r["org"]))


@pytest.mark.parametrize("office", ["Pj Wali Kota Malang", "Sekda", None])
def test_office_holders_over_time(store, g, office):
    needle = expand_title(office).lower() if office else ""
    groups = defaultdict(list)
    for r in _roles(g):
        org = label(g, r["org"]) or ""
        if needle in r["title"].lower() or needle in f"{r['title']} {org}".lower():
            groups[(r["title"], str(r["person"]))].append(r)
    got = go(store, "office_holders", **({"office": office} if office else {}))
    assert groups and {(r["title"], r["person"]) for r in got} == set(groups)
    for r in got:
        dates = sorted(x["date"] or x["docdate"] for x in groups[(r["title"], r["person"])] if x["date"] or x["docdate"])
        assert (r["from"], r["to"]) == ((dates[0], dates[-1]) if dates else (None, None))
    by_title = defaultdict(list)
    for r in got:
        by_title[(r["title"], r["orgLabel"])].append(r["from"] or "")
    assert all(v == sorted(v) for v in by_title.values()), "holders of one office are listed in time order"


def test_pj_wali_kota_malang_has_had_more_than_one_holder(store):
    got = go(store, "office_holders", office="Pj Wali Kota Malang")
    assert expand_title("Pj Wali Kota Malang") == "Penjabat Wali Kota Malang"
    assert len({r["person"] for r in got}) >= 2


@pytest.mark.parametrize("lo,hi", [("2024-01-01", "2024-06-30"), ("2000-01-01", "2030-12-31"), (None, "2023-12-31")])
def test_events_between_dates_with_participants(store, g, lo, hi):
    expected = {}
    for rep in g.subjects(RDF.type, KG.EventReport):
        d = one(g, rep, KG.date)
        if d and (lo is None or d >= lo) and (hi is None or d <= hi):
            expected[(str(g.value(rep, KG.reportsEvent)), one(g, g.value(rep, KG.inDocument), KG.source))] = \
                {label(g, p) for p in g.objects(rep, KG.participant)}
    params = {k: v for k, v in (("from", lo), ("to", hi)) if v}
    got = go(store, "events_between", **params)
    assert expected and {(r["event"], r["source"]): split(r["participants"]) for r in got} == expected
    assert [r["date"] for r in got] == sorted(r["date"] for r in got)


@pytest.mark.parametrize("agency", ["Pemkot Malang", None])
def test_agency_policies(store, g, agency):
    expected = defaultdict(set)
    for r in _roles(g):
        if r["org"] is None or (agency and not named(g, r["org"], agency)):
            continue
        for q in g.objects(r["person"], KG.said):
            for a in g.objects(q, KG.about):
                if (a, RDF.type, KG.Policy) in g:
                    expected[(str(r["org"]), str(a))].add(q)
    got = go(store, "agency_policies", **({"agency": agency} if agency else {}))
    assert expected and {(r["org"], r["policy"]): int(r["quotes"]) for r in got} == \
        {k: len(v) for k, v in expected.items()}


@pytest.mark.parametrize("engine", ENGINES)
def test_an_agency_speaking_as_a_body_speaks_about_its_policies(extractor, tmp_path, engine):
    from kg.graph import build_graph
    from kg.layout import parse_article

    r = extractor.extract(parse_article("t.txt", (
        "KPK Imbau Penguatan SAKIP\n\nJAKARTA, Kabar Contoh - Komisi Pemberantasan Korupsi mengimbau seluruh "
        "kepala daerah memperkuat Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) di dinas-dinas "
        "mereka.\n")))
    build_graph([r]).serialize(tmp_path / "g.ttl", format="turtle")
    got = go(open_graph(tmp_path / "g.ttl", engine), "agency_policies", agency="Pemberantasan Korupsi")
    assert [(r["agencyLabel"], r["policyLabel"], r["quotes"], r["speakers"]) for r in got] == [
        ("Komisi Pemberantasan Korupsi", "Sistem Akuntabilitas Kinerja Instansi Pemerintah", "1",
         "Komisi Pemberantasan Korupsi")]


@pytest.mark.parametrize("etype,entity", [("Person", None), (None, "Bawaslu"), ("Policy", None)])
def test_co_mentioned_pairs(store, g, etype, entity):
    docs = defaultdict(set)
    for e, d in g.subject_objects(KG.mentionedIn):
        if g.value(e, KG.label) is not None and (etype is None or (e, RDF.type, KG[etype]) in g):
            docs[e].add(d)
    expected = {}
    for a in docs:
        for b in docs:
            shared = docs[a] & docs[b]
            if not shared or a == b:
                continue
            if entity is None and str(a) < str(b) or entity is not None and named(g, a, entity):
                expected[(str(a), str(b))] = len(shared)
    params = {k: v for k, v in (("type", etype), ("entity", entity)) if v}
    got = go(store, "co_mentioned", **params)
    assert expected and {(r["a"], r["b"]): int(r["documents"]) for r in got} == expected
    assert [int(r["documents"]) for r in got] == sorted((int(r["documents"]) for r in got), reverse=True)


def test_quote_source_sentence_holds_the_quote_at_its_offsets(store, g):
    got = go(store, "quote_source")
    quotes = set(g.subjects(RDF.type, KG.Quote))
    assert {r["quote"] for r in got} == {str(q) for q in quotes}
    for r in got:
        q = URIRef(r["quote"])
        text = str(g.value(g.value(q, KG.inDocument), KG.text))
        start, end = int(r["start"]), int(r["end"])
        assert r["span"] == text[start:end] == str(g.value(q, KG.text))
        at = text.find(r["sentence"], max(0, start - 400))
        assert r["span"] in r["sentence"] and 0 <= at <= start and at + len(r["sentence"]) >= end
        before = text[:at].rstrip(" ")
        assert before == "" or before[-1] in ".!?…\n\"”’)", (before[-30:], r["sentence"][:40])


def test_quote_source_for_one_quote_by_iri(store, g):
    q = sorted(g.subjects(RDF.type, KG.Quote))[3]
    got = go(store, "quote_source", quote=f"<{q}>")
    assert [r["quote"] for r in got] == [str(q)]


def test_engines_agree_on_every_saved_query(seeds_build):
    out, _ = seeds_build
    ox, rd = (open_graph(out / "graph.ttl", e) for e in ENGINES)
    params = {"said_about": {"topic": "netralitas"}, "quotes_by": {"person": "Erik"}}
    for name in SAVED:
        a, b = (rows(run(s, name, params.get(name, {}))[0]) for s in (ox, rd))
        norm = lambda rs: sorted(tuple(sorted(split(v)) if v and "; " in v else (v or "")  # noqa: E731
                                       for v in r.values()) for r in rs)
        assert a and norm(a) == norm(b), name


def test_facts_view_is_the_same_on_both_engines(seeds_build):
    from kg.facts import facts

    out, _ = seeds_build
    assert facts(open_graph(out / "graph.ttl", "oxigraph")) == facts(open_graph(out / "graph.ttl", "rdflib"))


# ---- which engine runs ------------------------------------------------------------------
def test_oxigraph_engine_never_runs_rdflibs_sparql(seeds_build, monkeypatch):
    import rdflib.plugins.sparql.processor as proc

    out, _ = seeds_build
    ox, rd = open_graph(out / "graph.ttl", "oxigraph"), open_graph(out / "graph.ttl", "rdflib")

    def boom(*a, **k):
        raise AssertionError("rdflib's SPARQL engine ran")

    monkeypatch.setattr(proc, "evalQuery", boom)
    assert run(ox, "said_about", {"topic": "netralitas"})[0].rows
    with pytest.raises(QueryError, match="rdflib's SPARQL engine ran"):
        run(rd, "said_about", {"topic": "netralitas"})


def test_store_query_gives_rdflib_results_on_both_engines(store):
    res = store.query("SELECT ?p ?name WHERE { ?p a kg:Person ; kg:label ?name } ORDER BY ?name", {})
    first = next(iter(res))
    assert isinstance(first.p, URIRef) and isinstance(first.name, Literal)
    assert b"p,name" in res.serialize(format="csv")
    assert store.query("ASK { ?s a kg:Quote }").askAnswer is True
    assert len(store.query("CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }").graph) > 0


# ---- parameters ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("<https://w3id.org/kgid/id/person/x>", ("iri", "https://w3id.org/kgid/id/person/x", None, None)),
    ('"2024-02-06"^^xsd:date', ("literal", "2024-02-06", "http://www.w3.org/2001/XMLSchema#date", None)),
    ('"5"^^<http://www.w3.org/2001/XMLSchema#integer>', ("literal", "5", "http://www.w3.org/2001/XMLSchema#integer", None)),
    ('"ASN"@id', ("literal", "ASN", None, "id")),
    ('"say \\"hi\\"\\n"', ("literal", 'say "hi"\n', None, None)),
    ("netralitas ASN", ("literal", "netralitas ASN", None, None)),
    ("<not an iri>", ("literal", "<not an iri>", None, None)),
    ("'; DROP ALL", ("literal", "'; DROP ALL", None, None)),
])
def test_parse_term(text, expected):
    assert parse_term(text) == expected


@pytest.mark.parametrize("name,raw,message", [
    ("said_about", {}, "needs --param topic"),
    ("said_about", {"topik": "x", "topic": "y"}, "valid: topic"),
    ("events_between", {"from": "31/01/2024"}, "YYYY-MM-DD"),
    ("co_mentioned", {"type": "Orang"}, "Person, Agency, Policy, Event, Place"),
    ("quote_source", {"quote": "not-an-iri"}, "not an IRI"),
])
def test_bad_parameters_name_the_valid_choices(name, raw, message):
    with pytest.raises(QueryError, match=message):
        bind_params(saved_query(name), raw)


def test_hostile_parameter_is_a_value_not_sparql(store):
    """A parameter that looks like SPARQL is matched as text and changes nothing."""
    sol, _ = run(store, "said_about", {"topic": '") } } SELECT * WHERE { ?s ?p ?o } #'})
    assert sol.rows == []


def test_resolve_takes_text_files_and_saved_names(tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1", encoding="utf-8")
    assert resolve(str(f)) == ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", None)
    assert resolve("said_about")[1].name == "said_about"
    assert resolve("ASK { ?s ?p ?o }") == ("ASK { ?s ?p ?o }", None)
    with pytest.raises(QueryError, match="valid names: .*said_about"):
        resolve("said_abut")


def test_every_saved_query_is_documented_with_its_parameters():
    listed = {q.name: q for q in list_saved()}
    assert set(SAVED) <= set(listed)
    for name in SAVED:
        assert listed[name].help and all(p.help for p in listed[name].params)


# ---- formats --------------------------------------------------------------------------------
HOSTILE = '<script>alert(1)</script> "q" , =cmd|\' \t tab\nline & \x00 \u2028 \u202etxt.exe'


@pytest.fixture(scope="module", params=ENGINES)
def hostile(request):
    s = new_store(request.param)
    s.load(data=f'<https://e.org/a> <https://e.org/p> {json.dumps(HOSTILE)}@id .\n'
                '<https://e.org/a> <https://e.org/n> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .', fmt="nt")
    return s.execute("SELECT ?s ?o ?n WHERE { ?s <https://e.org/p> ?o ; <https://e.org/n> ?n }")


def test_json_results_round_trip_and_carry_no_markup(hostile):
    body = serialize_solutions(hostile, "json")
    assert b"<" not in body and b"&" not in body and "\u2028".encode() not in body
    b = json.loads(body)["results"]["bindings"][0]
    assert b["o"] == {"type": "literal", "value": HOSTILE, "xml:lang": "id"}
    assert b["n"]["datatype"].endswith("#integer")


def test_xml_results_parse_and_keep_the_text(hostile):
    root = ET.fromstring(serialize_solutions(hostile, "xml"))
    lit = root.find(".//{http://www.w3.org/2005/sparql-results#}literal[@{http://www.w3.org/XML/1998/namespace}lang]")
    assert lit.text == HOSTILE.replace("\x00", "\ufffd")


def test_csv_and_tsv_results_keep_one_row_per_solution(hostile):
    rows_ = list(csv.reader(io.StringIO(serialize_solutions(hostile, "csv").decode())))
    assert rows_ == [["s", "o", "n"], ["https://e.org/a", HOSTILE, "7"]]
    tsv = serialize_solutions(hostile, "tsv")
    lines = tsv.decode().rstrip("\n").split("\n")
    assert len(lines) == 2 and lines[0] == "?s\t?o\t?n" and len(lines[1].split("\t")) == 3
    import pyoxigraph as ox  # TSV cells are Turtle terms ("7" is an xsd:integer): they read back as the same terms

    back = [tuple(term_parts(sol[v]) for v in ("s", "o", "n"))
            for sol in ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)]
    assert back == [tuple(term_parts(t) for t in row) for row in hostile.rows]


def test_table_is_one_line_per_row_without_control_characters(hostile):
    text = format_solutions(hostile, "table")
    assert len(text.splitlines()) == 3 and "\x00" not in text and "\t" not in text and "\u202e" not in text


# ---- the command line ------------------------------------------------------------------------
@pytest.fixture()
def cli():
    return CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


@pytest.mark.parametrize("engine", ENGINES)
def test_cli_syntax_error_gives_line_and_column_and_exit_2(cli, seeds_build, engine):
    out, _ = seeds_build
    r = cli.invoke(main, ["query", str(out / "graph.ttl"), "SELECT ?x WHERE {\n  ?x ?y\n}", "--engine", engine])
    assert r.exit_code == 2
    assert "kg: error: SPARQL syntax error at line " in r.stderr and ", column " in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_cli_runs_a_saved_query_in_each_format(cli, seeds_build, fmt):
    out, _ = seeds_build
    r = cli.invoke(main, ["query", str(out / "graph.ttl"), "quotes_by", "--param", "person=Erik", "--format", fmt])
    assert r.exit_code == 0, r.output
    if fmt == "json":
        data = json.loads(r.stdout)
        assert "person" not in data["head"]["vars"] and data["results"]["bindings"]
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(r.stdout)))[0] == "speakerLabel"
    else:
        assert "speakerLabel" in r.stdout.splitlines()[0] and "Erik" in r.stdout


def test_cli_list_and_update_refusal(cli, seeds_build):
    out, _ = seeds_build
    r = cli.invoke(main, ["query", "--list"])
    assert r.exit_code == 0 and all(name in r.stdout for name in SAVED)
    r = cli.invoke(main, ["query", str(out / "graph.ttl"), "DELETE WHERE { ?s ?p ?o }"])
    assert r.exit_code == 2 and "read-only" in r.stderr
    r = cli.invoke(main, ["query", str(out / "graph.ttl"), "no_such_query"])
    assert r.exit_code == 2 and "valid names" in r.stderr


def test_engine_variants_are_not_listed_but_run_on_their_engine():
    from kg.query import saved_queries

    sq = saved_query("co_mentioned")
    assert "co_mentioned.rdflib" not in saved_queries()
    assert sq.text_for("rdflib") != sq.text == sq.text_for("oxigraph")


# ---- #17 papercuts -----------------------------------------------------------------------------
@pytest.mark.parametrize("spec,header", [
    ("facts/quotes", "q,speaker,text,direct,source,start,end"),
    ("facts/roles", None),
    ("officials_by_agency", None),
])
def test_saved_queries_in_subfolders_are_addressable(cli, seeds_build, spec, header):
    out, _ = seeds_build
    r = cli.invoke(main, ["query", str(out / "graph.ttl"), spec, "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == header if header else r.stdout.strip()


def test_a_missing_query_file_still_says_so(cli, seeds_build, tmp_path):
    out, _ = seeds_build
    r = cli.invoke(main, ["query", str(out / "graph.ttl"), str(tmp_path / "nope" / "q.rq")])
    assert r.exit_code == 2 and "cannot read query file" in r.stderr


@pytest.mark.parametrize("fmt,ok", [("csv", False), ("tsv", False), ("json", True), ("table", True)])
def test_construct_takes_only_graph_formats(cli, seeds_build, fmt, ok):
    out, _ = seeds_build
    q = "CONSTRUCT { ?p kg:label ?n } WHERE { ?p a kg:Person ; kg:label ?n }"
    r = cli.invoke(main, ["query", str(out / "graph.ttl"), q, "--format", fmt])
    if ok:
        assert r.exit_code == 0 and "kgid" in r.stdout
    else:
        assert r.exit_code == 2 and f"--format {fmt} is for SELECT and ASK" in r.stderr
        assert "valid: table, json" in r.stderr
