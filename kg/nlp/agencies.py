"""Agencies named in the text: regional governments (``Pemkot Malang``), national bodies and regional
offices (``<type> <region>``), vertical offices named by a town or a number (``Lapas Narkotika X``,
``Korem 161/Wira Sakti``), one office whose name lists its fields, a ministry's parts (``Itjen``,
``Kanwil``), sections of a regional secretariat (``Biro``, ``Bagian``) and task forces."""
from __future__ import annotations

import re

from .context import DocContext, Hit, Mention, make_mention, paren_end
from .lexicon import norm, slug
from .lists import merged_office_end
from .names import name_run, skip_hon
from .places import INITIALS, local_name, place_mention, region_at, region_named_before
from .units import numbered_unit, section_field

__all__ = ["bare_units", "government_at", "agency_at", "after_unit", "section_unit", "commission_unit",
           "unit_name", "regional_aliases", "government_aliases", "gov_starts", "ROMAN", "section_levels"]

ROMAN = re.compile(r"^[IVXLC]+$")  # a Roman numeral: "Kodam IX", "Kanreg IV"


def gov_starts(lx) -> frozenset[str]:
    """The lower-case words a regional government's name opens with: "pemerintah" and the short forms of
    ``GOV_SHORT`` in words.jsonl ("Pemkab", "Pemprov", "Pemdes")."""
    return lx.derived("gov_starts", lambda lx: frozenset({"pemerintah", *lx.kinds("GOV_SHORT")}))


def section_levels(lx, word: str) -> tuple[str, ...]:
    """The kinds of region whose secretariat has sections named by ``word`` (``SECTION_HEAD`` in words.jsonl:
    "biro" -> provinsi, "bagian" -> kabupaten and kota), else ()."""
    kinds = lx.kinds("SECTION_HEAD")
    return tuple(kinds[word].split()) if word in kinds else ()


def government_at(ctx: DocContext, i: int) -> tuple[int, list[Mention]] | None:
    doc, lx = ctx.doc, ctx.lx
    low = ctx.texts[i].lower()
    k = i + 1
    kind = None
    if low == "pemerintah" and k < len(doc):
        w = ctx.texts[k].lower()
        if kind := lx.kinds("REGION_KIND_WORD").get(w):
            p = paren_end(ctx, k + 1)
            reg = region_at(ctx, p, kind) if p else region_at(ctx, k, kind)
            if reg is None and p is None:
                reg = region_at(ctx, k + 1, kind)
            if reg is None:
                return None
            end, rid = reg
        elif w in ("desa", "kelurahan"):
            end = local_name(ctx, k + 1)
            if end == k + 1:
                return None
            name = ctx.text[doc[k + 1].idx:doc[end - 1].idx + len(doc[end - 1])]
            label = f"Pemerintah {w.capitalize()} {name}"
            place = make_mention(ctx, k, end, "Place", f"place:{w}-{slug(name)}", f"{w.capitalize()} {name}",
                             (name,), "desa")
            return end, [make_mention(ctx, i, end, "Agency", f"agency:pemerintah-{w}-{slug(name)}", label), place]
        else:
            # "Pemerintah Aceh" (its own name by law), "Pemerintah Jawa Barat": a province's government
            reg = region_at(ctx, k, "provinsi")
            if reg is None or lx.regions[reg[1]]["kind"] != "provinsi":
                return None
            end, rid = reg
    elif low in lx.kinds("GOV_SHORT"):
        kind = lx.kinds("GOV_SHORT")[low]
        if kind == "desa":  # "Pemdes Sukamaju"
            end = local_name(ctx, k)
            if end == k:
                return None
            name = ctx.text[doc[k].idx:doc[end - 1].idx + len(doc[end - 1])]
            return end, [make_mention(ctx, i, end, "Agency", f"agency:pemerintah-desa-{slug(name)}",
                                  f"Pemerintah Desa {name}")]
        kind = None if kind == "daerah" else kind  # "Pemda": a regency's or a city's
        reg = region_at(ctx, k, kind)
        if reg is None:
            main = ctx.main_region.get(kind) if kind else (ctx.main_region.get("kabupaten") or ctx.main_region.get("kota"))
            if not main or ctx.texts[i] != ctx.texts[i].capitalize():
                return None
            rec = lx.regions[main]
            return i + 1, [make_mention(ctx, i, i + 1, "Agency", f"agency:pemerintah-{main}", f"Pemerintah {rec['pattern']}")]
        end, rid = reg
    else:
        return None
    rec = lx.regions[rid]
    out = [make_mention(ctx, i, end, "Agency", f"agency:pemerintah-{rid}", f"Pemerintah {rec['pattern']}",
                    government_aliases(rec))]
    start = end - 1
    while start > i and not ctx.hits_at(start, "PLACE") and ctx.texts[start] != ")":
        start -= 1
    reg2 = region_at(ctx, start)
    if reg2 and reg2[0] == end:
        out.append(place_mention(ctx, start, end, rid))
    return end, out


