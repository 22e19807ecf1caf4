"""Who said what: direct quotations and reported statements with their speaker cues.

Quotation marks are paired once per document (``DocContext.quote_marks``, by
:func:`kg.nlp.marks.find_quote_marks`). :func:`iter_quotes` yields :class:`QuoteCandidate` records
whose ``hint`` says how the speaker is given:

* ``("person", PersonMention)``: a named or titled speaker beside the quote
  ("jelas Wahyu", "kata Pj Wali Kota Wahyu", "X mengatakan, “...”");
* ``("pronoun", None)``: a -nya cue ("urainya", "pungkasnya") or "ia"/"dia";
  resolved to the salient speaker by the assembler;
* ``("last", None)``: a noun pointing back as the subject ("Perempuan itu mengaku ..."): the person
  named last before it;
* ``("carry", None)``: no cue; the speaker of the surrounding quotes carries over;
* ``("none", None)``: an unnamed speaker ("ujar warga");
* ``("agency", Mention)``: an agency that is the subject of a speech verb ("KPK meminta ...",
  "Ombudsman menduga, ..."): the agency speaks as a body.
* ``("body", None)``: a noun of a body pointing back as the subject ("Lembaga itu meminta ..."): the
  agency that spoke last.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from .context import DocContext, Mention
from .people import PersonMention
from .quote_cues import QuoteCandidate, agency_at, agency_subject, cue_word, demonstrative, person_after
from .statements import statements

__all__ = ["QuoteCandidate", "iter_quotes", "demonstrative"]


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    s = max(text.rfind("\n", 0, pos), -1) + 1
    e = text.find("\n", pos)
    e = len(text) if e < 0 else e
    return s, e


def _after_cue(ctx: DocContext, people: list[PersonMention], close: int, para_end: int,
               agencies: list[Mention] = ()):
    """Speaker cue after a closing mark: (hint, cue, end of cue) or None."""
    text, lx = ctx.text, ctx.lx
    tail = text[close:min(para_end, close + 120)]
    m = re.match(r"^[”“\"»›″’]?\s*[,.!?]?\s*(?:(?:[Bb]egitu|[Dd]emikian|[Ss]eperti|[Ss]ebagaimana)\s+)?(?P<cue>[A-Za-z-]+)(?:\s+oleh)?", tail)
    if not m:
        return None
    cue = cue_word(lx, m.group("cue"))
    if not cue:
        return None
    after = close + m.end()
    rest = text[after:after + 40].lstrip(" ,")
    if cue.endswith("nya") and cue[:-3] in (lx.cue_after | lx.cue_passive):
        return ("pronoun", None), cue, after
    first = rest.split()[0].strip(".,").lower() if rest.split() else ""
    if first in lx.lists["SPEAKER_PRONOUN"]:
        return ("pronoun", None), cue, after
    m2 = re.match(r"^([a-z]+(?: [a-z]+){0,2}) (?:itu|tersebut|ini)\b", rest)
    m3 = re.match(r"^([a-z]+) [^.,;:“”\"]{1,60}? (?:itu|tersebut)\b", text[after:after + 90].lstrip(" ,"))
    if m2 and m2.group(1) in lx.lists["BODY_ANAPHOR"]:
        return ("body", None), cue, after  # "kata lembaga itu": the body that spoke last
    if m2 and m2.group(1) in lx.anaphor_nouns or m3 and m3.group(1) in lx.anaphor_nouns:
        return ("pronoun", None), cue, after  # "kata politikus itu": the person just named
    p = person_after(people, after, 12, text, lx)
    if p:
        return ("person", p), cue, p.end
    lead = re.match(r"\s*(?:pihak\s+)?", text[after:after + 12])
    ag = agency_at(agencies, text, after + lead.end())
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
    ag = agency_subject(text, ps, ps + tail + m.start(), agencies, people, lx.lists["SUBJECT_ADVERB"],
                       lx.lists["CLAUSE_LEAD"], lx.lists["CHANNEL_LEAD"]) if verb in lx.cue_verbs else None
    if ag:
        return ("agency", ag), verb  # "BKN menegaskan, “...”"
    return ("pronoun", None), verb


def _titled(ctx: DocContext, s: int) -> bool:
    """Does a word giving a title (``THEME`` in ``event_words.jsonl``: "bertajuk", "bertema") stand right before
    the quotation mark opening at ``s - 1``?"""
    before = ctx.text[max(0, s - 16):s - 1].split()
    return bool(before) and before[-1].lower() in ctx.lx.event_words.get("THEME", frozenset())


def _direct(ctx: DocContext, people: list[PersonMention], agencies: list[Mention] = ()) -> list[QuoteCandidate]:
    text = ctx.text
    quotes: list[QuoteCandidate] = []
    unclosed: list[bool] = []
    marks = ctx.quote_marks  # paired once, by the document context
    for s, e, closed in marks:
        inner = text[s:e]
        words = inner.split()
        if len(words) < 3 or _titled(ctx, s):
            continue  # (a title after "bertajuk"/"bertema": the name of a happening, not words said)
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
            p = person_after(people, pos + w.end(), 12, text, lx)  # "Pesan itu disampaikan Dr. X"
            return (("person", p), w.group(0).lower()) if p else None
    return None


#: An interview answer: a paragraph opening on its speaker's name and a colon ("Ranying: Itu penipuan.").
_ANSWER = re.compile(r"^[ \t]*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})[ \t]*:[ \t]+(\S[^\n]*?)\s*$", re.M)


def _answers(ctx: DocContext, people: list[PersonMention]) -> list[QuoteCandidate]:
    """The answers of an interview printed as questions and answers ("Tanya: ... / Ranying: ..."):
    each paragraph opening on the name, or one word of the name, of a person named before it is
    that person's words; so is each opening on the label of an answer (``QA_LABEL``: "Jawab:", "J:"),
    the words of the person named last before the first labelled line ("Tanya: ... / Jawab: ...")."""
    out, labels = [], ctx.lx.kinds("QA_LABEL")
    first = next((m.start() for m in _ANSWER.finditer(ctx.text) if m.group(1).lower() in labels), None)
    for m in _ANSWER.finditer(ctx.text):
        label = m.group(1).rstrip(".")
        who = next((p for p in reversed(people) if p.name and p.end <= m.start()
                    and (label == p.name or " " not in label and label in p.name.split())), None)
        if labels.get(label.lower()) == "answer":  # "Jawab: ...": the one interviewed, named before the first label
            who = next((p for p in reversed(people) if p.name and p.end <= first), None)
        if who is not None and len(m.group(2).split()) >= 3:
            out.append(QuoteCandidate(m.start(2), m.end(2), m.group(2), True, ("person", who), None))
    return out


_QUOTE_MARKS = re.compile(r"[“”\"„«»]")


def _lines_with_words(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` that is not blank."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _bare_answers(ctx: DocContext, people: list[PersonMention]) -> list[QuoteCandidate]:
    """The answers of an interview printed as bare questions and answers: a paragraph that is only a
    question ("Anggaran pengawasan cukup?") and the unquoted paragraph after it, at least twice in the
    text; each answer is the words of the person named last before the first question."""
    text = ctx.text
    paras = _lines_with_words(text)
    bare = [not _QUOTE_MARKS.search(text[s:e]) for s, e in paras]
    asked = {k for k, (s, e) in enumerate(paras) if k and bare[k] and text[s:e].rstrip().endswith("?")
             and len(text[s:e].split()) <= 25}
    named = [p.start for p in people if p.name]
    answers = [k + 1 for k in sorted(asked) if k + 1 < len(paras) and k + 1 not in asked and bare[k + 1]
               and not _ANSWER.match(text, paras[k + 1][0])
               and not any(paras[k + 1][0] <= at < paras[k + 1][1] for at in named)]
    # (not "Menurut X, ..." after a question: a paragraph naming a person is the writer's report)
    if len(answers) < 2:
        return []
    first = paras[min(asked)][0]
    who = next((p for p in reversed(people) if p.name and p.end <= first), None)
    if who is None:
        return []
    out = []
    for k in answers:
        s, e = paras[k]
        s += len(text[s:e]) - len(text[s:e].lstrip())
        e -= len(text[s:e]) - len(text[s:e].rstrip())
        out.append(QuoteCandidate(s, e, text[s:e], True, ("person", who), None))
    return out


#: Words a statement's first sentence has at least, else the next sentence goes on with it
CITED_WORDS = 6


def _continued(ctx: DocContext, st: QuoteCandidate) -> QuoteCandidate:
    """A reported statement whose sentence is shorter than :data:`CITED_WORDS` words, with the next sentence of
    its paragraph, where that one has no quotation marks, no speech cue and no name of a person or body of
    its own: the report goes on ("X mengatakan petugas tidak menyita barang. Pedagang diberi waktu ...")."""
    if len(re.findall(r"[^\W_]+", st.text)) >= CITED_WORDS or not st.text.rstrip().endswith(".") \
            or re.search(r"\byang\b", st.text):
        return st  # (not "merinci sanksi yang bisa dijatuhkan.": a thing told of, no clause)
    span = ctx.doc.char_span(st.end - 1, st.end, alignment_mode="expand")
    sent = span.sent if span is not None else None
    if sent is None or sent.end >= len(ctx.doc):
        return st
    nxt = ctx.doc[sent.end].sent
    gap = ctx.text[st.end:nxt.start_char]
    words = {t.lower() for t in ctx.texts[nxt.start:nxt.end]}
    if "\n" in gap or _QUOTE_MARKS.search(nxt.text) or words & ctx.lx.cue_tokens or words & ctx.lx.lists["SOURCE_CUE"] \
            or any(ctx.hits_at(k, "AGENCY") or ctx.hits_at(k, "TITLE") for k in range(nxt.start, nxt.end)):
        return st
    end = st.start + len(ctx.text[st.start:nxt.end_char].rstrip())
    return replace(st, end=end, text=ctx.text[st.start:end])


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
    direct += [a for a in _bare_answers(ctx, people) if not any(a.start < q.end and q.start < a.end for q in direct)]
    yield from direct
    said: list[QuoteCandidate] = []
    for st in statements(ctx, people, direct, agencies):
        if any(st.start < q.end and q.start < st.end for q in direct):
            continue
        st = _continued(ctx, st)
        if len(re.findall(r"[^\W_]+", st.text)) < MIN_STATEMENT_WORDS:
            continue
        if st.hint[0] == "agency" and st.cue in ctx.lx.cue_passive and \
                any(st.start < q.end and q.start < st.end for q in said):
            continue  # "Hal tersebut disampaikan <agency>" after a statement that has its own speaker
        said.append(st)
        yield st
