"""``kg build --update``: the same bytes as a full build of the final files, reading only
what changed, and nothing written when nothing changed."""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg.build.read import Reader
from kg.build.run import build
from kg.fileio import LOCK_FILE
from kg.ns import KG

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import gen_corpus  # noqa: E402


class SpyReader(Reader):
    """kg.build.read.Reader that remembers which files it was asked to read."""

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.asked: list[str] = []

    def __call__(self, paths, report, **kw):
        paths = list(paths)
        self.asked += [Path(p).name for p in paths]
        return super().__call__(paths, report, **kw)


def update(paths, out, **kw):
    """An update build through kg.build.run.build with a spying reader: (report, stats, names read)."""
    import kg.build.run

    spy: list = []
    real = kg.build.run.Reader

    class Recording(SpyReader):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            spy.append(self)

    kg.build.run.Reader = Recording
    try:
        stats: dict = {}
        report = build(paths, out, page=False, update=True, stats=stats, **kw)
    finally:
        kg.build.run.Reader = real
    return report, stats, sorted(spy[0].asked) if spy else []


def snapshot(folder: Path) -> dict:
    """Every file under ``folder``: its bytes' hash and modification time (but the lock
    file, which names the build holding the folder: every build writes it)."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != LOCK_FILE}


def write(path: Path, text: str, bump: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if bump:
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + bump))


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "corpus"
    for i in range(8):
        write(c / f"d{i}.txt", gen_corpus.article(5, i))
    return c


@pytest.fixture(scope="session")
def _built_once(tmp_path_factory):
    """Eight generated articles and their build, made once: ``live/`` (corpus and out) and a
    pristine copy of it."""
    root = tmp_path_factory.mktemp("incremental")
    for i in range(8):
        write(root / "live" / "corpus" / f"d{i}.txt", gen_corpus.article(5, i))
    build([root / "live" / "corpus"], root / "live" / "out", page=False)
    shutil.copytree(root / "live", root / "pristine")   # copy2: the same bytes and times
    return root


@pytest.fixture
def built(_built_once):
    """(corpus, out): the eight articles and a full build of them, fresh for each test. Always at
    the same path: a build's cache names files by their absolute path."""
    live = _built_once / "live"
    shutil.rmtree(live)
    shutil.copytree(_built_once / "pristine", live)
    return live / "corpus", live / "out"


#: the graph.ttl of a full build of each set of files met (see full)
_FULL: dict[str, bytes] = {}


def full(paths, out) -> bytes:
    """graph.ttl of a full build of the folders ``paths``, built once per set of files: a full
    build's bytes depend only on the files' names under their folder and their bytes."""
    h = hashlib.sha256()
    for folder in map(Path, paths):
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                h.update(str(f.relative_to(folder)).encode() + b"\0" + f.read_bytes() + b"\0")
    key = h.hexdigest()
    if key not in _FULL:
        build(paths, out, page=False)
        _FULL[key] = (out / "graph.ttl").read_bytes()
    return _FULL[key]


def doc_sources(path: Path) -> set[str]:
    g = Graph().parse(path, format="turtle")
    return {str(s) for d in g.subjects(RDF.type, KG.Document) for s in g.objects(d, KG.source)}


