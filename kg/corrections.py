"""Corrections that persist: a reviewer's fixes, kept in a file, applied by every build.

A corrections file is JSON Lines, one decision per line (blank lines and lines
starting with ``#`` are skipped)::

    {"op": "speaker", "document": "a.txt", "quote": "Kami akan", "to": "Rina Wulandari", "by": "ed", "at": "2026-12-01"}
    {"op": "merge", "entities": ["Rina Wulandari", "Rina Wulandary"], "label": "Rina Wulandari"}

Things are named by stable keys: a document by its source name, a quote by its
offsets (``start``/``end``) or its first words (``quote``), an entity by its IRI or
a label (its label or an alias in a document, or the label its key was made from).
``by`` (who) and ``at`` (when, ISO date or date-time) are recommended: a line
without them is applied, with a warning, and its PROV record says less.

The corrections are applied where a build writes the graph (:mod:`kg.build.assemble`),
to the records a document's extraction gave, so ``kg build``, ``--update``,
``--jobs`` and ``--dask`` write the same graph, and every command reading it (page,
viz, export, query) shows the fix. Document-level lines (everything but ``rename``,
``alias`` and ``retype``) are applied to each document's records and rendered
again; ``rename``, ``alias`` and ``retype`` to the merged entity section. Each line
applied becomes a ``kg:Correction`` (a ``prov:Activity``), linked from every node it
changed by ``prov:wasInfluencedBy``. A line that changes nothing is *stale*: the
build says so with the line number and a suggestion (:meth:`Plan.stale`).
"""
from __future__ import annotations

import difflib
import hashlib
import json
import logging
import os
import pickle
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from .correct import _doc_matches, _is_iri, _match, _norm, apply_one
from .errors import KgError
from .files import CORRECTIONS_FILE
from .graph import doc_node
from .records import ENTITY_TYPES, DocResult

__all__ = ["Correction", "CorrectionsError", "Plan", "OPS", "CORRECTIONS_FILE", "load", "parse", "find_default",
           "unpack_result", "check"]

log = logging.getLogger(__name__)

#: Each op: (required fields, optional fields), besides ``op``, ``by``, ``at`` and ``note``.
OPS = {
    "merge": (("entities",), ("label",)),
    "split": (("entity", "documents", "label"), ()),
    "rename": (("entity", "label"), ()),
    "alias": (("entity",), ("add", "remove")),
    "retype": (("entity", "type"), ()),
    "reject": ((), ("entity", "event", "quote", "start", "end", "document", "role", "person")),
    "speaker": (("document", "to"), ("quote", "start", "end")),
    "role": (("action", "person", "title"), ("organization", "date", "document", "start", "end")),
}
_COMMON = ("op", "by", "at", "note")
_ENTITY_OPS = ("rename", "alias", "retype")   # applied to the merged entity section


class CorrectionsError(KgError):
    """A corrections file, or a line in it, that cannot be used."""


@dataclass(frozen=True)
class Correction:
    """One line of a corrections file: ``data`` is its JSON object."""

    path: str
    line: int
    data: dict = field(compare=False, hash=False)
    text: str = ""

    @property
    def op(self) -> str:
        return self.data["op"]

    def where(self) -> str:
        return f"{self.path}:{self.line}"


# ------------------------------------------------------------------------------- parsing

def find_default(paths, out) -> Path | None:
    """``corrections.jsonl`` in ``out``, else in the first input folder; None if neither has one."""
    folders = [Path(out)] + [Path(p) for p in list(paths)[:1] if Path(p).is_dir()]
    for folder in folders:
        if (folder / CORRECTIONS_FILE).is_file():
            return folder / CORRECTIONS_FILE
    return None


def load(path: str | os.PathLike | None) -> "Plan":
    """The :class:`Plan` of the corrections file at ``path`` (an empty plan for None)."""
    if path is None:
        return Plan([])
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise CorrectionsError(f"{path}: cannot read corrections file ({e})") from None
    return Plan(parse(text, str(path)))


