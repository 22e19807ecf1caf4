"""The per-file rows of the last build (``OUT/.kg-cache/docs.sqlite``), kept for ``kg build --update``.

One row per file: its size and a hash of its bytes, what the reader recorded for it, the
content keys it claimed, its records (document blocks and entity summaries) and where its
blocks lie in the graph last written. Rows are only trusted when the code that wrote them is
the code running (:func:`kg.build.pipecache.fingerprint`); a different one empties the cache.
"""
from __future__ import annotations

import json
import os
import pickle
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Iterable

from .extract import DocRecord

__all__ = ["Cache", "brief_of", "CACHE_DIR"]

#: The build's own folder in its output folder.
CACHE_DIR = ".kg-cache"


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
                         pickle.dumps(brief_of(records), protocol=4)))
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
        """``(reads, brief, span)`` of ``path``: :meth:`get` without the records (see :func:`brief_of`)."""
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


def brief_of(records: list[DocRecord]) -> tuple:
    """What the report and the writer need of a file's records when their blocks are copied:
    ``(sources as extracted, triples, (direct, reported, roles), {entity type: mentions})``."""
    types = Counter(e[1] for rec in records for e in rec.summary)
    counts = tuple(sum(rec.counts[i] for rec in records) for i in range(3))
    return [rec.source for rec in records], sum(rec.triples for rec in records), counts, dict(types)

