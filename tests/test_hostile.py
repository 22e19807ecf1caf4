"""Hostile names and text never break IRIs, Turtle, N-Triples or SPARQL, and a
crash mid-build leaves the previous graph intact. Names are invented."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

from kg.build.run import build
from kg.graph import build_graph, document_iri, entity_iri, write_graph
from kg.ingest import read_file
from kg.ns import KG
from kg.records import Article, DocResult, Entity, Quote, Span

HOSTILE = [
    "<script>alert(1)</script>", '"]]>', '"""', "'''", "a\u0000b", "x\ny\r\nz", "tab\there", "sp ace",
    "<>\"{}|\\^`", "\u202egnp.exe", "\u2066\u2067\u2069", "} ; DROP ALL ; INSERT DATA { <a> <b> <c> } #",
    "?s ?p ?o", "#fragment", "%00%2F..%2F", "../../etc/passwd", "", "-", "a-b", "A-B", "a b", "a_b", "a.b",
    "Ɑ", "ａｂｃ", "abc", "ß", "ss", "\ufffd", "\U0001F600", "x" * 5000, "@prefix x: <y> .", "_:b0", "\\u0022",
]
IRIREF = re.compile(r"^https://w3id\.org/kgid/id/[A-Za-z0-9._~%/-]+$")


# ---------------------------------------------------------------- IRIs

@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_iris_of_any_name_are_plain_and_safe(name):
    for iri in (entity_iri(f"person:{name}"), entity_iri(f"{name}:x"), document_iri(name)):
        assert IRIREF.match(str(iri)), iri
        Graph().parse(data=f"<{iri}> <{iri}> <{iri}> .", format="nt")  # parses as an IRI, alone


def test_different_names_never_share_an_iri():
    names = HOSTILE + [n.upper() for n in HOSTILE] + [n + " " for n in HOSTILE]
    names = list(dict.fromkeys(names))
    assert len({entity_iri(f"person:{n}") for n in names}) == len(names)
    assert len({document_iri(n) for n in names}) == len(names)


def test_a_safe_key_cannot_take_the_iri_of_an_unsafe_one():
    from kg.graph import short_hash as _h

    assert entity_iri("person:Budi Santoso") != entity_iri(f"person:budi-santoso-{_h('Budi Santoso')}")


# ---------------------------------------------------------------- literals through rdflib

def _results(names: list[str]) -> list[DocResult]:
    out = []
    for i, name in enumerate(names):
        text = f"Kata {name} di sini: “{name} dikutip.”"
        art = Article(source=f"{name}.txt" if name else "x.txt", text=text, title=name or None)
        start = text.index(name) if name else 5
        person = Entity(key=f"person:{name}", type="Person", label=name or "kosong", aliases=(name + "!",),
                        mentions=(Span(start, start + len(name), name),))
        q0 = text.index("“") + 1
        quote = Quote(start=q0, end=len(text) - 1, text=text[q0:-1], direct=True, speaker=person.key, cue=name or None)
        out.append(DocResult(article=art, entities=(person,), quotes=(quote,)))
    return out


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_hostile_literals_round_trip_in_every_format(fmt):
    g = build_graph(_results(HOSTILE))
    data = g.serialize(format=fmt)
    back = Graph().parse(data=data, format=fmt)
    assert len(back) == len(g) and isomorphic(back, g)


def test_hostile_values_are_found_by_sparql_as_values_not_as_code():
    g = build_graph(_results(HOSTILE))
    q = prepareQuery("SELECT ?p WHERE { ?p kg:label ?label }", initNs={"kg": KG})
    by_source = prepareQuery("SELECT ?d WHERE { ?d kg:source ?s }", initNs={"kg": KG})
    for name in HOSTILE:
        if not name:
            continue
        assert [r.p for r in g.query(q, initBindings={"label": Literal(name)})] == [entity_iri(f"person:{name}")]
        assert [r.d for r in g.query(by_source, initBindings={"s": Literal(f"{name}.txt")})] == [
            document_iri(f"{name}.txt")]


# ---------------------------------------------------------------- the whole build

def _hostile_corpus(folder: Path) -> None:
    folder.mkdir()
    payloads = ["<script>alert(1)</script>", '"]]> """ \'\'\'', "} ; DROP ALL ; #", "\u202egnp.exe\u202c",
                "\\u0022 \\\" @prefix", "<!-- --> ]]> &amp; &#0;"]
    for i, p in enumerate(payloads):
        text = (f"Pemkot Malang Percepat Reformasi Birokrasi {p} Tahun Ini\n\n"
                f"MALANG - Kepala Dinas Kominfo Budi Santoso hadir di Balai Kota {p} pada Senin.\n\n"
                f"Budi Santoso mengatakan, “Kami tidak takut pada {p} dan akan terus bekerja untuk warga.”\n\n"
                f"Rapat ke-{i} selesai.\x00\n")
        name = f"berita {i} {p.replace('/', '_')[:20]}\n.txt"
        (folder / name).write_text(text, encoding="utf-8")


