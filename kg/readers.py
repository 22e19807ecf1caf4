"""Readers for the formats besides plain text: HTML pages, Markdown, JSON Lines.

Each reader turns decoded text into plain article text plus what the format says
about the article (title, date, url, authors, site). The returned text is what the later stages
see and what every offset points into. Pure functions: no files, no network, no spaCy.
HTML is read by trafilatura (html-bench F1 0.969, trafilatura alone 0.960: see README).
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from typing import Iterator

__all__ = ["Page", "html_to_page", "markdown_to_page", "jsonl_record", "iso_or_none"]


@dataclass(frozen=True)
class Page:
    """Article text with the metadata the format gave (``None`` when it gave none)."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None
    retrieved: str | None = None


def iso_or_none(value: str | None) -> str | None:
    """``YYYY-MM-DD`` for an ISO date or date-time (``2024-02-13T10:00+07:00``), an
    Indonesian date (``13 Februari 2024``), else ``None``.

    >>> iso_or_none("2024-02-13T10:00:00+07:00"), iso_or_none("Selasa, 13 Februari 2024"), iso_or_none("kemarin")
    ('2024-02-13', '2024-02-13', None)
    """
    if not value or not isinstance(value, str):
        return None
    v = value.strip()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", v)
    if m:
        try:
            return _dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    from .dates import find_dates

    for d in find_dates(v[:200]):
        if d.iso and d.explicit_year:
            return d.iso
    return None


# ---------------------------------------------------------------- HTML

#: ``<meta>`` names that give the publication date, best first.
_META_DATES = ("article:published_time", "datepublished", "publishdate", "content_publisheddate", "pubdate",
               "publish-date", "og:published_time", "date", "dc.date", "dc.date.issued", "dcterms.created",
               "sailthru.date", "parsely-pub-date")
#: JSON-LD ``@type`` values that describe the article itself.
_LD_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "webpage", "analysisnewsarticle",
             "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting"}
#: Fewer words than this is not an article body (a caption, a cookie notice, a menu).
MIN_WORDS = 8
#: A body shorter than this (in words) read for precision is read again for recall (html-bench: F1
#: 0.964 → 0.969).
SHORT_WORDS = 40


def _ld_objects(data) -> Iterator[dict]:
    """Every JSON object in a JSON-LD value (lists and ``@graph`` opened)."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def _names(value) -> list[str]:
    """Names in a JSON-LD ``author`` or ``publisher`` value (a string, an object, a list)."""
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        value = value.get("name")
    return [" ".join(value.split())] if isinstance(value, str) and value.strip() else []


def _json_ld(tree) -> dict:
    """``date``, ``url``, ``authors``, ``site`` of the article object in the page's JSON-LD."""
    found: dict = {}
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except (ValueError, RecursionError):
            continue
        for obj in _ld_objects(data):
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(k, str) and k.lower() in _LD_TYPES for k in kinds):
                continue
            date = iso_or_none(obj.get("datePublished")) or iso_or_none(obj.get("dateCreated"))
            url = obj.get("url") if isinstance(obj.get("url"), str) else None
            if url is None and isinstance(obj.get("mainEntityOfPage"), dict):
                url = obj["mainEntityOfPage"].get("@id")
            url = url if isinstance(url, str) else None
            for key, value in (("date", date), ("url", url), ("authors", _names(obj.get("author"))),
                               ("site", (_names(obj.get("publisher")) or [None])[0])):
                if value and key not in found:
                    found[key] = value
    return found


def _page_meta(tree) -> dict:
    """What ``<meta>``, ``<link rel=canonical>``, JSON-LD and ``<time>`` say of the article."""
    meta: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key:
            meta.setdefault(key, node.get("content").strip())
    ld = _json_ld(tree)
    date = ld.get("date")
    for key in _META_DATES:
        date = date or iso_or_none(meta.get(key))
    for node in tree.xpath("//time[@datetime]")[:3]:
        date = date or iso_or_none(node.get("datetime"))
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = meta.get("og:url") or (canonical[0].strip() if canonical else None) or ld.get("url")
    authors = ld.get("authors") or [a for a in (meta.get("author"), meta.get("article:author"))
                                    if a and "://" not in a]
    return {"date": date, "url": url if url and url.startswith(("http://", "https://")) else None,
            "authors": tuple(dict.fromkeys(authors)), "site": ld.get("site") or meta.get("og:site_name") or None,
            "title": _clean_title(meta.get("og:title") or meta.get("twitter:title"))}


