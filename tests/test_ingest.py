"""Readers (.html, .md, .jsonl), discovery, the build summary and `kg build`'s
options and exit codes. Names in the texts are invented."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.build.read import read_all
from kg.build.report import BuildReport
from kg.build.run import build
from kg.cli import main
from kg.errors import InputError
from kg.decoding import decode
from kg.files import SUFFIXES, discover
from kg.ingest import read_article, read_file
from kg.readers import html_to_page, jsonl_record, markdown_to_page

ROOT = Path(__file__).resolve().parents[1]
BODY = ("MALANG - Kepala Dinas Kominfo Budi Santoso hadir di Balai Kota pada Senin (12/2/2024).\n\n"
        "Budi Santoso mengatakan, “Kami akan terus memperbaiki pelayanan publik bagi semua warga.”\n\n"
        "“Semua pegawai wajib hadir tepat waktu setiap hari kerja,” ujar Budi.")
TITLE = "Pemkot Malang Percepat Reformasi Birokrasi Tahun Ini"


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


# ---------------------------------------------------------------- HTML

PAGE = f"""<!doctype html><html><head><title>{TITLE} - Warta Kota</title>
<meta property="og:title" content="{TITLE}">
<meta property="article:published_time" content="2024-02-12T09:30:00+07:00">
<style>p {{ color: red }}</style><script>var x = "<p>bukan teks</p>";</script></head>
<body><header><a href="/">Beranda</a> | <a href="/berita">Berita</a></header>
<nav class="menu"><ul><li>Nasional</li><li>Daerah</li></ul></nav>
<div class="breadcrumb">Beranda › Daerah</div>
<article><h1>{TITLE}</h1><div class="share-bar">Bagikan ke Facebook</div>
{''.join(f"<p>{p}</p>" for p in BODY.split(chr(10) + chr(10)))}
<aside>Baca juga: Berita lain yang tidak terkait</aside>
<div class="related-posts"><a>Berita terkait satu</a></div></article>
<section class="comments">Komentar pembaca</section>
<footer>&copy; 2024 Warta Kota</footer></body></html>"""


def test_html_keeps_the_article_and_drops_the_furniture():
    page = html_to_page(PAGE)
    assert paragraphs(page.text) == [TITLE] + paragraphs(BODY)
    assert page.title == TITLE and page.date == "2024-02-12"
    for furniture in ("Beranda", "Nasional", "Bagikan", "Baca juga", "terkait", "Komentar", "©", "bukan teks",
                      "color"):
        assert furniture not in page.text


def test_html_without_article_element_uses_the_body_and_the_h1_or_title():
    page = html_to_page("<html><head><title>Judul Halaman</title></head><body><nav>Menu utama situs</nav>"
                        f"<p>{FILL}<br>Baris baru.</p><p>Paragraf tiga.</p></body></html>")
    assert page.text == f"{FILLED}\n\nBaris baru.\n\nParagraf tiga."
    assert page.title == "Judul Halaman" and page.date is None


FILL = "Kalimat pengisi ini cukup panjang agar halaman dibaca sebagai artikel &amp; berita."
FILLED = FILL.replace("&amp;", "&")


@pytest.mark.parametrize("markup,kept,dropped", [
    (f"<p>{FILL}</p><p>satu <b>dua</p> tiga</i></div></span></p>", ["satu dua", "tiga"], []),   # stray tags
    (f"<p>{FILL}</p><!-- <p>komentar</p> --><p>b</p>", [], ["komentar"]),
    (f"<p>{FILL}</p><p>a<script>document.write('<p>x</p>')", [], ["document", "x"]),        # script never closed
    (f"<div hidden>rahasia</div><p aria-hidden=true>juga</p><p>{FILL}</p>", [], ["rahasia", "juga"]),
    (f"<p>{FILL}</p><p>" + "<i>" * 20000 + "dalam" + "</b>" * 20000 + "</p>", [], []),       # deep nesting
    (f"<p>{FILL} &lt;script&gt;alert(1)&lt;/script&gt;</p>", ["<script>alert(1)</script>"], []),
    (f"<p>{FILL}</p>", [], []),                                                              # a bare fragment
])
def test_html_survives_broken_markup(markup, kept, dropped):
    text = html_to_page(markup).text
    assert FILLED in text
    assert all(k in text for k in kept) and not any(d in text for d in dropped)


STORY = ["Kepala Dinas Kominfo Kota Antah, Rudi Wiranto, membuka pelatihan pegawai pada Senin pagi di balai kota.",
         "Rudi Wiranto mengatakan pelatihan itu diikuti seratus pegawai dari dua puluh kantor di kota tersebut.",
         "“Kami ingin setiap pegawai paham cara melayani warga dengan cepat dan ramah,” ujar Rudi.",
         "Pelatihan berlangsung tiga hari dan ditutup dengan ujian tertulis bagi seluruh peserta yang hadir."]
STORY_HTML = "".join(f"<p>{p}</p>" for p in STORY)
CARDS = "".join(f'<article class="card"><a href="/b/{i}"><h3>Wali Kota Meresmikan Taman Baru Nomor {i} di '
                f'Pinggir Sungai</h3></a><p>Ringkasan kartu nomor {i} yang pendek saja.</p></article>'
                for i in range(3))
# the story in a div, "related" cards as <article> elements before and after it
DIV_PAGE = f"""<!doctype html><html><head><title>Pelatihan Pegawai - Kabar Antah</title>
<meta property="og:url" content="https://kabar-antah.example/berita/pelatihan">
<meta name="publishdate" content="2024-03-04 08:00:00"></head><body>
<nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav><div class="top">{CARDS}</div>
<div class="content"><h1>Pelatihan Pegawai Dibuka di Balai Kota Antah</h1>{STORY_HTML}</div>
<div class="sidebar"><h2>Berita lain</h2>{CARDS}</div><footer>Hak cipta Kabar Antah</footer></body></html>"""
AMP_PAGE = f"""<!doctype html><html amp lang="id"><head><meta charset="utf-8"><title>Pelatihan Pegawai</title>
<link rel="canonical" href="https://kabar-antah.example/berita/pelatihan-amp">
<meta name="content_PublishedDate" content="2024-03-05T10:00:00+07:00">
<style amp-custom>body{{color:#222}}</style><script async src="https://cdn.ampproject.org/v0.js"></script></head>
<body><amp-sidebar id="menu" layout="nodisplay"><ul><li>Beranda</li><li>Daerah</li></ul></amp-sidebar>
<header><a href="/">Kabar Antah</a></header><main><article><h1>Pelatihan Pegawai Dibuka</h1>
<amp-img src="a.jpg" width="600" height="400" layout="responsive" alt="foto"></amp-img>{STORY_HTML}</article>
</main><amp-social-share type="facebook"></amp-social-share><footer>Hak cipta</footer></body></html>"""
LD_PAGE = f"""<!doctype html><html><head><title>Pelatihan Pegawai</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [{{"@type": "WebSite",
"name": "Situs"}}, {{"@type": "NewsArticle", "headline": "Pelatihan Pegawai Dibuka",
"datePublished": "2023-12-29T09:00:00+07:00", "author": [{{"@type": "Person", "name": "Sari Nuraini"}}],
"url": "https://kabar-antah.example/b/3", "publisher": {{"@type": "Organization", "name": "Kabar Antah"}}}}]}}
</script></head><body><div id="main"><h1>Pelatihan Pegawai Dibuka</h1>{STORY_HTML}</div></body></html>"""


@pytest.mark.parametrize("markup,date,url,authors,site", [
    (DIV_PAGE, "2024-03-04", "https://kabar-antah.example/berita/pelatihan", (), "kabar-antah.example"),
    (AMP_PAGE, "2024-03-05", "https://kabar-antah.example/berita/pelatihan-amp", (), "kabar-antah.example"),
    (LD_PAGE, "2023-12-29", "https://kabar-antah.example/b/3", ("Sari Nuraini",), "Kabar Antah"),
])
def test_html_layouts_give_the_story_not_the_cards(markup, date, url, authors, site):
    page = html_to_page(markup)
    assert [p for p in paragraphs(page.text) if p in STORY] == STORY
    for furniture in ("Wali Kota Meresmikan", "Ringkasan kartu", "Beranda", "Hak cipta", "Berita lain"):
        assert furniture not in page.text
    assert (page.date, page.url, page.authors, page.site) == (date, url, authors, site)


@pytest.mark.parametrize("meta,date", [
    ('<meta property="article:published_time" content="2024-01-02T08:00:00+07:00">', "2024-01-02"),
    ('<meta name="publishdate" content="2024-01-03">', "2024-01-03"),
    ('<meta name="content_PublishedDate" content="2024-01-04 10:00:00">', "2024-01-04"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-01-05"}</script>',
     "2024-01-05"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>', None),  # broken
    ("", None),
])
def test_html_publication_date_comes_from_meta_or_json_ld(meta, date):
    page = html_to_page(f"<html><head>{meta}</head><body><div>{STORY_HTML}</div></body></html>")
    assert page.date == date and STORY[0] in page.text


def test_html_time_element_gives_the_date():
    page = html_to_page(f'<html><body><article><time datetime="2024-01-06T07:00">6/1</time>{STORY_HTML}'
                        "</article></body></html>")
    assert page.date == "2024-01-06"


@pytest.mark.parametrize("markup", [
    "<html><body><nav>Beranda</nav><script>x()</script></body></html>",
    "<html><body><ul>" + "".join(f"<li><a href=/x{i}>Berita nomor {i} tentang sesuatu yang penting sekali</a>"
                                 "</li>" for i in range(30)) + "</ul></body></html>",                  # a link list
    "<html><body><div class=cookie>Situs ini memakai kuki.</div></body></html>",                      # too short
])
def test_html_without_a_body_gives_no_text(markup):
    assert html_to_page(markup).text == ""


def test_html_file_gives_an_article_with_the_page_title(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    art = read_article(tmp_path / "page.html")
    assert art.title == TITLE and art.date == "2024-02-12" and art.source == "page.html"
    assert "Budi Santoso mengatakan" in art.text and "Beranda" not in art.text


# ---------------------------------------------------------------- Markdown

MD = f"""---
title: "{TITLE}"
date: 2024-02-12
---
# {TITLE}

