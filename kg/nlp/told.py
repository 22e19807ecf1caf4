"""Events told by a verb rather than named: "Bupati melantik 120 pejabat ..., Jumat (7/6/2024)" ->
"Pelantikan 120 pejabat"; the passive "MPP Kota X ... diresmikan Deputi ..." -> "Peresmian MPP Kota X";
and the event's noun pointing back to it later ("Pelantikan tersebut dihadiri ...")."""
from __future__ import annotations

import re
from functools import cache

from ..dates import days, find_dates
from .context import DocContext, Mention, make_mention
from .lexicon import slug, unbracketed

__all__ = ["verb_events", "passive_events", "date_hint"]


@cache
def date_hint() -> re.Pattern:
    """A date in brackets or a day's name (:func:`kg.dates.days`, the one list of them)."""
    return re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)|\b(?:" + "|".join(re.escape(d.capitalize()) for d in days())
                      + r")\b")


def verb_events(ctx: DocContext, named: list[Mention], names: dict[int, int],
                found: list[Mention] = ()) -> list[Mention]:
    """Events told by a verb in a dated sentence that names no event: "Bupati melantik 120 pejabat
    fungsional di Pendopo ..., Jumat (7/6/2024)" -> "Pelantikan 120 pejabat fungsional". A name in the
    object (``names``: start -> end of the agencies and policies found) is taken whole."""
    doc, lx, texts = ctx.doc, ctx.lx, ctx.texts
    # an election named in the sentence is not what the sentence tells ("melantik anggota PPS untuk Pilkada ...")
    taken = {doc[m.i].sent.start for m in named if m.kind != "election"}
    out = []
    for k, noun, sent in _dated_verbs(ctx, lx.event_verbs, taken):
        if texts[k].lower() in lx.intransitive_event_verbs:  # "Ratusan honorer berunjuk rasa di halaman ...": no object
            end = k + 2 if k + 1 < len(texts) and texts[k + 1].lower() == noun.split()[-1].lower() else k + 1
            taken.add(sent.start)
            out.append(make_mention(ctx, k, end, "Event", f"event:{slug(noun)}", noun, (), noun.lower()))
            continue
        start = end = _object_start(ctx, k, sent.end)  # "melantik dan mengambil sumpah 47 pejabat ..."
        person = start < sent.end and texts[start].lower() in lx.address
        if person:
            # "melantik Dr. H. X sebagai Sekretaris Daerah ...": a person sworn into the office named after "sebagai"
            start = end = next((x + 1 for x in range(start, sent.end - 1) if texts[x].lower() in lx.lists["AS_OFFICE"]
                                and ctx.hits_at(x + 1, "TITLE")), sent.end)
        while end < sent.end and end - start < 8:
            t, tl = texts[end], texts[end].lower()
            if end > start and names.get(end, 0) > end + 1 and names[end] <= sent.end:
                end = names[end]  # "menyerahkan SK pengangkatan Pegawai Pemerintah dengan Perjanjian Kerja"
                if texts[end - 1] == ")" and "(" in texts[start:end]:
                    end = max(j for j in range(start, end) if texts[j] == "(")  # not its short form in brackets
                    break
            elif (t.isalpha() or t.isdigit()) and tl not in lx.function_words and tl not in lx.calendar \
                    and tl not in lx.cue_verbs and tl not in lx.event_verbs and tl not in lx.event_words.get("OBJECT_STOP", ()):
                end += 1
            elif tl == "dan" and end > start and end + 1 < sent.end and texts[end + 1].isalpha() \
                    and texts[end + 1].lower() not in lx.function_words:
                end += 1
            else:
                break
        if end == start and person:
            taken.add(sent.start)  # "melantik Dr. X di Pendopo, Rabu (...)": the swearing-in of one named person
            out.append(make_mention(ctx, k, k + 1, "Event", f"event:{slug(noun)}", noun, (), noun.lower()))
            continue
        if end == start or (end - start == 1 and texts[start].isdigit()):
            continue
        obj = ctx.text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]
        label = unbracketed(f"{noun} {' '.join(obj.split())}")
        taken.add(sent.start)
        out.append(make_mention(ctx, k, end, "Event", f"event:{slug(label)}", label, _uncounted(label), noun.lower()))
    out += passive_events(ctx, found, taken)
    return out + _told_again(ctx, out)


