"""Reported statements ("Menurut X, ...", "X mengatakan bahwa ...", "..., tambahnya."): one a sentence
at most, found by the first of a few patterns that matches a token of the sentence."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from ..vocab import is_derived_word, pos_counts
from .context import DocContext, Mention
from .people import PersonMention
from .quote_cues import (QuoteCandidate, READ_FOR, agency_at, agency_subject, cue_word, demonstrative, noun_use,
                         pstart, skip_lead, tail_cue, without_degrees)

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["statements"]


def _source(lx) -> re.Pattern:
    """"Menurut keterangan X, ...", "Berdasarkan data BPS, ...": the words that give a source after the cue."""
    return lx.derived("source_noun", lambda lx: re.compile(r"(?:\s+" + lx.phrases("SOURCE_NOUN").pattern + r")?(?=\s)"))


def _pronoun(lx) -> str:
    """The pronouns for the person speaking, as a regex alternation in lower case ("dia|ia|beliau")."""
    return lx.phrases("SPEAKER_PRONOUN").pattern


def _pronoun_comma(lx) -> re.Pattern:
    """A pronoun for the speaker and a comma after spaces (" dia, ...")."""
    return lx.derived("pronoun_comma", lambda lx: re.compile(r"^\s+" + _pronoun(lx) + r"\s*,"))


@dataclass(frozen=True)
class _Sentence:
    """A sentence searched for a reported statement: its trimmed span ``ss:se`` (cut where a direct
    quotation starts), its tokens there and the people it names, with the document's quotes and agencies."""

    sent: Span
    ss: int
    se: int
    te: int  # the first token at or after se
    sp: list[PersonMention]
    people: list[PersonMention]
    direct: list[QuoteCandidate]
    agencies: list[Mention]

    @cached_property
    def toks(self) -> list:
        """The sentence's tokens before ``se`` (made once, when a pattern needs them)."""
        doc = self.sent.doc
        return [doc[k] for k in range(self.sent.start, self.te)]


#: A pattern's verdict on a token beside a candidate: go on with the next token / give up the sentence.
_NEXT, _STOP = object(), object()


def statements(ctx: DocContext, people: list[PersonMention], direct: list[QuoteCandidate],
                agencies: list[Mention] = ()) -> Iterator[QuoteCandidate]:
    """Reported statements, one a sentence at most: the first pattern that matches a token of it."""
    text, starts = ctx.text, ctx.token_starts
    sents = [s for s in ctx.doc.sents if text[s.start_char:s.end_char].strip()]
    for n, sent in enumerate(sents):
        span = _statement_span(ctx, sent, direct)
        if span is None:
            continue
        ss, se = span
        s = _Sentence(sent, ss, se, bisect.bisect_left(starts, se, sent.start, sent.end),
                      [p for p in people if ss <= p.start < se], people, direct, agencies)
        # 5. "Hal tersebut disampaikan X", "X menyampaikan hal itu saat ...": what came before is X's statement
        if n > 0 and demonstrative(ctx.lx).match(ctx.text[ss:se]):
            back = _demonstrative(ctx, sents, n, s.sp, s.toks, agencies)
            if back:
                yield back
                continue
        if n > 0 and (back := _active_demonstrative(ctx, sents, n, s)):
            if back is not _STOP:
                yield back
            continue
        for k in range(sent.start, s.te):
            if not _may_cue(ctx, k):
                continue  # no pattern below starts at a word that is no cue
            t = ctx.doc[k]
            got = None
            for pattern in _PATTERNS:  # the first that gives a verdict
                got = pattern(ctx, s, t)
                if got is not None:
                    break
            if got is _STOP:
                break
            if got is not None and got is not _NEXT:
                yield got
                break


def _may_cue(ctx: DocContext, i: int) -> bool:
    """Can a pattern of :data:`_PATTERNS` match at token ``i``? Each needs a speech cue there: a cue
    word (``-nya`` forms included), "menurut"/"berdasarkan", or the start of a cue phrase."""
    low = ctx.lows[i]
    return low in ctx.lx.cue_tokens or low in ctx.lx.lists["SOURCE_CUE"] or ctx.longest(i, ("CUE_PHRASE",)) is not None



