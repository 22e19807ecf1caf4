"""The organization an office belongs to, by the rule its title record gives ("kota" -> Pemerintah Kota X,
"polres" -> Polres X, "desa" -> Pemerintah Desa X, "following" -> the agency named after the title)."""
from __future__ import annotations

import re

from .context import DocContext, Mention
from .lexicon import norm, slug, unbracketed
from .units import is_subdistrict_rule, is_unit_word, numbered_unit, subdistrict_unit

__all__ = ["org_from_rule", "ORG_RULES", "org_rules"]

#: the ``org`` values of ``titles.jsonl`` that :func:`org_from_rule` reads by name; "inside": only the agency
#: named in the title itself ("Ketua DPRD Kota X", "Panglima TNI"), and a name may follow it directly;
#: "following": the agency after the title, whose words a name cannot be told from without a cue. Any other
#: value is a local unit's word (``local`` in venues.jsonl: "desa" -> Pemerintah Desa X, "kecamatan") or an
#: agency type's id ("polres" -> Polres X, "kodim"), see :func:`org_rules`.
ORG_RULES = frozenset({"following", "inside", "kota", "kabupaten", "provinsi", "daerah", "polri", "kementerian",
                       "dinas", "badan", "sudin"})


def org_rules(lx) -> frozenset[str]:
    """Every ``org`` value a title may carry: :data:`ORG_RULES`, the local units' words and the agency types' ids."""
    return lx.derived("org_rules", lambda lx: ORG_RULES | set(lx.local_kinds) | set(lx.agency_types))


def org_from_rule(ctx: DocContext, rule: str, i: int, k: int, mentions: list[Mention],
                   local_name: str | None, expands: str | None = None,
                   unit: str | None = None, region: str | None = None) -> tuple[str | None, str | None, list[Mention]]:
    """Organization (key, label) of a title by its rule; derived agency mentions to add."""
    lx, doc = ctx.lx, ctx.doc
    inside = [m for m in mentions if m.type == "Agency" and m.j > i and m.j <= k and m.i >= i - 2]
    if inside:
        m = inside[-1]
        part = _section(ctx, i, m) or _named_unit(ctx, m, k)
        return (part.key, part.label, [part]) if part else (m.key, m.label, [])
    regions = [m for m in mentions if m.type == "Place" and m.j > i and m.j <= k and m.i >= i - 2 and m.kind in
               ("provinsi", "kabupaten", "kota")]
    if k <= i:
        regions = []  # an empty organization part names no region
    kind = {"kota": "kota", "kabupaten": "kabupaten", "provinsi": "provinsi"}.get(rule)
    rid = None
    if regions:
        rid = regions[-1].key.split(":", 1)[1]
        if kind and lx.regions[rid]["kind"] != kind:
            alt = [r for r in lx.region_names.get(norm(lx.regions[rid]["name"]), []) if lx.regions[r]["kind"] == kind]
            rid = alt[0] if alt else rid
    elif rule in ("kota", "kabupaten", "provinsi"):
        rid = region or ctx.main_region.get(rule)  # "Wagubri": the title names its province
    elif rule == "daerah":
        # "Sekda" alone: the region whose government the article names (else the most named city, regency, province)
        cands = [r for r in (ctx.main_region.get(lvl) for lvl in ("kota", "kabupaten", "provinsi")) if r]
        govs = {m.key for m in mentions if m.type == "Agency"}
        rid = next((r for r in cands if f"agency:pemerintah-{r}" in govs), cands[0] if cands else None)
    if rule in ("kota", "kabupaten", "provinsi", "daerah") and rid:
        from .agencies import government_aliases
        rec = lx.regions[rid]
        key, label = f"agency:pemerintah-{rid}", f"Pemerintah {rec['pattern']}"
        derived = [Mention(doc[i].idx, doc[k - 1].idx + len(doc[k - 1]), ctx.text[doc[i].idx:doc[k - 1].idx + len(doc[k - 1])],
                           "Agency", key, label, government_aliases(rec), "derived", None, i, k)] if regions else []
        return key, label, derived
    if rule in lx.local_kinds and local_name:
        word, place_kind = rule.capitalize(), lx.local_kinds[rule]
        own = local_name.split()[0]
        if rule == "kelurahan" and own.lower() == "kalurahan":
            rule = "desa"  # "Lurah Kalurahan Caturtunggal": a village of Yogyakarta, not a kelurahan
        if rule == "desa" and own.lower() in lx.lists["VILLAGE_WORD"] and len(local_name.split()) > 1:
            word, local_name = own, local_name.split(None, 1)[1]  # "Keuchik Gampong Lambaro": a gampong's own word
        elif own.lower() == word.lower() and len(local_name.split()) > 1:
            local_name = local_name.split(None, 1)[1]  # "Camat Kecamatan Cibinong": the unit's word repeated
        key = f"agency:pemerintah-{slug(word)}-{slug(local_name)}" if rule == "desa" else f"agency:{rule}-{slug(local_name)}"
        label = f"Pemerintah {word} {local_name}" if rule == "desa" else f"{rule.capitalize()} {local_name}"
        s_, e_ = doc[k - 1].idx + len(doc[k - 1]) - len(local_name), doc[k - 1].idx + len(doc[k - 1])
        place = Mention(s_, e_, ctx.text[s_:e_], "Place", f"place:{slug(word) if rule == 'desa' else rule}-{slug(local_name)}",
                        f"{word} {local_name}", (local_name,), place_kind, None, k - len(local_name.split()), k)
        return key, label, [place]
    if got := _unit_of(ctx, rule, unit, regions, i, k):
        return got
    if rule == "polri":
        aid = lx.agency_index.get("polri")
        if aid:
            return f"agency:{aid}", lx.agencies[aid]["pattern"], []
    if rule == "kementerian" and k <= i and expands:
        # "Mendagri" → "Menteri Dalam Negeri" → Kementerian Dalam Negeri
        aid = lx.agency_index.get(norm("Kementerian " + re.sub(r"^(?:Wakil\s+)?Menteri\s+", "", expands)))
        if aid:
            return f"agency:{aid}", lx.agencies[aid]["pattern"], []
    if rule in ("kementerian", "dinas", "badan") and k > i:
        rest = unbracketed(ctx.span_text(i, k))
        rest = " ".join(w for w in rest.split() if w not in (",", "."))
        for prefix in {"kementerian": ("Kementerian ", "Kemen"), "dinas": ("Dinas ", "Dinas"),
                       "badan": ("Badan ", "")}[rule]:
            aid = lx.agency_index.get(norm(prefix + rest))
            if aid:
                return f"agency:{aid}", lx.agencies[aid]["pattern"], []
    if rule in ("dinas", "badan", "sudin") and k > i:
        return _regional_type(ctx, rule, i, k, regions)  # "Kadis Kesehatan Bantul", "Kadis Dikbud NTB"
    return None, None, []


