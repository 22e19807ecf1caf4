"""Time-bounded fuzz run of reading, extraction and the graph stage.

    .venv/bin/python bench/fuzz.py                     # 300 seconds, seed 1
    .venv/bin/python bench/fuzz.py --seconds 1800 --seed 7 --failures /tmp/fuzz-failures

Inputs are made with a seeded generator, so a run can be repeated: random Unicode
documents built from article fragments (names invented), quotation marks of every
kind, line endings, control characters and hostile payloads; byte-level mutations
of the seed articles (flipped, inserted and deleted bytes, NULs, CR/LF swaps,
truncated UTF-8, other encodings); each written as .txt, .md, .html, .jsonl or a
.warc.gz archive (an HTML response, an image, a 404, or cut short), and
now and then a long line without punctuation. Every input goes through
``kg.ingest.read_file`` → ``Extractor.extract`` → ``kg.graph.build_graph``, and is
checked: no exception; every outcome is an Article or a reason; no CR or NUL in
a text read; every quote, mention and role offset inside the text and slicing back
to its recorded text. Every 25 documents the graph of the batch is serialised to
Turtle and N-Triples and parsed back (isomorphic) and validated against the SHACL
shapes. An input taking over ``--timeout`` seconds counts as a failure (a hang).
Inputs depend only on the seed and their number, so any one can be made again.

Prints the number of inputs, documents read and skipped (by reason), quotes and
mentions checked, graphs validated, the slowest input, and every failure (its
input, and for a failed graph check every input of the batch, is saved under
``--failures``). Exit status 1 when anything failed.
"""
from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUOTES = ["„", "“", "”", "«", "»", "‘", "’", "‹", "›", "″", '"', "'"]
FRAGMENTS = [
    "Pemkot Malang Percepat Reformasi Birokrasi\n\n", "MALANG - ", "Kepala Dinas Kominfo ", "Budi Santoso ",
    "Sekda Kota Malang Rina Wati ", "Menteri PANRB ", "Badan Kepegawaian Negara (BKN) ", "KemenPAN-RB ",
    "Pj Wali Kota Malang ", "Gubernur Jawa Timur ", "mengatakan, ", "mengatakan bahwa ", "ujar Budi. ",
    "kata dia. ", "jelasnya. ", "Menurutnya, ", "Hal tersebut disampaikan Budi Santoso ", "pada Senin (12/2/2024). ",
    "18 November 2024 ", "kemarin ", "Selasa lalu ", "Zona Integritas ", "sistem merit ", "netralitas ASN ",
    "SAKIP ", "Rapat Koordinasi ", "di Hotel Ubud ", "Baca juga: Berita lain\n", "Editor: Rina\n",
    "Penulis: Budi\n", "\n", "\n\n", "\r\n", "\r", ". ", ", ", "Kami akan terus bekerja untuk warga",
    "<script>alert(1)</script>", '"""', "]]>", "\u202e", "\x00", "} ; DROP ALL ; #", "\ufeff", "\u2028",
    "\x85", "\x0c", "\t", "(", ")", "-", "—", "…", "!", "?", ":", "Dr. ", "H. ", "Ir. ", "S.Sos ", "M.Si ",
]
HOSTILE_CHARS = "\x00\x01\x1b\x7f\x85\u200b\u200e\u202e\u2066\ufeff\ufffd\ufffe\U0001F600\u0301\u3000"


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def random_text(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.6:
            out.append(chr(rng.randrange(32, 127)))
        elif r < 0.8:
            out.append(rng.choice(QUOTES + list(HOSTILE_CHARS)))
        else:
            cp = rng.randrange(0x80, 0x30000)
            if not 0xD800 <= cp <= 0xDFFF:
                out.append(chr(cp))
    return "".join(out)


def grammar_doc(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 120)):
        r = rng.random()
        if r < 0.6:
            parts.append(rng.choice(FRAGMENTS))
        elif r < 0.8:
            parts.append(rng.choice(QUOTES))
        else:
            parts.append(random_text(rng, rng.randrange(1, 30)))
    return "".join(parts)


