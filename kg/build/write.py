"""Streamed and incremental builds of ``graph.ttl``, with a per-file cache.

A build walks the files in the order they were found (:mod:`kg.build.plan`), reads each in
this process (reading is cheap, and stateful: a text already read elsewhere is not extracted
again but kept as a copy of the first, :class:`kg.records.Copy`; :mod:`kg.build.read`), hands
the Articles in small chunks to the extraction workers (a :class:`~kg.build.extract.Runner`:
a local pool or a Dask cluster) and writes each document's block as soon as its chunk comes
back, each copy's block after its file's documents; the entity section (labels,
aliases, flags merged over all documents) is written last (:mod:`kg.build.assemble`). Memory
holds the entity index and a few chunks in flight, not the text read.

Every build also keeps, in ``OUT/.kg-cache/docs.sqlite``, one row per file
(:mod:`kg.build.cache`). ``--update``:

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
  the rest of the entity section being copied (see :class:`~kg.build.assemble.Assembler`);
* writes nothing at all when no file changed.

Rows are only trusted when the code that wrote them is the code running: a
fingerprint of the code and rule files is stored, and a different one empties the
cache.
"""
from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..log import show
from .assemble import Assembler
from .cache import CACHE_DIR, Cache
from .extract import CHUNK, Clock, DocRecord, Runner, StageTimes
from .pipecache import fingerprint
from .plan import READ, Walk, find, listing
from .pool import ordered
from .read import Reader
from .report import BuildReport
from .state import load_state

__all__ = ["write_build", "GRAPH_FILE"]

GRAPH_FILE = "graph.ttl"
log = logging.getLogger(__name__)


def write_build(paths: Iterable[str | os.PathLike], out: str | os.PathLike, report: BuildReport, reader: Reader,
                runner: Runner, *, update: bool = False, stats: dict | None = None, chunk: int = CHUNK,
                corrections=None, tee=None) -> Path | None:
    """Write ``out/graph.ttl`` from the files under ``paths``; fill ``report``.

    ``reader`` reads files into Articles, recording what it read and skipped in a report;
    it is called once per file, in order. ``runner`` extracts them (a local pool or a Dask
    cluster); when its workers read files (``runner.reads``) and there are no earlier rows,
    they read the files and the reader is given their outcomes as ``read=`` (its check for
    copies and its report still run here). A document over its time budget is skipped with
    that reason (and with ``reader.strict``, stops the build). Returns the graph's path, or
    ``None`` when no file gave a document (then no graph is written). ``corrections`` (a
    :class:`kg.corrections.Plan`) are applied as the graph is written. ``stats``, when given,
    receives stage times and, for ``update``, how many files were new, changed, rechecked,
    removed and unchanged. ``tee``: given every piece of ``graph.ttl`` as it is written
    (:class:`kg.graph.TurtleWriter`); not called when the graph is left as it is.
    """
    t0 = time.perf_counter()
    out = Path(out)
    times = StageTimes()
    clock = Clock(times)
    found = find(paths)
    code = fingerprint()
    files = listing(found, code + (corrections.fingerprint if corrections else ""))
    out.mkdir(parents=True, exist_ok=True)
    cache = Cache(out, code, fresh=not update)
    info: dict = {"mode": runner.mode, "files": len(found)}
    try:
        known = cache.index() if update else {}
        gone = sorted(set(known) - {k for k, _, _ in found})
        graph = out / GRAPH_FILE
        strict_skips = reader.strict and any(row[3] for row in known.values())
        if (update and not gone and cache.meta("listing") == files and graph.is_file() and not strict_skips
                and all(k in known and known[k][0] == s for k, _, s in found)):
            info.update(new=0, changed=0, rechecked=0, removed=0, unchanged=len(found), written=False)
            _replay(cache, found, report)
            result = graph
        else:
            walk = Walk(found, known, reader, clock, chunk, defer=runner.reads)
            result = _run(walk, cache, out, report, clock, runner, gone=gone, listing=files, plan=corrections, tee=tee)
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


def _replay(cache: Cache, found: list[tuple], report: BuildReport) -> None:
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


def _run(walk: Walk, cache: Cache, out: Path, report: BuildReport, clock: Clock, runner: Runner, *,
         gone: list[str], listing: str, plan=None, tee=None) -> Path | None:
    """Write the graph from the rows and the files ``walk`` reads; keep the rows and the state."""
    graph = out / GRAPH_FILE
    try:
        st = graph.stat()
        old = open(graph, "rb") if cache.meta("graph") == f"{st.st_size}:{st.st_mtime_ns}" else None
    except OSError:
        old = None
    asm = Assembler(graph, out / CACHE_DIR, report, clock, cache, old, plan=plan, tee=tee)
    try:
        with runner.open() as (submit, result, window):
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
        _record(cache, asm, path, listing, plan, report, clock)
    return path


def _record(cache: Cache, asm: Assembler, path: Path, listing: str, plan, report: BuildReport, clock: Clock) -> None:
    """Keep, with the rows, where each file's blocks lie in the graph just written, the graph's
    stamp, the entity state, the listing and the report (for an update that writes nothing)."""
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
                                         "triples": report.triples, "stale": report.stale}))
