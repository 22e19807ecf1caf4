"""Person names found by how the press writes them, beside the offices and speech cues of :mod:`.people`:
initials in brackets after a name, academic degrees after a comma, "dari" and a body after it, an age in
brackets, a list after "yaitu" that a counted noun for people leads, a second name joined by "dan", a name
after a noun for a person and a comma."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from .context import DocContext
from .initials import initials_name
from .names import clean_name, is_degree, is_hon, name_run as _name_run, name_word as _name_word, \
    skip_hon as _skip_hon, backward_name as _backward_name
from .nicknames import clips
from .title_phrase import PersonMention
from .units import age_before, is_unit_word
from ..vocab import is_common_word as vocab_common

__all__ = ["mention_of", "initialled", "degreed", "from_body", "aged", "listed", "joined", "described"]


def _org_form_before(ctx: DocContext, s: int) -> bool:
    """Does a company's or a body's form stand before ``s`` ("PT Tirta Anugrah Wibawa (TAW)")?"""
    return s > 0 and ctx.texts[s - 1].rstrip(".").lower() in ctx.lx.lists["ORG_FORM"]


def initialled(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names followed by their initials anywhere ("... Lebak Yusuf Rahmanto (YR)"): two or three name
    words, none an ordinary word of the vocabulary, the first opening the initials."""
    texts = ctx.texts
    for k, text in enumerate(texts):
        if text != "(" or k in taken or ctx.in_quote(ctx.doc[k].idx):
            continue
        span = initials_name(texts, k, lambda m: m not in taken and _name_word(ctx, m) and not vocab_common(texts[m]),
                             lambda a: a in ctx.lx.not_entity or bool(ctx.hits_at(k + 1)))
        if span and span[1] - span[0] >= 2 and not _org_form_before(ctx, span[0]):
            s, e = span
            doc = ctx.doc
            raw = ctx.text[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]
            taken.update(range(s, e))
            yield PersonMention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), raw, raw, via="initials", i=s, j=e)


