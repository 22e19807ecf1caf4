"""Benchmark ``kg build`` on a generated and a real-text corpus; print the figures and one JSON line.

Reports, for each corpus and each ``--jobs`` value: documents/s, tokens/s,
triples/s, wall and CPU time, peak RSS (the build process and its largest worker),
and wall/CPU time per stage (ingest, nlp, graph, serialize; nlp and graph are
summed over workers).

Two yardsticks run on the same texts, each in a fresh process like the build,
timed from the process start (imports and pipeline construction included) and,
separately, over the texts alone:

* ``bare``: a bare ``spacy.blank("id")`` tokenizing every text;
* ``pipeline``: kg's own spaCy pipeline (its tokenizer, sentence splitter and
  gazetteers; :func:`kg.nlp.pipeline.make_nlp`) over the texts kg reads, without
  the Python extraction that follows.

The ratios printed are yardstick time ÷ build time (1.0: as fast as the yardstick),
for wall time including start-up and for CPU time.

Corpora: ``--count`` generated articles (``bench/gen_corpus.py``; ``--count 0``
skips them) and, with ``--real DIR...``, a real-text corpus: the ``.txt`` files
under DIR repeated to ``--real-count`` articles, each copy made unique by a first
line (the texts are copied into ``--work`` at bench time; nothing is stored in the
repository). With several ``--jobs`` values it checks that the outputs are
byte-identical and gives the speed-up; with ``--update-frac`` it adds that share of
new generated articles and times ``--update`` against the full build.

Every build runs in a fresh process, as ``kg build`` would.

Example::

    python bench/run.py --count 2000 --jobs 1,2 --update-frac 0.01 --work /tmp/kgbench
    python bench/run.py --count 1000 --real seeds /work/shared/dev/docs --real-count 1000 --jobs 1,2
    python bench/run.py --count 500 --graph-compare 500 --no-bare --jobs ""
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402


def _child(args: list[str]) -> None:
    """Run one build in this process and print its figures as JSON (used by the parent)."""
    paths, out, jobs, update, dask, page = json.loads(args[0])
    w0, c0 = time.perf_counter(), time.process_time()
    from kg.build.run import build

    stats: dict = {}
    report = build(paths, out, page=page, jobs=jobs, update=update, dask=dask, stats=stats)
    wall = time.perf_counter() - w0
    self_ru = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "wall_s": round(wall, 3),
        "cpu_s": round(self_ru.ru_utime + self_ru.ru_stime + kids.ru_utime + kids.ru_stime, 3),
        "cpu_self_s": round(time.process_time() - c0, 3),
        "peak_rss_mib": round(self_ru.ru_maxrss / 1024, 1),
        "peak_rss_worker_mib": round(kids.ru_maxrss / 1024, 1),
        "documents": len(report.read), "skipped": len(report.skipped), "triples": report.triples,
        "quotes": report.quotes, "statements": report.statements, "roles": report.roles,
        "stats": stats,
    }))


def run_build(paths: list[str], out: Path, jobs: int = 1, update: bool = False, dask: str | None = None,
              page: bool = False) -> dict:
    """One build in a fresh Python process; its figures."""
    arg = json.dumps([paths, str(out), jobs, update, dask, page])
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, __file__, "--_child", arg], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"build failed ({p.returncode}):\n{p.stderr[-3000:]}")
    fig = json.loads(p.stdout.strip().splitlines()[-1])
    fig["process_wall_s"] = round(time.perf_counter() - t0, 3)
    return fig


def graph_compare(files: list[Path], out: Path) -> dict:
    """An rdflib graph (kg.graph.build_graph: the triple stream parsed) serialised as Turtle
    against the streamed kg.graph.TurtleWriter, on the same extraction results (extraction
    itself not timed)."""
    import zlib

    from kg.build.read import read_all
    from kg.build.report import BuildReport
    from kg.graph import EntityIndex, TurtleWriter, build_graph, write_graph
    from kg.nlp import Extractor
    from kg.build.extract import to_record

    results = list(Extractor().pipe(read_all(files, BuildReport())))
    t = time.perf_counter()
    g = build_graph(results)
    t_build = time.perf_counter() - t
    t = time.perf_counter()
    write_graph(g, out / "rdflib.ttl")
    t_ttl = time.perf_counter() - t
    t = time.perf_counter()
    index = EntityIndex()
    with TurtleWriter(out / "fast.ttl") as w:
        for r in results:
            rec = to_record(r)
            w.write_block(zlib.decompress(rec.data), rec.source, rec.triples)
            index.add(rec.source, rec.summary)
        w.write_entities(index)
    t_fast = time.perf_counter() - t
    n = len(g)
    return {"documents": len(results), "triples": n, "same_count": w.triples == n,
            "rdflib_build_s": round(t_build, 3), "rdflib_turtle_s": round(t_ttl, 3),
            "rdflib_triples_per_s": round(n / (t_build + t_ttl), 1),
            "streamed_s": round(t_fast, 3), "streamed_triples_per_s": round(n / t_fast, 1)}


def _yardstick_child(args: list[str]) -> None:
    """In a fresh process: tokenize (``bare``) or run kg's spaCy pipeline (``pipeline``) over
    the texts under a folder; print tokens, seconds over the texts, and CPU seconds."""
    kind, folder = args
    files = sorted(Path(folder).rglob("*.txt"))
    if kind == "bare":
        import spacy

        nlp = spacy.blank("id")
        texts = (f.read_text(encoding="utf-8") for f in files)
    else:
        from kg.build.read import read_all
        from kg.build.report import BuildReport
        from kg.nlp.pipeline import make_nlp

        nlp = make_nlp()
        texts = (a.masked_text() for a in read_all(files, BuildReport()))
    tokens = 0
    w, c = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, batch_size=32):
        tokens += len(doc)
    w, c = time.perf_counter() - w, time.process_time() - c
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"tokens": tokens, "texts_wall_s": round(w, 3), "texts_cpu_s": round(c, 3),
                      "cpu_s": round(ru.ru_utime + ru.ru_stime, 3)}))


def yardstick(kind: str, folder: Path) -> dict:
    """``bare`` or ``pipeline`` over the texts in ``folder``, in a fresh process: tokens, wall and
    CPU seconds of the whole process (start-up included) and over the texts alone."""
    t = time.perf_counter()
    p = subprocess.run([sys.executable, __file__, "--_yardstick", kind, str(folder)], capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode:
        raise SystemExit(f"{kind} yardstick failed:\n{p.stderr[-3000:]}")
    fig = json.loads(p.stdout.strip().splitlines()[-1])
    fig["wall_s"] = round(wall, 3)
    fig["tokens_per_s"] = round(fig["tokens"] / fig["texts_wall_s"], 1)
    return fig


_LOAD = ("import time; t = time.perf_counter(); import spacy; s = time.perf_counter(); "
         "from kg.nlp import Extractor; Extractor(); e = time.perf_counter(); "
         "print(round(s - t, 3), round(e - s, 3))")


def pipeline_load(runs: int = 3) -> dict:
    """Seconds a fresh process takes to import spaCy and to build the extraction pipeline
    (fastest of ``runs``): the fixed cost an update pays before its first article."""
    best = None
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
        imp, make = map(float, out.stdout.split())
        if best is None or imp + make < sum(best):
            best = (imp, make)
    return {"import_spacy_s": best[0], "make_pipeline_s": best[1], "total_s": round(sum(best), 3)}


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _corpus(work: Path, count: int, seed: int, given: str | None) -> Path:
    if given:
        return Path(given)
    folder = work / f"corpus-s{seed}-n{count}-v{gen_corpus.vocab_id()}"
    stamp = folder / ".complete"
    if not stamp.exists():
        gen_corpus.write_corpus(folder, count, seed)
        stamp.write_text(str(count))
    return folder


def real_corpus(work: Path, dirs: list[str], count: int) -> Path:
    """``count`` articles from the ``.txt`` files under ``dirs`` (taken in turn), each copy made
    unique by a first line naming its number, so the build skips none as a duplicate."""
    files = sorted(p for d in dirs for p in Path(d).rglob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files under {' '.join(dirs)}")
    h = hashlib.sha1(str(count).encode())
    for f in files:
        h.update(f.read_bytes())
    folder = work / f"real-{h.hexdigest()[:10]}-n{count}"
    if not (folder / ".complete").exists():
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
        for i in range(count):
            sub = folder / f"{i // 1000:04d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"r{i:07d}.txt").write_text(f"Salinan {i}\n\n{texts[i % len(texts)]}", encoding="utf-8")
        (folder / ".complete").write_text(str(count))
    return folder


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0


def bench_corpus(name: str, folder: Path, a, work: Path) -> dict:
    """Yardsticks and builds on one corpus; prints as it goes, returns the figures."""
    files = sorted(folder.rglob("*.txt"))
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    res: dict = {"corpus": {"name": name, "folder": str(folder), "documents": len(files), "words": words}}
    print(f"## {name} corpus: {len(files)} documents, {words} words ({folder})", file=sys.stderr)
    sticks = {} if a.no_bare else {k: yardstick(k, folder) for k in ("bare", "pipeline")}
    for k, y in sticks.items():
        print(f"{k:8s}: {y['tokens']} tokens; process wall {y['wall_s']:.2f} s, cpu {y['cpu_s']:.2f} s; "
              f"texts alone wall {y['texts_wall_s']:.2f} s ({y['tokens_per_s']:.0f} tokens/s), "
              f"cpu {y['texts_cpu_s']:.2f} s", file=sys.stderr)
    res["yardsticks"] = sticks
    tokens = sticks.get("bare", {}).get("tokens")
    runs, digests = [], {}
    modes = [("jobs", int(j)) for j in a.jobs.split(",") if j] + ([("dask", a.dask)] if a.dask else [])
    for rep, (kind, val) in [(r, m) for r in range(a.repeat) for m in modes]:
        out = work / f"out-{name}-{kind}{val if kind == 'jobs' else ''}"
        shutil.rmtree(out, ignore_errors=True)
        load = os.getloadavg()[0]
        fig = run_build([str(folder)], out, jobs=val if kind == "jobs" else 1, dask=val if kind == "dask" else None,
                        page=a.page)
        fig["mode"], fig["repeat"], fig["load_avg_1min_before"] = f"{kind}={val}", rep, round(load, 2)
        wall = fig["process_wall_s"]
        fig["documents_per_s"] = round(fig["documents"] / wall, 2)
        fig["triples_per_s"] = round(fig["triples"] / wall, 1)
        if tokens:
            fig["tokens_per_s"] = round(tokens / wall, 1)
        fig["ratios"] = {k: {"wall": _ratio(y["wall_s"], wall), "cpu": _ratio(y["cpu_s"], fig["cpu_s"])}
                         for k, y in sticks.items()}
        digests[(fig["mode"], rep)] = _sha(out / "graph.ttl")
        runs.append(fig)
        rat = "; ".join(f"÷ {k}: wall {r['wall']:.3f}, cpu {r['cpu']:.3f}" for k, r in fig["ratios"].items())
        print(f"{fig['mode']} (run {rep + 1}, load {load:.1f}){' with page' if a.page else ''}: {fig['documents']} docs, "
              f"process wall {wall:.2f} s, cpu {fig['cpu_s']:.2f} s (parent {fig['cpu_self_s']:.2f} s) = "
              f"{fig['documents_per_s']:.1f} docs/s, {fig.get('tokens_per_s', 0):.0f} tokens/s, "
              f"{fig['triples_per_s']:.0f} triples/s, peak RSS {fig['peak_rss_mib']} MiB "
              f"(worker {fig['peak_rss_worker_mib']} MiB); ratios {rat or '-'}", file=sys.stderr)
        for stage, v in fig["stats"]["stages"].items():
            print(f"    {stage:9s} wall {v['wall_s']:8.2f} s  cpu {v['cpu_s']:8.2f} s", file=sys.stderr)
    res["runs"] = runs
    res["identical_outputs"] = len(set(digests.values())) == 1
    by: dict = {}
    for r in runs:  # the fastest run of each mode: the least disturbed by other load on the machine
        if r["mode"] not in by or r["process_wall_s"] < by[r["mode"]]["process_wall_s"]:
            by[r["mode"]] = r
    res["fastest"] = by
    if "jobs=1" in by and len(by) > 1:
        res["speedup"] = {m: round(by["jobs=1"]["process_wall_s"] / r["process_wall_s"], 3)
                          for m, r in by.items() if m != "jobs=1"}
        print(f"speed-up vs jobs=1 (process wall, fastest of {a.repeat} runs each): {res['speedup']}; "
              f"identical outputs: {res['identical_outputs']}", file=sys.stderr)
    return res


def bench_update(a, work: Path, folder: Path, base: dict) -> dict:
    """Add ``--update-frac`` new generated articles and time ``--update`` against ``base``."""
    extra = work / f"extra-s{a.seed}-n{a.count}-f{a.update_frac}"
    shutil.rmtree(extra, ignore_errors=True)
    k = max(1, round(a.count * a.update_frac))
    gen_corpus.write_corpus(extra, a.count + k, a.seed, start=a.count)
    out = work / f"out-generated-{base['mode'].replace('=', '')}"
    fig = run_build([str(folder), str(extra)], out, jobs=int(base["mode"].split("=")[1]) if
                    base["mode"].startswith("jobs") else 1, update=True)
    fig["new_documents"] = k
    fig["share_of_full_build"] = round(fig["wall_s"] / base["wall_s"], 4)
    fig["pipeline_load"] = load = pipeline_load()
    upd_digest = _sha(out / "graph.ttl")
    if a.verify_update:
        full = work / "out-verify-update"
        shutil.rmtree(full, ignore_errors=True)
        run_build([str(folder), str(extra)], full)
        fig["identical_to_full_build"] = _sha(full / "graph.ttl") == upd_digest
    again = run_build([str(folder), str(extra)], out, update=True)
    fig["noop_wall_s"] = again["wall_s"]
    fig["noop_unchanged_bytes"] = _sha(out / "graph.ttl") == upd_digest and not again["stats"]["written"]
    print(f"update: {k} new of {a.count + k}: {fig['wall_s']:.2f} s = {100 * fig['share_of_full_build']:.2f}% "
          f"of the full build (a fresh process needs {load['total_s']:.2f} s to import spaCy and build the "
          f"pipeline: {100 * load['total_s'] / base['wall_s']:.2f}%); no-op update {again['wall_s']:.2f} s, bytes "
          f"unchanged: {fig['noop_unchanged_bytes']}" + (f"; identical to a full build: {fig['identical_to_full_build']}"
                                                         if a.verify_update else ""), file=sys.stderr)
    return fig


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_child"]:
        _child(argv[1:])
        return 0
    if argv[:1] == ["--_yardstick"]:
        _yardstick_child(argv[1:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python bench/run.py --count 1000 --real seeds "
                                        "/work/shared/dev/docs --real-count 1000 --jobs 1,2")
    ap.add_argument("--count", type=int, default=500, help="articles to generate (default 500; 0: none)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--corpus", help="use this folder of .txt articles instead of generating one")
    ap.add_argument("--real", nargs="+", metavar="DIR", help="also bench a real-text corpus made from the .txt "
                                                             "files under DIR")
    ap.add_argument("--real-count", type=int, default=1000, help="articles in the real-text corpus (default 1000)")
    ap.add_argument("--work", default="/tmp/kg-scale-bench", help="folder for corpora and outputs")
    ap.add_argument("--jobs", default="1", help="comma-separated --jobs values to run (default 1)")
    ap.add_argument("--page", action="store_true", help="builds also write graph.html (as kg build does by default)")
    ap.add_argument("--dask", help="also build with --dask ADDRESS")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the modes this many times, alternating; figures use each mode's fastest run")
    ap.add_argument("--update-frac", type=float, default=0.0,
                    help="add this share of new generated articles and time --update (e.g. 0.01)")
    ap.add_argument("--verify-update", action="store_true",
                    help="also run a full build of the updated corpus and compare bytes")
    ap.add_argument("--no-bare", action="store_true", help="skip the yardsticks (bare tokenizer, kg pipeline)")
    ap.add_argument("--graph-compare", type=int, default=0, metavar="N",
                    help="also time rdflib (build_graph + Turtle) against the streamed kg.graph.TurtleWriter on N documents")
    ap.add_argument("--json", help="append the JSON line to this file too")
    a = ap.parse_args(argv)
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    res: dict = {"bench": "kg-build", "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
                 "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                             "load_avg_start": os.getloadavg()}, "corpora": {}}
    folder = _corpus(work, a.count, a.seed, a.corpus) if a.count or a.corpus else None
    if folder is not None and a.graph_compare:
        res["graph_compare"] = g = graph_compare(sorted(folder.rglob("*.txt"))[:a.graph_compare], work)
        print(f"graph stage on {g['documents']} documents, {g['triples']} triples: rdflib build_graph "
              f"{g['rdflib_build_s']:.2f} s + Turtle {g['rdflib_turtle_s']:.2f} s "
              f"({g['rdflib_triples_per_s']:.0f} triples/s); streamed writer {g['streamed_s']:.2f} s "
              f"({g['streamed_triples_per_s']:.0f} triples/s)", file=sys.stderr)
    if folder is not None:
        res["corpora"]["generated"] = bench_corpus("generated", folder, a, work)
    if a.real:
        res["corpora"]["real"] = bench_corpus("real", real_corpus(work, a.real, a.real_count), a, work)
    gen = res["corpora"].get("generated")
    if a.update_frac > 0 and gen and gen["runs"]:
        # the fastest full build: the share is not flattered
        res["update"] = bench_update(a, work, folder, gen["fastest"][gen["runs"][0]["mode"]])
    res["machine"]["load_avg_end"] = os.getloadavg()
    line = json.dumps(res)
    print(line)
    if a.json:
        with open(a.json, "a", encoding="utf-8") as f:
            f.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
