"""Load on ``kg serve`` (127.0.0.1 only; stops by itself): normal queries while runaway ones run.

    .venv/bin/python bench/bench_serve_load.py                  # builds the seeds graph once
    .venv/bin/python bench/bench_serve_load.py --graph out/graph.ttl --clients 20 --queries 200

Starts ``kg serve GRAPH --timeout T`` on a free port. ``--runaway`` clients (each from its own
loopback address, 127.0.0.2...) keep one runaway query running each (a triple cross product,
cut by the server at ``--timeout``, then sent again) until the normal clients are done.
``--clients`` normal clients (127.0.0.10...) each send ``--queries`` small queries, one after
another (stopping early after ``--max-seconds``). Prints the normal queries' throughput, p50, p99 and worst latency and their statuses,
the runaway queries' statuses and durations, and the peak RSS of the server process and of the
process holding the graph (sampled every 0.2 s). Bar (#16): normal p99 under 1 s, runaway
queries cut at --timeout.
"""
from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).with_name("kg"))
KG_NS = "PREFIX kg: <https://w3id.org/kgid/ns#>\n"
NORMAL = [KG_NS + "ASK { ?q a kg:Quote }",
          KG_NS + "SELECT ?p ?name WHERE { ?p a kg:Person ; kg:label ?name } ORDER BY ?name LIMIT 20",
          KG_NS + "SELECT (COUNT(*) AS ?n) WHERE { ?q a kg:Quote ; kg:speaker ?s }"]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def ask(port: int, source: str, query: str) -> tuple[int, float]:
    t = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        r = conn.getresponse()
        r.read()
        return r.status, time.perf_counter() - t
    except OSError:
        return 0, time.perf_counter() - t
    finally:
        conn.close()


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def start_server(graph: str, timeout: float, workers: int) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([KG, "serve", graph, "--port", str(port), "--timeout", str(timeout),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        if ask(port, "127.0.0.1", "ASK {}")[0] == 200:
            return proc, port
        time.sleep(0.1)
    proc.kill()
    sys.exit("kg serve did not start")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="a built graph.ttl (default: build seeds/ into a temporary folder)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--queries", type=int, default=200, help="normal queries per client")
    ap.add_argument("--runaway", type=int, default=4, help="runaway queries kept running")
    ap.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout")
    ap.add_argument("--workers", type=int, default=8, help="the server's --workers")
    ap.add_argument("--max-seconds", type=float, default=480, help="stop the normal clients after this long")
    a = ap.parse_args(argv)
    graph = a.graph
    if graph is None:
        tmp = tempfile.mkdtemp(prefix="kg-serve-load-")
        subprocess.run([KG, "build", str(ROOT / "seeds"), "--out", tmp, "--no-page"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        graph = str(Path(tmp) / "graph.ttl")
    proc, port = start_server(graph, a.timeout, a.workers)
    zygote = (children(proc.pid) or [0])[0]
    done = threading.Event()
    normal: list[tuple[int, float]] = []
    runaway: list[tuple[int, float]] = []
    peak = {"server": rss_kb(proc.pid), "graph": rss_kb(zygote)}

    def sample():
        while not done.is_set():
            peak["server"] = max(peak["server"], rss_kb(proc.pid))
            peak["graph"] = max(peak["graph"], rss_kb(zygote))
            time.sleep(0.2)

    def hog(i: int):
        while not done.is_set():
            runaway.append(ask(port, f"127.0.0.{2 + i}", RUNAWAY))

    def client(i: int):
        for k in range(a.queries):
            if time.perf_counter() > stop_at:
                return
            normal.append(ask(port, f"127.0.0.{10 + i}", NORMAL[k % len(NORMAL)]))

    try:
        threading.Thread(target=sample, daemon=True).start()
        hogs = [threading.Thread(target=hog, args=(i,), daemon=True) for i in range(a.runaway)]
        for t in hogs:
            t.start()
        time.sleep(1.0)  # the runaway queries hold their workers before the first normal query
        t0 = time.perf_counter()
        stop_at = t0 + a.max_seconds
        clients = [threading.Thread(target=client, args=(i,)) for i in range(a.clients)]
        for t in clients:
            t.start()
        for t in clients:
            t.join()
        wall = time.perf_counter() - t0
        done.set()
        for t in hogs:
            t.join(timeout=a.timeout + 10)
    finally:
        done.set()
        proc.terminate()
        proc.wait(timeout=30)
    lat = sorted(s for _, s in normal)
    print(f"kg serve on {graph} ({os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}), "
          f"--timeout {a.timeout:g} s, --workers {a.workers}")
    if len(normal) < a.clients * a.queries:
        print(f"stopped after --max-seconds {a.max_seconds:g}: {len(normal)} of {a.clients * a.queries} normal queries")
    print(f"normal: {len(normal)} queries from {a.clients} clients in {wall:.1f} s = {len(normal) / wall:.1f} q/s; "
          f"p50 {statistics.median(lat) * 1000:.0f} ms, p99 {lat[int(0.99 * (len(lat) - 1))] * 1000:.0f} ms, "
          f"max {lat[-1] * 1000:.0f} ms; statuses {dict(Counter(c for c, _ in normal))}")
    ends = [s for _, s in runaway]
    print(f"runaway: {len(runaway)} queries from {a.runaway} clients; statuses {dict(Counter(c for c, _ in runaway))}; "
          f"duration min {min(ends):.1f} s, max {max(ends):.1f} s" if ends else "runaway: none finished")
    print(f"peak RSS: HTTP process {peak['server'] / 1024:.0f} MiB, process holding the graph "
          f"{peak['graph'] / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
