"""People and the offices they hold: a pure generator over a
:class:`~kg.nlp.context.DocContext` yielding :class:`PersonMention`.

A person's name is recognised by its shape (capitalised words that are not
lexicon words) and by what stands beside it: a title phrase
("Kepala BKPSDM Kota Malang, Totok Kasianto"), a speech cue ("jelas Wahyu",
"Sukarna menjelaskan", "Menurut Wiratma"), an apposition ("X, selaku Kepala Desa",
"X, salah satu warga"). Honorifics, ranks and degrees are stripped from the label.
A title with no name ("Pj Wali Kota kembali menekankan") is a title-only mention
that the assembler resolves to the person holding that office in the document.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from .context import DocContext, Mention, opens_sentence
from ..vocab import is_common_word as vocab_common, is_dictionary_word, pos_counts
from .names import clean_name, is_degree, is_hon, name_prefix, name_word as _name_word, name_run as _name_run, \
    skip_hon as _skip_hon, backward_name as _backward_name
from .name_finders import aged as _aged, degreed as _degreed, described as _described, from_body as _from_body, \
    initialled as _initialled, joined as _joined, listed as _listed, mention_of as _mention_of
from .title_phrase import PersonMention, non_person, parse_title
from .units import hospital_name_end

__all__ = ["PersonMention", "iter_people", "clean_name"]

_REDUPLICATED = re.compile(r"(?:^|\s)(\w+) ?- ?\1$", re.I)  # "ibu-ibu", "bapak-bapak": a plural


def _before_apposition(ctx: DocContext, m: int) -> tuple[int, int] | None:
    """The name before a lower-case apposition or a relative clause that ends at the comma before ``m``
    ("Ns. Dewi Anggraini, S.Kep., perawat dari RSUD X, mengaku ...", "Bagus Hartono, yang kini menjabat
    Sekda, mengatakan ..."): (start, end) or None."""
    texts = ctx.texts
    if m < 2 or texts[m - 1] != ",":
        return None
    for c in range(m - 2, max(0, m - 16), -1):
        if texts[c] == "." and c > 0 and (len(texts[c - 1]) <= 3 or texts[c - 1].lower() in ctx.lx.abbreviations):
            continue  # "dr.", "S.Kep."
        if texts[c] in (".", ";", "“", "”", '"'):
            return None
        if texts[c] == ",":
            first = texts[c + 1]
            if first.islower() and first.isalpha() and (first not in ctx.lx.function_words
                                                         or first in ctx.lx.lists["APPOSITION_LEAD"]):
                return _backward_name(ctx, c + 1)  # "..., perawat dari RSUD X,", "..., yang kini menjabat X,"
            return None
    return None


def _before_relative(ctx: DocContext, i: int) -> tuple[int, int] | None:
    """The name before a relative clause that opens with a comma and ends with the office at ``i``
    ("Bagus Hartono, yang sehari-hari menjabat Sekretaris Daerah ..."): (start, end) or None."""
    texts, lists = ctx.texts, ctx.lx.lists
    if i < 2 or texts[i - 1] not in lists["HOLDING_VERB"] \
            and not (texts[i - 1] in lists["PAST_ADVERB"] and texts[i - 2] in lists["APPOSITION_LEAD"]):
        return None  # "X, yang kini menjabat Sekda", "X yang sebelumnya Kepala Bappeda", not "X, yang hadir mewakili Bupati"
    for c in range(i - 1, max(0, i - 8), -1):
        if texts[c] in lists["APPOSITION_LEAD"] and c > 0 and (texts[c - 1] == "," or _degree_before(ctx, c)):
            return _backward_name(ctx, c)  # "X, S.STP yang menempati kursi Kepala Bidang ...": a degree closes the name
        if texts[c] in lists["APPOSITION_LEAD"] and c > 1 and texts[c - 1][:1].isupper() and not ctx.hits.get(c - 1):
            back = _backward_name(ctx, c)  # "Ir. X yang sebelumnya menjabat Kepala Dinas ...": a name of two words
            return back if back and back[1] - back[0] >= 2 else None  # or more right before the relative word
        if not (texts[c].islower() and texts[c].isalpha() or texts[c] == "-"):
            return None  # only lower-case words between the relative word and the office
    return None


def _points_back(ctx: DocContext, i: int, end: int) -> bool:
    """Does the office at ``i:end`` point back to the person named last: "mantan" before it and "tersebut"/"itu"
    after it ("ungkap mantan Camat Wolo tersebut"), or a speaker's pronoun and a verb of holding before it
    ("Ia sebelumnya menjabat Camat Tanete Riattang")?"""
    texts, lx = ctx.texts, ctx.lx
    if i > 0 and texts[i - 1].lower() in lx.anaphor_nouns and end < len(texts) \
            and texts[end].lower() in lx.lists["POINTING_BACK"] and texts[end].lower() != "ini":
        return True
    if i < 2 or texts[i - 1] not in lx.lists["HOLDING_VERB"]:
        return False
    c = i - 2
    while c > 0 and i - c <= 4 and (texts[c] in lx.lists["SUBJECT_ADVERB"] or texts[c] in lx.lists["PAST_ADVERB"]):
        c -= 1
    return texts[c].lower() in lx.lists["SPEAKER_PRONOUN"] and opens_sentence(ctx, c)


def _subject_holding(ctx: DocContext, i: int) -> tuple[int, int] | None:
    """The name opening the clause whose verb of holding stands before the office at ``i`` ("Budiman Lioe,
    S.T. kini menjabat Kepala Dinas PUPR", "Rosalina kini menduduki jabatan Kepala Dinas Sosial", "X mengucapkan
    sumpah/janji sebagai Ketua DPRD"): at most five lower-case words or slashes between, the name at the sentence's
    start or after a comma; else None."""
    texts = ctx.texts
    if i < 2 or texts[i - 1] not in ctx.lx.lists["HOLDING_VERB"]:
        return None
    c = i - 1
    while c > 0 and i - c <= 5 and (texts[c - 1].isalpha() and texts[c - 1].islower() or texts[c - 1] == "/") \
            and texts[c - 1] not in ctx.lx.lists["APPOSITION_LEAD"] and texts[c - 1] not in ctx.lx.lists["LIST_JOINER"] \
            and texts[c - 1] not in ctx.lx.cue_tokens:  # "X menegaskan jabatan sekda terbuka": said, not held
        c -= 1
    if c > 0 and texts[c - 1] in ctx.lx.cue_tokens:
        return None
    back = _backward_name(ctx, c)
    if back is None:
        return None
    return back if opens_sentence(ctx, back[0]) or texts[back[0] - 1] == "," \
        or texts[back[0] - 1].lower() in ctx.lx.lists["CLAUSE_LEAD"] else None  # "..., sedangkan Rosmala menempati ..."


def _after_relative(ctx: DocContext, office: int, k: int) -> tuple[int, int] | None:
    """The name after a relative clause that follows an office with no name and closes with a comma
    ("Anggota Bawaslu Nabire yang membidangi penanganan pelanggaran, Ester Magai, S.IP, menyebut ..."): two
    name words or more (or one after an honorific) before a comma or a speech verb; else None."""
    texts, lx = ctx.texts, ctx.lx
    if k >= len(texts) or texts[k] not in lx.lists["APPOSITION_LEAD"] or not texts[office][:1].isupper():
        return None  # (not "salah satu pejabat yang dilantik, X": a common noun, no office)
    c = k + 1
    while c < len(texts) and c - k <= 10 and (texts[c].isalpha() and texts[c].islower() or texts[c].isdigit()):
        c += 1
    if c >= len(texts) or texts[c] != "," or c == k + 1:
        return None
    s = _skip_hon(ctx, c + 1)
    e = _name_run(ctx, s)
    if e == s or e - s < 2 and s == c + 1 or e >= len(texts):
        return None
    low = texts[e].lower()
    return (s, e) if texts[e] == "," or low in lx.cue_verbs or low in lx.cue_after else None


def _before_bracket(ctx: DocContext, i: int, end: int) -> tuple[int, int] | None:
    """The name before an office given in brackets after it ("Dr. Moh. Rizal, S.Pd. (Kepala Bappeda
    Tolitoli), ..."): the office closes the bracket; else None."""
    texts = ctx.texts
    if i < 2 or texts[i - 1] != "(" or end >= len(texts) or texts[end] != ")":
        return None
    return _backward_name(ctx, i - 1)


def _degree_before(ctx: DocContext, c: int) -> bool:
    """Does an academic degree after a comma end just before token ``c`` ("..., S.STP yang")?"""
    k = c - 1
    while k > 0 and ctx.texts[k] == ".":
        k -= 1
    return k > 0 and ctx.texts[k - 1] == "," and is_degree(ctx, k)


def _group_before(ctx: DocContext, i: int) -> bool:
    """Does a group word or a plural stand right before the office at ``i`` ("para", "seluruh", "ibu-ibu")?"""
    return i > 0 and (ctx.texts[i - 1].lower() in ctx.lx.lists["GROUP_WORD"]
                      or _REDUPLICATED.search(" ".join(ctx.texts[max(0, i - 3):i])) is not None)


def _introduced(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names opened by an abbreviated honorific ("Drs. Markus Tebai", "Ir. Hendra Gunawan") or by a regional
    name prefix ("Ni Luh Sariasih", "I Made Artawan"): both are written before a person's name only. Not
    after a capitalised word ("RSUD dr. Soetomo", "Jl. Dr. Wahidin": a hospital's, a street's name) and
    outside quotations; at least one word of the name is no ordinary word of the vocabulary."""
    texts, doc = ctx.texts, ctx.doc
    k = 0
    while k < len(texts):
        dotted = k + 1 < len(texts) and texts[k + 1] == "." and is_hon(ctx, doc[k]) and texts[k].lower() in ctx.lx.honorifics
        if not (dotted or name_prefix(ctx, k)) or k in taken or ctx.in_quote(doc[k].idx) or _after_name(ctx, k) \
                or hospital_name_end(ctx.lx, texts, k):
            k += 1  # (not "Rumah Sakit Umum Daerah (RSUD) dr. X": a hospital's name)
            continue
        s = _skip_hon(ctx, k)
        e = _name_run(ctx, s)
        if not dotted:  # "Anak Agung itu ...": a prefix (and the word it needs) with no name after it
            s = k + (1 if ctx.lx.name_prefixes[texts[k]] is None else 2)
        if e <= s or not taken.isdisjoint(range(k, e)) or all(vocab_common(texts[m]) for m in range(s, e) if texts[m] != "."):
            k += 1
            continue
        start, end, raw, name = _mention_of(ctx, k, e)
        taken.update(range(k, e))
        yield PersonMention(start, end, raw, name, via="honorific", i=k, j=e)
        k = e


def _after_name(ctx: DocContext, k: int) -> bool:
    """Does a capitalised word (and its period) stand right before token ``k``, inside the sentence?"""
    b = k - 2 if k > 1 and ctx.texts[k - 1] == "." else k - 1
    return b >= 0 and ctx.texts[b][:1].isupper() and ctx.texts[b].isalnum() and not ctx.doc[k].is_sent_start


def _inside_names(ctx: DocContext, mentions: list[Mention]) -> set[int]:
    """Tokens inside a policy's, an event's or a venue's name: an office there names nobody ("Kantor
    Gubernur Papua Pegunungan, Wamena"), but "melantik Penjabat Bupati X, Y": after an event verb the
    office names a person."""
    return {k for m in mentions if (m.type in ("Policy", "Event") or m.type == "Place" and m.kind == "venue")
            and ctx.texts[m.i].lower() not in ctx.lx.event_verbs for k in range(m.i + 1, m.j)}


def _office_holder(ctx: DocContext, i: int, mentions: list[Mention]) -> tuple[PersonMention | None, int, list[Mention]]:
    """The title phrase at ``i`` parsed, or None where it names nobody here."""
    pm, nxt, derived = parse_title(ctx, i, mentions)
    if pm and ctx.in_quote(ctx.doc[i].idx) and (pm.name is None or pm.via != "title"):
        pm = None  # inside a quotation only an office with its holder's name names someone
    if pm and pm.name and pm.title_end is not None and "," in ctx.text[pm.title_end:pm.end] and i > 0 \
            and ctx.texts[i - 1].lower() in ctx.lx.lists["REPRESENTING"]:
        pm = None  # "yang hadir mewakili bupati, Budi Santoso, ...": the office of the one represented, not Budi's
    if pm and i > 0 and ctx.texts[i - 1].lower() in ctx.lx.event_words.get("CANDIDATE", ()):
        # "calon gubernur Maluku Utara", "Calon Bupati Sleman Budi Santoso": a candidate holds no office and names
        # no government; the candidate named is still a person
        pm = PersonMention(pm.start, pm.end, pm.text, pm.name, via="candidate", i=pm.i, j=pm.j) if pm.name else None
        derived = []
    if pm and _group_before(ctx, i) and (pm.name is None or _REDUPLICATED.match(" ".join(ctx.texts[max(0, i - 3):i]))):
        pm = None  # "para Camat", "ibu-ibu anggota Dasa Wisma X, ...": a group, not one holder
    return pm, nxt, derived


def _named_before(ctx: DocContext, i: int, pm: PersonMention) -> bool:
    """Is the one-word holder ``pm`` of the office at ``i`` closed by a comma, with a name and a comma before
    the office ("Paijo, Ketua Kelompok Tani Sumber Rejeki, mengaku ...")?"""
    texts = ctx.texts
    if pm.title_start is None or len(pm.name.split()) > 1 or pm.j >= len(texts) or texts[pm.j] != "," \
            or i < 2 or texts[i - 1] != "," or pm.text != pm.name:
        return False  # (not "Bupati Asahan H. Surya": an honorific opens a name)
    back = _backward_name(ctx, i)
    if back is None:
        return False
    k, floor = back[0], ctx.doc[back[0]].sent.start
    while k > floor and texts[k - 1] not in (",", ";", ":"):
        k -= 1  # (not "Bupati X H. Budi Utomo, Bupati Y H. Surya, ...": a list of offices and their holders)
    return not any(ctx.hits_at(x, "TITLE") for x in range(k, back[0]))


def _titled(ctx: DocContext, mentions: list[Mention], taken: set[int],
            found: list[PersonMention]) -> Iterator[Mention]:
    """Offices and their holders, appended to ``found``; yields the Agency mentions derived from titles."""
    inside = _inside_names(ctx, mentions)
    bare: set[int] = set()  # the words of offices named with no holder
    moved: dict[int, tuple[int, int]] = {}  # the end of an office a holder moved from: the holder's name
    i = 0
    while i < len(ctx.doc):
        if i not in ctx.hits or i in inside:
            i += 1  # a title phrase starts at a gazetteer hit
            continue
        pm, nxt, derived = _office_holder(ctx, i, mentions)
        if not pm:
            i += 1
            continue
        if pm.name and _named_before(ctx, i, pm):
            # "Paijo, Ketua Kelompok Tani Sumber Rejeki, ...": the holder named before the office, whose last word
            # before the comma is its body's, not a one-word holder's
            pm = replace(pm, start=pm.title_start, text=ctx.text[pm.title_start:pm.end], name=None,
                         title=f"{pm.title} {pm.text}", title_end=pm.end)
        if pm.name is None:
            back = _backward_name(ctx, i) or _before_relative(ctx, i) or _subject_holding(ctx, i) \
                or _after_relative(ctx, i, nxt) or _before_bracket(ctx, i, nxt) or _moved(ctx, i, moved)
            if back and _left_office(ctx, i):
                moved[nxt] = back
            if back is None and _points_back(ctx, i, nxt):  # "mantan Camat Wolo tersebut": resolved at the end
                pm = replace(pm, official=True, via="pointed")
            if back and (_not_its_holder(ctx, found, bare, back, nxt) or _opening_word(ctx, back, i)):
                back = None
            if back:
                s, e = back
                start, end, raw, name = _mention_of(ctx, s, e)
                pm = PersonMention(start, end, raw, name, pm.title, pm.head, pm.org_key, pm.org_label, True,
                                   "apposition", s, nxt, pm.title_start, pm.title_end)
                taken.update(range(s, e))
        found.append(pm)
        yield from derived
        taken.update(range(pm.i, pm.j))
        if pm.name is None:
            bare.update(range(pm.i, pm.j))
        i = nxt


def _moved(ctx: DocContext, i: int, moved: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The holder of the office at ``i`` in a move from one office to another ("Agus, S.Pd., dari Kepala
    Bidang X menjadi Sekretaris Dinas Y", "X, S.Pd., sebelumnya Kepala SMPN 3 A, kini menjabat Kepala SMPN 1 B"):
    the name before the comma and "dari" (or a word of ``PAST_ADVERB``) holds the first office; the holder of
    an office closed a few lower-case words before a verb of holding (``HOLDING_VERB``) holds the one after it."""
    lows, lists = ctx.lows, ctx.lx.lists
    if _left_office(ctx, i) and ctx.texts[i - 2] == ",":
        return _backward_name(ctx, i - 1)
    if i > 1 and lows[i - 1] in lists["HOLDING_VERB"]:
        e = next((e for e in range(i - 1, max(0, i - 5), -1) if e in moved), None)
        if e is not None and all(lows[x] == "," or lows[x].isalpha() and lows[x] == ctx.texts[x] for x in range(e, i)):
            return moved[e]
        d = next((d for d in range(i - 2, max(0, i - 5), -1) if lows[d] == "dari"), None)
        if d is not None and d > 1 and ctx.texts[d - 1] == ",":
            return _backward_name(ctx, d)  # "X, S.Pd., dari Plt menjadi Kepala SMP Negeri 2 Y": from acting to holding
    return None


def _left_office(ctx: DocContext, i: int) -> bool:
    """Is the office at ``i`` one its holder moved from: "dari" or a word of ``PAST_ADVERB`` before it
    ("X, S.Pd., dari Kepala ...", "X, sebelumnya Kepala ...")?"""
    low = ctx.lows[i - 1] if i > 1 else ""
    return low == "dari" or low in ctx.lx.lists["PAST_ADVERB"]


def _opening_word(ctx: DocContext, back: tuple[int, int], i: int) -> bool:
    """Is ``back`` one dictionary word opening its sentence before an office in lower case ("Daftar kepala
    sekolah yang dilantik:"), a noun of the sentence, no holder's name?"""
    s, e = back
    return e - s == 1 and opens_sentence(ctx, s) and ctx.texts[i].islower() and is_dictionary_word(ctx.texts[s])


def _name_after_cue(ctx: DocContext, k: int, taken: set[int]) -> tuple[int, int] | None:
    """The name after a speech cue at ``k`` ("jelas Wahyu", "menurut Wiratma", "disampaikan oleh X")."""
    s = k + 1
    if s < len(ctx.doc) and ctx.doc[s].text.lower() == "oleh":
        s += 1
    s = _skip_hon(ctx, s)
    e = _name_run(ctx, s)
    return (s, e) if e > s and not any(x in taken for x in range(s, e)) else None


def _subject_before(ctx: DocContext, k: int, taken: set[int]) -> tuple[int, int] | None:
    """"Seorang warga, Andi Saputra, mengaku ...": no name after the verb at ``k``, so the subject before it."""
    lx = ctx.lx
    m = _before_channel(ctx, k)  # "X, dalam orasinya menyebut ...": the speaker's own channel before the verb
    skipped = 0
    while m > 0 and (ctx.texts[m - 1].lower() in lx.lists["SUBJECT_ADVERB"] or ctx.texts[m - 1] == ",") \
            and skipped < 3:
        m -= 1
        skipped += 1
    if m > 0 and skipped < 3 and ctx.texts[m - 1].islower() and ctx.texts[m - 1].isalpha() \
            and ctx.texts[m - 1] not in lx.function_words and m - 1 > 0 and _name_word(ctx, m - 2):
        m -= 1
    back = _backward_name(ctx, m) or _before_apposition(ctx, k)
    return back if back and not any(x in taken for x in range(*back)) else None


def _before_channel(ctx: DocContext, k: int) -> int:
    """Where a channel phrase ending right before ``k`` starts: a word of ``CHANNEL_LEAD`` and up to three lower-case
    words closed by -nya ("dalam orasinya", "melalui keterangan tertulisnya"); else ``k``."""
    texts = ctx.texts
    for n in range(1, 4):
        s = k - n - 1
        if s > 0 and texts[s].lower() in ctx.lx.lists["CHANNEL_LEAD"] and texts[k - 1].endswith("nya") \
                and all(w.isalpha() and w.islower() for w in texts[s + 1:k]):
            return s
    return k


def _cue_candidate(ctx: DocContext, k: int, low: str, taken: set[int]) -> tuple[tuple[int, int] | None, str]:
    """(name span, how it was found) beside the speech cue or apposition word ``low`` at ``k``."""
    doc, lx = ctx.doc, ctx.lx
    cand: tuple[int, int] | None = None
    via = "cue"
    after_quote = k > 0 and ctx.texts[k - 1] in (",", "”", '"')
    if low in lx.cue_after and ctx.texts[k][:1].isupper() and not after_quote and not doc[k].is_sent_start:
        return None, via  # "tentang Nilai Ambang Batas ...": capitalised inside a sentence, a noun of a name
    if low in lx.cue_after and k > 0 and ctx.texts[k - 1].isalpha() and ctx.texts[k - 1].islower() \
            and ctx.lows[k - 1] not in lx.lists["LIKE_LEAD"]:
        return None, via  # "memproses klaim Tabungan Hari Tua": a noun after a word, not a cue after what was said
    closes_quote = k > 0 and ctx.texts[k - 1] in ("”", '"') or k > 1 and ctx.texts[k - 1] == "," \
        and ctx.texts[k - 2] in ("”", '"')  # "“...,” menyebut X" (not "X, menyebut Bayan kini ...": the object)
    if low in lx.cue_after or low in lx.cue_passive or low == "menurut" or low in lx.cue_verbs and closes_quote:
        cand = _name_after_cue(ctx, k, taken)
    if cand is None and (low in lx.cue_verbs or low in lx.lists["AS_OFFICE"]):
        cand = _subject_before(ctx, k, taken)
        via = "subject" if cand else via
    elif ctx.texts[k] == "," and k > 0 and non_person(ctx, doc[k].idx):
        back = _backward_name(ctx, k)
        if back and not any(x in taken for x in range(*back)):
            cand = back
            via = "apposition"
    if cand and cand[1] - cand[0] == 1 and vocab_common(ctx.texts[cand[0]], max_proper=0.5, min_seen=5):
        cand = None  # "Petani mengatakan", "Guru menyatakan": a common noun (a known name's part comes below)
    return cand, via


def _not_its_holder(ctx: DocContext, found: list[PersonMention], bare: set[int], back: tuple[int, int],
                    end: int) -> bool:
    """Are the words ``back`` before the office ending at ``end`` no holder of it: another office's words with
    no name ("Menteri Dalam Negeri, Kepala LAN ..."), a plain noun (:func:`_plain_word`), a source whose
    words follow its comma ("Menurut Frans, pejabat pengawas harus ...", but "Menurut X, Kepala Desa Y, ...":
    an office closed by a comma is X's), or a name before the next office of a list (:func:`_listed_office`)?"""
    texts = ctx.texts
    source = back[0] > 0 and texts[back[0] - 1].lower() == "menurut" and texts[back[1]:back[1] + 1] == [","] \
        and texts[end:end + 1] != [","]
    return not bare.isdisjoint(range(*back)) or _plain_word(ctx, *back) or source \
        or _listed_office(ctx, found, back, end)


def _listed_office(ctx: DocContext, found: list[PersonMention], back: tuple[int, int], end: int) -> bool:
    """Is the office ending at ``end`` the next item of a list after a name that holds an office of its own
    ("dihadiri Kapolres X AKBP Budi Santoso, Dandim 0318/X serta ...")? Then it is no apposition of that name."""
    texts = ctx.texts
    held = any(p.name and p.via == "title" and p.i <= back[0] < p.j for p in found)
    nxt = end + 2 if texts[end + 1:end + 2] and texts[end + 1].lower() in ctx.lx.lists["COORDINATOR"] else end + 1
    listed = end < len(texts) and (texts[end] in ctx.lx.lists["COORDINATOR"] or texts[end] == "," and nxt < len(texts)
                                   and bool(ctx.hits_at(nxt, "TITLE")))  # "..., Kapolsek X, dan Danramil X"
    return held and listed


def _plain_word(ctx: DocContext, s: int, e: int) -> bool:
    """Is the one word ``s:e`` a dictionary word the tagged corpus never tags as a name ("Netralitas kepala
    desa dan ASN.": a noun opening a sentence, then an office)? Standing beside an office does not make it one."""
    return e - s == 1 and is_dictionary_word(ctx.texts[s]) and pos_counts(ctx.texts[s]).get("NNP", 0) == 0


def _cued(ctx: DocContext, taken: set[int]) -> Iterator[PersonMention]:
    """Names beside speech cues and appositions."""
    lx = ctx.lx
    starters = lx.cue_after | lx.cue_passive | lx.cue_verbs | {"menurut", "selaku", "sebagai", ","}
    for k, low in enumerate(ctx.lows):
        if low not in starters:
            continue  # every candidate below starts at one of these words
        if k in taken or ctx.in_quote(ctx.doc[k].idx):
            continue
        cand, via = _cue_candidate(ctx, k, low, taken)
        if cand:
            s, e = cand
            start, end, raw, name = _mention_of(ctx, s, e)
            if name and name.lower() not in lx.function_words and (" " in name or len(name) >= 3):
                yield PersonMention(start, end, raw, name, via=via, i=s, j=e)
                taken.update(range(s, e))


def _short_forms(ctx: DocContext, found: list[PersonMention], taken: set[int]) -> Iterator[PersonMention]:
    """Short forms of names already found ("Wahyu" for "Wahyu Hidayat")."""
    doc, lx = ctx.doc, ctx.lx
    parts: dict[str, str] = {}
    for pm in found:
        if pm.name and len(pm.name.split()) > 1:
            ws = pm.name.split()
            own = ws[1:] if ws[0] in lx.name_prefixes and len(ws) > 2 else ws  # "I Made Wirata": "Made"
            after_abbrev = [b for a, b in zip(ws, ws[1:]) if a.endswith(".")]  # "La Ode Muh. Syukur Baraka": "Syukur"
            # "Muhammad Nasir Lantara": "Nasir", a middle name that is no common word
            middle = [w for w in own[1:-1] if not vocab_common(w) and w.lower() not in lx.address
                      and w.lower() not in lx.lists["NAME_CONNECTOR"]]
            for w in (own[0], own[-1], *after_abbrev, *middle):
                if len(w) > 2 and not w.endswith("."):
                    parts.setdefault(w, pm.name)
    texts = ctx.texts
    for k, text in enumerate(texts):
        if text not in parts or k in taken:
            continue
        tok = doc[k]
        if ctx.in_quote(tok.idx):
            continue
        if k + 1 < len(doc) and _name_word(ctx, k + 1) and texts[k + 1] not in parts:
            continue
        # "Andi Arsyad" for "Andi Muh. Arsyad Mappasessu": two parts of one name side by side are one mention
        e = k + 2 if k + 1 < len(doc) and parts.get(texts[k + 1]) == parts[text] and k + 1 not in taken else k + 1
        end = doc[e - 1].idx + len(texts[e - 1])
        name = " ".join(texts[k:e])
        yield PersonMention(tok.idx, end, ctx.text[tok.idx:end], name, via="short", i=k, j=e)
        taken.update(range(k, e))


def iter_people(ctx: DocContext, mentions: list[Mention]) -> Iterator[PersonMention | Mention]:
    """Person mentions in text order; also yields Agency mentions derived from titles."""
    taken: set[int] = {k for m in mentions if m.type == "Place" and m.kind == "lainnya" for k in range(m.i, m.j)}
    # (a town read from how it is written, "warga Desa X, Sentolo, mengaku": no speaker's name)
    found: list[PersonMention] = []
    yield from _titled(ctx, mentions, taken, found)
    found.extend(_cued(ctx, taken))
    found.extend(_initialled(ctx, taken))
    found.extend(_degreed(ctx, taken))
    found.extend(_introduced(ctx, taken))
    found.extend(_from_body(ctx, taken))
    found.extend(_aged(ctx, taken))
    found.extend(_listed(ctx, taken))
    found.extend(_described(ctx, taken))
    found.extend(list(_joined(ctx, found, taken)))
    found.extend(list(_short_forms(ctx, found, taken)))
    found.sort(key=lambda p: p.start)
    yield from _held_by_last_named(ctx, found)


def _held_by_last_named(ctx: DocContext, found: list[PersonMention]) -> list[PersonMention]:
    """The offices that point back ("ungkap mantan Camat Wolo tersebut", "Ia sebelumnya menjabat Camat X"), each
    given the name of the person named last before it outside quotations."""
    out: list[PersonMention] = []
    last = None
    for p in found:
        if p.via == "pointed" and last is not None:
            p = replace(p, name=last)
        elif p.name and not ctx.in_quote(p.start):
            last = p.name
        out.append(p)
    return out
