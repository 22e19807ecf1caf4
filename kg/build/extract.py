"""Extraction: Articles in, plain :class:`DocRecord` records out.

A worker (this process, a process of a local pool, :mod:`kg.build.pool`, or a Dask worker,
:mod:`kg.build.dask_runner`) loads the spaCy pipeline once and turns chunks of Articles into
records: the document's Turtle block (see :mod:`kg.graph`), compressed, and its entity
summary. Records are small, picklable and independent of the document's source name. In a
full build with ``jobs > 1`` the workers read the files too (:func:`read_extract`), and the
parent only checks duplicates (reading is stateful: a text already read is skipped across
the whole build), merges and writes; it never loads spaCy. An update, a one-process build and
Dask read in the parent and send Articles.

Where chunks run is a :class:`Runner`, chosen by the caller of a build.
"""
from __future__ import annotations

import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, ContextManager, Iterator

from ..records import Article

__all__ = ["DocRecord", "StageTimes", "Clock", "Runner", "to_record", "pack_result", "extract_chunk", "read_extract",
           "run_task", "worker_extractor", "new_extractor", "time_limit", "DocTimeout", "CHUNK", "DOC_TIMEOUT"]

#: Articles per task: large enough to amortise IPC, small enough to balance work.
CHUNK = 16
#: Seconds one document may take to extract before it is skipped (``kg build --doc-timeout``).
DOC_TIMEOUT = 60.0


@dataclass(frozen=True)
class DocRecord:
    """What the graph stage needs of one document (plain data; see :func:`to_record`).

    ``data`` is the zlib-compressed UTF-8 Turtle block with placeholders for the
    document's name; ``summary`` and ``counts`` as in :class:`kg.graph.DocBlock`.
    ``reason``: why the document was skipped instead (it took over its time budget);
    then it has no block.
    """

    source: str
    data: bytes
    summary: tuple
    triples: int
    counts: tuple[int, int, int]
    result: bytes = b""   # the DocResult, for corrections (kg.corrections; see pack_result)
    reason: str | None = None


class StageTimes:
    """Wall and CPU seconds per stage (``ingest``, ``nlp``, ``graph``, ``serialize``).

    In a parallel build, ``nlp`` and ``graph`` are summed over the workers.

    >>> t = StageTimes(); t.merge({"nlp": (2.0, 1.5)}); t.as_dict()["nlp"]
    {'wall_s': 2.0, 'cpu_s': 1.5}
    """

    STAGES = ("ingest", "nlp", "graph", "serialize")

    def __init__(self) -> None:
        self.wall = dict.fromkeys(self.STAGES, 0.0)
        self.cpu = dict.fromkeys(self.STAGES, 0.0)

    def add(self, stage: str, wall: float, cpu: float) -> None:
        self.wall[stage] += wall
        self.cpu[stage] += cpu

    def merge(self, other: dict) -> None:
        """Add ``{stage: (wall, cpu)}``."""
        for stage, (w, c) in other.items():
            self.add(stage, w, c)

    def as_dict(self) -> dict:
        return {s: {"wall_s": round(self.wall[s], 4), "cpu_s": round(self.cpu[s], 4)} for s in self.STAGES}


class Clock:
    """Times stages into a :class:`StageTimes` or a ``{stage: (wall, cpu)}`` dict:
    ``with clock("nlp"): ...``."""

    def __init__(self, times) -> None:
        self.times = times

    def __call__(self, stage: str) -> "Clock":
        self._stage = stage
        return self

    def __enter__(self) -> None:
        self._w, self._c = time.perf_counter(), time.process_time()

    def __exit__(self, *exc) -> None:
        w, c = time.perf_counter() - self._w, time.process_time() - self._c
        if isinstance(self.times, StageTimes):
            self.times.add(self._stage, w, c)
        else:
            w0, c0 = self.times.get(self._stage, (0.0, 0.0))
            self.times[self._stage] = (w0 + w, c0 + c)


@dataclass(frozen=True)
class Runner:
    """Where a build's chunks are extracted: a local pool (:func:`kg.build.pool.local_runner`) or a
    Dask cluster (:func:`kg.build.dask_runner.dask_runner`), chosen by the caller of the build.

    ``open()`` is a context manager giving ``(submit, result, window)``: ``submit(task)`` returns a
    handle and ``result(handle)`` gives what :func:`run_task` gives; ``window`` is how many tasks to
    keep in flight. ``reads``: a task may be ``("read", paths)`` (the workers read the files too).
    ``mode`` names it in a build's stats (``jobs=2``, ``dask``).
    """

    open: Callable[[], ContextManager[tuple[Callable, Callable, int]]]
    mode: str
    reads: bool = False


