"""``kg review``: the extractions most likely to be wrong, on articles written here (invented names)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.review import _one_apart, _word_names

PAD = ("Kegiatan itu diikuti oleh para camat dan kepala desa dari seluruh wilayah kabupaten. Para peserta membahas "
       "rencana kerja tahun depan, termasuk perbaikan jalan desa, pembangunan saluran irigasi, penyediaan air bersih "
       "dan peningkatan layanan kesehatan di puskesmas.\n")
D = ("Sosialisasi Anggaran di Kabupaten Lembah Hijau\n"
     "Kepala Bappeda Kabupaten Lembah Hijau, Andi Saputra, memimpin sosialisasi anggaran daerah.\n"
     + PAD * 3 + '"Semua usulan akan kami pelajari dengan teliti," ujarnya.\n')
NEAR = ("Rapat Koordinasi di Kota Sukamaju\n"
        "SUKAMAJU - Kepala Dinas Pendidikan Kota Sukamaju, Budi Santosa, membuka rapat koordinasi pada Senin (5/2/2024).\n"
        '"Kami akan memperbaiki layanan sekolah tahun ini," ujarnya.\n')
TWIN = ("Kunjungan Sekolah di Kota Sukamaju\n"
        "SUKAMAJU - Kepala Dinas Pendidikan Kota Sukamaju, Budi Santoso, meninjau sekolah pada Rabu (7/2/2024).\n")


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    base = tmp_path_factory.mktemp("review")
    src = base / "src"
    src.mkdir()
    for name, text in (("d.txt", D), ("near.txt", NEAR), ("twin.txt", TWIN)):
        (src / name).write_text(text, encoding="utf-8")
    assert kg("build", src, "--out", base / "out", "--no-page").exit_code == 0
    r = kg("review", base / "out" / "graph.ttl", "--csv", base / "r.csv")
    assert r.exit_code == 0, r.output
    with open(base / "r.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return base, r.output, rows


@pytest.mark.parametrize("kind,document,label_start,flagged", [
    ("pronoun", "d.txt", "Semua usulan", True),        # "ujarnya" some 500 characters after the name
    ("pronoun", "near.txt", "Kami akan", False),       # "ujarnya" right after the name: not doubtful
    ("event", "d.txt", "Sosialisasi anggaran", True),  # no date, no place
    ("event", "near.txt", "Rapat koordinasi", False),  # dated, in Sukamaju
    ("one-letter", "near.txt", "Budi Santosa", True),  # Santosa / Santoso across two articles
])
def test_review_flags_doubtful_extractions(findings, kind, document, label_start, flagged):
    _, _, rows = findings
    hit = [r for r in rows if r["kind"] == kind and r["document"] == document and r["label"].startswith(label_start)]
    assert bool(hit) == flagged, rows


def test_review_prints_one_line_per_finding_and_far_is_a_choice(findings):
    base, output, rows = findings
    assert [ln.split("\t")[0] for ln in output.splitlines() if "\t" in ln] == [r["kind"] for r in rows]
    r = kg("review", base / "out" / "graph.ttl", "--far", 100000)
    assert "pronoun" not in r.output


@pytest.mark.parametrize("ent,flagged", [
    (("p1", "Person", "Senin", 1, "a.txt"), True),          # a day name
    (("p2", "Person", "Senin", 2, "a.txt"), False),         # seen in two documents
    (("p3", "Agency", "Senin", 1, "a.txt"), False),         # not a person
    (("p4", "Person", "Budi Santosa", 1, "a.txt"), False),  # a name
    (("p5", "Person", "Sukamaju", 1, "a.txt"), True),       # the name of a place below
])
def test_word_names(ent, flagged):
    place = ("x", "Place", "Sukamaju", 3, "a.txt")
    assert bool(_word_names([ent, place])) == flagged


@pytest.mark.parametrize("a,b,apart", [
    ("santosa", "santoso", True), ("santosa", "santos", True), ("santosa", "santossa", True),
    ("santosa", "satnosa", True), ("santosa", "santosa", False), ("santosa", "sentoso", False),
    ("andi", "budi", False),
])
def test_one_letter_apart(a, b, apart):
    assert _one_apart(a, b) == apart == _one_apart(b, a)


def test_review_of_a_missing_graph_is_an_error(tmp_path):
    r = kg("review", tmp_path / "none.ttl")
    assert r.exit_code == 2 and "no such graph file" in r.output
