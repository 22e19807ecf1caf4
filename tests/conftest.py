"""Shared fixtures: the pipeline, the seeds graph and a generated corpus are built once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def pytest_collection_modifyitems(items):
    """The Dask tests run last: a Dask client leaves threads in this process (its IO loop, its
    offload pool), and a process with threads starts kg's worker pools with forkserver rather
    than fork (kg.parallel), so every later pool would load spaCy afresh in each worker."""
    items.sort(key=lambda item: item.path.name == "test_dask.py")


@pytest.fixture(scope="session", autouse=True)
def _pipeline_cache(tmp_path_factory):
    """The pipeline cache (kg.pipecache) lives in a temporary folder during tests, not in ~/.cache."""
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
    from kg.build import build

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
    from kg.build import build

    out = tmp_path_factory.mktemp("shared-out")
    return out, build([shared_corpus], out, page=False)


@pytest.fixture(scope="session")
def shared_results(shared_corpus, extractor):
    """The DocResults of ``shared_corpus``, read and extracted in this process (kg.build.read_all)."""
    from kg.build import BuildReport, read_all

    return list(extractor.pipe(read_all([shared_corpus], BuildReport())))
