"""``kg build``: files → Articles → DocResults → graph.ttl (and the browser page).

One bad document never loses the others: it is skipped with its reason.
"""
from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..fileio import atomic_write, clean_temps, folder_lock
from .cache import CACHE_DIR
from .extract import DOC_TIMEOUT
from .pool import local_runner
from .read import Reader
from .report import BuildReport
from .state import STATE_FILE
from .write import GRAPH_FILE, write_build

__all__ = ["build", "PAGE_FILE", "PAGE_MAX_TRIPLES", "PAGE_APART_BYTES"]

log = logging.getLogger(__name__)

#: The browser page a build writes next to the graph.
PAGE_FILE = "graph.html"
#: Above this many triples the build does not write graph.html (the page loads the whole graph).
PAGE_MAX_TRIPLES = 2_000_000
#: On a machine with one core, above this many bytes of graph the page is drawn by a fresh process
#: (:class:`kg.viz_apart.PageSink`), which loads the graph as the build writes it: the build's spaCy
#: pipeline and the page's store then never share one process's memory. About 100,000 triples as kg
#: writes them (67 bytes a triple in the graph of 2,000 generated articles); below it a new process
#: (0.3-0.5 s of CPU) would cost more than the page. With two cores or more that process starts with the
#: build, whatever its size: its start-up and imports then run beside the build's own, not after it.
PAGE_APART_BYTES = 6_700_000


def build(paths: Iterable[str | os.PathLike], out: str | os.PathLike, *, page: bool = True, jobs: int = 1,
          update: bool = False, dask: str | None = None, stats: dict | None = None,
          strict: bool = False, corrections: str | os.PathLike | None = None,
          doc_timeout: float | None = DOC_TIMEOUT) -> BuildReport:
    """Build ``out/graph.ttl`` (and ``out/graph.html``) from the articles under ``paths``.

    Articles are streamed: read one at a time, extracted by ``jobs`` processes (or on
    the Dask cluster at ``dask``) and written as they come (:mod:`kg.build.write`).
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
        runner = _runner(jobs, dask, early=update, budget=doc_timeout)
        _build(paths, out, report, runner, page=page, update=update, stats=stats, strict=strict,
               corrections=corrections)
    report.seconds = time.perf_counter() - t0
    return report


def _runner(jobs: int, dask, *, early: bool, budget: float | None):
    """Where chunks are extracted: on the Dask cluster at ``dask`` (:mod:`kg.build.dask_runner`,
    imported only then), else by a local pool of ``jobs`` processes (:mod:`kg.build.pool`)."""
    if dask is not None:
        from .dask_runner import dask_runner

        return dask_runner(dask)
    return local_runner(jobs, early=early, budget=budget)


def _clean(out: Path) -> None:
    """Remove the temporary files a killed build left in ``out`` (under the folder lock)."""
    for path in (out / GRAPH_FILE, out / PAGE_FILE, out / CACHE_DIR / STATE_FILE):
        for p in clean_temps(path):
            log.info("removed %s, left by a build that did not finish", p)


def _build(paths: list, out: Path, report: BuildReport, runner, *, page: bool, update: bool,
           stats: dict | None, strict: bool, corrections: str | os.PathLike | None) -> None:
    from ..corrections import find_default, load

    plan = load(corrections if corrections is not None else find_default(paths, out))
    info: dict = {} if stats is None else stats
    sink = _page_sink(out) if page else None
    try:
        graph = write_build(paths, out, report, Reader(paths, strict=strict), runner, update=update, stats=info,
                            corrections=plan, tee=None if sink is None else sink.write)
        if graph is None:
            reasons = "; ".join(f"{p}: {why}" for p, why in report.skipped[:3])
            raise InputError(f"no usable document in {', '.join(map(str, paths))}" + (f" ({reasons})" if reasons else ""))
        written = info.get("written", True)
        if written:
            report.outputs.append(str(graph))
        if sink is not None and report.triples > PAGE_MAX_TRIPLES:
            log.warning("graph.html not written: %s triples is more than the page loads (%s); use kg viz --focus on "
                        "a part of it", f"{report.triples:,}", f"{PAGE_MAX_TRIPLES:,}")
        elif sink is not None and (written or not _page_current(out, graph)):
            if written:
                page_path = sink.draw()
            else:  # the graph was left as it is: its page is drawn from the file
                from ..viz import write_page
                from ..viz_apart import draw_apart

                draw = draw_apart if graph.stat().st_size > PAGE_APART_BYTES else write_page
                page_path = draw(graph, out / PAGE_FILE)
            report.outputs.append(str(page_path))
            _record_page(out, graph)
    finally:
        if sink is not None:
            sink.close()


def _page_sink(out: Path):
    """The page's sink of the graph's stream (:class:`kg.viz_apart.PageSink`), or None when the page's
    libraries are not installed."""
    from importlib.util import find_spec

    if find_spec("pyvis") is None or find_spec("networkx") is None:
        return None
    from ..viz_apart import PageSink
    from .pool import cpu_count

    return PageSink(out / PAGE_FILE, 0 if cpu_count() > 1 else PAGE_APART_BYTES)


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
    try:
        rec = json.loads((out / CACHE_DIR / _PAGE_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    page = _stamp(out / PAGE_FILE)
    return page is not None and isinstance(rec, dict) and rec.get("page") == page and rec.get("graph") == _stamp(graph)


def _record_page(out: Path, graph: Path) -> None:
    atomic_write(out / CACHE_DIR / _PAGE_RECORD,
                 json.dumps({"page": _stamp(out / PAGE_FILE), "graph": _stamp(graph)}) + "\n")
