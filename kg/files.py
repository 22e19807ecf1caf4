"""Finding the article files under the paths a build is given, and naming them.

:func:`discover` walks folders in name order (symlinked folders followed once) and keeps
the files whose suffix says kg reads them (:data:`SUFFIXES`); links that loop or lead
nowhere are kept too, so that the reader (:mod:`kg.ingest`) reports them.
:func:`unique_source` and :func:`display_name` name documents in reports and in the graph.
"""
from __future__ import annotations

import errno
import logging
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .log import show

__all__ = ["discover", "format_suffix", "loop_target", "unique_source", "display_name", "SUFFIXES",
           "CORRECTIONS_FILE"]

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom")
#: The corrections file (:mod:`kg.corrections`): never read as articles, even among the sources.
CORRECTIONS_FILE = "corrections.jsonl"


def loop_target(p: Path) -> str | None:
    """For a link to a folder that contains the link itself: the folder it leads back to."""
    if not os.path.islink(p):
        return None
    try:
        target = os.path.realpath(p, strict=True)
        here = os.path.realpath(p.parent, strict=True)
    except (OSError, RuntimeError):
        return None
    if os.path.isdir(target) and (here == target or here.startswith(target.rstrip(os.sep) + os.sep)):
        return target
    return None


def format_suffix(p: Path) -> str:
    """The suffix that says how ``p`` is read (``.warc.gz`` is one).

    >>> format_suffix(Path("a/x.WARC.gz")), format_suffix(Path("y.txt"))
    ('.warc.gz', '.txt')
    """
    name = p.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else p.suffix.lower()


def _walk(root: Path) -> Iterator[Path]:
    """Candidate files under ``root``, in name order; symlinked folders followed once.

    Links that cannot lead to a file we read are not candidates, except links that
    loop (to an enclosing folder, or to each other) and broken links with one of
    :data:`SUFFIXES`: those are yielded so the reader reports them.
    """
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as e:
            log.warning("%s: cannot open folder (%s)", folder, e.strerror or e)
            continue
        if (st.st_dev, st.st_ino) in seen:
            log.debug("%s: folder already read by another route; not read again", folder)
            continue
        seen.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            log.warning("%s: cannot list folder (%s)", folder, e.strerror or e)
            continue
        subfolders = []
        for entry in entries:
            p = Path(entry.path)
            suffix_ok = format_suffix(p) in SUFFIXES and p.name != CORRECTIONS_FILE
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as e:  # ELOOP on a link to a link to itself
                if e.errno == errno.ELOOP or entry.is_symlink():
                    yield p
                continue
            if is_dir:
                if loop_target(p):
                    yield p
                else:
                    subfolders.append(p)
            elif is_file or not entry.is_symlink():  # pipes and devices too: the reader refuses them
                if suffix_ok:
                    yield p
            else:
                try:
                    os.stat(p)
                except OSError as e:
                    if e.errno == errno.ELOOP or suffix_ok:
                        yield p
        stack.extend(reversed(subfolders))


def discover(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The candidate files under ``paths`` (files or folders), in order, without duplicates.

    A file named directly is a candidate whatever its suffix (the reader refuses
    unknown ones with the reason); in folders only names ending in :data:`SUFFIXES`
    count. A file called :data:`CORRECTIONS_FILE` is never a candidate. Links that
    loop or lead nowhere are candidates too, so that the reader reports them. Raises :class:`InputError` naming the path when it does not
    exist, or when a folder holds no candidate file.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        p = Path(raw)
        if os.path.islink(p) and not p.exists():  # a broken or looping link named directly
            found[p] = None
        elif not p.exists():
            raise InputError(f"{show(p)}: no such file or folder")
        elif p.is_dir() and not loop_target(p):
            files = list(_walk(p))
            if not files:
                raise InputError(f"{show(p)}: folder holds no {', '.join(SUFFIXES)} files")
            for f in files:
                found[f] = None
        elif p.name != CORRECTIONS_FILE:
            found[p] = None
    return list(found)


def unique_source(source: str, path: str | os.PathLike, taken: set[str]) -> str:
    """``source``, or when another document already has it, the name with as many of
    ``path``'s folders as make it new (``b/x.txt``, ``a/b/x.txt``); it is added to ``taken``.

    >>> taken = set()
    >>> [unique_source("x.txt", p, taken) for p in ("a/b/x.txt", "c/b/x.txt", "d/b/x.txt")]
    ['x.txt', 'b/x.txt', 'd/b/x.txt']
    """
    name = source
    folders: list[str] = []
    k = 0
    while name in taken:
        if k == 0:
            folders = [display_name(f) for f in Path(path).parent.parts if f not in ("/", "\\")]
        k += 1
        if k <= len(folders):
            name = "/".join(folders[-k:] + [source])
        else:
            name = f"{source} ({k - len(folders) + 1})"
    taken.add(name)
    return name


_SURROGATE = re.compile("[\ud800-\udfff]")


def display_name(name: str | os.PathLike) -> str:
    r"""A file name as text any encoder takes: bytes that are not UTF-8 (lone surrogates
    in Python, :func:`os.fsdecode`) written ``\xNN``.

    >>> display_name(os.fsdecode(b"caf\xe9 \xff.txt")), display_name("café.txt")
    ('caf\\xe9 \\xff.txt', 'café.txt')
    """
    return _SURROGATE.sub(_escape, os.fsdecode(name))


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c <= 0xDCFF else f"\\u{c:04x}"
