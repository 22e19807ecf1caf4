"""Extraction on a Dask cluster (``kg build --dask ADDRESS``).

The client reads the files (so workers need no access to them) and sends chunks of
Articles to the workers; each worker loads the spaCy pipeline once, through a
worker plugin (:class:`ExtractorPlugin`), and returns the same plain
:class:`~kg.build.extract.DocRecord` records as a local pool. The client merges them in
input order into the same graph as a local build.

Workers must have the same ``kg`` installed as the client. Start them with one
thread each (``dask worker ADDRESS --nthreads 1 --nworkers N``): extraction is
pure Python and holds the GIL; a lock keeps threads of one worker from using the
pipeline at the same time.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import partial
from typing import Callable, Iterator

from ..errors import ClusterError
from ..records import Article
from .extract import DocRecord, Runner, extract_chunk, worker_extractor

try:
    from distributed import Client, get_worker
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - dask is an optional dependency
    Client = get_worker = None
    WorkerPlugin = object

__all__ = ["ExtractorPlugin", "dask_runner", "dask_executor", "PLUGIN_NAME", "CONNECT_TIMEOUT"]

PLUGIN_NAME = "kg-extractor"
#: How long to wait for the scheduler.
CONNECT_TIMEOUT = "20s"


class ExtractorPlugin(WorkerPlugin):
    """Loads one :class:`~kg.nlp.Extractor` per worker process, when the worker starts
    (or when the plugin is registered with a running worker)."""

    name = PLUGIN_NAME

    def setup(self, worker) -> None:
        self.extractor = worker_extractor()
        self.lock = threading.Lock()


def _work(articles: list[Article]) -> tuple[list[DocRecord], dict]:
    plugin = get_worker().plugins[PLUGIN_NAME]
    with plugin.lock:
        return extract_chunk(plugin.extractor, articles)


def dask_runner(address) -> Runner:
    """Chunks extracted on the Dask cluster at ``address`` (:func:`dask_executor`)."""
    return Runner(partial(dask_executor, address), "dask")


@contextmanager
def dask_executor(address) -> Iterator[tuple[Callable, Callable, int]]:
    """``(submit, result, window)`` (see :class:`kg.build.extract.Runner`) on the cluster at
    ``address``: a scheduler address (``tcp://host:8786``) or a ``distributed.Client``.
    ``window`` is four chunks per worker thread."""
    if Client is None:
        raise ClusterError("--dask needs dask.distributed: pip install 'dask[distributed]'")
    own = not isinstance(address, Client)
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT) if own else address
    except (OSError, TimeoutError, ValueError, TypeError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address!r} ({type(e).__name__}: {e}); "
                           "give its address as tcp://host:8786") from None
    try:
        client.register_plugin(ExtractorPlugin(), name=PLUGIN_NAME)
        threads = sum(client.nthreads().values())
        if not threads:
            raise ClusterError(f"the Dask cluster at {client.scheduler.address} has no workers")
        yield (lambda arts: client.submit(_work, arts, pure=False)), (lambda f: f.result()), 4 * threads
    finally:
        if own:
            client.close()
