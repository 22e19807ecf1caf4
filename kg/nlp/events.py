"""Events: a name opened by an event word ("Rapat Koordinasi", "Apel", "Pelatihan", "Pemilu") and extended
over the capitalised words, numbers and acronyms that follow; award names closed by a suffix word ("...
Awards"); elections named by year (:mod:`.event_elections`); names given by a quoted title, by capitalised
words after "kegiatan/acara" or by what a verb of holding holds (:mod:`.event_titles`); bare event words
pointing back at a named event (:mod:`.event_echoes`)."""
from __future__ import annotations

import re
from typing import Iterator

from ..dates import months
from .context import DocContext, Mention, is_acronym, is_cap, make_mention, paren_end
from .lexicon import slug, unbracketed
from .told import verb_events
from .event_names import YEAR as _YEAR, short_form, suffix_event as _suffix_event
from .event_elections import election_mention, voting_of_election
from .event_titles import held_object, named_after_wrapper, titled_event
from .event_echoes import event_echoes
from .event_scene import (cue_before as _cue_before, held_after as _held_after, linked as _linked, marks as _marks,
                          own_scene as _own_scene, placed_bare as _placed_bare, points_back as _points_back,
                          scene_after as _scene_after, words as _words)
from .event_guards import enumerated, in_office, inner_word, listed_end, similar
from .works import iter_works

__all__ = ["iter_events"]

_ROMAN = re.compile(r"^[IVXLC]+$")
# a passive verb ends a lower-case name ("penandatanganan dijadwalkan ...", "sosialisasi diikuti ...")
_PASSIVE = re.compile(r"^di[a-z]{3,}(?:kan|i)$")
# a verb after "acara"/"kegiatan" tells what the activity did, not what it is ("acara berjalan lancar")
_VERBISH = re.compile(r"^(?:me[mnlrw]|ber|ter)[a-z]{3,}$")


def _lower_name_end(ctx: DocContext, i: int, k: int) -> int:
    """End of an event named in lower case ("pelantikan pejabat administrator dan pengawas"), or ``k``.

    Only where the sentence marks it as a happening: an event verb or preposition before it
    ("menggelar", "menghadiri", "dalam", "saat") or a verb after it ("digelar", "berlangsung").
    """
    lx, texts = ctx.lx, ctx.texts
    end = _lower_run(ctx, k, 5)
    if end - k == 5:
        far = _lower_run(ctx, k, 10)  # "sosialisasi pencegahan stunting dan gizi buruk serta pola asuh anak di ..."
        if far < len(texts) and (texts[far] in (",", "di", "pada") or texts[far].lower() in lx.event_cue_after):
            end = far
    while end > k and texts[end - 1] in lx.lists["COORDINATOR"]:
        end -= 1  # "penandatanganan naskah deklarasi dan pelepasan ...": another happening follows
    if end == k:
        return k
    before = texts[i - 1].lower() if i > 0 else ""
    after = texts[end].lower() if end < len(texts) else ""
    if (after in ctx.lx.lists["VERB_LEAD"] or after in lx.lists["POINTING_BACK"] and i == ctx.doc[i].sent.start) \
            and end + 1 < len(texts):
        after = texts[end + 1].lower()  # "sosialisasi netralitas ASN akan digelar pekan depan"
        # "Peluncuran aplikasi itu dilakukan ...": opening its sentence, pointing back to what was just told
    if _cue_before(ctx, i) or after in lx.event_cue_after or _linked(ctx, i) \
            or before in _words(ctx, "WRAPPER") or _scene_after(ctx, end):  # "akan menggelar X pada 20 Mei"
        return end
    return k


