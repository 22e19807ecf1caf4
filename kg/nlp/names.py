"""What a person's name looks like in the text: name words (capitalised, not lexicon words, not a
derivation of a common word, dotted initials inside a name), runs of them, honorifics and degrees
around them, and the name before an office or a speech verb. Used by :mod:`kg.nlp.people`."""
from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Token

from .context import DocContext, hits_over, region_is_name
from .units import age_before, cap_run_after, is_unit_word
from ..vocab import is_common_word as vocab_common, is_dictionary_word

__all__ = ["clean_name", "is_hon", "covered", "name_prefix", "name_word", "name_after_body", "initial_word", "name_run", "skip_hon",
           "skip_degrees", "adat_title_end", "is_degree", "name_before_degree", "backward_name", "compound_hyphen"]

_NAME_SHAPE = re.compile(r"^[A-Z][a-z]*\.?$|^[A-Z][a-z]+['’-][A-Za-z]+$")  # "M.", "Ma'ruf"
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.)+[A-Z]\.?$")  # inside a name: "B.J", "J.P."


def is_hon(ctx: DocContext, t: Token) -> bool:
    w = t.text.rstrip(".").lower()
    return w in ctx.lx.honorifics or w in ctx.lx.ranks


def covered(ctx: DocContext, k: int) -> bool:
    """Is token k inside a gazetteer name (agency, place, policy, event word)?"""
    # a region's name may be a person's ("Kombes Pol Bima Santosa": a name, not the city)
    return any(not (h.label == "PLACE" and region_is_name(ctx, h.i, h.j)) for h in hits_over(ctx, k))


def name_prefix(ctx: DocContext, k: int) -> bool:
    """Is token k a regional name prefix that opens the name after it ("I Wayan ...", "Lalu ...")?"""
    if k + 1 >= len(ctx.doc) or ctx.texts[k] not in ctx.lx.name_prefixes:
        return False
    allowed = ctx.lx.name_prefixes[ctx.texts[k]]
    nxt = ctx.texts[k + 1]
    return (nxt in allowed) if allowed is not None else (nxt not in ctx.lx.name_prefixes and name_word(ctx, k + 1))


def name_word(ctx: DocContext, k: int) -> bool:
    if k >= len(ctx.doc):
        return False
    if name_prefix(ctx, k) and not covered(ctx, k):
        return True
    t = ctx.doc[k]
    if _DOTTED_INITIALS.match(t.text):
        nxt = k + 2 if k + 1 < len(ctx.texts) and ctx.texts[k + 1] == "." else k + 1
        opens = k > 0 and ctx.texts[k - 1] in (".", ",") and nxt < len(ctx.texts) and ctx.texts[nxt][:1].isupper() \
            and ctx.lx.is_name_word(ctx.texts[nxt])  # "Kol. Inf. H.M. Yusuf": initials opening a name
        return (k > 0 and ctx.texts[k - 1][:1].isupper() or opens) and not covered(ctx, k)  # "Markus B.J. Wenda"
    if not ctx.lx.is_name_word(t.text) or covered(ctx, k) or compound_hyphen(ctx, k + 1):
        return False
    if t.text.lower() in ctx.lx.honorifics or t.text.lower() in ctx.lx.ranks:
        return False
    return t.text.isalpha() or _NAME_SHAPE.match(t.text) is not None


def initial_word(ctx: DocContext, k: int) -> bool:
    """A name word, or a place's name that initials after it show to be a person's ("Pati Sulistyo (PS)")."""
    return name_word(ctx, k) or ctx.lx.is_name_word(ctx.texts[k]) and ctx.texts[k].isalpha() \
        and all(h.label == "PLACE" for b in range(0, 4) for h in ctx.hits.get(k - b, []) if h.j > k)


