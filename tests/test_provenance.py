"""Provenance: a document's URL (schema:url), outlet and retrieval time, from JSON Lines
and HTML, written alike by both graph writers, in `kg facts` and the saved queries.
Names and texts are invented."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import XSD, Graph, Literal

from kg.cli import main
from kg.facts import facts
from kg.fastgraph import EntityIndex, TurtleWriter, render_doc
from kg.graph import build_graph, document_iri
from kg.ns import KG, SCHEMA
from kg.records import Article, DocResult

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
