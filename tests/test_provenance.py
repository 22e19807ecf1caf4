"""Provenance: a document's URL (schema:url), outlet and retrieval time, from JSON Lines
and HTML, written alike by both graph writers, in `kg facts` and the saved queries.
Names and texts are invented."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import RDF, XSD, Graph, Literal

from kg.cli import main
from kg.facts import facts
from kg.graph import EntityIndex, TurtleWriter, render_copy, render_doc
from kg.graph import build_graph, copy_iri, document_iri
from kg.ns import KG, SCHEMA
from kg.records import Article, Copy, DocResult

TEXT = ("KOTA ANTAH - Kepala Dinas Kominfo Kota Antah Rudi Wiranto membuka pelatihan pegawai pada "
        "Senin (4/3/2024).\n\n“Kami ingin setiap pegawai melayani warga dengan cepat,” ujar Rudi Wiranto.")


def canonical(g: Graph) -> list[str]:
    return sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())


def streamed(results, path):
    index = EntityIndex()
    with TurtleWriter(path) as w:
        for r in results:
            b = render_doc(r)
            w.write_block(b.text.encode("utf-8"), r.article.source, b.triples)
            index.add(r.article.source, b.summary)
        w.write_entities(index)
    return Graph().parse(path, format="turtle")


@pytest.mark.parametrize("url,site,retrieved", [
    ("https://kabar-antah.example/berita/1?a=1&b=2#x", "Kabar Antah", "2024-03-04T08:00:00Z"),
    ('https://x.example/a "b"\\c d', 'Situs "aneh"\\', None),       # characters Turtle must escape
    (None, None, None),                                             # counter-example: nothing known, nothing written
])
def test_both_writers_write_the_same_provenance(url, site, retrieved, tmp_path):
    art = Article(source="a.html", text="Isi.", url=url, site=site, retrieved=retrieved)
    r = DocResult(article=art)
    expected = build_graph([r])
    got = streamed([r], tmp_path / "g.ttl")
    assert canonical(got) == canonical(expected)
    doc = document_iri("a.html")
    assert got.value(doc, SCHEMA.url) == (Literal(url, datatype=XSD.anyURI) if url else None)
    assert got.value(doc, KG.outlet) == (Literal(site) if site else None)
    assert got.value(doc, KG.retrieved) == (Literal(retrieved, datatype=XSD.dateTime) if retrieved else None)


HTML = f"""<!doctype html><html><head><title>Pelatihan</title>
<meta property="og:url" content="https://kabar-antah.example/berita/pelatihan">
<meta property="og:site_name" content="Kabar Antah"></head><body><nav><a href="/">Beranda</a></nav>
<div class="content">{''.join(f'<p>{p}</p>' for p in TEXT.split(chr(10) + chr(10)))}</div></body></html>"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("prov")
    (root / "in").mkdir()
    (root / "in" / "page.html").write_text(HTML, encoding="utf-8")
    other = TEXT.replace("Rudi Wiranto", "Sinta Maharani").replace("Kominfo", "Perhubungan")
    (root / "in" / "feed.jsonl").write_text(
        json.dumps({"text": other, "url": "https://warta-antah.example/b/2", "site": "Warta Antah"}) + "\n"
        + json.dumps({"text": other.replace("pelatihan", "rapat")}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(root / "in"), "--out", str(root / "out"), "--no-page", "-q"])
    assert res.exit_code == 0, res.output
    return root / "out" / "graph.ttl"


def test_facts_documents_carry_url_and_outlet(built):
    docs = {d["source"]: d for d in facts(Graph().parse(built, format="turtle"))["documents"]}
    assert (docs["page.html"]["url"], docs["page.html"]["outlet"]) == \
        ("https://kabar-antah.example/berita/pelatihan", "Kabar Antah")
    assert (docs["feed.jsonl#1"]["url"], docs["feed.jsonl#1"]["outlet"]) == \
        ("https://warta-antah.example/b/2", "Warta Antah")
    assert (docs["feed.jsonl#2"]["url"], docs["feed.jsonl#2"]["outlet"]) == (None, None)


