"""The parts of an office's title that are not its holder's name: the field of the office ("Asisten
Administrasi Umum", "Kabid Pengadaan"), a unit's number and place ("Dandim 0825/Banyuwangi"), a village
named in the text ("Ketua BPD Sukamaju"), places listed after the office, a division of the body
("Koordinator Divisi Pencegahan"), and the subdistrict a police sector or military district is named after."""
from __future__ import annotations

import re

from .context import make_mention
from .lexicon import Lexicon, lexicon, norm, slug
from ..vocab import is_common_word, is_dictionary_word

__all__ = ["LOCAL_KINDS", "cap_run_after", "is_unit_word", "section_field", "numbered_unit", "unit_number_end", "region_named_before_comma", "direction_end", "local_name_end", "skip_listed_places", "is_division",
           "subdistrict_unit", "is_subdistrict_rule", "region_rules", "age_before", "list_of_fields",
           "hospital_name_end", "named_alone", "unit_named_before_comma", "district_end", "graded_title", "school_town_end"]

#: The kinds of place named with their level word ("Kecamatan Sungai Raya", "Desa Sukamaju").
LOCAL_KINDS = ("desa", "kecamatan")

#: units named after a subdistrict, not a region: rule -> (full name, short name)

# pe-...-an / ke-...-an nouns of eight letters or more ("Perencanaan", "Kesejahteraan"); "-wan" names
# ("Setiawan", "Kurniawan") are not nouns of this kind
_AFFIXED_NOUN = re.compile(r"^(?:pe|ke)[a-z]{4,}(?<!w)an$")


def is_unit_word(lx: Lexicon, word: str) -> bool:
    """Is ``word`` (capitalised, inside a title) a field of government rather than a name?"""
    if not word[:1].isupper() or not word.isalpha():
        return False
    low = word.lower()
    return low in lx.unit_words or bool(_AFFIXED_NOUN.match(low))


def unit_number_end(texts: list[str], k: int) -> int | None:
    """End of a unit's number and place after a slash: "Dandim 0825/Banyuwangi", "Koramil 2121/Sukamakmur"
    (``k`` at the slash) -> the token after the place's name, else None."""
    if k < 1 or texts[k] != "/" or not (texts[k - 1].isdigit() or re.fullmatch(r"[IVXL]+", texts[k - 1])) \
            or k + 1 >= len(texts):  # "Dandim 0825/Banyuwangi", "Pangdam XV/Pattimura"
        return None
    nxt = texts[k + 1]
    return k + 2 if nxt[:1].isupper() and nxt.isalpha() else None


def direction_end(texts: list[str], m: int, limit: int) -> int:
    """A compass or river word after a district's name is part of it, never a person's name
    ("Sekcam Tanjung Karang Barat Andi Saputra": the district is Tanjung Karang Barat)."""
    while m < limit - 1 and texts[m] in lexicon().lists["DIRECTION"]:
        m += 1
    return m


def local_name_end(ctx, mentions: list, k: int) -> int | None:
    """End of a village or district name that the document names elsewhere ("Desa Sukamaju"), read at
    token ``k`` inside an office ("Ketua BPD Sukamaju Ahmad Fauzi": Sukamaju is the village), else None."""
    names = ctx.local_names
    if names is None:
        names = {}
        for m in mentions:
            if m.type == "Place" and m.kind in LOCAL_KINDS:
                for alias in m.aliases:
                    words = tuple(alias.split())
                    if words:
                        names.setdefault(words[0], set()).add(words)
        ctx.local_names = names
    for words in names.get(ctx.texts[k], ()):
        if tuple(ctx.texts[k:k + len(words)]) == words:
            return k + len(words)
    return None


def skip_listed_places(mentions: list, texts: list[str], r: int) -> int:
    """After an office, the places that locate it, each after a comma ("Kepala Desa Lubuk Jaya, Kecamatan
    Sungai Bahar, Kabupaten Muaro Jambi, Syamsul"): the comma before the name (``r`` at the first comma)."""
    starts = None
    for _ in range(3):
        if r + 1 >= len(texts) or texts[r] != ",":
            break
        if starts is None:
            starts = {m.i: m.j for m in mentions if m.type == "Place" or m.type == "Agency"}
        j = starts.get(r + 1)
        if j is None or j >= len(texts) or texts[j] != ",":
            break
        r = j
    return r


def is_division(ctx, k: int) -> bool:
    """Does the office at token ``k`` head a division of the body named before it ("Anggota Bawaslu Buton
    Koordinator Divisi Pencegahan")? Then it goes on the same title."""
    h = ctx.longest(k, ("TITLE",))
    rec = h and ctx.lx.titles.get(norm(" ".join(ctx.texts[h.i:h.j])))
    return bool(rec) and bool(rec.get("division"))


