"""How ``kg serve`` runs: :class:`ServeConfig`, whose defaults the CLI shows.

Kept apart from :mod:`kg.serve` so that the CLI reads the defaults without importing
the server (or rdflib).
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ServeConfig"]


@dataclass
class ServeConfig:
    """How ``kg serve`` runs; the CLI options map one to one."""

    graph: str
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_rows: int = 100_000
    max_bytes: int = 100 * 2**20
    max_request: int = 2**20
    max_upload: int = 256 * 2**20
    workers: int = 8
    queue: int = 32  #: queries waiting for a worker; more are refused (503)
    queue_wait: float = 5.0  #: seconds a query waits for a worker before 503
    client_queries: int = 2  #: queries one address may run or wait for at once
    client_connections: int = 16  #: connections (threads) one address may hold
    max_connections: int = 128  #: connections (threads) in all
    idle_timeout: float = 10.0  #: seconds a connection may stay silent (idle, mid-header or mid-body)
    max_memory_mb: int = 2048
    engine: str | None = None
    writable: bool = False
    union_default_graph: bool = False
