"""Layout of a news page as text: which parts are the article.

The text is never changed. Parts that are not the article (related-headline
lists, "Baca juga" lines, image placeholders, comment disclaimers, site
navigation, bylines, headlines) are listed in ``Article.skip`` and blanked for
extraction. The title, the dateline, the publication date and the bylines become
metadata.
"""
from __future__ import annotations

import re
from typing import Iterator

from .dates import find_dates
from .records import Article
from .signatures import find_signature
from .vocab import is_function_word

__all__ = ["parse_article"]

# Whole lines that are site furniture, not article text (matched case-insensitively).
_NAV_LINE = re.compile(
    r"""^\s*(?:
        baca\s+juga\b.* | baca\s+berita\s+tanpa\s+iklan.* | gabung\s+\S+\+?
      | scroll\s+to\s+continue.* | advertisement | iklan | tags? | berita\s+terkait | berita\s+terbaru
      | berita\s+lainnya | komentar | tim\s+redaksi | download\s+apps?.* | close\s+banner.*
      | dapatkan\s+di\s+(?:play\s+store|app\s*store).* | aplikasi\s+berita.* | rubrik\b.*
      | isi\s+komentar\s+sepenuhnya.* | simak\s+(?:juga|berita).* | lihat\s+juga\b.*
      | ikuti\s+(?:kami|berita).* | share\b.* | bagikan\b.* | editor\s*:.* | penulis\s*:.*
      | reporter\s*:.* | pewarta\s*:.* | by\s+admin | oleh\s*:.* | sumber\s*:.* | foto\s*:.*
      | ist | istimewa | \S*\.com\s+app | menu\b.* | copyright.* | ©.*
      | scroll\s+to\s+resume.* | simak\s+video.* | \[gambas.* | artikel\s+ini\s+telah\s+tayang.*
      | dapatkan\s+update.* | ikuti\s+.*google\s+news.* | klik\s+di\s*sini.* | halaman\s+selanjutnya.*
      | halaman\s*:?\s*\d[\d\s]*(?:selanjutnya)? | tonton\s+juga.* | redaktur\s*:.* | laporan\s+(?:wartawan|reporter)\b.*
      | topik\s*:.* | kata\s+kunci\s*:.* | lihat\s+foto.* | video\s+pilihan.* | terpopuler | rekomendasi.*
      | whatsapp\s+channel.* | gabung\s+(?:channel|grup).* | follow\s+.* | sumber\s+foto.*
    )\s*$""",
    re.I | re.X,
)
# Image placeholders and table debris: "![]() |", "---|", lone pipes.
_DEBRIS_LINE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*\|?|[-|: ]*\|[-|: ]*|[-=_*]{3,})\s*$")
# "- Kota Malang3 minggu": an entry of a related-news list; the headline follows on the next line.
_RELATED_ENTRY = re.compile(r"^\s*[-•]\s+.{1,60}?\d+\s*(?:detik|menit|jam|hari|minggu|bulan|tahun)(?:\s+lalu)?\s*$", re.I)
# A related headline in a list ending with a pipe.
_PIPE_HEADLINE = re.compile(r"^[^.!?]{10,200}\|\s*$")
#: An entry of a list in the body ("- Kepala Dinas X, Nama;", "2. Camat Y, Nama"): an office and a
#: name after a list mark, or any line closed by a semicolon. Not a headline, though title-cased.
_BULLET = re.compile(r"\s*(?:[-•*▪–]|\d{1,2}[.)]|[a-z][.)])\s")  # a list item marked as one
_LIST_ENTRY = re.compile(r"^\s*(?:[-•*▪–]|\d{1,2}[.)]|[a-z][.)])\s+[^,]{2,120},\s*\S|^.*;\s*$")

_BYLINE = re.compile(
    r"(?:^|\|)[ \t]*(?:(?P<role>Penulis|Reporter|Pewarta|Editor|Penyunting|Redaktur|Oleh)[ \t]*:|(?P<by>By))[ \t]*"
    r"(?P<name>[A-Za-z][A-Za-z.' ]{1,60}?)[ \t]*(?=\||$)",
    re.I | re.M)
