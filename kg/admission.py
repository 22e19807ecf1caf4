"""Who may use ``kg serve`` now: bounded connections and bounded, fair query slots.

Every limit is a count checked under one lock; nothing here waits on the network. A
request that cannot be admitted gets a reason, which the server sends as 503 with
``Retry-After``:

* connections: at most ``max_connections`` open (one thread each), and at most
  ``client_connections`` of them from one address, so one client cannot take every thread;
* queries: ``workers`` run at once; at most ``client_queries`` of them (running or
  waiting) from one address, so a client's runaway queries cannot hold every
  worker; at most ``queue`` wait for a worker, each for at most ``wait`` seconds.

>>> a = Admission(workers=1, queue=0, client_queries=1, client_connections=1, max_connections=2, wait=0.01)
>>> a.connect("10.0.0.1"), a.connect("10.0.0.1"), a.connect("10.0.0.2")
(None, 'too many connections from your address (1 at most)', None)
>>> with a.query("10.0.0.1") as why:
...     print(why, "|", a.query("10.0.0.2").__enter__())
None | every query worker is busy and the queue is full
"""
from __future__ import annotations

import threading
from collections import Counter
from contextlib import contextmanager

__all__ = ["Admission"]


class Admission:
    """Counts of open connections and of running or waiting queries, by client address."""

    def __init__(self, workers: int, queue: int, client_queries: int, client_connections: int,
                 max_connections: int, wait: float):
        self.workers, self.queue, self.client_queries = workers, queue, client_queries
        self.client_connections = client_connections
        self.max_connections, self.wait = max_connections, wait
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(workers)
        self._conns: Counter = Counter()
        self._queries: Counter = Counter()
        self._waiting = 0

    def connect(self, client: str) -> str | None:
        """Admit a connection from ``client`` (None), or say why not; :meth:`disconnect` ends it."""
        with self._lock:
            if sum(self._conns.values()) >= self.max_connections:
                return f"the server has {self.max_connections} connections open, its limit"
            if self._conns[client] >= self.client_connections:
                return f"too many connections from your address ({self.client_connections} at most)"
            self._conns[client] += 1
        return None

    def disconnect(self, client: str) -> None:
        with self._lock:
            self._conns[client] -= 1
            if self._conns[client] <= 0:
                del self._conns[client]

    @contextmanager
    def query(self, client: str):
        """Hold a worker slot for one query from ``client``: yields None, or the reason it was refused."""
        got = False
        with self._lock:
            if self._queries[client] >= self.client_queries:
                why = f"your address already runs or waits for {self.client_queries} queries, its limit"
            else:
                got = self._slots.acquire(blocking=False)
                why = None if got or self._waiting < self.queue else "every query worker is busy and the queue is full"
            if why is None:
                self._queries[client] += 1
                self._waiting += not got
        if why is not None:
            yield why
            return
        if not got:
            got = self._slots.acquire(timeout=self.wait)
            with self._lock:
                self._waiting -= 1
        try:
            yield None if got else f"every query worker stayed busy for {self.wait:g} s"
        finally:
            if got:
                self._slots.release()
            with self._lock:
                self._queries[client] -= 1
                if self._queries[client] <= 0:
                    del self._queries[client]
