"""Corrections applied to one document's records (:class:`~kg.records.DocResult`).

Each function takes the records and a correction's JSON object and returns an
:class:`Outcome`: the new records, whether anything changed, the nodes changed
(Turtle terms with the block's document placeholder) and what was found, for the
stale-line report of :mod:`kg.corrections`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace

from .graph import entity_iri, quote_node, slug
from .records import ENTITY_TYPES, DocResult, Entity, Quote, Role

__all__ = ["Outcome", "apply_one", "OPEN_WORDS"]

#: How many first words of a quote a stale report shows.
OPEN_WORDS = 8


@dataclass
class Outcome:
    result: DocResult
    changed: bool = False
    nodes: list[str] = field(default_factory=list)
    found: set[str] = field(default_factory=set)     # entity keys a reference matched
    near: list[str] = field(default_factory=list)    # what there was instead (quotes' first words)
    already: str | None = None                      # why a match needed no change
    targets: set[str] = field(default_factory=set)   # keys a merge or split gave its label
    problem: str | None = None                      # why a match could not be corrected


def apply_one(r: DocResult, d: dict) -> Outcome:
    """Apply the correction ``d`` to the records ``r`` of one document."""
    op = d["op"]
    if op == "reject":
        if "entity" in d or "event" in d:
            return _reject_entity(r, d.get("entity") or d["event"])
        if "role" in d:
            return _role_remove(r, d["role"], d.get("person"), None)
        return _reject_quote(r, d)
    return {"merge": _merge, "split": _split, "speaker": _speaker, "role": _role}[op](r, d)


# ----------------------------------------------------------------------------- naming

def _is_iri(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _doc_matches(name: str, source: str) -> bool:
    return source == name or source.endswith("/" + name) or os.path.basename(source) == name


def _key_of_iri(iri: str) -> str | None:
    """The entity key whose IRI is ``iri`` when the IRI spells it out (``.../person/rina-wulandari``)."""
    from .ns import KGD

    kind, _, local = iri[len(str(KGD)):].partition("/") if iri.startswith(str(KGD)) else ("", "", "")
    etype = {t.lower(): t for t in ENTITY_TYPES}.get(kind)
    if not etype or not local or "--" in local or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", local):
        return None
    return f"{kind}:{local}"


def _match(ref: str, key: str, label: str, aliases) -> bool:
    """Does ``ref`` (an IRI or a label) name the entity ``key`` labelled ``label`` here?"""
    if _is_iri(ref):
        return str(entity_iri(key)) == ref
    n = _norm(ref)
    return n == _norm(label) or any(n == _norm(a) for a in aliases) or key.partition(":")[2] == slug(ref)


def _new_key(etype: str, label: str) -> str:
    return f"{etype.lower()}:{slug(label)}"


# ----------------------------------------------------------------------------- entities

def _find(r: DocResult, ref: str, types=None) -> list[Entity]:
    return [e for e in r.entities if (types is None or e.type in types) and _match(ref, e.key, e.label, e.aliases)]


def _rekey(r: DocResult, mapping: dict[str, str], label: str | None) -> DocResult:
    """``r`` with entity keys renamed by ``mapping``; entities that meet are merged (labelled ``label``)."""
    if not mapping:
        return r
    k = lambda key: mapping.get(key, key)  # noqa: E731
    merged: dict[str, Entity] = {}
    for e in r.entities:
        new = k(e.key)
        cur = merged.get(new)
        if cur is None:
            keep = label if new != e.key and label else e.label
            merged[new] = replace(e, key=new, label=keep, aliases=tuple(e.aliases) + (e.label,))
            continue
        names = set(cur.aliases) | set(e.aliases) | {cur.label, e.label}
        merged[new] = replace(cur, aliases=tuple(sorted(names - {cur.label})),
                              mentions=tuple(sorted(set(cur.mentions) | set(e.mentions), key=lambda s: (s.start, s.end))),
                              official=cur.official or e.official, byline=cur.byline or e.byline)
    ents = tuple(replace(e, aliases=tuple(sorted(set(e.aliases) - {e.label}))) for e in merged.values())
    roles = tuple(replace(ro, person=k(ro.person), organization=ro.organization and k(ro.organization))
                  for ro in r.roles)
    events = tuple(replace(ev, event=k(ev.event), place=ev.place and k(ev.place),
                           participants=tuple(dict.fromkeys(map(k, ev.participants)))) for ev in r.events)
    quotes = tuple(replace(q, speaker=q.speaker and k(q.speaker), about=tuple(dict.fromkeys(map(k, q.about))))
                   for q in r.quotes)
    return replace(r, entities=ents, roles=roles, events=events, quotes=quotes,
                   dateline_place=r.dateline_place and k(r.dateline_place))


def _merge(r: DocResult, d: dict) -> Outcome:
    label = d.get("label") or d["entities"][0]
    hits = [e for ref in d["entities"] for e in _find(r, ref)]
    out = Outcome(r, found={e.key for e in hits})
    hits += _find(r, label)   # the kept label names the entity too: its other documents join it
    if not hits:
        return out
    hits = [e for e in hits if e.type == hits[0].type]   # one type: the first entity's
    target = (_key_of_iri(d["entities"][0]) if _is_iri(d["entities"][0]) else None) or _new_key(hits[0].type, label)
    mapping = {e.key: target for e in hits if e.key != target}
    relabel = [e for e in hits if e.key == target and e.label != label]
    if not mapping and not relabel:
        out.already = "already one entity"
        return out
    out.result = _rekey(r, mapping, label) if mapping else r
    if relabel:
        out.result = replace(out.result, entities=tuple(
            replace(e, label=label, aliases=tuple(sorted((set(e.aliases) | {e.label}) - {label})))
            if e.key == target else e for e in out.result.entities))
    out.changed = True
    out.targets = {target}
    return out


def _split(r: DocResult, d: dict) -> Outcome:
    if not any(_doc_matches(name, r.article.source) for name in d["documents"]):
        return Outcome(r)
    hits = _find(r, d["entity"])
    out = Outcome(r, found={e.key for e in hits})
    mapping = {e.key: _new_key(e.type, d["label"]) for e in hits}
    mapping = {a: b for a, b in mapping.items() if a != b}
    if hits and not mapping:
        out.already = "the new label gives the same entity; choose another label"
    if mapping:
        out.result, out.changed, out.targets = _rekey(r, mapping, d["label"]), True, set(mapping.values())
    return out


def _reject_entity(r: DocResult, ref: str) -> Outcome:
    hits = {e.key for e in _find(r, ref)}
    if not hits:
        return Outcome(r)
    drop = lambda key: key if key not in hits else None  # noqa: E731
    res = replace(
        r, entities=tuple(e for e in r.entities if e.key not in hits),
        roles=tuple(replace(ro, organization=drop(ro.organization)) for ro in r.roles if ro.person not in hits),
        events=tuple(replace(ev, place=drop(ev.place), participants=tuple(p for p in ev.participants if p not in hits))
                     for ev in r.events if ev.event not in hits),
        quotes=tuple(replace(q, speaker=drop(q.speaker), about=tuple(a for a in q.about if a not in hits))
                     for q in r.quotes),
        dateline_place=drop(r.dateline_place))
    return Outcome(res, True, found=hits)


# ------------------------------------------------------------------------------- quotes

def _opening(text: str) -> str:
    return " ".join(text.strip(" \"'“”‘’").split()[:OPEN_WORDS])


def _quotes(r: DocResult, d: dict) -> tuple[list[Quote], list[str]]:
    """The quotes ``d`` names in ``r`` (by offsets or first words) and, when none, every quote's opening."""
    if "start" in d:
        hits = [q for q in r.quotes if q.start == d["start"] and q.end == d.get("end", q.end)]
    else:
        words = _norm(d["quote"]).strip(" \"'“”‘’")
        hits = [q for q in r.quotes if _norm(q.text).strip(" \"'“”‘’").startswith(words)]
    return hits, ([] if hits else [_opening(q.text) for q in r.quotes])