_CLASS = re.compile(r"(?:I{1,3}|IV)[AB]?")


def after_unit(ctx: DocContext, k: int, levels: list[str] | None) -> tuple[int, str | None]:
    """Skip an optional "(ACR)" and "Perwakilan"; return (end, region id) of a region that follows."""
    doc = ctx.doc
    p = paren_end(ctx, k)
    if p:
        k = p
    if k + 1 < len(doc) and ctx.texts[k].lower() == "kelas" and _CLASS.fullmatch(ctx.texts[k + 1]):
        k += 2  # "Lapas Kelas IIA Kendari", "Kantor Imigrasi Kelas I TPI Pekanbaru": the office's class
        if k < len(doc) and ctx.texts[k] in ("TPI", "Khusus", "Non", "Non-TPI"):
            k += 1
    if k < len(doc) and (ctx.texts[k].lower() == "perwakilan" or ctx.texts[k].lower() in ctx.lx.kinds("REGION_KIND_WORD")) \
            and not ctx.hits_at(k, "PLACE"):
        kind = ctx.lx.kinds("REGION_KIND_WORD").get(ctx.texts[k].lower())
        reg = region_at(ctx, k + 1 + (1 if k + 1 < len(doc) and ctx.texts[k + 1] == "." else 0), kind)
        if reg:
            return reg
        if kind in ctx.main_region and ctx.texts[k][:1].isupper() and (k + 1 >= len(doc) or not ctx.texts[k + 1][:1].isupper()) \
                and (not levels or kind in levels):
            return k + 1, ctx.main_region[kind]  # "Inspektorat Provinsi, dan Bappeda Provinsi": the article's province
    reg = (region_at(ctx, k, levels[0]) if levels and len(levels) == 1 else None) or region_at(ctx, k)
    if reg:
        return reg  # "Ombudsman Gorontalo": the province where the body has offices there only, not the city
    if k < len(doc) and ctx.texts[k].lower() == "setempat":
        near = region_named_before(ctx, k, levels or ["kabupaten", "kota", "provinsi"])
        if near:
            return k + 1, near  # "BKPSDM Lombok Timur dan Dinas Pendidikan setempat": the region just named
        for lvl in (levels or ["kabupaten", "kota", "provinsi"]):
            if lvl in ctx.main_region:
                return k + 1, ctx.main_region[lvl]
        if "dateline" in ctx.main_region:
            return k + 1, ctx.main_region["dateline"]
    return k, None