def _statement_span(ctx: DocContext, sent: Span, direct: list[QuoteCandidate]) -> tuple[int, int] | None:
    """The sentence's span trimmed to its first line and cut where a direct quotation starts; None
    inside a quotation or for fewer than five words."""
    text = ctx.text
    ss, se = sent.start_char, sent.end_char
    while ss < se and text[ss].isspace():
        ss += 1
    nl = text.find("\n", ss, se)
    if nl >= 0:
        se = nl
    while se > ss and text[se - 1].isspace():
        se -= 1
    if any(q.start - 1 <= ss < q.end + 1 for q in direct) or ctx.in_quote(ss + 1):
        return None
    for q in direct:
        if ss < q.start - 1 < se:
            se = q.start - 1
    return (ss, se) if len(text[ss:se].split()) >= 5 else None


def _by_source(ctx: DocContext, s: _Sentence, t):
    """1. "Menurut X, ..." / "menurutnya ..." / "Berdasarkan data BPS, ..."."""
    text = ctx.text
    low = t.text.lower()
    pronoun = low in ctx.lx.lists["SOURCE_PRONOUN"] and (low == "menurutnya" or t.i == s.sent.start
                                                         and t.i + 1 < len(ctx.texts) and ctx.texts[t.i + 1] == ",")
    source = _source(ctx.lx).match(text, t.idx + len(t)) if low in ("menurut", "berdasarkan") else None
    if not (pronoun or low == "menurut" or source and source.group(0).strip()):
        return None  # "Baginya, ...": an opinion of the person just named, as "menurutnya"; not "penting baginya"
    s0 = source.end() if source else t.idx + len(t)  # "Menurut keterangan X", "Berdasarkan data BPS"
    hint: tuple = ("pronoun", None)
    if any(t.idx < q.start <= s.sent.end_char for q in s.direct):
        return _STOP  # "Menurut X, “...”": the cue of a quotation
    if not pronoun:
        named = _source_named(ctx, s, s0)
        if named is None:
            return _NEXT
        hint, s0 = named
        if text[s.ss:t.idx].rstrip().endswith(",") and text[s0:s0 + 1] == ",":
            # "Rotasi kali ini, menurut X, dilakukan untuk ...": the source inserted, the whole sentence said
            return QuoteCandidate(s.ss, s.se, text[s.ss:s.se].strip(), False, hint, low)
    s0 = skip_lead(text, s0, s.se)
    if len(text[s0:s.se].split()) >= 4:
        return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, hint, low)
    return None


def _source_named(ctx: DocContext, s: _Sentence, s0: int) -> tuple[tuple, int] | None:
    """(hint, where the statement starts) for the source named after "Menurut" at ``s0``."""
    text, lx = ctx.text, ctx.lx
    p = next((p for p in s.sp if s0 <= pstart(p) <= s0 + 3
              or s0 < pstart(p) <= s0 + 24 and all(w.rstrip(".").lower() in lx.address
                                                    for w in text[s0:pstart(p)].split())
              or _described_before(ctx, text[s0:pstart(p)])), None)
    if p:
        return ("person", p), p.end
    if lx.derived("pronoun_lead", lambda lx: re.compile(r"^\s*" + _pronoun(lx) + r"\b")).match(text[s0:s0 + 8]):
        return ("pronoun", None), s0 + len(re.match(r"^\s*\w+", text[s0:]).group(0))
    if ag := agency_at(s.agencies, text, s0, ","):
        return ("agency", ag), ag.end  # "Menurut BKN, ..."
    if (an := re.match(r"^\s*([a-z]+)\b[^,.;“”\"]{0,60}?\b(?:itu|tersebut)\s*(?=,)", text[s0:s0 + 80])) \
            and an.group(1) in lx.anaphor_nouns:
        return ("pronoun", None), s0 + an.end()  # "Menurut politikus Partai Golkar itu, ...": the person just named
    if an and an.group(1) in lx.lists["BODY_ANAPHOR"]:
        return ("body", None), s0 + an.end()  # "Menurut lembaga itu, ...": the body that spoke last
    return None


def _described_before(ctx: DocContext, between: str) -> bool:
    """Is ``between`` a noun for a person and its description closed by a comma ("menurut peneliti Perludem yang
    tinggal di Kuningan, X, ...")?"""
    words = between.split()
    return len(words) >= 2 and words[0].lower() in ctx.lx.lists["PERSON_NOUN"] and between.rstrip().endswith(",") \
        and not re.search(r"[.;“”\"]", between)