def parse(text: str, path: str = "corrections.jsonl") -> list[Correction]:
    """The corrections in ``text``; a bad line raises :class:`CorrectionsError` naming ``path:line``."""
    out = []
    for n, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise CorrectionsError(f"{path}:{n}: not a JSON object ({e.msg}); write one JSON object per line, "
                                   f"e.g. {{\"op\": \"rename\", \"entity\": \"...\", \"label\": \"...\"}}") from None
        why = _check(data)
        if why:
            raise CorrectionsError(f"{path}:{n}: {why}")
        missing = [k for k in ("by", "at") if not data.get(k)]
        if missing:
            log.warning("%s:%d: no %s: applied, but the graph cannot say %s", path, n, " or ".join(missing),
                        " or ".join({"by": "who made it", "at": "when"}[k] for k in missing))
        out.append(Correction(path, n, data, json.dumps(data, sort_keys=True, ensure_ascii=False)))
    return out


def _check(d) -> str | None:
    """Why the JSON value ``d`` is not a correction, or None."""
    if not isinstance(d, dict):
        return "not a JSON object"
    op = d.get("op")
    if op not in OPS:
        return f"unknown op {op!r}; valid ops: {', '.join(OPS)}"
    required, optional = OPS[op]
    for k in required:
        if k not in d or (d[k] is None and not (op == "speaker" and k == "to")):
            return f"{op} needs {k!r} (fields: {', '.join(required + optional)})"
    unknown = sorted(set(d) - set(required) - set(optional) - set(_COMMON))
    if unknown:
        return f"{op}: unknown field {unknown[0]!r}; valid fields: {', '.join(required + optional + _COMMON[1:])}"
    for k in ("by", "note", "label", "entity", "event", "document", "quote", "person", "title", "organization",
              "role", "to"):
        if d.get(k) is not None and (not isinstance(d[k], str) or not d[k].strip()):
            return f"{op}: {k!r} must be a non-empty string"
    for k in ("start", "end"):
        if k in d and (not isinstance(d[k], int) or isinstance(d[k], bool) or d[k] < 0):
            return f"{op}: {k!r} must be a character offset (a whole number ≥ 0)"
    for k in ("entities", "documents", "add", "remove"):
        if k in d and (not isinstance(d[k], list) or not all(isinstance(x, str) and x.strip() for x in d[k])):
            return f"{op}: {k!r} must be a list of non-empty strings"
    if d.get("at") and not _when(d["at"]):
        return f"{op}: 'at' must be an ISO date or date-time (2026-12-01 or 2026-12-01T09:30:00Z), not {d['at']!r}"
    if d.get("date") is not None and not _is_date(d["date"]):
        return f"{op}: 'date' must be an ISO date (2026-12-01), not {d['date']!r}"
    return _check_op(op, d)


def _check_op(op: str, d: dict) -> str | None:
    if op == "merge" and len(d["entities"]) < 2:
        return "merge needs at least two 'entities' (labels or IRIs)"
    if op == "merge" and "label" not in d and _is_iri(d["entities"][0]):
        return "merge needs 'label' (the label to keep) when the first entity is an IRI"
    if op == "split" and not d["documents"]:
        return "split needs the 'documents' whose mentions become the new entity"
    if op == "alias" and not (d.get("add") or d.get("remove")):
        return "alias needs 'add' or 'remove' (a list of names)"
    if op == "retype" and d["type"] not in ENTITY_TYPES:
        return f"retype: unknown type {d['type']!r}; valid types: {', '.join(ENTITY_TYPES)}"
    if op == "speaker" and "quote" not in d and ("start" not in d or "end" not in d):
        return "speaker needs the quote's first words ('quote') or its offsets ('start' and 'end')"
    if op == "role" and d["action"] not in ("add", "remove"):
        return f"role: 'action' must be 'add' or 'remove', not {d['action']!r}"
    if op == "role" and d["action"] == "add" and not d.get("document"):
        return "role add needs the 'document' that states the office"
    if op == "reject":
        kinds = [k for k in ("entity", "event", "quote", "role") if k in d] + (["quote"] if "start" in d else [])
        if len(set(kinds)) != 1:
            return "reject names one thing: 'entity', 'event', 'quote' (or 'start'/'end') with 'document', or 'role'"
        if kinds[0] == "quote" and not d.get("document"):
            return "reject of a quote needs its 'document'"
        if "start" in d and "end" not in d:
            return "reject of a quote by offsets needs 'start' and 'end'"
    return None


