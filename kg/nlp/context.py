"""Per-document context shared by the extractors: gazetteer hits by token, the
document's regions, acronyms it defines, and sentence lookups.

Extractors read a :class:`DocContext`; only :func:`build_context` writes it.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..records import Article
from .lexicon import Lexicon, lexicon, norm
from .marks import find_quote_marks
from .pipeline import SPANS_KEY

__all__ = ["Hit", "Mention", "DocContext", "build_context", "is_cap", "is_acronym", "paren_end", "make_mention", "title_ends_at", "fits",
           "name_after_rank", "region_is_name", "surname_region", "hits_over", "opens_sentence", "NAME_LABELS"]


@dataclass(frozen=True)
class Hit:
    """A gazetteer match over tokens ``i:j``."""

    i: int
    j: int
    label: str
    id: str


@dataclass(frozen=True)
class Mention:
    """One mention of a non-person entity, before merging."""

    start: int
    end: int
    text: str
    type: str
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    part_of: str | None = None
    i: int = 0
    j: int = 0


@dataclass
class DocContext:
    """What every extractor needs to know about one document."""

    doc: Doc
    article: Article
    lx: Lexicon
    hits: dict[int, list[Hit]] = field(default_factory=dict)
    region_pref: dict[str, str] = field(default_factory=dict)   # norm(bare name) -> region id
    main_region: dict[str, str] = field(default_factory=dict)   # kind -> region id
    acronyms: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # ACR -> (type, key, label)
    expansions: dict[str, str] = field(default_factory=dict)  # ACR -> long form, every definition
    quote_marks: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, closed), paired once
    quote_spans: list[tuple[int, int]] = field(default_factory=list)    # char spans inside quotes
    _starts: list[int] | None = None
    _token_starts: list[int] | None = None
    _by_label: dict[tuple[int, str], list[Hit]] | None = None  # (token, label) -> hits, longest first
    local_names: dict[str, set[tuple[str, ...]]] | None = None  # first word -> village/district names (units.py)

    text: str = ""  # the text the pipeline saw: the article text with skipped parts blanked (same offsets)
    #: The text of every token, read once (each ``doc[i]`` makes a new Token object); an attribute, not a
    #: property, since the scanners read it about two thousand times a document.
    texts: list[str] = field(init=False)
    #: The same in lower case: the scans that test every word against a word list read it, not ``str.lower``.
    lows: list[str] = field(init=False)

    def __post_init__(self) -> None:
        texts = self.doc.user_data.get("kg_texts")
        self.texts = texts if texts is not None and len(texts) == len(self.doc) else [t.text for t in self.doc]
        self.lows = [t.lower() for t in self.texts]

    def hits_at(self, i: int, label: str | None = None) -> Sequence[Hit]:
        """Gazetteer hits starting at token ``i``, longest first (the index's own list: read, never change it)."""
        if label is None:
            return self.hits.get(i, ())
        if self._by_label is None:
            self._by_label = _by_label(self.hits)
        return self._by_label.get((i, label), ())

    def longest(self, i: int, labels: tuple[str, ...]) -> Hit | None:
        for h in self.hits.get(i, []):
            if h.label in labels:
                return h
        return None

    @property
    def token_starts(self) -> list[int]:
        """The character offset of every token (``doc[i].idx``), read once."""
        if self._token_starts is None:
            self._token_starts = self.doc.to_array("IDX").tolist() if len(self.doc) else []
        return self._token_starts

    def span_text(self, i: int, j: int) -> str:
        """``doc[i:j].text``, sliced from the text instead of joined from the tokens (``0 <= i``, ``j <= len(doc)``)."""
        if j <= i:
            return ""
        starts = self.token_starts
        return self.text[starts[i]:starts[j - 1] + len(self.texts[j - 1])]

    def in_quote(self, char: int) -> bool:
        """Is ``char`` inside a quotation? (quote spans are sorted and do not overlap)"""
        k = bisect.bisect_right(self._quote_starts, char) - 1
        return k >= 0 and char < self.quote_spans[k][1]

    @property
    def _quote_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [s for s, _ in self.quote_spans]
        return self._starts

    def sent_of(self, i: int) -> Span:
        return self.doc[i].sent

    def region_id(self, hit_ids: list[str], before: str = "") -> str | None:
        """Choose among the regions a bare name may denote."""
        if len(hit_ids) == 1:
            return hit_ids[0]
        b = before.lower()
        kinds = {self.lx.regions[r]["kind"]: r for r in hit_ids if r in self.lx.regions}
        for cue, kind in self.lx.kinds("REGION_KIND_CUE").items():
            if b.endswith(cue) and kind in kinds:
                return kinds[kind]
        for r in hit_ids:
            if r in self.main_region.values():
                return r
        for kind in ("provinsi", "kota", "kabupaten"):
            if kind in kinds:
                return kinds[kind]
        return hit_ids[0]


_ACR_SHAPE = re.compile(r"^[A-Z][A-Za-z&\-.]{1,14}$")


def _by_label(hits: dict[int, list[Hit]]) -> dict[tuple[int, str], list[Hit]]:
    """The hits at each token by label, in the order of ``hits`` (longest first)."""
    out: dict[tuple[int, str], list[Hit]] = {}
    for i, hs in hits.items():
        for h in hs:
            out.setdefault((i, h.label), []).append(h)
    return out


def _collect_hits(doc: Doc) -> dict[int, list[Hit]]:
    """The gazetteers' hits by start token, longest first (then by label and id), each once."""
    raw: dict[int, list[tuple]] = {}
    seen = set()
    for key in (SPANS_KEY + "_cs", SPANS_KEY + "_ci"):
        for hit in doc.user_data.get(key, ()):  # (start, end, label, id): deduplicated as tuples, cheaply
            if hit not in seen:
                seen.add(hit)
                raw.setdefault(hit[0], []).append(hit)
    return {i: [Hit(*h) for h in sorted(lst, key=lambda h: (h[0] - h[1], h[2], h[3]))] for i, lst in raw.items()}


def build_context(doc: Doc, article: Article) -> DocContext:
    """Index the gazetteer hits of ``doc`` and find the document's main regions."""
    lx = lexicon()
    text = doc.user_data.get("kg_text")  # the text given to the pipeline: doc.text, already joined
    ctx = DocContext(doc=doc, article=article, lx=lx, hits=_collect_hits(doc), text=doc.text if text is None else text)
    ctx.quote_marks = find_quote_marks(ctx.text)
    ctx.quote_spans = [(s, e) for s, e, _closed in ctx.quote_marks]
    # regions named with their kind ("Kota Malang", "Kabupaten Karo") or through a
    # government/office word ("Pemkot Malang", "Bupati Karo") are the document's regions
    counts: dict[str, int] = {}
    for i, hs in ctx.hits.items():
        places = [h for h in hs if h.label == "PLACE" and h.id in lx.regions]
        if not places:
            continue
        longest = max(h.j for h in places)
        places = [h for h in places if h.j == longest]
        before = doc[i - 1].text.lower() if i else ""
        if len(places) == 1:
            h = places[0]
            explicit = norm(ctx.span_text(h.i, h.j)) != norm(lx.regions[h.id]["name"])
            counts[h.id] = counts.get(h.id, 0) + (2 if explicit else 1)
        elif before in lx.lists["REGION_KIND_CUE"]:
            rid = ctx.region_id([h.id for h in places], before)
            if rid:
                counts[rid] = counts.get(rid, 0) + 2
    ambiguous = {}
    for rid, c in counts.items():
        ambiguous.setdefault(norm(lx.regions[rid]["name"]), []).append((c, rid))
    for name, lst in ambiguous.items():
        lst.sort(reverse=True)
        ctx.region_pref[name] = lst[0][1]
    best: dict[str, tuple[int, str]] = {}
    for rid, c in counts.items():
        kind = lx.regions[rid]["kind"]
        if kind not in best or c > best[kind][0]:
            best[kind] = (c, rid)
    ctx.main_region = {k: v[1] for k, v in best.items()}
    if article.dateline:
        s, e = article.dateline
        ids = _dateline_region(lx, article.text[s:e])
        if ids:
            rid = ctx.region_id(ids) if len(ids) > 1 else ids[0]
            pref = [r for r in ids if lx.regions[r]["kind"] == "kota"]
            rid = pref[0] if pref and norm(lx.regions[pref[0]]["name"]) not in ctx.region_pref else \
                ctx.region_pref.get(norm(lx.regions[rid]["name"]), rid)
            ctx.main_region.setdefault(lx.regions[rid]["kind"], rid)
            ctx.main_region["dateline"] = rid
    return ctx


def _dateline_region(lx: Lexicon, text: str) -> list[str]:
    """Region ids named in a dateline such as "MALANG" or "Memontum Kota Malang"."""
    words = text.split()
    if text.isupper() and len(words) > 1 and norm(text) not in lx.region_names \
            and not any(norm(w) in lx.lists["REGION_KIND_WORD"] for w in words):
        return []  # "KUALA KAPUAS": a town named after its regency, not the regency
    for n in range(len(words), 0, -1):
        for k in range(0, len(words) - n + 1):
            form = norm(" ".join(words[k:k + n]))
            if form in lx.region_names:
                return lx.region_names[form]
    return []


def is_cap(t: Token) -> bool:
    """Does the token start with a capital?"""
    return t.text[:1].isupper()


def is_acronym(t: Token) -> bool:
    """Is the token shaped like an acronym ("BKN", "KemenPAN", "PAN-RB")?"""
    s = t.text
    return len(s) >= 2 and s[0].isupper() and sum(c.isupper() for c in s) >= 2 and s.replace("-", "").isalnum()


def opens_sentence(ctx: DocContext, k: int) -> bool:
    """Is token ``k`` the first word of its sentence, or of the story after its dateline ("PADANG - Pengawas
    ...")? A dateline the reader blanked out is spaces."""
    sent = ctx.doc[k].sent
    lead = ctx.text[sent.start_char:ctx.doc[k].idx].rstrip()
    return not lead or lead.endswith(("-", "\u2013", "\u2014"))


def paren_end(ctx: DocContext, i: int, max_len: int = 6) -> int | None:
    """End (exclusive) of a parenthetical starting at token ``i`` on the same line, else None."""
    doc = ctx.doc
    if i >= len(doc) or ctx.texts[i] != "(":
        return None
    for k in range(i + 1, min(len(doc), i + max_len + 2)):
        if ctx.texts[k] == ")":
            return k + 1
        if "\n" in ctx.texts[k]:
            return None
    return None


def make_mention(ctx: DocContext, i: int, j: int, etype: str, key: str, label: str,
                 aliases: tuple[str, ...] = (), kind: str | None = None) -> Mention:
    """A mention over tokens ``i:j`` with its character offsets and surface text."""
    span = ctx.doc[i:j]
    text = ctx.text[span.start_char:span.end_char]
    return Mention(span.start_char, span.end_char, text, etype, key, label, aliases, kind, None, i, j)


def fits(acr: str, words: list[str]) -> bool:
    """Schwartz–Hearst style check that the acronym's letters come from the words, in order
    (the first letter opening a word)."""
    a = [c.lower() for c in acr if c.isalpha()]
    if not a or not words:
        return False
    ws = [w.lower() for w in words if w.isalpha() or "-" in w]
    if not ws or ws[0][0] != a[0]:
        return False
    text = " ".join(ws)
    ai, ti = len(a) - 1, len(text) - 1
    while ai >= 0:
        while ti >= 0 and (text[ti] != a[ai] or (ai == 0 and ti > 0 and text[ti - 1] != " ")):
            ti -= 1
        if ti < 0:
            return False
        ai -= 1
        ti -= 1
    # every long word should contribute: not too many words without a letter in the acronym
    return len(ws) <= len(a) + 4


def title_ends_at(ctx: DocContext, i: int) -> bool:
    """Does an office's title (a gazetteer ``TITLE`` starting up to four tokens before) end right at token ``i``
    ("Ketua Panitia ...", "Deputi RB ...": what follows names the office's unit)?"""
    return any(h.j == i for k in range(max(0, i - 4), i) for h in ctx.hits_at(k, "TITLE"))


def region_is_name(ctx: DocContext, i: int, end: int) -> bool:
    """Is the region name at i:end part of a person's name: after a rank or an honorific
    (:func:`name_after_rank`), or a family name closing one (:func:`surname_region`)?"""
    return name_after_rank(ctx, i, end) or surname_region(ctx, i, end) or middle_region(ctx, i, end)


#: Gazetteer labels of names and words that are never part of a person's name.
NAME_LABELS = ("PLACE", "AGENCY", "AGENCY_TYPE", "POLICY", "TITLE", "ACTING", "VENUE_HEAD", "EVENT_HEAD")


def hits_over(ctx: DocContext, k: int):
    """The gazetteer hits of :data:`NAME_LABELS` that cover token ``k`` (starting up to five tokens before)."""
    for back in range(0, 6):
        for h in ctx.hits.get(k - back, ()):
            if h.j > k and h.label in NAME_LABELS:
                yield h


def surname_region(ctx: DocContext, i: int, end: int) -> bool:
    """Is the one-word region name at i:end a family name closing a person's name ("Sekda Budi
    Halomoan Karo", "Kepala Dinas Ahmad Syafrizal Lingga": Batak clan names that are also regencies)?
    It is when two capitalised name words that no gazetteer name covers come right before it; a
    region closing an office's name comes after the office's words ("Sekda Bintan", "Dinas Kominfo
    Lingga"), which are covered."""
    texts = ctx.texts
    if end != i + 1 or i < 2 or i > 2 and (texts[i - 3] in ("/", "-") or texts[i - 3].isdigit()):
        return False  # "Korem 043/Garuda Hitam Lampung": a unit's name and its region
    return _plain_name_word(ctx, i - 2) and _plain_name_word(ctx, i - 1)


def _plain_name_word(ctx: DocContext, k: int) -> bool:
    """Is token ``k`` a name word that is no honorific or rank and that no gazetteer name covers?"""
    w, lx = ctx.texts[k], ctx.lx
    return w.isalpha() and lx.is_name_word(w) and w.lower() not in lx.honorifics and w.lower() not in lx.ranks \
        and not any(hits_over(ctx, k))


def middle_region(ctx: DocContext, i: int, end: int) -> bool:
    """Is the one-word region name at i:end inside a person's name, between a name word opened by an honorific
    or a comma and a name word after it ("Ir. Syarifuddin Malaka Dewa", "..., Andi Sinjai Mappa")?"""
    texts = ctx.texts
    if end != i + 1 or i < 2 or end >= len(texts) or texts[i - 2] not in (".", ","):
        return False
    return all(_plain_name_word(ctx, k) and not ctx.hits.get(k) for k in (i - 1, end))


def name_after_rank(ctx: DocContext, i: int, end: int) -> bool:
    """Is the region name at i:end a person's name ("Kombes Pol Bima Santosa", "H. Sinjai Rahman",
    "Wakil Menteri Dalam Negeri Bima Arya")? It is when a rank, an honorific or a minister's office
    (which takes no region) comes right before it and a capitalised word right after."""
    texts, lx = ctx.texts, ctx.lx
    k = i - 1
    if k >= 0 and texts[k] == ".":
        k -= 1
    if k < 0:
        return False
    if texts[k].lower() not in lx.ranks and texts[k].lower() not in lx.honorifics \
            and not any(h.j <= i and h.label == "TITLE"
                        and (lx.titles.get(norm(" ".join(texts[h.i:h.j]))) or {}).get("org") == "kementerian"
                        and all(texts[x][:1].isupper() or texts[x] in ("dan", "&") for x in range(h.j, i))
                        for b in range(1, 7) for h in ctx.hits.get(i - b, [])):
        return False
    return end < len(texts) and texts[end][:1].isupper() and texts[end].isalpha() \
        and texts[end].lower() not in lx.function_words and not ctx.hits.get(end)