def _paragraphs(text: str | None) -> str:
    """Extracted text with one blank line between paragraphs, spaces collapsed."""
    lines = (" ".join(line.split()) for line in (text or "").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _clean_title(t: str | None) -> str | None:
    if not t:
        return None
    t = " ".join(t.split())
    return t or None


_FURNITURE = ("//nav|//footer|//aside|//amp-sidebar|//*[@role='navigation']|//*[@role='contentinfo']"
              "|//*[@role='complementary']|//*[@aria-hidden='true']|//*[@hidden]")
_CARD = ("count(.//p) <= 2 and (.//a[.//h1 or .//h2 or .//h3 or .//h4 or .//h5] "
         "or .//h1[.//a] or .//h2[.//a] or .//h3[.//a] or .//h4[.//a] or .//h5[.//a])")


def _drop_cards(tree) -> None:
    """Remove navigation, footers and asides (an extractor's fallback for a short page
    would read them as text), and teaser cards: where a page has several ``<article>``
    elements, those whose heading is a link and that hold at most two paragraphs (a
    story's own headline is not a link to elsewhere). Extractors take the first
    ``<article>`` as the story."""
    for node in tree.xpath(_FURNITURE):
        if node.getparent() is not None:
            node.getparent().remove(node)
    articles = tree.xpath("//article")
    if len(articles) < 2:
        return
    for node in tree.xpath(f"//article[{_CARD}]"):
        if node.getparent() is not None:
            node.getparent().remove(node)


def _link_share(text: str, links: set[str]) -> float:
    """The share of the words of ``text`` in paragraphs that are the whole text of a link."""
    paras = text.split("\n\n")
    words = sum(len(p.split()) for p in paras)
    return sum(len(p.split()) for p in paras if p in links) / words if words else 0.0


def _extract(tree, url: str | None, **favor) -> tuple:
    """trafilatura's document for ``tree`` and its text as paragraphs."""
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, with_metadata=True,
                                      date_extraction_params={"extensive_search": False, "original_date": True},
                                      **favor)
    return doc, _paragraphs(getattr(doc, "text", None))


def html_to_page(markup: str, url: str | None = None) -> Page:
    """The article of an HTML page, read by trafilatura (main text without navigation,
    headers, footers, teaser cards, related links or comments), with title, date,
    authors, URL and site name from ``<meta>``, ``<link rel=canonical>``, JSON-LD
    (``NewsArticle``), ``<time>`` and trafilatura's own metadata. ``url``: where the
    page came from, when known (the page's own canonical URL wins).

    The text is ``""`` when the page has no article body of at least
    :data:`MIN_WORDS` words: the caller skips it rather than read its navigation.

    >>> p = html_to_page('<html><head><title>Judul - Situs</title></head><body><nav>Beranda | Berita</nav>'
    ...                  '<article><h1>Judul</h1><p>Isi berita ini cukup panjang untuk dibaca sebagai '
    ...                  'artikel &amp; kalimat.</p></article><footer>(c)</footer></body></html>')
    >>> p.text, p.title
    ('Judul\\n\\nIsi berita ini cukup panjang untuk dibaca sebagai artikel & kalimat.', 'Judul')
    """
    from trafilatura.utils import load_html

    if not re.search(r"<(?:html|body)\b", markup[:4096], re.I):  # a fragment: trafilatura reads whole pages
        markup = f"<html><body>{markup}</body></html>"
    tree = load_html(markup)
    if tree is None:
        return Page("")
    meta = _page_meta(tree)
    links = {" ".join(a.text_content().split()) for a in tree.xpath("//a")}
    _drop_cards(tree)
    doc, text = _extract(tree, url, favor_precision=True)
    if len(text.split()) < SHORT_WORDS:  # a short body: precision may have cut the story; read for recall
        again_tree = load_html(markup)
        _drop_cards(again_tree)
        again, more = _extract(again_tree, url, favor_recall=True)
        if len(more.split()) > len(text.split()):
            doc, text = again, more
    if len(text.split()) < MIN_WORDS or _link_share(text, links) > 0.5:
        text = ""  # no body, or a list of links (navigation, an index page)
    title = meta["title"] or _clean_title(getattr(doc, "title", None))
    authors = meta["authors"] or tuple(a.strip() for a in (getattr(doc, "author", None) or "").split(";")
                                       if a.strip())
    site = meta["site"] or _clean_title(getattr(doc, "sitename", None))
    date = meta["date"] or iso_or_none(getattr(doc, "date", None))
    return Page(text, title, date, meta["url"] or url, authors, site)