def _dated_verbs(ctx: DocContext, verbs: dict[str, str], taken: set[int]):
    """``(token, noun, sentence)`` of each verb of ``verbs`` (verb -> the noun naming its event) outside
    quotations, in a sentence no event was taken from yet (or joined to the one taken by a word of
    ``VERB_JOINER``), dated there or by the next ones naming it again."""
    doc = ctx.doc
    for k, low in enumerate(ctx.lows):
        noun = verbs.get(low)
        if noun is None or ctx.in_quote(doc[k].idx):
            continue
        sent = doc[k].sent
        # "melantik 20 pejabat sekaligus menyerahkan SK ...": a second happening joined to the first
        joined = k > sent.start and ctx.lows[k - 1] in ctx.lx.event_words.get("VERB_JOINER", ())
        if (sent.start not in taken or joined) and (date_hint().search(ctx.text[sent.start_char:sent.end_char])
                                                    or _dated_again(ctx, sent, noun)):
            yield k, noun, sent


def _object_start(ctx: DocContext, k: int, sent_end: int) -> int:
    """Where the object of the event verb at ``k`` starts: right after it, or after a second verb
    joined to it with its noun ("melantik dan mengambil sumpah 47 pejabat": the object is what
    follows the oath, when a number, a name or a plural word comes next)."""
    texts = ctx.texts
    j = k + 1
    if j + 2 < sent_end and texts[j] in ("dan", "sekaligus") and texts[j + 1].islower() and texts[j + 1].startswith("me"):
        m = j + 2
        while m < sent_end and m - j <= 3 and texts[m].islower() and texts[m].isalpha() \
                and texts[m] not in ctx.lx.function_words and texts[m] not in ctx.lx.lists["NUMBER_WORD"]:
            m += 1
        if m < sent_end and m > j + 2 and (texts[m].isdigit() or texts[m][:1].isupper()
                                          or texts[m] in ctx.lx.lists["GROUP_WORD"] or texts[m] in ctx.lx.lists["NUMBER_WORD"]):
            return m
    return j


def _again(ctx: DocContext, k: int, noun: str) -> bool:
    """Does the sentence at token ``k`` open with ``noun`` pointing back to an event or telling it
    ("Pelantikan tersebut ...", "Pencanangan berlangsung di ...", "Peluncuran dirangkaikan dengan ...")?"""
    texts, lx = ctx.texts, ctx.lx
    j = k + 1
    if j < len(texts) and texts[j] == "dan":  # "Pelantikan dan pengambilan sumpah jabatan itu ...": one ceremony
        j += 1
        while j < len(texts) and j - k <= 5 and texts[j].isalpha() and texts[j].islower() \
                and texts[j] not in lx.function_words:
            j += 1
        if j == k + 2:
            return False
    nxt = texts[j].lower() if j < len(texts) else ""
    return texts[k] == noun and (nxt in lx.lists["POINTING_BACK"] or nxt in lx.event_cue_after
                                 or nxt in lx.event_words.get("LINKED", ()) or nxt in lx.event_words.get("MARKED_BY", ()))


def _dated_again(ctx: DocContext, sent, noun: str) -> bool:
    """Is the event a verb tells in ``sent`` dated by one of the next few sentences that names it again
    by its noun ("... mencanangkan pembangunan Zona Integritas. Pencanangan berlangsung di Aula X, pada
    14 Maret 2024.")?"""
    doc = ctx.doc
    k, seen = sent.end, 0
    while k < len(doc) and seen < 4:
        nxt = doc[k].sent
        if _again(ctx, nxt.start, noun) and (date_hint().search(nxt.text) or find_dates(nxt.text)):
            return True
        k, seen = nxt.end, seen + 1
    return False


def _told_again(ctx: DocContext, verb_events: list[Mention]) -> list[Mention]:
    """The noun of an event told by a verb, opening a later sentence that points back to it
    ("Pelantikan tersebut dihadiri ...", "Peresmian berlangsung di ..."): the same event, named so."""
    doc, texts = ctx.doc, ctx.texts
    by_noun = {m.label.split()[0]: m for m in verb_events}
    out = []
    for k, w in enumerate(texts[:-1]):
        m = by_noun.get(w)
        if m is None or k <= m.j or doc[k].sent.start != k or ctx.in_quote(doc[k].idx):
            continue
        if _again(ctx, k, w):
            out.append(make_mention(ctx, k, k + 1, "Event", m.key, m.label, (w,), m.kind))
    return out