def _named_office(ctx: DocContext, k: int, tid: str) -> int | None:
    """End of the town or qualifier naming a vertical office ("Lapas Narkotika Langkat", "Rutan Tanjung
    Pura", "KCD Pendidikan dan Kebudayaan Serang-Cilegon"): capitalised words up to the first region
    (joined by "-" to a second one) or to two words. A longer capitalised run goes on with a person's
    name ("Lapas Balige Budi Santoso"), so only its first word is the town. A lower-case word is the
    town only as an item of a list of such offices ("Lapas Langkat, Lapas sibuhuan, dan ...")."""
    texts, lx = ctx.texts, ctx.lx
    if k + 1 < len(texts) and texts[k + 1] == "." and texts[k].lower() in lx.honorifics:
        s = skip_hon(ctx, k)  # "RSUD Dr. H. Abdul Moeloek": named after a person, titles and all
        e = name_run(ctx, s)
        return e if e > s else None
    e = k
    while e < len(texts) and e - k < 5:
        w = texts[e]
        reg = region_at(ctx, e) if w[:1].isupper() else None
        if e > k and INITIALS.fullmatch(w) and e + 2 < len(texts) and texts[e + 1] == "." \
                and texts[e + 2][:1].isupper() and texts[e + 2].isalpha() and texts[e + 2].lower() not in lx.honorifics:
            return e + 3  # "RSUD Ade M. Djoen", "RSUD Mayjen H.A. Thalib": named after a person, initials and all,
            # the surname after the initials ends it
        if reg:
            e = reg[0]
            if e + 1 < len(texts) and texts[e] == "-" and texts[e + 1][:1].isupper():
                e = (region_at(ctx, e + 1) or (e + 2, None))[0]  # "Serang-Cilegon"
            return e
        if w[:1].isupper() and w.isalpha() and w.lower() not in lx.function_words and w.lower() not in lx.calendar \
                and not ctx.hits_at(e, "TITLE") and not ctx.hits_at(e, "AGENCY_TYPE"):
            e += 1
            if e + 1 < len(texts) and texts[e] == "-" and texts[e + 1].isalpha():
                e += 2  # "Siborong-borong"
        elif w == "dan" and e > k and e + 2 < len(texts) and texts[e + 1].isalpha() \
                and texts[e + 1].lower() not in lx.function_words and texts[e + 2][:1].isupper() \
                and not any(ctx.hits_at(e + 1, lab) for lab in ("AGENCY_TYPE", "AGENCY", "VENUE_HEAD", "PLACE")):
            e += 2  # "Pendidikan dan kebudayaan ...": the fields of a branch office (not "X dan Dinas Y", "X dan
            # Kapanewon Y": another body)
        else:
            break
    if e == k:
        prev, nxt = texts[k - 2] if k >= 2 else "", texts[k + 1] if k + 1 < len(texts) else ""
        w = texts[k] if k < len(texts) else ""
        listed = prev in (",", "dan") and nxt in (",", "dan", ".") and any(
            h.id == tid for x in range(max(0, k - 30), k - 1) for h in ctx.hits_at(x, "AGENCY_TYPE"))
        return k + 1 if listed and w.isalpha() and w.islower() and w not in lx.function_words else None
    if e - k > 2 and not any(texts[x] in ("-", "dan") for x in range(k, e)) and not lx.agency_types[tid].get("long_name"):
        return k + 1
    return e


def _numbered_unit(ctx: DocContext, k: int) -> tuple[int, str] | None:
    """(end, name) of a military unit's number and name: "Korem 161/Wira Sakti", "Korem 161 Wira Sakti
    Kupang" (the city after the name is where it sits, not its name), "Kodim 0809/Kediri", "Kodam IX/Udayana"."""
    texts, lx = ctx.texts, ctx.lx
    if k < len(texts) and texts[k][:1].isupper() and texts[k].isalpha() and not ROMAN.fullmatch(texts[k]) \
            and texts[k].lower() not in lx.function_words and texts[k].lower().rstrip(".") not in lx.address \
            and not ctx.hits.get(k):
        e = k + 1  # "Kodam Iskandar Muda": named without a number
        while e < len(texts) and e - k < 2 and texts[e][:1].isupper() and texts[e].isalpha() and not ctx.hits.get(e) \
                and texts[e].lower() not in lx.function_words:
            e += 1
        return (e, " ".join(texts[k:e])) if e == len(texts) or not texts[e][:1].isupper() else None
    if k >= len(texts) or not (texts[k].isdigit() or ROMAN.fullmatch(texts[k])):
        return None
    num, e = texts[k], k + 1
    slash = e < len(texts) and texts[e] == "/"
    e += slash
    s = e
    reg = region_at(ctx, e) if slash else None
    if reg:
        e = reg[0]
    else:
        while e < len(texts) and e - s < 3 and (texts[e][:1].isupper() or texts[e].isupper()) and texts[e].isalpha() \
                and texts[e].lower() not in lx.function_words and texts[e].lower().rstrip(".") not in lx.address \
                and not region_at(ctx, e) and not ctx.hits_at(e, "TITLE"):
            e += 1
        if e - s == 3 and e < len(texts) and texts[e][:1].isupper():
            e = s + 1  # "Koramil 0912/Sukamaju Yudi Pranata": a name goes on after the place
    if e == s:
        return (k + 1, num) if not slash else None
    return e, f"{num}/{' '.join(texts[s:e])}"


