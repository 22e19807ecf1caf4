"""A regional office named without its region ("Inspektorat", "BKPSDM", "Dinas Pendidikan") in an article
about one regency or city is that region's office; named bare in an article about several regions, or
about none, it stays the generic type."""
from __future__ import annotations

import re
from dataclasses import replace

from .context import DocContext, Mention

__all__ = ["attach_bare_types", "REGION_SUFFIX"]

#: the region id at the end of a regional unit's key ("agency:bkpsdm-kabupaten-sleman")
REGION_SUFFIX = re.compile(r"-((?:provinsi|kabupaten|kota)-[a-z0-9-]+)$")


def _article_region(ctx: DocContext, mentions: list[Mention]) -> str | None:
    """The one regency or city whose offices the article names (else its one province), or None."""
    rids = {m_.group(1) for m in mentions if m.type == "Agency" and (m_ := REGION_SUFFIX.search(m.key))}
    rids = {r for r in rids if r in ctx.lx.regions}
    local = {r for r in rids if ctx.lx.regions[r]["kind"] in ("kabupaten", "kota")}
    if len(local) == 1:
        return local.pop()
    provinces = {r for r in rids if ctx.lx.regions[r]["kind"] == "provinsi"}
    return provinces.pop() if not local and len(provinces) == 1 else None


def attach_bare_types(ctx: DocContext, mentions: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """(mentions with bare regional types made the article region's offices, {bare key: regional key}).

    A type is attached only where the article names no unit of that type with its region (those
    are merged later), and only at a level the type exists at."""
    from .agencies import regional_aliases, unit_name

    lx = ctx.lx
    bare = {m.key for m in mentions if m.type == "Agency" and m.kind == "type" and m.key[len("agency:"):] in lx.agency_types}
    rid = _article_region(ctx, mentions) if bare else None
    if rid is None:
        return mentions, {}
    reg = lx.regions[rid]
    attached: dict[str, str] = {}
    for key in bare:
        tid = key[len("agency:"):]
        rec = lx.agency_types[tid]
        if reg["kind"] in rec.get("levels", ()) and not any(m.key.startswith(key + "-") for m in mentions):
            attached[key] = f"agency:{tid}-{rid}"
    if not attached:
        return mentions, {}
    out = []
    for m in mentions:
        if m.key in attached:
            rec = lx.agency_types[m.key[len("agency:"):]]
            m = replace(m, key=attached[m.key], label=unit_name(rec["pattern"], reg["pattern"]),
                        aliases=regional_aliases(rec, reg), kind="regional")
        out.append(m)
    return out, attached
