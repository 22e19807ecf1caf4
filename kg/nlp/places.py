"""Places in the text: regions from the gazetteer (with the readings that make a region's name no
region: a person's initials after it, an office's field right after a short title), towns placed by a
known region after them, villages and districts, and venues after a venue word (``Hotel``, ``Aula``)."""
from __future__ import annotations

import re

from .context import DocContext, Mention, fits, is_acronym, is_cap, make_mention, paren_end
from .event_guards import inner_word
from .lexicon import norm, slug
from .units import is_unit_word
from ..vocab import is_common_word, is_derived_word, is_dictionary_word

__all__ = ["INITIALS", "city_district", "inside_longer_name", "region_at", "place_mention", "local_name", "town_before_region", "town_after_venue", "town_after_di", "region_named_before", "venue_at"]

def region_at(ctx: DocContext, i: int, kind: str | None = None) -> tuple[int, str] | None:
    """(end, region id) of a region named at token ``i``."""
    if i >= len(ctx.doc):
        return None
    hs = [h for h in ctx.hits_at(i, "PLACE") if h.id in ctx.lx.regions]
    if not hs:
        return None
    j = max(h.j for h in hs)
    if _initialled(ctx.texts, i, j):
        return None  # "Kepala Dinas X Pati Sulistyo (PS)": a person's first name, not the regency of Pati
    if j == i + 1 and j < len(ctx.texts) and _field_word(ctx, j) and not ctx.texts[i].isupper() \
            and (i == 0 or ctx.texts[i - 1].lower() not in ctx.lx.kinds("REGION_KIND_WORD")):
        return None  # "Karo Humas" (Kepala Biro Humas): an office's short title before its field, not Karo
    ids = [h.id for h in hs if h.j == j]
    if kind:
        same = [r for r in ids if ctx.lx.regions[r]["kind"] == kind]
        if same:
            return j, same[0]
    before = ctx.doc[i - 1].text if i else ""
    rid = ctx.region_id(ids, before)
    if len(ids) > 1:
        rid = ctx.region_pref.get(norm(ctx.lx.regions[rid]["name"]), rid) if not kind else rid
    return j, rid


def _field_word(ctx: DocContext, k: int) -> bool:
    """Is the token at ``k`` a capitalised field of government ("Humas", "Hukum", "Organisasi") and no region?"""

    return is_unit_word(ctx.lx, ctx.texts[k]) and not ctx.hits_at(k, "PLACE")


def _initialled(texts: list[str], i: int, j: int) -> bool:
    """Do the words from ``i`` (a region's name up to ``j``), with the capitalised words after them, spell
    the initials in brackets that follow ("Pati Sulistyo (PS)")? Then they name a person."""
    e = j
    while e < len(texts) and e - j < 3 and texts[e][:1].isupper() and texts[e].isalpha() and not texts[e].isupper():
        e += 1
    if e == j or e + 2 >= len(texts) or texts[e] != "(" or texts[e + 2] != ")":
        return False
    return texts[e + 1].isupper() and texts[e + 1] == "".join(w[0] for w in texts[i:e])


def town_before_region(ctx: DocContext, i: int) -> Mention | None:
    """A town the gazetteer does not know, placed by the region after it: "di Wamena, Papua Pegunungan",
    "ke Labuan Bajo, Manggarai Barat" ("di"/"ke" before it, a known region after the comma; not "dari": a person
    may follow it)."""
    texts, lx = ctx.texts, ctx.lx
    if i == 0 or texts[i - 1].lower() not in lx.lists["LOCATIVE_PREP"] or ctx.hits.get(i):
        return None
    e = i
    while e < len(texts) and e - i < 3 and texts[e][:1].isupper() and texts[e].isalpha() and not ctx.hits.get(e) \
            and texts[e].lower() not in lx.function_words and texts[e].lower() not in lx.calendar:
        e += 1
    if e == i or e + 1 >= len(texts) or texts[e] != "," or not region_at(ctx, e + 1) \
            or texts[i].lower() in lx.event_words.get("WORKS_PLACE", ()):
        return None  # not "di Jalan Merdeka, Bandung": a street or a neighbourhood unit
    name = " ".join(texts[i:e])
    return make_mention(ctx, i, e, "Place", f"place:{slug(name)}", name, (), "lainnya")