def to_record(result) -> DocRecord:
    """A :class:`DocRecord` from a :class:`~kg.records.DocResult`."""
    from ..graph import render_doc

    b = render_doc(result)
    return DocRecord(result.article.source, zlib.compress(b.text.encode("utf-8"), 1), b.summary, b.triples,
                     b.counts, pack_result(result))


def pack_result(r) -> bytes:
    """The :class:`~kg.records.DocResult` ``r`` compressed, without the article text (its block
    holds it; :func:`kg.corrections.unpack_result` takes it back from there)."""
    import pickle
    from dataclasses import replace

    return zlib.compress(pickle.dumps(replace(r, article=replace(r.article, text="")), protocol=4), 1)


class DocTimeout(BaseException):
    """A document went over its time budget (a BaseException: no ``except Exception`` on the
    way may take it for an error of the document and go on)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocTimeout` in the block after ``seconds`` (wall time).

    It works in the main thread of a process (``SIGALRM``); elsewhere (a Dask worker's
    threads) and for ``seconds`` None or 0 there is no limit. An alarm the caller set
    is kept: one due sooner is left to fire, a later one is set again after the block.
    """
    import signal
    import threading

    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    outer = signal.getitimer(signal.ITIMER_REAL)
    if outer[0] and outer[0] <= seconds:
        yield
        return

    def fire(signum, frame):
        raise DocTimeout()

    handler = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    t0 = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, handler)
        if outer[0]:
            signal.setitimer(signal.ITIMER_REAL, max(outer[0] - (time.monotonic() - t0), 1e-3), outer[1])


def extract_chunk(extractor, articles: list[Article], budget: float | None = DOC_TIMEOUT
                  ) -> tuple[list[DocRecord], dict]:
    """Extract and render ``articles`` with a loaded extractor: (records, stage times).

    A document that takes more than ``budget`` seconds gives a record with its ``reason``.
    """
    times: dict = {}
    clock = Clock(times)
    out = []
    for art in articles:
        with clock("nlp"):
            try:
                with time_limit(budget):
                    r = extractor.extract(art)
            except DocTimeout:
                out.append(DocRecord(art.source, b"", (), 0, (0, 0, 0),
                                     reason=f"took over its time budget ({budget:g} s; --doc-timeout)"))
                continue
        with clock("graph"):
            out.append(to_record(r))
    return out, times


def read_extract(extractor, paths: list[str], budget: float | None = DOC_TIMEOUT
                 ) -> tuple[tuple[list[tuple], dict], dict]:
    """Read the files at ``paths`` and extract every article they hold, in a worker.

    Returns ``((reads, records), stage times)``: ``reads`` is ``[(path, outcomes)]`` as
    :func:`kg.ingest.read_file` gives them, and ``records`` maps the content key of each
    article's text (:func:`kg.ingest.content_key`) to its record, the first article of
    a key winning, as the parent's duplicate check keeps the first (a duplicate is
    extracted here for nothing, and dropped by the parent).
    """
    from ..ingest import content_key, read_file

    times: dict = {}
    with Clock(times)("ingest"):
        reads = [(path, list(read_file(path))) for path in paths]
    arts = [o.article for _, outs in reads for o in outs if o.article is not None]
    records, t = extract_chunk(extractor, arts, budget)
    for stage, (w, c) in t.items():
        w0, c0 = times.get(stage, (0.0, 0.0))
        times[stage] = (w0 + w, c0 + c)
    keyed: dict = {}
    for art, rec in zip(arts, records):
        keyed.setdefault(content_key(art.text), rec)
    return (reads, keyed), times


def run_task(extractor, task, budget: float | None = DOC_TIMEOUT) -> tuple:
    """A task: a list of Articles (:func:`extract_chunk`) or ``("read", paths)`` (:func:`read_extract`)."""
    if isinstance(task, tuple) and task[:1] == ("read",):
        return read_extract(extractor, task[1], budget)
    return extract_chunk(extractor, task, budget)


# ---- the extractor of a worker process ---------------------------------------------------
_EXTRACTOR = None


def worker_extractor():
    """This process's extractor, loaded on first use and kept (once per worker, never per task)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = new_extractor()
    return _EXTRACTOR


def new_extractor():
    """An :class:`kg.nlp.Extractor` whose pipeline comes from the on-disk cache (:mod:`kg.build.pipecache`)."""
    from ..nlp import Extractor
    from .pipecache import load_nlp

    ex = Extractor.__new__(Extractor)   # Extractor() would build the pipeline again
    ex.nlp = load_nlp()
    return ex

