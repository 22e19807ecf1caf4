"""Articles from the web: WARC archives, lists of URLs and RSS/Atom feeds → raw pages.

This module moves bytes; :mod:`kg.ingest` turns them into Articles. It yields one
:class:`Payload` per page: the HTML bytes with the address and the time they were
retrieved, or the reason there is no page (an HTTP error, a PDF, a robots.txt
refusal...).

* WARC (``.warc``, ``.warc.gz``, read with warcio): each ``response`` record of an
  HTML page; other responses are skipped with the reason, request and metadata records
  are not documents.
* A list of URLs (a ``.txt`` file whose every non-blank line is an ``http(s)`` URL;
  ``#`` lines are comments) and RSS/Atom feeds (``.rss``/``.atom`` files, or a URL of
  the list that returns a feed): each URL is fetched by :class:`Fetcher`, a feed's
  entries (read with feedparser) are fetched in turn.

:class:`Fetcher` is polite: it obeys robots.txt (``urllib.robotparser``; an
unreachable robots.txt forbids, a missing one allows), waits :data:`DELAY` seconds
between requests to one host (or the robots.txt ``Crawl-delay``), retries
:data:`RETRIES` times with exponential back-off on timeouts, 429 and 5xx, sends
:data:`USER_AGENT` and gives up after :data:`TIMEOUT` seconds. Pages are cached on
disk (:func:`cache_dir`), so a rebuild does not fetch them again.
"""
from __future__ import annotations

import datetime as _dt
import email.utils
import hashlib
import http.client
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .fileio import atomic_write

__all__ = ["Payload", "Fetcher", "warc_payloads", "url_lines", "is_url_list", "feed_links", "fetch_payloads",
           "cache_dir", "USER_AGENT", "TIMEOUT", "DELAY", "RETRIES", "HTML_TYPES"]

USER_AGENT = f"kg/{__version__} (knowledge-graph builder for news; polite fetcher, obeys robots.txt)"
#: Seconds before a request is given up.
TIMEOUT = 20.0
#: Seconds between two requests to one host (at least; robots.txt Crawl-delay may ask more).
DELAY = 1.0
#: Further attempts after a timeout, a 429 or a 5xx answer; back-off 1 s, 2 s, 4 s...
RETRIES = 3
#: Largest page read, in bytes.
MAX_PAGE = 16 * 2**20
HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


@dataclass(frozen=True)
class Payload:
    """One page: ``data`` (bytes) and ``charset`` (as the server declared it), or ``reason``.

    ``n`` names the page in its input: a WARC record's number, a URL's line number, or
    ``line.entry`` for an entry of a feed; ``url`` is where it was read from,
    ``retrieved`` when (ISO 8601, UTC).
    """

    n: str
    url: str | None
    data: bytes | None = None
    charset: str | None = None
    retrieved: str | None = None
    reason: str | None = None


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _iso(when: str | None) -> str | None:
    """``YYYY-MM-DDTHH:MM:SSZ`` of a WARC-Date or an HTTP date, else None."""
    if not when:
        return None
    try:
        d = _dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError:
        try:
            d = email.utils.parsedate_to_datetime(when)
        except (TypeError, ValueError):
            return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=_dt.timezone.utc)
    return d.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- WARC

