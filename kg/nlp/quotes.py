"""Who said what: direct quotations and reported statements with their speaker cues.

Quotation marks are paired once per document (``DocContext.quote_marks``, by
:func:`kg.nlp.marks.find_quote_marks`). :func:`iter_quotes` yields :class:`QuoteCandidate` records
whose ``hint`` says how the speaker is given:

* ``("person", PersonMention)``: a named or titled speaker beside the quote
  ("jelas Wahyu", "kata Pj Wali Kota Wahyu", "X mengatakan, “...”");
* ``("pronoun", None)``: a -nya cue ("urainya", "pungkasnya") or "ia"/"dia";
  resolved to the salient speaker by the assembler;
* ``("carry", None)``: no cue; the speaker of the surrounding quotes carries over;
* ``("none", None)``: an unnamed speaker ("ujar warga");
* ``("agency", Mention)``: an agency that is the subject of a speech verb ("KPK meminta ...",
  "Ombudsman menduga, ..."): the agency speaks as a body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator

from .context import DocContext, Mention
from .people import PersonMention

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["QuoteCandidate", "iter_quotes", "demonstrative"]



def demonstrative(lx) -> re.Pattern:
    """A sentence opening on a word that points back to what was said ("Hal itu", "Demikian", "Imbauan")."""
    return re.compile(r"^\W*" + lx.phrases("DEMONSTRATIVE_LEAD").pattern + r"\b")


@dataclass(frozen=True)
class QuoteCandidate:
    """A quote before its speaker is resolved to an entity."""

    start: int
    end: int
    text: str
    direct: bool
    hint: tuple[str, PersonMention | Mention | None]
    cue: str | None = None






def _pstart(p: PersonMention) -> int:
    """Where a person mention begins, its title included ("kata Pj Wali Kota Wahyu")."""
    return p.title_start if p.title_start is not None and p.title_start < p.start else p.start


def _person_after(people: list[PersonMention], pos: int, limit: int, text: str, lx=None) -> PersonMention | None:
    for p in people:
        if pos <= _pstart(p) <= pos + limit:
            between = _without_degrees(lx, text[pos:_pstart(p)]) if lx else text[pos:_pstart(p)]  # "kata dr. X"
            if re.search(r"[.!?;\n“”\"]", between):
                return None
            return p
    return None


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    s = max(text.rfind("\n", 0, pos), -1) + 1
    e = text.find("\n", pos)
    e = len(text) if e < 0 else e
    return s, e


def _cue_word(lx, word: str) -> str | None:
    w = word.lower()
    if w in lx.cue_after or w in lx.cue_passive or w in lx.cue_verbs:
        return w
    if w.endswith("nya") and (w[:-3] in lx.cue_after or w[:-3] in lx.cue_passive):
        return w
    return None


def _noun_use(ctx: DocContext, i: int) -> bool:
    """Is the cue word at ``i`` a noun here, a lower-case word after it that names no speaker (", nilai
    tertinggi diraih ...": not ", nilai dia" nor ", ujar warga" nor ", tambahnya"), or a policy's name
    (", nilai SAKIP naik ...": a policy never speaks)?"""
    lx, texts = ctx.lx, ctx.texts
    if texts[i].lower().endswith("nya"):
        return False
    if ctx.longest(i + 1, ("POLICY",)):
        return True
    nxt = texts[i + 1] if i + 1 < len(texts) else ""
    low = nxt.lower()
    return nxt.isalpha() and nxt.islower() and low not in lx.pronouns \
        and low not in lx.anaphor_nouns and low not in lx.lists["UNNAMED_SPEAKER"] \
        and low not in lx.lists["SUBJECT_ADVERB"] and low not in ("oleh", "salah", "seorang", "bahwa")


def _tail_cue(ctx: DocContext, toks, start: int) -> bool:
    """Does a cue after a comma ("..., tambahnya.") make the whole sentence the statement, rather than a
    speech verb inside it ("Pihaknya menargetkan ..., tambahnya.")?"""
    texts, lx = ctx.texts, ctx.lx
    return any(texts[x.i - 1] == "," and (c := _cue_word(lx, x.text)) and c not in lx.cue_verbs
               and not _noun_use(ctx, x.i) for x in toks if x.i > start)


def _after_cue(ctx: DocContext, people: list[PersonMention], close: int, para_end: int,
               agencies: list[Mention] = ()):
    """Speaker cue after a closing mark: (hint, cue, end of cue) or None."""
    text, lx = ctx.text, ctx.lx
    tail = text[close:min(para_end, close + 120)]
    m = re.match(r"^[”“\"»›″’]?\s*[,.!?]?\s*(?:(?:[Bb]egitu|[Dd]emikian|[Ss]eperti|[Ss]ebagaimana)\s+)?(?P<cue>[A-Za-z-]+)(?:\s+oleh)?", tail)
    if not m:
        return None
    cue = _cue_word(lx, m.group("cue"))
    if not cue:
        return None
    after = close + m.end()
    rest = text[after:after + 40].lstrip(" ,")
    if cue.endswith("nya") and cue[:-3] in (lx.cue_after | lx.cue_passive):
        return ("pronoun", None), cue, after
    first = rest.split()[0].strip(".,").lower() if rest.split() else ""
    if first in ("dia", "ia", "beliau"):
        return ("pronoun", None), cue, after
    m2 = re.match(r"^([a-z]+(?: [a-z]+){0,2}) (?:itu|tersebut|ini)\b", rest)
    m3 = re.match(r"^([a-z]+) [^.,;:“”\"]{1,60}? (?:itu|tersebut)\b", text[after:after + 90].lstrip(" ,"))
    if m2 and m2.group(1) in lx.anaphor_nouns or m3 and m3.group(1) in lx.anaphor_nouns:
        return ("pronoun", None), cue, after  # "kata politikus itu": the person just named
    p = _person_after(people, after, 12, text, lx)
    if p:
        return ("person", p), cue, p.end
    lead = re.match(r"\s*(?:pihak\s+)?", text[after:after + 12])
    ag = _agency_at(agencies, text, after + lead.end())
    if ag:
        return ("agency", ag), cue, ag.end  # "“...,” tulis BKN dalam siaran persnya", "ujar pihak Dinas X"
    if first in lx.lists["UNNAMED_SPEAKER"] or (rest[:1].islower() and first not in lx.function_words):
        return ("none", None), cue, after
    return ("pronoun", None), cue, after


def _before_cue(ctx: DocContext, people: list[PersonMention], open_at: int, agencies: list[Mention] = ()):
    """Speaker given before the opening mark: "X mengatakan, “...”"."""
    text, lx = ctx.text, ctx.lx
    ps, _ = _sentence_bounds(text, open_at)
    head = text[ps:open_at]
    # only the clause since the last sentence end
    cut = max(head.rfind(". "), head.rfind("” "), head.rfind('" '))
    if cut >= 0:
        ps += cut + 2
        head = text[ps:open_at]
    tail = max(0, len(head) - 200)  # the verb ends the clause: searching all of a long one is quadratic
    m = re.search(r"(?P<verb>[A-Za-z-]+)\s*[,:]?\s*$", head[tail:])
    if not m:
        return None
    verb = m.group("verb").lower()
    if not (verb in lx.cue_verbs or verb in lx.cue_passive or verb == "menurutnya"):
        subj = [p for p in people if ps <= p.start < open_at]
        if re.search(r"\bmenurut\b", head, re.I) and subj:
            return ("person", subj[-1]), "menurut"
        return None
    subj = [p for p in people if ps <= p.start < ps + tail + m.start()]
    if subj:
        return ("person", subj[-1]), verb
    ag = _agency_subject(text, ps, ps + tail + m.start(), agencies, people, lx.lists["SUBJECT_ADVERB"]) if verb in lx.cue_verbs else None
    if ag:
        return ("agency", ag), verb  # "BKN menegaskan, “...”"
    return ("pronoun", None), verb


def _direct(ctx: DocContext, people: list[PersonMention], agencies: list[Mention] = ()) -> list[QuoteCandidate]:
    text = ctx.text
    quotes: list[QuoteCandidate] = []
    unclosed: list[bool] = []
    marks = ctx.quote_marks  # paired once, by the document context
    for s, e, closed in marks:
        inner = text[s:e]
        words = inner.split()
        if len(words) < 3:
            continue
        _, para_end = _sentence_bounds(text, e)
        after = _after_cue(ctx, people, e, para_end, agencies) if closed else None
        before = _before_cue(ctx, people, s - 1, agencies)
        if after:
            hint, cue, _ = after
        elif before:
            hint, cue = before
        else:
            hint, cue = _named_next(ctx, people, e) or (("carry", None), None)
        if len(words) < 6 and cue is None and not re.search(r"[.,!?]$", inner):
            continue  # a title or a scare quote, not a quotation
        quotes.append(QuoteCandidate(s, e, inner, True, hint, cue))
        unclosed.append(not closed)
    # a quotation left open at a paragraph's end goes on in the next paragraph's: same speaker
    for k in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[k], quotes[k + 1]
        if unclosed[k] and q.hint[0] == "carry" and re.fullmatch(r"\s*\n\s*[“\"„«]?", text[q.end:nxt.start]):
            quotes[k] = replace(q, hint=nxt.hint, cue=nxt.cue)
    # "“A,” tegasnya, “B.”": one quotation split around its cue
    merged: list[QuoteCandidate] = []
    for q in quotes:
        if merged:
            p = merged[-1]
            gap = text[p.end:q.start]
            if p.cue and q.hint[0] == "carry" and len(gap) < 40 and "\n" not in gap and \
                    re.match(r"^[”\"]?\s*,?\s*[A-Za-z-]+(?:\s+[A-Z][\w.]*){0,4}\s*,\s*[“\"]?$", gap):
                merged[-1] = QuoteCandidate(p.start, q.end, p.text + " " + q.text, True, p.hint, p.cue)
                continue
        merged.append(q)
    return merged


#: "Menurut keterangan X, ...", "Berdasarkan data BPS, ...": the words that give a source after the cue
_SOURCE = re.compile(r"(?:\s+(?:keterangan|penjelasan|pengakuan|catatan|data|laporan|hasil\s+pemeriksaan))?(?=\s)")


#: how a sentence may lead up to its subject: nothing, a clause closed by a comma, a dateline's dash, "pihak"
_SUBJECT_LEAD = re.compile(r"(?:^|[,\u2013\u2014-]|\b[Pp]ihak)$")  # matched on the stripped lead


def _agency_at(agencies: list[Mention], text: str, pos: int, then: str = "") -> Mention | None:
    """The agency mention that starts right after ``pos`` (spaces between), followed by ``then`` if given."""
    m = max((m for m in agencies if pos <= m.start and not text[pos:m.start].strip()), key=lambda m: m.end, default=None)
    return m if m and (not then or text[m.end:m.end + len(then)] == then) else None


def _agency_subject(text: str, ss: int, verb: int, agencies: list[Mention],
                    people: list[PersonMention], adverbs: frozenset[str]) -> Mention | None:
    """The agency that is the subject of the speech verb at ``verb``: the agency mention just before
    it (nothing but adverbs between), opening its sentence or following a lead closed by a comma
    or a dateline's dash; never an agency inside an office ("Kepala BKN mengatakan")."""
    before = sorted((m for m in agencies if ss <= m.start and m.end <= verb), key=lambda m: (-m.end, m.start))
    for m in before[:3]:
        between = text[m.end:verb]
        insert = _INSERT.match(between)  # "Inspektorat, sebagai aparat pengawas internal, menyatakan ..."
        if insert and any(m.end + insert.start() < o.start < m.end + insert.end() for o in [*agencies, *people]):
            continue
        rest = between[insert.end():] if insert else between
        if not all(w.lower() in adverbs for w in rest.split()) or not (insert or between[:1] in (" ", "\n")) \
                or not _SUBJECT_LEAD.search(text[ss:m.start].strip()):
            continue
        if any(p.start < m.end and m.start < p.end for p in people):
            return None
        return m
    return None


#: A comma-enclosed insert between a subject and its verb ("..., dalam keterangan tertulisnya, ...").
_INSERT = re.compile(r"\s*,[^,.;:“”\"]{3,90},\s*")


@dataclass(frozen=True)
class _Sentence:
    """A sentence searched for a reported statement: its trimmed span ``ss:se`` (cut where a direct
    quotation starts), its tokens there and the people it names, with the document's quotes and agencies."""

    sent: Span
    ss: int
    se: int
    toks: list
    sp: list[PersonMention]
    people: list[PersonMention]
    direct: list[QuoteCandidate]
    agencies: list[Mention]


#: A pattern's verdict on a token beside a candidate: go on with the next token / give up the sentence.
_NEXT, _STOP = object(), object()


def _statements(ctx: DocContext, people: list[PersonMention], direct: list[QuoteCandidate],
                agencies: list[Mention] = ()) -> Iterator[QuoteCandidate]:
    """Reported statements, one a sentence at most: the first pattern that matches a token of it."""
    sents = [s for s in ctx.doc.sents if s.text.strip()]
    for n, sent in enumerate(sents):
        span = _statement_span(ctx, sent, direct)
        if span is None:
            continue
        ss, se = span
        s = _Sentence(sent, ss, se, [t for t in sent if t.idx < se], [p for p in people if ss <= p.start < se],
                      people, direct, agencies)
        # 5. "Hal tersebut disampaikan X": what came before is X's statement
        if demonstrative(ctx.lx).match(ctx.text[ss:se]) and n > 0:
            back = _demonstrative(ctx, sents, n, s.sp, s.toks, agencies)
            if back:
                yield back
                continue
        for t in s.toks:
            got = next((v for v in (p(ctx, s, t) for p in _PATTERNS) if v is not None), None)
            if got is _STOP:
                break
            if got is not None and got is not _NEXT:
                yield got
                break


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
    source = _SOURCE.match(text, t.idx + len(t)) if low in ("menurut", "berdasarkan") else None
    if not (low == "menurutnya" or low == "menurut" or source and source.group(0).strip()):
        return None
    s0 = source.end() if source else t.idx + len(t)  # "Menurut keterangan X", "Berdasarkan data BPS"
    hint: tuple = ("pronoun", None)
    if any(t.idx < q.start <= s.sent.end_char for q in s.direct):
        return _STOP  # "Menurut X, “...”": the cue of a quotation
    if low != "menurutnya":
        named = _source_named(ctx, s, s0)
        if named is None:
            return _NEXT
        hint, s0 = named
    s0 = _skip(text, s0, s.se)
    if len(text[s0:s.se].split()) >= 4:
        return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, hint, low)
    return None