def test_update_adds_changes_and_removes_like_a_full_build(built, tmp_path):
    corpus, out = built
    before = Graph().parse(out / "graph.ttl", format="turtle")
    old_quotes = {str(t) for q in before.subjects(RDF.type, KG.Quote) for t in before.objects(q, KG.text)}
    write(corpus / "d8.txt", gen_corpus.article(5, 8))                    # new
    write(corpus / "d3.txt", gen_corpus.article(5, 50), bump=10**9)       # changed
    (corpus / "d5.txt").unlink()                                          # removed
    report, stats, asked = update([corpus], out)
    assert asked == ["d3.txt", "d8.txt"]
    assert (stats["new"], stats["changed"], stats["removed"], stats["unchanged"]) == (1, 1, 1, 6)
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")
    assert len(report.read) == 8 and report.triples > 0
    after = Graph().parse(out / "graph.ttl", format="turtle")
    assert doc_sources(out / "graph.ttl") == {f"d{i}.txt" for i in (0, 1, 2, 3, 4, 6, 7, 8)}
    texts = {d: str(t) for d, t in after.subject_objects(KG.text) if (d, RDF.type, KG.Document) in after}
    for q in after.subjects(RDF.type, KG.Quote):   # every quote slices its own document: none left stale
        doc = after.value(q, KG.inDocument)
        assert texts[doc][int(after.value(q, KG.start)):int(after.value(q, KG.end))] == str(after.value(q, KG.text))
    gone = {str(t) for q in after.subjects(RDF.type, KG.Quote) for t in after.objects(q, KG.text)}
    assert old_quotes - gone  # the old d3/d5 quotes that no other document has are gone
    # entities of unchanged documents keep their IRIs
    d0 = next(d for d in before.subjects(RDF.type, KG.Document) if str(before.value(d, KG.source)) == "d0.txt")
    people = set(before.subjects(KG.mentionedIn, d0))
    assert people and people <= set(after.subjects(KG.mentionedIn, d0))


def test_update_with_nothing_changed_changes_no_byte(built, tmp_path):
    corpus, out = built
    first = snapshot(out)
    report, stats, asked = update([corpus], out)
    assert snapshot(out) == first
    assert asked == [] and stats["written"] is False and stats["unchanged"] == 8
    assert len(report.read) == 8 and report.triples == Graph().parse(out / "graph.ttl", format="turtle").__len__()


@pytest.mark.parametrize("case", ["new-duplicate-first", "first-of-duplicates-removed", "same-name-removed"])
def test_update_follows_duplicates_and_shared_names(corpus, tmp_path, case):
    if case == "new-duplicate-first":
        setup = lambda: None  # noqa: E731
        change = lambda: write(corpus / "a0.txt", (corpus / "d4.txt").read_text(encoding="utf-8"))  # noqa: E731
    elif case == "first-of-duplicates-removed":
        setup = lambda: write(corpus / "e4.txt", (corpus / "d4.txt").read_text(encoding="utf-8"))  # noqa: E731
        change = lambda: (corpus / "d4.txt").unlink()  # noqa: E731
    else:
        setup = lambda: (write(corpus / "x" / "same.txt", gen_corpus.article(5, 60)),  # noqa: E731
                         write(corpus / "y" / "same.txt", gen_corpus.article(5, 61)))
        change = lambda: shutil.rmtree(corpus / "x")  # noqa: E731
    setup()
    out = tmp_path / "out"
    base = build([corpus], out, page=False)
    change()
    report, stats, asked = update([corpus], out)
    ref = build([corpus], tmp_path / "full", page=False)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()
    assert (report.read, report.skipped, report.copies) == (ref.read, ref.skipped, ref.copies)
    assert len(asked) <= 2  # only the files whose status changed were read again
    if case == "new-duplicate-first":   # the same words: d4.txt is now a copy of a0.txt
        assert [c.source for c in report.copies] == ["d4.txt"] and not base.copies
    if case == "first-of-duplicates-removed":
        assert base.copies and not report.copies and asked == ["e4.txt"]


def test_changed_code_rereads_everything(built, tmp_path, monkeypatch):
    corpus, out = built
    monkeypatch.setattr("kg.build.write.fingerprint", lambda: "another version of the extractor")
    _, stats, asked = update([corpus], out)
    assert stats["cache_valid"] is False and stats["new"] == 8 and len(asked) == 8
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


@pytest.mark.parametrize("jobs", [1, 2])
def test_update_without_an_earlier_build_is_a_full_build(corpus, tmp_path, jobs):
    _, stats, asked = update([corpus], tmp_path / "out", jobs=jobs)
    assert stats["new"] == 8 and len(asked) == 8
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


def test_update_in_parallel_matches(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, page=False, jobs=2)
    write(corpus / "d9.txt", gen_corpus.article(5, 9))
    _, stats, asked = update([corpus], out, jobs=2)
    assert asked == ["d9.txt"] and stats["unchanged"] == 8
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


