"""Ingest: files → :class:`~kg.records.Article`, or a clear reason why not.

Reads the article files :func:`kg.files.discover` finds (``.txt``, ``.md``, ``.html``/``.htm``,
``.jsonl``, ``.warc``/``.warc.gz``, ``.rss``/``.atom``) and decodes them (:mod:`kg.decoding`).
Every file gives one :class:`Outcome` per document (a JSON Lines file one per line, a WARC
archive one per HTML response, a URL list or feed one per URL fetched, see
:mod:`kg.web`): an Article, or the reason it was skipped. A document's text is stored as
``kg:text`` and every offset points into it. For HTML and Markdown it is the article text
the reader (:mod:`kg.readers`) extracted.

Refused, with the reason: what :func:`kg.decoding.decode` refuses, empty or
whitespace-only documents, files over :data:`MAX_BYTES`, documents over
:data:`MAX_CHARS` characters, unreadable files, broken links and symlink loops.
:func:`kg.layout.parse_article` then finds the title, dateline, date and bylines.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import logging
import os
import stat as _stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from .decoding import Refused, clean_text, decode, declared_charset
from .errors import InputError
from .files import SUFFIXES, display_name, format_suffix, loop_target
from .layout import parse_article
from .log import show
from .records import Article

__all__ = ["read_file", "read_article", "content_key", "Outcome", "MAX_CHARS", "MAX_BYTES"]

log = logging.getLogger(__name__)

#: Longest document read, in characters. Longer ones are skipped: extraction time
#: grows faster than the length (bench/bench_length.py), and news articles are
#: 2,000 to 20,000 characters.
MAX_CHARS = 100_000
#: Largest file read whole (and longest JSON Lines line), in bytes; larger ones are
#: skipped without being read. JSON Lines files may be any size: they are streamed.
MAX_BYTES = 16 * 2**20


@dataclass(frozen=True)
class Outcome:
    """One document of one file: the Article, or the reason it was skipped.

    ``source`` names it in reports: the path, or ``path#line`` in a JSON Lines file.
    ``notes`` are things worth a warning about a document that was read
    (``decoded as cp1252``).
    """

    source: str
    article: Article | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()


def content_key(text: str) -> str:
    """Hash of a document's words: the same article in two files has one key.

    >>> content_key("Satu  dua\\r\\ntiga") == content_key("Satu dua tiga\\n")
    True
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


# ---------------------------------------------------------------- reading

def _os_reason(e: OSError, p: Path) -> str:
    if e.errno == errno.ELOOP:
        return "symlink loop (the link leads back to itself)"
    if e.errno == errno.ENOENT and os.path.islink(p):
        return f"broken symlink (its target {show(os.readlink(p))} does not exist)"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    return f"cannot read: {e.strerror or e}"


def _open_regular(p: Path):
    """Open ``p`` for reading bytes after checking it is a regular file; :class:`Refused` if not."""
    target = loop_target(p)
    if target:
        raise Refused(f"symlink loop (the link leads back to {show(target)})")
    try:
        st = os.stat(p)
        if _stat.S_ISDIR(st.st_mode):
            raise Refused("a folder, not a file")
        if not _stat.S_ISREG(st.st_mode):
            raise Refused("not a regular file (a device, socket or pipe)")
        return open(p, "rb")
    except OSError as e:
        raise Refused(_os_reason(e, p)) from None


def _read_bytes(p: Path) -> bytes:
    f = _open_regular(p)
    try:
        with f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                raise Refused(f"too large: {size:,} bytes (limit {MAX_BYTES:,})")
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise Refused(_os_reason(e, p)) from None
    if len(data) > MAX_BYTES:
        raise Refused(f"too large: more than {MAX_BYTES:,} bytes")
    return data


def _article(source: str, text: str, path: Path, title: str | None = None,
             date: str | None = None, page=None) -> Article:
    if not text.strip():
        raise Refused("empty document (whitespace only)")
    if not any(c.isalnum() for c in text):
        raise Refused("no words (not one letter or digit)")
    if len(text) > MAX_CHARS:
        raise Refused(f"too long: {len(text):,} characters (limit {MAX_CHARS:,})")
    try:
        art = parse_article(source, text, path=str(path))
    except Exception as e:  # a layout bug must not lose the other documents
        log.debug("layout failed on %s", source, exc_info=True)
        raise Refused(f"layout failed ({type(e).__name__}: {e})") from None
    if title or date:
        art = replace(art, title=title or art.title, date=date or art.date)
    if page is not None:  # where the text came from, as its format says
        art = replace(art, url=page.url, site=page.site, retrieved=page.retrieved,
                      authors=art.authors or tuple(page.authors))
    return art


def _read_single(p: Path) -> Outcome:
    suffix = p.suffix.lower()
    data = _read_bytes(p)
    if not data:
        raise Refused("empty file (0 bytes)")
    if suffix in (".html", ".htm"):
        from .readers import html_to_page

        text, notes = decode(data, declared_charset(data))
        if not text.strip():
            raise Refused("empty document (whitespace only)")
        page = html_to_page(text)
        if not page.text.strip():
            raise Refused("no article text in the page (only markup, scripts, navigation or a body too short)")
        return Outcome(str(p), _article(p.name, page.text, p, page.title, page.date, page), notes=notes)
    text, notes = decode(data)
    if suffix in (".md", ".markdown"):
        from .readers import markdown_to_page

        if not text.strip():
            raise Refused("empty document (whitespace only)")
        page = markdown_to_page(text)
        return Outcome(str(p), _article(p.name, page.text, p, page.title, page.date, page), notes=notes)
    return Outcome(str(p), _article(p.name, text, p), notes=notes)