def _source_named(ctx: DocContext, s: _Sentence, s0: int) -> tuple[tuple, int] | None:
    """(hint, where the statement starts) for the source named after "Menurut" at ``s0``."""
    text, lx = ctx.text, ctx.lx
    p = next((p for p in s.sp if s0 <= _pstart(p) <= s0 + 3
              or s0 < _pstart(p) <= s0 + 24 and all(w.rstrip(".").lower() in lx.address
                                                    for w in text[s0:_pstart(p)].split())), None)
    if p:
        return ("person", p), p.end
    if re.match(r"^\s*(?:dia|ia|beliau)\b", text[s0:s0 + 8]):
        return ("pronoun", None), s0 + len(re.match(r"^\s*\w+", text[s0:]).group(0))
    if ag := _agency_at(s.agencies, text, s0, ","):
        return ("agency", ag), ag.end  # "Menurut BKN, ..."
    if (an := re.match(r"^\s*([a-z]+)\b[^,.;“”\"]{0,60}?\b(?:itu|tersebut)\s*(?=,)", text[s0:s0 + 80])) \
            and an.group(1) in lx.anaphor_nouns:
        return ("pronoun", None), s0 + an.end()  # "Menurut politikus Partai Golkar itu, ...": the person just named
    return None


def _by_verb(ctx: DocContext, s: _Sentence, t):
    """2. "X (juga) mengatakan (bahwa) ..."."""
    doc, text, lx = ctx.doc, ctx.text, ctx.lx
    low = t.text.lower()
    as_verb = low in lx.cue_after and any(0 <= t.idx - p.end <= 1 for p in s.sp)
    phrase = ctx.longest(t.i, ("CUE_PHRASE",))  # "memberikan apresiasi kepada ...": said from the noun on
    if not ((low in lx.cue_verbs or as_verb or phrase) and t.i > s.sent.start and not _tail_cue(ctx, s.toks, s.sent.start)):
        return None
    hint = _verb_subject(ctx, s, t, low)
    if hint is None:
        return _NEXT
    s0 = doc[phrase.j - 1].idx if phrase else _skip(text, t.idx + len(t), s.se)
    if not phrase and t.i > s.sent.start and ctx.texts[t.i - 1].lower() in lx.lists["NEGATION"]:
        s0 = doc[t.i - 1].idx  # "Ia tidak ingin birokrasi ...": the words keep their negation
    if len(text[s0:s.se].split()) >= 4 and text[s0:s0 + 1] not in "“\"":
        return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, hint, low)
    return None


