"""A ministry's or a national body's units named before it (``agency_parts.jsonl``): "Itjen Kemenkumham",
"Kanwil Kemenkumham Sumut", "Kedeputian Bidang Reformasi Birokrasi, ... KemenPANRB"."""
from __future__ import annotations

from .agencies import after_unit
from .context import DocContext, Mention, make_mention
from .lexicon import norm, slug
from .places import place_mention, region_at

__all__ = ["ministry_part"]


def ministry_part(ctx: DocContext, i: int) -> tuple[int, list[Mention]] | None:
    """A ministry's unit (``agency_parts.jsonl``) named before the ministry: "Itjen Kemenkumham",
    "Sekretariat Jenderal Kementerian X"; a regional one ("Kanwil Kemenkumham Sumut") with its region,
    keyed as the ministry's regional office type where the rules name one. Only where it is longer
    than any office type read at ``i``."""
    texts, lx = ctx.texts, ctx.lx
    if not texts[i][:1].isupper() or texts[i].lower() not in lx.agency_part_starts:
        return None
    for n in (2, 1):
        part = lx.agency_parts.get(norm(" ".join(texts[i:i + n])))
        if part:
            break
    else:
        return None
    if part.get("fields"):
        return _fielded_part(ctx, i, i + n, part)
    nat = ctx.longest(i + n, ("AGENCY",))
    if not nat or lx.agencies[nat.id].get("kind") != "kementerian":
        nat = _ministry_before(ctx, i) if n == 2 and not part.get("regional") else None
        if nat is None:
            return None
        end = i + n  # "Kemendagri melalui Inspektorat Jenderal": the unit of the ministry just named
    else:
        end = nat.j + (nat.j < len(texts) and texts[nat.j] == "RI")
    head, rec = part["pattern"], lx.agencies[nat.id]
    forms = [rec["pattern"], *[a for a in rec.get("aliases", []) if a[:1].isupper()][:3]]
    typ = ctx.longest(i, ("AGENCY_TYPE",))
    if typ and typ.j >= max(nat.j, end):
        return None  # "Kanwil DJPb Kalbar": an office type the rules name whole
    if part.get("regional"):
        e2, rid = after_unit(ctx, end, ["provinsi"])
        if rid is None or (typ and typ.j >= e2):
            return None
        reg = lx.regions[rid]
        tid = lx.kanwil_of.get(nat.id)
        key = f"agency:{tid}-{rid}" if tid else f"agency:{part['id']}-{nat.id}-{rid}"
        label = f"{head} {rec['pattern']} {reg['pattern']}"
        aliases = tuple(f"{h} {f} {r}" for h in (head, *part.get("aliases", [])) for f in forms
                        for r in (reg["name"], reg["pattern"], *reg.get("aliases", [])[:1]))
        out = [make_mention(ctx, i, e2, "Agency", key, label, aliases, "regional")]
        for s in range(end, e2):
            reg_hit = region_at(ctx, s)
            if reg_hit and reg_hit[0] == e2:
                out.append(place_mention(ctx, s, e2, rid))
                break
        return e2, out
    if typ and typ.j >= end:
        return None
    label = f"{head} {rec['pattern']}"
    aliases = tuple(f"{h} {f}" for h in (head, *part.get("aliases", [])) for f in forms)
    return end, [make_mention(ctx, i, end, "Agency", f"agency:{part['id']}-{nat.id}", label, aliases, "unit")]


def _fielded_part(ctx: DocContext, i: int, k: int, part: dict) -> tuple[int, list[Mention]] | None:
    """A national body's unit named by its field before the body ("Kedeputian Bidang Reformasi Birokrasi,
    Akuntabilitas Aparatur dan Pengawasan KemenPANRB", "Direktorat Jenderal Otonomi Daerah Kemendagri",
    "Pusat Kajian Manajemen ASN LAN"): capitalised words, commas and "dan" up to the body."""
    texts, lx = ctx.texts, ctx.lx
    start = k
    bodies = lx.mention_words["BODY_HEAD"]
    while k < len(texts) and k - start < 14 and not ctx.longest(k, ("AGENCY",)) \
            and (texts[k][:1].isupper() or texts[k] in (",", "&") or texts[k].lower() == "dan") \
            and not (k > start and " ".join(texts[k:k + 2]).lower() in bodies):  # "... Kantor Regional IV BKN": a unit's unit
        k += 1
    nat = ctx.longest(k, ("AGENCY",)) if k > start and texts[k - 1][:1].isupper() else None
    if nat is None or lx.agencies[nat.id].get("kind") == "perguruan-tinggi" or ctx.longest(nat.j, ("AGENCY_TYPE",)) \
            or ctx.longest(nat.j, ("PLACE",)):
        return None  # no national body right after the field, or its regional office ("... BKN Kanreg IV")
    end = nat.j + (nat.j < len(texts) and texts[nat.j] == "RI")
    rec = lx.agencies[nat.id]
    field = ctx.span_text(start, k)
    heads = [ctx.span_text(i, start), *part.get("aliases", [])]  # "Direktorat Jenderal", "Ditjen"
    forms = [rec["pattern"], *[a for a in rec.get("aliases", []) if a[:1].isupper()][:3], ctx.span_text(nat.i, nat.j)]
    label = f"{heads[0]} {field} {rec['pattern']}"
    aliases = tuple(dict.fromkeys(f"{h} {field} {f}" for h in heads for f in forms))
    return end, [make_mention(ctx, i, end, "Agency", f"agency:{slug(label)}", label, aliases, "unit")]


def _ministry_before(ctx: DocContext, i: int):
    """The hit of the ministry named last before token ``i`` in its sentence, if any."""
    start = ctx.doc[i].sent.start
    for x in range(i - 1, start - 1, -1):
        for h in ctx.hits_at(x, "AGENCY"):
            if h.j <= i and ctx.lx.agencies[h.id].get("kind") == "kementerian":
                return h
    return None
