"""Extraction time of a document holding a long run of punctuation (issue #16, item 5).

    .venv/bin/python bench/bench_runs.py            # runs of 8,000 and 99,000 characters
    .venv/bin/python bench/bench_runs.py --raw      # the tokenizer alone on the text as stored (slow: minutes)

spaCy's tokenizer takes time quadratic in the length of a run of punctuation without
a space; ``kg.nlp.normalize`` cuts such runs before the text reaches it. For each
kind of run this prints the seconds ``Extractor.extract`` takes on a short article
with the run in the middle, and with ``--raw`` the seconds the tokenizer alone takes
on the text as stored (what the build took before the cut).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ARTICLE = ("Kepala Dinas Kominfo Budi Santoso mengatakan, “Kami siap bekerja untuk warga.”\n\n{run}\n\n"
           "Sekda Rina Wati menghadiri Rapat Koordinasi Zona Integritas pada Senin (12/2/2024).\n")
RUNS = {"dashes": "-", "em dashes": "—", "left quotes": "“", "straight quotes": '"', "dots": ".",
        "dash-dot": "-.", "quote pairs": "“”", "emoji": "\U0001F600"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lengths", type=int, nargs="+", default=[8_000, 99_000])
    ap.add_argument("--raw", action="store_true", help="also time the tokenizer on the text as stored")
    args = ap.parse_args()

    from kg.layout import parse_article
    from kg.nlp import Extractor

    ex = Extractor()
    print(f"{'run':16s} {'length':>8s} {'extract s':>10s}" + (f" {'raw tokenizer s':>16s}" if args.raw else ""))
    for name, unit in RUNS.items():
        for n in args.lengths:
            text = ARTICLE.format(run=(unit * (n // len(unit) + 1))[:n])
            t = time.perf_counter()
            ex.extract(parse_article("t.txt", text))
            line = f"{name:16s} {n:8,d} {time.perf_counter() - t:10.2f}"
            if args.raw:
                t = time.perf_counter()
                ex.nlp.tokenizer(text)
                line += f" {time.perf_counter() - t:16.2f}"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
