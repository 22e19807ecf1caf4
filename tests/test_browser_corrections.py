"""The page's "correct this" control and the corrections file, end to end (issue 20).

A reviewer opens the page of a seeds build, gives a quote to another person with the control,
adds the line it shows to a corrections file and rebuilds: the page and ``kg query quotes_by``
must then agree that the quote moved. A line whose words name no quote is reported stale and
moves nothing.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


tb = _load("kg_test_browser_helpers", ROOT / "tests" / "test_browser.py")
browser, opened, seeds_page, kg_query, ids = tb.browser, tb.opened, tb.seeds_page, tb.kg_query, tb.ids

pytestmark = tb.pytestmark

FROM = "Akmal Malik"   # a person of the seeds who is quoted
#: Speakers to give the quote to: a person, and an agency whose IRI is not minted from its label.
PERSON, AGENCY = "Wahyu Hidayat", "Badan Kesatuan Bangsa dan Politik Kota Malang"
#: Words no seed article contains: a line naming them is stale.
INVENTED = "Kalimat karangan ini tidak pernah diucapkan oleh siapa pun"


def open_speaker(o, name: str) -> list[str]:
    """Open ``name``'s panel through the search box, as a reader does; the texts of the quotes it lists."""
    o.page.fill("#kg-find", name)
    o.page.press("#kg-find", "Enter")
    assert o.page.locator("#kg-details h2").first.text_content() == name
    return o.panel_quotes()


def line_from_the_page(o, to_name: str, typed: str | None = None, reviewer: str = "redaksi") -> tuple[str, str]:
    """(text of FROM's first quote, the corrections line the control gives for it to ``to_name``,
    typed as ``typed``, by ``reviewer``)."""
    open_speaker(o, FROM)
    item = o.page.locator("#kg-details li.kg-q").first
    text = item.locator(".kg-quote-text").text_content()
    item.locator(".kg-correct").click()
    to = item.locator(".kg-to")
    offered = o.js("id => [...document.getElementById(id).options].map(x => x.value)", to.get_attribute("list"))
    assert to_name in offered and FROM in offered  # the control offers the speakers of the page
    to.fill(to_name if typed is None else typed)
    item.locator(".kg-reviewer").fill(reviewer)
    return text, item.locator(".kg-line").input_value()


def rebuild(tmp_path: Path, lines: list[str], src: Path = ROOT / "seeds") -> tuple[Path, str]:
    """``kg build SRC --out OUT --corrections FILE`` through the CLI: (OUT, its output)."""
    from kg.cli import main

    fixes = tmp_path / "corrections.jsonl"
    fixes.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--corrections", str(fixes)])
    assert r.exit_code == 0, r.output
    return out, r.output


@pytest.mark.parametrize("kind, invent, moves", [("Person", False, True), ("Agency", False, True), ("Person", True, False)],
                         ids=["to-a-person", "to-an-agency", "words-not-in-article"])
def test_correct_this_line_moves_the_quote_on_the_page_and_in_kg_query(opened, seeds_build, tmp_path, kind, invent, moves):
    before_out, _ = seeds_build
    o = opened(before_out / "graph.html")
    to_name = PERSON if kind == "Person" else AGENCY
    named = ids(o, kind)
    text, line = line_from_the_page(o, to_name)
    d = json.loads(line)
    assert d["op"] == "speaker" and d["to"] in (to_name, named[to_name])
    if invent:  # the counter-example: the article no longer has these words
        line = json.dumps(dict(d, quote=INVENTED), ensure_ascii=False)
    to_before = open_speaker(o, to_name)
    from_before = open_speaker(o, FROM)
    assert text in from_before and text not in to_before
    assert o.clean()

    out, said = rebuild(tmp_path, [line])
    stale = [s for s in said.splitlines() if "stale" in s or "corrections.jsonl:1" in s]
    if moves:
        assert stale == []
    else:
        assert any(re.search(r"corrections\.jsonl:1\b", s) and INVENTED[:20] in s for s in stale), said

    again = opened(out / "graph.html")
    assert ids(again, kind)[to_name] == named[to_name]  # the quote went to the speaker who was there, not a new one
    assert ids(again, "Person").keys() == ids(o, "Person").keys()
    to_after, from_after = open_speaker(again, to_name), open_speaker(again, FROM)
    assert (text in to_after, text in from_after) == (moves, not moves)
    assert sorted(to_after + from_after) == sorted(to_before + from_before)  # nothing lost, nothing doubled
    assert again.clean()

    by_from = kg_query(out / "graph.ttl", "quotes_by", person=FROM)
    assert sorted(r["text"] for r in by_from if r["speakerLabel"] == FROM) == sorted(from_after)
    if kind == "Person":  # quotes_by lists people
        by_to = kg_query(out / "graph.ttl", "quotes_by", person=to_name)
        assert sorted(r["text"] for r in by_to if r["speakerLabel"] == to_name) == sorted(to_after)
        assert {r["speaker"] for r in by_to if r["text"] == text} == ({named[to_name]} if moves else set())


