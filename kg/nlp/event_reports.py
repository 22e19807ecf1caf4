"""A document's event reports: each event named, when and where it took place (a date and place in its
sentence or the dateline), and who was there (speakers at it, guests a sentence lists)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ..dates import find_dates, weekday_before
from ..folding import Caseless
from ..records import EventReport, Quote
from .context import DocContext, Mention
from .people import PersonMention
from .quotes import demonstrative
from .scene import scene_speakers

__all__ = ["event_reports"]


def _ahead(lx) -> re.Pattern:
    """A sentence telling of a time to come: ``FUTURE_TIME`` words ("pekan depan", "mendatang") or "akan" with
    a di-/ber- verb."""
    return lx.derived("future_time", lambda lx: re.compile(
        r"\b" + lx.phrases("FUTURE_TIME").pattern + r"\b|\bakan\s+(?:di|ber)\w+", re.I))


def event_reports(ctx: DocContext, mentions: list[Mention], remap: dict[str, str], people: list[PersonMention],
                  pindex: dict[int, str], dateline_key: str | None, ents: dict[str, dict],
                  quotes: list[Quote] = ()) -> list[EventReport]:
    """One report per event the document names (keys merged by ``remap``): its date, place and participants."""
    doc, article = ctx.doc, ctx.article
    by_event: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type == "Event":
            by_event[remap.get(m.key, m.key)].append(m)
    places = [m for m in mentions if m.type == "Place"]
    # the day the story happened: the first "Senin (18/11/2024)" of the body, else the publication date
    story_date = article.date
    for d in find_dates(ctx.text, ref=article.date):
        before = _RANGE.sub("", ctx.text[max(0, d.start - 16):d.start])  # "Kamis-Jumat (20-21/6/2024)": the 20th
        if d.iso and weekday_before().search(before[-12:]):
            story_date = _range_start(ctx.text, d.start, d.iso)
            break
    hosted = _hosted(ctx, by_event, places)
    attending = _attendance(ctx, by_event, ents, people, pindex, places, hosted)
    scene = scene_speakers(ctx, by_event, ents, quotes, hosted)
    for key, speakers in _said_at(ctx, by_event, ents, quotes).items():
        scene[key] = scene.get(key, []) + speakers
    for key, actors in _verb_actors(ctx, by_event, ents, people, pindex, places).items():
        scene[key] = scene.get(key, []) + actors
    for key, members in _members(ctx, by_event, ents, people, pindex).items():
        scene[key] = scene.get(key, []) + members
    reports = []
    for key, ms in sorted(by_event.items()):
        ms.sort(key=lambda m: m.start)
        date, place, place_is_venue = None, None, False
        participants: list[str] = []
        ahead = False  # "akan digelar pekan depan": not yet held, so not on the story's day
        for m in ms:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and ents[key].get("kind") == "election" and date is None:
                date = _election_day(ctx, m)  # "Pilkada serentak 27 November 2024": its polling day
            if span is None or ents[key].get("kind") == "election":
                continue  # an election as a whole has no one venue or set of participants
            sent = span.sent
            ahead = ahead or m is ms[0] and bool(_ahead(ctx.lx).search(ctx.text[sent.start_char:sent.end_char]))
            if date is None and ents[key].get("kind") != "election":
                sent_text = article.text[sent.start_char:sent.end_char]
                for d in find_dates(sent_text, ref=article.date):
                    if d.iso:
                        date = _range_start(sent_text, d.start, d.iso)
                        break
            if place is None or not place_is_venue:  # a venue named at a later mention beats a city
                cands = [p for p in places if sent.start_char <= p.start < sent.end_char and p.start >= m.start]
                venues = [p for p in cands if p.kind == "venue"]
                best = (venues or ([] if place else cands) or [None])[0]
                if best is not None:
                    place, place_is_venue = remap.get(best.key, best.key), bool(venues)
            for k, p in enumerate(people):
                if sent.start_char <= p.start < sent.end_char and _present(ctx, p, k, pindex, places):
                    participants.append(pindex[k])
            if demonstrative(ctx.lx).match(ctx.text[sent.start_char:sent.end_char]):
                # "Hal itu disampaikan dalam apel pagi ...": whoever said what came before was there
                said = [q for q in quotes if q.end <= sent.start_char and q.speaker]
                if said:
                    participants.append(said[-1].speaker)
        year = re.search(r"\b((?:19|20)\d\d)\b", ents[key]["label"] or "")
        if date is None and article.date is None and year and ms:
            # an undated article: "peluncuran KIPP 2022 ..., Kamis (24/2)" is dated in the year it names
            span = doc.char_span(ms[0].start, ms[0].end, alignment_mode="expand")
            sent = span.sent if span is not None else None
            found = find_dates(article.text[sent.start_char:sent.end_char], ref=f"{year.group(1)}-12-31") if sent else []
            date = next((d.iso for d in found if d.iso and d.iso.startswith(year.group(1))), None)
        if date is None and ents[key].get("kind") != "election" and not ahead:
            date = story_date
        if place is None and ents[key].get("kind") != "election":
            place = dateline_key
        # whoever speaks of the event in their own words ("saya ... telah menyampaikan paparan evaluasi") was there
        participants += attending.get(key, []) + scene.get(key, []) + [
            q.speaker for q in quotes if q.direct and q.speaker and key in q.about and ents[key].get("kind") != "election"]
        people_only = (p for p in participants if ents.get(p, {}).get("type") == "Person")  # no agency speakers
        reports.append(EventReport(key, date, place, tuple(dict.fromkeys(people_only))))
    return _simultaneous_day(ctx, reports, ents)


def _simultaneous_day(ctx: DocContext, reports: list[EventReport], ents: dict[str, dict]) -> list[EventReport]:
    """A regional election left undated ("Pemilihan Gubernur Aceh", "Pilkada 2024") takes the polling day of the
    simultaneous regional elections (Pilkada serentak) its document dates, by one of them or by the polling
    day written with no election's name ("menjelang hari pemungutan suara pada 27 November 2024"): they are
    one vote. Only where one day is so written, and in the year the election's name gives, if it gives one."""
    parts = (*ctx.lx.event_words.get("PART_OF_PILKADA", ()), "pilkada")

    def regional(r: EventReport) -> str:
        label = (ents[r.event].get("label") or "").lower() if ents[r.event].get("kind") == "election" else ""
        return label if label.startswith(parts) else ""

    if not any(r.date is None and regional(r) for r in reports):
        return reports  # no undated regional election: no polling day to look for
    days = {r.date for r in reports if r.date and regional(r)} or _polling_days(ctx)
    if len(days) != 1:
        return reports
    day = days.pop()

    def fits(label: str) -> bool:
        year = re.search(r"\b(?:19|20)\d\d\b", label)
        return bool(label) and (year is None or year.group(0) == day[:4])
    return [replace(r, date=day) if r.date is None and fits(regional(r)) else r for r in reports]


