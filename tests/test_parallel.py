"""The streamed graph writer and ``--jobs``: same triples as kg.graph.build_graph, same bytes
for any number of processes."""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.build.read import read_all
from kg.build.report import BuildReport
from kg.build.run import build
from kg.graph import EntityIndex, TurtleWriter, render_doc
from kg.graph import build_graph
from kg.records import Article, DocResult, Entity, Quote, Role, Span

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "bench"))
import gen_corpus  # noqa: E402


def canonical(g: Graph) -> list[str]:
    """The graph as sorted N-Triples lines (no blank nodes in kg graphs, so this is canonical)."""
    return sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())


def stream(results: list[DocResult], path: Path) -> tuple[Path, int]:
    """Write results with kg.graph, the way a build does."""
    index = EntityIndex()
    with TurtleWriter(path) as w:
        for r in results:
            b = render_doc(r)
            w.write_block(b.text.encode("utf-8"), r.article.source, b.triples)
            index.add(r.article.source, b.summary)
        w.write_entities(index)
    return path, w.triples


@pytest.mark.parametrize("source", ["seeds", "corpus"])
def test_streamed_graph_has_exactly_the_triples_of_build_graph(source, shared_results, extractor, tmp_path):
    results = shared_results if source == "corpus" else list(extractor.pipe(read_all([SEEDS], BuildReport())))
    expected = build_graph(results)
    path, n = stream(results, tmp_path / "g.ttl")
    got = Graph().parse(path, format="turtle")
    assert canonical(got) == canonical(expected)
    assert n == len(expected)


def test_build_output_is_the_graph_of_build_graph(shared_build, shared_results):
    """kg build (streamed, duplicate names told apart by folder) against build_graph over read_all."""
    out, report = shared_build
    got = Graph().parse(out / "graph.ttl", format="turtle")
    assert canonical(got) == canonical(build_graph(shared_results))
    assert report.triples == len(got)
    assert {"same.txt", "c/same.txt"} <= {str(o) for o in got.objects(None, None) if str(o).endswith("same.txt")}


NASTY = 'Kata "kutip" dan \\ garis miring\nbaris baru\ttab \x01 kendali, “lengkung” \u2028 akhir'


def test_literals_and_names_with_quotes_backslashes_and_controls_round_trip(tmp_path):
    art = Article(source='we"ird\\name #1.txt', text=NASTY, title='Judul "aneh"\\', date="2024-02-30",
                  authors=("A \"B\"",))
    ent = Entity(key="person:a-b", type="Person", label='A "B"', aliases=("A\\B",),
                 mentions=(Span(0, 4, 'Kata'),), official=True)
    r = DocResult(article=art, entities=(ent,),
                  roles=(Role("person:a-b", 'Kepala "Dinas"', None, "2024-01-01", 0, 4),),
                  quotes=(Quote(5, 12, '"kutip"', True, "person:a-b", cue='jelas\n', about=("person:a-b",)),))
    path, n = stream([r], tmp_path / "g.ttl")
    got = Graph().parse(path, format="turtle")
    assert canonical(got) == canonical(build_graph([r]))
    assert b"\x00" not in path.read_bytes()


def _summary(label: str, kind: str | None = None, official: bool = False, part_of: str | None = None) -> tuple:
    return (("place:x" if kind else "person:x"), "Place" if kind else "Person", label, (), official, kind, part_of),


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_entity_merge_does_not_depend_on_document_order(order):
    docs = [("b.txt", _summary("Kota X", kind="kota") + _summary("Ani", official=True)),
            ("a.txt", _summary("X", kind="kabupaten") + _summary("Ani Bu")),
            ("c.txt", _summary("Kota X", kind="provinsi") + _summary("Ani Bu"))]
    index = EntityIndex()
    for i in order:
        index.add(*docs[i])
    text = "".join(t for t, _ in index.chunks())
    assert '"kabupaten"' in text and '"kota"' not in text  # the kind from the first source by name
    assert 'kg:label "Ani Bu"' in text and 'kg:isOfficial true' in text
    assert 'kg:label "Kota X"' in text and 'kg:alias "X"' in text


@pytest.mark.parametrize("jobs", [2])
def test_jobs_give_byte_identical_output_and_report(shared_corpus, shared_build, tmp_path, jobs):
    out, one = shared_build   # jobs=1
    many = build([shared_corpus], tmp_path / "many", page=False, jobs=jobs)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "many" / "graph.ttl").read_bytes()
    assert (one.read, one.skipped, one.entities, one.triples) == (many.read, many.skipped, many.entities,
                                                                   many.triples)
    assert len(one.read) == 14 and len(one.skipped) == 1


