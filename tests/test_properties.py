"""Property-based tests (hypothesis) over random Unicode documents in every input
format: reading and building never crash, every offset slices back to its text,
every graph conforms to the shapes. Example counts are kept modest here; the long
time-bounded run is ``bench/fuzz.py``. Names in the fragments are invented."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.graph import build_graph
from kg.decoding import Refused, decode
from kg.ingest import read_file
from kg.readers import html_to_page, jsonl_record, markdown_to_page
from kg.validate import validate

QUOTES = ["„", "“", "”", "«", "»", "‘", "’", "‹", "›", "″", '"', "'"]
FRAGMENTS = [
    "Pemkot Malang Percepat Reformasi Birokrasi\n\n", "MALANG - ", "Kepala Dinas Kominfo ", "Budi Santoso ",
    "Sekda Kota Malang Rina Wati ", "Menteri PANRB ", "Badan Kepegawaian Negara (BKN) ", "KemenPAN-RB ",
    "mengatakan, ", "mengatakan bahwa ", "ujar Budi. ", "kata dia. ", "jelasnya. ", "Menurutnya, ",
    "Hal tersebut disampaikan Budi Santoso ", "pada Senin (12/2/2024). ", "18 November 2024 ", "kemarin ",
    "Zona Integritas ", "sistem merit ", "netralitas ASN ", "Rapat Koordinasi ", "di Hotel Ubud ",
    "Baca juga: Berita lain\n", "Editor: Rina\n", "Penulis: Budi\n", "\n", "\n\n", "\r\n", "\r", ". ", ", ",
    "Kami akan terus bekerja untuk warga", "<script>alert(1)</script>", '"""', "]]>", "\u202e", "\x00",
    "} ; DROP ALL ; #", "\ufeff", "\u2028", "(", ")", "-", "—", "…", "!", "?", ":",
]
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(QUOTES),
                   st.text(st.characters(blacklist_categories=("Cs",)), max_size=20))
documents = st.lists(pieces, max_size=60).map("".join)
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _as_file(folder: Path, doc: str, fmt: str, n: int) -> Path:
    if fmt == ".jsonl":
        data = (json.dumps({"text": doc}) + "\n" + json.dumps({"text": doc[::-1], "title": doc[:30]}) + "\n")
        raw = data.encode("utf-8")
    elif fmt == ".html":
        raw = f"<html><body><article><p>{doc}</p></article></body></html>".encode("utf-8")
    elif fmt == ".cp1252.txt":
        raw = doc.encode("cp1252", "replace")
    elif fmt == ".utf16.txt":
        raw = doc.encode("utf-16")
    else:
        raw = doc.encode("utf-8")
    p = folder / f"doc{n}{fmt}"
    p.write_bytes(raw)
    return p


def _check_offsets(r) -> None:
    text = r.article.text
    for q in r.quotes:
        assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.text
    for e in r.entities:
        for m in e.mentions:
            assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text
    for ro in r.roles:
        assert 0 <= ro.start <= ro.end <= len(text)


FORMATS = [".txt", ".md", ".html", ".jsonl", ".cp1252.txt", ".utf16.txt"]
_counter = iter(range(10**9))


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


@settings(max_examples=60, **SETTINGS)
@given(doc=documents, fmt=st.sampled_from(FORMATS))
def test_reading_and_extracting_never_crash_and_offsets_slice_back(extractor, folder, doc, fmt):
    path = _as_file(folder, doc, fmt, next(_counter))
    outcomes = list(read_file(path))
    assert outcomes
    results = []
    for o in outcomes:
        assert (o.article is None) != (o.reason is None)
        event("skipped: " + o.reason.split(" (")[0] if o.reason else "read")
        if o.article is not None:
            assert "\r" not in o.article.text and "\x00" not in o.article.text
            r = extractor.extract(o.article)
            _check_offsets(r)
            event(f"quotes: {min(len(r.quotes), 3)}{'+' if len(r.quotes) >= 3 else ''}")
            results.append(r)
    if results:
        g = build_graph(results)
        again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
        assert isomorphic(g, again)