def subdistrict_unit(ctx, rule: str, i: int, k: int):
    """(key, label, [agency mention]) of "Polsek Tanjung Priok" from "Kapolsek Tanjung Priok" (tokens i:k
    name the subdistrict), or (None, None, [])."""
    from .context import Mention
    from .lexicon import slug

    words = ctx.texts[i:k]
    if not words or len(words) > 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None, None, []
    name = " ".join(words)
    rec = ctx.lx.agency_types[rule]
    full, short = rec["pattern"], rec["aliases"][0]
    key, label = f"agency:{rule}-{slug(name)}", f"{full} {name}"
    doc = ctx.doc
    s, e = doc[i].idx, doc[k - 1].idx + len(doc[k - 1])
    return key, label, [Mention(s, e, ctx.text[s:e], "Agency", key, label, (f"{short} {name}",), "derived", None, i, k)]


def age_before(texts: list[str], k: int) -> bool:
    """Do the tokens before ``k`` give an age in brackets ("Jumadi (52)")?"""
    return k >= 3 and texts[k - 1] == ")" and texts[k - 2].isdigit() and texts[k - 3] == "("


def list_of_fields(ctx, k: int) -> bool:
    """Is the comma at ``k`` inside a list of an office's fields ("Hubungan Masyarakat, Hukum, dan Kerja Sama")?"""
    texts = ctx.texts
    nxt = k + 2 if k + 2 < len(texts) and texts[k + 1] == "dan" else k + 1
    return nxt < len(texts) and is_unit_word(ctx.lx, texts[nxt]) and k >= 1 \
        and (is_unit_word(ctx.lx, texts[k - 1]) or k >= 2 and is_unit_word(ctx.lx, texts[k - 2])
             and texts[k - 1][:1].isupper() and texts[k - 1].isalpha())  # "Pendidikan Pemilih, dan ..."


def hospital_name_end(lx: Lexicon, texts: list[str], k: int) -> int | None:
    """End of a hospital's name after a doctor's title ("RSUD dr. Soetomo", "RSUP Dr. Sardjito", "... (RSUD) dr. X"), ``k`` at
    "dr": the name there is the hospital's, not a person's; else None."""
    if k < 1 or texts[k].lower() != "dr":
        return None
    before = texts[k - 2] if k >= 3 and texts[k - 1] == ")" and texts[k - 3] == "(" else texts[k - 1]
    if before not in lx.hospitals and texts[k - 2:k] != ["Rumah", "Sakit"]:
        return None  # (not "Rumah Sakit Umum Daerah (RSUD) dr. X": its short form in brackets before "dr.")
    m, end = cap_run_after(texts, k, 3)
    return end if end > m else None


def cap_run_after(texts: list[str], k: int, most: int) -> tuple[int, int]:
    """(start, end) of the run of at most ``most`` capitalised words after the abbreviation at ``k`` and
    its period ("dr. Soetomo", "Gelar Sutan Mangkuto"); start == end where none follows."""
    m = k + 2 if k + 1 < len(texts) and texts[k + 1] == "." else k + 1
    end = m
    while end < len(texts) and end - m < most and texts[end][:1].isupper() and texts[end].isalpha():
        end += 1
    return m, end


def named_alone(texts: list[str], k: int) -> bool:
    """Is the word at ``k`` used elsewhere in the text without the word before it ("Sutardi" after
    "Kades Karangrejo Sutardi", later "ungkap Sutardi")? A place's second word seldom stands alone."""
    if k + 1 < len(texts) and texts[k + 1] == "," and texts[k + 2:k + 3] and texts[k + 2][:1].isupper() \
            and texts[k + 2].isalpha():
        return False  # "Camat Sungai Raya, Syarifah": the name comes after the comma

    # alone: neither "Kubu Raya" nor "Raya Timur", but "ungkap Sutardi", "Sutardi mengatakan"
    return _alone(texts, k)


def is_subdistrict_rule(lx: Lexicon, rule: str) -> bool:
    """Does a title's ``org`` rule name a unit of a district, named by the district ("Kapolsek Cibinong" ->
    Polsek Cibinong; ``subdistrict`` in agency_types.jsonl)?"""
    return bool(lx.agency_types.get(rule, {}).get("subdistrict"))


def region_rules(lx: Lexicon) -> frozenset[str]:
    """The ``org`` rules of the offices whose words after the head name a region, a local unit (``local`` in
    venues.jsonl) or a police or military area (``area`` in agency_types.jsonl): "Bupati Karangsari, X"."""
    return lx.derived("region_rules", lambda lx: frozenset({"provinsi", "kabupaten", "kota", *lx.local_kinds,
                                                            *(k for k, r in lx.agency_types.items() if r.get("area"))}))