def _by_verb(ctx: DocContext, s: _Sentence, t):
    """2. "X (juga) mengatakan (bahwa) ..."."""
    doc, text, lx = ctx.doc, ctx.text, ctx.lx
    low = t.text.lower()
    as_verb = low in lx.cue_after and any(0 <= t.idx - p.end <= 1 for p in s.sp)
    phrase = ctx.longest(t.i, ("CUE_PHRASE",))  # "memberikan apresiasi kepada ...": said from the noun on
    if not ((low in lx.cue_verbs or as_verb or phrase) and t.i > s.sent.start and not tail_cue(ctx, s.sent.start, s.te)):
        return None
    if _refused(ctx, s, t):
        return None  # "enggan merinci nama dinas itu", "tidak mau menyebutkan ...": nothing was said
    if low in lx.cue_if_clause and not _clause_after(lx, text, t, s.se):
        return None  # "melanjutkan program ...", "menanggapi keluhan warga": an act on a thing, nothing said
    hint = _verb_subject(ctx, s, t, low)
    if hint is None:
        return _NEXT
    s0 = doc[phrase.j - 1].idx if phrase else skip_lead(text, t.idx + len(t), s.se)
    if not phrase and t.i > s.sent.start and ctx.texts[t.i - 1].lower() in lx.lists["NEGATION"]:
        s0 = doc[t.i - 1].idx  # "Ia tidak ingin birokrasi ...": the words keep their negation
    obj = t.i + 1 + (t.i + 1 < s.te and ctx.texts[t.i + 1].lower() in lx.lists["GROUP_WORD"])
    if not phrase and obj < s.te and ctx.texts[obj].lower() in lx.lists["SPEECH_ACT_OBJECT"] \
            and not (low in lx.cue_clause and _predicate_after(ctx, obj + 1, s.te)):
        return None  # "menyampaikan materi ...", "menjawab (sejumlah) pertanyaan": the act, not what was said
        # (but "mengatakan materi itu bermanfaat": the noun opens the clause said)
    if not phrase and not _clause_after(lx, text, t, s.se) \
            and _object_then_scene(ctx, text[s0:s.se], ("VB", "JJ") if low in lx.cue_clause else ("VB",)):
        return None  # "membenarkan laporan tersebut saat ditemui di kantornya, Senin (...)": a thing, then where
    if len(text[s0:s.se].split()) >= 4 and text[s0:s0 + 1] not in "“\"":
        return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, hint, low)
    return None


def _object_then_scene(ctx: DocContext, rest: str, predicates: tuple[str, ...]) -> bool:
    """Is what follows a speech verb a few words with no predicate (a word tagged mostly as one of
    ``predicates``: a verb; an adjective too after a verb that always tells a clause, "mengatakan anggaran
    cukup besar"), then the scene of the telling (a phrase of ``SAYING_SCENE``, "saat ditemui", "kepada awak
    media", or the day: ", Senin (19/8/2029)")? Then the verb acts on a thing ("menjelaskan temuan pihaknya
    kepada awak media", "mengumumkan tiga nama terbaik hasil seleksi, Senin (...)"); what was said is not
    given."""
    lx = ctx.lx
    scene = lx.derived("saying_scene", lambda lx: re.compile(
        r"\s+" + lx.phrases("SAYING_SCENE").pattern + r"\b|,\s*([A-Z][a-z]+)\s*\(\d", re.I))
    m = scene.search(rest)
    if m is None or m.group(1) is not None and m.group(1).lower() not in lx.calendar:
        return False
    words = re.findall(r"\w+", rest[:m.start()])
    return 0 < len(words) <= 6 and not any(w.lower() in lx.lists["CLAUSE_MARK"] or _tagged(w, predicates)
                                           for w in words)


def _predicate_after(ctx: DocContext, k: int, end: int) -> bool:
    """Is one of the (at most four) words from ``k``, before any punctuation, a predicate: a word tagged mostly
    a verb or an adjective ("materi hari kedua paling bermanfaat")?"""
    for x in range(k, min(end, k + 4)):
        w = ctx.texts[x]
        if not w.isalpha():
            return False
        if _tagged(w, ("VB", "JJ")):
            return True
    return False


