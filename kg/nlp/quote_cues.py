"""What the quotation and statement finders share: the :class:`QuoteCandidate` record, speech cues
beside a name ("jelas X", "tambahnya"), an agency as a subject, and the words between a name and its cue."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import DocContext, Mention
from .people import PersonMention

__all__ = ["QuoteCandidate", "demonstrative", "pstart", "person_after", "cue_word", "noun_use", "tail_cue",
           "agency_at", "agency_subject", "opens_subject", "READ_FOR", "without_degrees", "skip_lead"]


def demonstrative(lx) -> re.Pattern:
    """A sentence opening on a word that points back to what was said ("Hal itu", "Demikian", "Imbauan")."""
    return lx.derived("demonstrative", lambda lx: re.compile(r"^\W*" + lx.phrases("DEMONSTRATIVE_LEAD").pattern + r"\b"))


@dataclass(frozen=True)
class QuoteCandidate:
    """A quote before its speaker is resolved to an entity."""

    start: int
    end: int
    text: str
    direct: bool
    hint: tuple[str, PersonMention | Mention | None]
    cue: str | None = None


def pstart(p: PersonMention) -> int:
    """Where a person mention begins, its title included ("kata Pj Wali Kota Wahyu")."""
    return p.title_start if p.title_start is not None and p.title_start < p.start else p.start


def person_after(people: list[PersonMention], pos: int, limit: int, text: str, lx=None) -> PersonMention | None:
    for p in people:
        if pos <= pstart(p) <= pos + limit:
            between = without_degrees(lx, text[pos:pstart(p)]) if lx else text[pos:pstart(p)]  # "kata dr. X"
            if re.search(r"[.!?;\n“”\"]", between):
                return None
            return p
    return None


def cue_word(lx, word: str) -> str | None:
    w = word.lower()
    if w in lx.cue_after or w in lx.cue_passive or w in lx.cue_verbs:
        return w
    if w.endswith("nya") and (w[:-3] in lx.cue_after or w[:-3] in lx.cue_passive):
        return w
    return None


def noun_use(ctx: DocContext, i: int) -> bool:
    """Is the cue word at ``i`` a noun here, a lower-case word after it that names no speaker (", nilai
    tertinggi diraih ...": not ", nilai dia" nor ", ujar warga" nor ", tambahnya"), a policy's name
    (", nilai SAKIP naik ...": a policy never speaks) or a day's or a month's (", akhir Februari lalu")?"""
    lx, texts = ctx.lx, ctx.texts
    if texts[i].lower().endswith("nya"):
        return False
    if ctx.longest(i + 1, ("POLICY",)):
        return True
    nxt = texts[i + 1] if i + 1 < len(texts) else ""
    low = nxt.lower()
    if low in lx.calendar:
        return True  # ", akhir Februari lalu": a time, not "akhir Budi"
    return nxt.isalpha() and nxt.islower() and low not in lx.pronouns \
        and low not in lx.anaphor_nouns and low not in lx.lists["BODY_ANAPHOR"] and low not in lx.lists["UNNAMED_SPEAKER"] \
        and low not in lx.lists["SUBJECT_ADVERB"] and low not in lx.lists["NOT_SUBJECT_WORD"]


def tail_cue(ctx: DocContext, start: int, end: int) -> bool:
    """Does a cue after a comma ("..., tambahnya.") in tokens ``start:end`` of a sentence that starts at
    ``start`` make the whole sentence the statement, rather than a speech verb inside it ("Pihaknya
    menargetkan ..., tambahnya.")?"""
    texts, lx = ctx.texts, ctx.lx
    # not a parenthetical "-nya" cue between commas inside the clause ("X mengatakan, penilaian, katanya, akan ...")
    return any(texts[k - 1] == "," and (c := cue_word(lx, texts[k])) and c not in lx.cue_verbs
               and not noun_use(ctx, k) and not (c.endswith("nya") and k + 1 < end and texts[k + 1] == ",")
               for k in range(start + 1, end))


#: how a sentence may lead up to its subject: nothing, a clause closed by a comma, a dateline's dash, "pihak"
_SUBJECT_LEAD = re.compile(r"(?:^|[,\u2013\u2014-]|\b[Pp]ihak)$")  # matched on the stripped lead


#: A comma-enclosed insert between a subject and its verb ("..., dalam keterangan tertulisnya, ...").
_INSERT = re.compile(r"\s*,[^,.;:“”\"]{3,90},\s*")


def agency_at(agencies: list[Mention], text: str, pos: int, then: str = "") -> Mention | None:
    """The agency mention that starts right after ``pos`` (spaces between), followed by ``then`` if given."""
    m = max((m for m in agencies if pos <= m.start and not text[pos:m.start].strip()), key=lambda m: m.end, default=None)
    return m if m and (not then or text[m.end:m.end + len(then)] == then) else None


def opens_subject(lead: str, leads: frozenset[str]) -> bool:
    """May a subject follow ``lead``, the sentence's words before it (nothing, a comma or dash, "pihak",
    or a connective such as "Adapun")?"""
    return _SUBJECT_LEAD.search(lead) is not None or lead.lower() in leads


def _own_channel(rest: str, at: int, channels: frozenset[str], agencies: list[Mention]) -> str:
    """``rest`` (at offset ``at``) without the body's own channel opening it: a word of ``channels`` and
    a noun phrase closed by -nya ("dalam siaran persnya", "dalam laporan tahunannya") or one of its
    units, a body named or a run of capitalised words ("melalui Direktorat Reserse Kriminal Khusus"):
    what comes after it."""
    m = re.match(r"\s+(\w+)\s+", rest)
    if not m or m.group(1).lower() not in channels:
        return rest
    nya = re.match(r"(?:[a-z]+\s+){0,3}?[a-z]+nya(?=\s)", rest[m.end():])
    if nya:
        return rest[m.end() + nya.end():]
    unit = max((o.end - at for o in agencies if o.start == at + m.end() and o.end <= at + len(rest)), default=None)
    named = re.match(r"[A-Z][\w.()-]*(?:\s+(?:dan\s+)?[A-Z][\w.()-]*)*", rest[m.end():])  # a unit the lexicon lacks
    return rest[unit:] if unit else rest[m.end() + named.end():] if named else rest


def agency_subject(text: str, ss: int, verb: int, agencies: list[Mention],
                   people: list[PersonMention], adverbs: frozenset[str],
                   leads: frozenset[str] = frozenset(), channels: frozenset[str] = frozenset()) -> Mention | None:
    """The agency that is the subject of the speech verb at ``verb``: the agency mention just before
    it (nothing but adverbs between, after its own channel: "BKN dalam siaran persnya menegaskan"),
    opening its sentence, after a connective in ``leads`` ("Adapun Bawaslu meminta ...") or following
    a lead closed by a comma or a dateline's dash; never an agency inside an office ("Kepala BKN
    mengatakan")."""
    before = sorted((m for m in agencies if ss <= m.start and m.end <= verb), key=lambda m: (-m.end, m.start))
    for m in before[:3]:
        between = text[m.end:verb]
        if _channel_insert(between, adverbs, channels) and opens_subject(text[ss:m.start].strip(), leads) \
                and not any(p.start < m.end and m.start < p.end for p in people):
            return m  # "Pemkab X, melalui keterangan tertulis Dinas Y, menyatakan ...": its channel between commas
        insert = _INSERT.match(between)  # "Inspektorat, sebagai aparat pengawas internal, menyatakan ..."
        if insert and any(m.end + insert.start() < o.start < m.end + insert.end() for o in [*agencies, *people]):
            continue
        skip = insert.end() if insert else 0
        short = _SHORT_FORM.match(between, skip)  # "Ombudsman RI Perwakilan NTT (ORI NTT) menyatakan ..."
        skip = short.end() if short else skip
        at = skip
        while (w := re.match(r"\s+(\w+)(?=\s)", between[at:])) and w.group(1).lower() in adverbs:
            at += w.end()  # "Pemprov sendiri dalam keterangan resminya menyebut": adverbs, then its own channel
        rest = _own_channel(between[at:], m.end + at, channels, agencies)
        if not all(w.lower() in adverbs for w in rest.split()) or not (insert or between[:1] in (" ", "\n")) \
                or not opens_subject(text[ss:m.start].strip(), leads):
            continue
        if any(p.start < m.end and m.start < p.end for p in people):
            return None
        return m
    return None


def _channel_insert(between: str, adverbs: frozenset[str], channels: frozenset[str]) -> bool:
    """Is ``between`` (after adverbs: "sendiri") a channel set off by commas, a word of ``channels`` and the
    words of the channel ("KPK sendiri, melalui surat edaran menjelang hari raya, meminta ...")?"""
    at = 0
    while (w := re.match(r"\s+(\w+)(?=[\s,])", between[at:])) and w.group(1).lower() in adverbs:
        at += w.end()
    c = _CHANNEL.fullmatch(between, at)
    return c is not None and c.group(1).lower() in channels


#: a phrase set off by commas right before a speech verb, its first word group 1
_CHANNEL = re.compile(r"\s*,\s*(\w+)\s[^.;:“”\"]{3,150}?,\s*")


#: a short form in brackets after a body's name
_SHORT_FORM = re.compile(r"\s*\([A-Za-z][\w .&/-]{0,20}\)(?=\s)")


#: a speech read on its author's behalf: the author's mention is group 1
READ_FOR = re.compile(r"\b[Ss]ambutan(?:\s+tertulis)?\s+(.{3,120}?)\s+(?:yang\s+)?(?:di)?bacakan\b")


_WORDISH = re.compile(r"[A-Za-z][A-Za-z.]*")


#: "X, S.H., MAB., menegaskan", "X, S.Kom., M.T.I., menambahkan": a degree the lexicon lacks
_CAPS_DEGREE = re.compile(r"[A-Z]{2,5}\.|[A-Z][a-z]{0,3}(?:\.[A-Z][A-Za-z]{0,3})+\.?")


def without_degrees(lx, between: str) -> str:
    """Words between a name and its cue without the degrees, honorifics and ranks there (", S.H., M.H.,", "dr.")."""
    if "." not in between:
        return between  # nothing to drop that could hide a sentence end
    return _WORDISH.sub(lambda m: "" if m.group(0).rstrip(".").lower() in lx.address
                        or _CAPS_DEGREE.fullmatch(m.group(0)) else m.group(0), between)


def skip_lead(text: str, s: int, limit: int) -> int:
    m = re.match(r"^\s*(?:,|:)?\s*(?:bahwa\s+|jika\s+|kalau\s+)?(?:,\s*)?", text[s:limit])
    return s + (m.end() if m else 0)
