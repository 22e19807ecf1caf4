"""``kg review``: the extractions of a built graph most likely to be wrong, for a reviewer to check first.

Four simple signs, each read from the graph with the saved queries in ``kg/queries/review``:

* ``pronoun``: a quote whose speaker came from a pronoun cue (``-nya``, or ``ia``/``dia``/``beliau``
  just after the quote) and whose speaker was last named far before it (``far`` characters), or
  not before it at all;
* ``word-name``: a person named in one document only whose name is an ordinary word (a word of
  ``kg/rules/words.jsonl``) or the name of a place or agency of the graph;
* ``event``: an event that no report gives a date or a place;
* ``one-letter``: two entities of one type whose labels differ by one letter (one letter added,
  dropped, changed, or two neighbours swapped).

Each finding is a :class:`Finding`; :func:`write_csv` writes them for a spreadsheet.
"""
from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import astuple, dataclass, fields
from functools import lru_cache
from pathlib import Path

from .rulefiles import load_rules

__all__ = ["Finding", "review", "write_csv", "FAR", "KINDS"]

#: Characters between a speaker's last mention and a quote given by a pronoun, beyond which it is "far".
FAR = 400
KINDS = ("pronoun", "word-name", "event", "one-letter")
#: Word lists of ``words.jsonl`` whose words are not names.
_WORD_LABELS = ("FUNCTION_WORD", "NOT_ENTITY", "NOT_NAME", "CALENDAR", "UNIT_WORD", "PRONOUN", "ANAPHOR_NOUN")


@dataclass(frozen=True, order=True)
class Finding:
    """One extraction to check: what kind of doubt, which node, where, and why."""

    kind: str
    document: str
    start: int | None
    item: str
    label: str
    reason: str


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """``{label: words}`` of ``kg/rules/words.jsonl`` (lower case), with the day and month names of
    ``calendar.jsonl`` as ``CALENDAR``."""
    out: dict[str, set[str]] = defaultdict(set)
    for rec in load_rules("words"):
        if isinstance(rec.get("pattern"), str):
            out[rec["label"]].add(rec["pattern"].lower())
    out["CALENDAR"] = {rec["pattern"].lower() for rec in load_rules("calendar") if rec["label"] in ("DAY", "MONTH")}
    return {k: frozenset(v) for k, v in out.items()}


def review(g, far: int = FAR) -> list[Finding]:
    """The findings of graph ``g`` (a :class:`kg.store.Store` or an rdflib graph), sorted by kind then place."""
    from .query import rows
    from .store import open_graph

    g = open_graph(g)
    ents = [(r["e"], r["type"].rsplit("#", 1)[1], r["label"], int(r["docs"]), r["source"])
            for r in rows(g, "review/entities")]
    found = _pronouns(g, far) + _word_names(ents) + _events(rows(g, "review/events")) + _one_letter(ents)
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(set(found), key=lambda f: (order[f.kind], f.document, f.start or 0, f.item, f.reason))


def _pronouns(g, far: int) -> list[Finding]:
    from .query import rows

    pronouns = _words()["PRONOUN"]
    after = re.compile(r"^[\W\d_]{0,4}\w*\s+(\w+)")
    texts = {r["doc"]: r["text"] for r in rows(g, "review/texts")}
    mentions: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in rows(g, "review/mentions"):
        mentions[(r["e"], r["doc"])].append(int(r["end"]))
    out = []
    for r in rows(g, "review/quotes"):
        start, end, cue = int(r["start"]), int(r["end"]), (r["cue"] or "").lower()
        m = after.match(texts.get(r["doc"], "")[end:end + 40])
        by_pronoun = cue.endswith("nya") or cue in pronouns or bool(m and m.group(1).lower() in pronouns)
        if not by_pronoun:
            continue
        before = [e for e in mentions[(r["speaker"], r["doc"])] if e <= start]
        gap = start - max(before) if before else None
        if gap is None or gap > far:
            why = (f"given by the pronoun cue {cue or m.group(1)!r}; "
                   + (f"{r['label']} last named {gap} characters before" if gap is not None
                      else f"{r['label']} is not named before the quote"))
            out.append(Finding("pronoun", r["source"], start, r["q"], r["text"][:80], why))
    return out


def _word_names(ents: list[tuple]) -> list[Finding]:
    words = frozenset().union(*(_words().get(k, frozenset()) for k in _WORD_LABELS))
    other = {label.lower() for _, t, label, _, _ in ents if t in ("Place", "Agency")}
    out = []
    for iri, etype, label, docs, source in ents:
        if etype != "Person" or docs != 1:
            continue
        tokens = [t.lower() for t in re.findall(r"\w+", label)]
        common = [t for t in tokens if t in words]
        if common:
            out.append(Finding("word-name", source, None, iri, label,
                               f"named in one document; {', '.join(map(repr, common))} is an ordinary word"))
        elif label.lower() in other:
            out.append(Finding("word-name", source, None, iri, label,
                               "named in one document; also the name of a place or agency"))
    return out


def _events(found) -> list[Finding]:
    out = []
    for r in found:
        missing = [w for w, n in (("date", int(r["dates"])), ("place", int(r["places"]))) if not n]
        if missing:
            out.append(Finding("event", r["source"], None, r["event"], r["label"],
                               "no report gives its " + " or ".join(missing)))
    return out


def _one_apart(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by one letter added, dropped or changed, or two neighbours swapped?

    >>> _one_apart("santosa", "santoso"), _one_apart("santosa", "santsoa"), _one_apart("ab", "ba")
    (True, True, True)
    >>> _one_apart("santosa", "santosa"), _one_apart("santosa", "sentoso")
    (False, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _one_letter(ents: list[tuple]) -> list[Finding]:
    """Pairs of one type whose labels are one letter apart (found through labels with one letter dropped)."""
    by_key: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for e in ents:
        label = e[2].lower()
        for i in range(len(label)):
            by_key[(e[1], label[:i] + label[i + 1:])].append(e)
        by_key[(e[1], label)].append(e)
    pairs = {tuple(sorted((x, y))) for group in by_key.values() for x in group for y in group
             if x[0] != y[0] and _one_apart(x[2].lower(), y[2].lower())}
    return [Finding("one-letter", x[4], None, x[0], x[2], f"one letter from {y[2]!r} ({y[0]}, in {y[4]})")
            for x, y in sorted(pairs)]


def write_csv(findings: list[Finding], path: str | Path) -> Path:
    """Write ``findings`` as CSV (a header row, then one row per finding), atomically."""
    from .fileio import atomic_write

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([f.name for f in fields(Finding)])
    w.writerows(["" if v is None else v for v in astuple(f)] for f in findings)
    path = Path(path)
    atomic_write(path, buf.getvalue().encode("utf-8"))
    return path
