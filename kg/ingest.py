"""Ingest: files → :class:`~kg.records.Article`.

Finds the article files under the given paths and decodes them. The text is kept
exactly as decoded, so every offset the later stages record points into it;
:func:`kg.layout.parse_article` then finds the title, dateline, date, bylines and
the parts that are not the article.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .layout import parse_article
from .records import Article

__all__ = ["discover", "read_article", "SUFFIXES"]

SUFFIXES = (".txt",)


def discover(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The article files under ``paths`` (files or folders), sorted, without duplicates.

    Raises :class:`InputError` naming the path when it does not exist, or when
    a folder holds no file with a suffix in :data:`SUFFIXES`.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                raise InputError(f"{p}: folder holds no {'/'.join(SUFFIXES)} files")
            for f in files:
                found[f] = None
        else:
            found[p] = None
    return list(found)


def read_article(path: str | os.PathLike) -> Article:
    """Read one file as UTF-8 and parse it; :class:`InputError` names the file and reason."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from e
    if b"\x00" in data[:4096]:
        raise InputError(f"{p}: binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not UTF-8 text (byte {e.start})") from e
    if not text.strip():
        raise InputError(f"{p}: empty document")
    return parse_article(p.name, text, path=str(p))


