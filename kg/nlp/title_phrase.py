"""An office named in the text and the person holding it: :func:`parse_title` reads a title phrase
("Kepala BKPSDM Kota Malang, Totok Kasianto", "Pj Wali Kota") into a :class:`PersonMention`,
with the organisation's words, honorifics and the holder's name told apart step by step."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import DocContext, Mention, region_is_name
from .initials import initials_name
from ..vocab import is_common_word as vocab_common, is_dictionary_word
from .names import (
    clean_name, is_hon as _is_hon, name_prefix as _name_prefix, name_word as _name_word, name_after_body,
    initial_word as _initial_word, name_run as _name_run, skip_hon as _skip_hon, compound_hyphen,
    skip_degrees as _skip_degrees, adat_title_end, is_degree as _is_degree, name_before_degree as _name_before_degree,
)
from .lexicon import norm, unbracketed
from .offices import org_from_rule
from .regulations import e_name
from .units import school_town_end, is_subdistrict_rule, direction_end, hospital_name_end, named_alone, list_of_fields, is_division, is_unit_word, local_name_end, skip_listed_places, unit_number_end, district_end, graded_title, unit_named_before_comma, region_named_before_comma

__all__ = ["PersonMention", "parse_title", "non_person"]

_ROMAN = re.compile(r"^[IVX]+$")  # "Inspektur Wilayah V Anton": the unit's number ends its name


def non_person(ctx: DocContext, pos: int) -> bool:
    """Does an apposition at ``pos`` describe someone unnamed ("X, salah satu warga", "seorang pedagang")?"""
    apposition = ctx.lx.derived("re-non-person", lambda lx: re.compile(
        r",?\s*" + lx.phrases("NON_PERSON_APPOSITION").pattern + r"\b", re.I))
    return apposition.match(ctx.text[pos:pos + 40]) is not None


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
        acting = lx.acting.get(norm(ctx.span_text(h.i, h.j)), "")
        k = h.j
        if k < len(doc) and ctx.texts[k] == ".":
            k += 1
        p = k < len(doc) and ctx.texts[k] == "(" and _paren_end(ctx, k)
        if p:
            k = p
    t = ctx.longest(k, ("TITLE",))
    if not t:
        return None
    rec = lx.titles.get(norm(ctx.span_text(t.i, t.j)))
    if rec is None or rec.get("grades") and not _functional_here(ctx, t.i):
        return None
    end = t.j
    if end < len(doc) and ctx.texts[end] == "(" and _paren_end(ctx, end):
        end = _paren_end(ctx, end)
    return i, end, acting, rec


def _functional_here(ctx: DocContext, k: int) -> bool:
    """Does the functional position (a ``grades`` title) at ``k`` name someone's office: capitalised, and
    not inside a longer name ("Direktorat Pembinaan Jabatan Fungsional Analis Kebijakan", "Asosiasi
    Auditor Intern Pemerintah")?"""
    texts = ctx.texts
    if not texts[k][:1].isupper():  # "jumlah analis kebijakan": the profession, but "X, analis kebijakan dari
        t = ctx.longest(k, ("TITLE",))  # Kementerian PANRB": an apposition naming the body the office is held at
        if t is not None and graded_title(ctx, t.i, t.j):
            return True  # "guru ahli pertama", "widyaiswara ahli madya": a grade makes it a position held
        return k > 0 and texts[k - 1] == "," and t is not None and t.j + 1 < len(texts) \
            and texts[t.j] in ("dari", "pada") and any(h.label == "AGENCY" for h in ctx.hits_at(t.j + 1))
    prev = texts[k - 1] if k > 0 else ""
    return not (prev[:1].isupper() and prev.isalpha() and prev.lower() not in ctx.lx.address
                and not ctx.longest(k - 1, ("TITLE", "ACTING")))


def _inner_position(ctx: DocContext, k: int) -> bool:
    """Is the title at ``k`` a functional position that names no one's office here (:func:`_functional_here`)?"""
    t = ctx.longest(k, ("TITLE",))
    rec = ctx.lx.titles.get(norm(ctx.span_text(t.i, t.j))) if t else None
    return bool(rec and rec.get("grades")) and not _functional_here(ctx, k)


def _paren_end(ctx: DocContext, k: int) -> int | None:
    doc = ctx.doc
    for m in range(k + 1, min(len(doc), k + 8)):
        if ctx.texts[m] == ")":
            return m + 1
    return None


def _title_text(ctx: DocContext, i: int, k: int, acting: str) -> str:
    doc = ctx.doc
    words = []
    m = i
    h = ctx.longest(i, ("ACTING",))
    if h:
        m = h.j
        if m < len(doc) and ctx.texts[m] == ".":
            m += 1
        words.append(acting)
    depth = 0
    while m < k:
        t = ctx.texts[m]
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


@dataclass
class _Title:
    """A title phrase being parsed: token positions found so far (see :func:`_parse_title`)."""

    start: int
    head_end: int  # the end of the office's head ("Kepala Dinas")
    acting: str
    rec: dict
    rule: str
    k: int = 0  # the scan's position; at the end, the end of the run of organisation and name words
    org_marker: int = 0  # the end of the words known to name the organisation
    local_name: str | None = None
    first_hon: int | None = None
    last_hon: int | None = None
    initials: tuple[int, int] | None = None
    split: int = 0  # where the name may start
    name_start: int | None = None
    name_end: int | None = None
    comma_name: bool = False

    @property
    def named(self) -> bool:
        return self.name_start is not None and self.name_end is not None and self.name_end > self.name_start


def parse_title(ctx: DocContext, i: int, mentions: list[Mention]) -> tuple[PersonMention | None, int, list[Mention]]:
    """Parse a title phrase at i: the person it names (or a title-only mention)."""
    tp = _title_phrase(ctx, i)
    if not tp:
        return None, i + 1, []
    start, k, acting, rec = tp
    st = _Title(start, k, acting, rec, rec.get("org", "following"), k=k, org_marker=k)
    if st.rule in ctx.lx.local_kinds:
        _local_name(ctx, st, mentions)
    _scan_org(ctx, st, mentions)
    if st.rule in ("kementerian", "dinas", "badan") and st.org_marker == st.head_end:
        _agency_marker(ctx, st)
    _name_in_run(ctx, st)
    _name_after_comma(ctx, st, mentions)
    return _title_mention(ctx, st, i, mentions)


def _local_name(ctx: DocContext, st: _Title, mentions: list[Mention]) -> None:
    """The name of a local unit after its office ("Kepala Desa Sukamaju Sutardi": "Sukamaju")."""
    doc, k = ctx.doc, st.k
    m = k
    while m < len(doc) and m - k < 5 and ctx.texts[m][:1].isupper() and ctx.texts[m].isalpha() \
            and not _is_hon(ctx, doc[m]) and not ctx.longest(m, ("TITLE", "ACTING")):
        m += 1
    known = local_name_end(ctx, mentions, k) if m - k >= 2 else None
    if known and known < m:
        m = known  # "Kepala Desa Sukamaju Sutardi", the text naming "Desa Sukamaju" elsewhere
    elif m - k == 2 and named_alone(ctx.texts, k + 1):
        m = k + 1  # "Kades Karangrejo Sutardi ... ungkap Sutardi": the last word is a name used alone
    elif m - k >= 3:
        m = direction_end(ctx.texts, k + min(2, m - k - 2), m)  # "Camat Turikale Muhammad Idris": the place's name, then a person's
    if m > k:
        st.local_name = ctx.span_text(k, m)
        st.org_marker = st.k = m


def _scan_org(ctx: DocContext, st: _Title, mentions: list[Mention]) -> None:
    """Walk over the words naming the office's organisation, honorifics and name words, up to where
    the phrase ends or initials in brackets close the holder's name."""
    lx, head_end = ctx.lx, st.head_end
    while st.k < len(ctx.doc):
        k = st.k
        st.initials = ctx.texts[k] == "(" and k > head_end and initials_name(
            ctx.texts, k, lambda m: m >= head_end and _initial_word(ctx, m),
            lambda a: a in lx.not_entity or any(h.label in ("AGENCY", "AGENCY_TYPE", "POLICY", "PLACE", "TITLE")
                                                for h in ctx.hits_at(k + 1)))
        if st.initials:
            break  # "Kepala Dinas Pertanian Rudi Hartawan (RH)": the words the initials open are the name
        if k > head_end and _name_word(ctx, k - 1) and adat_title_end(ctx, k) > k:
            break  # "Kepala Dinas X Amir Gelar Sutan Mangkuto": a customary title closes the name before it
        if not _org_step(ctx, st, mentions):
            break


def _org_step(ctx: DocContext, st: _Title, mentions: list[Mention]) -> bool:
    """One step of :func:`_scan_org` over the word at ``st.k``; False where the phrase ends."""
    doc, lx, k, head_end = ctx.doc, ctx.lx, st.k, st.head_end
    t = doc[k]
    low = t.text.lower()
    hits = [h for h in ctx.hits_at(k) if h.label in ("AGENCY", "AGENCY_TYPE", "POLICY")
            or h.label == "PLACE" and not region_is_name(ctx, h.i, h.j)]
    ment = [m for m in mentions if (m.i == k or m.i < k < m.j and m.type == "Agency") and m.type in ("Agency", "Place")]
    if t.text == "(" and _paren_end(ctx, k):
        st.k = st.org_marker = _paren_end(ctx, k)
    elif ment:
        st.k = st.org_marker = max(m.j for m in ment)
    elif hits:
        st.k = st.org_marker = max(h.j for h in hits)
    elif low in ("kota", "kabupaten", "kab", "provinsi", "prov", "bidang", "urusan", "dan", "&", "-", "setempat", "ri"):
        return _joining_word(ctx, st, low)
    elif ctx.longest(k, ("TITLE", "ACTING")) and k > head_end and not _inner_position(ctx, k):
        if not is_division(ctx, k):
            return False
        st.k = st.org_marker = ctx.longest(k, ("TITLE",)).j  # "Anggota Bawaslu X Koordinator Divisi Pencegahan, Y"
    elif low in lx.lists["OFFICE_STATUS"] and t.text.islower() and k + 1 < len(doc) \
            and (ctx.texts[k + 1][:1].isupper() or ctx.texts[k + 1] == "," and k + 2 < len(doc) and ctx.texts[k + 2][:1].isupper()):
        st.k = k + 1  # "Bupati terpilih Sleman, X", "Sekda definitif Dr. X", "Kapolres baru AKBP X": the office's status
    elif e_name(ctx, k) and k > 0 and (ctx.texts[k - 1].lower() in lx.lists["UNIT_HEAD"] or is_unit_word(lx, ctx.texts[k - 1])):
        st.k = k + 3  # "Kepala Bidang e-Government Diskominfo X": an electronic system names the field
    elif k == head_end and t.text.isalpha() and t.text.islower() and (e := _field_before_body(ctx, k, mentions)):
        st.k = e  # "guru besar ilmu administrasi negara Universitas X": the field, then the body
    elif low == "di" and k == head_end and st.rec.get("with_place") and k + 1 < len(doc) \
            and ctx.texts[k + 1] in lx.lists["SCHOOL_HEAD"]:
        st.k = k + 1  # "guru di SD Inpres X": the school an office is held at, given with "di"
    elif k > head_end and ctx.texts[k - 1] in lx.lists["SCHOOL_HEAD"] and t.text in lx.lists["SCHOOL_HEAD"]:
        st.k = st.org_marker = k + 1  # "SD Inpres", "SMA Negeri": the school's kind goes on
    elif k > head_end + 1 and ctx.texts[k - 1] in lx.lists["SCHOOL_HEAD"] and not ctx.texts[k - 1].isupper() \
            and school_town_end(ctx, k) > k:
        st.k = st.org_marker = school_town_end(ctx, k)  # "guru SD Inpres Mekar, ...": a school named by its town
    elif re.match(r"^(?:[IVX]+|\d{1,4})$", t.text) and not _name_prefix(ctx, k):
        held = st.start > 0 and ctx.lows[st.start - 1] in lx.lists["HOLDING_VERB"]  # "kini menjabat Kepala SMPN 1 X;"
        st.k = st.org_marker = school_town_end(ctx, k + 1, held) if ctx.texts[k - 1] in lx.lists["SCHOOL_HEAD"] else k + 1
    elif hospital_name_end(lx, ctx.texts, k):
        st.k = st.org_marker = hospital_name_end(lx, ctx.texts, k)  # "Direktur RSUD dr. Soetomo, X": the hospital's name
    elif _is_hon(ctx, t) and not (k > head_end and _name_word(ctx, k - 1) and t.text.lower() in lx.lists["NAME_CONNECTOR"]
                                  and _name_word(ctx, k + 2 if k + 1 < len(doc) and ctx.texts[k + 1] == "." else k + 1)):
        # an honorific, but not "Daeng" inside a name after the honorifics ("Hj. Nurhasanah Daeng Matteru"),
        # nor a haji's "Hi." before the father's name ("Hasanuddin Hi. Mahmud")
        st.first_hon = k if st.first_hon is None else st.first_hon
        st.k = k + 2 if k + 1 < len(doc) and ctx.texts[k + 1] == "." else k + 1
        st.last_hon = st.k
    elif t.text[:1].isupper() and (t.text.isupper() and len(t.text) >= 2 and t.text not in lx.not_entity and "." not in t.text) \
            and not (t.text.lower() in lx.address and k > head_end and _name_word(ctx, k - 1)):  # "Budi SIP"
        st.k = st.org_marker = k + 1
    elif low in lx.lists["UNIT_HEAD"] and t.text.islower() and k == head_end and k + 1 < len(doc) \
            and not re.match(r"^(?:[IVX]+|[A-E]|\d+)$", ctx.texts[k + 1]) and _name_word(ctx, k + 1):
        st.k = st.org_marker = k + 1  # "anggota komisi Hendra Gunawan": the unit named bare, its member's name after it
    elif low in lx.lists["UNIT_HEAD"]:
        st.k = st.org_marker = _unit_name_end(ctx, k + 1)  # "Divisi Teknis", "Bidang Pengadaan"
    elif t.text == "," and k > head_end and list_of_fields(ctx, k):
        st.k = k + 1  # "Kepala Biro Hubungan Masyarakat, Hukum, dan Kerja Sama BKN"
    elif low == "dari" and (e := district_end(ctx, k + 1)):
        st.k = e  # "Anggota Komisi I dari Dapil Tebo Ilir, X": the electoral district a member was elected in
    elif low == "dari" and k + 1 < len(doc) and ctx.texts[k + 1].lower() in lx.lists["AFFILIATION"]:
        st.k = k + 1  # "Wakil Ketua DPRD Sulsel dari Fraksi Golkar, X"
    elif (low in ("dari", "di") and (k > head_end or st.rule == "following") or low == "pada") \
            and _body_or_region_at(ctx, k + 1, mentions):
        # "Wakil Ketua Tim Penilai dari Undana, X", "Kepala Puskesmas Sabu Barat di Kabupaten Sabu Raijua, X",
        # "Auditor pada Inspektorat Kota Serang, X": the body the office is held at
        st.k = k + 1
    elif is_unit_word(lx, t.text) or unit_number_end(ctx.texts, k) or local_name_end(ctx, mentions, k):
        # "Asisten Administrasi Umum", "Dandim 0825/Banyuwangi", "Ketua BPD Sukamaju" (a village named here)
        st.k = st.org_marker = unit_number_end(ctx.texts, k) or local_name_end(ctx, mentions, k) or k + 1
    elif t.text[:1].isupper() and t.text.isalpha() or (st.rule == "following" and low == "bidang"):
        st.k = k + 1
    elif t.text == "." and k > 0 and _is_hon(ctx, doc[k - 1]):
        st.k = k + 1
    elif t.text == "." and k > head_end and len(ctx.texts[k - 1]) == 1 and ctx.texts[k - 1].isupper() \
            and any(ctx.hits_at(x, "RANK") for x in range(k + 1, min(len(doc), k + 5))):
        st.k = k + 1  # "Danlanud Pangeran M. Bun Yamin Kolonel Pnb X": an initial inside the unit's name, a rank after
    else:
        return False
    return True


def _body_or_region_at(ctx: DocContext, k: int, mentions: list[Mention]) -> bool:
    """Does a body's or a region's name start at ``k`` and run to a comma and a person's name (the
    office's organisation given with "dari"/"di" before its holder's name, not "X di Padang, Rabu")?"""
    ends = [m.j for m in mentions if m.i == k and m.type in ("Agency", "Place") and m.kind != "venue"]  # (no hall)
    ends += [h.j for h in ctx.hits_at(k) if h.label in ("AGENCY", "PLACE")]
    return any(_holder_after_comma(ctx, j) for j in ends)


def _field_before_body(ctx: DocContext, k: int, mentions: list[Mention]) -> int | None:
    """Where a body named right after a field of up to four lower-case words starts ("ilmu administrasi negara
    Universitas X"), or None."""
    texts, lx = ctx.texts, ctx.lx
    e = k
    while e < len(texts) and e - k < 4 and texts[e].isalpha() and texts[e].islower() \
            and texts[e] not in lx.function_words and texts[e] not in lx.cue_verbs and texts[e] not in lx.cue_after:
        e += 1
    body = e < len(texts) and any(m.i == e and m.type == "Agency" for m in mentions)
    return e if e > k and body else None


def _joining_word(ctx: DocContext, st: _Title, low: str) -> bool:
    """A word joining the organisation's name ("Kota", "Bidang", "dan", "setempat"); False where "dan"
    ends the office instead."""
    doc, k = ctx.doc, st.k
    if low == "dan" and not (k + 1 < len(doc) and (ctx.texts[k + 1][:1].isupper() or _lower_field(ctx, k + 1))) \
            or low == "dan" and ctx.longest(k + 1, ("TITLE", "ACTING")):
        return False
    k += 2 if low == "dan" and _lower_field(ctx, k + 1) or low == "-" and compound_hyphen(ctx, k) else 1
    if low in ("setempat", "ri"):
        st.org_marker = k
    elif low in ("kab", "prov") and k < len(doc) and ctx.texts[k] == ".":
        k += 1  # "Inspektur Daerah Prov. Kalteng"
    st.k = k
    return True


def _unit_name_end(ctx: DocContext, k: int) -> int:
    """The end of a unit's name after its head word ("Divisi Teknis", "Bidang Pengadaan"): a unit of the
    organization, not a name."""
    doc = ctx.doc
    while e_name(ctx, k):
        k += 3  # "Bidang e-Government", "Seksi e-Budgeting": an electronic system names the field
    while k < len(doc) and ctx.texts[k][:1].isupper() and ctx.texts[k].isalpha() and not _is_hon(ctx, doc[k]) \
            and not (k > 0 and _ROMAN.match(ctx.texts[k - 1])) \
            and not any(h.label in ("AGENCY", "AGENCY_TYPE", "PLACE") for h in ctx.hits_at(k)) \
            and not (k + 1 < len(doc) and ctx.texts[k + 1] == "," and k + 2 < len(doc) and not _name_word(ctx, k + 2)):
        if k + 1 < len(doc) and ctx.texts[k + 1] == ",":
            return k + 1
        k += 1
    return k


def _agency_marker(ctx: DocContext, st: _Title) -> None:
    """"Kepala Dinas Pendidikan X": the longest words after the head that name a known agency."""
    prefix = {"kementerian": "Kementerian ", "dinas": "Dinas ", "badan": "Badan "}[st.rule]
    lx = ctx.lx
    for m in range(st.k, st.head_end, -1):
        words = unbracketed(ctx.span_text(st.head_end, m))
        if lx.agency_index.get(norm(prefix + words)) or lx.agency_type_index.get(norm(prefix + words)):
            st.org_marker = m
            break


def _name_in_run(ctx: DocContext, st: _Title) -> None:
    """Where the holder's name starts and ends in the run of words after the office, if it does."""
    st.split = max(st.org_marker, st.last_hon or 0)
    if st.split == st.head_end and st.rule == "following" and st.k > st.head_end and st.last_hon is None \
            and not st.rec.get("unit") and not _name_prefix(ctx, st.head_end):  # "Wakil Ketua Cut X": a name's prefix
        # "Kepala Bagian Umum Budi": org words and a name cannot be told apart; take no name (but an office
        # that names its unit, "Kadinkes Budi", "Inspektur Budi", is followed by a region or a name only),
        # unless a body's head word opens the run and it ends with a name ("Ketua Forum Honorer Budi Santoso")
        st.name_start = name_after_body(ctx, st.start, st.head_end, st.k)
    else:
        st.name_start = _skip_hon(ctx, st.split)
    st.name_end = _name_run(ctx, st.name_start) if st.name_start is not None else None
    if is_subdistrict_rule(ctx.lx, st.rule) and st.last_hon is None and st.name_start is not None \
            and st.name_end == st.name_start + 1:
        st.org_marker, st.name_start = st.name_end, None  # "Kapolsek Cibinong meninjau ...": the place, no name
    elif st.name_start is not None and st.last_hon is None and _names_no_one(ctx, st):
        st.name_start = None
    if st.initials:
        st.name_start, st.name_end = st.initials


def _names_no_one(ctx: DocContext, st: _Title) -> bool:
    """Are the words taken for the name (after no honorific) something else?"""
    lx, ns, ne, run_end = ctx.lx, st.name_start, st.name_end, st.k
    if ne == ns + 1 and vocab_common(ctx.texts[ns], max_proper=0.5, min_seen=5):
        return True  # "Kepala Bidang Pengembangan Karier": a common word of the vocabulary is no name alone
    if _holder_after_comma(ctx, run_end) and (ne < run_end or ne == ns + 1 and is_dictionary_word(ctx.texts[ns])):
        # "Asisten Deputi Tata Kelola dan Transformasi Digital, Bonar ...": the office's words go on past
        # the word taken for a name, or that word is a dictionary word ("Bidang Pengawasan Netralitas,
        # Dr. Ratna"), and the holder is named after the comma
        return True
    if ne == run_end and unit_named_before_comma(ctx, st.head_end, ns, run_end):
        return True  # "Direktur RSUD Labuang Baji, dr. Siti": the words before the comma name the hospital
    body = ctx.lows[st.head_end] if st.head_end < ns else ""
    if ne == ns + 1 == run_end and _holder_after_comma(ctx, run_end) and (body in lx.lists["ORG_FORM"] or any(
            body in lx.mention_words[k] for k in ("AGENCY_HEAD", "BODY_HEAD"))):
        return True  # "Direktur Perkumpulan Perempuan Selaparang, Nurhasanah ...": the body's last word
    if ne == ns + 1 and ns > st.head_end and ctx.texts[ns] in lx.lists["DIRECTION"]:
        return True  # "Kepala Dinas ... Kota Ambon Timur, X": a direction after a place ends the place's name
    # "Bupati Karangsari, H. Agus Salim": the words before the comma name the region
    return ne == run_end and region_named_before_comma(
        ctx, st.rule, ns, run_end, lambda j: _name_word(ctx, j) or _place_first_name(ctx, j))


def _holder_after_comma(ctx: DocContext, k: int) -> bool:
    """Does a comma at ``k`` open a person's name: an honorific, or two name words or more?"""
    texts = ctx.texts
    if k >= len(texts) or texts[k] != ",":
        return False
    ns = _skip_hon(ctx, k + 1)
    return ns < len(texts) and (ns > k + 1 or _name_run(ctx, ns) - ns >= 2)


def _name_after_comma(ctx: DocContext, st: _Title, mentions: list[Mention]) -> None:
    """No name in the run: the holder's name after a comma ("Anggota Komisi A lainnya, Hj. Rosmawati")."""
    doc, lx, run_end = ctx.doc, ctx.lx, st.k
    comma = run_end + 1 if run_end + 1 < len(doc) and ctx.texts[run_end].lower() in lx.lists["TITLE_TAIL"] else run_end
    if not ((st.name_start is None or st.name_end == st.name_start) and comma < len(doc) and ctx.texts[comma] == ","):
        return
    ns = _skip_hon(ctx, skip_listed_places(mentions, ctx.texts, comma) + 1)
    ne = _name_run(ctx, ns)
    if ne == ns and (_place_first_name(ctx, ns) or _word_first_name(ctx, ns)):
        ne = _name_run(ctx, ns + 1)  # "Bupati Toba Raya, Medan Sihombing, S.H.": a city's name as a first name
    if ne > ns and _is_degree(ctx, ns):
        tail = _name_before_degree(ctx, st.head_end, run_end)  # "... Republik Indonesia Rudi Hartawan, Ak,"
        if tail:
            st.name_start, st.name_end = tail
    elif ne > ns and not non_person(ctx, doc[comma].idx) and not (
            ne == ns + 1 and is_dictionary_word(ctx.texts[ns]) and (ne >= len(doc) or ctx.texts[ne] != ",")):
        # not "... Pengawas, Minta Tak Ada ...": one dictionary word, no apposition closing after it
        st.name_start, st.name_end, st.comma_name = ns, ne, True


def _org_end(st: _Title) -> int:
    """The end of the office's words (its title and organisation)."""
    if st.named and not st.comma_name:
        org_end = min(st.split, st.name_start)
    elif st.named:
        org_end = st.k
    else:
        org_end = st.org_marker if st.org_marker > st.head_end else st.head_end
        if st.rule != "following":
            org_end = max(org_end, st.split)
    if st.first_hon is not None and st.first_hon < org_end:
        org_end = max(st.first_hon, st.head_end)
    return org_end


def _title_mention(ctx: DocContext, st: _Title, i: int,
                   mentions: list[Mention]) -> tuple[PersonMention, int, list[Mention]]:
    """The person the parsed title names (or the title-only mention), where to go on, and the
    organisation's mentions derived from it."""
    doc, lx, rec = ctx.doc, ctx.lx, st.rec
    org_end = _org_end(st)
    title = _title_text(ctx, st.start, org_end, st.acting)
    if rec.get("with_place") and st.head_end < org_end and ctx.texts[st.head_end].lower() == "di":
        title = title.replace(" di ", " ", 1)  # "guru di SD Inpres X" holds the office "guru SD Inpres X"
    org_key, org_label, derived = org_from_rule(ctx, st.rule, st.head_end, org_end, mentions, st.local_name,
                                                 rec.get("expands"), rec.get("unit"), rec.get("region"))
    ts, te = doc[st.start].idx, doc[org_end - 1].idx + len(doc[org_end - 1])
    if st.named:
        full_end = st.initials[1] + 3 if st.initials else _skip_degrees(ctx, st.name_end)
        raw = ctx.text[doc[st.name_start].idx:doc[st.name_end - 1].idx + len(doc[st.name_end - 1])]
        name = clean_name(raw, lx.honorifics | lx.ranks, lx.degrees)
        s = doc[st.name_start].idx
        e = doc[st.name_end - 1].idx + len(doc[st.name_end - 1])
        pm = PersonMention(s, e, ctx.text[s:e], name, title, rec["id"], org_key, org_label, True, "title",
                           st.start, full_end, ts, te)
        return pm, full_end, derived
    pm = PersonMention(ts, te, ctx.text[ts:te], None, title, rec["id"], org_key, org_label, True, "title-only",
                       st.start, org_end, ts, te)
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


def _lower_field(ctx: DocContext, k: int) -> bool:
    """A field of an office written in lower case inside its name, a capitalised word after it
    ("Dinas Pendidikan dan kebudayaan Pandeglang")?"""
    w = ctx.texts[k]
    return w.islower() and is_unit_word(ctx.lx, w.capitalize()) and k + 1 < len(ctx.texts) \
        and ctx.texts[k + 1][:1].isupper()