def region_named_before_comma(ctx, rule: str, s: int, e: int, name_word) -> bool:
    """Do the capitalised words ``s:e`` after a regional office name its region, the holder coming after
    the comma at ``e`` ("Bupati Karangsari, H. Agus Salim", "Gubernur Kalimantan Raya, Syahrani Mahdi")?
    Not when a word of them stands alone elsewhere in the text, as a name does ("Bupati Sutrisno, ...
    kata Sutrisno"), nor when a title, a place or an agency follows the comma (a list of officials).
    ``name_word(j)``: could token ``j`` be a word of a person's name?"""
    texts = ctx.texts
    if rule not in region_rules(ctx.lx) or not 0 < e - s <= 3 or e + 1 >= len(texts) or texts[e] != ",":
        return False  # not "Kepala Dinas Kesehatan Sleman Budi Santoso, dr. Ratna Dewi, dan ...": a list of people
    if any(_alone(texts, j) for j in range(s, e)):
        return False
    if e - s > 1 and any(h.label == "PLACE" and h.j == s for b in range(1, 4) for h in ctx.hits.get(s - b, [])) \
            and not all(texts[j] in ctx.lx.lists["DIRECTION"] for j in range(s, e)):
        return False  # "Bupati Sleman Budi Santoso, dr. Ratna Dewi": after a known place, two words are a name
    k = e + 1
    while k < len(texts) and (texts[k] == "." or texts[k].rstrip(".").lower() in ctx.lx.address):
        k += 1  # "H.", "Hj.", "dr."
    def name(j: int) -> bool:
        return j < len(texts) and name_word(j)
    # an honorific and a name, a name of two words, or one word closed by a comma ("Bupati X, Sutrisno, ...")
    return name(k) and (k > e + 1 or name(k + 1) or texts[k + 1:k + 2] == [","])


def _alone(texts: list[str], k: int) -> bool:
    """Does the word at ``k`` stand elsewhere with no capitalised word beside it ("kata Sutrisno")?"""
    def capital(j: int) -> bool:
        return 0 <= j < len(texts) and texts[j][:1].isupper() and texts[j].isalpha()
    return any(t == texts[k] and j != k and not capital(j - 1) and not capital(j + 1) for j, t in enumerate(texts))


def unit_named_before_comma(ctx, org: int, s: int, e: int) -> bool:
    """Do the capitalised words ``s:e`` name the unit ``org:s`` before them, the holder coming after the comma at ``e``
    ("Direktur RSUD Labuang Baji, dr. Siti", "Kepala Puskesmas Tamalanrea, Budi")? Only units that take a
    proper name (hospitals, puskesmas, schools, prisons: ``NAMED_UNIT`` in words.jsonl), or a body the text names
    by that short form in brackets ("Ketua LK2P Babasal, X" after "(LK2P Babasal)") or after any short form of a
    body ("Koordinator FITRA Tompala, X"), read so."""
    texts = ctx.texts
    if e + 1 >= len(texts) or texts[e] != "," or not (any(w.lower() in ctx.lx.named_units for w in texts[org:s])
                                                      or f"({ctx.span_text(org, e)})" in ctx.text
                                                      or any(_short_form(ctx, w) for w in texts[org:s])):
        return False  # (the text's own short form of a body, "Lembaga Kajian X (LK2P X)", is named so too)
    k = e + 1
    while k < len(texts) and (texts[k] == "." or texts[k].rstrip(".").lower() in ctx.lx.address):
        k += 1  # "dr.", "H.", "Hj."
    return k < len(texts) and ctx.lx.is_name_word(texts[k]) and not ctx.hits_at(k)


def _short_form(ctx, word: str) -> bool:
    """Is ``word`` a body's short form, capitals (and digits) only, no rank or title ("FITRA", "LK2P";
    not "AKBP")?"""
    return len(word) >= 2 and word.isupper() and word.isalnum() and word.lower() not in ctx.lx.address


