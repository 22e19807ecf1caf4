"""Every saved query (``kg/queries``) timed on a built graph, compared with the last recorded figures.

    .venv/bin/python bench/bench_queries.py                        # build 2,000 generated articles once
    .venv/bin/python bench/bench_queries.py --graph out/graph.ttl --engines oxigraph
    .venv/bin/python bench/bench_queries.py --record               # write the figures as the new baseline

Each engine (Oxigraph and rdflib) loads the graph in a fresh process and runs every
saved query through :class:`kg.store.Store`, the code path of ``kg query``: once
with no parameters (the widest answer; skipped when one is required) and once with
the parameter values of :data:`PARAMS` (people are picked from the graph: the
speaker with the most quotes). Each is run once, then ``--repeat`` more times; the
figure is the best run. A query slower than ``--cap`` seconds is stopped and
recorded as "> cap".

The figures are compared with the baseline (``bench/query_baseline.json``, the
last ``--record``): a query whose time moved by more than ``--threshold`` times
(and by more than ``--floor`` seconds, below which timing noise dominates) is
named as slower or faster, and a changed row count is named too. The exit code is
1 when a query became slower, so the script can guard a change. The machine's load
is printed beside the figures: compare on a quiet machine.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

BASELINE = HERE / "query_baseline.json"
#: saved query -> parameter values for its "bound" run ("@speaker": the graph's most quoted speaker)
PARAMS = {
    "said_about": {"topic": "reformasi"},
    "quotes_by": {"person": "@speaker"},
    "quote_source": {"person": "@speaker"},
    "officials_by_agency": {"agency": "Kota"},
    "agency_policies": {"agency": "Kota"},
    "office_holders": {"office": "Wali Kota"},
    "events_between": {"from": "2022-01-01", "to": "2023-12-31"},
    "co_mentioned": {"type": "Person"},
}
_SPEAKER = """SELECT ?label (COUNT(?q) AS ?n) WHERE { ?p a kg:Person ; kg:said ?q ; kg:label ?label }
GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1"""


class _Slow(BaseException):  # not an Exception: nothing on the way may catch it
    pass


def _alarm(*_):
    raise _Slow()


def cases(store) -> list[tuple[str, str, dict]]:
    """``(case name, saved query, raw parameters)`` for every saved query."""
    from kg.query import list_saved

    speaker = None
    out = []
    for sq in list_saved():
        if not any(p.required for p in sq.params):
            out.append((sq.name, sq.name, {}))
        raw = dict(PARAMS.get(sq.name, {}))
        if "@speaker" in raw.values():
            if speaker is None:
                rows = store.execute(_SPEAKER).rows
                speaker = str(rows[0][0].value if hasattr(rows[0][0], "value") else rows[0][0]).split()[0] \
                    if rows else "x"
            raw = {k: speaker if v == "@speaker" else v for k, v in raw.items()}
        if raw:
            out.append((f"{sq.name} " + " ".join(f"{k}={v}" for k, v in raw.items()), sq.name, raw))
    return out


def worker(engine: str, path: str, repeat: int, cap: float) -> dict:
    """Load ``path`` on ``engine`` in this process and time every case."""
    from kg.query import bind_params, saved_query
    from kg.store import new_store

    t = time.perf_counter()
    store = new_store(engine)
    store.load(path=path)
    res = {"engine": store.engine, "load_s": round(time.perf_counter() - t, 3), "triples": len(store), "queries": {}}
    signal.signal(signal.SIGALRM, _alarm)
    for case, name, raw in cases(store):
        sq = saved_query(name)
        text, bindings = sq.text_for(engine), bind_params(sq, raw)
        times, rows = [], None
        for _ in range(1 + repeat):
            signal.setitimer(signal.ITIMER_REAL, cap)
            t = time.perf_counter()
            try:
                rows = len(store.execute(text, bindings).rows)
                times.append(time.perf_counter() - t)
            except _Slow:
                times = []
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        res["queries"][case] = {"best_s": round(min(times), 4) if times else None,
                                "first_s": round(times[0], 4) if times else None, "rows": rows}
    return res


def build_graph(count: int, work: Path) -> Path:
    """``work/out-N/graph.ttl`` of ``count`` generated articles (built once; kept)."""
    import gen_corpus

    folder = work / f"corpus-s1-n{count}-v{gen_corpus.vocab_id()}"
    out = work / f"graph-n{count}-v{gen_corpus.vocab_id()}"
    graph = out / "graph.ttl"
    if graph.exists():
        return graph
    if not (folder / ".complete").exists():
        gen_corpus.write_corpus(folder, count, 1)
        (folder / ".complete").write_text(str(count))
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([str(kg), "build", str(folder), "--out", str(out), "--no-page", "--jobs", "2"], check=True,
                   stdout=subprocess.DEVNULL)
    return graph


def compare(now: dict, base: dict, threshold: float, floor: float, cap: float) -> list[str]:
    """Lines naming each query that moved against ``base`` (and the ones new or gone)."""
    lines = []
    for eng, r in now.items():
        old = base.get("engines", {}).get(eng, {}).get("queries", {})
        for case, q in r["queries"].items():
            o = old.get(case)
            if o is None:
                lines.append(f"NEW     {eng:8s} {case}: {_fmt(q['best_s'], cap)} s (no baseline)")
                continue
            a, b = o["best_s"], q["best_s"]
            if o["rows"] != q["rows"] and None not in (o["rows"], q["rows"]):
                lines.append(f"ROWS    {eng:8s} {case}: {o['rows']} -> {q['rows']} rows")
            if a is None or b is None:
                if a != b:
                    lines.append(f"{'SLOWER' if b is None else 'FASTER':7s} {eng:8s} {case}: {_fmt(a, cap)} -> "
                                 f"{_fmt(b, cap)} s")
                continue
            if abs(b - a) > floor and max(a, b) / max(min(a, b), 1e-9) > threshold:
                lines.append(f"{'SLOWER' if b > a else 'FASTER':7s} {eng:8s} {case}: {a:.3f} -> {b:.3f} s "
                             f"({b / a:.2f}x)")
        for case in sorted(set(old) - set(r["queries"])):
            lines.append(f"GONE    {eng:8s} {case}")
    return lines


def _fmt(x, cap):
    return f"> {cap:.0f}" if x is None else f"{x:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="a built graph.ttl (default: build --count generated articles into --work)")
    ap.add_argument("--count", type=int, default=2000, help="generated articles when no --graph (default 2000)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-queries"))
    ap.add_argument("--engines", nargs="+", default=["oxigraph", "rdflib"], choices=["oxigraph", "rdflib"])
    ap.add_argument("--repeat", type=int, default=2, help="runs after the first; the best counts (default 2)")
    ap.add_argument("--cap", type=float, default=120.0, help="seconds before a query is stopped (default 120)")
    ap.add_argument("--threshold", type=float, default=1.5, help="a move larger than this factor is named (1.5)")
    ap.add_argument("--floor", type=float, default=0.05, help="moves smaller than this many seconds are noise")
    ap.add_argument("--baseline", type=Path, default=BASELINE)
    ap.add_argument("--record", action="store_true", help="write these figures as the new baseline")
    ap.add_argument("--worker", nargs=2, metavar=("ENGINE", "PATH"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        print(json.dumps(worker(a.worker[0], a.worker[1], a.repeat, a.cap)))
        return 0
    graph = Path(a.graph) if a.graph else build_graph(a.count, a.work)
    load = os.getloadavg()
    now = {}
    for eng in a.engines:
        p = subprocess.run([sys.executable, __file__, "--worker", eng, str(graph), "--repeat", str(a.repeat),
                            "--cap", str(a.cap)], capture_output=True, text=True)
        if p.returncode:
            sys.exit(f"{eng} worker failed:\n{p.stderr[-3000:]}")
        now[eng] = json.loads(p.stdout.strip().splitlines()[-1])
    base = json.loads(a.baseline.read_text(encoding="utf-8")) if a.baseline.exists() else {}
    print(f"graph {graph}: {next(iter(now.values()))['triples']:,} triples; load average {load[0]:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after; best of {1 + a.repeat} runs (s)")
    engs = list(now)
    cases_ = list(now[engs[0]]["queries"])
    print("| query | " + " | ".join(f"{e} | {e} baseline" for e in engs) + " | rows |")
    print("|---" * (2 * len(engs) + 2) + "|")
    print("| load graph | " + " | ".join(f"{now[e]['load_s']:.3f} | {_fmt(base.get('engines', {}).get(e, {}).get('load_s'), 0) if base.get('engines', {}).get(e) else '-'}" for e in engs) + " | |")
    for case in cases_:
        cells = []
        for e in engs:
            old = base.get("engines", {}).get(e, {}).get("queries", {}).get(case)
            cells.append(f"{_fmt(now[e]['queries'][case]['best_s'], a.cap)} | "
                         f"{_fmt(old['best_s'], a.cap) if old else '-'}")
        rows = sorted({str(now[e]["queries"][case]["rows"]) for e in engs})
        print(f"| {case} | " + " | ".join(cells) + f" | {'/'.join(rows)} |")
    if base:
        if base.get("triples") != now[engs[0]]["triples"]:
            print(f"note: the baseline graph had {base.get('triples')} triples, this one "
                  f"{now[engs[0]]['triples']}: figures compare loosely")
        moved = compare(now, base, a.threshold, a.floor, a.cap)
        print(f"\nagainst {a.baseline.name} (recorded {base.get('time')}, commit {base.get('commit')}), "
              f"threshold {a.threshold}x and {a.floor} s:")
        print("\n".join(moved) if moved else "no query moved")
    if a.record:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        rec = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "commit": commit, "graph": str(graph),
               "triples": now[engs[0]]["triples"], "load_avg": round(load[0], 2), "repeat": a.repeat, "cap": a.cap,
               "engines": {**base.get("engines", {}), **now}}
        a.baseline.write_text(json.dumps(rec, indent=1) + "\n", encoding="utf-8")
        print(f"recorded {a.baseline}")
    return 1 if base and any(line.startswith("SLOWER") for line in compare(now, base, a.threshold, a.floor,
                                                                          a.cap)) else 0


if __name__ == "__main__":
    sys.exit(main())