def _lower_run(ctx: DocContext, k: int, most: int) -> int:
    """End of the lower-case words (at most ``most``) naming an activity from ``k``: qualifying words, a
    short form, "dan"/"serta" and a word, a round's number ("triwulan II"); not a verb going on with the
    sentence, a theme word, a time word or a passive verb."""
    lx, texts = ctx.lx, ctx.texts
    end = k
    while end < len(texts) and end - k < most:
        w = texts[end]
        if end > k and _VERBISH.match(w) and w.startswith("me") and w not in lx.event_heads \
                or w in _words(ctx, "THEME") or _PASSIVE.match(w) or w in lx.lists["VERB_LEAD"]:
            break  # "kirab budaya memperingati hari jadi", "bakti sosial sengaja dipusatkan": the sentence goes on
        if end > k and w.isalpha() and w.isupper() and len(w) >= 2:
            end += 1  # "sosialisasi netralitas ASN", "bimtek pengelolaan SPBE": a short form inside the name
        elif w.isalpha() and w.islower() and w not in lx.function_words and w not in lx.cue_verbs and w not in _words(ctx, "TIME_NOUN") \
                and w not in lx.event_cue_after and (w not in lx.event_heads or end == k
                                                     or texts[end - 1] in _words(ctx, "RECORD")):
            end += 1  # "rapat evaluasi ...": an event word right after the head qualifies it
        elif w in lx.lists["COORDINATOR"] and end > k and end + 1 < len(texts) and texts[end + 1].isalpha() \
                and texts[end + 1].islower() and texts[end + 1] not in lx.function_words:
            end += 1
        elif end > k and texts[end - 1].lower() in _words(ctx, "ROUND") and (_ROMAN.match(w) or w.isdigit()):
            end += 1  # "rapat evaluasi kinerja triwulan II", "pelatihan kader angkatan 3"
        else:
            break
    return end


def _event(ctx: DocContext, i: int) -> tuple[int, Mention] | None:
    """(end, the Event mention) of an event named at token ``i`` by an event head ("Rapat Koordinasi
    ...", "kegiatan pelatihan menjahit"), or None."""
    h = ctx.longest(i, ("EVENT_HEAD",))
    if not h:
        return None
    body = ctx.longest(i, ("AGENCY", "AGENCY_TYPE"))
    if body and body.j > h.j:
        return None  # "Forum Koordinasi Pimpinan Daerah": a body whose name opens with an event word
    if ctx.lx.is_civil_body(ctx.lows[i:h.j + 1]):
        return None  # "Forum Warga Pemegang Surat Ijo": a civil-society body, no meeting
    head = ctx.span_text(i, h.j).lower()
    lower_head = not is_cap(ctx.doc[i])
    if head in _words(ctx, "SUFFIX_HEAD"):
        return None
    titled = titled_event(ctx, i, h.j, head)
    if titled:
        return titled  # "seminar bertajuk “Guru Hebat”": named by its quoted title
    if head in _words(ctx, "WRAPPER") and lower_head and ctx.longest(h.j, ("EVENT_HEAD",)):
        inner = _wrapped(ctx, i, h.j)
        if inner:
            return inner
    elif head in _words(ctx, "WRAPPER") and lower_head:
        named = named_after_wrapper(ctx, i, h.j)  # "melaksanakan kegiatan Jumat Bersih di ...": told held
        if named and (_cue_before(ctx, i) or _own_scene(ctx, named[0]) or _held_after(ctx, named[0])):
            return named
    if head in _words(ctx, "VOTING") and voting_of_election(ctx, h.j, lower_head):
        return None  # "menjelang pemungutan suara Pilkada serentak ...": the voting is the election's, named by it
    end = _event_end(ctx, i, h, head, lower_head)
    if end is None or similar(ctx, h.j, end) or _no_happening(ctx, i, h, head, lower_head, end) \
            or _untold(ctx, i, h, lower_head, end) or _kind_of_campaigning(ctx, i, lower_head, end):
        return None
    return _event_mention(ctx, i, h, head, end)


