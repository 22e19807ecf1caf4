"""The entity index of a written graph, kept for ``kg build --update``.

After a build, ``OUT/.kg-cache/entities.pickle`` holds every entity's merged facts
(:class:`~kg.graph.EntityIndex`) and where its description lies in ``graph.ttl``.
It is written while the entity section is written, in batches of entities, so the
build holds no second copy of the index; a last record ties it to the graph it
describes (size and modification time) and to the code that wrote it.
"""
from __future__ import annotations

import os
import pickle
from collections import Counter
from pathlib import Path

from ..graph import EntityIndex
from ..fileio import AtomicFile

__all__ = ["StateWriter", "load_state", "STATE_FILE"]

STATE_FILE = "entities.pickle"
_BATCH = 4096


class StateWriter:
    """Collects ``(<iri>, key, offset, length, triples)`` of each entity written (its
    ``sink``) with the entity's facts from ``index``; :meth:`commit` puts the file in place."""

    def __init__(self, folder: str | os.PathLike, index: EntityIndex) -> None:
        self.path = Path(folder) / STATE_FILE
        self._file = AtomicFile(self.path, "wb")
        self._f = self._file.file
        self.index = index
        self._batch: list[tuple] = []

    def __call__(self, iri: str, key: str, offset: int, length: int, triples: int) -> None:
        x = self.index
        self._batch.append((iri, key, offset, length, triples, x.types[key], dict(x.labels[key]), x.aliases[key],
                            x.official.get(key), x.kind.get(key), x.part_of.get(key)))
        if len(self._batch) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            pickle.dump(self._batch, self._f, protocol=pickle.HIGHEST_PROTOCOL)
            self._batch = []

    def commit(self, graph_stamp: str, code: str) -> None:
        """End with the stamp of the graph just written and the code fingerprint; rename into place."""
        self._flush()
        pickle.dump({"graph": graph_stamp, "code": code}, self._f, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.commit()

    def abort(self) -> None:
        self._file.abort()


def load_state(folder: str | os.PathLike, graph_stamp: str, code: str) -> tuple[EntityIndex, dict] | None:
    """``(index, {key: (<iri>, offset, length, triples)})`` kept with the graph stamped
    ``graph_stamp`` by the code ``code``; None when there is none, or it is for another
    graph or code, or it cannot be read."""
    index = EntityIndex()
    where: dict[str, tuple] = {}
    try:
        with open(Path(folder) / STATE_FILE, "rb") as f:
            while True:
                rec = pickle.load(f)
                if isinstance(rec, dict):
                    ok = rec.get("graph") == graph_stamp and rec.get("code") == code
                    return (index, where) if ok else None
                for iri, key, off, length, n, types, labels, aliases, official, kind, part_of in rec:
                    where[key] = (iri, off, length, n)
                    index.types[key] = types
                    index.labels[key] = Counter(labels)
                    index.aliases[key] = aliases
                    if official is not None:
                        index.official[key] = official
                    if kind is not None:
                        index.kind[key] = kind
                    if part_of is not None:
                        index.part_of[key] = part_of
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None
