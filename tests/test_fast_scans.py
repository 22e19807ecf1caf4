"""Faster scans that find what a plain regex finds: kg.folding (a lower-case pattern in folded text against re.IGNORECASE) and the words before " yang " (kg.nlp.nicknames.before_yang)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.folding import Caseless, folded

PATTERNS = [r"\b(?:hari\s+)?(?P<day>senin|jum’at)\s+(?P<dir>lalu|depan)\b",
            r"\b(?:turut hadir|dihadiri oleh|acara ini)\b",
            r"\b(?P<d>\d{1,2})\s+(?P<mn>mei|maret)\b"]

#: letters of the patterns in both cases, and characters that fold unlike lower(): İ (two
#: characters lower-cased), ı, ſ and the Kelvin sign (re.IGNORECASE folds them onto i, s, k)
ALPHABET = "senin jum’at lalu depan hari turut hadir dihadiri oleh acara ini mei maret SENIN HARI MEI " \
           "Hadir Acara 12 3 \n İıſ\u212aÉé"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from(PATTERNS))
def test_same_matches_as_ignorecase(text, pattern):
    want = [(m.span(), m.group(0).lower()) for m in re.finditer(pattern, text, re.I)]
    got = [(m.span(), m.group(0).lower()) for m in Caseless(pattern).finditer(text)]
    assert got == want


@pytest.mark.parametrize("text, low", [
    ("Rapat KORDINASI", "rapat kordinasi"),
    ("Désa Élok", "désa élok"),      # non-ASCII letters with one-character lower cases fold
    ("İzmir", None),                 # "İ" lower-cases to two characters: offsets would move
    ("Kaſus", None),                 # re folds "ſ" onto "s", lower() does not
    ("5 \u212aM", None),             # the Kelvin sign
])
def test_folded(text, low):
    assert folded(text) == low


@pytest.mark.parametrize("pattern", [r"\bSenin\b", r"[A-Z]+"])
def test_upper_case_pattern_refused(pattern):
    with pytest.raises(ValueError, match="lower case"):
        Caseless(pattern)


@pytest.mark.parametrize("pattern", [r"\bsenin\b\S+\W\D", r"(?P<Day>senin)"])
def test_escapes_and_group_names_are_not_letters(pattern):
    assert Caseless(pattern).finditer("SENIN") is not None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["yang", " ", "  ", "Pria", "itu", "X", "_", "7", ",", "é", "\n", " yang ", "bc"]),
                max_size=16).map("".join))
def test_words_before_yang_are_what_the_pattern_finds(text):
    from kg.nlp.nicknames import _BEFORE_YANG, before_yang

    assert [(m.span(), m.group(1)) for m in before_yang(text)] == \
        [(m.span(), m.group(1)) for m in _BEFORE_YANG.finditer(text)]


@pytest.mark.parametrize("text", [
    "Pria itu juga yang akrab disapa",      # three words: the match starts at the first
    "A B C D yang x",                        # four: at the second
    "X yang Y yang Z",                       # the furthest " yang " within three words
    "kata dia, yang lain yang sama ",        # a comma breaks the run
    "yang yang yang yang ",
])
def test_words_before_yang_written_cases(text):
    from kg.nlp.nicknames import _BEFORE_YANG, before_yang

    want = [(m.span(), m.group(1)) for m in _BEFORE_YANG.finditer(text)]
    assert want and [(m.span(), m.group(1)) for m in before_yang(text)] == want
