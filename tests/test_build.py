"""The seeds build: valid, stable, traceable."""
from __future__ import annotations

import pytest
from rdflib import RDF, Graph
from rdflib.compare import isomorphic

from kg.build.run import build
from kg.ns import KG
from kg.validate import validate

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_seeds_graph_conforms_to_shapes(seeds_graph):
    ok, text = validate(seeds_graph)
    assert ok, text


def test_turtle_round_trip_is_isomorphic(seeds_graph):
    again = Graph().parse(data=seeds_graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(seeds_graph, again)


def test_two_builds_are_byte_identical(seeds_build, tmp_path):
    out, _ = seeds_build
    build([SEEDS], tmp_path, page=False)
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_summary_counts_documents_entities_and_quotes(seeds_build):
    _, report = seeds_build
    text = report.summary()
    assert "documents read: 5" in text
    assert report.quotes > 0 and report.entities["Person"] > 0
    assert "time:" in text


def _doc_texts(g):
    return {d: str(t) for d, t in g.subject_objects(KG.text) if (d, RDF.type, KG.Document) in g}


def test_every_quote_offset_slices_back_to_its_text(seeds_graph):
    texts = _doc_texts(seeds_graph)
    quotes = list(seeds_graph.subjects(RDF.type, KG.Quote))
    assert quotes
    for q in quotes:
        doc = seeds_graph.value(q, KG.inDocument)
        s, e = int(seeds_graph.value(q, KG.start)), int(seeds_graph.value(q, KG.end))
        assert texts[doc][s:e] == str(seeds_graph.value(q, KG.text))


def test_every_mention_offset_slices_back_to_its_surface(seeds_graph):
    texts = _doc_texts(seeds_graph)
    mentions = list(seeds_graph.subjects(RDF.type, KG.Mention))
    assert len(mentions) > 50
    for m in mentions:
        doc = seeds_graph.value(m, KG.inDocument)
        s, e = int(seeds_graph.value(m, KG.start)), int(seeds_graph.value(m, KG.end))
        assert texts[doc][s:e] == str(seeds_graph.value(m, KG.surface))


def test_seed_documents_are_byte_for_byte_the_text_in_the_graph(seeds_graph):
    by_source = {str(seeds_graph.value(d, KG.source)): t for d, t in _doc_texts(seeds_graph).items()}
    for f in SEEDS.glob("*.txt"):
        assert by_source[f.name] == f.read_text(encoding="utf-8")


def test_the_graph_answers_who_held_an_office_when(seeds_graph):
    q = """
    PREFIX kg: <https://w3id.org/kgid/ns#>
    SELECT ?name ?date WHERE {
      ?role kg:roleTitle ?title ; kg:holder ?p ; kg:date ?date .
      ?p kg:label ?name .
      FILTER(CONTAINS(LCASE(?title), "wali kota malang") && CONTAINS(LCASE(?title), "penjabat"))
    }"""
    rows = {(str(r.name), str(r.date)[:7]) for r in seeds_graph.query(q)}
    by_month = {}
    for name, month in rows:
        by_month.setdefault(month, set()).add(name)
    assert len(by_month.get("2023-09", set())) == 1
    assert len(by_month.get("2024-11", set())) == 1
    assert by_month["2023-09"] != by_month["2024-11"]


# ---------------------------------------------------------------- one build per folder at a time

HOLD = """import sys, time
from kg.fileio import folder_lock
with folder_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(120)
"""


def test_a_second_build_on_a_folder_in_use_fails_at_once_naming_the_holder(tmp_path):
    import subprocess
    import sys

    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        r = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--no-page"])
        assert r.exit_code == 2, r.output
        assert f"{out}: another kg build (pid {holder.pid} on " in r.output
        assert not (out / "graph.ttl").exists()
    finally:
        holder.kill()  # a killed holder releases the folder too
        holder.wait()
    r = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--no-page"])
    assert r.exit_code == 0, r.output
    assert (out / "graph.ttl").exists()


def test_a_build_removes_the_temporary_files_a_killed_build_left(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "out"
    (out / ".kg-cache").mkdir(parents=True)
    left = [out / ".graph.ttl.k2_9xq0a", out / ".graph.ttl.1a2b3c4d.tmp", out / ".graph.html.0f0f0f0f.tmp",
            out / ".kg-cache" / ".entities.pickle.00aa11bb.tmp"]
    kept = [out / "notes.txt", out / ".graph.ttl.notes"]
    for p in left + kept:
        p.write_text("x")
    r = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert [p.name for p in left if p.exists()] == []
    assert all(p.exists() for p in kept)


# ---------------------------------------------------------------- graph and page as one unit

def _killed_before_the_page(monkeypatch):
    """Make the next build die (as if killed) after graph.ttl is in place, before graph.html is (drawn
    here or by the page's own process)."""
    import kg.viz
    import kg.viz_apart

    def killed(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.viz, "write_page", killed)
    monkeypatch.setattr(kg.viz_apart.PageSink, "draw", killed)


@pytest.mark.parametrize("killed", ["update", "full build"])
def test_a_build_killed_between_graph_and_page_is_repaired_by_the_next_update(tmp_path, monkeypatch, killed):
    import shutil

    from click.testing import CliRunner

    from kg.cli import main

    src, out, fresh = tmp_path / "src", tmp_path / "out", tmp_path / "fresh"
    shutil.copytree(SEEDS, src)
    assert CliRunner().invoke(main, ["build", str(src), "--out", str(out), "-q"]).exit_code == 0
    old_page = (out / "graph.html").read_bytes()
    first = next(iter(sorted(src.glob("*.txt"))))
    first.write_text(first.read_text(encoding="utf-8") + "\nKepala Dinas Kominfo Budi Santoso hadir.\n",
                     encoding="utf-8")
    with monkeypatch.context() as m:
        _killed_before_the_page(m)
        with pytest.raises(KeyboardInterrupt):
            build([src], out, update=killed == "update")
    assert (out / "graph.html").read_bytes() == old_page  # the new graph, the old page
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--update"])
    assert r.exit_code == 0, r.output
    assert CliRunner().invoke(main, ["build", str(src), "--out", str(fresh), "-q"]).exit_code == 0
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes() != old_page


def test_an_update_leaves_a_page_drawn_from_the_graph_as_it_is(tmp_path):
    out = tmp_path / "out"
    build([SEEDS], out)
    page = (out / "graph.html").stat().st_mtime_ns
    build([SEEDS], out, update=True)
    assert (out / "graph.html").stat().st_mtime_ns == page