def _polling_days(ctx: DocContext) -> set[str]:
    """The days written as a polling day after a voting word (``VOTING``: "pemungutan suara") that a word of
    ``POLLING_LEAD`` opens or "-nya" closes, in its sentence ("hari pemungutan suara pada 27 November 2024",
    "yang pemungutan suaranya digelar pada ...", "memantau pelaksanaan pemungutan suara Pilkada ... di TPS ...,
    Rabu (27/11/2024)"; not "simulasi pemungutan suara ... (16/11)")."""
    days, leads = set(), ctx.lx.event_words.get("POLLING_LEAD", frozenset())
    for word in ctx.lx.event_words.get("VOTING", ()):
        for m in re.finditer(rf"\b(\w+)\s+{re.escape(word)}(nya)?\b", ctx.text, re.I):
            if m.group(1).lower() not in leads and not m.group(2):
                continue
            after = re.split(r"[.;\n]\s", ctx.text[m.end():m.end() + 200], maxsplit=1)[0]
            days |= {d.iso for d in find_dates(after, ref=ctx.article.date) if d.iso and d.kind in ("dMy", "dmy")}
    return days


_RANGE = re.compile(r"\b(\d{1,2})\s*[-–]\s*$")


def _range_start(text: str, start: int, iso: str) -> str:
    """The first day of a range of days written before the date at ``start`` ("Selasa-Rabu (7-8/5/2024)",
    "5-6 Maret 2029": the event began on the 7th, the 5th), else ``iso``."""
    m = _RANGE.search(text, max(0, start - 6), start)
    day = int(iso[8:])
    if m and 0 < int(m.group(1)) < day:
        return f"{iso[:8]}{int(m.group(1)):02d}"
    return iso