def _tagged(word: str, tags: tuple[str, ...]) -> bool:
    """Is ``word`` tagged one of ``tags`` more often than anything else in the tagged corpus (:mod:`kg.vocab`)?"""
    c = pos_counts(word)
    return bool(c) and sum(c[t] for t in tags) > sum(c.values()) - sum(c[t] for t in tags)


def _refused(ctx: DocContext, s: _Sentence, t) -> bool:
    """Does a word of refusing (``REFUSAL``: "enggan", "tidak mau") stand right before the speech verb ``t``, or
    a negation before a verb of telling (``UNTOLD_VERB``: "tidak merinci identitas ...", "belum menjelaskan")?"""
    lists = ctx.lx.lists
    if t.i > 0 and ctx.texts[t.i - 1].lower() in lists["NEGATION"] and t.text.lower() in lists["UNTOLD_VERB"]:
        return True
    lead = ctx.text[max(s.ss, t.idx - 24):t.idx]
    pat = ctx.lx.derived("refusal", lambda lx: re.compile(r"\b" + lx.phrases("REFUSAL").pattern + r"\s+$", re.I))
    return pat.search(lead) is not None


def _verb_subject(ctx: DocContext, s: _Sentence, t, low: str) -> tuple | None:
    """The hint for the subject of the speech verb ``t``: a person, a pronoun or an agency before it."""
    text, lx, ss = ctx.text, ctx.lx, s.ss
    subj = [p for p in s.sp if p.end <= t.idx]
    relative = lx.derived("relative_before_verb", lambda lx: re.compile(
        r",\s*(?:yang|" + lx.phrases("GUEST_LEAD").pattern + r")\b[^,.;]*,\s*$"))
    rel = relative.search(text[ss:t.idx])
    if rel:  # "X, yang hadir mewakili Gubernur, menyatakan ...", "X, didampingi Y, mengatakan": X
        subj = [p for p in subj if p.start < ss + rel.start()] or subj
    closed = next((p for p in reversed(subj) if _RELATIVE_TO_VERB.match(without_degrees(lx, text[p.end:t.idx]))), None)
    if closed:  # "X, M.T. yang membuka kegiatan itu mewakili gubernur meminta ...": X, not the governor
        subj = subj[:subj.index(closed) + 1]
    pron = re.search(r"\b(?:Ia|Dia|ia|dia|Beliau|beliau|Pihaknya|pihaknya|Dirinya|dirinya)\b(?:\s+\w+){0,2}\s*$",
                     text[ss:t.idx])
    read = READ_FOR.search(text[ss:t.idx])
    author = next((p for p in subj if read and ss + read.start(1) <= pstart(p) < ss + read.end(1)), None)
    if author:
        return ("person", author)  # "Sambutan tertulis X yang dibacakan oleh Y menyebutkan ...": X's words
    if subj and _former_office(ctx, subj[-1], t.idx):
        return ("last", None)  # "Mantan Kepala Bappeda itu mengatakan ...": the person named last
    if subj and not re.search(r"[.;]", without_degrees(lx, text[subj[-1].end:t.idx])):
        return ("person", subj[-1])
    if pron:
        return ("pronoun", None)
    if _anaphor_subject(lx, text[ss:t.idx]):
        return ("last", None)  # "Perempuan itu mengaku ...": the person named last
    clause = low in lx.cue_clause or _clause_after(lx, text, t, s.se)
    if clause and (ag := agency_subject(text, ss, t.idx, s.agencies, s.people, lx.lists["SUBJECT_ADVERB"],
                                        lx.lists["CLAUSE_LEAD"], lx.lists["CHANNEL_LEAD"])):
        return ("agency", ag)  # "BKN menegaskan ...", "Pemkab mengusulkan, ..." (not "Pemkab mengusulkan 900 formasi")
    if clause and _anaphor_subject(lx, text[ss:t.idx], lx.lists["BODY_ANAPHOR"]):
        return ("body", None)  # "Lembaga itu juga meminta ...": the agency that spoke last
    return None


