"""Whether an activity word is told held: a verb of holding before it ("menggelar"), a venue, theme or
date after it, the next sentence picking it up ("Kegiatan ini ..."), a pointer closing its name; read by
:mod:`.events`."""
from __future__ import annotations

from ..dates import find_dates
from .context import DocContext
from .told import date_hint

__all__ = ["words", "linked", "cue_before", "held_after", "own_scene", "scene_after", "placed_bare", "marks",
           "points_back"]


def words(ctx: DocContext, label: str) -> frozenset[str]:
    """One word group of ``kg/rules/event_words.jsonl`` (``PLANNED``, ``WRAPPER``, ``NOT_HAPPENING``, ...)."""
    return ctx.lx.event_words.get(label, frozenset())


def linked(ctx: DocContext, i: int) -> bool:
    """Is the event word at ``i`` joined to a happening just told ("dirangkaikan dengan ...")?"""
    texts, joins = ctx.texts, words(ctx, "LINKED")
    before = texts[i - 1].lower() if i > 0 else ""
    return before in joins or before == "dengan" and i >= 2 and texts[i - 2].lower() in joins


def cue_before(ctx: DocContext, i: int) -> bool:
    """Does the word before the activity at ``i`` tell it held ("menggelar", "dalam")? Not after a word
    of planning two words back ("meminta ... untuk menggelar pasar murah"), nor a preposition inside a
    quotation ("“Tanyakan dalam rapat kerja ...”": a speaker's word about such meetings)."""
    texts, lx = ctx.texts, ctx.lx
    before = texts[i - 1].lower() if i > 0 else ""
    if before not in lx.event_cue_before or i >= 2 and texts[i - 2].lower() in words(ctx, "PLANNED"):
        return False
    return not (before in lx.function_words and ctx.in_quote(ctx.doc[i].idx))


def held_after(ctx: DocContext, end: int) -> bool:
    """Does "yang" and a verb of holding follow the activity ending at ``end`` ("... yang digelar di ...")?"""
    texts = ctx.texts
    return end + 1 < len(texts) and texts[end] == "yang" and texts[end + 1].lower() in ctx.lx.event_cue_after


def own_scene(ctx: DocContext, end: int) -> bool:
    """Is the name ending at ``end`` told as held: a verb of holding right after it ("digelar",
    "berlangsung") or a venue, theme or date in its sentence (:func:`scene_after`)?"""
    texts = ctx.texts
    after = texts[end].lower() if end < len(texts) else ""
    return after in ctx.lx.event_cue_after or scene_after(ctx, end)


def scene_after(ctx: DocContext, end: int) -> bool:
    """Does the sentence give the activity ending at ``end`` a venue right after it ("di Aula X",
    "bertempat di ..."), a theme ("bertema ..."), or a date before the sentence ends, or does the next
    sentence pick it up ("Kegiatan ini ...")? Then it is a happening, not a word about one."""
    texts, doc = ctx.texts, ctx.doc
    if end >= len(texts) or ctx.in_quote(doc[end].idx):
        return False
    if texts[end].lower() in words(ctx, "THEME"):
        return True
    at = _venue_start(ctx, end, ("bertempat di", "di"))
    if at is not None and any(ctx.hits_at(at, lab) for lab in ("VENUE_HEAD", "PLACE", "AGENCY", "AGENCY_TYPE")):
        return True  # "di Aula X", "di Kota Y", "di Universitas Z"
    sent = doc[end].sent
    stop = min(sent.end, end + 16)
    told = any(texts[x].lower() in ctx.lx.cue_after or texts[x].lower() in ctx.lx.cue_verbs
               for x in range(max(sent.start, end - 12), stop))
    rest = ctx.text[doc[end].idx:doc[stop - 1].idx + len(doc[stop - 1])]
    if not told and (date_hint().search(rest) or any(d.kind in ("dMy", "dmy") and d.iso for d in find_dates(rest))):
        return True  # "..., Senin (2/3)", "pada 20 Mei mendatang"; not the day something was said about it
    if sent.end + 1 < len(texts) and texts[sent.end].lower() in words(ctx, "WRAPPER") \
            and texts[sent.end + 1].lower() in ctx.lx.lists["POINTING_BACK"]:
        return True
    return False


def placed_bare(ctx: DocContext, i: int, head: str, end: int) -> bool:
    """Is a bare lower-case activity word held by the verb before it and placed by the venue right after it
    ("memimpin apel di halaman Kantor Bupati X"), or an inspection or a visit by where it goes ("melakukan sidak ke
    Mal Pelayanan Publik X", "... ke kantor Dinas Y")? Not after a preposition ("dalam upacara yang ...") nor, but for
    those, at a body's office ("mengikuti pelatihan di Lembaga Administrasi Negara": where such training is given)."""
    texts = ctx.texts
    if head not in ctx.lx.lower_event_heads or not cue_before(ctx, i) or texts[i - 1].lower() in ctx.lx.function_words:
        return False
    going = head in words(ctx, "INSPECTION") or head in words(ctx, "VISIT")
    at = _venue_start(ctx, end, ("di", "ke") if going else ("di",))
    # an inspection or a visit is held at the body it goes to ("melakukan sidak ke kantor Dinas X")
    labels = ("VENUE_HEAD", "PLACE", "AGENCY", "AGENCY_TYPE") if going else ("VENUE_HEAD", "PLACE")
    return at is not None and any(ctx.hits_at(at, lab) for lab in labels) and not ctx.in_quote(ctx.doc[end].idx)


def _venue_start(ctx: DocContext, end: int, leads: tuple[str, ...]) -> int | None:
    """Where a capitalised name starts after a lead of ``leads`` right after ``end`` ("di Aula X", "bertempat
    di ..."), a lower-case venue word (``VENUE_STOP``) perhaps between ("di halaman Kantor Bupati X", "di
    lantai dasar Gedung Y": a part of the venue, then its name); else None."""
    texts = ctx.texts
    lead = next((lead.split() for lead in leads if [t.lower() for t in texts[end:end + len(lead.split())]]
                 == lead.split()), None)
    if lead is None:
        return None
    at = end + len(lead)
    if at + 1 < len(texts) and texts[at] in words(ctx, "VENUE_STOP") and texts[at + 1][:1].isupper():
        at += 1
    return at if at < len(texts) and texts[at][:1].isupper() else None


def marks(ctx: DocContext, i: int) -> bool:
    """Is the activity at ``i`` what marked the happening just told ("... ditandai (dengan)
    penandatanganan prasasti")? Then it is part of that happening, not one of its own."""
    texts, marks = ctx.texts, words(ctx, "MARKED_BY")
    before = texts[i - 1].lower() if i > 0 else ""
    return before in marks or before == "dengan" and i >= 2 and texts[i - 2].lower() in marks


def points_back(ctx: DocContext, end: int) -> bool:
    """Does "ini"/"tersebut" close the event name ending at ``end``, right after it or after a few words of
    the same clause ("Evaluasi ... menuju WBK ini")?"""
    texts = ctx.texts
    for x in range(end, min(len(texts), end + 4)):
        if texts[x] in ctx.lx.lists["POINTING_BACK"]:
            return True
        if not texts[x].isalnum() or texts[x].lower() in ctx.lx.cue_verbs:
            return False
    return False
