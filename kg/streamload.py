"""Turtle as kg writes it, loaded into a store as it arrives: :class:`StreamLoader`.

Used by :func:`kg.store.open_graph` (a graph file without some subjects' blocks) and by the
browser page, whose store is a second sink of the stream a build writes
(:func:`kg.viz_data.stream_source`).
"""
from __future__ import annotations

__all__ = ["StreamLoader"]

_CHUNK = 1 << 21  #: bytes loaded at once (a piece ends at the end of a subject's block)


class StreamLoader:
    r"""Loads Turtle written as kg writes it (one triple per line, each subject's block starting in
    column 0 and ending with `` .``) into ``store`` as it arrives, in pieces of about 2 MB, each with
    the prefixes seen so far, without the blocks whose subject IRI starts with ``skip``.

    Fed by :meth:`write` with any cut of the text (a file's lines, or a build's stream: see
    :class:`kg.graph.TurtleWriter` ``tee``); :meth:`close` loads what is left.

    >>> from kg.store import new_store
    >>> s = new_store("oxigraph")
    >>> with StreamLoader(s, "http://e/m/") as ld:
    ...     ld.write(b"@prefix e: <http://e/> .\n<http://e/a> e:p 1 ;\n  e:q 2 .\n<http://e/m/1> e:p 3 ;")
    ...     ld.write(b"\n  e:q 4 .\n<http://e/b> e:p 5 .\n")
    >>> len(s)
    3
    """

    def __init__(self, store, skip: str | None = None):
        self.store, self._skipped = store, None if skip is None else ("<" + skip).encode("utf-8")
        self._head: list[bytes] = []
        self._part: list[bytes] = []
        self._size, self._skip, self._rest = 0, False, b""

    def write(self, data: bytes) -> None:
        lines = (self._rest + data).split(b"\n")
        self._rest = lines.pop()
        for line in lines:
            self._line(line + b"\n")

    def _line(self, line: bytes) -> None:
        if self._skip or (self._skipped is not None and line.startswith(self._skipped)):
            self._skip = not line.rstrip().endswith(b" .")
            return
        if line.startswith((b"@prefix", b"PREFIX", b"@base", b"BASE")):
            self._head.append(line)
            return
        self._part.append(line)
        self._size += len(line)
        if self._size > _CHUNK and line.rstrip().endswith(b" ."):
            self._flush()

    def _flush(self) -> None:
        if self._part:
            self.store.load(data=b"".join(self._head + self._part), fmt="ttl")
        self._part, self._size = [], 0

    def close(self) -> None:
        if self._rest:
            self._line(self._rest)
            self._rest = b""
        self._flush()

    def __enter__(self) -> "StreamLoader":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
