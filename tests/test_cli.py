"""The command line, through click's runner."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture()
def runner():
    return CliRunner()


def test_build_missing_path_is_a_one_line_error_with_exit_2(runner, tmp_path):
    missing = tmp_path / "nope"
    r = runner.invoke(main, ["build", str(missing), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    assert str(missing) in r.output and len(r.output.strip().splitlines()) == 1


def test_build_empty_folder_is_an_error_with_exit_2(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    r = runner.invoke(main, ["build", str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    assert "empty" in r.output and len(r.output.strip().splitlines()) == 1


def test_build_folder_without_txt_is_an_error_with_exit_2(runner, tmp_path):
    d = tmp_path / "notes"
    d.mkdir()
    (d / "a.pdf").write_bytes(b"%PDF-1.4")
    r = runner.invoke(main, ["build", str(d), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2
    assert str(d) in r.output


def test_facts_prints_the_eval_view(runner, seeds_build):
    out, _ = seeds_build
    r = runner.invoke(main, ["facts", str(out / "graph.ttl")])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert set(data) == {"documents", "entities", "roles", "events", "quotes"}
    assert len(data["documents"]) == 5
    assert {e["type"] for e in data["entities"]} == {"Person", "Agency", "Policy", "Event", "Place"}
    sources = {d["source"] for d in data["documents"]}
    assert all(q["document"] in sources for q in data["quotes"])


def test_facts_through_oxigraph_equals_rdflib(runner, seeds_build):
    """``kg facts`` answers through Oxigraph by default; rdflib gives the same JSON, key for key, in order."""
    out, _ = seeds_build
    ox, rd = (runner.invoke(main, ["facts", str(out / "graph.ttl"), *args]) for args in ([], ["--engine", "rdflib"]))
    assert ox.exit_code == 0 and rd.exit_code == 0, ox.output + rd.output
    a, b = json.loads(ox.output), json.loads(rd.output)
    assert a["quotes"] and a["roles"] and a["entities"]
    for key in a:
        assert a[key] == b[key], key
    assert ox.output == rd.output


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_facts_on_a_missing_graph_names_it_on_each_engine(runner, tmp_path, engine):
    r = runner.invoke(main, ["facts", str(tmp_path / "g.ttl"), "--engine", engine])
    assert r.exit_code == 2 and "g.ttl" in r.output


def test_facts_on_a_missing_graph_names_it(runner, tmp_path):
    r = runner.invoke(main, ["facts", str(tmp_path / "g.ttl")])
    assert r.exit_code == 2 and "g.ttl" in r.output


def test_every_command_has_help_with_an_example(runner):
    for name, cmd in main.commands.items():
        r = runner.invoke(main, [name, "--help"])
        assert r.exit_code == 0
        assert "Example" in r.output, name
