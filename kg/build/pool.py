"""A local pool of worker processes that extract chunks, and the loop that keeps chunks in flight.

Each worker loads the spaCy pipeline once (in the pool initializer) and lives for the whole
build. Why not ``nlp.pipe(n_process=N)``: measured here, its default batch size sends a
whole small corpus to one worker, and each ``pipe()`` call pays the start-up of new
processes. A pool that lives for the whole build and takes small chunks keeps every
core busy (figures: ``bench/run.py``).

:func:`local_runner` gives this process or a pool as a :class:`~kg.build.extract.Runner`;
:func:`ordered` keeps a bounded number of chunks in flight and returns results in input order,
so memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from contextlib import contextmanager
from functools import partial
from typing import Callable, Iterable, Iterator

from .extract import DOC_TIMEOUT, Runner, run_task, worker_extractor

__all__ = ["local_runner", "executor", "ordered", "chunked", "cpu_count"]


def local_runner(jobs: int = 1, early: bool = False, budget: float | None = DOC_TIMEOUT) -> Runner:
    """Chunks extracted by :func:`executor` (``jobs`` processes; with more than one, the workers
    read the files too)."""
    return Runner(partial(executor, jobs, early=early, budget=budget), f"jobs={jobs}", reads=jobs > 1)


def _init() -> None:
    worker_extractor()


def _work(task, budget: float | None) -> tuple:
    return run_task(worker_extractor(), task, budget)


def _context():
    """fork when this process runs one thread (fast, and scripts need no ``__main__`` guard);
    forkserver otherwise, since forking a process with threads (Dask, some test runners) is unsafe."""
    import threading

    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Done:
    """A chunk run in this process: already finished when submitted."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def get(self):
        return self.value


@contextmanager
def executor(jobs: int = 1, early: bool = False, budget: float | None = DOC_TIMEOUT
             ) -> Iterator[tuple[Callable, Callable, int]]:
    """``(submit, result, window)`` to extract chunks of Articles.

    ``submit(articles)`` returns a handle and ``result(handle)`` gives
    ``(records, stage times)``; ``window`` is how many chunks to keep in flight.
    ``jobs=1`` runs in this process, ``jobs > 1`` in a pool of processes that each
    load the pipeline once (this process never imports spaCy: its core is left to
    the workers). ``submit(("read", paths))`` has the files read there too
    (:func:`read_extract`). A Dask cluster has its own (:func:`kg.build.dask_runner.dask_executor`).

    ``early``: for a caller with other work to do before its first chunk (an update
    copying what did not change), the pipeline is loaded by a worker process even
    when ``jobs=1``, while this process goes on; this process then never imports spaCy.

    ``budget``: seconds a document may take (:func:`extract_chunk`).
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1 and (not early or mp.current_process().daemon):   # a daemon process may not have children
        ex = worker_extractor()
        yield (lambda task: _Done(run_task(ex, task, budget))), (lambda h: h.get()), 1
        return
    with _context().Pool(jobs, initializer=_init) as pool:
        yield (lambda task: pool.apply_async(_work, (task, budget))), (lambda h: h.get()), 4 * jobs


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items (the last may be shorter).

    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    chunk: list = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered(submit: Callable, result: Callable, units: Iterable, window: int) -> Iterator:
    """Submit units with at most ``window`` in flight; yield their results in order.

    >>> list(ordered(lambda x: x * 10, lambda h: h + 1, [1, 2, 3], window=2))
    [11, 21, 31]
    """
    pending: deque = deque()
    for unit in units:
        pending.append(submit(unit))
        if len(pending) >= max(1, window):
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
