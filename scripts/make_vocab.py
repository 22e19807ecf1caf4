"""Regenerate ``kg/rules/vocab.tsv.gz``: a word -> part-of-speech counts and root-word flag lexicon of
Indonesian, derived from two MIT-licensed published resources:

* the POS-tagged news corpus in the ``nlp-id`` wheel (``nlp_id/data/dataset_postag.txt``, kumparan);
* the root-word list of ``pysastrawi`` (``Sastrawi/Stemmer/data/kata-dasar.txt``).

Neither package is imported (``nlp-id`` pins numpy and scikit-learn): the wheels are read as zip files.

    pip download --no-deps nlp-id pysastrawi -d /tmp/wheels
    python scripts/make_vocab.py /tmp/wheels/nlp_id-*.whl /tmp/wheels/pysastrawi-*.whl

Output: gzip'd tab-separated lines ``word NNP NN VB JJ OTHER ROOT`` (lower-case word, tag counts in the
corpus, ROOT 1 for a root word), sorted by word, after a ``#`` header line. Written with a fixed gzip
mtime so that the same inputs give the same bytes.
"""
from __future__ import annotations

import gzip
import io
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

TAGS = ("NNP", "NN", "VB", "JJ")
OUT = Path(__file__).resolve().parent.parent / "kg" / "rules" / "vocab.tsv.gz"
_WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$|^[a-z]$")


def _member(wheel: str, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(suffix))
        return z.read(name).decode("utf-8")


def build(nlp_id_wheel: str, sastrawi_wheel: str) -> bytes:
    counts: dict[str, Counter] = defaultdict(Counter)
    for line in _member(nlp_id_wheel, "data/dataset_postag.txt").splitlines():
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        word, tag = parts[0].strip().lower(), parts[1].strip()
        if _WORD.match(word):
            counts[word][tag if tag in TAGS else "OTHER"] += 1
    roots = {w.strip().lower() for w in _member(sastrawi_wheel, "data/kata-dasar.txt").splitlines()}
    roots = {w for w in roots if _WORD.match(w)}
    out = io.StringIO()
    out.write("#word\tNNP\tNN\tVB\tJJ\tOTHER\tROOT\n")
    for word in sorted(set(counts) | roots):
        c = counts.get(word, Counter())
        out.write("\t".join([word, *(str(c[t]) for t in (*TAGS, "OTHER")), "1" if word in roots else "0"]) + "\n")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="vocab.tsv", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(out.getvalue().encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    data = build(*argv)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