#: a relative clause with no comma from a name to its speech verb
_RELATIVE_TO_VERB = re.compile(r"\s*,?\s*yang\s[^,.;:“”\"]*$")


def _former_office(ctx: DocContext, p: PersonMention, verb: int) -> bool:
    """Is ``p`` an office without a name, after a noun pointing back ("mantan") and before "itu"/"tersebut"?"""
    if p.name is not None:
        return False
    before = ctx.text[max(0, pstart(p) - 12):pstart(p)].split()
    after = ctx.text[p.end:verb].split()
    return bool(before) and before[-1].lower() in ctx.lx.anaphor_nouns and bool(after) \
        and after[0].lower() in ctx.lx.lists["POINTING_BACK"] and after[0].lower() != "ini"


def _clause_after(lx, text: str, t, end: int) -> bool:
    """Does what follows the speech verb ``t`` (up to ``end``) open with a comma, a colon or "bahwa", or is it
    a clause (:func:`_clause_follows`)? Then it is what was said, not a thing acted on."""
    after = t.idx + len(t)
    return bool(re.match(r"\s*(?:,|:|bahwa\b)", text[after:after + 8])) or _clause_follows(lx, text[after:end])


def _clause_follows(lx, rest: str) -> bool:
    """Does a clause follow the verb, a word of ``CLAUSE_MARK`` among its first words ("Ombudsman mendorong
    pemda segera menindaklanjuti ...", "KASN menargetkan setiap laporan bisa ditindaklanjuti ...")? Not a mark
    in a relative clause ("... 12 desa yang terdapat di ..."); or a capitalised name first and a verb after
    it ("BKN merekomendasikan Pemkot X membatalkan ...")."""
    raw = rest.split()[:8]
    words = [w.lower() for w in raw]
    if any(w in lx.lists["CLAUSE_MARK"] and (i == 0 or words[i - 1] != "yang") for i, w in enumerate(words)):
        return True
    return bool(raw) and raw[0][:1].isupper() and any(
        w.startswith("me") and is_derived_word(w) and words[i - 1] not in lx.function_words
        and w not in lx.lists["HOLDING_VERB"] for i, w in enumerate(words) if i >= 1)  # (not "naik menjadi BB")


_ANAPHOR = re.compile(r"^\s*([A-Za-z]+)\b[^,.;:“”\"]{0,40}?\s(?:itu|tersebut)((?:\s+[a-z]+)*)\s*$")


def _anaphor_subject(lx, before: str, nouns=None) -> bool:
    """Does ``before`` (the sentence up to its speech verb) name the last person by a noun pointing back,
    "Jenderal bintang dua itu (juga)", "Perempuan itu"? Not "Warga desa itu": no noun of a person.
    With ``nouns`` the nouns of a body instead ("Lembaga itu")."""
    lead = _LEAD.match(before)  # "Karena itu, lembaga tersebut meminta ...": a short connective, then the subject
    nouns = lx.anaphor_nouns if nouns is None else nouns
    return any((m := _ANAPHOR.match(part)) and m.group(1).lower() in nouns
               and all(w in lx.lists["SUBJECT_ADVERB"] for w in m.group(2).split())
               for part in ([before, before[lead.end():]] if lead else [before]))


#: a connective of up to three words closed by a comma opening a sentence ("Karena itu,", "Oleh sebab itu,")
_LEAD = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2}[A-Za-z]+\s*,\s*")


def _by_inverted_cue(ctx: DocContext, s: _Sentence, t):
    """3. inverted cue: "..., tambah Pj Wali Kota, bahwa ..." / "..., sambungnya."."""
    text, lx = ctx.text, ctx.lx
    cue = cue_word(lx, t.text)
    after_pron = _pronoun_comma(lx).match(text[t.idx + len(t):t.idx + len(t) + 12])
    if not (cue and t.i > s.sent.start and (ctx.texts[t.i - 1] == "," or after_pron) and cue not in lx.cue_verbs
            and not noun_use(ctx, t.i)):
        return None
    close = text.find(",", t.idx, s.se)
    if len(text[s.ss:t.idx].split()) + (len(text[close + 1:s.se].split()) if close >= 0 else 0) < 4:
        return None  # "Perpanjangan, lanjut dia, tidak otomatis.": too few words said to be a statement
    # "..., kata Kepala Dinas Sosial X.": the speaker named after the cue, its office included
    p = next((p for p in s.sp if t.idx < pstart(p) <= t.idx + len(t) + 2), None)
    body = None if p or cue.endswith("nya") else _body_after(ctx, s, t.idx + len(t))  # not ", lanjutnya, BKD ..."
    hint = ("person", p) if p else body or ("pronoun", None)
    read = READ_FOR.search(text[s.ss:t.idx])
    author = next((p for p in s.sp if read and s.ss + read.start(1) <= pstart(p) < s.ss + read.end(1)), None)
    if author and cue in lx.cue_passive:  # "Dalam sambutan X yang dibacakan Y, disampaikan bahwa ..."
        s0 = skip_lead(text, t.idx + len(t), s.se)
        return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, ("person", author), cue)
    return QuoteCandidate(s.ss, s.se, text[s.ss:s.se].strip(), False, hint, cue)