def _unit_of(ctx: DocContext, rule: str, unit: str | None, regions: list[Mention], i: int,
             k: int) -> tuple[str | None, str | None, list[Mention]] | None:
    """The unit of a region, a numbered unit or a subdistrict's unit a title's rule names, or None."""
    lx = ctx.lx
    if unit and regions and unit in lx.agency_types:
        # "Inspektur Kabupaten Garut" heads the Inspektorat Daerah of that regency
        return _regional_unit(ctx, unit, regions[-1].key.split(":", 1)[1], i, k)
    beyond = bool(regions) and regions[-1].j < k and is_subdistrict_rule(lx, rule)  # "Kapolsek Poso Pesisir"
    if rule in lx.agency_types and regions and not beyond:  # "Kapolres Karangsari": the unit the rule names, of that region
        return _regional_unit(ctx, rule, regions[-1].key.split(":", 1)[1], i, k)
    if rule in lx.agency_types and lx.agency_types[rule].get("numbered") and not regions and k > i \
            and (got := _numbered(ctx, rule, i, k)):
        return got  # "Dandim 1508/Tobelo": the unit by its number and name, its town no region
    if is_subdistrict_rule(lx, rule) and (not regions or beyond) and k > i:
        # "Kapolsek Tanjung Priok", "Danramil Poso Pesisir" (a subdistrict named after its regency and a word):
        return subdistrict_unit(ctx, rule, i, k)  # the unit of that subdistrict
    return None


def _regional_unit(ctx: DocContext, tid: str, rid: str, i: int, k: int):
    """(key, label, [mention over tokens i:k]) of the office of type ``tid`` in region ``rid``."""
    from .agencies import regional_aliases, unit_name

    doc, rec, reg = ctx.doc, ctx.lx.agency_types[tid], ctx.lx.regions[rid]
    key, label = f"agency:{tid}-{rid}", unit_name(rec["pattern"], reg["pattern"])
    s, e = doc[i].idx, doc[k - 1].idx + len(doc[k - 1])
    aliases = tuple(regional_aliases(rec, reg))
    num = next((x for x in range(i, k - 1) if doc[x].text.isdigit() and doc[x + 1].text == "/"), None)
    if num is not None:  # "Dandim 1616/Gianyar": the unit is also named by its number
        suffix = "".join(t.text_with_ws for t in doc[num:k]).strip()
        aliases += tuple(f"{form} {suffix}" for form in [rec["pattern"], *rec.get("aliases", [])] if form[:1].isupper())
    return key, label, [Mention(s, e, ctx.text[s:e], "Agency", key, label, aliases, "derived", None, i, k)]