def _day_lead(lx) -> re.Pattern:
    """Between an election's name and its polling day: its short form in brackets and up to four words of
    ``DAY_LEAD`` ("(Pilkada) serentak pada tanggal", "yang dijadwalkan berlangsung pada"), one of them
    perhaps "di" and a place's capitalised name or a noun pointing back ("serentak di Sumatera Barat
    digelar", "di provinsi ini digelar"), or the election's year ("Pilkada serentak 2024 akan digelar pada")."""
    words = "|".join(sorted(map(re.escape, lx.event_words.get("DAY_LEAD", ())), key=len, reverse=True))
    return re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:(?:" + words + r")\s+|di\s+(?-i:(?:[A-Z][\w'-]*\s+){1,3})|di\s+\w+\s+(?:ini|itu|tersebut)\s+|(?:19|20)\d\d\s+){0,6}",
                      re.I)


def _election_day(ctx: DocContext, m: Mention) -> str | None:
    """The date written right after an election's name (its polling day), its weekday perhaps before it, or None."""
    lead = ctx.lx.derived("day_lead", _day_lead).match(ctx.text, m.end)
    at = lead.end() if lead else m.end
    after = ctx.text[at:at + 50]
    found = find_dates(after, ref=ctx.article.date)
    return next((d.iso for d in found if d.iso and d.kind in ("dMy", "dmy")
                 and (d.start == 0 or weekday_before().match(after[:d.start]))), None)  # "pada Rabu, 27 November"


def _hosted(ctx: DocContext, by_event: dict[str, list[Mention]], places: list[Mention]) -> set[str]:
    """The events whose own sentence names a venue after them ("Rakor ... di Aula X"): happenings the
    article reports, not instruments talked about ("hasil evaluasi 2023"); "kegiatan tersebut" points
    to one of them."""
    venues = [p for p in places if p.kind == "venue"]
    out = set()
    for key, ms in by_event.items():
        for m in ms:
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and any(m.start <= v.start < span.sent.end_char for v in venues):
                out.add(key)
                break
    return out


def _said_at(ctx: DocContext, by_event: dict[str, list[Mention]], ents: dict[str, dict], quotes) -> dict[str, list[str]]:
    """Speakers whose words are placed at an event by its head after a word of ``AT_EVENT`` (usai, saat),
    maybe with a verb of taking part between, in the same paragraph ("..., kata X usai peresmian di Kota
    Y.", "..., tuturnya usai memimpin apel"): the one event of the document with that head, none where
    two share it."""
    heads = {h: keys for h, keys in _events_by_head(by_event, ents).items() if len(keys) == 1}
    if not heads:
        return {}
    # "usai apel", and with a verb of taking part between: "usai memimpin apel", "saat menghadiri rapat"
    at = ctx.lx.derived("said_at", lambda lx: re.compile(
        r"\b" + lx.phrases("AT_EVENT").pattern + r"\s+(?:(?:me|ber)[a-z]{3,}\s+)?([a-z]+)\b", re.I))
    out: dict[str, list[str]] = defaultdict(list)
    for q in quotes:
        if not q.speaker:
            continue
        end = ctx.text.find("\n", q.end)
        for m in at.finditer(ctx.text, q.start, len(ctx.text) if end < 0 else end):
            if m.group(1).lower() in heads and not ctx.in_quote(m.start()):
                out[heads[m.group(1).lower()][0]].append(q.speaker)
    return out


def _attendance_cue(lx) -> Caseless:
    """The words of attendance (``ATTENDANCE``), longest first (made once: ``Lexicon.derived``)."""
    return Caseless(r"\b(?:" + "|".join(sorted(map(re.escape, lx.attendance), key=len, reverse=True)) + r")\b")


def _attendance(ctx: DocContext, by_event: dict[str, list[Mention]], ents: dict[str, dict],
                people: list[PersonMention], pindex: dict[int, str], places: list[Mention],
                hosted: set[str] = frozenset()) -> dict[str, list[str]]:
    """Persons a sentence says were there ("Turut hadir di acara itu, ... X, Y dan Z") -> the event
    named last before that sentence (else the first one after it), one held at a named venue first;
    elections take no participants."""
    firsts = sorted((m.start, key) for key, ms in by_event.items() if ents[key].get("kind") != "election"
                    for m in ms if not ctx.in_quote(m.start))  # one named in a quotation is talked about
    out: dict[str, list[str]] = defaultdict(list)
    if not firsts or not ctx.lx.attendance:
        return out
    seen = set()
    for hit in ctx.lx.derived("attendance_cue", _attendance_cue).finditer(ctx.text):
        span = ctx.doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if span is None or span.sent.start in seen:
            continue
        if (ctx.text[max(0, hit.start() - 14):hit.start()].split() or [""])[-1].lower() in ctx.lx.lists["NEGATION"]:
            seen.add(span.sent.start)
            continue  # "tidak hadir di acara itu", "berhalangan hadir": not there
        sent = span.sent
        seen.add(sent.start)
        before = [key for start, key in firsts if start < sent.start_char]
        here = [key for start, key in firsts if sent.start_char <= start < hit.start()]
        key = here[-1] if here else ([k for k in before if k in hosted] or before
                                     or [k for _, k in firsts if k in hosted] or [firsts[0][1]])[-1 if before else 0]
        end = _listed_after(ctx.text, sent.start_char, sent.end_char)
        for k, p in enumerate(people):
            if sent.start_char <= p.start < end and _present(ctx, p, k, pindex, places):
                out[key].append(pindex[k])
    return out


_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*])[ \t]")


