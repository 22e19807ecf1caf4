"""``kg build --dask``: extraction on a dask.distributed cluster (a LocalCluster with two worker
processes here) gives the same graph, byte for byte, as a local build."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")

from kg.build.run import build  # noqa: E402
from kg.errors import ClusterError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "bench"))
import gen_corpus  # noqa: E402

pytestmark = [pytest.mark.timeout(600), pytest.mark.dask]


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc:
        with Client(lc) as client:
            yield lc, client


def _extractor_ids(client) -> dict:
    def probe(dask_worker):
        from kg.build import extract
        from kg.build.dask_runner import PLUGIN_NAME

        return id(dask_worker.plugins[PLUGIN_NAME].extractor), id(extract._EXTRACTOR)

    return client.run(probe)


@pytest.mark.parametrize("paths", ["seeds", "corpus"])
def test_dask_build_is_byte_identical_to_a_local_build(cluster, request, tmp_path, paths):
    """Against the session's local builds of the seeds and of the shared corpus (conftest.py)."""
    lc, client = cluster
    src = [SEEDS] if paths == "seeds" else [request.getfixturevalue("shared_corpus")]
    out, local = request.getfixturevalue("seeds_build" if paths == "seeds" else "shared_build")
    stats: dict = {}
    remote = build(src, tmp_path / "dask", page=False, dask=lc.scheduler_address, stats=stats)
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    assert (remote.read, remote.skipped, remote.triples) == (local.read, local.skipped, local.triples)
    assert stats["mode"] == "dask" and stats["stages"]["nlp"]["cpu_s"] > 0


def test_each_worker_loads_the_pipeline_once(cluster, shared_corpus, tmp_path):
    lc, client = cluster
    build([shared_corpus], tmp_path / "one", page=False, dask=client)
    first = _extractor_ids(client)
    build([shared_corpus], tmp_path / "two", page=False, dask=lc.scheduler_address)
    again = _extractor_ids(client)
    assert len(first) == 2
    assert first == again  # same extractor object in each worker: not reloaded per task or per build
    assert all(plugin_id == global_id for plugin_id, global_id in first.values())


def test_dask_update_matches_a_full_build(cluster, tmp_path):
    lc, _ = cluster
    c = tmp_path / "c"
    gen_corpus.write_corpus(c, 6, seed=9)
    build([c], tmp_path / "out", page=False, dask=lc.scheduler_address)
    gen_corpus.write_corpus(c, 8, seed=9, start=6)
    stats: dict = {}
    build([c], tmp_path / "out", page=False, dask=lc.scheduler_address, update=True, stats=stats)
    build([c], tmp_path / "full", page=False)
    assert stats["new"] == 2 and stats["unchanged"] == 6
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()


def test_cli_dask_option(cluster, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    lc, _ = cluster
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "o"), "--no-page",
                                    "--dask", lc.scheduler_address])
    assert res.exit_code == 0, res.output
    assert "documents read: 5" in res.output


def test_unreachable_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    monkeypatch.setattr("kg.build.dask_runner.CONNECT_TIMEOUT", "1s")
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        build([SEEDS], tmp_path / "x", page=False, dask="tcp://127.0.0.1:9")
    assert not (tmp_path / "x" / "graph.ttl").exists()
    res = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "y"), "--dask",
                                    "tcp://127.0.0.1:9"])
    assert res.exit_code == 2 and "kg: error: cannot reach the Dask scheduler" in res.output
