"""The one sentence splitter: pure Python over token texts, without spaCy.

A sentence starts after a line break, and after ``. ! ? …`` (or one of them and a closing
quote or bracket) before a capital, a digit or an opening quote; a period after an
abbreviation, a title, a rank, a degree ("Dr.", "Pj.", "H.", "No.", "S.Sos.") or initials
("B.J.") ends nothing. The word lists come from the rule files (``ABBREVIATION`` in
``words.jsonl``; the honorifics, ranks and degrees of ``honorifics.jsonl``), read as the lexicon
(:mod:`kg.nlp.lexicon`) reads them; this module imports neither spaCy nor :mod:`kg.nlp`.

:func:`sentence_starts` decides on a document's tokens: the spaCy pipeline's ``kg_sentences``
component passes its own tokens. :func:`sentences` splits plain text (``kg analyze``), with
:func:`tokens` cutting words and punctuation the way the pipeline's tokenizer does where it
matters here (on the seeds, the dev set and the held-out articles both give the same starts).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .rulefiles import load_rules

__all__ = ["sentence_starts", "sentences", "tokens"]

_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # "B.J", "R.A" before a final "."
_DOTTED = re.compile(r"^[A-Z][A-Za-z]{0,3}(?:\.[A-Za-z]{1,4})+$")  # "M.Ec", "S.Sos": a dotted short form
_OPENERS = set("“\"„«‹‘'(")
_ENDERS = {".", "!", "?", "…"}
_CLOSERS = {"”", "\"", ")"}
#: White space, an ellipsis written as periods, a period glued to the word after white space
#: (" .Kami"), a word (with inner periods, hyphens and apostrophes: "S.Sos", "2.5", "ke-53"; but
#: cut, as the pipeline's tokenizer does, at a period between a lower-case letter and a capital,
#: "berbeda.Tapi", and at a hyphen before a letter, "APBD-P"), or one other character.
_TOKEN = re.compile(r"\s+|\.{2,}|(?<!\S)\.[^\W\d_]\w*|\w+(?:(?:(?<![a-z])\.|\.(?![A-Z])|['’]|-(?![^\W\d_]))\w+)*|\S")


@lru_cache(maxsize=1)
def _no_end() -> tuple[frozenset[str], frozenset[str]]:
    """(abbreviations, honorifics, ranks and degrees): words after which a period ends no sentence."""
    abbreviations = frozenset(r["pattern"] for r in load_rules("words") if r["label"] == "ABBREVIATION")
    address = frozenset(r["pattern"].rstrip(".").lower() for r in load_rules("honorifics"))
    return abbreviations, address


def sentence_starts(texts: Sequence[str]) -> list[int]:
    """Indices of the tokens after the first that open a sentence.

    >>> sentence_starts(["Dr", ".", "Ani", "hadir", ".", "Lalu", "pulang", "."])
    [5]
    >>> sentence_starts(["Ia", "berkata", ",", "“", "Siap", "!", "”", "Lalu", "\\n", "Selesai"])
    [7, 9]
    """
    abbreviations, address = _no_end()
    out = []
    for i in range(1, len(texts)):
        prev = texts[i - 1]
        if "\n" in prev:
            out.append(i)
        elif prev in _ENDERS or (prev in _CLOSERS and i >= 2 and texts[i - 2] in ".!?"):
            tok = texts[i]
            if tok.isspace():
                continue
            before = texts[i - 2].lower() if i >= 2 else ""
            if prev == "." and (before.rstrip(".") in abbreviations or before in address or _INITIALS.match(before)):
                continue
            if prev == "." and _DOTTED.match(texts[i - 2]) and len(tok) <= 4 and i + 1 < len(texts) and texts[i + 1] == ".":
                continue  # "M.Ec.Dev.": a degree's parts, split where a capital follows a period
            if prev == "." and (f"{before}.{tok.lower()}" in address
                                or i >= 4 and texts[i - 3] == "." and f"{texts[i - 4].lower()}.{before}" in address):
                continue  # "Ph.D.", "Sp.PD.": a degree the tokenizer split after a small letter, inside or at its end
            if tok[:1].isupper() or tok[:1].isdigit() or tok[:1] in _OPENERS:
                out.append(i)
    return out


def tokens(text: str) -> list[tuple[int, str]]:
    """``(offset, text)`` of the tokens :func:`sentences` splits ``text`` into. As in spaCy, one space
    after a token belongs to it; any other white space is a token of its own.

    >>> [t for _, t in tokens("Dr. Ani, S.Sos. hadir.\\nLalu  pulang")]
    ['Dr', '.', 'Ani', ',', 'S.Sos', '.', 'hadir', '.', '\\n', 'Lalu', ' ', 'pulang']
    """
    out = []
    for m in _TOKEN.finditer(text):
        start, tok = m.start(), m.group(0)
        if tok[0] == " " and start > 0:
            start, tok = start + 1, tok[1:]  # the space that follows a token
        if tok:
            out.append((start, tok))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, trimmed of spaces.

    >>> t = "Dr. H. Ani hadir. Ia berkata, “Siap!” Lalu pulang.\\nSelesai"
    >>> [t[a:b] for a, b in sentences(t)]
    ['Dr. H. Ani hadir.', 'Ia berkata, “Siap!”', 'Lalu pulang.', 'Selesai']
    """
    toks = tokens(text)
    cuts = [0] + [toks[i][0] for i in sentence_starts([t for _, t in toks])] + [len(text)]
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        piece = text[start:end]
        a, b = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
        if a < b:
            spans.append((a, b))
    return spans
