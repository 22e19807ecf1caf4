"""Bodies named by a head word and a capitalised run: task forces, committees and teams ("Satgas
Netralitas ASN", "Tim Penilai Internal", "Satuan Tugas Koordinasi dan Supervisi Wilayah I KPK"),
and a national body's numbered regional offices ("Kanreg IV BKN Makassar")."""
from __future__ import annotations


from .agencies import ROMAN
from .ministry_parts import ministry_part
from .context import DocContext, Mention, is_acronym, is_cap, make_mention, paren_end, title_ends_at
from .lexicon import slug, unbracketed
from .names import name_after_body
from .places import region_at

__all__ = ["named_body"]

#: the heads of a national body's numbered regional office ("BKN Regional XII": the body before it)
_REGIONAL = ("kantor regional", "kanreg", "regional")


def named_body(ctx: DocContext, i: int) -> tuple[int, list[Mention]] | None:
    """A task force or committee named by a capitalised run: "Satgas Netralitas ASN"."""
    doc = ctx.doc
    k = i + 1
    head = ctx.texts[i].lower()
    bodies = ctx.lx.mention_words["BODY_HEAD"]  # "satgas", "tim", "kantor regional": kg/rules/mention_words.jsonl
    if k < len(doc) and f"{head} {ctx.texts[k].lower()}" in bodies:
        head, k = f"{head} {ctx.texts[k].lower()}", k + 1
    if head not in bodies or not is_cap(doc[i]):
        return None
    if " " in head and k < len(doc) and ctx.texts[k] == "(" and (p := paren_end(ctx, k)) and p < len(doc):
        k = p  # "Kantor Regional (Kanreg) XII BKN": the head's short form in brackets, then the name
    if head not in _REGIONAL and any(h.id in ctx.lx.agencies for h in ctx.hits_at(k, "AGENCY")):
        return None  # "Tim BKN", "Tim Ombudsman RI Perwakilan X": the known body's own team is that body
    end = k
    while end < len(doc) and end - k < 10:
        p = paren_end(ctx, end) if end > k and ctx.texts[end] == "(" else None
        if p and p < len(doc) and is_cap(doc[p]) and ctx.texts[p].lower() not in ctx.lx.function_words:
            end = p  # "Tim Penilai Internal (TPI) Pembangunan Zona Integritas": the name goes on after its short form
            continue
        if ctx.texts[end] == "dan" and end > k and end + 1 < len(doc) and is_cap(doc[end + 1]) \
                and ctx.texts[end + 1].lower() not in ctx.lx.function_words and not ctx.hits.get(end + 1) \
                and ctx.texts[end + 1].lower() not in bodies:  # not "Tim X dan Tim Y": two bodies
            end += 1  # "Satuan Tugas Koordinasi dan Supervisi Wilayah I": two fields of one body
            continue
        if not (is_cap(doc[end]) or is_acronym(doc[end]) or ctx.texts[end].isdigit()) \
                or ctx.texts[end].lower() in ctx.lx.calendar or ctx.texts[end].lower() in ctx.lx.function_words \
                or ctx.texts[end].lower() in ctx.lx.honorifics and ctx.texts[end + 1:end + 2] == ["."]:
            break  # "Wakil Ketua Pansus Hj. X": the holder's honorific ends the body's name
        if end > k and head not in _REGIONAL \
                and (ctx.longest(end, ("AGENCY", "AGENCY_TYPE")) or ministry_part(ctx, end)):
            break  # "Tim Penilai Internal Inspektorat Jenderal Kemenkes": the body's parent is named apart
        reg = region_at(ctx, end) if end > k and head in _REGIONAL else None
        if reg:
            end = reg[0]  # "Kantor Regional XI BKN Manado": the office's city ends its name
            break
        end += 1
    while end > k and ctx.texts[end - 1] == "dan":
        end -= 1
    if title_ends_at(ctx, i):
        end = name_after_body(ctx, None, i, end) or end  # "Ketua Panitia Seleksi Budi Santoso": the chair's name
    if end == k or head == "forum" or head == "regional" and not (i > 0 and ctx.hits_at(i - 1, "AGENCY")):
        return None  # "BKN Regional XII": the body named right before; "Regional" alone names no body
    if head in _REGIONAL and (office := _regional_office(ctx, i, k, end)):
        return end, [office]
    surface = " ".join(ctx.text[doc[i].idx:doc[end - 1].idx + len(doc[end - 1])].split())
    text = unbracketed(surface)
    forms = [surface] if surface != text else []
    parent = ctx.longest(end, ("AGENCY",)) if end < len(doc) else None
    if parent:  # "Satgas Korsup Wilayah I KPK": also named with its parent, as it is written
        forms.append(f"{text} {' '.join(ctx.texts[parent.i:parent.j])}")
    return end, [make_mention(ctx, i, end, "Agency", f"agency:{slug(text)}", text, tuple(forms), kind="body")]


def _regional_office(ctx: DocContext, i: int, k: int, end: int) -> Mention | None:
    """A national body's numbered regional office, one entity however it is written: "Kantor Regional
    IV Badan Kepegawaian Negara (BKN) Makassar", "Kanreg IV BKN Makassar" and "Kanreg IV BKN" are
    "Kantor Regional IV Badan Kepegawaian Negara" (each number names one office); so is "BKN Kantor Regional IV"."""
    texts, lx = ctx.texts, ctx.lx
    if not ROMAN.fullmatch(texts[k]):
        return None
    parent = next((h for x in range(k + 1, end) for h in ctx.hits_at(x, "AGENCY") if h.j <= end and h.id in lx.agencies), None)
    if parent is None:  # "BKN Kantor Regional III", "Badan Kepegawaian Negara (BKN) Kantor Regional III": the body
        # named right before its office, with its short form or without
        before = i - 3 if i >= 3 and texts[i - 1] == ")" and texts[i - 3] == "(" else i
        parent = next((h for x in range(max(0, before - 8), before) for h in ctx.hits_at(x, "AGENCY")
                       if h.j == before and h.id in lx.agencies), None)
    if parent is None:
        return None
    rec, num = lx.agencies[parent.id], texts[k]
    short = next((a for a in rec.get("aliases", ()) if a.isupper()), None)
    label = f"Kantor Regional {num} {rec['pattern']}"
    reg = next((region_at(ctx, x) for x in range(parent.j, end) if region_at(ctx, x)), None)
    city = [lx.regions[reg[1]]["name"]] if reg else []
    forms = {f"Kantor Regional {num} {rec['pattern']} {c}" for c in city}
    if short:
        forms |= {f"Kanreg {num} {short}", f"Kantor Regional {num} {short}", f"{short} Regional {num}",
                  f"{short} Kantor Regional {num}"}
        forms |= {f"{f} {c}" for f in (f"Kanreg {num} {short}", f"{short} Regional {num}", f"{short} Kantor Regional {num}")
                  for c in city}
    surface = unbracketed(" ".join(ctx.text[ctx.doc[i].idx:ctx.doc[end - 1].idx + len(ctx.doc[end - 1])].split()))
    forms.add(surface)
    forms.discard(label)
    return make_mention(ctx, i, end, "Agency", f"agency:kantor-regional-{num.lower()}-{parent.id}", label,
                        tuple(sorted(forms)), kind="body")
