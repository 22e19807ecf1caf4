"""Assemble one document: mentions → entities (merged within the document),
roles, event reports and quotes with resolved speakers → :class:`~kg.records.DocResult`.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict

from spacy.tokens import Doc

from ..records import Article, DocResult, Entity, Quote, Role, Span
from .context import DocContext, Mention, build_context
from .lexicon import lexicon, norm, slug, unbracketed
from .acronyms import acronym_mentions, fits
from .agencies import bare_units
from .mentions import iter_mentions
from .people import PersonMention, iter_people
from .same_person import resolve_people
from .quotes import iter_quotes
from .quote_cues import opens_subject
from .nicknames import find_nicknames
from .merges import bare_local_places, merged_offices, office_with_its_region, same_names
from .regional import REGION_SUFFIX, attach_bare_types
from .units import LOCAL_KINDS
from .event_reports import event_reports

__all__ = ["assemble"]




def _expand(label: str, expansions: dict[str, str]) -> set[str]:
    words = []
    for w in re.sub(r"\([^)]*\)", " ", label).split():
        words.extend(norm(expansions.get(w, w)).split())
    return set(words)


def _merge_keys(mentions: list[Mention], expansions: dict[str, str], lx) -> dict[str, str]:
    """Within-document merges: bare agency types (and a national body named bare, such as
    "Bawaslu", whose one regional unit the article names) into their regional unit, bare
    policies into their dated version, bare event heads into their named event."""
    by_type: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, str | None] = {}
    labels: dict[str, str] = {}
    for m in mentions:
        by_type[m.type].add(m.key)
        kinds.setdefault(m.key, m.kind)
        labels.setdefault(m.key, m.label)
    remap: dict[str, str] = {}
    mark = lx.derived("national_mark", lambda lx: re.compile(r"\b" + lx.phrases("NATIONAL_MARK").pattern + r"\b"))
    national = {m.key for m in mentions if mark.search(m.text)}  # "Bawaslu RI", "KPU Pusat"
    for key in by_type["Agency"]:
        unit = lx.agencies.get(key[len("agency:"):], {}).get("local_unit") if key not in national else None
        if kinds.get(key) == "type" or unit:
            prefix = f"agency:{unit}-" if unit else key + "-"
            regional = [k for k in by_type["Agency"] if k.startswith(prefix) and kinds.get(k) in ("regional", "derived", "office")]
            if len(regional) > 1 and unit:  # "Bawaslu" beside Bawaslu Riau and Bawaslu Kampar: the province's
                regional = [k for k in regional if lx.regions.get(k[len(prefix):], {}).get("kind") == "provinsi"]
            if len(regional) == 1:
                remap[key] = regional[0]
    for key in by_type["Policy"]:
        longer = [k for k in by_type["Policy"] if k != key and k.startswith(key + "-")
                  and re.match(r"^-\d{4}", k[len(key):])]
        if len(longer) == 1:
            remap[key] = longer[0]
    regional: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(by_type["Agency"]):
        if kinds.get(key) == "regional" and key not in remap:
            head = labels[key].split()[0].lower()
            region = next((r for r in REGION_SUFFIX.findall(key)), "")
            if head not in lx.lists["GENERIC_AGENCY_HEAD"] and region:
                regional[(head, region)].append(key)
    for keys in regional.values():
        for k in keys[1:]:
            remap[k] = keys[0]
    remap.update(merged_offices(by_type["Agency"], kinds, labels, remap, lx))
    remap.update(office_with_its_region(by_type["Agency"], kinds, labels, remap, lx))
    for etype in ("Policy", "Agency"):
        remap.update(same_names(by_type[etype], labels, remap, lx))
    remap.update(bare_local_places(by_type["Place"], kinds, labels, remap))
    events = sorted(by_type["Event"], key=lambda k: (len(labels[k]), k))
    # one article, one "Apel ...": event names with the same head word are one event
    heads: dict[str, list[str]] = defaultdict(list)
    for key in events:
        if kinds.get(key) != "election":
            heads[labels[key].split()[0].lower()].append(key)
    for head, keys in heads.items():
        if len(keys) > 1 and head not in lx.lists["SHARED_FIRST_WORD"]:
            target = max(keys, key=lambda k: (len(labels[k]), k))
            for k in keys:
                if k != target:
                    remap[k] = target
    words = {k: _expand(labels[k], expansions) for k in events}
    for key in events:
        if kinds.get(key) == "election":
            same = [k for k in events if k != key and kinds.get(k) == "election"
                    and labels[k].split()[0] == labels[key].split()[0]]
            if len(labels[key].split()) == 1 and len(same) == 1:
                remap[key] = same[0]
            continue
        if key in remap:
            continue
        launch = lx.event_words.get("LAUNCH", frozenset())  # "Peluncuran KIPP 2022" is not the competition itself
        own = words[key] - lx.event_words.get("CEREMONY_PART", frozenset())  # "Pembukaan PKP Angkatan II": the training's
        longer = [k for k in events if k != key and kinds.get(k) != "election" and len(words[k]) > len(words[key])
                  and (words[key] <= words[k] or len(own) >= 2 and own < words[key] and own <= words[k])
                  and labels[k].split()[0].lower() not in launch]
        if len(longer) == 1 or (longer and all(remap.get(k, k) == remap.get(longer[0], longer[0]) for k in longer)):
            remap[key] = remap.get(longer[-1], longer[-1])
    return remap


def _entities(mentions: list[Mention], remap: dict[str, str], text: str) -> dict[str, dict]:
    ents: dict[str, dict] = {}
    for m in mentions:
        key = remap.get(m.key, m.key)
        e = ents.setdefault(key, {"type": m.type, "label": None, "aliases": [], "spans": [], "kind": m.kind,
                                  "part_of": m.part_of})
        if e["label"] is None or (m.key == key and len(m.label) > len(e["label"]) and m.kind != "acronym"):
            if m.key == key:
                e["label"] = m.label
        surface = [] if m.kind == "derived" else [" ".join(text[m.start:m.end].split())]
        e["aliases"].extend([*surface, *m.aliases])
        e["spans"].append(Span(m.start, m.end, text[m.start:m.end]))
        if m.kind and m.kind not in ("type", "derived", "acronym"):
            e["kind"] = m.kind
    for key, e in ents.items():
        if e["label"] is None:
            e["label"] = e["aliases"][0]
    return ents


def _finish(key: str, e: dict) -> Entity:
    seen = {norm(e["label"])}
    aliases = []
    extra = []
    for a in e["aliases"]:
        m = re.search(r"\(([^()]{1,80})\)", a)
        if m:  # "Badan Pengawas Pemilu (Bawaslu)" also names "Badan Pengawas Pemilu" and "Bawaslu"
            extra.append(unbracketed(a))
            if any(c.isupper() for c in m.group(1)) and len(m.group(1).split()) <= 8 and (
                    not a[m.end():].strip(" ,.") or fits(m.group(1).replace(" ", ""), a[:m.start()].split())):
                extra.append(m.group(1))  # "Surat Keputusan Bersama (SKB) tentang ...", not "Kantor Regional IV
                # Badan Kepegawaian Negara (BKN) Makassar": there the short form is a part's
    for a in [*e["aliases"], *extra]:
        a = " ".join(a.split()).strip(" ,.")
        if a and norm(a) not in seen:
            seen.add(norm(a))
            aliases.append(a)
    spans = tuple(sorted(set(e["spans"]), key=lambda s: (s.start, s.end)))
    kind = e.get("kind")
    if e["type"] == "Place" and kind not in ("provinsi", "kabupaten", "kota", "kecamatan", "desa", "negara", "venue"):
        kind = "lainnya"
    if e["type"] != "Place":
        kind = None
    return Entity(key=key, type=e["type"], label=e["label"], aliases=tuple(aliases), mentions=spans,
                  official=e.get("official", False), kind=kind, part_of=e.get("part_of") if e["type"] == "Place" else None)


def assemble(doc: Doc, article: Article) -> DocResult:
    """Everything one document says, merged within the document."""
    ctx = build_context(doc, article)
    mentions, people = _mentions_and_people(ctx)
    dateline_key = _dateline(ctx, article, mentions)
    mentions, attached = attach_bare_types(ctx, mentions)  # "Inspektorat" in an article about one regency
    remap = {**attached, **_merge_keys(mentions, ctx.expansions, ctx.lx)}
    remap = {k: remap.get(v, v) for k, v in remap.items()}  # "Dinas Kominfo" -> its regional unit -> the merged office
    ents = _entities(mentions, remap, article.text)
    pindex, pdata = resolve_people(people, find_nicknames(ctx, people))
    roles = _roles(people, pindex, pdata, remap, ents, article)
    for key, d in pdata.items():
        ents[key] = d
    quotes = _quotes(ctx, mentions, people, pindex, remap, ents)
    events = event_reports(ctx, mentions, remap, people, pindex, dateline_key, ents, quotes)
    entities = tuple(_finish(k, e) for k, e in sorted(ents.items()))
    return DocResult(article=article, entities=entities, roles=tuple(roles.values()), events=tuple(events),
                     quotes=tuple(quotes), dateline_place=dateline_key)


def _mentions_and_people(ctx: DocContext) -> tuple[list[Mention], list[PersonMention]]:
    """The document's entity mentions and person mentions (in text order)."""
    mentions = list(iter_mentions(ctx))
    mentions += acronym_mentions(ctx, mentions)
    mentions += bare_units(ctx, mentions)  # "Komisi A" after "Komisi A DPRK X"
    people: list[PersonMention] = []
    for x in iter_people(ctx, mentions):
        if isinstance(x, PersonMention):
            people.append(x)
        else:
            mentions.append(x)
    people.sort(key=lambda p: p.start)
    # "Kepala Bagian Umum, Darwin Situmorang (DS)": a person's name defined by its initials is no policy or agency
    starts = {p.start for p in people if p.name}
    initialled = {m.key for m in mentions if m.type in ("Policy", "Agency") and m.kind == "acronym" and m.start in starts}
    mentions = [m for m in mentions if m.key not in initialled]
    # "Lurah Manggarai", "Camat Sleman": the local unit's name, not the region of the same name
    local = [m for m in mentions if m.type == "Place" and m.kind in LOCAL_KINDS]
    mentions = [m for m in mentions if not (m.type == "Place" and m.kind in ("kabupaten", "kota", "provinsi")
                                            and any(lo.start <= m.start and m.end <= lo.end for lo in local))]
    return mentions, people


