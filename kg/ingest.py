"""Ingest: files → :class:`~kg.records.Article`, or a clear reason why not.

Finds the article files under the given paths (``.txt``, ``.md``, ``.html``/``.htm``,
``.jsonl``, ``.warc``/``.warc.gz``, ``.rss``/``.atom``) and decodes them. Every file
gives one :class:`Outcome` per document (a JSON Lines file one per line, a WARC
archive one per HTML response, a URL list or feed one per URL fetched, see
:mod:`kg.web`): an Article, or the reason it was skipped.

What a document's text is: the file decoded (UTF-8, a UTF-8/16/32 byte order mark
honoured, else cp1252, which covers latin-1 text), the byte order mark dropped,
every line break (CRLF, lone CR, NEL, U+2028/2029, VT, FF) made ``\\n``, and each
other control character (NUL...) or unpaired surrogate replaced by U+FFFD, one
character for one. That text is stored as ``kg:text`` and every offset points into
it. For HTML and Markdown it is the article text the reader extracted.

Refused, with the reason: binary files (a PDF or image renamed ``.txt``: magic
bytes, or more than 5% control characters), text in no known encoding, empty or
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
import re
import stat as _stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .layout import parse_article
from .log import show
from .records import Article

__all__ = ["discover", "read_file", "read_article", "decode", "clean_text", "content_key", "unique_source", "Outcome",
           "Refused", "SUFFIXES", "MAX_CHARS", "MAX_BYTES", "display_name"]

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom")
#: The corrections file (:mod:`kg.corrections`): never read as articles, even among the sources.
CORRECTIONS_FILE = "corrections.jsonl"
#: Longest document read, in characters. Longer ones are skipped: extraction time
#: grows faster than the length (bench/bench_length.py), and news articles are
#: 2,000 to 20,000 characters.
MAX_CHARS = 100_000
#: Largest file read whole (and longest JSON Lines line), in bytes; larger ones are
#: skipped without being read. JSON Lines files may be any size: they are streamed.
MAX_BYTES = 16 * 2**20
#: More control characters than this share of the text: binary data, not text.
BINARY_SHARE = 0.05

_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive, DOCX or EPUB"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"\x7fELF", "an executable"), (b"BZh9", "bzip2-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"), (b"SQLite format 3\x00", "an SQLite database"), (b"OggS", "an Ogg file"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"wOFF", "a web font"), (b"wOF2", "a web font"),
    (b"fLaC", "a FLAC file"), (b"\xfd7zXZ\x00", "xz-compressed data"), (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class Refused(Exception):
    """Why a document is not read (the message is the reason, without the file name)."""


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


# ---------------------------------------------------------------- finding files

def _loop_target(p: Path) -> str | None:
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


def _suffix(p: Path) -> str:
    """The suffix that says how ``p`` is read (``.warc.gz`` is one).

    >>> _suffix(Path("a/x.WARC.gz")), _suffix(Path("y.txt"))
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
            suffix_ok = _suffix(p) in SUFFIXES and p.name != CORRECTIONS_FILE
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as e:  # ELOOP on a link to a link to itself
                if e.errno == errno.ELOOP or entry.is_symlink():
                    yield p
                continue
            if is_dir:
                if _loop_target(p):
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
        elif p.is_dir() and not _loop_target(p):
            files = list(_walk(p))
            if not files:
                raise InputError(f"{show(p)}: folder holds no {', '.join(SUFFIXES)} files")
            for f in files:
                found[f] = None
        elif p.name != CORRECTIONS_FILE:
            found[p] = None
    return list(found)


# ---------------------------------------------------------------- decoding

def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "an MP4/MOV/HEIC file"
    if data[:3] == b"ID3" and data[3:4] in (b"\x02", b"\x03", b"\x04"):
        return "an MP3 file"
    if data[:4] == b"RIFF" and data[8:12] in (b"WAVE", b"WEBP", b"AVI "):
        return "a RIFF file (WAV, WebP or AVI)"
    return None


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    r"""Line breaks of every kind as ``\n``; other control characters as U+FFFD.

    Raises :class:`Refused` when control characters are more than
    :data:`BINARY_SHARE` of the text (binary data).

    >>> clean_text("Satu\r\ndua\rtiga\x00 empat lima enam tujuh")
    ('Satu\ndua\ntiga\ufffd empat lima enam tujuh', ('1 control character (U+0000) replaced by U+FFFD',))
    """
    text = text.replace("\r\n", "\n").translate(_BREAKS)
    bad = _CONTROL.findall(text)
    if not bad:
        return text, ()
    if len(bad) > BINARY_SHARE * len(text):
        kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in bad})[:3])
        raise Refused(f"binary data ({len(bad):,} control character{'s' if len(bad) > 1 else ''} such as {kinds} "
                      f"in {len(text):,}), not text")
    kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in bad})[:3])
    note = f"{len(bad)} control character{'s' if len(bad) > 1 else ''} ({kinds}) replaced by U+FFFD"
    return _CONTROL.sub("\ufffd", text), (note,)