def _named_office_mentions(ctx: DocContext, i: int, k: int, end: int, rec: dict) -> list[Mention]:
    """The office over ``i:end`` named by the words ``k:end`` after its type, and the regions in them."""
    name = " ".join(ctx.text[ctx.doc[k].idx:ctx.doc[end - 1].idx + len(ctx.doc[end - 1])].split())
    name = name[0].upper() + name[1:]
    forms = [a for a in rec.get("aliases", []) if a[:1].isupper()]
    out = [make_mention(ctx, i, end, "Agency", f"agency:{rec['id']}-{slug(name)}", f"{rec['pattern']} {name}",
                        tuple(f"{a} {name}" for a in forms), kind="office")]
    x = k
    while x < end:
        reg = region_at(ctx, x) if ctx.texts[x][:1].isupper() else None
        if reg and reg[0] <= end:
            out.append(place_mention(ctx, x, reg[0], reg[1]))
            x = reg[0]
        else:
            x += 1
    return out


def _cap_run_end(ctx: DocContext, k: int, limit: int = 4) -> int:
    """End of up to ``limit`` capitalised words from ``k`` that are no function words."""
    e = k
    while e < len(ctx.texts) and e - k < limit and ctx.texts[e][:1].isupper() and ctx.texts[e].isalpha() \
            and ctx.texts[e].lower() not in ctx.lx.function_words:
        e += 1
    return e


def _merged_office(ctx: DocContext, i: int, k: int) -> tuple[int, list[Mention]]:
    """One office over ``i:k`` whose name lists its fields, in the region after it (or the article's)."""
    name = " ".join(ctx.text[ctx.doc[i].idx:ctx.doc[k - 1].idx + len(ctx.doc[k - 1])].split())
    end, rid = after_unit(ctx, k, None)
    if rid is None:
        end = paren_end(ctx, k) or k
        rid = next((ctx.main_region[lvl] for lvl in ("kabupaten", "kota", "provinsi") if lvl in ctx.main_region), None)
    if rid is None:
        return end, [make_mention(ctx, i, end, "Agency", f"agency:{slug(name)}", name, (), "unit")]
    reg = ctx.lx.regions[rid]
    return end, [make_mention(ctx, i, end, "Agency", f"agency:{slug(name)}-{rid}", unit_name(name, reg["pattern"]),
                              (name, unit_name(name, reg["name"])), "regional")]


def _misspelt_ministry(ctx: DocContext, i: int) -> tuple[int, str] | None:
    """(end, agency id) of a ministry's name with a typing slip ("Kementerian ... dan Refromasi Birokrasi"):
    the longest capitalised run after "Kementerian" within two letters of a known form of as many words."""
    import difflib

    texts, lx = ctx.texts, ctx.lx
    if texts[i] not in lx.lists["MINISTRY_HEAD"] or ctx.longest(i, ("AGENCY",)):
        return None
    e = i + 1
    while e < len(texts) and e - i < 10 and (texts[e][:1].isupper() and texts[e].isalpha() or texts[e] in ("dan", "&")):
        e += 1
    ministries = _ministry_forms(lx)
    for end in range(e, i + 2, -1):
        form = norm(" ".join(texts[i:end]))
        for key, ident in ministries.get(len(form.split()), ()):
            if abs(len(key) - len(form)) > 2:
                continue
            sm, least = difflib.SequenceMatcher(None, key, form), 1 - 4 / (len(key) + len(form))
            if sm.quick_ratio() >= least and sm.ratio() >= least:
                return end, ident
    return None


_MINISTRY_FORMS: dict[int, dict[int, list[tuple[str, str]]]] = {}  # id(lexicon) -> its ministry forms


def _ministry_forms(lx) -> dict[int, list[tuple[str, str]]]:
    """Known forms opening with "kementerian", by number of words: (form, agency id); made once per lexicon."""
    out = _MINISTRY_FORMS.get(id(lx))
    if out is None:
        out = {}
        for key, ident in lx.agency_index.items():
            if key.startswith(("kementerian ", "kementrian ")):
                out.setdefault(len(key.split()), []).append((key, ident))
        _MINISTRY_FORMS[id(lx)] = out
    return out


