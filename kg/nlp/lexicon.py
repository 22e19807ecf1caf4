"""The rule files of ``kg/rules`` (package data), loaded once and indexed.

Every file is JSON Lines in spaCy SpanRuler form, ``{"label", "pattern", "id"}``,
some with extra keys (``aliases``, ``kind``, ``province``, ``org``, ``levels``).
``kg/rules/README.md`` says where each file's knowledge comes from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..rulefiles import load_rules
from ..vocab import is_derived_word, is_function_word

__all__ = ["Lexicon", "lexicon", "norm", "slug", "unbracketed", "RULE_FILES", "WORD_LISTS", "word_labels"]

RULE_FILES = ("regions", "agencies", "agency_types", "agency_parts", "policies", "titles", "honorifics",
              "speech", "events", "event_words", "mention_words", "venues", "words", "calendar")


_BRACKETED = re.compile(r"\s*\([^)]*\)")
_NOT_WORD = re.compile(r"[^\w]|_")
_SLUG_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """Lower case, every non-alphanumeric character a space, spaces collapsed.

    >>> norm("KemenPAN-RB")
    'kemenpan rb'
    """
    return " ".join(_NOT_WORD.sub(" ", s.lower()).split())


def unbracketed(s: str) -> str:
    """``s`` without its bracketed parts and the spaces before them.

    >>> unbracketed("Badan Pengawas Pemilu (Bawaslu) Jawa Timur")
    'Badan Pengawas Pemilu Jawa Timur'
    """
    return _BRACKETED.sub("", s)


def slug(s: str) -> str:
    """An ASCII slug: ``slug("Kota Malang") == "kota-malang"``.

    >>> slug("Pemerintah Kota (Pemkot) Malang")
    'pemerintah-kota-pemkot-malang'
    """
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "-".join(_SLUG_WORD.findall(s.lower()))


@dataclass
class Lexicon:
    """Indexed view of the rule files."""

    records: dict[str, list[dict]]
    regions: dict[str, dict] = field(default_factory=dict)           # id -> record
    region_names: dict[str, list[str]] = field(default_factory=dict)  # norm(form) -> [region id]
    agencies: dict[str, dict] = field(default_factory=dict)
    agency_index: dict[str, str] = field(default_factory=dict)        # norm(form) -> agency id
    agency_types: dict[str, dict] = field(default_factory=dict)
    agency_type_index: dict[str, str] = field(default_factory=dict)
    agency_parts: dict[str, dict] = field(default_factory=dict)       # norm(form) -> a ministry's unit ("Itjen")
    agency_part_starts: frozenset[str] = frozenset()  # every beginning of an agency_parts key
    kanwil_of: dict[str, str] = field(default_factory=dict)           # ministry id -> its regional office type id
    policies: dict[str, dict] = field(default_factory=dict)
    policy_index: dict[str, str] = field(default_factory=dict)
    titles: dict[str, dict] = field(default_factory=dict)             # norm(form) -> record
    acting: dict[str, str] = field(default_factory=dict)              # norm(form) -> full form
    honorifics: set[str] = field(default_factory=set)
    ranks: set[str] = field(default_factory=set)
    degrees: set[str] = field(default_factory=set)
    address: frozenset[str] = frozenset()   # degrees, honorifics and ranks together
    cue_after: set[str] = field(default_factory=set)
    cue_verbs: set[str] = field(default_factory=set)
    cue_passive: set[str] = field(default_factory=set)
    cue_clause: set[str] = field(default_factory=set)  # speech verbs whose complement is what was said
    cue_phrases: set[str] = field(default_factory=set)  # a verb and its object noun: what follows the noun was said
    cue_if_clause: set[str] = field(default_factory=set)  # "melanjutkan": a speech verb only before a clause
    cue_tokens: frozenset[str] = frozenset()  # every speech cue word, with "-nya" after the after/passive ones
    event_heads: set[str] = field(default_factory=set)
    lower_event_heads: set[str] = field(default_factory=set)  # may name an event in lower case, given a cue
    abbrev_event_heads: set[str] = field(default_factory=set)  # short forms always written capitalised ("Rakor", "FGD")
    agenda_event_heads: set[str] = field(default_factory=set)  # a meeting's agenda item ("dalam rangka Penyampaian ...")
    event_cue_before: set[str] = field(default_factory=set)
    event_cue_after: set[str] = field(default_factory=set)
    attendance: set[str] = field(default_factory=set)
    anaphor_nouns: set[str] = field(default_factory=set)
    intransitive_event_verbs: set[str] = field(default_factory=set)  # "berunjuk" (rasa): an event with no object
    event_passives: dict[str, str] = field(default_factory=dict)  # "diresmikan" -> "Peresmian"
    event_verbs: dict[str, str] = field(default_factory=dict)  # "melantik" -> "Pelantikan"  # "kata politikus itu": the person last named  # "turut hadir": the persons named were at the event
    event_words: dict[str, frozenset[str]] = field(default_factory=dict)  # label -> words (event_words.jsonl)
    mention_words: dict[str, frozenset[str]] = field(default_factory=dict)  # label -> words (mention_words.jsonl)
    elections: dict[str, str] = field(default_factory=dict)   # "pemilihan kepala daerah" -> "Pilkada"
    local_kinds: dict[str, str] = field(default_factory=dict)  # "dusun" -> "desa": venue words naming a village or district
    venue_heads: set[str] = field(default_factory=set)
    complete_venues: set[str] = field(default_factory=set)  # ids of heads that name one venue ("Gedung Sate")
    agency_venues: set[str] = field(default_factory=set)  # ids of heads that name a public body, not a place ("Puskesmas")
    balai_units: set[str] = field(default_factory=set)  # "Balai Besar ...", "Balai Pelaksanaan ...": an office, not a hall
    function_words: set[str] = field(default_factory=set)
    abbreviations: set[str] = field(default_factory=set)  # a "." after them ends no sentence ("Pj.", "No.", "Kab.")
    pronouns: set[str] = field(default_factory=set)
    not_entity: set[str] = field(default_factory=set)
    not_name: set[str] = field(default_factory=set)
    name_prefixes: dict[str, frozenset[str] | None] = field(default_factory=dict)  # word -> the words it may open
    lists: dict[str, frozenset[str]] = field(default_factory=dict)  # WORD_LISTS label -> words or phrases
    _phrase_res: dict[str, re.Pattern] = field(default_factory=dict)
    _name_words: dict[str, bool] = field(default_factory=dict)  # is_name_word's answers
    _derived: dict[str, object] = field(default_factory=dict)  # derived(): views made once
    calendar: set[str] = field(default_factory=set)
    hospitals: set[str] = field(default_factory=set)    # "RSUD", "RSUP": a doctor's title after them names the hospital
    named_units: set[str] = field(default_factory=set)  # lower-case words of units named by a proper name ("puskesmas")
    unit_words: set[str] = field(default_factory=set)     # "Administrasi", "Umum": an office's field, never a name
    works_heads: set[str] = field(default_factory=set)    # "pembangunan", "perbaikan": works done ...
    works_objects: set[str] = field(default_factory=set)  # ... on "jalan", "jembatan": an event (kg/nlp/works.py)

    def region_forms(self, rec: dict) -> list[str]:
        """Every surface form of a region: official, bare, abbreviated, aliases."""
        name, kind = rec["name"], rec["kind"]
        forms = [rec["pattern"], name, *rec.get("aliases", [])]
        if kind == "kabupaten":
            forms += [f"Kab. {name}", f"Kab {name}"]
        elif kind == "provinsi":
            forms += [f"Prov. {name}", f"Prov {name}"]
            forms += [f"Provinsi {a}" for a in rec.get("aliases", [])]
        elif kind == "kota":
            forms += [f"Kota Administrasi {name}"] if "Jakarta" in name else []
        return list(dict.fromkeys(forms))

    def phrases(self, label: str) -> re.Pattern:
        """``(?:a|b c|...)`` over the phrases of a word list, longest first, any run of spaces between
        words; case as written in the list (match with ``re.I`` flags added by the caller if needed)."""
        pat = self._phrase_res.get(label)
        if pat is None:
            alts = sorted(self.lists.get(label, ()), key=lambda p: (-len(p), p))
            pat = self._phrase_res[label] = re.compile(
                "(?:" + "|".join(r"\s+".join(map(re.escape, a.split())) for a in alts) + ")")
        return pat

    def derived(self, name: str, make):
        """``make(self)``, made on first use and kept (a view of the rules that a module needs often)."""
        got = self._derived.get(name)
        if got is None:
            got = self._derived[name] = make(self)
        return got

    def kinds(self, label: str) -> dict[str, str]:
        """{word: its ``kind``}, in the order of words.jsonl, of a word list whose records give one
        (``REGION_KIND_WORD``: "kab" -> kabupaten; ``REGION_KIND_CUE``: "Pemkot" -> kota; ``LAW_KIND``:
        "undang" -> uu; ``LAW_ISSUER``: "Peraturan Gubernur" -> pergub)."""
        return self.derived("kinds-" + label, lambda lx: {
            r["pattern"]: r["kind"] for r in lx.records["words"] if r["label"] == label})

    def office_word(self, head: str) -> str:
        """The first word of a title record's full form: "menteri" for both "Menteri" and "Mendagri", "sekretaris"
        for "Sekda" and "Sekretaris Daerah Kabupaten" (``head`` is the record's id)."""
        words = self.derived("office_words", lambda lx: {
            r["id"]: (r.get("expands") or r["pattern"]).split()[0].lower() for r in reversed(lx.records["titles"])})
        return words.get(head, head)

    def is_civil_body(self, words: list[str]) -> bool:
        """Do the lower-case ``words`` name a civil-society body: a head such bodies share with the state's
        (``CIVIL_BODY_HEAD``: "forum", "lembaga", "kelompok") and a word of citizens' own organising after it
        (``CIVIL_WORD``: "masyarakat", "peduli", "pemantau", "honorer", "tani")? "Forum Masyarakat Peduli X",
        "Lembaga Pemantau Anggaran X" are no government body; "Lembaga Administrasi Negara" is one."""
        return bool(words) and words[0] in self.lists["CIVIL_BODY_HEAD"] \
            and any(w in self.lists["CIVIL_WORD"] for w in words[1:])

    def is_name_word(self, word: str) -> bool:
        """Could ``word`` be part of a person's name (by shape and by the lexicon)? (answers kept by word)"""
        got = self._name_words.get(word)
        if got is None:
            if len(self._name_words) > 200_000:
                self._name_words.clear()  # a bound on a long run's memory
            got = self._name_words[word] = self._is_name_word(word)
        return got

    def _is_name_word(self, word: str) -> bool:
        w = word.strip(".")
        if not w or not w[0].isupper() or w.isupper() and len(w) > 1 or _BRAND_CASE.search(w):
            return False  # "BKN", "SiAPIK", "WhatsApp": an acronym or a brand's name, no person's
        low = w.lower()
        if low in self.function_words or low in self.calendar or w in self.not_entity or low in self.not_name:
            return False
        if low in self.titles or low in self.acting or low in self.cue_after or low in self.cue_verbs:
            return False
        if low in self.event_heads or low in self.venue_heads or low in self.unit_words \
                or low in self.mention_words.get("BODY_HEAD", ()):  # "Kanreg juga meminta ...": a body
            return False
        if w in self.mention_words.get("REG_HEAD", ()):  # "mengatakan Pergub tersebut ...": a regulation
            return False
        # "Menjadi", "Kegiatan": a derivation of a common word; "Beserta", "Kemudian": a function word
        return not is_derived_word(w) and not is_function_word(w)


#: a capital after a small letter inside a word: an application's or a brand's name ("SiAPIK", "WhatsApp",
#: "KemenPANRB"), no person's
_BRAND_CASE = re.compile(r"[a-z][A-Z]")


def _add(index: dict[str, str], form: str, ident: str) -> None:
    key = norm(form)
    if key and key not in index:
        index[key] = ident


#: plain word lists of ``words.jsonl`` (``Lexicon.lists``), read by the extractors
WORD_LISTS = ("SUBJECT_ADVERB", "UNIT_HEAD", "NAME_CONNECTOR", "PLACE_PREP", "UNNAMED_SPEAKER", "VILLAGE_WORD",
              "DIRECTION", "DEMONSTRATIVE_LEAD", "CONTINUING_LEAD", "NON_PERSON_APPOSITION", "ELSEWHERE_LEAD", "GUEST_LEAD",
              "GROUP_WORD", "NICKNAME_CUE", "NICKNAME_MODIFIER", "ORG_FORM", "NAME_NUMBER", "POINTING_BACK", "NEGATION", "TITLE_TAIL",
              "APPOSITION_LEAD", "HOLDING_VERB", "CLAUSE_LEAD",
              "SCHOOL_HEAD", "CHANNEL_LEAD",
              "TOWN_LEAD", "LIST_LEAD", "PLACE_NOUN", "TOPONYM_HEAD", "SAID_OBJECT", "CLAUSE_MARK", "AT_EVENT",
              "BODY_ANAPHOR", "SPEECH_ACT_OBJECT", "FUNCTIONAL_GRADE",
              "GENERIC_AGENCY_HEAD", "SHARED_FIRST_WORD", "SOURCE_NOUN", "SPEAKER_PRONOUN", "REGION_KIND_CUE",
              "FIELD_BREAK", "REGION_KIND_WORD", "LAW_KIND", "LAW_ISSUER", "NAMED_LAW_HEAD",
              "GOV_SHORT", "MINISTRY_HEAD", "MERGED_HEAD", "SECTION_HEAD", "SECTION_CHIEF", "NATIONAL_MARK",
              "FUSED_HEAD_PREFIX", "FUTURE_TIME", "LIST_JOINER", "COUNT_LEAD", "NICKNAME_AFTER", "ADAT_TITLE_LEAD", "REPRESENTING", "REFUSAL", "NUMBER_WORD",
              "SAYING_SCENE", "SHARED_OFFICE", "UNTOLD_VERB", "FROM_LEAD", "NAME_LIST_NOUN",
              "COORDINATOR", "LOCATIVE_PREP", "RANGE_END", "GENERIC_EVENT", "VERB_LEAD", "EVENT_NAME_JOINER", "PAST_ADVERB",
              "AS_OFFICE", "SOURCE_CUE", "LIKE_LEAD", "NUMBER_MARK", "MINISTER_WORD", "NOT_SUBJECT_WORD", "TEAM_WORD", "ELECTORAL_DISTRICT", "AFFILIATION", "PLACE_ADJECTIVE", "SOURCE_PRONOUN", "PERSON_NOUN", "VIEW_NOUN", "CONFIRM_VERB", "OFFICE_STATUS",
              "CIVIL_BODY_HEAD", "CIVIL_WORD", "QA_LABEL")

def _head_titles(agency_types: list[dict], titles: list[dict], prefixes: tuple[str, ...]) -> list[dict]:
    """Titles fused from "Ka" (kepala) and a unit's short name: "Kadiskominfo", "Kabappeda",
    "Kasatpol PP" -> the head of that unit in the region named after the title; ``prefixes``: how the short
    names that so fuse begin (``FUSED_HEAD_PREFIX`` in words.jsonl: "Dis", "Bap", "Satpol")."""
    known = {norm(f) for r in titles for f in [r["pattern"], *r.get("aliases", [])]}
    out = []
    for r in agency_types:
        forms = [a for a in r.get("aliases", []) if a.startswith(prefixes) and "-" not in a]
        for a in forms:
            fused = "Ka" + a[0].lower() + a[1:]
            if norm(fused) in known:
                continue
            known.add(norm(fused))
            out.append({"label": "TITLE", "pattern": fused, "id": f"kepala-{r['id']}", "aliases": [],
                        "org": "following", "unit": r["id"], "expands": f"Kepala {a}"})
    return out


def _short_unit_titles(agency_types: list[dict], titles: list[dict]) -> list[dict]:
    """The titles, each that ends with a unit type's full name also written with the unit's one-word short
    form: "Panglima Komando Daerah Militer" is also "Panglima Kodam", "Kepala Kejaksaan Negeri" "Kepala Kejari"."""
    known = {norm(f) for r in titles for f in [r["pattern"], *r.get("aliases", [])]}
    out = []
    for t in titles:
        extra = []
        for r in agency_types:
            if t["label"] == "TITLE" and t["pattern"].endswith(" " + r["pattern"]):
                head = t["pattern"][:-len(r["pattern"]) - 1]
                extra += [f"{head} {a}" for a in r.get("aliases", []) if " " not in a
                          and norm(f"{head} {a}") not in known]
        out.append({**t, "aliases": [*t.get("aliases", []), *extra]} if extra else t)
    return out


def _graded_titles(titles: list[dict], grades: list[str]) -> list[dict]:
    """The functional positions (``"grades": true``) also with each grade after them: "Analis Kebijakan Ahli
    Madya", "Pranata Komputer Terampil"."""
    return [{**t, "aliases": [*t.get("aliases", []), *(f"{form} {g}" for form in [t["pattern"], *t.get("aliases", [])]
                                                       for g in grades)]} if t.get("grades") else t for t in titles]


def _region_codes(rec: dict) -> set[str]:
    """Short codes a province goes by when fused to a title: its one-word aliases ("Kalbar"), the
    initials of a name of several words ("SU"), the first two letters of a one-word name ("Ri")."""
    name = rec["name"]
    codes = {a.lower() for a in rec.get("aliases", []) if " " not in a and len(a) <= 7}
    words = name.split()
    codes.add("".join(w[0] for w in words).lower() if len(words) > 1 else name[:2].lower())
    return codes


def _fused_titles(regions: list[dict], titles: list[dict]) -> list[dict]:
    """A regional leader's short title fused with the province's code ("Wagubri", "Gubsu", "Wagubkalbar"),
    from the ``fuse_region`` short forms of a title record: that office of that province."""
    known = {norm(f) for r in titles for f in [r["pattern"], *r.get("aliases", [])]}
    provinces = [reg for reg in regions if reg["kind"] == "provinsi"]
    codes = {reg["id"]: _region_codes(reg) for reg in provinces}
    shared = {c for reg in provinces for c in codes[reg["id"]]
              if sum(c in cs for cs in codes.values()) > 1}  # "SU": Sumatera Utara or Sulawesi Utara
    out = []
    for t in titles:
        for short in t.get("fuse_region", ()):
            for reg in provinces:
                for code in sorted(codes[reg["id"]] - shared):
                    fused = short + code
                    if norm(fused) in known:
                        continue
                    known.add(norm(fused))
                    out.append({**{k: v for k, v in t.items() if k != "fuse_region"}, "pattern": fused, "aliases": [],
                                "region": reg["id"], "expands": f"{t['pattern']} {reg['name']}"})
    return out


def _sub_offices(agency_types: list[dict]) -> list[dict]:
    """Jakarta's "Suku Dinas" (Sudin): a provincial dinas's office in one administrative city,
    "Sudin Lingkungan Hidup Jakarta Timur" -> Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Timur."""
    out = []
    for r in agency_types:
        if not r["pattern"].startswith("Dinas ") or "provinsi" not in r.get("levels", ()):
            continue
        forms = [f for f in [r["pattern"], *r.get("aliases", [])] if f.startswith("Dinas ")]
        out.append({"label": "AGENCY_TYPE", "pattern": "Suku " + r["pattern"], "id": f"suku-{r['id']}",
                    "aliases": [*("Suku " + f for f in forms[1:]), *("Sudin " + f[len("Dinas "):] for f in forms)],
                    "levels": ["kota"]})
    return out


def word_labels() -> frozenset[str]:
    """Every label ``words.jsonl`` may use."""
    return frozenset(_WORD_SET_LABELS) | {"EVENT_VERB", "NAME_PREFIX", *WORD_LISTS}


_WORD_SET_LABELS = ("FUNCTION_WORD", "PRONOUN", "NOT_ENTITY", "NOT_NAME", "EVENT_CUE_BEFORE", "EVENT_CUE_AFTER",
                    "ATTENDANCE", "ANAPHOR_NOUN", "UNIT_WORD", "WORKS_HEAD", "WORKS_OBJECT", "HOSPITAL",
                    "NAMED_UNIT", "BALAI_UNIT", "ABBREVIATION")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The package's lexicon, loaded on first use."""
    recs = {name: load_rules(name) for name in RULE_FILES}
    lx = Lexicon(records=recs)
    _index_gazetteers(lx, recs)
    _index_titles(lx, recs)
    _index_cues(lx, recs)
    _index_words(lx, recs["words"])
    lx.calendar.update(r["pattern"].lower() for r in recs["calendar"] if r["label"] in ("DAY", "MONTH"))  # day and month names (kg.dates: every form)
    return lx


def _index_gazetteers(lx: Lexicon, recs: dict[str, list[dict]]) -> None:
    """Regions, agencies, agency types (with their derived sub-offices), agency parts and policies by name."""
    for r in recs["regions"]:
        lx.regions[r["id"]] = r
        for form in lx.region_forms(r):
            lx.region_names.setdefault(norm(form), []).append(r["id"])
    for r in recs["agencies"]:
        lx.agencies[r["id"]] = r
        for form in [r["pattern"], *r.get("aliases", [])]:
            _add(lx.agency_index, form, r["id"])
    recs["agency_types"] = recs["agency_types"] + _sub_offices(recs["agency_types"])
    for r in recs["agency_types"]:
        lx.agency_types[r["id"]] = r
        for form in [r["pattern"], *r.get("aliases", [])]:
            _add(lx.agency_type_index, form, r["id"])
    for r in recs["agency_parts"]:
        for form in [r["pattern"], *r.get("aliases", [])]:
            lx.agency_parts[norm(form)] = r
    lx.agency_part_starts = frozenset(k[:n] for k in lx.agency_parts for n in range(1, len(k) + 1))
    lx.kanwil_of = {r["parent"]: r["id"] for r in recs["agency_types"] if r.get("parent")}
    for r in recs["policies"]:
        lx.policies[r["id"]] = r
        for form in [r["pattern"], *r.get("aliases", [])]:
            _add(lx.policy_index, form, r["id"])


def _index_titles(lx: Lexicon, recs: dict[str, list[dict]]) -> None:
    """Titles (with the heads of agency types and titles fused with a region), acting forms, and the
    honorifics, ranks and degrees around a name."""
    recs["titles"] = _graded_titles(_short_unit_titles(recs["agency_types"], recs["titles"]),
                                    [r["pattern"] for r in recs["words"] if r["label"] == "FUNCTIONAL_GRADE"])
    recs["titles"] = recs["titles"] + _head_titles(recs["agency_types"], recs["titles"],
                                                 tuple(r["pattern"] for r in recs["words"] if r["label"] == "FUSED_HEAD_PREFIX")) \
        + _fused_titles(recs["regions"], recs["titles"])
    for r in recs["titles"]:
        forms = [r["pattern"], *r.get("aliases", [])]
        if r["label"] == "ACTING":
            for form in forms:
                lx.acting[norm(form)] = r["pattern"]
        else:
            for form in forms:
                lx.titles.setdefault(norm(form), r)
    for r in recs["honorifics"]:
        target = {"HONORIFIC": lx.honorifics, "RANK": lx.ranks, "DEGREE": lx.degrees}[r["label"]]
        target.add(r["pattern"].rstrip(".").lower())
    lx.address = frozenset(lx.degrees | lx.honorifics | lx.ranks)


def _index_cues(lx: Lexicon, recs: dict[str, list[dict]]) -> None:
    """Speech cues, event heads and event words, mention words and venue heads."""
    for r in recs["speech"]:
        {"CUE_AFTER": lx.cue_after, "CUE_VERB": lx.cue_verbs,
         "CUE_PASSIVE": lx.cue_passive, "CUE_CLAUSE": lx.cue_clause,
         "CUE_PHRASE": lx.cue_phrases}[r["label"]].add(r["pattern"].lower())
        if r.get("clause"):
            lx.cue_if_clause.add(r["pattern"].lower())
    lx.cue_tokens = frozenset(lx.cue_after | lx.cue_passive | lx.cue_verbs
                              | {w + "nya" for w in lx.cue_after | lx.cue_passive})
    lx.event_heads = {r["pattern"].lower() for r in recs["events"]}
    lx.lower_event_heads = {r["pattern"].lower() for r in recs["events"] if r.get("lower_name")}
    lx.abbrev_event_heads = {r["pattern"].lower() for r in recs["events"] if r.get("abbrev")}
    lx.agenda_event_heads = {r["pattern"].lower() for r in recs["events"] if r.get("agenda")}
    groups: dict[str, set[str]] = {}
    for r in recs["event_words"]:
        groups.setdefault(r["label"], set()).add(r["pattern"])
        if r["label"] == "ELECTION":
            lx.elections[r["pattern"]] = r["name"]
    lx.event_words = {label: frozenset(ws) for label, ws in groups.items()}
    groups = {}
    for r in recs["mention_words"]:
        groups.setdefault(r["label"], set()).add(r["pattern"])
    lx.mention_words = {label: frozenset(ws) for label, ws in groups.items()}
    lx.local_kinds = {r["pattern"].lower(): r["local"] for r in recs["venues"] if r.get("local")}
    lx.venue_heads = {r["pattern"].lower() for r in recs["venues"]}
    lx.complete_venues = {r["id"] for r in recs["venues"] if r.get("complete")}
    lx.agency_venues = {r["id"] for r in recs["venues"] if r.get("agency")}


def _index_words(lx: Lexicon, words: list[dict]) -> None:
    """The word sets and lists of ``words.jsonl``, by label; an unknown label is an error."""
    word_sets = {"FUNCTION_WORD": lx.function_words, "PRONOUN": lx.pronouns, "NOT_ENTITY": lx.not_entity,
                 "NOT_NAME": lx.not_name, "EVENT_CUE_BEFORE": lx.event_cue_before,
                 "EVENT_CUE_AFTER": lx.event_cue_after, "ATTENDANCE": lx.attendance,
                 "ANAPHOR_NOUN": lx.anaphor_nouns, "UNIT_WORD": lx.unit_words,
                 "WORKS_HEAD": lx.works_heads, "WORKS_OBJECT": lx.works_objects, "HOSPITAL": lx.hospitals,
                 "NAMED_UNIT": lx.named_units, "BALAI_UNIT": lx.balai_units,
                 "ABBREVIATION": lx.abbreviations}
    for r in words:
        if r["label"] in word_sets:
            word_sets[r["label"]].add(r["pattern"])
        elif r["label"] == "EVENT_VERB":
            lx.event_verbs[r["pattern"]] = r["noun"]
            if r.get("intransitive"):
                lx.intransitive_event_verbs.add(r["pattern"])
            if r.get("passive"):
                lx.event_passives[r["passive"]] = r["noun"]
        elif r["label"] == "NAME_PREFIX":
            lx.name_prefixes[r["pattern"]] = frozenset(r["next"]) if r.get("next") else None
        elif r["label"] in WORD_LISTS:
            lx.lists[r["label"]] = lx.lists.get(r["label"], frozenset()) | {r["pattern"]}
        else:
            known = sorted(word_labels())
            raise ValueError(f"kg/rules/words.jsonl: unknown label {r['label']!r} (known: {', '.join(known)})")