def _listed_after(text: str, start: int, end: int) -> int:
    """End of the sentence ``start:end``, or of the list after it where the sentence ends on a colon
    ("Apel tersebut turut dihadiri oleh:" and "1. Wakil Bupati X; 2. ..." or an official a line without
    a number, up to a line that ends a sentence; a line after one closed by ";" is the list's last item)."""
    if not text[start:end].rstrip().endswith(":") or "\n" not in text[end - 1:end + 1]:
        return end  # the list starts on its own line
    out, pos, prev = end, end, ""
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].strip()
        if line:
            if not _ITEM.match(text, pos) and line.endswith((".", "!", "?", "”", '"')):
                return line_end if prev.endswith(";") and line.endswith(".") else out  # the last item, or prose again
            out, prev = line_end, line
        pos = line_end + 1
    return out


def _events_by_head(by_event: dict[str, list[Mention]], ents: dict[str, dict]) -> dict[str, list[str]]:
    """{first word of the label, lower case: the events so named}, elections left out ("rapat" -> the
    document's "Rapat Koordinasi ..."): what a bare event word or an event verb's noun can point to."""
    heads: dict[str, list[str]] = defaultdict(list)
    for key in by_event:
        words = (ents[key].get("label") or "").lower().split()
        if words and ents[key].get("kind") != "election":
            heads[words[0]].append(key)
    return heads


