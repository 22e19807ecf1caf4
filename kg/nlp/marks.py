"""Quotation marks paired into quotations: curly, straight, low-9, guillemets; an opening mark
never closed runs to the end of its paragraph. Used by the document context (what lies inside
quotes) and by :mod:`kg.nlp.quotes` (who said them); it imports nothing else of ``kg``."""
from __future__ import annotations

import re

__all__ = ["find_quote_marks"]

_OPEN = {"“": "”", "„": "“”", "«": "»", "‹": "›", '"': '"', "″": "″"}
_CLOSE_ANY = set("”»›")
#: every character the pairing below looks at: openers, closers
_MARK = re.compile("[" + re.escape("".join(sorted(set("".join(_OPEN) + "".join(_OPEN.values())) | _CLOSE_ANY))) + "]")
_STRAIGHT_SINGLE = re.compile(r"(?:^|(?<=[\s:(]))'([A-Z0-9][^'\n]{20,}?[,.!?])'(?=[\s)]|$)", re.M)


def find_quote_marks(text: str) -> list[tuple[int, int, bool]]:
    """Inner spans ``(start, end, closed)`` of quotations, paragraph by paragraph.

    >>> t = '“Ayo kerja,” kata dia. "Satu dua tiga" lagi.'
    >>> [t[s:e] for s, e, _ in find_quote_marks(t)]
    ['Ayo kerja,', 'Satu dua tiga']
    """
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for para in text.split("\n"):
        base = pos
        pos += len(para) + 1
        open_at = -1
        closer = ""
        for mark in _MARK.finditer(para):  # every other character leaves the state as it is
            k, ch = mark.start(), mark.group()
            if open_at < 0:
                if ch in _OPEN:
                    open_at, closer = k, _OPEN[ch]
                elif ch == "”" and not para[:k].strip():
                    open_at, closer = k, "”\""  # a closing mark opening a paragraph opens its quotation
            else:
                if ch in closer or (ch in _CLOSE_ANY and closer not in ('"', "″")):
                    spans.append((base + open_at + 1, base + k, True))
                    open_at = -1
                elif ch in ("“", "„", "«") and closer not in ('"',):
                    # a new opening mark: the previous quote was never closed
                    spans.append((base + open_at + 1, base + k, False))
                    open_at, closer = k, _OPEN[ch]
        if open_at >= 0 and len(para) - open_at > 1:
            spans.append((base + open_at + 1, base + len(para), False))
    out = []
    for s, e, closed in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e, closed))
    # long single-quoted passages count too; short ones are scare quotes ('zaman now')
    for m in re.finditer(r"‘([^’\n]{25,})’", text):
        if len(m.group(1).split()) >= 6 and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(1), m.end(1), True))
    # and straight single quotes around a sentence ('Kami akan awasi prosesnya,' ujar X); an apostrophe
    # inside a word (Jum'at) never opens or closes one
    for m in _STRAIGHT_SINGLE.finditer(text):
        if len(m.group(1).split()) >= 4 and not any(s <= m.start(1) < e for s, e, _ in out):
            out.append((m.start(1), m.end(1), True))
    out.sort()
    return out
