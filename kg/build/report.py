"""What a build read, skipped and produced, and its summary for the terminal."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..records import ENTITY_TYPES

__all__ = ["BuildReport"]


@dataclass
class BuildReport:
    """What a build read, skipped and produced."""

    read: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    copies: list = field(default_factory=list)   # kg.records.Copy: the same words as a document read before
    entities: Counter = field(default_factory=Counter)   # distinct entities in the graph, by type
    quotes: int = 0
    statements: int = 0
    roles: int = 0
    triples: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)   # corrections that changed nothing (kg.corrections)

    def summary(self, verbose: bool = False) -> str:
        """Counts, then every skipped document with its reason (and, if ``verbose``, every one read)."""
        from ..log import show

        ents = ", ".join(f"{k} {self.entities[k]}" for k in ENTITY_TYPES)
        lines = [f"documents read: {len(self.read)}" + (f", skipped: {len(self.skipped)}" if self.skipped else "")
                 + (f"; copies of them kept as sources: {len(self.copies)}" if self.copies else ""),
                 f"entities: {ents}",
                 f"quotes: {self.quotes} direct, {self.statements} reported; roles: {self.roles}; triples: {self.triples}",
                 f"time: {self.seconds:.2f} s"]
        if verbose:
            lines += [f"read {show(path)}" for path in self.read]
        shown = self.skipped if verbose or len(self.skipped) <= _SHOWN else self.skipped[:_SHOWN]
        lines += [f"skipped {show(path)}: {show(why)}" for path, why in shown]
        if len(shown) < len(self.skipped):
            kinds = Counter(_kind(why) for _, why in self.skipped[len(shown):])
            lines.append(f"skipped {len(self.skipped) - len(shown)} more (--verbose lists them): "
                         + "; ".join(f"{k} {n}" for k, n in kinds.most_common()))
        lines += [f"stale correction {show(s)}" for s in self.stale]
        lines += [f"wrote {show(p)}" for p in self.outputs]
        return "\n".join(lines)


_SHOWN = 50


def _kind(reason: str) -> str:
    """A skip reason without its particulars: ``binary file (a PNG image), not text`` → ``binary file``."""
    import re

    return re.split(r" of | \(|: |, ", re.sub(r"^line \d+: ", "", reason), maxsplit=1)[0]