def _body_after(ctx: DocContext, s: _Sentence, at: int) -> tuple | None:
    """A body named right after an inverted cue (", kata Bawaslu, ..."), or pointed back to (", kata lembaga
    itu, ...": the body that spoke last)."""
    text, lx = ctx.text, ctx.lx
    if ag := agency_at(s.agencies, text, at + 1):
        return ("agency", ag)
    m = re.match(r"\s+([a-z]+)\s+(?:itu|tersebut)\b", text[at:at + 30])
    return ("body", None) if m and m.group(1) in lx.lists["BODY_ANAPHOR"] else None


def _by_leading_cue(ctx: DocContext, s: _Sentence, t):
    """4. "Dikatakan X, ..." / "dikatakannya (bahwa) ...", also "Seperti disampaikan X, ..." and "Kata X,
    ..." (a cue-after word opening its sentence)."""
    text, lx, sent = ctx.text, ctx.lx, s.sent
    low = t.text.lower()
    lead = t.i == sent.start or (t.i == sent.start + 1 and ctx.texts[sent.start].lower() in lx.lists["LIKE_LEAD"]) \
        or bool(lx.derived("continuing_lead", lambda lx: re.compile(lx.phrases("CONTINUING_LEAD").pattern + r",?\s*"))
                .fullmatch(text[s.ss:t.idx]))  # "Lebih lanjut disampaikan, ..."
    if not ((low in lx.cue_passive and lead) or (low in lx.cue_after and t.i == sent.start)):
        return None
    p = next((p for p in s.sp if t.idx < pstart(p) <= t.idx + len(t) + 6), None)
    if p and (low in lx.cue_passive or text[p.end:p.end + 1] == ","):
        s0 = skip_lead(text, p.end, s.se)
        if len(text[s0:s.se].split()) >= 4:
            return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, ("person", p), low)
    # "Kata dia, ...", "Dijelaskan, ...", "Disampaikan pula bahwa ...": the last speaker goes on
    after = t.idx + len(t)
    pron = None if p else _pronoun_comma(lx).match(text[after:after + 12]) \
        or (low in lx.cue_passive and re.match(r",|(?:\s+(?:pula|juga))?\s+bahwa\b", text[after:after + 16]))
    if pron:
        s0 = skip_lead(text, after + pron.end(), s.se)
        if len(text[s0:s.se].split()) >= 4:
            return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, ("pronoun", None), low)
    return None


def _by_nya_cue(ctx: DocContext, s: _Sentence, t):
    """"..., dikatakannya": a passive cue with -nya after the statement."""
    low = t.text.lower()
    if low.endswith("nya") and low[:-3] in ctx.lx.cue_passive:
        return QuoteCandidate(s.ss, s.se, ctx.text[s.ss:s.se].strip(), False, ("pronoun", None), low)
    return None


#: The patterns of a reported statement, tried in this order on each token of a sentence.
_PATTERNS = (_by_source, _by_verb, _by_inverted_cue, _by_leading_cue, _by_nya_cue)