def _when(v) -> str | None:
    """``at`` as an xsd:dateTime lexical form, or None when it is not one."""
    if not isinstance(v, str):
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            date.fromisoformat(v)
            return v + "T00:00:00"
        return datetime.fromisoformat(v.replace("Z", "+00:00")).isoformat() if "T" in v else None
    except ValueError:
        return None


def _is_date(v) -> bool:
    try:
        return isinstance(v, str) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)) and bool(date.fromisoformat(v))
    except ValueError:
        return False


# ------------------------------------------------------------------------------- records

_DOC_TEXT = re.compile(rb'kg:text "((?:[^"\\]|\\.)*)"')


def unpack_result(data: bytes, block: bytes) -> DocResult:
    """The DocResult :func:`pack_result` kept, its text taken back from the document's block."""
    r = pickle.loads(zlib.decompress(data))
    m = _DOC_TEXT.search(block)   # the document's triples come first in its block
    text = json.loads('"' + m.group(1).decode("utf-8") + '"')
    return replace(r, article=replace(r.article, text=text))


# ------------------------------------------------------------------------------- the plan

class Plan:
    """The corrections of one file, applied during one build; it remembers what each line did.

    :meth:`apply` corrects one document's record, :meth:`finish` the merged entity
    index; then :meth:`section` is the PROV record and :meth:`stale` the lines that
    changed nothing. An empty plan is false and changes nothing.
    """

    def __init__(self, lines: list[Correction]) -> None:
        self.lines = list(lines)
        self.fingerprint = hashlib.sha1("\n".join(c.text for c in self.lines).encode()).hexdigest() \
            if self.lines else ""
        self.reset()

    def __bool__(self) -> bool:
        return bool(self.lines)

    def reset(self) -> None:
        """Forget what an earlier build did."""
        self.applied: Counter = Counter()                  # line → documents or entities changed
        self.found: dict[int, set] = defaultdict(set)      # line → entity keys its references matched
        self.seen: set[int] = set()                        # lines whose document was read
        self.near: dict[int, list] = {}
        self.already: dict[int, str] = {}
        self.problem: dict[int, str] = {}
        self.targets: dict[int, set] = defaultdict(set)
        self.links: dict[int, set] = defaultdict(set)      # line → entity IRIs it changed
        self.sources: list[str] = []

    # ---- documents
    def _relevant(self, c: Correction, source: str, summary: tuple) -> bool:
        d = c.data
        if c.op in _ENTITY_OPS:
            return False
        if c.op == "split":
            return any(_doc_matches(n, source) for n in d["documents"])
        if d.get("document"):
            return _doc_matches(d["document"], source)
        refs = {"merge": d.get("entities", []) + [d.get("label") or ""]}.get(c.op) or \
            [d.get("entity") or d.get("event") or d.get("person")]
        if refs == [None]:
            return True   # a role rejected in every document
        return any(ref and _match(ref, e[0], e[2], e[3]) for ref in refs for e in summary)

    def apply(self, rec, source: str):
        """``(record, signature)``: ``rec`` (a :class:`~kg.build.extract.DocRecord` of the document
        ``source``) corrected, and a signature of the lines that changed it ("" for none)."""
        self.sources.append(source)
        todo = [c for c in self.lines if self._relevant(c, source, rec.summary)]
        if not todo or not rec.result:
            return rec, ""
        r = unpack_result(rec.result, zlib.decompress(rec.data))
        done, nodes = [], []
        for c in todo:
            o = apply_one(r, c.data)
            self.seen.add(c.line)
            self.found[c.line] |= o.found
            if o.near:
                self.near.setdefault(c.line, o.near)
            if o.already:
                self.already.setdefault(c.line, o.already)
            if o.problem:
                self.problem.setdefault(c.line, o.problem)
            if o.changed:
                r = o.result
                self.applied[c.line] += 1
                self.targets[c.line] |= o.targets
                done.append(c)
                nodes += [(n, c) for n in [doc_node()] + o.nodes]
        if not done:
            return rec, ""
        return _render(rec, r, nodes), hashlib.sha1("\n".join(c.text for c in done).encode()).hexdigest()

    # ---- the entity section
    def finish(self, index) -> None:
        """Apply ``rename``, ``alias`` and ``retype``, and the labels merges and splits keep,
        to the merged entity ``index`` (a :class:`~kg.graph.EntityIndex`)."""
        from .graph import entity_ref

        names = _Names(index)
        for c in self.lines:
            d = c.data
            if c.op in ("merge", "split"):
                label = d.get("label") or d["entities"][0]
                for key in sorted(self.targets[c.line] & set(index.types)):
                    _relabel(index, key, label)
                    self.links[c.line].add(entity_ref(key))
            elif c.op in _ENTITY_OPS:
                keys = names.keys(d["entity"])
                self.found[c.line] |= keys
                for key in sorted(keys):
                    if _entity_op(index, key, d):
                        self.applied[c.line] += 1
                        self.links[c.line].add(entity_ref(key))
                if keys and not self.applied[c.line]:
                    self.already[c.line] = "the entity is already so"

    def section(self) -> tuple[str, int]:
        """``(Turtle, triples)``: one ``kg:Correction`` per line applied, and its entity links."""
        from .graph import Applied, render_corrections

        return render_corrections(
            Applied(c.text, c.op, c.data.get("by") or "", _when(c.data["at"]) if c.data.get("at") else "",
                    c.data.get("note") or "", tuple(sorted(self.links[c.line])))
            for c in self.lines if self.applied[c.line])

    # ---- stale lines
    def stale(self, index) -> list[str]:
        """``path:line: op: why; suggestion`` for every line that changed nothing."""
        names = _Names(index)
        return [f"{c.where()}: {c.op}: {self._why(c, names)}" for c in self.lines if not self.applied[c.line]]

    def _why(self, c: Correction, names: "_Names") -> str:
        d = c.data
        if c.line in self.problem:
            return self.problem[c.line]
        refs = d.get("entities") or [d.get("entity") or d.get("event")]
        missing = [ref for ref in refs if ref and not self.found[c.line] & names.keys(ref)]
        if c.line in self.already and not missing:
            return self.already[c.line] + " (extraction now gets it right?); the line can be removed"
        doc = d.get("document")
        if doc and c.line not in self.seen:
            return f"no document {doc!r} in this build" + _closest(doc, [os.path.basename(s) for s in self.sources])
        if c.op in ("speaker", "reject") and ("quote" in d or "start" in d):
            what = f"begins {d['quote']!r}" if "quote" in d else f"lies at {d['start']}-{d.get('end')}"
            n = len(d.get("quote", "").split())
            return f"no quote in {doc!r} {what}" + _closest(d.get("quote", ""), [
                " ".join(q.split()[:n]) for q in self.near.get(c.line, [])] if n else self.near.get(c.line, []))
        if c.op == "role":
            return f"no office {d['title']!r} of {d['person']!r} found" + _closest(d["title"], self.near.get(c.line, []))
        missing = [ref for ref in refs if ref and not names.keys(ref)]
        return "; ".join(f"no entity {ref!r}" + _closest(ref, names.labels) for ref in missing) or \
            self.already.get(c.line, "nothing to change")


