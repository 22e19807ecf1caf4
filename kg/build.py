"""``kg build``: files → Articles → DocResults → graph.ttl (and the browser page).

One bad document never loses the others: it is skipped with its reason.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .ingest import discover, read_article
from .records import Article, DocResult

__all__ = ["BuildReport", "build", "read_all"]


@dataclass
class BuildReport:
    """What a build read, skipped and produced."""

    read: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    quotes: int = 0
    statements: int = 0
    roles: int = 0
    triples: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        ents = ", ".join(f"{k} {self.entities[k]}" for k in ("Person", "Agency", "Policy", "Event", "Place"))
        lines = [f"documents read: {len(self.read)}" + (f", skipped: {len(self.skipped)}" if self.skipped else ""),
                 f"entities: {ents}",
                 f"quotes: {self.quotes} direct, {self.statements} reported; roles: {self.roles}; triples: {self.triples}",
                 f"time: {self.seconds:.2f} s"]
        lines += [f"skipped {path}: {why}" for path, why in self.skipped]
        lines += [f"wrote {p}" for p in self.outputs]
        return "\n".join(lines)


def read_all(paths: Iterable[str | os.PathLike], report: BuildReport) -> list[Article]:
    """Read every file; unreadable ones go to ``report.skipped`` with their reason."""
    articles = []
    seen_names: Counter = Counter()
    for path in discover(paths):
        try:
            art = read_article(path)
        except InputError as e:
            report.skipped.append((str(path), str(e).split(": ", 1)[-1]))
            continue
        seen_names[art.source] += 1
        if seen_names[art.source] > 1:
            # two files with one name in different folders: keep both, told apart by path
            from dataclasses import replace
            art = replace(art, source=f"{Path(path).parent.name}/{art.source}")
        articles.append(art)
        report.read.append(str(path))
    return articles


def build(paths: Iterable[str | os.PathLike], out: str | os.PathLike, *, page: bool = True) -> BuildReport:
    """Build ``out/graph.ttl`` (and ``out/graph.html``) from the articles under ``paths``."""
    t0 = time.perf_counter()
    report = BuildReport()
    articles = read_all(paths, report)
    if not articles:
        reasons = "; ".join(f"{p}: {why}" for p, why in report.skipped[:3])
        raise InputError(f"no usable document in {', '.join(map(str, paths))}" + (f" ({reasons})" if reasons else ""))
    from .nlp import Extractor
    from .graph import build_graph, write_graph

    extractor = Extractor()
    results: list[DocResult] = list(extractor.pipe(articles))
    for r in results:
        report.entities.update(e.type for e in r.entities)
        report.quotes += sum(q.direct for q in r.quotes)
        report.statements += sum(not q.direct for q in r.quotes)
        report.roles += len(r.roles)
    g = build_graph(results)
    report.triples = len(g)
    out = Path(out)
    report.outputs.append(str(write_graph(g, out / "graph.ttl")))
    if page:
        try:
            from .viz import write_page
        except ImportError:
            write_page = None
        if write_page is not None:
            report.outputs.append(str(write_page(g, out / "graph.html")))
    report.seconds = time.perf_counter() - t0
    return report