def _dateline(ctx: DocContext, article: Article, mentions: list[Mention]) -> str | None:
    """The dateline place's key, its mention appended to ``mentions``."""
    if not article.dateline:
        return None
    s, e = article.dateline
    rid = ctx.main_region.get("dateline")
    if rid:
        rec = ctx.lx.regions[rid]
        mentions.append(Mention(s, e, article.text[s:e], "Place", f"place:{rid}", rec["pattern"], (rec["name"],),
                                rec["kind"], rec.get("province")))
        return f"place:{rid}"
    raw = article.text[s:e].strip()
    words = raw.split()
    if 1 <= len(words) <= 2 and all(w[:1].isupper() and (w.isupper() or w[1:].islower()) for w in words):
        label = " ".join(w.capitalize() if w.isupper() else w for w in words)
        mentions.append(Mention(s, e, raw, "Place", f"place:{slug(label)}", label, (), "lainnya"))
        return f"place:{slug(label)}"
    return None


def _roles(people: list[PersonMention], pindex: dict[int, str], pdata: dict[str, dict], remap: dict[str, str],
           ents: dict[str, dict], article: Article) -> dict[tuple[str, ...], Role]:
    """The offices people hold here, one a person and office (the longest title wins; one head in two
    organizations is two offices); adds the agencies they imply to ``ents`` and marks their holders official."""
    roles: dict[tuple[str, ...], Role] = {}
    titles = lexicon().titles
    for k, p in enumerate(people):
        key = pindex.get(k)
        if not key or not p.title or not p.name:
            continue
        if titles.get(norm(p.title), {}).get("with_place"):
            continue  # "guru" alone is a profession; "guru SD Negeri 3 X" an office
        org = remap.get(p.org_key, p.org_key) if p.org_key else None
        ts = p.title_start if p.title_start is not None else p.start
        te = p.title_end if p.title_end is not None else p.end
        if org and org not in ents and p.org_label:
            ents[org] = {"type": "Agency", "label": p.org_label, "aliases": [], "spans": [
                Span(ts, te, article.text[ts:te])],
                "kind": "derived", "part_of": None}
        rk: tuple[str, ...] = (key, p.head or norm(p.title))
        role = Role(key, p.title, org if org in ents else None, article.date, ts, te)
        old = roles.get(rk)
        if old is not None and not _one_office(old.title, role.title) and (
                old.organization and role.organization and old.organization != role.organization
                or not old.organization and not role.organization and _numbers(old.title) != _numbers(role.title)):
            # "Camat Cibatu, X, kini menjabat Camat Tarogong Kidul", "... SMP Negeri 3 A, kini ... SMP Negeri 1 B"
            rk = (*rk, role.organization or norm(role.title))  # two offices
            old = roles.get(rk)
        if old is None or (len(role.title) > len(old.title) and (role.organization or not old.organization)):
            roles[rk] = role
        pdata[key]["official"] = True
    return _one_per_organization(roles)