def district_end(ctx, k: int) -> int | None:
    """The end of an electoral district's name at ``k`` ("Dapil Tebo Ilir", "Dapil II", "daerah pemilihan
    Bekasi 3"): its words, capitalised, a number or a Roman numeral, up to the comma; else None."""
    texts = ctx.texts
    words = next((w for w in (p.split() for p in ctx.lx.lists["ELECTORAL_DISTRICT"])
                  if [t.lower() for t in texts[k:k + len(w)]] == w), None)
    if words is None:
        return None
    s = e = k + len(words)
    if texts[s:s + 1] == ["("] and ")" in texts[s + 1:s + 4]:
        s = e = texts.index(")", s) + 1  # "daerah pemilihan (dapil) II": its short form in brackets
    while e < len(texts) and e - s < 4 and (texts[e][:1].isupper() and texts[e].isalpha() or texts[e].isdigit()
                                             or re.fullmatch(r"[IVXL]+", texts[e])):
        e += 1
    return e if e > s and e < len(texts) and texts[e] == "," else None


def graded_title(ctx, i: int, j: int) -> bool:
    """Does the title at ``i:j`` end with a grade of a functional position ("widyaiswara ahli madya")?"""
    words = " ".join(ctx.texts[i:j]).lower()
    return any(words.endswith(" " + g.lower()) for g in ctx.lx.lists["FUNCTIONAL_GRADE"])


def _field_word(word: str) -> bool:
    """A word of a section's field: a dictionary word, or a common word that the names of bodies make a proper
    noun a good share of the time ("Otonomi Daerah"; not "Budi", a name's)."""
    return is_dictionary_word(word) or is_common_word(word, max_proper=0.5)


def section_field(ctx, i: int, k: int) -> bool:
    """Is token ``k`` part of the field naming the section whose head is at ``i``: a unit's word, a capitalised
    dictionary word ("Komunikasi Pimpinan"), a "/", "dan" or a comma before another field word ("Kelembagaan dan
    Analisis Jabatan", not "... dan Inspektorat" nor "... dan Bagian ..."), "Pemerintah" before the
    secretariat ("Pengadaan Barang/Jasa Pemerintah Setda")?"""
    texts, lx = ctx.texts, ctx.lx
    w = texts[k]
    if is_unit_word(lx, w) or k > i + 1 and (w[:1].isupper() and _field_word(w) or w == "/"):
        return True
    if w == "Pemerintah" and k > i + 1:
        return any(h.id == "sekretariat-daerah" for h in ctx.hits_at(k + 1, "AGENCY_TYPE"))
    if w not in ("dan", ",") or k + 1 >= len(texts):
        return False
    nxt = texts[k + 1]
    if is_unit_word(lx, nxt):
        return True
    if w == "dan":
        return k > i + 1 and nxt[:1].isupper() and is_dictionary_word(nxt) and nxt.lower() not in lx.lists["SECTION_HEAD"] \
            and not any(ctx.hits_at(k + 1, lab) for lab in ("AGENCY", "AGENCY_TYPE", "PLACE"))
    return nxt == "dan" and k + 2 < len(texts) and is_unit_word(lx, texts[k + 2])


def numbered_unit(ctx, tid: str, name: str, i: int, j: int):
    """The Agency mention over tokens ``i:j`` of a military unit of type ``tid`` named by its number and name
    (``name``, "1508/Tobelo"): "Komando Distrik Militer 1508/Tobelo", also "Kodim 1508/Tobelo"."""
    rec = ctx.lx.agency_types[tid]
    forms = tuple(f"{a} {name}" for a in rec.get("aliases", []) if a[:1].isupper())
    return make_mention(ctx, i, j, "Agency", f"agency:{tid}-{slug(name)}", f"{rec['pattern']} {name}", forms, "office")


def school_town_end(ctx, k: int, held: bool = False) -> int:
    """The end of the town after a school's number where a comma closes it ("Kepala SMA Negeri 1
    Tumbang Samba, mengatakan"), or a stop or a lower-case word closes a town the gazetteer knows or the
    office's status, or a town after an office its holder, named before, is said to hold (``held``: "kini
    menjabat Kepala SMP Negeri 1 Tarutung;", "Kepala SMP Negeri 2 Muara definitif"): the town's words are the
    school's, not its head's name; else ``k``."""
    texts, lx, m = ctx.texts, ctx.lx, k
    while m < len(texts) and m - k < 3 and texts[m][:1].isupper() and texts[m].isalpha() \
            and texts[m].lower() not in lx.honorifics and texts[m].lower() not in lx.ranks:
        m += 1
    if not k < m < len(texts):
        return k
    placed = {y for x in range(k, m) for h in ctx.hits_at(x, "PLACE") for y in range(h.i, h.j)}
    town = held or placed >= set(range(k, m)) or texts[m] in lx.lists["OFFICE_STATUS"]  # (not "Negeri Bima Prakoso")
    closed = texts[m] in (",", ";", ".") or texts[m].islower()
    return m if texts[m] == "," or texts[m] in lx.lists["APPOSITION_LEAD"] or town and closed else k
