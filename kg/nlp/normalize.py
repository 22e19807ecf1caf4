"""The text the pipeline is given, and the way back to the text as stored.

A document's text is stored as read (``kg:text``) and every offset in the graph points
into it. The pipeline is given a normalised copy instead, where:

* the text is in Unicode NFC, so a name written with combining accents (NFD) is the
  name written with precomposed letters;
* zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD),
  which are not read, are left out, so that they do not split a name;
* punctuation and symbols do not run on: spaCy's tokenizer takes time quadratic in
  the length of a run of them without a space (8,000 dashes took 74 s); combining
  marks and format characters between them count as part of the run. A run of one
  character longer than :data:`RUN` is cut to :data:`RUN` characters, a space is put
  after every :data:`SPACED` characters of a run of different ones, and a run is cut
  after :data:`LONGEST` characters (a run that long holds no words to find).

:func:`normalize` gives the new text with an :class:`OffsetMap`: for each of its
characters, the stored characters it stands for. :func:`for_pipeline` makes the
Article the pipeline sees and :func:`to_stored` turns what was extracted from it back
into offsets and surfaces of the stored text. Most texts need none of it and are
passed through as they are.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from dataclasses import dataclass, replace

from ..records import Article, DocResult, Entity, Quote, Role, Span

__all__ = ["RUN", "SPACED", "LONGEST", "IGNORED", "OffsetMap", "normalize", "for_pipeline", "to_stored"]

#: Longest run of one punctuation or symbol character given to the tokenizer.
RUN = 8
#: Longest run of punctuation and symbols without a space given to the tokenizer.
SPACED = 32
#: Longest run of punctuation and symbols given to the pipeline; its last character stands for the rest.
LONGEST = 256
#: Characters left out of the text matched: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
IGNORED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Texts that may need anything done: a cheap test that lets almost every text pass as it is.
_MAYBE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]|(?:[^\\w\\s]|_){%d,}" % (RUN + 1))


@dataclass(frozen=True)
class OffsetMap:
    """Character ``i`` of the normalised text stands for ``stored[lo[i]:hi[i]]`` (empty for
    an added space). Both arrays never decrease."""

    lo: array
    hi: array
    size: int  # length of the stored text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stored span of the normalised span ``[start, end)``."""
        a = self.lo[start] if start < len(self.lo) else self.size
        b = self.hi[end - 1] if end > start else a
        return a, max(a, b)

    def inverse(self, start: int, end: int) -> tuple[int, int]:
        """The normalised span of the stored span ``[start, end)``: the characters that
        stand for any stored character in it."""
        a = bisect.bisect_right(self.hi, start)
        b = bisect.bisect_left(self.lo, end)
        return a, max(a, b)


def _is_punct(ch: str) -> bool:
    """Punctuation, symbols, and the marks and format characters that may come between them."""
    return unicodedata.category(ch)[0] in "PSMC"


def _nfc(text: str) -> tuple[list[str], list[int], list[int]]:
    """``text`` without :data:`IGNORED`, in NFC, as (characters, lo, hi)."""
    kept = [k for k, c in enumerate(text) if c not in IGNORED]
    chars: list[str] = []
    lo: list[int] = []
    hi: list[int] = []
    j = 0
    while j < len(kept):
        k = j + 1
        cluster = text[kept[j]]
        while k < len(kept):  # marks that combine with the character before
            c = text[kept[k]]
            if c < "\u0300" or not (unicodedata.combining(c) or len(unicodedata.normalize("NFC", cluster + c))
                                     <= len(unicodedata.normalize("NFC", cluster))):
                break
            cluster += c
            k += 1
        nfc = unicodedata.normalize("NFC", cluster)
        if nfc == cluster:
            for m in range(j, k):
                chars.append(text[kept[m]])
                lo.append(kept[m])
                hi.append(kept[m] + 1)
        else:  # every character of the composed form stands for the whole cluster
            for ch in nfc:
                chars.append(ch)
                lo.append(kept[j])
                hi.append(kept[k - 1] + 1)
        j = k
    return chars, lo, hi