def degreed(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names followed by a comma and an academic degree ("... tampak Sulastri Wulandari, S.E., M.Ak, yang ..."):
    a degree is written after a person's name only. One to four name words, none an ordinary word of the
    vocabulary, a unit's word or part of a gazetteer name, with nothing capitalised before them but an
    honorific; outside quotations."""
    texts, doc = ctx.texts, ctx.doc

    def word(j: int) -> bool:  # a name word, none taken, no ordinary or unit word, no gazetteer word
        return j not in taken and _name_word(ctx, j) and not vocab_common(texts[j]) \
            and not is_unit_word(ctx.lx, texts[j]) and not ctx.hits_at(j)

    for k, text in enumerate(texts):
        if text != "," or k + 1 >= len(texts) or not texts[k + 1][:1].isupper() or not is_degree(ctx, k + 1) \
                or k - 1 in taken or ctx.in_quote(doc[k].idx):
            continue
        s = k
        while s > 0 and k - s < 4:
            if word(s - 1):
                s -= 1
            elif s < k and s > 1 and texts[s - 1][:1].isupper() and texts[s - 1].lower() in ctx.lx.calendar and word(s - 2):
                s -= 2  # "Lie Mei Ling, S.Pd.": a month's name between two words of a name
            elif s < k and s > 2 and texts[s - 1] == "." and ctx.lows[s - 2] in ctx.lx.lists["NAME_CONNECTOR"] and word(s - 3):
                s -= 3  # "Lamria br. Simatupang, M.Th.": a connector inside the name
            else:
                break
        while s > 1 and texts[s - 1] == "." and is_hon(ctx, doc[s - 2]) or s > 0 and is_hon(ctx, doc[s - 1]):
            s -= 1  # "Dr. H. Sulastri": the honorifics open the mention
        if s == k or not any(texts[m][:1].isupper() and not is_hon(ctx, doc[m]) for m in range(s, k)) \
                or s > 0 and (texts[s - 1][:1].isupper() or texts[s - 1].isdigit()) and not doc[s - 1].is_punct:
            continue
        start, end, raw, name = mention_of(ctx, s, k)
        taken.update(range(s, k))
        yield PersonMention(start, end, raw, name, via="degree", i=s, j=k)


def from_body(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names of two words or more right before "dari" and a body ("Posisi kedua ditempati Rizky Ramadhan
    Siregar dari Badan Pendapatan Daerah", "X dari Kecamatan Y"): who comes from a body or a local unit is a
    person; outside quotations."""
    texts, doc = ctx.texts, ctx.doc
    for k, text in enumerate(texts):
        if text != "dari" or k + 1 >= len(texts) or ctx.in_quote(doc[k].idx) or not (
                ctx.longest(k + 1, ("AGENCY", "AGENCY_TYPE")) or texts[k + 1][:1].isupper()
                and texts[k + 1].lower() in ctx.lx.local_kinds and k + 2 < len(texts) and texts[k + 2][:1].isupper()):
            continue  # (a local unit too: "Sri Wahyuningsih dari Kecamatan Wanadadi")
        back = _backward_name(ctx, k) if texts[k - 1] != "," else None
        if not back or back[1] - back[0] < 2 or not taken.isdisjoint(range(*back)) \
                or any(vocab_common(texts[m]) for m in range(*back)):
            continue
        start, end, raw, name = mention_of(ctx, *back)
        taken.update(range(*back))
        yield PersonMention(start, end, raw, name, via="from", i=back[0], j=back[1])


def described(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names of two words or more after a noun for a person (``PERSON_NOUN``: "peneliti", "pengamat",
    "akademisi", "tokoh"), the words that describe the person, and a comma ("Kritik datang dari peneliti senior
    Institut X, Benny Sugiharto."): the name closes the sentence or a clause, or a verb follows it; a name of
    one word where a comma and a speech verb follow it ("kader posyandu asal Desa X, Rosdiana, mengeluhkan"). None of
    its words an ordinary word of the vocabulary or part of a gazetteer name; outside quotations."""
    texts, doc = ctx.texts, ctx.doc
    nouns = ctx.lx.lists["PERSON_NOUN"]
    for k, text in enumerate(texts):
        if ctx.lows[k] not in nouns:
            continue
        opens = doc[k].is_sent_start or k > 0 and (texts[k - 1] in ("-", "–", "—") or not texts[k - 1].strip())
        if not (text.islower() or opens) or ctx.in_quote(doc[k].idx):
            continue  # (capitalised only opening a sentence, or after a dateline)
        c = next((c for c in range(k + 1, min(len(texts), k + 16)) if texts[c] in (",", ".", ";", "“", "”", '"')), None)
        if c is None or texts[c] != "," or c == k + 1 and not ctx.lows[k].endswith("nya"):
            continue  # (a description between, or a kin's word: "kakaknya, Susanti Tjhai, perawat ...")
        s = _skip_hon(ctx, c + 1)
        e = _name_run(ctx, s)
        one = e - s == 1 and e + 1 < len(texts) and texts[e] == "," and ctx.lows[e + 1] in ctx.lx.cue_verbs \
            and not ctx.hits_at(s)  # "kader posyandu asal Desa X, Rosdiana, mengeluhkan ...": one word, then its verb
        if e - s < 2 and not one or not taken.isdisjoint(range(s, e)) or any(vocab_common(texts[m]) for m in range(s, e)) \
                or e < len(texts) and not (texts[e] in (",", ".", ";") or texts[e].islower()):
            continue
        start, end, raw, name = mention_of(ctx, s, e)
        taken.update(range(s, e))
        yield PersonMention(start, end, raw, name, via="described", i=s, j=e)


def joined(ctx: DocContext, found: list[PersonMention], taken: set[int]) -> Iterator[PersonMention]:
    """Names of two words or more joined by "dan"/"serta" to a person's name ("didampingi Hendra Gunawan dan
    Sulastri Wulandari"): the second of two names so joined is a person too, holding the first one's office
    where many hold it (``SHARED_OFFICE``: "Anggota Komisi I ..."). None of its words an ordinary
    word of the vocabulary or part of a gazetteer name; it ends where the capitalised words end, before a
    comma, a stop or a lower-case word; outside quotations."""
    texts, doc = ctx.texts, ctx.doc
    for pm in [p for p in found if p.name and p.j is not None]:
        k = pm.j
        while k < len(texts) and texts[k] == "," and k + 1 < len(texts) and is_degree(ctx, k + 1):
            k += 2 + (k + 2 < len(texts) and texts[k + 2] == ".")  # "X, S.H. dan Y"
        if k + 1 < len(texts) and texts[k] == "," and texts[k + 1].lower() in ctx.lx.lists["COORDINATOR"]:
            k += 1  # "A, B, dan C": a comma before the last item's "dan"
        if k + 1 >= len(texts) or texts[k].lower() not in ctx.lx.lists["COORDINATOR"] or k + 1 in taken \
                or ctx.in_quote(doc[k].idx):
            continue
        s = _skip_hon(ctx, k + 1)
        e = _name_run(ctx, s)
        if e - s < 2 or not taken.isdisjoint(range(s, e)) or any(vocab_common(texts[m]) or ctx.hits_at(m)
                                                                 for m in range(s, e) if texts[m] != ".") \
                or e < len(texts) and texts[e][:1].isupper():
            continue
        start, end, raw, name = mention_of(ctx, k + 1, e)
        taken.update(range(k + 1, e))
        if pm.title and pm.title.split()[0].lower() in ctx.lx.lists["SHARED_OFFICE"]:
            # "Anggota Komisi I DPRD Kota X Hendra Gunawan dan Sulastri Wulandari": an office many hold, held by both
            yield replace(pm, start=start, end=end, text=raw, name=name, via="joined", i=k + 1, j=e,
                          title_start=None, title_end=None)
        else:
            yield PersonMention(start, end, raw, name, via="joined", i=k + 1, j=e)


def aged(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names followed by an age in brackets ("Suwarni Tri Handayani (41), perawat honorer ...") or by "atau",
    a word of address and a clip of the name ("Dionisius Rangga Ghele atau Om Sius"): how the press names a
    person, never a body or a place. Two to four name words, not all of them ordinary words of the vocabulary,
    none part of a gazetteer name; one such word if it opens its sentence and the age a description in lower
    case ("Suparjo (58), petani kentang ..."); outside quotations."""
    texts, doc, lx = ctx.texts, ctx.doc, ctx.lx
    for k, text in enumerate(texts):
        age = k + 2 < len(texts) and age_before(texts, k + 3) and 10 <= int(texts[k + 1]) <= 110  # "(41)" at k
        called = text == "atau" and k + 2 < len(texts) and texts[k + 1].lower().rstrip(".") in lx.honorifics \
            and texts[k + 2][:1].isupper()
        if not (age or called) or k - 1 in taken or ctx.in_quote(doc[k].idx):
            continue
        s = k
        while s > 0 and k - s < 4 and s - 1 not in taken and _name_word(ctx, s - 1) and not ctx.hits_at(s - 1):
            s -= 1
        alone = k - s == 1 and age and doc[s].is_sent_start and k + 4 < len(texts) and texts[k + 3] == "," \
            and texts[k + 4].islower()  # "Suparjo (58), petani kentang ...": one name opening its sentence
        if k - s < 2 and not alone or s > 0 and texts[s - 1][:1].isupper() and not doc[s - 1].is_punct \
                or all(vocab_common(texts[m]) for m in range(s, k)) \
                or called and not clips(texts[k + 2], " ".join(texts[s:k])):
            continue
        start, end, raw, name = mention_of(ctx, s, k)
        taken.update(range(s, k))
        yield PersonMention(start, end, raw, name, via="aged", i=s, j=k)


def listed(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names listed after "yaitu"/"yakni" or a colon that a noun for people, counted, leads a few words before
    ("tiga nama yang lolos yaitu A, B, dan C", ``NAME_LIST_NOUN``; not "sekolah pemenang yaitu ..."): at least two items, each two name words or more (not all
    ordinary words of the vocabulary, none part of a gazetteer name), joined by commas and "dan"; outside
    quotations."""
    texts, lx = ctx.texts, ctx.lx
    for k, text in enumerate(texts):
        if not (ctx.lows[k] in lx.lists["LIST_LEAD"] or text == ":") or ctx.in_quote(ctx.doc[k].idx) \
                or not any(texts[x] in lx.lists["NAME_LIST_NOUN"] and _counted(ctx, x - 1) for x in range(max(1, k - 6), k)):
            continue
        items, s = [], k + 1
        while s < len(texts):
            b = _skip_hon(ctx, s)
            e = _name_run(ctx, b)
            if e - b < 2 or not taken.isdisjoint(range(s, e)) or any(ctx.hits_at(m) for m in range(b, e)) \
                    or all(vocab_common(texts[m]) for m in range(b, e) if texts[m] != "."):
                break
            items.append((s, e))
            s = e + (e < len(texts) and texts[e] == ",")
            s += s < len(texts) and texts[s] == "dan"
            if s == e:
                break  # nothing joins a further item
        if len(items) >= 2:
            for s, e in items:
                start, end, raw, name = mention_of(ctx, s, e)
                taken.update(range(s, e))
                yield PersonMention(start, end, raw, name, via="listed", i=s, j=e)


def _counted(ctx: DocContext, k: int) -> bool:
    """Is token ``k`` a number or a word counting a group ("tiga", "12", "sejumlah", "para")?"""
    low, lists = ctx.texts[k].lower(), ctx.lx.lists
    return low.isdigit() or low in lists["NUMBER_WORD"] or low in lists["COUNT_LEAD"] or low in lists["GROUP_WORD"]


def mention_of(ctx: DocContext, s: int, e: int) -> tuple[int, int, str, str]:
    """(start, end, raw text, cleaned name) of the name in tokens ``s:e``."""
    doc, lx = ctx.doc, ctx.lx
    raw = ctx.text[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), raw, clean_name(raw, lx.honorifics | lx.ranks, lx.degrees)