def warc_payloads(stream) -> Iterator[Payload]:
    """The pages of a WARC file open for reading bytes (gzip or not). ``n`` is the
    record's number in the file; an archive that cannot be read ends with a Payload
    whose reason says why."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = stream.read(2)
    stream.seek(0)
    if head == b"\x1f\x8b":
        import gzip

        try:
            with gzip.open(stream) as z:
                head = z.read(5)
        except (OSError, EOFError, zlib.error) as e:
            head = str(e).encode()
        stream.seek(0)
    else:
        head = stream.read(5)
        stream.seek(0)
    if head != b"WARC/":
        yield Payload("1", None, reason="not a WARC archive (it does not start with a WARC/1.x record)")
        return
    n = 0
    try:
        for record in ArchiveIterator(stream):
            n += 1
            if record.rec_type not in ("response", "resource"):
                continue  # request, warcinfo, metadata, revisit: not documents
            uri = record.rec_headers.get_header("WARC-Target-URI")
            when = _iso(record.rec_headers.get_header("WARC-Date"))
            if record.rec_type == "response":
                if record.http_headers is None:
                    yield Payload(str(n), uri, retrieved=when, reason="not an HTTP response")
                    continue
                status = record.http_headers.get_statuscode()
                ctype = record.http_headers.get_header("Content-Type")
                if not str(status).startswith("2"):
                    said = f"HTTP status {status}" if str(status or "").strip() else "no HTTP status"
                    yield Payload(str(n), uri, retrieved=when, reason=f"{said}, not a page")
                    continue
            else:
                ctype = record.rec_headers.get_header("Content-Type")
            if _mime(ctype) not in HTML_TYPES:
                yield Payload(str(n), uri, retrieved=when, reason=f"not HTML ({_mime(ctype) or 'no content type'})")
                continue
            data = record.content_stream().read(MAX_PAGE + 1)
            if len(data) > MAX_PAGE:
                yield Payload(str(n), uri, retrieved=when, reason=f"too large: more than {MAX_PAGE:,} bytes")
                continue
            yield Payload(str(n), uri, data, _charset(ctype), when)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, TypeError, zlib.error) as e:
        # warcio raises AttributeError/TypeError on some truncated records (found by tests/test_web.py's fuzzer)
        yield Payload(str(n + 1), None, reason=f"not a readable WARC archive after record {n} ({type(e).__name__}: "
                                          f"{str(e).strip()[:200]})")


# ---------------------------------------------------------------- URL lists and feeds

def url_lines(text: str) -> list[tuple[str, str]]:
    """``(line number, URL)`` of each non-blank, non-comment line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((str(n), line))
    return out


def is_url_list(text: str) -> bool:
    """True when every non-blank, non-comment line of ``text`` is an http(s) URL (and there is one).

    >>> is_url_list("# berita\\nhttps://a.example/1\\n\\nhttp://b.example/x?y=1\\n")
    True
    >>> is_url_list("Isi https://a.example")
    False
    """
    lines = url_lines(text)
    return bool(lines) and all(_URL.match(u) for _, u in lines)