def _runs(chars: list[str], lo: list[int], hi: list[int]) -> tuple[list[str], list[int], list[int]]:
    """Runs of punctuation cut (one character) and spaced (several), as (characters, lo, hi)."""
    oc: list[str] = []
    ol: list[int] = []
    oh: list[int] = []
    n = len(chars)
    i = 0
    inrun = total = 0  # punctuation written since the last added space, and since the last other character
    while i < n:
        ch = chars[i]
        if not _is_punct(ch):
            oc.append(ch), ol.append(lo[i]), oh.append(hi[i])
            inrun = total = 0
            i += 1
            continue
        j = i + 1
        while j < n and chars[j] == ch:
            j += 1
        take = min(j - i, RUN)
        for m in range(take):
            if total == LONGEST:  # the last character written stands for the rest of the run
                oh[-1] = hi[j - 1]
                break
            if inrun >= SPACED and lo[i + m] >= oh[-1]:  # not inside a composed character
                oc.append(" "), ol.append(oh[-1]), oh.append(oh[-1])
                inrun = 0
            last = m == take - 1
            oc.append(ch), ol.append(lo[i + m]), oh.append(hi[j - 1] if last else hi[i + m])
            inrun += 1
            total += 1
        i = j
    return oc, ol, oh


def normalize(text: str) -> tuple[str, OffsetMap | None]:
    """``(text given to the pipeline, map back)``; the map is None when the text is left as it is.

    >>> t, m = normalize("Bu\\u200bdi  \\u201c" + "-" * 20 + "\\u201d")
    >>> t
    'Budi  “--------”'
    >>> m.span(0, 4), m.span(6, 16)
    ((0, 5), (7, 29))
    >>> normalize("!?" * 20)[0]
    '!?!?!?!?!?!?!?!?!?!?!?!?!?!?!?!? !?!?!?!?'
    >>> normalize("Budi mengatakan, “baik.”")[1] is None
    True
    """
    if unicodedata.is_normalized("NFC", text) and not _MAYBE.search(text):
        return text, None
    chars, lo, hi = _runs(*_nfc(text))
    out = "".join(chars)
    if out == text:
        return text, None
    return out, OffsetMap(array("q", lo), array("q", hi), len(text))


def for_pipeline(article: Article) -> tuple[Article, OffsetMap | None]:
    """The Article the pipeline is given (its text normalised, skipped spans and dateline
    moved with it) and the map back; ``(article, None)`` when nothing changes."""
    text, m = normalize(article.text)
    if m is None:
        return article, None
    title = None if article.title is None else normalize(article.title)[0]
    dateline = m.inverse(*article.dateline) if article.dateline else None
    reads = tuple((a, r) for a, b, r in ((*m.inverse(s, s + len(r)), r) for s, r in article.reads) if b - a == len(r))
    return replace(article, text=text, title=title, skip=tuple(m.inverse(s, e) for s, e in article.skip),
                   dateline=dateline, reads=reads), m


def to_stored(result: DocResult, article: Article, m: OffsetMap | None) -> DocResult:
    """``result``, extracted from ``for_pipeline(article)``, with every offset and surface
    in ``article``'s stored text."""
    if m is None:
        return result
    text = article.text

    def span(s: Span) -> Span:
        a, b = m.span(s.start, s.end)
        return Span(a, b, text[a:b])

    def quote(q: Quote) -> Quote:
        a, b = m.span(q.start, q.end)
        return replace(q, start=a, end=b, text=text[a:b])

    def role(r: Role) -> Role:
        a, b = m.span(r.start, r.end)
        return replace(r, start=a, end=b)

    def entity(e: Entity) -> Entity:
        return replace(e, mentions=tuple(span(s) for s in e.mentions))

    return replace(result, article=article, entities=tuple(entity(e) for e in result.entities),
                   roles=tuple(role(r) for r in result.roles), quotes=tuple(quote(q) for q in result.quotes))