def town_after_di(ctx: DocContext, i: int) -> Mention | None:
    """A town or district the gazetteer does not know, named after "di"/"ke" ("di Lubuk Pakam dan ...",
    "ke Sofifi pada akhir Mei"), another lead of :func:`_town_lead` ("warga X", "kecamatan terpencil seperti
    X") or after the place so named and "dan"/"serta"/"atau" ("di Lubuk Pakam dan Tanjung Morawa"): a run
    of up to three capitalised words with no gazetteer hit, none of them a common word (nor, after a lead
    other than "di"/"ke", a dictionary word), closed by a lower-case word or punctuation (not by a further
    name)."""

    texts, lx = ctx.texts, ctx.lx
    lead = (_town_lead(ctx, i - 1) or _joined_after_di(ctx, i - 1)) if i else None
    if not lead or ctx.hits.get(i):
        return None
    # "warga Miskin": after another lead, no dictionary word is a town's (but a list after a word for a kind of
    # place, "kecamatan pedalaman seperti Peso dan ...", names places: only a common word is none)
    # (after a word for a district or village, "Kecamatan Kejajar dan Garung", the words are that unit's name)
    kind = lead in lx.local_kinds  # (a common word may name one: "Kecamatan Peso, Peso Hilir dan ...")
    strict = lead not in lx.lists["LOCATIVE_PREP"] and lead not in lx.lists["LIST_LEAD"] and not kind
    e = i
    while e < len(texts) and e - i < 3 and texts[e][:1].isupper() and texts[e].isalpha() and not texts[e].isupper() \
            and not (ctx.hits.get(e) and not _region_inside(ctx, e)) \
            and texts[e].lower() not in lx.function_words and texts[e].lower() not in lx.calendar \
            and (e > i and texts[e] in lx.lists["DIRECTION"]  # "Peso Hilir", "Tanjung Palas Barat"
                 or (kind or not is_common_word(texts[e])) and not _body_word(lx, texts[e])
                 and not (strict and (is_dictionary_word(texts[e]) or is_derived_word(texts[e])))):
        e += 1
    if e == i or e < len(texts) and (texts[e][:1].isupper() or texts[e] in ("-", "(", "/")):
        return None
    name = " ".join(texts[i:e])
    if f"({name})" in ctx.text:
        return None  # "Badan Anggaran (Banggar)" ... "di Banggar": the text's short form of a body's name
    if lead in lx.local_kinds:  # "Kecamatan Sukamaju dan Karangsari": the second is a district too
        return make_mention(ctx, i, e, "Place", f"place:{lead}-{slug(name)}", f"{lead.capitalize()} {name}", (name,),
                            lx.local_kinds[lead])
    return make_mention(ctx, i, e, "Place", f"place:{slug(name)}", name, (), "lainnya")


def _town_lead(ctx: DocContext, k: int) -> str | None:
    """The word at ``k`` (lower case) if it leads a town's name: a ``TOWN_LEAD`` ("di", "ke", "warga",
    "kawasan"), or a ``LIST_LEAD`` ("seperti") after a word for a kind of place ("kecamatan pedalaman
    seperti X")."""
    texts, lists = ctx.texts, ctx.lx.lists
    low = texts[k].lower()
    if low == "dari" and texts[k].islower() and (k > 0 and texts[k - 1].lower() in lists["FROM_LEAD"] or _route(ctx, k)):
        if any(texts[x].lower() in lists["VIEW_NOUN"] for x in range(max(0, k - 4), k)):
            return None  # "Kritik keras datang dari X": who voiced it, not where someone came from
        return low  # "datang jauh-jauh dari X", "dari X hingga Y": where people come from
    if low in lists["TOWN_LEAD"]:
        return low if texts[k].islower() or low in lists["LOCATIVE_PREP"] else None
    listed = low in lists["LIST_LEAD"] and any(texts[x].islower() and texts[x] in lists["PLACE_NOUN"]
                                               for x in range(max(0, k - 3), k))
    return low if listed else None


