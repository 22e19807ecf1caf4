"""Extraction time by document length: why kg.ingest.MAX_CHARS is what it is.

    .venv/bin/python bench/bench_length.py
    .venv/bin/python bench/bench_length.py --sizes 10000 50000 100000 200000

For each size, two documents of exactly that many characters: one line of words
without punctuation (the hostile case), and the seed articles repeated (ordinary
paragraphs). Prints the seconds for layout (kg.layout.parse_article) and for the
whole extraction (Extractor.extract), and seconds per 10,000 characters, so growth
faster than linear shows as a rising last column.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[12_500, 25_000, 50_000, 100_000])
    args = ap.parse_args()

    from kg.layout import parse_article
    from kg.nlp import Extractor

    ex = Extractor()
    rng = random.Random(1)
    words = ["kata", "birokrasi", "pemerintah", "kota", "Malang", "ASN", "reformasi", "Budi", "Kepala", "BKN",
             "mengatakan", "bahwa"]
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    print(f"{'kind':<10} {'chars':>9} {'layout s':>9} {'total s':>9} {'s/10k chars':>12}")
    for n in args.sizes:
        line = " ".join(rng.choice(words) for _ in range(n // 4))[:n]
        text = (seeds * (n // len(seeds) + 1))[:n]
        for kind, doc in (("one line", line), ("articles", text)):
            t0 = time.perf_counter()
            art = parse_article("x.txt", doc)
            t1 = time.perf_counter()
            ex.extract(art)
            t2 = time.perf_counter()
            print(f"{kind:<10} {n:>9,} {t1 - t0:>9.2f} {t2 - t0:>9.2f} {(t2 - t0) / n * 10_000:>12.3f}", flush=True)


if __name__ == "__main__":
    main()
