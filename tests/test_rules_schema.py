"""The rule files of ``kg/rules`` keep their schema: known labels and keys only, no duplicate ids, no
``org`` value that no code reads, references that resolve, and patterns that spaCy's SpanRuler accepts."""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from importlib import resources

import pytest

from kg.nlp.lexicon import RULE_FILES, word_labels

#: file -> (labels, keys a record may carry besides label/pattern/id)
SCHEMA = {
    "regions": ({"PLACE"}, {"kind", "name", "province", "aliases"}),
    "agencies": ({"AGENCY"}, {"aliases", "kind", "local_unit"}),
    "agency_types": ({"AGENCY_TYPE"}, {"aliases", "levels", "bare", "named", "town", "numbered", "parent", "city_suffix",
                                        "subdistrict", "area", "long_name"}),
    "agency_parts": ({"AGENCY_PART"}, {"aliases", "regional", "fields"}),
    "policies": ({"POLICY"}, {"aliases", "kind"}),
    "titles": ({"TITLE", "ACTING"}, {"aliases", "org", "unit", "expands", "fuse_region", "with_place", "grades", "cased", "division"}),
    "honorifics": ({"HONORIFIC", "RANK", "DEGREE"}, set()),
    "speech": ({"CUE_AFTER", "CUE_VERB", "CUE_PASSIVE", "CUE_CLAUSE", "CUE_PHRASE"}, {"clause"}),
    "events": ({"EVENT_HEAD"}, {"lower_name", "abbrev", "agenda"}),
    "event_words": ({"CANDIDATE", "POLLING_LEAD", "CEREMONY_PART", "IN_THE_FIELD", "LED_BODY_HEAD", "PART_OF_PILKADA", "DAY_LEAD", "MEMBERSHIP", "ROUND_OF", "DEFINITION_AFTER", "ELECTION", "GENERAL_BEFORE", "ELECTION_CUE", "FINDING", "HANDOVER", "HOLDING_VERB", "MEMBER_LEAD", "INSPECTION", "LAUNCH", "LINKED", "LOWER_MODIFIER", "MARKED_BY", "NOT_HAPPENING", "RECIPIENT_LEAD", "RELATIVE_ADVERB",
                     "OBJECT_STOP", "PLANNED", "QUOTED_POLICY_HEAD", "RECORD", "ROUND", "SUFFIX_HEAD", "THEME",
                     "TIME_NOUN", "UNDER_WAY", "NAME_INNER", "SIMILAR", "VENUE_STOP", "VERB_JOINER", "VISIT", "VOTING", "WORKS_DOING", "WORKS_PLACE", "WORKS_PROJECT", "WRAPPER"}, {"name"}),
    "calendar": ({"DAY", "MONTH", "PAST_MARK", "FUTURE_MARK"}, {"value", "aliases"}),
    "mention_words": ({"AGENCY_HEAD", "BODY_HEAD", "COMMERCIAL", "DOCUMENT_HEAD", "NOT_SYSTEM", "POLICY_HEAD", "PROGRAM_HEAD",
                       "REG_HEAD", "REG_HEAD_PREFIX", "SUBJECT_JOINER", "SUBJECT_JOINER_CAP", "SYSTEM_HEAD", "UNIT_BEFORE"}, set()),
    "venues": ({"VENUE_HEAD"}, {"complete", "local", "agency"}),
    "words": (set(word_labels()), {"next", "noun", "passive", "kind", "intransitive"}),
}


