"""One atomic writer: every output is complete or absent, gets the mode the umask gives
(0644 under umask 022, 0600 under 077), and no temporary file outlives an error."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.fileio import AtomicFile, atomic_write, clean_temps

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def umask():
    """Set a umask for the test: ``umask(0o022)``; the old one comes back after."""
    old = os.umask(0o022)
    os.umask(old)
    yield lambda m: os.umask(m)
    os.umask(old)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A seeds build made under umask 022 through the CLI."""
    out = tmp_path_factory.mktemp("fileio") / "out"
    old = os.umask(0o022)
    try:
        r = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "-q"])
    finally:
        os.umask(old)
    assert r.exit_code == 0, r.output
    return out


@pytest.mark.parametrize("name", ["graph.ttl", "graph.html"])
def test_build_outputs_are_readable_by_others_under_umask_022(built, name):
    assert _mode(built / name) == 0o644


# (command after the graph, the file it writes relative to the folder given)
COMMANDS = [
    (["viz", "--out", "{d}/v.html"], "v.html"),
    (["analyze", "--out", "{d}/a"], "a/report.md"),
    (["export", "--format", "nt", "--out", "{d}/g.nt"], "g.nt"),
    (["export", "--format", "nt", "--stream", "--out", "{d}/s.nt"], "s.nt"),
    (["export", "--format", "csv", "--out", "{d}/c"], "c/nodes.csv"),
    (["export", "--format", "jsonld", "--out", "{d}/g.jsonld"], "g.jsonld"),
]


@pytest.mark.parametrize("args,written", COMMANDS, ids=[c[1] for c in COMMANDS])
@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)], ids=["022", "077", "002"])
def test_every_command_output_gets_the_mode_the_umask_gives(built, tmp_path, umask, args, written, mask, mode):
    umask(mask)
    cmd = [args[0], str(built / "graph.ttl")] + [a.format(d=tmp_path) for a in args[1:]]
    r = CliRunner().invoke(main, cmd)
    assert r.exit_code == 0, r.output
    assert _mode(tmp_path / written) == mode
    assert not [p for p in tmp_path.rglob(".*") if p.suffix == ".tmp"]


@pytest.mark.parametrize("data", [b"\x00bytes", "tekst é", lambda f: f.write(b"streamed")],
                         ids=["bytes", "text", "callable"])
def test_atomic_write_replaces_the_file_whole(tmp_path, data):
    p = tmp_path / "x"
    p.write_bytes(b"old")
    atomic_write(p, data)
    expected = data if isinstance(data, bytes) else data.encode() if isinstance(data, str) else b"streamed"
    assert p.read_bytes() == expected
    assert os.listdir(tmp_path) == ["x"]


@pytest.mark.parametrize("error", [RuntimeError("writer crashed"), KeyboardInterrupt(), OSError(28, "disk full")],
                         ids=["exception", "ctrl-c", "oserror"])
def test_a_failing_writer_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, error):
    p = tmp_path / "graph.ttl"
    p.write_bytes(b"old")

    def writer(f):
        f.write(b"half")
        raise error

    with pytest.raises(type(error)):
        atomic_write(p, writer)
    assert p.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_a_failing_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    f = AtomicFile(tmp_path / "a.txt", "w")
    f.file.write("x")
    monkeypatch.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(28, "disk full")))
    with pytest.raises(OSError):
        f.commit()
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("name,removed", [
    (".graph.ttl.1a2b3c4d.tmp", True),      # this writer's temporary name
    (".graph.ttl.k2_9xq0a", True),          # mkstemp's, from earlier versions
    (".graph.ttl.1a2b3c4d.tmp.bak", False),
    ("graph.ttl.1a2b3c4d.tmp", False),
    (".graph.html.1a2b3c4d.tmp", False),    # another output's
    (".graph.ttl", False),
])
def test_clean_temps_removes_only_temporary_files_of_the_path(tmp_path, name, removed):
    (tmp_path / name).write_text("x")
    (tmp_path / "graph.ttl").write_text("g")
    gone = clean_temps(tmp_path / "graph.ttl")
    assert [p.name for p in gone] == ([name] if removed else [])
    assert (tmp_path / name).exists() != removed
    assert (tmp_path / "graph.ttl").exists()