def _verb_subject(ctx: DocContext, s: _Sentence, t, low: str) -> tuple | None:
    """The hint for the subject of the speech verb ``t``: a person, a pronoun or an agency before it."""
    text, lx, ss = ctx.text, ctx.lx, s.ss
    subj = [p for p in s.sp if p.end <= t.idx]
    rel = re.search(r",\s*yang\b[^,.;]*,\s*$", text[ss:t.idx])
    if rel:  # "X, yang hadir mewakili Gubernur, menyatakan ...": X, not the one in the clause
        subj = [p for p in subj if p.start < ss + rel.start()] or subj
    pron = re.search(r"\b(?:Ia|Dia|ia|dia|Beliau|beliau|Pihaknya|pihaknya|Dirinya|dirinya)\b(?:\s+\w+){0,2}\s*$",
                     text[ss:t.idx])
    read = _READ_FOR.search(text[ss:t.idx])
    author = next((p for p in subj if read and ss + read.start(1) <= _pstart(p) < ss + read.end(1)), None)
    if author:
        return ("person", author)  # "Sambutan tertulis X yang dibacakan oleh Y menyebutkan ...": X's words
    if subj and not re.search(r"[.;]", _without_degrees(lx, text[subj[-1].end:t.idx])):
        return ("person", subj[-1])
    if pron:
        return ("pronoun", None)
    if (ag := _agency_subject(text, ss, t.idx, s.agencies, s.people, lx.lists["SUBJECT_ADVERB"])) and (
            low in lx.cue_clause or re.match(r"\s*(?:,|:|bahwa\b)", text[t.idx + len(t):t.idx + len(t) + 8])):
        return ("agency", ag)  # "BKN menegaskan ...", "Pemkab mengusulkan, ..." (not "Pemkab mengusulkan 900 formasi")
    return None