def records(name: str) -> list[dict]:
    text = resources.files("kg").joinpath("rules", f"{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_every_rule_file_has_a_schema():
    """Every file of kg/rules is checked here: the .jsonl files by SCHEMA, the vocabulary below."""
    on_disk = {f.name for f in resources.files("kg").joinpath("rules").iterdir() if f.name != "README.md"}
    assert on_disk == {f"{n}.jsonl" for n in RULE_FILES} | {"vocab.tsv.gz"}
    assert set(SCHEMA) == set(RULE_FILES)


@pytest.mark.parametrize("name", RULE_FILES)
def test_labels_and_keys_are_known(name):
    labels, extra = SCHEMA[name]
    for r in records(name):
        assert {"label", "pattern", "id"} <= set(r), r
        assert r["label"] in labels, f"{name}.jsonl: unknown label {r['label']!r}"
        assert set(r) - {"label", "pattern", "id"} <= extra, f"{name}.jsonl: unknown keys in {r}"
        assert isinstance(r["pattern"], (str, list)) and r["pattern"], r
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", r["id"]), f"{name}.jsonl: bad id {r['id']!r}"


@pytest.mark.parametrize("name", RULE_FILES)
def test_no_duplicate_ids_or_patterns(name):
    recs = records(name)
    pairs = Counter((r["label"], json.dumps(r["pattern"])) for r in recs)
    assert not [p for p, n in pairs.items() if n > 1]
    # an id is one record's, except spelling variants of one abbreviation ("H." and "H")
    by_id: dict[tuple[str, str], set[str]] = {}
    for r in recs:
        by_id.setdefault((r["label"], r["id"]), set()).add(re.sub(r"[.\s()]", "", str(r["pattern"]).lower()))
    assert not [k for k, forms in by_id.items() if len(forms) > 1 or
                (name != "honorifics" and sum(1 for r in recs if (r["label"], r["id"]) == k) > 1)]


def test_org_values_are_read_and_references_resolve():
    from kg.nlp.lexicon import lexicon
    from kg.nlp.offices import org_rules

    types = {r["id"] for r in records("agency_types")}
    regions = {r["id"] for r in records("regions")}
    for r in records("titles"):
        if r["label"] == "TITLE":
            assert r.get("org", "following") in org_rules(lexicon()), f"titles.jsonl: no code reads org {r.get('org')!r}"
        assert r.get("unit") is None or r["unit"] in types, r
        assert all(isinstance(s, str) and s.isalpha() for s in r.get("fuse_region", ())), r
    agencies = {r["id"] for r in records("agencies")}
    for r in records("agencies"):
        assert r.get("local_unit") is None or r["local_unit"] in types, r
    for r in records("agency_types"):
        assert r.get("parent") is None or r["parent"] in agencies, r
    for r in records("regions"):
        assert r["province"] is None or r["province"] in regions, r


@pytest.mark.parametrize("org", ["negara", "polisi", ""])
def test_an_org_value_nothing_reads_is_caught(org):
    from kg.nlp.lexicon import lexicon
    from kg.nlp.offices import org_rules

    assert org not in org_rules(lexicon())


@pytest.fixture(scope="module")
def blank():
    """A blank pipeline with the project's tokenizer (spaCy's Indonesian exceptions take seconds to load)."""
    from kg.nlp.pipeline import make_nlp  # noqa: F401  (registers kg.tokenizer.v1)
    import spacy

    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "kg.tokenizer.v1"}}})


@pytest.mark.parametrize("name", RULE_FILES)
def test_spacy_accepts_the_patterns(blank, name):
    ruler = blank.add_pipe("span_ruler", name=f"check_{name}", config={"validate": True})
    ruler.add_patterns([{"label": r["label"], "pattern": r["pattern"], "id": r["id"]} for r in records(name)])
    assert len(ruler) >= len(records(name))


def test_a_bad_token_pattern_is_refused(blank):
    ruler = blank.add_pipe("span_ruler", name="check_bad", config={"validate": True})
    with pytest.raises(ValueError):
        ruler.add_patterns([{"label": "X", "pattern": [{"NOT_AN_ATTR": "x"}], "id": "x"}])


def test_the_vocabulary_file():
    raw = resources.files("kg").joinpath("rules", "vocab.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    assert lines[0] == "#word\tNNP\tNN\tVB\tJJ\tOTHER\tROOT"
    words = [line.split("\t") for line in lines[1:]]
    assert len(words) > 40_000 and all(len(w) == 7 and all(c.isdigit() for c in w[1:]) for w in words)
    assert len({w[0] for w in words}) == len(words)
    assert sum(w[6] == "1" for w in words) > 25_000  # pysastrawi's root words