def _route(ctx: DocContext, k: int) -> bool:
    """Does "dari" at ``k`` open a route, capitalised words then "hingga"/"sampai" and capitalised words ("dari
    Kelimutu hingga Maurole")?"""
    texts = ctx.texts
    e = k + 1
    while e < len(texts) and e - k <= 3 and texts[e][:1].isupper() and texts[e].isalpha():
        e += 1
    return e > k + 1 and e + 1 < len(texts) and texts[e] in ctx.lx.lists["RANGE_END"] and texts[e + 1][:1].isupper()


def _joined_after_di(ctx: DocContext, k: int) -> str | None:
    """Is ``k`` a "dan"/"serta"/"atau" right after capitalised words that follow a town's lead ("di
    Sukamaju dan Karangsari", "warga Sukamaju dan Karangsari") or a word for a village or district
    ("Kecamatan Sukamaju dan Karangsari"), or a comma between the items of a list after a list's lead
    ("kecamatan, yakni Somba Opu, Pallangga dan ...")? The word after it is then read as a further place, as
    the first is. The lead, if so."""
    texts, kinds, lists = ctx.texts, ctx.lx.local_kinds, ctx.lx.lists
    if texts[k] not in lists["LIST_JOINER"] and texts[k] != ",":
        return None
    if texts[k] != "," and k > 0 and texts[k - 1] == ",":
        return _joined_after_di(ctx, k - 1)  # "A, B, dan C": the last item, as the items before it
    b = k
    while b > 0 and k - b < 4 and texts[b - 1][:1].isupper() and texts[b - 1].isalpha():
        if b < k and texts[b - 1].lower() in kinds and (texts[k] != "," or _enumeration(ctx, k)):
            # not inside an office: "Kepala Desa X dan Budi"
            office = any(t.j >= b for x in range(max(0, b - 4), b) for t in ctx.hits_at(x, "TITLE"))
            return None if office else texts[b - 1].lower()
        b -= 1
    if not 0 < b < k:
        return None
    lead = _joined_after_di(ctx, b - 1) if texts[b - 1] == "," else _town_lead(ctx, b - 1)
    return lead if texts[k] != "," and texts[b - 1] != "," or lead in lists["LIST_LEAD"] or lead in kinds else None


def _enumeration(ctx: DocContext, k: int) -> bool:
    """Does the comma at ``k`` open the rest of an enumeration of names, items of one to three capitalised words
    between commas, the last after "dan"/"serta" ("Kecamatan Peso, Peso Hilir, Tanjung Palas, dan Tanjung Palas
    Barat")? Not "Kecamatan X, Kabupaten Y" nor "Kecamatan X, Budi Santoso, mengatakan": no joiner closes them."""
    texts, lists = ctx.texts, ctx.lx.lists
    at, items = k, 0
    while at < len(texts) and texts[at] == ",":
        e = at + 1
        if e < len(texts) and texts[e] in lists["COORDINATOR"]:
            break  # ", dan X": the last item
        while e < len(texts) and e - at <= 3 and texts[e][:1].isupper() and texts[e].isalpha():
            e += 1
        if e == at + 1:
            return False
        at, items = e, items + 1
    j = at + 1 if at < len(texts) and texts[at] == "," else at
    return items < 6 and j + 1 < len(texts) and texts[j] in lists["COORDINATOR"] and texts[j + 1][:1].isupper() \
        and texts[j + 1].isalpha()


def _body_word(lx, word: str) -> bool:
    """Does ``word`` name a body or a unit of one ("Kanwil", "Kanreg", "Komisi"), not a place?"""
    low = word.lower()
    return low in lx.agency_parts or any(low in lx.mention_words.get(k, ()) for k in ("BODY_HEAD", "AGENCY_HEAD", "COMMERCIAL"))


