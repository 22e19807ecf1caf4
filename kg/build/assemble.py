"""Writing files' blocks into ``graph.ttl`` in order, and the entity section last.

An unchanged file's blocks are copied as bytes from the graph last written when its row says
where they lie; new and changed files' blocks are rendered from their records. The entity
summaries are merged into one index whose section is written last (with the corrections, if
any); when every file read is new, the entity index kept with the last graph
(:mod:`kg.build.state`) is extended instead and only the entities the new files touch are
rendered again.
"""
from __future__ import annotations

import json
import zlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..graph import EntityIndex, TurtleWriter, render_copy
from ..files import unique_source
from .cache import Cache, brief_of
from .extract import Clock, DocRecord
from .report import BuildReport
from .state import StateWriter

__all__ = ["Assembler"]


class Assembler:
    """Writes files' blocks in order and merges their entity summaries; fills the report.

    ``graph`` is the file written, ``folder`` the build's own folder (:data:`kg.build.cache.CACHE_DIR`).
    ``old`` is the graph the rows' spans point into (open for reading) or None;
    ``entities`` is what :func:`kg.build.state.load_state` kept of that graph, or None. With
    both, an unchanged file's blocks are copied without loading its records, and when
    every file read is new, the old entity index plus the new files' summaries is the
    merge of all (merging does not depend on order), so only the entities the new
    files touch are rendered again; the rest of the entity section is copied.
    """

    def __init__(self, graph: Path, folder: Path, report: BuildReport, clock: Clock, cache: Cache, old=None,
                 entities: tuple | None = None, plan=None, tee=None) -> None:
        self.writer = TurtleWriter(graph, tee=tee)
        self.index = EntityIndex()
        self.report = report
        self.clock = clock
        self.cache = cache
        self.names: set[str] = set()
        self.final: dict[str, str] = {}   # a document's label as read (BuildReport.read) -> source name
        self.docs = 0
        self.old = old
        self.entities = entities if old is not None else None
        self.deferred: list[tuple[str, list[str]]] = []   # (key, sources) of files copied, summaries not merged
        self.only_new = True                              # no file's old facts were read again
        self.spans: list[tuple[str, str]] = []
        self.folder = folder                    # where the entity state is written (kg.build.state)
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
        are copied from it as bytes; then ``brief`` (:func:`brief_of`) may stand for the
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
                brief = brief or brief_of(records)
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
                brief = brief or brief_of(records)
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