def _kind_of_campaigning(ctx: DocContext, i: int, lower_head: bool, end: int) -> bool:
    """Is a lower-case activity of candidates (a word of ``CANDIDATE`` in its name: "deklarasi pasangan calon",
    "sosialisasi bakal calon bupati") told with no venue or date of its own? Then it names a kind of
    campaigning, as the rules on civil servants' neutrality list them, not one happening."""
    candidate = _words(ctx, "CANDIDATE")
    return lower_head and any(ctx.texts[x].lower() in candidate for x in range(i, end)) and not _own_scene(ctx, end)


def _untold(ctx: DocContext, i: int, h, lower_head: bool, end: int) -> bool:
    """Is a lower-case event word before a capitalised name ("memperkuat sosialisasi Surat Keputusan Bersama
    ...", "melalui sidang majelis Tim X": a lower-case modifier between) told held by nothing: no cue before
    it, no scene, no verb of holding after it?"""
    texts = ctx.texts
    if not lower_head or end == h.j or not (texts[h.j][:1].isupper() or end > h.j + 1 and _body_name(ctx, h.j + 1)):
        return False  # (not a programme after a modifier, "evaluasi lapangan Zona Integritas", nor a short form)
    return not (_cue_before(ctx, i) or _own_scene(ctx, end) or _held_after(ctx, end) or _linked(ctx, i)
                or i > 0 and ctx.texts[i - 1].lower() in _words(ctx, "WRAPPER") | _words(ctx, "UNDER_WAY"))


def _body_name(ctx: DocContext, k: int) -> bool:
    """Does a body's name start at ``k`` ("Tim Penyelesaian ...", an agency), a capitalised word that is no
    short form?"""
    first = {w.split()[0] for w in ctx.lx.mention_words["BODY_HEAD"]}
    return ctx.texts[k][:1].isupper() and not ctx.texts[k].isupper() and (
        ctx.texts[k].lower() in first or bool(ctx.longest(k, ("AGENCY", "AGENCY_TYPE"))))


def _wrapped(ctx: DocContext, i: int, j: int) -> tuple[int, Mention] | None:
    """"kegiatan pelatihan menjahit", "acara pisah sambut": the inner word names the event, the
    wrapping word goes in an alias."""
    inner = _event(ctx, j)
    if not inner:
        return None
    m = inner[1]
    return inner[0], Mention(m.start, m.end, m.text, m.type, m.key, m.label,
                             (*m.aliases, f"{ctx.doc[i].text} {' '.join(m.text.split())}"), m.kind, None, m.i, m.j)


def _event_end(ctx: DocContext, i: int, h, head: str, lower_head: bool) -> int | None:
    """Where the event's name that opens with the head ``h`` ends (None: it names no activity)."""
    doc, lx = ctx.doc, ctx.lx
    end, lowers = h.j, 0
    if head in ctx.lx.lists["GENERIC_EVENT"] and lower_head:
        # "kegiatan pencegahan korupsi": a named activity in lower case
        while end < len(doc) and end - h.j < 4 and ctx.texts[end].isalpha() and ctx.texts[end].islower() \
                and ctx.texts[end] not in lx.function_words and ctx.texts[end] not in lx.cue_verbs \
                and ctx.texts[end] not in lx.lists["POINTING_BACK"] and not _VERBISH.match(ctx.texts[end]):
            end += 1
        if end < len(doc) and ctx.texts[end].lower() in lx.lists["POINTING_BACK"]:
            return None  # "mengikuti kegiatan sehari penuh tersebut": the event told before, no other
        if end - h.j < 2 or not (_cue_before(ctx, i) or _own_scene(ctx, end) or _held_after(ctx, end)):
            return None  # "menjaga jarak dari kegiatan politik praktis": activities in general, none held
        lowers = end - h.j
    while end < len(doc) and end - i < 20:
        step = _name_step(ctx, i, h, head, lower_head, end, lowers)
        if step is None:
            break
        end, lowers = step
    while end > h.j and ctx.texts[end - 1] in ("(", "-", "dan"):
        end -= 1
    if not _lower_ok(ctx, i, head, lower_head):
        return end
    if end == h.j:
        # lower case, or capitalised only because a sentence or the text after the dateline starts there
        return _lower_name_end(ctx, i, h.j)
    if lower_head and lowers and end - h.j == lowers:
        return _lower_name_end(ctx, i, end)  # "menggelar apel siaga bencana": the name goes on after its modifier
    if all(t.text.isdigit() for t in doc[h.j:end]):
        return _lower_name_end(ctx, i, end)  # "Pelantikan 30 pejabat berlangsung ...": a count, then who
    if lower_head and h.j < len(doc) and ctx.texts[h.j] == "(" and end == paren_end(ctx, h.j):
        # "bimbingan teknis (bimtek) pengelolaan keuangan desa": the name goes on after its short form
        return _lower_name_end(ctx, i, end)
    return end