def mutate(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randrange(1, 12)):
        op = rng.randrange(7)
        i = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(i, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[i:i] = rng.choice([b"\x00", b"\r", b"\r\n", "“".encode(), "”".encode(), b'"', b"\xe2\x80", b"\xff",
                                 "«".encode(), b"\n\n", "\u202e".encode(), b"<p>", b"]]>"])
        elif op == 2 and b:
            del b[i:i + rng.randrange(1, 200)]
        elif op == 3:
            b = bytearray(bytes(b).replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n"])))
        elif op == 4:
            b = b[:i]
        elif op == 5 and b:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randrange(1, 300)]
        elif op == 6:
            try:
                b = bytearray(bytes(b).decode("utf-8").encode(rng.choice(["utf-16", "cp1252", "utf-8-sig"]),
                                                              "replace"))
            except UnicodeDecodeError:
                pass
    return bytes(b)


FORMATS = [".txt", ".txt", ".md", ".html", ".jsonl", ".warc.gz"]


def warc(rng: random.Random, body: bytes) -> bytes:
    """A WARC archive holding ``body`` as an HTML response (sometimes as an image, a 404,
    or cut short)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    status = rng.choice(["200 OK", "200 OK", "200 OK", "404 Not Found"])
    ctype = rng.choice(["text/html; charset=utf-8", "text/html", "image/png"])
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    page = b"<html><body><article><p>" + body + b"</p></article></body></html>"
    w.write_record(w.create_warc_record("https://contoh.example/a", "response", payload=io.BytesIO(page),
                                       http_headers=http, warc_headers_dict={"WARC-Date": "2024-02-12T01:02:03Z"}))
    data = buf.getvalue()
    return data[:rng.randrange(len(data))] if rng.random() < 0.1 else data


def make_input(rng: random.Random, seeds: list[bytes], n: int, folder: Path) -> Path:
    kind = rng.random()
    if kind < 0.005:  # a long line without punctuation, up to the length limit
        from kg.ingest import MAX_CHARS

        words = ["kata", "birokrasi", "Budi", "mengatakan", "pemerintah", "Kota", "Malang", "“"]
        doc = " ".join(rng.choice(words) for _ in range(rng.randrange(1000, MAX_CHARS // 6)))
        data, fmt = doc.encode("utf-8"), ".txt"
    elif kind < 0.5:
        data, fmt = grammar_doc(rng).encode("utf-8"), rng.choice(FORMATS)
    else:
        data, fmt = mutate(rng, rng.choice(seeds)), rng.choice(FORMATS)
    if fmt == ".jsonl":
        text = data.decode("utf-8", "replace")
        lines = [json.dumps({"text": text, "title": text[:40]})]
        if rng.random() < 0.3:
            lines.append(text[:50])  # a broken line
        if rng.random() < 0.3:
            lines.append(json.dumps({"text": text[::-1], "date": "Senin, 12 Februari 2024"}))
        data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    elif fmt == ".html" and rng.random() < 0.7:
        data = b"<html><head><title>T</title></head><body><nav>Menu</nav><article><p>" + data + \
               b"</p></article><footer>c</footer></body></html>"
    elif fmt == ".warc.gz":
        data = warc(rng, data)
    p = folder / f"in{n}{fmt}"  # one name per input: documents of a batch never share a source
    p.write_bytes(data)
    return p


def check(r) -> int:
    text = r.article.text
    assert "\r" not in text and "\x00" not in text, "CR or NUL in the text read"
    n = 0
    for q in r.quotes:
        assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.text, f"quote offsets {q}"
        n += 1
    for e in r.entities:
        for m in e.mentions:
            assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text, f"mention offsets {m}"
            n += 1
    for ro in r.roles:
        assert 0 <= ro.start <= ro.end <= len(text), f"role offsets {ro}"
    return n


def check_graph(results) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.graph import build_graph
    from kg.validate import validate

    g = build_graph(results)
    for fmt in ("turtle", "nt"):
        back = Graph().parse(data=g.serialize(format=fmt), format=fmt)
        assert isomorphic(g, back), f"{fmt} round trip differs"
    ok, text = validate(g)
    assert ok, text[:2000]


def _brief(e: Exception) -> str:
    """One line: the exception, or for a SHACL report its messages."""
    text = str(e)
    messages = [line.split("Message:", 1)[1].strip() for line in text.splitlines() if "Message:" in line]
    return f"{type(e).__name__}: " + ("SHACL: " + "; ".join(messages) if messages else " ".join(text.split()))[:300]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=120, help="seconds one input may take")
    ap.add_argument("--failures", type=Path, default=None, help="folder for failing inputs")
    args = ap.parse_args()

    from kg.ingest import read_file
    from kg.nlp import Extractor

    rng = random.Random(args.seed)
    seeds = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    extractor = Extractor()
    signal.signal(signal.SIGALRM, _alarm)
    stats: Counter = Counter()
    reasons: Counter = Counter()
    failures: list[tuple[int, str]] = []
    slowest = (0.0, 0, "")
    batch: list = []
    batch_inputs: list[tuple[int, str, bytes]] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        n = 0
        while time.perf_counter() - t0 < args.seconds:
            path = make_input(rng, seeds, n, folder)
            started = time.perf_counter()
            signal.alarm(args.timeout)
            try:
                for o in read_file(path):
                    assert (o.article is None) != (o.reason is None), "outcome is neither article nor reason"
                    if o.article is None:
                        stats["skipped"] += 1
                        reasons[o.reason.split(" (")[0].split(":")[0]] += 1
                        continue
                    stats["read"] += 1
                    r = extractor.extract(o.article)
                    stats["offsets checked"] += check(r)
                    stats["quotes"] += len(r.quotes)
                    batch.append(r)
                if len(batch) >= 25:
                    check_graph(batch)
                    stats["graphs validated"] += 1
                    batch, batch_inputs = [], []
                else:
                    batch_inputs.append((n, "".join(path.suffixes), path.read_bytes()))
            except Exception as e:  # noqa: BLE001 - every failure is reported
                kind = "timeout" if isinstance(e, Timeout) else _brief(e)
                failures.append((n, kind))
                if args.failures:  # the input, and for a graph check every input of the batch
                    args.failures.mkdir(parents=True, exist_ok=True)
                    for i, suffix, data in batch_inputs + [(n, "".join(path.suffixes), path.read_bytes())]:
                        (args.failures / f"fail{n}-in{i}{suffix}").write_bytes(data)
                    (args.failures / f"fail{n}.traceback.txt").write_text(traceback.format_exc())
                batch, batch_inputs = [], []
            finally:
                signal.alarm(0)
            took = time.perf_counter() - started
            if took > slowest[0]:
                slowest = (took, path.stat().st_size, "".join(path.suffixes))
            path.unlink()
            n += 1
        if batch:
            try:
                check_graph(batch)
                stats["graphs validated"] += 1
            except Exception as e:  # noqa: BLE001
                failures.append((n, _brief(e)))
    wall = time.perf_counter() - t0
    print(f"fuzz: seed {args.seed}, {wall:.0f} s, {n:,} inputs ({n / wall:.1f}/s)")
    print(f"documents read: {stats['read']:,}, skipped: {stats['skipped']:,}")
    for why, k in reasons.most_common():
        print(f"  skipped {k:,}: {why}")
    print(f"quotes: {stats['quotes']:,}; offsets checked: {stats['offsets checked']:,}; "
          f"graphs serialised, parsed back and SHACL-validated: {stats['graphs validated']:,}")
    print(f"slowest input: {slowest[0]:.2f} s ({slowest[1]:,} bytes, {slowest[2]})")
    print(f"failures: {len(failures)}")
    for i, kind in failures[:50]:
        print(f"  input {i}: {kind}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
