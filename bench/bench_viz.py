"""Time to build the browser page (kg.viz.write_page), and what the page adds to ``kg build``.

    .venv/bin/python bench/bench_viz.py                 # 2,000 and 10,000 page nodes
    .venv/bin/python bench/bench_viz.py --sizes 500 2000 --browser
    .venv/bin/python bench/bench_viz.py --build /tmp/corpus2000 --browser
    .venv/bin/python bench/bench_viz.py --build /tmp/real --real seeds /my/texts --count 1000

With ``--build CORPUS`` it runs ``kg build CORPUS`` and ``kg build --no-page CORPUS``
in fresh processes (alternating, ``--repeat`` times, a fresh output folder each)
and prints wall time, CPU time and peak RSS of each (of the largest process, and of the
build process and the one that draws the page, apart) and the ratios; with
``--real DIR...`` it first writes CORPUS from the .txt files under those folders,
``--count`` articles, each copy made unique by a last line. With ``--browser`` it
also opens the built page in headless Chromium and times the first drawing, a
table filter, a search, and selecting the most central node.

Graphs are synthetic but shaped like kg output (documents, people, agencies,
policies, events, places, quotes, offices, event reports, mentions), made with a
fixed seed so runs compare. Prints, per size: the page's node and edge counts and
the seconds for each stage (RDF -> page graph, pyvis network with PageRank and
layout, HTML) and the total, plus the file size. With --browser (needs Debian's
chromium and playwright) it also opens the page headless and reports the seconds
until the first drawing, and after clicking "Show all".
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from rdflib import RDF, XSD, Graph, Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.ns import KG, KGD  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def synthetic_graph(n: int, seed: int = 0) -> Graph:
    """An RDF graph in kg's shape whose page has exactly ``n`` nodes.

    5 % documents, 45 % entities (people, agencies, policies, events, places),
    50 % quotes; invented names (``Orang 12``, ``Instansi 3``).
    """
    rnd = random.Random(seed)
    g = Graph()
    n_docs = max(1, n // 20)
    n_ent = max(5, n * 45 // 100)
    n_quotes = n - n_docs - n_ent
    docs = [KGD[f"doc/d{i}"] for i in range(n_docs)]
    for i, d in enumerate(docs):
        g.add((d, RDF.type, KG.Document))
        g.add((d, KG.source, Literal(f"d{i}.txt")))
        g.add((d, KG.title, Literal(f"Berita sintetis nomor {i}")))
        g.add((d, KG.date, Literal(f"2024-01-{1 + i % 28:02d}", datatype=XSD.date)))
        g.add((d, KG.text, Literal("Teks. " * 20)))
    kinds = [("Person", KG.Person, "Orang", 0.35), ("Agency", KG.Agency, "Instansi", 0.2),
             ("Policy", KG.Policy, "Kebijakan", 0.15), ("Event", KG.Event, "Acara", 0.15),
             ("Place", KG.Place, "Tempat", 0.15)]
    ents: dict[str, list] = {k: [] for k, *_ in kinds}
    for i in range(n_ent):
        kind, cls, word, _ = kinds[i % 5] if i < 5 else rnd.choices(kinds, weights=[k[3] for k in kinds])[0]
        e = KGD[f"{kind.lower()}/e{i}"]
        ents[kind].append(e)
        g.add((e, RDF.type, cls))
        g.add((e, KG.label, Literal(f"{word} {i}")))
        for d in rnd.sample(docs, min(len(docs), 1 + int(rnd.expovariate(1.0)))):
            g.add((e, KG.mentionedIn, d))
    for i, p in enumerate(ents["Person"]):
        g.add((p, KG.isOfficial, Literal(rnd.random() < 0.7)))
        if ents["Agency"] and rnd.random() < 0.6:
            r = KGD[f"role/r{i}"]
            g.add((r, RDF.type, KG.Role))
            g.add((r, KG.holder, p))
            g.add((p, KG.holdsRole, r))
            g.add((r, KG.roleTitle, Literal("Kepala")))
            g.add((r, KG.organization, rnd.choice(ents["Agency"])))
            g.add((r, KG.inDocument, rnd.choice(docs)))
    for i, ev in enumerate(ents["Event"]):
        rep = KGD[f"eventreport/x{i}"]
        g.add((rep, RDF.type, KG.EventReport))
        g.add((rep, KG.reportsEvent, ev))
        g.add((rep, KG.inDocument, rnd.choice(docs)))
        for p in rnd.sample(ents["Person"], min(len(ents["Person"]), rnd.randint(0, 3))):
            g.add((rep, KG.participant, p))
    # speakers follow a heavy tail, as in the news: a few officials say most
    weights = [1.0 / (k + 1) for k in range(len(ents["Person"]))]
    targets = ents["Policy"] + ents["Event"] + ents["Agency"]
    for i in range(n_quotes):
        q = KGD[f"quote/q{i}"]
        g.add((q, RDF.type, KG.Quote))
        g.add((q, KG.text, Literal(f"Kutipan sintetis {i}: kami mendukung program ini.")))
        g.add((q, KG.isDirect, Literal(rnd.random() < 0.5)))
        g.add((q, KG.inDocument, rnd.choice(docs)))
        g.add((q, KG.start, Literal(10 * i)))
        g.add((q, KG.end, Literal(10 * i + 9)))
        p = rnd.choices(ents["Person"], weights=weights)[0]
        g.add((q, KG.speaker, p))
        g.add((p, KG.said, q))
        if targets and rnd.random() < 0.6:
            g.add((q, KG.about, rnd.choice(targets)))
    return g


def bench(n: int, out: Path, browser: bool) -> dict:
    from kg.viz import build_network, page_graph, records, render
    from kg.viz_data import open_source, read

    g = synthetic_graph(n)
    t0 = time.perf_counter()
    data = read(open_source(g))
    G = page_graph(data)
    t1 = time.perf_counter()
    net = build_network(G)
    t2 = time.perf_counter()
    html = render(net, records(G, data))
    t3 = time.perf_counter()
    path = out / f"page-{n}.html"
    path.write_text(html, encoding="utf-8")
    row = {"nodes": len(G), "edges": G.number_of_edges(), "read+page_graph": t1 - t0, "network+layout": t2 - t1,
           "html": t3 - t2, "total": t3 - t0, "MB": len(html.encode()) / 1e6}
    if browser:
        row.update(open_in_browser(path))
    return row


@contextmanager
def _opened(path: Path):
    """``(page, seconds to its first drawing)`` of ``path`` in headless Chromium at 1400x900."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = b.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=600_000)
            yield page, time.perf_counter() - t
        finally:
            b.close()


