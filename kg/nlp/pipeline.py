"""The spaCy pipeline: ``spacy.blank("id")`` with rule components.

* a tokenizer that splits punctuation the same way everywhere ("Dr." → "Dr" ".",
  "RB)." → "RB" ")" "."), so that phrase patterns match;
* ``kg_sentences``: sentence boundaries from :mod:`kg.sentences` (paragraph breaks and
  sentence punctuation that is not part of an abbreviation: "Dr.", "Pj.", "H.", "No.");
* two gazetteers (:class:`Gazetteer`: a PhraseMatcher each, case-sensitive and lower-case) over
  the rule files, writing every match to ``doc.user_data["kg_cs"]`` / ``["kg_ci"]`` with the
  pattern's label and ``id``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .lexicon import Lexicon, lexicon
from ..sentences import sentence_starts

__all__ = ["make_nlp", "SPANS_KEY"]

SPANS_KEY = "kg"

#: "H.Sulaiman", "Hj.Aminah", "Dr.Rudi": an honorific glued to the name it opens
_GLUED_HONORIFIC = r"(?:(?<=(?<![A-Za-z])H)|(?<=(?<![A-Za-z])Hj)|(?<=(?<![A-Za-z])Dr)|(?<=(?<![A-Za-z])Ir))\.(?=[A-Z][a-z])"


@Language.component("kg_sentences")
def kg_sentences(doc: Doc) -> Doc:
    """Set sentence starts where :func:`kg.sentences.sentence_starts` puts them.

    The starts are written in one ``Doc.from_array`` call: setting ``is_sent_start``
    token by token makes spaCy re-scan the document each time (quadratic in length).
    """
    import numpy

    strings = doc.vocab.strings
    texts = [strings[h] for h in doc.to_array("ORTH").tolist()] if len(doc) else []  # no Token objects made
    doc.user_data["kg_texts"] = texts  # read again by the extractors (DocContext.texts)
    starts = numpy.full((len(doc), 1), -1, dtype="int64")
    starts[sentence_starts(texts), 0] = 1
    if len(doc):
        starts[0, 0] = 1
        doc.from_array(["SENT_START"], starts.astype("uint64"))  # -1 wraps as spaCy's to_array does
    return doc


def _make_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's Indonesian punctuation rules without its ~16,000 exception strings.

    The exceptions ("Dr." as one token, ...) would stop phrase patterns from matching,
    and loading them costs about 2.7 s per process, so they are never loaded.
    """
    d = nlp.Defaults
    return Tokenizer(
        nlp.vocab, rules={},
        prefix_search=compile_prefix_regex(d.prefixes).search,
        suffix_search=compile_suffix_regex(list(d.suffixes) + [r"\)", r"\.", r"\]", r",", r"”", r'"']).search,
        infix_finditer=compile_infix_regex(
            list(d.infixes) + [r"[()\[\]\"“”„«»]", r"(?<=[\w)])[.,;:](?=[\"“”„)(])", _GLUED_HONORIFIC]).finditer,
        token_match=None, url_match=None)


@registry.tokenizers("kg.tokenizer.v1")
def _tokenizer_factory():
    return _make_tokenizer


def _is_acronymish(text: str) -> bool:
    """Does any word carry capitals beyond its first letter ("KemenPANRB", "RB")?"""
    return any(any(c.isupper() for c in w[1:]) for w in text.replace("-", " ").split())


def _words_lowered(form: str) -> str:
    """A form opening with a short form, the words after it in lower case: "RB Tematik" -> "RB tematik"
    (not "Evaluasi AKIP": a lower-case word before a short form is an ordinary word, "evaluasi AKIP")."""
    first, *rest = form.split()
    if not rest or not (_is_acronymish(first) or first.isupper()):
        return form
    return " ".join([first, *(w if _is_acronymish(w) or w.isupper() else w.lower() for w in rest)])


