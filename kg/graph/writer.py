"""The two sinks of the triple stream: :class:`TurtleWriter` writes ``graph.ttl`` as the
documents arrive; :func:`build_graph` parses the same text into an rdflib graph."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from rdflib import Graph

from ..fileio import AtomicFile, atomic_write
from ..records import Copy, DocResult
from .blocks import finish_block, render_copy, render_doc
from .entities import EntityIndex
from .turtle import HEADER

__all__ = ["TurtleWriter", "build_graph", "write_graph"]


class TurtleWriter:
    """Writes ``path`` atomically: header, document blocks, then the entity section.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with TurtleWriter(d / "g.ttl") as w:
    ...     w.write_entities(EntityIndex())
    >>> (d / "g.ttl").read_text().startswith("@prefix kg:")
    True
    """

    def __init__(self, path: str | os.PathLike, buffering: int = 1 << 20, tee=None) -> None:
        """``tee``, when given, is called with every piece of the file's bytes, in order, as it is
        written (a second sink of the stream: the page's store, :func:`kg.viz.page_sink`)."""
        self.path = Path(path)
        self._file = AtomicFile(self.path, "wb", buffering=buffering)
        self._f = self._file.file
        self._tee = tee
        self.triples = 0
        self._pending: list | None = None   # [src, offset, length]: a copy not made yet
        self._write(HEADER.encode("utf-8"))

    def write_block(self, data: bytes, source: str, triples: int) -> None:
        """Write one document block (UTF-8 bytes of :attr:`DocBlock.text`) for ``source``."""
        self._write(finish_block(data, source))
        self.triples += triples

    def copy_range(self, src, offset: int, length: int, triples: int) -> None:
        """Copy ``length`` bytes at ``offset`` of the open file ``src`` (finished blocks an earlier
        writer wrote). Copies are made lazily, so that a range adjacent to the one before
        joins it in one copy."""
        pend = self._pending
        if pend is not None and pend[0] is src and pend[1] + pend[2] == offset:
            pend[2] += length
        else:
            self._flush_copy()
            self._pending = [src, offset, length]
        self.triples += triples

    def _write(self, data: bytes) -> None:
        self._flush_copy()
        self._f.write(data)
        if self._tee is not None:
            self._tee(data)

    def _flush_copy(self) -> None:
        """Make the pending copy: in the kernel where the system can (``copy_file_range``),
        else through memory."""
        if self._pending is None:
            return
        src, offset, length = self._pending
        self._pending = None
        if self._tee is not None:
            src.seek(offset)
            for done in range(0, length, 1 << 20):
                self._tee(src.read(min(1 << 20, length - done)))
        self._f.flush()
        dst = self._f.fileno()
        done = 0
        try:
            while done < length:
                n = os.copy_file_range(src.fileno(), dst, length - done, offset + done)
                if n == 0:
                    break
                done += n
        except (AttributeError, OSError):
            pass  # not Linux, or a file system that cannot: copy what is left through memory
        self._f.seek(0, os.SEEK_END)  # the buffered writer learns where the kernel left the file
        src.seek(offset + done)
        while done < length:
            data = src.read(min(1 << 20, length - done))
            if not data:
                raise OSError(f"{src.name}: ended {length - done} bytes early")
            self._f.write(data)
            done += len(data)

    def tell(self) -> int:
        """Bytes written so far (the offset of the next block)."""
        return self._f.tell() + (self._pending[2] if self._pending else 0)

    def write_entities(self, index: EntityIndex, reuse: tuple | None = None, sink=None) -> None:
        """Write the entity section.

        ``reuse``: ``(src, old)``, an open earlier graph and ``{key: (<iri>, offset, length,
        triples)}`` of the entities whose text there is still right: those are copied as
        bytes (adjacent ones in one copy), the others rendered. ``sink(<iri>, key, offset,
        length, triples)``, when given, is told where each entity went, in the order written.
        """
        src, old = reuse if reuse is not None else (None, {})
        order = index.ordered({k: v[0] for k, v in old.items()})
        places = index.places(order)
        at = self.tell()
        for iri, key in order:
            hit = old.get(key)
            if hit is not None:
                _, off, length, n = hit
                self.copy_range(src, off, length, n)
            else:
                text, n = index.render(iri, key, places)
                data = text.encode("utf-8")
                self._write(data)
                self.triples += n
                length = len(data)
            if sink is not None:
                sink(iri, key, at, length, n)
            at += length

    def write_text(self, text: str, triples: int) -> None:
        """Write finished Turtle statements (no placeholders), e.g. the corrections' PROV record."""
        self._write(text.encode("utf-8"))
        self.triples += triples

    def abort(self) -> None:
        """Drop the temporary file; ``path`` is left as it was."""
        self._file.abort()

    def commit(self) -> Path:
        """Flush, fsync-free close and rename into place."""
        try:
            self._flush_copy()
        except BaseException:
            self._file.abort()
            raise
        return self._file.commit()

    def __enter__(self) -> "TurtleWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def build_graph(results: Iterable[DocResult], copies: Iterable[Copy] = ()) -> Graph:
    """One rdflib graph of all documents, entities merged across documents by key: the
    triples :class:`TurtleWriter` writes for them, parsed. ``copies``: other publications
    of the documents' words (each ``of`` a document's source name)."""
    parts, index = [HEADER], EntityIndex()
    for c in copies:
        parts.append(render_copy(c)[0])
    for r in sorted(results, key=lambda r: r.article.source):
        block = render_doc(r)
        index.add(r.article.source, block.summary)
        parts.append(finish_block(block.text.encode("utf-8"), r.article.source).decode("utf-8"))
    parts += [text for text, _ in index.chunks()]
    return Graph().parse(data="".join(parts), format="turtle")


def write_graph(g: Graph, path: str | os.PathLike, fmt: str = "turtle") -> Path:
    """Serialise ``g`` to ``path`` atomically (temporary file, then rename)."""
    return atomic_write(path, g.serialize(format=fmt, encoding="utf-8"))
