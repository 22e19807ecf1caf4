"""Shared fixtures: the pipeline, the seeds graph and a generated corpus are built once per test session."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


#: Articles in the generated corpus of the browser test, as issue #14 asks.
GENERATED = 2000


def _needs(item, fixture: str) -> bool:
    """``item`` will run and uses ``fixture`` (not skipped by a true skipif)."""
    skipped = any(m.args and m.args[0] is True for m in item.iter_markers("skipif"))
    return fixture in getattr(item, "fixturenames", ()) and not skipped


def pytest_configure(config):
    config.addinivalue_line("markers", "dask: starts a Dask cluster or client in the test process (run last)")


def pytest_collection_modifyitems(items):
    """Order: the tests of the generated corpus's page after the others in one process (its build
    runs in the background meanwhile: see generated_build), but first under pytest-xdist (the
    default, ``-n 2``), where the worker that takes them builds the corpus while the other worker
    runs the rest; and the tests marked ``dask`` last: a Dask client
    leaves threads in this process (its IO loop, its offload pool), and a process with threads
    starts kg's worker pools with forkserver rather than fork (kg.build.pool), so every later pool
    would load spaCy afresh in each worker."""
    generated = -1 if os.environ.get("PYTEST_XDIST_WORKER") else 1
    items.sort(key=lambda item: 2 if item.get_closest_marker("dask") else generated if _needs(item, "generated_build")
               else 0)


@pytest.fixture(scope="session", autouse=True)
def _pipeline_cache(tmp_path_factory):
    """The pipeline cache (kg.build.pipecache) lives in a temporary folder during tests, not in ~/.cache."""
    import os

    old = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = str(tmp_path_factory.mktemp("kg-cache"))
    yield
    if old is None:
        os.environ.pop("KG_CACHE_DIR", None)
    else:
        os.environ["KG_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def extractor():
    from kg.nlp import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """extract(text, source="t.txt") -> DocResult for a text written in the test."""
    from kg.layout import parse_article

    def run(text: str, source: str = "t.txt"):
        return extractor.extract(parse_article(source, text))

    return run


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """(out folder, BuildReport) of `kg build seeds` (graph.ttl and graph.html)."""
    from kg.build.run import build

    out = tmp_path_factory.mktemp("seeds-out")
    report = build([SEEDS], out)
    return out, report


@pytest.fixture(scope="session")
def seeds_graph(seeds_build):
    from rdflib import Graph

    out, _ = seeds_build
    return Graph().parse(out / "graph.ttl", format="turtle")


@pytest.fixture(scope="session")
def gen_corpus():
    """bench/gen_corpus.py: realistic generated articles."""
    sys.path.insert(0, str(ROOT / "bench"))
    import gen_corpus

    return gen_corpus


@pytest.fixture(scope="session")
def shared_corpus(tmp_path_factory, gen_corpus):
    """Twelve generated articles, an empty file (skipped) and two files sharing a name (b/ and c/):
    the corpus the parallel and Dask tests build, written once. Tests must not change it."""
    root = tmp_path_factory.mktemp("corpus")
    gen_corpus.write_corpus(root / "a", 12, seed=3)
    (root / "a" / "0000" / "zz_empty.txt").write_text("  \n", encoding="utf-8")
    for folder in ("b", "c"):
        (root / folder).mkdir()
        (root / folder / "same.txt").write_text(gen_corpus.article(3, 100 + len(folder) + ord(folder[0])),
                                                encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory, shared_corpus):
    """(out folder, BuildReport) of a one-process ``kg build`` of ``shared_corpus`` without the page:
    what builds with --jobs or --dask are compared with."""
    from kg.build.run import build

    out = tmp_path_factory.mktemp("shared-out")
    return out, build([shared_corpus], out, page=False)


@pytest.fixture(scope="session")
def shared_results(shared_corpus, extractor):
    """The DocResults of ``shared_corpus``, read and extracted in this process (kg.build.read.read_all)."""
    from kg.build.read import read_all
    from kg.build.report import BuildReport

    return list(extractor.pipe(read_all([shared_corpus], BuildReport())))


# a child process writes the generated corpus (bench/gen_corpus.py) and runs `kg build` on it:
# python -c BACKGROUND_BUILD BENCH_FOLDER SOURCE_FOLDER OUT_FOLDER COUNT
BACKGROUND_BUILD = """import sys
sys.path.insert(0, sys.argv[1])
import gen_corpus
gen_corpus.write_corpus(sys.argv[2], int(sys.argv[4]), seed=1)
from kg.cli import main
main(["build", sys.argv[2], "--out", sys.argv[3], "-q", *sys.argv[5:]])
"""


def _generated_build_command(root: Path, *options: str) -> list[str]:
    """The command that writes GENERATED articles under ``root/src`` and builds them into ``root/out``."""
    return [sys.executable, "-c", BACKGROUND_BUILD, str(ROOT / "bench"), str(root / "src"), str(root / "out"),
            str(GENERATED), *options]


@pytest.fixture(scope="session", autouse=True)
def _generated_in_background(request, tmp_path_factory, _pipeline_cache):
    """``kg build`` of GENERATED generated articles, started in a child process as the session
    starts when a selected test needs it: it runs on the second core while the tests run on the
    first. Yields (process, out folder, log file) or None."""
    if os.environ.get("PYTEST_XDIST_WORKER") or not any(_needs(item, "generated_build")
                                                        for item in request.session.items):
        yield None  # with pytest-xdist every worker sees every test: generated_build builds where it runs
        return
    import subprocess

    root = tmp_path_factory.mktemp("generated")
    log = open(root / "build.log", "w+", encoding="utf-8")
    proc = subprocess.Popen(_generated_build_command(root), stdout=log, stderr=subprocess.STDOUT)
    yield proc, root / "out", log
    if proc.poll() is None:   # the session ended before the test that waits for it (-x, a failure)
        proc.kill()
        proc.wait()
    log.close()


@pytest.fixture(scope="session")
def generated_build(_generated_in_background, tmp_path_factory):
    """The out folder (graph.ttl, graph.html) of the background ``kg build`` of GENERATED articles
    (built here, in this test process's worker, when tests run under pytest-xdist)."""
    if _generated_in_background is None:
        import subprocess

        root = tmp_path_factory.mktemp("generated")
        p = subprocess.run(_generated_build_command(root, "--jobs", "2"), capture_output=True, text=True,
                           timeout=1800)
        assert p.returncode == 0, (p.stdout + p.stderr)[-3000:]
        return root / "out"
    proc, out, log = _generated_in_background
    code = proc.wait(timeout=1800)
    log.seek(0)
    assert code == 0, log.read()[-3000:]
    return out
