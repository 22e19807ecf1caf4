"""The entity section: what the documents say of each entity, merged over documents, and
its triples (types, labels, aliases, official flag, region kind, part-of)."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from .turtle import T, entity_ref, literal, subject_block

__all__ = ["EntityIndex"]


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
        now_places = {entity_ref(k) for k, ts in other.types.items() if "Place" in ts and "Place" not in self.types.get(k, ())}
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
            touched |= {k for k, xs in self.part_of.items() if any(entity_ref(f"place:{x}") in now_places for x in xs)}
        return touched

    def __len__(self) -> int:
        return len(self.types)

    def ordered(self, iris: dict[str, str] | None = None) -> list[tuple[str, str]]:
        """``(<iri>, key)`` of every entity, in the order the entity section writes them;
        ``iris`` gives IRIs already known by key (the rest are computed)."""
        iris = iris or {}
        return sorted((iris.get(k) or entity_ref(k), k) for k in self.types)

    def places(self, order: list[tuple[str, str]]) -> set[str]:
        """The IRIs of the entities that are places (``order`` as :meth:`ordered` gives it)."""
        return {iri for iri, k in order if "Place" in self.types[k]}

    def render(self, iri: str, key: str, places: set[str]) -> tuple[str, int]:
        """``(Turtle text, triple count)`` of one entity; ``places`` as :meth:`places` gives it."""
        counts = self.labels[key]
        label = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        preds = {"a": {c: None for c in sorted(T.classes[t] for t in self.types[key])}}
        preds.update((p, {literal(label): None}) for p in T.labels)
        alias = sorted((self.aliases[key] | set(counts)) - {label})
        if alias:
            preds[T.alias] = {literal(x): None for x in alias}
        if key in self.official:
            preds[T.isOfficial] = {"true" if self.official[key] else "false": None}
        if key in self.kind:
            preds[T.regionKind] = {literal(self.kind[key][2]): None}
        parents = sorted(p for p in (entity_ref(f"place:{x}") for x in self.part_of.get(key, ())) if p in places)
        if parents:
            preds[T.partOf] = dict.fromkeys(parents)
        return subject_block(iri, preds), sum(len(v) for v in preds.values())

    def chunks(self) -> Iterator[tuple[str, int]]:
        """``(Turtle text, triple count)`` of every entity, by IRI."""
        order = self.ordered()
        places = self.places(order)
        for iri, key in order:
            yield self.render(iri, key, places)