def _lines(f) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of a binary file; ``None`` for a line over :data:`MAX_BYTES`."""
    n = 0
    while True:
        line = f.readline(MAX_BYTES + 1)
        if not line:
            return
        n += 1
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while True:  # drop the rest of the overlong line
                rest = f.readline(MAX_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, line


def _read_jsonl(p: Path) -> Iterator[Outcome]:
    from .readers import jsonl_record

    f = _open_regular(p)
    records = 0
    try:
        with f:
            for n, raw in _lines(f):
                source, label = f"{p.name}#{n}", f"{p}#{n}"
                if raw is None:
                    records += 1
                    yield Outcome(label, reason=f"line too large (more than {MAX_BYTES:,} bytes)")
                    continue
                if n == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                if not raw.strip():
                    continue
                records += 1
                try:
                    try:
                        line = raw.decode("utf-8")
                    except UnicodeDecodeError as e:
                        raise Refused(f"not UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})") from None
                    try:
                        page = jsonl_record(line)
                    except ValueError as e:
                        raise Refused(str(e)) from None
                    text, notes = clean_text(page.text)
                    art = _article(source, text, p, page.title, page.date, page)
                except Refused as e:
                    yield Outcome(label, reason=str(e))
                    continue
                yield Outcome(label, art, notes=notes)
    except OSError as e:
        yield Outcome(str(p), reason=_os_reason(e, p))
        return
    if not records:
        yield Outcome(str(p), reason="empty file (no JSON lines)")


#: A ``.txt`` file is a URL list when the lines of its first this many bytes are all URLs.
_URL_HEAD = 1 << 16


def _is_url_list(p: Path) -> bool:
    """A ``.txt`` file whose every non-blank line is an http(s) URL (:func:`kg.web.is_url_list`)."""
    try:
        with _open_regular(p) as f:
            head = f.read(_URL_HEAD)
    except (Refused, OSError):
        return False  # the plain-text reader says why
    if len(head) == _URL_HEAD:
        head = head[:head.rfind(b"\n") + 1]  # whole lines only
    from .web import is_url_list

    return is_url_list(head.decode("utf-8", "replace"))


def _read_web(p: Path) -> Iterator[Outcome]:
    """The pages of a WARC archive, a URL list or a feed file (:mod:`kg.web`), one Outcome each."""
    from . import web

    if format_suffix(p) in (".warc", ".warc.gz"):
        with _open_regular(p) as f:
            yield from _pages(p, web.warc_payloads(f))
        return
    data = _read_bytes(p)
    if format_suffix(p) == ".txt":
        urls = web.url_lines(decode(data)[0])
    else:
        links = web.feed_links(data)
        if links is None:
            raise Refused("not an RSS or Atom feed")
        urls = [(str(i), u) for i, u in enumerate(links, 1)]
    if not urls:
        raise Refused("no URLs in it")
    yield from _pages(p, web.fetch_payloads(urls, web.Fetcher()))


def _pages(p: Path, payloads) -> Iterator[Outcome]:
    """Articles of the HTML pages in ``payloads`` (:class:`kg.web.Payload`); ``path#n`` names each."""
    from .readers import html_to_page

    for pl in payloads:
        source, label = f"{p.name}#{pl.n}", f"{p}#{pl.n}" + (f" ({pl.url})" if pl.url else "")
        try:
            if pl.reason:
                raise Refused(pl.reason)
            text, notes = decode(pl.data, pl.charset or declared_charset(pl.data))
            page = html_to_page(text, url=pl.url)
            if not page.text.strip():
                raise Refused("no article text in the page (only markup, scripts, navigation or a body too short)")
            page = replace(page, url=pl.url or page.url, retrieved=pl.retrieved)  # where it was read from
            yield Outcome(label, _article(source, page.text, p, page.title, page.date, page), notes=notes)
        except Refused as e:
            yield Outcome(label, reason=str(e))


def read_file(path: str | os.PathLike) -> Iterator[Outcome]:
    """One :class:`Outcome` per document of the file at ``path`` (never raises for a bad file).

    Names are text any encoder takes: see :func:`kg.files.display_name`.
    """
    for o in _read_any(path):
        if display_name(o.source) != o.source:  # not UTF-8: the path, so the names within it too
            art = o.article and replace(o.article, source=display_name(o.article.source),
                                        path=o.article.path and display_name(o.article.path))
            o = replace(o, source=display_name(o.source), article=art)
        yield o


def _read_any(path: str | os.PathLike) -> Iterator[Outcome]:
    p = Path(path)
    suffix = format_suffix(p)
    if suffix not in SUFFIXES and not os.path.islink(p) and not p.is_dir():
        yield Outcome(str(p), reason=f"unsupported file type {show(suffix or '(no suffix)')} "
                                     f"(kg reads {', '.join(SUFFIXES)})")
        return
    if suffix in (".jsonl", ".warc", ".warc.gz", ".rss", ".atom") or (suffix == ".txt" and _is_url_list(p)):
        reader = _read_jsonl if suffix == ".jsonl" else _read_web
        try:
            yield from reader(p)
        except Refused as e:
            yield Outcome(str(p), reason=str(e))
        return
    try:
        yield _read_single(p)
    except Refused as e:
        yield Outcome(str(p), reason=str(e))


def read_article(path: str | os.PathLike) -> Article:
    """Read one single-document file; :class:`InputError` names the file and the reason."""
    out = list(read_file(path))
    if len(out) != 1:
        raise InputError(f"{show(path)}: holds {len(out)} documents; use read_file")
    if out[0].article is None:
        raise InputError(f"{show(path)}: {out[0].reason}")
    return out[0].article