![foto](http://example.com/a.jpg)

{BODY.replace("Kominfo", "**Kominfo**").replace("Balai Kota", "[Balai Kota](http://example.com)")}

> Kutipan blok dari *dokumen* resmi.

```
kode tetap apa adanya
```

* * *
[ref]: http://example.com
"""


def test_markdown_gives_plain_text_and_front_matter():
    page = markdown_to_page(MD)
    assert page.title == TITLE and page.date == "2024-02-12"
    assert paragraphs(page.text) == [TITLE] + paragraphs(BODY) + ["Kutipan blok dari dokumen resmi.",
                                                                  "kode tetap apa adanya"]


def test_markdown_title_from_setext_heading_and_underscores_inside_words():
    page = markdown_to_page("Judul Berita Hari Ini\n=====\n\nnama_berkas dan __tebal__ dan \\*bintang\\*.\n")
    assert page.title == "Judul Berita Hari Ini"
    assert page.text == "Judul Berita Hari Ini\n\nnama_berkas dan tebal dan *bintang*."


# ---------------------------------------------------------------- JSON Lines

@pytest.mark.parametrize("line,reason", [
    ("not json", "not JSON (Expecting value at column 1)"),
    ('{"text": "a"', "not JSON (Expecting ',' delimiter at column 13)"),
    ("[1, 2]", "not a JSON object (an array)"),
    ('"text"', "not a JSON object (a string)"),
    ("null", "not a JSON object (null)"),
    ('{"title": "x"}', 'no "text" string (every line needs "text"; "title", "url", "date", "site" are optional)'),
    ('{"text": 5}', 'no "text" string (every line needs "text"; "title", "url", "date", "site" are optional)'),
    ('{"text": "a", "title": ["x"]}', '"title" must be a string'),
    ('{"text": "a", "date": 20240212}', '"date" must be a string'),
    ("[" * 100_000, "not JSON (nested too deeply)"),
])
def test_jsonl_bad_records_say_what_is_wrong(line, reason):
    with pytest.raises(ValueError) as e:
        jsonl_record(line)
    assert str(e.value) == reason


def test_jsonl_each_line_is_an_article_and_bad_lines_are_skipped_alone(tmp_path):
    lines = [json.dumps({"text": TITLE + "\n\n" + BODY, "title": "Judul Dari Feed", "url": "https://x.id/1",
                         "date": "Senin, 12 Februari 2024"}),
             "",
             "{broken",
             json.dumps({"text": BODY + " Kedua.", "date": "kemarin", "extra": 1}),
             b"\xff\xfe bukan utf-8".decode("latin-1"),
             json.dumps({"text": "Teks \u0000 dengan \ud800 aneh, tetap dibaca sebagai artikel."})]
    p = tmp_path / "feed.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8").replace("ÿþ".encode(), b"\xff\xfe") + b"\n")
    report = BuildReport()
    arts = read_all([p], report)
    assert [a.source for a in arts] == ["feed.jsonl#1", "feed.jsonl#4", "feed.jsonl#6"]
    assert report.read == [f"{p}#1", f"{p}#4", f"{p}#6"]
    assert report.skipped == [(f"{p}#3", "not JSON (Expecting property name enclosed in double quotes at column 2)"),
                              (f"{p}#5", "not UTF-8 (byte 0xff at column 1)")]
    first, second, third = arts
    assert first.title == "Judul Dari Feed" and first.date == "2024-02-12"
    assert second.date == "2024-02-12"   # "kemarin" is no date: the body's dateline gives it
    assert third.text == "Teks \ufffd dengan \ufffd aneh, tetap dibaca sebagai artikel."


@pytest.mark.parametrize("date,body,expected", [
    ("Senin, 12 Februari 2024", "Teks tanpa tanggal apa pun di dalamnya, cukup panjang untuk dibaca.", "2024-02-12"),
    ("kemarin", BODY, "2024-02-12"),                   # not a date: the body's dateline gives it
    ("kemarin", "Teks tanpa tanggal apa pun di dalamnya, cukup panjang untuk dibaca.", None),
    ("2024-03-01T08:00:00+07:00", BODY, "2024-03-01"),  # the record's own date comes first
])
def test_jsonl_date_is_the_record_s_else_the_body_s(tmp_path, date, body, expected):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"text": body, "date": date}) + "\n", encoding="utf-8")
    [art] = read_all([p], BuildReport())
    assert art.date == expected


# ---------------------------------------------------------------- decoding and discovery

def test_decode_prefers_utf8_and_keeps_every_character():
    text = "Kata “kutip” — café ‹›«» ″ 新闻 🙂 \u202e"
    assert decode(text.encode("utf-8")) == (text, ())


def test_discover_names_a_missing_path_and_a_folder_without_inputs(tmp_path):
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'nope'}: no such file or folder")):
        discover([tmp_path / "nope"])
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'd'}: folder holds no {', '.join(SUFFIXES)} files")):
        discover([tmp_path / "d"])


def test_a_file_named_directly_with_an_unknown_suffix_is_skipped_with_the_valid_ones(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    [o] = list(read_file(tmp_path / "notes.pdf"))
    assert o.reason == f"unsupported file type .pdf (kg reads {', '.join(SUFFIXES)})"


def test_read_article_raises_with_the_file_and_reason(tmp_path):
    (tmp_path / "e.txt").write_text("  ")
    with pytest.raises(InputError, match=re.escape(f"{tmp_path / 'e.txt'}: empty document (whitespace only)")):
        read_article(tmp_path / "e.txt")


def test_summary_lists_skips_and_groups_them_past_fifty():
    report = BuildReport(read=["a.txt"], skipped=[(f"e{i}.txt", "empty document (whitespace only)") for i in range(60)]
                         + [("d.txt", "binary file (a PNG image), not text")])
    text = report.summary()
    assert text.splitlines()[0] == "documents read: 1, skipped: 61"
    assert "skipped e49.txt: empty document (whitespace only)" in text and "e50.txt" not in text
    assert "skipped 11 more (--verbose lists them): empty document 10; binary file 1" in text
    verbose = report.summary(verbose=True)
    assert "read a.txt" in verbose and "skipped e59.txt: empty document (whitespace only)" in verbose


# ---------------------------------------------------------------- kg build: options and exit codes

ARTICLE = TITLE + "\n\n" + BODY + "\n"


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def run(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)])


def test_exit_0_when_every_document_is_read(corpus, tmp_path):
    r = run(corpus, "--out", tmp_path / "o")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("documents read: 1\n") and "skipped" not in r.output


def test_exit_1_when_some_are_skipped_and_the_rest_is_built(corpus, tmp_path):
    (corpus / "empty.txt").write_text(" ")
    r = run(corpus, "--out", tmp_path / "o")
    assert r.exit_code == 1, r.output
    assert "documents read: 1, skipped: 1" in r.output
    assert f"skipped {corpus / 'empty.txt'}: empty document (whitespace only)" in r.output
    assert f"kg: warning: skipped {corpus / 'empty.txt'}: empty document (whitespace only)" in r.output
    assert "Budi Santoso" in (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")


def test_exit_2_when_nothing_is_usable(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "x.txt").write_bytes(b"%PDF-1.4 ...")
    r = run(d, "--out", tmp_path / "o")
    assert r.exit_code == 2
    assert f"kg: error: no usable document in {d} ({d / 'x.txt'}: binary file (a PDF document), not text)" in r.output
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_an_error_naming_a_file_with_a_newline_stays_on_one_line(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a\nb.txt").write_text(" ")
    r = run(d, "--out", tmp_path / "o")
    assert r.exit_code == 2
    assert r.output.strip().splitlines()[-1].startswith(f"kg: error: no usable document in {d} ({d}/a\\nb.txt: ")


def test_strict_makes_a_skip_fatal_and_writes_nothing(corpus, tmp_path):
    (corpus / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    r = run(corpus, "--out", tmp_path / "o", "--strict")
    assert r.exit_code == 2
    assert r.output.strip().splitlines()[-1] == (f"kg: error: {corpus / 'b.txt'}: binary file (a PNG image), "
                                                 "not text (--strict stops at any skipped document)")
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_a_copy_is_kept_as_another_source_of_the_first(corpus, tmp_path):
    (corpus / "b copy.txt").write_text(ARTICLE, encoding="utf-8")
    r = run(corpus, "--out", tmp_path / "o")
    assert r.exit_code == 0, r.output
    assert "copies of them kept as sources: 1" in r.output.splitlines()[0]
    ttl = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert ttl.count("a kg:Document") == 1 and ttl.count("a kg:Copy") == 1 and 'kg:source "b copy.txt"' in ttl


def test_quiet_prints_nothing_but_keeps_the_exit_code(corpus, tmp_path):
    (corpus / "empty.txt").write_text("")
    r = run(corpus, "--out", tmp_path / "o", "--quiet")
    assert r.exit_code == 1 and r.output == ""


def test_verbose_lists_every_document_read(corpus, tmp_path):
    r = run(corpus, "--out", tmp_path / "o", "-v")
    assert r.exit_code == 0, r.output
    assert f"read {corpus / 'a.txt'}" in r.output.splitlines()


def test_quiet_and_verbose_together_is_a_usage_error(corpus, tmp_path):
    r = run(corpus, "--out", tmp_path / "o", "-q", "-v")
    assert r.exit_code == 2 and "--quiet and --verbose exclude each other" in r.output


def test_no_progress_bar_when_stderr_is_not_a_terminal(corpus, tmp_path):
    r = run(corpus, "--out", tmp_path / "o")
    assert "\r" not in r.output and "reading [" not in r.output


def test_help_documents_inputs_and_exit_codes():
    r = CliRunner().invoke(main, ["build", "--help"])
    assert r.exit_code == 0
    text = " ".join(r.output.split())
    for needed in (".txt, .md, .html/.htm and .jsonl", ".warc/.warc.gz", "lists of URLs", "0 every document was read", "1 some documents were skipped",
                   "2 nothing usable, a usage error, or a skip under --strict", "--strict", "--quiet", "--verbose"):
        assert needed in text


def test_docs_document_inputs_and_exit_codes():
    section = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
    for needed in (".jsonl", "cp1252", "--strict", "| 0 |", "| 1 |", "| 2 |", "kept as a copy", ".warc"):
        assert needed in section


def test_a_jsonl_file_with_several_articles_builds(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": ARTICLE + f"\nRapat ke-{i}."}) for i in range(3)) + "\n",
                    encoding="utf-8")
    from kg.build.run import build

    report = build([feed], tmp_path / "o", page=False)
    assert report.read == [f"{feed}#1", f"{feed}#2", f"{feed}#3"]
    assert (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8").count("feed.jsonl#") >= 3


def test_build_summary_counts_distinct_entities_of_the_graph(seeds_build, seeds_graph, tmp_path):
    """One entity named in several documents counts once (the sum over documents did not)."""
    from collections import Counter

    from rdflib import RDF

    from kg.ns import KG

    _, report = seeds_build
    in_graph = Counter({t: len(set(seeds_graph.subjects(RDF.type, KG[t])))
                        for t in ("Person", "Agency", "Policy", "Event", "Place")})
    assert +report.entities == +in_graph
    twice = tmp_path / "in"
    twice.mkdir()
    for i in range(2):   # two documents naming the same people and agencies
        (twice / f"{i}.txt").write_text(BODY + f"\n\nRapat ke-{i} selesai.", encoding="utf-8")
    rep = build([twice], tmp_path / "out", page=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert rep.entities["Person"] == len(set(g.subjects(RDF.type, KG.Person))) >= 1
