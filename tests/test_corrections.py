"""Corrections that persist (kg/corrections.py): each kind of line changes the graph as stated,
on every build path, and lines that change nothing are reported, not dropped.

The articles are written here, with invented names; the seed test takes what it needs from the
seeds' own graph."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
P = "https://w3id.org/kgid/id/person/"

A = """Rapat Koordinasi di Kota Sukamaju
SUKAMAJU - Kepala Dinas Pendidikan Kota Sukamaju, Budi Santosa, membuka rapat koordinasi pada Senin (5/2/2024).
"Kami akan memperbaiki layanan sekolah tahun ini," kata Budi Santosa.
Sekretaris Daerah Kota Sukamaju, Rina Wulandari, menyampaikan dukungan penuh.
"Anggaran pendidikan naik sepuluh persen," ujar Rina Wulandari.
Camat Melati, Dedi Kurnia, turut hadir.
"""
B = """Kunjungan Sekolah di Kota Sukamaju
SUKAMAJU - Kepala Dinas Pendidikan Kota Sukamaju, Budi Santoso, meninjau sekolah di Kecamatan Cempaka pada Rabu (7/2/2024).
"Semua ruang kelas harus layak dipakai," kata Budi Santoso.
Warga Kecamatan Cempaka, Joko Prasetyo, mengapresiasi langkah tersebut.
"Kami senang sekali dengan perbaikan ini," ujar Joko Prasetyo.
"""
C = """Pelatihan Pegawai di Kabupaten Lembah Hijau
LEMBAH HIJAU - Bupati Lembah Hijau, Andi Saputra, membuka pelatihan pegawai pada Selasa (6/2/2024).
"Pegawai harus terus belajar," kata Andi Saputra.
"""
WHO = {"by": "Tester", "at": "2026-12-01"}
#: One line of every kind that can share a build (split and alias remove are in SECOND).
FIRST = [
    {"op": "speaker", "document": "a.txt", "quote": "Kami akan memperbaiki", "to": "Rina Wulandari", **WHO,
     "note": "heard on the recording"},
    {"op": "speaker", "document": "b.txt", "quote": "Kami senang sekali", "to": None, **WHO},
    {"op": "merge", "entities": ["Budi Santosa", "Budi Santoso"], "label": "Budi Santosa", **WHO},
    {"op": "rename", "entity": "Dinas Pendidikan", "label": "Dinas Pendidikan Kota Sukamaju", **WHO},
    {"op": "alias", "entity": "Rina Wulandari", "add": ["Bu Rina"], **WHO},
    {"op": "retype", "entity": "Kecamatan Cempaka", "type": "Agency", **WHO},
    {"op": "reject", "entity": P + "dedi-kurnia", **WHO},
    {"op": "reject", "event": "Rapat koordinasi", **WHO},
    {"op": "role", "action": "add", "person": "Rina Wulandari", "title": "Ketua Tim Anggaran Pemerintah Daerah",
     "organization": "Pemerintah Kota Sukamaju", "date": "2024-02-05", "document": "a.txt", **WHO},
    {"op": "role", "action": "remove", "person": "Budi Santosa", "title": "Kepala Dinas Pendidikan Kota Sukamaju",
     "document": "b.txt", **WHO},
]
SECOND = [
    {"op": "split", "entity": "Dinas Pendidikan", "documents": ["b.txt"], "label": "Dinas Pendidikan Cempaka", **WHO},
    {"op": "reject", "document": "b.txt", "quote": "Semua ruang kelas", **WHO},
    {"op": "alias", "entity": "Kecamatan Cempaka", "remove": ["Cempaka"], **WHO},
]


def lines(items) -> str:
    return "# corrections written by the tests\n" + "".join(json.dumps(x) + "\n" for x in items)


def kg(*args) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def corpus(folder: Path, *texts: tuple[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def facts(out: Path) -> dict:
    r = kg("facts", out / "graph.ttl")
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def build(src: Path, out: Path, *extra) -> tuple[object, dict]:
    r = kg("build", src, "--out", out, "--no-page", *extra)
    assert r.exit_code == 0, r.output
    return r, facts(out)


def entity(f: dict, label: str) -> dict | None:
    return next((e for e in f["entities"] if e["label"] == label), None)


def quote(f: dict, start_words: str) -> dict | None:
    return next((q for q in f["quotes"] if q["text"].startswith(start_words)), None)


@pytest.fixture(scope="session")  # session: the Dask test using it runs last (conftest.py)
def plain(tmp_path_factory):
    base = tmp_path_factory.mktemp("corr")
    src = corpus(base / "src", ("a.txt", A), ("b.txt", B))
    return src, build(src, base / "plain")[1]


@pytest.fixture(scope="session")  # session: the Dask test using it runs last (conftest.py)
def first(tmp_path_factory, plain):
    base = tmp_path_factory.mktemp("corr1")
    src = plain[0]
    (base / "c.jsonl").write_text(lines(FIRST), encoding="utf-8")
    r, f = build(src, base / "out", "--corrections", base / "c.jsonl")
    return base, r, f


# Each row: what the graph shows without the corrections, and with them.
CHECKS = [
    ("speaker moved", lambda f: quote(f, "Kami akan")["speaker"], P + "budi-santosa", P + "rina-wulandari"),
    ("speaker removed", lambda f: quote(f, "Kami senang")["speaker"], P + "joko-prasetyo", None),
    ("merge: one entity", lambda f: sorted(e["id"] for e in f["entities"] if e["label"].startswith("Budi")),
     [P + "budi-santosa", P + "budi-santoso"], [P + "budi-santosa"]),
    ("merge: both documents", lambda f: entity(f, "Budi Santosa")["documents"], ["a.txt"], ["a.txt", "b.txt"]),
    ("merge: other spelling kept", lambda f: entity(f, "Budi Santosa")["aliases"], [], ["Budi Santoso"]),
    ("merge: quotes follow", lambda f: quote(f, "Semua ruang")["speaker"], P + "budi-santoso", P + "budi-santosa"),
    ("rename", lambda f: (entity(f, "Dinas Pendidikan Kota Sukamaju") or {}).get("aliases"), None,
     ["Dinas Pendidikan"]),
    ("alias add", lambda f: entity(f, "Rina Wulandari")["aliases"], [], ["Bu Rina"]),
    ("retype", lambda f: entity(f, "Kecamatan Cempaka")["type"], "Place", "Agency"),
    ("reject entity", lambda f: [e["id"] for e in f["entities"] if e["id"] == P + "dedi-kurnia"], [P + "dedi-kurnia"],
     []),
    ("reject entity: its role goes", lambda f: [r["title"] for r in f["roles"] if r["person"] == P + "dedi-kurnia"],
     ["Camat Melati"], []),
    ("reject event", lambda f: len(f["events"]), 1, 0),
    ("role add", lambda f: [(r["title"], r["date"]) for r in f["roles"] if r["person"] == P + "rina-wulandari"
                            and r["title"].startswith("Ketua")],
     [], [("Ketua Tim Anggaran Pemerintah Daerah", "2024-02-05")]),
    ("role remove", lambda f: sorted(r["document"] for r in f["roles"] if r["title"].startswith("Kepala Dinas")),
     ["a.txt", "b.txt"], ["a.txt"]),
]


@pytest.mark.parametrize("what,get,before,after", CHECKS, ids=[c[0] for c in CHECKS])
def test_each_kind_of_line_changes_the_graph(plain, first, what, get, before, after):
    got_before = get(plain[1])
    got_after = get(first[2])
    if isinstance(got_before, list) and got_before and isinstance(got_before[0], list):
        got_before = [tuple(x) for x in got_before]
    assert got_before == before
    assert (got_after if not (isinstance(got_after, list) and got_after and isinstance(got_after[0], list))
            else [tuple(x) for x in got_after]) == after


def test_quotes_by_follows_the_speaker_line(first):
    out = first[0] / "out" / "graph.ttl"
    r = kg("query", out, "quotes_by", "-p", "person=Rina", "--format", "json")
    texts = sorted(b["text"]["value"][:9] for b in json.loads(r.output)["results"]["bindings"])
    assert texts == ["Anggaran ", "Kami akan"]


def test_corrections_are_prov_activities_that_validate(first):
    from rdflib import Graph, Namespace

    prov = Namespace("http://www.w3.org/ns/prov#")
    g = Graph().parse(first[0] / "out" / "graph.ttl")
    acts = set(g.subjects(prov.wasAssociatedWith, None))
    assert len(acts) == len(FIRST)
    assert all((None, prov.wasInfluencedBy, a) in g for a in acts)
    assert {str(c) for c in g.objects(None, Namespace("http://www.w3.org/2000/01/rdf-schema#").comment)} == {
        "heard on the recording"}
    r = kg("validate", first[0] / "out" / "graph.ttl")
    assert r.exit_code == 0 and "conforms" in r.output, r.output


def test_second_set_split_quote_reject_alias_remove(tmp_path, plain):
    (tmp_path / "c.jsonl").write_text(lines(SECOND), encoding="utf-8")
    _, f = build(plain[0], tmp_path / "out", "--corrections", tmp_path / "c.jsonl")
    assert entity(f, "Dinas Pendidikan")["documents"] == ["a.txt"]
    assert entity(f, "Dinas Pendidikan Cempaka")["documents"] == ["b.txt"]
    assert quote(f, "Semua ruang") is None and quote(plain[1], "Semua ruang") is not None
    assert entity(plain[1], "Kecamatan Cempaka")["aliases"] == ["Cempaka"]
    assert entity(f, "Kecamatan Cempaka")["aliases"] == []


def test_same_graph_after_update_and_with_two_jobs(tmp_path, first):
    base, _, f = first
    src = corpus(tmp_path / "src", ("a.txt", A), ("b.txt", B))
    out = tmp_path / "out"
    build(src, out, "--corrections", base / "c.jsonl")
    corpus(src, ("c.txt", C))  # an unrelated article
    r, f2 = build(src, out, "--update", "--corrections", base / "c.jsonl")
    assert "1 new" in r.output
    assert quote(f2, "Kami akan")["speaker"] == P + "rina-wulandari" and entity(f2, "Budi Santoso") is None
    build(src, tmp_path / "full", "--corrections", base / "c.jsonl")
    build(src, tmp_path / "jobs", "--jobs", "2", "--corrections", base / "c.jsonl")
    graph = (out / "graph.ttl").read_bytes()
    assert graph == (tmp_path / "full" / "graph.ttl").read_bytes() == (tmp_path / "jobs" / "graph.ttl").read_bytes()


def test_changing_only_the_corrections_updates_the_graph(tmp_path, plain, first):
    out = tmp_path / "out"
    (tmp_path / "c.jsonl").write_text(lines(FIRST[:1]), encoding="utf-8")
    build(plain[0], out, "--corrections", tmp_path / "c.jsonl")
    (tmp_path / "c.jsonl").write_text(lines(FIRST), encoding="utf-8")
    r, f = build(plain[0], out, "--update", "--corrections", tmp_path / "c.jsonl")
    assert "0 new, 0 changed" in r.output and "nothing written" not in r.output
    assert (out / "graph.ttl").read_bytes() == (first[0] / "out" / "graph.ttl").read_bytes()
    (tmp_path / "c.jsonl").write_text("", encoding="utf-8")
    build(plain[0], out, "--update", "--corrections", tmp_path / "c.jsonl")
    assert facts(out) == plain[1]


def test_stale_line_is_reported_with_its_number_and_the_build_succeeds(tmp_path, plain):
    stale = {"op": "speaker", "document": "a.txt", "quote": "Kami akan memperbaiki jalan", "to": "Rina Wulandari"}
    (tmp_path / "c.jsonl").write_text(lines([FIRST[0], stale, FIRST[2] | {"entities": ["Budi Santosa", "Budi Santoza"]}]),
                                      encoding="utf-8")
    r, f = build(plain[0], tmp_path / "out", "--corrections", tmp_path / "c.jsonl")
    assert "c.jsonl:3: speaker: no quote in 'a.txt' begins 'Kami akan memperbaiki jalan'" in r.output
    assert "closest: 'Kami akan memperbaiki layanan'" in r.output
    assert "c.jsonl:4: merge: no entity 'Budi Santoza'; closest: 'Budi Santos" in r.output
    assert "c.jsonl:2" not in r.output
    assert quote(f, "Kami akan")["speaker"] == P + "rina-wulandari"
    r = kg("corrections", "check", tmp_path / "out", "--corrections", tmp_path / "c.jsonl")
    assert r.exit_code == 1
    assert [ln.split(": ")[0].rsplit("/", 1)[1] for ln in r.output.splitlines() if ln.startswith("stale")] == [
        "c.jsonl:3", "c.jsonl:4"]


def test_extraction_that_now_gets_it_right_is_stale(tmp_path, plain):
    (tmp_path / "c.jsonl").write_text(lines([{"op": "speaker", "document": "a.txt", "quote": "Anggaran",
                                              "to": "Rina Wulandari"}]), encoding="utf-8")
    r, f = build(plain[0], tmp_path / "out", "--corrections", tmp_path / "c.jsonl")
    assert "c.jsonl:2: speaker: the quote is already given to Rina Wulandari" in r.output
    assert f == plain[1]


@pytest.mark.parametrize("line,why", [
    ({"op": "speaker", "document": "a.txt", "quote": "Anggaran", "to": P + "nobody--1234abcd"},
     "names no entity in 'a.txt'; give its label instead"),
    ({"op": "reject", "document": "a.txt", "start": 1, "end": 5}, "no quote in 'a.txt' lies at 1-5"),
    ({"op": "role", "action": "remove", "person": "Rina Wulandari", "title": "Bupati", "document": "a.txt"},
     "no office 'Bupati' of 'Rina Wulandari' found"),
    ({"op": "split", "entity": "Budi Santosa", "documents": ["a.txt"], "label": "Budi Santosa"},
     "the new label gives the same entity"),
    ({"op": "retype", "entity": "Rina Wulandari", "type": "Person"}, "the entity is already so"),
])
def test_lines_that_change_nothing_say_why(tmp_path, plain, line, why):
    (tmp_path / "c.jsonl").write_text(lines([line]), encoding="utf-8")
    r, f = build(plain[0], tmp_path / "out", "--corrections", tmp_path / "c.jsonl")
    stale = [ln for ln in r.output.splitlines() if ln.startswith("stale correction")]
    assert len(stale) == 1 and f"c.jsonl:2: {line['op']}: " in stale[0] and why in stale[0], r.output
    assert f == plain[1]


BAD = [
    ("{not json", "not a JSON object"),
    ('["op", "merge"]', "not a JSON object"),
    ('{"op": "delete", "entity": "X"}', "unknown op 'delete'; valid ops: merge, split, rename"),
    ('{"op": "merge", "entities": ["X"]}', "at least two"),
    ('{"op": "speaker", "document": "a.txt", "to": "X"}', "first words ('quote') or its offsets"),
    ('{"op": "speaker", "document": "a.txt", "quote": "Kami"}', "speaker needs 'to'"),
    ('{"op": "retype", "entity": "X", "type": "Robot"}', "valid types: Person, Agency"),
    ('{"op": "rename", "entity": "X", "label": "Y", "colour": 1}', "unknown field 'colour'"),
    ('{"op": "rename", "entity": "X", "label": "Y", "at": "yesterday"}', "'at' must be an ISO date"),
    ('{"op": "reject", "entity": "X", "quote": "Kami", "document": "a.txt"}', "reject names one thing"),
    ('{"op": "role", "action": "add", "person": "X", "title": "Camat"}', "role add needs the 'document'"),
]


@pytest.mark.parametrize("line,why", BAD)
def test_bad_line_names_file_line_and_reason(tmp_path, line, why):
    src = corpus(tmp_path / "src", ("a.txt", A))
    (tmp_path / "c.jsonl").write_text('{"op": "rename", "entity": "X", "label": "Y"}\n' + line + "\n", encoding="utf-8")
    r = kg("build", src, "--out", tmp_path / "out", "--no-page", "--corrections", tmp_path / "c.jsonl")
    assert r.exit_code == 2
    assert "c.jsonl:2: " in r.output and why in r.output, r.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_default_file_among_the_sources_is_used_and_not_read_as_an_article(tmp_path):
    src = corpus(tmp_path / "src", ("a.txt", A), ("corrections.jsonl", lines(FIRST[:1])))
    r, f = build(src, tmp_path / "out")
    assert "documents read: 1" in r.output and "skipped" not in r.output
    assert [d["source"] for d in f["documents"]] == ["a.txt"]
    assert quote(f, "Kami akan")["speaker"] == P + "rina-wulandari"


def test_seed_forms_as_written(tmp_path):
    """The two forms of the issue, on a seed: a quote by its first words to another speaker, two entities merged."""
    plain = build(SEEDS, tmp_path / "plain")[1]
    q = next(q for q in plain["quotes"] if q["document"] == "002_e4a6fb57b1dcc86e.txt")
    words = " ".join(q["text"].split()[:5])
    places = sorted((e for e in plain["entities"] if e["type"] == "Agency"), key=lambda e: e["id"])[:2]
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"op": "speaker", "document": "002_e4a6fb57b1dcc86e.txt", "quote": words,
                    "to": "Sari Anggraini Putri"}) + "\n"
        + json.dumps({"op": "merge", "entities": [places[0]["label"], places[1]["id"]], "label": places[0]["label"]})
        + "\n", encoding="utf-8")
    r, f = build(SEEDS, tmp_path / "out", "--corrections", tmp_path / "c.jsonl")
    assert "stale" not in r.output
    r = kg("query", tmp_path / "out" / "graph.ttl", "quotes_by", "-p", "person=Sari Anggraini", "--format", "json")
    assert [b["text"]["value"] for b in json.loads(r.output)["results"]["bindings"]] == [q["text"]]
    assert len(f["entities"]) == len(plain["entities"])   # one person more, one agency less
    merged = [e for e in f["entities"] if e["label"] == places[0]["label"]]
    assert len(merged) == 1
    assert set(merged[0]["documents"]) == set(places[0]["documents"]) | set(places[1]["documents"])
    r = kg("validate", tmp_path / "out" / "graph.ttl")
    assert r.exit_code == 0 and "conforms" in r.output, r.output



@pytest.mark.timeout(600)
@pytest.mark.dask
def test_same_graph_on_a_dask_cluster(tmp_path, plain, first):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from distributed import LocalCluster

    base = first[0]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as lc:
        build(plain[0], tmp_path / "dask", "--dask", lc.scheduler_address, "--corrections", base / "c.jsonl")
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (base / "out" / "graph.ttl").read_bytes()
