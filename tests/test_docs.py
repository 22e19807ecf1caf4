"""The docs cannot drift from the code: generated pages match what cog makes now, links resolve,
and the saved-query outputs shown in docs/queries.md are what ``kg query`` prints on the seeds."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from cogapp import Cog

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GENERATED = ["cli.md", "ontology.md"]


def cog_check(path: Path) -> int:
    """Exit status of ``cog --check PATH``: 0 when the generated parts are up to date, 5 when not."""
    return Cog().main(["cog", "--check", str(path)])


@pytest.mark.parametrize("page", GENERATED)
def test_generated_page_is_up_to_date(page, monkeypatch):
    monkeypatch.chdir(ROOT)  # the generators read ontology/kg.ttl from the repository root
    assert cog_check(DOCS / page) == 0, f"run: cog -r docs/{page}"


@pytest.mark.parametrize("page,old,new", [
    ("cli.md", "Show the version and exit.", "Show the version."),
    ("ontology.md", "\n| `kg:Person` | ", "\n| `kg:Human` | "),
])
def test_a_stale_generated_page_fails_the_check(page, old, new, tmp_path, monkeypatch):
    """Counter-example: the same page with one generated line changed does not pass."""
    monkeypatch.chdir(ROOT)
    text = (DOCS / page).read_text(encoding="utf-8")
    assert text.count(old) == 1
    stale = tmp_path / page
    stale.write_text(text.replace(old, new), encoding="utf-8")
    assert cog_check(stale) == 5


def _anchor(heading: str) -> str:
    """GitHub's anchor of a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def links(path: Path) -> list[tuple[str, str]]:
    """(file, anchor) of every relative Markdown link outside code."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    out = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if not re.match(r"[a-z]+:", target):
            file, _, anchor = target.partition("#")
            out.append((file, anchor))
    return out


PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_link_resolves(page):
    for file, anchor in links(page):
        target = (page.parent / file).resolve() if file else page
        assert target.exists(), f"{page.name}: {file}"
        if anchor:
            headings = re.findall(r"^#+ (.+)$", target.read_text(encoding="utf-8"), re.M)
            assert anchor in {_anchor(h) for h in headings}, f"{page.name}: {file}#{anchor}"


def test_the_link_check_sees_a_broken_link(tmp_path):
    """Counter-example: a link to a missing page or heading is seen."""
    page = tmp_path / "p.md"
    page.write_text("# Top\n\n[a](missing.md) [b](#nowhere) [c](#top) [d](https://example.org/x)\n", encoding="utf-8")
    assert links(page) == [("missing.md", ""), ("", "nowhere"), ("", "top")]
    assert _anchor("Storage: rdflib's memory store against Oxigraph") == "storage-rdflibs-memory-store-against-oxigraph"


def test_the_readme_links_every_docs_page():
    linked = {f for f, _ in links(ROOT / "README.md")}
    assert {f"docs/{p.name}" for p in DOCS.glob("*.md")} <= linked


def shown_queries() -> list[tuple[str, str]]:
    """(command, output) of each ``$ kg query out/graph.ttl ...`` shown in docs/queries.md with its
    full output (blocks that end in ``...`` or say "first lines shown" are left out)."""
    text = (DOCS / "queries.md").read_text(encoding="utf-8")
    found = []
    for before, cmd, output in re.findall(r"([^\n]*)\n\n```\n\$ (kg query out/graph\.ttl [^\n]+)\n(.*?)```", text, re.S):
        try:
            shlex.split(cmd)
        except ValueError:  # a command written over several lines (the syntax error example)
            continue
        if not output.rstrip().endswith("...") and "first lines shown" not in before:
            found.append((cmd, output))
    return found


def test_docs_show_saved_query_outputs():
    assert len(shown_queries()) >= 6


@pytest.mark.parametrize("cmd,output", shown_queries(), ids=[c.split()[3] for c, _ in shown_queries()])
def test_a_query_shown_in_the_docs_prints_that_output_on_the_seeds(cmd, output, seeds_build):
    out, _ = seeds_build
    args = [str(out / "graph.ttl") if a == "out/graph.ttl" else a for a in shlex.split(cmd)[1:]]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == output.strip()


def tour() -> list[tuple[str, str]]:
    """(command, output) of each ``$ kg ...`` in the README's quick tour."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## A quick tour", 1)[1].split("\n## ", 1)[0]
    found = []
    for block in re.findall(r"```\n(\$ .*?)```", section, re.S):
        for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
            cmd, _, output = part.partition("\n")
            found.append((cmd, output))
    return found


def test_the_tour_shows_a_build_and_queries():
    cmds = [c.split()[:2] for c, _ in tour()]
    assert ["kg", "build"] in cmds and ["kg", "query"] in cmds and len(cmds) >= 5


def test_the_tour_build_summary_is_what_a_seeds_build_prints(seeds_build):
    _, report = seeds_build
    (cmd, shown), = [(c, o) for c, o in tour() if c.startswith("kg build seeds")]
    counts = [l for l in shown.splitlines() if not l.startswith(("time:", "wrote "))]
    assert len(counts) == 3
    assert counts == report.summary().splitlines()[:3]


@pytest.mark.parametrize("cmd,output", [t for t in tour() if t[0].split()[1] in ("query", "validate")],
                         ids=lambda v: " ".join(v.split()[1:4:2]) if v.startswith("kg ") else "")
def test_a_tour_query_prints_what_the_readme_shows(cmd, output, seeds_build):
    out, _ = seeds_build
    args = [str(out / "graph.ttl") if a == "out/graph.ttl" else a for a in shlex.split(cmd)[1:]]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    shown = [l for l in output.strip().splitlines() if not re.fullmatch(r"\(\d+ rows; \w+; [\d.]+ s\)", l)]
    assert r.stdout.strip().splitlines() == shown


def test_the_readme_names_every_command_and_export_format():
    from kg.export import EXPORT_FORMATS

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("Every command, in one line each", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    named = {line.split()[1] for line in block.splitlines() if line.startswith("kg ")}
    assert named == set(main.commands)
    assert "# " + " ".join(EXPORT_FORMATS) in block