def agency_at(ctx: DocContext, i: int) -> tuple[int, list[Mention]] | None:
    doc, lx = ctx.doc, ctx.lx
    nat = ctx.longest(i, ("AGENCY",))
    if nat and nat.j < len(doc) and ctx.lows[nat.j] == "daerah" and ctx.lows[nat.j - 1] == "rakyat":
        nat = None  # "(Komisi I) Dewan Perwakilan Rakyat Daerah ...": a regional council, not the DPR
    typ = ctx.longest(i, ("AGENCY_TYPE",))
    slip = _misspelt_ministry(ctx, i) if not nat and not typ else None
    if slip:
        nat = Hit(i, slip[0], "AGENCY", slip[1])
    if ctx.texts[i] in lx.lists["MERGED_HEAD"] and (not nat or typ and typ.j >= nat.j):
        j = typ.j if typ else _cap_run_end(ctx, i + 1)
        merged = merged_office_end(ctx, i, j)  # "Dinas Sosial, Pemberdayaan Masyarakat dan Desa"
        if merged:
            return _merged_office(ctx, i, merged)
    if typ and (not nat or typ.j >= nat.j):
        rec = lx.agency_types[typ.id]
        end, rid = after_unit(ctx, typ.j, rec.get("levels"))
        if rec.get("town"):  # "Panwaslu Kecamatan Sleman": named by its district, never a regency's office
            end, rid = paren_end(ctx, typ.j) or typ.j, None
        if rid is None and nat and nat.j == typ.j:
            typ = None  # "Bawaslu" alone is the national body
        elif rid is not None:
            reg = lx.regions[rid]
            out = [make_mention(ctx, i, end, "Agency", f"agency:{typ.id}-{rid}", unit_name(rec['pattern'], reg['pattern']),
                            regional_aliases(rec, reg), kind="regional")]
            for s in range(typ.j, end):
                reg_hit = region_at(ctx, s)
                if reg_hit and reg_hit[0] == end:
                    out.append(place_mention(ctx, s, end, rid))
                    break
            return end, out
        elif rec.get("numbered") and (unit := _numbered_unit(ctx, end)):
            office = numbered_unit(ctx, typ.id, unit[1], i, unit[0])
            reg = region_at(ctx, end + 2) if end + 2 < len(doc) and ctx.texts[end + 1] == "/" else None
            if reg and reg[0] == unit[0] and lx.regions[reg[1]]["kind"] in rec.get("levels", ()):
                # "Kodim 1408/Makassar" is the Kodim of Kota Makassar: one body, under either name
                rrec = lx.regions[reg[1]]
                return unit[0], [make_mention(ctx, i, unit[0], "Agency", f"agency:{typ.id}-{reg[1]}",
                                              unit_name(rec["pattern"], rrec["pattern"]),
                                              tuple(regional_aliases(rec, rrec)) + (office.label, *office.aliases),
                                              kind="regional")]
            return unit[0], [office]
        elif rec.get("named") and end < len(doc) and (named := _named_office(ctx, end, typ.id)):
            return named, _named_office_mentions(ctx, i, end, named, rec)
        else:
            end, bare = paren_end(ctx, typ.j) or typ.j, rec.get("bare", {}).get(ctx.texts[i])  # "BPD" alone: the village's
            return end, [make_mention(ctx, i, end, "Agency", f"agency:{slug(bare or typ.id)}", bare or rec["pattern"], kind="type")]
    if nat:
        rec = lx.agencies[nat.id]
        end = nat.j
        p = paren_end(ctx, end)
        if p:
            end = p
        if end < len(doc) and ctx.texts[end] in ("RI",):
            end += 1
        elif end + 1 < len(doc) and ctx.texts[end] == "Republik" and ctx.texts[end + 1] == "Indonesia":
            end += 2  # "Badan Kepegawaian Negara Republik Indonesia": the same body
        if rec.get("kind") not in ("kementerian", "legislatif", "yudikatif", "pemerintah", "militer", "bumn", "perguruan-tinggi"):
            e2, rid = after_unit(ctx, end, lx.agency_types.get(rec.get("local_unit"), {}).get("levels"))
            if rid is not None and (rec.get("local_unit") or lx.regions[rid]["kind"] == "provinsi"
                                    or ctx.texts[end].lower() == "perwakilan"):
                # "Ombudsman Kalsel": its provincial office (not "UPT BKN Bandar Lampung": a body with no offices
                # in cities is not named by one)
                reg, uid = lx.regions[rid], rec.get("local_unit")
                urec = lx.agency_types.get(uid) if uid else None
                if not urec or reg["kind"] not in urec.get("levels", ()):
                    uid, urec = nat.id, rec
                return e2, [make_mention(ctx, i, e2, "Agency", f"agency:{uid}-{rid}",
                                     unit_name(urec['pattern'], reg['pattern']), regional_aliases(urec, reg), kind="regional")]
        return end, [make_mention(ctx, i, end, "Agency", f"agency:{nat.id}", rec["pattern"], kind=rec.get("kind"))]
    return None


