"""Reading a build's files into Articles: skips with their reasons, copies of a text read before.

Reading is stateful: a text already read elsewhere in the build is not read again but kept as a
copy of the first (:class:`kg.records.Copy`). :class:`Reader` keeps that state over the calls
of one build.
"""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from typing import Iterable

from ..errors import InputError
from ..files import discover, unique_source
from ..ingest import content_key, read_file
from ..log import Progress, show
from ..records import Article, Copy
from .report import BuildReport

__all__ = ["Reader", "read_all"]

log = logging.getLogger(__name__)


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
        if self.bar is None:
            self.bar = Progress(None, "reading")
            if self.bar.enabled and self.paths:
                self.bar.total = len(discover(self.paths))
        paths = list(paths)
        try:
            return read_all(paths, report, strict=self.strict, seen=self.seen, read=read)
        finally:
            self.bar.advance(len(paths))

