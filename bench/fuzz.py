"""Time-bounded fuzz run of reading, extraction, the graph stage and the build.

    .venv/bin/python bench/fuzz.py                     # 300 seconds, seed 1
    .venv/bin/python bench/fuzz.py --seconds 1800 --seed 7 --failures /tmp/fuzz-failures

Inputs are made with a seeded generator, so a run can be repeated: random Unicode
documents built from article fragments (names invented), quotation marks of every
kind, line endings, control characters and hostile payloads; byte-level mutations
of the seed articles (flipped, inserted and deleted bytes, NULs, CR/LF swaps,
truncated UTF-8, other encodings); runs of punctuation (20 to 100,000 in a row, of
one quotation mark or dash, two alternating, or a mix); Unicode forms (NFD, NFKD,
zero-width characters, soft hyphens, bidirectional marks, stacked combining marks,
full-width letters); HTML pages (scripts, styles, comments, entities, broken and
deeply nested tags); each written as .txt, .md, .html, .jsonl or a .warc.gz archive (an HTML
response, an image, a 404, or cut short) under a plain or an
odd file name (bytes that are not UTF-8, spaces, bidirectional marks, very long),
and now and then a long line without punctuation. Every input goes through
``kg.ingest.read_file`` → ``Extractor.extract`` → ``kg.graph.build_graph``, and is
checked: no exception; every outcome is an Article or a reason; every name is UTF-8
text; no CR or NUL in a text read; every quote, mention and role offset inside the
text and slicing back to its recorded text. Every 25 inputs the graph of the batch is
serialised to Turtle and N-Triples and parsed back (isomorphic) and validated against
the SHACL shapes; every 100 inputs, the files of the last batch are built with
``kg.build.run.build`` and then updated (``--update``), and the graph must parse. A
document whose extraction takes over ``--budget`` seconds (the build's default
``--doc-timeout``) counts as a failure, as does an input whose reading takes over
``--timeout`` (a hang). Inputs depend only on the seed and their number, so any one
can be made again.

Prints the number of inputs by generator, documents read and skipped (by reason),
quotes and mentions checked, graphs validated, builds made, the slowest input and
the slowest document extraction, and every failure (its input, and for a failed
graph check every input of the batch, is saved under ``--failures``). Exit status 1
when anything failed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import unicodedata
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


DASHES = ["-", "‐", "‑", "‒", "–", "—", "―", "⸺", "−", "_", "~", "="]
RUN_CHARS = QUOTES + DASHES + list(".,:;!?…*#/\\|()[]{}<>•·") + ["\U0001F600", "\u0301", "\u200b", "\u3000"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u061c"]


def _text_of(rng: random.Random, seeds: list[bytes]) -> str:
    """A base text: a seed article or a grammar document."""
    return rng.choice(seeds).decode("utf-8") if rng.random() < 0.5 else grammar_doc(rng)


def punct_run_doc(rng: random.Random, seeds: list[bytes]) -> str:
    """A text with one run of punctuation, 20 to 100,000 characters long, at a random place."""
    from kg.ingest import MAX_CHARS

    base = _text_of(rng, seeds)
    n = rng.choice([20, 21, 33, 100, 1000, 8000, 30000, 60000, 99000, 100000])
    r = rng.random()
    if r < 0.5:
        run = rng.choice(RUN_CHARS) * n                                   # one character
    elif r < 0.75:
        a, b = rng.sample(RUN_CHARS, 2)
        run = ((a + b) * (n // 2 + 1))[:n]                                # two alternating
    else:
        run = "".join(rng.choice(RUN_CHARS) for _ in range(n))            # any mix
    if rng.random() < 0.9:   # mostly read (a longer document is refused, which is checked too)
        run = run[:max(20, MAX_CHARS - len(base) - 1)]
    i = rng.randrange(len(base) + 1)
    return base[:i] + run + base[i:]


def unicode_doc(rng: random.Random, seeds: list[bytes]) -> str:
    """A text in another Unicode form, or with invisible, bidirectional or combining characters in words."""
    text = _text_of(rng, seeds)
    op = rng.randrange(6)
    if op == 0:
        return unicodedata.normalize(rng.choice(["NFD", "NFKD", "NFKC"]), text)
    chars = list(text)
    for _ in range(rng.randrange(1, 60)):
        i = rng.randrange(len(chars) + 1)
        if op == 1:
            chars[i:i] = [rng.choice(INVISIBLE)]
        elif op == 2:
            chars[i:i] = [rng.choice(BIDI)]
        elif op == 3:
            chars[i:i] = [chr(rng.randrange(0x300, 0x370)) for _ in range(rng.randrange(1, 40))]
        elif op == 4 and i < len(chars) and "!" <= chars[i] <= "~":
            chars[i] = chr(ord(chars[i]) + 0xFEE0)  # full-width form
        else:
            chars[i:i] = [rng.choice(INVISIBLE + BIDI)] * rng.randrange(1, 200)
    out = "".join(chars)
    return unicodedata.normalize("NFD", out) if rng.random() < 0.3 else out


def html_doc(rng: random.Random, seeds: list[bytes]) -> bytes:
    """An HTML page around a text: head, navigation, scripts, styles, comments, entities,
    broken or deeply nested tags."""
    import html

    text = _text_of(rng, seeds)
    paras = [html.escape(p) if rng.random() < 0.8 else p for p in text.split("\n") if p.strip()]
    parts = []
    for para in paras:
        r = rng.random()
        if r < 0.1:
            parts.append(f"<h{rng.randrange(1, 4)}>{para}</h1>")      # closed by the wrong tag
        elif r < 0.2:
            parts.append(f"<div><p>{para}<br>")                        # never closed
        elif r < 0.3:
            parts.append(f"<table><tr><td>{para}</td></tr></table>")
        elif r < 0.35:
            parts.append(f"<script>var s = '{para}</p>';</script><p>{para}</p>")
        elif r < 0.4:
            parts.append(f"<!-- {para} --><p>&ldquo;{para}&rdquo; &amp; &#8220;&#x201D; &nbsp;&bogus;</p>")
        else:
            parts.append(f"<p class=\"x\" data-q='\"'>{para}</p>")
    body = "\n".join(parts)
    if rng.random() < 0.1:
        depth = rng.choice([100, 1000, 5000])
        body = "<div>" * depth + body + "</div>" * rng.randrange(depth + 1)
    head = f"<meta charset=\"{rng.choice(['utf-8', 'UTF-8', 'windows-1252', 'latin-1', 'bogus'])}\">"
    page = (f"<!DOCTYPE html><html><head>{head}<title>{html.escape(text[:60])}</title>"
            f"<style>p {{ color: red }}</style></head><body><nav><a href=\"/\">Beranda</a></nav>"
            f"<article>{body}</article><footer>Hak cipta</footer></body></html>")
    return page.encode("utf-8", "surrogatepass")


def odd_name(rng: random.Random, n: int, fmt: str) -> bytes:
    """A file name for input ``n``: plain, or with bytes that are not UTF-8, spaces,
    bidirectional marks, decomposed letters, or very long (still unique to the input)."""
    r = rng.random()
    if r < 0.6:
        return f"in{n}{fmt}".encode()
    stem = f"in{n}".encode()
    kind = rng.randrange(5)
    if kind == 0:
        odd = bytes(rng.randrange(0x80, 0x100) for _ in range(rng.randrange(1, 6)))
    elif kind == 1:
        odd = " berita  hari ini ".encode()
    elif kind == 2:
        odd = rng.choice(BIDI).encode() + "txt.exe".encode()
    elif kind == 3:
        odd = unicodedata.normalize("NFD", "-Pemkot Malang é ü").encode()
    else:
        odd = b"x" * (250 - len(stem) - len(fmt))
    return stem + b"-" + odd[:250 - len(stem) - len(fmt)] + fmt.encode()


def make_input(rng: random.Random, seeds: list[bytes], n: int, folder: Path) -> tuple[Path, str]:
    """Write input ``n`` under ``folder``: (its path, the generator that made it)."""
    kind = rng.random()
    fmt = rng.choice(FORMATS)
    if kind < 0.005:  # a long line without punctuation, up to the length limit
        from kg.ingest import MAX_CHARS

        words = ["kata", "birokrasi", "Budi", "mengatakan", "pemerintah", "Kota", "Malang", "“"]
        doc = " ".join(rng.choice(words) for _ in range(rng.randrange(1000, MAX_CHARS // 6)))
        data, fmt, gen = doc.encode("utf-8"), ".txt", "long line"
    elif kind < 0.3:
        data, gen = grammar_doc(rng).encode("utf-8"), "grammar"
    elif kind < 0.55:
        data, gen = mutate(rng, rng.choice(seeds)), "mutation"
    elif kind < 0.7:
        data, gen = punct_run_doc(rng, seeds).encode("utf-8"), "punctuation run"
    elif kind < 0.85:
        data, gen = unicode_doc(rng, seeds).encode("utf-8", "surrogatepass"), "unicode form"
    else:
        data, fmt, gen = html_doc(rng, seeds), ".html", "html page"
    if fmt == ".jsonl":
        text = data.decode("utf-8", "replace")
        lines = [json.dumps({"text": text, "title": text[:40]})]
        if rng.random() < 0.3:
            lines.append(text[:50])  # a broken line
        if rng.random() < 0.3:
            lines.append(json.dumps({"text": text[::-1], "date": "Senin, 12 Februari 2024"}))
        data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    elif fmt == ".html" and gen != "html page" and rng.random() < 0.7:
        data = b"<html><head><title>T</title></head><body><nav>Menu</nav><article><p>" + data + \
               b"</p></article><footer>c</footer></body></html>"
    elif fmt == ".warc.gz":
        data = warc(rng, data)
    p = Path(os.fsdecode(os.path.join(os.fsencode(folder), odd_name(rng, n, fmt))))  # one name per input
    p.write_bytes(data)
    return p, gen


def check_names(o) -> None:
    """Every name an outcome gives is text any encoder takes."""
    o.source.encode("utf-8")
    if o.article is not None:
        o.article.source.encode("utf-8")
        (o.article.path or "").encode("utf-8")


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


def check_build(folder: Path, files: list[Path]) -> bool:
    """Build ``files`` with kg.build.run.build, then update the build: the graph must parse
    (False: no usable document, nothing to check)."""
    import shutil

    import pyoxigraph

    from kg.build.run import build
    from kg.errors import InputError

    src, out = folder / "build-src", folder / "build-out"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    src.mkdir()
    for f in files:
        shutil.copyfile(f, os.path.join(os.fsencode(src), os.fsencode(f.name)))
    try:
        build([src], out, page=False)
    except InputError as e:
        assert str(e).startswith("no usable document"), str(e)
        return False
    build([src], out, page=False, update=True)
    pyoxigraph.Store().load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return True


def _brief(e: BaseException) -> str:
    """One line: the exception, or for a SHACL report its messages."""
    text = str(e)
    messages = [line.split("Message:", 1)[1].strip() for line in text.splitlines() if "Message:" in line]
    return f"{type(e).__name__}: " + ("SHACL: " + "; ".join(messages) if messages else " ".join(text.split()))[:300]


class Run:
    """What a fuzz run counted and found."""

    def __init__(self, args) -> None:
        self.args = args
        self.stats: Counter = Counter()
        self.gens: Counter = Counter()
        self.reasons: Counter = Counter()
        self.failures: list[tuple[int, str, str]] = []
        self.slowest = (0.0, 0, "", "")       # seconds, bytes, suffix, generator: reading and extracting one input
        self.slowest_doc = (0.0, 0, "")       # seconds, characters, generator: one document's extraction

    def fail(self, n: int, gen: str, kind: str, inputs: list[tuple[int, str, bytes]]) -> None:
        self.failures.append((n, gen, kind))
        if self.args.failures:  # the input, and for a graph check every input of the batch
            self.args.failures.mkdir(parents=True, exist_ok=True)
            for i, suffix, data in inputs:
                (self.args.failures / f"fail{n}-in{i}{suffix}").write_bytes(data)
            (self.args.failures / f"fail{n}.traceback.txt").write_text(traceback.format_exc())

    def report(self, n: int, wall: float) -> None:
        s = self.stats
        print(f"fuzz: seed {self.args.seed}, {wall:.0f} s, {n:,} inputs ({n / wall:.1f}/s)")
        print("inputs by generator: " + ", ".join(f"{g} {k:,}" for g, k in self.gens.most_common()))
        print(f"documents read: {s['read']:,}, skipped: {s['skipped']:,}")
        for why, k in self.reasons.most_common():
            print(f"  skipped {k:,}: {why}")
        print(f"quotes: {s['quotes']:,}; offsets checked: {s['offsets checked']:,}; "
              f"graphs serialised, parsed back and SHACL-validated: {s['graphs validated']:,}; "
              f"builds and updates checked: {s['builds']:,}")
        print(f"slowest input: {self.slowest[0]:.2f} s ({self.slowest[1]:,} bytes, {self.slowest[2]}, "
              f"{self.slowest[3]})")
        print(f"slowest document extraction: {self.slowest_doc[0]:.2f} s ({self.slowest_doc[1]:,} characters, "
              f"{self.slowest_doc[2]}); budget {self.args.budget:g} s")
        print(f"failures: {len(self.failures)}")
        for i, gen, kind in self.failures[:50]:
            print(f"  input {i} ({gen}): {kind}")


def one_input(run: Run, extractor, path: Path, gen: str) -> list:
    """Read and extract one input, checking each document; its results."""
    from kg.ingest import read_file
    from kg.build.extract import DocTimeout, time_limit

    args, stats = run.args, run.stats
    try:
        with time_limit(args.timeout):
            outcomes = list(read_file(path))
    except DocTimeout:
        raise AssertionError(f"reading took over {args.timeout} s") from None
    results = []
    for o in outcomes:
        assert (o.article is None) != (o.reason is None), "outcome is neither article nor reason"
        check_names(o)
        if o.article is None:
            stats["skipped"] += 1
            run.reasons[o.reason.split(" (")[0].split(":")[0]] += 1
            continue
        stats["read"] += 1
        t = time.perf_counter()
        try:
            with time_limit(args.budget):
                r = extractor.extract(o.article)
        except DocTimeout:
            raise AssertionError(f"a document of {len(o.article.text):,} characters took over its budget "
                                 f"({args.budget:g} s)") from None
        took = time.perf_counter() - t
        if took > run.slowest_doc[0]:
            run.slowest_doc = (took, len(o.article.text), gen)
        stats["offsets checked"] += check(r)
        stats["quotes"] += len(r.quotes)
        results.append(r)
    return results


def main() -> int:
    from kg.build.extract import DOC_TIMEOUT

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=120, help="seconds reading one input may take")
    ap.add_argument("--budget", type=float, default=DOC_TIMEOUT,
                    help=f"seconds extracting one document may take (default {DOC_TIMEOUT:g}, the build's)")
    ap.add_argument("--failures", type=Path, default=None, help="folder for failing inputs")
    args = ap.parse_args()

    import logging

    from kg.build.extract import worker_extractor

    logging.getLogger("kg").setLevel(logging.ERROR)  # the builds' warnings name skipped inputs: counted, not shown
    rng = random.Random(args.seed)
    seeds = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    extractor = worker_extractor()  # the one kg.build's in-process builds use too
    run = Run(args)
    batch: list = []
    batch_inputs: list[tuple[int, str, bytes]] = []
    batch_paths: list[Path] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        (folder / "in").mkdir()
        n = 0
        while time.perf_counter() - t0 < args.seconds:
            path, gen = make_input(rng, seeds, n, folder / "in")
            run.gens[gen] += 1
            batch_inputs.append((n, path.suffix, path.read_bytes()))
            batch_paths.append(path)
            started = time.perf_counter()
            try:
                batch.extend(one_input(run, extractor, path, gen))
                took = time.perf_counter() - started
                if took > run.slowest[0]:
                    run.slowest = (took, path.stat().st_size, path.suffix, gen)
                if len(batch_inputs) >= 25:
                    check_graph(batch)
                    run.stats["graphs validated"] += 1
                    if (n + 1) % 100 < 25:
                        run.stats["builds"] += check_build(folder, batch_paths)
            except Exception as e:  # noqa: BLE001 - every failure is reported
                whole = len(batch_inputs) >= 25  # a check of the batch failed: the batch goes
                run.fail(n, gen, _brief(e), batch_inputs if whole else batch_inputs[-1:])
                if not whole:  # this input failed: it leaves the batch
                    batch_inputs.pop()
                    batch_paths.pop().unlink()
            if len(batch_inputs) >= 25 or not batch_inputs:
                for p in batch_paths:
                    p.unlink()
                batch, batch_inputs, batch_paths = [], [], []
            n += 1
        if batch:
            try:
                check_graph(batch)
                run.stats["graphs validated"] += 1
            except Exception as e:  # noqa: BLE001
                run.fail(n, "batch", _brief(e), batch_inputs)
    run.report(n, time.perf_counter() - t0)
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
