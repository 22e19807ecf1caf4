"""rdflib's memory store against Oxigraph (pyoxigraph) on the saved queries.

    .venv/bin/python bench/bench_store.py                        # ~100k triples
    .venv/bin/python bench/bench_store.py --triples 100000 1000000 --repeat 3

For each size it writes a synthetic graph shaped like kg output (documents with
their full text, people with offices, agencies, policies, events, places,
mentions, quotes with offsets, event reports), built by ``kg.graph.build_graph``
from invented records (names are made from syllables here, never taken from an
article), and saved as Turtle once (cached under --work). Then, in a fresh
process per engine (so memory figures are the engine's own), it measures:
parsing the Turtle file, serialising it back to Turtle, resident memory after
loading, and every saved query (first run and best of --repeat) through
``kg.store.Store`` -- the same code path ``kg query`` uses, and the engine that
ran is read back from the store. Queries slower than --cap seconds on one engine
are stopped and reported as "> cap". The last table gives rdflib : Oxigraph.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_SYL = (["Ra", "Su", "Wi", "Har", "Dar", "Ban", "Teg", "Mar", "Yu", "Ka", "Li", "Pra", "No", "Gu", "Ti"],
        ["ni", "to", "ya", "wan", "di", "sa", "ra", "mo", "ko", "lan", "ga", "ri"],
        ["to", "ni", "wati", "yanto", "sih", "man", "dra", "sari", "tomo", "jaya"])
_POLICIES = ["Netralitas ASN", "Sistem Akuntabilitas Kinerja Instansi Pemerintah", "Reformasi Birokrasi",
             "Zona Integritas", "Sistem Merit", "Sistem Pemerintahan Berbasis Elektronik", "Mal Pelayanan Publik"]
_ACR = {"Sistem Akuntabilitas Kinerja Instansi Pemerintah": "SAKIP", "Reformasi Birokrasi": "RB",
        "Zona Integritas": "ZI", "Sistem Pemerintahan Berbasis Elektronik": "SPBE"}
_AGENCY_TYPES = ["Pemerintah Kota", "Badan Kepegawaian Daerah Kota", "Dinas Komunikasi dan Informatika Kota",
                 "Inspektorat Kota", "Dinas Kependudukan Kota"]
_TITLES = ["Wali Kota", "Penjabat Wali Kota", "Sekretaris Daerah Kota", "Kepala Badan", "Kepala Dinas", "Inspektur"]
_EVENTS = ["Rapat Koordinasi", "Apel Pagi", "Sosialisasi", "Bimbingan Teknis", "Forum Konsultasi Publik"]
_FILL = "Kegiatan tersebut diikuti para kepala perangkat daerah dan camat se-kota. "


def person_label(i: int) -> str:
    """An invented name for synthetic person ``i`` (made from syllables)."""
    a, b, c = _SYL
    return f"{a[i % 15]}{b[i // 15 % 12]}{c[i // 180 % 10]} {a[i // 7 % 15]}{c[i % 10]} {i}"


def synthetic_results(n_docs: int, seed: int = 1):
    """Invented DocResult records for ``n_docs`` articles (deterministic for a seed)."""
    from kg.records import Article, DocResult, Entity, EventReport, Quote, Role, Span

    rng = random.Random(seed)
    cities = [f"Kota {rng.choice(_SYL[0])}{rng.choice(_SYL[1])}{rng.choice(_SYL[2])}-{i}" for i in range(max(20, n_docs // 8))]
    persons = [(f"person:p{i}", person_label(i)) for i in range(max(40, n_docs))]
    events = [f"{rng.choice(_EVENTS)} {i}" for i in range(max(20, n_docs // 2))]
    out = []
    for d in range(n_docs):
        city = rng.choice(cities)
        text, ents, roles, quotes, reps = [], {}, [], [], []
        pos = 0

        def put(s: str) -> tuple[int, int]:
            nonlocal pos
            text.append(s)
            pos += len(s)
            return pos - len(s), pos

        def mention(key, etype, label, surface=None, aliases=()):
            sp = put(surface or label)
            old = ents.get(key)
            spans = (old.mentions if old else ()) + (Span(sp[0], sp[1], surface or label),)
            ents[key] = Entity(key, etype, label, tuple(aliases), spans, official=etype == "Person")

        date = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        speakers = rng.sample(persons, 4)
        for pk, pname in speakers:
            title, atype = rng.choice(_TITLES), rng.choice(_AGENCY_TYPES)
            akey = f"agency:{atype}-{city}".lower().replace(" ", "-")
            mention(akey, "Agency", f"{atype} {city.split(' ', 1)[1]}")
            put(f" menghadirkan {title} ")
            s = pos
            mention(pk, "Person", pname)
            roles.append(Role(pk, f"{title} {city.split(' ', 1)[1]}", akey, date, s, pos))
            put(". ")
        for q in range(12):
            pk, pname = rng.choice(speakers)
            pol = rng.choice(_POLICIES)
            put("“Kami menegaskan bahwa ")
            s = pos
            mention(f"policy:{pol}".lower().replace(" ", "-"), "Policy", pol, aliases=[_ACR[pol]] if pol in _ACR else ())
            put(f" harus dijalankan dengan sungguh-sungguh di {city} tahun ini nomor {q}.")
            e = pos
            put("” kata ")
            mention(pk, "Person", pname, surface=pname.split()[0])
            put(". " + _FILL * rng.randint(0, 2))
            quotes.append(Quote(s, e, "".join(text)[s:e], q % 3 != 0, pk, "kata",
                                (f"policy:{pol}".lower().replace(" ", "-"),)))
        for _ in range(3):
            ev = rng.choice(events)
            ekey = f"event:{ev}".lower().replace(" ", "-")
            mention(ekey, "Event", ev)
            put(" digelar di ")
            mention(f"place:{city}".lower().replace(" ", "-"), "Place", city)
            put(". ")
            reps.append(EventReport(ekey, date, f"place:{city}".lower().replace(" ", "-"),
                                    tuple(k for k, _ in rng.sample(speakers, 2))))
        art = Article(source=f"synthetic_{d:06d}.txt", text="".join(text), title=f"Berita {d}", date=date)
        out.append(DocResult(art, tuple(ents.values()), tuple(roles), tuple(reps), tuple(quotes)))
    return out


def make_graph(triples: int, work: Path) -> tuple[Path, int]:
    """A Turtle file of about ``triples`` triples (cached in ``work``); (path, exact count)."""
    import pyoxigraph as ox

    from kg.graph import build_graph
    from kg.ns import SPARQL_PREFIXES as PREFIXES
    from kg.terms import to_oxigraph

    path = work / f"synthetic-{triples}.ttl"
    if path.exists():
        return path, int(path.with_suffix(".count").read_text())
    per_doc = len(build_graph(synthetic_results(20))) / 20
    g = build_graph(synthetic_results(max(1, round(triples / per_doc))))
    work.mkdir(parents=True, exist_ok=True)
    ox.serialize((ox.Triple(*(to_oxigraph(t) for t in tr)) for tr in g), str(path), format=ox.RdfFormat.TURTLE,
                 prefixes={"kg": PREFIXES["kg"]})
    path.with_suffix(".count").write_text(str(len(g)))
    return path, len(g)


#: saved query -> parameters used on the synthetic graphs
BENCH_QUERIES = {
    "said_about": {"topic": "netralitas"},
    "quotes_by": {"person": person_label(7)},
    "officials_by_agency": {"agency": "Inspektorat"},
    "office_holders": {"office": "Penjabat Wali Kota"},
    "events_between": {"from": "2024-01-01", "to": "2024-12-31"},
    "agency_policies": {"agency": "Pemerintah Kota"},
    "co_mentioned": {"type": "Person"},
    "quote_source": {"person": person_label(7)},
}


def _rss_mb() -> float:
    """Resident memory of this process now, in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