def town_after_venue(ctx: DocContext, k: int, start: int | None = None) -> Mention | None:
    """The locality a venue or a village is in, named after it between commas (``k`` at the comma after the venue,
    ``start`` where the venue's name starts, if known): "di Aula Kantor Bupati, Banawa, Rabu (22/1)", "Gedung X,
    Kijang, Kecamatan Y", "Kantor Gubernur, Air Itam.", "Sugiyem (58), warga Desa X, Ciawi, mengeluhkan ..."
    The run has no gazetteer hit and is closed by a day, a district or region, or the sentence's end, or is one
    word closed by a lower-case word, except after a resident's village not in apposition to someone named before
    it ("Salah seorang warga Desa X, Fahri, yang ...": the word names the resident)."""
    texts, lx = ctx.texts, ctx.lx
    if k + 1 >= len(texts) or texts[k] != ",":
        return None
    i = e = k + 1
    while e < len(texts) and e - i < 3 and texts[e][:1].isupper() and texts[e].isalpha() and not ctx.hits.get(e) \
            and not texts[e].isupper() and texts[e].lower() not in lx.function_words \
            and texts[e].lower() not in lx.calendar:
        e += 1
    if e == i or e >= len(texts) or texts[e] not in (",", "."):
        return None
    nxt = texts[e + 1] if e + 1 < len(texts) else ""
    resident = start is not None and start >= 1 and texts[start - 1].lower() in lx.lists["PERSON_NOUN"] \
        and not (start >= 2 and texts[start - 2] == ",")  # "Salah seorang warga Desa X, ...", not "Sugiyem, warga ..."
    closed = texts[e] == "." and (not nxt.strip() or nxt[:1].isupper()) or texts[e] == "," and (
        nxt.lower() in lx.calendar or nxt.lower() in lx.local_kinds or nxt.lower() in lx.kinds("REGION_KIND_WORD")
        or bool(region_at(ctx, e + 1)) or not resident and e == i + 1 and nxt.isalpha() and nxt.islower())
    if not closed:
        return None
    name = " ".join(texts[i:e])
    bare = " ".join(texts[i + 1:e]) if e - i > 1 and texts[i].lower() in ctx.lx.kinds("REGION_KIND_WORD") else name
    # "Kota Soe": a town named with its kind word is the town named bare elsewhere ("Soe")
    return make_mention(ctx, i, e, "Place", f"place:{slug(bare)}", name, (bare,) if bare != name else (), "lainnya")


def region_named_before(ctx: DocContext, k: int, levels) -> str | None:
    """The region of one of ``levels`` named last in the sentence before token ``k``, if any."""
    start = ctx.doc[k].sent.start
    for x in range(k - 1, max(start, k - 30) - 1, -1):
        for h in ctx.hits_at(x, "PLACE"):
            if h.j <= k and h.id in ctx.lx.regions and ctx.lx.regions[h.id]["kind"] in levels:
                return h.id
    return None


def _region_inside(ctx: DocContext, k: int) -> bool:
    """Is the only gazetteer hit at ``k`` a region's bare name inside a longer name ("Tanjung Palas")?"""
    hits = ctx.hits.get(k, ())
    return bool(hits) and all(h.label == "PLACE" and h.i == k and inside_longer_name(ctx, k, h.j) for h in hits)


def inside_longer_name(ctx: DocContext, i: int, end: int) -> bool:
    """Is the region's bare name at ``i:end`` a word of a longer capitalised name, before a capitalised word
    that is no gazetteer word, direction, title or function word ("warga Batu Aji"), or after a capitalised
    geographic word that opens place names (``TOPONYM_HEAD``: "Tanjung Palas")? (Another word before it is no
    sign: "Kadis Kesehatan Bantul", "Korem 043/Garuda Hitam Lampung" name the region.)"""
    texts, lx = ctx.texts, ctx.lx
    if texts[i].lower() in lx.kinds("REGION_KIND_WORD") or end - i > 1 or i > 0 and ctx.hits.get(i - 1):
        return False  # "Kota Batu", "Bupati Karo Budi ..."; a name of two words or more is seldom another's part
    if i > 0 and texts[i - 1][:1].isupper() and texts[i - 1].lower() in lx.lists["TOPONYM_HEAD"]:
        return True  # "Tanjung Palas", "Sungai Batu": a place named with a geographic word, not the region "Palas"

    def plain_cap(k: int) -> bool:
        w = texts[k]
        return w[:1].isupper() and w.isalpha() and not w.isupper() and not ctx.hits.get(k) \
            and w.lower() not in lx.function_words and w.lower() not in lx.calendar and w.lower() not in lx.address \
            and w not in lx.lists["DIRECTION"]
    return end < len(texts) and plain_cap(end)