def _lower_ok(ctx: DocContext, i: int, head: str, lower_head: bool) -> bool:
    """May the event's name go on in lower case after its head ("Rakor pengendalian inflasi")?"""
    lx = ctx.lx
    return head in lx.lower_event_heads and (lower_head or i == 0 or not ctx.texts[i - 1][:1].isalnum()
                                             or head in lx.abbrev_event_heads)


def _name_step(ctx: DocContext, i: int, h, head: str, lower_head: bool, end: int,
               lowers: int) -> tuple[int, int] | None:
    """(end, lower-case words taken) after the event name's word at ``end``, or None where the name ends."""
    doc, lx = ctx.doc, ctx.lx
    t = doc[end]
    tl = t.text.lower()
    if tl in lx.calendar and not (head == "apel" and end == h.j) or lower_head and ctx.longest(end, ("TITLE", "ACTING")):
        return None  # "... inspektur upacara Gubernur X": an office after a lower-case event word opens a name
    if end > h.j and is_cap(t) and tl in _words(ctx, "VENUE_STOP") and ctx.texts[end - 1].lower() not in lx.works_heads:
        return None  # "Rapat Koordinasi Kepegawaian Aula Bappeda ...": the venue, "di" left out (not "Peresmian Gedung X")
    named = ctx.longest(end, ("POLICY",)) if is_cap(t) and end - i < 4 else None
    if named and named.j - end > 1:
        return named.j, lowers  # "seleksi Pegawai Pemerintah dengan Perjanjian Kerja": a programme's whole name
    if (is_cap(t) or is_acronym(t)) and (tl not in lx.function_words
                                         or tl == "tahun" and ctx.texts[end - 1].lower() == "ulang"
                                         or tl in ("baru", "luar") and end > h.j and is_cap(doc[end - 1])
                                         or inner_word(ctx, end)):
        return end + 1, lowers  # "Hari Ulang Tahun", "Peserta Didik Baru": "tahun", "baru" here are part of the name
    if tl == "ke" and end + 1 < len(doc) and (ctx.texts[end + 1].isdigit() or ctx.texts[end + 1] == "-"
                                             and end + 2 < len(doc) and ctx.texts[end + 2].isdigit()):
        return end + (2 if ctx.texts[end + 1].isdigit() else 3), lowers  # "HUT ke-53", "Hari Jadi ke 220"
    if tl == "ke" and head in _words(ctx, "VISIT") and end > h.j and is_cap(doc[end - 1]) and end + 1 < len(doc) \
            and is_cap(doc[end + 1]) and ctx.texts[end + 1].lower() not in lx.calendar:
        return end + 1, lowers  # "Kunjungan Kerja Komisi II ke Kota Batam": where the visit went names it
    if t.text.isdigit() and end + 1 < len(doc) and ctx.texts[end + 1].lower() in months():
        return None  # "Pemilu 14 Februari 2024": a day and its month are the date, not part of the name
    if t.text.isdigit() or _ROMAN.match(t.text) or re.match(r"^\d{4}-\d{4}$", t.text):
        return end + 1, lowers
    if (t.text == "-" or t.text == "/" and not doc[end - 1].whitespace_ and not t.whitespace_) \
            and end + 1 < len(doc) and (ctx.texts[end + 1].isdigit() or is_cap(doc[end + 1])):
        return end + 2, lowers  # "... Kabupaten/Kota Tahun 2024"
    if t.text == "(" and paren_end(ctx, end):
        return paren_end(ctx, end), lowers
    if tl == "," and end > h.j and (listed := listed_end(ctx, end)):
        return listed, lowers  # "Deklarasi Netralitas ASN, TNI dan Polri": a list inside the name
    if tl == "serta" and end > h.j and end + 1 < len(doc) and is_cap(doc[end + 1]) and not _own_happening(ctx, end + 1):
        return end + 1, lowers  # "Rapat Koordinasi Penanganan Banjir serta Tanah Longsor" (not "... serta Pemilihan Y")
    if tl in ("dan", "&") and end + 1 < len(doc) and is_cap(doc[end + 1]) and (
            end > h.j or head.startswith("pemilihan ") and ctx.texts[end + 1] == "Wakil"
            or not lower_head and ctx.longest(end + 1, ("EVENT_HEAD",))):
        return end + 1, lowers  # "Pemilihan Bupati dan Wakil Bupati Sleman", "Pembukaan dan Penutupan ..."
    if tl == "nomor" and end > h.j and is_cap(t) and end + 1 < len(doc) and ctx.texts[end + 1][:1].isdigit():
        return end + 2, lowers  # "Sosialisasi Peraturan Daerah Nomor 5 Tahun 2028 tentang ...": a regulation's number
    if tl == "tahun" and end + 1 < len(doc) and _YEAR.match(ctx.texts[end + 1]):
        return end + 2, lowers
    if tl == "tahun" and end + 2 < len(doc) and ctx.texts[end + 1].lower() == "anggaran" \
            and _YEAR.match(ctx.texts[end + 2]):
        return end + 3, lowers  # "... LKPJ Tahun Anggaran 2023"
    if tl == "tentang" and end > h.j and end + 1 < len(doc) and (is_cap(doc[end + 1]) or is_acronym(doc[end + 1])) \
            and not ctx.longest(end + 1, ("EVENT_HEAD",)):
        return end + 1, lowers  # "Rapat Paripurna Penetapan Raperda tentang APBD Tahun Anggaran 2025"
    if tl in ctx.lx.lists["EVENT_NAME_JOINER"] and end > h.j and end + 1 < len(doc) and is_cap(doc[end + 1]) \
            and ctx.texts[end + 1].lower() not in lx.calendar and not any(
                ctx.hits_at(end + 1, lab) for lab in ("EVENT_HEAD", "VENUE_HEAD", "PLACE", "TITLE", "ACTING")):
        return end + 1, lowers  # "Evaluasi Penggunaan Anggaran dalam Penyusunan Program ...": one name
    if tl == "dalam" and end + 2 < len(doc) and ctx.texts[end + 1] == "rangka" \
            and is_cap(doc[end + 2]) and ctx.texts[end + 2].lower() not in lx.calendar \
            and not _own_happening(ctx, end + 2):
        return end + 2, lowers  # "Rapat Paripurna dalam rangka Penyampaian Nota Pengantar ...": its agenda names it
        # (not "... dalam rangka HUT ke-79 RI": the anniversary is a happening of its own)
    if end - h.j == lowers and lowers < 2 and tl.isalpha() and not is_cap(t) and (
            tl in _words(ctx, "LOWER_MODIFIER") or (lower_head and end + 1 < len(doc) and (is_cap(doc[end + 1]) or is_acronym(doc[end + 1])))) \
            and tl not in lx.function_words and tl not in lx.cue_verbs \
            and not _PASSIVE.match(tl) and not _VERBISH.match(tl):  # "seleksi diawasi BKN": a verb goes on
        return end + 1, lowers + 1
    return None


