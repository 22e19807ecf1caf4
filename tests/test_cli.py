"""The command line, through click's runner."""
from __future__ import annotations

import importlib
import json

import click
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError


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


def _commands(group=main, path=()):
    """Every command's words (``("corrections", "check")``), subgroups' commands included."""
    for name, cmd in group.commands.items():
        yield path + (name,)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, path + (name,))


def test_every_command_has_help_with_an_example(runner):
    words = list(_commands())
    assert ("corrections", "check") in words and ("build",) in words
    for w in words:
        r = runner.invoke(main, [*w, "--help"])
        assert r.exit_code == 0
        assert "Example:" in r.output, w


# One error path. Choices come from the library: (arguments, the bad value, the module and name owning the choices).
BAD_CHOICES = [
    (["facts", "g.ttl", "--engine", "jena"], "jena", "kg.store", "ENGINES"),
    (["query", "g.ttl", "said_about", "--engine", "jena"], "jena", "kg.store", "ENGINES"),
    (["serve", "g.ttl", "--engine", "jena"], "jena", "kg.store", "ENGINES"),
    (["export", "g.ttl", "--out", "x", "--engine", "jena", "--format", "nt"], "jena", "kg.store", "ENGINES"),
    (["query", "g.ttl", "said_about", "--format", "xml"], "xml", "kg.results", "FORMATS"),
    (["export", "g.ttl", "--out", "x", "--format", "rdfxml"], "rdfxml", "kg.export", "EXPORT_FORMATS"),
    (["analyze", "g.ttl", "--out", "x", "--scope", "paragraph"], "paragraph", "kg.analysis", "SCOPES"),
    (["viz", "g.ttl", "--out", "x.html", "--types", "Person,Speaker"], "Speaker", "kg.viz", "TYPES"),
]


@pytest.mark.parametrize("args,bad,module,name", BAD_CHOICES, ids=[" ".join(c[0][:1] + c[0][-2:]) for c in BAD_CHOICES])
def test_a_bad_choice_exits_2_naming_it_and_the_library_choices(runner, args, bad, module, name):
    r = runner.invoke(main, args)
    assert r.exit_code == 2, r.output
    valid = tuple(getattr(importlib.import_module(module), name))
    assert len(valid) >= 2
    assert repr(bad) in r.output and all(repr(v) in r.output for v in valid), r.output


@pytest.mark.parametrize("args,bad,module,name", BAD_CHOICES, ids=[" ".join(c[0][:1] + c[0][-2:]) for c in BAD_CHOICES])
def test_a_valid_choice_passes_the_parser(runner, tmp_path, args, bad, module, name):
    """Counter-example: each library choice is accepted; the command then fails on the missing graph alone."""
    for good in tuple(getattr(importlib.import_module(module), name))[:2]:
        fixed = [str(tmp_path / a) if a in ("g.ttl", "x", "x.html") else a for a in args]
        fixed[fixed.index(bad) if bad in fixed else fixed.index("Person," + bad)] = good
        r = runner.invoke(main, fixed)
        assert r.exit_code == 2, r.output
        assert r.output.startswith("kg: error: ") and "g.ttl" in r.output and "Invalid value" not in r.output, r.output


@pytest.mark.parametrize("module,name,args", [
    ("kg.store", "ENGINES", ["facts", "--help"]),
    ("kg.results", "FORMATS", ["query", "--help"]),
    ("kg.export", "EXPORT_FORMATS", ["export", "--help"]),
    ("kg.analysis", "SCOPES", ["analyze", "--help"]),
    ("kg.viz", "TYPES", ["viz", "--help"]),
])
def test_choices_are_read_from_the_library(runner, monkeypatch, module, name, args):
    """A choice the library adds shows in the help at once: the CLI keeps no list of its own."""
    mod = importlib.import_module(module)
    assert "zzextra" not in runner.invoke(main, args).output
    monkeypatch.setattr(mod, name, tuple(getattr(mod, name)) + ("zzextra",))
    assert "|zzextra]" in runner.invoke(main, args).output


# Library and usage errors: one line "kg: error: ...", exit 2 (arguments; what the line names; "{tmp}" is tmp_path).
KG_ERRORS = [
    (["facts", "{tmp}/g.ttl"], "g.ttl"),
    (["validate", "{tmp}/g.ttl"], "g.ttl"),
    (["review", "{tmp}/g.ttl"], "g.ttl"),
    (["analyze", "{tmp}/g.ttl", "--out", "{tmp}/a"], "g.ttl"),
    (["viz", "{tmp}/g.ttl", "--out", "{tmp}/p.html"], "g.ttl"),
    (["export", "{tmp}/g.ttl", "--format", "nt", "--out", "{tmp}/g.nt"], "g.ttl"),
    (["push", "{tmp}/g.ttl", "--endpoint", "http://127.0.0.1:9/store"], "g.ttl"),
    (["query", "{tmp}/g.ttl", "said_about", "-p", "topic=x"], "g.ttl"),
    (["query"], "give GRAPH and QUERY, or --endpoint URL and QUERY"),
    (["query", "{tmp}/g.ttl", "said_about", "-p", "topic"], "--param 'topic': write NAME=VALUE"),
    (["query", "{tmp}/g.ttl", "said_about", "-p", "=x"], "--param '=x': write NAME=VALUE"),
    (["build", "{tmp}/in", "--out", "{tmp}/o", "--quiet", "--verbose"], "--quiet and --verbose"),
    (["build", "{tmp}/missing", "--out", "{tmp}/o"], "missing"),
]


@pytest.mark.parametrize("args,names", KG_ERRORS, ids=[" ".join(c[0][:1]) + f" {i}" for i, c in enumerate(KG_ERRORS)])
def test_a_kg_error_is_one_line_with_exit_2(runner, tmp_path, args, names):
    r = runner.invoke(main, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.exit_code == 2, r.output
    assert isinstance(r.exception, SystemExit)
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and names in lines[0], r.output


@pytest.mark.parametrize("args", [["query", "--list"], ["--version"], ["corrections", "--help"]])
def test_commands_that_succeed_are_not_errors(runner, args):
    """Counter-examples: the same commands without a bad input exit 0 and print no error."""
    r = runner.invoke(main, args)
    assert r.exit_code == 0 and "kg: error" not in r.output, r.output


def test_the_error_path_escapes_a_line_break_in_a_message(runner, monkeypatch):
    """Any KgError, from any command, leaves as one line (a file name cannot forge a second one)."""
    import kg.query

    def boom():
        raise KgError("bad name 'a\nb.rq'")

    monkeypatch.setattr(kg.query, "list_saved", boom)
    r = runner.invoke(main, ["query", "--list"])
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit)
    assert r.output == "kg: error: bad name 'a\\nb.rq'\n", r.output
