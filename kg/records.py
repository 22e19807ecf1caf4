"""Plain, frozen records that flow between the stages.

ingest makes :class:`Article`; nlp turns an Article into a :class:`DocResult`;
graph turns DocResults into RDF. Records hold keys (``"person:wahyu-hidayat"``),
never IRIs: IRIs are minted only in :mod:`kg.graph`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "Copy", "Span", "Entity", "Role", "EventReport", "Quote", "DocResult",
           "ENTITY_TYPES"]

#: Entity types, as used in keys and in the ontology.
ENTITY_TYPES = ("Person", "Agency", "Policy", "Event", "Place")


@dataclass(frozen=True)
class Article:
    """One document as read: ``text`` is exactly the file's text, so offsets hold.

    ``skip`` lists ``(start, end)`` spans that are not the article (related
    headlines, "Baca juga", image placeholders, disclaimers, navigation, bylines);
    extraction ignores them. ``reads`` lists ``(offset, text)``: the text, as long as what it
    replaces, that extraction reads there (a signature block's line breaks read as one stretch,
    :mod:`kg.signatures`). ``url``, ``site`` (the outlet's name) and ``retrieved``
    (when the copy was fetched, ISO 8601) are where the text came from, when known.
    """

    source: str
    text: str
    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    skip: tuple[tuple[int, int], ...] = ()
    dateline: tuple[int, int] | None = None
    path: str | None = None
    wrapped: bool = False
    reads: tuple[tuple[int, str], ...] = ()
    url: str | None = None
    site: str | None = None
    retrieved: str | None = None

    def masked_text(self) -> str:
        """The text with skipped spans blanked out (same length, same offsets).

        In hard-wrapped text a single line break inside a paragraph becomes a space; ``reads``
        replace what they stand over.
        """
        if not self.skip and not self.wrapped and not self.reads:
            return self.text
        chars = list(self.text)
        if self.wrapped:
            for i, ch in enumerate(chars):
                if ch == "\n" and 0 < i < len(chars) - 1 and chars[i - 1] != "\n" and chars[i + 1] != "\n" \
                        and chars[i - 1].strip() and chars[i + 1].strip():
                    chars[i] = " "
        for start, read in self.reads:
            chars[start:start + len(read)] = read
        for start, end in self.skip:
            for i in range(start, end):
                if chars[i] not in "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True)
class Copy:
    """Another publication of a document's words (the same press release on another site):
    where and when it ran. ``of`` names the document first read with these words (as
    the reader reported it; the graph stage is given its final source name)."""

    source: str
    of: str
    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    site: str | None = None
    retrieved: str | None = None

    @classmethod
    def of_article(cls, art: Article, of: str) -> "Copy":
        """The copy that ``art`` is of the document named ``of``."""
        return cls(art.source, of, art.title, art.date, art.authors, art.url, art.site, art.retrieved)


@dataclass(frozen=True)
class Span:
    """Where an entity is named: character offsets into the document text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """An entity as one document names it, merged over its mentions."""

    key: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    official: bool = False
    byline: bool = False
    kind: str | None = None
    part_of: str | None = None


@dataclass(frozen=True)
class Role:
    """An office held by a person, as one document states it."""

    person: str
    title: str
    organization: str | None
    date: str | None
    start: int
    end: int


@dataclass(frozen=True)
class EventReport:
    """What one document says of an event."""

    event: str
    date: str | None
    place: str | None
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quotation or a reported statement with its speaker."""

    start: int
    end: int
    text: str
    direct: bool
    speaker: str | None
    cue: str | None = None
    about: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocResult:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    roles: tuple[Role, ...] = ()
    events: tuple[EventReport, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dateline_place: str | None = None
    stats: dict = field(default_factory=dict, compare=False)