def _by_inverted_cue(ctx: DocContext, s: _Sentence, t):
    """3. inverted cue: "..., tambah Pj Wali Kota, bahwa ..." / "..., sambungnya."."""
    doc, text, lx = ctx.doc, ctx.text, ctx.lx
    cue = _cue_word(lx, t.text)
    after_pron = re.match(r"^\s+(?:dia|ia|beliau)\s*,", text[t.idx + len(t):t.idx + len(t) + 12])
    if not (cue and t.i > s.sent.start and (doc[t.i - 1].text == "," or after_pron) and cue not in lx.cue_verbs
            and not _noun_use(ctx, t.i)):
        return None
    p = next((p for p in s.sp if t.idx < p.start <= t.idx + len(t) + 2), None)
    hint = ("person", p) if p else ("pronoun", None)
    read = _READ_FOR.search(text[s.ss:t.idx])
    author = next((p for p in s.sp if read and s.ss + read.start(1) <= _pstart(p) < s.ss + read.end(1)), None)
    if author and cue in lx.cue_passive:  # "Dalam sambutan X yang dibacakan Y, disampaikan bahwa ..."
        s0 = _skip(text, t.idx + len(t), s.se)
        return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, ("person", author), cue)
    return QuoteCandidate(s.ss, s.se, text[s.ss:s.se].strip(), False, hint, cue)