def _told_held(ctx: DocContext, i: int, end: int) -> bool:
    """Does a bare event word opening its sentence go on with a verb of holding or marking ("Pelantikan
    dilakukan oleh ...", "Peresmian ditandai dengan ...")? Then it names the happening the article tells."""
    texts, lx = ctx.texts, ctx.lx
    head = texts[i].lower()
    if i != ctx.doc[i].sent.start or end != i + 1 or not texts[i][:1].isupper() or head in lx.abbrev_event_heads:
        return False  # one word, written out ("Rakor dihadiri ..." is a short form of a name told elsewhere)
    after = texts[end].lower() if end < len(texts) else ""
    return after in lx.event_cue_after or after in _words(ctx, "MARKED_BY")


def _possessed(ctx: DocContext, taken: set[int]) -> Iterator[Mention]:
    """A one-word event head with "-nya" opening its sentence and told held by the verb after it
    ("Sosialisasinya digelar di Aula Pemda, Kamis (...)": the briefing on what was just named)."""
    texts, lx = ctx.texts, ctx.lx
    for k, w in enumerate(texts):
        if k in taken or not w.endswith("nya") or k + 1 >= len(texts) or not ctx.doc[k].is_sent_start \
                or texts[k + 1].lower() not in lx.event_cue_after:
            continue
        stem = w[:-3].lower()
        if stem in lx.event_heads and " " not in stem and stem not in _words(ctx, "WRAPPER"):
            label = stem.capitalize()
            yield make_mention(ctx, k, k + 1, "Event", f"event:{slug(label)}", label, (w,), stem)