def name_run(ctx: DocContext, k: int, limit: int = 5) -> int:
    """End of a run of name words from token k (initials "M." allowed)."""
    doc, m, dots = ctx.doc, k, 0
    while m < len(doc) and m - k - dots < limit:  # ``limit`` words; the periods of "Muh." do not count
        if m > k and adat_title_end(ctx, m) > m:
            break  # "Amir Gelar Sutan Mangkuto": the customary title after "gelar" is no part of the name
        if name_word(ctx, m):
            m += 1
            if m < len(doc) and ctx.texts[m] == "." and (len(ctx.texts[m - 1]) <= 3 or ctx.texts[m - 1].lower() in ctx.lx.abbreviations):
                m += 1
                dots += 1
        elif ctx.texts[m].lower() in ctx.lx.lists["NAME_CONNECTOR"] and m > k and (name_word(ctx, m + 1) or _hyphen(ctx, m + 1)):
            m += 1
        elif ctx.texts[m].lower() in ctx.lx.lists["NAME_CONNECTOR"] and m > k and m + 2 < len(doc) \
                and ctx.texts[m + 1] == "." and name_word(ctx, m + 2):
            m += 2  # "Salma Hi. Darwis": a haji's title before the father's name, inside the name
        elif m > k and _hyphen(ctx, m):
            m += 2  # "Yusuf Al-Amin": a hyphen inside a name, with the word after it
        elif m > k and ctx.texts[m][:1].isupper() and ctx.texts[m].lower() in ctx.lx.calendar \
                and not ctx.texts[m - 1].isdigit() and name_word(ctx, m + 1):
            m += 1  # "Tjhin Mei Ling": a month's name between two words of a name, no number before it
        elif m > k and ctx.texts[m].lower() in ctx.lx.honorifics and ctx.texts[m][:1].isupper() \
                and (m + 1 >= len(doc) or ctx.texts[m + 1] != ".") and name_word(ctx, m + 1):
            m += 1  # "Anak Agung Ayu Mas Pradnyani": a word of address between words of a name is part of it
        else:
            break
    while m > k and ctx.texts[m - 1] == ".":
        m -= 1
    if k < m < len(doc) and re.fullmatch(r"[A-Z]{2,3}", ctx.texts[m]) and ctx.texts[m].lower() not in ctx.lx.address \
            and ctx.texts[m] not in ctx.lx.not_entity and not ctx.hits_at(m) and ctx.texts[m - 1].isalpha() \
            and not (m + 1 < len(doc) and name_word(ctx, m + 1)):
        m += 1  # "M. Yamin HR", "Zulkifli AS": initials after a name (not a degree, not an acronym known here)
    return m


def compound_hyphen(ctx: DocContext, k: int) -> bool:
    """Is the hyphen at ``k`` inside one word, before its part in lower case: a compound or a reduplicated
    word ("Perundang-undangan", "Kupu-kupu"), never a name's ("Al-Amin", "Basik-Basik")?"""
    doc = ctx.doc
    return 0 < k < len(doc) - 1 and ctx.texts[k] == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
        and ctx.texts[k + 1].isalpha() and ctx.texts[k + 1].islower()


def _hyphen(ctx: DocContext, m: int) -> bool:
    """Is token ``m`` a hyphen joining two words of a name with no space ("Al-Amin")?"""
    doc = ctx.doc
    return 0 < m < len(doc) - 1 and ctx.texts[m] == "-" and not doc[m - 1].whitespace_ and not doc[m].whitespace_ \
        and name_word(ctx, m + 1)


def skip_hon(ctx: DocContext, k: int) -> int:
    doc = ctx.doc
    while k < len(doc) and (is_hon(ctx, doc[k]) or ctx.texts[k] == "."):
        if ctx.texts[k] == "." and (k == 0 or not is_hon(ctx, doc[k - 1])):
            break
        k += 1
    return k


def adat_title_end(ctx: DocContext, k: int) -> int:
    """End of a customary title given after a name by a word of ``ADAT_TITLE_LEAD`` ("Gelar Sutan
    Mangkuto", "gelar Datuak Rajo", "Glr. Batin Pengiran"): the capitalised words after it; else ``k``."""
    texts = ctx.texts
    if k >= len(texts) or texts[k].lower() not in ctx.lx.lists["ADAT_TITLE_LEAD"]:
        return k
    start, e = cap_run_after(texts, k, 4)
    return e if e > start else k


def skip_degrees(ctx: DocContext, k: int) -> int:
    """Extend over ", ST, MT" / ", M.Si." after a name (and a customary title before them)."""
    k = adat_title_end(ctx, k)
    doc, end = ctx.doc, k
    m = k
    while m + 1 < len(doc) and ctx.texts[m] == ",":
        w = ctx.texts[m + 1].rstrip(".").lower()
        if w in ctx.lx.degrees:
            m += 2
            while m < len(doc) and ctx.texts[m] == ".":
                m += 1
            end = m
        else:
            break
    while end < len(doc) and ctx.texts[end].rstrip(".").lower() in ctx.lx.degrees and ctx.texts[end][:1].isupper() \
            and end == k:
        end += 1
    return end


