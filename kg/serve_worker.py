"""The process side of ``kg serve`` (:mod:`kg.serve`): the *zygote*, forked at start-up with
the loaded store, and the workers it forks from itself, one per query.

A worker answers one request (parse, check, run, serialize) under CPU and memory limits, with
an audit hook that refuses network calls, and the zygote itself lives in an empty network
namespace when the system allows one (:func:`cut_network`). Writes of the Graph Store Protocol
(``--writable``) are applied in the zygote, so every later worker sees them. Messages go over
Unix sockets as an 8-byte length, then the bytes (:func:`send_msg`, :func:`recv_msg`).
"""
from __future__ import annotations

import os
import pickle
import signal
import socket
import struct
import sys

from .errors import QueryError
from .ns import SPARQL_PREFIXES
from .results import BY_FORM, RESULT_FORMATS, negotiate, serialize_solutions

__all__ = ["send_msg", "recv_exact", "recv_msg", "cut_network", "zygote"]


def send_msg(sock: socket.socket, data: bytes) -> None:
    """Send ``data`` as one message: its length (8 bytes), then the bytes."""
    sock.sendall(struct.pack("!Q", len(data)) + data)


def recv_exact(sock: socket.socket, n: int) -> bytes:
    """Exactly ``n`` bytes from ``sock``; ConnectionError when the peer closes first."""
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise ConnectionError("peer closed")
        buf += chunk
    return bytes(buf)


def recv_msg(sock: socket.socket) -> bytes:
    """One message sent by :func:`send_msg`."""
    return recv_exact(sock, struct.unpack("!Q", recv_exact(sock, 8))[0])


def _deny_network(event: str, args) -> None:
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request",
                 "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"):
        raise PermissionError(f"kg serve: {event} is not allowed while answering a query")


def _refusal(checked) -> tuple[int, str, bytes] | None:
    """Why a parsed request is refused, as an HTTP answer; None when it may run."""
    def no(status: int, msg: str) -> tuple[int, str, bytes]:
        return status, "text/plain", (msg + "\n").encode("utf-8")

    if checked.form == "UPDATE":
        return no(403, "updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) are refused: this endpoint is read-only")
    if checked.service:
        return no(403, "SERVICE is refused: this endpoint does not call other endpoints")
    if checked.file_iris:
        return no(403, "file: IRIs are refused: this endpoint does not read files")
    if checked.undeclared:
        p = checked.undeclared[0]
        line = f"PREFIX {p}: <{SPARQL_PREFIXES[p]}>" if p in SPARQL_PREFIXES else f"PREFIX {p}: <...>"
        return no(400, f"undeclared prefix {p}: in the query; add the line {line!r} (a standard SPARQL endpoint "
                       "needs every prefix declared)")
    return None


def _answer(store, cfg, req: dict) -> tuple[int, str, bytes]:
    """Parse, check and run one request in a worker: (status, content type, body)."""
    from .sparql import check

    try:
        checked = check(req["query"])
    except QueryError as e:
        return 400, "text/plain", f"{e}\n".encode()
    refused = _refusal(checked)
    if refused:
        return refused
    try:
        sol = store.execute(checked.text, req["bindings"], max_rows=cfg.max_rows)
    except QueryError as e:
        return 400, "text/plain", f"{e}\n".encode()
    if sol.overflow:
        return 422, "text/plain", (f"the answer has more than {cfg.max_rows} rows or triples (the server's "
                                   "--max-rows); add a LIMIT or ask the server to allow more\n").encode()
    fmt = negotiate(sol.form, req["accept"], req["format"])
    if fmt is None:
        ok = ", ".join(RESULT_FORMATS[f] for f in BY_FORM["SELECT" if sol.form == "ASK" else sol.form])
        return 406, "text/plain", f"cannot answer {sol.form} in {req['accept']!r}; available: {ok}\n".encode()
    body = serialize_solutions(sol, fmt)
    if len(body) > cfg.max_bytes:
        return 422, "text/plain", f"the answer is larger than {cfg.max_bytes} bytes (the server's limit)\n".encode()
    return 200, RESULT_FORMATS[fmt] + ("; charset=utf-8" if fmt in ("csv", "tsv", "turtle") else ""), body


def _worker(conn: socket.socket, store, cfg) -> None:
    import resource

    cpu = int(cfg.timeout) + 2  # a backstop should the server die before it can kill us
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    if cfg.max_memory_mb:  # on top of the store the worker shares with the zygote
        with open("/proc/self/statm") as f:
            size = int(f.read().split()[0]) * resource.getpagesize()
        cap = size + cfg.max_memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    sys.addaudithook(_deny_network)
    req = pickle.loads(recv_msg(conn))
    try:
        out = _answer(store, cfg, req)
    except Exception as e:  # noqa: BLE001 - every failure becomes an HTTP answer
        out = (500, "text/plain", f"query failed: {type(e).__name__}: {e}\n".encode())
    send_msg(conn, pickle.dumps(out))


def _write(store, op: str, graph: str | None, data: bytes | None, fmt: str | None) -> tuple[int, str]:
    from .errors import GraphFileError
    from .store import new_store

    had = graph is None or graph in store.graphs()
    try:
        if op in ("PUT", "POST"):  # parse once aside: a bad upload changes nothing
            new_store(store.engine).load(data=data, fmt=fmt)
        if op in ("PUT", "DELETE"):
            store.clear(graph)
        if op in ("PUT", "POST"):
            store.load(data=data, fmt=fmt, graph=graph)
    except GraphFileError as e:
        return 400, str(e)
    if op == "DELETE" and not had:
        return 404, f"no graph {graph}"
    return (201 if op == "PUT" and not had else 204), ""


def cut_network() -> bool:
    """Move this process into a new, empty network namespace (Linux): from then on it, and every
    process it forks, can reach no address at all, loopback included. True when done."""
    import ctypes

    try:
        unshare = ctypes.CDLL(None, use_errno=True).unshare
    except (OSError, AttributeError):
        return False
    new_user, new_net = 0x10000000, 0x40000000  # CLONE_NEWUSER lets a non-root user make the namespace
    return any(unshare(flags) == 0 for flags in (new_net, new_user | new_net))


def zygote(sock: socket.socket, store, cfg) -> None:
    """Run in the process forked at start-up, holding ``store``: fork a worker for every query
    (``Q`` and the socket to answer on), apply every write (``W``), until ``sock`` closes.
    ``cfg`` is the :class:`kg.serve.ServeConfig`."""
    from .sparql import check

    check("PREFIX a: <b:> SELECT ?s { ?s a:p ?o FILTER(?o > 1) } LIMIT 1")  # load and warm the parser once, here
    sock.sendall(b"1" if cut_network() else b"0")  # before any query: SERVICE, LOAD or FROM <http:...> reach nothing
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps workers; no zombies
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    store.offline()  # FROM never fetches anything
    while True:
        msg, fds, _, _ = socket.recv_fds(sock, 1, 1)
        if not msg:
            return
        if msg == b"Q":
            pid = os.fork()
            if pid == 0:
                sock.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                try:
                    _worker(socket.socket(fileno=fds[0]), store, cfg)
                finally:
                    os._exit(0)
            os.close(fds[0])
            sock.sendall(struct.pack("!i", pid))
        elif msg == b"W":
            try:
                out = _write(store, *pickle.loads(recv_msg(sock)))
            except Exception as e:  # noqa: BLE001 - the zygote must outlive a bad write
                out = (500, f"write failed: {type(e).__name__}: {e}")
            send_msg(sock, pickle.dumps(out))