def _one_office(a: str, b: str) -> bool:
    """Is one title the other written short ("Asisten Administrasi Umum" and "... Umum Setda Polman")?"""
    wa, wb = set(norm(a).split()), set(norm(b).split())
    return wa <= wb or wb <= wa


def _numbers(title: str) -> set[str]:
    """The numbers in a title: a numbered unit's ("Kepala SMP Negeri 3")."""
    return set(re.findall(r"\d+", title))


def _one_per_organization(roles: dict[tuple[str, ...], Role]) -> dict[tuple[str, ...], Role]:
    """One office a person and organization: two titles of one person in one organization here are
    one office written short and long ("Kepala DPMPTSP", "Kepala Dinas Penanaman Modal ..."); the
    longest title wins."""
    best: dict[tuple[str, str], tuple[str, ...]] = {}
    for rk, role in roles.items():
        if role.organization:
            ok = (role.person, role.organization)
            if ok not in best or len(role.title) > len(roles[best[ok]].title):
                best[ok] = rk
    keep = set(best.values())
    return {rk: r for rk, r in roles.items() if not r.organization or rk in keep}


def _quote_candidates(ctx: DocContext, mentions: list[Mention], people: list[PersonMention]) -> list:
    """The document's quotes and statements in text order; one span, one quote: the first cue found for it wins."""
    cands = []
    spans = set()
    agencies = [m for m in mentions if m.type == "Agency"]
    for q in sorted(iter_quotes(ctx, people, agencies), key=lambda q: (q.start, q.hint[0] != "person")):
        if (q.start, q.end) not in spans:
            spans.add((q.start, q.end))
            cands.append(q)
    return cands