def _by_leading_cue(ctx: DocContext, s: _Sentence, t):
    """4. "Dikatakan X, ..." / "dikatakannya (bahwa) ...", also "Seperti disampaikan X, ..." and "Kata X,
    ..." (a cue-after word opening its sentence)."""
    doc, text, lx, sent = ctx.doc, ctx.text, ctx.lx, s.sent
    low = t.text.lower()
    lead = t.i == sent.start or (t.i == sent.start + 1 and doc[sent.start].text.lower() in ("seperti", "sebagaimana")) \
        or bool(re.fullmatch(lx.phrases("CONTINUING_LEAD").pattern + r",?\s*", text[s.ss:t.idx]))  # "Lebih lanjut disampaikan, ..."
    if not ((low in lx.cue_passive and lead) or (low in lx.cue_after and t.i == sent.start)):
        return None
    p = next((p for p in s.sp if t.idx < _pstart(p) <= t.idx + len(t) + 6), None)
    if p and (low in lx.cue_passive or text[p.end:p.end + 1] == ","):
        s0 = _skip(text, p.end, s.se)
        if len(text[s0:s.se].split()) >= 4:
            return QuoteCandidate(s0, s.se, text[s0:s.se].strip(), False, ("person", p), low)
    # "Kata dia, ...", "Dijelaskan, ...", "Lebih lanjut disampaikan, ...": the last speaker goes on
    after = t.idx + len(t)
    pron = None if p else re.match(r"\s+(?:dia|ia|beliau)\s*,", text[after:after + 12]) \
        or (low in lx.cue_passive and re.match(r",", text[after:after + 1]))
    if pron:
        s0 = _skip(text, after + pron.end(), s.se)
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


