"""``kg serve``: a SPARQL 1.1 Protocol endpoint for a graph file, read-only by default.

Queries never run in the HTTP process. At start-up, before any thread exists, the
server forks a *zygote* that holds the loaded store; every query is run by a
worker forked from the zygote (copy-on-write, so forking is cheap). The HTTP
thread waits for the worker's answer until ``timeout`` and then kills it
(SIGKILL): a runaway query stops using the CPU when its time is up. A query still
running after ``LONG_QUERY`` seconds drops to the lowest CPU priority, so short
queries keep their speed while long ones run. Workers read
at most ``max_rows`` solutions; more is refused with 422 rather than cut short.

Every request is parsed by a real SPARQL parser (:func:`kg.sparql.check`, in the
worker) and refused before it runs, with a 4xx and a one-line reason: updates (403),
``SERVICE`` anywhere (403), ``file:`` IRIs and dataset parameters naming files (403),
undeclared prefixes (400: a query that works here works on any standard endpoint),
malformed SPARQL (400), unacceptable formats (406). Behind that check the zygote,
and so every worker, lives in an empty network namespace (Linux): the engine cannot
reach any address even if a query got past the parser. ``--writable`` turns on the
SPARQL 1.1 Graph Store Protocol at ``/store`` (also ``/data``); writes are applied
in the zygote, so every later query sees them. The zygote and its workers are
:mod:`kg.serve_worker`; the query page is :mod:`kg.serve_page`.
"""
from __future__ import annotations

import os
import pickle
import re
import select
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .admission import Admission
from .errors import KgError, QueryError
from .serve_config import ServeConfig
from .serve_page import ASSETS, PAGE_CSP, asset, page
from .serve_worker import recv_exact, recv_msg, send_msg, zygote

__all__ = ["ServeConfig", "Server", "make_server"]

RETRY_AFTER = 2  #: seconds, in every 503 for a full server
LONG_QUERY = 0.5  #: seconds after which a query's worker runs at the lowest CPU priority (nice 19)
_LENGTH = re.compile(r"[0-9]{1,18}")
_RDF_IN = {"text/turtle": "ttl", "application/x-turtle": "ttl", "application/n-triples": "nt",
           "application/n-quads": "nq", "application/trig": "trig", "application/ld+json": "jsonld",
           "application/rdf+xml": "rdf"}