@pytest.mark.parametrize("typed, want", [
    (PERSON, PERSON),                       # a person: the label, which kg.correct mints as that person
    ("  wahyu   HIDAYAT ", PERSON),         # case and spaces as typed: the label of the person meant
    (AGENCY, "agency IRI"),                 # an agency: its IRI (its label would mint a new person)
    ("Rina Wulandari", "Rina Wulandari"),   # a name not on the page: as typed (a new person)
    ("", None),                             # no one: the quote becomes unattributed
])
@pytest.mark.parametrize("reviewer", ["redaksi", ""])
def test_correct_this_names_the_speaker_as_the_corrections_file_resolves_it(seeds_page, typed, want, reviewer):
    from kg.corrections import parse

    o = seeds_page
    agency = ids(o, "Agency")[AGENCY]
    assert not agency.endswith("/" + _slug(AGENCY))  # why a label would not do
    _, line = line_from_the_page(o, PERSON if typed.strip().lower() != AGENCY.lower() else AGENCY, typed, reviewer)
    d = json.loads(line)
    assert d["to"] == (agency if want == "agency IRI" else want)
    assert d.get("by") == (reviewer or None)  # an empty field is left out, not written as ""
    assert parse(line)[0].data == d  # the corrections file takes the line as it is
    assert o.clean()


@pytest.mark.parametrize("text", ["Wahyu Hidayat", "Akmál Malik-Ñoto", "  --Dinas  PU (Kota) 2024--", "Ärzte ß œ",
                                  "ÆØ", "x" * 90, ""])
def test_page_slug_is_the_slug_of_the_graph(seeds_page, text):
    o = seeds_page
    assert o.js("t => kgPage.slug(t)", text) == _slug(text)


def _slug(s: str) -> str:
    from kg.graph import slug as graph_slug

    return graph_slug(s)


#: An article (written for this test, invented names) whose two quotes share their first nine words.
TWINS = """Kota Malang
Layanan pendidikan Kota Malang diperbaiki
KOTA MALANG – Kepala Dinas Pendidikan Kota Malang, Rina Wulandari, menghadiri rapat koordinasi di Kota Malang, \
Selasa (06/02/2024).
“Kami akan terus memperbaiki layanan pendidikan bagi seluruh warga kota setiap tahun,” kata Rina.
Sekretaris Dinas Pendidikan Kota Malang, Bagus Prasetyo, juga hadir dalam rapat tersebut.
“Kami akan terus memperbaiki layanan pendidikan bagi seluruh warga desa juga,” ujar Bagus.
"""


def test_correct_this_gives_enough_words_to_name_one_quote(opened, tmp_path):
    from kg.build.run import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "twins.txt").write_text(TWINS, encoding="utf-8")
    build([src], tmp_path / "before")
    before = {r["speakerLabel"]: r["text"] for r in kg_query(tmp_path / "before" / "graph.ttl", "quotes_by", person="a")}
    assert sorted(before) == ["Bagus Prasetyo", "Rina Wulandari"]  # the two quotes, as extracted
    o = opened(tmp_path / "before" / "graph.html")
    assert open_speaker(o, "Rina Wulandari") == [before["Rina Wulandari"]]
    item = o.page.locator("#kg-details li.kg-q").first
    item.locator(".kg-correct").click()
    item.locator(".kg-to").fill("Dewi Lestari")  # a name not on the page: a new person
    d = json.loads(item.locator(".kg-line").input_value())
    assert d["quote"] == "Kami akan terus memperbaiki layanan pendidikan bagi seluruh warga kota"  # 10 words, not 8
    out, said = rebuild(tmp_path, [json.dumps(d, ensure_ascii=False)], src)
    assert "stale" not in said
    after = {r["speakerLabel"]: r["text"] for r in kg_query(out / "graph.ttl", "quotes_by", person="a")}
    assert after == {"Dewi Lestari": before["Rina Wulandari"], "Bagus Prasetyo": before["Bagus Prasetyo"]}
    again = opened(out / "graph.html")
    assert open_speaker(again, "Dewi Lestari") == [before["Rina Wulandari"]]
    assert o.clean() and again.clean()