def section_unit(ctx: DocContext, i: int) -> tuple[int, list[Mention]] | None:
    """A section of a regional secretariat named by its field: "Biro Organisasi Setda Provinsi X", "Bagian
    Hukum Sekretariat Daerah Kabupaten Y"; named bare ("Kepala Biro Organisasi Budi"), the section of the
    secretariat of the article's province (Biro) or regency/city (Bagian), else of none."""

    texts, lx = ctx.texts, ctx.lx
    levels = section_levels(lx, texts[i].lower())
    if not levels or not texts[i][:1].isupper():
        return None
    k = i + 1
    while k < len(texts) and k - i < 8 and not ctx.hits_at(k, "AGENCY_TYPE") and section_field(ctx, i, k):
        k += 1
    while k > i + 1 and texts[k - 1] in ("/", "dan", ","):
        k -= 1
    if k == i + 1:
        return None
    field = " ".join(ctx.text[ctx.doc[i + 1].idx:ctx.doc[k - 1].idx + len(ctx.doc[k - 1])].split())
    head = texts[i].capitalize()
    got = agency_at(ctx, k) if ctx.longest(k, ("AGENCY_TYPE",)) else None
    if got and got[1][0].key.startswith("agency:sekretariat-daerah-"):
        parent = got[1][0]
        label = f"{head} {field} {parent.label}"
        aliases = tuple(f"{head} {field} {a}" for a in (" ".join(parent.text.split()), *parent.aliases))
        return got[0], [make_mention(ctx, i, got[0], "Agency", f"agency:{slug(label)}", label, aliases, "unit"),
                        *got[1][1:]]
    nat = ctx.longest(k, ("AGENCY",))
    if nat and lx.agencies[nat.id].get("kind") != "perguruan-tinggi":  # "Biro Humas, Hukum, dan Kerja Sama BKN"
        rec = lx.agencies[nat.id]
        label = f"{head} {field} {rec['pattern']}"
        aliases = tuple(dict.fromkeys(f"{head} {field} {f}" for f in (ctx.span_text(nat.i, nat.j), *rec.get("aliases", [])[:2])))
        return nat.j, [make_mention(ctx, i, nat.j, "Agency", f"agency:{slug(label)}", label, aliases, "unit")]
    sent = ctx.doc[i].sent
    if head == "Bagian" and any(t.lower() == "biro" for t in texts[sent.start:sent.end]):
        levels = section_levels(lx, "biro")  # "Biro Umum dan Bagian Protokol": a part of the province's secretariat
    dateline = ctx.main_region.get("dateline")
    rid = dateline if dateline and lx.regions[dateline]["kind"] in levels else \
        next((ctx.main_region[lvl] for lvl in levels if lvl in ctx.main_region), None)
    if rid is None:
        return k, [make_mention(ctx, i, k, "Agency", f"agency:{slug(head + ' ' + field)}", f"{head} {field}", (), "unit")]
    reg = lx.regions[rid]
    label = f"{head} {field} Sekretariat Daerah {reg['pattern']}"
    aliases = (f"{head} {field}", f"{head} {field} Setda {reg['name']}", f"{head} {field} Sekretariat Daerah {reg['name']}")
    return k, [make_mention(ctx, i, k, "Agency", f"agency:{slug(label)}", label, aliases, "unit")]