def _own_happening(ctx: DocContext, k: int) -> bool:
    """Does an event word at ``k`` name a happening of its own, not a meeting's agenda item ("Penyampaian")?"""
    h = ctx.longest(k, ("EVENT_HEAD",))
    return h is not None and ctx.span_text(k, h.j).lower() not in ctx.lx.agenda_event_heads


def _no_happening(ctx: DocContext, i: int, h, head: str, lower_head: bool, end: int) -> bool:
    """Does the event head name no happening here: a bare head, an office's field, a body or a finding?"""
    lx = ctx.lx
    if end == h.j and head not in lx.elections and (lower_head or len(head.split()) == 1) \
            and not (_lower_ok(ctx, i, head, lower_head) and " " in head and i > 1
                     and (_cue_before(ctx, i) or _linked(ctx, i) or ctx.texts[i - 1] in _words(ctx, "WRAPPER")
                          or _own_scene(ctx, end))):
        # but "memimpin rapat koordinasi bersama ...": a two-word head after an event verb, or told held by the
        # venue or date after it ("dalam rapat pimpinan di Aula X, Rabu (28/2/2024)"); "Pelantikan dilakukan
        # oleh ..."; "acara penyerahan yang digelar di ...", "Kegiatan exit meeting dilaksanakan di ...": a wrapped
        # activity told held
        return not (_told_held(ctx, i, end) or i > 0 and ctx.texts[i - 1].lower() in _words(ctx, "WRAPPER")
                    and (_held_after(ctx, end) or _own_scene(ctx, end))
                    or lower_head and _placed_bare(ctx, i, head, end))
    if in_office(ctx, i) or lower_head and enumerated(ctx, i, end):
        return True  # "Asisten Deputi ... Kebijakan dan Evaluasi Reformasi Birokrasi": an office's field
    if head in lx.mention_words["BODY_HEAD"] and any(p.j == end for p in ctx.hits_at(end - 1, "PLACE")) \
            and not ctx.longest(h.j, ("EVENT_HEAD",)) \
            and not (_cue_before(ctx, i) or _held_after(ctx, end) or _own_scene(ctx, end)):
        return True  # "Forum Honorer Lebak masih menyimpan kekhawatiran": a body of its region, nothing held
        # (not "Forum Konsultasi Publik Kabupaten X": an activity after the head)
    # "pengurus Forum Anak Daerah", "hasil evaluasi SAKIP": a body or a finding, not a happening
    before = ctx.doc[i - 1].text.lower() if i > 0 else ""
    if i > 0 and ctx.hits_at(i - 1, "VENUE_HEAD") or before == "dalam" and i > 1 \
            and ctx.texts[i - 2].lower() in _words(ctx, "MEMBERSHIP"):
        return True  # "di ruang sidang utama": a room; "yang tergabung dalam Forum Honorer X": a body
    if lower_head and head in _words(ctx, "ROUND_OF") and all(_YEAR.match(t) for t in ctx.texts[h.j:end]) \
            and not _own_scene(ctx, end):
        return True  # "predikat A pada evaluasi 2025": a year's round of an instrument, no happening told
    if before in _words(ctx, "FINDING") and head in _words(ctx, "INSPECTION"):
        return False  # "hasil inspeksi mendadak (sidak) pada Rabu": what an inspection found, so it was held
    return before in _words(ctx, "NOT_HAPPENING")