def test_cli_update_says_what_it_did(corpus, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-page"]).exit_code == 0
    write(corpus / "d9.txt", gen_corpus.article(5, 9))
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-page", "--update"])
    assert res.exit_code == 0, res.output
    assert "update: 1 new, 0 changed, 0 rechecked, 0 removed, 8 unchanged (not re-read)" in res.output
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-page", "--update"])
    assert "nothing changed, nothing written" in res.output and "documents read: 9" in res.output


def test_a_jsonl_file_is_one_unit_with_several_documents(corpus, tmp_path):
    import json

    feed = corpus / "feed.jsonl"
    lines = [json.dumps({"text": gen_corpus.article(5, 70 + i)}) for i in range(3)]
    write(feed, "\n".join(lines) + "\n")
    out = tmp_path / "out"
    first = build([corpus], out, page=False, jobs=2)
    assert [p for p in first.read if "feed.jsonl" in p] == [f"{feed}#1", f"{feed}#2", f"{feed}#3"]
    write(feed, "\n".join(lines[:2] + [json.dumps({"text": gen_corpus.article(5, 80)})]) + "\n", bump=10**9)
    report, stats, asked = update([corpus], out)
    assert asked == ["feed.jsonl"] and stats["changed"] == 1
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")
    assert {s for s in doc_sources(out / "graph.ttl") if "#" in s} == {"feed.jsonl#1", "feed.jsonl#2",
                                                                        "feed.jsonl#3"}


def test_strict_update_stops_at_a_file_skipped_before(corpus, tmp_path):
    from kg.errors import InputError

    write(corpus / "z_empty.txt", "   \n")
    out = tmp_path / "out"
    first = build([corpus], out, page=False)
    assert len(first.skipped) == 1
    graph = (out / "graph.ttl").read_bytes()
    for _ in range(2):  # with or without changes elsewhere
        with pytest.raises(InputError, match="z_empty.txt"):
            build([corpus], out, page=False, update=True, strict=True)
        assert (out / "graph.ttl").read_bytes() == graph
        write(corpus / "d9.txt", gen_corpus.article(5, 9))


def _count_renders(monkeypatch) -> list:
    """Record every document block rendered from a cached row (zlib-decompressed) by kg.build.assemble."""
    import zlib

    import kg.build.assemble

    calls: list = []

    class Z:
        @staticmethod
        def decompress(data):
            calls.append(1)
            return zlib.decompress(data)

    monkeypatch.setattr(kg.build.assemble, "zlib", Z)
    return calls


def damage_records(out: Path) -> None:
    """Make the extraction records that the build in ``out`` keeps of each file (in
    ``OUT/.kg-cache/docs.sqlite``) unreadable: an update that loads one fails."""
    import sqlite3

    with sqlite3.connect(out / ".kg-cache" / "docs.sqlite") as db:
        assert db.execute("UPDATE docs SET records = X'00'").rowcount > 0
    db.close()


def test_unchanged_files_are_copied_from_the_graph_as_bytes(built, tmp_path, monkeypatch):
    corpus, out = built
    write(corpus / "d8.txt", gen_corpus.article(5, 8))
    calls = _count_renders(monkeypatch)
    update([corpus], out)
    assert len(calls) == 1                       # only the new file's block is rendered; 8 are copied
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


def test_a_graph_changed_since_the_build_is_not_copied_from(built, tmp_path, monkeypatch):
    corpus, out = built
    graph = out / "graph.ttl"
    graph.write_bytes(graph.read_bytes().replace(b"kg:", b"kg:", 1) + b"\n")   # edited by hand: one byte more
    write(corpus / "d8.txt", gen_corpus.article(5, 8))
    calls = _count_renders(monkeypatch)
    update([corpus], out)
    assert len(calls) == 9                       # every block rendered again from the rows
    assert graph.read_bytes() == full([corpus], tmp_path / "full")


def test_copying_through_memory_gives_the_same_bytes(built, tmp_path, monkeypatch):
    corpus, out = built
    write(corpus / "d8.txt", gen_corpus.article(5, 8))

    def unsupported(*a, **k):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", unsupported)
    update([corpus], out)
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


def test_new_files_only_render_the_entities_they_touch(built, tmp_path, monkeypatch):
    import kg.graph

    corpus, out = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    entities = len({s for c in (KG.Person, KG.Agency, KG.Policy, KG.Event, KG.Place) for s in g.subjects(RDF.type, c)})
    write(corpus / "d8.txt", gen_corpus.article(5, 8))
    damage_records(out)                                   # no unchanged file's records are loaded
    rendered = []
    real_render = kg.graph.EntityIndex.render
    monkeypatch.setattr(kg.graph.EntityIndex, "render",
                        lambda self, *a: rendered.append(a[1]) or real_render(self, *a))
    report, stats, asked = update([corpus], out)
    assert asked == ["d8.txt"] and stats["new"] == 1
    assert 0 < len(rendered) < entities                   # the rest of the entity section was copied
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


def test_a_new_place_becomes_the_parent_of_an_old_one(tmp_path):
    c = tmp_path / "c"
    write(c / "a.txt", "Bupati Sleman meresmikan gedung pelayanan di Kabupaten Sleman, Senin (3/6/2024).\n\n"
                       "\"Gedung ini untuk pelayanan publik,\" kata dia.\n")
    out = tmp_path / "out"
    build([c], out, page=False)
    assert b"kg:partOf" not in (out / "graph.ttl").read_bytes()
    write(c / "b.txt", "Pemerintah Daerah Istimewa Yogyakarta meminta ASN netral, Selasa (4/6/2024).\n")
    update([c], out)
    assert b"kg:partOf <https://w3id.org/kgid/id/place/provinsi-daerah-istimewa-yogyakarta>" in \
        (out / "graph.ttl").read_bytes()                  # the old entity's text was written again
    assert (out / "graph.ttl").read_bytes() == full([c], tmp_path / "full")


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "other-graph"])
def test_entity_state_that_cannot_be_trusted_is_not_used(built, tmp_path, damage):
    corpus, out = built
    state = out / ".kg-cache" / "entities.pickle"
    assert state.is_file()
    if damage == "missing":
        state.unlink()
    elif damage == "garbage":
        state.write_bytes(b"not a pickle")
    elif damage == "truncated":   # a build killed while writing it: no closing record
        data = state.read_bytes()
        state.write_bytes(data[: len(data) // 2])
    else:   # the state of a different build of other files
        other = tmp_path / "other"
        write(other / "x.txt", gen_corpus.article(5, 77))
        build([other], tmp_path / "o", page=False)
        shutil.copy(tmp_path / "o" / ".kg-cache" / "entities.pickle", state)
    write(corpus / "d8.txt", gen_corpus.article(5, 8))
    update([corpus], out)
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


def _update_in_daemon(corpus, out, queue):
    try:
        update([corpus], out)
        queue.put("ok")
    except BaseException as e:  # pragma: no cover - reported to the test
        queue.put(repr(e))


def test_update_runs_inside_a_daemon_process(built, tmp_path):
    import multiprocessing as mp

    corpus, out = built
    write(corpus / "d8.txt", gen_corpus.article(5, 8))
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_update_in_daemon, args=(corpus, out, q), daemon=True)
    p.start()
    p.join(120)
    assert q.get(timeout=5) == "ok"   # a daemon may not start a pool: it extracts in-process
    assert (out / "graph.ttl").read_bytes() == full([corpus], tmp_path / "full")


def test_a_same_size_edit_with_its_time_put_back_is_read_again(built, tmp_path):
    (corpus, out), fresh = built, tmp_path / "fresh"
    f = corpus / "d3.txt"
    st = f.stat()
    text = f.read_text(encoding="utf-8")
    i = next(k for k, c in enumerate(text) if c.islower() and k > 200)
    edited = text[:i] + text[i].upper() + text[i + 1:]   # same size in bytes
    f.write_text(edited, encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_size == st.st_size and f.stat().st_mtime_ns == st.st_mtime_ns
    report, stats, asked = update([corpus], out)
    assert asked == ["d3.txt"] and stats["changed"] == 1 and stats["written"] is True
    assert (out / "graph.ttl").read_bytes() == full([corpus], fresh)
    texts = {str(t) for t in Graph().parse(out / "graph.ttl", format="turtle").objects(None, KG.text)}
    assert edited in texts and text not in texts