class _Names:
    """Label, alias and IRI lookup over a merged entity index."""

    def __init__(self, index) -> None:
        self.index = index
        self.by_name: dict[str, set] = defaultdict(set)
        for key in index.types:
            for name in set(index.labels[key]) | set(index.aliases[key]):
                self.by_name[_norm(name)].add(key)
        self.labels = sorted({n for key in index.types for n in index.labels[key]})

    def keys(self, ref: str) -> set[str]:
        if _is_iri(ref):
            from .graph import entity_ref

            return {k for k in self.index.types if entity_ref(k) == f"<{ref}>"}
        return set(self.by_name.get(_norm(ref), ())) | {k for k in self.index.types if _match(ref, k, "", ())}


def _closest(word: str, candidates) -> str:
    hit = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.5) if word else []
    return f"; closest: {hit[0]!r}" if hit else ""


def _winner(counts) -> str:
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _relabel(index, key: str, label: str) -> bool:
    counts = index.labels[key]
    if counts and _winner(counts) == label:
        return False
    counts[label] = sum(counts.values()) + 1
    return True


def _entity_op(index, key: str, d: dict) -> bool:
    """Apply ``rename``, ``alias`` or ``retype`` to ``key`` in ``index``; did it change?"""
    if d["op"] == "rename":
        return _relabel(index, key, d["label"])
    if d["op"] == "retype":
        if index.types[key] == {d["type"]}:
            return False
        index.types[key] = {d["type"]}
        if d["type"] == "Person":
            index.official.setdefault(key, False)
        else:
            index.official.pop(key, None)
        return True
    before = (set(index.aliases[key]), dict(index.labels[key]))
    index.aliases[key] |= set(d.get("add", ()))
    label = _winner(index.labels[key])
    for name in d.get("remove", ()):
        index.aliases[key].discard(name)
        if name != label:
            index.labels[key].pop(name, None)
    return before != (set(index.aliases[key]), dict(index.labels[key]))