def _patterns(lx: Lexicon) -> tuple[list[dict], list[dict]]:
    """(case-sensitive patterns, lower-case patterns) from the lexicon."""
    cs: list[dict] = []
    ci: list[dict] = []

    def add(label: str, form: str, ident: str, lower_ok: bool = True) -> None:
        form = form.strip()
        if not form:
            return
        multi = " " in form or "-" in form
        if multi and lower_ok and not _is_acronymish(form):
            ci.append({"label": label, "pattern": form.lower(), "id": ident})
        else:
            cs.append({"label": label, "pattern": form, "id": ident})
            lowered = _words_lowered(form) if multi and lower_ok else form
            if lowered != form:
                cs.append({"label": label, "pattern": lowered, "id": ident})  # "RB tematik", "PPPK paruh waktu"
            if lower_ok and form[:1].isupper() and not _is_acronymish(form) and len(form) >= 4 \
                    and form.lower() not in lx.function_words:
                cs.append({"label": label, "pattern": form.lower(), "id": ident})

    for r in lx.records["regions"]:
        for form in lx.region_forms(r):
            cs.append({"label": "PLACE", "pattern": form, "id": r["id"]})
    for r in lx.records["agencies"]:
        for form in [r["pattern"], *r.get("aliases", [])]:
            add("AGENCY", form, r["id"])
    for r in lx.records["agency_types"]:
        for form in [r["pattern"], *r.get("aliases", [])]:
            add("AGENCY_TYPE", form, r["id"])
    for r in lx.records["policies"]:
        for form in [r["pattern"], *r.get("aliases", [])]:
            add("POLICY", form, r["id"])
    for r in lx.records["titles"]:
        for form in [r["pattern"], *r.get("aliases", [])]:
            add(r["label"], form, r["id"], lower_ok=not r.get("cased"))  # "Dosen X", not "dosen" the profession
    for r in lx.records["honorifics"]:
        cs.append({"label": r["label"], "pattern": r["pattern"], "id": r["id"]})
    for name in ("speech", "events", "venues"):
        for r in lx.records[name]:
            add(r["label"], r["pattern"], r["id"])
    return cs, ci


class Gazetteer:
    """The phrase patterns of the rule files in one PhraseMatcher, matched on the token attribute
    ``attr``. Each doc's hits, ``(start, end, label, id)`` sorted, go to ``doc.user_data[key]``:
    spaCy's SpanRuler would make a Span object of each, which the extractors never need."""

    def __init__(self, vocab, attr: str, key: str) -> None:
        from spacy.matcher import PhraseMatcher

        self.key = key
        self.matcher = PhraseMatcher(vocab, attr=attr)
        self.label_ids: dict[int, tuple[str, str]] = {}  # match id -> (label, pattern id)

    def add_patterns(self, nlp: Language, patterns: list[dict]) -> None:
        """Add ``{"label", "pattern", "id"}`` phrase patterns, tokenized as the documents are."""
        keys = []
        for p in patterns:
            key = repr((p["label"], p["id"]))
            self.label_ids[nlp.vocab.strings.add(key)] = (p["label"], p["id"])
            keys.append(key)
        for key, doc in zip(keys, nlp.tokenizer.pipe(p["pattern"] for p in patterns)):
            self.matcher.add(key, [doc])

    def __call__(self, doc: Doc) -> Doc:
        ids = self.label_ids
        doc.user_data[self.key] = sorted({(s, e, *ids[m]) for m, s, e in self.matcher(doc)})
        return doc


@Language.factory("kg_gazetteer", default_config={"attr": "ORTH", "key": SPANS_KEY + "_cs"})
def _gazetteer_factory(nlp: Language, name: str, attr: str, key: str) -> Gazetteer:
    return Gazetteer(nlp.vocab, attr, key)


def make_nlp() -> Language:
    """A fresh pipeline. Loading takes a second or two: build it once per process."""
    import spacy

    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "kg.tokenizer.v1"}}})
    lx = lexicon()
    cs, ci = _patterns(lx)
    nlp.add_pipe("kg_gazetteer", name="kg_gazetteer").add_patterns(nlp, cs)
    nlp.add_pipe("kg_gazetteer", name="kg_gazetteer_lower",
                 config={"attr": "LOWER", "key": SPANS_KEY + "_ci"}).add_patterns(nlp, ci)
    # last, so that the rulers' phrase patterns are only tokenized, not sentence-split (faster loading)
    nlp.add_pipe("kg_sentences")
    return nlp