def city_district(ctx: DocContext, i: int, end: int, rid: str) -> Mention | None:
    """The district a city's bare name and a direction after it name ("di Pontianak Barat": Kecamatan Pontianak
    Barat, as a city's districts are named), or None."""
    texts = ctx.texts
    if end >= len(texts) or texts[end] not in ctx.lx.lists["DIRECTION"] or ctx.lx.regions[rid]["kind"] != "kota" \
            or texts[i].lower() in ctx.lx.kinds("REGION_KIND_WORD") or i > 0 and (
                ctx.hits_at(i - 1, "TITLE") or texts[i - 1].lower() in ctx.lx.kinds("REGION_KIND_WORD")):
        return None  # (after an office or a kind of region the words name a region, "Bupati Samarinda Hulu")
    name = ctx.span_text(i, end + 1)
    return make_mention(ctx, i, end + 1, "Place", f"place:kecamatan-{slug(name)}", f"Kecamatan {name}", (name,),
                        "kecamatan")


def place_mention(ctx: DocContext, i: int, j: int, rid: str) -> Mention:
    rec = ctx.lx.regions[rid]
    span = ctx.doc[i:j]
    return Mention(span.start_char, span.end_char, ctx.text[span.start_char:span.end_char], "Place",
                   f"place:{rid}", rec["pattern"], (rec["name"],), rec["kind"], rec.get("province"), i, j)




def local_name(ctx: DocContext, k: int, limit: int = 3) -> int:
    """End of a capitalised run of up to ``limit`` tokens naming a village or district; a number
    word or an adjective after its first word is part of it ("Desa Kuala Dua", "Kecamatan Simpang Empat",
    "Desa Pasar Baru"), and so is a
    village's kind word that opens it before another name word ("Kecamatan Negeri Besar", "Desa Kampung Baru")."""
    doc, m = ctx.doc, k
    kinds = ctx.lx.local_kinds
    if k + 1 < len(doc) and ctx.texts[k].lower() in kinds and is_cap(doc[k]) and is_cap(doc[k + 1]) \
            and ctx.texts[k + 1].isalpha() and ctx.texts[k + 1].lower() not in kinds \
            and (ctx.texts[k + 1].lower() not in ctx.lx.function_words or _name_part(ctx, k + 1)):
        m += 1
    while m < len(doc) and m - k < limit and is_cap(doc[m]) and ctx.texts[m].lower() not in kinds \
            and (ctx.texts[m].lower() not in ctx.lx.function_words
                 or m > k and _name_part(ctx, m)) and not doc[m].is_punct:
        if ctx.hits_at(m, "PLACE") and m > k:
            break
        m += 1
    return m


def _name_part(ctx: DocContext, m: int) -> bool:
    """Is the function word at ``m`` a number or an adjective that goes on a place's name ("Simpang Empat",
    "Kampung Baru")?"""
    low = ctx.texts[m].lower()
    return low in ctx.lx.lists["NAME_NUMBER"] or low in ctx.lx.lists["PLACE_ADJECTIVE"]


def _after_short_form(ctx: DocContext, p: int) -> tuple[int, bool] | None:
    """(end, whether the name ends there) of a venue's name going on after its short form in brackets, which
    ends at ``p``: its city ("Pusat Pemerintahan Kota (Puspemkot) Serang", the name ends after it) or the rest
    of its name ("Gedung Olahraga (GOR) Hiad Sai", read on); else None."""
    texts, lx = ctx.texts, ctx.lx
    after = ctx.longest(p, ("PLACE",))
    if after and not inside_longer_name(ctx, p, after.j):
        return after.j, True
    if is_cap(ctx.doc[p]) and texts[p].isalpha() and texts[p].lower() not in lx.function_words \
            and texts[p].lower() not in lx.calendar and not ctx.hits.get(p) or _titled_name(ctx, p):
        return p, False
    return None