def _named_next(ctx: DocContext, people: list[PersonMention], close: int):
    """A quotation's speaker named by the sentence after it: "“...”  Demikian dikatakan X." /
    "Hal itu disampaikan X ..." -> (("person", X), cue), or None."""
    text, lx = ctx.text, ctx.lx
    m = re.match(r"[”“\"»›″’]?\s*", text[close:close + 8])
    pos = close + (m.end() if m else 0)
    if not demonstrative(lx).match(text[pos:pos + 40]):
        return None
    for w in re.finditer(r"[A-Za-z-]+", text[pos:pos + 60]):
        if w.group(0).lower() in lx.cue_passive:
            p = _person_after(people, pos + w.end(), 12, text)
            return (("person", p), w.group(0).lower()) if p else None
    return None


def _demonstrative(ctx: DocContext, sents, n: int, sp: list[PersonMention], toks,
                   agencies: list[Mention] = ()) -> QuoteCandidate | None:
    text, lx = ctx.text, ctx.lx
    for t in toks:
        if t.text.lower() in lx.cue_passive:
            p = next((p for p in sp if t.idx < _pstart(p) <= t.idx + len(t) + 12), None)
            hint = ("person", p) if p else None
            if not p:  # "Hal tersebut disampaikan Dinas Kesehatan dalam keterangan resminya"
                m = re.match(r"\s+(?:oleh\s+)?", text[t.idx + len(t):])
                ag = _agency_at(agencies, text, t.idx + len(t) + (m.end() if m else 0))
                hint = ("agency", ag) if ag else None
            if not hint:
                return None
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
            return QuoteCandidate(ps, pe, text[ps:pe], False, hint, t.text.lower())
    return None