def _render(rec, r: DocResult, nodes: list[tuple[str, Correction]]):
    """The record of the corrected ``r``, with a ``prov:wasInfluencedBy`` link from each changed node."""
    from .build.extract import DocRecord
    from .graph import influenced_by, render_doc

    b = render_doc(r)
    links = sorted({influenced_by(node, c.text) for node, c in nodes})
    text = b.text[:-1] + "".join(links) + "\n"
    return DocRecord(rec.source, zlib.compress(text.encode("utf-8"), 1), b.summary, b.triples + len(links), b.counts,
                     rec.result)


def check(target: str | os.PathLike, plan: Plan) -> list[str]:
    """The stale lines of ``plan`` against the build in ``target`` (its output folder, or
    its graph.ttl there), read from the build's cache without extracting anything."""
    import sqlite3

    from .build.cache import CACHE_DIR
    from .build.pipecache import fingerprint
    from .graph import EntityIndex

    folder = Path(target).parent if Path(target).is_file() else Path(target)
    db = folder / CACHE_DIR / "docs.sqlite"
    if not db.is_file():
        raise CorrectionsError(f"{target}: no build cache ({db}); run kg build --out {folder} first")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        code = con.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()
        if not code or code[0] != fingerprint():
            raise CorrectionsError(f"{folder}: built by another version of kg; run kg build --out {folder} again")
        plan.reset()
        index = EntityIndex()
        for records, span in con.execute("SELECT records, span FROM docs ORDER BY path"):
            recs = pickle.loads(records)
            sources = json.loads(span)[2] if span else [rec.source for rec in recs]
            for rec, source in zip(recs, sources):
                index.add(source, plan.apply(rec, source)[0].summary)
    finally:
        con.close()
    plan.finish(index)
    return plan.stale(index)