def open_in_browser(path: Path) -> dict:
    with _opened(path) as (page, first):
        t = time.perf_counter()
        page.evaluate("""() => new Promise(done => {
            kgPage.network.once('afterDrawing', () => done());
            document.getElementById('kg-toggle-all').click(); })""")
        all_ = time.perf_counter() - t
        shown = page.evaluate("kgPage.network.body.nodeIndices.length")
    return {"browser_first_draw": first, "browser_show_all": all_, "shown_after_all": shown}


def real_corpus(folders: list[str], out: Path, count: int) -> Path:
    """``count`` articles in ``out`` made from the .txt files under ``folders``, cycled, each copy unique."""
    texts = sorted(p for f in folders for p in Path(f).rglob("*.txt"))
    if not texts:
        raise SystemExit(f"no .txt files under {', '.join(folders)}")
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        src = texts[i % len(texts)]
        text = src.read_text(encoding="utf-8").rstrip("\n")
        (out / f"{i:05d}_{src.stem}.txt").write_text(f"{text}\n\nSalinan nomor {i}.\n", encoding="utf-8")
    return out


def timed_build(corpus: Path, out: Path, page: bool) -> dict:
    """One ``kg build`` in a fresh process: wall and CPU seconds (its children's included) and peak
    RSS: of the largest process (``peak_rss_mib``, exact: rusage), and of the build process and
    the process that draws the page, if any (``build_mib``, ``page_mib``: VmHWM sampled every 50 ms)."""
    import os
    import shutil
    import subprocess

    shutil.rmtree(out, ignore_errors=True)
    kg = str(Path(sys.executable).with_name("kg"))
    t = time.perf_counter()
    proc = subprocess.Popen([kg, "build", str(corpus), "--out", str(out)] + ([] if page else ["--no-page"]),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hwm = {"build_mib": 0.0, "page_mib": 0.0}
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        hwm["build_mib"] = max(hwm["build_mib"], _hwm_mib(proc.pid))
        for child in _children(proc.pid):
            if "kg.viz_apart" in _cmdline(child):  # kg.viz_apart._CHILD
                hwm["page_mib"] = max(hwm["page_mib"], _hwm_mib(child))
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"kg build failed ({proc.returncode}) on {corpus}")
    return {"wall_s": time.perf_counter() - t, "cpu_s": ru.ru_utime + ru.ru_stime, "peak_rss_mib": ru.ru_maxrss / 1024,
            **hwm}