def _pronoun_subject(lx) -> re.Pattern:
    """A sentence opening on a pronoun for the person speaking ("Ia", "Dia", "Beliau")."""
    return lx.derived("pronoun_subject", lambda lx: re.compile(
        r"^\W*(?:" + "|".join(sorted(w.capitalize() for w in lx.lists["SPEAKER_PRONOUN"])) + r")\b"))


def _timeline(ctx: DocContext, people: list[PersonMention], pindex: dict[int, str]) -> list[tuple[int, str]]:
    """(position, person key) of each sentence's first person named outside quotations: who a later
    "ia" or "-nya" means."""
    timeline: list[tuple[int, str]] = []
    seen_sent = set()
    guests = ctx.lx.derived("guest_lead", lambda lx: re.compile(r"\b" + lx.phrases("GUEST_LEAD").pattern + r"\b", re.I))
    for k, p in enumerate(people):
        key = pindex.get(k)
        if key is None or ctx.in_quote(p.start) or (p.name is None and p.text[:1].islower()):
            continue
        span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
        sent = span.sent if span is not None else None
        sid = sent.start if sent is not None else p.start
        if sid not in seen_sent:
            seen_sent.add(sid)
            if sent is not None and _pronoun_subject(ctx.lx).match(ctx.text[sent.start_char:sent.end_char]):
                continue  # "Ia didampingi X": the subject is still the one before, not X
            if timeline and sent is not None and guests.search(ctx.text[sent.start_char:p.start]):
                continue  # "Turut hadir X dan Y": guests listed, not the subject a later "-nya" means
            timeline.append((p.start, key))
    return timeline