def _short_named(ctx: DocContext, i: int, k: int, end: int) -> tuple[str, ...]:
    """The venue's name over ``i:end`` once more with the words that a short form in brackets after ``k``
    stands for replaced by it ("Aula Rumah Sakit Umum Daerah (RSUD) dr. X" -> "Aula RSUD dr. X",
    "Gedung Olahraga (GOR) Hiad Sai" -> "GOR Hiad Sai"), or ()."""
    texts = ctx.texts
    p = next((x for x in range(k, end) if texts[x] == "("), None)
    if p is None or p + 3 >= end or texts[p + 2] != ")":
        return ()  # (a short form closing the name is an alias already)
    x = next((x for x in range(i, p) if fits(texts[p + 1], texts[x:p])), None)
    if x is None:
        return ()
    return (" ".join(f"{ctx.span_text(i, x)} {texts[p + 1]} {ctx.span_text(p + 3, end)}".split()),)


def _titled_name(ctx: DocContext, k: int) -> bool:
    """Does a person's name with its title, in lower case too, go on in a venue's name at ``k`` ("Aula RSUD
    dr. Abdul Aziz", "Rumah Sakit Umum Daerah (RSUD) dr. Abdul Aziz": a hospital named after a doctor)?"""
    texts = ctx.texts
    return k + 2 < len(texts) and texts[k].lower() in ctx.lx.honorifics and texts[k + 1] == "." \
        and is_cap(ctx.doc[k + 2]) and texts[k + 2].isalpha()


def _body_only(ctx: DocContext, k: int, end: int) -> bool:
    """Do the words ``k:end`` name a body and nothing else (no region, no name of a building)?"""
    body = max((h.j for h in ctx.hits_at(k) if h.label in ("AGENCY", "AGENCY_TYPE")), default=None)
    return body is not None and body >= end and not any(ctx.hits_at(x, "PLACE") for x in range(k, end))


def _joined(doc, m: int) -> bool:
    """Is token ``m`` a hyphen joining two capitalised words with no space ("Soekarno-Hatta")?"""
    return 0 < m < len(doc) - 1 and doc[m].text == "-" and not doc[m - 1].whitespace_ and not doc[m].whitespace_ \
        and is_cap(doc[m + 1])



#: an initial or dotted initials ("A", "R.A", "K.H") before the period that closes them
INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")