class _Slow(BaseException):  # not an Exception: nothing on the way may catch it
    pass


def _alarm(*_):
    raise _Slow()


def worker(engine: str, path: str, repeat: int, cap: float) -> dict:
    """Measure one engine in this process; returns the figures as a dict."""
    import signal

    from kg.query import bind_params, saved_query
    from kg.store import new_store

    rss0 = _rss_mb()
    t = time.perf_counter()
    store = new_store(engine)
    store.load(path=path)
    out = {"engine": store.engine, "parse_s": time.perf_counter() - t,
           "rss_mb": _rss_mb() - rss0, "queries": {}}
    t = time.perf_counter()
    store.serialize("ttl")
    out["serialize_s"] = time.perf_counter() - t
    signal.signal(signal.SIGALRM, _alarm)
    for name, raw in BENCH_QUERIES.items():
        sq = saved_query(name)
        bindings = bind_params(sq, raw)
        times, rows = [], None
        for _ in range(1 + repeat):
            signal.setitimer(signal.ITIMER_REAL, cap)
            t = time.perf_counter()
            try:
                rows = len(store.execute(sq.text_for(engine), bindings).rows)
                times.append(time.perf_counter() - t)
            except _Slow:
                times = None
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        out["queries"][name] = {"first_s": times[0] if times else None,
                                "best_s": min(times[1:] or times) if times else None, "rows": rows}
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, nargs="+", default=[100_000])
    ap.add_argument("--engines", nargs="+", default=["rdflib", "oxigraph"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cap", type=float, default=300.0, help="seconds before a query is stopped")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    ap.add_argument("--worker", nargs=2, metavar=("ENGINE", "PATH"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        print(json.dumps(worker(a.worker[0], a.worker[1], a.repeat, a.cap)))
        return
    import platform

    print(f"python {platform.python_version()}, {os.cpu_count()} cores; queries: first run, then best of {a.repeat}")
    for n in a.triples:
        t = time.perf_counter()
        path, count = make_graph(n, a.work)
        print(f"\n## {count:,} triples ({path.stat().st_size / 1e6:.0f} MB Turtle; made in {time.perf_counter() - t:.1f} s)")
        res = {}
        for eng in a.engines:
            p = subprocess.run([sys.executable, __file__, "--worker", eng, str(path), "--repeat", str(a.repeat),
                                "--cap", str(a.cap)], capture_output=True, text=True)
            if p.returncode:
                sys.exit(f"{eng} worker failed:\n{p.stderr}")
            res[eng] = json.loads(p.stdout.strip().splitlines()[-1])
            assert res[eng]["engine"] == eng, f"asked for {eng}, ran {res[eng]['engine']}"
        _table(res, a.cap)


def _fmt(x, cap):
    return f"> {cap:.0f}" if x is None else f"{x:.3f}"


def _table(res: dict, cap: float) -> None:
    engs = list(res)
    print("| measure | " + " | ".join(engs) + (" | rdflib : oxigraph |" if len(engs) == 2 else " |"))
    print("|---" * (len(engs) + 1 + (len(engs) == 2)) + "|")

    def row(label, vals):
        ratio = ""
        if len(engs) == 2 and None not in vals and vals[1]:
            ratio = f" | {vals[0] / vals[1]:.1f}x"
        elif len(engs) == 2:
            ratio = f" | > {cap / vals[1]:.0f}x" if vals[0] is None and vals[1] else " | -"
        print(f"| {label} | " + " | ".join(_fmt(v, cap) for v in vals) + ratio + " |")

    row("parse Turtle (s)", [res[e]["parse_s"] for e in engs])
    row("serialize Turtle (s)", [res[e]["serialize_s"] for e in engs])
    row("memory after load (MB RSS)", [res[e]["rss_mb"] for e in engs])
    for q in BENCH_QUERIES:
        rows = {res[e]["queries"][q]["rows"] for e in engs} - {None}
        row(f"{q} first (s)", [res[e]["queries"][q]["first_s"] for e in engs])
        row(f"{q} best (s), {'/'.join(map(str, sorted(rows)))} rows", [res[e]["queries"][q]["best_s"] for e in engs])


if __name__ == "__main__":
    main()