_PUBLISHED = re.compile(
    r"(?:^|\n)[^\n]{0,60}?(?:\b\d{1,2}/\d{1,2}/\d{4}|\b\d{1,2}\s+[A-Za-z]+\s+\d{4}|\bdate\s+\d{4}-\d{2}-\d{2})[^\n]{0,40}?(?:WIB|WITA|WIT|\d{1,2}:\d{2})",
)
_DATELINE = re.compile(
    r"""^[ \t]*
        (?:[A-Za-z0-9.-]+\.(?i:com|co\.id|id|net|org|news)\b[ \t]*,?[ \t]*)?
        (?P<place>[A-Z][A-Za-z']*(?:[ \t][A-Z][A-Za-z']*){0,3})(?![.\w])
        (?:[ \t]*,[ \t]*[A-Za-z0-9.,+/() ]{1,30}?(?:-[A-Za-z0-9.]{1,20})?|[ \t]*\([A-Za-z .]{2,20}\)|[ \t]*\|[ \t]*[A-Za-z0-9. ]{2,30}?)?
        (?:[ \t]+-{1,2}|-{1,2}(?=[ \t])|[ \t]*[–—]{1,2}|(?<=\))[ \t]*:)[ \t]*""",  # not "Anti-Korupsi": a hyphen in a word
    re.X | re.M,
)



def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def _boilerplate(text: str) -> list[tuple[int, int]]:
    skip: list[tuple[int, int]] = []
    lines = list(_lines(text))
    skip_next = False
    for i, (s, e, body) in enumerate(lines):
        if skip_next and body.strip():
            skip.append((s, e))
            skip_next = False
            continue
        if _RELATED_ENTRY.match(body):
            skip.append((s, e))
            skip_next = True
        elif _NAV_LINE.match(body) or _DEBRIS_LINE.match(body) or _PIPE_HEADLINE.match(body):
            if body.strip():
                skip.append((s, e))
            if re.match(r"\s*berita\s+terkait\s*$", body, re.I):
                skip_next = True
    return skip


def _is_wrapped(text: str) -> bool:
    """Is the text hard-wrapped (paragraph lines broken mid-sentence)?"""
    lines = text.splitlines()
    breaks = sum(1 for a, b in zip(lines, lines[1:])
                 if a.strip() and b.strip() and a.rstrip()[-1:].isalnum() and b.lstrip()[:1].islower())
    return breaks >= 3


def _headlines(text: str, skip: list[tuple[int, int]], keep: tuple[tuple[int, int], ...] = ()
               ) -> list[tuple[int, int]]:
    """Lines shaped like headlines (Title Case, no closing punctuation): not body text, unless
    ``keep`` holds them (a signature block's office and name)."""
    skipped = {s for s, _ in skip} | {s for s, _ in keep}
    out = []
    listing = False  # in lines listed after one ending on a colon ("Turut hadir:" + an official a line)
    for s, e, body in _lines(text):
        line = body.strip()
        if not line:
            continue
        was_listing, listing = listing, s not in skipped and (line.endswith(":") or listing and not line.endswith("."))
        words = [w for w in line.split() if w[:1].isalpha()]
        if s in skipped or not (2 <= len(words) <= 20) or line.endswith((".", "!", "?", ":", "”", '"', ",")):
            continue
        if _LIST_ENTRY.match(body) or was_listing and not _BULLET.match(body) and all(
                w[:1].isupper() for w in words):  # "Wakil Bupati Sleman Joko Purnomo", not "Jalan Rusak di ..."
            continue
        if re.search(r"[“”\"„«»‹›″]", line):
            continue
        caps = sum(1 for w in words if w[:1].isupper())
        if caps / len(words) >= 0.6 and not _told(words):
            out.append((s, e))
    return out