def _reject_quote(r: DocResult, d: dict) -> Outcome:
    hits, near = _quotes(r, d)
    if not hits:
        return Outcome(r, near=near)
    return Outcome(replace(r, quotes=tuple(q for q in r.quotes if q not in hits)), True)


def _entity_for(r: DocResult, ref: str, etype: str, types) -> tuple[DocResult, str | None]:
    """The key of the entity ``ref`` names in ``r``; added to ``r`` (no mention) when ``r`` does not
    name it; None for an IRI that names nothing in ``r`` and does not spell out its key."""
    hits = _find(r, ref, types)
    if hits:
        return r, hits[0].key
    if _is_iri(ref):   # its label and type come from the documents that name it
        return r, _key_of_iri(ref)
    key = _new_key(etype, ref)
    return replace(r, entities=r.entities + (Entity(key, etype, " ".join(ref.split())),)), key


def _unknown(r: DocResult, ref: str) -> Outcome:
    return Outcome(r, problem=f"{ref!r} names no entity in {r.article.source!r}; give its label instead")


def _speaker(r: DocResult, d: dict) -> Outcome:
    hits, near = _quotes(r, d)
    if not hits:
        return Outcome(r, near=near)
    res, key = (r, None) if d["to"] is None else _entity_for(r, d["to"], "Person", ("Person", "Agency"))
    if d["to"] is not None and key is None:
        return _unknown(r, d["to"])
    todo = [q for q in hits if q.speaker != key]
    if not todo:
        return Outcome(r, already="the quote is already given to " + (d["to"] or "no one"))
    res = replace(res, quotes=tuple(replace(q, speaker=key) if q in todo else q for q in res.quotes))
    return Outcome(res, True, [quote_node(q.start, q.end) for q in todo], found={key} if key else set())


