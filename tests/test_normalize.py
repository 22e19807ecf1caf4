"""The text the pipeline is given (kg.nlp.normalize): Unicode forms and invisible characters
do not change what is found, runs of punctuation are cut, and every offset still points into
the text as stored. Names and sentences are invented."""
from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.layout import parse_article
from kg.nlp.normalize import IGNORED, LONGEST, RUN, SPACED, normalize

CLEAN = ("Pemkot Malang Percepat Reformasi Birokrasi\n\n"
         "MALANG - Kepala Dinas Kominfo Kota Malang, Andréas Wijaya, mengatakan, “Kami akan terus memperbaiki "
         "pelayanan publik bagi semua warga.”\n\n"
         "Sekda Kota Malang Rina Wati menghadiri Rapat Koordinasi Zona Integritas di Balai Kota Malang "
         "pada Senin (12/2/2024).\n")

# (name, the text as stored, found the same as CLEAN?)
VARIANTS = [
    ("NFD", unicodedata.normalize("NFD", CLEAN), True),
    ("zero-width space in a name", CLEAN.replace("Wijaya", "Wi\u200bjaya"), True),
    ("zero-width joiner and non-joiner", CLEAN.replace("Rina Wati", "Ri\u200dna Wa\u200cti"), True),
    ("soft hyphens", CLEAN.replace("Kominfo", "Kom\u00adinfo").replace("Integritas", "Inte\u00adgritas"), True),
    ("word joiner and BOM", CLEAN.replace("Andréas", "And\u2060réas").replace("Malang,", "Ma\ufefflang,"), True),
    ("NFD and zero-width together", unicodedata.normalize("NFD", CLEAN).replace("Wati", "Wa\u200bti"), True),
    ("a run of dashes", CLEAN.replace("\n\nSekda", "\n\n" + "-" * 5000 + "\n\nSekda"), True),
    # counter-examples: visible characters are read as written
    ("a visible hyphen", CLEAN.replace("Integritas", "Inte-gritas"), False),
    ("a space in a name", CLEAN.replace("Wijaya", "Wi jaya"), False),
]


def _found(r) -> list[tuple]:
    return sorted((e.key, e.type, e.label) for e in r.entities)


def _quotes(r) -> list[tuple]:
    return [(q.speaker, q.direct, q.cue) for q in r.quotes]


def _read(text: str) -> str:
    """What a reader reads in ``text``: NFC, without the invisible characters."""
    return unicodedata.normalize("NFC", "".join(c for c in text if c not in IGNORED))


@pytest.mark.parametrize("name,text,same", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_unicode_forms_and_invisible_characters_find_what_the_clean_text_finds(extractor, name, text, same):
    clean = extractor.extract(parse_article("t.txt", CLEAN))
    got = extractor.extract(parse_article("t.txt", text))
    assert (_found(got) == _found(clean) and _quotes(got) == _quotes(clean)) is same
    assert got.article.text == text  # the text is stored as read


@pytest.mark.parametrize("name,text,same", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_every_offset_slices_the_stored_text(extractor, name, text, same):
    r = extractor.extract(parse_article("t.txt", text))
    assert r.quotes and r.entities
    for q in r.quotes:
        assert text[q.start:q.end] == q.text
    for e in r.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
            assert _read(m.text).strip() == _read(m.text.strip())
    for ro in r.roles:
        assert 0 <= ro.start <= ro.end <= len(text)
    if same:  # the quote covers what it covers in the clean text
        clean = extractor.extract(parse_article("t.txt", CLEAN))
        assert [_read(q.text) for q in r.quotes] == [q.text for q in clean.quotes]


QUOTE_AND_DASH = "„“”«»‘’‹›″\"'-–—―‒…!?.,*=_#~"


@pytest.mark.parametrize("ch", QUOTE_AND_DASH)
def test_a_long_punctuation_run_does_not_change_what_is_found(extractor, ch):
    run = ch * 60_000
    text = CLEAN.replace("\n\nSekda", f"\n\n{run}\n\nSekda")
    r = extractor.extract(parse_article("t.txt", text))
    clean = extractor.extract(parse_article("t.txt", CLEAN))
    assert _found(r) == _found(clean)
    for q in r.quotes:
        assert text[q.start:q.end] == q.text


# ---------------------------------------------------------------- the map itself

PIECES = list("ab é\n.-“”!") + ["e\u0301", "\u0301", "\u0323", "\u200b", "\u00ad", "\ufeff", "\u1100\u1161",
                                   "\u212b", "\u0344", "-" * 30, "“”" * 20, ".!" * 25, "\u200b" * 12, "=" * 9,
                                   "-.“”!?" * 50]


def _is_punct(c: str) -> bool:
    return unicodedata.category(c)[0] in "PSMC"


def _cut(text: str) -> str:
    """Runs of one punctuation character cut to RUN, then runs of punctuation to LONGEST."""
    same = "".join(c * (min(len(list(g)), RUN) if _is_punct(c) else len(list(g))) for c, g in itertools.groupby(text))
    return "".join("".join(g)[:LONGEST] if k else "".join(g) for k, g in itertools.groupby(same, key=_is_punct))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_map_points_every_character_into_the_stored_text(text):
    out, m = normalize(text)
    if m is None:
        assert out == text == _cut(_read(text))
        return
    assert len(m.lo) == len(m.hi) == len(out)
    assert list(m.lo) == sorted(m.lo) and list(m.hi) == sorted(m.hi)
    for i, ch in enumerate(out):
        a, b = m.lo[i], m.hi[i]
        assert 0 <= a <= b <= len(text)
        if a == b:
            assert ch == " "  # a space put in a run of punctuation
        else:
            assert ch in _read(text[a:b])
    # nothing changes but invisible characters, Unicode forms, the repeats of a run and the spaces put in
    assert "".join(ch for i, ch in enumerate(out) if m.lo[i] < m.hi[i]) == _cut(_read(text))


def _runs(text: str) -> list[int]:
    return [len(list(g)) for _, g in itertools.groupby(text)]


@pytest.mark.parametrize("text,cut", [("-" * 100, True), ("“" * 1000, True), ("-." * 100, True), ("—" * 9, True),
                                       ("“”" * 50_000, True), ("‘\u0301" * 50_000, True), ("\u200e-" * 50_000, True),
                                       ("a-" * 100, False), ("Rp 5.000.000,00", False), ("-" * RUN, False),
                                       ("!?" * (SPACED // 2), False)])
def test_no_run_of_punctuation_longer_than_the_tokenizer_takes_quickly(text, cut):
    out = normalize(text)[0]
    spaced = [len(list(g)) for k, g in itertools.groupby(out, key=_is_punct) if k]
    assert max(_runs(out)) <= RUN and max(spaced) <= SPACED and len(out) <= LONGEST + LONGEST // SPACED
    assert (out != text) is cut  # counter-examples: left as they are
