"""The browser page drawn by a fresh Python process (:func:`kg.viz.write_page` with ``fresh=True``).

``kg build`` draws the page of a large graph so (:data:`kg.build.run.PAGE_APART_TRIPLES`): the
build's spaCy pipeline and the page's store are then never in one process's memory.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from .errors import KgError

__all__ = ["draw_apart"]

#: What the fresh process runs: the job (sys.path, source, path, options) comes pickled on stdin.
_CHILD = ("import pickle, sys; job = pickle.load(sys.stdin.buffer); sys.path[:] = job[0]; "
          "from kg.viz import write_page; from kg.viz_apart import _answer; _answer(write_page, *job[1:])")


def draw_apart(source, path, **options) -> Path:
    """:func:`kg.viz.write_page` with ``options``, run by a new interpreter (``python -c``: it imports
    only what the page needs, and no ``__main__`` guard is needed, as multiprocessing's spawn would
    need); its errors are raised here."""
    if not isinstance(source, (str, os.PathLike)):
        raise KgError(f"a page drawn in a fresh process reads a graph file, not {type(source).__name__}")
    job = pickle.dumps((list(sys.path), os.fspath(source), os.fspath(path), options))
    proc = subprocess.run([sys.executable, "-c", _CHILD], input=job, stdout=subprocess.PIPE, check=False)
    try:
        done, value = pickle.loads(proc.stdout)
    except Exception:  # noqa: BLE001 -- it died before answering (killed, out of memory)
        raise KgError(f"the process drawing {path} ended before writing it (exit status {proc.returncode})") from None
    if not done:
        raise value
    return value


def _answer(write_page, source: str, path: str, options: dict) -> None:
    """The fresh process's side: ``(True, path)`` or ``(False, the error)`` goes back pickled on stdout
    (anything else printed goes to stderr)."""
    out, sys.stdout = sys.stdout.buffer, sys.stderr
    try:
        answer = (True, write_page(source, path, **options))
    except Exception as e:  # noqa: BLE001 -- raised again in the calling process
        answer = (False, e)
    out.write(pickle.dumps(answer))
    out.flush()