def _event_mention(ctx: DocContext, i: int, h, head: str, end: int) -> tuple[int, Mention] | None:
    """The Event mention of tokens ``i:end``: its label, key, kind and aliases (an election by its year)."""
    doc = ctx.doc
    text = " ".join(ctx.text[doc[i].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    if head in ctx.lx.elections:
        return election_mention(ctx, i, h, head, end, text)
    label = unbracketed(text)
    label = label[0].upper() + label[1:]
    key = f"event:{slug(label)}"
    kind = "election" if head.startswith("pemilihan ") else head  # "Pemilihan Gubernur ...": not one with other events
    short = short_form(text)
    # "Rembuk Stunting Tingkat Kabupaten Tahun 2024" is also "... 2024" and, in its own year, "... Kabupaten"
    dated = None if " Nomor " in label else re.match(  # not "... Nomor 1 Tahun 2029": a regulation's number
        r"^(.+?) [Tt]ahun (?:[Aa]nggaran )?((?:19|20)\d\d(?:-(?:19|20)\d\d)?)$", label)
    years = (f"{dated.group(1)} {dated.group(2)}", dated.group(1)) if dated and len(dated.group(1).split()) > 1 else ()
    aliases = tuple(dict.fromkeys(a for a in (text, short, *years) if a and a != label))
    return end, make_mention(ctx, i, end, "Event", key, label, aliases, kind)


def _joined(ctx: DocContext, m: Mention, end: int) -> tuple[Mention, int]:
    """An award's name and a capitalised happening joined to it by "dan" ("SAKIP Award dan Penganugerahan
    Reformasi Birokrasi"): one event named by both, else ``m`` as it was."""
    texts = ctx.texts
    if not (end + 1 < len(texts) and texts[end] == "dan" and is_cap(ctx.doc[end + 1])):
        return m, end
    nxt = _event(ctx, end + 1)
    if not nxt or nxt[1].kind == "election":
        return m, end
    e2, m2 = nxt
    label = f"{m.label} dan {m2.label}"
    text = " ".join(ctx.text[m.start:m2.end].split())
    aliases = tuple(dict.fromkeys(a for a in (text, m.label, m2.label, *m.aliases, *m2.aliases) if a != label))
    return make_mention(ctx, m.i, e2, "Event", f"event:{slug(label)}", label, aliases), e2


def _held(ctx: DocContext, j: int, end: int) -> bool:
    """Does an event name that opens with a program's name (ending at ``j``) tell one round of it
    ("Seleksi CPNS Tahap II", "PPDB Gelombang 2"), not the program ("Proyek Strategis Nasional")?"""
    texts = ctx.texts
    return end > j and (_YEAR.match(texts[j]) is not None or texts[j].lower() in _words(ctx, "ROUND"))


def iter_events(ctx: DocContext, found: list[Mention]) -> Iterator[Mention]:
    """Event mentions, outside the names of agencies, policies and venues already found."""
    doc = ctx.doc
    inside = {k for m in found if m.type in ("Agency", "Policy") or m.kind == "venue" for k in range(m.i + 1, m.j)}
    i = 0
    texts = ctx.texts
    named: list[Mention] = []
    # "Proyek Strategis Nasional", "Gerakan Nasional Revolusi Mental": a program's name, not a happening
    policy_starts = {m.i: m.j for m in found if m.type == "Policy"}
    agency_ends = {m.i: m.j for m in found if m.type == "Agency"}
    suffix_heads = _words(ctx, "SUFFIX_HEAD")
    for c in [k for k, low in enumerate(ctx.lows) if k in ctx.hits or low in suffix_heads]:
        if c < i or c in inside:
            continue  # an event starts at a gazetteer hit or ends at a suffix head, outside what was read
        i = c
        ev = _event(ctx, i)
        if ev and agency_ends.get(i, 0) >= ev[0]:
            ev = None  # "Forum Koordinasi Pimpinan Daerah Provinsi Lampung": a body, named whole
        if ev and i in policy_starts and not _held(ctx, policy_starts[i], ev[0]) and not _own_scene(ctx, ev[0]):
            ev = None  # "Evaluasi SAKIP" is an instrument, unless it is held somewhere, some day
        if ev:
            end, m = ev
            # "Rapat dengar pendapat atau hearing Komisi B": two names of one event
            if end + 1 < len(doc) and ctx.texts[end].lower() == "atau":
                ev2 = _event(ctx, end + 1)
                if ev2:
                    e2, m2 = ev2
                    yield Mention(m.start, m2.end, ctx.text[m.start:m2.end], "Event", m2.key, m2.label,
                                  (m.label, *m.aliases, *m2.aliases), m2.kind, None, m.i, e2)
                    i = e2
                    continue
            words = m.label.lower().split()
            part = len(words) == 2 and words[0] in _words(ctx, "CEREMONY_PART")  # "Pembukaan pelatihan"
            head_word = words[1] if part else words[0]
            prior = [x for x in named if x.kind != "election" and x.key != m.key]
            back = [x for x in prior if head_word in x.label.lower().split()]  # "desk evaluasi" ... "Evaluasi ... ini"
            if m.kind != "election" and (back and (_points_back(ctx, end) or part) or prior and _marks(ctx, i)
                                         or prior and end == i + 1 and _told_held(ctx, i, end)
                                         or prior and _linked(ctx, i) and not is_cap(doc[i])):
                # "pelaksanaan Evaluasi Penilaian ... ini": another name of the happening told before; "Pembukaan
                # pelatihan berlangsung ...": the opening of the training just named is that training
                p = (back or prior)[-1]
                m = Mention(m.start, m.end, m.text, m.type, p.key, p.label, (m.label, *m.aliases), p.kind, None, m.i, m.j)
            named.append(m)
            yield m
            i = max(end, i + 1)
            continue
        sev = _suffix_event(ctx, i)
        if sev:
            m, end = _joined(ctx, sev[2], sev[1])
            named.append(m)
            yield m
            i = max(end - 1, i)
        i += 1
    taken = inside | {k for m in [*named, *found] if m.type in ("Agency", "Policy", "Event") for k in range(m.i, m.j)}
    holding = _words(ctx, "HOLDING_VERB")
    for k in (k for k, w in enumerate(texts) if w in holding):  # lower case: "menggelar", not a name
        held = held_object(ctx, k, taken)  # "menggelar vaksinasi massal di Gedung X, Senin (...)"
        if held and _own_scene(ctx, held[0]):
            named.append(held[1])
            taken.update(range(held[1].i, held[1].j))
            yield held[1]
    for m in _possessed(ctx, taken):  # "Sosialisasinya digelar di Aula X, Kamis (...)"
        named.append(m)
        yield m
    works = iter_works(ctx, taken)
    yield from works
    names = {m.i: m.j for m in found if m.type in ("Agency", "Policy")}
    verbs = verb_events(ctx, named + works, names, found)
    yield from verbs
    yield from event_echoes(ctx, [*named, *works, *verbs])  # "..., kata X usai peresmian di Kota Y"