def clean_name(text: str, honorifics: Iterable[str] = (), degrees: Iterable[str] = ()) -> str:
    """A name without honorifics, ranks or degrees; capitalised if written in capitals.

    >>> clean_name("Dr. Ir. Wahyu Hidayat, MM", {"dr", "ir"}, {"mm"})
    'Wahyu Hidayat'
    """
    hon, deg = set(honorifics), set(degrees)
    head = text.split(",")[0]
    words = [w for w in head.replace(".", ". ").split() if w not in (".",)]
    out = []
    for w in words:
        bare = w.rstrip(".").lower()
        if not out and bare in hon:
            continue
        if bare in deg and out:
            continue
        out.append(w)
    name = " ".join(out).replace(" .", ".")
    if name.isupper():
        name = " ".join(p.capitalize() for p in name.split())
    return name.strip(" ,.")


def is_degree(ctx: DocContext, k: int) -> bool:
    """Is token ``k`` a degree? Not when a name word follows its period: "Hj. St. Nurhaedah" is Siti,
    not S.T. (degrees come after a name, before a comma or another degree)."""
    texts = ctx.texts
    if texts[k].rstrip(".").lower() not in ctx.lx.degrees:
        return False
    nxt = k + 2 if k + 1 < len(texts) and texts[k + 1] == "." else k + 1
    if any(h.j > nxt for h in ctx.hits_at(k, "DEGREE")):
        return True  # "A.Md.Kep.": the word after the period is the degree's field, as the lexicon writes it
    return not (nxt < len(texts) and ctx.lx.is_name_word(texts[nxt]) and texts[nxt].isalpha()
                and texts[nxt].lower().rstrip(".") not in ctx.lx.degrees and nxt > k + 1)


def name_before_degree(ctx: DocContext, head_end: int, end: int) -> tuple[int, int] | None:
    """The last two or three name words of an office's words when a degree follows them after a comma:
    a degree is written after a person's name, never after an office's ("..., Ak,")."""
    s = end
    while s > head_end + 1 and end - s < 3 and name_word(ctx, s - 1) and not is_unit_word(ctx.lx, ctx.texts[s - 1]) \
            and not vocab_common(ctx.texts[s - 1]):
        s -= 1
    return (s, end) if end - s >= 2 else None