@settings(max_examples=40, **SETTINGS)
@given(docs=st.lists(documents, min_size=1, max_size=3))
def test_every_graph_conforms_to_the_shapes(extractor, folder, docs):
    results = []
    for doc in docs:
        for o in read_file(_as_file(folder, doc, ".txt", next(_counter))):
            if o.article is not None:
                results.append(extractor.extract(o.article))
    if results:
        ok, text = validate(build_graph(results))
        assert ok, text


@settings(max_examples=300, **SETTINGS)
@given(data=st.binary(max_size=400))
def test_decode_gives_clean_text_or_a_reason(data):
    try:
        text, notes = decode(data)
    except Refused as e:
        assert str(e)
        return
    assert "\r" not in text and not any(ord(c) < 32 and c not in "\t\n" for c in text)


markup = st.lists(st.sampled_from(list("<>/&;#!-=\"' abcdpirtxlmv\n") + [
    "<p>", "</p>", "<nav>", "</nav>", "<script>", "</script>", "<!--", "-->", "<br>", "&amp;", "&#", "<article>",
    "<title>", "</div>", "<h1>", "<style>", "<![CDATA[", "<?xml", "<a href='", "\u202e"]), max_size=80).map("".join)
markdown = st.lists(st.sampled_from(list("#*_`[]()!<>\\-=~:\n abc") + ["---\n", "```\n", "title: x\n", "date: y\n",
                                                                       "](", "![", "**", "__", "> "]),
                    max_size=80).map("".join)


@settings(max_examples=300, **SETTINGS)
@given(text=markup)
def test_the_html_reader_never_crashes(text):
    page = html_to_page(text)
    assert isinstance(page.text, str) and (page.title is None or page.title.strip())


@settings(max_examples=300, **SETTINGS)
@given(text=markdown)
def test_the_markdown_reader_never_crashes(text):
    assert isinstance(markdown_to_page(text).text, str)


@settings(max_examples=300, **SETTINGS)
@given(line=st.one_of(st.text(max_size=80),
                      st.dictionaries(st.sampled_from(["text", "title", "url", "date", "x"]),
                                      st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.text())),
                                      ).map(json.dumps)))
def test_the_jsonl_reader_raises_only_value_error_with_a_reason(line):
    try:
        page = jsonl_record(line)
    except ValueError as e:
        assert str(e)
        return
    assert isinstance(page.text, str)


def test_one_sentence_with_two_cues_gives_one_quote(extractor):
    from kg.layout import parse_article

    text = ("Pemkot Malang Percepat Reformasi Birokrasi Tahun Ini\n\n"
            "Lebih lanjut disebutkannya bahwa tujuan besarnya tidak lagi berorientasi pada output semata. "
            "Hal tersebut disampaikan Kepala Dinas Kominfo Budi Santoso saat membuka rapat di Balai Kota.\n")
    r = extractor.extract(parse_article("t.txt", text))
    assert len({(q.start, q.end) for q in r.quotes}) == len(r.quotes)
    ok, report = validate(build_graph([r]))
    assert ok, report


def test_a_title_line_ending_in_a_straight_quote_gives_valid_mention_offsets(extractor):
    from kg.layout import parse_article

    r = extractor.extract(parse_article("t.txt", 'Pj Wali Kota Malang Dorong ASN"'))
    _check_offsets(r)
    assert all(m.start < m.end for e in r.entities for m in e.mentions)


def test_a_document_starting_with_a_title_gives_valid_mention_offsets(extractor):
    from kg.layout import parse_article

    r = extractor.extract(parse_article("t.txt", "Menteri PANRB Budi Santoso hadir."))
    _check_offsets(r)
    assert all(m.start < m.end for e in r.entities for m in e.mentions)
