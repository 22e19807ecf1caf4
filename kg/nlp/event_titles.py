"""Events named by their own words after an activity word with no name of its own: a quoted title after
a word of ``THEME`` ("seminar bertajuk “Guru Hebat, Desa Maju”" -> "Seminar Guru Hebat, Desa Maju";
"acara bertema “Malam Budaya Nusantara”" -> "Malam Budaya Nusantara"), or capitalised words after a
wrapping word ("kegiatan Jumat Bersih" -> "Jumat Bersih")."""
from __future__ import annotations

import re

from .context import DocContext, Mention, is_acronym, is_cap, make_mention
from .event_names import VERB_SHAPE
from .lexicon import slug

__all__ = ["held_object", "named_after_wrapper", "titled_event"]

_OPEN = {"“", '"', "‘", "'"}
_CLOSE = {"”", '"', "’", "'"}
_MAX_TITLE = 14  # tokens inside the quotation marks


def titled_event(ctx: DocContext, i: int, j: int, head: str) -> tuple[int, Mention] | None:
    """(end, Event mention) of the activity word ``i:j`` followed by a word of ``THEME`` and a quoted
    title, or None. A wrapping word ("acara", "kegiatan") gives the title alone as the label; another
    head goes before it ("Seminar ..."). The surface with the theme word is an alias."""
    texts = ctx.texts
    theme = ctx.lx.event_words.get("THEME", frozenset())
    if j + 2 >= len(texts) or texts[j].lower() not in theme or texts[j + 1] not in _OPEN:
        return None
    close = next((x for x in range(j + 2, min(len(texts), j + 2 + _MAX_TITLE)) if texts[x] in _CLOSE), None)
    if close is None or close == j + 2:
        return None
    doc = ctx.doc
    title = " ".join(ctx.text[doc[j + 2].idx:doc[close - 1].idx + len(doc[close - 1])].split()).strip(" ,.")
    if not title[:1].isupper():
        return None  # "bertema “peduli sesama”": a slogan in lower case, no event's name
    wrapper = head in ctx.lx.event_words.get("WRAPPER", frozenset())
    label = title if wrapper else f"{ctx.span_text(i, j)[:1].upper()}{ctx.span_text(i, j)[1:]} {title}"
    surface = " ".join(ctx.text[doc[i].idx:doc[close].idx + len(doc[close])].split())
    aliases = tuple(a for a in dict.fromkeys((surface, title, re.sub(r"[“”\"‘’']", "", surface))) if a != label)
    return close + 1, make_mention(ctx, i, close + 1, "Event", f"event:{slug(label)}", label, aliases, head)


# a first word that names no activity: a body, a place, an office, a venue, a programme
_NOT_ACTIVITY = ("AGENCY", "AGENCY_TYPE", "PLACE", "TITLE", "ACTING", "VENUE_HEAD", "POLICY")


def named_after_wrapper(ctx: DocContext, i: int, j: int) -> tuple[int, Mention] | None:
    """(end, Event mention) of the capitalised words after the wrapping word ``i:j`` ("kegiatan Jumat
    Bersih", "acara Gebyar Budaya 2029"), or None: up to eight capitalised words, short forms and numbers,
    the first no body, place, office, venue, programme, day or honorific. Whether it was held is the
    caller's to tell."""
    doc, texts, lx = ctx.doc, ctx.texts, ctx.lx
    if j >= len(texts) or not is_cap(doc[j]) or texts[j].lower() in lx.address \
            or any(ctx.hits_at(j, lab) for lab in _NOT_ACTIVITY) and not _place_led(ctx, j):
        return None
    if texts[j].lower() in lx.calendar and not (j + 1 < len(texts) and is_cap(doc[j + 1])
                                                 and texts[j + 1].lower() not in lx.calendar):
        return None  # "kegiatan Senin (5/3)": a day, not a name; but "kegiatan Jumat Bersih"
    end = j
    while end < len(texts) and end - j < 8 and (
            (is_cap(doc[end]) or is_acronym(doc[end])) and texts[end].lower() not in lx.function_words
            or end > j and texts[end].isdigit()):
        end += 1
    suffixes = lx.event_words.get("SUFFIX_HEAD", frozenset())
    if end == j or any(texts[k].lower() in suffixes or ctx.hits_at(k, "EVENT_HEAD") for k in range(j, end)):
        return None  # "acara Purworejo Innovation Award dan ...": an award's name, read by its suffix word
    label = " ".join(ctx.text[doc[j].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    surface = " ".join(ctx.text[doc[i].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    return end, make_mention(ctx, i, end, "Event", f"event:{slug(label)}", label, (surface,), texts[i].lower())


def _place_led(ctx: DocContext, j: int) -> bool:
    """Does a place's name open a name that goes on in capitalised words of no body, place or office
    ("Purworejo Bersholawat", not "Kabupaten Purworejo" or "Purworejo Dinas ...")?"""
    place = ctx.longest(j, ("PLACE",))
    k = place.j if place else j
    return place is not None and k < len(ctx.texts) and is_cap(ctx.doc[k]) \
        and ctx.texts[k].lower() not in ctx.lx.function_words and not any(ctx.hits_at(k, lab) for lab in _NOT_ACTIVITY) \
        and not any(ctx.hits_at(j, lab) for lab in _NOT_ACTIVITY if lab != "PLACE")


def held_object(ctx: DocContext, k: int, taken: set[int]) -> tuple[int, Mention] | None:
    """(end, Event mention) of what the verb of holding at ``k`` (``HOLDING_VERB``: "menggelar",
    "mengadakan") holds when no event word opens it: capitalised words of no body or place ("menggelar
    Jumat Curhat"), or two to five lower-case words ("menggelar vaksinasi massal"), or None. Whether it
    was held somewhere, some day, is the caller's to tell."""
    texts, lx, j = ctx.texts, ctx.lx, k + 1
    if j >= len(texts) or j in taken or ctx.hits_at(j, "EVENT_HEAD"):
        return None
    if texts[j][:1].isupper():
        return named_after_wrapper(ctx, j, j)
    end = j
    while end < len(texts) and end - j < 5 and texts[end].isalpha() and texts[end].islower() and end not in taken \
            and texts[end] not in lx.function_words and texts[end] not in lx.cue_verbs and not VERB_SHAPE.match(texts[end]):
        end += 1
    if end - j < 2:
        return None  # "menggelar pertemuan dengan ...": one word names no activity of its own
    label = ctx.span_text(j, end)
    label = label[:1].upper() + label[1:]
    return end, make_mention(ctx, j, end, "Event", f"event:{slug(label)}", label, (), texts[j].lower())

