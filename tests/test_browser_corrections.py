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
browser, opened, kg_query, ids = tb.browser, tb.opened, tb.kg_query, tb.ids

pytestmark = tb.pytestmark

FROM, TO = "Akmal Malik", "Wahyu Hidayat"   # two people of the seeds, both quoted
#: Words no seed article contains: a line naming them is stale.
INVENTED = "Kalimat karangan ini tidak pernah diucapkan oleh siapa pun"


def open_person(o, name: str) -> list[str]:
    """Open ``name``'s panel through the search box, as a reader does; the texts of their quotes."""
    o.page.fill("#kg-find", name)
    o.page.press("#kg-find", "Enter")
    assert o.page.locator("#kg-details h2").first.text_content() == name
    return o.panel_quotes()


def line_from_the_page(o) -> tuple[str, str]:
    """(text of FROM's first quote, the corrections line the control gives for it to TO)."""
    open_person(o, FROM)
    item = o.page.locator("#kg-details li.kg-q").first
    text = item.locator(".kg-quote-text").text_content()
    item.locator(".kg-correct").click()
    to = item.locator(".kg-to")
    offered = o.js("id => [...document.getElementById(id).options].map(x => x.value)", to.get_attribute("list"))
    assert TO in offered and FROM in offered  # the control offers the people of the page
    to.fill(TO)
    item.locator(".kg-reviewer").fill("redaksi")
    return text, item.locator(".kg-line").input_value()


def rebuild(tmp_path: Path, lines: list[str]) -> tuple[Path, str]:
    """``kg build seeds --out OUT --corrections FILE`` through the CLI: (OUT, its output)."""
    from kg.cli import main

    fixes = tmp_path / "corrections.jsonl"
    fixes.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out), "--corrections", str(fixes)])
    assert r.exit_code == 0, r.output
    return out, r.output


@pytest.mark.parametrize("invent, moves", [(False, True), (True, False)], ids=["line-as-given", "words-not-in-article"])
def test_correct_this_line_moves_the_quote_on_the_page_and_in_kg_query(opened, seeds_build, tmp_path, invent, moves):
    before_out, _ = seeds_build
    o = opened(before_out / "graph.html")
    people = ids(o, "Person")
    text, line = line_from_the_page(o)
    d = json.loads(line)
    assert d["op"] == "speaker" and d["to"] == TO
    if invent:  # the counter-example: the article no longer has these words
        line = json.dumps(dict(d, quote=INVENTED), ensure_ascii=False)
    to_before = open_person(o, TO)
    from_before = open_person(o, FROM)
    assert text in from_before and text not in to_before
    assert o.clean()

    out, said = rebuild(tmp_path, [line])
    stale = [s for s in said.splitlines() if "stale" in s or "corrections.jsonl:1" in s]
    if moves:
        assert stale == []
    else:
        assert any(re.search(r"corrections\.jsonl:1\b", s) and INVENTED[:20] in s for s in stale), said

    again = opened(out / "graph.html")
    assert ids(again, "Person")[TO] == people[TO]  # the quote went to the person who was there, not a new one
    to_after, from_after = open_person(again, TO), open_person(again, FROM)
    assert (text in to_after, text in from_after) == (moves, not moves)
    assert sorted(to_after + from_after) == sorted(to_before + from_before)  # nothing lost, nothing doubled
    assert again.clean()

    by_to = kg_query(out / "graph.ttl", "quotes_by", person=TO)
    by_from = kg_query(out / "graph.ttl", "quotes_by", person=FROM)
    assert sorted(r["text"] for r in by_to if r["speakerLabel"] == TO) == sorted(to_after)
    assert sorted(r["text"] for r in by_from if r["speakerLabel"] == FROM) == sorted(from_after)
    assert {r["speaker"] for r in by_to if r["text"] == text} == ({people[TO]} if moves else set())