#: a speech read on its author's behalf: the author's mention is group 1
_READ_FOR = re.compile(r"\b[Ss]ambutan(?:\s+tertulis)?\s+(.{3,120}?)\s+(?:yang\s+)?(?:di)?bacakan\b")
_WORDISH = re.compile(r"[A-Za-z][A-Za-z.]*")
_CAPS_DEGREE = re.compile(r"[A-Z]{2,5}\.")  # "X, S.H., MAB., menegaskan": a degree the lexicon lacks


def _without_degrees(lx, between: str) -> str:
    """Words between a name and its cue without the degrees, honorifics and ranks there (", S.H., M.H.,", "dr.")."""
    if "." not in between:
        return between  # nothing to drop that could hide a sentence end
    return _WORDISH.sub(lambda m: "" if m.group(0).rstrip(".").lower() in lx.address
                        or _CAPS_DEGREE.fullmatch(m.group(0)) else m.group(0), between)


def _skip(text: str, s: int, limit: int) -> int:
    m = re.match(r"^\s*(?:,|:)?\s*(?:bahwa\s+|jika\s+|kalau\s+)?(?:,\s*)?", text[s:limit])
    return s + (m.end() if m else 0)


#: An interview answer: a paragraph opening on its speaker's name and a colon ("Ranying: Itu penipuan.").
_ANSWER = re.compile(r"^[ \t]*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})[ \t]*:[ \t]+(\S[^\n]*?)\s*$", re.M)


def _answers(ctx: DocContext, people: list[PersonMention]) -> list[QuoteCandidate]:
    """The answers of an interview printed as questions and answers ("Tanya: ... / Ranying: ..."):
    each paragraph opening on the name, or one word of the name, of a person named before it is
    that person's words."""
    out = []
    for m in _ANSWER.finditer(ctx.text):
        label = m.group(1).rstrip(".")
        who = next((p for p in reversed(people) if p.name and p.end <= m.start()
                    and (label == p.name or " " not in label and label in p.name.split())), None)
        if who is not None and len(m.group(2).split()) >= 3:
            out.append(QuoteCandidate(m.start(2), m.end(2), m.group(2), True, ("person", who), None))
    return out


#: Words a reported statement has at least: a shorter one is a fragment of a report ("Ia mengaku
#: bangga atas capaian itu.": four), not a statement worth citing. Five-word statements are cited
#: ("Pihaknya masih menunggu keputusan BKN."). Numbers count as written: "79,12" is two words.
MIN_STATEMENT_WORDS = 5


def iter_quotes(ctx: DocContext, people: list[PersonMention],
                agencies: list[Mention] = ()) -> Iterator[QuoteCandidate]:
    """Direct quotations, then reported statements of at least :data:`MIN_STATEMENT_WORDS` words that
    do not overlap them. ``agencies``: the document's agency mentions, for statements an agency
    makes as a body."""
    people = sorted(people, key=lambda p: p.start)
    direct = _direct(ctx, people, agencies)
    direct += [a for a in _answers(ctx, people) if not any(a.start < q.end and q.start < a.end for q in direct)]
    yield from direct
    said: list[QuoteCandidate] = []
    for st in _statements(ctx, people, direct, agencies):
        if any(st.start < q.end and q.start < st.end for q in direct):
            continue
        if len(re.findall(r"[^\W_]+", st.text)) < MIN_STATEMENT_WORDS:
            continue
        if st.hint[0] == "agency" and st.cue in ctx.lx.cue_passive and \
                any(st.start < q.end and q.start < st.end for q in said):
            continue  # "Hal tersebut disampaikan <agency>" after a statement that has its own speaker
        said.append(st)
        yield st