class Server(ThreadingHTTPServer):
    """The HTTP server; ``close()`` stops it and its zygote.

    One thread per connection, at most ``cfg.max_connections`` of them (:class:`kg.admission.Admission`);
    a connection over a limit is answered 503 with ``Retry-After`` and closed at once.
    """

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, cfg: ServeConfig, store):
        self.cfg, self.triples, self.engine = cfg, len(store), store.engine
        super().__init__((cfg.host, cfg.port), Handler)  # bind first: a busy port fails before any fork
        ctl, child = socket.socketpair()
        pid = os.fork()  # before any thread: the zygote is a clean single-threaded copy
        if pid == 0:
            ctl.close()
            self.socket.close()
            try:
                zygote(child, store, cfg)
            finally:
                os._exit(0)
        child.close()
        self.isolated = recv_exact(ctl, 1) == b"1"
        self.zygote_pid, self._ctl, self._lock = pid, ctl, threading.Lock()
        self.admission = Admission(cfg.workers, cfg.queue, cfg.client_queries, cfg.client_connections,
                                   cfg.max_connections, cfg.queue_wait)

    def process_request(self, request, client_address):
        why = self.admission.connect(client_address[0])
        if why is None:
            return super().process_request(request, client_address)
        try:  # answered from the accepting thread: a few bytes, with a short timeout
            request.settimeout(0.5)
            body = f"server busy: {why}; retry later\n".encode()
            request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: %d\r\nConnection: close\r\n"
                            b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s"
                            % (RETRY_AFTER, len(body), body))
        except OSError:
            pass
        self.shutdown_request(request)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.admission.disconnect(client_address[0])

    def run_query(self, req: dict, client: str = "") -> tuple[int, str, bytes]:
        """Run ``req`` in a fresh worker when one is free; kill it when ``cfg.timeout`` has passed."""
        with self.admission.query(client) as why:
            if why is not None:
                return 503, "text/plain", f"server busy: {why}; retry later\n".encode()
            return self._run(req)

    def _run(self, req: dict) -> tuple[int, str, bytes]:
        deadline = time.monotonic() + self.cfg.timeout
        a, b = socket.socketpair()
        try:
            try:
                with self._lock:
                    socket.send_fds(self._ctl, [b"Q"], [b.fileno()])
                    pid = struct.unpack("!i", recv_exact(self._ctl, 4))[0]
            except OSError:
                return 500, "text/plain", b"the process holding the graph is gone; restart kg serve\n"
            finally:
                b.close()
            try:
                send_msg(a, pickle.dumps(req))
                if not select.select([a], [], [], min(LONG_QUERY, self.cfg.timeout))[0]:
                    try:  # a long query yields the CPU to the short ones that come after it
                        os.setpriority(os.PRIO_PROCESS, pid, 19)
                    except OSError:
                        pass
                a.settimeout(max(0.01, deadline - time.monotonic()))
                return pickle.loads(recv_msg(a))
            except socket.timeout:
                os.kill(pid, signal.SIGKILL)
                return 503, "text/plain", (f"query stopped after {self.cfg.timeout:g} s (the server's --timeout); "
                                           "its worker was killed\n").encode()
            except (ConnectionError, EOFError, pickle.UnpicklingError):
                return 500, "text/plain", (f"the query worker died before answering (over its "
                                           f"{self.cfg.max_memory_mb} MB memory allowance?)\n").encode()
        finally:
            a.close()

    def write(self, op: str, graph: str | None, data: bytes | None, fmt: str | None) -> tuple[int, str]:
        with self._lock:
            self._ctl.sendall(b"W")
            send_msg(self._ctl, pickle.dumps((op, graph, data, fmt)))
            return pickle.loads(recv_msg(self._ctl))

    def close(self) -> None:
        self.server_close()
        self._ctl.close()  # the zygote reads EOF and exits
        try:
            os.kill(self.zygote_pid, signal.SIGTERM)
            os.waitpid(self.zygote_pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # control characters from clients never reach the terminal
        sys.stderr.write(("%s - " % self.address_string() + fmt % args).encode("ascii", "backslashreplace")
                         .decode().translate({i: "?" for i in range(32)}) + "\n")

    def setup(self):
        self.timeout = self.server.cfg.idle_timeout  # idle, mid-header and mid-body: the socket's read timeout
        super().setup()

    def parse_request(self) -> bool:
        self._consumed = False  # whether this request's body has been read
        return super().parse_request()

    def _reply(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        if ctype == "text/plain":
            ctype = "text/plain; charset=utf-8"
        if not self._consumed and (self.headers.get("Transfer-Encoding") or
                                   (self.headers.get("Content-Length") or "0").strip() != "0"):
            self.close_connection = True  # an unread body must never be read as the next request
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "X-Kg-Bindings")
        self.send_header("X-Content-Type-Options", "nosniff")
        if not ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy", "default-src 'none'; sandbox")
        if status == 503 and body.startswith(b"server busy"):
            self.send_header("Retry-After", str(RETRY_AFTER))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _err(self, status: int, msg: str, extra: dict | None = None) -> None:
        self._reply(status, "text/plain", (msg.rstrip() + "\n").encode("utf-8"), extra)

    def _body(self, limit: int) -> bytes | None:
        """The request body, or None after answering why not (411, 400, 413) or when the client went away."""
        if self.headers.get("Transfer-Encoding"):
            return self._err(411, "chunked request bodies are not accepted; send the body with a Content-Length")
        lengths = self.headers.get_all("Content-Length") or ["0"]
        if len(set(lengths)) != 1 or not _LENGTH.fullmatch(lengths[0].strip()):
            return self._err(400, f"bad Content-Length {', '.join(lengths)!r}; give one number of bytes")
        n = int(lengths[0])
        if n > limit:
            return self._err(413, f"request body over {limit} bytes")
        try:
            body = self.rfile.read(n)
        except OSError:  # timed out or reset mid-body
            body = b""
        if len(body) < n:
            self.close_connection = True
            return None
        self._consumed = True
        return body

    def _not_allowed(self, path: str) -> None:
        if path not in ("/", "/sparql", "/query", "/store", "/data"):
            return self._err(404, f"no such path {path!r}; the endpoint is /sparql, the query page /")
        allow = "GET, HEAD, PUT, POST, DELETE, OPTIONS" if path in ("/store", "/data") else "GET, HEAD, POST, OPTIONS"
        self._err(405, f"{self.command} is not allowed on {path}; allowed: {allow}", {"Allow": allow})

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/store", "/data"):
            return self._gsp("GET", params, None)
        if url.path == "/" and "query" not in params:
            return self._reply(200, "text/html; charset=utf-8", page(self.server.triples, self.server.engine),
                               {"Content-Security-Policy": PAGE_CSP})
        if url.path.lstrip("/") in ASSETS:
            name = url.path.lstrip("/")
            return self._reply(200, ASSETS[name], asset(name), {"Cache-Control": "max-age=3600"})
        if url.path not in ("/", "/sparql", "/query"):
            return self._err(404, f"no such path {url.path!r}; the endpoint is /sparql, the query page /")
        self._sparql(params)

    do_HEAD = do_GET

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path in ("/store", "/data"):
            return self._gsp("POST", params, ctype)
        if url.path == "/update" or ctype == "application/sparql-update":
            return self._err(403, "updates are refused: this endpoint is read-only")
        if url.path not in ("/", "/sparql", "/query"):
            return self._err(404, f"no such path {url.path!r}; the endpoint is /sparql")
        body = self._body(self.server.cfg.max_request)
        if body is None:
            return
        if ctype == "application/x-www-form-urlencoded":
            for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        else:
            return self._err(415, f"unsupported Content-Type {ctype!r}; use application/x-www-form-urlencoded "
                                  "or application/sparql-query")
        self._sparql(params)

    def do_PATCH(self):
        self._not_allowed(urllib.parse.urlsplit(self.path).path)

    def do_PUT(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/store", "/data"):
            return self._not_allowed(url.path)
        self._gsp("PUT", urllib.parse.parse_qs(url.query, keep_blank_values=True),
                  (self.headers.get("Content-Type") or "").split(";")[0].strip().lower())

    def do_DELETE(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/store", "/data"):
            return self._not_allowed(url.path)
        self._gsp("DELETE", urllib.parse.parse_qs(url.query, keep_blank_values=True), None)

    def _sparql(self, params: dict) -> None:
        from .query import parse_term

        if "update" in params:
            return self._err(403, "updates are refused: this endpoint is read-only")
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            return self._err(400, "give exactly one non-empty 'query' parameter")
        named = params.get("default-graph-uri", []) + params.get("named-graph-uri", [])
        if any(u.lower().startswith("file:") for u in named):
            return self._err(403, "file: IRIs are refused: this endpoint does not read files")
        if named:
            return self._err(400, "default-graph-uri and named-graph-uri are not supported; use GRAPH in the query")
        try:
            bindings = {k[1:]: parse_term(v[-1]) for k, v in params.items() if k.startswith("$") and len(k) > 1}
        except KgError as e:
            return self._err(400, str(e))
        # the query is parsed and checked (SERVICE, updates, file: IRIs, prefixes) in the worker, not here
        req = {"query": queries[0], "bindings": bindings, "accept": self.headers.get("Accept"),
               "format": params.get("format", []) + params.get("output", []) + params.get("results", [])}
        status, ctype, body = self.server.run_query(req, self.client_address[0])
        extra = {"X-Kg-Bindings": ",".join(sorted(bindings))} if bindings and status == 200 else {}
        self._reply(status, ctype, body, extra)

    def _gsp(self, op: str, params: dict, ctype: str | None) -> None:
        graph = (params.get("graph") or [None])[-1]
        if graph is None and "default" not in params and op != "POST":
            return self._err(400, "name the graph: ?default or ?graph=IRI")
        if graph is not None and not urllib.parse.urlsplit(graph).scheme:
            return self._err(400, f"graph {graph!r} is not an absolute IRI")
        if op == "GET":
            text = ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }" if graph else
                    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            req = {"query": text, "bindings": {"g": ("iri", graph, None, None)} if graph else {},
                   "accept": self.headers.get("Accept"), "format": []}
            return self._reply(*self.server.run_query(req, self.client_address[0]))
        if not self.server.cfg.writable:
            return self._err(403, "this endpoint is read-only; start kg serve with --writable to accept "
                                  "Graph Store Protocol writes")
        fmt = None
        if op != "DELETE":
            fmt = _RDF_IN.get(ctype or "")
            if fmt is None:
                return self._err(415, f"unsupported Content-Type {ctype!r}; use one of {', '.join(_RDF_IN)}")
            if graph is not None and fmt in ("nq", "trig"):
                return self._err(400, "quads (N-Quads, TriG) go to the dataset: POST them without ?graph")
        data = self._body(self.server.cfg.max_upload) if op != "DELETE" else None
        if op != "DELETE" and data is None:
            return
        status, msg = self.server.write(op, graph, data, fmt)
        self._reply(status, "text/plain", (msg + "\n").encode() if msg else b"")


def make_server(cfg: ServeConfig) -> Server:
    """Load ``cfg.graph`` and bind the server (not yet serving); raises KgError on bad input."""
    import ipaddress

    from .store import open_graph

    if cfg.timeout <= 0:
        raise QueryError(f"--timeout must be positive, not {cfg.timeout}")
    if not 0 <= cfg.port <= 65535:
        raise QueryError(f"--port {cfg.port} is not a TCP port; give 1-65535 (or 0 for any free port)")
    store = open_graph(cfg.graph, cfg.engine)
    if cfg.union_default_graph:
        store.union_default_graph = True
    try:
        ipaddress.ip_address(cfg.host)
    except ValueError:
        raise QueryError(f"--host {cfg.host!r} is not an IP address (use 127.0.0.1, or 0.0.0.0 for every "
                         "interface)") from None
    try:
        return Server(cfg, store)
    except OSError as e:
        raise QueryError(f"cannot listen on {cfg.host}:{cfg.port}: {e.strerror}") from None