def _demonstrative(ctx: DocContext, sents, n: int, sp: list[PersonMention], toks,
                   agencies: list[Mention] = ()) -> QuoteCandidate | None:
    text, lx = ctx.text, ctx.lx
    for t in toks:
        if t.text.lower() in lx.cue_passive:
            p = next((p for p in sp if t.idx < pstart(p) <= t.idx + len(t) + 12), None)
            hint = ("person", p) if p else None
            if not p:  # "Hal tersebut disampaikan Dinas Kesehatan dalam keterangan resminya"
                m = re.match(r"\s+(?:oleh\s+)?", text[t.idx + len(t):])
                ag = agency_at(agencies, text, t.idx + len(t) + (m.end() if m else 0))
                hint = ("agency", ag) if ag else None
            return _said_before(ctx, sents, n, hint, t.text.lower()) if hint else None
    return None


def _active_demonstrative(ctx: DocContext, sents, n: int, s: _Sentence):
    """"X menyampaikan hal itu saat membuka rapat": a speech verb whose object points back (``SAID_OBJECT``)
    makes what came before X's statement; the sentence itself is none (``_STOP`` where nothing before is)."""
    lx, text = ctx.lx, ctx.text
    back = lx.derived("said_object", lambda lx: re.compile(r"\s+" + lx.phrases("SAID_OBJECT").pattern + r"\b", re.I))
    texts, starts = ctx.texts, ctx.token_starts
    for k in range(s.sent.start + 1, s.te):  # by index: a Token only for a speech verb with such an object
        low = ctx.lows[k]
        if low in lx.cue_verbs and (m := back.match(text, starts[k] + len(texts[k]))) \
                and not (low in lx.cue_clause and _clause_goes_on(ctx, m.end(), s.te)):
            t = ctx.doc[k]
            if low in lx.lists["CONFIRM_VERB"]:
                return _STOP  # "X membenarkan hal itu": X confirms what was reported; the words are not X's
            hint = _verb_subject(ctx, s, t, low)
            got = _said_before(ctx, sents, n, hint, low) if hint else None
            return _STOP if got is None or _told_there(ctx, got) else got  # the sentence itself is none either way
    return None


def _clause_goes_on(ctx: DocContext, at: int, end: int) -> bool:
    """Does a clause go on after the words pointing back that end at ``at`` ("Ia menduga hal itu bukan karena
    ...": "hal itu" is the subject of what was said, not its object): a negation, a clause word or a word tagged
    mostly a verb or an adjective next?"""
    k = bisect.bisect_left(ctx.token_starts, at)
    if k >= end:
        return False
    w = ctx.lows[k]
    return w in ctx.lx.lists["NEGATION"] or w in ctx.lx.lists["CLAUSE_MARK"] or _tagged(ctx.texts[k], ("VB", "JJ"))


def _told_there(ctx: DocContext, q: QuoteCandidate) -> bool:
    """Does the text ``q`` points back to tell its own speaker's words ("Dia menyebut ... . Inspektur X
    membenarkan hal itu": X confirms what another said, which stays the other's)? A speech verb in it says so."""
    texts, starts, lx = ctx.texts, ctx.token_starts, ctx.lx
    k = bisect.bisect_left(starts, q.start)
    while k < len(texts) and starts[k] < q.end:
        if ctx.lows[k] in lx.cue_verbs and not ctx.in_quote(starts[k]):
            return True
        k += 1
    return False


def _said_before(ctx: DocContext, sents, n: int, hint: tuple, cue: str) -> QuoteCandidate | None:
    """What sentence ``n`` points back to: the sentence before it, or the whole paragraph before where
    sentence ``n`` opens its own; None inside a quotation or for fewer than five words."""
    text = ctx.text
    sent = sents[n]
    para_start = text.rfind("\n", 0, sent.start_char) + 1
    prev = sents[n - 1]
    ps, pe = prev.start_char, prev.end_char
    if not text[para_start:sent.start_char].strip():
        # the sentence opens its paragraph: the whole previous paragraph is meant
        k = n - 1
        para = text.rfind("\n", 0, sents[k].start_char)  # the previous paragraph starts after it
        while k > 0 and sents[k - 1].start_char > para:
            k -= 1
        ps = max(sents[k].start_char, para + 1)
    while pe > ps and text[pe - 1].isspace():
        pe -= 1
    while ps < pe and text[ps].isspace():
        ps += 1
    if ctx.in_quote(ps + 1) or len(text[ps:pe].split()) < 5:
        return None
    return QuoteCandidate(ps, pe, text[ps:pe], False, hint, cue)
