"""Graph stage, streamed: :class:`~kg.records.DocResult` records → Turtle, without rdflib.

:func:`kg.graph.build_graph` builds one rdflib graph in memory and serialises it at
the end; rdflib adds some 40–60k triples/s and its Turtle writer is slower still.
This module writes the *same triples* (a test checks it against ``build_graph``)
as the documents arrive:

* :func:`render_doc` turns one DocResult into a **document block**: every triple
  whose subject belongs to that document (the document, its mentions, roles, event
  reports and quotes) and the document's links from entities (``kg:mentionedIn``,
  ``kg:holdsRole``, ``kg:said``), plus a small :class:`summary <EntityIndex>` of
  what the document says of each entity. The block does not depend on the
  document's source name: it holds placeholders that :func:`finish_block` fills, so
  blocks can be made in worker processes and kept in the incremental cache.
* :class:`EntityIndex` merges the summaries (types, labels, aliases, official flag,
  region kind, part-of) in memory, which grows with the number of entities, not with
  the text, and writes the entity section last.
* :class:`TurtleWriter` writes header, blocks and entity section to a temporary
  file and renames it into place.

IRIs come from :mod:`kg.graph` (``entity_iri``, ``document_iri`` and its key helpers).
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .fileio import AtomicFile
from .graph import TYPE_CLASS, _h, _local, copy_iri, document_iri, entity_iri
from .ns import KGD, NAME_TERMS, PREFIXES
from .records import Copy, DocResult

__all__ = ["DocBlock", "EntityIndex", "TurtleWriter", "render_doc", "render_copy", "finish_block", "doc_slug",
           "HEADER"]

_BASE = str(KGD)
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: Placeholders in a document block: the document's IRI slug and its source name.
_DOC = "\x00D"
_SRC = "\x00S"

HEADER = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted({**PREFIXES, "xsd": _XSD}.items())) + "\n"

_ESC = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
        8: "\\b", 12: "\\f"}
for _c in range(32):
    _ESC.setdefault(_c, f"\\u{_c:04X}")
_ESC[0x7F] = "\\u007F"
_IRI_BAD = set('<>"{}|^`\\ ') | {chr(c) for c in range(33)}


def _lit(s: str) -> str:
    return '"' + s.translate(_ESC) + '"'


def _int(n: int) -> str:
    return str(int(n))


def _date(v: str) -> str:
    return f'"{v.translate(_ESC)}"^^xsd:date'


@lru_cache(maxsize=None)
def _ent(key: str) -> str:
    """``<iri>`` of an entity key (cached: keys repeat across documents)."""
    return _iri(str(entity_iri(key)))


def _iri(s: str) -> str:
    if any(c in _IRI_BAD for c in s):
        raise ValueError(f"cannot write IRI {s!r}")
    return f"<{s}>"


@lru_cache(maxsize=None)
def _key_local(key: str) -> str:
    return _local(key.partition(":")[2])


@lru_cache(maxsize=4096)
def _title_hash(title: str) -> str:
    return _h(title)


_CLASS = {t: "kg:" + str(c).rsplit("#", 1)[1] for t, c in TYPE_CLASS.items()}
#: ``kg:label`` and the standard name terms written beside it (as :func:`kg.graph.build_graph` does).
_LABELS = ("kg:label",) + tuple(next(f"{p}:{t[len(ns):]}" for p, ns in PREFIXES.items() if t.startswith(ns))
                                 for t in NAME_TERMS)


class _Triples:
    """Triples of one document, grouped by subject then predicate, without duplicates."""

    __slots__ = ("subjects", "n")

    def __init__(self) -> None:
        self.subjects: dict[str, dict[str, dict[str, None]]] = {}
        self.n = 0

    def add(self, s: str, p: str, o: str) -> None:
        preds = self.subjects.get(s)
        if preds is None:
            preds = self.subjects[s] = {}
        objs = preds.get(p)
        if objs is None:
            objs = preds[p] = {}
        if o not in objs:
            objs[o] = None
            self.n += 1

    def turtle(self) -> str:
        return "".join(_subject_block(s, preds) for s, preds in self.subjects.items())


def _subject_block(s: str, preds: dict) -> str:
    return s + " " + " ;\n    ".join(p + " " + " , ".join(objs) for p, objs in preds.items()) + " .\n"


@dataclass(frozen=True)
class DocBlock:
    """One document rendered: Turtle text with placeholders, entity summary, counts.

    ``summary`` holds one tuple ``(key, type, label, aliases, official, kind, part_of)``
    per entity, in the document's order; ``counts`` is ``(direct quotes, reported
    statements, roles)``.
    """

    text: str
    summary: tuple
    triples: int
    counts: tuple[int, int, int]


def render_doc(r: DocResult) -> DocBlock:
    """The document block of ``r`` (independent of ``r.article.source``)."""
    t = _Triples()
    add = t.add
    a = r.article
    doc = f"<{_BASE}doc/{_DOC}>"

    def located(node: str, start: int, end: int) -> None:
        """``node`` lies at ``start:end`` of this document."""
        add(node, "kg:inDocument", doc)
        add(node, "kg:start", _int(start))
        add(node, "kg:end", _int(end))

    add(doc, "a", "kg:Document")
    add(doc, "kg:source", f'"{_SRC}"')
    add(doc, "kg:text", _lit(a.text))
    if a.title:
        add(doc, "kg:title", _lit(a.title))
    if a.date:
        add(doc, "kg:date", _date(a.date))
    for name in a.authors:
        add(doc, "kg:author", _lit(name))
    for name in a.editors:
        add(doc, "kg:editor", _lit(name))
    if a.url:
        add(doc, "schema:url", _lit(a.url) + "^^xsd:anyURI")
    if a.site:
        add(doc, "kg:outlet", _lit(a.site))
    if a.retrieved:
        add(doc, "kg:retrieved", _lit(a.retrieved) + "^^xsd:dateTime")
    if r.dateline_place:
        add(doc, "kg:datelinePlace", _ent(r.dateline_place))
    summary = []
    mentions: list[tuple] = []
    for e in r.entities:
        iri = _ent(e.key)
        add(iri, "kg:mentionedIn", doc)
        summary.append((e.key, e.type, e.label, tuple(e.aliases), bool(e.official), e.kind, e.part_of))
        etype = e.type.lower()
        for sp in e.mentions:
            mentions.append((f"<{_BASE}mention/{_DOC}/{sp.start}-{sp.end}-{etype}>", iri, sp))
    for m, iri, sp in mentions:
        add(m, "a", "kg:Mention")
        add(m, "kg:mentionOf", iri)
        located(m, sp.start, sp.end)
        add(m, "kg:surface", _lit(sp.text))
    for ro in r.roles:
        role = f"<{_BASE}role/{_DOC}/{_key_local(ro.person)}-{_title_hash(ro.title)}>"
        person = _ent(ro.person)
        add(person, "kg:holdsRole", role)
        add(role, "a", "kg:Role")
        add(role, "kg:holder", person)
        add(role, "kg:roleTitle", _lit(ro.title))
        located(role, ro.start, ro.end)
        if ro.organization:
            add(role, "kg:organization", _ent(ro.organization))
        if ro.date:
            add(role, "kg:date", _date(ro.date))
    for ev in r.events:
        rep = f"<{_BASE}eventreport/{_DOC}/{_key_local(ev.event)}>"
        add(rep, "a", "kg:EventReport")
        add(rep, "kg:reportsEvent", _ent(ev.event))
        add(rep, "kg:inDocument", doc)
        if ev.date:
            add(rep, "kg:date", _date(ev.date))
        if ev.place:
            add(rep, "kg:place", _ent(ev.place))
        for p in ev.participants:
            add(rep, "kg:participant", _ent(p))
    for q in r.quotes:
        qi = f"<{_BASE}quote/{_DOC}/{q.start}-{q.end}>"
        if q.speaker:
            add(_ent(q.speaker), "kg:said", qi)
        add(qi, "a", "kg:Quote")
        add(qi, "kg:text", _lit(q.text))
        add(qi, "kg:isDirect", "true" if q.direct else "false")
        located(qi, q.start, q.end)
        if q.cue:
            add(qi, "kg:cue", _lit(q.cue))
        if q.speaker:
            add(qi, "kg:speaker", _ent(q.speaker))
        for ab in q.about:
            add(qi, "kg:about", _ent(ab))
    counts = (sum(q.direct for q in r.quotes), sum(not q.direct for q in r.quotes), len(r.roles))
    return DocBlock(t.turtle() + "\n", tuple(summary), t.n, counts)


def render_copy(c: Copy) -> tuple[str, int]:
    """``(Turtle text, triple count)`` of copy ``c`` (``c.of``: the final source name of the
    document it copies), the triples :func:`kg.graph.add_copy` adds."""
    t = _Triples()
    node = _iri(str(copy_iri(c.source)))
    t.add(node, "a", "kg:Copy")
    t.add(node, "kg:copyOf", _iri(str(document_iri(c.of))))
    t.add(node, "kg:source", _lit(c.source))
    if c.title:
        t.add(node, "kg:title", _lit(c.title))
    if c.date:
        t.add(node, "kg:date", _date(c.date))
    for name in c.authors:
        t.add(node, "kg:author", _lit(name))
    if c.url:
        t.add(node, "schema:url", _lit(c.url) + "^^xsd:anyURI")
    if c.site:
        t.add(node, "kg:outlet", _lit(c.site))
    if c.retrieved:
        t.add(node, "kg:retrieved", _lit(c.retrieved) + "^^xsd:dateTime")
    return t.turtle() + "\n", t.n


def doc_slug(source: str) -> str:
    """The last segment of the document IRI of ``source``."""
    return str(document_iri(source)).rsplit("/", 1)[1]


def finish_block(data: bytes, source: str) -> bytes:
    """Fill a block's placeholders (UTF-8 bytes) with the document's slug and source name."""
    return data.replace(b"\x00D", doc_slug(source).encode("ascii")).replace(
        b"\x00S", source.translate(_ESC).encode("utf-8"))


class EntityIndex:
    """Entity facts merged over documents, as :func:`kg.graph.build_graph` merges them.

    The result does not depend on the order documents are added in: labels are
    counted (most frequent, then longest, then alphabetical wins), flags are
    or-ed, and the region kind is the one from the first document by source name.
    """

    def __init__(self) -> None:
        self.types: dict[str, set[str]] = {}
        self.labels: dict[str, Counter] = {}
        self.aliases: dict[str, set[str]] = {}
        self.official: dict[str, bool] = {}
        self.kind: dict[str, tuple[str, int, str]] = {}
        self.part_of: dict[str, set[str]] = {}

    def add(self, source: str, summary: tuple) -> None:
        """Merge the summary of the document called ``source``."""
        for pos, (key, etype, label, aliases, official, kind, part_of) in enumerate(summary):
            types = self.types.get(key)
            if types is None:
                types = self.types[key] = set()
                self.labels[key] = Counter()
                self.aliases[key] = set()
            types.add(etype)
            self.labels[key][label] += 1
            self.aliases[key].update(aliases)
            if etype == "Person":
                self.official[key] = self.official.get(key, False) or official
            if etype == "Place" and kind:
                cur = self.kind.get(key)
                if cur is None or (source, pos) < cur[:2]:
                    self.kind[key] = (source, pos, kind)
            if etype == "Place" and part_of:
                self.part_of.setdefault(key, set()).add(part_of)

    def merge(self, other: "EntityIndex") -> set[str]:
        """Add everything ``other`` holds, as if its documents had been added here; return
        the keys whose text in the entity section may have changed: ``other``'s, and those
        naming as parent (``kg:partOf``) an entity that only now is a place.

        >>> a, b = EntityIndex(), EntityIndex()
        >>> a.add("a.txt", (("person:x", "Person", "X", ("Pak X",), True, "", ""),))
        >>> b.add("b.txt", (("person:x", "Person", "X", (), False, "", ""),))
        >>> sorted(a.merge(b)), a.labels["person:x"]["X"], a.official["person:x"]
        (['person:x'], 2, True)
        """
        touched = set(other.types)
        now_places = {_ent(k) for k, ts in other.types.items() if "Place" in ts and "Place" not in self.types.get(k, ())}
        for key, types in other.types.items():
            if key not in self.types:
                self.types[key] = set()
                self.labels[key] = Counter()
                self.aliases[key] = set()
            self.types[key] |= types
            self.labels[key].update(other.labels[key])
            self.aliases[key] |= other.aliases[key]
        for key, flag in other.official.items():
            self.official[key] = self.official.get(key, False) or flag
        for key, kind in other.kind.items():
            cur = self.kind.get(key)
            if cur is None or kind[:2] < cur[:2]:
                self.kind[key] = kind
        for key, parents in other.part_of.items():
            self.part_of.setdefault(key, set()).update(parents)
        if now_places:
            touched |= {k for k, xs in self.part_of.items() if any(_ent(f"place:{x}") in now_places for x in xs)}
        return touched

    def __len__(self) -> int:
        return len(self.types)

    def ordered(self, iris: dict[str, str] | None = None) -> list[tuple[str, str]]:
        """``(<iri>, key)`` of every entity, in the order the entity section writes them;
        ``iris`` gives IRIs already known by key (the rest are computed)."""
        iris = iris or {}
        return sorted((iris.get(k) or _ent(k), k) for k in self.types)

    def places(self, order: list[tuple[str, str]]) -> set[str]:
        """The IRIs of the entities that are places (``order`` as :meth:`ordered` gives it)."""
        return {iri for iri, k in order if "Place" in self.types[k]}

    def render(self, iri: str, key: str, places: set[str]) -> tuple[str, int]:
        """``(Turtle text, triple count)`` of one entity; ``places`` as :meth:`places` gives it."""
        counts = self.labels[key]
        label = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        preds = {"a": {c: None for c in sorted(_CLASS[t] for t in self.types[key])}}
        preds.update((p, {_lit(label): None}) for p in _LABELS)
        alias = sorted((self.aliases[key] | set(counts)) - {label})
        if alias:
            preds["kg:alias"] = {_lit(x): None for x in alias}
        if key in self.official:
            preds["kg:isOfficial"] = {"true" if self.official[key] else "false": None}
        if key in self.kind:
            preds["kg:regionKind"] = {_lit(self.kind[key][2]): None}
        parents = sorted(p for p in (_ent(f"place:{x}") for x in self.part_of.get(key, ())) if p in places)
        if parents:
            preds["kg:partOf"] = dict.fromkeys(parents)
        return _subject_block(iri, preds), sum(len(v) for v in preds.values())

    def chunks(self) -> Iterator[tuple[str, int]]:
        """``(Turtle text, triple count)`` of every entity, by IRI."""
        order = self.ordered()
        places = self.places(order)
        for iri, key in order:
            yield self.render(iri, key, places)


class TurtleWriter:
    """Writes ``path`` atomically: header, document blocks, then the entity section.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with TurtleWriter(d / "g.ttl") as w:
    ...     w.write_entities(EntityIndex())
    >>> (d / "g.ttl").read_text().startswith("@prefix kg:")
    True
    """

    def __init__(self, path: str | os.PathLike, buffering: int = 1 << 20) -> None:
        self.path = Path(path)
        self._file = AtomicFile(self.path, "wb", buffering=buffering)
        self._f = self._file.file
        self._f.write(HEADER.encode("utf-8"))
        self.triples = 0
        self._pending: list | None = None   # [src, offset, length]: a copy not made yet

    def write_block(self, data: bytes, source: str, triples: int) -> None:
        """Write one document block (UTF-8 bytes of :attr:`DocBlock.text`) for ``source``."""
        self._write(finish_block(data, source))
        self.triples += triples

    def copy_range(self, src, offset: int, length: int, triples: int) -> None:
        """Copy ``length`` bytes at ``offset`` of the open file ``src`` (finished blocks an earlier
        writer wrote). Copies are made lazily, so that a range adjacent to the one before
        joins it in one copy."""
        pend = self._pending
        if pend is not None and pend[0] is src and pend[1] + pend[2] == offset:
            pend[2] += length
        else:
            self._flush_copy()
            self._pending = [src, offset, length]
        self.triples += triples

    def _write(self, data: bytes) -> None:
        self._flush_copy()
        self._f.write(data)

    def _flush_copy(self) -> None:
        """Make the pending copy: in the kernel where the system can (``copy_file_range``),
        else through memory."""
        if self._pending is None:
            return
        src, offset, length = self._pending
        self._pending = None
        self._f.flush()
        dst = self._f.fileno()
        done = 0
        try:
            while done < length:
                n = os.copy_file_range(src.fileno(), dst, length - done, offset + done)
                if n == 0:
                    break
                done += n
        except (AttributeError, OSError):
            pass  # not Linux, or a file system that cannot: copy what is left through memory
        self._f.seek(0, os.SEEK_END)  # the buffered writer learns where the kernel left the file
        src.seek(offset + done)
        while done < length:
            data = src.read(min(1 << 20, length - done))
            if not data:
                raise OSError(f"{src.name}: ended {length - done} bytes early")
            self._f.write(data)
            done += len(data)

    def tell(self) -> int:
        """Bytes written so far (the offset of the next block)."""
        return self._f.tell() + (self._pending[2] if self._pending else 0)

    def write_entities(self, index: EntityIndex, reuse: tuple | None = None, sink=None) -> None:
        """Write the entity section.

        ``reuse``: ``(src, old)``, an open earlier graph and ``{key: (<iri>, offset, length,
        triples)}`` of the entities whose text there is still right: those are copied as
        bytes (adjacent ones in one copy), the others rendered. ``sink(<iri>, key, offset,
        length, triples)``, when given, is told where each entity went, in the order written.
        """
        src, old = reuse if reuse is not None else (None, {})
        order = index.ordered({k: v[0] for k, v in old.items()})
        places = index.places(order)
        at = self.tell()
        for iri, key in order:
            hit = old.get(key)
            if hit is not None:
                _, off, length, n = hit
                self.copy_range(src, off, length, n)
            else:
                text, n = index.render(iri, key, places)
                data = text.encode("utf-8")
                self._write(data)
                self.triples += n
                length = len(data)
            if sink is not None:
                sink(iri, key, at, length, n)
            at += length

    def write_text(self, text: str, triples: int) -> None:
        """Write finished Turtle statements (no placeholders), e.g. the corrections' PROV record."""
        self._write(text.encode("utf-8"))
        self.triples += triples

    def abort(self) -> None:
        """Drop the temporary file; ``path`` is left as it was."""
        self._file.abort()

    def commit(self) -> Path:
        """Flush, fsync-free close and rename into place."""
        try:
            self._flush_copy()
        except BaseException:
            self._file.abort()
            raise
        return self._file.commit()

    def __enter__(self) -> "TurtleWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
