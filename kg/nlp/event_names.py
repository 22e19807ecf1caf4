"""Event names read off their words alone: a long form replaced by its short form, and awards or fairs
named by the capitalised words before a suffix word ("... Award", "... Expo")."""
from __future__ import annotations

import re

from .acronyms import fits
from .context import DocContext, Mention, is_acronym, is_cap, make_mention, paren_end
from .lexicon import slug, unbracketed

__all__ = ["YEAR", "VERB_SHAPE", "short_form", "suffix_event"]

YEAR = re.compile(r"^(?:19|20)\d\d$")
#: a verb by its affix ("menggelar", "dilantik", "berlangsung", "terpilih"): a sentence going on, no name
VERB_SHAPE = re.compile(r"^(?:me|di|ber|ter)[a-z]{3,}$")


def short_form(text: str) -> str | None:
    """The name with each defined long form replaced by its short form: "Musyawarah Perencanaan
    Pembangunan (Musrenbang) Rencana Kerja Pemerintah Daerah (RKPD) Tahun 2025" -> "Musrenbang RKPD
    Tahun 2025". A long form is the fewest words before the brackets, the first opening with the short
    form's first letter, whose letters spell the short form in order."""
    out, changed = text, False
    for m in reversed(list(re.finditer(r"\(([A-Za-z][A-Za-z0-9-]{1,14})\)", text))):
        short, words = m.group(1), out[:m.start()].split()
        for n in range(1, min(len(words), 8) + 1):
            lead = words[-n:]
            if lead[0][:1].lower() == short[0].lower() and fits(short, lead):
                head = " ".join(words[:-n])
                out = f"{head} {short}{out[m.end():]}".strip()
                changed = True
                break
    return " ".join(out.split()) if changed else None


def suffix_event(ctx: DocContext, i: int) -> tuple[int, int, Mention] | None:
    """(start, end, Event mention) of an award or a fair named by the capitalised words before a suffix word
    at ``i`` ("Innovative Government Award (IGA) 2024", "Jateng Fair"), or None."""
    doc = ctx.doc
    if ctx.texts[i].lower() not in ctx.lx.event_words.get("SUFFIX_HEAD", frozenset()) or not is_cap(doc[i]):
        return None
    s = i
    while s - 1 >= 0 and (is_cap(doc[s - 1]) or is_acronym(doc[s - 1])) and ctx.texts[s - 1].lower() not in ctx.lx.function_words \
            and i - s < 8:
        s -= 1
    if s == i:
        return None
    end = i + 1
    p = paren_end(ctx, end)
    if p and p < len(doc) and YEAR.match(ctx.texts[p]):
        end = p  # "Innovative Government Award (IGA) 2024"
    if end < len(doc) and YEAR.match(ctx.texts[end]):
        end += 1
    surface = " ".join(ctx.text[doc[s].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    text = unbracketed(surface)
    short = short_form(surface)
    aliases = tuple(a for a in (surface, short) if a and a != text)
    return s, end, make_mention(ctx, s, end, "Event", f"event:{slug(text)}", text, aliases)
