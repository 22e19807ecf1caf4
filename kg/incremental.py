"""Streamed and incremental builds of ``graph.ttl``, with a per-file cache.

A build walks the files in the order they were found, reads each in this process
(reading is cheap, and stateful: a text already read elsewhere is not extracted
again but kept as a copy of the first, :class:`kg.records.Copy`), hands the Articles
in small chunks to the extraction workers (:mod:`kg.parallel`, or Dask with
:mod:`kg.distributed`) and writes each document's block as soon as its chunk comes
back, each copy's block after its file's documents; the entity section (labels,
aliases, flags merged over all documents) is written last. Memory holds the entity
index and a few chunks in flight, not the text read.

Every build also keeps, in ``OUT/.kg-cache/docs.sqlite``, one row per file: its size
and a hash of its bytes, what the reader recorded for it, the content keys it
claimed, and its records (document blocks and entity summaries). ``--update``:

* re-reads only files that are new or whose bytes changed (hashed: an edit that keeps
  the size and puts the modification time back is seen too),
  plus the rare unchanged file whose copy status changed (its text is now
  read first elsewhere, or the text it copied is gone);
* drops the rows of files that are gone, so their facts (quotes included) leave
  the graph;
* writes the graph again from the rows, in the same order and with the same entity
  merge as a full build, so the result is byte for byte what a full build of the
  same files gives, and entities keep their IRIs (IRIs come from keys). Each row
  also records where its blocks lie in the graph it last wrote; when that graph is
  still the one on disk (same size and modification time), an unchanged file's
  blocks are copied from it as bytes instead of being rendered again. The merged
  entity index is kept too (``entities.pickle``); when the only files read are new,
  it is extended with theirs and only the entities they touch are rendered again,
  the rest of the entity section being copied (see :class:`_Assembler`);
* writes nothing at all when no file changed.

Rows are only trusted when the code that wrote them is the code running: a
fingerprint of the code and rule files is stored, and a different one empties the
cache.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sqlite3
import time
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path
from stat import S_ISREG
from typing import Callable, Iterable, Iterator

from .entity_state import StateWriter, load_state
from .errors import InputError
from .fastgraph import EntityIndex, TurtleWriter, render_copy
from .files import discover, unique_source
from .ingest import MAX_BYTES, content_key
from .log import show
from .parallel import CHUNK, DOC_TIMEOUT, Clock, DocRecord, StageTimes, executor, ordered
from .pipecache import fingerprint

__all__ = ["Cache", "write_build", "CACHE_DIR", "GRAPH_FILE"]

CACHE_DIR = ".kg-cache"
GRAPH_FILE = "graph.ttl"
#: Files per unit of work at most (units also close after :data:`kg.parallel.CHUNK` articles).
_UNIT_FILES = 256
log = logging.getLogger(__name__)


def _extractors(jobs: int, dask, update: bool, budget: float | None):
    """Where chunks are extracted: on the Dask cluster at ``dask`` (:mod:`kg.distributed`, imported
    only then), else by :func:`kg.parallel.executor`."""
    if dask is not None:
        from .distributed import dask_executor

        return dask_executor(dask)
    return executor(jobs, early=update, budget=budget)


class Cache:
    """Per-file rows of the last build (SQLite, next to the graph)."""

    def __init__(self, out: str | os.PathLike, code: str, fresh: bool = False) -> None:
        folder = Path(out) / CACHE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "docs.sqlite"
        if fresh:
            self._drop()
        try:
            self._open(code)
        except sqlite3.DatabaseError:  # a damaged cache is rebuilt, never trusted
            self._drop()
            self._open(code)
        self._pending = 0

    def _drop(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                p.unlink()

    def _open(self, code: str) -> None:
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.code_matched = self.meta("code") == code
        if not self.code_matched:
            self.db.execute("DROP TABLE IF EXISTS docs")
            self.db.execute("DELETE FROM meta")
            self.set_meta("code", code)
        self.db.execute("CREATE TABLE IF NOT EXISTS docs (path TEXT PRIMARY KEY, size INTEGER, hash TEXT, "
                        "reads BLOB, records BLOB, claims TEXT, volatile INTEGER, span TEXT, brief BLOB)")
        self.db.commit()

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def index(self) -> dict[str, tuple]:
        """``{path: ((size, hash), claims, volatile, had skips)}`` of every row."""
        return {p: ((s, h), json.loads(c), bool(v & 1), bool(v & 2))
                for p, s, h, c, v in self.db.execute("SELECT path, size, hash, claims, volatile FROM docs")}

    def put(self, path: str, stat: tuple[int, str], reads: tuple, records: list[DocRecord], claims: list,
            volatile: bool) -> None:
        """Keep a file's row; ``volatile``: it held a copy of a text read first elsewhere, so it
        is read again by every update."""
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                        (path, stat[0], stat[1], pickle.dumps(reads, protocol=4), pickle.dumps(records, protocol=4),
                         json.dumps(claims), int(volatile) | (2 if reads[1] else 0),
                         pickle.dumps(_brief(records), protocol=4)))
        self._pending += 1
        if self._pending >= 500:
            self.db.commit()
            self._pending = 0

    def get(self, path: str) -> tuple[tuple, list[DocRecord], list | None]:
        """``(reads, records, span)`` of ``path``; ``span`` is ``[offset, length, sources]`` of its
        blocks in the graph last written, or None."""
        reads, records, span = self.db.execute("SELECT reads, records, span FROM docs WHERE path = ?",
                                               (path,)).fetchone()
        return pickle.loads(reads), pickle.loads(records), json.loads(span) if span else None

    def get_brief(self, path: str) -> tuple[tuple, tuple, list | None]:
        """``(reads, brief, span)`` of ``path``: :meth:`get` without the records (see :func:`_brief`)."""
        reads, brief, span = self.db.execute("SELECT reads, brief, span FROM docs WHERE path = ?",
                                             (path,)).fetchone()
        return pickle.loads(reads), pickle.loads(brief), json.loads(span) if span else None

    def summaries(self, path: str) -> list[tuple]:
        """The entity summary of each of ``path``'s records."""
        return [rec.summary for rec in pickle.loads(
            self.db.execute("SELECT records FROM docs WHERE path = ?", (path,)).fetchone()[0])]

    def set_spans(self, rows: list[tuple[str, str]]) -> None:
        """Record ``(span JSON, path)`` for the graph just written."""
        self.db.executemany("UPDATE docs SET span = ? WHERE path = ?", rows)

    def delete(self, paths: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM docs WHERE path = ?", ((p,) for p in paths))

    def close(self) -> None:
        self.db.commit()
        self.db.close()


def _brief(records: list[DocRecord]) -> tuple:
    """What the report and the writer need of a file's records when their blocks are copied:
    ``(sources as extracted, triples, (direct, reported, roles), {entity type: mentions})``."""
    types = Counter(e[1] for rec in records for e in rec.summary)
    counts = tuple(sum(rec.counts[i] for rec in records) for i in range(3))
    return [rec.source for rec in records], sum(rec.triples for rec in records), counts, dict(types)


class _Assembler:
    """Writes files' blocks in order and merges their entity summaries; fills the report.

    ``old`` is the graph the rows' spans point into (open for reading) or None;
    ``entities`` is what :func:`kg.entity_state.load_state` kept of that graph, or None. With
    both, an unchanged file's blocks are copied without loading its records, and when
    every file read is new, the old entity index plus the new files' summaries is the
    merge of all (merging does not depend on order), so only the entities the new
    files touch are rendered again; the rest of the entity section is copied.
    """

    def __init__(self, out: Path, report, clock: Clock, cache: Cache, old=None, entities: tuple | None = None,
                 plan=None) -> None:
        self.writer = TurtleWriter(out / GRAPH_FILE)
        self.index = EntityIndex()
        self.report = report
        self.clock = clock
        self.cache = cache
        self.names: set[str] = set()
        self.final: dict[str, str] = {}   # a document's label as read (kg.build.BuildReport.read) -> source name
        self.docs = 0
        self.old = old
        self.entities = entities if old is not None else None
        self.deferred: list[tuple[str, list[str]]] = []   # (key, sources) of files copied, summaries not merged
        self.only_new = True                              # no file's old facts were read again
        self.spans: list[tuple[str, str]] = []
        self.folder = out / CACHE_DIR
        self.state: StateWriter | None = None   # the entity state, written with the entity section
        self.plan = plan or None                # the corrections (kg.corrections.Plan), if any
        if self.plan:
            self.plan.reset()

    def reuse(self, key: str, path: Path) -> None:
        """Add an unchanged file from its row."""
        if self.entities is not None:
            reads, brief, span = self.cache.get_brief(key)
            self.add(key, path, reads, None, span, brief)
        else:
            self.add(key, path, *self.cache.get(key))

    def add(self, key: str, path: Path, reads: tuple, records: list[DocRecord] | None, span: list | None = None,
            brief: tuple | None = None, new: bool = False) -> None:
        """Write the blocks of the file at ``path`` (as found) and replay what its reader recorded.

        Where ``span`` locates the same blocks, under the same names, in the old graph, they
        are copied from it as bytes; then ``brief`` (:func:`_brief`) may stand for the
        records, which are only loaded if they must be rendered. ``new``: the file was
        not in the last build."""
        with self.clock("serialize"):
            read, skipped, copies = reads
            self.report.read.extend(read)
            self.report.skipped.extend(skipped)
            self.report.copies.extend(copies)
            raw = [rec.source for rec in records] if records is not None else brief[0]
            sources = [unique_source(src, path, self.names) for src in raw]  # as read_all names them
            sig = ""
            if self.plan and records is not None:   # corrections: applied here, on every path
                records, sigs = zip(*(self.plan.apply(rec, src) for rec, src in zip(records, sources)))
                sig = "|".join(sigs) if any(sigs) else ""
            self.final.update(zip(read, sources))
            copies = [replace(c, source=unique_source(c.source, path, self.names), of=self.final[c.of])
                      for c in copies if c.of in self.final]
            ident = sources + [f"{c.source}\x00{c.of}" for c in copies]   # what the file's bytes depend on
            start = self.writer.tell()
            if span is not None and self.old is not None and span[2] == ident and (span[3:] or [""])[0] == sig:
                brief = brief or _brief(records)
                self.writer.copy_range(self.old, span[0], span[1], brief[1] + sum(render_copy(c)[1] for c in copies))
            else:
                if records is None:
                    records = self.cache.get(key)[1]
                for rec, source in zip(records, sources):
                    self.writer.write_block(zlib.decompress(rec.data), source, rec.triples)
                for c in copies:
                    text, n = render_copy(c)
                    self.writer.write_block(text.encode("utf-8"), c.source, n)
            self.spans.append((json.dumps([start, self.writer.tell() - start, ident] + ([sig] if sig else [])), key))
            if records is None:
                self.deferred.append((key, sources))
            else:
                self.only_new = self.only_new and new
                brief = brief or _brief(records)
                for rec, source in zip(records, sources):
                    self.index.add(source, rec.summary)
            _, _, (direct, reported, roles), types = brief
            self.report.entities.update(types)
            self.report.quotes += direct
            self.report.statements += reported
            self.report.roles += roles
            self.docs += len(sources)

    def finish(self, removed: bool) -> Path | None:
        """Write the entity section and put the graph in place (None: no document, nothing
        written). ``removed``: files of the last build are gone."""
        with self.clock("serialize"):
            if not self.docs:
                self.writer.abort()
                return None
            if self.entities is not None and self.only_new and not removed:
                index, where = self.entities
                touched = index.merge(self.index)
                keep = {k: v for k, v in where.items() if k not in touched}
                self.state = StateWriter(self.folder, index)
                self.writer.write_entities(index, (self.old, keep), sink=self.state)
            else:
                index = self.index
                for key, sources in self.deferred:
                    for source, summary in zip(sources, self.cache.summaries(key)):
                        index.add(source, summary)
                if self.plan:
                    self.plan.finish(index)
                self.state = StateWriter(self.folder, index)
                self.writer.write_entities(index, sink=self.state)
            if self.plan:
                self.writer.write_text(*self.plan.section())
                self.report.stale = self.plan.stale(index)
            # distinct entities in the graph, by type (not the sum over documents)
            self.report.entities = Counter(t for types in index.types.values() for t in types)
            self.report.triples = self.writer.triples
            return self.writer.commit()


def _stat(path: Path) -> tuple[int, str]:
    """``(size, hash of the bytes)`` of the file at ``path``; ``(-1, "")`` when it is not a
    regular file or cannot be read, and no hash for a file the reader refuses for its size."""
    h = hashlib.blake2b(digest_size=16)
    size = 0
    try:
        st = os.stat(path)
        if not S_ISREG(st.st_mode):
            return (-1, "")  # a pipe would block: the reader says why
        if st.st_size > MAX_BYTES and Path(path).suffix.lower() != ".jsonl":
            return (st.st_size, "")
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
                size += len(chunk)
    except OSError:
        return (-1, "")  # the reader will say why
    return (size, h.hexdigest())


def _key(path: Path) -> str:
    """A file's row key: its absolute path, or for a path that is not UTF-8 its bytes in
    hex (``bytes:2f746d70...``, which no absolute path equals)."""
    key = os.path.abspath(path)
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return "bytes:" + os.fsencode(key).hex()
    return key


def _listing(found: list[tuple], code: str) -> str:
    h = hashlib.sha1(code.encode())
    for key, _, (size, digest) in found:
        h.update(f"{key}\0{size}\0{digest}\n".encode())
    return h.hexdigest()


class _Walk:
    """Goes through the files in order, deciding for each: reuse its row, or read it now."""

    def __init__(self, found: list[tuple], known: dict, reader: Callable, report_type: type, clock: Clock,
                 chunk: int, defer: bool = False) -> None:
        self.found, self.known, self.reader, self.report_type = found, known, reader, report_type
        self.clock, self.chunk = clock, chunk
        #: files to read are left to the workers (:data:`READ`), then taken in order (:meth:`take`);
        #: only when no row is reused, since reuse depends on what was read before
        self.defer = defer and not known
        # content key -> first source: the reader's own check for copies (kg.build.Reader)
        self.seen: dict | None = getattr(reader, "seen", None)
        self.strict = getattr(reader, "strict", False)  # a skip must stop the build: re-read files that had one
        self.counts = Counter()

    def _reusable(self, key: str, stat: tuple) -> list | None:
        row = self.known.get(key)
        if row is None or row[0] != stat or row[2] or (self.strict and row[3]):
            return None
        claims = row[1]
        if self.seen is not None and any(self.seen.get(k, s) != s for k, s in claims):
            return None  # its text is now read first from another file: read it again
        return claims

    def _read(self, path: Path, outcomes: list | None = None) -> tuple:
        with self.clock("ingest"):
            rep = self.report_type()
            arts = self.reader([path], rep) if outcomes is None else self.reader([path], rep, read=lambda _: outcomes)
            claims = [] if self.seen is None else [(k, self.seen.get(k, "")) for k in (content_key(a.text) for a in arts)]
            volatile = bool(rep.copies)  # its words were read first elsewhere: that may change
        return (list(rep.read), list(rep.skipped), list(rep.copies)), arts, claims, volatile

    def units(self) -> Iterator[list[tuple]]:
        """Lists of ``(key, path, stat, None)`` (reuse the row) or
        ``(key, path, stat, (reads, articles, claims, volatile))``."""
        unit: list = []
        arts = 0
        for key, path, stat in self.found:
            claims = self._reusable(key, stat)
            if claims is not None:
                if self.seen is not None:
                    for k, s in claims:
                        self.seen.setdefault(k, s)
                unit.append((key, path, stat, None))
                self.counts["unchanged"] += 1
            else:
                row = self.known.get(key)
                self.counts["new" if row is None else "changed" if row[0] != stat else "rechecked"] += 1
                if self.defer:
                    unit.append((key, path, stat, READ))
                    arts += 1
                    if arts >= self.chunk or len(unit) >= _UNIT_FILES:
                        yield unit
                        unit, arts = [], 0
                    continue
                fresh = self._read(path)
                unit.append((key, path, stat, fresh))
                arts += len(fresh[1])
            if arts >= self.chunk or len(unit) >= _UNIT_FILES:
                yield unit
                unit, arts = [], 0
        if unit:
            yield unit

    def take(self, unit: list[tuple], result: tuple) -> tuple[list[tuple], list[DocRecord]]:
        """A unit whose files the workers read (:func:`kg.parallel.read_extract`): each file's
        outcomes go through the reader here, in order, so duplicates, skips and names are
        decided as if read here; returns the unit filled in and the kept articles' records."""
        reads, keyed = result
        outcomes = dict(reads)
        filled, records = [], []
        for key, path, stat, fresh in unit:
            if fresh is READ:
                fresh = self._read(path, outcomes[str(path)])
                records.extend(keyed[content_key(a.text)] for a in fresh[1])
            filled.append((key, path, stat, fresh))
        return filled, records


#: marks a file the workers read (see :meth:`_Walk.take`)
READ = "read"


def write_build(paths: Iterable[str | os.PathLike], out: str | os.PathLike, report, reader: Callable, *,
                jobs: int = 1, update: bool = False, dask=None, stats: dict | None = None,
                chunk: int = CHUNK, corrections=None, budget: float | None = DOC_TIMEOUT) -> Path | None:
    """Write ``out/graph.ttl`` from the files under ``paths``; fill ``report``.

    ``reader(paths, report)`` reads files into Articles, recording what it read and
    skipped in ``report`` (:class:`kg.build.Reader`); it is called once per file,
    in order. With ``jobs > 1`` and no earlier rows, the workers read the files and
    the reader is given their outcomes as ``read=`` (its check for copies and its
    report still run here). Returns the graph's path, or ``None`` when no file gave a document
    (then no graph is written). ``corrections`` (a :class:`kg.corrections.Plan`) are
    applied as the graph is written. ``stats``, when given, receives stage times and, for
    ``update``, how many files were new, changed, rechecked, removed and unchanged.
    ``budget``: seconds one document may take to extract; one that takes more is skipped
    with that reason (and with ``reader.strict``, stops the build).
    """
    t0 = time.perf_counter()
    out = Path(out)
    times = StageTimes()
    clock = Clock(times)
    found = [(_key(p), p, _stat(p)) for p in discover(paths)]
    code = fingerprint()
    listing = _listing(found, code + (corrections.fingerprint if corrections else ""))
    out.mkdir(parents=True, exist_ok=True)
    cache = Cache(out, code, fresh=not update)
    info: dict = {"mode": "dask" if dask is not None else f"jobs={jobs}", "files": len(found)}
    try:
        known = cache.index() if update else {}
        gone = sorted(set(known) - {k for k, _, _ in found})
        graph = out / GRAPH_FILE
        strict_skips = getattr(reader, "strict", False) and any(row[3] for row in known.values())
        if (update and not gone and cache.meta("listing") == listing and graph.is_file() and not strict_skips
                and all(k in known and known[k][0] == s for k, _, s in found)):
            info.update(new=0, changed=0, rechecked=0, removed=0, unchanged=len(found), written=False)
            _replay(cache, found, report)
            result = graph
        else:
            walk = _Walk(found, known, reader, type(report), clock, chunk, defer=jobs > 1 and dask is None)
            result = _run(walk, cache, out, report, clock, jobs=jobs, dask=dask, gone=gone, listing=listing,
                          update=update, plan=corrections, budget=budget)
            info.update(new=walk.counts["new"], changed=walk.counts["changed"],
                        rechecked=walk.counts["rechecked"], removed=len(gone), unchanged=walk.counts["unchanged"],
                        written=result is not None)
        info["cache_valid"] = cache.code_matched
    finally:
        cache.close()
    if stats is not None:
        stats.update(info)
        stats["stages"] = times.as_dict()
        stats["wall_s"] = round(time.perf_counter() - t0, 4)
    return result


def _skip_failed(reads: tuple, records: list[DocRecord], strict: bool) -> tuple[tuple, list[DocRecord]]:
    """Move the documents whose extraction failed (a record with a ``reason``) from read to
    skipped: ``(reads, records kept)``. Under ``strict`` the first one raises InputError."""
    if all(rec.reason is None for rec in records):
        return reads, records
    read, skipped, copies = reads[0], list(reads[1]), reads[2]
    kept_read, kept = [], []
    for source, rec in zip(read, records):  # the reader lists what it read in the order of its Articles
        if rec.reason is None:
            kept_read.append(source)
            kept.append(rec)
            continue
        if strict:
            raise InputError(f"{show(source)}: {rec.reason} (--strict stops at any skipped document)")
        log.warning("skipped %s: %s", source, rec.reason)
        skipped.append((source, rec.reason))
    return (kept_read, skipped, copies), kept


def _replay(cache: Cache, found: list[tuple], report) -> None:
    """Fill ``report`` from the rows when the graph is left as it is."""
    for key, _, _ in found:
        read, skipped, copies = cache.get_brief(key)[0]
        report.read.extend(read)
        report.skipped.extend(skipped)
        report.copies.extend(copies)
    saved = json.loads(cache.meta("report"))
    report.entities.update(saved["entities"])
    for name in ("quotes", "statements", "roles", "triples"):
        setattr(report, name, saved[name])
    report.stale = saved.get("stale", [])


def _run(walk: _Walk, cache: Cache, out: Path, report, clock: Clock, *, jobs: int, dask, gone: list[str],
         listing: str, update: bool = False, plan=None, budget: float | None = DOC_TIMEOUT) -> Path | None:
    graph = out / GRAPH_FILE
    try:
        st = graph.stat()
        old = open(graph, "rb") if cache.meta("graph") == f"{st.st_size}:{st.st_mtime_ns}" else None
    except OSError:
        old = None
    asm = _Assembler(out, report, clock, cache, old, plan=plan)
    try:
        with _extractors(jobs, dask, update, budget) as (submit, result, window):
            if old is not None and not plan and not cache.meta("corrections"):   # after the workers are forked
                asm.entities = load_state(out / CACHE_DIR, cache.meta("graph"), cache.meta("code"))
            def send(unit: list[tuple]):
                paths = [str(path) for _, path, _, fresh in unit if fresh is READ]
                if paths:
                    return unit, submit(("read", paths))
                arts = [a for *_, fresh in unit if fresh for a in fresh[1]]
                return unit, (submit(arts) if arts else None)

            def receive(pending) -> tuple[list[tuple], list[DocRecord]]:
                unit, handle = pending
                records, t = result(handle) if handle is not None else ([], {})
                clock.times.merge(t)
                if any(fresh is READ for *_, fresh in unit):
                    return walk.take(unit, records)
                return unit, records

            for unit, records in ordered(send, receive, walk.units(), window):
                it = iter(records)
                for key, path, stat, fresh in unit:
                    if fresh is None:
                        asm.reuse(key, path)
                        continue
                    reads, arts, claims, volatile = fresh
                    reads, recs = _skip_failed(reads, [next(it) for _ in arts], walk.strict)
                    cache.put(key, stat, reads, recs, claims, volatile)
                    asm.add(key, path, reads, recs, new=key not in walk.known)
        cache.delete(gone)
        path = asm.finish(bool(gone))
    except BaseException:
        asm.writer.abort()
        if asm.state is not None:
            asm.state.abort()
        raise
    finally:
        if old is not None:
            old.close()
    if path is not None:
        cache.set_spans(asm.spans)
        st = path.stat()
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
        cache.set_meta("graph", stamp)
        with clock("serialize"):
            asm.state.commit(stamp, cache.meta("code"))
        cache.set_meta("listing", listing)
        cache.set_meta("corrections", plan.fingerprint if plan else "")
        cache.set_meta("report", json.dumps({"entities": dict(report.entities), "quotes": report.quotes,
                                             "statements": report.statements, "roles": report.roles,
                                             "triples": report.triples, "stale": getattr(report, "stale", [])}))
    return path