def passive_events(ctx: DocContext, found: list[Mention], taken: set[int]) -> list[Mention]:
    """Events told by a passive verb after what they are done to, named at the start of a dated
    sentence: "Mal Pelayanan Publik (MPP) Kota Samarinda resmi beroperasi setelah diresmikan Deputi
    ..., Senin (3/6/2024)" -> "Peresmian Mal Pelayanan Publik Kota Samarinda"."""
    doc, texts, lx = ctx.doc, ctx.texts, ctx.lx
    out = []
    for k, noun, sent in _dated_verbs(ctx, lx.event_passives, taken):
        first = next((x for x in range(sent.start, k) if not texts[x].isspace()), None)
        subject = max((m for m in found if m.i == first and m.j < k and m.type in ("Policy", "Place", "Agency")),
                      key=lambda m: m.j, default=None) or _relative_subject(ctx, found, k)
        if subject is None:
            counted = _counted_subject(ctx, sent, k)
            if counted:  # "Sebanyak 27 pejabat administrator ... resmi dilantik, Rabu (17/1/2024)"
                label = f"{noun} {counted}"
                taken.add(sent.start)
                out.append(make_mention(ctx, k, k + 1, "Event", f"event:{slug(label)}", label, _uncounted(label),
                                        noun.lower()))
            continue
        first = subject.i
        end = subject.j
        if end < k and texts[end] == "(" and ")" in texts[end:k]:
            end = texts.index(")", end) + 1  # its short form in brackets
        region = next((m for m in found if m.i == end and m.type == "Place" and m.j < k), None)
        end = region.j if region else end  # "MPP Kota Samarinda": the region it serves
        words = ctx.text[doc[first].idx:doc[end - 1].idx + len(doc[end - 1])]
        name = unbracketed(" ".join(words.split()))
        label = f"{noun} {name}"
        taken.add(sent.start)
        out.append(make_mention(ctx, k, k + 1, "Event", f"event:{slug(label)}", label, (), noun.lower()))
    return out


def _uncounted(label: str) -> tuple[str, ...]:
    """The event's name without the count of what it was done to, as it is also named ("Pelantikan 27
    pejabat" is also "Pelantikan pejabat"), or ()."""
    words = label.split()
    if len(words) > 2 and words[1].replace(".", "").isdigit():
        return (" ".join([words[0], *words[2:]]),)
    return ()


def _counted_subject(ctx: DocContext, sent, k: int) -> str | None:
    """A counted group opening the sentence of the passive verb at ``k``: ("Sebanyak") a number and the
    lower-case words naming who ("27 pejabat administrator dan pengawas"), up to "di", "yang" or
    another function word: what the event was done to, else None."""
    texts, lx = ctx.texts, ctx.lx
    x = next((x for x in range(sent.start, k) if not texts[x].isspace()), k)
    if x < k and texts[x].lower() in lx.lists["COUNT_LEAD"]:
        x += 1
    if x >= k or not (texts[x].replace(".", "").isdigit() or texts[x].lower() in lx.lists["NUMBER_WORD"]):
        return None  # "Sebanyak 27 pejabat", "Tujuh pejabat": a count
    e = x + 1
    adverbs = lx.event_words.get("RELATIVE_ADVERB", ())  # "27 pejabat resmi dilantik": not part of who
    while e < k and e - x <= 6 and (texts[e].isalpha() and texts[e].islower() and texts[e] not in lx.function_words
                                    and texts[e] not in adverbs
                                    or texts[e] == "dan" and e > x + 1 and texts[e + 1].islower()):
        e += 1
    while e > x + 1 and texts[e - 1] == "dan":
        e -= 1
    words = [texts[x].lower() if texts[x].lower() in lx.lists["NUMBER_WORD"] else texts[x], *texts[x + 1:e]]
    return " ".join(words) if e > x + 1 else None  # ("Tujuh pejabat ..." opening the sentence: "tujuh")


def _relative_subject(ctx: DocContext, found: list[Mention], k: int) -> Mention | None:
    """The name before "yang" (and "baru", "telah", "resmi") and the passive verb at ``k``: "... Mal
    Pelayanan Publik (MPP) Kabupaten X yang baru diresmikan ..." -> that name, else None."""
    texts = ctx.texts
    x = k - 1
    while x > 0 and texts[x].lower() in ctx.lx.event_words.get("RELATIVE_ADVERB", ()):
        x -= 1
    if texts[x].lower() != "yang":
        return None
    end = x
    if texts[end - 1] == ")" and "(" in texts[max(0, end - 6):end]:
        end = max(j for j in range(max(0, end - 6), end) if texts[j] == "(")  # its short form in brackets
    name = max((m for m in found if m.j == end and m.type in ("Policy", "Place", "Agency")),
               key=lambda m: m.j - m.i, default=None)
    if name is None or name.type != "Place":
        return name
    ends = {name.i}  # "MPP Kabupaten X": the region it serves, after the name of what was done
    if texts[name.i - 1] == ")" and "(" in texts[max(0, name.i - 6):name.i]:
        ends.add(max(j for j in range(max(0, name.i - 6), name.i) if texts[j] == "("))  # its short form between
    return max((m for m in found if m.j in ends and m.type in ("Policy", "Agency")), key=lambda m: m.j - m.i,
               default=name)