def _verb_actors(ctx: DocContext, by_event: dict[str, list[Mention]], ents: dict[str, dict],
                 people: list[PersonMention], pindex: dict[int, str], places: list[Mention]) -> dict[str, list[str]]:
    """The persons before a verb telling the one event its noun names ("Wakil Bupati X melantik tujuh
    pejabat ..." and later "Pelantikan itu dihadiri ...": X was at the swearing-in); none when two
    events share the noun."""
    by_noun = _events_by_head(by_event, ents)
    out: dict[str, list[str]] = defaultdict(list)
    verbs = ctx.lx.event_verbs
    for i in (i for i, low in enumerate(ctx.lows) if low in verbs):  # only a verb of the lexicon tells an event
        keys = by_noun.get(verbs[ctx.lows[i]].lower(), [])
        if len(keys) != 1 or ctx.in_quote(ctx.token_starts[i]):
            continue
        t = ctx.doc[i]
        sent = t.sent
        out[keys[0]] += [pindex[k] for k, p in enumerate(people) if sent.start_char <= p.start and p.end <= t.idx
                         and _present(ctx, p, k, pindex, places)]
    return out


def _member_lead(lx) -> re.Pattern:
    """"Salah seorang penerima SK,", "seorang peserta pelatihan,": one of those an event was for, named next
    (words of ``RECIPIENT_LEAD`` and ``MEMBER_LEAD``; made once: ``Lexicon.derived``)."""
    leads = lx.event_words.get("MEMBER_LEAD", frozenset()) | lx.event_words.get("RECIPIENT_LEAD", frozenset())
    words = "|".join(sorted(map(re.escape, leads), key=len, reverse=True))
    return re.compile(r"\b(?:salah\s+(?:seorang|satu)|seorang)\s+(" + words + r")((?:\s+[\w/-]+){0,6}?)\s*,\s*$", re.I)


def _members(ctx: DocContext, by_event: dict[str, list[Mention]], ents: dict[str, dict],
             people: list[PersonMention], pindex: dict[int, str]) -> dict[str, list[str]]:
    """Persons named as one of an event's recipients or trainees ("Salah seorang penerima SK, X, ...": at
    the one handover of the document, ``HANDOVER``; "Salah satu peserta pelatihan, Y": at the one event of
    the word after ``MEMBER_LEAD``)."""
    by_head: dict[str, list[str]] = defaultdict(list)
    for key in by_event:
        if ents[key].get("kind") != "election":
            by_head[((ents[key].get("label") or "").split() or [""])[0].lower()].append(key)
    handover = ctx.lx.event_words.get("HANDOVER", frozenset())
    recipient = ctx.lx.event_words.get("RECIPIENT_LEAD", frozenset())
    lead = ctx.lx.derived("member_lead", _member_lead)
    out: dict[str, list[str]] = defaultdict(list)
    for k, p in enumerate(people):
        if not p.name or not pindex.get(k) or ctx.in_quote(p.start):
            continue
        m = lead.search(ctx.text, max(0, p.start - 90), p.start)
        if not m:
            continue
        what = (m.group(2).split() or [""])[0].lower()
        keys = [key for head, ks in by_head.items() for key in ks
                if (head in handover if m.group(1).lower() in recipient else head == what)]
        if len(keys) == 1:
            out[keys[0]].append(pindex[k])
    return out


def _present(ctx: DocContext, p: PersonMention, k: int, pindex: dict[int, str], places: list[Mention]) -> bool:
    """Does mention k name a person in the scene? Not inside a quotation, not an office in lower case
    ("seluruh kepala perangkat daerah"), not an office inside a venue's name ("Rumah Dinas Bupati")."""
    if not pindex.get(k) or ctx.in_quote(p.start):
        return False
    if p.name is None and (p.text[:1].islower() or any(v.start <= p.start < v.end for v in places)):
        return False
    return True
