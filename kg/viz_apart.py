"""Where the browser page is drawn: :class:`PageSink`, the page as a second sink of the stream a
build writes, and :class:`Apart`, a fresh Python process that draws it.

``kg build`` gives :class:`PageSink` every piece of ``graph.ttl`` as it writes it
(:class:`kg.graph.TurtleWriter` ``tee``): the page is drawn from the store of that stream, never
from a re-read of the file. A small graph's bytes are held and loaded here at the end; once they
pass ``apart`` bytes (:data:`kg.build.run.PAGE_APART_BYTES`) they go to a fresh process, which
loads them into its store while the build goes on and then draws the page, so that the build's
spaCy pipeline and the page's store are never in one process's memory.
"""
from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path

from .errors import KgError

__all__ = ["PageSink", "Apart", "draw_apart"]

#: What the fresh process runs: the job (sys.path, source, path, options), pickled after its length
#: on stdin; with no source, the graph's bytes follow it on stdin.
_CHILD = ("import pickle, struct, sys; n, = struct.unpack('>Q', sys.stdin.buffer.read(8)); "
          "job = pickle.loads(sys.stdin.buffer.read(n)); sys.path[:] = job[0]; "
          "from kg.viz_apart import _answer; _answer(*job[1:])")


class Apart:
    """A fresh interpreter (``python -c``: it imports only what the page needs, and needs no
    ``__main__`` guard, as multiprocessing's spawn would) that draws the page ``path`` with
    :func:`kg.viz.write_page` ``options``: from the graph file ``source``, or, without one, from
    the bytes given to :meth:`write`. :meth:`finish` waits for it and raises its errors here."""

    def __init__(self, path, source=None, **options) -> None:
        self.path = Path(path)
        job = pickle.dumps((list(sys.path), None if source is None else os.fspath(source), os.fspath(path), options))
        self.proc = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.write(struct.pack(">Q", len(job)) + job)
        try:
            self.proc.stdin.flush()  # it starts on the job (its imports) now, not once a buffer of graph fills
        except OSError:
            pass

    def write(self, data: bytes) -> None:
        """Send graph bytes; if the process has died, :meth:`finish` says so."""
        try:
            self.proc.stdin.write(data)
        except OSError:  # a broken pipe: it ended
            pass

    def finish(self) -> Path:
        """Wait for the page; the process and its pipes are gone when this returns or raises."""
        try:
            self.proc.stdin.close()
            answer = self.proc.stdout.read()
            self.proc.wait()  # it ends once it has answered (or died): its own exit status
        except OSError:
            answer = b""
        finally:
            self.abort()
        try:
            done, value = pickle.loads(answer)
        except Exception:  # noqa: BLE001 -- it died before answering (killed, out of memory)
            raise KgError(f"the process drawing {self.path} ended before writing it "
                          f"(exit status {self.proc.returncode})") from None
        if not done:
            raise value
        return value

    def abort(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:
                pass
        self.proc.wait()


def draw_apart(source, path, **options) -> Path:
    """:func:`kg.viz.write_page` of the graph file ``source`` with ``options``, run by :class:`Apart`."""
    if not isinstance(source, (str, os.PathLike)):
        raise KgError(f"a page drawn in a fresh process reads a graph file, not {type(source).__name__}")
    return Apart(path, source, **options).finish()


class PageSink:
    """The page ``path`` drawn from the store of the bytes given to :meth:`write` (a graph as kg
    writes it): here at :meth:`draw` while they are at most ``apart`` bytes, else by :class:`Apart`,
    which gets them as they come. :meth:`close` stops a fresh process not drawn from."""

    def __init__(self, path, apart: int) -> None:
        self.path, self.apart = Path(path), apart
        self._held: list[bytes] = []
        self._size = 0
        self._fresh: Apart | None = None

    def write(self, data: bytes) -> None:
        if self._fresh is not None:
            self._fresh.write(data)
            return
        self._held.append(data)
        self._size += len(data)
        if self._size > self.apart:
            self._fresh = Apart(self.path)
            for piece in self._held:
                self._fresh.write(piece)
            self._held = []

    def draw(self) -> Path:
        if self._fresh is not None:
            fresh, self._fresh = self._fresh, None
            return fresh.finish()
        from .viz import write_page
        from .viz_data import stream_source

        held, self._held = self._held, []
        return write_page(lambda: stream_source(held), self.path)  # made, read and dropped in write_page

    def close(self) -> None:
        if self._fresh is not None:
            self._fresh.abort()
            self._fresh = None
        self._held = []


def _answer(source: str | None, path: str, options: dict) -> None:
    """The fresh process's side: ``(True, path)`` or ``(False, the error)`` goes back pickled on stdout
    (anything else printed goes to stderr)."""
    out, sys.stdout = sys.stdout.buffer, sys.stderr
    try:
        from .viz import preload, write_page
        from .viz_data import stream_source

        preload()  # before the graph's first bytes come: the build is still extracting
        stream = iter(lambda: sys.stdin.buffer.read(1 << 20), b"")
        answer = (True, write_page(source if source is not None else lambda: stream_source(stream), path, **options))
    except Exception as e:  # noqa: BLE001 -- raised again in the calling process
        answer = (False, e)
    out.write(pickle.dumps(answer))
    out.flush()
    sys.stderr.flush()
    os._exit(0)  # the page is written: the caller waits on this process, not on the teardown of its store and graph