def decode(data: bytes, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """``(text, notes)`` of a file's bytes, cleaned by :func:`clean_text`; :class:`Refused` says why not.

    UTF-8 first (a byte order mark, UTF-8/16/32, decides instead when there is
    one; ``declared``, an HTML page's charset, before UTF-8), then cp1252, which
    also covers latin-1 text. cp1252 is only accepted when the result looks like
    Latin-script text (at most 30% non-ASCII characters); otherwise the file is
    refused as being in an unknown encoding.

    >>> decode("Kata “kutip” café".encode("cp1252"))
    ('Kata “kutip” café', ('decoded as cp1252: not UTF-8 (byte 0x93 at offset 5)',))
    """
    kind = _binary_kind(data)
    if kind:
        raise Refused(f"binary file ({kind}), not text")
    notes: tuple[str, ...] = ()
    text = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise Refused(f"not valid {codec.replace('-sig', '')} despite its byte order mark "
                              f"(offset {e.start})") from None
            text = text.lstrip("\ufeff")
            break
    if text is None and declared:
        codec = _codec(declared)
        if codec and codec not in ("utf-8", "cp1252"):
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                notes += (f"the page says charset={declared} but is not; decoded by content",)
    if text is None:
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
        if controls > BINARY_SHARE * len(data):
            odd, even = data[1::2].count(0), data[0::2].count(0)
            if max(odd, even) > 0.4 * len(data) / 2 and min(odd, even) < 0.05 * len(data) / 2:
                raise Refused(f"binary data or UTF-16 without a byte order mark ({odd + even:,} NUL bytes "
                              f"in {len(data):,}), not text")
            raise Refused(f"binary data ({controls:,} control bytes in {len(data):,}), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            why = f"not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})"
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as e2:
                raise Refused(f"not text in a known encoding: {why}, nor cp1252 "
                              f"(byte 0x{data[e2.start]:02x} at offset {e2.start})") from None
            letters = [c for c in text if not c.isspace()]
            share = sum(ord(c) > 127 for c in letters) / max(1, len(letters))
            if share > 0.3:
                raise Refused(f"not text in a known encoding: {why}; as cp1252 {share:.0%} of it "
                              "would be non-ASCII") from None
            notes += (f"decoded as cp1252: {why}",)
    text, more = clean_text(text)
    return text, notes + more


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # browsers read latin-1 and ASCII labels as windows-1252 (WHATWG Encoding)
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii", "cp1252") else codec


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
    target = _loop_target(p)
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

        text, notes = decode(data, _declared(data))
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

    if _suffix(p) in (".warc", ".warc.gz"):
        with _open_regular(p) as f:
            yield from _pages(p, web.warc_payloads(f))
        return
    data = _read_bytes(p)
    if _suffix(p) == ".txt":
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
            text, notes = decode(pl.data, pl.charset or _declared(pl.data))
            page = html_to_page(text, url=pl.url)
            if not page.text.strip():
                raise Refused("no article text in the page (only markup, scripts, navigation or a body too short)")
            page = replace(page, url=pl.url or page.url, retrieved=pl.retrieved)  # where it was read from
            yield Outcome(label, _article(source, page.text, p, page.title, page.date, page), notes=notes)
        except Refused as e:
            yield Outcome(label, reason=str(e))


def _declared(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def read_file(path: str | os.PathLike) -> Iterator[Outcome]:
    """One :class:`Outcome` per document of the file at ``path`` (never raises for a bad file).

    Names are text any encoder takes: see :func:`display_name`.
    """
    for o in _read_any(path):
        if _SURROGATE.search(o.source):  # the path, so the names within it too
            art = o.article and replace(o.article, source=display_name(o.article.source),
                                        path=o.article.path and display_name(o.article.path))
            o = replace(o, source=display_name(o.source), article=art)
        yield o


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


def _read_any(path: str | os.PathLike) -> Iterator[Outcome]:
    p = Path(path)
    suffix = _suffix(p)
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
