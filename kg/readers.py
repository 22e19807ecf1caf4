"""Readers for the formats besides plain text: HTML pages, Markdown, JSON Lines.

Each reader turns decoded text into plain article text plus what the format says
about the article (title, date, url). The returned text is what the later stages
see and what every offset points into. Pure functions: no files, no spaCy.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Page", "html_to_page", "markdown_to_page", "jsonl_record", "iso_or_none"]


@dataclass(frozen=True)
class Page:
    """Article text with the metadata the format gave (``None`` when it gave none)."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


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

# Elements whose content is never article text.
_DROP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
         "select", "option", "textarea", "iframe", "svg", "math", "canvas", "object", "embed", "menu",
         "dialog", "head", "figure", "label", "video", "audio", "map"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr", "keygen"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "body", "html", "hr",
          "address", "center", "details", "summary", "figcaption", "caption", "tbody", "thead"}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
               "dialog", "alert", "toolbar"}
# class / id words of site furniture (whole words inside the attribute)
_DROP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|sidebar|side-?bar|related|"
    r"share|sharing|social|comments?|advert\w*|ads?|banner|cookie\w*|popup|modal|newsletter|subscribe|"
    r"tags?|widget|promo|recommend\w*|trending|popular|read-?also|baca-?juga|terkait)(?:$|[\s_-])", re.I)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []  # open elements
        self.open: Counter = Counter()  # how many of each are open (stray end tags in O(1))
        self.drop = 0
        self.parts: list[str] = []        # text of the whole body
        self.article: list[str] | None = None  # text inside the first <article>/<main>/articleBody
        self.article_open = False
        self.article_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1: list[str] | None = None
        self.h1_done = False
        self.meta: dict[str, str] = {}
        self.time: str | None = None

    # -- helpers
    def _emit(self, s: str) -> None:
        self.parts.append(s)
        if self.article_open:
            self.article.append(s)  # type: ignore[union-attr]

    def _dropped(self, tag: str, attrs: dict[str, str]) -> bool:
        if tag in _DROP or "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if (attrs.get("role") or "").lower() in _DROP_ROLES:
            return True
        cls = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        return bool(cls.strip()) and bool(_DROP_CLASS.search(cls)) and tag not in ("body", "html", "article", "main")

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and "content" in attrs:
                self.meta.setdefault(key, attrs["content"])
            return
        if tag == "time" and self.time is None and attrs.get("datetime"):
            self.time = attrs["datetime"]
        if tag == "title" and not self.title_parts:
            self.in_title = True
        if tag in _VOID:
            if tag == "br" and not self.drop:
                self._emit("\n")
            return
        dropped = self.drop > 0 or self._dropped(tag, attrs)
        self.stack.append(tag)
        self.open[tag] += 1
        if dropped:
            self.drop += 1  # dropped elements are always the top of the stack
            return
        if self.article is None and (tag in ("article", "main") or attrs.get("itemprop", "").lower() == "articlebody"):
            self.article = []
            self.article_open = True
            self.article_depth = len(self.stack)
        if tag == "h1" and not self.h1_done and self.h1 is None:
            self.h1 = []
        if tag in _BLOCK:
            self._emit("\n\n")

    def handle_startendtag(self, tag: str, attrs_list) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _VOID or not self.open[tag]:
            return  # a stray end tag
        while self.stack:
            t = self.stack.pop()
            self.open[t] -= 1
            if self.drop:
                self.drop -= 1
            elif t in _BLOCK:
                self._emit("\n\n")
            if t == "h1" and self.h1 is not None:
                self.h1_done = True
            if self.article_open and len(self.stack) < self.article_depth:
                self.article_open = False
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.drop:
            return
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)
        self._emit(data)


def _tidy(raw: str) -> str:
    """Collapse spaces within lines, keep paragraph breaks (one blank line)."""
    lines = [" ".join(line.split()) for line in raw.replace("\r", "\n").split("\n")]
    out: list[str] = []
    blank = True
    for line in lines:
        if line:
            out.append(line)
            blank = False
        elif not blank:
            out.append("")
            blank = True
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _clean_title(t: str | None) -> str | None:
    if not t:
        return None
    t = " ".join(t.split())
    return t or None


def html_to_page(markup: str) -> Page:
    """Article text of an HTML page: the ``<article>`` (or ``<main>``) when there is
    one, else the body; scripts, styles, navigation, headers, footers, asides,
    forms and elements classed as menus, share bars or related links dropped.

    >>> p = html_to_page('<title>T - Site</title><nav>Home | News</nav><article><h1>Judul Berita</h1>'
    ...                  '<p>Isi &amp; kalimat.</p><script>x()</script></article><footer>(c)</footer>')
    >>> p.text, p.title
    ('Judul Berita\\n\\nIsi & kalimat.', 'Judul Berita')
    """
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    body = _tidy("".join(parser.article if parser.article and _tidy("".join(parser.article)) else parser.parts))
    meta = parser.meta
    title = _clean_title(meta.get("og:title") or meta.get("twitter:title")) \
        or _clean_title("".join(parser.h1 or [])) or _clean_title("".join(parser.title_parts))
    date = None
    for key in ("article:published_time", "datepublished", "date", "pubdate", "dc.date", "dcterms.created"):
        date = iso_or_none(meta.get(key))
        if date:
            break
    date = date or iso_or_none(parser.time)
    url = meta.get("og:url") or None
    return Page(body, title, date, url)


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
    ``title``, ``url`` and ``date`` (strings; ``null`` is the same as absent).

    >>> jsonl_record('{"text": "Isi berita.", "title": "Judul", "date": "2024-02-13"}')
    Page(text='Isi berita.', title='Judul', date='2024-02-13', url=None)
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
        raise ValueError('no "text" string (every line needs "text"; "title", "url", "date" are optional)')
    for key in ("title", "url", "date"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ValueError(f'"{key}" must be a string')
    date = obj.get("date")
    return Page(text, _clean_title(obj.get("title")), iso_or_none(date) if date else None, obj.get("url") or None)