# kg build in a fresh interpreter (one thread, so workers are forked from it and keep the wrapper)
# where every call of kg.build.pipecache.load_nlp writes the calling process's id to the file argv[1]
COUNTED_BUILD = """import os, sys
import kg.build.pipecache as pc
real = pc.load_nlp
def counted():
    with open(sys.argv[1], "a") as f:
        f.write(f"{os.getpid()}\\n")
    return real()
pc.load_nlp = counted
print("parent", os.getpid())
from kg.cli import main
main(sys.argv[2:])
"""


def test_each_worker_loads_the_pipeline_once(tmp_path):
    """48 short documents: three tasks of kg.build.extract.CHUNK articles for two workers."""
    import subprocess

    src = tmp_path / "in"
    src.mkdir()
    for i in range(48):
        (src / f"d{i:02}.txt").write_text(f"Rapat ke-{i}\n\nBudi Santoso mengatakan, “Rapat ke-{i} selesai.”\n",
                                          encoding="utf-8")
    loads = tmp_path / "loads"
    p = subprocess.run([sys.executable, "-c", COUNTED_BUILD, str(loads), "build", str(src), "--out",
                        str(tmp_path / "out"), "--no-page", "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0 and "documents read: 48" in p.stdout, p.stdout + p.stderr
    parent = p.stdout.split()[1]
    pids = loads.read_text().split()
    assert len(pids) == 2 and len(set(pids)) == 2 and parent not in pids   # two workers, once each


def test_zero_jobs_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), "--jobs", "0"])
    assert res.exit_code == 2 and "--jobs" in res.output


def test_a_graph_too_large_for_the_page_gets_none(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr("kg.build.run.PAGE_MAX_TRIPLES", 100)
    report = build([SEEDS], tmp_path, page=True)
    assert not (tmp_path / "graph.html").exists() and report.triples > 100
    assert "graph.html not written" in caplog.text


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_name_in_many_folders_is_named_as_read_all_names_it(tmp_path, extractor, jobs):
    root = tmp_path / "in"
    for i, folder in enumerate(("a/b", "c/b", "d/b")):
        (root / folder).mkdir(parents=True)
        (root / folder / "x.txt").write_text(gen_corpus.article(4, i), encoding="utf-8")
    build([root], tmp_path / "out", page=False, jobs=jobs)
    got = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    results = list(extractor.pipe(read_all([root], BuildReport())))
    assert sorted(r.article.source for r in results) == ["b/x.txt", "d/b/x.txt", "x.txt"]
    assert canonical(got) == canonical(build_graph(results))


def test_generated_corpus_is_deterministic_realistic_and_has_every_cue_style():
    texts = [gen_corpus.article(11, i) for i in range(40)]
    assert texts == [gen_corpus.article(11, i) for i in range(40)] and texts[0] != gen_corpus.article(12, 0)
    assert all(300 <= len(t.split()) <= 800 for t in texts)
    joined = "\n".join(texts)
    for needle in (",” jelas ", ",” urainya.", " mengatakan, “", "Menurutnya, ", " mengatakan bahwa ",
                   ",” tegasnya. “", "Hal tersebut disampaikan "):
        assert needle in joined, needle


def test_bench_prints_one_json_line_of_figures(tmp_path):
    import json
    import subprocess

    p = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--count", "3", "--work", str(tmp_path)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    fig = json.loads(p.stdout.strip().splitlines()[-1])
    gen = fig["corpora"]["generated"]
    run = gen["runs"][0]
    assert run["documents"] == 3 and run["triples"] > 0 and run["peak_rss_mib"] > 0
    assert set(run["stats"]["stages"]) == {"ingest", "nlp", "graph", "serialize"}
    assert set(run["ratios"]) == {"bare", "pipeline"} and all(r["wall"] > 0 and r["cpu"] > 0
                                                              for r in run["ratios"].values())
    assert gen["yardsticks"]["bare"]["tokens_per_s"] > 0 and gen["yardsticks"]["pipeline"]["tokens"] > 0
    assert "real" not in fig["corpora"]


def test_bench_real_corpus_copies_are_unique_and_all_built(tmp_path):
    import json
    import subprocess

    p = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--count", "0", "--real", str(SEEDS),
                        "--real-count", "7", "--no-bare", "--work", str(tmp_path)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    real = json.loads(p.stdout.strip().splitlines()[-1])["corpora"]["real"]
    assert real["corpus"]["documents"] == 7 and real["runs"][0]["documents"] == 7 and not real["runs"][0]["skipped"]


_PARENT = r"""
import json, sys
from kg.build.run import build
r = build([sys.argv[1]], sys.argv[2], page=False, jobs=int(sys.argv[3]))
heavy = sorted(m for m in sys.modules if m.split(".")[0] == "spacy" or m.startswith("kg.nlp"))
print(json.dumps({"read": len(r.read), "skipped": r.skipped, "copies": [[c.source, c.of] for c in r.copies],
                  "heavy": heavy}))
"""


@pytest.mark.parametrize("jobs,parent_loads_spacy", [(1, True), (2, False)])
def test_with_jobs_the_parent_neither_loads_spacy_nor_extracts(tmp_path, jobs, parent_loads_spacy):
    """Workers read and extract; the parent still decides copies and skips as one process does."""
    import json
    import subprocess

    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    for i in range(5):
        (root / "a" / f"d{i}.txt").write_text(gen_corpus.article(6, i), encoding="utf-8")
    (root / "b" / "copy.txt").write_text(gen_corpus.article(6, 2) + "\n\n", encoding="utf-8")  # same words
    (root / "b" / "d1.txt").write_text(gen_corpus.article(6, 9), encoding="utf-8")
    (root / "b" / "blank.txt").write_text(" \n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-c", _PARENT, str(root), str(tmp_path / "out"), str(jobs)],
                       capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    got = json.loads(p.stdout.strip().splitlines()[-1])
    assert bool(got["heavy"]) == parent_loads_spacy, got["heavy"]
    one = build([root], tmp_path / "one", page=False, jobs=1)
    assert (got["read"], [tuple(s) for s in got["skipped"]]) == (len(one.read), one.skipped)
    assert [why for _, why in one.skipped] == ["empty document (whitespace only)"]
    # the same words read again: a copy of the first (syndication), not a skip
    assert [tuple(c) for c in got["copies"]] == [(c.source, c.of) for c in one.copies] and len(one.copies) == 1
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "one" / "graph.ttl").read_bytes()