def _hwm_mib(pid: int) -> float:
    """Peak RSS so far of process ``pid`` (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return next((int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:")), 0.0)
    except OSError:
        return 0.0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def browser_page(path: Path) -> dict:
    """Seconds to first drawing, to answer a table filter and a search, and to select the top node."""
    with _opened(path) as (page, first):
        row = {"first_draw_s": first}
        row.update(page.evaluate("""() => {
            const ms = f => { const t = performance.now(); f(); return (performance.now() - t) / 1000; };
            const top = kgPage.nodes.get().sort((a, b) => a.rank - b.rank)[0];
            const topic = kgPage.nodes.get({filter: n => n.kgType === 'Policy'})[0];
            return {
              filter_topic_s: ms(() => { kgPage.state.f.topic = kgPage.ents.findIndex(e => e.id === topic.id); kgPage.applyFilters(); }),
              filter_words_s: ms(() => { kgPage.state.f.q = 'program'; kgPage.applyFilters(); }),
              clear_s: ms(() => { kgPage.state.f.topic = -1; kgPage.state.f.q = ''; kgPage.applyFilters(); }),
              search_s: ms(() => kgPage.search('kepala')),
              select_top_s: ms(() => kgPage.reveal(top.id)),
              rows: kgPage.rows().length, nodes: kgPage.nodes.length };
        }"""))
    return row


def bench_build(args) -> None:
    corpus = Path(args.build)
    if args.real:
        real_corpus(args.real, corpus, args.count)
    runs: dict = {"page": [], "no-page": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for page in (False, True):
                row = timed_build(corpus, Path(tmp) / "out", page)
                runs["page" if page else "no-page"].append(row)
                print(f"kg build {'' if page else '--no-page '}{corpus}: " + ", ".join(
                    f"{k} {v:.2f}" for k, v in row.items()), flush=True)
            if args.browser and Path(CHROMIUM).exists():
                print("page in chromium: " + ", ".join(
                    f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                    for k, v in browser_page(Path(tmp) / "out" / "graph.html").items()), flush=True)
                size = (Path(tmp) / "out" / "graph.html").stat().st_size
                print(f"graph.html: {size / 1e6:.1f} MB", flush=True)
    best = {k: {m: min(r[m] for r in v) for m in v[0]} for k, v in runs.items()}
    print("best of {}: page/no-page wall {:.2f}x, CPU {:.2f}x; peak RSS {:.0f} MiB with page (build process {:.0f}, "
          "page process {:.0f}), {:.0f} MiB without".format(
              args.repeat, best["page"]["wall_s"] / best["no-page"]["wall_s"],
              best["page"]["cpu_s"] / best["no-page"]["cpu_s"], best["page"]["peak_rss_mib"],
              best["page"]["build_mib"], best["page"]["page_mib"], best["no-page"]["peak_rss_mib"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    ap.add_argument("--browser", action="store_true", help="also time the page in headless chromium")
    ap.add_argument("--build", metavar="CORPUS", help="time kg build with and without the page on this folder")
    ap.add_argument("--real", nargs="+", metavar="DIR", help="first write CORPUS from the .txt files under these")
    ap.add_argument("--count", type=int, default=1000, help="articles to write with --real (default 1000)")
    ap.add_argument("--repeat", type=int, default=2, help="builds of each kind with --build (default 2)")
    args = ap.parse_args()
    if args.build:
        bench_build(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            row = bench(n, Path(tmp), args.browser and Path(CHROMIUM).exists())
            print(f"{n:>6} requested: " + ", ".join(
                f"{k} {v:.2f}" + ("" if k == "MB" else " s") if isinstance(v, float) else f"{k} {v}"
                for k, v in row.items()), flush=True)


if __name__ == "__main__":
    main()