def _told(words: list[str]) -> bool:
    """Does a line shaped like a headline open in lower case where a headline capitalises ("Turut hadir
    Kepala Dinas X Rina ..."): a word of content among its first three, not a preposition or conjunction
    (``di``, ``dan``)? Then it is body text, a sentence that lost its full stop; a caption's lower-case
    words come after the name it shows ("Kepala Dinas X Rina yang ... Foto: ...")."""
    return any(w.isalpha() and w.islower() and not is_function_word(w) for w in words[1:3])


#: "Bupati Sleman: “ASN Harus Netral”": a headline quoting its speaker after a colon
_QUOTED_HEADLINE = re.compile(r"^[A-Z][^“”\"„«»:]{2,80}:\s*[“\"‘'][^“”\".!?]{3,150}[”\"’']$")


def _title(text: str, skip: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    skipped = {s for s, _ in skip}
    seen = 0
    for s, e, body in _lines(text):
        line = body.strip()
        if not line or s in skipped:
            continue
        words = line.split()
        if re.search(r"\.(?:com|co\.id|id)\b|\b(?:download|banner|rubrik|apps?)\b|\bdate\s+\d{4}", line, re.I):
            continue
        seen += 1
        if seen > 3:  # a headline opens the page
            break
        if 5 <= len(words) <= 30 and len(line) <= 200 and not line.endswith((".", ":", ",", ";")) \
                and not _BULLET.match(body) and (not re.search(r"[“”\"„«»‹›″’]", line) or _QUOTED_HEADLINE.match(line)
                                                 or seen == 1 and _quoting_headline(words)):
            return line, (s, e)
    return None, None


def _quoting_headline(words: list[str]) -> bool:
    """Is the page's first line a headline that quotes a phrase inside it (Indeks SPBE Naik ke Predikat "Sangat
    Baik", Banjarbaru Luncurkan ...): title case, and no quotation opening it?"""
    if re.search(r"[:,]\s*[“\"„«‹‘]", " ".join(words)):
        return False  # "Ketua Bawaslu X, “Pengawasan ...”": a speaker's words, a quotation to read
    alpha = [w.strip("“”\"„«»‹›″’‘'") for w in words]
    alpha = [w for w in alpha if w[:1].isalpha()]
    return words[0][:1] not in "“\"„«‹‘'" and len(alpha) >= 4 and sum(w[:1].isupper() for w in alpha) >= 0.6 * len(alpha)


def _bylines(text: str) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    authors: list[str] = []
    editors: list[str] = []
    spans: list[tuple[int, int]] = []
    head = text[:3000]
    for m in _BYLINE.finditer(head):
        name = " ".join(m.group("name").split()).strip(" .")
        if not name or name.lower() in ("admin", "redaksi"):
            continue
        role = (m.group("role") or m.group("by")).lower()
        (editors if role in ("editor", "penyunting", "redaktur") else authors).append(_titlecase(name))
        spans.append(m.span())
    # "Laporan Wartawan Tribunjateng.com, Budi Santoso"
    for m in re.finditer(r"^Laporan\s+(?:Wartawan|Reporter)\s+[^,\n]{2,40},\s*(?P<name>[A-Z][A-Za-z.' ]{2,50})\s*$", head, re.M):
        authors.append(_titlecase(m.group("name").strip()))
        spans.append(m.span())
    # "Name - Senin, 12 Februari 2024 08:05 WIB": a writer before the publication date
    for m in re.finditer(r"^(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}) - [A-Z][a-z]+, \d{1,2} ", head, re.M):
        authors.append(m.group("name"))
        spans.append(m.span("name"))
    # names just above "Tim Redaksi"
    for m in re.finditer(r"((?:^[A-Z][A-Za-z.' ]{3,60},?[ \t]*\n)+)\s*Tim Redaksi", head, re.M):
        for line in m.group(1).splitlines():
            name = line.strip().rstrip(",").strip()
            if name:
                authors.append(name)
        spans.append(m.span(1))
    # "IDIL AQSA AKBARY, Pontianak": an all-capitals writer's line
    for m in re.finditer(r"^(?P<name>[A-Z]{2,}(?: [A-Z]{2,}){1,3}), [A-Z][a-z]+\s*$", head, re.M):
        authors.append(_titlecase(m.group("name")))
        spans.append(m.span("name"))
    return authors, editors, spans


def _titlecase(name: str) -> str:
    if name.isupper() or name.islower():
        return " ".join(w.capitalize() for w in name.split())
    return name


#: the kinds of date that may give a year (relative days never do), read first by find_dates
_WITH_YEAR = ("ymd", "dmy", "dMy")


def _published(text: str) -> str | None:
    m = _PUBLISHED.search(text[:2500])
    if m:
        for d in find_dates(m.group(0), kinds=_WITH_YEAR):
            if d.iso and d.explicit_year:
                return d.iso
    for d in find_dates(text, kinds=_WITH_YEAR):
        if d.iso and d.explicit_year:
            return d.iso
    return None


def _dateline(text: str, skip: list[tuple[int, int]]) -> tuple[int, int] | None:
    skipped = {s for s, _ in skip}
    count = 0
    for s, e, body in _lines(text):
        if not body.strip() or s in skipped:
            continue
        count += 1
        if count > 12:
            return None
        m = _DATELINE.match(body)
        if m and len(body) > m.end() + 20:
            return s + m.start("place"), s + m.end("place")
    return None


# The writer's initials closing the article: "... bagi daerah. (yog)", "(DEN)", "(ant/rud)", "(*)" on the
# last line, alone or after the last sentence's end.
_SIGN_OFF = re.compile(r"(?:^|(?<=[.!?”\"’']))[ \t]*\((?:\*|[A-Za-z]{2,5}(?:[ \t]*[/,-][ \t]*[A-Za-z]{2,5})*)\)[ \t]*$")


def _sign_off(text: str, skip: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the initials closing the last line of article text, if it has them."""
    for start, end, line in reversed(list(_lines(text))):
        if not line.strip() or any(s <= start and end <= e for s, e in skip):
            continue
        m = _SIGN_OFF.search(line)
        return (start + m.start(), start + m.end()) if m else None
    return None


def parse_article(source: str, text: str, path: str | None = None) -> Article:
    """Build an :class:`Article` from decoded text; ``source`` is the file name."""
    skip = _boilerplate(text)
    title, title_span = _title(text, skip)
    authors, editors, byline_spans = _bylines(text)
    skip.extend(byline_spans)
    dateline = _dateline(text, skip)
    if dateline:
        # the outlet name between the place and the dash is not article text
        line_end = text.find("\n", dateline[1])
        line_end = len(text) if line_end < 0 else line_end
        m = re.match(r"[^-–—\n]*?(?:[-–—]{1,2}|\)[ \t]*:)", text[dateline[1]:line_end])
        if m:
            skip.append((dateline[1], dateline[1] + m.end()))
        line_start = text.rfind("\n", 0, dateline[0]) + 1
        if line_start < dateline[0]:
            skip.append((line_start, dateline[0]))
        skip.append(dateline)  # the place is recorded as the dateline place, not read as text
    if title_span:
        skip.append(title_span)
    wrapped = _is_wrapped(text)
    signature = None if wrapped else find_signature(text)
    if signature:
        skip.extend(signature.skip)
    if not wrapped:
        skip.extend(_headlines(text, skip, signature.keep if signature else ()))
    sign_off = _sign_off(text, skip)
    if sign_off:
        skip.append(sign_off)
    return Article(
        source=source,
        text=text,
        title=title,
        date=_published(text),
        authors=tuple(dict.fromkeys(authors)),
        editors=tuple(dict.fromkeys(editors)),
        skip=tuple(sorted(set(skip))),
        dateline=dateline,
        path=path,
        wrapped=wrapped,
        reads=signature.reads if signature else (),
    )