def test_a_build_of_hostile_files_parses_everywhere_and_matches_the_reference_graph(tmp_path, extractor):
    import pyoxigraph

    src = tmp_path / "hostile"
    _hostile_corpus(src)
    report = build([src], tmp_path / "out", page=False)
    assert len(report.read) == 6 and not report.skipped
    ttl = (tmp_path / "out" / "graph.ttl").read_bytes()
    g = Graph().parse(data=ttl, format="turtle")
    store = pyoxigraph.Store()
    store.load(ttl, pyoxigraph.RdfFormat.TURTLE)  # a strict parser agrees
    assert len(store) == len(g)
    again = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert isomorphic(g, again)
    # the streamed writer gives the triples rdflib's graph stage gives for the same documents
    arts = [o.article for p in sorted(src.iterdir()) for o in read_file(p)]
    reference = build_graph([extractor.extract(a) for a in arts])
    assert isomorphic(g, reference)
    quotes = [str(t) for q in g.subjects(RDF.type, KG.Quote) for t in g.objects(q, KG.text)]
    assert any("<script>alert(1)</script>" in t for t in quotes)
    sources = {str(s) for s in g.objects(None, KG.source)}
    assert {Path(a.path).name for a in arts} == sources


# ---------------------------------------------------------------- atomic outputs

ARTICLE = ("Pemkot Malang Percepat Reformasi Birokrasi Tahun Ini\n\n"
           "Budi Santoso mengatakan, “Kami akan terus memperbaiki pelayanan publik bagi semua warga.”\n")


def _two_builds(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(ARTICLE + f"\nRapat ke-{i}.\n", encoding="utf-8")
    out = tmp_path / "out"
    build([src], out, page=False)
    before = (out / "graph.ttl").read_bytes()
    (src / "3.txt").write_text(ARTICLE + "\nRapat ke-3.\n", encoding="utf-8")
    return src, out, before


def _leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(".graph.ttl")]


def test_ctrl_c_while_reading_leaves_the_previous_graph(tmp_path, monkeypatch):
    import kg.ingest

    src, out, before = _two_builds(tmp_path)
    real = kg.ingest.parse_article

    def interrupted(source, text, path=None):
        if source == "2.txt":
            raise KeyboardInterrupt
        return real(source, text, path=path)

    monkeypatch.setattr(kg.ingest, "parse_article", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([src], out, page=False)
    assert (out / "graph.ttl").read_bytes() == before
    assert _leftovers(out) == []


def test_a_failing_rename_leaves_the_previous_graph(tmp_path, monkeypatch):
    src, out, before = _two_builds(tmp_path)

    def disk_full(a, b):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        build([src], out, page=False)
    monkeypatch.undo()
    assert (out / "graph.ttl").read_bytes() == before


def test_a_failing_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    src, out, _ = _two_builds(tmp_path)
    monkeypatch.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(OSError):
        build([src], out, page=False)
    monkeypatch.undo()
    assert _leftovers(out) == []


def test_write_graph_keeps_the_previous_file_when_the_serializer_fails(tmp_path, monkeypatch):
    g = build_graph(_results(["satu", "dua"]))
    path = write_graph(g, tmp_path / "graph.ttl")
    before = path.read_bytes()

    def broken(self, *a, **k):
        raise RuntimeError("serializer crashed")

    monkeypatch.setattr(Graph, "serialize", broken)
    with pytest.raises(RuntimeError):
        write_graph(build_graph(_results(["tiga"])), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


# ---------------------------------------------------------------- names that are not UTF-8

# (file name as bytes, under a sub-folder or not, the name the graph and the summary give it)
ODD_NAMES = [
    (b"caf\xe9.txt", b"", "caf\\xe9.txt"),
    (b"\xff\xfe lapor.md", b"", "\\xff\\xfe lapor.md"),
    (b"berita\x80.jsonl", b"", "berita\\x80.jsonl#1"),
    (b"caf\xe9.txt", b"sub\xe9", "sub\\xe9/caf\\xe9.txt"),   # the same name in another folder
    (b"biasa.txt", b"", "biasa.txt"),                        # a counter-example: left as it is
]


def _odd_corpus(src: Path) -> None:
    for i, (name, sub, _) in enumerate(ODD_NAMES):
        folder = os.path.join(os.fsencode(src), sub) if sub else os.fsencode(src)
        os.makedirs(folder, exist_ok=True)
        text = ARTICLE + f"\nRapat ke-{i}.\n"
        data = (json.dumps({"text": text}) + "\n") if name.endswith(b".jsonl") else text
        try:
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(data)
        except OSError:
            pytest.skip("this file system takes only UTF-8 names")
    with open(os.path.join(os.fsencode(src), b"kosong\xe9.txt"), "w"):
        pass  # empty: skipped, and named in the summary


def test_file_names_that_are_not_utf8_build_with_escaped_names(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    src, out = tmp_path / "src", tmp_path / os.fsdecode(b"out\xe9")  # the output folder too
    _odd_corpus(src)
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "-v"])
    assert r.exit_code == 1, r.output  # one empty file skipped; the others built
    assert "wrote " in r.output and (out / "graph.html").exists()
    assert "skipped " + str(src) + "/kosong\\xe9.txt: empty file (0 bytes)" in r.output
    g = Graph().parse(data=(out / "graph.ttl").read_bytes(), format="turtle")
    assert {str(s) for s in g.objects(None, KG.source)} == {shown for *_, shown in ODD_NAMES}
    for d in g.subjects(RDF.type, KG.Document):
        assert IRIREF.match(str(d))
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--update"])
    assert "nothing changed, nothing written" in r.output, r.output
    os.unlink(os.path.join(os.fsencode(src), b"caf\xe9.txt"))
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--update"])
    assert "1 removed" in r.output, r.output
    g = Graph().parse(data=(out / "graph.ttl").read_bytes(), format="turtle")
    sources = {str(s) for s in g.objects(None, KG.source)}
    assert sources == {shown for *_, shown in ODD_NAMES[:3] + ODD_NAMES[4:]}  # the other caf\xe9.txt took its name