# -------------------------------------------------------------------------------- roles

def _role(r: DocResult, d: dict) -> Outcome:
    if d["action"] == "remove":
        return _role_remove(r, d["title"], d["person"], d.get("organization"))
    res, person = _entity_for(r, d["person"], "Person", ("Person",))
    org = None
    if d.get("organization"):
        res, org = _entity_for(res, d["organization"], "Agency", ("Agency",))
    if person is None or (d.get("organization") and org is None):
        return _unknown(r, d["person"] if person is None else d["organization"])
    if any(ro.person == person and _norm(ro.title) == _norm(d["title"]) and ro.organization == org
           and ro.date == d.get("date") for ro in r.roles):
        return Outcome(r, already="the document already states this office")
    spans = [sp for e in res.entities if e.key == person for sp in e.mentions]
    start, end = (d["start"], d["end"]) if "start" in d and "end" in d else \
        ((spans[0].start, spans[0].end) if spans else (0, 0))
    res = replace(res, roles=res.roles + (Role(person, " ".join(d["title"].split()), org, d.get("date"), start, end),))
    return Outcome(res, True, found={person})


def _role_remove(r: DocResult, title: str, person: str | None, org: str | None) -> Outcome:
    ents = {e.key: e for e in r.entities}

    def named(key: str | None, ref: str | None) -> bool:
        if ref is None:
            return True
        e = ents.get(key or "")
        return key is not None and (_match(ref, key, e.label, e.aliases) if e else _match(ref, key, "", ()))

    drop = [ro for ro in r.roles if _norm(ro.title) == _norm(title) and named(ro.person, person)
            and named(ro.organization, org)]
    if not drop:
        return Outcome(r, near=[ro.title for ro in r.roles])
    return Outcome(replace(r, roles=tuple(ro for ro in r.roles if ro not in drop)), True,
                   found={ro.person for ro in drop})
