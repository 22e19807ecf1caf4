"""People and the offices they hold: a pure generator over a
:class:`~kg.nlp.context.DocContext` yielding :class:`PersonMention`.

A person's name is recognised by its shape (capitalised words that are not
lexicon words) and by what stands beside it: a title phrase
("Kepala BKPSDM Kota Malang, Totok Kasianto"), a speech cue ("jelas Wahyu",
"Mulyadi menjelaskan", "Menurut Wisnawa"), an apposition ("X, selaku Kepala Desa",
"X, salah satu warga"). Honorifics, ranks and degrees are stripped from the label.
A title with no name ("Pj Wali Kota kembali menekankan") is a title-only mention
that the assembler resolves to the person holding that office in the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .context import DocContext, Mention, region_is_name
from .initials import initials_name
from .vocab import is_common_word as vocab_common
from .names import (
    clean_name, is_hon as _is_hon, name_prefix as _name_prefix, name_word as _name_word,
    initial_word as _initial_word, name_run as _name_run, skip_hon as _skip_hon,
    skip_degrees as _skip_degrees, is_degree as _is_degree, name_before_degree as _name_before_degree,
    backward_name as _backward_name,
)
from .lexicon import norm
from .offices import LOCAL_ORG, org_from_rule
from .units import SUBDISTRICT_UNITS, direction_end, hospital_name_end, named_alone, list_of_fields, is_division, is_unit_word, local_name_end, skip_listed_places, unit_number_end, unit_named_before_comma, region_named_before_comma

__all__ = ["PersonMention", "iter_people", "clean_name"]

_REDUPLICATED = re.compile(r"(?:^|\s)(\w+) ?- ?\1$", re.I)  # "ibu-ibu", "bapak-bapak": a plural
_ROMAN = re.compile(r"^[IVX]+$")  # "Inspektur Wilayah V Anton": the unit's number ends its name


def _non_person(ctx: DocContext, pos: int) -> bool:
    """Does an apposition at ``pos`` describe someone unnamed ("X, salah satu warga", "seorang pedagang")?"""
    return re.match(r",?\s*" + ctx.lx.phrases("NON_PERSON_APPOSITION").pattern + r"\b", ctx.text[pos:pos + 40],
                    re.I) is not None


@dataclass(frozen=True)
class PersonMention:
    """A person named (``name``) or an office named without a name (``name`` None)."""

    start: int
    end: int
    text: str
    name: str | None
    title: str | None = None
    head: str | None = None
    org_key: str | None = None
    org_label: str | None = None
    official: bool = False
    via: str = "title"
    i: int = 0
    j: int = 0
    title_start: int | None = None
    title_end: int | None = None


def _title_phrase(ctx: DocContext, i: int) -> tuple[int, int, str, dict] | None:
    """(start, head_end, acting form, title record) of a title phrase at token i."""
    doc, lx = ctx.doc, ctx.lx
    acting = ""
    k = i
    h = ctx.longest(k, ("ACTING",))
    if h:
        acting = lx.acting.get(norm(doc[h.i:h.j].text), "")
        k = h.j
        if k < len(doc) and doc[k].text == ".":
            k += 1
        p = k < len(doc) and doc[k].text == "(" and _paren_end(ctx, k)
        if p:
            k = p
    t = ctx.longest(k, ("TITLE",))
    if not t:
        return None
    rec = lx.titles.get(norm(doc[t.i:t.j].text))
    if rec is None:
        return None
    end = t.j
    if end < len(doc) and doc[end].text == "(" and _paren_end(ctx, end):
        end = _paren_end(ctx, end)
    return i, end, acting, rec


def _paren_end(ctx: DocContext, k: int) -> int | None:
    doc = ctx.doc
    for m in range(k + 1, min(len(doc), k + 8)):
        if doc[m].text == ")":
            return m + 1
    return None


def _title_text(ctx: DocContext, i: int, k: int, acting: str) -> str:
    doc = ctx.doc
    words = []
    m = i
    h = ctx.longest(i, ("ACTING",))
    if h:
        m = h.j
        if m < len(doc) and doc[m].text == ".":
            m += 1
        words.append(acting)
    depth = 0
    while m < k:
        t = doc[m].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        elif depth == 0 and t not in (",",) and not (t == "." and words and (len(words[-1]) <= 3
                                                                        or words[-1].lower() in ctx.lx.abbreviations)):
            words.append(t)
        m += 1
    text = " ".join(words)
    return re.sub(r"\s*([-&/])\s*", r"\1", text).replace("&", " & ").replace("  ", " ").strip()


def _parse_title(ctx: DocContext, i: int, mentions: list[Mention]) -> tuple[PersonMention | None, int, list[Mention]]:
    """Parse a title phrase at i: the person it names (or a title-only mention)."""
    doc, lx = ctx.doc, ctx.lx
    tp = _title_phrase(ctx, i)
    if not tp:
        return None, i + 1, []
    start, k, acting, rec = tp
    rule = rec.get("org", "following")
    head_end = k
    org_marker = k
    local_name = None
    if rule in LOCAL_ORG:
        m = k
        while m < len(doc) and m - k < 5 and doc[m].text[:1].isupper() and doc[m].text.isalpha() \
                and not _is_hon(ctx, doc[m]) and not ctx.longest(m, ("TITLE", "ACTING")):
            m += 1
        known = local_name_end(ctx, mentions, k) if m - k >= 2 else None
        if known and known < m:
            m = known  # "Kepala Desa Sukamaju Suherman", the text naming "Desa Sukamaju" elsewhere
        elif m - k == 2 and named_alone(ctx.texts, k + 1):
            m = k + 1  # "Kades Pareang Suherman ... ungkap Suherman": the last word is a name used alone
        elif m - k >= 3:
            m = direction_end(ctx.texts, k + min(2, m - k - 2), m)  # "Camat Turikale Muhammad Idris": the place's name, then a person's
        if m > k:
            local_name = doc[k:m].text
            org_marker = k = m
    last_hon = None
    first_hon = None
    initials = None
    while k < len(doc):
        t = doc[k]
        low = t.text.lower()
        initials = t.text == "(" and k > head_end and initials_name(ctx.texts, k, lambda m: m >= head_end and _initial_word(ctx, m),
                                                                      lambda a: a in lx.not_entity or any(
                                                                          h.label in ("AGENCY", "AGENCY_TYPE", "POLICY", "PLACE", "TITLE") for h in ctx.hits_at(k + 1)))
        if initials:
            break  # "Kepala Dinas Pertanian Rudi Hartawan (RH)": the words the initials open are the name
        hits = [h for h in ctx.hits_at(k) if h.label in ("AGENCY", "AGENCY_TYPE", "POLICY")
                or h.label == "PLACE" and not region_is_name(ctx, h.i, h.j)]
        ment = [m for m in mentions if (m.i == k or m.i < k < m.j and m.type == "Agency") and m.type in ("Agency", "Place")]
        if t.text == "(" and _paren_end(ctx, k):
            k = _paren_end(ctx, k)
            org_marker = k
        elif ment:
            k = max(m.j for m in ment)
            org_marker = k
        elif hits:
            k = max(h.j for h in hits)
            org_marker = k
        elif low in ("kota", "kabupaten", "kab", "provinsi", "prov", "bidang", "urusan", "dan", "&", "-", "setempat", "ri"):
            if low == "dan" and not (k + 1 < len(doc) and (doc[k + 1].text[:1].isupper() or _lower_field(ctx, k + 1))) \
                    or low == "dan" and ctx.longest(k + 1, ("TITLE", "ACTING")):
                break
            k += 2 if low == "dan" and _lower_field(ctx, k + 1) else 1
            if low in ("setempat", "ri"):
                org_marker = k
            elif low in ("kab", "prov") and k < len(doc) and doc[k].text == ".":
                k += 1  # "Inspektur Daerah Prov. Kalteng"
        elif ctx.longest(k, ("TITLE", "ACTING")) and k > head_end:
            if not is_division(ctx, k):
                break
            k = org_marker = ctx.longest(k, ("TITLE",)).j  # "Anggota Bawaslu X Koordinator Divisi Pencegahan, Y"
        elif re.match(r"^(?:[IVX]+|\d{1,4})$", t.text) and not _name_prefix(ctx, k):
            k += 1
            org_marker = k
        elif hospital_name_end(lx, ctx.texts, k):
            k = org_marker = hospital_name_end(lx, ctx.texts, k)  # "Direktur RSUD dr. Soetomo, X": the hospital's name
        elif _is_hon(ctx, t):
            first_hon = k if first_hon is None else first_hon
            k += 1
            if k < len(doc) and doc[k].text == ".":
                k += 1
            last_hon = k
        elif t.text[:1].isupper() and (t.text.isupper() and len(t.text) >= 2 and t.text not in lx.not_entity and "." not in t.text) \
                and not (t.text.lower() in lx.address and k > head_end and _name_word(ctx, k - 1)):  # "Budi SIP"
            k += 1
            org_marker = k
        elif low in lx.lists["UNIT_HEAD"]:
            # "Divisi Teknis", "Bidang Pengadaan": a unit of the organization, not a name
            k += 1
            while k < len(doc) and doc[k].text[:1].isupper() and doc[k].text.isalpha() and not _is_hon(ctx, doc[k]) \
                    and not (k > 0 and _ROMAN.match(doc[k - 1].text)) \
                    and not any(h.label in ("AGENCY", "AGENCY_TYPE", "PLACE") for h in ctx.hits_at(k)) \
                    and not (k + 1 < len(doc) and doc[k + 1].text == "," and k + 2 < len(doc) and not _name_word(ctx, k + 2)):
                if k + 1 < len(doc) and doc[k + 1].text == ",":
                    k += 1
                    break
                k += 1
            org_marker = k
        elif t.text == "," and k > head_end and list_of_fields(ctx, k):
            k += 1  # "Kepala Biro Hubungan Masyarakat, Hukum, dan Kerja Sama BKN"
        elif low == "dari" and k + 1 < len(doc) and ctx.texts[k + 1].lower() in ("fraksi", "partai", "daerah"):
            k += 1  # "Wakil Ketua DPRD Sulsel dari Fraksi Golkar, X"
        elif is_unit_word(lx, t.text) or unit_number_end(ctx.texts, k) or local_name_end(ctx, mentions, k):
            # "Asisten Administrasi Umum", "Dandim 0825/Banyuwangi", "Ketua BPD Sukamaju" (a village named here)
            k = unit_number_end(ctx.texts, k) or local_name_end(ctx, mentions, k) or k + 1
            org_marker = k
        elif t.text[:1].isupper() and t.text.isalpha() or (rule == "following" and low == "bidang"):
            k += 1
        elif t.text == "." and k > 0 and _is_hon(ctx, doc[k - 1]):
            k += 1
        else:
            break
    run_end = k
    if rule in ("kementerian", "dinas", "badan") and org_marker == head_end:
        prefix = {"kementerian": "Kementerian ", "dinas": "Dinas ", "badan": "Badan "}[rule]
        for m in range(run_end, head_end, -1):
            words = re.sub(r"\s*\([^)]*\)", "", doc[head_end:m].text)
            if lx.agency_index.get(norm(prefix + words)) or lx.agency_type_index.get(norm(prefix + words)):
                org_marker = m
                break
    # where does the name start?
    split = max(org_marker, last_hon or 0)
    if split == head_end and rule == "following" and run_end > head_end and last_hon is None:
        # "Kepala Bagian Umum Budi": org words and a name cannot be told apart; take no name
        name_start = None
    else:
        name_start = _skip_hon(ctx, split)
    name_end = _name_run(ctx, name_start) if name_start is not None else None
    if rule in SUBDISTRICT_UNITS and last_hon is None and name_start is not None and name_end == name_start + 1:
        org_marker, name_start = name_end, None  # "Kapolsek Cibinong meninjau ...": the place, no name
    if last_hon is None and name_start is not None and name_end == name_start + 1 \
            and vocab_common(ctx.texts[name_start], max_proper=0.5, min_seen=5):
        name_start = None  # "Kepala Bidang Pengembangan Karier": a common word of the vocabulary is no name alone
    if name_start is not None and name_end == run_end and last_hon is None and unit_named_before_comma(ctx, head_end, name_start, run_end):
        name_start = None  # "Direktur RSUD Labuang Baji, dr. Siti": the words before the comma name the hospital
    if name_start is not None and name_end == name_start + 1 and last_hon is None and name_start > head_end \
            and ctx.texts[name_start] in lx.lists["DIRECTION"]:
        name_start = None  # "Kepala Dinas ... Kota Ambon Timur, X": a direction after a place ends the place's name
    if name_start is not None and name_end == run_end and last_hon is None \
            and region_named_before_comma(ctx, rule, name_start, run_end, lambda j: _name_word(ctx, j) or _place_first_name(ctx, j)):
        name_start = None  # "Bupati Karangsari, H. Agus Salim": the words before the comma name the region
    if initials:
        name_start, name_end = initials
    comma_name = False
    comma = run_end + 1 if run_end + 1 < len(doc) and doc[run_end].text.lower() in lx.lists["TITLE_TAIL"] else run_end
    if (name_start is None or name_end == name_start) and comma < len(doc) and doc[comma].text == ",":
        # "Anggota Komisi A lainnya, Hj. Rosmawati": a word closing the office before its holder's name
        ns = _skip_hon(ctx, skip_listed_places(mentions, ctx.texts, comma) + 1)
        ne = _name_run(ctx, ns)
        if ne == ns and (_place_first_name(ctx, ns) or _word_first_name(ctx, ns)):
            ne = _name_run(ctx, ns + 1)  # "Bupati Toba Raya, Medan Sihombing, S.H.": a city's name as a first name
        if ne > ns and _is_degree(ctx, ns):
            tail = _name_before_degree(ctx, head_end, run_end)  # "... Republik Indonesia Rudi Hartawan, Ak,"
            if tail:
                name_start, name_end = tail
        elif ne > ns and not _non_person(ctx, doc[comma].idx):
            name_start, name_end, comma_name = ns, ne, True
    if name_start is not None and name_end is not None and name_end > name_start and not comma_name:
        org_end = min(split, name_start)
    else:
        org_end = org_marker if org_marker > head_end else head_end
        if rule != "following":
            org_end = max(org_end, split if name_start is None or name_end == name_start else split)
    if name_start is not None and name_end is not None and name_end > name_start and comma_name:
        org_end = run_end
    if first_hon is not None and first_hon < org_end:
        org_end = max(first_hon, head_end)
    title = _title_text(ctx, start, org_end, acting)
    org_key, org_label, derived = org_from_rule(ctx, rule, head_end, org_end, mentions, local_name,
                                                 rec.get("expands"), rec.get("unit"), rec.get("region"))
    official = True
    ts, te = doc[start].idx, doc[org_end - 1].idx + len(doc[org_end - 1])
    if name_start is not None and name_end is not None and name_end > name_start:
        full_end = initials[1] + 3 if initials else _skip_degrees(ctx, name_end)
        raw = ctx.text[doc[name_start].idx:doc[name_end - 1].idx + len(doc[name_end - 1])]
        name = clean_name(raw, lx.honorifics | lx.ranks, lx.degrees)
        s = doc[name_start].idx
        e = doc[name_end - 1].idx + len(doc[name_end - 1])
        pm = PersonMention(s, e, ctx.text[s:e], name, title, rec["id"], org_key, org_label, official, "title",
                           start, full_end, ts, te)
        return pm, full_end, derived
    pm = PersonMention(ts, te, ctx.text[ts:te], None, title, rec["id"], org_key, org_label, official, "title-only",
                       start, org_end, ts, te)
    return pm, max(org_end, i + 1), derived


def _place_first_name(ctx: DocContext, k: int) -> bool:
    """Is the one-word place name at ``k`` a person's first name, a name word and a comma after it
    ("..., Medan Sihombing, S.H.")? Only where a name is expected (after an office and a comma)."""
    texts = ctx.texts
    return k + 2 < len(texts) and texts[k].isalpha() and ctx.lx.is_name_word(texts[k]) \
        and ctx.hits_at(k) and all(h.label == "PLACE" and h.j == k + 1 for h in ctx.hits_at(k)) \
        and _name_word(ctx, k + 1) and texts[k + 2] == ","


def _word_first_name(ctx: DocContext, k: int) -> bool:
    """Is the common word at ``k`` a person's first name, a surname that is no common word and a comma
    after it ("Sekretaris Bappeda, Harapan Tambunan, menyampaikan")? Only after an office and a comma."""
    texts = ctx.texts
    return k + 2 < len(texts) and texts[k].isalpha() and texts[k][:1].isupper() and not ctx.hits_at(k) \
        and texts[k].lower() not in ctx.lx.function_words and texts[k].lower() not in ctx.lx.not_name \
        and _name_word(ctx, k + 1) and not vocab_common(texts[k + 1]) and texts[k + 2] == ","


def _before_apposition(ctx: DocContext, m: int) -> tuple[int, int] | None:
    """The name before a lower-case apposition that ends at the comma before ``m`` ("Ns. Dewi Anggraini,
    S.Kep., perawat dari RSUD X, mengaku ..."): (start, end) or None."""
    texts = ctx.texts
    if m < 2 or texts[m - 1] != ",":
        return None
    for c in range(m - 2, max(0, m - 10), -1):
        if texts[c] == "." and c > 0 and (len(texts[c - 1]) <= 3 or texts[c - 1].lower() in ctx.lx.abbreviations):
            continue  # "dr.", "S.Kep."
        if texts[c] in (".", ";", "“", "”", '"'):
            return None
        if texts[c] == ",":
            first = texts[c + 1]
            if first.islower() and first.isalpha() and first not in ctx.lx.function_words:
                return _backward_name(ctx, c + 1)
            return None
    return None


def _lower_field(ctx: DocContext, k: int) -> bool:
    """A field of an office written in lower case inside its name, a capitalised word after it
    ("Dinas Pendidikan dan kebudayaan Pandeglang")?"""
    w = ctx.texts[k]
    return w.islower() and is_unit_word(ctx.lx, w.capitalize()) and k + 1 < len(ctx.texts) \
        and ctx.texts[k + 1][:1].isupper()


def _group_before(ctx: DocContext, i: int) -> bool:
    """Does a group word or a plural stand right before the office at ``i`` ("para", "seluruh", "ibu-ibu")?"""
    return i > 0 and (ctx.texts[i - 1].lower() in ctx.lx.lists["GROUP_WORD"]
                      or _REDUPLICATED.search(" ".join(ctx.texts[max(0, i - 3):i])) is not None)


def _org_form_before(ctx: DocContext, s: int) -> bool:
    """Does a company's or a body's form stand before ``s`` ("PT Tirta Anugrah Wibawa (TAW)")?"""
    return s > 0 and ctx.texts[s - 1].rstrip(".").lower() in ctx.lx.lists["ORG_FORM"]


def _initialled(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
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


def iter_people(ctx: DocContext, mentions: list[Mention]) -> Iterator[PersonMention | Mention]:
    """Person mentions in text order; also yields Agency mentions derived from titles."""
    doc, lx = ctx.doc, ctx.lx
    taken: set[int] = set()
    found: list[PersonMention] = []
    # an office inside a policy's, an event's or a venue's name names nobody ("Kantor Gubernur Papua
    # Pegunungan, Wamena"), but "melantik Penjabat Bupati X, Y": after an event verb the office names a person
    inside = {k for m in mentions if (m.type in ("Policy", "Event") or m.type == "Place" and m.kind == "venue")
              and ctx.texts[m.i].lower() not in lx.event_verbs for k in range(m.i + 1, m.j)}
    i = 0
    while i < len(doc):
        if i not in ctx.hits:
            i += 1  # a title phrase starts at a gazetteer hit
            continue
        if i in inside:
            i += 1
            continue
        pm, nxt, derived = _parse_title(ctx, i, mentions)
        if pm and ctx.in_quote(doc[i].idx) and (pm.name is None or pm.via != "title"):
            pm = None  # inside a quotation only an office with its holder's name names someone
        if pm and _group_before(ctx, i) and (pm.name is None or _REDUPLICATED.match(" ".join(ctx.texts[max(0, i - 3):i]))):
            pm = None  # "para Camat", "ibu-ibu anggota Dasa Wisma X, ...": a group, not one holder
        if pm:
            if pm.name is None:
                back = _backward_name(ctx, i)
                if back:
                    s, e = back
                    raw = ctx.text[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]
                    name = clean_name(raw, lx.honorifics | lx.ranks, lx.degrees)
                    pm = PersonMention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), raw, name, pm.title, pm.head,
                                       pm.org_key, pm.org_label, True, "apposition", s, nxt, pm.title_start, pm.title_end)
                    taken.update(range(s, e))
            found.append(pm)
            yield from derived
            taken.update(range(pm.i, pm.j))
            i = nxt
            continue
        i += 1
    # names beside speech cues and appositions
    texts = ctx.texts
    starters = lx.cue_after | lx.cue_passive | lx.cue_verbs | {"menurut", "selaku", "sebagai", ","}
    for k, text in enumerate(texts):
        low = text.lower()
        if low not in starters:
            continue  # every candidate below starts at one of these words
        tok = doc[k]
        if k in taken or ctx.in_quote(tok.idx):
            continue
        cand: tuple[int, int] | None = None
        via = "cue"
        if low in lx.cue_after or low in lx.cue_passive or low == "menurut" or low in lx.cue_verbs and k > 0 and doc[k - 1].text in (",", "”", '"'):
            s = k + 1
            if s < len(doc) and doc[s].text.lower() == "oleh":
                s += 1
            s = _skip_hon(ctx, s)
            e = _name_run(ctx, s)
            if e > s and not any(x in taken for x in range(s, e)):
                cand = (s, e)
        if cand is None and (low in lx.cue_verbs or low in ("selaku", "sebagai")):
            # "Seorang warga, Andi Saputra, mengaku ...": no name after the verb, so the subject before it
            m = k
            skipped = 0
            while m > 0 and (doc[m - 1].text.lower() in lx.lists["SUBJECT_ADVERB"] or doc[m - 1].text == ",") \
                    and skipped < 3:
                m -= 1
                skipped += 1
            if m > 0 and skipped < 3 and doc[m - 1].text.islower() and doc[m - 1].text.isalpha() \
                    and doc[m - 1].text not in lx.function_words and m - 1 > 0 and _name_word(ctx, m - 2):
                m -= 1
            back = _backward_name(ctx, m) or _before_apposition(ctx, k)
            if back and not any(x in taken for x in range(*back)):
                cand = back
                via = "subject"
        elif tok.text == "," and k > 0 and _non_person(ctx, tok.idx):
            back = _backward_name(ctx, k)
            if back and not any(x in taken for x in range(*back)):
                cand = back
                via = "apposition"
        if cand and cand[1] - cand[0] == 1 and vocab_common(texts[cand[0]], max_proper=0.5, min_seen=5):
            cand = None  # "Petani mengatakan", "Guru menyatakan": a common noun (a known name's part comes below)
        if cand:
            s, e = cand
            raw = ctx.text[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]
            name = clean_name(raw, lx.honorifics | lx.ranks, lx.degrees)
            if name and name.lower() not in lx.function_words and (" " in name or len(name) >= 3):
                found.append(PersonMention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), raw, name, via=via,
                                           i=s, j=e))
                taken.update(range(s, e))
    found.extend(_initialled(ctx, taken))
    # short forms of names already found ("Wahyu" for "Wahyu Hidayat")
    parts: dict[str, str] = {}
    for pm in found:
        if pm.name and len(pm.name.split()) > 1:
            ws = pm.name.split()
            own = ws[1:] if ws[0] in lx.name_prefixes and len(ws) > 2 else ws  # "I Made Wirata": "Made"
            for w in (own[0], own[-1]):
                if len(w) > 2:
                    parts.setdefault(w, pm.name)
    for k, text in enumerate(texts):
        if text not in parts or k in taken:
            continue
        tok = doc[k]
        if ctx.in_quote(tok.idx):
            continue
        if k + 1 < len(doc) and _name_word(ctx, k + 1) and doc[k + 1].text not in parts:
            continue
        found.append(PersonMention(tok.idx, tok.idx + len(tok), tok.text, tok.text, via="short", i=k, j=k + 1))
        taken.add(k)
    found.sort(key=lambda p: p.start)
    yield from found
