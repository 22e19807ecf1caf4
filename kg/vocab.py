"""A vocabulary of Indonesian (``kg/rules/vocab.tsv.gz``, made by ``scripts/make_vocab.py``): how often
each word is tagged a proper noun, a noun, a verb, an adjective or something else in a POS-tagged news
corpus, and whether it is a root word.

:func:`is_derived_word` tells a capitalised token that is a regular derivation of a common word
("Menjadi", "Mewakili", "Kegiatan", "Penguatan", "Dikatakan"): such a word is not part of a person's
name. Root words are not judged by it: many names are ordinary words ("Teguh", "Indah", "Cahya").
The table is read once, on first use; the stemmer (pysastrawi) only runs for words the corpus lacks.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

__all__ = ["pos_counts", "is_root", "is_derived_word", "is_dictionary_word", "is_common_word", "is_function_word"]

_NNP, _TOTAL = 0, 5
_MIN_SEEN = 3        # a word seen this often in the corpus is judged by its tags
_MAX_PROPER = 0.2    # ... and is a common word when at most this share of its tags is NNP
_MAX_PROPER_DERIVED = 0.6  # a derived word is tagged NNP inside names of bodies ("Badan Pelaksana ...")
_MIN_ROOT = 4        # a shorter root is too easily a syllable of a name ("Dimas" -> di-mas)
_PREFIXES = ("me", "di", "ber", "be", "ter", "pe", "per", "ke", "se")


@lru_cache(maxsize=1)
def _lines() -> dict[str, str]:
    """word -> the rest of its line (parsed on lookup: most words are never looked up)."""
    raw = resources.files("kg").joinpath("rules").joinpath("vocab.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=8192)
def _record(low: str) -> tuple[int, ...] | None:
    """(NNP, NN, VB, JJ, OTHER, total, root flag) of a lower-case word, or None."""
    rest = _lines().get(low)
    if rest is None:
        return None
    c = [int(n) for n in rest.split("\t")]
    return (*c[:5], sum(c[:5]), c[5])


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    return StemmerFactory().create_stemmer()


def pos_counts(word: str) -> dict[str, int]:
    """Tag counts of ``word`` in the corpus (empty when unseen).

    >>> pos_counts("menjadi")["VB"] > 100
    True
    """
    rec = _record(word.lower())
    return dict(zip(("NNP", "NN", "VB", "JJ", "OTHER"), rec[:5])) if rec else {}


def is_root(word: str) -> bool:
    """Is ``word`` an Indonesian root word (pysastrawi's list)?"""
    rec = _record(word.lower())
    return bool(rec and rec[6])


def is_common_word(word: str, max_proper: float = _MAX_PROPER, min_seen: int = _MIN_SEEN) -> bool:
    """Is ``word`` seen in the corpus at least ``min_seen`` times, at most ``max_proper`` of them as a
    proper noun?

    >>> [is_common_word(w) for w in ("warga", "Budi", "Guru")], is_common_word("Guru", max_proper=0.5)
    ([True, False, False], True)
    """
    rec = _record(word.lower())
    return bool(rec) and rec[_TOTAL] >= min_seen and rec[_NNP] <= max_proper * rec[_TOTAL]


def is_function_word(word: str) -> bool:
    """Is ``word`` seen at least five times, nearly always tagged as something other than a noun, a verb or an
    adjective (a preposition, conjunction, adverb, pronoun, numeral, foreign word)?

    >>> [is_function_word(w) for w in ("Beserta", "Kemudian", "Budi", "Warga")]
    [True, True, False, False]
    """
    rec = _record(word.lower())
    return bool(rec) and rec[_TOTAL] >= 5 and rec[4] >= 0.8 * rec[_TOTAL] and rec[_NNP] <= 0.05 * rec[_TOTAL]


@lru_cache(maxsize=4096)
def is_dictionary_word(word: str) -> bool:
    """Is ``word`` a root word of the dictionary or a regular derivation of one, and not mostly a
    proper noun in the corpus?

    >>> [is_dictionary_word(w) for w in ("Kelola", "Netralitas", "Penguatan", "Budi", "Siahaan")]
    [True, True, True, False, False]
    """
    rec = _record(word.lower())
    if rec and rec[_TOTAL] and rec[_NNP] > _MAX_PROPER * rec[_TOTAL]:
        return False
    return is_root(word) or is_derived_word(word)


@lru_cache(maxsize=16384)
def is_derived_word(word: str) -> bool:
    """Is ``word`` an affixed form (me-, di-, ber-, ter-, pe-an, ke-an, -kan, ...) of a common root word,
    not a root itself, and not mostly a proper noun in the corpus?

    >>> [is_derived_word(w) for w in ("Menjadi", "Penguatan", "Kegiatan", "Dimas", "Teguh", "Pratama")]
    [True, True, True, False, False, False]
    """
    low = word.lower()
    if not low.isalpha() or len(low) < 6:
        return False
    rec = _record(low)
    if rec and (rec[6] or rec[_NNP] > _MAX_PROPER_DERIVED * rec[_TOTAL]):
        return False  # a root word, or mostly a name in the corpus
    if rec and rec[_TOTAL] >= _MIN_SEEN:
        return _affixed(low)
    root = _stemmer().stem(low)
    return is_common_word(root) and _affixed(low, root)


def _affixed(low: str, root: str | None = None) -> bool:
    """Is the word its root with a prefix, or with "-kan"/"-an"/"-nya" (not a loan such as "sekretaris",
    not a name ending in "-i" such as "...wati")?"""
    root = root or _stemmer().stem(low)
    return root != low and len(root) >= _MIN_ROOT \
        and (low.startswith(_PREFIXES) or low.endswith(("kan", "an", "nya")))  # "Masuknya", "Hadirnya"
