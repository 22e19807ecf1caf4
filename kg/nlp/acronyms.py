"""Acronyms a text defines, in both directions: "Badan Kepegawaian Negara (BKN)" and
"BKN (Badan Kepegawaian Negara)". A parenthesis whose letters do not fit the words
before it (Schwartz–Hearst) is not a definition."""
from __future__ import annotations

import re
from typing import Iterator

from .context import DocContext, Mention, fits, is_acronym, paren_end, title_ends_at
from .lexicon import norm, slug
from .places import inside_longer_name, region_at

__all__ = ["find_acronyms", "acronym_mentions", "fits"]


def find_acronyms(ctx: DocContext) -> Iterator[tuple[int, int, int, int, str, str]]:
    """Acronym definitions: ``(lf_start, lf_end, acr_i, acr_j, long_form, acronym)`` token spans.

    Both directions: "Badan Kepegawaian Negara (BKN)" and "BKN (Badan Kepegawaian Negara)".
    A parenthetical whose letters do not fit the words before it is not a definition.
    """
    doc = ctx.doc
    for i, text in enumerate(ctx.texts):
        if text != "(":
            continue
        end = paren_end(ctx, i, max_len=12)
        if not end:
            continue
        inner = doc[i + 1:end - 1]
        if len(inner) == 0:
            continue
        if len(inner) <= 3 and re.match(r"^[A-Za-z][A-Za-z&\-.]{1,14}$", inner.text.replace(" ", "")) \
                and any(c.isupper() for c in inner.text[1:] + inner.text[:1]):
            acr = inner.text.replace(" ", "")
            lf = _long_form_before(ctx, i, acr)
            if lf:
                s, e = lf
                yield s, e, i + 1, end - 1, ctx.span_text(s, e), acr
        elif len(inner) >= 2 and i >= 1 and is_acronym(doc[i - 1]):
            acr = ctx.texts[i - 1]
            if fits(acr, [t.text for t in inner if not t.is_punct]):
                yield i + 1, end - 1, i - 1, i, inner.text, acr


def _long_form_before(ctx: DocContext, i: int, acr: str) -> tuple[int, int] | None:
    doc = ctx.doc
    k = i - 1
    words: list[int] = []
    while k >= 0 and len(words) < len(acr) + 5:
        t = doc[k]
        if t.is_punct and t.text not in ("-", "&") or "\n" in t.text or t.is_space:
            break
        words.append(k)
        k -= 1
    words.reverse()
    for s in reversed(range(len(words))):  # the shortest long form that fits (Schwartz–Hearst)
        cand = [ctx.texts[w] for w in words[s:]]
        if cand and fits(acr, [w for w in cand if w not in ("-", "&")]) and cand[0][0].lower() == acr[0].lower():
            # prefer the longest long form that fits, whose first word is capitalised or lower-case alike
            return words[s], i
    return None


def _initials_of(acr: str, long_form: str) -> bool:
    """Is the short form one capital per word, the first opening the name ("Budi Santoso (BS)", or with a
    slip, "(BU)")? News writes a person's initials so; a program's short form takes more letters."""
    words = long_form.split()
    return 2 <= len(words) <= 4 and acr.isalpha() and acr.isupper() and len(acr) == len(words) \
        and acr[0] == words[0][0] and all(w[:1].isupper() and w[1:].islower() for w in words)