def test_quote_source_gives_the_url(built):
    res = CliRunner().invoke(main, ["query", str(built), "quote_source", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)["results"]["bindings"]
    urls = {r["source"]["value"]: r.get("url", {}).get("value") for r in rows}
    assert urls.get("page.html") == "https://kabar-antah.example/berita/pelatihan"
    assert urls.get("feed.jsonl#2", "absent") is None


def test_graph_with_provenance_is_valid(built):
    from kg.validate import validate

    conforms, text = validate(Graph().parse(built, format="turtle"))
    assert conforms, text


# ---- syndication: the same words from several outlets are one document with several sources

@pytest.mark.parametrize("copy", [
    Copy("b.html", "a.html", "Judul", "2024-03-05", ("Sari",), "https://b.example/x", "Kabar B",
         "2024-03-05T01:00:00Z"),
    Copy('c "x"\\.jsonl#2', "a.html", url='https://c.example/a "b"'),   # characters Turtle must escape
    Copy("d.txt", "a.html"),                                           # nothing known but the name
])
def test_both_writers_write_the_same_copy(copy, tmp_path):
    r = DocResult(article=Article(source="a.html", text="Isi."))
    expected = build_graph([r], [copy])
    index = EntityIndex()
    with TurtleWriter(tmp_path / "g.ttl") as w:
        b = render_doc(r)
        w.write_block(b.text.encode("utf-8"), "a.html", b.triples)
        text, n = render_copy(copy)
        w.write_block(text.encode("utf-8"), copy.source, n)
        w.write_entities(index)
    got = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert canonical(got) == canonical(expected) and w.triples == len(expected)
    assert got.value(copy_iri(copy.source), KG.copyOf) == document_iri("a.html")


@pytest.fixture(scope="module")
def syndicated(tmp_path_factory):
    """One press release run by three outlets (an HTML page, a JSON Lines record, another page)."""
    root = tmp_path_factory.mktemp("syn")
    (root / "in").mkdir()
    (root / "in" / "a.html").write_text(HTML, encoding="utf-8")
    (root / "in" / "b.jsonl").write_text(json.dumps({"text": _text_of(HTML), "url": "https://warta-antah.example/9",
                                                     "site": "Warta Antah", "date": "2024-03-05"}) + "\n",
                                         encoding="utf-8")
    (root / "in" / "c.html").write_text(HTML.replace("kabar-antah.example/berita/pelatihan",
                                                     "suara-antah.example/p/1").replace("Kabar Antah", "Suara Antah"),
                                        encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(root / "in"), "--out", str(root / "out"), "--no-page", "-q"])
    assert res.exit_code == 0, res.output
    return root


def _text_of(markup: str) -> str:
    from kg.readers import html_to_page

    return html_to_page(markup).text


def test_a_syndicated_statement_lists_every_outlet(syndicated):
    graph = syndicated / "out" / "graph.ttl"
    g = Graph().parse(graph, format="turtle")
    assert len(set(g.subjects(RDF.type, KG.Document))) == 1 and len(set(g.subjects(RDF.type, KG.Copy))) == 2
    res = CliRunner().invoke(main, ["query", str(graph), "outlets", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)["results"]["bindings"]
    by_quote: dict = {}
    for r in rows:
        by_quote.setdefault(r["quote"]["value"], set()).add((r.get("outlet", {}).get("value"),
                                                             r.get("url", {}).get("value")))
    assert by_quote and all(v == {("Kabar Antah", "https://kabar-antah.example/berita/pelatihan"),
                                  ("Warta Antah", "https://warta-antah.example/9"),
                                  ("Suara Antah", "https://suara-antah.example/p/1")} for v in by_quote.values())
    docs = facts(g)["documents"]
    assert [c["outlet"] for c in docs[0]["copies"]] == ["Warta Antah", "Suara Antah"]


def test_syndicated_graph_is_valid(syndicated):
    from kg.validate import validate

    conforms, text = validate(Graph().parse(syndicated / "out" / "graph.ttl", format="turtle"))
    assert conforms, text


def test_update_with_a_new_copy_gives_the_full_build(syndicated, tmp_path):
    import shutil

    src = tmp_path / "in"
    shutil.copytree(syndicated / "in", src)
    first = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "up"), "--no-page", "-q"])
    assert first.exit_code == 0, first.output
    (src / "d.html").write_text(HTML.replace("Kabar Antah", "Kabar Lain"), encoding="utf-8")
    for out, extra in (("up", ["--update"]), ("full", [])):
        res = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / out), "--no-page", "-q", *extra])
        assert res.exit_code == 0, res.output
    assert (tmp_path / "up" / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()
    assert (tmp_path / "full" / "graph.ttl").read_text(encoding="utf-8").count("a kg:Copy") == 3
