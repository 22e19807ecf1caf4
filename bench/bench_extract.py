"""Extraction CPU on real text, and a fingerprint of what it extracted: compare two checkouts' rules.

    .venv/bin/python bench/bench_extract.py
    .venv/bin/python bench/bench_extract.py --repeat 4 seeds ../shared/dev/docs tests/data/heldout/docs
    PYTHONPATH=/path/to/other/checkout python bench/bench_extract.py     # the other code, the same texts

Reads every ``.txt`` under the folders given (default: the seeds and the held-out articles),
runs ``Extractor.extract`` over all of them ``--repeat`` times and prints the number of texts,
the best CPU seconds of a pass, and a hash of the records of the last pass. Two checkouts
that print the same hash extract the same records; alternate the runs, as the machine is noisy.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path,
                    default=[ROOT / "seeds", ROOT / "tests" / "data" / "heldout" / "docs"])
    ap.add_argument("--repeat", type=int, default=3, help="passes; the best CPU time is printed (default 3)")
    args = ap.parse_args()
    if not os.environ.get("PYTHONPATH"):
        sys.path.insert(0, str(ROOT))  # this checkout's code, unless PYTHONPATH names another

    from kg.build.extract import new_extractor
    from kg.ingest import read_article

    files = sorted(p for folder in args.folders for p in folder.rglob("*.txt"))
    articles = [read_article(p) for p in files]
    extractor = new_extractor()
    best, results = float("inf"), []
    for _ in range(max(1, args.repeat)):
        start = time.process_time()
        results = [extractor.extract(a) for a in articles]
        best = min(best, time.process_time() - start)
    digest = hashlib.sha256()
    for r in results:
        digest.update(repr(r).encode())
    print(f"{len(articles)} texts; best CPU of {args.repeat} passes {best:.2f} s; records {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