def _subject_body(ctx: DocContext, mentions: list[Mention], at: int, remap: dict[str, str],
                  ents: dict[str, dict]) -> str | None:
    """The agency opening the last sentence before ``at`` that opens with one ("Ombudsman menemukan ... .
    Lembaga itu meminta ...": Ombudsman), within the two sentences before."""
    for m in sorted((m for m in mentions if m.type == "Agency" and m.end <= at), key=lambda m: -m.start):
        start = ctx.doc[m.i].sent.start_char
        if len(re.findall(r"[.!?](?:\s|$)", ctx.text[start:at])) > 2:
            return None  # further back than the two sentences before
        key = remap.get(m.key, m.key)
        if key in ents and opens_subject(ctx.text[start:m.start].strip(), ctx.lx.lists["CLAUSE_LEAD"]):
            return key
    return None


def _quotes(ctx: DocContext, mentions: list[Mention], people: list[PersonMention], pindex: dict[int, str],
            remap: dict[str, str], ents: dict[str, dict]) -> list[Quote]:
    """The document's quotes with their speakers resolved and what they are about."""
    text = ctx.article.text
    pos_of = {id(p): k for k, p in enumerate(people)}
    timeline = _timeline(ctx, people, pindex)
    quotes: list[Quote] = []
    last_by_para: dict[int, str | None] = {}
    last_body: str | None = None
    for q in _quote_candidates(ctx, mentions, people):
        kind, pm = q.hint
        speaker = None
        if kind == "person" and pm is not None:
            # an office named without a name that no one here holds stays unnamed
            speaker = pindex.get(pos_of.get(id(pm), -1))
        elif kind == "pronoun":
            speaker = _salient(timeline, q.start)
        elif kind == "agency" and pm is not None:
            speaker = remap.get(pm.key, pm.key)
            speaker = last_body = speaker if speaker in ents else None
        elif kind == "body":  # "Lembaga itu meminta ...": the agency that spoke last, or opened a sentence before
            speaker = last_body or _subject_body(ctx, mentions, q.start, remap, ents)
        elif kind == "last":  # "Perempuan itu mengaku ...": the person named last before
            speaker = next((pindex[pos_of[id(p)]] for p in reversed(people) if p.end <= q.start
                            and pindex.get(pos_of[id(p)]) and not ctx.in_quote(p.start)), None)
        elif kind == "carry":
            para = text.rfind("\n", 0, q.start)
            speaker = last_by_para.get(para) or _salient(timeline, q.start)
        if speaker and kind not in ("agency", "body"):  # "ia", "-nya" later are people
            bisect.insort(timeline, (q.start, speaker))
        last_by_para[text.rfind("\n", 0, q.start)] = speaker
        about = sorted({remap.get(m.key, m.key) for m in mentions
                        if m.type in ("Policy", "Event", "Agency") and q.start <= m.start and m.end <= q.end + 1})
        quotes.append(Quote(q.start, q.end, text[q.start:q.end], q.direct, speaker, q.cue, tuple(about)))
    return quotes


def _salient(timeline: list[tuple[int, str]], pos: int) -> str | None:
    k = bisect.bisect_left(timeline, (pos, ""))
    return timeline[k - 1][1] if k > 0 else None


