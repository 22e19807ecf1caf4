"""Mentions of agencies, policies, places and events: pure generators over a
:class:`~kg.nlp.context.DocContext` that yield :class:`~kg.nlp.context.Mention`.

Names are built the way Indonesian government names are built (``kg/nlp/agencies.py``:
``Pemerintah Kota (Pemkot) Malang``, ``<dinas/badan type> <region>``; ``kg/nlp/places.py``:
regions, towns and venues; ``kg/nlp/regulations.py``: regulations by number and programmes;
``kg/nlp/events.py``: events after an event word), left to right, longest first.
"""
from __future__ import annotations

from typing import Iterator

from .agencies import agency_at, commission_unit, gov_starts, government_at, section_unit
from .ministry_parts import ministry_part
from .bodies import named_body
from .context import DocContext, Mention, make_mention, region_is_name, title_ends_at
from .events import iter_events
from .lists import elided_units
from .places import city_district, inside_longer_name, place_mention, region_at, town_after_di, town_after_venue, town_before_region, venue_at
from .regulations import e_name, named_inside, policy_at, quoted_policies, reg_head

__all__ = ["iter_mentions"]


def _unit_named_after(ctx: DocContext, i: int) -> bool:
    """Does a policy name at i name a unit instead ("Deputi RB Kunwas", "Bagian Organisasi dan RB",
    "Kedeputian Bidang Reformasi Birokrasi")? A unit word or the end of an office's title is before it."""
    if i == 0:
        return False
    prev, units = ctx.texts[i - 1].lower(), ctx.lx.mention_words["UNIT_BEFORE"]
    if prev in units:
        return True
    if prev == "dan" and i >= 2 and any(ctx.texts[k].lower() in units for k in range(max(0, i - 4), i - 1)):
        return True
    if title_ends_at(ctx, i):
        return True
    if i >= 2 and ctx.texts[i - 1] == "-" and not ctx.doc[i - 2].whitespace_ and not ctx.doc[i - 1].whitespace_ \
            and ctx.texts[i - 2].isalnum():
        return True  # "PAN-RB": the tail of a longer short form
    # "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi": a minister's portfolio
    for k in range(max(0, i - 8), i):
        for h in ctx.hits_at(k, "TITLE"):
            if ctx.texts[k].lower() in ctx.lx.lists["MINISTER_WORD"] and h.j < i and all(
                    ctx.texts[x][:1].isupper() or ctx.texts[x] in ("dan", "&", ",") or ctx.texts[x].isspace()
                    for x in range(h.j, i)):
                return True
    return False


def _company_name(ctx: DocContext, i: int) -> bool:
    """Is token ``i`` inside a company's or a foundation's name, a run of capitalised words after
    its form ("PT Bank Riau Kepri Syariah", "Yayasan Pendidikan Kupang"): a region there is no place?"""
    for k in range(i - 1, max(-1, i - 7), -1):
        if ctx.texts[k].rstrip(".").lower() in ctx.lx.lists["ORG_FORM"]:
            return True
        if not (ctx.texts[k][:1].isupper() and ctx.texts[k].isalpha()):
            return False
    return False


def iter_mentions(ctx: DocContext) -> Iterator[Mention]:
    """Agency, Policy and Place mentions (left to right, longest first), then Event mentions."""
    i = 0
    found: list[Mention] = []
    for c in _candidates(ctx):
        if c < i:
            continue  # inside the mention found last
        i, ms = _mentions_at(ctx, c)
        found.extend(ms)
    found += elided_units(ctx, found)  # "Dinas Sosial, Kesehatan dan Dinas Pendidikan"
    found += quoted_policies(ctx)  # kebijakan “satu instansi, satu inovasi”
    yield from found
    yield from iter_events(ctx, found)


def _candidates(ctx: DocContext) -> list[int]:
    """The tokens :func:`_mentions_at` may find something at, in order: a gazetteer hit, a capitalised
    word, a government's or a law's lower-case first word, or the "e" of an "e-" name. It returns
    ``i + 1`` and nothing at every other token, so the scan visits these only."""
    hits, starts = ctx.hits, gov_starts(ctx.lx)
    lows = ctx.lows
    return [i for i, t in enumerate(ctx.texts)
            if i in hits or t[:1].isupper() or t in ("undang", "e") or lows[i] in starts]


def _mentions_at(ctx: DocContext, i: int) -> tuple[int, list[Mention]]:
    """(where to go on, the mentions found) at token ``i``: the longest of an agency, a policy or a
    venue, a town or a region starting there."""
    texts = ctx.texts
    if i not in ctx.hits and not texts[i][:1].isupper() and texts[i].lower() not in gov_starts(ctx.lx) \
            and texts[i] != "undang" and not e_name(ctx, i):  # "undang-undang ASN": a law in lower case
        return i + 1, []  # nothing else below starts at a lower-case word without a gazetteer hit
    if not _may_start(ctx, i):
        return i + 1, []  # none of the scanners below can start here
    if any(h.j > i for b in (1, 2) for h in ctx.hits_at(i - b, "RANK")):
        return i + 1, []  # "Brigjen TNI", "Irjen Pol": the corps is part of the rank, not a mention of the body
    got = government_at(ctx, i) or section_unit(ctx, i) or ministry_part(ctx, i) or agency_at(ctx, i) or named_body(ctx, i)
    if got:
        end, ms = got
        unit = commission_unit(ctx, i - 2, ms) if i >= 2 else None
        return end, ([unit] if unit else []) + list(ms)
    got = _policy_or_venue(ctx, i)
    if got:
        town = town_after_venue(ctx, got[0], got[1][0].i) if got[1][0].kind in ("venue", "desa") else None
        return (town.j, [*got[1], town]) if town else got
    town = town_before_region(ctx, i)
    if town:
        return town.j, [town]
    reg = region_at(ctx, i)
    if reg and not region_is_name(ctx, i, reg[0]) and not _company_name(ctx, i) and not inside_longer_name(ctx, i, reg[0]):
        end, rid = reg
        return end, [city_district(ctx, i, end, rid) or place_mention(ctx, i, end, rid)]
    if ctx.doc[i].text == "Indonesia" and (i == 0 or ctx.doc[i - 1].text not in ("Republik", "Negara")):
        return i + 1, [make_mention(ctx, i, i + 1, "Place", "place:indonesia", "Indonesia", (), "negara")]
    town = town_after_di(ctx, i) if not reg else None
    if town:
        more = town_after_venue(ctx, town.j, town.i)  # "di kawasan Pulogebang, Cakung, Kamis (...)": the district after it
        return (more.j, [town, more]) if more else (town.j, [town])
    return i + 1, []


