"""Wall time of ``kg query`` on the seeds graph, start to answer (target: under 1.5 s).

    .venv/bin/python bench/bench_query_startup.py                 # builds the seeds graph once
    .venv/bin/python bench/bench_query_startup.py --graph out/graph.ttl --runs 20

Each run is a fresh process, as a user types it: ``kg query GRAPH said_about
--param topic=netralitas`` (and the other saved queries with --all). Prints the
minimum, median and maximum wall time per command, with a bare Python start-up
and ``kg --version`` for reference.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).with_name("kg"))
QUERIES = [["said_about", "--param", "topic=netralitas"], ["quotes_by", "--param", "person=Erik"],
           ["officials_by_agency"], ["office_holders", "--param", "office=Pj Wali Kota Malang"],
           ["events_between", "--param", "from=2024-01-01", "--param", "to=2024-12-31"],
           ["agency_policies", "--param", "agency=Pemkot Malang"], ["co_mentioned", "--param", "type=Person"],
           ["quote_source", "--param", "person=Erik"]]


def wall(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - t)
        if p.returncode:
            sys.exit(f"{' '.join(cmd)} failed: {p.stderr}")
    return times


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="a built graph.ttl (default: build seeds/ into a temporary folder)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--all", action="store_true", help="time every saved query, not only said_about")
    ap.add_argument("--engine", default=None, choices=["oxigraph", "rdflib"])
    a = ap.parse_args(argv)
    tmp = None
    graph = a.graph
    if graph is None:
        tmp = tempfile.mkdtemp(prefix="kg-startup-")
        subprocess.run([KG, "build", str(ROOT / "seeds"), "--out", tmp, "--no-page"], check=True,
                       stdout=subprocess.DEVNULL)
        graph = str(Path(tmp) / "graph.ttl")
    try:
        print(f"{a.runs} runs each; wall seconds min / median / max")
        rows = [("python -c pass", [sys.executable, "-c", "pass"]), ("kg --version", [KG, "--version"])]
        extra = ["--engine", a.engine] if a.engine else []
        for q in QUERIES if a.all else QUERIES[:1]:
            rows.append((f"kg query seeds {' '.join(q)}", [KG, "query", graph, *q, *extra]))
        worst = 0.0
        for label, cmd in rows:
            t = wall(cmd, a.runs)
            print(f"{min(t):.3f} / {statistics.median(t):.3f} / {max(t):.3f}  {label}")
            if cmd[1:2] == ["query"]:
                worst = max(worst, max(t))
        print(f"slowest kg query run: {worst:.3f} s ({'under' if worst < 1.5 else 'OVER'} the 1.5 s target)")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