def unit_name(unit: str, region: str) -> str:
    """A regional unit's name: "Dinas Sosial" + "Kota Bogor"; one "Kota" where both have it
    ("Kepolisian Resor Kota" + "Kota Bogor" -> "Kepolisian Resor Kota Bogor").

    >>> unit_name("Kepolisian Resor Kota", "Kota Bogor")
    'Kepolisian Resor Kota Bogor'
    >>> unit_name("Dewan Perwakilan Rakyat Kabupaten/Kota", "Kabupaten Jayawijaya")   # the level it is
    'Dewan Perwakilan Rakyat Kabupaten Jayawijaya'
    """
    u, r = unit.split(), region.split()
    if u and r and u[-1].lower() == r[0].lower() and len(r) > 1:
        r = r[1:]
    elif u and len(r) > 1 and "/" in u[-1] and r[0].lower() in u[-1].lower().split("/"):
        u = u[:-1]
    return " ".join(u + r)


def regional_aliases(rec: dict, reg: dict) -> tuple[str, ...]:
    """Other names of a regional unit: "Polres Karo", "Kepolisian Resor Karo", "Polres Kabupaten Karo"; a police
    resort of a city ``city_suffix`` also by the city's name and "Kota" ("Polres Serang Kota", Polri's usage)."""
    names = [rec["pattern"], *[a for a in rec.get("aliases", []) if a[:1].isupper()][:2]]
    forms = {unit_name(n, reg['name']) for n in names} | {unit_name(n, reg['pattern']) for n in names}
    forms |= {unit_name(n, a) for n in names[1:] for a in reg.get("aliases", [])[:2]}
    if rec.get("city_suffix") and reg["kind"] == "kota":  # "Polres Serang Kota": a city's resort, its name shared
        forms |= {f"{n} {reg['name']} Kota" for n in names}
    return tuple(sorted(forms))


def government_aliases(reg: dict) -> tuple[str, ...]:
    """Other names of a regional government: "Pemkot Malang", "Pemprov Jatim", "Pemerintah Provinsi Jatim"."""
    short = {"kota": "Pemkot", "kabupaten": "Pemkab", "provinsi": "Pemprov"}.get(reg["kind"], "Pemda")
    forms = {f"{short} {reg['name']}", f"Pemerintah {reg['pattern']}"}
    forms |= {f"{short} {a}" for a in reg.get("aliases", [])[:2]}
    return tuple(sorted(forms))


def commission_unit(ctx: DocContext, i: int, parents: list[Mention]) -> Mention | None:
    """"Komisi 3 DPRD X": a named unit right before an agency."""
    doc = ctx.doc
    if ctx.texts[i].lower() not in ("komisi", "fraksi") or i + 2 >= len(doc):
        return None
    num = ctx.texts[i + 1]
    if not (num.isdigit() or ROMAN.match(num) or num in ("A", "B", "C", "D", "E")):
        return None
    for m in parents:
        if m.i == i + 2 and m.type == "Agency":
            label = f"{ctx.texts[i].capitalize()} {num} {m.label}"
            return make_mention(ctx, i, m.j, "Agency", f"{m.key}-{ctx.texts[i].lower()}-{num.lower()}", label)
    return None


def bare_units(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """"Komisi A" named bare after "Komisi A DPRK X" (:func:`commission_unit`): the same unit, a mention of it."""
    units: dict[tuple[str, str], Mention] = {}
    for m in mentions:
        words = m.text.split()
        if m.type == "Agency" and len(words) > 2 and m.key.endswith(f"-{words[0].lower()}-{words[1].lower()}"):
            units[(words[0].lower(), words[1])] = m  # the key commission_unit gives: the parent's, "-komisi-a"
    if not units:
        return []
    covered = {k for m in mentions for k in range(m.i, m.j)}
    texts, out = ctx.texts, []
    for k in range(len(texts) - 1):
        unit = units.get((texts[k].lower(), texts[k + 1]))
        if unit is not None and k not in covered and k > unit.i and texts[k][:1].isupper():
            out.append(make_mention(ctx, k, k + 2, "Agency", unit.key, unit.label, unit.aliases, unit.kind))
    return out
