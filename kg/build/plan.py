"""What a build must read: the files found, each with a key and a hash of its bytes, and for
each the choice to reuse its row of the last build or to read it now.

:class:`Walk` goes through the files in order and gives them in units of work; the files it
reads go through the build's :class:`~kg.build.read.Reader`, so copies, skips and names are
decided as in a build that reads everything.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from stat import S_ISREG
from typing import Iterable, Iterator

from ..files import discover
from ..ingest import MAX_BYTES, content_key
from .extract import CHUNK, Clock, DocRecord
from .read import Reader
from .report import BuildReport

__all__ = ["Walk", "find", "file_key", "file_stat", "listing", "READ"]

#: Files per unit of work at most (units also close after :data:`kg.build.extract.CHUNK` articles).
_UNIT_FILES = 256


def find(paths: Iterable[str | os.PathLike]) -> list[tuple[str, Path, tuple[int, str]]]:
    """``(key, path, (size, hash))`` of each file under ``paths``, in the order they are read
    (:func:`kg.files.discover`; :func:`file_key`, :func:`file_stat`)."""
    return [(file_key(p), p, file_stat(p)) for p in discover(paths)]


def file_stat(path: Path) -> tuple[int, str]:
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


def file_key(path: Path) -> str:
    """A file's row key: its absolute path, or for a path that is not UTF-8 its bytes in
    hex (``bytes:2f746d70...``, which no absolute path equals)."""
    key = os.path.abspath(path)
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return "bytes:" + os.fsencode(key).hex()
    return key


def listing(found: list[tuple], code: str) -> str:
    """A hash of the files found (:func:`find`: keys, sizes, hashes) and of ``code``: when it is
    the last build's, no file was added, removed or changed since."""
    h = hashlib.sha1(code.encode())
    for key, _, (size, digest) in found:
        h.update(f"{key}\0{size}\0{digest}\n".encode())
    return h.hexdigest()


class Walk:
    """Goes through the files in order, deciding for each: reuse its row, or read it now."""

    def __init__(self, found: list[tuple], known: dict, reader: Reader, clock: Clock, chunk: int = CHUNK,
                 defer: bool = False) -> None:
        self.found, self.known, self.reader = found, known, reader
        self.clock, self.chunk = clock, chunk
        #: files to read are left to the workers (:data:`READ`), then taken in order (:meth:`take`);
        #: only when no row is reused, since reuse depends on what was read before
        self.defer = defer and not known
        self.seen: dict[str, str] = reader.seen   # content key -> first source: the reader's check for copies
        self.strict = reader.strict               # a skip must stop the build: re-read files that had one
        self.counts = Counter()

    def _reusable(self, key: str, stat: tuple) -> list | None:
        row = self.known.get(key)
        if row is None or row[0] != stat or row[2] or (self.strict and row[3]):
            return None
        claims = row[1]
        if any(self.seen.get(k, s) != s for k, s in claims):
            return None  # its text is now read first from another file: read it again
        return claims

    def _read(self, path: Path, outcomes: list | None = None) -> tuple:
        with self.clock("ingest"):
            rep = BuildReport()
            arts = self.reader([path], rep) if outcomes is None else self.reader([path], rep, read=lambda _: outcomes)
            claims = [(k, self.seen.get(k, "")) for k in (content_key(a.text) for a in arts)]
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
        """A unit whose files the workers read (:func:`kg.build.extract.read_extract`): each file's
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


#: marks a file the workers read (see :meth:`Walk.take`)
READ = "read"