def backward_name(ctx: DocContext, i: int) -> tuple[int, int] | None:
    """A name run that ends just before token i (skipping "," / "selaku" / "sebagai", an age, degrees)."""
    doc, degrees = ctx.doc, ctx.lx.degrees
    k = i

    def degree(j: int) -> bool:  # "Muhammad Basir, M.Si., menjelaskan": a degree after a comma
        return ctx.texts[j].rstrip(".").lower() in degrees and ctx.texts[j][:1].isupper() and j > 0 \
            and ctx.texts[j - 1] == ","

    def split_degree(j: int) -> int | None:  # "X, Ph.D., menilai", "X, S.Pd.I., menyoroti": a degree the
        d = j - 1 if j > 0 and ctx.texts[j] == "." else j  # tokenizer splits ("Ph . D", "S.Pd . I ."), its last dot or not
        return next((h.i for b in range(0, 5) for h in ctx.hits.get(d - b, ()) if h.label == "DEGREE"
                     and h.j in (d + 1, j + 1) and h.j - h.i > 1 and h.i > 0 and ctx.texts[h.i - 1] == ","), None)

    while k > 0:
        if ctx.texts[k - 1].lower() in (",", "selaku", "sebagai") or degree(k - 1):
            k -= 1
        elif age_before(ctx.texts, k):
            k -= 3  # "Jumadi (52), mengeluhkan"
        elif ctx.texts[k - 1] == "." and k > 1 and degree(k - 2):
            k -= 2
        elif (d := split_degree(k - 1)) is not None:
            k = d
        else:
            break
    e = k
    s = e
    while s > 0 and (e - s < 4 or e - s < 6 and name_prefix(ctx, s - 1)):  # "Anak Agung Gede Raka X"
        if name_word(ctx, s - 1):
            s -= 1
        elif s < e and s > 1 and ctx.texts[s - 1].lower() in ctx.lx.lists["NAME_CONNECTOR"] and name_word(ctx, s - 2):
            s -= 2  # "Rugun br Simbolon", "Ahmad bin Yusuf"
        elif s < e and s > 2 and ctx.texts[s - 1] == "." and ctx.texts[s - 2].lower() in ctx.lx.lists["NAME_CONNECTOR"] \
                and name_word(ctx, s - 3):
            s -= 3  # "Tiurma Br. Simanjuntak", "Salma Hi. Darwis"
        elif s < e and s > 1 and ctx.texts[s - 1][:1].isupper() and ctx.texts[s - 1].lower() in ctx.lx.calendar \
                and name_word(ctx, s - 2):
            s -= 2  # "Lim Mei Hwa": a month's name between two words of a name
        else:
            break
    if s == e:
        return None
    if s > 0 and ctx.texts[s - 1][:1].isupper() and not doc[s - 1].is_punct and ctx.texts[s - 1].lower() not in ctx.lx.function_words \
            and ctx.texts[s - 1].lower() not in ctx.lx.not_name \
            and not (is_hon(ctx, doc[s - 1]) and not (s > 1 and name_word(ctx, s - 2))):
        return None  # but "Mbok Sukarmi, mengaku": an honorific may open the name ("Ridwan Daeng Sikki": not inside it);
        # "Adapun X, Kepala ...": a connective that is never part of a name opens the sentence before it
    if s > 0 and (ctx.texts[s - 1].lower() in ctx.lx.venue_heads or ctx.texts[s - 1].lower() in ctx.lx.lists["PLACE_PREP"]):
        return None  # "desa Karangrejo", "di Sleman": a place, not a person
    if s > 0 and ctx.texts[s - 1].isdigit():
        return None  # "guru SMA Negeri 2 Puruk Cahu, mengaku": the words after a unit's number name its place
    return s, e


def name_after_body(ctx: DocContext, office: int | None, start: int, end: int) -> int | None:
    """Where a name of two words or more closing the run ``start:end`` begins, when a body's head word opens the
    run ("Forum", "Panitia", "Asosiasi", "Pansel": ``BODY_HEAD``, ``AGENCY_HEAD``, ``ORG_FORM``, ``NOT_NAME``) and
    every word of the name is a name word that is no ordinary word of the vocabulary, no direction and no
    gazetteer word, after no word for a kind of place ("Ketua Forum Honorer Budi Santoso", "Ketua Pansel Budi
    Santoso"; not "Ketua Yayasan Budi Luhur", "Panitia Pilkades Desa Sukamaju Timur"). With the office's start
    ``office``: none where its holder is named before it or after the comma closing the run ("Paijo, Ketua
    Kelompok Tani Maju Jaya", "Ketua Kelompok Tani Maju Jaya, Paijo, ...")."""
    texts, lx = ctx.texts, ctx.lx
    if office is not None and (office > 0 and texts[office - 1] == ","
                               or end + 1 < len(texts) and texts[end] == "," and texts[end + 1][:1].isupper()):
        return None
    low = texts[start].lower() if start < end else ""
    words = lx.mention_words
    if not (low in words["BODY_HEAD"] or low in words["AGENCY_HEAD"] or low in lx.lists["ORG_FORM"]
            or low in lx.not_name):
        return None
    def plain(j: int) -> bool:  # a name word that is no gazetteer word and no direction
        return name_word(ctx, j) and not ctx.hits.get(j) and texts[j] not in lx.lists["DIRECTION"]

    def proper(j: int) -> bool:  # ... and no ordinary word of the vocabulary
        return plain(j) and not is_dictionary_word(texts[j]) and not vocab_common(texts[j])

    s = end
    while s - 1 > start and (proper(s - 1) or s < end and s - 2 > start and proper(s - 2) and plain(s - 1)):
        s -= 1  # an ordinary word between two such words is one of the name's ("Yulius Lung Anyeq")
    before = texts[s - 1].lower()  # "Panitia Pilkades Desa Pohgading Timur": a place's name after its kind
    return s if end - s >= 2 and before not in lx.local_kinds and before not in lx.kinds("REGION_KIND_WORD") else None
