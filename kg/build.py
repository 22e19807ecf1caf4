"""``kg build``: files → Articles → DocResults → graph.ttl (and the browser page).

One bad document never loses the others: it is skipped with its reason.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .fileio import clean_temps, folder_lock
from .files import discover
from .parallel import DOC_TIMEOUT
from .records import Article, Copy

__all__ = ["BuildReport", "Reader", "build", "read_all"]


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
        from .log import show

        ents = ", ".join(f"{k} {self.entities[k]}" for k in ("Person", "Agency", "Policy", "Event", "Place"))
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


def read_all(paths: Iterable[str | os.PathLike], report: BuildReport, *, strict: bool = False,
             seen: dict[str, str] | None = None, read=None) -> list[Article]:
    """Read every document under ``paths``; the ones that cannot be used go to
    ``report.skipped`` with their reason, and a warning names each.

    A document whose words were already read (``seen``: content hash → where; pass
    the same dict to calls of one build) is not read again: it goes to
    ``report.copies`` as a :class:`~kg.records.Copy` of the first (syndication: the
    same press release on several sites is one document with several sources).
    ``strict``: the first skip raises :class:`InputError` instead.
    ``read(path)``: the file's outcomes when it was read elsewhere (default
    :func:`kg.ingest.read_file`).
    """
    import logging

    from .files import unique_source
    from .ingest import content_key, read_file
    from .log import show

    log = logging.getLogger(__name__)
    seen = {} if seen is None else seen
    articles = []
    names: set[str] = set()
    for path in discover(paths):
        for o in (read or read_file)(path):
            reason = o.reason
            if o.article is not None:
                first = seen.setdefault(content_key(o.article.text), o.source)
                if first != o.source:
                    log.info("%s: the same words as %s; kept as another source of it", o.source, first)
                    report.copies.append(Copy.of_article(o.article, first))
                    continue
            if reason:
                if strict:
                    raise InputError(f"{show(o.source)}: {reason} (--strict stops at any skipped document)")
                log.warning("skipped %s: %s", o.source, reason)
                report.skipped.append((o.source, reason))
                continue
            for note in o.notes:
                log.warning("%s: %s", o.source, note)
            art = o.article
            source = unique_source(art.source, path, names)
            if source != art.source:  # one name in different folders: told apart by their folders
                art = replace(art, source=source)
            log.debug("read %s", o.source)
            articles.append(art)
            report.read.append(o.source)
    return articles


class Reader:
    """:func:`read_all` for a build that reads its files one call at a time: one
    check for copies over all calls, ``strict`` kept, a progress bar over the files."""

    def __init__(self, paths: Iterable[str | os.PathLike] = (), *, strict: bool = False) -> None:
        self.paths = list(paths)
        self.strict = strict
        self.seen: dict[str, str] = {}
        self.bar = None

    def __call__(self, paths: Iterable[str | os.PathLike], report: BuildReport, read=None) -> list[Article]:
        from .log import Progress

        if self.bar is None:
            self.bar = Progress(None, "reading")
            if self.bar.enabled and self.paths:
                self.bar.total = len(discover(self.paths))
        paths = list(paths)
        try:
            return read_all(paths, report, strict=self.strict, seen=self.seen, read=read)
        finally:
            self.bar.advance(len(paths))


#: The browser page a build writes next to the graph.
PAGE_FILE = "graph.html"
#: Above this many triples the build does not write graph.html (the page loads the whole graph).
PAGE_MAX_TRIPLES = 2_000_000


def build(paths: Iterable[str | os.PathLike], out: str | os.PathLike, *, page: bool = True, jobs: int = 1,
          update: bool = False, dask: str | None = None, stats: dict | None = None,
          strict: bool = False, corrections: str | os.PathLike | None = None,
          doc_timeout: float | None = DOC_TIMEOUT) -> BuildReport:
    """Build ``out/graph.ttl`` (and ``out/graph.html``) from the articles under ``paths``.

    Articles are streamed: read one at a time, extracted by ``jobs`` processes (or on
    the Dask cluster at ``dask``) and written as they come (:mod:`kg.incremental`).
    ``update`` re-reads only new or changed files of an earlier build in ``out`` and
    drops deleted ones. ``stats``, when given, receives stage times and update counts.
    ``strict``: any skipped document raises :class:`InputError` and nothing is written.
    ``corrections``: the corrections file (:mod:`kg.corrections`); by default
    ``corrections.jsonl`` in ``out`` or in the first input folder, if there is one.
    ``doc_timeout``: seconds one document may take to extract (None or 0: no limit); one
    that takes more is skipped with that reason.

    One build at a time writes to ``out``: another one holding it raises
    :class:`InputError` naming it (:func:`kg.fileio.folder_lock`). Temporary files
    of a build that was killed are removed first.
    """
    t0 = time.perf_counter()
    report = BuildReport()
    paths = list(paths)
    out = Path(out)
    with folder_lock(out):
        _clean(out)
        _build(paths, out, report, page=page, jobs=jobs, update=update, dask=dask, stats=stats, strict=strict,
               budget=doc_timeout, corrections=corrections)
    report.seconds = time.perf_counter() - t0
    return report


def _clean(out: Path) -> None:
    """Remove the temporary files a killed build left in ``out`` (under the folder lock)."""
    import logging

    from .incremental import CACHE_DIR, GRAPH_FILE
    from .entity_state import STATE_FILE

    for path in (out / GRAPH_FILE, out / PAGE_FILE, out / CACHE_DIR / STATE_FILE):
        for p in clean_temps(path):
            logging.getLogger(__name__).info("removed %s, left by a build that did not finish", p)


def _build(paths: list, out: Path, report: BuildReport, *, page: bool, jobs: int, update: bool, dask,
           stats: dict | None, strict: bool, budget: float | None,
           corrections: str | os.PathLike | None) -> None:
    from .corrections import find_default, load
    from .incremental import write_build

    plan = load(corrections if corrections is not None else find_default(paths, out))
    info: dict = {} if stats is None else stats
    graph = write_build(paths, out, report, Reader(paths, strict=strict), jobs=jobs, update=update, dask=dask, stats=info,
                        corrections=plan, budget=budget)
    if graph is None:
        reasons = "; ".join(f"{p}: {why}" for p, why in report.skipped[:3])
        raise InputError(f"no usable document in {', '.join(map(str, paths))}" + (f" ({reasons})" if reasons else ""))
    if info.get("written", True):
        report.outputs.append(str(graph))
    if page and report.triples > PAGE_MAX_TRIPLES:
        import logging

        logging.getLogger(__name__).warning("graph.html not written: %s triples is more than the page loads "
                                            "(%s); use kg viz --focus on a part of it", f"{report.triples:,}",
                                            f"{PAGE_MAX_TRIPLES:,}")
    elif page and (info.get("written", True) or not _page_current(out, graph)):
        try:
            from .viz import write_page
        except ImportError:
            write_page = None
        if write_page is not None:
            report.outputs.append(str(write_page(graph, out / PAGE_FILE)))
            _record_page(out, graph)


# The page is written after the graph, so a build killed between the two leaves a new graph
# and an old page. ``OUT/.kg-cache/page.json``, written last, says which graph the page on
# disk was drawn from; a page it does not vouch for is drawn again by the next build.
_PAGE_RECORD = "page.json"


def _stamp(path: Path) -> str | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}"


def _page_current(out: Path, graph: Path) -> bool:
    """Was ``out/graph.html`` drawn from ``graph`` as it is now?"""
    import json

    from .incremental import CACHE_DIR

    try:
        rec = json.loads((out / CACHE_DIR / _PAGE_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    page = _stamp(out / PAGE_FILE)
    return page is not None and isinstance(rec, dict) and rec.get("page") == page and rec.get("graph") == _stamp(graph)


def _record_page(out: Path, graph: Path) -> None:
    import json

    from .fileio import atomic_write
    from .incremental import CACHE_DIR

    atomic_write(out / CACHE_DIR / _PAGE_RECORD,
                 json.dumps({"page": _stamp(out / PAGE_FILE), "graph": _stamp(graph)}) + "\n")