def _may_start(ctx: DocContext, i: int) -> bool:
    """Can a scanner of :func:`_mentions_at` find a mention at token ``i``? Each needs one of: a
    gazetteer hit at ``i`` (agencies, office types, policies, venues, regions); a word that opens
    what it reads (:func:`_start_words`), a regulation's head or the start of a ministry unit's name;
    a word a town's name may follow (:func:`_town_leads`: "di", "ke", "warga", ...) or a system or
    programme word before ``i``. ``tests/test_mention_scan.py`` checks that no mention is lost."""
    if i in ctx.hits:
        return True
    texts, lx = ctx.texts, ctx.lx
    low = texts[i].lower()
    if low in lx.derived("mention_starts", _start_words) or low in lx.agency_part_starts or reg_head(ctx, texts[i]):
        return True
    if i == 0:
        return False
    words = lx.mention_words
    return texts[i - 1].lower() in lx.derived("town_leads", _town_leads) or texts[i - 1] in words["SYSTEM_HEAD"] \
        or texts[i - 1] in words["PROGRAM_HEAD"]


def _town_leads(lx) -> frozenset[str]:
    """The words a town's name may follow (kg/nlp/places.py: ``TOWN_LEAD`` "di", "warga"; ``LIST_LEAD``
    "seperti"; a second town's "dan"/"serta"/"atau", or the comma between a list's items)."""
    return frozenset({*lx.lists["TOWN_LEAD"], *lx.lists["LIST_LEAD"], *lx.lists["LIST_JOINER"], ",", "dari"})


def _start_words(lx) -> frozenset[str]:
    """Lower-case words a scanner of :func:`_mentions_at` starts from without a gazetteer hit: governments
    and secretariat sections (kg/nlp/agencies.py), ministries misspelt, merged offices, laws in lower
    case, "Indonesia", and the first words of bodies, systems and documents (mention_words.jsonl)."""
    words = lx.mention_words
    return frozenset({*gov_starts(lx), *lx.kinds("SECTION_HEAD"),
                      *(w.lower() for w in (*lx.lists["MINISTRY_HEAD"], *lx.lists["MERGED_HEAD"])), "undang",
                      "indonesia", *(w.split()[0] for w in words["BODY_HEAD"]), *words["SYSTEM_HEAD"],
                      *words.get("DOCUMENT_HEAD", ())})


def _policy_or_venue(ctx: DocContext, i: int) -> tuple[int, list[Mention]] | None:
    """(end, mentions) of a policy or a venue named at token ``i``, with the names inside it."""
    pol = policy_at(ctx, i)
    pol = pol if pol and not _unit_named_after(ctx, i) else None
    ven = venue_at(ctx, i) if pol else None
    program = None
    if ven and ven[0] > pol[0]:
        # "Mal Pelayanan Publik Kabupaten Sleman": the venue, and the program it is a site of
        program, pol = (pol[1] if pol[1].kind != "regulation" else None), None
    if pol:
        end, m = pol
        found = [m]
        if m.kind == "regulation":
            found.extend(named_inside(ctx, i + 1, end))
        else:
            owner = next((h for k in range(i + 1, end) for h in ctx.hits_at(k, "AGENCY") if h.j == end), None)
            if owner:  # "CAT BKN": the body whose system it is is named too
                got = agency_at(ctx, owner.i)
                found.extend(got[1] if got and got[0] <= end else [])
        return end, found
    ven = venue_at(ctx, i)
    if not ven:
        return None
    end, m = ven
    return end, [m] + ([program] if program else []) + _named_in_venue(ctx, i + 1, end)


def _named_in_venue(ctx: DocContext, k: int, end: int) -> list[Mention]:
    """A region or an agency named inside a venue is mentioned too ("Balai Kota Malang", "Gedung KPU")."""
    found: list[Mention] = []
    while k < end:
        got = agency_at(ctx, k)
        if got and got[0] <= end:
            found.extend(got[1])
            k = got[0]
            continue
        reg = region_at(ctx, k)
        if reg and (reg[0] == end or reg[0] < end and not ctx.texts[reg[0]][:1].isupper()):
            # "Balai Kota Malang"; not "Ruang Pasir Padi": a word of the venue's own name
            found.append(place_mention(ctx, k, reg[0], reg[1]))
            k = reg[0]
            continue
        k += 1
    return found