def venue_at(ctx: DocContext, i: int) -> tuple[int, Mention] | None:
    doc = ctx.doc
    h = ctx.longest(i, ("VENUE_HEAD",))
    if not h or h.j >= len(doc):
        return None
    if any(t.j > i for k in range(max(0, i - 3), i) for t in ctx.hits_at(k, "TITLE")):
        return None  # "Kepala Distrik Wamena Kota X": part of an office, the person's parse names the unit
    head = ctx.span_text(i, h.j).lower()
    if head in ctx.lx.event_words.get("IN_THE_FIELD", ()) and i > 0 and any(e.j == i for k in range(max(0, i - 3), i)
                                                                          for e in ctx.hits_at(k, "EVENT_HEAD")):
        return None  # "Evaluasi Lapangan Zona Integritas": a field evaluation, no sports field
    if head in ctx.lx.local_kinds:
        end = local_name(ctx, h.j)
        if end == h.j or not is_cap(doc[h.j]):
            return None
        name = ctx.text[doc[h.j].idx:doc[end - 1].idx + len(doc[end - 1])]
        kind = ctx.lx.local_kinds[head]
        label = f"{head.capitalize()} {name}"
        return end, make_mention(ctx, i, end, "Place", f"place:{head}-{slug(name)}", label, (name,), kind)
    if (not (is_cap(doc[h.j]) or is_acronym(doc[h.j])) or ctx.texts[h.j].lower() in ctx.lx.calendar) \
            and h.id not in ctx.lx.complete_venues:
        return None
    balai = head == "balai" and ctx.texts[h.j].lower() in ctx.lx.balai_units  # "Balai Besar ...": a ministry's office
    end = h.j + balai
    while end < len(doc) and end - i < 12:  # a short form in brackets counts three tokens
        t = doc[end]
        region = ctx.longest(end, ("PLACE",))
        body = ctx.longest(end, ("AGENCY", "AGENCY_TYPE")) if is_cap(t) else None
        if region and is_cap(t):
            end = region.j  # "Meuligoe Bupati Aceh Besar": a region's name may hold a lower-case word
        elif body and body.j > end + 1:
            end = body.j  # "Kantor Dinas Pekerjaan Umum dan Tata Ruang": a body's name holds its "dan"
        elif end > h.j and _joined(doc, end):
            end += 2  # "Jalan Soekarno-Hatta"
        elif t.text == "(" and end > h.j and (p := paren_end(ctx, end)) and p < len(doc) \
                and (after := _after_short_form(ctx, p)):
            end, done = after  # "Pusat Pemerintahan Kota (Puspemkot) Serang", "Gedung Olahraga (GOR) Hiad Sai"
            if done:
                break
        elif end > h.j and _titled_name(ctx, end):
            end += 2  # "Aula RSUD dr. Abdul Aziz": the doctor's name, title and all, names the hospital
        elif t.text == "." and end > h.j and end + 1 < len(doc) and is_cap(doc[end + 1]) \
                and (ctx.texts[end - 1].lower() in ctx.lx.honorifics or INITIALS.fullmatch(ctx.texts[end - 1])) \
                and ctx.lows[end + 1] not in ctx.lx.not_name and ctx.lows[end + 1] not in ctx.lx.function_words:
            # (not "Puskesmas Abang I. Sebaliknya, ...": a Roman numeral ends the name and its sentence)
            end += 1  # "Ruang Rapat H. Aberani Sulaiman", "Jalan A. Yani", "Pendopo R.A. Kartini": initials in the name
        elif (is_cap(t) or is_acronym(t) or t.text.isdigit()) and t.text.lower() not in ctx.lx.calendar \
                and (t.text.lower() not in ctx.lx.function_words or inner_word(ctx, end) or end > h.j and _name_part(ctx, end)) \
                and t.text not in ctx.lx.not_entity:  # ("Pulau Kei Besar": an adjective after the name's first word)
            end += 1
        else:
            break
    if end == h.j and h.id not in ctx.lx.complete_venues:  # "Gedung Sate" names one building; "Gedung" alone none
        return None
    if not is_cap(doc[i]) and _body_only(ctx, h.j, end):
        return None  # "ke kantor Ombudsman", "di kantor Bawaslu kabupaten/kota": a body's office, no named place
    text = " ".join(ctx.text[doc[i].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    if norm(text) in ctx.lx.agency_parts:
        return None  # "tim dari Kantor Wilayah": an office named bare, not a building
    label = re.sub(r"\s*\([^()]*\)", "", text[0].upper() + text[1:])  # its short form in brackets is an alias
    short = _short_named(ctx, i, h.j, end)  # "Aula RSUD dr. X" for "Aula Rumah Sakit Umum Daerah (RSUD) dr. X"
    if balai and end - h.j >= 2 or h.id in ctx.lx.agency_venues:
        # "Balai Pelaksanaan Jalan Nasional Sumatera Barat": a ministry's technical office, not a hall
        return end, make_mention(ctx, i, end, "Agency", f"agency:{slug(label)}", label, (), "unit")
    inner = ctx.longest(h.j, ("VENUE_HEAD",)) if h.j < end and ctx.texts[h.j].isupper() else None
    if inner and inner.j < end and inner.id not in ctx.lx.local_kinds:
        # "Gedung MPP Lamongan": the building of the venue "MPP Lamongan", one place under either name
        rest = " ".join(ctx.text[doc[h.j].idx:doc[end - 1].idx + len(doc[end - 1])].split())
        return end, make_mention(ctx, i, end, "Place", f"place:{slug(rest)}", label, (rest,), "venue")
    return end, make_mention(ctx, i, end, "Place", f"place:{slug(label)}", label, short, "venue")