def feed_links(data: bytes) -> list[str] | None:
    """The entry links of an RSS or Atom feed, in feed order; None when ``data`` is no feed."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        return None
    links = [e.get("link") for e in parsed.entries]
    return list(dict.fromkeys(u for u in links if u and _URL.match(u)))


def cache_dir() -> Path:
    """Where fetched pages are kept: ``$KG_FETCH_CACHE``, else ``$XDG_CACHE_HOME/kg/fetch``
    (``~/.cache/kg/fetch``)."""
    if os.environ.get("KG_FETCH_CACHE"):
        return Path(os.environ["KG_FETCH_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg" / "fetch"


@dataclass(frozen=True)
class _Response:
    url: str
    status: int
    content_type: str
    data: bytes
    fetched: str


class _Refusal(Exception):
    """A URL that gives no page; the message is the reason."""


class Fetcher:
    """A polite HTTP client with an on-disk cache (see the module's documentation)."""

    def __init__(self, cache: str | os.PathLike | None = None, *, delay: float | None = None,
                 timeout: float = TIMEOUT, retries: int = RETRIES, backoff: float = 1.0) -> None:
        self.cache = Path(cache) if cache is not None else cache_dir()
        env = os.environ.get("KG_FETCH_DELAY")
        self.delay = delay if delay is not None else (float(env) if env else DELAY)
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}
        self.requests = 0

    # -- cache
    def _paths(self, url: str) -> tuple[Path, Path]:
        h = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.cache / h[:2]
        return folder / f"{h}.json", folder / f"{h}.body"

    def _cached(self, url: str) -> _Response | None:
        meta, body = self._paths(url)
        try:
            m = json.loads(meta.read_text(encoding="utf-8"))
            return _Response(m["url"], m["status"], m["content_type"], body.read_bytes(), m["fetched"])
        except (OSError, ValueError, KeyError):
            return None

    def _store(self, url: str, r: _Response) -> None:
        meta, body = self._paths(url)
        meta.parent.mkdir(parents=True, exist_ok=True)
        for path, data in ((body, r.data), (meta, json.dumps({"url": r.url, "status": r.status,
                                                             "content_type": r.content_type,
                                                             "fetched": r.fetched}).encode("utf-8"))):
            atomic_write(path, data)

    # -- politeness
    def _wait(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The parsed robots.txt of ``url``'s site; None when the site cannot be reached."""
        parts = urllib.parse.urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            rp = urllib.robotparser.RobotFileParser(site + "/robots.txt")
            try:
                r = self._request(site + "/robots.txt")
                rp.parse(r.data.decode("utf-8", "replace").splitlines())
            except urllib.error.HTTPError as e:
                if 400 <= e.code < 500:
                    rp.parse([])  # no robots.txt: everything allowed
                else:
                    rp = None
            except (urllib.error.URLError, OSError):
                rp = None
            self._robots[site] = rp
        return self._robots[site]

    def _request(self, url: str) -> _Response:
        host = urllib.parse.urlsplit(url).netloc
        rp = self._robots.get(f"{urllib.parse.urlsplit(url).scheme}://{host}")
        crawl = (rp.crawl_delay(USER_AGENT) if rp is not None else None) or 0
        for attempt in range(self.retries + 1):
            self._wait(host, max(self.delay, float(crawl)))
            req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
            self.requests += 1
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 (http(s) only)
                    data = resp.read(MAX_PAGE + 1)
                    if len(data) > MAX_PAGE:
                        raise _Refusal(f"too large: more than {MAX_PAGE:,} bytes")
                    return _Response(resp.geturl(), resp.status, resp.headers.get("Content-Type", ""), data,
                                     _iso(_dt.datetime.now(_dt.timezone.utc).isoformat()))
            except urllib.error.HTTPError as e:
                if (e.code == 429 or e.code >= 500) and attempt < self.retries:
                    time.sleep(self.backoff * 2 ** attempt)
                    continue
                raise
            except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as e:
                if attempt < self.retries:
                    time.sleep(self.backoff * 2 ** attempt)
                    continue
                raise urllib.error.URLError(getattr(e, "reason", e)) from None
        raise AssertionError("unreachable")

    def get(self, url: str) -> _Response:
        """The page at ``url`` (from the cache when fetched before); :class:`_Refusal` says why not."""
        hit = self._cached(url)
        if hit is not None:
            return hit
        try:
            rp = self._robots_for(url)
        except ValueError as e:
            raise _Refusal(f"not a usable URL ({e})") from None
        if rp is None:
            raise _Refusal("robots.txt could not be read (site unreachable or failing): not fetched")
        if not rp.can_fetch(USER_AGENT, url):
            raise _Refusal("robots.txt forbids fetching it")
        try:
            r = self._request(url)
        except urllib.error.HTTPError as e:
            raise _Refusal(f"HTTP status {e.code} ({e.reason})") from None
        except urllib.error.URLError as e:
            raise _Refusal(f"cannot fetch: {e.reason} (after {self.retries + 1} attempts)") from None
        except ValueError as e:  # a URL urllib cannot use (http.client.InvalidURL...)
            raise _Refusal(f"not a usable URL ({e})") from None
        self._store(url, r)
        return r


def _bar(items: list, label: str):
    """``items`` under a tqdm bar (rate and ETA) when stderr is a terminal."""
    if not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()) or len(items) < 2:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="page", leave=False)


def fetch_payloads(urls: Iterable[tuple[str, str]], fetcher: Fetcher, *, feeds: bool = True) -> Iterator[Payload]:
    """Fetch ``(n, url)`` pairs; a feed's entries follow as ``n.1``, ``n.2``... (only one
    level of feeds is read: a feed listing feeds gives no pages)."""
    for n, url in _bar(list(urls), "fetching"):
        try:
            r = fetcher.get(url)
        except _Refusal as e:
            yield Payload(n, url, reason=str(e))
            continue
        mime = _mime(r.content_type)
        if mime in HTML_TYPES:
            yield Payload(n, r.url, r.data, _charset(r.content_type), r.fetched)
            continue
        links = feed_links(r.data) if feeds and (mime in _FEED_TYPES or "xml" in mime) else None
        if links is None:
            yield Payload(n, r.url, reason=f"not HTML ({mime or 'no content type'})")
            continue
        if not links:
            yield Payload(n, r.url, reason="a feed without entry links")
        yield from fetch_payloads(((f"{n}.{i}", u) for i, u in enumerate(links, 1)), fetcher, feeds=False)
