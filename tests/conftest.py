"""Shared fixtures: the pipeline and the seeds graph are built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


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