def _numbered(ctx: DocContext, tid: str, i: int, k: int):
    """(key, label, [mention]) of a military unit a fused title names by its number and name ("Dandim 1508/Tobelo"
    is the commander of Kodim 1508/Tobelo), as :func:`kg.nlp.agencies.agency_at` names it; else None."""
    doc = ctx.doc
    num = next((x for x in range(i, k - 2) if doc[x].text.isdigit() and doc[x + 1].text == "/"), None)
    if num is None:
        return None
    m = numbered_unit(ctx, tid, "".join(t.text_with_ws for t in doc[num:k]).strip(), i, k)
    return m.key, m.label, [m]


def _regional_type(ctx: DocContext, rule: str, i: int, k: int, regions: list[Mention]):
    """(key, label, [mention]) of the regional office a "Kadis"/"Kaban" title names by its field alone:
    the longest "Dinas <words>" that is an office type, in the region named after it; else nothing."""
    lx = ctx.lx
    prefix = {"dinas": "Dinas ", "badan": "Badan ", "sudin": "Suku Dinas "}[rule]
    for m in range(k, i, -1):
        tid = lx.agency_type_index.get(norm(prefix + unbracketed(ctx.span_text(i, m))))
        if not tid:
            continue
        rid = regions[-1].key.split(":", 1)[1] if regions else None
        if rid is None or lx.regions[rid]["kind"] not in lx.agency_types[tid].get("levels", ()):
            return None, None, []
        return _regional_unit(ctx, tid, rid, i, k)
    return None, None, []


def _section(ctx: DocContext, i: int, parent: Mention) -> Mention | None:
    """The section an office heads inside a secretariat: "Kabag Organisasi Setda Sleman" -> Bagian Organisasi
    Sekretariat Daerah Kabupaten Sleman (a named unit is an agency of its own), else None."""

    word = ctx.texts[i - 1].lower() if i > 0 else ""
    kind = (word if word in ctx.lx.kinds("SECTION_HEAD") else ctx.lx.kinds("SECTION_CHIEF").get(word, "")).capitalize()
    words = ctx.texts[i:parent.i]
    if not kind or not words or not parent.label.startswith("Sekretariat") \
            or not all(is_unit_word(ctx.lx, w) or w in ("dan", ",") for w in words) or words[-1] in ("dan", ","):
        return None
    field = " ".join(w for w in words if w != ",")
    label = f"{kind} {field} {parent.label}"
    doc = ctx.doc
    s, e = doc[i].idx, doc[parent.j - 1].idx + len(doc[parent.j - 1])
    aliases = tuple(f"{kind} {field} {a}" for a in (parent.text, *parent.aliases))
    return Mention(s, e, ctx.text[s:e], "Agency", f"agency:{slug(label)}", label, aliases, "derived", None, i, parent.j)


def _named_unit(ctx: DocContext, unit: Mention, k: int) -> Mention | None:
    """A unit of a kind that takes a proper name, named by the words after it up to ``k``: "RSUD Labuang
    Baji" -> Rumah Sakit Umum Daerah Labuang Baji (an agency of its own), else None."""
    words = ctx.texts[unit.j:k]
    lx = ctx.lx
    proper = [w[:1].isupper() and w.isalpha() and not w.isupper() and w.lower() not in lx.function_words
              and w.lower() not in lx.not_name and w.lower() not in lx.calendar for w in words]  # "Sungai Dareh"
    if unit.kind != "type" or not 1 <= len(words) <= 4 or not all(proper) \
            or any(h.label not in ("PLACE", "VENUE_HEAD") for j in range(unit.j, k) for h in ctx.hits_at(j)) \
            or not any(w.lower() in lx.named_units for w in unit.text.split()):
        return None
    name = " ".join(words)
    doc = ctx.doc
    s, e = doc[unit.i].idx, doc[k - 1].idx + len(doc[k - 1])
    label = f"{unit.label} {name}"
    aliases = tuple(dict.fromkeys(f"{a} {name}" for a in (unit.text, *unit.aliases) if f"{a} {name}" != label))
    # "regional": the bare type named elsewhere in the article ("RSUD") merges into it, as into a regional unit
    return Mention(s, e, ctx.text[s:e], "Agency", f"{unit.key}-{slug(name)}", label, aliases, "regional", None,
                   unit.i, k)