# ---------------------------------------------------------------- the time budget of a document

# kg build in a fresh interpreter (so that worker processes are forked from it, patch and all)
# where a document holding "LAMBAT" takes ten minutes to extract
SLOW_BUILD = """import sys, time
import kg.nlp.assemble as a
real = a.assemble
def slow(doc, article):
    if "LAMBAT" in article.text:
        time.sleep(600)
    return real(doc, article)
a.assemble = slow
from kg.cli import main
main(sys.argv[1:])
"""


@pytest.fixture
def slow_corpus(tmp_path):
    """Seeds plus one document that would take ten minutes under SLOW_BUILD."""
    import shutil

    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    (src / "lambat.txt").write_text("Rapat LAMBAT\n\nBudi Santoso mengatakan, “Kami siap.”\n", encoding="utf-8")
    return src


def _slow_build(src: Path, out: Path, *args: str):
    import subprocess

    return subprocess.run([sys.executable, "-c", SLOW_BUILD, "build", str(src), "--out", str(out), "--no-page",
                           "--doc-timeout", "2", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_over_its_time_budget_is_skipped_with_its_reason(slow_corpus, tmp_path, jobs):
    out = tmp_path / "out"
    r = _slow_build(slow_corpus, out, "--jobs", jobs)
    assert r.returncode == 1, r.stdout + r.stderr  # some document skipped, the others built
    assert "documents read: 5, skipped: 1" in r.stdout
    assert f"skipped {slow_corpus / 'lambat.txt'}: took over its time budget (2 s; --doc-timeout)" in r.stdout
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert "lambat.txt" not in g.serialize(format="nt") and len(g) > 1000
    if jobs == "1":
        r = _slow_build(slow_corpus, tmp_path / "strict", "--strict")
        assert r.returncode == 2 and "lambat.txt: took over its time budget" in r.stderr, r.stdout + r.stderr


def test_time_limit_stops_a_block_that_runs_over():
    import time

    from kg.build.extract import DocTimeout, time_limit

    with pytest.raises(DocTimeout):
        with time_limit(0.2):
            time.sleep(60)
    with time_limit(60):  # a counter-example: a block within its time
        time.sleep(0.01)


@pytest.mark.parametrize("outer,kept", [(300.0, True), (1.0, True), (None, False)])
def test_time_limit_keeps_an_alarm_the_caller_set(outer, kept):
    import signal

    from kg.build.extract import time_limit

    old = signal.signal(signal.SIGALRM, lambda *a: None)
    try:
        if outer:
            signal.setitimer(signal.ITIMER_REAL, outer)
        with time_limit(30):
            pass
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert (0 < left <= outer) if kept else left == 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_time_limit_is_no_limit_outside_the_main_thread():
    import threading
    import time

    from kg.build.extract import time_limit

    errors = []

    def work():
        try:
            with time_limit(0.05):
                time.sleep(0.3)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert errors == []