def acronym_mentions(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Entities defined as "Long Form (ACR)" and later mentions of the bare acronym."""
    out: list[Mention] = []
    for s, e, ai, aj, long_form, acr in find_acronyms(ctx):
        if acr in ctx.lx.not_entity:
            continue
        ctx.expansions.setdefault(acr, long_form)
        if _named_already(ctx, mentions + out, s, e, ai, acr):
            continue
        m = _defined(ctx, mentions, s, aj, long_form, acr)
        if m:
            out.append(m)
            ctx.acronyms.setdefault(acr, (m.type, m.key, m.label))
    # a defined long form is one name: drop other names nested inside it ("Reformasi Birokrasi" in the ministry)
    for m in out:
        nested = [x for x in mentions if x is not m and m.start <= x.start and x.end <= m.end and x.type != "Place"
                  and (x.start, x.end) != (m.start, m.end)]
        for x in nested:
            mentions.remove(x)
    return out + _bare_uses(ctx, mentions + out)


def _named_already(ctx: DocContext, found: list[Mention], s: int, e: int, ai: int, acr: str) -> bool:
    """Is the long form at ``s:e`` a region's name, inside a longer name, or a name found already (whose
    entity the acronym then stands for)?"""
    doc = ctx.doc
    lf_start = doc[s].idx
    lf_end = doc[e - 1].idx + len(doc[e - 1])
    if any(m.type == "Place" and m.start <= lf_start and m.end >= lf_end for m in found):
        return True  # "Nusa Tenggara Timur (NTT)": a region and its abbreviation
    covering = [m for m in found if m.start <= lf_start and m.end >= lf_end - 1 and m.type != "Place"]
    if any(m.start < lf_start - 1 for m in covering):
        return True  # defined inside a longer name ("Penutupan Pelatihan ... (PKA) Angkatan X")
    covering += [m for m in found if abs(m.start - lf_start) <= 1 and m.type != "Place" and m.end >= doc[ai].idx]
    if covering:
        m = max(covering, key=lambda m: m.end - m.start)
        ctx.acronyms.setdefault(acr, (m.type, m.key, m.label))
        return True
    return False


def _defined(ctx: DocContext, mentions: list[Mention], s: int, aj: int, long_form: str, acr: str) -> Mention | None:
    """The entity "Long Form (ACR)" at tokens ``s:aj+1`` defines: a known agency or agency type, else a
    new agency, event or policy by the long form's head word; None for an office or no entity."""
    doc, lx = ctx.doc, ctx.lx
    lf_start, end = doc[s].idx, doc[aj].idx + len(doc[aj])
    if lx.titles.get(norm(long_form)) or norm(acr) in lx.titles or norm(acr) in lx.acting \
            or ctx.longest(s, ("TITLE", "ACTING")):
        return None  # an office and its short form ("Wakil Menteri ... (Wamen PANRB)") name no entity
    known = lx.agency_index.get(norm(long_form)) or lx.agency_index.get(norm("Kementerian " + long_form)) \
        or lx.agency_index.get(norm(acr))
    if known:
        rec = lx.agencies[known]
        return Mention(lf_start, end, ctx.text[lf_start:end], "Agency", f"agency:{known}", rec["pattern"],
                       (acr, long_form), rec.get("kind"), None, s, aj + 1)
    tid = lx.agency_type_index.get(norm(long_form))  # "BKPP (Badan Kepegawaian, Pendidikan, dan Pelatihan)"
    if tid:
        return Mention(lf_start, end, ctx.text[lf_start:end], "Agency", f"agency:{tid}", lx.agency_types[tid]["pattern"],
                       (acr, long_form), "type", None, s, aj + 1)
    etype = _defined_type(ctx, s, long_form, acr)
    if etype is None or etype == "Policy" and title_ends_at(ctx, s):
        return None  # "Kepala Bidang Aplikasi Informatika (Aptika)": the field of the office's unit, no programme
    if etype == "Policy" and ctx.texts[aj] == ")" and any(m.type == "Policy" and m.i == aj + 1 for m in mentions):
        return None  # "Rancangan Awal (Ranwal) RPJMD ...": a stage of the plan named next, not a policy
    label = " ".join(long_form.split())
    label = label[0].upper() + label[1:]
    aliases: tuple[str, ...] = (acr,)
    j, text = aj + 1, ctx.text[lf_start:end + 1]
    reg = region_at(ctx, j) if etype != "Event" and j < len(doc) and ctx.texts[aj] == ")" else None
    if reg and not inside_longer_name(ctx, j, reg[0]):  # "Badan Pengusahaan (BP) Batam": its city ends its name
        where = ctx.span_text(j, reg[0])
        label, aliases, j = f"{label} {where}", (f"{acr} {where}", acr, label), reg[0]
        end = doc[j - 1].idx + len(doc[j - 1])
        text = ctx.text[lf_start:end]
        known = lx.agency_index.get(norm(label)) or lx.agency_index.get(norm(aliases[0]))
        if known and etype == "Agency":  # "Badan Pengusahaan (BP) Batam": a body the lexicon knows by that name
            rec = lx.agencies[known]
            return Mention(lf_start, end, text, "Agency", f"agency:{known}", rec["pattern"], (*aliases, label),
                           rec.get("kind"), None, s, j)
    kind = "venue" if etype == "Place" else "acronym"
    return Mention(lf_start, end, text, etype, f"{etype.lower()}:{slug(label)}", label, aliases, kind, None, s, j)


def _defined_type(ctx: DocContext, s: int, long_form: str, acr: str) -> str | None:
    """The type of a new entity a long form names, by its head word ("Badan ...", "Program ..."), or None."""
    lx = ctx.lx
    agency_heads, policy_heads = lx.mention_words["AGENCY_HEAD"], lx.mention_words["POLICY_HEAD"]
    head = long_form.split()[0].lower()
    if s > 0 and ctx.doc[s - 1].text.lower() in lx.lists["TEAM_WORD"]:
        head = "tim"
    if not long_form[:1].isupper():
        return "Policy" if head in policy_heads else None
    if ctx.longest(s, ("VENUE_HEAD",)) and not ctx.longest(s, ("AGENCY", "AGENCY_TYPE")):
        return "Place"  # "Pusat Pemerintahan Kota (Puspemkot)": a named site
    if head in agency_heads:
        return None if lx.is_civil_body(long_form.lower().split()) else "Agency"
    if head in lx.event_words.get("LED_BODY_HEAD", ()) and title_ends_at(ctx, s):
        return None  # "Koordinator Gerakan Anti Korupsi (GeRAK)": the body the office leads, not a campaign
    if head in lx.event_heads or norm(long_form) in lx.elections:
        return "Event"
    if head in policy_heads:
        return "Policy"
    if head in lx.lists["ORG_FORM"]:
        return None  # "Fraksi Partai ... (F-PKB)", "PT Tirta ... (TAW)": a party's, a company's, an association's name
    if len(long_form.split()) >= 2 and not _initials_of(acr, long_form):
        return "Policy"
    return None


def _bare_uses(ctx: DocContext, found: list[Mention]) -> list[Mention]:
    """Later bare mentions of a defined acronym, outside the names ``found``."""
    covered = set()
    for m in found:
        covered.update(range(m.i, m.j))
    out = []
    for k, text in enumerate(ctx.texts):
        if text in ctx.acronyms and k not in covered:
            tok = ctx.doc[k]
            etype, key, label = ctx.acronyms[tok.text]
            out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, etype, key, label, (), "acronym", None, k, k + 1))
    return out