# ---------------------------------------------------------------- Markdown

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LINKDEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*\S+.*$")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`+([^`\n]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _inline(s: str) -> str:
    kept: list[str] = []
    if "\x00" not in s:  # backslash escapes stay literal: hide them from the other rules
        s = _ESCAPE.sub(lambda m: kept.append(m.group(1)) or f"\x00{len(kept) - 1}\x00", s)
    s = _IMAGE.sub("", s)
    s = _LINK.sub(r"\1", s)
    s = _AUTOLINK.sub(r"\1", s)
    s = _TAG.sub("", s)
    s = _CODE.sub(r"\1", s)
    s = _STRONG.sub(r"\2", s)
    s = _EM.sub(lambda m: m.group(1) or m.group(2), s)
    if kept:
        return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], s)
    return _ESCAPE.sub(r"\1", s)


def markdown_to_page(md: str) -> Page:
    """Plain text of a Markdown article: headings, emphasis, links, images, HTML
    tags, code marks and block-quote marks removed; ``title``/``date`` from YAML
    front matter or the first level-1 heading.

    >>> p = markdown_to_page("# Judul Berita Ini\\n\\nKata **penting** dan [tautan](http://x).\\n")
    >>> p.text, p.title
    ('Judul Berita Ini\\n\\nKata penting dan tautan.', 'Judul Berita Ini')
    """
    meta: dict[str, str] = {}
    m = _FRONT.match(md)
    if m:
        for line in m.group(1).splitlines():
            k, sep, v = line.partition(":")
            if sep and k.strip().lower() in ("title", "date", "url") and v.strip():
                meta[k.strip().lower()] = v.strip().strip("'\"")
        md = md[m.end():]
    title = meta.get("title")
    out: list[str] = []
    fence: str | None = None
    for line in md.split("\n"):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
                continue
            out.append(line)
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        h = _ATX.match(line)
        if h:
            text = _inline(h.group(2))
            if title is None and len(h.group(1)) == 1 and text.strip():
                title = " ".join(text.split())
            out.append(text)
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            if title is None and stripped.startswith("="):
                title = " ".join(out[-1].split())
            continue
        if _RULE.match(line) or _LINKDEF.match(line):
            out.append("")
            continue
        line = re.sub(r"^[ ]{0,3}(?:>[ ]?)+", "", line)
        out.append(_inline(line).rstrip())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    return Page(text, title, iso_or_none(meta.get("date")), meta.get("url"))


# ---------------------------------------------------------------- JSON Lines

def jsonl_record(line: str) -> Page:
    """One JSON Lines record → :class:`Page`; :class:`ValueError` says what is wrong.

    The record is an object with ``text`` (a non-empty string) and optional
    ``title``, ``url``, ``date`` and ``site`` (the outlet's name) (strings; ``null``
    is the same as absent).

    >>> p = jsonl_record('{"text": "Isi berita.", "title": "Judul", "date": "2024-02-13", "url": "https://x.id/a"}')
    >>> p.text, p.title, p.date, p.url
    ('Isi berita.', 'Judul', '2024-02-13', 'https://x.id/a')
    >>> jsonl_record('[1, 2]')
    Traceback (most recent call last):
    ValueError: not a JSON object (an array)
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON ({e.msg} at column {e.colno})") from None
    except RecursionError:
        raise ValueError("not JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        kinds = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean",
                 type(None): "null"}
        raise ValueError(f"not a JSON object ({kinds.get(type(obj), type(obj).__name__)})")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError('no "text" string (every line needs "text"; "title", "url", "date", "site" are optional)')
    for key in ("title", "url", "date", "site"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ValueError(f'"{key}" must be a string')
    date = obj.get("date")
    return Page(text, _clean_title(obj.get("title")), iso_or_none(date) if date else None, obj.get("url") or None,
                site=_clean_title(obj.get("site")))
